"""How a story's text says a name is a place: the containing places written next to it ("Paris, Texas",
"Kikara (Douentza, Mopti)", "Muse township (Muse district, Shan-North state)"), a cue before it ("the village
of X", "in X"), and the names the model left untagged or mislabelled that such a container marks as places.

Used by `dateline.nlp.places`; pure functions over the text and the gazetteer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib.resources import files

from dateline.lexicon.gazetteer import Candidate, load_gazetteer, place_key

# a kind of place written after its name: "Rajbiraj municipality", "Bariirre village", "Saptari district"
KIND_WORD = (
    r"(?i:township|district|municipality|village|town|city|county|province|governorate|upazila|woreda|"
    r"commune|area|region|state|neighbou?rhood|locality|sub-district|subdistrict|tehsil|taluka|camp)"
)
_KIND_AFTER = re.compile(rf"[ \t]+{KIND_WORD}\b")
# the small words inside place names: "Santiago de Queretaro", "Deir ez Zor", "Khabb wa Ash Shaaf"
PARTICLE = r"(?:de|del|la|las|los|of|al|el|ez|az|as|ad|ash|ar|an|es|wa|y|do|da|dos|das|di|du|des|sur|bin|ibn)"
_NAME = (
    r"(?:[A-Z]\.(?:\s?[A-Z]\.)+|[A-Z][a-z]{0,4}\.(?!\w)|"
    rf"[A-Z][\w'’\-]*(?:[ \t]+(?:{PARTICLE}[ \t]+)?(?:[A-Z][\w'’\-]*|-)){{0,4}})"
)
_CONTAINED = rf"({_NAME})(?:[ \t]+{KIND_WORD}\b)?"
_CONTAINER = re.compile(
    rf"(?:[ \t]+{KIND_WORD}\b)?[ \t]*(?:,[ \t]*|\([ \t]*)({_NAME})(?:[ \t]+{KIND_WORD}\b)?"
    rf"(?:[ \t]*,[ \t]*{_CONTAINED})?"
)
# "Kasra town in Deir ez Zor countryside", "the Ur neighborhood of Baghdad"
_KIND_IN = re.compile(rf"[ \t]+{KIND_WORD}[ \t]+(?:in|of|near)[ \t]+(?:the[ \t]+)?({_NAME})")
STRONG_CUE = re.compile(
    r"\b(?:town|village|city|district|province|region|county|municipality|locality|area|state|commune|"
    r"neighbou?rhood|suburb|outskirts)\s+of\s+(?:the\s+)?$",
    re.I,
)
WEAK_CUE = re.compile(r"\b(?:in|near|outside|at|from|to|into|toward|towards)\s+(?:the\s+)?$")
# an untagged name written before a bracketed container: "in Iquique (Tarapaca)", "Koare (Fada Ngourma, Gourma)"
_BRACKETED = re.compile(
    rf"(?<![\w'’-])([A-Z][\w'’\-]*(?:[ \t]+(?:{PARTICLE}[ \t]+)?(?:[A-Z][\w'’\-]*|-)){{0,4}})"
    rf"(?:[ \t]+{KIND_WORD})?[ \t]*\([ \t]*(?=[A-Z])"
)
_NOT_NAME = {
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "of",
    "and",
    "or",
    "but",
    "for",
    "from",
    "by",
    "with",
    "to",
    "as",
}


@functools.cache
def state_abbreviations() -> dict[str, str]:
    """US state abbreviations as news copy writes them ("Va.", "Minn.", "TX") -> GeoNames admin1 code."""
    out: dict[str, str] = {}
    text = files("dateline.lexicon").joinpath("data", "us_states.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in rows[1:]:
        code = row[0].strip()
        out[code.lower()] = f"US.{code}"
        for ap in row[1].split("|") if len(row) > 1 else []:
            if ap.strip():
                out[place_key(ap)] = f"US.{code}"
                out[place_key(ap.replace(" ", ""))] = f"US.{code}"
    return out


def container(text: str, end: int) -> list[str]:
    """The containing places written right after a mention: "Paris, Texas", "Kikara (Douentza, Mopti)",
    "Muse township (Muse district, Shan-North state)" -> ["Muse", "Shan-North"]."""
    if end and text[end - 1] == "(":  # the model's span took the bracket
        end -= 1
    m = _CONTAINER.match(text, end, min(len(text), end + 100)) or _KIND_IN.match(text, end, len(text))
    if m is None:
        return []
    return [g.strip(" -") for g in m.groups() if g and g.strip(" -")]


def bracketed(text: str, end: int) -> bool:
    """Whether the containing place after a mention is written in brackets ("Houla (Marjayoun)") or said
    ("Kasra town in Deir ez Zor"), which a list ("Spain, Italy and France") never is."""
    if end and text[end - 1] == "(" or _KIND_IN.match(text, end, len(text)):
        return True
    return re.match(rf"(?:[ \t]+{KIND_WORD}\b)?[ \t]*\(", text[end : end + 40]) is not None


def known(name: str) -> bool:
    """Whether a containing place's name is a US state abbreviation or the own name of a known place."""
    return place_key(name) in state_abbreviations() or any(
        not c.alternate for c in load_gazetteer().candidates(name)
    )


def known_container(text: str, end: int) -> bool:
    return any(known(name) for name in container(text, end))


def cued(text: str, starts_ends: list[tuple[int, int]], candidates: list[Candidate]) -> bool:
    """Whether the text says a name is a place: "the village of X", a containing place written after it
    ("X (Douentza, Mopti)"), or "in X" for a town of some size."""
    own = [c for c in candidates if not c.alternate]
    for start, end in starts_ends:
        before = text[max(0, start - 40) : start]
        if STRONG_CUE.search(before) or known_container(text, end):
            return True
        if (
            own
            and WEAK_CUE.search(before)
            and (own[0].place.kind != "city" or own[0].place.population >= 20000)
        ):
            return True
    return False


def bracketed_names(text: str, taken: bytearray) -> Iterator[tuple[int, int, str]]:
    """Capitalised names the model left untagged, written before a bracketed containing place that the
    gazetteer knows ("protested in Iquique (Tarapaca)"): (start, end, name)."""
    for m in _BRACKETED.finditer(text):
        start, end = m.span(1)
        words = m.group(1).split()
        while words and words[0].lower() in _NOT_NAME:  # a sentence-initial "The", "In"
            start = text.index(words[1], start) if len(words) > 1 else end
            words = words[1:]
        if not words or any(taken[start:end]):
            continue
        if known_container(text, m.end(1)):
            yield start, end, text[start:end]


def kind_word_after(text: str, end: int) -> bool:
    """Whether a kind of place follows the name ("Rajbiraj municipality")."""
    return _KIND_AFTER.match(text, end) is not None
