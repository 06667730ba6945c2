"""Publication dates: the caller, metadata or the dateline, and a year-less dateline's year inferred."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.coding import code_text
from dateline.nlp.published import infer_year
from dateline.settings import Settings

D = dt.date
TODAY = D(2026, 11, 29)

# month, day, weekday named (0 = Monday), past years, future years, expected year, weekday used
INFER = [
    (4, 27, 2, (2015,), (), 2016, True),  # TASS: a Wednesday after 2015
    (4, 27, 2, (), (), 2022, True),  # nothing but the weekday: the most recent Wednesday April 27
    (4, 27, None, (), (), 2026, False),  # nothing at all: the most recent April 27 not after today
    (12, 25, None, (), (), 2025, False),  # this year's December 25 is still to come
    (4, 27, 2, (2005,), (), 2005, True),  # the closest Wednesday year at or after the past year
    (4, 27, 2, (2015,), (2020,), 2016, True),  # bounded on both sides
    (4, 27, 2, (), (2012,), 2011, True),  # a year still to come bounds from above
    (4, 27, 6, (), (), 2025, True),  # a Sunday
    (2, 29, 3, (), (), 2024, True),  # leap day on a Thursday
    (2, 29, None, (), (), 2024, False),  # leap day: only leap years
    (2, 29, 0, (2001,), (), 2016, True),  # a Monday February 29 after 2001
    (1, 2, 1, (2023,), (), 2024, True),  # a January 2 story that looks back at December
    (4, 27, 2, (2030,), (), 2022, True),  # a "past" year after today cannot hold: the bound is dropped
]


@pytest.mark.parametrize("month,day,weekday,past,future,year,used", INFER)
def test_published_infer_year(month, day, weekday, past, future, year, used):
    guess = infer_year(month, day, today=TODAY, weekday=weekday, past_years=past, future_years=future)
    assert guess is not None
    assert (guess.year, guess.used_weekday) == (year, used)
    assert guess.why


def test_published_inconsistent_weekday_is_ignored_and_said():
    # April 27 was a Thursday in 2006 but not in 2016: the story's own years outrank the weekday
    guess = infer_year(4, 27, today=D(2016, 12, 1), weekday=3, past_years=(2016,))
    assert guess is not None
    assert guess.year == 2016 and not guess.used_weekday
    assert "ignored" in guess.why


SETTINGS = Settings(today=TODAY)

STORIES = [
    # story, --published, expected date, basis
    (
        "Headline here\n\nMOSCOW, April 27. /TASS/. Russia said on Wednesday it would act.\n\n"
        "A report on 2015 was posted on Tuesday.",
        None,
        "2016-04-27",
        "dateline+weekday",
    ),
    ("Headline here\n\nMOSCOW, April 27. /TASS/. Russia said it would act.", None, "2026-04-27", "dateline"),
    (
        "Headline here\n\nBERLIN, Sept 6, 2019 (Reuters) - Germany said on Friday it would act.",
        None,
        "2019-09-06",
        "dateline",
    ),
    (
        "Headline here\n\nMOSCOW, April 27. /TASS/. Russia said on Wednesday it would act.",
        "2010-01-01",
        "2010-01-01",
        "given",
    ),
    ("No dateline here at all\n\nThe minister said on Wednesday that talks would go on.", None, None, "none"),
    (
        "Headline here\n\nKYIV, January 2. - Ukraine said on Tuesday that the strike on December 30 killed three. "
        "The war began in 2022.",
        None,
        "2024-01-02",
        "dateline+weekday",
    ),
    (
        "Headline here\n\nSEOUL, Feb 29 (Yonhap) - South Korea said on Thursday it would reply.",
        None,
        "2024-02-29",
        "dateline+weekday",
    ),
    # Tuesday 27 April never fell after the 2016 bound below today: weekday dropped, basis says so
    (
        "Headline here\n\nMOSCOW, April 27. /TASS/. Russia said on Tuesday it would act after its 2023 report.",
        None,
        "2023-04-27",
        "dateline",
    ),
]


@pytest.mark.parametrize("text,given,date,basis", STORIES)
def test_published_from_story(text, given, date, basis):
    article = code_text(text, published=given, settings=SETTINGS)
    assert (article.published.date, article.published.basis) == (date, basis)


def test_published_year_boundary_event_date():
    text = (
        "Headline here\n\nKYIV, January 2. - Ukraine said on Tuesday that the strike on December 30 "
        "killed three. The war began in 2022."
    )
    article = code_text(text, settings=SETTINGS)
    refs = {ref.text: ref for ref in article.dates}
    assert refs["December 30"].value == "2023-12-30"
    assert refs["Tuesday"].value == "2024-01-02"


def test_published_metadata_wins_over_dateline():
    from dateline.coding import code_documents
    from dateline.ingest import Document

    document = Document(
        text="Headline\n\nMOSCOW, April 27. /TASS/. Russia said on Wednesday.", published="2016-04-28"
    )
    (article,) = code_documents([document], settings=SETTINGS)
    assert (article.published.date, article.published.basis) == ("2016-04-28", "metadata")
