"""Finding a story's place mentions: the entity stage's place entities, the model's place and NORP spans it
dropped, country words left untagged, place names the model cut short or mislabelled as ORG/PERSON, each made
a `Target` with its gazetteer candidates.

Used by `dateline.nlp.places`.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.actors import ActorLexicon
from dateline.lexicon.first_names import name_gender
from dateline.lexicon.gazetteer import Candidate, Gazetteer, Place, place_key
from dateline.nlp import place_cues
from dateline.nlp.calendar import WEEKDAYS, month_number
from dateline.nlp.doctext import doc_text
from dateline.nlp.people import code_place, trim_name
from dateline.nlp.place_cues import container, cued, state_abbreviations
from dateline.nlp.place_scoring import W_LEXICON, Target
from dateline.records import Entity, Mention

PLACE_TYPES = ("GPE", "LOC", "FAC")
_SPAN_LABELS = ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW")
ORGISH = re.compile(
    r"\b(ministry|force|forces|army|navy|office|department|council|party|union|committee|agency|service|"
    r"guard|police|bank|court|parliament|government|university|college|school|club|fc|group|company|inc|"
    r"corp|news|times|post|airlines?|hospital|church|league|association|institute|foundation)\b",
    re.I,
)
_KIND_SUFFIX = re.compile(rf"\s+{place_cues.KIND_WORD}$")
_PROMOTE_POPULATION = 1_000_000
INNER_POPULATION = 500_000
SEAT_CITY = 100_000  # a seat of power of this many people is a city of its own, not a building at the capital


def add_model_spans(doc: Doc, entities: list[Entity], actors: ActorLexicon, gazetteer: Gazetteer) -> None:
    """Spans of the model that no entity covers become entities: place spans, NORP spans of a country
    ("U.S.", "Russian"), and spans of any label that the text marks as a place ("in Nova Iguacu (Rio de
    Janeiro)", "the village of Dossi"); then untagged proper names before a bracketed known place, the places of
    datelines inside the text ("MANSFIELD -- ") and legislators' home towns ("R-Elk River")."""
    text = doc_text(doc)
    size = max([len(doc.text), *(m.end for e in entities for m in e.mentions)]) + 1
    taken = bytearray(size)  # characters some mention covers
    for e in entities:
        for m in e.mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    added: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in _SPAN_LABELS:
            continue
        span = trim_name(ent)
        if span is None or not span.text[:1].isupper():
            continue
        start, end = span.start_char, span.end_char
        if any(taken[start:end]):
            continue
        label, name = ent.label_, span.text
        if label not in PLACE_TYPES and not (label == "NORP" and actors.lookup_country(name) is not None):
            name = _before_bracket(name)
            end = start + len(name)
            if not name or not _marked(text, start, end, gazetteer.candidates(name), strong=label != "NORP"):
                continue
            label = "GPE"
        _add_mention(entities, added, taken, label=label, text=name, start=start, end=end)
    for start, end, name in place_cues.bracketed_names(text, taken):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and all(t.pos_ == "PROPN" for t in span):
            _add_mention(entities, added, taken, label="GPE", text=name, start=start, end=end)
    for start, end, name in [*place_cues.body_datelines(text, taken), *place_cues.party_homes(text, taken)]:
        _add_mention(entities, added, taken, label="GPE", text=name, start=start, end=end)
    _add_country_words(doc, entities, actors, taken, added)
    _add_cued_names(doc, entities, taken, added, gazetteer)
    _add_repeats(doc, entities, taken)


def _add_cued_names(
    doc: Doc,
    entities: list[Entity],
    taken: bytearray,
    added: dict[tuple[str, str], Entity],
    gazetteer: Gazetteer,
) -> None:
    """Proper names the model left without a label, or gave one no place name after "in" can bear (a date
    that is no month or weekday, a product: "seized checkpoints in Manbij", "detained in Chattanooga"), that the text marks as
    places: after "in", "near", "the village of", or before a written container; a town after "in" only when
    it is of some size (`place_cues.cued`); an unlabelled name written of a town's people ("A Knoxville man").
    A name joined to another proper name ("at Hamilton Lane") never."""
    text = doc_text(doc)
    i = 0
    for first in _cued_starts(doc, text):
        if first < i:
            continue
        i = first
        token = doc[i]
        if not _loose_name(token) or taken[token.idx] or (i and _joined(doc[i - 1])):
            i += 1
            continue
        j = i + 1
        while (
            j < len(doc)
            and j - i < 4
            and _loose_name(doc[j])
            and doc[j].ent_type_ == token.ent_type_
            and not place_cues.residents_after(
                text, doc[j - 1].idx + len(doc[j - 1])
            )  # "Carthage Police Chief"
        ):
            j += 1
        span = doc[i:j]
        start, end = span.start_char, span.end_char
        cue = (
            i > 0
            and doc[i - 1].lower_ in place_cues.CUE_WORDS
            and place_cues.may_be_cued(text, start, end)
            and not _modifier(doc, j, text, end)
        )
        residents = not token.ent_type_ and place_cues.residents_after(text, end)
        if (
            not (cue or residents)
            or (j < len(doc) and _joined(doc[j]) and not residents)
            or any(taken[start:end])
            or place_cues.STREET_AFTER.match(text, end)
        ):
            i = j
            continue
        candidates = gazetteer.candidates(span.text)
        own = [c for c in candidates if not c.alternate and c.place.kind != "site"]
        if own and (
            (cue and cued(text, [(start, end)], own))
            or (residents and place_cues.of_residents(text, [(start, end)], own))
        ):
            _add_mention(entities, added, taken, label="GPE", text=span.text, start=start, end=end)
        i = j


_CUE_BEFORE = re.compile(
    r"(?<![\w'’\-])(?i:" + "|".join(sorted(place_cues.CUE_WORDS)) + r")[ \t\n]+(?=[A-Z])"
)


def _cued_starts(doc: Doc, text: str) -> list[int]:
    """The tokens a cued name may start at, found in the text before any token is looked at (the stage walks
    only these): the word after a cue word, and the first of up to four capitalised words before a word of a
    place's people ("Duluth Police Chief")."""
    starts: set[int] = set()
    for m in _CUE_BEFORE.finditer(text):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None:
            starts.add(span.start)
    for m in place_cues.residents_iter(text):
        span = doc.char_span(max(0, m.start() - 1), m.start(), alignment_mode="expand")
        if span is None:
            continue
        first = span.start
        while first > 0 and span.start - first < 3 and _loose_name(doc[first - 1]):
            first -= 1
        starts.update(range(first, span.start + 1))
    return sorted(starts)


def _modifier(doc: Doc, j: int, text: str, end: int) -> bool:
    """Whether a name ending before token `j` is part of a longer name or qualifies the noun after it ("from
    Taliban control", "near the Leeds-Bradford terminal"), not a place the cue word is about; a kind of place
    after it ("in Hama district") is none of these."""
    if re.match(r"[\-‐–][A-Z]", text[end : end + 2]):
        return True
    if j >= len(doc) or place_cues.kind_word_after(text, end):
        return False
    after = doc[j]
    return after.pos_ == "NOUN" and after.text.islower()


# labels the model gives a place's name after "in" by mistake ("in Manbij" as a date)
_LOOSE_LABELS = ("", "DATE", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")


def _loose_name(token: Token) -> bool:
    """A proper noun without a label the model means ("Manbij" as a date, not "March")."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.ent_type_ in _LOOSE_LABELS
        and not (token.ent_type_ == "DATE" and (month_number(token.text) or token.lower_ in WEEKDAYS))
    )


# an occurrence of a place's name standing alone: no word character or hyphen joined to it ("Hama's" is one)
_ALONE_AFTER = r"(?![\w\-])(?!['’](?!s\b)\w)"


def _add_repeats(doc: Doc, entities: list[Entity], taken: bytearray) -> None:
    """Mentions of a place the story names elsewhere that the model left untagged ("Raqqa has been quiet"
    after "in Raqqa"): each other occurrence of a place entity's name, written alone (no proper name joined
    to it before, none after unless they name a body of the place: "East Hampton Fire Department"), as the
    name is written, in capitals ("MANSFIELD -- ") or, for a name in capitals, in small letters, becomes a
    mention of that entity. A word the model does not take for a proper noun counts only inside a sentence
    or before a word of the place's people ("Augusta native"), so a sentence-initial "Reading" stays a word."""
    names: dict[str, Entity] = {}
    for entity in entities:
        if entity.type in ("GPE", "LOC") and entity.name[:1].isupper() and len(entity.name) >= 3:
            names.setdefault(entity.name, entity)
            if sum(c.isalpha() for c in entity.name) >= _CAPITALS_LETTERS:
                names.setdefault(entity.name.upper(), entity)
                names.setdefault(string.capwords(entity.name), entity)  # "East Hampton" of "EAST HAMPTON"
    if not names:
        return
    text = doc_text(doc)
    pattern = re.compile(
        r"(?<![\w\-.’'])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + ")"
        + _ALONE_AFTER
    )
    for m in pattern.finditer(text):
        start, end = m.span()
        if any(taken[start:end]):
            continue
        span = doc.char_span(start, end)
        if span is None or not _repeat_words(span, text, end):
            continue
        if span.start and _joined(doc[span.start - 1]):
            continue
        if span.end < len(doc) and _joined(doc[span.end]) and not _body_after(doc, span.end, text, end):
            continue  # "Hama Street", not "Oconomowoc Mayor Bob Dunn"
        entity = names[m.group()]
        entity.mentions.append(Mention(text=m.group(), start=start, end=end))
        entity.mentions.sort(key=lambda x: x.start)
        taken[start:end] = b"\x01" * (end - start)


# a name in capitals counts as a repeat from this many letters on ("NICE" of a headline is no Nice)
_CAPITALS_LETTERS = 5
# capitalised words after a place's name searched for a body's word ("Volunteer Fire Department")
_BODY_WORDS = 4


def _repeat_words(span: Span, text: str, end: int) -> bool:
    """Whether the words of a repeated place name are a name here: proper nouns, or capitalised words
    inside a sentence, or at its start before a word of the place's people."""
    if all(t.pos_ == "PROPN" for t in span):
        return True
    return not span[0].is_sent_start or place_cues.residents_after(text, end)


def _body_after(doc: Doc, i: int, text: str, end: int) -> bool:
    """Whether the capitalised words from token `i` on name a body of the place before them ("Fire
    Department", "Family Court", "Police Chief")."""
    if place_cues.residents_after(text, end):
        return True
    j = i
    while j < len(doc) and j - i < _BODY_WORDS and doc[j].text[:1].isupper():
        if ORGISH.fullmatch(doc[j].lower_):
            return True
        j += 1
    return False


def _joined(token: Token) -> bool:
    """Whether a word next to a name makes it part of a longer proper name ("Hama Street", "East Hama")."""
    return token.text[:1].isupper() and token.pos_ == "PROPN"


def _before_bracket(name: str) -> str:
    """A name without the bracket the model's span took: "Dundaye (Wamakko" -> "Dundaye"."""
    return name.split("(")[0].rstrip(" ,") if "(" in name else name


def _marked(text: str, start: int, end: int, candidates: Sequence[Candidate], *, strong: bool) -> bool:
    """Whether the text marks a span of another label as a place: a containing place written after it or
    "the village of" before it; with `strong` off, also "in X" for a known place of some size."""
    if place_cues.known_container(text, end) or place_cues.STRONG_CUE.search(
        text[max(0, start - 40) : start]
    ):
        return True
    return not strong and cued(text, [(start, end)], list(candidates))


def _add_country_words(
    doc: Doc,
    entities: list[Entity],
    actors: ActorLexicon,
    taken: bytearray,
    added: dict[tuple[str, str], Entity],
) -> None:
    """Country names and demonyms the model left untagged ("Mauritius", "Syrian-Turkish border")."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if not token.text[:1].isupper() or token.pos_ not in ("PROPN", "ADJ", "NOUN"):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        for end in range(j, i, -1):
            span = doc[i:end]
            start, stop = span.start_char, span.end_char
            if any(taken[start:stop]):
                continue
            country = actors.lookup_country(span.text)
            if country is None:
                continue
            label = "NORP" if end - i == 1 and token.pos_ == "ADJ" else "GPE"
            _add_mention(entities, added, taken, label=label, text=span.text, start=start, end=stop)
            i = end - 1
            break
        i += 1


def clean_brackets(entities: list[Entity]) -> None:
    """Names whose model span took a bracket and what follows it ("Zaio (Nador, Oriental") lose both."""
    for entity in entities:
        if "(" not in entity.name or entity.type in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
            continue
        name = _before_bracket(entity.name)
        if not name:
            continue
        entity.name = name
        for m in entity.mentions:
            cut = _before_bracket(m.text)
            if cut and cut != m.text:
                m.text, m.end = cut, m.start + len(cut)


# the words that may continue a name the model cut short: "Bandar" + " Abbas", "Guinea" + "-Bissau",
# "Democratic Republic" + " of the Congo"
_FOLLOWING = re.compile(
    rf"(?:(?:[ \t]+(?:{place_cues.PARTICLE}[ \t]+)?(?:the[ \t]+)?|-)[A-Z][\w'’\-]*){{1,3}}"
)


def extend_names(entities: list[Entity], text: str, gazetteer: Gazetteer, actors: ActorLexicon) -> None:
    """A place name the model cut short takes the capitalised words after it when the whole is a place of its
    own name ("Bandar" + "Abbas" -> "Bandar Abbas"); mentions of other entities inside it go. A mention of an
    entity that has others becomes an entity of its own ("Guinea" and "Guinea-Bissau")."""
    owners: dict[int, tuple[Entity, Mention]] = {}
    for entity in entities:
        for m in entity.mentions:
            owners[m.start] = (entity, m)
    split: list[Entity] = []
    for entity in entities:
        if entity.type not in (*PLACE_TYPES, "ORG", "PERSON", "NORP"):
            continue
        for m in list(entity.mentions):
            follow = _FOLLOWING.match(text, m.end)
            if follow is None or not m.text[:1].isupper():
                continue
            words = follow.group().split()
            for n in range(len(words), 0, -1):
                end = text.index(words[n - 1], m.end) + len(words[n - 1])
                whole = text[m.start : end]
                if any(
                    not c.alternate or c.place.population >= INNER_POPULATION / 10
                    for c in gazetteer.candidates(whole)
                ):
                    break
            else:
                continue
            for start, (other, om) in list(owners.items()):
                if other is not entity and m.end <= start < end and om in other.mentions:
                    other.mentions.remove(om)
            place = entity
            if len(entity.mentions) == 1:
                m.text, m.end = whole, end
                entity.name = whole
            else:  # "Guinea" and "Guinea-Bissau" are two places
                entity.mentions.remove(m)
                place = Entity(id=f"{entity.id}+", name=whole, type=entity.type)
                place.mentions.append(Mention(text=whole, start=m.start, end=end))
                split.append(place)
            if place.type in ("GPE", "LOC"):  # coded by the whole name, as the entity stage codes places
                code_place(place, actors)
    entities[:] = [e for e in [*entities, *split] if e.mentions]


def make_target(entity: Entity, text: str, gazetteer: Gazetteer, actors: ActorLexicon) -> Target | None:
    """The name to resolve for an entity: its own name when that is a place, else a place written inside a
    longer name ("Henderson County Jail", "Athens Police Department", "University of Alexandria")."""
    target = _own_target(entity, text, gazetteer, actors)
    if target is None and entity.type != "NORP":
        target = _inner_target(entity, gazetteer, actors)
    return target


# the small words an organisation's name joins its parts with ("Friends of the Mansfield Public Library")
_JOINS = {"of", "the", "for", "and", "&", "in", "at", "on", "de", "du", "des", "la", "le"}
# a word of an organisation or building after the place it is named after ("Athens Police Department")
_INSTITUTION = re.compile(
    rf"(?:{ORGISH.pattern}|{place_cues.KIND_WORD}\b|(?i:sheriff|commission|board|assembly|public|fire|regional|"
    r"metropolitan|parks?|schools?|library|elementary|high|middle|chamber|city|county|state|memorial|medical|"
    r"health|airport|station|stadium|hall|center|centre|jail|prison|hotel|market|street|road|avenue|bridge|"
    r"river|lake|museum|theat(?:re|er)|club|area)\b)",
    re.I,
)
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*\.?$|[A-Z]\.(?:[A-Z]\.)+$")


def _inner_target(entity: Entity, gazetteer: Gazetteer, actors: ActorLexicon) -> Target | None:
    """A place named inside a longer name of several words: the longest leading run of its words that is the
    own name of a place ("Henderson County" in "Henderson County Sheriff's Office"), else the longest run after
    "of" ("Georgia" in "Professional Association of Georgia Educators"). A person's name ("Christopher Inn"
    starts with a first name) or a title's holder never; an entity the actor lexicon gave a country only when
    that country came from the same words."""
    if entity.type not in (*PLACE_TYPES, "ORG", "PERSON") or entity.title or _personal(entity):
        return None
    if place_cues.STREET.search(entity.name):  # a street is where the story is, not in its namesake
        return None
    if entity.type == "PERSON" and name_gender(entity.name.split()[0], honorific=None) is not None:
        return None
    words = entity.name.replace("’s", "").replace("'s", "").split()
    if len(words) < 2:
        return None
    if not entity.country and _acronym(words[0]):  # "NSW National Parks and Wildlife Service"
        abbreviated = [c for c in gazetteer.candidates(words[0]) if _abbreviates(words[0], c)]
        if abbreviated:
            return Target(entity, words[0], abbreviated, {}, inner=True)
    for start, stop in inner_runs(words):
        part = " ".join(words[start:stop])
        lexicon = actors.lookup_country(part)
        if entity.country and lexicon != entity.country:
            continue
        found = gazetteer.candidates(part)
        best_own = max((c.prior for c in found if not c.alternate), default=math.inf)
        # an old or other name only where it outranks every own name: the city that stands for its division
        # ("New York Times" is the city's), a much larger place ("Calcutta High Court")
        own = [c for c in found if not c.alternate or _abbreviates(part, c) or c.prior >= best_own]
        if start == 1 and stop == len(words):  # "Northeast Georgia", not "Alexandria Commonwealth"
            own = [c for c in own if c.place.kind in ("country", "region") or c.place.population >= 100_000]
        if stop < len(words) and (kinds := place_cues.kinds_of(words[stop])):  # "Guernsey County Court"
            own = [c for c in own if c.place.kind in kinds]
        if lexicon and not any(c.place.country == lexicon for c in own):
            whole = gazetteer.country(lexicon)
            own += [Candidate(whole, False, 7.0)] if whole is not None else []
        if own:
            evidence = {c.place: W_LEXICON for c in own if lexicon and c.place.country == lexicon}
            return Target(entity, part, own, evidence, inner=True)
    return None


# words that place a part of what follows them: "Far North Queensland", "Upstate New York"
_QUALIFIER = re.compile(
    r"(?i:north|south|east|west|northern|southern|eastern|western|central|north-?east|north-?west|south-?east|"
    r"south-?west|mid|upper|lower|greater|metro|downtown|inner|outer|rural|coastal|far|deep|upstate|downstate)$"
)


def inner_runs(words: list[str], *, known: bool = False) -> list[tuple[int, int]]:
    """Runs of capitalised words inside a name that may be a place, in the order they are tried: a leading run
    of two words or more, or of one word followed by a word of an institution or building ("Athens Police",
    not "Metro Nashville"), longest first, never one of qualifying words only ("Far North"); then a run after
    "of"; then the name less up to two qualifying first words ("Northeast Georgia", "Far North Queensland";
    `_inner_target` takes only a sizeable place there). Never the whole name. With
    `known` (the runs are looked up among the story's resolved places), any leading run."""
    n = len(words)

    def run_end(start: int) -> int:
        stop = start
        while (
            stop < n
            and stop - start < 4
            and words[stop].lower() not in _JOINS
            and _NAME_WORD.match(words[stop])
        ):
            stop += 1
        return stop

    qualifiers = 0  # leading words that qualify the rest ("Far North Queensland" is in Queensland)
    while qualifiers < min(2, n - 1) and _QUALIFIER.match(words[qualifiers]):
        qualifiers += 1
    runs = [
        (0, stop)
        for stop in range(min(run_end(0), n - 1), 0, -1)
        if stop > qualifiers
        and (
            stop >= 2
            or known
            or (_INSTITUTION.match(words[stop]) and not place_cues.MODIFIER.match(words[0]))
        )
    ]
    for i, word in enumerate(words[:-1]):
        if word.lower() == "of":
            start = i + 2 if words[i + 1].lower() == "the" and i + 2 < n else i + 1
            runs += [(start, stop) for stop in range(run_end(start), start, -1)]
    if qualifiers and run_end(qualifiers) == n and not _QUALIFIER.match(words[qualifiers]):
        runs.append((qualifiers, n))
    return runs


def _own_target(entity: Entity, text: str, gazetteer: Gazetteer, actors: ActorLexicon) -> Target | None:
    name = entity.name
    if not name[:1].isupper() or entity.type not in (*PLACE_TYPES, "NORP", "ORG", "PERSON"):
        return None
    if entity.type == "PERSON" and entity.title:
        _place_with_title(entity, text, gazetteer)
        name = entity.name
    if entity.type in ("ORG", "PERSON") and (entity.title or ORGISH.search(name)):
        return None
    spans = [(m.start, m.end) for m in entity.mentions]
    candidates = list(gazetteer.candidates(name))
    if (seat := _seat(name, candidates, gazetteer, actors)) is not None:
        return Target(entity, name, [seat], {})
    if _acronym(name):  # "WA" is not the town of Wa, nor "CHU" Chu: a short form in capitals is a division's
        candidates = [c for c in candidates if _abbreviates(name, c)]
    if not candidates and " - " in name:  # "Rio de Janeiro - West Zone": the place and a part of it
        candidates = list(gazetteer.candidates(name.split(" - ")[0]))
    if not candidates and (bare := _KIND_SUFFIX.sub("", name)) != name:  # "Briceno municipality"
        candidates = list(gazetteer.candidates(bare))
    holders = [container(text, m.end) for m in entity.mentions]
    if entity.type == "NORP":
        country = actors.lookup_country(name)
        place = gazetteer.country(country) if country else None
        if place is None:
            if not cued(text, spans, candidates):
                return None
            entity.type = "GPE"
            entity.name = name = name.rstrip(" (")
        else:
            return Target(entity, name, [Candidate(place, False, 10.0)], {}, demonym=True)
    state = state_abbreviations().get(place_key(name)) if "." in name else None
    if state and (division := gazetteer.admin1(state)) is not None:  # "Minn." is the state
        candidates = [Candidate(division, False, 9.0), *(c for c in candidates if c.place != division)]
    lexicon = actors.lookup_country(name)
    if entity.type in ("ORG", "PERSON"):
        if lexicon is None and entity.actor and _whole_city(name, candidates):
            entity.actor = entity.country = None  # "Santiago de Queretaro" is no Chilean government
        if not candidates:  # an unknown name, a place only when the text says so ("Dossi (Boni, Tuy)")
            if (
                entity.actor
                or entity.country
                or _personal(entity)
                or not any(_marked(text, s, e, (), strong=True) for s, e in spans)
            ):
                return None
        elif (
            not (
                _promotable(entity, candidates[0])
                or cued(text, spans, candidates)
                or place_cues.of_residents(text, spans, candidates)
            )
            or lexicon is None
            and (entity.actor or (entity.country and entity.country != candidates[0].place.country))
        ):
            return None
        entity.type = "GPE"
        entity.name = name = name.rstrip(" (")
    elif entity.type not in PLACE_TYPES:
        return None
    evidence: dict[Place, float] = {}
    if lexicon is not None and not any(
        c.place.kind == "country" and c.place.country == lexicon for c in candidates
    ):
        whole = gazetteer.country(lexicon)
        in_country = [c for c in candidates if c.place.country == lexicon]
        if whole is not None and not in_country:
            candidates.append(Candidate(whole, False, 7.0))
        for c in candidates:
            if c.place.country == lexicon:
                evidence[c.place] = W_LEXICON
    if not candidates and not any(holders):
        return None
    brackets = [place_cues.bracketed(text, m.end) for m in entity.mentions]
    kinds = place_cues.written_kinds(name, text, [m.end for m in entity.mentions])
    if kinds and any(c.place.kind in kinds for c in candidates):  # "Red Sea State" is no sea
        candidates = [c for c in candidates if c.place.kind != "continent"]
    return Target(entity, name, candidates, evidence, containers=holders, brackets=brackets, kinds=kinds)


def _place_with_title(entity: Entity, text: str, gazetteer: Gazetteer) -> None:
    """A place whose name starts with a word of a title ("Prince Edward Island", "General Santos"), which the
    person stage took for a title and a name: where every mention is written as title and name, and they are
    a division's own name or a town's that the text marks as a place ("in General Santos"), the entity is
    that place's, untitled and uncoded."""
    whole = f"{entity.title} {entity.name}"
    spans = [(m.end - len(whole), m.end) for m in entity.mentions]
    if any(s < 0 or text[s:e] != whole for s, e in spans):
        return
    candidates = [
        c for c in gazetteer.candidates(whole) if not c.alternate and c.place.kind in ("region", "city")
    ]
    if not candidates or not (candidates[0].place.kind == "region" or cued(text, spans, candidates)):
        return
    entity.name, entity.title = whole, None
    entity.actor = None  # it was the title's ("Prince": royalty)
    entity.mentions = [Mention(text=whole, start=s, end=e) for s, e in spans]


def _seat(
    name: str, candidates: Sequence[Candidate], gazetteer: Gazetteer, actors: ActorLexicon
) -> Candidate | None:
    """A seat of power that names a government and is no town of its country ("White House", "Kremlin",
    "Downing Street"), put at the country's capital, without an id of its own: never Casablanca (the white
    house of its name) or a Tennessee town."""
    code = actors.lookup_seat(name)
    if code is None:
        return None
    country = code[:3]
    if any(
        not c.alternate
        and c.place.country == country
        and c.place.kind == "city"
        and c.place.population >= SEAT_CITY
        for c in candidates
    ):
        return None  # a city of the country: the capital itself, or another ("Tel Aviv", "Rawalpindi")
    capital = actors.capitals.get(country)
    found = [c for c in gazetteer.candidates(capital) if c.place.country == country] if capital else []
    if not found:
        return None
    place = replace(found[0].place, name=name, geonameid=None, feature=None, population=0)
    return Candidate(place, False, found[0].prior)


def _personal(entity: Entity) -> bool:
    """A PERSON name that starts with a known first name ("Maria Santos (Texas)")."""
    return entity.type == "PERSON" and name_gender(entity.name, honorific=None) is not None


def _acronym(name: str) -> bool:
    """A short form in capitals ("BC", "NSW"), which abbreviates a name rather than being one."""
    return 2 <= len(name) <= 3 and name.isalpha() and name.isupper()


def _abbreviates(name: str, candidate: Candidate) -> bool:
    """Whether a short form in capitals is the written abbreviation of a candidate division ("NSW")."""
    return _acronym(name) and candidate.alternate and candidate.place.kind == "region"


def _whole_city(name: str, candidates: Sequence[Candidate]) -> bool:
    """Whether a name of several words is the own name of a city of `SEAT_CITY` people or more, which the actor
    stage may have coded by a part of it (the capital "Santiago" of "Santiago de Queretaro")."""
    best = candidates[0] if candidates else None
    return (
        best is not None
        and " " in name
        and not best.alternate
        and best.place.kind == "city"
        and best.place.population >= SEAT_CITY
        and place_key(best.place.name) == place_key(name)
    )


def _promotable(entity: Entity, best: Candidate) -> bool:
    """An ORG or PERSON name that is surely a place: a country or division, or (two words or more) a city of
    a million people."""
    if best.alternate:
        return _abbreviates(entity.name, best)  # "BC", "NSW"
    if best.place.kind in ("country", "region"):
        return entity.type == "ORG" or " " in entity.name
    return " " in entity.name and best.place.kind == "city" and best.place.population >= _PROMOTE_POPULATION


def _add_mention(
    entities: list[Entity],
    added: dict[tuple[str, str], Entity],
    taken: bytearray,
    *,
    label: str,
    text: str,
    start: int,
    end: int,
) -> None:
    """Add a mention of a place the entity stage left out to its entity (made on its first mention), and mark
    its characters as taken."""
    key = (label, place_key(text))
    entity = added.get(key)
    if entity is None:
        entity = Entity(id=f"P{len(added) + 1}", name=text, type=label)
        added[key] = entity
        entities.append(entity)
    entity.mentions.append(Mention(text=text, start=start, end=end))
    taken[start:end] = b"\x01" * (end - start)
