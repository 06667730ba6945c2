"""Words of actor phrases: the lookup key of a text, its words without determiners, and their singulars.

`normalise` makes the key every surface form of `dateline.lexicon.actors` is stored and looked up by (NFKC,
no accents, lower case); `phrase_words` splits a noun phrase keeping the written case; `is_exact_case`
tells the short abbreviations that match only in capitals ("US", not "us").
"""

from __future__ import annotations

import functools
import re
import unicodedata

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her"}
_STRIP = ',;:"()[]{}“”‘«»!?'
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def is_exact_case(surface: str) -> bool:
    """Return True for short all-capital abbreviations, which match only as written ("US", not "us")."""
    letters = surface.replace("-", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Return the lookup key of a text: NFKC, no accents, lower case, single spaces, no outer punctuation."""
    if text.isascii():  # NFKC and NFD leave ASCII as it is, and it has no accents to drop
        text = text.translate(_APOSTROPHES)
    else:
        text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    words = (word.strip(_STRIP) for word in text.casefold().split())
    return " ".join(word for word in words if word)


def strip_possessive(word: str) -> str:
    """A word without its possessive ending ("Russia's" -> "Russia", "rebels'" -> "rebels")."""
    if word.endswith("'s"):
        return word[:-2]
    return word[:-1] if word.endswith("s'") else word


def phrase_words(text: str, *, keep_determiners: bool = False) -> list[str]:
    """Split a noun phrase into words, keeping the written case, without leading determiners."""
    if not text.isascii():  # NFKC leaves ASCII as it is
        text = unicodedata.normalize("NFKC", text)
    words = [word.strip(_STRIP) for word in text.translate(_APOSTROPHES).split()]
    words = [word for word in words if word]
    while not keep_determiners and words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if words and words[-1].endswith("."):
        last = words[-1]
        if not _INITIALS.fullmatch(last):
            words[-1] = last.rstrip(".")
    return [word for word in words if word]


def singulars(word: str) -> list[str]:
    """The singular forms a plural noun may have ("policemen" -> "policeman", "militias" -> "militia")."""
    forms = []
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return forms
