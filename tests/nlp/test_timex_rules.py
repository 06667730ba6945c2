"""The date finder's and resolver's rules beyond calendar dates, one table per rule (sentences written here).

Each row: a sentence, the publication date, the clause's tense, the expression expected, and its range
(first, last) with granularity and TimeML value.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.nlp.timex import TimexContext, find_expressions, resolve

D = dt.date


def _only(text: str, expected: str):
    found = find_expressions(text)
    assert [e.text for e in found] == [expected], found
    return found[0]


def _check(text, anchor, tense, expected, first, last, timex, context=None):
    resolved = resolve(_only(text, expected), anchor=anchor, tense=tense, context=context)
    assert resolved is not None
    assert (resolved.first, resolved.last, resolved.timex) == (first, last, timex)
    return resolved


# reference words: TimeML's PRESENT_REF / PAST_REF / FUTURE_REF with a stand-in day on the right side
REFERENCE = [
    ("The museum is now closed to visitors.", "now", "present", 0, "PRESENT_REF"),
    ("Turnout is currently below forty percent.", "currently", "present", 0, "PRESENT_REF"),
    ("Its current owner bought the mill.", "current", "present", 0, "PRESENT_REF"),
    ("Fares rose sharply in recent years.", "recent years", "past", -1, "PAST_REF"),
    ("In the past, the ferry ran twice a day.", "the past", "past", -1, "PAST_REF"),
    ("The mayor recently opened a clinic.", "recently", "past", -1, "PAST_REF"),
    ("A verdict is expected soon.", "soon", "future", 1, "FUTURE_REF"),
    ("Talks may resume in the near future.", "the near future", "future", 1, "FUTURE_REF"),
    ("Prices will keep rising in the coming months.", "the coming months", "future", 1, "FUTURE_REF"),
]


@pytest.mark.parametrize("text,expected,tense,offset,ref", REFERENCE)
def test_timex_reference_words(text, expected, tense, offset, ref):
    anchor = D(2021, 6, 10)
    day = anchor + dt.timedelta(days=offset)
    resolved = _check(text, anchor, tense, expected, day, day, ref)
    assert resolved.ref == ref and resolved.granularity in {"present", "past", "future"}


@pytest.mark.parametrize(
    "text",
    [
        "The current account deficit widened.",  # a term, not the present
        "Shares gained in the past three sessions.",  # a duration
        "We want to build a long-term partnership.",
        "They left as soon as the rain stopped.",
        "Soon after the vote, he resigned.",
    ],
)
def test_timex_reference_words_not_taken(text):
    assert [e.kind for e in find_expressions(text) if e.kind == "ref"] == []


# quarters and halves, with and without a year; fiscal quarters read as calendar quarters
QUARTERS = [
    (
        "Profit fell in the second quarter.",
        D(2021, 8, 2),
        "past",
        "the second quarter",
        D(2021, 4, 1),
        D(2021, 6, 30),
        "2021-Q2",
    ),
    (
        "The firm posted a third-quarter loss.",
        D(2021, 11, 5),
        "past",
        "third-quarter",
        D(2021, 7, 1),
        D(2021, 9, 30),
        "2021-Q3",
    ),
    (
        "A first-quarter gain was reported.",
        D(2021, 2, 5),
        "past",
        "first-quarter",
        D(2021, 1, 1),
        D(2021, 3, 31),
        "2021-Q1",
    ),
    (
        "Sales should recover in the first quarter.",
        D(2021, 11, 5),
        "future",
        "the first quarter",
        D(2022, 1, 1),
        D(2022, 3, 31),
        "2022-Q1",
    ),
    (
        "Output dropped in the fourth quarter of 2015.",
        D(2021, 11, 5),
        "past",
        "the fourth quarter of 2015",
        D(2015, 10, 1),
        D(2015, 12, 31),
        "2015-Q4",
    ),
    (
        "It compares with the 2019 second quarter.",
        D(2021, 11, 5),
        "past",
        "the 2019 second quarter",
        D(2019, 4, 1),
        D(2019, 6, 30),
        "2019-Q2",
    ),
    (
        "Margins rose in next year's first quarter.",
        D(2021, 11, 5),
        "future",
        "next year's first quarter",
        D(2022, 1, 1),
        D(2022, 3, 31),
        "2022-Q1",
    ),
    (
        "Demand slowed in the second half of 2018.",
        D(2021, 11, 5),
        "past",
        "the second half of 2018",
        D(2018, 7, 1),
        D(2018, 12, 31),
        "2018-H2",
    ),
    (
        "Orders doubled this quarter.",
        D(2021, 11, 5),
        "past",
        "this quarter",
        D(2021, 10, 1),
        D(2021, 12, 31),
        "2021-Q4",
    ),
]


@pytest.mark.parametrize("text,anchor,tense,expected,first,last,timex", QUARTERS)
def test_timex_quarters(text, anchor, tense, expected, first, last, timex):
    _check(text, anchor, tense, expected, first, last, timex)


# an earnings report: "a year ago", "the year-earlier period", "the quarter" are quarters
EARNINGS = TimexContext(earnings=True, reporting=(2021, 3), financial=True)
EARNINGS_ROWS = [
    ("Net income was $4 million a year ago.", "a year ago", D(2020, 7, 1), D(2020, 9, 30), "2020-Q3"),
    ("Sales were $9 million a year earlier.", "a year earlier", D(2020, 7, 1), D(2020, 9, 30), "2020-Q3"),
    (
        "It earned $2 a share in the year-earlier period.",
        "the year-earlier period",
        D(2020, 7, 1),
        D(2020, 9, 30),
        "2020-Q3",
    ),
    ("The year-ago results were restated.", "year-ago", D(2020, 7, 1), D(2020, 9, 30), "2020-Q3"),
    (
        "Revenue in the latest quarter rose 5%.",
        "the latest quarter",
        D(2021, 7, 1),
        D(2021, 9, 30),
        "2021-Q3",
    ),
    (
        "In the 2020 period the firm lost $3 million.",
        "the 2020 period",
        D(2020, 7, 1),
        D(2020, 9, 30),
        "2020-Q3",
    ),
]


@pytest.mark.parametrize("text,expected,first,last,timex", EARNINGS_ROWS)
def test_timex_earnings_quarters(text, expected, first, last, timex):
    _check(text, D(2021, 10, 28), "past", expected, first, last, timex, context=EARNINGS)


def test_timex_year_ago_outside_earnings_is_a_year():
    _check(
        "Wages were 3% higher than a year ago.",
        D(2021, 10, 28),
        "past",
        "a year ago",
        D(2020, 1, 1),
        D(2020, 12, 31),
        "2020",
    )
    text = "Passengers filled the quarter."
    assert resolve(_only(text, "the quarter"), anchor=D(2021, 10, 28), tense="past") is None


# seasons, decades, centuries, spoken years, year spans
UNITS = [
    (
        "The strike began last autumn.",
        D(2021, 3, 4),
        "past",
        "last autumn",
        D(2020, 9, 1),
        D(2020, 11, 30),
        "2020-FA",
    ),
    (
        "Work resumes this summer.",
        D(2021, 3, 4),
        "future",
        "this summer",
        D(2021, 6, 1),
        D(2021, 8, 31),
        "2021-SU",
    ),
    (
        "The dam opened in the spring of 1962.",
        D(2021, 3, 4),
        "past",
        "the spring of 1962",
        D(1962, 3, 1),
        D(1962, 5, 31),
        "1962-SP",
    ),
    (
        "Rents soared in the late 1970s.",
        D(2021, 3, 4),
        "past",
        "the late 1970s",
        D(1970, 1, 1),
        D(1979, 12, 31),
        "197",
    ),
    (
        "The town boomed in the sixties.",
        D(2021, 3, 4),
        "past",
        "the sixties",
        D(1960, 1, 1),
        D(1969, 12, 31),
        "196",
    ),
    (
        "Canals were dug in the 18th century.",
        D(2021, 3, 4),
        "past",
        "the 18th century",
        D(1700, 1, 1),
        D(1799, 12, 31),
        "17",
    ),
    (
        "It was founded in nineteen forty-five.",
        D(2021, 3, 4),
        "past",
        "nineteen forty-five",
        D(1945, 1, 1),
        D(1945, 12, 31),
        "1945",
    ),
    (
        "The 1961-62 season was its best.",
        D(2021, 3, 4),
        "past",
        "1961-62",
        D(1961, 1, 1),
        D(1962, 12, 31),
        "1961",
    ),
]


@pytest.mark.parametrize("text,anchor,tense,expected,first,last,timex", UNITS)
def test_timex_calendar_units(text, anchor, tense, expected, first, last, timex):
    _check(text, anchor, tense, expected, first, last, timex)


# whole spans: modifiers and "this year" belong to the month
SPANS = [
    (
        "Floods hit the region in early March.",
        D(2021, 5, 4),
        "past",
        "early March",
        D(2021, 3, 1),
        D(2021, 3, 31),
        "2021-03",
    ),
    ("He resigned last July.", D(2021, 5, 4), "past", "last July", D(2020, 7, 1), D(2020, 7, 31), "2020-07"),
    (
        "The plant closed in October last year.",
        D(2021, 5, 4),
        "past",
        "October last year",
        D(2020, 10, 1),
        D(2020, 10, 31),
        "2020-10",
    ),
    (
        "In February this year the law passed.",
        D(2021, 5, 4),
        "past",
        "February this year",
        D(2021, 2, 1),
        D(2021, 2, 28),
        "2021-02",
    ),
    (
        "The loan runs through September.",
        D(2021, 5, 4),
        "present",
        "September",
        D(2021, 9, 1),
        D(2021, 9, 30),
        "2021-09",
    ),
    (
        "The deal should close by the end of the year.",
        D(2021, 5, 4),
        "future",
        "the end of the year",
        D(2021, 12, 1),
        D(2021, 12, 31),
        "2021-12",
    ),
    (
        "They met over the weekend.",
        D(2021, 5, 4),
        "past",
        "the weekend",
        D(2021, 5, 1),
        D(2021, 5, 2),
        "2021-W17-WE",
    ),
    (
        "Talks resume next month.",
        D(2021, 12, 4),
        "future",
        "next month",
        D(2022, 1, 1),
        D(2022, 1, 31),
        "2022-01",
    ),
]


@pytest.mark.parametrize("text,anchor,tense,expected,first,last,timex", SPANS)
def test_timex_whole_spans(text, anchor, tense, expected, first, last, timex):
    _check(text, anchor, tense, expected, first, last, timex)


# direction: a year-less month or day lies near the publication date; the tense only tips the balance
DIRECTION = [
    # a past-tense clause of a January story: last October
    ("Prices peaked in October.", D(2022, 1, 12), "past", "October", D(2021, 10, 1), D(2021, 10, 31)),
    # a present-tense clause, too: the October just gone is nearer than the next
    (
        "Prices are half what they were in October.",
        D(2022, 1, 12),
        "present",
        "October",
        D(2021, 10, 1),
        D(2021, 10, 31),
    ),
    # a past-tense clause naming a month just ahead: a plan (news writes the year of a date not this year's)
    (
        "The board set the vote for December.",
        D(2022, 11, 2),
        "past",
        "December",
        D(2022, 12, 1),
        D(2022, 12, 31),
    ),
    (
        "The dividend was set payable Dec. 9.",
        D(2022, 11, 2),
        "past",
        "Dec. 9",
        D(2022, 12, 9),
        D(2022, 12, 9),
    ),
    # a future-tense deadline just passed
    (
        "The mission will leave by Jan. 14.",
        D(2022, 1, 15),
        "future",
        "Jan. 14",
        D(2022, 1, 14),
        D(2022, 1, 14),
    ),
    # the weekday fixes the year of a month-day
    (
        "The paper said on Sunday, March 3:",
        D(2024, 2, 28),
        "past",
        "Sunday, March 3",
        D(2024, 3, 3),
        D(2024, 3, 3),
    ),
    (
        "The editorial of Friday, March 3 said",
        D(2023, 3, 2),
        "past",
        "Friday, March 3",
        D(2023, 3, 3),
        D(2023, 3, 3),
    ),
]


@pytest.mark.parametrize("text,anchor,tense,expected,first,last", DIRECTION)
def test_timex_direction(text, anchor, tense, expected, first, last):
    resolved = resolve(_only(text, expected), anchor=anchor, tense=tense)
    assert resolved is not None and (resolved.first, resolved.last) == (first, last)


def test_timex_since_looks_back():
    expression = _only("No flights have landed since Feb. 20.", "Feb. 20")
    since = TimexContext(preposition="since")
    assert resolve(expression, anchor=D(2022, 2, 10), tense="present", context=since).first == D(2021, 2, 20)
    assert resolve(expression, anchor=D(2022, 2, 10), tense="present").first == D(2022, 2, 20)


# anaphora: from the last date the story named
ANAPHORA = [
    ("They were seen the day before.", "the day before", D(2021, 4, 8), D(2021, 4, 8)),
    ("He returned the following week.", "the following week", D(2021, 4, 12), D(2021, 4, 18)),
    ("She left later that year.", "later that year", D(2021, 1, 1), D(2021, 12, 31)),
    ("The talks failed the next morning.", "the next morning", D(2021, 4, 10), D(2021, 4, 10)),
]


@pytest.mark.parametrize("text,expected,first,last", ANAPHORA)
def test_timex_anaphora(text, expected, first, last):
    reference = resolve(_only("on 9 April 2021", "9 April 2021"), anchor=None)
    context = TimexContext(reference=reference)
    resolved = resolve(_only(text, expected), anchor=D(2021, 6, 1), tense="past", context=context)
    assert resolved is not None and (resolved.first, resolved.last) == (first, last)


# what looks like a date but is none
@pytest.mark.parametrize(
    "text",
    [
        'He spoke on the talk show "This Week" with hosts',  # a title
        "The index closed at 2034.5 points.",  # a number
        "It was the worst flood in a decade.",  # a duration after a superlative
        "the first time in 100 days",
        "for the third time in two years",
        "She watched the Winter Olympics.",
        "Prices fall in winter",
    ],
)
def test_timex_not_dates_in_context(text):
    assert find_expressions(text) == []


def test_timex_offsets_and_types_of_new_kinds():
    text = "Now, the 1990s and last fall, the third quarter and nineteen ninety-nine, Tuesday evening."
    found = find_expressions(text)
    assert [e.text for e in found] == [
        "Now",
        "the 1990s",
        "last fall",
        "the third quarter",
        "nineteen ninety-nine",
        "Tuesday evening",
    ]
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
    evening = resolve(found[-1], anchor=D(2021, 6, 10), tense="past")
    assert evening is not None and (evening.type, evening.timex) == ("TIME", "2021-06-08TEV")
    during = resolve(find_expressions("over the past three weeks")[0], anchor=D(2021, 6, 10), tense="past")
    assert during is not None and (during.type, during.timex) == ("DURATION", "P3W")


# named days: fixed, the Nth weekday of a month, Easter, the US election day
HOLIDAYS = [
    ("The ship sank on Christmas Day.", D(2021, 1, 8), "past", "Christmas Day", D(2020, 12, 25)),
    ("Shops shut for Thanksgiving.", D(2021, 11, 2), "future", "Thanksgiving", D(2021, 11, 25)),
    ("She has not spoken since last Easter.", D(2021, 6, 2), "present", "last Easter", D(2021, 4, 4)),
    ("Polls close on Election Day.", D(2020, 10, 20), "future", "Election Day", D(2020, 11, 3)),
    ("The parade on Memorial Day drew crowds.", D(2021, 6, 2), "past", "Memorial Day", D(2021, 5, 31)),
    ("Fireworks lit the sky on New Year's Eve.", D(2021, 1, 3), "past", "New Year's Eve", D(2020, 12, 31)),
]


@pytest.mark.parametrize("text,anchor,tense,expected,day", HOLIDAYS)
def test_timex_holidays(text, anchor, tense, expected, day):
    _check(text, anchor, tense, expected, day, day, day.isoformat())


@pytest.mark.parametrize("text", ["a cruise to Easter Island", "a christmas tree"])
def test_timex_holiday_words_in_names(text):
    assert find_expressions(text) == []


# more whole spans
@pytest.mark.parametrize(
    "text,expected",
    [
        ("The offer runs until mid-November.", "mid-November"),
        ("They planned a late-April trip.", "late-April"),
        ("Sales for the full year rose.", "the full year"),
        ("He flew home later in the day.", "later in the day"),
        ("Imports doubled that year.", "that year"),
        ("``Today, we vote, she said.", "Today"),
    ],
)
def test_timex_more_spans(text, expected):
    assert [e.text for e in find_expressions(text)] == [expected]


def test_timex_quarter_ended_keeps_both():
    found = find_expressions("For the quarter ended Sept. 30, profit rose.")
    assert [e.text for e in found] == ["the quarter", "Sept. 30"]


def test_timex_holiday_in_a_longer_name():
    assert find_expressions("They marked Holocaust Memorial Day in January.") == [
        e for e in find_expressions("They marked Holocaust Memorial Day in January.") if e.kind != "holiday"
    ]
    assert [e.kind for e in find_expressions("in Israel's Independence Day parade")] == []


def test_timex_later_in_the_year_is_the_anchors():
    reference = resolve(_only("on 9 April 2019", "9 April 2019"), anchor=None)
    expression = _only("A vote is due later in the year.", "later in the year")
    resolved = resolve(
        expression, anchor=D(2021, 6, 1), tense="future", context=TimexContext(reference=reference)
    )
    assert resolved is not None and resolved.timex == "2021"
