"""`import dateline`: the library's front door."""

from __future__ import annotations

import pytest

import dateline


def test_api_code_text_gives_events_with_evidence():
    article = dateline.code_text(
        "Russia and Turkey could exchange delegations, the ambassador said on Wednesday.",
        body_only=True,
        published="2016-04-27",
    )
    assert isinstance(article, dateline.Article)
    (event,) = article.events
    assert (event.cameo[:2], event.source.actor, event.target.actor) == ("04", "RUS", "TUR")
    assert event.modality == "possible" and event.date == "2016-04-27"
    assert article.text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_api_unknown_name():
    with pytest.raises(AttributeError):
        dateline.no_such_thing  # noqa: B018
