"""People and organisations: who is who across a story, with titles, countries and actor codes.

`find_entities(doc)` starts from the model's named entities and corrects them with rules where a small
model goes wrong on wire copy: a name after a title is a person ("Turkish Ambassador to Russia Umit
Yardim", even when the model says ORG), a surname alone that names a known person is that person. It reads
titles before and after names from the titles lexicon ("Russian Foreign Minister Sergey Lavrov",
"Lavrov, Russia's foreign minister") and gives each person the country and sector they imply (RUSGOV); "his
Turkish counterpart X" takes the role of the person he is the counterpart of, with his own country.

Each person or organisation becomes one `Entity` with every mention: the name with its title, the
surname alone, role descriptions ("the ambassador", "the diplomat", "the Turkish envoy", the bare title
"Turkish Ambassador to Russia") and subject pronouns (he, she, who) that refer back to the last person
named. Organisations and places get their codes from the actor lexicon. Titles are read by
`dateline.nlp.persontitles`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.actors import ActorLexicon, load_actor_lexicon
from dateline.lexicon.cues import load_cues
from dateline.lexicon.first_names import load_first_names, name_gender
from dateline.lexicon.people import load_people
from dateline.lexicon.titles import Title, Titles, load_titles
from dateline.lexicon.words import NAME_HONORIFICS, SUBJECT_GENDER
from dateline.nlp.doctext import doc_text
from dateline.nlp.persontitles import (
    SPACE,
    Person,
    TitleMatch,
    give_title,
    lookup_title,
    org_key,
    title_after,
    title_before,
    title_match,
    title_pattern,
)
from dateline.nlp.place_cues import STREET
from dateline.nlp.quotemarks import quoted_spans, split_blocks
from dateline.records import Entity, Mention

NAMED_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
_RELATIVE = frozenset({"who", "whom"})
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_NAME = re.compile(
    r"\s+((?:[A-Z][a-z][\w'’\-]*|[A-Z]\.)(?:\s+(?:[A-Z][a-z][\w'’\-]*|[A-Z]\.)){0,3})(?![\w'’])"
)


def find_entities(
    doc: Doc, *, titles: Titles | None = None, actors: ActorLexicon | None = None
) -> list[Entity]:
    """The people, organisations and places of a story, one `Entity` each with all its mentions."""
    titles = titles or load_titles()
    actors = actors or load_actor_lexicon()
    title_re = title_pattern(titles)
    text = doc_text(doc)
    spans = _named_spans(doc, title_re=title_re, titles=titles, actors=actors)
    people: list[Person] = []
    for label, span, start in spans:
        _place(people, label, span, start=start, text=text, titles=titles, actors=actors, title_re=title_re)
    _known_people(people, titles)
    _bare_names(people, actors)
    _add_descriptions(people, text, title_re=title_re, titles=titles, actors=actors)
    _add_pronouns(people, doc)
    people = [p for p in people if p.mentions]
    out: list[Entity] = []
    for number, person in enumerate(sorted(people, key=lambda p: min(p.mentions)), start=1):
        mentions = [Mention(text=text[s:e], start=s, end=e) for s, e in sorted(person.mentions)]
        out.append(
            Entity(
                id=f"E{number}",
                name=person.name,
                type=person.type,
                title=person.title_text,
                country=person.country,
                actor=person.actor,
                mentions=mentions,
            )
        )
    return out


def _known_people(people: list[Person], titles: Titles) -> None:
    """Give a person the story did not place the country and sector the people lexicon knows them by
    ("Putin" -> RUSGOV), dated story or not; a title the story gave keeps its sector ("President Bush").
    The role the lexicon gives lets a later "the prime minister" refer back to them."""
    lexicon = load_people()
    for person in people:
        if person.type != "PERSON" or (person.country and person.title is not None):
            continue
        known = lexicon.lookup(person.name)
        if known is None:
            continue
        if person.title is None and known.role:
            person.title = lookup_title(known.role.lower(), titles)
        if person.country:
            continue
        code = known.actor
        country = code[:3] if len(known.country) == 3 and known.country.isalpha() else None
        if country and known.country in ("IGO", "IMG"):
            country = None
        if country and person.actor and len(person.actor) == 3 and person.actor.isupper():
            code = country + person.actor
        person.country, person.actor = country, code


def _bare_names(people: list[Person], actors: ActorLexicon) -> None:
    """A one-word name the model calls a person with nothing in the story to say it is one (no title, no
    honorific, no given name, no full name, not in the people lexicon) names a company, brand or body more
    often than a person ("Yukos", "Diageo", "Ryanair" said ...): it becomes an organisation, which "he" does
    not refer back to."""
    given = load_first_names()
    for person in people:
        if (
            person.type == "PERSON"
            and len(person.name.split()) == 1
            and person.title is None
            and person.gender is None
            and person.actor is None
            and person.country is None
            and person.name.casefold() not in given
        ):
            person.type = "ORG"
            _code(person, actors)


# -- named spans ----------------------------------------------------------------------------------------


def _named_spans(
    doc: Doc, *, title_re: re.Pattern[str], titles: Titles, actors: ActorLexicon
) -> list[tuple[str, Span, int]]:
    """(label, span, mention start) of each named span, corrected; a title before a name widens the mention."""
    titled = _titled_names(doc, title_re=title_re, titles=titles, actors=actors)
    out: list[tuple[str, Span, int]] = [("PERSON", span, found.start) for span, found in titled]
    taken = [(found.start, span.end_char) for span, found in titled]
    surnames = {_surname(ent) for ent in doc.ents if ent.label_ == "PERSON" and len(_name_tokens(ent)) > 1}
    surnames |= {_surname(span) for span, _ in titled}
    text = doc_text(doc)
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        span = trim_name(ent)
        if span is None or not any(t.is_alpha for t in span):
            continue
        if any(s < span.end_char and span.start_char < e for s, e in taken):
            continue
        label = ent.label_
        if label in ("ORG", "PERSON") and actors.lookup_country(span.text) and not _looks_like_org(span.text):
            label = "GPE"
        if (
            label == "ORG"
            and span.text.istitle()
            and len(span) <= 3
            and not actors.code_phrase(span.text)
            and (_surname(span) in surnames or title_after(text, span.end_char, titles=titles, actors=actors))
        ):
            label = "PERSON"
        if label == "PERSON" and span.text.isupper() and len(span.text) <= 5:
            label = "ORG"
        found = (
            title_before(text, span.start_char, title_re=title_re, titles=titles, actors=actors)
            if label == "PERSON"
            else None
        )
        out.append((label, span, found.start if found else span.start_char))
    return sorted(out, key=lambda item: item[1].start_char)


def _titled_names(
    doc: Doc, *, title_re: re.Pattern[str], titles: Titles, actors: ActorLexicon
) -> list[tuple[Span, TitleMatch]]:
    """Names right after a title ("Turkish Ambassador to Russia | Umit Yardim"), whatever the model says."""
    out: list[tuple[Span, TitleMatch]] = []
    text = doc_text(doc)
    for m in title_re.finditer(text):
        found = title_match(m, 0, titles, actors)
        if found is None:
            continue
        name = _NAME.match(text, m.end())
        if name is None:
            continue
        words = name.group(1).split()
        post = re.search(r"\s+(?:to|of|for|at)\s+(?:the\s+)?(.+)$", m.group(0))
        cut = 0
        if post is not None:  # "Ambassador to the United | States John Smith": move country words back
            for k in range(len(words) - 1, 0, -1):
                if actors.lookup_country(post.group(1) + " " + " ".join(words[:k])):
                    cut = k
                    break
        words = words[cut:]
        if post is not None and cut == 0 and _body_continues(m.group(0), post.group(1), found, actors):
            continue  # "chief economist at Investec | Securities": the name goes on, no person follows
        if not words or actors.lookup_country(words[0]) or actors.code_phrase(" ".join(words)):
            continue
        if len(words) == 1 and _not_a_name(text, m.start(), name.end(1), words[0], actors):
            continue
        start = name.start(1) + len(" ".join(name.group(1).split()[:cut])) + (1 if cut else 0)
        span = doc.char_span(start, name.end(1), alignment_mode="expand")
        if span is None or not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "X") or t.is_punct for t in span):
            continue
        if len(words) == 1 and span[0].ent_type_ == "ORG" and span[0].ent_iob_ == "I":
            continue  # "General Motors", "Daily Mail & General Trust": one organisation's name holds the title
        if cut:
            found = TitleMatch(
                found.start, start, text[found.start : start].strip(), found.title, found.country
            )
        out.append((span, found))
    return out


def _not_a_name(text: str, title_start: int, end: int, word: str, actors: ActorLexicon) -> bool:
    """Whether one capitalised word after a title is a thing, not a person: a body whose name goes on
    ("the British Chambers of Commerce"), or "the TITLE Word" ("the General Election")."""
    body = re.match(r"\s+of\s+((?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})", text[end : end + 60])
    if body is not None and actors.code_phrase(f"{word} of {body.group(1)}") is not None:
        return True
    return bool(re.search(r"\b[Tt]he\s+$", text[max(0, title_start - 5) : title_start]))


def _body_continues(phrase: str, body: str, found: TitleMatch, actors: ActorLexicon) -> bool:
    """Whether the capitalised words after "TITLE at/of BODY" go on naming the body rather than a person:
    the body is no country and no known actor, and "of X" is not part of the title ("Secretary of State")."""
    if " ".join(phrase.lower().split()).endswith(found.title.title.lower()):
        return False
    return actors.lookup_country(body) is None and actors.code_phrase(body) is None


def _looks_like_org(text: str) -> bool:
    return bool(
        re.search(
            r"\b(ministry|ministries|force|forces|army|navy|office|department|council|party|union|"
            r"committee|agency|service|guard|police|bank|court|parliament|government)\b",
            text,
            re.I,
        )
    )


def trim_name(ent: Span) -> Span | None:
    """The entity without a leading determiner or honorific and without a possessive ending, and inside one
    sentence: the model's "Israel. Syrian President Bashar Assad" starts at "Syrian"."""
    start, end = ent.start, ent.end
    for i in range(start + 1, end):
        if ent.doc[i - 1].text in (".", "!", "?") and ent.doc[i].is_sent_start:
            start = i
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _name_parts(span: Span) -> list[Token]:
    return [t for t in span if t.lower_ not in NAME_HONORIFICS and t.text not in ("'s", "’s")]


def _name_tokens(span: Span) -> list[str]:
    return [t.text for t in _name_parts(span)]


def _written_name(span: Span) -> str:
    """A person's name without honorifics, spaced as written ("Jean-Paul Sartre", not "Jean - Paul Sartre")."""
    return "".join(t.text + (" " if t.whitespace_ else "") for t in _name_parts(span)).strip()


def _surname(span: Span) -> str:
    words = _name_tokens(span)
    return words[-1].lower() if words else span.text.lower()


def _place(
    people: list[Person],
    label: str,
    span: Span,
    *,
    start: int,
    text: str,
    titles: Titles,
    actors: ActorLexicon,
    title_re: re.Pattern[str],
) -> None:
    """Add one named mention to the entity it belongs to, creating the entity when new."""
    name = _written_name(span) if label == "PERSON" else span.text
    key = _surname(span) if label == "PERSON" else org_key(name)
    gender = name_gender(name, honorific=_honorific(span)) if label == "PERSON" else None
    entity = _find(people, label, name, key, gender=gender)
    if entity is None:
        entity = Person(type=label, name=name, surname=key, gender=gender)
        _code(entity, actors)
        people.append(entity)
    elif label == "PERSON":
        if len(name) > len(entity.name):
            entity.name = name
        entity.gender = entity.gender or gender
    entity.add(start, span.end_char)
    if label == "PERSON":
        found = title_before(text, span.start_char, title_re=title_re, titles=titles, actors=actors)
        found = found or title_after(text, span.end_char, titles=titles, actors=actors)
        if found is not None and entity.title is None:
            give_title(entity, found, people, actors=actors)
    elif label == "ORG":
        alias = re.match(r"\s*(?:in [A-Z]\w+\s*)?\(([A-Z]{2,8})\)", text[span.end_char : span.end_char + 30])
        if alias:
            entity.aliases.add(alias.group(1).lower())


def _honorific(span: Span) -> str | None:
    """The honorific of a name ("Mrs. Clinton"), inside the span or right before it, or None."""
    if span[0].lower_ in NAME_HONORIFICS:
        return span[0].text
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before.text if before is not None and before.lower_ in NAME_HONORIFICS else None


def _same_person(entity: Person, name: str, gender: str | None) -> bool:
    """Whether a name may be a person already seen with the same surname: not when the first names differ
    (Barack and Michelle Obama) or the genders do (Mr. and Mrs. Clinton)."""
    if gender and entity.gender and gender != entity.gender:
        return False
    first, other = name.split()[:-1], entity.name.split()[:-1]
    return not first or not other or first[0].rstrip(".")[:1] == other[0][:1]


def _find(
    people: list[Person], label: str, name: str, key: str, *, gender: str | None = None
) -> Person | None:
    if label == "PERSON":  # the most recently mentioned compatible person with that surname
        same = [
            p for p in people if p.type == "PERSON" and p.surname == key and _same_person(p, name, gender)
        ]
        if same:
            return max(same, key=lambda p: max(p.mentions, default=(0, 0))[0])
    for entity in reversed(people):
        if label != "PERSON" and entity.type == label and (entity.surname == key or key in entity.aliases):
            return entity
        if (
            label == "ORG"
            and entity.type == "PERSON"
            and entity.surname == key.split()[-1]
            and " " not in key
        ):
            return entity
    return None


def code_place(entity: Person | Entity, actors: ActorLexicon) -> None:
    """A GPE's or LOC's country by its name in the country lexicon; a GPE's actor is that country."""
    entity.country = actors.lookup_country(entity.name)
    entity.actor = entity.country if entity.type == "GPE" else None


def _code(entity: Person, actors: ActorLexicon) -> None:
    if entity.type == "PERSON":
        return
    if entity.type in ("GPE", "LOC"):
        code_place(entity, actors)
        return
    if entity.type == "FAC" and STREET.search(entity.name):  # "Frenchmen Street" is of no country's
        return
    code = organisation_code(entity.name, actors)
    if code is not None:
        entity.country, entity.actor = code


# -- titles ---------------------------------------------------------------------------------------------
# -- descriptions and pronouns -------------------------------------------------------------------------


def _add_descriptions(
    people: list[Person], text: str, *, title_re: re.Pattern[str], titles: Titles, actors: ActorLexicon
) -> None:
    """Role descriptions ("the ambassador", "the Turkish envoy", "Turkish Ambassador to Russia") as mentions."""
    taken = [(s, e) for p in people if p.type == "PERSON" for s, e in p.mentions]
    pattern = _described(title_re)
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        has_the = m.group(0)[:4].lower() == "the "
        country_words = (m.group("country") or "").strip()
        boundary = list(re.finditer(r"[.!?]\s+", country_words))
        if boundary:  # "Monday. The prime minister": the words before the full stop are another sentence's
            start = m.start("country") + boundary[-1].end()
            country_words = country_words[boundary[-1].end() :]
            if country_words.lower() == "the":
                has_the, country_words = True, ""
            if any(s < end and start < e for s, e in taken):
                continue
        if not has_the and not country_words:
            continue
        if country_words.lower().split()[:1] in (["his"], ["her"], ["their"], ["its"]):
            continue
        if _NAME_AFTER.match(text, end) or text[end : end + 1] == "'":
            continue
        found = lookup_title(" ".join(m.group("title").split()), titles)
        if found is None:
            continue
        country = actors.lookup_country(country_words) if country_words else None
        if country_words and country is None:
            continue
        target = _antecedent_by_role(people, start, found, country)
        if target is not None:
            target.add(start, end)


@functools.cache
def _described(title_re: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(r"(?:\b[Tt]he" + SPACE + ")?" + title_re.pattern)


def _antecedent_by_role(
    people: list[Person], position: int, title: Title, country: str | None
) -> Person | None:
    best: tuple[int, Person] | None = None
    for person in people:
        if person.type != "PERSON" or person.title is None or person.title.role != title.role:
            continue
        if country and person.country and person.country != country:
            continue
        before = [s for s, _ in person.mentions if s < position]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), person)
    return best[1] if best else None


def _add_pronouns(people: list[Person], doc: Doc) -> None:
    """Subject pronouns (he, she) and relative "who" as mentions of the person they refer back to.

    A pronoun counts where its antecedent is clear: at the start of a sentence or paragraph, or as the
    subject of a cue verb ("he said"); not inside reported speech ("Trump said he would ...")."""
    cues = load_cues()
    text = doc_text(doc)
    quoted = [(q.start, q.end) for q in quoted_spans(text, split_blocks(text))]
    for token in doc:
        lower = token.lower_
        if lower in _RELATIVE and token.dep_.startswith("nsubj") and token.head.dep_ == "relcl":
            owner = _owner(people, token.head.head.idx, token.head.head.idx + len(token.head.head.text))
            if owner is not None:
                owner.add(token.idx, token.idx + len(token.text))
            continue
        if lower not in SUBJECT_GENDER or not token.dep_.startswith("nsubj"):
            continue
        if any(s <= token.idx < e for s, e in quoted):  # "he" inside a quotation is the quoted speaker's
            continue
        if not (_opens_sentence(token) or _reports(token.head, cues)):
            continue
        target = _last_person(people, token.idx, SUBJECT_GENDER[lower], quoted=quoted)
        if target is not None:
            target.add(token.idx, token.idx + len(token.text))
            target.gender = target.gender or SUBJECT_GENDER[lower]


def _opens_sentence(token: Token) -> bool:
    doc = token.doc
    return bool(
        token.is_sent_start
        or token.i == 0
        or doc[token.i - 1].is_space
        or (doc[token.i - 1].is_quote and doc[token.i - 1].is_sent_start)
    )


def _reports(verb: Token, cues: dict[str, str]) -> bool:
    """True for a speech cue ("he said") that is not itself inside reported speech ("said he would say")."""
    if verb.pos_ not in ("VERB", "AUX") or cues.get(verb.lemma_.lower()) != "speech":
        return False
    return not any(
        a.dep_ in ("ccomp", "xcomp") and cues.get(a.head.lemma_.lower()) for a in [verb, *verb.ancestors]
    )


def _owner(people: list[Person], start: int, end: int) -> Person | None:
    for person in people:
        if any(s <= start and end <= e for s, e in person.mentions):
            return person
    return None


def _last_person(
    people: list[Person], position: int, gender: str, *, quoted: Sequence[tuple[int, int]] = ()
) -> Person | None:
    """The person named last before a position; people named only inside quotation marks are the quoted
    speaker's words, not antecedents ("'I love Larry,' he said" is not Larry)."""
    best: tuple[int, Person] | None = None
    for person in people:
        if person.type != "PERSON" or (person.gender and person.gender != gender):
            continue
        before = [
            e for s, e in person.mentions if e <= position and not any(qs <= s < qe for qs, qe in quoted)
        ]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), person)
    return best[1] if best else None


def organisation_code(name: str, actors: ActorLexicon) -> tuple[str | None, str | None] | None:
    """The (country, actor code) of an organisation's name, None when the lexicon does not know it; a name
    that is only a country's codes no actor ("the United States" as an ORG)."""
    code = actors.code_phrase(name)
    if code is None:
        return None
    return code.country, (code.code if code.sector or code.kind != "country" else None)
