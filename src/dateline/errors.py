"""Every error dateline raises, each saying what went wrong, with what, and what to do.

    DatelineError                 base class: catch this to catch them all
      InputError                  an input cannot be read as an article (names the path or URL)
        EmptyInputError           the input holds no text
        BinaryInputError          the input is not text (an image, an archive...)
        UnsupportedInputError     no reader knows this format
        FetchError                a URL cannot be fetched (HTTP status, timeout, robots.txt, size limit)
      ModelError                  the spaCy pipeline named in the settings cannot be loaded
      LexiconError                a lexicon or codebook file is malformed (names file and line)
      StoreError                  the store cannot be opened, migrated or written
      SettingsError               a setting has a value it cannot take

Only the command line prints these; the library raises them, re-raising the cause `from` it.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class InputError(DatelineError):
    """An input cannot be read as an article."""

    def __init__(self, name: str, reason: str, hint: str | None = None) -> None:
        self.name = name
        self.reason = reason
        self.hint = hint
        message = f"{name}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class EmptyInputError(InputError):
    def __init__(self, name: str) -> None:
        super().__init__(name, "holds no text", "nothing to code; check the file")


class BinaryInputError(InputError):
    def __init__(self, name: str) -> None:
        super().__init__(name, "is not text", "give a text, HTML, feed, WARC or JSONL file")


class UnsupportedInputError(InputError):
    pass


class ModelError(DatelineError):
    pass


class LexiconError(DatelineError):
    pass


class StoreError(DatelineError):
    pass


class SettingsError(DatelineError):
    pass


class FetchError(InputError):
    """A URL could not be fetched; `transient` when trying again later may succeed (5xx, timeouts)."""

    def __init__(
        self,
        url: str,
        reason: str,
        hint: str | None = None,
        *,
        status: int | None = None,
        transient: bool = False,
    ) -> None:
        super().__init__(url, reason, hint)
        self.status = status
        self.transient = transient
