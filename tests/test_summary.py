"""The terminal summary: the story's words as they are, never as Rich markup; events as a person reads them."""

from __future__ import annotations

import pytest
from rich.console import Console

from dateline.records import Article, Coder, Entity, Event, Mention, Quote, Sentence, Speaker
from dateline.summary import render_article


def test_markup_in_story_words_is_printed_as_is() -> None:
    odd = "Lab [/] and [bold]Co[/bold]"
    article = Article(
        id="a1",
        origin={"path": "story[/].txt"},
        headline="A [red]headline",
        lede=None,
        text=f"{odd} said nothing.",
        entities=[
            Entity(id="E1", name=odd, type="PERSON", mentions=[Mention(text=odd, start=0, end=len(odd))])
        ],
        quotes=[
            Quote(
                kind="direct",
                text="[/] is not a tag",
                start=0,
                end=1,
                cue="said",
                speaker=Speaker(entity="E1", name=odd),
            )
        ],
    )
    console = Console(width=200, record=True, color_system=None)
    console.print(render_article(article))
    shown = console.export_text()
    assert shown.count(odd) == 2 and "[/] is not a tag" in shown and "A [red]headline" in shown


def _shown(article: Article) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(render_article(article))
    return console.export_text()


def _events_shown(*events: Event) -> str:
    """The summary of a story that holds only these events."""
    text = "Rivers met Lakes."
    return _shown(Article(id="a1", origin={}, headline=None, lede=None, text=text, events=list(events)))


def _event(cameo: str, plover: str | None, date: str, basis: str) -> Event:
    text = "Rivers met Lakes."
    return Event(
        id="V1",
        cameo=cameo,
        root=cameo[:2],
        plover=plover,
        quad_class=1,
        goldstein=1.0,
        source=None,
        target=None,
        date=date,
        date_basis=basis,
        location=None,
        modality="asserted",
        claimed_by=None,
        sentence=Sentence(index=0, start=0, end=len(text), text=text),
        trigger=Mention(text="met", start=7, end=10),
        confidence=0.9,
        coder=Coder(version="0", lexicon="cameo"),
    )


@pytest.mark.parametrize(
    ("date", "basis", "shown", "not_shown"),
    [
        ("2022-03-04", "clause", "2022-03-04", None),
        ("2022-01-01", "clause-year", " 2022 ", "2022-01-01"),
        ("2022-03-01", "clause-month", " 2022-03 ", "2022-03-01"),
        ("2020-01-01", "clause-decade", " 2020s ", "2020-01-01"),
        ("2022-03-07", "clause-week", "week of 2022-03-07", None),
        ("2022-03-04", "published", "2022-03-04", None),
    ],
)
def test_event_dates_are_shown_at_the_precision_they_are_known(date, basis, shown, not_shown) -> None:
    page = _events_shown(_event("042", "CONSULT", date, basis))
    assert shown in page
    assert not_shown is None or not_shown not in page


@pytest.mark.parametrize(
    ("cameo", "plover", "shown"),
    [
        ("042", "CONSULT", "042 Make a visit (CONSULT)"),
        ("010", None, "010 Make statement "),  # no PLOVER type, and CAMEO's "not specified below" left out
    ],
)
def test_events_show_the_cameo_name_and_the_plover_type(cameo, plover, shown) -> None:
    page = _events_shown(_event(cameo, plover, "2022-03-04", "clause"))
    assert shown in page
    assert "not specified" not in page
