"""Wire datelines: where, when and by whom a story was filed.

Recognises the common styles at the start of a paragraph:

    MOSCOW, April 27. /TASS/.            BERLIN, September 6 (Reuters) -
    SEOUL, Aug 13 (AP) -                 KYIV, October 18. -
    WASHINGTON (AP) —                    Nov. 2, 2023 (Xinhua) --
    GAZA CITY, Gaza Strip, Oct 5 (Reuters) -     Paris (AFP) -
    LONDON, 27 April 2019 /PRNewswire/ --        BEIJING, Nov. 2 (Xinhua) --

`parse_dateline(paragraph)` returns a `DatelineMatch` (place in normal case with its ISO 3166 alpha-3
country from the gazetteer, month, day, year when given, agency) or None.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from dateline.lexicon.gazetteer import load_gazetteer
from dateline.nlp.calendar import DAY, MONTH, YEAR, day_number, month_number

DATA = Path(__file__).resolve().parents[1] / "lexicon" / "data"

_CAPS_WORD = r"[A-Z][A-Z'’\.\-]*[A-Z\.]|[A-Z]"
_CAPS_PLACE = rf"(?:{_CAPS_WORD})(?:[ \-](?:{_CAPS_WORD}|de|da|do|del|la|el|al|es|of))*"
_TITLE_WORD = r"[A-Z][a-zà-ÿ'’\-]+\.?|St\."
_TITLE_PLACE = rf"(?:{_TITLE_WORD})(?: (?:{_TITLE_WORD}|de|da|do|del|la|el|al|es|of))*"
_REGION = r"[A-Z][A-Za-z\.'’\-]*(?: [A-Z][A-Za-z\.'’\-]*){0,2}"
_DATE = (
    rf"(?P<month>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?"
    rf"|(?P<day2>{DAY})\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>{YEAR}))?"
)
_AGENCY = r"\((?P<agency>[^()\n]{2,40})\)|/(?P<agency2>[^/\n]{2,40})/"
_SEP = r"\s*(?:--|-|—|–|:)\s*|\s+"

_PLACE_FIRST = re.compile(
    rf"^(?!{MONTH}\s)(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})"
    rf"(?:,\s+(?!{MONTH}\s+\d|\d)(?P<region>{_REGION}))?"
    rf"(?:,?\s+(?P<date>{_DATE}))?"
    rf"\.?(?:\s*(?:{_AGENCY})\.?)?"
    rf"(?P<sep>{_SEP})"
)
_DATE_FIRST = re.compile(rf"^(?P<date>{_DATE})\.?\s*(?:{_AGENCY})\.?(?P<sep>{_SEP})")
_SMALL_WORDS = {"de", "da", "do", "del", "la", "el", "al", "es", "of"}


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline found at the start of a paragraph; `end` is where the story's own words begin."""

    text: str
    end: int
    place: str | None
    country: str | None
    agency: str | None
    month: int | None
    day: int | None
    year: int | None


@functools.cache
def load_agencies() -> dict[str, str]:
    """Agency spellings (lower-cased) to the names dateline reports, from `agencies.tsv`."""
    agencies: dict[str, str] = {}
    for line in (DATA / "agencies.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        surface, _, canonical = line.partition("\t")
        agencies[surface.strip().lower()] = canonical.strip()
    return agencies


def parse_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline that opens `paragraph`, or None when it does not open with one."""
    for pattern in (_PLACE_FIRST, _DATE_FIRST):
        match = pattern.match(paragraph)
        found = _validate(paragraph, match) if match else None
        if found is not None:
            return found
    return None


def _validate(paragraph: str, match: re.Match[str]) -> DatelineMatch | None:
    groups = match.groupdict()
    place = groups.get("place")
    agency = _agency(groups.get("agency") or groups.get("agency2"))
    raw_agency = groups.get("agency") or groups.get("agency2")
    if raw_agency and agency is None:
        return None  # "(in a statement)" is not an agency
    has_date = bool(groups.get("date"))
    sep = (groups.get("sep") or "").strip()
    if place is not None:
        caps = place.isupper()
        # a capitalised name and a dash alone must be a town's name: "US - China talks" opens with a pair
        bare = caps and len(place.replace(".", "")) > 3 and sep in {"-", "--", "—", "–", ":"}
        if not (has_date or agency or (bare and _known_place(place))):
            return None
        if not caps and not (agency or has_date):
            return None
        if not caps and not _known_place(place):
            return None
    if has_date:
        month = month_number(groups.get("month") or groups.get("month2") or "")
        day_text = groups.get("day") or groups.get("day2")
        day = day_number(day_text) if day_text else None
        year_text = groups.get("year") or groups.get("year2")
        year = int(year_text) if year_text else None
    else:
        month = day = year = None
    end = match.end()
    text = paragraph[:end].strip().rstrip("-—–:").strip()
    name, country = _resolve_place(place, groups.get("region"))
    return DatelineMatch(
        text=text, end=end, place=name, country=country, agency=agency, month=month, day=day, year=year
    )


def _agency(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip().strip(".").strip()
    known = load_agencies().get(raw.lower())
    if known:
        return known
    # an unknown agency written the way agencies are: one or two capitalised words
    if re.fullmatch(r"[A-Z][A-Za-z\-]*(?: [A-Z][A-Za-z\-]*)?", raw) and len(raw) <= 24:
        return raw
    return None


def _known_place(name: str) -> bool:
    return name in load_gazetteer()


def _resolve_place(place: str | None, region: str | None) -> tuple[str | None, str | None]:
    if not place:
        return None, None
    gazetteer = load_gazetteer()
    found = gazetteer.lookup(place)
    region_place = gazetteer.lookup(region) if region else None
    if region_place is not None and region_place.kind in {"country", "region"}:
        country = region_place.country
    elif region and _US_STATE.match(region):
        country = "USA"
    else:
        country = found.country if found else None
    if found is not None and found.name.lower() == place.lower():
        return found.name, country
    return _normal_case(place), country


_US_STATE = re.compile(
    r"^(Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo|D\.C)\.?$"
)


def _normal_case(place: str) -> str:
    if not place.isupper():
        return place
    words = []
    for i, word in enumerate(place.lower().split(" ")):
        if i and word in _SMALL_WORDS:
            words.append(word)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words)
