"""One family of errors for everything a user can get wrong.

An error carries a message key and its parameters, nothing worded: the text layer words it once, at the
boundary (`khcal.text.errors.word(error, lang)`: the command line, the server, and the API's `message(lang)`
and `str()`, which reach it through the package's root, `khcal`). This module and the core import nothing of
the text layer. The command line prints that one line and exits with code 2; the Python API raises the same
errors and never prints.
"""

from __future__ import annotations

import os
import sys

from khcal.core.records import field as attribute
from khcal.core.records import record

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path


class KhcalError(Exception):
    """A problem with the user's input: a date, an option, an id or a definitions file."""

    where: str | None = None
    """Where the value came from (`--tz`, `KHCAL_TZ`, an argument's name), when the raiser knows it."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, lang: str = "en") -> str:
        """The error in words, in `lang`."""
        return _word(self, lang)

    def __str__(self) -> str:
        return self.message("en")


def _word(error: KhcalError | Problem, lang: str) -> str:
    """The error in words, by the text layer, reached through the API's root (never imported by the core)."""
    import khcal

    return khcal.word_error(error, lang)


@record
class Problem:
    """One problem found in a definitions (or settings) file: where it is, and a message key with params."""

    path: Path | str
    key: str
    line: int | None = None
    observance: str | None = None
    field: str | None = None
    params: Mapping[str, object] = attribute(default_factory=dict, hash=False)

    def message(self, lang: str = "en") -> str:
        """`file:line: observance 'id': field 'name': what is wrong`, in `lang`."""
        return _word(self, lang)

    def __str__(self) -> str:
        return self.message("en")


class DefinitionsError(KhcalError):
    """A definitions file has one or more problems; all of them are listed, one a line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("error.definitions")


class UnknownObservanceError(KhcalError):
    """An id that no loaded definitions file defines."""

    def __init__(self, ident: str, suggestions: list[str]) -> None:
        self.ident = ident
        self.suggestions = suggestions
        super().__init__("error.unknown-id", ident=ident, suggestions=suggestions)


class DateRangeError(KhcalError):
    """A date or year outside the range khcal can compute."""


class BadValueError(KhcalError, ValueError):
    """A value khcal cannot take (a weekday name, a lunar month...); a ValueError too, for callers that add
    where the value came from."""


class ArgumentTypeError(KhcalError, TypeError):
    """An argument of the Python API of a type it does not take (`day: expected a date, got int`); a
    TypeError too."""

    def __init__(self, argument: str, key: str, value: object) -> None:
        self.argument = self.where = argument
        super().__init__(key, got="None" if value is None else type(value).__name__)


def silence_stdout() -> None:
    """Point stdout at /dev/null once it cannot be written, so that the final flush does not fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
