"""Actor lexicons: countries, seats of government, organisations and agent nouns, and a noun-phrase coder.

The words live in ``data/countries.tsv``, ``data/organisations.tsv``, ``data/known_groups.tsv`` (armed
groups), ``data/state_forces.tsv`` (armed forces, police and intelligence services by name) and
``data/agents.tsv``; users may add
files with the same columns (``load_actor_lexicon(extra=[path, ...])``; the header tells which table a file
extends, and later files win). The codes themselves (`ActorCode`, `decode_actor_code`) live in
`dateline.lexicon.actor_codes`, the lookup keys of phrases (`normalise`) in `dateline.lexicon.actor_words`.

>>> lexicon = load_actor_lexicon()
>>> lexicon.code_phrase("the Turkish Air Force").code
'TURMIL'
>>> lexicon.lookup_country("Russia's")
'RUS'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import pycountry

from dateline.errors import LexiconError
from dateline.lexicon.actor_codes import ORG_TYPES, ActorCode, Organisation, decode_actor_code
from dateline.lexicon.actor_words import is_exact_case, normalise, phrase_words, singulars, strip_possessive
from dateline.lexicon.codebook import data_path, read_table

COUNTRY_COLUMNS = ("iso3", "name", "aliases", "adjectives", "seats")
ORG_COLUMNS = ("code", "type", "plover", "country", "source", "name", "aliases")
AGENT_COLUMNS = ("phrase", "sector")
FIXED_COLUMNS = ("fixed", "name", "aliases")
BODY_COLUMNS = ("body", "sector")

#: Kinds of surface forms yielded by :meth:`ActorLexicon.phrases`.
PHRASE_KINDS = ("country", "demonym", "seat", "igo", "ngo", "img", "ethnic", "actor", "agent")
_STANCE = ("pro-", "anti-", "non-")
# a word after a country's name that makes it a namesake division's: "Lebanon County", "Jordan Township"
_NAMESAKE_DIVISIONS = frozenset({"county", "parish", "township", "borough"})
_PLACE_LINKS = {"in", "of", "from", "at", "inside"}
_OF_LINKS = {"of", "from"}
_PLAIN = "CVL"  # the sector of a word for people as such ("members", "a group"): other words say more


class Phrase(NamedTuple):
    """A surface form of the lexicon: the text, its kind (see PHRASE_KINDS) and its code.

    The code is an ISO alpha-3 code for ``country`` and ``demonym``, a full actor code for ``seat`` and
    ``actor`` (RUSGOV), the group code for organisations (NAT) and the sector for ``agent`` (MIL).
    """

    surface: str
    kind: str
    code: str

    @property
    def exact_case(self) -> bool:
        """True when the form must match in capitals only (short abbreviations: US, UN, WHO)."""
        return is_exact_case(self.surface)


_MEMO_LIMIT = 200_000  # phrases remembered by one lexicon before it starts afresh


class ActorLexicon:
    """Surface forms of actors and what they code to. Build it with :func:`load_actor_lexicon`."""

    def __init__(self) -> None:
        self._keys: dict[str, dict[str, str]] = {kind: {} for kind in PHRASE_KINDS}
        self._exact: dict[str, dict[str, str]] = {kind: {} for kind in PHRASE_KINDS}
        self._surfaces: dict[tuple[str, str], Phrase] = {}
        self.organisations: dict[str, Organisation] = {}
        self.country_names: dict[str, str] = {}
        #: the first seat of each country's row, its capital ("RUS" -> "Moscow")
        self.capitals: dict[str, str] = {}
        self._memo: dict[tuple[tuple[str, ...], str], tuple[str, str] | None] = {}
        #: agent words for people as such (sector "*" in agents.tsv): CVL alone, else what follows them
        self.plain: set[str] = set()
        #: head words of bodies named by a proper name ("the X Forum") -> their sector (named_bodies.tsv)
        self.bodies: dict[str, str] = {}

        self._phrase_memo: dict[str, ActorCode | None] = {}
        self._readings: dict[str, list[tuple[str, str | None]]] = {}

    # -- building -------------------------------------------------------------------------------------

    def add(self, surface: str, kind: str, code: str) -> None:
        """Add one surface form; a later form with the same text and kind replaces the earlier one."""
        if kind not in PHRASE_KINDS:
            raise ValueError(f"kind must be one of {', '.join(PHRASE_KINDS)}, not {kind!r}")
        surface = " ".join(surface.split())
        if not surface or not code:
            return
        self._memo.clear()
        self._phrase_memo.clear()
        self._readings.clear()
        exact = is_exact_case(surface) and kind != "agent"
        if exact:
            self._exact[kind][surface] = code
        else:
            self._keys[kind][normalise(surface)] = code
        self._surfaces[(surface if exact else normalise(surface), kind)] = Phrase(surface, kind, code)

    def add_organisation(self, org: Organisation, surfaces: Iterable[str]) -> None:
        """Add an organisation under its name and aliases."""
        self.organisations[org.code] = org
        for surface in surfaces:
            self.add(surface, ORG_TYPES[org.type], org.code)

    # -- looking up -----------------------------------------------------------------------------------

    def _find(self, kinds: Iterable[str], text: str) -> tuple[str, str] | None:
        """The (kind, code) of the first kind under which the phrase is known; remembered per phrase, since
        the same phrases come back story after story."""
        kinds = tuple(kinds)
        memo_key = (kinds, text)
        if memo_key in self._memo:
            return self._memo[memo_key]
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        found = self._search(kinds, text)
        self._memo[memo_key] = found
        return found

    def _search(self, kinds: tuple[str, ...], text: str) -> tuple[str, str] | None:
        tried: list[str] | None = None
        for keep in (False, True):
            words = phrase_words(text, keep_determiners=keep)
            if not words:
                return None
            if words == tried:
                return None  # no determiner was dropped: the same words, already looked up
            tried = list(words)
            words[-1] = strip_possessive(words[-1])
            written = " ".join(words)
            key = normalise(written)
            for kind in kinds:
                if written in self._exact[kind]:
                    return kind, self._exact[kind][written]
                if key in self._keys[kind]:
                    return kind, self._keys[kind][key]
        return None

    def readings(self, word: str) -> list[tuple[str, str | None]]:
        """The readings of an abbreviation the lexicon knows as several bodies ("RSF": Reporters Without
        Borders, the Rapid Support Forces), in the order `code_phrase` prefers them: each as its longest name
        and its country (None for a body of no country). Empty for a word with one reading or none."""
        found = [(kind, self._exact[kind][word]) for kind in PHRASE_KINDS if word in self._exact[kind]]
        if len({code for _, code in found}) < 2:
            return []
        if word not in self._readings:
            out: list[tuple[str, str | None]] = []
            for kind, code in found:
                names = [p.surface for (_, k), p in self._surfaces.items() if k == kind and p.code == code]
                out.append((max(names, key=len), self._compose((kind, code), None).country))
            self._readings[word] = out
        return self._readings[word]

    def lookup_country(self, text: str) -> str | None:
        """Return the ISO alpha-3 code for a country name, alias, adjective or seat of government."""
        found = self._find(("country", "demonym", "seat"), text)
        if found is None:
            return None
        return found[1][:3]

    def lookup_seat(self, text: str) -> str | None:
        """Return the actor code of a seat of power used for a government ("Kremlin" -> RUSGOV)."""
        found = self._find(("seat",), text)
        return found[1] if found else None

    def lookup_org(self, text: str) -> tuple[str, str] | None:
        """Return (code, type) of an organisation ("NATO" -> ("NAT", "IGO")), or None."""
        found = self._find(("igo", "ngo", "img", "ethnic"), text)
        if found is None:
            return None
        org = self.organisations[found[1]]
        return org.code, org.type

    def lookup_agent(self, text: str) -> str | None:
        """Return the sector of an agent phrase: the whole phrase, else its longest known tail (its head).

        "Foreign Ministry" -> GOV, "Su-24 bomber" -> MIL, "soldiers" -> MIL (plural of a listed word).
        """
        words = [normalise(word) for word in phrase_words(text)]
        words = [word for word in words if word]
        return self._agent_tail(words)

    def _agent_key(self, words: list[str]) -> str | None:
        agents = self._keys["agent"]
        words = [strip_possessive(word) for word in words]  # "the government's plan"
        key = " ".join(words)
        if key in agents:
            return agents[key]
        for singular in singulars(words[-1]):
            candidate = " ".join([*words[:-1], singular])
            if candidate in agents:
                return agents[candidate]
        return None

    def _agent_tail(self, words: list[str]) -> str | None:
        for start in range(len(words)):
            sector = self._agent_key(words[start:])
            if sector:
                return sector
        return None

    def _agent_head(self, words: list[str]) -> str | None:
        for end in range(len(words) - 1, 0, -1):
            sector = self._agent_key(words[:end])
            if sector:
                return sector
        return None

    def _named(self, words: list[str]) -> tuple[str, str] | None:
        """Code a span naming a country, seat, organisation or fixed actor (possessive allowed)."""
        if not words:
            return None
        span = " ".join([*words[:-1], strip_possessive(words[-1])])
        return self._find(("igo", "ngo", "img", "actor", "seat", "country", "demonym", "ethnic"), span)

    def code_phrase(self, text: str) -> ActorCode | None:
        """Code a whole noun phrase: "the Turkish Air Force" -> TURMIL, "Moscow" -> RUSGOV, "NATO" -> IGONAT.

        The leftmost longest span naming a country, seat or organisation gives the country or group;
        the words after it (else the whole phrase) give the sector through the agent nouns. Remembered per
        phrase, since the same phrases come back story after story.
        """
        if text in self._phrase_memo:
            return self._phrase_memo[text]
        if len(self._phrase_memo) > _MEMO_LIMIT:
            self._phrase_memo.clear()
        found = self._code_phrase(text)
        self._phrase_memo[text] = found
        return found

    def _code_phrase(self, text: str) -> ActorCode | None:
        words = phrase_words(text)
        if not words:
            return None
        whole = self._find(("igo", "ngo", "img", "actor", "seat", "country", "demonym", "ethnic"), text)
        if whole is not None:
            return self._compose(whole, None)
        words = [self._led(word) for word in words]
        ethnic = False
        for start in range(len(words)):
            if words[start].lower().startswith(_STANCE):
                continue  # "pro-Palestinian protesters" are not Palestine's
            for end in range(len(words), start, -1):
                found = self._named(words[start:end])
                if found is None:
                    continue
                if found[0] == "country" and end < len(words) and words[end].lower() in _NAMESAKE_DIVISIONS:
                    continue  # "Guernsey County Sheriff's Office" is in Ohio: a county named after a country
                if found[0] == "demonym" and (
                    (start > 0 and words[start - 1].lower() == "ethnic")
                    or (end == start + 1 and end < len(words) - 1 and words[end].lower() == "of")
                ):
                    # "ethnic Albanians in south Serbia", "the Albanians of southern Serbia": a people, placed
                    # where they live
                    ethnic = True
                    break
                if found[0] == "ethnic":
                    later = self.code_phrase(" ".join(words[end:])) if end < len(words) else None
                    if later is not None and later.country:  # "Druze inhabitants of the Syrian Golan"
                        return ActorCode(
                            later.country + (later.sector or "CVL"),
                            later.country,
                            later.sector or "CVL",
                            "country",
                            found[1],
                        )
                rest = [normalise(word) for word in words[end:]]
                sector = (self._agent_tail(rest) or self._agent_head(rest)) if rest else None
                if sector is None and start > 1 and words[start - 1].lower() in _PLACE_LINKS:
                    # "Demonstrators in Baghdad", "rebels in the Ivory Coast": the head before the place
                    head = [normalise(word) for word in words[: start - 1]]
                    sector = self._agent_tail(head) or self._agent_head(head)
                    if self.is_plain(head) and found[0] in ORG_TYPES.values():
                        sector = None  # "members of Hamas": the group's own code, not its civilians
                    if (
                        sector is None and found[0] == "seat"
                    ):  # "a bus in Dhaka": the place, not its government
                        return ActorCode(found[1][:3], found[1][:3], None, "country")
                if ethnic and sector is None and found[0] in ("country", "demonym", "seat"):
                    # "the Albanians of southern Serbia": its people, not its state; "ethnic Albanian
                    # guerrillas operating in Macedonia": rebels
                    before = [self._agent_key([normalise(word)]) for word in words[:start]]
                    sector = next((agent for agent in before if agent and agent != _PLAIN), _PLAIN)
                return self._compose(found, sector)
        keys = [normalise(word) for word in words]
        body = self._named_body(words)
        named = len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper()
        if body is None and named and self.is_plain(keys):
            return None  # "the Wagner Group": a body named, which this lexicon does not know
        of_head = self._of_head(keys)
        if of_head is None or of_head == _PLAIN:
            of_head = self._agent_tail(keys) or of_head or self._agent_head(keys)
        if body is not None and (of_head is None or of_head == _PLAIN):
            of_head = body  # "members of the Association of African Jurists"
        sector = of_head or ("CVL" if ethnic else None)
        if sector is None:
            return None
        return ActorCode(sector, None, sector, "agent")

    def _led(self, word: str) -> str:
        """A country's word for a force it leads: "Vietnamese-led forces" are Vietnam's, as "Vietnamese
        forces" are (not "Kurdish-backed": backing does not make them its own)."""
        stem, dash, suffix = word.rpartition("-")
        if not dash or suffix.lower() != "led" or not stem:
            return word
        return stem if self._find(("country", "demonym"), stem) is not None else word

    def _named_body(self, words: list[str]) -> str | None:
        """The sector of a body the phrase names by a proper name with a head word of named_bodies.tsv: the
        head capitalised next to another capitalised word, or after a word in lower case ("Third World Water
        Forum", "Association of African Jurists", "members of the Association"; not "a shopkeepers
        association")."""
        for i, word in enumerate(words):
            sector = self.bodies.get(normalise(word)) if word[:1].isupper() else None
            if sector is None:
                continue
            after = words[i + 2] if i + 2 < len(words) and words[i + 1].lower() == "of" else None
            neighbours = [words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "", after or ""]
            if any(n[:1].isupper() for n in neighbours) or (i and words[i - 1].islower()):
                return sector  # "the Third World Water Forum", "members of the Association"
        return None

    def _of_head(self, keys: list[str]) -> str | None:
        """The sector of the head X of "X of Y", "X from Y": "workers of a company" are labour, not business.
        A head that says only "people" (`_PLAIN`: "members", "a group") yields to the words after it ("a group
        of students"), in `code_phrase`."""
        link = next((i for i, word in enumerate(keys) if word in _OF_LINKS), None)
        if not link or self._agent_key(keys) is not None:
            return None
        if self.is_plain(keys[:link]):
            return _PLAIN
        return self._agent_tail(keys[:link])

    def is_plain(self, keys: list[str]) -> bool:
        """Whether a phrase ends in a word for people as such ("two factions", "members"), whose sector is
        what follows it ("members of Hamas", "a group of students")."""
        if not keys:
            return False
        last = strip_possessive(keys[-1])
        return last in self.plain or any(form in self.plain for form in singulars(last))

    def _compose(self, found: tuple[str, str], sector: str | None) -> ActorCode:
        kind, code = found
        if kind in ("country", "demonym"):
            return ActorCode(code + (sector or ""), code, sector, "country")
        decoded = decode_actor_code(code)
        if kind == "seat":
            return ActorCode(code[:3] + sector, code[:3], sector, "country") if sector else decoded
        if kind == "actor":
            if sector and len(code) == 3 and decoded.kind == "country":
                return ActorCode(code + sector, code, sector, "country")
            return decoded
        return self.organisations[code].actor_code(sector)

    # -- listing ----------------------------------------------------------------------------------------

    def phrases(self) -> Iterator[Phrase]:
        """Yield every surface form with its kind and code, e.g. to build a spaCy PhraseMatcher."""
        yield from self._surfaces.values()

    def __len__(self) -> int:
        return len(self._surfaces)

    def count(self, kind: str) -> int:
        """Return how many surface forms of one kind the lexicon holds."""
        return sum(1 for phrase in self._surfaces.values() if phrase.kind == kind)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _add_countries(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, COUNTRY_COLUMNS, min_columns=2):
        iso3 = row["iso3"].upper()
        if not (iso3.isalpha() and len(iso3) == 3):
            raise LexiconError(f"{path}, line {row['_line']}: {row['iso3']!r} is not an alpha-3 code")
        lexicon.country_names[iso3] = row["name"]
        for surface in [row["name"], *_split(row["aliases"])]:
            lexicon.add(surface, "country", iso3)
        for surface in _split(row["adjectives"]):
            lexicon.add(surface, "demonym", iso3)
        for seat in _split(row["seats"]):
            surface, _, sector = seat.partition("=")
            lexicon.capitals.setdefault(iso3, surface.strip())
            sector = sector.strip().upper() or "GOV"
            if not (sector.isalpha() and len(sector) == 3):
                raise LexiconError(
                    f"{path}, line {row['_line']}: seat {seat!r} needs NAME=SECTOR (3 letters)"
                )
            lexicon.add(surface.strip(), "seat", iso3 + sector)


def _add_organisations(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, ORG_COLUMNS, min_columns=6):
        org_type = row["type"].upper()
        if org_type not in ORG_TYPES or not row["code"]:
            raise LexiconError(
                f"{path}, line {row['_line']}: type must be one of {', '.join(ORG_TYPES)} and code non-empty"
            )
        org = Organisation(row["code"], org_type, row["plover"], row["country"].upper() or None, row["name"])
        lexicon.add_organisation(org, [row["name"], *_split(row["aliases"])])


def _add_fixed(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, FIXED_COLUMNS, min_columns=2):
        code = row["fixed"].upper()
        if not (code.isalpha() and len(code) in (6, 9) and pycountry.countries.get(alpha_3=code[:3])):
            raise LexiconError(
                f"{path}, line {row['_line']}: {row['fixed']!r} should be a country code and a sector (SDNMIL)"
            )
        for surface in [row["name"], *_split(row["aliases"])]:
            lexicon.add(surface, "actor", code)


def _add_agents(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, AGENT_COLUMNS):
        sector = row["sector"].upper()
        if sector == "*":  # a word for people as such: CVL alone, else what follows it
            lexicon.plain.add(normalise(row["phrase"]))
            sector = _PLAIN
        if not sector.isalpha():
            raise LexiconError(f"{path}, line {row['_line']}: sector {row['sector']!r} is not a code")
        lexicon.add(row["phrase"], "agent", sector)


def _add_bodies(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, BODY_COLUMNS):
        sector = row["sector"].upper()
        if not (sector.isalpha() and len(sector) == 3):
            raise LexiconError(f"{path}, line {row['_line']}: sector {row['sector']!r} is not a code")
        lexicon.bodies[normalise(row["body"])] = sector


_READERS = {
    BODY_COLUMNS[0]: _add_bodies,
    COUNTRY_COLUMNS[0]: _add_countries,
    ORG_COLUMNS[0]: _add_organisations,
    AGENT_COLUMNS[0]: _add_agents,
    FIXED_COLUMNS[0]: _add_fixed,
}


def _header(path: Path) -> str:
    try:
        with Path(path).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip() and not line.lstrip().startswith("#"):
                    return line.split("\t", 1)[0].strip()
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"{path}: cannot be read as UTF-8 text ({e}); check the path") from e
    raise LexiconError(f"{path}: no header line")


def add_lexicon_file(lexicon: ActorLexicon, path: Path) -> None:
    """Add the rows of a countries, organisations or agents file; its header says which it is."""
    first = _header(path)
    reader = _READERS.get(first)
    if reader is None:
        raise LexiconError(
            f"{path}: the header should start with iso3 (countries), code (organisations), phrase (agents), "
            "fixed (state forces) or body (named bodies)"
        )
    reader(lexicon, path)


def build_actor_lexicon(paths: Iterable[Path]) -> ActorLexicon:
    """Build a lexicon from lexicon files, in order (later files win)."""
    lexicon = ActorLexicon()
    for path in paths:
        add_lexicon_file(lexicon, Path(path))
    return lexicon


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> ActorLexicon:
    builtin = [
        data_path(name)
        for name in (
            "countries.tsv",
            "organisations.tsv",
            "known_groups.tsv",
            "state_forces.tsv",
            "agents.tsv",
            "named_bodies.tsv",
        )
    ]
    return build_actor_lexicon([*builtin, *extra])


def load_actor_lexicon(*, extra: Iterable[str | Path] = ()) -> ActorLexicon:
    """Return the shipped actor lexicon extended by the user's files in ``extra``, cached per process."""
    return _load(tuple(Path(path).resolve() for path in extra))
