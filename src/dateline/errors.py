"""Every error dateline raises, each saying what went wrong, with what, and what to do.

    DatelineError                 base class: catch this to catch them all
      InputError                  an input cannot be read as an article (names the path or URL)
        EmptyInputError           the input holds no text
        BinaryInputError          the input is not text (an image, an archive...)
        UnsupportedInputError     no reader knows this format
        FetchError                a URL cannot be fetched (HTTP status, timeout, robots.txt, size limit)
        InputTooLargeError        the input passes a limit of the settings (bytes, links, nesting)
        InputCutError             a story was cut to the max_story_chars setting (its record is kept)
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

    def renamed(self, name: str) -> InputError:
        """The same error (same class, reason and hint) naming `name`, such as "file.jsonl:3" for "line 3"."""
        message = f"{name}: {self.reason}" + (f" ({self.hint})" if self.hint else "")
        return _restore(type(self), (message,), {**self.__dict__, "name": name})

    def __reduce__(self) -> tuple[object, ...]:
        # subclasses take other arguments than the message: pickle (to and from worker processes)
        # rebuilds them from their attributes
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: type[InputError], args: tuple[object, ...], state: dict[str, object]) -> InputError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class EmptyInputError(InputError):
    def __init__(self, name: str) -> None:
        super().__init__(name, "holds no text", "nothing to code; check the file")


class BinaryInputError(InputError):
    def __init__(self, name: str) -> None:
        super().__init__(name, "is not text", "give a text, HTML, feed, WARC or JSONL file")


class UnsupportedInputError(InputError):
    pass


class InputTooLargeError(InputError):
    """The input passes one of the limits of the settings; `setting` names it."""

    def __init__(self, name: str, reason: str, setting: str) -> None:
        self.setting = setting
        super().__init__(
            name,
            f"{reason}, the limit set by {setting}",
            f"split the input, or raise the limit: DATELINE_{setting.upper()}=N",
        )


class InputCutError(InputError):
    """A story longer than the max_story_chars setting: its first part was coded and stored, this
    records what was left out. Not a lost input: it is reported so that the cut is never silent."""

    def __init__(self, name: str, *, length: int, kept: int) -> None:
        self.length = length
        self.kept = kept
        super().__init__(
            name,
            f"is {length} characters long: only the first {kept} were coded (the max_story_chars setting)",
            "split the story, or raise DATELINE_MAX_STORY_CHARS (at most 1000000)",
        )


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
