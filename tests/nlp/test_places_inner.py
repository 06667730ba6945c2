"""Places written inside longer names, datelines inside the text, legislators' home towns and kind words
("province", "state") in toponym resolution. Made-up sentences; the spaCy model is loaded once per session."""

from __future__ import annotations

import pytest

from dateline.coding import code_text
from dateline.lexicon.actors import load_actor_lexicon
from dateline.lexicon.gazetteer import Candidate, Place, load_gazetteer
from dateline.nlp.place_cues import body_datelines, kinds_of, party_homes, written_kinds
from dateline.nlp.place_mentions import inner_runs
from dateline.nlp.place_scoring import Target, choose
from dateline.nlp.place_story import drop_misfits, fill_from_story, from_story_names, place_by_neighbour
from dateline.records import Entity, Mention


def _runs(name: str) -> list[str]:
    words = name.split()
    return [" ".join(words[a:b]) for a, b in inner_runs(words)]


@pytest.mark.parametrize(
    ("name", "tried", "never"),
    [
        ("Henderson County Jail", "Henderson County", "Henderson County Jail"),
        ("Lakeview Police Department", "Lakeview", "Police"),
        ("Friends of the Milltown Public Library", "Milltown Public Library", "Friends"),
        ("Northeast Georgia", "Georgia", "Northeast"),
        ("Metro Nashville", "Nashville", "Metro"),
        ("Far North Queensland", "Queensland", "Far North"),  # the qualifying words are no place of their own
        ("Upstate New York", "New York", "Upstate"),
        ("Federal University of Technology", "Technology", "Federal"),
    ],
)
def testinner_runs(name: str, tried: str, never: str) -> None:
    runs = _runs(name)
    assert tried in runs, runs
    assert never not in runs
    assert name not in runs


def test_no_inner_run_of_a_single_word_or_two_names() -> None:
    assert _runs("Springfield") == []
    assert "Springfield" not in _runs("Springfield Rivers")  # a place before a name that is no institution


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Flood warning issued. SPRINGFIELD -- The city council met.", ["SPRINGFIELD"]),
        ("Man held.\nDENVER, Colo. (AP) — Police said on Monday.", ["DENVER", "Colo."]),
        ("SAN ANTONIO The council voted on Monday to close the pool.", ["SAN ANTONIO"]),  # no dash left
        ("BREAKING NEWS The council voted on Monday.", []),
        ("The vote is due. NATO said it would wait.", []),
        ("He said the NEW PLAN -- a draft -- was ready.", []),
    ],
)
def test_body_datelines(text: str, found: list[str]) -> None:
    assert [name for _, _, name in body_datelines(text, bytearray(len(text) + 1))] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("said Rep. Jane Roe, R-Elk River, on Monday", ["Elk River"]),
        ("Sen. John Doe (D-Duluth) voted no", ["Duluth"]),
        ("Rep. Ann Poe, D-S.C., asked", ["S.C."]),
        (
            "backed by Jo Lee, D-Fargo; Al Ray, R-Minot; and others",
            ["Fargo", "Minot"],
        ),  # a list with semicolons
        ("the R-rated film and a D-Day parade", []),
    ],
)
def test_party_homes(text: str, found: list[str]) -> None:
    assert [name for _, _, name in party_homes(text, bytearray(len(text) + 1))] == found


@pytest.mark.parametrize(
    ("name", "text", "kinds"),
    [
        ("Benue State", "in Benue State on Monday", ("region",)),
        ("Nyanza", "in Nyanza province on Monday", ("region", "district")),
        ("Madison", "in Madison on Monday", ()),
    ],
)
def test_written_kinds(name: str, text: str, kinds: tuple[str, ...]) -> None:
    end = text.index(name) + len(name)
    assert written_kinds(name, text, [end]) == kinds


def test_kinds_of() -> None:
    assert kinds_of("County") == ("district", "region")
    assert kinds_of("Police") == ()


def _countries(text: str) -> dict[str, str | None]:
    return {e.name: e.country for e in code_text(text, body_only=True).entities}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "A man was taken to the Madison County Jail on Friday, the sheriff said.",
            "Madison County Jail",
            "USA",
        ),
        (
            "Flood warning issued for river towns. SPRINGFIELD -- The city council met on Monday to plan levees.",
            "SPRINGFIELD",
            "USA",
        ),
        ("The bill's sponsor, Sen. Mary Olson, R-Duluth, said it would pass this week.", "Duluth", "USA"),
        ("Crews reached the Georgia state line on Monday.", "Georgia", "USA"),
        (
            "Traffic stopped on Salisbury Avenue in Toronto on Monday after a crash.",
            "Salisbury Avenue",
            "CAN",
        ),
        ("Rains flooded Nyanza province and Kisumu in western Kenya on Monday.", "Nyanza province", "KEN"),
        # a district inside a longer name that no other place of the story shares a country with (a Yukon
        # district of 540 people) is left to the story
        (
            "Councillors in Galway and Sligo objected. Mayo County Council approved the plan on Monday.",
            "Mayo County Council",
            "IRL",
        ),
        # a place whose name starts with a title's word, and a person's name written as it is
        ("Potato farmers in Prince Edward Island expect a poor harvest.", "Prince Edward Island", "CAN"),
        ("The sawmill in Prince George will close in May, the company said.", "Prince George", "CAN"),
        ("Aid reached the camps near Al-Fashir on Monday, officials said.", "Al-Fashir", "SDN"),
        # an address's division, or division and country, holds a town the gazetteer knows only elsewhere
        ("He must appear in a Bradford, Ontario court in May.", "Bradford", "CAN"),
        ("The truck was stopped on a highway in Stroud, Ontario, Canada, on Friday.", "Stroud", "CAN"),
        ("Flights to Madrid, Spain, Rome, Italy and Athens were cancelled.", "Rome", "ITA"),
        # a parish written without its kind word, of its people
        ("Police said a Pointe Coupee man was charged with burglary on Friday.", "Pointe Coupee", "USA"),
        # a name the model cut short, and another place of a name that begins like it
        (
            "Cases rose in Chad and Democratic Republic of the Congo this year.",
            "Democratic Republic of the Congo",
            "COD",
        ),
        ("Cases were reported in Guinea, Guinea-Bissau and Mali.", "Guinea-Bissau", "GNB"),
        ("Cases were reported in Guinea, Guinea-Bissau and Mali.", "Guinea", "GIN"),
    ],
)
def test_places_from_names_and_layout(nlp, text: str, name: str, country: str) -> None:
    found = _countries(text)
    assert name in found, found
    assert found[name] == country


def test_a_title_and_a_name_stay_a_person() -> None:
    found = {
        e.name: (e.type, e.title)
        for e in code_text("Prince George waved to the crowd.", body_only=True).entities
    }
    assert found.get("George") == ("PERSON", "Prince"), found


def _resolved(name: str, place: Place) -> Target:
    entity = Entity(id="E1", name=name, type="GPE", mentions=[Mention(text=name, start=0, end=len(name))])
    return Target(entity, name, [Candidate(place)], {}, choice=Candidate(place), confidence=0.9)


_TOWN = Place("Karvela", "GRC", "city", 38.0, 23.0, 20000, 1, "PPL", "Attica", "GR.ESYE31")


@pytest.mark.parametrize(
    ("name", "type_", "actor", "country", "new_type"),
    [
        ("Karvela", "PERSON", None, "GRC", "GPE"),  # the same name, resolved as a town elsewhere
        ("Karvela Water Board", "ORG", "LEG", "GRC", "ORG"),  # the town inside a longer name
        ("Karvela", "ORG", "COP", None, "ORG"),  # an actor of that name is left to the actor stage
        ("Mirlo Water Board", "ORG", None, None, "ORG"),  # no resolved name inside
    ],
)
def test_from_story_names(
    name: str, type_: str, actor: str | None, country: str | None, new_type: str
) -> None:
    targets = [_resolved("Karvela", _TOWN)]
    entity = Entity(
        id="E2", name=name, type=type_, actor=actor, mentions=[Mention(text=name, start=40, end=50)]
    )
    from_story_names([targets[0].entity, entity], targets)
    added = [t for t in targets if t.entity is entity]
    assert (added[0].choice.place.country if added and added[0].choice else None) == country
    assert entity.type == new_type


@pytest.mark.parametrize(
    ("actor", "country"),
    [(None, "GRC"), ("BUS", None)],
)
def test_an_unknown_organisation_takes_the_story_country(actor: str | None, country: str | None) -> None:
    targets = [_resolved("Karvela", _TOWN)]
    org = Entity(id="E2", name="Zorvex Amalgamated", type="ORG", actor=actor, mentions=[Mention("x", 40, 41)])
    fill_from_story([targets[0].entity, org], targets, "", load_gazetteer(), load_actor_lexicon())
    assert org.country == country


@pytest.mark.parametrize(("story_country", "kept"), [("GRC", True), ("LTU", False)])
def test_a_town_inside_a_name_outside_the_story_country_is_dropped(story_country: str, kept: bool) -> None:
    other = Place("Vardo", story_country, "country", 50.0, 20.0, 3_000_000, 2, "PCLI")
    targets = [_resolved("Vardo", other), _resolved("Vardo", other), _resolved("Karvela Union", _TOWN)]
    targets[2].inner = True
    drop_misfits(targets)
    assert (targets[2].choice is not None) == kept


@pytest.mark.parametrize(
    ("name", "type_", "actor", "joint", "moved"),
    [
        ("Palais Zorvex", "FAC", None, " in ", True),  # a building written before its town
        ("Zorvex Institute", "ORG", "EDU", ", ", True),  # a sector code alone leaves the place open
        ("Zorvex Embassy", "ORG", "RUSGOV", " in ", False),  # an embassy is its country's
        ("Ann Zorvex", "PERSON", None, " of ", False),  # a person is not a building
        ("Zorvex Institute", "ORG", None, " and ", False),  # a list, not a place
    ],
)
def test_a_building_before_a_resolved_place_is_at_that_place(
    name: str, type_: str, actor: str | None, joint: str, moved: bool
) -> None:
    text = f"{name}{joint}Karvela"
    start = len(name) + len(joint)
    town = Entity(id="E1", name="Karvela", type="GPE", mentions=[Mention("Karvela", start, start + 7)])
    targets = [Target(town, "Karvela", [Candidate(_TOWN)], {}, choice=Candidate(_TOWN), confidence=0.9)]
    other = Place("Zorvex", "BRA", "city", -10.0, -50.0, 5000, 3, "PPL")
    entity = Entity(id="E2", name=name, type=type_, actor=actor, mentions=[Mention(name, 0, len(name))])
    targets.append(Target(entity, "Zorvex", [Candidate(other)], {}, choice=Candidate(other), confidence=0.5))
    place_by_neighbour([town, entity], targets, text)
    own = [t for t in targets if t.entity is entity]
    assert len(own) == 1
    assert (own[0].choice is not None and own[0].choice.place == _TOWN) == moved
    assert own[0].inner == moved


@pytest.mark.parametrize(("countries", "kept"), [(("NZL", "AUS"), False), (("NZL",), True)])
def test_a_description_several_countries_bear_needs_the_story(countries: tuple[str, ...], kept: bool) -> None:
    """ "West Coast" in a story of Greek towns is no region of New Zealand; a name only one country has stays."""
    places = [Place("West Coast", c, "region", 0.0, 0.0, 30000, i, "ADM1") for i, c in enumerate(countries)]
    entity = Entity(id="E9", name="West Coast", type="LOC", mentions=[Mention("West Coast", 60, 70)])
    coast = Target(entity, "West Coast", [Candidate(p) for p in places], {}, choice=Candidate(places[0]))
    targets = [_resolved("Karvela", _TOWN), _resolved("Karvela", _TOWN), coast]
    drop_misfits(targets)
    assert (coast.choice is not None) == kept


def test_a_facility_word_inside_a_name_is_no_place() -> None:
    """ "Zorvex Community Centre" is not in Centre, a region of Burkina Faso: it takes the story's country."""
    targets = [_resolved("Karvela", _TOWN)]
    org = Entity(id="E2", name="Zorvex Community Centre", type="ORG", mentions=[Mention("x", 40, 41)])
    fill_from_story([targets[0].entity, org], targets, "", load_gazetteer(), load_actor_lexicon())
    assert org.country == "GRC"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Officials in BC opened a new clinic on Monday, the ministry in Victoria said.", "BC", "CAN"),
        ("A fire damaged three houses on Dutchman Street in Toronto on Monday.", "Dutchman Street", "CAN"),
        ("Fighting spread in Red Sea State on Monday, Sudanese officials said.", "Red Sea State", "SDN"),
        ("A tanker was hit in the Red Sea on Monday.", "Red Sea", None),
    ],
)
def test_short_forms_street_names_and_seas(nlp, text: str, name: str, country: str | None) -> None:
    found = _countries(text)
    assert name in found, found
    assert found[name] == country


def test_a_short_form_in_capitals_is_no_town() -> None:
    """ "WA" is not the Ghanaian town of Wa: a capitalised short form is only a division's abbreviation."""
    from dateline.nlp.place_mentions import _own_target

    entity = Entity(id="E1", name="WA", type="GPE", mentions=[Mention("WA", 10, 12)])
    target = _own_target(entity, "Rain fell in WA on Monday.", load_gazetteer(), load_actor_lexicon())
    assert target is None or all(c.place.country != "GHA" for c in target.candidates)


def _named(name: str, start: int, places: list[tuple[Place, float]]) -> Target:
    entity = Entity(id=f"E{start}", name=name, type="GPE", mentions=[Mention(name, start, start + len(name))])
    return Target(entity, name, [Candidate(p, False, prior) for p, prior in places], {})


@pytest.mark.parametrize(("other_country", "shared"), [("USA", True), ("CAN", False)])
def test_two_names_that_can_share_a_division_are_read_there(other_country: str, shared: bool) -> None:
    """ "Paris and Henry County": the capital has the stronger prior, but a Henry County of one country has a
    Paris in its Tennessee; a name of two countries says nothing of that."""
    capital = Place("Karvela", "GRC", "city", 38.0, 23.0, 2_000_000, 1, "PPLC", "Attica", "GR.ESYE31")
    town = Place("Karvela", "USA", "city", 36.3, -88.3, 10_000, 2, "PPL", "Tennessee", "US.TN")
    counties = [
        Place("Zorvex County", "USA", "district", 33.4, -84.1, 60_000, 3, "ADM2", "Georgia", "US.GA"),
        Place(
            "Zorvex County", other_country, "district", 36.3, -88.3, 50_000, 4, "ADM2", "Tennessee", "US.TN"
        ),
    ]
    targets = [
        _named("Karvela", 0, [(capital, 8.5), (town, 4.0)]),
        _named("Zorvex County", 20, [(counties[0], 4.5), (counties[1], 4.4)]),
    ]
    choose(targets, coherence=False)
    choose(targets, coherence=True)
    assert targets[0].choice is not None
    assert (targets[0].choice.place == town) == shared


def test_a_division_written_with_its_kind_word_needs_no_story_support() -> None:
    """A division taken for a person ("Sokoto State") in a story of Greek towns: the kind word is evidence."""
    targets = [_resolved("Karvela", _TOWN)]
    state = Entity(id="E2", name="Sokoto State", type="PERSON", mentions=[Mention("Sokoto State", 40, 52)])
    fill_from_story([targets[0].entity, state], targets, "", load_gazetteer(), load_actor_lexicon())
    added = [t for t in targets if t.entity is state]
    assert added and added[0].choice is not None
    assert (added[0].choice.place.country, added[0].choice.place.kind) == ("NGA", "region")
    assert state.type == "GPE"


@pytest.mark.parametrize("at_container", [True, False])
def test_a_name_put_at_its_container_casts_no_vote(at_container: bool) -> None:
    """ "12 Elm St., Karvela": the street is put at the Greek capital it is written with, but that repeats the
    capital's reading and must not outvote a Tennessee county that the story names on its own."""
    capital = Place("Karvela", "GRC", "city", 38.0, 23.0, 2_000_000, 1, "PPLC", "Attica", "GR.ESYE31")
    town = Place("Karvela", "USA", "city", 36.3, -88.3, 10_000, 2, "PPL", "Tennessee", "US.TN")
    county = Place("Zorvex County", "USA", "district", 36.3, -88.3, 50_000, 3, "ADM2", "Tennessee", "US.TN")
    street = Place("Elm St.", "GRC", "city", 38.0, 23.0, 0, None, None, "Attica", "GR.ESYE31")
    targets = [
        _named("Karvela", 0, [(capital, 8.5), (town, 4.0)]),
        _named("Zorvex County", 20, [(county, 4.5)]),
        _named("Elm St.", 40, [(street, 7.5)]),
    ]
    targets[2].entity.mentions += [Mention("Elm St.", 60, 67), Mention("Elm St.", 80, 87)]
    if at_container:
        targets[2].approximate.add(street)
    choose(targets, coherence=False)
    choose(targets, coherence=True)
    assert targets[0].choice is not None
    assert (targets[0].choice.place == town) == at_container


def test_coherence_does_not_swap_two_names() -> None:
    """A town that is likeliest Canadian and a division that is likeliest Australian, each with a namesake in
    the other's country and division: read together they must end in one country, not trade readings."""
    town_ca = Place("Zorvex", "CAN", "city", 53.5, -113.5, 1_000_000, 1, "PPLA", "Alberta", "CA.01")
    town_au = Place("Zorvex", "AUS", "city", -16.9, 145.7, 10_000, 2, "PPL", "Queensland", "AU.04")
    region_au = Place("Karvela", "AUS", "region", -22.0, 144.0, 5_000_000, 3, "ADM1", "Queensland", "AU.04")
    town_ca2 = Place("Karvela", "CAN", "city", 52.0, -113.0, 4_000, 4, "PPL", "Alberta", "CA.01")
    targets = [
        _named("Zorvex", 0, [(town_ca, 6.0), (town_au, 3.0)]),
        _named("Karvela", 20, [(region_au, 7.3), (town_ca2, 3.7)]),
    ]
    choose(targets, coherence=False)
    choose(targets, coherence=True)
    assert [t.choice.place.country for t in targets if t.choice] == ["AUS", "AUS"]


@pytest.mark.parametrize(
    ("text", "name", "country", "capital"),
    [
        ("The White House said on Monday that the talks would go on.", "White House", "USA", "Washington"),
        ("The Kremlin denied the report on Tuesday.", "Kremlin", "RUS", "Moscow"),
    ],
)
def test_a_seat_of_power_is_at_its_capital(nlp, text: str, name: str, country: str, capital: str) -> None:
    """Not Casablanca (a white house by its name), nor a town of the seat's name, nor the country's middle."""
    entity = next(e for e in code_text(text, body_only=True).entities if e.name == name)
    town = next(c.place for c in load_gazetteer().candidates(capital) if c.place.country == country)
    assert (entity.country, entity.geonameid) == (country, None)
    assert (entity.lat, entity.lon) == (town.lat, town.lon)


def test_a_city_that_is_a_seat_stays_itself(nlp) -> None:
    entity = next(
        e for e in code_text("Officials in Tel Aviv said the talks failed.", body_only=True).entities
    )
    assert (entity.name, entity.country, entity.feature) == ("Tel Aviv", "ISR", "PPL")
