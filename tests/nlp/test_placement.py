"""Event locations from the resolved place mentions of a story (pure functions, no model)."""

from __future__ import annotations

import pytest

from dateline.lexicon.gazetteer import Place
from dateline.nlp.place_cues import bracketed, container
from dateline.nlp.placement import PlaceMention, story_location

BONN = Place("Bonn", "DEU", "city", 50.7, 7.1, geonameid=1)
GAZA = Place("Gaza", "PSE", "city", 31.5, 34.5, geonameid=2)
ISRAEL = Place("Israel", "ISR", "country", 31.0, 35.0, geonameid=3)
TOWN = Place("Sderot", "ISR", "city", 31.5, 34.6, geonameid=4)


def _mention(place: Place, start: int, *, origin: bool = False, demonym: bool = False) -> PlaceMention:
    return PlaceMention(start, start + 4, place.name, place, 1.0, "E1", demonym, origin)


@pytest.mark.parametrize(
    ("mentions", "anchor", "expected"),
    [
        # the place nearest the trigger, not the first of the sentence
        ([_mention(GAZA, 10), _mention(BONN, 60)], 55, "Bonn"),
        # a town before a country, wherever the country is
        ([_mention(ISRAEL, 50), _mention(TOWN, 90)], 45, "Sderot"),
        # never where the event came from when another place is named
        ([_mention(GAZA, 20, origin=True), _mention(ISRAEL, 40)], 10, "Israel"),
        # a demonym is no place of the event
        ([_mention(ISRAEL, 5, demonym=True), _mention(BONN, 80)], 5, "Bonn"),
    ],
)
def test_story_location_nearest_the_trigger(mentions: list[PlaceMention], anchor: int, expected: str) -> None:
    found = story_location(mentions, 0, 100, anchor=anchor)
    assert found is not None and found.name == expected


@pytest.mark.parametrize(
    ("text", "names", "is_bracketed"),
    [
        ("Kikara (Douentza, Mopti) was", ["Douentza", "Mopti"], True),
        ("Paris, Texas, on", ["Texas"], False),
        ("Muse township (Muse district, Shan-North state)", ["Muse", "Shan-North"], True),
        ("Kasra town in Deir ez Zor countryside", ["Deir ez Zor"], True),
        ("Santiago de Queretaro, Queretaro, two", ["Queretaro"], False),
        ("Paris, said officials", [], False),
    ],
)
def test_written_containers(text: str, names: list[str], is_bracketed: bool) -> None:
    end = len(text.split(" (")[0].split(",")[0].split(" town")[0].split(" township")[0])
    assert container(text, end) == names
    if names:
        assert bracketed(text, end) is is_bracketed
