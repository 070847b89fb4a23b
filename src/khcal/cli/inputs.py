"""What both command lines read from the user: dates, numbers, the options given before the command name,
and the options the commands share, resolved into one `Settings` value.

Shared by the Typer commands and the fast path (fastpath.py), so that the two read input the same way and
say the same thing about bad input; the checks themselves are those of `khcal.parsing` and
`khcal.settings`. Light on purpose: importing this module costs next to nothing.
"""

from __future__ import annotations

from khcal.core.records import fields_of, record
from khcal.parsing import ValueProblem, check_host, check_path, parse_date, parse_int, parse_year
from khcal.settings import SettingError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from datetime import date
    from os import PathLike

    from khcal.settings import Settings

__all__ = ["Options", "file_path", "listen_host", "move_leading_options", "number", "parse_day", "year"]

LEADING_VALUES = frozenset({"--lang", "--tz", "--today", "--file", "--weekend", "--sector", "--category"})
LEADING_FLAGS = frozenset({"--no-color", "--color", "--json", "--holidays"})


@record
class Options:
    """The options the commands share, as given on the command line (None or False: not given); which
    command takes which is declared once, in khcal.cli.params."""

    today: str | None = None
    tz: str | None = None
    lang: str | None = None
    file: Sequence[str | PathLike[str]] | None = None
    holidays: bool = False
    category: Sequence[str] | None = None
    as_json: bool = False
    color: bool | None = None
    weekend: str | None = None
    extra_off: Sequence[str] | None = None
    sector: str | None = None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The parameter names of the shared options."""
        return fields_of(cls)

    @classmethod
    def of(cls, params: Mapping[str, object]) -> Options:
        """The shared options among a command's parameters (the others are left out)."""
        names = cls.names()
        return cls(**{name: value for name, value in params.items() if name in names})  # type: ignore[arg-type]

    def settings(self) -> Settings:
        """The settings of the command: these options, then the environment, then config.toml
        (khcal.settings.resolve, the one place settings are resolved)."""
        from khcal.settings import resolve

        return resolve(
            today=self.today, tz=self.tz, lang=self.lang, files=tuple(self.file or ()),
            holidays=self.holidays, categories=tuple(self.category or ()), color=self.color,
            weekend=self.weekend, sector=self.sector, extra_off=tuple(self.extra_off or ()),
        )  # fmt: skip


def parse_day(text: str, today: date | Callable[[], date], what: str = "DATE") -> date:
    """A DATE argument (see `khcal.parsing.parse_date`), its errors naming `what`."""
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


def year(text: str, what: str) -> int:
    """A year argument within the years khcal computes (`khcal.parsing.parse_year`), naming `what`."""
    try:
        return parse_year(text)
    except ValueProblem as problem:
        raise SettingError(what, problem) from None


def file_path(text: str, what: str) -> str:
    """A file's path (`khcal.parsing.check_path`), naming `what`."""
    try:
        return check_path(text)
    except ValueProblem as problem:
        raise SettingError(what, problem) from None


def listen_host(text: str, what: str = "--host") -> str:
    """A host to listen on (`khcal.parsing.check_host`), naming `what`."""
    try:
        return check_host(text)
    except ValueProblem as problem:
        raise SettingError(what, problem) from None


def move_leading_options(argv: Sequence[str]) -> list[str]:
    """`khcal --lang km next` -> `khcal next --lang km`: shared options may come before the command name.

    Options before the first word that is not an option are moved to the end of the command line.
    """
    moved: list[str] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        name = token.partition("=")[0]
        if name in LEADING_FLAGS and "=" not in token:
            moved.append(token)
            i += 1
        elif name in LEADING_VALUES:
            take = 1 if "=" in token else 2
            moved.extend(argv[i : i + take])
            i += take
        else:
            break
    if not moved or i >= len(argv):
        return list(argv)
    return [*argv[i:], *moved]
