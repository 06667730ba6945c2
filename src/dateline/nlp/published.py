"""When was this published, and when did each dated thing in it happen?

`resolve_published()` settles the publication date from, in order: a date the caller gives, a date the
source's metadata gives, the dateline. A dateline without a year gets one by inference
(`infer_year()`): the weekday the story names for the dateline day must fall on it; years the story
mentions as past bound it from below and years it mentions as future from above; among the years left,
the one closest after the latest past year wins, else the most recent one not after today.

`date_refs()` then resolves every date expression against that date, each in the tense of its clause
(`clause_tense()`, read off the dependency parse).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dateline.nlp.calendar import valid_date
from dateline.nlp.doctext import doc_text
from dateline.nlp.layout import Layout
from dateline.nlp.timex import CONTEXT_KINDS, WEEKDAYS, Expression, Resolved, find_expressions, resolve
from dateline.nlp.timex_context import earnings_quarter, is_financial, preposition_before
from dateline.records import DateRef, Published

YEARS_BACK = 60  # how far back a year-less dateline may reach
_FUTURE_MODALS = {"will", "shall", "'ll", "wo", "could", "may", "might", "can", "would", "should", "must"}
_PAST_AUX_TAGS = {"VBD"}


@dataclass(frozen=True)
class YearGuess:
    year: int
    used_weekday: bool
    why: str


def clause_tense(doc: Doc, start: int, end: int) -> str:
    """past, present or future: the tense of the clause holding the characters start..end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    token: Token = span.root
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    if token.pos_ not in {"VERB", "AUX"}:
        return "present"
    return verb_tense(token)


def verb_tense(verb: Token) -> str:
    """The tense a verb and its auxiliaries express; plans and modals count as future."""
    auxes = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    words = {aux.lower_ for aux in auxes}
    if words & _FUTURE_MODALS:
        return "future"
    if "to" in words:  # "plans to visit on May 5", "agreed to meet on Friday"
        return "future"
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        return "past" if any(a.tag_ in _PAST_AUX_TAGS for a in auxes) else "future"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return "future"  # "Lavrov is flying to Beijing on Friday": a present progressive plan
    if verb.tag_ == "VBD" or any(a.tag_ in _PAST_AUX_TAGS for a in auxes):
        return "past"
    if verb.tag_ == "VBN":  # "has said", "posted on Tuesday", "was shot down"
        return "past"
    return "present"


def infer_year(
    month: int,
    day: int,
    *,
    today: dt.date,
    weekday: int | None = None,
    past_years: tuple[int, ...] = (),
    future_years: tuple[int, ...] = (),
) -> YearGuess | None:
    """The year of a year-less dateline date; None when no year in range has that date.

    weekday (int | None): the weekday (0 = Monday) the story names for the dateline day.
    past_years, future_years: years the story mentions as past or as still to come.
    """
    years = [
        y
        for y in range(today.year, today.year - YEARS_BACK, -1)
        if (d := valid_date(y, month, day)) is not None and d <= today
    ]
    if not years:
        return None
    notes: list[str] = []
    lower = max(past_years) if past_years else None
    upper = min(future_years) if future_years else None
    bounded = [y for y in years if (lower is None or y >= lower) and (upper is None or y <= upper)]
    if not bounded:
        notes.append("the years the story mentions fit no such date; not used")
        bounded, lower, upper = years, None, None
    used_weekday = False
    if weekday is not None:
        matching = [y for y in bounded if dt.date(y, month, day).weekday() == weekday]
        name = calendar.day_name[weekday]
        if matching:
            bounded, used_weekday = matching, True
            notes.append(f"the dateline day is a {name}, as in {_some(matching)}")
        else:
            notes.append(f"the story names a {name}, which falls on this date in no year that fits; ignored")
    if lower is not None:
        year = min(bounded)
        notes.append(f"the story mentions {lower} as past, so the closest such year after it")
    else:
        year = max(bounded)
        notes.append(
            f"the story mentions {upper} as still to come, so the latest such year before it"
            if upper is not None
            else "the most recent such year"
        )
    return YearGuess(year=year, used_weekday=used_weekday, why="; ".join(notes))


def _some(years: list[int]) -> str:
    shown = sorted(years)[-4:]
    return ", ".join(str(y) for y in shown)


def resolve_published(
    doc: Doc,
    layout: Layout,
    *,
    given: str | None = None,
    metadata: str | None = None,
    today: dt.date,
    expressions: list[Expression] | None = None,
) -> Published:
    """The publication date of a laid-out, parsed story, with its basis."""
    if given:
        return Published(date=given, basis="given", why="given by the caller")
    if metadata:
        return Published(date=metadata, basis="metadata", why="from the source's metadata")
    dateline = layout.dateline
    if dateline is None or dateline.month is None or dateline.day is None:
        return Published(date=None, basis="none", why="no dateline with a date and no metadata")
    if dateline.year is not None:
        day = valid_date(dateline.year, dateline.month, dateline.day)
        if day is None:
            return Published(
                date=None, basis="none", why=f"the dateline's date does not exist: {dateline.text}"
            )
        return Published(date=day.isoformat(), basis="dateline", why="the dateline gives the full date")
    expressions = expressions if expressions is not None else find_expressions(doc.text)
    weekday = _dateline_weekday(layout, expressions)
    past, future = _mentioned_years(doc, expressions)
    guess = infer_year(
        dateline.month,
        dateline.day,
        today=today,
        weekday=weekday,
        past_years=tuple(past),
        future_years=tuple(future),
    )
    if guess is None:
        return Published(date=None, basis="none", why=f"the dateline's date does not exist: {dateline.text}")
    day = dt.date(guess.year, dateline.month, dateline.day)
    basis = "dateline+weekday" if guess.used_weekday else "dateline"
    return Published(date=day.isoformat(), basis=basis, why=f"the dateline has no year: {guess.why}")


def _dateline_weekday(layout: Layout, expressions: list[Expression]) -> int | None:
    """The weekday a story names for its dateline day: the first bare weekday in the dateline's
    paragraph, else in the headline or lede."""
    places = []
    if layout.dateline_paragraph is not None:
        places.append(layout.paragraphs[layout.dateline_paragraph])
    if layout.headline:
        places.append(layout.headline)
    if layout.lede:
        places.append(layout.lede)
    for start, end in places:
        for expression in expressions:
            if expression.kind == "weekday" and start <= expression.start < end:
                return WEEKDAYS[expression.fields["weekday"].lower()]
    return None


def _mentioned_years(doc: Doc, expressions: list[Expression]) -> tuple[list[int], list[int]]:
    past: list[int] = []
    future: list[int] = []
    for expression in expressions:
        year_text = expression.fields.get("year") or expression.fields.get("y")
        if not year_text:
            continue
        # a year that modifies a noun ("its 2023 report") names something that exists: past
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        nominal = span is not None and span.root.dep_ in {"nummod", "compound", "amod", "poss", "npadvmod"}
        tense = "past" if nominal else clause_tense(doc, expression.start, expression.end)
        (future if tense == "future" else past).append(int(year_text))
    return past, future


def date_refs(
    doc: Doc, *, anchor: dt.date | None, expressions: list[Expression] | None = None
) -> list[DateRef]:
    """Every date expression of the story, resolved against `anchor` in the tense of its clause.

    The story's own context goes along: its earnings quarter (`earnings_quarter`), whether each expression's
    sentence gives figures, the preposition before it, and the last date named before it (for anaphora).
    An expression that names a date only in an earnings report ("the quarter") is left out elsewhere.
    """
    text = doc_text(doc)
    found = expressions if expressions is not None else find_expressions(text)
    document = earnings_quarter(text, found, anchor)
    reference: Resolved | None = None
    refs: list[DateRef] = []
    for expression in found:
        tense = clause_tense(doc, expression.start, expression.end)
        if expression.kind in {"mdy", "dmy", "weekday"} and text.startswith(("'s", "’s"), expression.end):
            tense = "past"  # "Wednesday's ruling", "the Oct. 23 shooting's aftermath": a thing that happened
        context = replace(
            document,
            financial=document.earnings
            and is_financial(_sentence_text(doc, expression.start, expression.end)),
            reference=reference,
            preposition=preposition_before(text, expression.start),
        )
        resolved = resolve(expression, anchor=anchor, tense=tense, context=context)
        if resolved is None and expression.kind in CONTEXT_KINDS:
            continue
        if resolved is not None and resolved.ref is None and resolved.type != "DURATION":
            reference = resolved
        refs.append(
            DateRef(
                text=expression.text,
                start=expression.start,
                end=expression.end,
                value=resolved.first.isoformat() if resolved else None,
                last=resolved.last.isoformat() if resolved else None,
                granularity=resolved.granularity if resolved else "unknown",
                tense=tense.rstrip("!"),
                type=resolved.type if resolved else "DATE",
                timex=resolved.timex if resolved else None,
            )
        )
    return refs


def _sentence_text(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    return span[0].sent.text
