"""Attribution: the cue and the source of a quote, and the speaker the source names.

* windows of words after a closing and before an opening quotation mark, and the cue verb (data/cues.tsv)
  or "according to" in them, with the cue's subject as the source;
* the clause or complement a cue reports, for indirect quotes ("X said (that) ...", "X called for ...");
* speaker labels of transcripts ("WALLACE: ...") and headlines that attribute ("X: ...", "X says ...");
* tidying source words, their head word, and the entity it names (a pronoun takes its antecedent).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.first_names import name_gender
from dateline.lexicon.words import MENTION_HONORIFIC, SUBJECT_GENDER
from dateline.nlp.doctext import ABBREVIATION_END, doc_text
from dateline.nlp.quotemarks import CLOSERS, MIN_WORDS, FoundQuote, QuotedSpan, strip_span
from dateline.records import Entity, Mention, Speaker

_SUBJECTS = ("nsubj", "nsubjpass")
# a transcript's speaker label at the start of a paragraph: "WALLACE: ...", "MR. PENCE: ..."
_LABEL = re.compile(r"[ \t]*[“\"„«]?[ \t]*((?:[A-Z][A-Z.'’\-]+[ \t]+){0,2}[A-Z][A-Z'’\-]+):[ \t]+(?=\S)")
_NOT_LABELS = frozenset(
    {
        "UPDATE",
        "CORRECTION",
        "CLARIFICATION",
        "EDITOR",
        "NOTE",
        "SOURCE",
        "WATCH",
        "READ",
        "PHOTO",
        "BREAKING",
        "EXCLUSIVE",
        "LIVE",
        "VIDEO",
        "ANALYSIS",
        "OPINION",
        "PHOTOS",
        "LISTEN",
    }
)
_NOT_SOURCES = frozenset({"it", "there", "this", "that", "which", "what"})


_HEAD_SOURCE = r"[A-Z][\w.'’\-]*(?:[ \t]+(?:of|for|the|[A-Z][\w.'’\-]*)){0,5}"
_HEAD_COLON = re.compile(rf"[ \t]*(?P<source>{_HEAD_SOURCE})(?P<cue>:)[ \t]+(?P<content>\S.*?)[ \t.]*$")
_HEAD_SAYS = re.compile(
    rf"[ \t]*(?P<source>{_HEAD_SOURCE})[ \t]+(?P<cue>[Ss]ays|[Ww]arns|[Cc]laims|[Ii]nsists|[Aa]dmits|[Dd]enies)"
    r"[ \t]+(?:[Tt]hat[ \t]+)?(?P<content>\S.*?)[ \t.]*$"
)
_NOT_HEAD_SOURCES = frozenset(
    {
        "breaking",
        "exclusive",
        "live",
        "video",
        "watch",
        "analysis",
        "opinion",
        "review",
        "update",
        "photos",
        "read",
        "listen",
        "editorial",
        "correction",
        "note",
    }
)


def find_headline_quotes(text: str, headline: tuple[int, int]) -> list[FoundQuote]:
    """A headline that attributes: "Pat Caddell: Voters worried about ..." or "De Blasio says the explosion
    was ..." (a colon after a short capitalised name, or a speech verb after it)."""
    start, end = headline
    line = text[start:end]
    if "\n" in line.strip():
        return []
    for pattern in (_HEAD_COLON, _HEAD_SAYS):
        m = pattern.match(line)
        if m is None or m.group("source").split()[0].lower() in _NOT_HEAD_SOURCES:
            continue
        if len(re.findall(r"\w+", m.group("content"))) < MIN_WORDS - 1:
            continue
        lo, hi = strip_span(text, start + m.start("content"), start + m.end("content"))
        lo, hi = lo + (text[lo] in CLOSERS), hi - (text[hi - 1] in '”’"»')
        cue = (start + m.start("cue"), start + m.end("cue"))
        return [FoundQuote("direct", lo, hi, cue, (start + m.start("source"), start + m.end("source")), -1)]
    return []


def speaker_label(text: str, at: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(name, colon) offsets of a transcript speaker label starting at `at` ("WALLACE: ..."), or None."""
    m = _LABEL.match(text, at)
    if m is None or m.group(1).split()[-1].strip(".") in _NOT_LABELS or len(m.group(1)) < 2:
        return None
    return (m.start(1), m.end(1)), (m.end(1), m.end(1) + 1)


def find_transcript_lines(
    text: str, paras: list[tuple[int, int]], quoted: list[FoundQuote]
) -> list[FoundQuote]:
    """Paragraphs that open with a speaker label and no quotation mark: each is that speaker's words."""
    out: list[FoundQuote] = []
    for number, (ps, pe) in enumerate(paras):
        label = speaker_label(text, ps)
        if label is None or any(ps <= f.start < pe for f in quoted):
            continue
        start, end = strip_span(text, label[1][1] + 1, pe)
        if len(re.findall(r"\w+", text[start:end])) >= MIN_WORDS:
            out.append(FoundQuote("direct", start, end, label[1], label[0], number))
    return out


def _tokens_between(doc: Doc, starts: list[int], lo: int, hi: int) -> Span:
    return doc[bisect_left(starts, lo) : bisect_left(starts, hi)]


def window_after(doc: Doc, text: str, q: QuotedSpan, paras: list[tuple[int, int]], starts: list[int]) -> Span:
    """The words after a closing quotation mark, up to the end of the sentence or the next quotation."""
    pe = paras[q.paragraph if q.closed else q.paragraph][1]
    lo = q.close_at + 1
    hi = lo
    while hi < pe:
        ch = text[hi]
        if ch in '“„«"‘' and hi > lo:
            break
        if (
            ch in ".!?"
            and (hi + 1 >= pe or text[hi + 1].isspace() or text[hi + 1] in '”"’')
            and not ABBREVIATION_END.search(text[lo:hi])
        ):
            break
        hi += 1
    return _tokens_between(doc, starts, lo, hi)


def window_before(
    doc: Doc, text: str, q: QuotedSpan, paras: list[tuple[int, int]], starts: list[int]
) -> Span:
    """The words of the sentence before an opening quotation mark ("The diplomat noted that | “...")."""
    ps = paras[q.paragraph][0]
    hi = q.open_at
    lo = hi
    while lo > ps:
        ch = text[lo - 1]
        if ch in '”»"’' and lo - 1 > ps and text[lo - 2] in ".!?,":
            break
        if ch in ".!?" and text[lo : lo + 1].isspace() and not ABBREVIATION_END.search(text[ps : lo - 1]):
            break
        lo -= 1
    return _tokens_between(doc, starts, lo, hi)


def find_attribution(
    window: Span, cues: dict[str, str], *, prefer_last: bool
) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """(cue, source) offsets of the attribution in a window of words around a quote, or None."""
    verbs = [t for t in window if is_cue(t, cues, speech_only=not prefer_last)]
    if not prefer_last:  # '"...," she said. She says it ...': a cue with its own clause reports that clause
        verbs = [t for t in verbs if not any(c.dep_ == "ccomp" and c.i > t.i for c in t.children)]
    if not verbs:
        if not prefer_last:
            according = _according_in(window)
            if according is not None:
                return according
        return None
    cue = verbs[-1] if prefer_last else verbs[0]
    source = _source(cue, window)
    return (cue.idx, cue.idx + len(cue.text)), source


def _according_in(window: Span) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    for t in window:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            source = _clip(objects[0], window) if objects else None
            return (t.idx, to.idx + len(to.text)), source
    return None


def is_cue(token: Token, cues: dict[str, str], *, speech_only: bool) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.tag_ in ("MD",):
        return False
    kind = cues.get(token.lemma_.lower()) or cues.get(token.lower_)
    if kind is None:
        return False
    return kind == "speech" or not speech_only


def _source(cue: Token, window: Span | None) -> tuple[int, int] | None:
    """The subject of a cue (climbing to the verb it hangs from: "..., saying"), as offsets."""
    token: Token | None = cue
    for _ in range(3):
        if token is None:
            break
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in _NOT_SOURCES and subject.dep_ == "nsubj" and subject.tag_ != "WDT":
                return None
            return _clip(subject, window)
        if token.dep_ in ("advcl", "conj", "xcomp", "relcl") and token.head is not token:
            token = token.head
            continue
        break
    if window is not None:  # "..., the ambassador said": nouns in the window before the cue
        nouns = [t for t in window if t.i < cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
        if nouns:
            return nouns[0].idx, nouns[-1].idx + len(nouns[-1].text)
    return None


def _clip(token: Token, window: Span | None) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    if window is not None:
        lo = max(left.i, window.start)
        hi = min(right.i, window.end - 1)
        if lo > token.i or hi < token.i:
            lo = hi = token.i
        left, right = token.doc[lo], token.doc[hi]
    while right.i > token.i and (right.is_punct or right.dep_ in ("cc", "prep", "advmod")):
        right = token.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def find_reported(cue: Token, cues: dict[str, str], ps: int, pe: int, number: int) -> FoundQuote | None:
    """ "X said (that) ...", "..., X said", "X told reporters ...": the clause of a cue verb; failing a
    clause, what the cue is about: "X called for a ban", "X wants to leave", "X criticized the plan"."""
    kind = cues.get(cue.lemma_.lower()) or cues.get(cue.lower_)
    comp = _complement(cue, kind)
    if comp is None:
        return None
    lo, hi = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge.text)
    if comp.i == cue.head.i and cue.dep_ == "parataxis":
        # the cue interrupts its content: keep the longer side of ", X said,"
        text = doc_text(cue.doc)
        before = _strip_punct(text, max(lo, ps), cue.left_edge.idx)
        after = _strip_punct(text, cue.right_edge.idx + len(cue.right_edge.text), min(hi, pe))
        lo, hi = before if before[1] - before[0] >= after[1] - after[0] else after
    elif comp.i < cue.i:  # content before the cue: stop before the source and the cue
        subject_start = min([c.left_edge.idx for c in cue.children if c.dep_ in _SUBJECTS] + [cue.idx])
        hi = min(hi, subject_start)
    lo, hi = max(lo, ps), min(hi, pe)
    lo, hi = _strip_punct(doc_text(cue.doc), lo, hi)
    if hi - lo < 3:
        return None
    source = _source(cue, None)
    if source is None:
        return None
    end = cue.idx + len(cue.text)
    if comp.dep_ == "pobj" and comp.head.i == cue.i + 1:
        end = comp.head.idx + len(comp.head.text)  # "called for", "talked about"
    return FoundQuote("indirect", lo, hi, (cue.idx, end), source, number)


_TOPIC_PREPS = frozenset({"about", "for", "against", "on", "of", "over", "to"})
_AUDIENCE = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "urge", "thank", "call", "press"})


def _complement(cue: Token, kind: str | None) -> Token | None:
    """The token heading what a cue reports: its clause, else (for topic cues) its object."""
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if comps:
        if kind == "complement" and comps[0].i < cue.i:
            return None
        return comps[0]
    if cue.dep_ == "parataxis" and kind == "speech" and cue.head.i != cue.i:
        return cue.head  # "Acts of protest, Mr. Obama said, are acts of patriotism": the clause around it
    if kind not in ("topic", "speech", "complement"):
        return None
    for child in cue.children:
        if (
            child.dep_ == "xcomp"
            and child.i > cue.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return child
    if kind == "complement":
        return None
    for child in cue.children:
        if child.dep_ in ("dobj", "obj") and child.i > cue.i and child.pos_ != "PRON":
            if cue.lemma_.lower() in _AUDIENCE and child.pos_ in ("PROPN", "PRON"):
                continue
            if cue.lemma_.lower() in ("tell", "ask", "inform") and child.lower_ in (
                "reporters",
                "journalists",
            ):
                continue
            return child
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS and child.i > cue.i:
            if child.lower_ == "to" and cue.lemma_.lower() in ("speak", "talk"):
                continue  # "spoke to reporters": the audience, not what was said
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects[0]
    return None


def find_according(token: Token, ps: int, pe: int, number: int) -> FoundQuote | None:
    """ "..., according to X" / "According to X, ...": the rest of the sentence is the content."""
    doc = token.doc
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = _clip(objects[0], None)
    phrase_end = max(objects[0].right_edge.idx + len(objects[0].right_edge.text), source[1])
    sent_start, sent_end = sentence_bounds(doc, token.i)
    s_lo, s_hi = max(sent_start, ps), min(sent_end, pe)
    text = doc_text(doc)
    before = _strip_punct(text, s_lo, token.idx)
    after = _strip_punct(text, phrase_end, s_hi)
    lo, hi = before if before[1] - before[0] >= after[1] - after[0] else after
    if hi - lo < 8:
        return None
    cue = (token.idx, to.idx + len(to.text))
    return FoundQuote("indirect", lo, hi, cue, source, number)


def _strip_punct(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:—–-"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:—–-"):
        hi -= 1
    return lo, hi


_TIME = re.compile(r"^\s*\d{1,2}(?::\d\d)?\s*(?:[ap]\.\s?m\.|[ap]m\b)\s*", re.IGNORECASE)


def tidy_source(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Source words without what a parse of a story's layout drags in: a time line ("5:45 p.m.") or an
    earlier paragraph ("11:05 a.m. | Donald Trump" is Donald Trump); None when nothing is left."""
    words = text[lo:hi]
    cut = words.rfind("\n")
    if cut >= 0 and words[cut:].strip():
        lo, words = lo + cut + 1, words[cut + 1 :]
    time = _TIME.match(words)
    if time is not None:
        lo, words = lo + time.end(), words[time.end() :]
    while words and words[0].isspace():
        lo, words = lo + 1, words[1:]
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi <= lo or not any(ch.isalpha() for ch in text[lo:hi]):
        return None
    return lo, hi


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) character offsets of the sentence of token i, from sentence bounds computed once per Doc
    (spaCy's `Token.sent` walks every sentence on each call)."""
    bounds = doc.user_data.get(_SENTS_KEY)
    if bounds is None:
        bounds = doc.user_data[_SENTS_KEY] = [(s.start, s.start_char, s.end_char) for s in doc.sents]
    _, start, end = bounds[max(_bisect_sent(bounds, i), 0)]
    return start, end


_SENTS_KEY = "dateline.sentences"


def _bisect_sent(bounds: list[tuple[int, int, int]], i: int) -> int:
    lo, hi = 0, len(bounds)
    while lo < hi:
        mid = (lo + hi) // 2
        if bounds[mid][0] <= i:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def source_head(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """(start, end) of the head word of the source words: the token whose head lies outside them."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or len(span) == 0:
        return lo, hi
    inside = [t for t in span if not (lo <= t.head.idx < hi) or t.head is t]
    words = [t for t in inside if not t.is_punct] or list(span)
    head = words[0]
    return head.idx, head.idx + len(head.text)


def find_speaker(source: tuple[int, int], doc: Doc, entities: list[Entity]) -> Speaker:
    """The entity with a mention on the head word of the source words ("Mike Schmidt, an adviser at the Clinton
    campaign" is Schmidt, "the New York businessman" is no place), else the source words themselves."""
    text = doc_text(doc)
    lo, hi = source
    head_lo, head_hi = source_head(doc, lo, hi)
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        for m in entity.mentions:
            if m.start < head_hi and head_lo < m.end:
                rank = (0 if entity.type in ("PERSON", "ORG") else 1) * 10_000 + abs(m.start - lo)
                if best is None or rank < best[0]:
                    best = (rank, entity)
    if best is not None:
        return Speaker(entity=best[1].id, name=best[1].name)
    pronoun = text[head_lo:head_hi].lower()
    if pronoun in SUBJECT_GENDER:
        person = _antecedent(entities, head_lo, SUBJECT_GENDER[pronoun])
        if person is not None:  # "he said" where the people stage left "he" open: the last man named
            person.mentions.append(Mention(text=text[head_lo:head_hi], start=head_lo, end=head_hi))
            person.mentions.sort(key=lambda m: m.start)
            return Speaker(entity=person.id, name=person.name)
    return Speaker(entity=None, name=" ".join(text[lo:hi].split()))


def entity_gender(entity: Entity) -> str | None:
    """A person's gender as the story marks it: an honorific ("Mrs. Clinton"), a first name of known gender
    ("Hillary Clinton"), else the pronouns already linked to them; None when nothing says."""
    for m in entity.mentions:
        honorific = MENTION_HONORIFIC.match(m.text)
        if honorific is not None:
            return name_gender(entity.name, honorific=honorific.group(1))
    gender = name_gender(entity.name, honorific=None)
    if gender is not None:
        return gender
    linked = {SUBJECT_GENDER[m.text.lower()] for m in entity.mentions if m.text.lower() in SUBJECT_GENDER}
    return linked.pop() if len(linked) == 1 else None


def _antecedent(entities: list[Entity], position: int, gender: str) -> Entity | None:
    """The person named last before a position whose gender does not rule out the pronoun."""
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type != "PERSON" or entity_gender(entity) not in (None, gender):
            continue
        before = [m.end for m in entity.mentions if m.end <= position]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), entity)
    return best[1] if best else None
