"""Toponym resolution with the story's context (the spaCy model is loaded once per session)."""

from __future__ import annotations

import pytest

from dateline.coding import code_text
from dateline.records import Article


def _places(article: Article) -> dict[str, tuple]:
    return {e.name: (e.type, e.country, e.admin1) for e in article.entities if e.lat is not None}


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Heavy rain flooded streets in Paris, Texas, on Monday, officials said.", "Paris", "USA", "Texas"),
        ("The protest spread to Santa Rosa, La Pampa, on Friday.", "Santa Rosa", "ARG", "La Pampa"),
        ("Police in Vienna, Va., arrested two men on Tuesday.", "Vienna", "USA", "Virginia"),
        ("Militants attacked the village of Djibo (Djibo, Soum) on Monday.", "Djibo", "BFA", None),
        # the first container is known only by a foreign name: the one known by its own name holds it
        ("Militants attacked the village of Kabuzimbo (Zaki, Aru) on Monday.", "Kabuzimbo", "COD", None),
        ("Thousands attended a rally in Islamabad on Sunday.", "Islamabad", "PAK", "Islamabad"),
        ("Ministers met in Paris on Monday to discuss the budget.", "Paris", "FRA", None),
        ("Officials in Tamil Nadu said the dam was safe.", "Tamil Nadu", "IND", "Tamil Nadu"),
        ("Flights were cancelled at Heathrow on Monday after the storm.", "Heathrow", "GBR", "England"),
        # a city's whole name, though the actor stage coded a part of it (the capital "Santiago")
        (
            "On 1 May, in Santiago de Queretaro, Queretaro, two officers were shot.",
            "Santiago de Queretaro",
            "MEX",
            None,
        ),
    ],
)
def test_containing_place_and_priors(nlp, text: str, name: str, country: str, admin1: str | None) -> None:
    places = _places(code_text(text, body_only=True))
    assert name in places, places
    assert places[name][1] == country
    if admin1 is not None:
        assert places[name][2] == admin1


def test_story_coherence_places_ambiguous_towns(nlp) -> None:
    text = (
        "Storms swept across Texas on Monday. Houston and Dallas lost power, and in Paris the river rose "
        "above its banks. Residents of Austin were told to stay home."
    )
    places = _places(code_text(text, body_only=True))
    assert places["Paris"][1:] == ("USA", "Texas")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("A Knoxville man was arrested and charged with burglary on Friday.", "Knoxville", "USA"),
        ("Waukesha police ticketed hundreds of drivers last month.", "Waukesha", "USA"),
        # a title of the town's police or mayor follows, the model's span of the person taking it or not
        (
            "The river crested, he said. Duluth Police Chief Mike Tusken urged residents to leave.",
            "Duluth",
            "USA",
        ),
        ("Classes will end early, said Oconomowoc Mayor Bob Dunn on Monday.", "Oconomowoc", "USA"),
        ("The Smith family moved away last year.", "Smith", None),  # no word of a place's people
        ("Capitol police closed the road.", "Capitol", None),  # no place of that name
    ],
)
def test_a_name_written_of_its_people_is_a_place(nlp, text: str, name: str, country: str | None) -> None:
    found = {e.name: e for e in code_text(text, body_only=True).entities}
    assert name in found, list(found)
    assert found[name].country == country
    assert (found[name].type == "GPE") == (country is not None)


def test_a_name_does_not_confirm_itself(nlp) -> None:
    """ "Paris" and "Paris Police" are one name: the story's other places (a Texan county) decide."""
    text = (
        "Paris Police arrested a man on Thursday. The Paris man was held in the Lamar County Jail. Paris Police "
        "and the Lamar County Sheriff's Office are investigating."
    )
    found = {e.name: e.country for e in code_text(text, body_only=True).entities}
    assert found["Paris"] == found["Paris Police"] == "USA", found


@pytest.mark.parametrize(
    ("text", "name", "type_", "country"),
    [
        ("Russian and Syrian officials met on Monday.", "Russian", "NORP", "RUS"),
        ("Russian and Syrian officials met on Monday.", "Syrian", "NORP", "SYR"),
        ("The U.S. imposed sanctions on Tuesday.", "U.S.", "GPE", "USA"),
    ],
)
def test_demonyms_and_short_forms(nlp, text: str, name: str, type_: str, country: str) -> None:
    article = code_text(text, body_only=True)
    found = {e.name: e for e in article.entities}
    assert name in found, list(found)
    assert (found[name].type, found[name].country) == (type_, country)
    assert found[name].feature == "PCLI" and found[name].lat is not None


def test_month_is_no_town(nlp) -> None:
    article = code_text("The talks resumed in March after a pause.", body_only=True)
    assert not [e for e in article.entities if e.name == "March"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the model tags the first mention only; the later ones are the same place
        ("Protesters gathered in Raqqa on Friday. Raqqa has been quiet for weeks.", "Raqqa", "SYR"),
        ("Clashes broke out in Idlib on Monday. Idlib remains under rebel control.", "Idlib", "SYR"),
        ("Snow fell in Bismarck overnight. Bismarck schools were closed on Tuesday.", "Bismarck", "USA"),
        # the model gives no label, or a date's or a product's, to a town after "in"
        ("Four men were detained in Chattanooga on Saturday.", "Chattanooga", "USA"),
        ("Rebels seized two checkpoints in Manbij on Tuesday.", "Manbij", "SYR"),
    ],
)
def test_every_mention_of_a_place_is_found(nlp, text: str, name: str, country: str) -> None:
    article = code_text(text, body_only=True)
    covered = [(m.start, e.country) for e in article.entities for m in e.mentions if m.text == name]
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    assert sorted(covered) == [(i, country) for i in starts], covered


@pytest.mark.parametrize(
    ("text", "name", "repeat"),
    [
        # a dateline in capitals repeats the town the story names
        ("Budget vote in Harwinton. HARWINTON -- The board met on Monday.", "Harwinton", "HARWINTON"),
        # and a town first named in capitals is found again in small letters
        (
            "EAST HAMPTON -- A fire broke out on Monday. The East Hampton Volunteer Fire Department put it out.",
            "EAST HAMPTON",
            "East Hampton",
        ),
        # a word the model takes for an adjective inside a sentence ("a longtime Augusta educator")
        ("She was born in Augusta in 1950. A longtime Augusta educator met her there.", "Augusta", "Augusta"),
    ],
)
def test_repeats_in_other_writings(nlp, text: str, name: str, repeat: str) -> None:
    article = code_text(text, body_only=True)
    at = text.rindex(repeat)
    entity = next(e for e in article.entities if any(m.start == at for m in e.mentions))
    assert entity.type == "GPE" and any(m.text == name for m in entity.mentions), entity


def test_a_sentence_initial_word_is_no_repeat(nlp) -> None:
    text = "Protesters gathered in Reading on Friday. Reading the statement, the mayor asked for calm."
    article = code_text(text, body_only=True)
    second = text.rindex("Reading")
    assert not [m for e in article.entities for m in e.mentions if m.start == second]


@pytest.mark.parametrize(
    "text",
    [
        "He worked at Hamilton Lane before he joined the fund.",  # a name joined to another proper name
        "The meeting was held in March in the capital.",  # a month, not the town
        "Crowds gathered near the Leeds-Bradford terminal on Friday.",  # part of a longer name
    ],
)
def test_cued_names_need_a_name_of_their_own(nlp, text: str) -> None:
    article = code_text(text, body_only=True)
    assert not [e for e in article.entities if e.type == "GPE"], article.entities


def test_metonymy_keeps_the_actor(nlp) -> None:
    article = code_text("Moscow said on Monday that it would send more troops.", body_only=True)
    moscow = next(e for e in article.entities if e.name == "Moscow")
    assert (moscow.country, moscow.actor, moscow.feature) == ("RUS", "RUS", "PPLC")


def test_events_get_locations_from_sentence_and_story(nlp) -> None:
    text = "Protesters marched in Islamabad on Monday. Police arrested dozens of them."
    article = code_text(text, body_only=True)
    located = [ev.location for ev in article.events if ev.location is not None]
    assert located, article.events
    assert all(loc.country == "PAK" and loc.lat is not None and loc.geonameid for loc in located)


def test_entity_ids_follow_the_text(nlp) -> None:
    article = code_text("Russian troops entered Ukraine, the U.S. said.", body_only=True)
    ids = [e.id for e in sorted(article.entities, key=lambda e: e.mentions[0].start)]
    assert ids == [f"E{i}" for i in range(1, len(ids) + 1)]


def test_a_demonym_is_no_event_location(nlp) -> None:
    article = code_text("Russian artillery shelled the outskirts of Kharkiv on Monday.", body_only=True)
    located = [ev.location for ev in article.events if ev.location is not None]
    assert located, article.events
    assert {loc.country for loc in located} == {"UKR"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a name the gazetteer does not know is put at the container written after it
        ("Gunmen attacked the village of Kelbomaya (Ouahigouya, Yatenga) on Monday.", "Kelbomaya", "BFA"),
        ("Fighting was reported near Zarnivka, Donetsk, on Tuesday.", "Zarnivka", "UKR"),
        # ... in a country of the container after it (Muse is a Pennsylvanian town too); an unknown name of two
        # ("Komin-Yanga") is not its first part's (Komín, Czechia); "Province du Koulpelogo" is "Koulpelogo"
        ("Shelling hit Mong Yaw village (Muse district, Shan-North state) on Friday.", "Mong Yaw", "MMR"),
        ("Gunmen raided Lalgaye (Komin-Yanga, Koulpelogo) on Tuesday.", "Komin-Yanga", "BFA"),
        # a name known only as a small town abroad, before a city or division of one country, is of that
        # country; before a division's name many countries have ("Capital"), it keeps its town
        ("Shelling was reported in Karari, Khartoum, on Sunday.", "Karari", "SDN"),
        ("A rally was held in Sanabis (Capital) on Friday.", "Sanabis", "BHR"),
        # a list of places is no container
        ("Cases were reported in Spain, New Zealand and China.", "Spain", "ESP"),
        ("Moscow, Kiev and Minsk reacted with anger.", "Moscow", "RUS"),
    ],
)
def test_written_containers(nlp, text: str, name: str, country: str) -> None:
    article = code_text(text, body_only=True)
    found = {e.name: e for e in article.entities}
    assert name in found, found
    assert found[name].country == country
    assert found[name].lat is not None


def test_an_unknown_place_has_no_id_of_its_own(nlp) -> None:
    article = code_text("Gunmen attacked the village of Kelbomaya (Ouahigouya, Yatenga).", body_only=True)
    village = next(e for e in article.entities if e.name == "Kelbomaya")
    assert village.geonameid is None and village.place_confidence is not None
    assert village.place_confidence < 0.7


@pytest.mark.parametrize(
    ("text", "name", "country", "feature"),
    [
        # the list's other names are states: so are "New York" and "Washington", not the cities
        (
            "Cases were confirmed in Arizona, Colorado, New York, Ohio, Texas and Washington last week.",
            "New York",
            "USA",
            "ADM1",
        ),
        (
            "Cases were confirmed in Arizona, Colorado, New York, Ohio, Texas and Washington last week.",
            "Washington",
            "USA",
            "ADM1",
        ),
        # ... and here countries, so "Georgia" is the country
        ("Delegations from Russia, Georgia, Armenia and Turkey met on Monday.", "Georgia", "GEO", "PCLI"),
    ],
)
def test_a_list_keeps_to_one_level(nlp, text: str, name: str, country: str, feature: str) -> None:
    found = {e.name: e for e in code_text(text, body_only=True).entities}
    assert (found[name].country, found[name].feature) == (country, feature)


def test_a_list_places_a_name_known_only_abroad_in_its_country(nlp) -> None:
    """Among Kenyan towns, a name the gazetteer knows only as a small French town is a Kenyan place, put at
    the country's point without an id; a list of several countries' places says nothing of this."""
    found = {
        e.name: e for e in code_text("Clashes were reported in Ndhiwa, Oyugis, Sare and Mbita.").entities
    }
    assert found["Sare"].country == "KEN" and found["Sare"].geonameid is None
    found = {e.name: e for e in code_text("He toured Ndhiwa, Lyon, Sare and Madrid.").entities}
    assert found["Sare"].country == "FRA"
