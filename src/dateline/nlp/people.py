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
named. Organisations and places get their codes from the actor lexicon.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.actors import ActorCode, ActorLexicon, load_actor_lexicon
from dateline.lexicon.cues import load_cues
from dateline.lexicon.first_names import load_first_names, name_gender
from dateline.lexicon.people import load_people
from dateline.lexicon.titles import MODIFIERS, Title, Titles, load_titles
from dateline.lexicon.words import NAME_HONORIFICS, SUBJECT_GENDER
from dateline.nlp.alternation import alternation
from dateline.nlp.doctext import doc_text
from dateline.nlp.quotemarks import quoted_spans, split_blocks
from dateline.records import Entity, Mention

NAMED_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
_RELATIVE = frozenset({"who", "whom"})
_CAP = r"[A-Z][\w'’\-.]*"
_SPACE = r"[ \t\u00a0]+"
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_NAME = re.compile(
    r"\s+((?:[A-Z][a-z][\w'’\-]*|[A-Z]\.)(?:\s+(?:[A-Z][a-z][\w'’\-]*|[A-Z]\.)){0,3})(?![\w'’])"
)


@dataclass
class _Person:
    """An entity being built: names seen, title, mentions."""

    type: str
    name: str
    surname: str
    title: Title | None = None
    title_text: str | None = None
    country: str | None = None
    actor: str | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))


@dataclass(frozen=True)
class _TitleMatch:
    start: int
    end: int
    text: str
    title: Title
    country: str | None


def find_entities(
    doc: Doc, *, titles: Titles | None = None, actors: ActorLexicon | None = None
) -> list[Entity]:
    """The people, organisations and places of a story, one `Entity` each with all its mentions."""
    titles = titles or load_titles()
    actors = actors or load_actor_lexicon()
    title_re = _title_pattern(titles)
    text = doc_text(doc)
    spans = _named_spans(doc, title_re=title_re, titles=titles, actors=actors)
    people: list[_Person] = []
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


def _known_people(people: list[_Person], titles: Titles) -> None:
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
            person.title = _lookup_title(known.role.lower(), titles)
        if person.country:
            continue
        code = known.actor
        country = code[:3] if len(known.country) == 3 and known.country.isalpha() else None
        if country and known.country in ("IGO", "IMG"):
            country = None
        if country and person.actor and len(person.actor) == 3 and person.actor.isupper():
            code = country + person.actor
        person.country, person.actor = country, code


def _bare_names(people: list[_Person], actors: ActorLexicon) -> None:
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
            and (
                _surname(span) in surnames or _title_after(text, span.end_char, titles=titles, actors=actors)
            )
        ):
            label = "PERSON"
        if label == "PERSON" and span.text.isupper() and len(span.text) <= 5:
            label = "ORG"
        found = (
            _title_before(text, span.start_char, title_re=title_re, titles=titles, actors=actors)
            if label == "PERSON"
            else None
        )
        out.append((label, span, found.start if found else span.start_char))
    return sorted(out, key=lambda item: item[1].start_char)


def _titled_names(
    doc: Doc, *, title_re: re.Pattern[str], titles: Titles, actors: ActorLexicon
) -> list[tuple[Span, _TitleMatch]]:
    """Names right after a title ("Turkish Ambassador to Russia | Umit Yardim"), whatever the model says."""
    out: list[tuple[Span, _TitleMatch]] = []
    text = doc_text(doc)
    for m in title_re.finditer(text):
        found = _title_match(m, 0, titles, actors)
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
            found = _TitleMatch(
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


def _body_continues(phrase: str, body: str, found: _TitleMatch, actors: ActorLexicon) -> bool:
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
    """The entity without a leading determiner or honorific and without a possessive ending."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _name_tokens(span: Span) -> list[str]:
    return [t.text for t in span if t.lower_ not in NAME_HONORIFICS and t.text not in ("'s", "’s")]


def _surname(span: Span) -> str:
    words = _name_tokens(span)
    return words[-1].lower() if words else span.text.lower()


def _place(
    people: list[_Person],
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
    name = " ".join(_name_tokens(span)) if label == "PERSON" else span.text
    key = _surname(span) if label == "PERSON" else _org_key(name)
    gender = name_gender(name, honorific=_honorific(span)) if label == "PERSON" else None
    entity = _find(people, label, name, key, gender=gender)
    if entity is None:
        entity = _Person(type=label, name=name, surname=key, gender=gender)
        _code(entity, actors)
        people.append(entity)
    elif label == "PERSON":
        if len(name) > len(entity.name):
            entity.name = name
        entity.gender = entity.gender or gender
    entity.add(start, span.end_char)
    if label == "PERSON":
        found = _title_before(text, span.start_char, title_re=title_re, titles=titles, actors=actors)
        found = found or _title_after(text, span.end_char, titles=titles, actors=actors)
        if found is not None and entity.title is None:
            _give_title(entity, found, people, actors=actors)
    elif label == "ORG":
        alias = re.match(r"\s*(?:in [A-Z]\w+\s*)?\(([A-Z]{2,8})\)", text[span.end_char : span.end_char + 30])
        if alias:
            entity.aliases.add(alias.group(1).lower())


def _org_key(name: str) -> str:
    return re.sub(r"^(the)\s+", "", " ".join(name.replace("’", "'").lower().split()))


def _honorific(span: Span) -> str | None:
    """The honorific of a name ("Mrs. Clinton"), inside the span or right before it, or None."""
    if span[0].lower_ in NAME_HONORIFICS:
        return span[0].text
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before.text if before is not None and before.lower_ in NAME_HONORIFICS else None


def _same_person(entity: _Person, name: str, gender: str | None) -> bool:
    """Whether a name may be a person already seen with the same surname: not when the first names differ
    (Barack and Michelle Obama) or the genders do (Mr. and Mrs. Clinton)."""
    if gender and entity.gender and gender != entity.gender:
        return False
    first, other = name.split()[:-1], entity.name.split()[:-1]
    return not first or not other or first[0].rstrip(".")[:1] == other[0][:1]


def _find(
    people: list[_Person], label: str, name: str, key: str, *, gender: str | None = None
) -> _Person | None:
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


def _code(entity: _Person, actors: ActorLexicon) -> None:
    if entity.type == "PERSON":
        return
    if entity.type in ("GPE", "LOC"):
        entity.country = actors.lookup_country(entity.name)
        if entity.type == "GPE":
            entity.actor = entity.country
        return
    code = actors.code_phrase(entity.name)
    if code is not None:
        entity.country = code.country
        entity.actor = code.code if code.sector or code.kind != "country" else None


# -- titles ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _title_pattern(titles: Titles) -> re.Pattern[str]:
    """Country? modifiers* TITLE (to|of|for COUNTRY)?, ending where a name starts (built once per Titles)."""
    names = alternation([t.title for t in titles], space=_SPACE)  # a prefix tree: fewer branches tried
    mods = "|".join(sorted((re.escape(m) for m in MODIFIERS), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’])(?P<country>(?:{_CAP}{_SPACE}){{0,2}}?{_CAP}(?:'s|’s)?{_SPACE}"
        rf"|(?:his|her|their|its){_SPACE}(?:{_CAP}{_SPACE})?)?"
        rf"(?P<title>(?i:(?:(?:{mods})(?:{_SPACE}|-))*(?:{names}))(?![\w'’])"
        rf"(?:{_SPACE}(?:to|of|for|at){_SPACE}(?:the{_SPACE})?{_CAP}(?:{_SPACE}{_CAP}){{0,3}}?)?)"
    )


def _title_before(
    text: str, start: int, *, title_re: re.Pattern[str], titles: Titles, actors: ActorLexicon
) -> _TitleMatch | None:
    """The title that ends right before a name ("Russian Foreign Minister | Sergey Lavrov")."""
    lo = max(0, start - 120)
    paragraph = text.rfind("\n", lo, start)
    lo = paragraph + 1 if paragraph >= 0 else lo
    before = text[lo:start]
    anchored = _anchored(title_re)
    m = anchored.search(before)
    return _title_match(m, lo, titles, actors) if m else None


@functools.cache
def _anchored(title_re: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’])" + title_re.pattern + r"\s*,?\s*$")


def _title_after(text: str, end: int, *, titles: Titles, actors: ActorLexicon) -> _TitleMatch | None:
    """An appositive title: "Lavrov, Russia's foreign minister," / "Yardim, the Turkish ambassador"."""
    m = re.match(
        r",\s+(?:the\s+|a\s+|an\s+)?(?P<body>[^,.;:()\"“”]{3,80}?)\s*(?=[,.;:)]|\s+(?:said|says|told))",
        text[end : end + 120],
    )
    if m is None:
        return None
    words = m.group("body").split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            found = titles.get(" ".join(w for w in words[i:j] if w.lower() not in MODIFIERS))
            if found is not None and (j == len(words) or words[j].lower() in ("to", "of", "for", "at")):
                country = None
                for k in range(i):
                    country = country or actors.lookup_country(words[k])
                return _TitleMatch(
                    end + m.start("body"), end + m.end("body"), m.group("body"), found, country
                )
    return None


def _title_match(m: re.Match[str], offset: int, titles: Titles, actors: ActorLexicon) -> _TitleMatch | None:
    title_text = " ".join(m.group("title").split())
    found = _lookup_title(title_text, titles)
    if found is None:
        return None
    country_words = (m.group("country") or "").split()
    if country_words and country_words[0].lower() not in ("his", "her", "their", "its"):
        longer = _lookup_title(" ".join([*country_words, title_text]), titles)
        if longer is not None and len(longer.title.split()) > len(found.title.split()):
            return _TitleMatch(
                offset + m.start(), offset + m.end(), " ".join(m.group(0).split()), longer, None
            )
    start = offset + m.start()
    if country_words[:1] and country_words[0].lower() in ("his", "her", "their", "its"):
        start += len(country_words[0]) + 1
    elif country_words and actors.code_phrase(" ".join(country_words)) is None:
        start = offset + m.start("title")
    return _TitleMatch(start, offset + m.end(), " ".join(m.group(0).split()), found, None)


def _lookup_title(title_text: str, titles: Titles) -> Title | None:
    """The lexicon title inside a matched title phrase ("Turkish Ambassador to Russia" -> ambassador)."""
    words = re.split(r"\s+(?:to|of|for|at)\s+", title_text, maxsplit=1)[0].split()
    for i in range(len(words)):
        found = titles.get(" ".join(words[i:]))
        if found is not None:
            return found
    whole = titles.get(title_text)
    return whole


def _give_title(entity: _Person, found: _TitleMatch, people: list[_Person], *, actors: ActorLexicon) -> None:
    """Set a person's title, country and actor from a title phrase."""
    phrase = found.text
    title = found.title
    country = found.country
    parts = re.split(r"\s+(?:to|of|for|at)\s+", phrase, maxsplit=1)
    before, after = parts[0], (parts[1] if len(parts) > 1 else "")
    code = actors.code_phrase(before)
    if country is None and code is not None:
        country = code.country
    cut = before.lower().rfind(title.title.lower())
    body = _body_of(before, after, actors) or _story_body(before[:cut] if cut > 0 else "", people, actors)
    display = _display_title(phrase, title)
    if title.title.lower() == "counterpart":
        other = next(
            (
                p
                for p in reversed(people)
                if p is not entity
                and p.type == "PERSON"
                and p.title
                and p.title.title.lower() != "counterpart"
                and p.mentions
                and max(p.mentions)[1] <= found.start
            ),
            None,
        )
        if other is not None and other.title is not None:
            title = other.title
            display = f"{other.title_text} (counterpart of {other.name})"
    entity.title = title
    entity.title_text = display
    entity.country = country
    entity.actor = (country or "") + title.sector if country else title.sector
    if body is not None and title.title.lower() != "counterpart":
        # the body they hold the title in decides: "U.N. Secretary-General" -> IGOUNO, "director general of
        # the British Chambers of Commerce" -> GBRBUS
        entity.country = body.country or country
        entity.actor = (
            body.code
            if body.kind != "agent"
            else ((entity.country or "") + body.code if entity.country else body.code)
        )


_BODY_SECTORS = {"BUS", "MED", "EDU", "LAB", "REL", "HLH", "AGR", "NGO", "MNC"}


def _story_body(before: str, people: list[_Person], actors: ActorLexicon) -> ActorCode | None:
    """The organisation a title is held in when the story named it before, under its name or the
    abbreviation it gave ("the British Chambers of Commerce (BCC) ... BCC director general")."""
    words = before.split()
    if not words:
        return None
    key = _org_key(" ".join(words[-4:]))
    for org in reversed(people):
        if org.type != "ORG" or not org.actor or not (org.surname == key or key in org.aliases):
            continue
        code = actors.code_phrase(org.name)
        if code is not None and (code.sector in _BODY_SECTORS or code.kind in {"igo", "ngo", "img"}):
            return code
    return None


def _body_of(before: str, after: str, actors: ActorLexicon) -> ActorCode | None:
    """The organisation a title is held in, when it is not a state's own: an international, non-governmental
    or armed organisation ("Arab League Secretary General", "head of the IAEA"), or a business, union,
    church or the like after the title ("director general of the British Chambers of Commerce")."""
    for text, after_title in ((before, False), (after, True)):
        code = actors.code_phrase(text) if text else None
        if code is None:
            continue
        if code.kind in {"igo", "ngo", "img"} and code.group:
            if code.kind == "img":
                return code
            return ActorCode(code.code[:3] + code.group, code.country, code.code[:3], code.kind, code.group)
        if after_title and code.sector in _BODY_SECTORS:
            return code
    return None


def _display_title(phrase: str, title: Title) -> str:
    """The title as the story writes it, without the country adjective in front."""
    m = re.search(re.escape(title.title).replace(r"\ ", r"\s+"), phrase, re.I)
    if m is None:
        return title.title
    words = phrase[: m.start()].split()
    kept = [w for w in words if w.lower() in MODIFIERS or w.lower().rstrip("-") in MODIFIERS]
    tail = phrase[m.start() :]
    return " ".join([*kept, tail]).strip()


# -- descriptions and pronouns -------------------------------------------------------------------------


def _add_descriptions(
    people: list[_Person], text: str, *, title_re: re.Pattern[str], titles: Titles, actors: ActorLexicon
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
        found = _lookup_title(" ".join(m.group("title").split()), titles)
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
    return re.compile(r"(?:\b[Tt]he" + _SPACE + ")?" + title_re.pattern)


def _antecedent_by_role(
    people: list[_Person], position: int, title: Title, country: str | None
) -> _Person | None:
    best: tuple[int, _Person] | None = None
    for person in people:
        if person.type != "PERSON" or person.title is None or person.title.role != title.role:
            continue
        if country and person.country and person.country != country:
            continue
        before = [s for s, _ in person.mentions if s < position]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), person)
    return best[1] if best else None


def _add_pronouns(people: list[_Person], doc: Doc) -> None:
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


def _owner(people: list[_Person], start: int, end: int) -> _Person | None:
    for person in people:
        if any(s <= start and end <= e for s, e in person.mentions):
            return person
    return None


def _last_person(
    people: list[_Person], position: int, gender: str, *, quoted: Sequence[tuple[int, int]] = ()
) -> _Person | None:
    """The person named last before a position; people named only inside quotation marks are the quoted
    speaker's words, not antecedents ("'I love Larry,' he said" is not Larry)."""
    best: tuple[int, _Person] | None = None
    for person in people:
        if person.type != "PERSON" or (person.gender and person.gender != gender):
            continue
        before = [
            e for s, e in person.mentions if e <= position and not any(qs <= s < qe for qs, qe in quoted)
        ]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), person)
    return best[1] if best else None
