"""How a story's text says a name is a place: the containing places written next to it ("Paris, Texas",
"Kikara (Douentza, Mopti)", "Muse township (Muse district, Shan-North state)"), a cue before it ("the village
of X", "in X"), and the names the model left untagged or mislabelled that such a container marks as places.

Used by `dateline.nlp.places`; pure functions over the text and the gazetteer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from importlib.resources import files

from dateline.lexicon.gazetteer import Candidate, Gazetteer, load_gazetteer, place_key
from dateline.nlp.dateline import parse_dateline

# a kind of place written after its name: "Rajbiraj municipality", "Bariirre village", "Saptari district"
KIND_WORD = (
    r"(?i:township|district|municipality|village|town|city|county|province|governorate|upazila|woreda|"
    r"commune|area|region|state|neighbou?rhood|locality|sub-district|subdistrict|tehsil|taluka|camp)"
)
# words that qualify a place's name without being one: "Northeast Georgia", "Metro Nashville", "Federal University"
MODIFIER = re.compile(
    r"(?i:north|south|east|west|northern|southern|eastern|western|central|north-?east|north-?west|south-?east|"
    r"south-?west|mid|upper|lower|greater|metro|downtown|inner|outer|rural|coastal|federal|national|"
    r"international|royal|general|grand|great|united|new|old|first|second|third)$"
)
# a street's own kind, written after its name: "Eglinton Avenue West" is no place of Eglinton
STREET = re.compile(
    r"\b(?i:street|st\.?|road|rd\.?|avenue|ave\.?|boulevard|blvd\.?|lane|drive|highway|parkway|"
    r"terrace|crescent|alley|pike|turnpike)(?:\s+(?i:north|south|east|west|[NSEW]\.?))?$"
)
_KIND_AFTER = re.compile(rf"[ \t]+{KIND_WORD}\b")
# a street's kind after a name, or after a list of names: "Clark and Lake streets", "Main Street"
STREET_AFTER = re.compile(
    r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’\-]*)?[ \t]+(?i:streets?|st\.|roads?|rd\.|avenues?|ave\.|boulevards?|"
    r"lanes?|drives?|highways?)\b"
)
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
# the words before an untagged name that `cued` may read as a place ("in", "the village of")
CUE_WORDS = frozenset({"in", "near", "outside", "at", "from", "to", "into", "toward", "towards", "of", "the"})
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


def may_be_cued(text: str, start: int, end: int) -> bool:
    """What `cued` needs of the text alone, before any look-up: a cue word before the name or a container
    written after it."""
    before = text[max(0, start - 40) : start]
    return bool(
        WEAK_CUE.search(before)
        or STRONG_CUE.search(before)
        or re.match(r"[ \t]*[,(]", text[end : end + 4])
        or kind_word_after(text, end)
    )


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


# a place's name used of its people, police or mayor: "A Knoxville man", "Waukesha police", "Duluth Police Chief"
_RESIDENTS = re.compile(
    r"[ \t]+(?:man|woman|men|women|boy|girl|teen|teenager|resident|residents|native|police|officer|officers|"
    r"firefighters|councilman|councilwoman|councillor|(?:[Pp]olice|[Ff]ire)[ \t]+(?:[Cc]hief|[Oo]fficers?|"
    r"[Dd]epartment|[Ss]ergeant|[Ll]ieutenant|[Cc]aptain)|[Mm]ayor|[Cc]ity[ \t]+[Cc]ouncil)\b"
)


def of_residents(text: str, starts_ends: list[tuple[int, int]], candidates: Sequence[Candidate]) -> bool:
    """Whether a name the model took for a person or organisation is written of a place's people or police
    ("A Knoxville man was arrested"): only a name some place bears as its own, or a county's or parish's
    without its kind word ("a Pointe Coupee teen")."""
    if not starts_ends:
        return False
    start, end = starts_ends[0]
    bare = place_key(text[start:end]) + " "
    if not any(
        (not c.alternate or (c.place.kind == "district" and place_key(c.place.name).startswith(bare)))
        and c.place.kind in ("city", "district", "region")
        and c.place.population >= 1000
        for c in candidates
    ):
        return False
    return any(residents_after(text, end) for _, end in starts_ends)


def residents_iter(text: str) -> Iterator[re.Match[str]]:
    """Every word of a place's people or police in the text, with the space before it."""
    return _RESIDENTS.finditer(text)


def residents_after(text: str, end: int) -> bool:
    """Whether a word of a place's people or police follows a name ("Knoxville man")."""
    return _RESIDENTS.match(text, end) is not None


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


# the gazetteer's kinds of division (district, region) a kind word names; a town's words ("village",
# "township") tell no town from another
_KINDS = {
    "county": ("district", "region"),
    "parish": ("district", "region"),
    "district": ("district", "region"),
    "province": ("region", "district"),
    "state": ("region",),
    "governorate": ("region",),
    "region": ("region", "district"),
    "upazila": ("district",),
    "woreda": ("district",),
    "tehsil": ("district",),
    "taluka": ("district",),
}


def kinds_of(word: str) -> tuple[str, ...]:
    """The kinds of place a kind word names ("province" -> region or district); () for any other word."""
    return _KINDS.get(word.lower(), ())


def written_kinds(name: str, text: str, ends: list[int]) -> tuple[str, ...]:
    """The kinds of place written with a name: its own last word ("Benue State") or the word after one of its
    mentions ("Nyanza province")."""
    words = name.split()
    if len(words) > 1 and (kinds := kinds_of(words[-1])):
        return kinds
    for end in ends:
        m = _KIND_AFTER.match(text, end)
        if m and (kinds := kinds_of(m.group().strip())):
            return kinds
    return ()


# where a dateline may open inside a text: a line's start, or a sentence's end after a headline
_OPENING = re.compile(r"(?:^|\n|[.!?][\"”’)]?[ \t]+)(?=[A-Z][A-Z'’.\-]+\b)")
_CAPS_NAME = re.compile(r"[A-Z][A-Z'’.\-]*(?:[ \-][A-Z][A-Z'’.\-]*){0,3}\b")
# a US legislator's party and home town: "Rep. Jane Roe, R-Elk River," "Sen. John Doe (D-Cook)"
_PARTY_HOME = re.compile(r"(?<![\w-])(?:R|D|I|DFL)-([A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*){0,2})(?=[,;)])")


# the state or country a dateline writes after its town ("DENVER, Colo. (AP)")
_DATELINE_REGION = re.compile(r",[ \t]+([A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?)")
# a dateline left without its agency and dash: a town in capitals at a line's start, then the story's words
_BARE_OPENING = re.compile(r"[ \t]+(?=[A-Z][a-z])")
BARE_DATELINE_POPULATION = 100_000


def body_datelines(text: str, taken: bytearray) -> Iterator[tuple[int, int, str]]:
    """The places of datelines in capitals that open a line or follow a headline's sentence inside the text
    ("Flood warning issued. SPRINGFIELD -- The city...", "DENVER, Colo. (AP) — "), with the state or country
    written after the town ("Colo."): (start, end, name). A line may also open with a city of some size in
    capitals and no dash ("OKLAHOMA CITY The Latest on ..."), as copy stripped of its agency does."""
    gazetteer = load_gazetteer()
    for m in _OPENING.finditer(text):
        start = m.end()
        name = _CAPS_NAME.match(text, start)
        if name is None or len(name.group().replace(" ", "")) < 3:
            continue
        end = name.end()
        found = parse_dateline(text[start : start + 200])
        dated = found is not None and place_key(found.place or "") == place_key(name.group())
        if not dated and (m.group().strip(" \t\n") or not _bare_dateline(text, name, gazetteer)):
            continue
        if not any(taken[start:end]):
            yield start, end, name.group()
        region = _DATELINE_REGION.match(text, end)
        if dated and found is not None and region is not None and region.end(1) <= start + len(found.text):
            written = region.group(1)
            known = place_key(written) in state_abbreviations() or any(
                c.place.kind in ("region", "country") for c in gazetteer.candidates(written)
            )
            if known and not any(taken[region.start(1) : region.end(1)]):
                yield region.start(1), region.end(1), written


def _bare_dateline(text: str, name: re.Match[str], gazetteer: Gazetteer) -> bool:
    """Whether a name in capitals at a line's start, followed by a capitalised word, is a city or division
    of some size ("OKLAHOMA CITY The Latest"), not a headline's first words."""
    if _BARE_OPENING.match(text, name.end()) is None:
        return False
    return any(
        not c.alternate
        and c.place.kind in ("city", "region")
        and c.place.population >= BARE_DATELINE_POPULATION
        for c in gazetteer.candidates(name.group())
    )


def party_homes(text: str, taken: bytearray) -> Iterator[tuple[int, int, str]]:
    """Home towns written after a US legislator's party letter ("R-Elk River", "D-S.C."): (start, end, name)."""
    for m in _PARTY_HOME.finditer(text):
        start, end = m.span(1)
        if not any(taken[start:end]):
            yield start, end, m.group(1)
