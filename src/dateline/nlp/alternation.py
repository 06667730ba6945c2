r"""A regex alternation of many words as a prefix tree, for patterns matched case-insensitively.

`"|".join(words)` with hundreds of words makes the regex engine try every branch at every position of
the text; grouped by their next letter ("minister|mayor|monarch" -> "m(?:inister|ayor|onarch)") only the
branches that can still match are tried. For a case-insensitive pattern the tree matches exactly what
the flat alternation of the words sorted longest first matches, with the same preference: two words that
both match at one position are a prefix of one another, and the tree tries the longer first.

>>> alternation(["prime minister", "minister", "mayor", "minister of state"], space=r"\s+")
'(?:m(?:inister(?:\\s+of\\s+state|)|ayor)|prime\\s+minister)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, space: str) -> str:
    """The words (literal text; a space stands for the regex `space`) as one non-capturing alternation
    for use inside `(?i:...)`. Letters are grouped case-insensitively, so the pattern must ignore case."""
    return _tree(sorted(set(words), key=len, reverse=True), space=space)


def _key(char: str) -> str:
    # ASCII letters match both cases under (?i), so "M" and "m" branch together
    return char.lower() if char.isascii() and char.isalpha() else char


def _tree(words: list[str], *, space: str) -> str:
    """`words` (longest first, no duplicates) as an alternation; the empty word, if any, comes last."""
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if not word:
            ends = True
            continue
        groups.setdefault(_key(word[0]), []).append(word[1:])
    branches = []
    for key, rests in groups.items():
        head = space if key == " " else re.escape(key)
        if len(rests) == 1:
            branches.append(head + _literal(rests[0], space=space))
        else:
            branches.append(head + _tree(rests, space=space))
    if ends:
        branches.append("")
    if len(branches) == 1:
        return branches[0] if not ends else ""
    return "(?:" + "|".join(branches) + ")"


def _literal(word: str, *, space: str) -> str:
    return re.escape(word).replace(r"\ ", space)
