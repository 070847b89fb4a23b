"""The settings file, `$XDG_CONFIG_HOME/khcal/config.toml`: defaults for the options (see khcal.settings).

    lang = "km"                      # en or km
    tz = "Asia/Phnom_Penh"           # the IANA zone that decides what today is
    weekend = ["sat", "sun"]         # or "sat,sun"; [] for none
    categories = ["national", "royal"]
    files = ["company.toml"]         # extra definitions files, relative to this file's folder

This module reads and validates the file and reports every problem the way definitions errors are reported
(`path:line: field 'x': problem`), each a message key with its parameters, worded where it is shown, in the
language of the run; `khcal.settings` decides which value wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khcal.core.model import LANGUAGES
from khcal.errors import DefinitionsError, KhcalError, Problem
from khcal.settings import FILENAME

# The readers (tomllib, difflib, the definitions helpers) are imported when a file is read: without a
# settings file, resolving the settings costs a stat.
KEYS = ("lang", "tz", "weekend", "categories", "files")
_CATEGORY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ConfigError(DefinitionsError):
    """The settings file has one or more problems; all of them are listed. `lang` is the file's own `lang`
    when that one is valid: the problems are worded in it."""

    lang: str | None = None


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

    def where(self, key: str) -> str:
        """`path:line: field 'key'`: where a setting is written, for a message."""
        line = self.lines.get(key)
        return f"{self.path or FILENAME}{'' if line is None else f':{line}'}: field '{key}'"

    def error_at(self, key: str, problem: KhcalError) -> ConfigError:
        """An error about one of this file's settings, found later (e.g. an unknown category): the problem
        with its key and parameters, at the setting's line."""
        where = self.path or FILENAME
        return ConfigError(
            [Problem(where, problem.key, self.lines.get(key), field=key, params=problem.params)]
        )

    def definition_files(self, home: Path | None = None) -> list[str]:
        """The `files` setting as paths: `~` is `home` (the user's), relative paths start at the file's
        folder."""
        base = self.path.parent if self.path is not None else Path.cwd()
        out = []
        for path in self.files:
            text = str(path)
            if text == "~" or text.startswith("~/"):
                path = (home or Path.home()) / text[2:]
            out.append(str(path if path.is_absolute() else base / path))
        return out


def read(where: str | Path) -> Config:
    """The settings of the file at `where`, or none when there is no such file."""
    from khcal.core.definitions import text_of

    path = Path(where)
    # A regular file of at most folders.MAX_INPUT_BYTES: a device or a FIFO named config.toml answers at once.
    text = text_of(str(path))
    if isinstance(text, Problem):
        if text.key == "problem.no-file":
            return Config()
        if text.key == "problem.is-folder":
            text = Problem(path, "error.config.unreadable", params=text.params)
        raise ConfigError([text])
    return parse_text(text, path)


def parse_text(text: str, path: Path | str = FILENAME) -> Config:
    """Parse and validate the text of a settings file; raises ConfigError listing every problem."""
    import difflib

    from khcal.core.definitions import toml_document

    raw = toml_document(text, str(path))  # nesting deeper than definitions.MAX_NESTING is refused
    if isinstance(raw, Problem):
        error = ConfigError([raw])
        # The file is not TOML; a line of its own that gives a valid language still says whom it is for.
        said = re.search(r"""^[ \t]*lang[ \t]*=[ \t]*["']([a-z]+)["'][ \t]*(?:#.*)?$""", text, re.M)
        error.lang = said.group(1) if said and said.group(1) in LANGUAGES else None
        raise error
    lines = _key_lines(text)
    problems: list[Problem] = []

    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            params = {"key": key, "close": close[0] if close else "", "keys": ", ".join(KEYS)}
            problems.append(Problem(path, "error.config.unknown", lines.get(key), field=key, params=params))
            continue
        try:
            values[key] = _READERS[key](value)
        except KhcalError as exc:  # worded when shown, in the reader's language
            problems.append(Problem(path, exc.key, lines.get(key), field=key, params=exc.params))
    if problems:
        error = ConfigError(problems)
        error.lang = values.get("lang")
        raise error
    return Config(path=Path(path), lines=lines, **values)


def _key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"^\s*([A-Za-z0-9_\-]+)\s*=", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def _wrong_type(expected: str, value: object) -> KhcalError:
    """A value of the wrong TOML type: `expected` is a kind of the tables (`string`, `strings`...)."""
    from khcal.core.fields import described

    return KhcalError("problem.wrong-type", expected=(expected,), **described(value))


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _wrong_type("string", value)
    return value


def _lang(value: Any) -> str:
    from khcal.parsing import check_lang

    return check_lang(_string(value))


def _tz(value: Any) -> str:
    from khcal.parsing import check_tz

    return check_tz(_string(value))


def _weekend(value: Any) -> tuple[int, ...]:
    from khcal.core.workdays import parse_weekend
    from khcal.parsing import check_weekend

    if isinstance(value, str):
        return tuple(sorted(check_weekend(value)))
    if not isinstance(value, list):
        raise _wrong_type("weekend", value)
    return tuple(sorted(parse_weekend(value)))  # a BadValueError: a key, worded where it is shown


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [n.strip() for n in value.split(",") if n.strip()]
    if not isinstance(value, list):
        raise _wrong_type("strings", value)
    for item in value:
        if not isinstance(item, str):
            from khcal.core.fields import described

            raise KhcalError("error.config.item-type", **described(item))
    return list(value)


def _categories(value: Any) -> tuple[str, ...]:
    names = _names(value)
    for name in names:
        if not _CATEGORY_RE.match(name):
            raise KhcalError("error.config.category-name", name=name)
    return tuple(names)


def _files(value: Any) -> tuple[Path, ...]:
    from khcal.parsing import check_path

    names = _names(value)
    for name in names:
        if not name.strip():
            raise KhcalError("error.config.empty-file")
        check_path(name)
    return tuple(Path(n) for n in names)


_READERS = {"lang": _lang, "tz": _tz, "weekend": _weekend, "categories": _categories, "files": _files}
