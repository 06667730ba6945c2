"""Writing a resolved place on its entity, and what the names alone leave open filled from the story: a name
the model took for a person or organisation that is a place of the story's country, an organisation named
after a place, a street or building placed in the story's dominant country at its most named place.

Used by `dateline.nlp.places`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from dateline.lexicon import geodata
from dateline.lexicon.actors import ActorLexicon
from dateline.lexicon.gazetteer import Gazetteer, Place, place_key
from dateline.nlp.place_cues import KIND_WORD, MODIFIER
from dateline.nlp.place_mentions import INNER_POPULATION, ORGISH, PLACE_TYPES, inner_runs
from dateline.nlp.place_scoring import LOCAL, Target, story_weight
from dateline.records import Entity


def write_place(entity: Entity, place: Place, confidence: float) -> None:
    previous = entity.country
    if entity.type in PLACE_TYPES or entity.type == "NORP":
        entity.country = place.country or entity.country
        if entity.type == "GPE" and entity.actor and previous and entity.actor == previous != entity.country:
            entity.actor = entity.country
    write_point(entity, place, confidence)


def write_inner(entity: Entity, place: Place, confidence: float) -> None:
    """An organisation or building named after a place ("Henderson County Sheriff's Office") is of that place's
    country, at that place; an actor code that stood for the country the name was first read as follows."""
    previous = entity.country
    if place.country and previous != place.country:
        entity.country = place.country
        if previous and entity.actor and entity.actor.startswith(previous):
            entity.actor = place.country + entity.actor[len(previous) :]
    write_point(entity, place, confidence)


def write_point(entity: Entity, place: Place, confidence: float) -> None:
    entity.admin1 = place.admin1 if place.kind in LOCAL else None
    entity.admin1_code = place.admin1_code if place.kind in LOCAL else None
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


_DIVISION = re.compile(r"\s+(?:State|Province|Region|County|District|Governorate)$")
_KIND_LAST = re.compile(KIND_WORD)  # a kind word ending a place's own name ("Nyanza District")


def _division_name(name: str) -> str:
    """A division's name without its kind word ("Sokoto State" -> "Sokoto"); a compass word left alone
    ("North State Street" cut to "North State") is no name."""
    stripped = _DIVISION.sub("", name)
    return "" if MODIFIER.match(stripped) else stripped


SIZEABLE_TOWN = 20000
CAN_HOLD_PLACES = (*PLACE_TYPES, "ORG", "PERSON")
APPROXIMATE = 0.6  # confidence factor of a place read from inside a longer name


def country_votes(targets: Sequence[Target]) -> dict[str, float]:
    """The story's countries, each with the weight of the resolved names in it."""
    votes: defaultdict[str, float] = defaultdict(float)
    for t in targets:
        if t.choice is not None and t.choice.place.country:
            votes[t.choice.place.country] += story_weight(t)
    return votes


def dominant_country(targets: Sequence[Target]) -> str | None:
    """The country of half or more of the story's resolved names, by their weight, if any."""
    return _top_country(country_votes(targets), share=0.5)


def _top_country(votes: dict[str, float], *, share: float) -> str | None:
    """The country with the most votes, if it has `share` of them or more."""
    total = sum(votes.values())
    if not total:
        return None
    top = max(votes, key=lambda c: votes[c])
    return top if votes[top] / total >= share else None


def drop_misfits(targets: Sequence[Target]) -> None:
    """A name written with a kind of place none of its candidates is ("Springfield province" where the
    gazetteer knows only towns of the name; "Nyanza province" where it knows a Rwandan town and a "Nyanza
    District", `_fits`) is left to the story when its best place lies outside the story's dominant country
    (of the other names): `fill_from_story` then gives it that country. Then `_drop_lone_guesses`."""
    misfits = [
        t
        for t in targets
        if t.choice is not None
        and t.kinds
        and not any(t.containers)  # "Wadi Khakurik region, Erbil" is placed by its container
        and not any(_fits(c.place, t) for c in t.candidates)
    ]
    _drop_lone_guesses(targets)
    if not misfits:
        return
    odd = {id(t) for t in misfits}
    dominant = dominant_country([t for t in targets if id(t) not in odd])
    for t in misfits:
        if dominant is not None and t.choice is not None and t.choice.place.country != dominant:
            t.choice = None


def _fits(place: Place, target: Target) -> bool:
    """Whether a place is of the kind written with the target's name, and its own name carries no other kind
    word ("Nyanza District" is no "Nyanza province")."""
    if place.kind not in target.kinds:
        return False
    last = place.name.rsplit(" ", 1)[-1].lower()
    return not (_KIND_LAST.fullmatch(last) and last not in target.name.lower())


def _drop_lone_guesses(targets: Sequence[Target]) -> None:
    """A town or district read inside a longer name that no other name of the story puts in the same country
    ("Homeland Union" in a Lithuanian story is no party of a Californian town) is dropped; one the story's
    other names agree with ("Cavan County Council", "Cavan Institute") is kept, and so is one in a story of no
    other place.
    So is a descriptive name several countries have ("West Coast", a region of New Zealand) that no other name
    puts in its country; "West Bank" and "Northern Territory" are one place each, and stay."""
    resolved = [t for t in targets if t.choice is not None]
    for t in resolved:
        if t.choice is None:
            continue
        kind = t.choice.place.kind
        if not (t.inner and kind in ("city", "district") or kind != "country" and _description(t)):
            continue
        country = t.choice.place.country
        others = [u for u in resolved if u.entity is not t.entity and u.choice is not None]
        if others and not any(u.choice.place.country == country for u in others if u.choice is not None):
            t.choice = None


def _description(target: Target) -> bool:
    """A name that describes as much as it names, and that places in more than one country bear."""
    return (
        not target.demonym
        and geodata.descriptive(target.name)
        and len({c.place.country for c in target.candidates}) > 1
    )


def from_story_names(entities: list[Entity], targets: list[Target]) -> None:
    """A name the story resolves as a place elsewhere is that place where the model took it for a person or an
    organisation ("Douma" tagged once as a town, once as a person), and a longer name with it inside is of
    that place ("Cauvery Management Board" where "Cauvery" is resolved). Adds the targets it resolves."""
    named: dict[str, Target] = {}
    for t in targets:
        if t.choice is not None and not t.demonym and not t.inner:
            named.setdefault(place_key(t.name), t)
    if not named:
        return
    resolved = {id(t.entity) for t in targets if t.choice is not None}
    for entity in entities:
        if id(entity) in resolved or entity.country or entity.title or entity.type not in CAN_HOLD_PLACES:
            continue
        same = named.get(place_key(entity.name))
        if same is not None and same.choice is not None:
            if entity.type in ("ORG", "PERSON"):
                if entity.actor:
                    continue
                entity.type = "GPE"
            targets.append(
                Target(entity, entity.name, [same.choice], {}, choice=same.choice, confidence=same.confidence)
            )
            continue
        words = entity.name.replace("’s", "").replace("'s", "").split()
        for start, stop in inner_runs(words, known=True) if len(words) > 1 else ():
            inside = named.get(place_key(" ".join(words[start:stop])))
            if inside is not None and inside.choice is not None:
                targets.append(_placed_at(entity, inside))
                break


def _placed_at(entity: Entity, resolved: Target) -> Target:
    """A target placing an entity at a resolved name's place, less surely than that name."""
    return Target(
        entity,
        resolved.name,
        [resolved.choice] if resolved.choice is not None else [],
        {},
        choice=resolved.choice,
        confidence=resolved.confidence * APPROXIMATE,
        inner=True,
    )


# what joins a building or body to the place it is at: "Palais des Nations in Geneva", "Percy French Hotel,
# Ballyjamesduff"
_AT_PLACE = re.compile(r"(?:\s*,\s*|\s+(?:in|at|near)\s+)(?:the\s+)?")


def place_by_neighbour(entities: list[Entity], targets: list[Target], text: str) -> None:
    """A building or an organisation written just before a place the story resolves is at that place
    ("University of St. Thomas in Houston", "CHU in Montpellier"), whatever its own name reads as: that place
    replaces the entity's own targets. An organisation the actor lexicon gives a country keeps it (an embassy
    is its country's), and people are left alone."""
    after: dict[int, Target] = {}
    for t in targets:
        if t.choice is not None and not t.demonym and not t.inner and t.choice.place.kind in LOCAL:
            for m in t.entity.mentions:
                after.setdefault(m.start, t)
    if not after:
        return
    for entity in entities:
        if entity.title or (entity.actor and len(entity.actor) != 3):
            continue
        if not (entity.type in ("FAC", "ORG") or entity.type == "PERSON" and _FACILITY.search(entity.name)):
            continue
        for m in entity.mentions:
            joined = _AT_PLACE.match(text, m.end)
            place = after.get(joined.end()) if joined else None
            if place is None or place.entity is entity or place.choice is None:
                continue
            targets[:] = [t for t in targets if t.entity is not entity]
            targets.append(_placed_at(entity, place))
            break


def fill_from_story(
    entities: list[Entity], targets: list[Target], text: str, gazetteer: Gazetteer, actors: ActorLexicon
) -> None:
    """What the names alone leave open, from the story: a name the model took for a person or organisation
    that is a place of the story's country ("Owerri" in a Nigerian story; where no country has half the story,
    of a country it names; "Sokoto State", a division by its kind word, of any); an organisation named after a
    place ("Illinois Department of Public Health" -> USA, at Illinois); a street, building or unknown
    locality, placed in the story's dominant country, at its most named place (where none dominates, in the
    country the story names most, less surely); any other organisation the actor lexicon does not know, of
    the story's dominant country (no point)."""
    votes = country_votes(targets)
    dominant = _top_country(votes, share=0.5)
    leading = dominant or _top_country(votes, share=0.0)  # where none has half, the one the story names most
    resolved = {id(t.entity) for t in targets if t.choice is not None}
    focus = _focus(targets, dominant)
    for entity in entities:
        name = entity.name
        if id(entity) in resolved or entity.country or entity.title:
            continue
        if entity.actor and not (_FACILITY.search(name) and len(entity.actor) == 3):
            continue  # a sector code alone ("HLH") leaves a hospital's place open
        if entity.type in ("ORG", "PERSON") and not entity.actor:
            # a place's own name; another name of it ("Misrata" for Misratah) where the story names its country
            # and the place is a division or a town of some size
            division = _division_name(name)
            own = [
                c
                for c in gazetteer.candidates(division)
                if not c.alternate
                or (
                    c.place.country in votes
                    and (c.place.kind == "region" or c.place.population >= SIZEABLE_TOWN)
                )
            ]
            if own and not ORGISH.search(name):
                # of the dominant country; where none has half the story, of a country the story names
                local = [
                    c
                    for c in own
                    if c.place.country == dominant or (not dominant and c.place.country in votes)
                ]
                if not local and division != name:  # "Sokoto State": the kind word says enough
                    local = [c for c in own if c.place.kind == "region" and not c.alternate]
                local.sort(key=lambda c: -votes.get(c.place.country or "", 0.0))
                if local:
                    entity.type = "GPE"
                    target = Target(entity, name, local, {})
                    target.choice, target.confidence = local[0], 0.5 if dominant else 0.4
                    targets.append(target)
                    resolved.add(id(entity))
                    continue
            if entity.type == "ORG":
                inner = _inner_place(name, gazetteer, actors, dominant)
                if inner is not None:
                    entity.country = inner.country
                    write_point(entity, inner, 0.5)
                    continue
        if leading and (entity.type in PLACE_TYPES or _FACILITY.search(name)):
            if entity.type in PLACE_TYPES:
                stripped = _division_name(name)
                found = gazetteer.candidates(stripped) if stripped and stripped != name else ()
                if found:
                    ranked = sorted(found, key=lambda c: (c.place.country != leading, -c.prior))
                    target = Target(entity, name, list(ranked), {})
                    target.choice, target.confidence = ranked[0], 0.5
                    targets.append(target)
                    resolved.add(id(entity))
                    continue
            entity.country = leading  # where no country has half the story, the one it names most, less sure
            entity.place_confidence = 0.3 if dominant else 0.2
            if focus is not None:  # a street or building of the story: at its main place, no id of its own
                entity.lat, entity.lon = focus.lat, focus.lon
                entity.admin1, entity.admin1_code = focus.admin1, focus.admin1_code
        elif dominant and entity.type == "ORG" and not entity.actor:
            entity.country = dominant  # an organisation of no known kind or country: of the story's country
            entity.place_confidence = 0.3


def _focus(targets: list[Target], country: str | None) -> Place | None:
    """The story's most named place below country level in its dominant country."""
    weights: defaultdict[Place, float] = defaultdict(float)
    for t in targets:
        if t.choice is not None and t.choice.place.country == country and t.choice.place.kind in LOCAL:
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
            if _FACILITY.fullmatch(part) or geodata.compass_alone(part):
                continue  # "Centre", "Western": no place's name
            own = [c.place for c in gazetteer.candidates(part) if not c.alternate]
            sizeable = [p for p in own if p.kind in ("region", "city") and p.population >= INNER_POPULATION]
            local = next(
                (
                    p
                    for p in own
                    if dominant
                    and p.country == dominant
                    and (p.kind != "city" or p.population >= SIZEABLE_TOWN)
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
