"""Closed-class words the nlp stages share: pronouns, honorifics, and the verbs of saying the event coder uses.

Each word is listed once, in ``data/pronouns.tsv``, ``data/honorifics.tsv`` and ``data/cues.tsv`` (its
`events` column), with what it is (the gender it marks) and the sets it is in; the sets below are derived
from those rows, read once when this module is first imported, so that a word's uses are seen in one place.

>>> SUBJECT_GENDER["she"], "they" in SUBJECT_PRONOUNS
('f', True)
>>> sorted(FIRST_PERSON)
['i', 'me', 'my', 'our', 'us', 'we']
>>> HONORIFIC_GENDER["mrs"], "dr." in NAME_HONORIFICS
('f', True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from dateline.errors import LexiconError
from dateline.lexicon.codebook import data_path, read_table

PRONOUN_COLUMNS = ("pronoun", "gender", "sets")
PRONOUN_SETS = ("refers", "first", "subject", "person", "people")
HONORIFIC_COLUMNS = ("honorific", "gender", "sets")
HONORIFIC_SETS = ("name", "mention")
CUE_EVENT_COLUMNS = ("cue", "kind", "events")
CUE_EVENTS = ("claim", "statement")
GENDERS = ("m", "f", "-")


def _rows(path: Path, columns: tuple[str, ...], sets: tuple[str, ...]) -> dict[str, tuple[str, set[str]]]:
    """Word -> (gender, its sets) for each row of a words file; unknown genders or sets raise LexiconError."""
    rows: dict[str, tuple[str, set[str]]] = {}
    for row in read_table(path, columns):
        word, gender, tags = row[columns[0]].lower(), row["gender"], set(row["sets"].split())
        if gender not in GENDERS or not tags <= set(sets):
            raise LexiconError(
                f"{path}, line {row['_line']}: {word!r} has gender {gender!r} (m, f or -) and sets "
                f"{sorted(tags)} (of {', '.join(sets)}); fix the row"
            )
        rows[word] = (gender, tags)
    return rows


def _cue_events(path: Path) -> dict[str, set[str]]:
    """Cue lemma -> its uses in the event coder (the `events` column of cues.tsv)."""
    uses: dict[str, set[str]] = {}
    for row in read_table(path, CUE_EVENT_COLUMNS, min_columns=2):
        tags = set(row["events"].split())
        if not tags <= set(CUE_EVENTS):
            raise LexiconError(
                f"{path}, line {row['_line']}: events {sorted(tags)} of {row['cue']!r} are not among "
                f"{', '.join(CUE_EVENTS)}; fix the row"
            )
        uses[" ".join(row["cue"].lower().split())] = tags
    return uses


_PRONOUNS = _rows(data_path("pronouns.tsv"), PRONOUN_COLUMNS, PRONOUN_SETS)
_HONORIFICS = _rows(data_path("honorifics.tsv"), HONORIFIC_COLUMNS, HONORIFIC_SETS)
_CUES = _cue_events(data_path("cues.tsv"))


def _pronouns(tag: str) -> frozenset[str]:
    return frozenset(word for word, (_, tags) in _PRONOUNS.items() if tag in tags)


#: pronouns the actor coder codes as the actor they refer to
REFERRING_PRONOUNS = _pronouns("refers")
#: first-person pronouns: the speaker's own side
FIRST_PERSON = _pronouns("first")
#: subject pronouns ("it", "they", "he"): as the subject of a verb of saying, they name no one
SUBJECT_PRONOUNS = _pronouns("subject")
#: pronouns that stand for a person, never for a country or group
PERSON_PRONOUNS = _pronouns("person")
#: pronouns that stand for people, who may be the party of a political act
PEOPLE_PRONOUNS = _pronouns("people")
#: subject pronouns that mark the gender of the person they name ("he", "she") -> that gender
SUBJECT_GENDER: Mapping[str, str] = MappingProxyType(
    {word: gender for word, (gender, _) in _PRONOUNS.items() if gender != "-" and word in SUBJECT_PRONOUNS}
)

#: pronouns that mark the gender of the person they stand for ("he", "him", "his", "she", "her") -> that gender
PRONOUN_GENDER: Mapping[str, str] = MappingProxyType(
    {word: gender for word, (gender, tags) in _PRONOUNS.items() if gender != "-" and "person" in tags}
)

#: honorific (lower case, no final period) -> the gender it marks, for the honorifics that mark one
HONORIFIC_GENDER: Mapping[str, str] = MappingProxyType(
    {word.rstrip("."): gender for word, (gender, _) in _HONORIFICS.items() if gender != "-"}
)
#: honorifics left out of a person's name (lower case; abbreviations with and without their period)
NAME_HONORIFICS = frozenset(
    form for word, (_, tags) in _HONORIFICS.items() if "name" in tags for form in {word, word.rstrip(".")}
)
#: an honorific at the start of a mention ("Mrs. Clinton"): group 1 is the honorific as written
MENTION_HONORIFIC = re.compile(
    r"({})\.?\s".format(
        "|".join(
            re.escape(word.rstrip("."))
            for word in sorted(_HONORIFICS, key=lambda w: (-len(w.rstrip(".")), w))
            if "mention" in _HONORIFICS[word][1]
        )
    ),
    re.IGNORECASE,
)

#: verbs of saying whose subject claims the events of the clause under them ("X said Y attacked")
CLAIM_VERBS = frozenset(cue for cue, tags in _CUES.items() if "claim" in tags)
#: verbs of saying that make a statement (010) of a clause with no other event ("X said that ...")
STATEMENT_VERBS = frozenset(cue for cue, tags in _CUES.items() if "statement" in tags)
