"""Date expressions: find them in text, then resolve them against the publication date.

Finding is lexical (`find_expressions(text)`, no model needed): calendar dates ("November 24",
"Saturday, April 25", "27 April 2019", "2016-04-27"), months, seasons and years ("in March", "early
December", "January this year", "last fall", "in 2009", "1957-58", "nineteen ninety-six"), decades and
centuries ("the 1990s", "the nineties", "the 20th century"), quarters and halves ("the third quarter",
"third-quarter", "the 1988 second quarter", "the year-ago period"), weekdays ("on Tuesday", "last Friday"),
relative and anaphoric expressions ("yesterday", "last month", "three years ago", "a year earlier", "the
end of the year", "the day before", "later that year", "the weekend"), and reference words ("now",
"currently", "recently", "the past", "soon", "the future": TimeML's PRESENT_REF, PAST_REF, FUTURE_REF).
The reference words, seasons and ordinals are data (``lexicon/data/timewords.tsv``).

What looks like a date but is not is left out: a wire dateline repeated in the body ("WASHINGTON, August
11 (Xinhua) --": it restates the publication date), a title in capitals ("This Week", "VOA Today"), a
number ("2082.1"), a span after a superlative ("the worst in a decade", "the first time in 100 days").

Resolving lives in `dateline.nlp.timex_resolve` (`resolve(expression, anchor=..., tense=...)`); it is
re-exported here.
"""

from __future__ import annotations

import functools
import re

from dateline.nlp.calendar import (
    DAY,
    MONTH,
    WEEKDAY_FULL,
    WEEKDAYS,
    YEAR,
    time_words,
    words_pattern,
)
from dateline.nlp.timex_resolve import (
    CONTEXT_KINDS,
    NUMBER_WORDS,
    TENSES,
    Expression,
    Resolved,
    TimexContext,
    month_day_near,
    resolve,
    weekday_near,
)

__all__ = [
    "CONTEXT_KINDS",
    "TENSES",
    "WEEKDAYS",
    "Expression",
    "Resolved",
    "TimexContext",
    "find_expressions",
    "month_day_near",
    "resolve",
    "weekday_near",
]

_NUMBER = r"(?:\d{1,3}|a\s+few|several|" + "|".join(NUMBER_WORDS) + r")"
_UNIT = r"(?:day|week|month|year|decade)s?"
_YEAR_BEFORE = (
    r"(?:in|on|for|at|over|since|by|until|till|from|to|during|before|after|of|through|early|late|"
    r"mid|and|or|between|the|its|his|her|their|our|a|an|year|fiscal|summer|spring|autumn|fall|"
    r"winter|around|circa|than|within|throughout|beyond|into|pre|post|with|against|like)"
)
_MONTH_BEFORE = (
    r"(?:in|on|by|since|until|till|from|during|of|for|through|to|before|after|between|and|or|"
    r"around|throughout|into|than|as|until|with|a|an|the|its|this|that|each|every|early|late|mid|"
    r"last|next|past|end|start|beginning|middle|late-|early-)"
)
_MOD = r"(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s\-]+)"
_SPELLED = (
    r"(?:(?:eighteen|nineteen|twenty)[\s\-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine))?)|two\s+thousand"
    r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
_DECADE_WORDS = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
_UNIT_WORD = r"(?:day|week|month|year|morning|afternoon|evening|night)"
_SUPERLATIVE = re.compile(
    r"(?:\b\w+est|\bmost|\bleast|\bfirst|\bbest|\bworst|\bonly|\bnever|\bever)\b[^.;!?]{0,30}$", re.IGNORECASE
)
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'\- ]+(?:,[ \t]*[A-Z][A-Za-z.'\- ]+)?,[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\(|--|—|–|_|/|\.[ \t]*/)")
_TITLE_KINDS = {"deictic", "rel_unit", "ref"}
_QUOTES = "\"'“”‘’`"


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    words = time_words()
    ordinal = words_pattern(words.ordinals)
    season = words_pattern(words.seasons)
    refs = words_pattern(words.refs)
    year_or_spelled = rf"(?:(?P<year>{YEAR})|(?P<spelled>{_SPELLED}))"
    quarter_word = r"(?:quarter|qtr\.?)"
    patterns: list[tuple[str, str]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        (
            "mdy",
            rf"\b(?:(?P<weekday>{WEEKDAY_FULL}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})"
            rf"(?:,?\s+(?P<year>{YEAR}))?\b(?!\s*%)(?![,.]\d)",
        ),
        (
            "dmy",
            rf"\b(?:(?P<weekday>{WEEKDAY_FULL}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})"
            rf"(?:,?\s+(?P<year>{YEAR}))?\b",
        ),
        ("year_span", rf"\b(?P<year>{YEAR})[\-–/](?P<y2>\d{{2}}|{YEAR})\b(?![\-–/]\d)"),
        (
            "quarter",
            rf"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+year['’]s|(?P<qyear>{YEAR})(?:['’]s)?)\s+"
            rf"(?:fiscal\s+)?(?P<ord>{ordinal})[\s\-]+(?:fiscal[\s\-]+)?{quarter_word}",
        ),
        (
            "yearago",
            rf"\b(?:the\s+)?(?:(?:same|corresponding|comparable|year[\s\-]ago|year[\s\-]earlier|prior[\s\-]year)\s+)+"
            rf"(?:(?P<ord>{ordinal})[\s\-]+)?(?P<unit>quarter|period)(?:\s+(?:of\s+)?(?:last\s+year|"
            r"a\s+year\s+(?:ago|earlier)))?\b",
        ),
        ("yearago", r"\blast\s+year['’]s\s+(?P<unit>quarter|period)\b"),
        ("yearago", r"\bthe\s+(?P<unit>quarter|period)\s+a\s+year\s+(?:ago|earlier)\b"),
        ("yearago", r"\byear-(?:ago|earlier)\b"),
        (
            "quarter",
            rf"\b(?:(?:the|its|their|a|this|that)\s+)?(?:(?:fiscal|flat|calendar)\s+)?(?P<ord>{ordinal})"
            rf"[\s\-]+(?:fiscal[\s\-]+)?{quarter_word}(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?\b(?![\-–]\w)",
        ),
        (
            "half",
            rf"\b(?:the\s+)?(?P<ord>first|second|last|latter|1st|2nd)\s+(?:half|two\s+quarters)\s+of\s+"
            rf"(?:fiscal\s+)?(?:(?P<year>{YEAR})|(?:the\s+)?(?P<rel>this|last|next|the)\s+year)\b",
        ),
        ("yearquarter", rf"\bthe\s+(?P<year>{YEAR})\s+(?P<unit>quarter|period)\b"),
        (
            "thisquarter",
            r"\b(?:the|this|that|its)\s+(?:(?P<which>latest|current|most\s+recent|recent|latest\s+fiscal|fiscal|"
            r"same)\s+)?(?P<unit>quarter|period)\b(?![\-–]|\s+(?:of|ended|ending|a\s+year|last\s+year|before|earlier))",
        ),
        (
            "end_of",
            rf"\b(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+(?:(?:the|this)\s+(?P<unit>year|month|week|"
            rf"decade|century)|(?P<rel>this|last|next)\s+(?P<relunit>year|month|week)|(?P<month>{MONTH})"
            rf"(?:\s+(?P<myear>{YEAR}))?|(?P<year>{YEAR}))\b",
        ),
        ("end_of", r"\b(?P<unit>year)(?:[\s\-]end|['’]s\s+end)\b"),
        (
            "season",
            rf"\b(?:(?P<which>last|this|next|this\s+past|past|coming|early|late|mid|the)[\s\-]+)?(?P<season>{season})"
            rf"(?:\s+(?:of\s+)?{year_or_spelled})?\b",
        ),
        (
            "century",
            rf"\b(?:the\s+)?(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s\-]+century\b",
        ),
        ("rel_century", r"\b(?P<which>this|last|next|the\s+last|the\s+next|the\s+past|the\s+previous)\s+century\b"),
        ("month_rel_year", rf"\b{_MOD}?(?P<month>{MONTH})\s+(?:of\s+)?(?P<which>this|last|next)\s+year\b"),
        ("my", rf"\b{_MOD}?(?P<month>{MONTH})(?:,)?\s+(?:of\s+)?{year_or_spelled}\b(?![,.]?\d)"),
        ("ago", rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b"),
        ("in_n", rf"\b(?:in|within)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?:'s|’s)?(?:\s+time)?\b"),
        ("past_n", rf"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\b"),
        (
            "deictic",
            r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
            r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b",
        ),
        (
            "anaphoric",
            rf"\b(?:(?P<edge>earlier|later)\s+that\s+(?P<u1>{_UNIT_WORD})|that\s+(?:same|very)\s+(?P<u2>{_UNIT_WORD})"
            rf"|the\s+same\s+(?P<u3>day|week|month|year)|the\s+(?P<dir>next|following|previous|prior)\s+"
            rf"(?P<u4>{_UNIT_WORD})|the\s+(?P<u5>day|week|month|year|night)\s+(?P<dir2>before|after|earlier|later)"
            r"(?!\s+(?:the|a|an|his|her|their|its|he|she|they|it|last|next|\w+ing)\b))\b",
        ),
        (
            "rel_unit",
            r"\b(?P<which>last|next|this|earlier\s+this|later\s+this|coming|past|previous)\s+"
            r"(?P<unit>week|month|year|weekend|quarter|decade)\b",
        ),
        ("the_unit", r"\b(?:over|during|for|through|throughout|in|on|at|before|after|ahead\s+of|into|until)\s+"
         r"(?P<expr>the\s+(?P<unit>weekend|week|year))\b(?!\s+(?:of|before|after|that|when|in|to|since|\d|earlier|"
         r"later|ago|as|which|'s|’s))"),
        ("rel_weekday", rf"\b(?P<which>last|next|this|coming|past)\s+(?P<weekday>{WEEKDAY_FULL})\b"),
        ("weekday", rf"\b(?P<weekday>{WEEKDAY_FULL})(?:\s+(?P<part>morning|afternoon|evening|night))?\b"),
        ("decade", rf"\b(?:the\s+)?{_MOD}?(?P<decade>1[89]\d0|20[0-9]0)['’]?s\b"),
        ("decade", rf"\b(?:the\s+)?{_MOD}?['’](?P<d2>\d0)s\b"),
        ("decade", rf"\bthe\s+{_MOD}?(?P<decword>{_DECADE_WORDS})\b"),
        ("year", rf"\b(?:the\s+year\s+)(?P<spelled>{_SPELLED})\b"),
        ("year", rf"(?<![\w\-])(?P<spelled>(?:eighteen|nineteen)[\s\-]+(?:twenty|thirty|forty|fifty|sixty|seventy|"
         r"eighty|ninety)(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine))?)\b"),
        ("rel_month", rf"\b(?P<which>last|next|this|this\s+past|past|coming)\s+(?P<month>{MONTH})\b"),
        (
            "month",
            rf"\b{_MONTH_BEFORE}[\s\-]+(?P<expr>{_MOD}?(?P<month>{MONTH}))\b(?![\-]\d)",
        ),
        ("year", rf"(?:\b{_YEAR_BEFORE}[\s\-]|\()(?P<expr>(?P<year>{YEAR}))\b(?![,.]?\d)"),
        ("year", rf"\b(?P<year>{YEAR})(?=(?:'s|’s)|[,;:)](?!\d)|\.(?!\d)|\s*$)"),
        ("ref", r"\bat\s+(?P<expr>(?:the|that)\s+time)\b(?!\s+(?:of|when|that|being|it|he|she|they|we|I)\b)"),
        ("ref", rf"(?<![\w\-])(?P<ref>{refs})(?![\w\-])"),
    ]
    return [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in patterns]


def find_expressions(text: str) -> list[Expression]:
    """Every date expression in `text`, in order, none overlapping."""
    found: list[Expression] = []
    taken = bytearray(len(text) + 1)
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span("expr") if "expr" in pattern.groupindex else match.span()
            if any(taken[start:end]) or not _plausible(kind, match, text, start, end):
                continue
            fields = {k: v for k, v in match.groupdict().items() if v is not None and k != "expr"}
            found.append(Expression(text[start:end], start, end, kind, fields))
            taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda e: e.start)
    return found


_LOWER_OK_MONTHS = {"june", "july", "august"}


def _plausible(kind: str, match: re.Match[str], text: str, start: int, end: int) -> bool:
    """Reject what only looks like a date: lower-case month and weekday words ("may", "march"), a bare
    month abbreviation, a wire dateline in the body, a title in capitals, a span after a superlative."""
    groups = match.groupdict()
    month = groups.get("month")
    if month and not month[0].isupper():
        return False
    if kind in {"month", "rel_month"} and month:
        bare = month.rstrip(".")
        if len(bare) <= 4 and bare not in {"June", "July", "May"}:
            return False
        if bare == "May" and kind == "month" and not re.search(r"(?:in|by|since|until|of|early|late|mid)[\s\-]+$",
                                                              text[max(0, start - 8) : start], re.IGNORECASE):
            return False
    weekday = groups.get("weekday")
    if weekday and not weekday[0].isupper():
        return False
    if kind == "season" and not _plausible_season(groups):
        return False
    if kind == "ref" and not _plausible_ref(match.group(0), text, start, end):
        return False
    if kind in {"in_n"} and _SUPERLATIVE.search(text[max(0, start - 50) : start]):
        return False
    if kind == "year_span" and not _plausible_span(groups):
        return False
    if kind in {"mdy", "dmy", "my"} and _is_dateline(text, start, end):
        return False
    if kind == "year" and "year" in groups and int(groups["year"]) > 2100:
        return False
    return not (kind in _TITLE_KINDS and _is_title(text, start, end))


def _plausible_season(groups: dict[str, str | None]) -> bool:
    which = (groups.get("which") or "").lower()
    has_year = bool(groups.get("year") or groups.get("spelled"))
    if groups["season"].lower() == "fall":  # "the fall of Rome", "prices fall": only with a year or a pointer
        return has_year or which in {"last", "this", "next", "this past", "past", "coming", "early", "late"}
    return has_year or bool(which)


def _plausible_ref(word: str, text: str, start: int, end: int) -> bool:
    low = " ".join(word.lower().split())
    after = text[end : end + 24]
    if low in {"current", "future", "recent"}:  # adjectives: only before a noun ("current talks")
        return bool(re.match(r"\s+[a-z]", after)) and not re.match(r"\s+(?:of|and|or|is|was|affairs?\b)", after)
    if low == "soon":  # "as soon as he arrives", "soon after": the date is the other clause's
        before = text[max(0, start - 4) : start].lower()
        return not (before.endswith("as ") and not re.match(r"\s+as\s+(?:possible|practicable)", after)) and not (
            re.match(r"\s+(?:after|afterwards?|thereafter|before)\b", after)
        )
    if "-" in word:  # "the long-term partnership": an adjective
        return False
    if low in {"now", "currently"}:
        return not re.match(r"-\w", after)
    return True


def _plausible_span(groups: dict[str, str | None]) -> bool:
    first = int(groups["year"] or 0)
    second_text = groups["y2"] or ""
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text or 0)
    return first < second <= first + 10


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A wire dateline repeated in the body: "WASHINGTON, August 11 (Xinhua) --" at a line's start."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_BEFORE.search(text[max(0, line_start - 1) : start])) and bool(
        _DATELINE_AFTER.match(text, end)
    )


def _is_title(text: str, start: int, end: int) -> bool:
    """Every word capitalised and not at a sentence's start: a name ("This Week", "VOA Today")."""
    words = text[start:end].split()
    if not all(w[0].isupper() for w in words):
        return False
    before = text[max(0, start - 3) : start].rstrip(" \t" + _QUOTES)
    if not before or before[-1] in ".!?\n:":
        quoted = start > 0 and text[start - 1] in _QUOTES and text[max(0, start - 3) : start - 1].strip() not in {"", ".", ":"}
        return quoted
    return True
