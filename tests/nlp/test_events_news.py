"""Event coding on the kinds of sentences real news is made of: protests and their aims, attacks by uncoded
groups, nominal and passive events, acts that are not political events, and the date that governs an event."""

from __future__ import annotations

import pytest

from dateline.coding import code_text
from dateline.lexicon.verbs import load_verb_lexicon
from dateline.records import Event

PUBLISHED = "2021-03-05"  # a Friday


def events_of(text: str, published: str = PUBLISHED) -> list[Event]:
    return code_text(text, body_only=True, published=published).events


def asserted_roots(text: str) -> list[str]:
    return [e.root for e in events_of(text) if e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # uncoded but real parties: gunmen, residents, a group of nurses
        ("Unidentified gunmen shot and killed a shopkeeper in the market.", "18"),
        ("A group of nurses protested outside the provincial hospital.", "14"),
        ("Hundreds protested outside the courthouse on Monday.", "14"),  # a number alone is a crowd
        ("Thousands marched through the city centre.", "14"),
        ("Masked men abducted two engineers from a building site.", "18"),
        # nominal events carried by a light verb or reported as happening
        ("Hundreds of pensioners staged a demonstration in the main square.", "14"),
        ("Dock workers held a strike at the harbour.", "14"),
        ("About two hundred students participated in a protest outside parliament.", "14"),
        ("Several thousand farmers took part in a demonstration in the capital.", "14"),
        ("Bus drivers went on strike in the capital.", "14"),
        ("There was an armed clash between the police and smugglers near the border.", "19"),
        ("Heavy fighting broke out between the two militias overnight.", "19"),
        ("Rival gangs exchanged fire in the northern suburbs.", "19"),
        ("A heavy exchange of fire erupted between the army and rebels near the border.", "19"),
        (
            "A clash between police and smugglers left three dead near the border.",
            "19",
        ),  # told by what it caused
        ("The air force carried out an airstrike on a rebel camp.", "19"),
        # passives
        ("Two officers were attacked in the old town.", "18"),
        ("Three opposition activists were arrested by the police.", "17"),
        # a crowd that fights for a cause riots
        ("Demonstrators clashed with riot police outside the parliament.", "14"),
    ],
)
def test_real_news_events(text: str, root: str) -> None:
    assert root in asserted_roots(text)


@pytest.mark.parametrize(
    ("text", "root", "absent"),
    [
        # a protest's aims are the protest, not events of their own
        ("Students held a rally to demand lower fees and to condemn the ministry.", "14", {"10", "11"}),
        ("Farmers marched through the city, demanding higher prices for grain.", "14", {"10"}),
        (
            "Residents gathered outside the town hall in solidarity with the detained journalists.",
            "14",
            set(),
        ),
        ("Teachers protested against the new pension law.", "14", {"11"}),
        # the aim told again in the next sentence by the protest's own party
        ("Taxi drivers blocked the main road into the city. They demanded cheaper fuel.", "14", {"10"}),
        # "struck a mine" is a bombing, not a labour strike
        ("An army truck struck a landmine on the road to the airport.", "18", {"14"}),
    ],
)
def test_aims_and_kinds(text: str, root: str, absent: set[str]) -> None:
    roots = asserted_roots(text)
    assert root in roots
    assert not absent & set(roots), roots


@pytest.mark.parametrize(
    "text",
    [
        "The minister had gone to bed by the time the results came in.",
        "Polls closed at eight in the evening.",
        "Nearly half a million voters had returned their ballot papers.",
        "The ministry released a statement on Tuesday.",
        "The ambassador received a letter of thanks.",
        "He called off the trip.",
        "Prison rules which prevent inmates from working are under review.",
        # a warning of what may befall others is no threat; a one-party meeting is no consultation
        "Business leaders warned that many small firms could be crippled by the move.",
        "The party will hold its annual conference in Brighton.",
        # idioms of force
        "The new cards would help the police fight crime and illegal immigration.",
        "These remarks have been blown out of all proportion.",
        "The Liberal Democrats hope to engage better with voters.",
        "The two delegations held an exchange of views on trade.",
    ],
)
def test_not_political_events(text: str) -> None:
    assert asserted_roots(text) == []


@pytest.mark.parametrize(
    ("text", "root", "absent"),
    [
        # a verbal attack is criticism
        ("The opposition leader attacked the government's plans for new taxes.", "11", {"18"}),
        # a pledge or readiness to use force or coercion is a threat
        ("The rebels vowed to fight until the capital fell.", "13", {"03"}),
        ("The interim government said it was prepared to impose martial law.", "13", {"03"}),
        # what an act is for, or what a charge is about, is no event of its own
        ("The general resigned on Monday to allow elections to take place.", "08", set()),
        ("The opposition accused the minister of attacking the press.", "11", {"18"}),
        # a passive act with no agent in a relative clause sets the scene
        (
            "Serbia lifted the curfew in the province, where 28 people have been killed this year.",
            "08",
            {"18"},
        ),
    ],
)
def test_kind_of_act(text: str, root: str, absent: set[str]) -> None:
    roots = asserted_roots(text)
    assert root in roots
    assert not absent & set(roots), roots


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("She said the party would raise pay to allow more women to stay at home.", "08"),
        ("The president said he was happy to meet the rebel leader.", "04"),
    ],
)
def test_purpose_and_disposition_are_not_asserted(text: str, root: str) -> None:
    events = [e for e in events_of(text) if e.root == root]
    assert events and all(e.modality != "asserted" for e in events), [(e.cameo, e.modality) for e in events]


def test_a_government_protest_is_a_complaint() -> None:
    events = events_of("Russia protested to the Turkish ambassador over the incident.")
    assert any(e.cameo == "114" for e in events)


def test_negated_embedded_event_is_not_asserted() -> None:
    events = events_of("The new pipeline does not mean that Turkey ignores its relations with Russia.")
    assert events and all(e.modality != "asserted" for e in events if e.root == "12")


@pytest.mark.parametrize(
    ("text", "date", "basis"),
    [
        # a sentence-initial date governs the sentence's events, in every clause
        (
            "On 30 April 2020, hundreds of nurses rallied outside the hospital to demand protective equipment.",
            "2020-04-30",
            {"clause", "sentence"},
        ),
        ("On 12 January 2021, police said that gunmen had attacked a convoy.", "2021-01-12", {"sentence"}),
    ],
)
def test_sentence_dates(text: str, date: str, basis: set[str]) -> None:
    events = [e for e in events_of(text) if e.modality == "asserted"]
    assert events
    assert all(e.date == date and e.date_basis in basis for e in events), [(e.cameo, e.date) for e in events]


def test_episode_date() -> None:
    text = (
        "On 2 March 2021, gunmen raided a village in the north. Three suspects were arrested by the police."
    )
    events = [e for e in events_of(text) if e.sentence.index == 1]
    assert events
    assert all(e.date == "2021-03-02" and e.date_basis == "episode" for e in events)


def test_present_tense_sentence_keeps_publication_day() -> None:
    text = "On 2 March 2021, gunmen raided a village in the north. The governor condemns the attack."
    later = [e for e in events_of(text) if e.sentence.index == 1 and e.root == "11"]
    assert later and later[0].date == PUBLISHED


def test_lexicon_flags_load() -> None:
    verbs = load_verb_lexicon()
    assert "gunman" in verbs.parties and "protester" in verbs.crowds
    assert any(p.aims for p in verbs.candidates("protest", "verb"))
    assert any(p.official == "114" for p in verbs.candidates("protest", "verb"))
    assert any(p.object_kind == "party" for p in verbs.candidates("release", "verb"))
    assert any(p.pair for p in verbs.candidates("meet", "verb"))
    assert any(not p.alone for p in verbs.candidates("warn", "verb"))
    assert any(p.if_object == "party" for p in verbs.candidates("fight", "verb"))
    assert {"04", "19"} <= verbs.cooperative_roots | verbs.threat_roots
