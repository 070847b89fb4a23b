"""The settings file, `$XDG_CONFIG_HOME/khcal/config.toml`: defaults for the command-line options.

    lang = "km"                      # en or km
    tz = "Asia/Phnom_Penh"           # the IANA zone that decides what today is
    weekend = ["sat", "sun"]         # or "sat,sun"; [] for none
    categories = ["national", "royal"]
    files = ["company.toml"]         # extra definitions files, relative to this file's folder

Pure: the command line finds the file and passes its path and text; this module parses and validates them
and reports every problem the way definitions errors are reported (`path:line: field 'x': problem`).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khcal.core.definitions import syntax_problem, toml_type
from khcal.core.model import LANGUAGES
from khcal.core.workdays import parse_weekend
from khcal.errors import DefinitionsError, Problem

FILENAME = "config.toml"
KEYS = ("lang", "tz", "weekend", "categories", "files")
_CATEGORY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ConfigError(DefinitionsError):
    """The settings file has one or more problems; all of them are listed."""


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from config.toml; None (or empty) where the file says nothing."""

    path: Path | None = None
    lang: str | None = None
    tz: str | None = None
    weekend: tuple[int, ...] | None = None  # 0 = Monday
    categories: tuple[str, ...] | None = None
    files: tuple[Path, ...] = ()  # as written in the file; see `definition_files`
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def problem(self, key: str, message: str) -> ConfigError:
        """An error about one of this file's settings, found later (e.g. an unknown category)."""
        return ConfigError([Problem(self.path or FILENAME, message, self.lines.get(key), field=key)])

    def definition_files(self, home: Path) -> list[Path]:
        """The `files` setting as paths: `~` is `home`, relative paths start at the file's folder."""
        base = self.path.parent if self.path is not None else Path.cwd()
        out = []
        for path in self.files:
            text = str(path)
            if text == "~" or text.startswith("~/"):
                path = home / text[2:]
            out.append(path if path.is_absolute() else base / path)
        return out


def parse_text(text: str, path: Path | str = FILENAME) -> Config:
    """Parse and validate the text of a settings file; raises ConfigError listing every problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([syntax_problem(exc, path)]) from None
    lines = _key_lines(text)
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(Problem(path, message, lines.get(key), field=key))

    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problem(key, f"unknown setting '{key}'{hint}; settings are {', '.join(KEYS)}")
            continue
        try:
            values[key] = _READERS[key](value)
        except ValueError as exc:
            problem(key, str(exc))
    if problems:
        raise ConfigError(problems)
    return Config(path=Path(path), lines=lines, **values)


def _key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"^\s*([A-Za-z0-9_\-]+)\s*=", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {toml_type(value)}")
    return value


def _lang(value: Any) -> str:
    text = _string(value)
    if text not in LANGUAGES:
        raise ValueError(f"'{text}' is not one of {', '.join(LANGUAGES)}")
    return text


def _tz(value: Any) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    text = _string(value)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone '{text}' (use an IANA name such as Asia/Phnom_Penh)") from None
    return text


def _weekend(value: Any) -> tuple[int, ...]:
    if not isinstance(value, str | list):
        raise ValueError(
            f'must be a string such as "sat,sun" or an array of day names, not {toml_type(value)}'
        )
    return tuple(sorted(parse_weekend(value)))


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [n.strip() for n in value.split(",") if n.strip()]
    if not isinstance(value, list):
        raise ValueError(f"must be an array of strings, not {toml_type(value)}")
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"must be an array of strings, but one item is {toml_type(item)}")
    return list(value)


def _categories(value: Any) -> tuple[str, ...]:
    names = _names(value)
    for name in names:
        if not _CATEGORY_RE.match(name):
            raise ValueError(f"'{name}' is not a category name (lowercase letters, digits and hyphens)")
    return tuple(names)


def _files(value: Any) -> tuple[Path, ...]:
    names = _names(value)
    for name in names:
        if not name.strip():
            raise ValueError("an empty file name")
    return tuple(Path(n) for n in names)


_READERS = {"lang": _lang, "tz": _tz, "weekend": _weekend, "categories": _categories, "files": _files}
