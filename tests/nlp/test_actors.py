"""Actors of events: country from context, generic and unnamed actors, people's bodies, targets, names.

The sentences are made up for these tests (never taken from an evaluation set).
"""

from __future__ import annotations

import pytest

from dateline.coding import code_text
from dateline.records import Event

PUBLISHED = "2021-03-10"


def events_of(text: str, *, published: str | None = PUBLISHED) -> list[Event]:
    return code_text(text, body_only=True, published=published).events


def first(text: str, root: str | None = None, **kwargs: str | None) -> Event:
    events = events_of(text, **kwargs)
    hits = [e for e in events if root is None or e.root == root]
    assert hits, f"no event of root {root} in {[(e.cameo, e.source, e.target) for e in events]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "source", "basis"),
    [
        # the place where the event happens
        ("Police fired tear gas at protesters in Lyon on Sunday.", "FRACOP", "event-place"),
        ("Firefighters protested in Valparaiso over their pay.", "CHLLAB", "event-place"),
        # a place elsewhere in the sentence
        ("Soldiers arrested three traders on Monday, according to residents of Kano.", "NGAMIL", "sentence"),
        # the foreign force keeps its own country
        ("Turkish troops in Iraq attacked militants on Tuesday.", "TURMIL", "phrase"),
        # the place resolver's verdict, not a name looked up alone ("Police" is also a town in Poland)
        (
            "Police forces detained the finance minister at the Judicial Police headquarters in Bissau.",
            "GNBCOP",
            "event-place",
        ),
        # what a protest is for is not where it happens
        (
            "After Friday prayers, worshippers demonstrated in support of the people of Gaza, organisers in "
            "Casablanca said.",
            "MARREL",
            "sentence",
        ),
        # unnamed people of a group are coded and placed
        ("Members of a farmers' union protested outside the ministry in Accra.", "GHALAB", "event-place"),
    ],
)
def test_a_domestic_actor_takes_the_country_of_its_context(text: str, source: str, basis: str) -> None:
    event = first(text)
    assert event.source is not None
    assert (event.source.actor, event.source.actor_basis) == (source, basis)


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Thousands marched through Nairobi on Friday. Police fired tear gas at the crowd.", "paragraph"),
        ("Thousands marched through Nairobi on Friday.\n\nPolice fired tear gas at the crowd.", "story"),
    ],
)
def test_the_paragraph_then_the_story_give_the_country(text: str, basis: str) -> None:
    event = next(e for e in events_of(text) if e.source and e.source.actor and e.source.actor.endswith("COP"))
    assert event.source is not None
    assert (event.source.actor, event.source.actor_basis) == ("KENCOP", basis)


def test_the_actor_in_the_place_is_not_the_foreigner_beside_it() -> None:
    event = first("Russian troops in Syria attacked rebels.", "18")
    assert event.source is not None and event.target is not None
    assert (event.source.actor, event.target.actor) == ("RUSMIL", "SYRREB")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Health workers protested outside the ministry in Accra.", "GHAHLH"),
        ("Unidentified gunmen killed two farmers near Maiduguri.", "NGAUAF"),
        ("Armed men attacked a bus in Kaduna.", "NGAUAF"),
        ("Teachers protested in Lima against the new law.", "PEREDU"),
        ("Dozens of shop owners protested in Quito over taxes.", "ECUBUS"),
        ("Up to 200 ethnic Albanians demonstrated in Serbia on Tuesday.", "SRBCVL"),
    ],
)
def test_generic_actors_are_coded(text: str, source: str) -> None:
    event = first(text)
    assert event.source is not None
    assert event.source.actor == source


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Workers protested against the government's plan in Manila.", "PHLGOV"),
        ("The ministry demanded that Iran release the sailors.", "IRN"),
        ("Russia threatened further action against Georgia.", "GEO"),
        ("The army lifted a curfew in Mosul.", "IRQ"),
    ],
)
def test_targets_are_found_in_the_clause(text: str, target: str) -> None:
    events = events_of(text)
    assert any(e.target and (e.target.actor or "").startswith(target) for e in events), [
        (e.cameo, e.target) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Peter Lang, director general of the Danish Chamber of Commerce, criticised the budget.", "DNKBUS"),
        ("Arab League Secretary General Ahmed Aboul Gheit criticised the attack.", "IGOARL"),
    ],
)
def test_the_body_a_person_serves_decides_the_sector(text: str, actor: str) -> None:
    event = first(text, "11")
    assert event.source is not None
    assert event.source.actor == actor


def test_a_known_figure_is_coded_in_an_undated_story() -> None:
    event = first("Putin criticised the plan.", "11", published=None)
    assert event.source is not None
    assert event.source.actor == "RUSGOV"


def test_every_actor_carries_a_canonical_name() -> None:
    text = "Russian Foreign Minister Sergei Lavrov arrived in Ankara. He criticised the sanctions."
    event = next(e for e in events_of(text) if e.root == "11")
    assert event.source is not None
    assert (event.source.text, event.source.name, event.source.actor) == ("He", "Sergei Lavrov", "RUSGOV")


def test_a_known_group_carries_its_group_code() -> None:
    event = first("Taliban fighters attacked a checkpoint.", "18")
    assert event.source is not None
    assert (event.source.actor, event.source.group) == ("AFGREBTAL", "TAL")


def test_a_full_name_the_lexicon_does_not_know_is_not_its_namesake() -> None:
    text = "Maria Erdogan, a teacher in Hamburg, met parents on Monday. Ms Erdogan criticised the plan."
    article = code_text(text, body_only=True, published=PUBLISHED)
    assert all((e.source.actor or "") != "TURGOV" for e in article.events if e.source), article.events


def test_the_words_after_a_title_at_a_body_are_not_a_person() -> None:
    text = "Anna Berg, chief economist at Nordic Capital Partners, criticised the budget."
    article = code_text(text, body_only=True, published=PUBLISHED)
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["Anna Berg"]


def test_a_title_in_a_body_the_story_abbreviated_takes_its_sector() -> None:
    text = (
        "The Danish Chamber of Commerce (DCC) said it was concerned.\n\n"
        '"We resist these demands," said Peter Lang, DCC director general.'
    )
    article = code_text(text, body_only=True, published=PUBLISHED)
    assert [e.actor for e in article.entities if e.name == "Peter Lang"] == ["DNKBUS"]


def test_a_description_refers_back_to_a_known_figure() -> None:
    text = "Tony Blair met workers on Monday. The prime minister criticised the strike."
    event = next(e for e in events_of(text, published="2004-05-01") if e.root == "11")
    assert event.source is not None
    assert (event.source.actor, event.source.name) == ("GBRGOV", "Tony Blair")


@pytest.mark.parametrize(
    "text",
    [
        "The party will publish its plans before the General Election.",
        "Anna Berg, director general of the Danish Chambers of Commerce, criticised the budget.",
    ],
)
def test_words_after_a_title_that_are_not_people(text: str) -> None:
    article = code_text(text, body_only=True, published=PUBLISHED)
    names = [e.name for e in article.entities if e.type == "PERSON"]
    assert all(name not in {"Election", "Chambers"} for name in names), names


def test_a_description_naming_another_country_is_not_the_person_named_before() -> None:
    event = first("On Monday, Putin offered to negotiate with the president of Armenia.")
    assert event.target is not None and event.target.actor == "ARMGOV"


def test_national_forces_by_name_and_their_foes() -> None:
    event = first("SAF shelled positions of the Rapid Support Forces in Omdurman on Sunday.", "19")
    assert event.source is not None and event.target is not None
    assert (event.source.actor, event.target.actor, event.target.group) == ("SDNMIL", "SDNREBRSU", "RSU")


@pytest.mark.parametrize(
    ("text", "root", "source"),
    [
        # an abbreviation of several bodies is read as the one of the story's country
        ("RSF fighters stormed a village near Nyala in South Darfur.", "18", "SDNREBRSU"),
        ("The RSF attacked a market in El Fasher, the army said.", "18", "SDNREBRSU"),
        # elsewhere it keeps its usual reading
        ("RSF condemned the arrest of two journalists in Minsk.", "11", "NGORSF"),
    ],
)
def test_an_abbreviation_of_several_bodies_is_read_by_the_story(text: str, root: str, source: str) -> None:
    event = first(text, root)
    assert event.source is not None and event.source.actor == source


@pytest.mark.parametrize(
    ("text", "root", "actor"),
    [
        # the entity record reads the abbreviation as the actors stage does: the body of the story's country
        ("The RSF attacked a market in El Fasher, the army said.", "18", "SDNREBRSU"),
        ("Witnesses in Khartoum said the RSF had looted the bank.", "17", "SDNREBRSU"),
        # elsewhere both keep the usual reading
        ("The RSF condemned the arrest of two journalists in Minsk, the group said.", "11", "NGORSF"),
        ("Press freedom group RSF criticised the ruling in Paris on Monday.", "11", "NGORSF"),
    ],
)
def test_an_abbreviation_of_several_bodies_is_read_alike_by_entity_and_event(
    text: str, root: str, actor: str
) -> None:
    article = code_text(text, body_only=True, published=PUBLISHED)
    entity = next(e for e in article.entities if e.name == "RSF")
    event = next(e for e in article.events if e.root == root)
    assert event.source is not None
    assert (entity.actor, event.source.actor) == (actor, actor)
