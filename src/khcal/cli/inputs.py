"""What both command lines read from the user and the system: dates, numbers, options given before the
command name, and the catalogue with the user's files.

Shared by the Typer commands and the fast path (fastpath.py), so that the two read input the same way and
say the same thing about bad input; the checks themselves are those of `khcal.values` and
`khcal.settings`. Light on purpose: importing this module costs next to nothing.
"""

from __future__ import annotations

import os

from khcal.errors import KhcalError
from khcal.settings import SettingError, config_home
from khcal.values import DEFAULT_TZ, ValueProblem, parse_date, parse_int, today_in

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date
    from pathlib import Path
    from types import TracebackType
    from typing import Any

    from khcal.core.model import Catalogue
    from khcal.settings import Settings

__all__ = [
    "DEFAULT_TZ",
    "catalogue_of",
    "colour",
    "config_home",
    "hoist",
    "number",
    "parse_day",
    "resolved",
    "today_in",
]


ERROR_LANG = ["en"]
"""The language errors are worded in: the resolved --lang once the settings are known (`resolved`)."""

GLOBAL_VALUES = frozenset({"--lang", "--tz", "--today", "--file", "--weekend", "--sector", "--category"})
GLOBAL_FLAGS = frozenset({"--no-color", "--color", "--json", "--holidays"})


def parse_day(text: str, today: date | Callable[[], date], what: str = "DATE") -> date:
    """A DATE argument (see `khcal.values.parse_date`), its errors naming `what`."""
    try:
        return parse_date(text, today)
    except ValueProblem as problem:
        raise SettingError(what, problem) from None


def number(text: str, what: str, low: int | None = None, high: int | None = None) -> int:
    """A whole-number argument, its errors in khcal's words naming `what`."""
    try:
        return parse_int(text, low, high)
    except ValueProblem as problem:
        raise SettingError(what, problem) from None


def hoist(argv: Sequence[str]) -> list[str]:
    """`khcal --lang km next` -> `khcal next --lang km`: shared options may come before the command name.

    Options before the first word that is not an option are moved to the end of the command line.
    """
    moved: list[str] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        name = token.partition("=")[0]
        if name in GLOBAL_FLAGS and "=" not in token:
            moved.append(token)
            i += 1
        elif name in GLOBAL_VALUES:
            take = 1 if "=" in token else 2
            moved.extend(argv[i : i + take])
            i += take
        else:
            break
    if not moved or i >= len(argv):
        return list(argv)
    return [*argv[i:], *moved]


def catalogue_of(settings: Settings) -> Catalogue:
    """The catalogue with the settings' files merged over it; the chosen categories are checked against it,
    so that a bad setting stops every command."""
    return settings.catalogue()


class colour:
    """Let the terminal layer see the resolved colour choice (--color/--no-color beat NO_COLOR and
    FORCE_COLOR) through the variables it reads, for the time of one screen."""

    def __init__(self, settings: Settings) -> None:
        self.choice = settings.color
        self.saved = {name: os.environ.get(name) for name in ("NO_COLOR", "FORCE_COLOR")}

    def __enter__(self) -> None:
        if self.choice is not None:
            os.environ.pop("FORCE_COLOR" if self.choice is False else "NO_COLOR", None)
            os.environ["NO_COLOR" if self.choice is False else "FORCE_COLOR"] = "1"

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.choice is None:
            return
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def resolved(
    today: str | None,
    tz: str | None,
    lang: str | None,
    files: Sequence[str | Path] | None = None,
    **more: Any,
) -> Settings:
    """The settings of a command: its options, then the environment, then config.toml (khcal.settings)."""
    from khcal.settings import resolve

    try:
        settings = resolve(today=today, tz=tz, lang=lang, files=tuple(files or ()), **more)
    except KhcalError as exc:
        ERROR_LANG[0] = getattr(exc, "lang", "en")
        raise
    ERROR_LANG[0] = settings.lang  # later errors of the command are worded in this language
    return settings
