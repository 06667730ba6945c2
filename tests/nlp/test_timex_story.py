"""Dates in whole stories: the record's type and TimeML value, the story's earnings context, events' dates."""

from __future__ import annotations

import pytest

from dateline.coding import code_text

EARNINGS_STORY = (
    "Harbor Mills Inc. said third-quarter net income rose 12% to $41 million, or 80 cents a share, from "
    "$36.6 million, or 71 cents a share, a year earlier. Revenue in the quarter climbed to $610 million."
)


def _dates(text: str, published: str) -> dict[str, tuple[str | None, str | None, str]]:
    article = code_text(text, published=published, body_only=True)
    return {ref.text: (ref.timex, ref.value, ref.type) for ref in article.dates}


@pytest.mark.slow
def test_timex_story_earnings_quarters():
    dates = _dates(EARNINGS_STORY, "2022-10-27")
    assert dates["third-quarter"][0] == "2022-Q3"
    assert dates["a year earlier"][0] == "2021-Q3"
    assert dates["the quarter"][0] == "2022-Q3"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,published,expression,timex,kind",
    [
        ("The council is now debating the budget.", "2022-05-04", "now", "PRESENT_REF", "DATE"),
        ("The ferry sank on Tuesday evening.", "2022-05-04", "Tuesday evening", "2022-05-03TEV", "TIME"),
        (
            "Exports fell over the past three months.",
            "2022-05-04",
            "the past three months",
            "P3M",
            "DURATION",
        ),
        ("The court upheld Monday's ruling.", "2022-05-04", "Monday", "2022-05-02", "DATE"),
        ("Rail traffic has been halted since Dec. 28.", "2022-01-05", "Dec. 28", "2021-12-28", "DATE"),
    ],
)
def test_timex_story_record_fields(text, published, expression, timex, kind):
    assert _dates(text, published)[expression][0::2] == (timex, kind)


@pytest.mark.slow
def test_timex_story_dateline_in_body_is_the_publication_date():
    text = "OSLO, March 3 (Reuters) -- The minister resigned on Friday after a row over the budget."
    dates = _dates(text, "2023-03-03")
    assert dates["March 3"][:2] == ("2023-03-03", "2023-03-03")
    assert dates["Friday"][0] == "2023-03-03"


@pytest.mark.slow
def test_timex_story_events_take_the_new_dates():
    text = "Police clashed with protesters in the capital last June, the ministry said on Thursday."
    article = code_text(text, published="2022-03-10", body_only=True)
    june = next(ref for ref in article.dates if ref.text == "last June")
    assert june.timex == "2021-06"
    dated = [event for event in article.events if event.date == "2021-06-01"]
    assert dated, [(event.cameo, event.date, event.date_basis) for event in article.events]
