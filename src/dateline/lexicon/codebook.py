"""The CAMEO event codebook: every code with its name, Goldstein score, QuadClass and PLOVER mapping.

The facts live in ``data/cameo.tsv`` and ``data/sectors.tsv``; this module only reads them.

>>> codebook = load_codebook()
>>> codebook.get("190").goldstein
-10.0
>>> codebook.get("036").plover
'CONSULT'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dateline.errors import LexiconError

CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class", "plover", "plover_mode", "context")
SECTOR_COLUMNS = ("code", "name", "scheme")


def data_path(name: str) -> Path:
    """Return the path of a data file shipped in ``dateline/lexicon/data``."""
    return Path(str(resources.files("dateline.lexicon") / "data" / name))


def read_table(
    path: Path, columns: tuple[str, ...], *, min_columns: int | None = None
) -> Iterator[dict[str, str]]:
    """Yield the rows of a tab-separated lexicon file as dicts keyed by ``columns``.

    Blank lines and lines starting with ``#`` are skipped. The first other line is the header: it names
    ``columns`` in order, and may stop after the first ``min_columns`` of them; a row may likewise leave out
    trailing columns down to ``min_columns``.
    A malformed file raises :class:`LexiconError` naming the file and line.
    """
    needed = len(columns) if min_columns is None else min_columns
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"{path}: cannot be read as UTF-8 text ({e}); check the path") from e
    header_seen = False
    width = len(columns)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if not header_seen:
            width = len(fields)
            if width < needed or tuple(fields) != columns[:width]:
                raise LexiconError(
                    f"{path}, line {number}: the header should name the columns {' '.join(columns)} "
                    f"(at least the first {needed}, tab-separated), found {' '.join(fields)!r}"
                )
            header_seen = True
            continue
        if len(fields) < needed or len(fields) > width:
            raise LexiconError(
                f"{path}, line {number}: expected {needed} to {width} tab-separated columns, "
                f"found {len(fields)}; check for spaces used instead of tabs"
            )
        fields += [""] * (len(columns) - len(fields))
        row = dict(zip(columns, fields, strict=True))
        row["_line"] = str(number)
        yield row
    if not header_seen:
        raise LexiconError(f"{path}: no header line; the file should name its columns {' '.join(columns)}")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with what the codebook says about it."""

    code: str
    name: str
    root: str
    base: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    context: tuple[str, ...]

    @property
    def level(self) -> int:
        """1 for a root code ("19"), 2 for a base code ("190"), 3 for a leaf ("1821")."""
        return len(self.code) - 1


@dataclass(frozen=True, slots=True)
class Sector:
    """An actor sector (role) code such as GOV or MIL."""

    code: str
    name: str
    scheme: str


class Codebook:
    """All CAMEO codes by code, plus the actor sector codes. Build it with :func:`load_codebook`."""

    def __init__(self, codes: dict[str, CameoCode], sectors: dict[str, Sector]) -> None:
        self._codes = codes
        self.sectors: dict[str, Sector] = sectors

    def get(self, code: str) -> CameoCode:
        """Return the entry for ``code`` ("036"); raise KeyError naming the code when it is unknown."""
        try:
            return self._codes[code.strip()]
        except KeyError:
            raise KeyError(f"{code!r} is not a CAMEO event code") from None

    def find(self, code: str) -> CameoCode | None:
        """Return the entry for ``code``, or None when it is unknown."""
        return self._codes.get(code.strip())

    def name_of(self, code: str) -> str:
        """The name of ``code`` ("Make a visit"), or "" when it is unknown."""
        entry = self.find(code)
        return entry.name if entry else ""

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def children(self, code: str) -> list[CameoCode]:
        """Return the codes one level below ``code`` ("19" -> 190..196)."""
        return [entry for entry in self if entry.code.startswith(code) and len(entry.code) == len(code) + 1]


def _parse_code(row: dict[str, str], path: Path) -> CameoCode:
    where = f"{path}, line {row['_line']}"
    code = row["code"]
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise LexiconError(f"{where}: {code!r} is not a CAMEO code (2 to 4 digits)")
    try:
        goldstein = float(row["goldstein"])
        quad_class = int(row["quad_class"])
    except ValueError as e:
        raise LexiconError(f"{where}: goldstein must be a number and quad_class 1-4 ({e})") from e
    if not -10.0 <= goldstein <= 10.0 or quad_class not in (1, 2, 3, 4):
        raise LexiconError(f"{where}: goldstein {goldstein} or quad_class {quad_class} out of range")
    if not row["name"]:
        raise LexiconError(f"{where}: code {code} has no name")
    context = tuple(part.strip() for part in row["context"].split(";") if part.strip())
    return CameoCode(
        code=code,
        name=row["name"],
        root=code[:2],
        base=code[:3] if len(code) >= 3 else code,
        goldstein=goldstein,
        quad_class=quad_class,
        plover=row["plover"] or None,
        plover_mode=row["plover_mode"] or None,
        context=context,
    )


def read_codebook(cameo_path: Path, sectors_path: Path) -> Codebook:
    """Read a codebook from a CAMEO code table and a sector table (see ``data/cameo.tsv`` for the format)."""
    codes: dict[str, CameoCode] = {}
    for row in read_table(cameo_path, CAMEO_COLUMNS, min_columns=4):
        entry = _parse_code(row, cameo_path)
        if entry.code in codes:
            raise LexiconError(f"{cameo_path}, line {row['_line']}: code {entry.code} is listed twice")
        codes[entry.code] = entry
    sectors: dict[str, Sector] = {}
    for row in read_table(sectors_path, SECTOR_COLUMNS, min_columns=2):
        if not (row["code"].isalpha() and len(row["code"]) == 3):
            raise LexiconError(f"{sectors_path}, line {row['_line']}: {row['code']!r} is not a 3-letter code")
        sectors[row["code"].upper()] = Sector(row["code"].upper(), row["name"], row["scheme"] or "cameo")
    return Codebook(codes, sectors)


@functools.lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """Return the codebook shipped with dateline, read once per process."""
    return read_codebook(data_path("cameo.tsv"), data_path("sectors.tsv"))
