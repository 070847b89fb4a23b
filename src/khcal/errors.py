"""One family of errors for everything a user can get wrong.

An error carries a message key and its parameters; `message(lang)` words it through the text layer
(`khcal.text`), and `str()` gives the English. The command line prints that one line and exits with code 2;
the Python API raises the same errors and never prints.
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

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, lang: str = "en") -> str:
        """The error in words, in `lang` (a key not yet in the tables is shown as written)."""
        return _say(lang, self.key, self.params)

    def __str__(self) -> str:
        return self.message("en")


def _say(lang: str, key: str, params: Mapping[str, object]) -> str:
    """A message of the tables, or `key` itself while it is not in them (transitional)."""
    from khcal.text import say, table

    if key not in table("en"):
        return key
    return say(lang, key, **params)


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
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.observance:
            parts.append(_say(lang, "problem.where-observance", {"ident": self.observance}))
        if self.field:
            parts.append(_say(lang, "problem.where-field", {"name": self.field}))
        parts.append(_say(lang, self.key, self.params))
        return ": ".join(parts)

    def __str__(self) -> str:
        return self.message("en")


class DefinitionsError(KhcalError):
    """A definitions file has one or more problems; all of them are listed, one a line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("error.definitions")

    def message(self, lang: str = "en") -> str:
        return "\n".join(p.message(lang) for p in self.problems)


class UnknownObservanceError(KhcalError):
    """An id that no loaded definitions file defines."""

    def __init__(self, ident: str, suggestions: list[str]) -> None:
        self.ident = ident
        self.suggestions = suggestions
        super().__init__("error.unknown-id", ident=ident, suggestions=suggestions)

    def message(self, lang: str = "en") -> str:
        from khcal.text import say

        names = ", ".join(self.suggestions)
        hint = say(lang, "error.unknown-id.hint", names=names) if self.suggestions else ""
        return say(lang, "error.unknown-id", ident=self.ident, hint=hint)


class DateRangeError(KhcalError):
    """A date or year outside the range khcal can compute."""


class BadValueError(KhcalError, ValueError):
    """A value khcal cannot take (a weekday name, a lunar month...); a ValueError too, for callers that add
    where the value came from."""


class ArgumentTypeError(KhcalError, TypeError):
    """An argument of the Python API of a type it does not take (`day: expected a date, got int`); a
    TypeError too."""

    def __init__(self, argument: str, key: str, value: object) -> None:
        self.argument = argument
        super().__init__(key, got="None" if value is None else type(value).__name__)

    def message(self, lang: str = "en") -> str:
        return f"{self.argument}: {super().message(lang)}"


def silence_stdout() -> None:
    """Point stdout at /dev/null once it cannot be written, so that the final flush does not fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
