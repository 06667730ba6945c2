"""First names and the gender they usually mark, read from ``data/first_names.tsv``.

Used only to keep a pronoun from referring to a person of the other gender ("he" is not Hillary Clinton)
and to keep two people with one surname apart (Barack and Michelle Obama).

>>> genders = load_first_names()
>>> genders["hillary"], genders["barack"]
('f', 'm')
>>> name_gender("Hillary Rodham Clinton", honorific=None)
'f'
>>> name_gender("Obama", honorific="Mrs.")
'f'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from dateline.errors import LexiconError
from dateline.lexicon.codebook import data_path, read_table
from dateline.lexicon.words import HONORIFIC_GENDER

NAME_COLUMNS = ("name", "gender")
GENDERS = ("m", "f")


@functools.cache
def _load(extra: tuple[Path, ...]) -> dict[str, str]:
    genders: dict[str, str] = {}
    for path in (data_path("first_names.tsv"), *extra):
        for row in read_table(path, NAME_COLUMNS):
            gender = row["gender"].lower()
            if gender not in GENDERS:
                raise LexiconError(
                    f"{path}: gender {row['gender']!r} of {row['name']!r} is not m or f; fix the row"
                )
            genders[row["name"].casefold()] = gender
    return genders


def load_first_names(*, extra: Iterable[str | Path] = ()) -> dict[str, str]:
    """First name (case-folded) -> "m" or "f": the shipped list plus user files; cached per set of files."""
    return _load(tuple(Path(p) for p in extra))


def honorific_gender(word: str | None) -> str | None:
    """The gender an honorific marks ("Mrs." -> "f"), or None."""
    if not word:
        return None
    return HONORIFIC_GENDER.get(word.casefold().rstrip("."))


def name_gender(name: str, *, honorific: str | None, names: dict[str, str] | None = None) -> str | None:
    """The gender of a person's name: from its honorific, else its first name when that has one; else None."""
    marked = honorific_gender(honorific)
    if marked is not None:
        return marked
    words = name.split()
    if len(words) < 2:
        return None
    names = names if names is not None else load_first_names()
    return names.get(words[0].casefold().rstrip("."))
