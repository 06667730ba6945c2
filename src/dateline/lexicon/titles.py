"""Titles and roles of people: "Foreign Minister", "ambassador", "police chief", with the sector each implies.

The words live in ``data/titles.tsv``; users may add files with the same columns
(``load_titles(extra=[path, ...])``, later files win).

>>> titles = load_titles()
>>> titles.get("Foreign Minister").sector
'GOV'
>>> titles.get("the Turkish envoy") is None
True
>>> titles.get("envoy").role
'diplomat'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.lexicon.codebook import data_path, read_table

TITLE_COLUMNS = ("title", "sector", "role")
#: words that may stand before a title without changing what it is ("Deputy", "former", "then-").
MODIFIERS = frozenset(
    {
        "deputy",
        "acting",
        "former",
        "interim",
        "senior",
        "top",
        "chief",
        "first",
        "second",
        "then",
        "then-",
        "outgoing",
        "incoming",
        "retired",
        "late",
        "new",
        "current",
        "vice",
        "assistant",
        "associate",
        "principal",
        "executive",
        "special",
        "lead",
        "leading",
        "longtime",
        "veteran",
        "prominent",
        "ex",
        "ex-",
        "presumptive",
    }
)


@dataclass(frozen=True, slots=True)
class Title:
    """One row of ``titles.tsv``: the title as written there, its sector and its role group."""

    title: str
    sector: str
    role: str


def title_key(text: str) -> str:
    """The lookup key of a title: lower case, single spaces, curly apostrophes straightened."""
    return " ".join(text.replace("’", "'").casefold().split())


class Titles:
    """Titles by key, with the longest title (in words) for matching word sequences."""

    def __init__(self, rows: Iterable[Title]) -> None:
        self._by_key: dict[str, Title] = {}
        for row in rows:
            self._by_key[title_key(row.title)] = row
        self.longest = max((len(key.split()) for key in self._by_key), default=0)

    def get(self, text: str) -> Title | None:
        """The title a phrase is, exactly (case-insensitively), or None."""
        return self._by_key.get(title_key(text))

    def roles(self) -> set[str]:
        """Every role group."""
        return {row.role for row in self._by_key.values()}

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and title_key(text) in self._by_key

    def __iter__(self) -> Iterator[Title]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)


def read_titles(path: Path) -> Iterator[Title]:
    """The rows of one titles file (raises LexiconError naming the file and line when malformed)."""
    for row in read_table(path, TITLE_COLUMNS):
        yield Title(row["title"], row["sector"].upper(), row["role"] or row["title"].lower())


@functools.cache
def _load(extra: tuple[Path, ...]) -> Titles:
    rows: list[Title] = []
    for path in (data_path("titles.tsv"), *extra):
        rows.extend(read_titles(path))
    return Titles(rows)


def load_titles(*, extra: Iterable[str | Path] = ()) -> Titles:
    """The shipped titles plus any user files with the same columns; cached per set of files."""
    return _load(tuple(Path(p) for p in extra))
