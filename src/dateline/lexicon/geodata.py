"""Names the gazetteer's index takes beyond GeoNames' own: pure functions over the shipped data files.

- `country_names`: the country lexicon's names and aliases ("U.S.", "UK", "Holy See") for each country;
- `division_abbreviations`: the short forms news copy writes for states and provinces ("N.J.", "B.C.");
- `compass_parts`: the name a division's compass-point name is a part of ("North Darfur" -> "Darfur",
  "Cheshire East" -> "Cheshire"), and `combine` the one region such parts make together;
- `article_free`: an Arabic place name without its article ("Al Qamishli" -> "Qamishli");
- `airport_names`: an airport's names ("London Heathrow Airport", "London Heathrow"); its short name
  ("Heathrow") comes from `airports.tsv`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files

_COMPASS = (
    r"(?:north|south|east|west)(?:[- ]?(?:east|west))?|northern|southern|eastern|western|central|upper|lower"
)
_COMPASS_ALONE = re.compile(rf"^(?:{_COMPASS})$", re.I)
_PREFIX = re.compile(rf"^(?:{_COMPASS})\s+(?P<core>.+)$", re.I)
_SUFFIX = re.compile(r"^(?P<core>.+?)\s+(?:north|south|east|west|central)$", re.I)
# a compass word before one of these names a part of something else ("West Bank", "East End"), not of a place
_GENERIC = frozenset(
    {
        "area",
        "bank",
        "city",
        "coast",
        "county",
        "district",
        "division",
        "east",
        "end",
        "island",
        "islands",
        "municipality",
        "north",
        "point",
        "province",
        "region",
        "sector",
        "side",
        "south",
        "territory",
        "valley",
        "ward",
        "west",
        "zone",
        "and",
        "of",
        "the",
    }
)


def descriptive(name: str) -> bool:
    """Whether a name is a compass word, alone or with a word for a kind of area ("West", "West Coast", "South
    Side", "Eastern Province"): as much a description as a name, which many countries have."""
    if compass_alone(name):
        return True
    match = _PREFIX.match(name)
    return match is not None and match.group("core").lower() in _GENERIC


_AIRPORT = re.compile(r"\s+(?:International\s+)?Airport$")


def airport_names(name: str) -> set[str]:
    """An airport's full name and its form without "International Airport" ("Amsterdam Airport Schiphol",
    "London Heathrow Airport" and "London Heathrow")."""
    out = {name}
    bare = _AIRPORT.sub("", name).strip()
    if bare and bare != name and len(bare.split()) >= 2:
        out.add(bare)
    return out


_ARTICLE = re.compile(
    r"^(?:al|ar|as|ash|ad|adh|az|an|at|ath|aş|aḑ|aţ|aẕ|ad-|al-|ar-|as-|ash-|at-|az-)[ -](?=\w)", re.I
)


def article_free(name: str) -> str | None:
    """An Arabic place name without its article, as English copy often writes it ("Al Qamishli" ->
    "Qamishli", "Ar Raqqah" -> "Raqqah"); None when it has none or little is left."""
    bare = _ARTICLE.sub("", name, count=1)
    return bare if bare != name and len(bare) >= 4 and bare[:1].isupper() else None


def compass_alone(name: str) -> bool:
    """Whether a name is a compass word and nothing else ("North", "Central"): what is left of "North
    Province" without its kind word, and no name to look a place up by."""
    return _COMPASS_ALONE.match(name) is not None


# the shipped files the gazetteer's index is built from; a change to any of them builds a new index
SOURCES = (
    "admin1.tsv",
    "admin2.tsv",
    "airports.tsv",
    "countries.tsv",
    "country_points.tsv",
    "division_abbreviations.tsv",
    "us_states.tsv",
    "world_regions.tsv",
)


def sources_digest() -> str:
    """A short digest of the index's source files, for the index's file name."""
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update(files("dateline.lexicon").joinpath("data", name).read_bytes())
    return digest.hexdigest()[:12]


def rows(name: str) -> Iterator[list[str]]:
    """The rows of a shipped tab-separated file, its comment lines and header left out."""
    text = files("dateline.lexicon").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for line in lines[1:]:
        yield line.split("\t")


def country_names() -> dict[str, tuple[list[str], list[str]]]:
    """ISO alpha-3 -> (the country lexicon's name, its aliases), from `countries.tsv`."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for row in rows("countries.tsv"):
        iso3, name = row[0].strip(), row[1].strip()
        aliases = [a.strip() for a in row[2].split("|")] if len(row) > 2 else []
        aliases = [a for a in aliases if a]
        # "Democratic Republic of Congo" for "... of the Congo"
        variants = [v.replace(" of the ", " of ") for v in [name, *aliases] if " of the " in v]
        out[iso3] = ([name] if name else [], aliases + variants)
    return out


def division_abbreviations() -> dict[str, list[str]]:
    """GeoNames admin1 code ("US.NJ", "CA.02") -> the short forms that stand for the division alone: the AP
    abbreviations of US states with a dot inside ("N.J.", "W.Va."; not "Pa." or "Wash.", which are words
    too) and the forms of `division_abbreviations.tsv`."""
    out: dict[str, list[str]] = {}
    for row in rows("us_states.tsv"):
        forms = [f.strip() for f in row[1].split("|")] if len(row) > 1 else []
        dotted = [f for f in forms if "." in f.rstrip(".")]
        if dotted:
            out[f"US.{row[0].strip()}"] = dotted
    for row in rows("division_abbreviations.tsv"):
        out.setdefault(row[0].strip(), []).extend(f.strip() for f in row[1].split("|") if f.strip())
    return out


def compass_core(name: str) -> str | None:
    """The name a compass-point division name is a part of: "North Darfur" -> "Darfur", "Cheshire East" ->
    "Cheshire", "Central Java" -> "Java"; None for other names and for generic cores ("West Bank")."""
    m = _PREFIX.match(name) or _SUFFIX.match(name)
    if m is None:
        return None
    core = m.group("core").strip()
    words = core.lower().split()
    if len(core) < 4 or not core[:1].isupper() or words[0] in _GENERIC or words[-1] in _GENERIC:
        return None
    if _PREFIX.match(core) or _SUFFIX.match(core):
        return None
    return core


@dataclass(frozen=True)
class Part:
    """A division of the index that may be part of a larger named region: its row and its fields."""

    row: int
    name: str
    country: str | None
    kind: str
    lat: float
    lon: float
    population: int
    admin1: str | None
    admin1_code: str | None


@dataclass(frozen=True)
class Whole:
    """A region made of the parts that share a compass core ("Darfur" of North, South, West Darfur...)."""

    name: str
    country: str | None
    kind: str
    lat: float
    lon: float
    population: int
    admin1: str | None
    admin1_code: str | None


def combine(
    parts: list[Part],
    own: set[tuple[str | None, str]],
    key: Callable[[str], str],
    *,
    countries: frozenset[str] = frozenset(),
) -> tuple[list[tuple[int, str]], list[Whole]]:
    """Compass-point divisions grouped by country and core name. Two or more parts make a region of the core's
    name (the mean of their points, the sum of their people); a lone part takes the core as an alternate name.
    Nothing is made where the country has a division of that name already (`own`: (country, key) pairs) or
    the name is a country's (`countries`: keys): "Macedonia" is not Greece's Central and West Macedonia."""
    groups: dict[tuple[str | None, str], list[tuple[Part, str]]] = {}
    for part in parts:
        core = compass_core(part.name)
        if core is None or (part.country, key(core)) in own or key(core) in countries:
            continue
        groups.setdefault((part.country, key(core)), []).append((part, core))
    aliases: list[tuple[int, str]] = []
    wholes: list[Whole] = []
    for (country, _), members in sorted(groups.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        if len({p.row for p, _ in members}) < 2:
            part, core = members[0]
            aliases.append((part.row, core))
            continue
        ps = [p for p, _ in members]
        codes = {p.admin1_code for p in ps}
        region = all(p.kind == "region" for p in ps)
        code = next(iter(codes)) if len(codes) == 1 and not region else None
        wholes.append(
            Whole(
                name=members[0][1],
                country=country,
                kind="region" if region else "district",
                lat=round(sum(p.lat for p in ps) / len(ps), 4),
                lon=round(sum(p.lon for p in ps) / len(ps), 4),
                population=sum(p.population for p in ps),
                admin1=ps[0].admin1 if code else None,
                admin1_code=code,
            )
        )
    return aliases, wholes
