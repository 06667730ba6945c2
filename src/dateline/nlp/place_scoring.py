"""Scoring and choosing among a place name's candidates: the containing places written next to it, the
dateline's country and place, and (in a second round) the countries and divisions of the story's other places.

Used by `dateline.nlp.places`; `Target` is one name of the story with its candidates and evidence.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from dateline.lexicon import geodata
from dateline.lexicon.actors import load_actor_lexicon
from dateline.lexicon.gazetteer import Candidate, Gazetteer, Place, load_gazetteer, place_key
from dateline.nlp.place_cues import state_abbreviations
from dateline.records import Entity

W_CONTAINER_ADMIN1 = 6.0
W_CONTAINER_COUNTRY = 4.0
W_CONTAINER_NEAR = 2.0
W_DATELINE_COUNTRY = 1.5
W_DATELINE_ADMIN1 = 1.0
W_LEXICON = 1.0
W_STORY_COUNTRY = 4.0
W_STORY_ADMIN1 = 3.0
W_DEMONYM = 0.3
W_KIND = 2.0  # a candidate of the kind written with the name ("Nyanza province")
W_INNER = 0.5  # a place inside a longer name says less of where the story is than one named alone
W_SHARED_ADMIN1 = 2.0  # another name of the story may be a place in the same first-level division
SHARED_MARGIN = 1.0  # ... by a reading of it at most this far below its likeliest (a tenth of the people)
SWEEPS = 3  # readings of the whole story for coherence, the most
# a town or district a container's name may be counts only this close to the division or country the name
# likeliest is: "Bradford, Ontario" is in the province, and says nothing of the Californian town's country
CONTAINER_MARGIN = 1.5
LOCAL = ("city", "district", "region", "site")  # places inside a first-level division
W_LIST = 2.0  # a reading of the level most of the other places of its list are ("Ohio, Oklahoma and Oregon")
LIST_SIZE = 3  # the fewest names a list of places has ("Paris and Texas" is no list of one kind)
LIST_SURE = 0.8  # how sure a list's other name must be of its reading to count for the list's level
# a name known only as towns this small elsewhere may be one of its list's country, or of its container's
LIST_STRANGER = 15_000
STRANGER_HOLDER = 100_000  # a city this big written after a name is where a small namesake abroad is not
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or)|&)\s*")


@dataclass
class Target:
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
    kinds: tuple[str, ...] = ()  # the kinds of place a kind word written with the name allows ("province")
    inner: bool = False  # a place named inside an organisation's or building's name ("Athens Police")


def _container_names(target: Target, gazetteer: Gazetteer) -> Iterator[str]:
    """The names written as the target's containers, in order, the target's own name left out ("Muse township
    (Muse district, ...)" says nothing more); an unknown name of a place and a part of it by the place
    ("Shan-North", "Bogota - Teusaquillo"), never a name of two ("Komin-Yanga" is no Komin)."""
    own_key = place_key(target.name)
    for names in target.containers:
        for name in names:
            if place_key(name) == own_key:
                continue
            first, dash, rest = name.partition("-")
            if (
                dash
                and not gazetteer.candidates(name)
                and (" - " in name or geodata.compass_alone(rest.strip()))
            ):
                name = first.strip()
            yield name


def context_evidence(target: Target, *, dateline_country: str | None, home: Place | None) -> None:
    if target.demonym:
        return
    gazetteer = load_gazetteer()
    states = state_abbreviations()
    holders: list[tuple[set[str], set[str], set[str]]] = []  # (admin1 codes, countries, admin1 of towns)
    for name in _container_names(target, gazetteer):
        admin1: set[str] = set()
        countries: set[str] = set()
        near: set[str] = set()
        code = states.get(place_key(name))
        if code:
            admin1.add(code)
        found = gazetteer.candidates(name)
        # towns and districts far below a division or country the name likeliest is say nothing ("Ontario")
        likeliest = found[0].prior if found and found[0].place.kind in ("region", "country") else -math.inf
        for c in found:
            if c.place.kind == "region" and c.place.admin1_code:
                admin1.add(c.place.admin1_code)
            elif c.place.kind == "country" and c.place.country:
                countries.add(c.place.country)
            elif (
                c.place.kind in ("city", "district")
                and c.place.admin1_code
                and c.prior >= likeliest - CONTAINER_MARGIN
            ):
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
    fits = target.kinds and any(c.place.kind in target.kinds for c in target.candidates)
    for c in target.candidates:
        place = c.place
        bonus = 0.0
        if dateline_country and place.country == dateline_country:
            bonus += W_DATELINE_COUNTRY
        if home is not None and place.admin1_code and place.admin1_code == home.admin1_code:
            bonus += W_DATELINE_ADMIN1
        if fits:  # "the Georgia state line": the state before the country
            bonus += W_KIND if place.kind in target.kinds else -W_KIND
        target.evidence[place] = target.evidence.get(place, 0.0) + bonus


def list_evidence(targets: Sequence[Target], text: str) -> None:
    """Names written as one list ("Arizona, Georgia, New York and Oklahoma"; "Russia, Georgia and Armenia")
    are of one level: a name's readings of the level most of its list's other names surely are (by their
    first choices) gain `W_LIST`, so "New York" there is the state and "Georgia" the country or the state
    as its neighbours are. A name among places of one country that the gazetteer knows only as a small town
    elsewhere ("Suba" among Kenyan towns, a Philippine one) is put in that country (`_list_stranger`)."""
    gazetteer = load_gazetteer()
    given: set[tuple[int, str]] = set()
    for items in _lists(targets, text):
        for target in items:
            others = [
                t.choice.place
                for t in items
                if t is not target
                and t.name != target.name
                and t.choice is not None
                and t.confidence >= LIST_SURE
                and t.choice.place not in t.approximate
            ]
            if len(others) < LIST_SIZE - 1:
                continue
            level = _most(others, _level)
            if level is not None and (id(target), level) not in given:
                given.add((id(target), level))
                for c in target.candidates:
                    if _level(c.place) == level:
                        target.evidence[c.place] = target.evidence.get(c.place, 0.0) + W_LIST
            country = _most([p for p in others if p.kind != "country"], lambda p: p.country)
            if country is not None and (id(target), country) not in given:
                given.add((id(target), country))
                _list_stranger(target, country, gazetteer)


def _lists(targets: Sequence[Target], text: str) -> list[list[Target]]:
    """The runs of at least `LIST_SIZE` place mentions with only commas and "and" or "or" between them."""
    mentions = sorted(
        ((m.start, m.end, t) for t in targets if not (t.demonym or t.inner) for m in t.entity.mentions),
        key=lambda mention: mention[:2],
    )
    lists: list[list[Target]] = []
    run: list[Target] = []
    last_end = 0
    for start, end, target in mentions:
        if not (run and _LIST_GAP.fullmatch(text, last_end, start)):
            if len(run) >= LIST_SIZE:
                lists.append(run)
            run = []
        run.append(target)
        last_end = end
    if len(run) >= LIST_SIZE:
        lists.append(run)
    return lists


def _most(places: Sequence[Place], value: Callable[[Place], str | None]) -> str | None:
    """The value at least two thirds of the places share (and at least `LIST_SIZE` - 1 of them), if any."""
    values = [value(p) for p in places]
    best = max(set(values), key=values.count, default=None)
    count = values.count(best)
    return best if count >= LIST_SIZE - 1 and 3 * count >= 2 * len(values) else None


def _list_stranger(target: Target, country: str, gazetteer: Gazetteer) -> None:
    """A list's name with no reading in the country of the list's other places, whose readings are only
    towns smaller than `LIST_STRANGER`, gets one more: a place of that country unknown to the gazetteer, at
    the country's point, without an id of its own (approximate, as a name put at its written container)."""
    if any(c.place.country == country for c in target.candidates) or not _small_towns_only(target):
        return
    whole = gazetteer.country(country)
    if whole is None:
        return
    place = replace(whole, name=target.name, kind="city", geonameid=None, feature=None, population=0)
    _put_at(target, place, max((c.prior for c in target.candidates), default=0.0), W_LIST)


def _small_towns_only(target: Target) -> bool:
    """Whether every reading of a name is a town (or district) smaller than `LIST_STRANGER`."""
    return all(c.place.kind in LOCAL and c.place.population < LIST_STRANGER for c in target.candidates)


def _put_at(target: Target, place: Place, prior: float, evidence: float) -> None:
    """Give a target one more reading: a place it is put at, without an id of its own (approximate)."""
    target.candidates.append(Candidate(place, False, prior))
    target.approximate.add(place)
    target.evidence[place] = evidence


def _level(place: Place) -> str | None:
    """The level of a place a list keeps to: country, first-level division, second-level division or town."""
    if place.kind == "region":
        return "division" if place.feature == "ADM1" else None
    return place.kind if place.kind in ("country", "district", "city") else None


def _contained_elsewhere(target: Target) -> bool:
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
    return _stranger(target) or any(
        (brackets and len(names) >= (2 if own else 1)) or (not brackets and _address(names))
        for names, brackets in zip(target.containers, target.brackets, strict=True)
    )


def _stranger(target: Target) -> bool:
    """Whether a name known only as towns smaller than `LIST_STRANGER` is written before the name of divisions
    or cities of `STRANGER_HOLDER` people or more of one country, none of theirs: "Karari, Khartoum" is no
    Indian town of the name; "Sanabis (Capital)" says nothing ("Capital" is a division of many countries)."""
    if not _small_towns_only(target):
        return False
    countries = {c.place.country for c in target.candidates}
    gazetteer = load_gazetteer()
    for names in target.containers:
        found = gazetteer.candidates(names[0]) if names else ()
        holders = {
            c.place.country
            for c in found
            if not c.alternate and (c.place.kind == "region" or c.place.population >= STRANGER_HOLDER)
        }
        if len(holders) == 1 and not holders & countries:
            return True
    return False


def _address(names: list[str]) -> bool:
    """Whether the containers written after a name, not in brackets, are an address's: a division that is their
    name's likeliest reading ("Bradford, Ontario"), or a division and its country ("Stroud, Ontario, Canada"),
    which a list of countries ("Spain, Italy") never is."""
    if not names:
        return False
    gazetteer = load_gazetteer()
    if len(names) == 1:
        found = gazetteer.candidates(names[0])
        return bool(found) and found[0].place.kind == "region" and not found[0].alternate
    countries = {c.place.country for c in gazetteer.candidates(names[-1]) if c.place.kind == "country"}
    return any(
        c.place.kind == "region" and not c.alternate and c.place.country in countries
        for c in gazetteer.candidates(names[-2])
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
    target: Target, gazetteer: Gazetteer, holders: list[tuple[set[str], set[str], set[str]]]
) -> None:
    """A name the gazetteer does not know as a place of its written container ("Dossi (Boni, Tuy)") is put
    at that container: the first containing place that resolves by its own name (else the first that resolves
    by an old or foreign name: "Zaki" is no Latvian manor's before "Aru" is the Congolese town), at its point,
    without an id of its own. A container counts only in a country of the container written after it."""
    states = state_abbreviations()
    weight = W_CONTAINER_NEAR if any(not c.alternate for c in target.candidates) else W_CONTAINER_ADMIN1
    written: list[list[Candidate]] = []
    for name in _container_names(target, gazetteer):
        found = list(gazetteer.candidates(name)[:8])  # "Jenin (West Bank)" is Janin, not the Polish one
        code = states.get(place_key(name))
        division = gazetteer.admin1(code) if code else None
        if division is not None:
            found = [Candidate(division, False, 9.0)]
        if found:
            written.append(found)
    for i in range(len(written) - 1):  # "Muse district, Shan-North state": no Muse outside Myanmar holds it
        countries = {c.place.country for c in written[i + 1]}
        written[i] = [c for c in written[i] if c.place.country in countries]
    written = [found for found in written if found]
    own = [found for found in written if any(not c.alternate for c in found)]
    for found in own[:1] or written[:1]:
        for c in found:
            local = c.place.kind in LOCAL
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
            _put_at(target, place, c.prior - 1.0, weight + _inside(place, holders))


@functools.cache
def _iso2(iso3: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else ("XK" if iso3 == "XKX" else "")


def choose(targets: Sequence[Target], *, coherence: bool) -> None:
    """Each target's best candidate by its prior and evidence; with `coherence`, also by the countries and
    first-level divisions the story's other names are resolved to (`_StoryVote`). Coherence reads the story
    one name at a time, each name judged by the others' current readings, until no reading changes (at most
    `SWEEPS` times): judged all at once, two names can each follow the other's first reading and swap
    ("Edmonton" and "Queensland" ending in Queensland and Alberta)."""
    if not coherence:
        for t in targets:
            _pick(t, None)
        return
    vote = _StoryVote(targets)
    for _ in range(SWEEPS):
        changed = False
        for t in targets:
            before = t.choice
            vote.count(t, -1.0)
            _pick(t, vote)
            vote.count(t, 1.0)
            changed = changed or (t.choice is not None and (before is None or t.choice.place != before.place))
        if not changed:
            break


def _pick(t: Target, vote: _StoryVote | None) -> None:
    if not t.candidates:
        return
    scores = []
    for c in t.candidates:
        score = c.prior + t.evidence.get(c.place, 0.0)
        if vote is not None:
            score += vote.bonus(t, c.place)
        scores.append(score)
    best = max(range(len(scores)), key=lambda i: scores[i])
    top = scores[best]
    mass = sum(math.exp(2.0 * (s - top)) for s in scores)
    t.choice = t.candidates[best]
    t.confidence = 1.0 / mass


class _StoryVote:
    """The weights of the story's readings by country and by first-level division, and which names could be
    places in each division. A target is judged by the other names only: the votes of every target of its
    own name ("Paris" and "Paris Police") are left out, so that a name does not confirm itself."""

    def __init__(self, targets: Sequence[Target]) -> None:
        self.countries: defaultdict[str, float] = defaultdict(float)
        self.divisions: defaultdict[str, float] = defaultdict(float)
        self.own_countries: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.own_divisions: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.own_total_c: defaultdict[str, float] = defaultdict(float)
        self.own_total_d: defaultdict[str, float] = defaultdict(float)
        self.total_c = self.total_d = 0.0
        for t in targets:
            self.count(t, 1.0)
        # the names of one country only that have a place of their own name in each of its first-level divisions
        # ("Henry County", American, has one in Tennessee, where a Paris is): two such names likely share it.
        # A name of several countries ("Newark", "London") says nothing of this.
        self.possible: defaultdict[str, set[str]] = defaultdict(set)
        for t in targets:
            own = [c.place for c in t.candidates if not c.alternate]
            if t.demonym or len({p.country for p in own}) != 1:
                continue
            key = place_key(t.name)
            best = max(c.prior for c in t.candidates if not c.alternate)
            for c in t.candidates:  # of its likelier readings: Newark, New Jersey, not every Newark
                # a division named itself is counted by the first choices' votes; this is for places in one
                if (
                    not c.alternate
                    and c.prior >= best - SHARED_MARGIN
                    and c.place.kind in ("city", "district")
                    and c.place.admin1_code
                ):
                    self.possible[c.place.admin1_code].add(key)

    def count(self, t: Target, sign: float) -> None:
        """Add a target's reading to the votes (`sign` 1), or take it out (-1)."""
        if t.choice is None:
            return
        weight = sign * story_weight(t)
        key = place_key(t.name)
        place = t.choice.place
        if place.country:
            self.countries[place.country] += weight
            self.own_countries[key, place.country] += weight
            self.own_total_c[key] += weight
            self.total_c += weight
        if place.admin1_code and place.kind != "country":
            self.divisions[place.admin1_code] += weight
            self.own_divisions[key, place.admin1_code] += weight
            self.own_total_d[key] += weight
            self.total_d += weight

    def bonus(self, t: Target, place: Place) -> float:
        key = place_key(t.name)
        score = 0.0
        rest_c = self.total_c - self.own_total_c[key]
        if rest_c > 1e-9 and place.country:
            share = (self.countries[place.country] - self.own_countries[key, place.country]) / rest_c
            score += W_STORY_COUNTRY * max(share, 0.0)
        rest_d = self.total_d - self.own_total_d[key]
        if rest_d > 1e-9 and place.admin1_code and place.kind != "country":
            share = (self.divisions[place.admin1_code] - self.own_divisions[key, place.admin1_code]) / rest_d
            score += W_STORY_ADMIN1 * max(share, 0.0)
        if place.kind in LOCAL and place.admin1_code and self.possible[place.admin1_code] - {key}:
            score += W_SHARED_ADMIN1
        return score


def story_weight(t: Target) -> float:
    """How much a resolved name counts for the story's countries: by its mentions and confidence; a demonym
    ("Russian troops") names an actor more than where the story is, so counts less, and so does a place inside
    a longer name ("Athens Police Department"). A name put at its written container ("508 Cumberland St.,
    Lebanon") repeats the container's vote, so counts for nothing."""
    if t.choice is not None and t.choice.place in t.approximate:
        return 0.0
    factor = W_DEMONYM if t.demonym else W_INNER if t.inner else 1.0
    return min(len(t.entity.mentions), 3) * t.confidence * factor
