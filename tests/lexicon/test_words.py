"""The shared word tables: pronouns, honorifics and the event coder's verbs of saying, each word listed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import LexiconError
from dateline.lexicon import words
from dateline.lexicon.cues import load_cues
from dateline.lexicon.verbs import load_verb_lexicon, read_verb_lexicon


@pytest.mark.parametrize(
    ("table", "word", "expected"),
    [
        (words.REFERRING_PRONOUNS, "which", True),
        (words.REFERRING_PRONOUNS, "whom", False),
        (words.FIRST_PERSON, "our", True),
        (words.FIRST_PERSON, "they", False),
        (words.SUBJECT_PRONOUNS, "it", True),
        (words.SUBJECT_PRONOUNS, "him", False),
        (words.PERSON_PRONOUNS, "who", True),
        (words.PERSON_PRONOUNS, "they", False),
        (words.PEOPLE_PRONOUNS, "whom", True),
        (words.PEOPLE_PRONOUNS, "it", False),
        (words.NAME_HONORIFICS, "dr.", True),
        (words.NAME_HONORIFICS, "dr", True),
        (words.NAME_HONORIFICS, "miss", False),
        (words.CLAIM_VERBS, "warn", True),
        (words.CLAIM_VERBS, "believe", False),
        (words.STATEMENT_VERBS, "believe", True),
        (words.STATEMENT_VERBS, "warn", False),
    ],
)
def test_word_sets(table: frozenset[str], word: str, expected: bool) -> None:
    assert (word in table) is expected


@pytest.mark.parametrize(
    ("text", "honorific"),
    [
        ("Mrs. Clinton", "Mrs"),
        ("Lady Ashton", "Lady"),
        ("MR Smith", "MR"),
        ("Dr. Who", None),
        ("Mrsmith", None),
    ],
)
def test_mention_honorific(text: str, honorific: str | None) -> None:
    found = words.MENTION_HONORIFIC.match(text)
    assert (found.group(1) if found else None) == honorific


def test_genders() -> None:
    assert dict(words.SUBJECT_GENDER) == {"he": "m", "she": "f"}
    assert words.HONORIFIC_GENDER["lady"] == "f" and "dr" not in words.HONORIFIC_GENDER


def test_verb_lexicon_speech_comes_from_the_cues() -> None:
    assert load_verb_lexicon().speech == words.STATEMENT_VERBS
    assert set(load_cues()) >= words.CLAIM_VERBS | words.STATEMENT_VERBS


def test_a_verb_file_of_ones_own_may_list_its_speech_verbs(tmp_path: Path) -> None:
    path = tmp_path / "verbs.toml"
    path.write_text('version = "mine"\n[speech]\nwords = ["murmur"]\n', encoding="utf-8")
    assert read_verb_lexicon(path).speech == {"murmur"}
    path.write_text('version = "mine"\n', encoding="utf-8")
    assert read_verb_lexicon(path).speech == words.STATEMENT_VERBS


def test_a_cue_file_without_the_events_column_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("cue\tkind\nmurmur\tspeech\n", encoding="utf-8")
    assert load_cues(extra=[path])["murmur"] == "speech"


@pytest.mark.parametrize("row", ["he\tx\trefers", "he\tm\trefers nonsense"])
def test_a_bad_row_names_the_file_and_line(tmp_path: Path, row: str) -> None:
    path = tmp_path / "pronouns.tsv"
    path.write_text(f"pronoun\tgender\tsets\n{row}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"pronouns\.tsv, line 2"):
        words._rows(path, words.PRONOUN_COLUMNS, words.PRONOUN_SETS)
