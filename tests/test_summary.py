"""The terminal summary shows the story's words as they are, never as Rich markup."""

from __future__ import annotations

from rich.console import Console

from dateline.records import Article, Entity, Mention, Quote, Speaker
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
