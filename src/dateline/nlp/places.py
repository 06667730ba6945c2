"""Places: every place a story names, resolved to one GeoNames place with the story's own context.

`resolve_places(doc, entities)` takes the entities of the entity stage and
- finds the place mentions: GPE/LOC/FAC entities; the model's place and NORP spans the entity stage dropped
  ("U.S.", "Russian", "Syrians": a demonym stands for its country); ORG and PERSON entities whose name is a
  well-known place and nothing else ("Tamil Nadu");
- scores each candidate place of a name (`Gazetteer.candidates`) with its prior (population, kind, capital,
  own or alternate name), the containing place written next to it ("Paris, Texas", "Vienna, Va.", "Kikara
  (Douentza, Mopti)"), the dateline's country and place, the country words of the actor lexicon ("the
  Kremlin"), and, in a second round, the countries and divisions of the story's other places (spatial
  coherence and the story's dominant country);
- writes the winner on the entity (`country`, `admin1`, `admin1_code`, `geonameid`, `lat`, `lon`, `feature`,
  `place_confidence`) and returns every resolved mention, for event locations (`dateline.nlp.placement`).
A lower-case span is never a place ("in march"); metonymy ("Moscow said") is the actor stage's: a GPE keeps
its actor code, moved only when the country it stood for is resolved to another.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from dateline.lexicon.actors import ActorLexicon, load_actor_lexicon
from dateline.lexicon.first_names import name_gender
from dateline.lexicon.gazetteer import Candidate, Gazetteer, Place, load_gazetteer, place_key
from dateline.nlp import place_cues
from dateline.nlp.doctext import doc_text
from dateline.nlp.place_cues import container, cued, state_abbreviations
from dateline.nlp.placement import PlaceMention, StoryPlaces
from dateline.records import Entity, Mention

PLACE_TYPES = ("GPE", "LOC", "FAC")
_SPAN_LABELS = ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW")
_ORGISH = re.compile(
    r"\b(ministry|force|forces|army|navy|office|department|council|party|union|committee|agency|service|"
    r"guard|police|bank|court|parliament|government|university|college|school|club|fc|group|company|inc|"
    r"corp|news|times|post|airlines?|hospital|church|league|association|institute|foundation)\b",
    re.I,
)
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$")
_KIND_SUFFIX = re.compile(rf"\s+{place_cues.KIND_WORD}$")
W_CONTAINER_ADMIN1 = 6.0
W_CONTAINER_COUNTRY = 4.0
W_CONTAINER_NEAR = 2.0
W_DATELINE_COUNTRY = 1.5
W_DATELINE_ADMIN1 = 1.0
W_LEXICON = 1.0
W_STORY_COUNTRY = 4.0
W_STORY_ADMIN1 = 2.0
W_DEMONYM = 0.3
APPROXIMATE = 0.6  # confidence factor of a name put at its written container
_PROMOTE_POPULATION = 1_000_000
_INNER_POPULATION = 500_000
_LOCAL = ("city", "district", "region")


@dataclass
class _Target:
    entity: Entity
    name: str
    candidates: list[Candidate]
    evidence: dict[Place, float]
    demonym: bool = False
    choice: Candidate | None = None
    confidence: float = 0.0
    containers: list[list[str]] = field(default_factory=list)
    brackets: list[bool] = field(default_factory=list)  # whether each container is written in brackets
    approximate: set[Place] = field(default_factory=set)  # put at their written container


def resolve_places(
    doc: Doc,
    entities: list[Entity],
    *,
    dateline_place: str | None = None,
    dateline_country: str | None = None,
    gazetteer: Gazetteer | None = None,
    actors: ActorLexicon | None = None,
) -> tuple[list[Entity], StoryPlaces]:
    """The story's entities with their places resolved (new place and demonym entities added, ids renumbered
    in order of first mention), and the story's resolved place mentions."""
    gazetteer = gazetteer or load_gazetteer()
    actors = actors or load_actor_lexicon()
    text = doc_text(doc)
    entities = list(entities)
    _clean_brackets(entities)
    _extend_names(entities, text, gazetteer)
    _add_model_spans(doc, entities, actors, gazetteer)
    targets: list[_Target] = []
    for entity in entities:
        target = _target(entity, text, gazetteer, actors)
        if target is not None:
            targets.append(target)
    home: Place | None = None
    if dateline_place:
        found = gazetteer.candidates(dateline_place)
        if dateline_country:
            found = tuple(c for c in found if c.place.country == dateline_country) or found
        home = found[0].place if found else None
    for target in targets:
        _context_evidence(
            target, dateline_country=dateline_country or (home.country if home else None), home=home
        )
    _choose(targets, coherence=False)
    _choose(targets, coherence=True)
    _fill_from_story(entities, targets, text, gazetteer, actors)
    mentions: list[PlaceMention] = []
    for target in targets:
        if target.choice is None:
            continue
        place = target.choice.place
        if place in target.approximate:
            target.confidence *= APPROXIMATE
        _write(target.entity, place, round(target.confidence, 2))
        for m in target.entity.mentions:
            mentions.append(
                PlaceMention(
                    m.start,
                    m.end,
                    m.text,
                    place,
                    round(target.confidence, 2),
                    target.entity.id,
                    target.demonym,
                    _ORIGIN.search(text, max(0, m.start - 12), m.start) is not None,
                )
            )
    entities.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    renumber = {}
    for number, entity in enumerate(entities, start=1):
        renumber[entity.id] = f"E{number}"
        entity.id = f"E{number}"
    mentions = [
        PlaceMention(
            m.start,
            m.end,
            m.text,
            m.place,
            m.confidence,
            renumber.get(m.entity, m.entity),
            m.demonym,
            m.origin,
        )
        for m in mentions
    ]
    return entities, StoryPlaces(sorted(mentions, key=lambda m: m.start), home)


# -- mentions -----------------------------------------------------------------------------------------------


def _add_model_spans(doc: Doc, entities: list[Entity], actors: ActorLexicon, gazetteer: Gazetteer) -> None:
    """Spans of the model that no entity covers become entities: place spans, NORP spans of a country
    ("U.S.", "Russian"), and spans of any label that the text marks as a place ("in Nova Iguacu (Rio de
    Janeiro)", "the village of Dossi"); then untagged proper names before a bracketed known place."""
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
        span = _trim(ent)
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
    _add_country_words(doc, entities, actors, taken, added)


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


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _clean_brackets(entities: list[Entity]) -> None:
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


_FOLLOWING = re.compile(rf"(?:[ \t]+(?:{place_cues.PARTICLE}[ \t]+)?[A-Z][\w'’\-]*){{1,3}}")


def _extend_names(entities: list[Entity], text: str, gazetteer: Gazetteer) -> None:
    """A place name the model cut short takes the capitalised words after it when the whole is a place of its
    own name ("Bandar" + "Abbas" -> "Bandar Abbas"); mentions of other entities inside it go."""
    owners: dict[int, tuple[Entity, Mention]] = {}
    for entity in entities:
        for m in entity.mentions:
            owners[m.start] = (entity, m)
    for entity in entities:
        if entity.type not in (*PLACE_TYPES, "ORG", "PERSON", "NORP"):
            continue
        for m in entity.mentions:
            follow = _FOLLOWING.match(text, m.end)
            if follow is None or not m.text[:1].isupper():
                continue
            words = follow.group().split()
            for n in range(len(words), 0, -1):
                end = text.index(words[n - 1], m.end) + len(words[n - 1])
                whole = text[m.start : end]
                if any(
                    not c.alternate or c.place.population >= _INNER_POPULATION / 10
                    for c in gazetteer.candidates(whole)
                ):
                    break
            else:
                continue
            for start, (other, om) in list(owners.items()):
                if other is not entity and m.end <= start < end and om in other.mentions:
                    other.mentions.remove(om)
            m.text, m.end = whole, end
            if len(entity.mentions) == 1:
                entity.name = whole
    entities[:] = [e for e in entities if e.mentions]


def _target(entity: Entity, text: str, gazetteer: Gazetteer, actors: ActorLexicon) -> _Target | None:
    name = entity.name
    if not name[:1].isupper() or entity.type not in (*PLACE_TYPES, "NORP", "ORG", "PERSON"):
        return None
    if entity.type in ("ORG", "PERSON") and (entity.title or _ORGISH.search(name)):
        return None
    spans = [(m.start, m.end) for m in entity.mentions]
    candidates = list(gazetteer.candidates(name))
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
            return _Target(entity, name, [Candidate(place, False, 10.0)], {}, demonym=True)
    state = state_abbreviations().get(place_key(name)) if "." in name else None
    if state and (division := gazetteer.admin1(state)) is not None:  # "Minn." is the state
        candidates = [Candidate(division, False, 9.0), *(c for c in candidates if c.place != division)]
    lexicon = actors.lookup_country(name)
    if entity.type in ("ORG", "PERSON"):
        if not candidates:  # an unknown name, a place only when the text says so ("Dossi (Boni, Tuy)")
            if (
                entity.actor
                or entity.country
                or _personal(entity)
                or not any(_marked(text, s, e, (), strong=True) for s, e in spans)
            ):
                return None
        elif (
            not (_promotable(entity, candidates[0]) or cued(text, spans, candidates))
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
    return _Target(entity, name, candidates, evidence, containers=holders, brackets=brackets)


def _personal(entity: Entity) -> bool:
    """A PERSON name that starts with a known first name ("Maria Santos (Texas)")."""
    return entity.type == "PERSON" and name_gender(entity.name, honorific=None) is not None


def _promotable(entity: Entity, best: Candidate) -> bool:
    """An ORG or PERSON name that is surely a place: a country or division, or (two words or more) a city of
    a million people."""
    if best.alternate:
        return False
    if best.place.kind in ("country", "region"):
        return entity.type == "ORG" or " " in entity.name
    return " " in entity.name and best.place.kind == "city" and best.place.population >= _PROMOTE_POPULATION


# -- scoring ------------------------------------------------------------------------------------------------


def _context_evidence(target: _Target, *, dateline_country: str | None, home: Place | None) -> None:
    if target.demonym:
        return
    gazetteer = load_gazetteer()
    states = state_abbreviations()
    holders: list[tuple[set[str], set[str], set[str]]] = []  # (admin1 codes, countries, admin1 of towns)
    own_key = place_key(target.name)
    for found in target.containers:
        for name in found:
            if place_key(name) == own_key:  # "Muse township (Muse district, ...)" says nothing more
                continue
            if not gazetteer.candidates(name) and "-" in name:  # "Shan-North", "Bogota - Teusaquillo"
                name = name.split("-")[0].strip()
            admin1: set[str] = set()
            countries: set[str] = set()
            near: set[str] = set()
            code = states.get(place_key(name))
            if code:
                admin1.add(code)
            for c in gazetteer.candidates(name):
                if c.place.kind == "region" and c.place.admin1_code:
                    admin1.add(c.place.admin1_code)
                elif c.place.kind == "country" and c.place.country:
                    countries.add(c.place.country)
                elif c.place.kind in ("city", "district") and c.place.admin1_code:
                    near.add(c.place.admin1_code)
            lexicon = load_actor_lexicon().lookup_country(name)
            if lexicon:
                countries.add(lexicon)
            holders.append((admin1, countries, near))
    consistent = False
    for c in target.candidates:
        inside = _inside(c.place, holders)
        consistent = consistent or inside > 0
        target.evidence[c.place] = target.evidence.get(c.place, 0.0) + inside
    if not consistent and _contained_elsewhere(target):
        _add_contained(target, gazetteer, holders)
    for c in target.candidates:
        place = c.place
        bonus = 0.0
        if dateline_country and place.country == dateline_country:
            bonus += W_DATELINE_COUNTRY
        if home is not None and place.admin1_code and place.admin1_code == home.admin1_code:
            bonus += W_DATELINE_ADMIN1
        target.evidence[place] = target.evidence.get(place, 0.0) + bonus


def _contained_elsewhere(target: _Target) -> bool:
    """Whether a name none of whose places fits its written container is put at the container: an unknown
    name always ("near Sieverne, Donetsk"); a known one only inside brackets, never in a list ("Spain, New
    Zealand"): one known only by an old or foreign name ("Houla (Marjayoun)", not the Syrian Kafr Laha), or
    a town of the name elsewhere before a container of two levels ("Muse (Muse district, Shan-North
    state)", not "Sanabis (Capital)"). A country or division is never put inside another place."""
    if not target.candidates:
        return any(target.containers)
    if any(c.place.kind in ("country", "continent", "region") and not c.alternate for c in target.candidates):
        return False
    own = any(not c.alternate for c in target.candidates)
    return any(
        brackets and len(names) >= (2 if own else 1)
        for names, brackets in zip(target.containers, target.brackets, strict=True)
    )


def _inside(place: Place, holders: list[tuple[set[str], set[str], set[str]]]) -> float:
    """How well a place fits the containing places written next to its name."""
    bonus = 0.0
    for admin1, countries, near in holders:
        if place.admin1_code and place.admin1_code in admin1 and place.kind != "region":
            bonus += W_CONTAINER_ADMIN1
        elif place.country and place.country in countries and place.kind != "country":
            bonus += W_CONTAINER_COUNTRY
        elif (place.admin1_code and place.admin1_code in near) or (
            place.country and any(code.startswith(_iso2(place.country) + ".") for code in admin1 | near)
        ):
            bonus += W_CONTAINER_NEAR
    return bonus


def _add_contained(
    target: _Target, gazetteer: Gazetteer, holders: list[tuple[set[str], set[str], set[str]]]
) -> None:
    """A name the gazetteer does not know as a place of its written container ("Dossi (Boni, Tuy)") is put
    at that container: the first containing place that resolves, at its point, without an id of its own."""
    states = state_abbreviations()
    weight = W_CONTAINER_NEAR if any(not c.alternate for c in target.candidates) else W_CONTAINER_ADMIN1
    own_key = place_key(target.name)
    for names in target.containers:
        for name in names:
            if place_key(name) == own_key:
                continue
            if not gazetteer.candidates(name) and "-" in name:
                name = name.split("-")[0].strip()
            found = list(gazetteer.candidates(name)[:8])  # "Jenin (West Bank)" is Janin, not the Polish one
            code = states.get(place_key(name))
            division = gazetteer.admin1(code) if code else None
            if division is not None:
                found = [Candidate(division, False, 9.0)]
            if not found:
                continue
            for c in found:
                local = c.place.kind in _LOCAL
                place = replace(
                    c.place,
                    name=target.name,
                    kind="city" if local else c.place.kind,
                    geonameid=None,
                    feature=None,
                    population=0,
                    admin1=c.place.admin1 if local else None,
                    admin1_code=c.place.admin1_code if local else None,
                )
                target.candidates.append(Candidate(place, False, c.prior - 1.0))
                target.approximate.add(place)
                target.evidence[place] = weight + _inside(place, holders)
            return


@functools.cache
def _iso2(iso3: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else ("XK" if iso3 == "XKX" else "")


def _choose(targets: Sequence[_Target], *, coherence: bool) -> None:
    countries: defaultdict[str, float] = defaultdict(float)
    divisions: defaultdict[str, float] = defaultdict(float)
    if coherence:
        for t in targets:
            if t.choice is not None:
                weight = _weight(t)
                if t.choice.place.country:
                    countries[t.choice.place.country] += weight
                if t.choice.place.admin1_code and t.choice.place.kind != "country":
                    divisions[t.choice.place.admin1_code] += weight
    total_c = sum(countries.values())
    total_d = sum(divisions.values())
    for t in targets:
        if not t.candidates:
            continue
        own = _weight(t) if coherence and t.choice is not None else 0.0
        mine_c = t.choice.place.country if coherence and t.choice is not None else None
        mine_d = t.choice.place.admin1_code if coherence and t.choice is not None else None
        scores = []
        for c in t.candidates:
            score = c.prior + t.evidence.get(c.place, 0.0)
            if coherence and total_c - own > 0 and c.place.country:
                share = (countries[c.place.country] - (own if c.place.country == mine_c else 0)) / (
                    total_c - own
                )
                score += W_STORY_COUNTRY * max(share, 0.0)
            if coherence and total_d - own > 0 and c.place.admin1_code and c.place.kind != "country":
                mine = own if c.place.admin1_code == mine_d else 0
                share = (divisions[c.place.admin1_code] - mine) / (total_d - own)
                score += W_STORY_ADMIN1 * max(share, 0.0)
            scores.append(score)
        best = max(range(len(scores)), key=lambda i: scores[i])
        top = scores[best]
        mass = sum(math.exp(2.0 * (s - top)) for s in scores)
        t.choice = t.candidates[best]
        t.confidence = 1.0 / mass


def _weight(t: _Target) -> float:
    """How much a resolved name counts for the story's countries: by its mentions and confidence; a demonym
    ("Russian troops") names an actor more than where the story is, so counts less."""
    return min(len(t.entity.mentions), 3) * t.confidence * (W_DEMONYM if t.demonym else 1.0)


def _write(entity: Entity, place: Place, confidence: float) -> None:
    previous = entity.country
    if entity.type in PLACE_TYPES or entity.type == "NORP":
        entity.country = place.country or entity.country
        if entity.type == "GPE" and entity.actor and previous and entity.actor == previous != entity.country:
            entity.actor = entity.country
    _write_point(entity, place, confidence)


def _write_point(entity: Entity, place: Place, confidence: float) -> None:
    entity.admin1 = place.admin1 if place.kind in _LOCAL else None
    entity.admin1_code = place.admin1_code if place.kind in _LOCAL else None
    entity.geonameid = place.geonameid
    entity.lat, entity.lon = place.lat, place.lon
    entity.feature = place.feature
    entity.place_confidence = confidence


_FACILITY = re.compile(
    r"\b(street|st|road|rd|avenue|ave|drive|boulevard|lane|highway|bridge|park|square|falls|county|city|town|"
    r"township|village|valley|river|lake|mountain|island|bay|beach|heights|hills|church|cathedral|mosque|"
    r"temple|university|college|school|academy|court|courthouse|hospital|centre|center|theatre|theater|"
    r"stadium|arena|airport|station|tower|hall|farm|market|mall|hotel|inn|prison|jail|base|camp|port|"
    r"harbour|harbor|district|province|state|region)\b",
    re.I,
)


def _fill_from_story(
    entities: list[Entity], targets: list[_Target], text: str, gazetteer: Gazetteer, actors: ActorLexicon
) -> None:
    """What the names alone leave open, from the story: a name the model took for a person or organisation
    that is a place of the story's country ("Owerri" in a Nigerian story); an organisation named after a
    place ("Illinois Department of Public Health" -> USA, at Illinois); a street, building or unknown
    locality, placed in the story's dominant country, at its most named place."""
    votes: defaultdict[str, float] = defaultdict(float)
    for t in targets:
        if t.choice is not None and t.choice.place.country:
            votes[t.choice.place.country] += _weight(t)
    total = sum(votes.values())
    dominant = None
    if total:
        top = max(votes, key=lambda c: votes[c])
        weight = votes[top]
        dominant = top if weight / total >= 0.5 else None
    resolved = {id(t.entity) for t in targets if t.choice is not None}
    focus = _focus(targets, dominant)
    for entity in entities:
        name = entity.name
        if id(entity) in resolved or entity.country or entity.title:
            continue
        if entity.actor and not (_FACILITY.search(name) and len(entity.actor) == 3):
            continue  # a sector code alone ("HLH") leaves a hospital's place open
        if entity.type in ("ORG", "PERSON") and not entity.actor:
            own = [c for c in gazetteer.candidates(name) if not c.alternate]
            if dominant and own and not _ORGISH.search(name):
                local = [c for c in own if c.place.country == dominant]
                if local:
                    entity.type = "GPE"
                    target = _Target(entity, name, local, {})
                    target.choice, target.confidence = local[0], 0.5
                    targets.append(target)
                    resolved.add(id(entity))
                    continue
            if entity.type == "ORG":
                inner = _inner_place(name, gazetteer, actors, dominant)
                if inner is not None:
                    entity.country = inner.country
                    _write_point(entity, inner, 0.5)
                    continue
        if dominant and (entity.type in PLACE_TYPES or _FACILITY.search(name)):
            if entity.type in PLACE_TYPES:
                stripped = re.sub(r"\s+(?:State|Province|Region|County|District|Governorate)$", "", name)
                found = gazetteer.candidates(stripped) if stripped != name else ()
                if found:
                    ranked = sorted(found, key=lambda c: (c.place.country != dominant, -c.prior))
                    target = _Target(entity, name, list(ranked), {})
                    target.choice, target.confidence = ranked[0], 0.5
                    targets.append(target)
                    resolved.add(id(entity))
                    continue
            entity.country = dominant
            entity.place_confidence = 0.3
            if focus is not None:  # a street or building of the story: at its main place, no id of its own
                entity.lat, entity.lon = focus.lat, focus.lon
                entity.admin1, entity.admin1_code = focus.admin1, focus.admin1_code


def _focus(targets: list[_Target], country: str | None) -> Place | None:
    """The story's most named place below country level in its dominant country."""
    weights: defaultdict[Place, float] = defaultdict(float)
    for t in targets:
        if t.choice is not None and t.choice.place.country == country and t.choice.place.kind in _LOCAL:
            weights[t.choice.place] += len(t.entity.mentions) * t.confidence
    return max(weights, key=lambda p: weights[p]) if weights else None


def _inner_place(name: str, gazetteer: Gazetteer, actors: ActorLexicon, dominant: str | None) -> Place | None:
    """A place named inside an organisation's name ("Lagos Chamber of Commerce"): a country word, or a
    division or city of half a million people or more, one of the story's country first."""
    words = name.replace("’s", "").replace("'s", "").split()
    for size in (3, 2, 1):
        for k in range(len(words) - size + 1):
            part = " ".join(words[k : k + size])
            if not part[:1].isupper() or not part.replace(".", "").replace(" ", "").isalpha():
                continue
            own = [c.place for c in gazetteer.candidates(part) if not c.alternate]
            sizeable = [p for p in own if p.kind in ("region", "city") and p.population >= _INNER_POPULATION]
            local = next(
                (
                    p
                    for p in own
                    if dominant and p.country == dominant and (p.kind != "city" or p.population >= 20000)
                ),
                None,
            )
            if local is not None:  # "University of Georgia" in an American story
                return local
            country = actors.lookup_country(part)
            if country:
                found = [c.place for c in gazetteer.candidates(part) if c.place.country == country]
                return found[0] if found else gazetteer.country(country)
            if sizeable:
                return sizeable[0]
    return None


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
