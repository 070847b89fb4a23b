"""One family of errors for everything a user can get wrong.

Every error carries a one-line message that says what is wrong and where, so the command line can print it
as it is and exit with code 2.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path


class KhcalError(Exception):
    """A problem with the user's input: a date, an option, an id or a definitions file."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a definitions file."""

    path: Path | str
    message: str
    line: int | None = None
    observance: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.observance:
            parts.append(f"observance '{self.observance}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class DefinitionsError(KhcalError):
    """A definitions file has one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownObservanceError(KhcalError):
    """An id that no loaded definitions file defines."""

    def __init__(self, ident: str, suggestions: list[str]) -> None:
        self.ident = ident
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown observance id '{ident}'{hint} (khcal list shows every id)")


class DateRangeError(KhcalError):
    """A date or year outside the range khcal can compute."""


def silence_stdout() -> None:
    """Point stdout at /dev/null once it cannot be written, so that the final flush does not fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
