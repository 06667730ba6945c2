"""The verb-pattern lexicon: which words trigger which CAMEO events, read from ``data/verbs.toml``.

>>> lexicon = load_verb_lexicon()
>>> [p.code for p in lexicon.candidates("meet", "verb")][:1]
['040']
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.errors import LexiconError
from dateline.lexicon.codebook import data_path, load_codebook
from dateline.lexicon.words import STATEMENT_VERBS

POS_KINDS = ("verb", "noun", "adj")
OBJECT_KINDS = ("party", "place")
CONTROLS = ("intent", "plan", "reject", "threat", "demand", "appeal", "negate")
_CONTROL_TABLES = ("intent", "threat", "reject", "demand", "appeal")
_FALLBACKS = ("reject", "intent", "threat")


@dataclass(frozen=True)
class Pattern:
    """One pattern: a word (of one part of speech) with optional constraints, and the code it triggers.

    ``object_words`` (from imported PETRARCH patterns: "* DIPLOMATIC TIES", "* NEW &TIETYPES RELATIONS") are
    the words right before the object, in order, each one of a slot's alternatives.
    """

    words: tuple[str, ...]
    code: str
    pos: str = "verb"
    particle: str | None = None
    prep: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    symmetric: bool = False
    control: str | None = None
    location: bool = False
    transitive: bool = False
    intransitive: bool = False
    object_kind: str | None = None
    aims: bool = False
    needs_aim: bool = False
    attributive: bool = True
    bare: bool = False
    complement: tuple[str, ...] = ()
    questions: bool = True
    carriers: tuple[str, ...] = ()
    by_crowd: str | None = None
    official: str | None = None
    object_words: tuple[tuple[str, ...], ...] = ()

    pair: bool = False
    alone: bool = True
    if_object: str | None = None
    civil: bool = False
    line: int = 0

    @property
    def specificity(self) -> int:
        """How many constraints the pattern sets: the most specific fitting pattern wins."""
        constraints = (self.particle, self.prep, self.objects, self.modifiers, self.complement)
        return sum(bool(x) for x in constraints) + len(self.object_words)


@dataclass(frozen=True)
class VerbLexicon:
    """Patterns by lemma and part of speech, plus the light verbs, speech verbs and control tables."""

    version: str
    patterns: tuple[Pattern, ...]
    light: frozenset[str]
    speech: frozenset[str]
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    parties: frozenset[str] = frozenset()
    occurrence: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    aim_roots: frozenset[str] = frozenset()
    crowds: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    mutual_roots: frozenset[str] = frozenset()
    topic_roots: frozenset[str] = frozenset()

    cooperative_roots: frozenset[str] = frozenset()
    threat_roots: frozenset[str] = frozenset()
    refusable_roots: frozenset[str] = frozenset()
    fallbacks: dict[str, str] = field(default_factory=dict)
    symmetric_roots: frozenset[str] = frozenset()
    domain_story: int = 0
    political_sectors: frozenset[str] = frozenset()
    armed_sectors: frozenset[str] = frozenset()

    @functools.cached_property
    def _index(self) -> dict[tuple[str, str], list[Pattern]]:
        index: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in self.patterns:
            for word in pattern.words:
                index.setdefault((word, pattern.pos), []).append(pattern)
        for found in index.values():
            found.sort(key=lambda p: -p.specificity)
        return index

    @functools.cached_property
    def people(self) -> frozenset[str]:
        """Every noun for people and groups: [parties] and [persons]."""
        return self.parties | self.persons

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        """The patterns a lemma may trigger as a verb, noun or adjective, most specific first."""
        return self._index.get((lemma.lower(), pos), [])

    def convert(self, control: str, code: str) -> str | None:
        """The code an embedded event becomes under a control verb ("intent", "036" from "04...")."""
        table = self.tables.get(control, {})
        return table.get(code[:2])

    def settle(self, control: str, code: str) -> str | None:
        """The code an act becomes when modality converts it ("reject", "intent", "threat"): the control
        table's code for its root, else the lexicon's [modality] fallback for that conversion."""
        return self.convert(control, code) or self.fallbacks.get(control)


def _strings(value: object, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise LexiconError(f"{where}: {name} must be a string or a list of strings")


def _code(value: object, codes: set[str], where: str, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in codes:
        raise LexiconError(f"{where}: {name} {value!r} is not a CAMEO code of the codebook")
    return value


def _pattern(raw: dict[str, object], where: str, known: Iterable[str]) -> Pattern:
    codes = set(known)
    words = _strings(raw.get("words"), where, "words")
    code = raw.get("code")
    if not words or not isinstance(code, str):
        raise LexiconError(f"{where}: a pattern needs words and a code")
    if code not in codes:
        raise LexiconError(f"{where}: {code!r} is not a CAMEO code of the codebook")
    pos = str(raw.get("pos", "verb"))
    control = raw.get("control")
    if pos not in POS_KINDS:
        raise LexiconError(f"{where}: pos must be one of {', '.join(POS_KINDS)}, not {pos!r}")
    if control is not None and control not in CONTROLS:
        raise LexiconError(f"{where}: control must be one of {', '.join(CONTROLS)}, not {control!r}")
    particle = raw.get("particle")
    kind = raw.get("object_kind")
    if kind is not None and kind not in OBJECT_KINDS:
        raise LexiconError(f"{where}: object_kind must be one of {', '.join(OBJECT_KINDS)}, not {kind!r}")
    official = _code(raw.get("official"), codes, where, "official")
    if_object = raw.get("if_object")
    if if_object is not None and if_object not in OBJECT_KINDS:
        raise LexiconError(f"{where}: if_object must be one of {', '.join(OBJECT_KINDS)}, not {if_object!r}")
    return Pattern(
        words=tuple(w.lower() for w in words),
        code=code,
        pos=pos,
        particle=str(particle) if particle else None,
        prep=_strings(raw.get("prep"), where, "prep"),
        objects=_strings(raw.get("objects"), where, "objects"),
        modifiers=_strings(raw.get("modifiers"), where, "modifiers"),
        target=_strings(raw.get("target"), where, "target"),
        symmetric=bool(raw.get("symmetric", False)),
        control=str(control) if control else None,
        location=bool(raw.get("location", False)),
        transitive=bool(raw.get("transitive", False)),
        intransitive=bool(raw.get("intransitive", False)),
        object_kind=str(kind) if kind else None,
        aims=bool(raw.get("aims", False)),
        needs_aim=bool(raw.get("needs_aim", False)),
        attributive=bool(raw.get("attributive", True)),
        bare=bool(raw.get("bare", False)),
        complement=tuple(w.lower() for w in _strings(raw.get("complement"), where, "complement")),
        questions=bool(raw.get("questions", True)),
        carriers=_strings(raw.get("carriers"), where, "carriers"),
        by_crowd=_code(raw.get("by_crowd"), codes, where, "by_crowd"),
        official=official,
        pair=bool(raw.get("pair", False)),
        alone=bool(raw.get("alone", True)),
        if_object=str(if_object) if if_object else None,
        civil=bool(raw.get("civil", False)),
    )


def read_verb_lexicon(path: Path) -> VerbLexicon:
    """Read a verb-pattern file; a malformed one raises LexiconError naming the file and pattern."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise LexiconError(f"{path}: cannot be read as a TOML verb lexicon ({e}); check the file") from e
    known = [entry.code for entry in load_codebook()]
    patterns = tuple(
        _pattern(raw, f"{path}, pattern {number} ({raw.get('words')})", known)
        for number, raw in enumerate(data.get("pattern", []), start=1)
    )
    tables = {}
    for name in _CONTROL_TABLES:
        table = data.get(name, {})
        bad = [code for code in table.values() if code not in known]
        if bad:
            raise LexiconError(f"{path}: table [{name}] maps to unknown codes {bad}")
        tables[name] = dict(table)
    fallbacks = dict(data.get("modality", {}).get("fallback", {}))
    wrong = {name: code for name, code in fallbacks.items() if name not in _FALLBACKS or code not in known}
    if wrong:
        raise LexiconError(
            f"{path}: [modality] fallback {wrong} names a conversion other than {', '.join(_FALLBACKS)} or an "
            "unknown code"
        )
    return VerbLexicon(
        version=str(data.get("version", Path(path).stem)),
        patterns=patterns,
        light=frozenset(data.get("light", {}).get("words", [])),
        speech=frozenset(data["speech"]["words"]) if "speech" in data else STATEMENT_VERBS,
        tables=tables,
        parties=frozenset(w.lower() for w in data.get("parties", {}).get("words", [])),
        occurrence=frozenset(w.lower() for w in data.get("occurrence", {}).get("words", [])),
        state_sectors=frozenset(data.get("official", {}).get("sectors", [])),
        aim_roots=frozenset(data.get("aims", {}).get("roots", [])),
        crowds=frozenset(w.lower() for w in data.get("crowds", {}).get("words", [])),
        persons=frozenset(w.lower() for w in data.get("persons", {}).get("words", [])),
        domains=frozenset(w.lower() for w in data.get("domains", {}).get("words", [])),
        instruments=frozenset(w.lower() for w in data.get("instruments", {}).get("words", [])),
        mutual_roots=frozenset(data.get("mutual", {}).get("roots", [])),
        topic_roots=frozenset(data.get("topic", {}).get("roots", [])),
        cooperative_roots=frozenset(data.get("modality", {}).get("cooperative", [])),
        threat_roots=frozenset(data.get("modality", {}).get("threat", [])),
        refusable_roots=frozenset(data.get("modality", {}).get("refusable", [])),
        fallbacks=fallbacks,
        symmetric_roots=frozenset(data.get("symmetric", {}).get("roots", [])),
        domain_story=int(data.get("domains", {}).get("story", 0)),
        political_sectors=frozenset(data.get("domains", {}).get("sectors", [])),
        armed_sectors=frozenset(data.get("official", {}).get("armed", [])),
    )


@functools.cache
def load_verb_lexicon(path: str | None = None) -> VerbLexicon:
    """The verb lexicon shipped with dateline (or the file at `path`), read once per process."""
    return read_verb_lexicon(Path(path) if path else data_path("verbs.toml"))


_PREPOSITIONS = {
    "in",
    "with",
    "to",
    "on",
    "against",
    "for",
    "from",
    "of",
    "at",
    "into",
    "over",
    "about",
    "by",
}
_MARKERS = {"$", "+", "%", "^", "*"}


def from_petrarch(verb_patterns: Iterable[object], *, base: VerbLexicon | None = None) -> VerbLexicon:
    """A verb lexicon from imported PETRARCH verb patterns (`lexicon.petrarch.read_verbs`).

    A verb alone becomes a pattern on its forms; a pattern with words after the verb keeps the first of
    them as a preposition and/or object constraint ("resume ties" -> objects ["ties"]). Words before the
    verb and compound codes beyond the first are not used. Everything but the patterns and the control
    tables (light and speech verbs, word lists, roots, fallbacks) comes from `base` (default: dateline's own
    lexicon); codes need not be in the CAMEO codebook.
    """
    base = base or load_verb_lexicon()
    patterns: list[Pattern] = []
    for entry in verb_patterns:
        code = getattr(entry, "code", None)
        if not code:
            continue
        code = str(code).split(":")[0]
        words = tuple(w.lower() for w in getattr(entry, "lemmas", ()) if w and " " not in w)
        if not words:
            continue
        prep: tuple[str, ...] = ()
        run: list[tuple[str, ...]] = []  # the words of the object's phrase: modifiers, then its head
        for slot in getattr(entry, "after", ()):
            plain = tuple(w.lower() for w in slot if w not in _MARKERS)
            if not plain:
                if run:
                    break
                continue
            if all(w in _PREPOSITIONS for w in plain):
                if run:
                    break
                if not prep:
                    prep = plain
                continue
            run.append(plain)
        line = int(getattr(entry, "line", 0))
        for objects, before in _object_heads(run):
            patterns.append(
                Pattern(words=words, code=code, prep=prep, objects=objects, object_words=before, line=line)
            )
    return replace(base, version="petrarch-import", patterns=tuple(patterns), tables={})


def _object_heads(
    run: list[tuple[str, ...]],
) -> list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    """(object heads, words right before them) for a pattern's object phrase: "DIPLOMATIC TIES" is the head
    "ties" after "diplomatic"; a head alternative of several words ("golden goblin galleons") is a pattern
    of its own. No phrase: one pattern with no object."""
    if not run:
        return [((), ())]
    *modifiers, heads = run
    if any(" " in w for m in modifiers for w in m):
        return []  # several words among a modifier's alternatives: not translated
    before = tuple(modifiers)
    single = tuple(w for w in heads if " " not in w)
    found = [(single, before)] if single else []
    for phrase in (w for w in heads if " " in w):
        *words, head = phrase.split()
        found.append(((head,), before + tuple((word,) for word in words)))
    return found
