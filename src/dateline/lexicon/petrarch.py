"""Import dictionaries in the PETRARCH (TABARI) format: actors, agents, verb patterns and discards.

The format, as these readers understand it:

* Comments run from ``#`` to the end of a line; ``<!-- ... -->`` blocks (one or several lines) are skipped.
* Words in a phrase are joined by ``_`` or spaces; a trailing ``_`` (``ARNOR_``) only marks a whole word.
* Actors: ``NAME [CODE]``, or ``NAME`` followed by ``+SYNONYM`` lines and indented code lines. A code may
  carry a date restriction: ``[HOB < 950601]``, ``[HOBREB > 990816]``, ``[HOBGOV 19950601 - 19990815]``
  (six-digit dates are YYMMDD). ``---`` is the null code.
* Agents: ``WORD {PLURALS} [~SECT]`` (``{}``: no plural; no braces: the regular plural), ``[SECT~]`` for a
  prefixed agent, and substitution sets ``!PERSON! = MAN, MEN, ...`` used inside words.
* Verbs: synsets ``&NAME`` followed by ``+WORD`` lines; blocks ``--- VERB [code] ---`` holding verb lines
  (``VERB {irregular forms}``, ``+PHRASAL_VERB``, ``KLM_+VERB [code]``) and pattern lines
  ``- WORDS * WORDS [code]`` where ``*`` is the verb, ``$``/``+`` the source/target and ``%`` a compound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import product
from pathlib import Path

from dateline.errors import LexiconError
from dateline.lexicon.actors import ActorLexicon

NULL_CODES = {"---", "+++", "###", ""}
_CODE = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(
    r"^\s*(?P<code>[^\s<>\d][^\s<>]*)?\s*(?:(?P<op>[<>])\s*(?P<when>\d{6,8})|(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?\s*$"
)
_MARKERS = {"*", "$", "+", "%", "^"}


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code, valid from ``start`` to ``end`` (either may be open)."""

    code: str
    start: date | None = None
    end: date | None = None

    def covers(self, when: date) -> bool:
        """Return True when the code applies on ``when``."""
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of a PETRARCH actor dictionary: its phrases (name first, then synonyms) and codes."""

    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    line: int

    def code(self, *, on: date | None = None) -> str | None:
        """Return the code that applies on ``on`` (default: the unrestricted code, else the latest one)."""
        undated = [item for item in self.codes if item.start is None and item.end is None]
        if on is not None:
            for item in self.codes:
                if (item.start or item.end) and item.covers(on):
                    return _non_null(item.code)
        if undated:
            return _non_null(undated[0].code)
        if not self.codes:
            return None
        latest = max(self.codes, key=lambda item: item.start or date.min)
        return _non_null(latest.code)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A verb (or a pattern around it) and the CAMEO code it gives; ``code`` is None for a null code.

    ``before`` and ``after`` are the pattern's slots left and right of the verb; each slot is a tuple of
    alternative words (one word, or the words of a synset, resolved). Markers are kept as written:
    ``$`` source, ``+`` target, ``%`` compound actor, ``^`` skip. A verb alone has empty slots.
    """

    verb: str
    lemmas: tuple[str, ...]
    code: str | None
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    line: int


def _non_null(code: str) -> str | None:
    return None if code in NULL_CODES else code


def _phrase(text: str) -> str:
    """Turn a PETRARCH phrase (``AMROTH_TANKS``, ``ARNOR_``) into lower-case words joined by spaces."""
    return " ".join(text.replace("_", " ").lower().split())


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) with comments removed; blank lines are kept as empty strings."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise LexiconError(f"{path}: cannot be read ({e}); check the path") from e
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if line.lstrip().startswith("<"):
            in_comment = "-->" not in line
            continue
        yield number, _uncomment(line)


def _uncomment(line: str) -> str:
    """Cut a line at the first ``#`` outside square brackets (``[###]`` is a code, not a comment)."""
    depth = 0
    for index, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == "#" and depth == 0:
            return line[:index].rstrip()
    return line.rstrip()


def _parse_date(digits: str, where: str) -> date:
    try:
        if len(digits) == 6:
            year = int(digits[:2])
            return date(year + (2000 if year < 30 else 1900), int(digits[2:4]), int(digits[4:6]))
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError as e:
        raise LexiconError(f"{where}: {digits!r} is not a date (YYMMDD or YYYYMMDD)") from e


def _dated_code(text: str, where: str) -> DatedCode:
    match = _RESTRICTION.match(text)
    if match is None or not match["code"]:
        raise LexiconError(
            f"{where}: cannot read the code {text!r}; write [CODE], [CODE < date] or [CODE d1 - d2]"
        )
    code = match["code"].upper()
    if match["op"] == "<":
        return DatedCode(code, end=_parse_date(match["when"], where))
    if match["op"] == ">":
        return DatedCode(code, start=_parse_date(match["when"], where))
    if match["start"]:
        return DatedCode(code, _parse_date(match["start"], where), _parse_date(match["end"], where))
    return DatedCode(code)


def read_actor_entries(path: str | Path) -> list[ActorEntry]:
    """Read a PETRARCH actor dictionary into entries with all their (dated) codes."""
    path = Path(path)
    entries: list[ActorEntry] = []
    phrases: list[str] = []
    codes: list[DatedCode] = []
    first_line = 0

    def flush() -> None:
        if phrases:
            entries.append(ActorEntry(tuple(phrases), tuple(codes), first_line))

    for number, line in _lines(path):
        stripped = line.strip()
        if not stripped:
            continue
        where = f"{path}, line {number}"
        if stripped.startswith("+"):
            if not phrases:
                raise LexiconError(f"{where}: synonym {stripped!r} comes before any actor")
            name = _CODE.split(stripped[1:])[0]
            phrases.append(_phrase(name))
            codes.extend(_dated_code(code, where) for code in _CODE.findall(stripped))
            continue
        if line[:1].isspace() and stripped.startswith("["):
            if not phrases:
                raise LexiconError(f"{where}: code line {stripped!r} comes before any actor")
            codes.extend(_dated_code(code, where) for code in _CODE.findall(stripped))
            continue
        flush()
        phrases = [_phrase(_CODE.split(stripped)[0])]
        codes = [_dated_code(code, where) for code in _CODE.findall(stripped)]
        first_line = number
    flush()
    return entries


def read_actors(path: str | Path, *, on: date | None = None) -> dict[str, str]:
    """Read a PETRARCH actor dictionary as {phrase: actor code}; entries with a null code are left out.

    With ``on``, date-restricted codes are resolved for that day; otherwise the unrestricted code is used,
    else the latest restricted one.
    """
    actors: dict[str, str] = {}
    for entry in read_actor_entries(path):
        code = entry.code(on=on)
        if code is None:
            continue
        for phrase in entry.phrases:
            if phrase:
                actors[phrase] = code
    return actors


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _expand(text: str, substitutions: dict[str, list[str]]) -> list[str]:
    """Replace every ``!SET!`` marker by each of its words."""
    parts = re.split(r"(![A-Z0-9_]+!)", text)
    choices = [substitutions.get(part, [part]) if part.startswith("!") else [part] for part in parts]
    return ["".join(combo) for combo in product(*choices)]


def read_agents(path: str | Path) -> dict[str, str]:
    """Read a PETRARCH agent dictionary as {phrase: sector}, plurals included ("soldiers": "MIL")."""
    path = Path(path)
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for number, line in _lines(path):
        stripped = line.strip()
        if not stripped:
            continue
        where = f"{path}, line {number}"
        if re.match(r"^![A-Z0-9_]+!\s*=", stripped):
            name, _, words = stripped.partition("=")
            substitutions[name.strip()] = [word.strip() for word in words.split(",") if word.strip()]
            continue
        codes = _CODE.findall(stripped)
        if not codes:
            raise LexiconError(f"{where}: agent {stripped!r} has no [~CODE]")
        sector = codes[0].replace("~", "").strip().upper()
        head = _CODE.split(stripped)[0]
        plurals: list[str] | None = None
        braces = re.search(r"\{([^}]*)\}", head)
        if braces:
            plurals = braces[1].split()
            head = head[: braces.start()] + head[braces.end() :]
        for form in _expand(head.strip(), substitutions):
            singular = _phrase(form)
            if not singular:
                continue
            agents[singular] = sector
            if plurals is None and not singular.endswith(("men", "people")):
                parts = singular.split()
                agents[" ".join([*parts[:-1], _plural(parts[-1])])] = sector
        for plural in plurals or []:
            for form in _expand(plural, substitutions):
                agents[_phrase(form)] = sector
    return agents


def read_discards(path: str | Path) -> dict[str, bool]:
    """Read a PETRARCH discard list as {phrase: True when the whole story is discarded, False for a sentence}."""
    discards: dict[str, bool] = {}
    for _, line in _lines(Path(path)):
        stripped = line.strip()
        if stripped:
            story = stripped.startswith("+")
            discards[_phrase(stripped.lstrip("+"))] = story
    return discards


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[\s_]+", text.strip()) if word]


def _resolve(
    name: str, synsets: dict[str, list[str]], where: str, seen: tuple[str, ...] = ()
) -> tuple[str, ...]:
    key = name.rstrip("_").upper()
    if key not in synsets:
        raise LexiconError(f"{where}: synset &{key} is used but not defined")
    if key in seen:
        raise LexiconError(f"{where}: synset &{key} contains itself")
    words: list[str] = []
    for member in synsets[key]:
        if member.startswith("&"):
            words.extend(_resolve(member[1:], synsets, where, (*seen, key)))
        else:
            words.append(_phrase(member))
    return tuple(dict.fromkeys(words))


def _verb_phrase(text: str) -> str:
    return _phrase(re.sub(r"\{[^}]*\}", "", text).replace("+", ""))


def read_verbs(path: str | Path) -> list[VerbPattern]:
    """Read a PETRARCH verb dictionary into verb patterns, synsets resolved to their words.

    Each block gives one pattern per verb that carries a code (the block's default code for its head
    verb, or a verb line's own code) and one per ``-`` pattern line.
    """
    path = Path(path)
    synsets: dict[str, list[str]] = {}
    raw_patterns: list[tuple[int, str, str, str]] = []
    bare: list[tuple[int, str, str | None]] = []
    blocks: list[tuple[str, list[str]]] = []
    synset: str | None = None
    verb_lines: list[str] = []
    head = ""
    for number, line in _lines(path):
        stripped = line.strip()
        where = f"{path}, line {number}"
        if not stripped:
            synset = None
            continue
        if stripped.startswith("&"):
            synset = stripped[1:].split()[0].rstrip("_").upper()
            synsets[synset] = []
            continue
        if stripped.startswith("+") and synset is not None:
            synsets[synset].append(stripped[1:].strip())
            continue
        synset = None
        if stripped.startswith("---"):
            match = re.match(r"^---\s*(.+?)\s*\[([^\]]*)\]", stripped)
            if match is None:
                raise LexiconError(
                    f"{where}: block header should read --- VERB [code] ---, found {stripped!r}"
                )
            head = _phrase(match[1])
            verb_lines = [head]
            blocks.append((head, verb_lines))
            bare.append((number, head, _non_null(match[2].strip())))
            continue
        if not head:
            raise LexiconError(f"{where}: {stripped!r} comes before the first --- VERB [code] --- block")
        if stripped.startswith("-"):
            codes = _CODE.findall(stripped)
            if not codes:
                raise LexiconError(f"{where}: pattern {stripped!r} has no [code]")
            body = _CODE.split(stripped[1:])[0]
            raw_patterns.append((number, head, body, codes[-1].strip()))
            continue
        verb = _verb_phrase(_CODE.split(stripped)[0])
        if verb and verb not in verb_lines:
            verb_lines.append(verb)
        codes = _CODE.findall(stripped)
        if codes:
            bare.append((number, verb, _non_null(codes[0].strip())))
    lemmas = {block_head: tuple(block_verbs) for block_head, block_verbs in blocks}
    patterns: list[VerbPattern] = []
    for number, verb, code in bare:
        if code is not None:
            block = next((b for b, verbs in blocks if verb in verbs), verb)
            patterns.append(VerbPattern(verb, lemmas.get(block, (verb,)), code, (), (), number))
    for number, block_head, body, code in raw_patterns:
        where = f"{path}, line {number}"
        slots: list[tuple[str, ...]] = []
        for word in _words(body):
            if word.startswith("&"):
                slots.append(_resolve(word[1:], synsets, where))
            else:
                slots.append((word if word in _MARKERS else word.lower(),))
        if ("*",) in slots:
            star = slots.index(("*",))
            before, after = tuple(slots[:star]), tuple(slots[star + 1 :])
        else:
            before, after = (), tuple(slots)
        patterns.append(VerbPattern(block_head, lemmas[block_head], _non_null(code), before, after, number))
    patterns.sort(key=lambda pattern: pattern.line)
    return patterns


def to_actor_lexicon(
    actors: dict[str, str], agents: dict[str, str], *, base: ActorLexicon | None = None
) -> ActorLexicon:
    """Build an actor lexicon from imported dictionaries, on top of ``base`` when given (it is not changed).

    Actors become fixed ``actor`` phrases with their full code; agents become agent nouns with their sector.
    """
    lexicon = ActorLexicon()
    if base is not None:
        lexicon.organisations.update(base.organisations)
        lexicon.country_names.update(base.country_names)
        for entry in base.phrases():
            lexicon.add(entry.surface, entry.kind, entry.code)
    for phrase, code in actors.items():
        lexicon.add(phrase, "actor", code)
    for phrase, sector in agents.items():
        lexicon.add(phrase, "agent", sector)
    return lexicon
