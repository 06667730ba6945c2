"""Cue verbs of attribution ("say", "warn", "believe"), read from ``data/cues.tsv``.

>>> cues = load_cues()
>>> cues["say"]
'speech'
>>> cues["believe"]
'complement'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from dateline.lexicon.codebook import data_path, read_table

CUE_COLUMNS = ("cue", "kind", "events")
CUE_KINDS = ("speech", "complement", "topic")


@functools.cache
def _load(extra: tuple[Path, ...]) -> dict[str, str]:
    cues: dict[str, str] = {}
    for path in (data_path("cues.tsv"), *extra):
        for row in read_table(path, CUE_COLUMNS, min_columns=2):
            kind = row["kind"].lower()
            cues[" ".join(row["cue"].lower().split())] = kind if kind in CUE_KINDS else "speech"
    return cues


def load_cues(*, extra: Iterable[str | Path] = ()) -> dict[str, str]:
    """Cue lemma -> kind (speech or complement): the shipped list plus user files; cached per set of files."""
    return dict(_load(tuple(Path(p) for p in extra)))
