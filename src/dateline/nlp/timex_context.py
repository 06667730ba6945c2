"""What a story says around its date expressions: the document-level half of date resolution.

* `earnings_quarter(text, expressions, anchor)`: whether the story reports a quarter's results (it names a
  quarter and speaks of earnings, profit, revenue or a share's figures) and which quarter: the first one it
  names with an ordinal ("third-quarter net income"), else the last quarter ended before the anchor.
* `is_financial(sentence)`: a sentence that gives figures ($, %, "cents a share", "million").
* `preposition_before(text, start)`: the word before an expression when it bends the direction ("since"
  looks back; "until", "by", "through" name a deadline that may still be ahead).

All lexical and cheap: one search per story, a look behind each expression.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.nlp.calendar import quarter_of
from dateline.nlp.timex_resolve import Expression, TimexContext, resolve

_EARNINGS = re.compile(
    r"\b(?:net\s+income|earnings|profits?|revenues?|net\s+loss|(?:a|per)\s+share|sales\s+(?:rose|fell|were))\b",
    re.IGNORECASE,
)
_FINANCIAL = re.compile(
    r"[$£€¥#%]|\b(?:cents?|a\s+share|per\s+share|million|billion|percent|pence|yen|francs?|marks|C\$)\b",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"\b(since|until|till|by|through|before|to)\s+(?:(?:the|early|late|mid)[\s\-]+)?$", re.IGNORECASE
)


def earnings_quarter(text: str, expressions: list[Expression], anchor: dt.date | None) -> TimexContext:
    """The document's earnings context: `earnings` and the `reporting` quarter, or an empty context."""
    if anchor is None:
        return TimexContext()
    quarters = [e for e in expressions if e.kind == "quarter" or (e.kind == "thisquarter")]
    if not quarters or not _EARNINGS.search(text):
        return TimexContext()
    counts: dict[tuple[int, int], int] = {}
    for expression in quarters:  # the quarter the story names most often without a year
        if expression.kind == "quarter" and not {"rel", "year", "qyear"} & expression.fields.keys():
            resolved = resolve(expression, anchor=anchor, tense="past")
            if resolved is not None:
                key = (resolved.first.year, quarter_of(resolved.first))
                counts[key] = counts.get(key, 0) + 1
    if counts:
        return TimexContext(earnings=True, reporting=max(counts, key=lambda k: counts[k]))
    last_ended = dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1) - dt.timedelta(days=1)
    return TimexContext(earnings=True, reporting=(last_ended.year, quarter_of(last_ended)))


def is_financial(sentence: str) -> bool:
    """A sentence with figures in it: money, percentages, shares."""
    return bool(_FINANCIAL.search(sentence))


def preposition_before(text: str, start: int) -> str | None:
    """ "since", "until", "till", "by", "through", "before" or "to" just before `start` ("to" only as a deadline:
    "extended to Nov. 20"), else None."""
    match = _PREPOSITION.search(text, max(0, start - 24), start)
    if match is None:
        return None
    word = match.group(1).lower()
    if word == "to":
        return (
            "until"
            if re.search(
                r"\b(?:extended|postponed|delayed|moved|put\s+off)\s+\w*\s*to\s+$",
                text[max(0, start - 40) : start],
                re.IGNORECASE,
            )
            else None
        )
    return word
