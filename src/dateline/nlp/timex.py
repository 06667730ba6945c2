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

What looks like a date but is not is left out: a title in capitals ("This Week", "VOA Today"), a number
("2082.1"), a span after a superlative ("the worst in a decade", "the first time in 100 days"). A wire
dateline's date in the body ("WASHINGTON, August 11 (Xinhua) --") is kept: it is a true date (the
publication date), and TimeML annotates it.

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
    r"(?:(?:\b(?!(?:inter|requ|prot|cont|t|w|r|for|arr|sugg|harv|manif|inv|gu|n|qu|ch|beh|hon|mod|dig|att|det|"
    r"cr|b|l|p|v|z|j)est\b)\w+est|\bmost|\bleast|\bfirst|\bbest|\bworst|\bonly|\bnever|\bever)\b[^.;!?]{0,30}|\btimes?\s+)$",
    re.IGNORECASE,
)
_TITLE_KINDS = {"deictic", "rel_unit", "ref"}
_COUNT_AFTER = re.compile(
    r"\s+(?:\d|few\b|several\b|many\b|couple\b|" + "|".join(NUMBER_WORDS) + r"\b)", re.IGNORECASE
)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"(?:[a-z,;]\s+[A-Z][\w.]*|['’]s)\s+$")
_QUOTES = "\"'“”‘’`"


_SEASON_GATE = ("spring", "summer", "autumn", "fall", "winter")
_YEARAGO_GATE = ("ago", "earlier", "prior", "year's", "year’s")
# the modifier before a month, year or decade that belongs to its span: "early December", "the late 1980s"
_MODIFIER_BEFORE = re.compile(
    r"(?:\b(?P<the>the)\s+)?(?:\b(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of)[\s\-]+)?\Z",
    re.IGNORECASE,
)
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTH_BEFORE}[\s\-]+\Z", re.IGNORECASE)
_YEAR_BEFORE_RE = re.compile(rf"(?:\b{_YEAR_BEFORE}[\s\-]|\()\Z", re.IGNORECASE)
_YEAR_AFTER_RE = re.compile(r"(?:'s|’s)|[,;:)](?!\d)|\.(?!\d)|\s*$")
_EXTENDED_KINDS = {"month", "my", "month_rel_year", "year", "decade"}


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """(kind, pattern, gate): the first pattern to claim a stretch of text wins, longer patterns first; a
    pattern runs only over a text that holds one of its gate words (lower case), or always when it has none."""
    words = time_words()
    ordinal = words_pattern(words.ordinals)
    season = words_pattern(words.seasons)
    refs = words_pattern(words.refs)
    holidays = words_pattern(words.holidays)
    holiday_gate = tuple(sorted({name.split()[0].replace("'s", "") for name in words.holidays}))
    year_or_spelled = rf"(?:(?P<year>{YEAR})|(?P<spelled>{_SPELLED}))"
    quarter_word = r"(?:quarter|qtr\.?)"
    quarters = ("quarter", "qtr")
    patterns: list[tuple[str, str, tuple[str, ...]]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", ()),
        (
            "mdy",
            rf"\b(?:(?P<weekday>{WEEKDAY_FULL}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})"
            rf"(?:,?\s+(?P<year>{YEAR}))?\b(?!\s*%)(?![,.]\d)",
            (),
        ),
        (
            "dmy",
            rf"\b(?:(?P<weekday>{WEEKDAY_FULL}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})"
            rf"(?:,?\s+(?P<year>{YEAR}))?\b",
            (),
        ),
        ("year_span", rf"\b(?P<year>{YEAR})[\-–/](?P<y2>\d{{2}}|{YEAR})\b(?![\-–/]\d)", ()),
        (
            "quarter",
            rf"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+year['’]s|(?P<qyear>{YEAR})(?:['’]s)?)\s+"
            rf"(?:fiscal\s+)?(?P<ord>{ordinal})[\s\-]+(?:fiscal[\s\-]+)?{quarter_word}",
            quarters,
        ),
        (
            "yearago",
            rf"\b(?:the\s+)?(?:(?:same|corresponding|comparable|year[\s\-]ago|year[\s\-]earlier|prior[\s\-]year)\s+)+"
            rf"(?:(?P<ord>{ordinal})[\s\-]+)?(?P<unit>quarter|period)(?:\s+(?:of\s+)?(?:last\s+year|"
            r"a\s+year\s+(?:ago|earlier)))?\b",
            ("quarter", "period"),
        ),
        ("yearago", r"\blast\s+year['’]s\s+(?P<unit>quarter|period)\b", ("year's", "year’s")),
        ("yearago", r"\bthe\s+(?P<unit>quarter|period)\s+a\s+year\s+(?:ago|earlier)\b", ("a year",)),
        ("yearago", r"\byear-(?:ago|earlier)\b", ("year-",)),
        (
            "quarter",
            rf"\b(?:(?:the|its|their|this|that)\s+)?(?:(?:fiscal|flat|calendar)\s+)?(?P<ord>{ordinal})"
            rf"[\s\-]+(?:fiscal[\s\-]+)?{quarter_word}(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?\b(?![\-–]\w)",
            quarters,
        ),
        (
            "half",
            rf"\b(?:the\s+)?(?P<ord>first|second|last|latter|1st|2nd)\s+(?:half|two\s+quarters)\s+of\s+"
            rf"(?:fiscal\s+)?(?:(?P<year>{YEAR})|(?:the\s+)?(?P<rel>this|last|next|the)\s+year)\b",
            ("half", "quarters"),
        ),
        ("yearquarter", rf"\bthe\s+(?P<year>{YEAR})\s+(?P<unit>quarter|period)\b", ("quarter", "period")),
        (
            "thisquarter",
            r"\b(?P<det>the|this|that|its)\s+(?:(?P<which>latest|current|most\s+recent|recent|latest\s+fiscal|fiscal|"
            r"same)\s+)?(?P<unit>quarter|period)\b(?![\-–]|\s+(?:of|a\s+year|last\s+year|before|earlier))",
            ("quarter", "period"),
        ),
        (
            "end_of",
            rf"\b(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+(?:(?:the|this)\s+(?P<unit>year|month|week|"
            rf"decade|century)|(?P<rel>this|last|next)\s+(?P<relunit>year|month|week)|(?P<month>{MONTH})"
            rf"(?:\s+(?P<myear>{YEAR}))?|(?P<year>{YEAR}))\b",
            ("end of", "beginning of", "start of", "middle of"),
        ),
        (
            "end_of",
            r"\b(?P<unit>year)(?:[\s\-]end|['’]s\s+end)\b",
            ("year end", "year-end", "year's end", "year’s end"),
        ),
        (
            "season",
            rf"\b(?:(?P<which>last|this|next|this\s+past|past|coming|early|late|mid|the)[\s\-]+)?(?P<season>{season})"
            rf"(?:\s+(?:of\s+)?{year_or_spelled})?\b",
            _SEASON_GATE,
        ),
        (
            "holiday",
            rf"\b(?:(?P<which>last|next|this\s+past|this|past|coming)\s+)?(?P<holiday>{holidays})\b",
            holiday_gate,
        ),
        (
            "century",
            rf"\b(?:the\s+)?(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s\-]+century\b",
            ("century",),
        ),
        (
            "rel_century",
            r"\b(?P<which>this|last|next|the\s+last|the\s+next|the\s+past|the\s+previous)\s+century\b",
            ("century",),
        ),
        (
            "month_rel_year",
            rf"\b(?P<month>{MONTH})\s+(?:of\s+)?(?P<which>this|last|next)\s+year\b",
            ("this year", "last year", "next year"),
        ),
        ("my", rf"\b(?P<month>{MONTH})(?:,)?\s+(?:of\s+)?{year_or_spelled}\b(?![,.]?\d)", ()),
        (
            "ago",
            rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b",
            ("ago", "earlier", "later", "from now", "hence"),
        ),
        ("in_n", rf"\b(?:in|within)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?:'s|’s)?(?:\s+time)?\b", ()),
        (
            "past_n",
            rf"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\b",
            ("past", "last", "previous"),
        ),
        (
            "deictic",
            r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
            r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b",
            (),
        ),
        (
            "anaphoric",
            rf"\b(?:(?P<edge>earlier|later)\s+(?:that|(?P<inthe>in\s+the))\s+(?P<u1>{_UNIT_WORD})"
            rf"|that\s+(?:(?:same|very)\s+(?P<u2>{_UNIT_WORD})|(?P<u6>year|month|week)\b)"
            rf"|the\s+same\s+(?P<u3>day|week|month|year)|the\s+(?P<dir>next|following|previous|prior)\s+"
            rf"(?P<u4>{_UNIT_WORD})|the\s+(?P<u5>day|week|month|year|night)\s+(?P<dir2>before|after|earlier|later)"
            r"(?=\s*[,.;:!?)\"'”’]|\s*$|\s+(?:and|but|when|while|as|to|in|on|at)\b))\b",
            (
                "that ",
                "same",
                "next",
                "following",
                "previous",
                "prior",
                "before",
                "after",
                "earlier",
                "later",
            ),
        ),
        (
            "rel_unit",
            r"\b(?P<which>last|next|this|earlier\s+this|later\s+this|coming|past|previous)\s+"
            r"(?P<unit>week|month|year|weekend|quarter|decade)\b",
            (),
        ),
        (
            "the_unit",
            r"\b(?:over|during|for|through|throughout|in|on|at|before|after|ahead\s+of|into|until)\s+"
            r"(?P<expr>the\s+(?:(?:full|whole|entire|fiscal|current\s+fiscal)\s+)?(?P<unit>weekend|week|year))\b(?!\s+(?:of|before|after|that|when|in|to|since|\d|earlier|"
            r"later|ago|as|which|'s|’s))",
            ("week", "year"),
        ),
        ("rel_weekday", rf"\b(?P<which>last|next|this|coming|past)\s+(?P<weekday>{WEEKDAY_FULL})\b", ()),
        ("weekday", rf"\b(?P<weekday>{WEEKDAY_FULL})(?:\s+(?P<part>morning|afternoon|evening|night))?\b", ()),
        ("decade", r"\b(?P<decade>1[89]\d0|20[0-9]0)['’]?s\b", ("0s", "0's", "0’s")),
        ("decade", r"['’](?P<d2>\d0)s\b", ("0s",)),
        ("decade", rf"\bthe\s+(?:(?:early|mid|late)[\s\-]+)?(?P<decword>{_DECADE_WORDS})\b", ("ties",)),
        ("year", rf"\b(?:the\s+year\s+)(?P<spelled>{_SPELLED})\b", ("the year",)),
        (
            "year",
            r"(?<![\w\-])(?P<spelled>(?:eighteen|nineteen)[\s\-]+(?:twenty|thirty|forty|fifty|sixty|seventy|"
            r"eighty|ninety)(?:[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine))?)\b",
            ("eighteen", "nineteen"),
        ),
        ("rel_month", rf"\b(?P<which>last|next|this|this\s+past|past|coming)\s+(?P<month>{MONTH})\b", ()),
        ("month", rf"(?<!\w)(?P<month>{MONTH})\b(?![\-]\d)", ()),
        ("year", rf"(?<![\w.,$£€])(?P<year>{YEAR})\b(?![,.]?\d)", ()),
        (
            "ref",
            r"\bat\s+(?P<expr>(?:the|that)\s+time)\b(?!\s+(?:of|when|that|being|it|he|she|they|we|I)\b)",
            ("the time", "that time"),
        ),
        ("ref", rf"(?<![\w\-])(?P<ref>{refs})(?![\w\-])", ()),
    ]
    return [(kind, re.compile(pattern, re.IGNORECASE), gate) for kind, pattern, gate in patterns]


def find_expressions(text: str) -> list[Expression]:
    """Every date expression in `text`, in order, none overlapping."""
    found: list[Expression] = []
    taken = bytearray(len(text) + 1)
    low = text.lower()
    for kind, pattern, gate in _patterns():
        if gate and not any(word in low for word in gate):
            continue
        for match in pattern.finditer(text):
            start, end = match.span("expr") if "expr" in pattern.groupindex else match.span()
            fields = {k: v for k, v in match.groupdict().items() if v is not None and k != "expr"}
            if kind in _EXTENDED_KINDS:
                start = _extend_back(kind, text, start, fields)
                if start < 0:
                    continue
            if any(taken[start:end]) or not _plausible(kind, match, text, start, end):
                continue
            found.append(Expression(text[start:end], start, end, kind, fields))
            taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda e: e.start)
    return found


def _extend_back(kind: str, text: str, start: int, fields: dict[str, str]) -> int:
    """Take a modifier before a month, year or decade into its span ("early December", "the late 1980s");
    for a bare month or year, check the word before it names a date ("in March", "since 2009"). -1: none."""
    window = text[max(0, start - 24) : start]
    modifier = _MODIFIER_BEFORE.search(window)
    extended = start
    if modifier is not None and modifier.group("mod"):
        fields["mod"] = " ".join(modifier.group("mod").lower().split())
        extended = start - (len(window) - modifier.start("mod" if kind != "decade" else 0))
    elif kind == "decade" and modifier is not None and modifier.group("the"):
        extended = start - (len(window) - modifier.start())
    if kind == "month" and extended == start and not _MONTH_BEFORE_RE.search(window):
        return -1
    if (
        kind == "year"
        and "year" in fields
        and extended == start
        and not (_YEAR_BEFORE_RE.search(window) or _YEAR_AFTER_RE.match(text, start + 4))
    ):
        return -1
    return extended


def _plausible(kind: str, match: re.Match[str], text: str, start: int, end: int) -> bool:
    """Reject what only looks like a date: lower-case month and weekday words ("may", "march"), a bare
    month abbreviation, a title in capitals, a span after a superlative."""
    groups = match.groupdict()
    month = groups.get("month")
    if month and not month[0].isupper():
        return False
    if kind in {"month", "rel_month"} and month:
        bare = month.rstrip(".")
        if len(bare) <= 4 and bare not in {"June", "July", "May"}:
            return False
        if (
            bare == "May"
            and kind == "month"
            and not re.search(
                r"(?:in|by|since|until|of|early|late|mid)[\s\-]+$",
                text[max(0, start - 8) : start],
                re.IGNORECASE,
            )
        ):
            return False
    weekday = groups.get("weekday")
    if weekday and not weekday[0].isupper():
        return False
    if kind == "holiday" and not (
        (groups.get("holiday") or "")[:1].isupper()
        and not _NAME_AFTER.match(text, end)
        and not _NAME_BEFORE.search(text, max(0, start - 30), start)  # "Holocaust Memorial Day"
    ):
        return False
    if kind == "season" and not _plausible_season(groups, text, end):
        return False
    if kind == "ref" and not _plausible_ref(match.group(0), text, start, end):
        return False
    if kind in {"in_n"} and _SUPERLATIVE.search(text[max(0, start - 50) : start]):
        return False
    if kind == "year_span" and not _plausible_span(groups):
        return False
    if kind == "year" and "year" in groups and int(groups["year"]) > 2100:
        return False
    return not (kind in _TITLE_KINDS and _is_title(text, start, end))


def _plausible_season(groups: dict[str, str | None], text: str, end: int) -> bool:
    name = groups.get("season") or ""
    if name[:1].isupper() and _NAME_AFTER.match(text, end):  # "the Winter Olympics": a name
        return False
    which = (groups.get("which") or "").lower()
    has_year = bool(groups.get("year") or groups.get("spelled"))
    if name.lower() == "fall":  # "the fall of Rome", "prices fall": only with a year or a pointer
        return has_year or which in {"last", "this", "next", "this past", "past", "coming", "early", "late"}
    return has_year or bool(which)


def _plausible_ref(word: str, text: str, start: int, end: int) -> bool:
    low = " ".join(word.lower().split())
    after = text[end : end + 24]
    if low in {"current", "future", "recent"}:  # adjectives: only before a noun ("current talks")
        return bool(re.match(r"\s+[a-z]", after)) and not re.match(
            r"\s+(?:of|and|or|is|was|affairs?|account)\b", after
        )
    if low == "soon":  # "as soon as he arrives", "soon after": the date is the other clause's
        before = text[max(0, start - 4) : start].lower()
        return not (
            before.endswith("as ") and not re.match(r"\s+as\s+(?:possible|practicable)", after)
        ) and not (re.match(r"\s+(?:after|afterwards?|thereafter|before)\b", after))
    if "-" in word:  # "the long-term partnership": an adjective
        return False
    if low == "the past" and _COUNT_AFTER.match(after):  # "the past three sessions": a duration
        return False
    if low in {"now", "currently"}:
        return not re.match(r"-\w", after)
    return True


def _plausible_span(groups: dict[str, str | None]) -> bool:
    first = int(groups["year"] or 0)
    second_text = groups["y2"] or ""
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text or 0)
    return first < second <= first + 10


def _is_title(text: str, start: int, end: int) -> bool:
    """Every word capitalised and not at a sentence's start: a name ("This Week", "VOA Today")."""
    words = text[start:end].split()
    if not all(w[0].isupper() for w in words):
        return False
    before = text[max(0, start - 8) : start].rstrip(" \t" + _QUOTES)  # over spaces and quote marks
    return bool(before) and before[-1] not in ".!?\n:;(-"
