"""Event coding: patterns, passives, chains, coordination, modality, negation, claims, places and dates."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.coding import code_text
from dateline.lexicon.codebook import load_codebook
from dateline.lexicon.verbs import VerbLexicon, load_verb_lexicon
from dateline.nlp.events import EventOptions, find_events
from dateline.records import Event

PUBLISHED = "2016-04-27"  # a Wednesday


def events_of(text: str) -> list[Event]:
    return code_text(text, body_only=True, published=PUBLISHED).events


def summary(event: Event) -> tuple[str, str | None, str | None]:
    source = (event.source.actor or None) if event.source else None
    target = (event.target.actor or None) if event.target else None
    return event.cameo, source, target


def find(events: list[Event], root: str) -> Event:
    hits = [e for e in events if e.root == root]
    assert hits, f"no event of root {root} in {[summary(e) for e in events]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("The Turkish Air Force shot down a Russian bomber over Syria.", "19", "TURMIL", "RUS"),
        ("Russia imposed sanctions on Turkey.", "16", "RUS", "TUR"),
        ("Israeli soldiers arrested more than 100 Palestinians on Saturday.", "17", "ISRMIL", "PSE"),
        ("Amnesty International accused the United States of violating human rights.", "11", "NGO", "USA"),
        ("Pakistan rejected a fresh offer from Afghanistan for direct talks.", "12", "PAK", None),
        ("Iran threatened to shell Iraqi towns.", "13", "IRN", "IRQ"),
        ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "14", "IRQ", None),
        ("Peru has granted asylum to five Panamanian army officers.", "07", "PER", "PAN"),
        ("The French foreign minister visited Albania.", "04", "FRAGOV", "ALB"),
        ("Argentina has apologized to Brazil.", "05", "ARG", "BRA"),
        ("Croatia is investigating alleged war crimes.", "09", "HRV", None),
        ("Georgian President Eduard Shevardnadze resigned on Sunday.", "08", "GEO", None),
    ],
)
def test_patterns(text: str, root: str, source: str, target: str | None) -> None:
    event = find(events_of(text), root)
    assert event.source is not None and (event.source.actor or "").startswith(source)
    if target is not None:
        assert event.target is not None and (event.target.actor or "").startswith(target)


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("A Russian bomber was shot down by the Turkish Air Force.", "19", "TURMIL", "RUS"),
        ("Two Palestinians were arrested by Israeli police.", "17", "ISRCOP", "PSE"),
    ],
)
def test_passives(text: str, root: str, source: str, target: str) -> None:
    event = find(events_of(text), root)
    assert (event.source.actor or "").startswith(source)
    assert (event.target.actor or "").startswith(target)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Jordan and Britain have agreed to undertake joint military exercises.", "03"),  # intent
        ("Israel refused to meet the Jordanian delegation.", "12"),  # rejection
        ("Russia threatened to break relations with Georgia.", "13"),  # threat
        ("The United States demanded that North Korea abandon its nuclear program.", "10"),  # demand
        ("Finland will give Tanzania a grant of 580 million shillings.", "03"),  # announced aid
    ],
)
def test_chains(text: str, code: str) -> None:
    assert code in {e.root for e in events_of(text)}


def test_a_conditional_use_of_force_is_a_threat() -> None:
    event = events_of("If talks fail, Russia could impose sanctions on Turkey.")[0]
    assert (event.root, event.modality) == ("13", "asserted")


def test_coordination_makes_the_second_party_the_target() -> None:
    event = find(events_of("Russia and Turkey could exchange delegations."), "04")
    assert summary(event)[1:] == ("RUS", "TUR")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russia imposed sanctions on Turkey.", "asserted"),
        ("The Russian foreign minister and his Turkish counterpart can meet in China.", "possible"),
        ("The Russian foreign minister is going to China on Wednesday.", "intended"),
        ("Russia did not impose sanctions on Turkey.", "negated"),
        ("If the talks succeed, Russia will host the Turkish president.", "hypothetical"),
        ("Russia will lift sanctions if Turkey apologizes to Moscow.", "hypothetical"),
    ],
)
def test_modality(text: str, modality: str) -> None:
    events = events_of(text)
    assert events, text
    assert events[0].modality == modality


@pytest.mark.parametrize(
    ("text", "date", "basis"),
    [
        (
            "The Turkish Air Force shot down a Russian bomber over Syria on November 24.",
            "2015-11-24",
            "clause",
        ),
        ("The Russian foreign minister is going to China on Wednesday.", "2016-04-27", "clause"),
        ("Russia imposed sanctions on Turkey.", PUBLISHED, "published"),
    ],
)
def test_event_dates(text: str, date: str, basis: str) -> None:
    event = events_of(text)[0]
    assert (event.date, event.date_basis) == (date, basis)


def test_location_claim_and_evidence() -> None:
    text = "Turkish ambassador Umit Yardim said the Turkish Air Force shot down a Russian bomber over Syria."
    event = find(events_of(text), "19")
    assert event.location is not None and event.location.country == "SYR"
    assert event.claimed_by is not None and "Yardim" in (event.claimed_by.name or "")
    assert event.trigger.text.startswith("shot")
    assert event.sentence.text in text and 0 < event.confidence <= 1
    assert event.plover == "ASSAULT" and event.quad_class == 4


def test_a_story_telling_one_event_twice_gives_one_event() -> None:
    text = (
        "Russia and Turkey may meet in China.\n\n"
        "The Russian foreign minister and his Turkish counterpart can meet in China, an ambassador said."
    )
    meetings = [e for e in events_of(text) if e.root == "04"]
    assert len(meetings) == 1
    assert len(meetings[0].mentions) == 2


def test_lexicon_covers_every_root() -> None:
    lexicon = load_verb_lexicon()
    roots = {p.code[:2] for p in lexicon.patterns}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert all(p.code in load_codebook() for p in lexicon.patterns)


def test_coordinated_subject_is_the_other_party():
    article = code_text(
        "Ukraine and Poland agreed on Wednesday to resume talks on the transit of Ukrainian grain.",
        body_only=True,
        published="2023-10-18",
    )
    (event,) = [e for e in article.events if e.root in {"03", "04"}]
    assert (event.source.actor, event.target.actor) == ("UKR", "POL")


@pytest.mark.parametrize(
    ("text", "date", "basis"),
    [
        ("Polish farmers blocked roads near Lublin last month.", "2023-09-01", "clause-month"),
        ("Poland restricted grain imports from Ukraine in 2022.", "2022-01-01", "clause-year"),
        ("Polish farmers blocked roads near Lublin on Monday.", "2023-10-16", "clause"),
        ("Polish farmers blocked roads near Lublin.", "2023-10-18", "published"),
    ],
)
def test_event_date_from_a_coarser_expression(text, date, basis):
    (event,) = code_text(text, body_only=True, published="2023-10-18").events
    assert (event.date, event.date_basis) == (date, basis)


def _coded(nlp, text: str, verbs: VerbLexicon) -> list[tuple[str, str | None, str | None, str]]:
    return [(*summary(e), e.modality) for e in find_events(nlp(text), options=EventOptions(verbs=verbs))]


@pytest.mark.parametrize(
    ("text", "symmetric", "expected"),
    [
        (
            "Russia met Turkey on Monday. Turkey met Russia in Ankara.",
            True,
            [("040", "RUS", "TUR", "asserted")],
        ),
        (
            "Russia met Turkey on Monday. Turkey met Russia in Ankara.",
            False,
            [("040", "RUS", "TUR", "asserted"), ("040", "TUR", "RUS", "asserted")],
        ),
        (
            "Russia accused Turkey of lying. Turkey accused Russia of lying.",
            True,
            [("112", "RUS", "TUR", "asserted"), ("112", "TUR", "RUS", "asserted")],
        ),
    ],
)
def test_symmetric_roots_from_the_lexicon_merge_both_directions(nlp, text, symmetric, expected):
    verbs = load_verb_lexicon()
    if not symmetric:
        verbs = replace(verbs, symmetric_roots=frozenset())
    assert _coded(nlp, text, verbs) == expected


@pytest.mark.parametrize(
    ("text", "fallbacks", "expected"),
    [
        ("Iran will meet Iraq.", True, ("030", "IRN", "IRQ", "asserted")),
        ("Iran will not meet Iraq.", True, ("120", "IRN", "IRQ", "asserted")),
        ("Iran could attack Iraq.", True, ("130", "IRN", "IRQ", "asserted")),
        ("Iran will meet Iraq.", False, ("040", "IRN", "IRQ", "intended")),
        ("Iran could attack Iraq.", False, ("180", "IRN", "IRQ", "possible")),
    ],
)
def test_conversions_without_a_table_code_use_the_lexicon_fallback(nlp, text, fallbacks, expected):
    verbs = load_verb_lexicon()
    verbs = replace(verbs, tables={name: {} for name in verbs.tables})
    if not fallbacks:
        verbs = replace(verbs, fallbacks={})
    assert _coded(nlp, text, verbs) == [expected]
