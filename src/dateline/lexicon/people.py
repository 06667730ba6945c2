"""A lexicon of known political figures: "Museveni" -> UGAGOV, "Kofi Annan" -> IGOUNO.

The rows live in ``data/people.tsv`` (one row per person and role, with the years the role was held);
users may add files with the same columns (``load_people(extra=[path, ...])``). A name can map to several
rows (Putin was Prime Minister, then President, then Prime Minister again; "Bush" is two presidents), so a
lookup takes the year of the article and picks the row whose years cover it.

>>> people = load_people()
>>> people.lookup("Museveni").actor
'UGAGOV'
>>> people.lookup("Putin", year=2010).role
'Prime Minister'
>>> people.lookup("Kofi Annan").actor
'IGOUNO'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import LexiconError
from dateline.lexicon.actor_words import normalise
from dateline.lexicon.codebook import data_path, read_table

PEOPLE_COLUMNS = ("name", "aliases", "country", "sector", "role", "from", "to")
#: Prefixes of the country column that mark an organisation rather than a country (IGOUNO, IMGALQ).
GROUP_PREFIXES = ("IGO", "IMG")


@dataclass(frozen=True, slots=True)
class Person:
    """One person in one role: who, for which country and sector, and from when to when.

    ``country`` is an ISO alpha-3 code, or IGO/IMG + a group code for officials of an international
    organisation (IGOUNO) or leaders of a transnational armed group (IMGALQ), whose ``sector`` is empty.
    ``end`` is None while the person still holds the role.
    """

    name: str
    country: str
    sector: str
    role: str
    start: int
    end: int | None

    @property
    def actor(self) -> str:
        """The CAMEO-style actor code: country + sector (USAGOV), or the group code alone (IGOUNO)."""
        return f"{self.country}{self.sector}"

    def covers(self, year: int) -> bool:
        """Return True when the person held the role at some time in ``year``."""
        return self.start <= year and (self.end is None or year <= self.end)

    def distance(self, year: int) -> int:
        """Return how many years ``year`` lies outside the role's years (0 when it is inside)."""
        if year < self.start:
            return self.start - year
        if self.end is not None and year > self.end:
            return year - self.end
        return 0


class PeopleLexicon:
    """Names and aliases of known political figures, keyed by their normalised form."""

    def __init__(self, people: Iterable[tuple[Person, Iterable[str]]]) -> None:
        self._people: list[Person] = []
        self._surfaces: dict[str, list[tuple[str, Person]]] = {}
        for person, surfaces in people:
            self._people.append(person)
            for surface in surfaces:
                key = normalise(surface)
                if key:
                    self._surfaces.setdefault(key, []).append((surface, person))

    def __len__(self) -> int:
        return len(self._people)

    def __iter__(self) -> Iterator[Person]:
        return iter(self._people)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.candidates(name))

    def candidates(self, name: str) -> list[Person]:
        """Return every row a name or alias maps to, in file order (no year filter)."""
        for key in _keys(name):
            rows = self._surfaces.get(key)
            if rows:
                return [person for _, person in rows]
        return []

    def lookup(self, name: str, *, year: int | None = None) -> Person | None:
        """Return the person a name or alias denotes, or None when it is not in the lexicon.

        Case, surrounding whitespace and punctuation, diacritics and a possessive ending ("Bush's") do
        not matter; titles do, so strip "President" first. With ``year``, the row whose years cover it
        wins (the latest-starting one when several do, so a new office beats the one it ended), else the
        row nearest in time; without ``year``, the latest row.
        """
        rows = self.candidates(name)
        if not rows:
            return None
        if year is None:
            return max(rows, key=_recency)
        return min(rows, key=lambda person: (person.distance(year), -person.start, -_end(person)))

    def phrases(self) -> Iterator[tuple[str, Person]]:
        """Yield (surface form, person) for every name and alias of every row, as written in the file."""
        for rows in self._surfaces.values():
            yield from rows


def _end(person: Person) -> int:
    return 9999 if person.end is None else person.end


def _recency(person: Person) -> tuple[int, int]:
    return (_end(person), person.start)


def _keys(name: str) -> list[str]:
    """Return the lookup keys to try for a name: as given, then without a possessive ending."""
    key = normalise(name)
    if key.endswith("'s"):
        return [key, key[:-2]]
    if key.endswith("'"):
        return [key, key[:-1]]
    return [key]


def _parse_year(value: str, column: str, path: Path, line: str) -> int:
    if not (value.isdigit() and len(value) == 4):
        raise LexiconError(f"{path}, line {line}: {column} should be a four-digit year, found {value!r}")
    return int(value)


def _parse_row(row: dict[str, str], path: Path) -> tuple[Person, list[str]]:
    """Turn one row of a people file into a Person and its surface forms, or raise LexiconError."""
    line = row["_line"]
    name, country, sector = row["name"], row["country"], row["sector"]
    if not name:
        raise LexiconError(f"{path}, line {line}: the name column is empty")
    if not (len(country) == 3 and country.isalpha() and country.isupper()) and not (
        len(country) == 6 and country.startswith(GROUP_PREFIXES) and country.isupper()
    ):
        raise LexiconError(
            f"{path}, line {line}: country should be an ISO alpha-3 code (UGA) or IGO/IMG + a group "
            f"code (IGOUNO), found {country!r}"
        )
    if sector and not (len(sector) == 3 and sector.isalpha() and sector.isupper()):
        raise LexiconError(
            f"{path}, line {line}: sector should be a three-letter code (GOV), found {sector!r}"
        )
    if not sector and not country.startswith(GROUP_PREFIXES):
        raise LexiconError(f"{path}, line {line}: the sector column is empty; give one (GOV, OPP, REB...)")
    start = _parse_year(row["from"], "from", path, line)
    end = _parse_year(row["to"], "to", path, line) if row["to"] else None
    if end is not None and end < start:
        raise LexiconError(f"{path}, line {line}: to ({end}) is before from ({start})")
    aliases = [alias.strip() for alias in row["aliases"].split("|") if alias.strip()]
    person = Person(name, country, sector, row["role"], start, end)
    return person, [name, *aliases]


def read_people(path: Path) -> list[tuple[Person, list[str]]]:
    """Read one people file; a malformed line raises :class:`LexiconError` naming the file and line."""
    return [_parse_row(row, Path(path)) for row in read_table(Path(path), PEOPLE_COLUMNS)]


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> PeopleLexicon:
    rows: list[tuple[Person, list[str]]] = []
    for path in (data_path("people.tsv"), *extra):
        rows.extend(read_people(path))
    return PeopleLexicon(rows)


def load_people(*, extra: Iterable[str | Path] = ()) -> PeopleLexicon:
    """Return the people lexicon shipped with dateline, plus the rows of ``extra`` files.

    The result is cached per process for each list of extra files; do not mutate it.
    """
    return _load(tuple(Path(path) for path in extra))
