"""Typed access to the values of a parsed definitions file, recording a problem for each bad value.

Every read names the field it reads (`rule.day`, `holiday[1].until`), so its problem carries the file, the
line, the observance id and the field. A read that fails records its problem and raises `Skip`, so the
caller can go on with the next field: one run reports every problem.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from khcal.core.lines import Lines
from khcal.core.model import LANGUAGES, MAX_YEAR, MIN_YEAR, Source, Text
from khcal.errors import Problem

_URL = re.compile(r"^https?://\S+$")
_TYPE_CODES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),
    (int, "integer"),
    (str, "string"),
    (list, "array"),
    (dict, "table"),
    (datetime, "datetime"),
    (date, "date"),
)


MAX_ID_LENGTH = 64
"""The longest id, category, offset target or other word of the format (`kind`, `month`, `scope`...)."""
MAX_NAME_LENGTH = 500
"""The longest name, source (its title or address) or other short text."""
MAX_TEXT_LENGTH = 10_000
"""The longest description, note or history note."""
_LONG_TEXTS = frozenset({"description", "note", "history"})
_SHORT_TEXTS = frozenset({"name", "sources", "title", "url"})


def length_limit(where: str) -> int:
    """The most characters the string at `where` (`name.km`, `holiday[0].note`, `rule.of`) may have."""
    parts = {part.partition("[")[0] for part in where.split(".")}
    if parts & _LONG_TEXTS:
        return MAX_TEXT_LENGTH
    return MAX_NAME_LENGTH if parts & _SHORT_TEXTS else MAX_ID_LENGTH


def number(value: int) -> int | str:
    """An integer as a message shows it: a long one as text, which the message cuts (a TOML integer may have
    thousands of digits)."""
    return value if -(10**18) < value < 10**18 else str(value)


class Skip(Exception):
    """A field could not be read; its problem is already recorded."""


def type_code(kind: type) -> str:
    """The code of a TOML type in messages: `integer`, `string`, `boolean`, `array`, `table`, `date`..."""
    return next((code for k, code in _TYPE_CODES if k is kind), kind.__name__)


def described(value: object) -> dict[str, str]:
    """The message parameters that say what a value is: `found` (a type code) and `value` (shown)."""
    if isinstance(value, bool):
        return {"found": "boolean", "value": ""}
    if isinstance(value, int | float):
        return {"found": "number", "value": str(value)}
    if isinstance(value, str):
        return {"found": "string", "value": repr(value)}
    for kind, code in _TYPE_CODES[3:]:
        if isinstance(value, kind):
            return {"found": code, "value": ""}
    return {"found": type(value).__name__, "value": ""}


def control_character(text: str) -> str | None:
    """The first control character of `text` as `U+0007`; tab and newline are allowed."""
    for char in text:
        if (ord(char) < 0x20 and char not in "\t\n") or 0x7F <= ord(char) <= 0x9F:
            return f"U+{ord(char):04X}"
    return None


class FieldReader:
    """Reads values out of TOML tables, recording every problem with where it is."""

    def __init__(self, path: Path | str, text: str) -> None:
        self.path = path
        self.lines = Lines(text)
        self.problems: list[Problem] = []
        self._table = ""
        self._index: int | None = None
        self._ident: str | None = None

    def at(self, table: str, index: int | None, ident: str | None = None) -> None:
        """Report the next problems in entry `index` of `[[table]]`, of observance `ident`."""
        self._table, self._index, self._ident = table, index, ident

    # -- reporting

    def line(self, fieldname: str) -> int | None:
        line = self.lines.find(self._table, self._index, fieldname) if fieldname else None
        if line is None and self._index is not None:
            line = self.lines.find(self._table, self._index, "")
        return line

    def problem(self, fieldname: str | None, key: str, /, **params: object) -> None:
        line = self.line(fieldname or "")
        self.problems.append(Problem(self.path, key, line, self._ident, fieldname, params))

    def fail(self, fieldname: str, key: str, /, **params: object) -> Skip:
        self.problem(fieldname, key, **params)
        return Skip()

    # -- typed access

    def keys(self, table: Mapping[str, Any], allowed: Iterable[str], prefix: str = "") -> None:
        allowed = sorted(set(allowed))
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                shown = key if control_character(key) is None else key.encode("unicode_escape").decode()
                self.problem(
                    f"{prefix}{shown}", "problem.unknown-key", key=shown, close=close[0] if close else ""
                )

    def value(
        self,
        table: Mapping[str, Any],
        key: str,
        kind: type | tuple[type, ...],
        prefix: str = "",
        required: bool = False,
    ) -> Any:
        where = f"{prefix}{key}"
        if key not in table:
            if required:
                raise self.fail(where, "problem.required")
            return None
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        # TOML booleans are Python ints too: keep them apart.
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            expected = tuple(type_code(k) for k in kinds)
            raise self.fail(where, "problem.wrong-type", expected=expected, **described(value))
        if isinstance(value, str):
            self.check_characters(where, value)
        return value

    def check_characters(self, where: str, value: str) -> None:
        """A string must be no longer than its field allows and hold no control character."""
        limit = length_limit(where)
        if len(value) > limit:
            raise self.fail(where, "problem.too-long", length=len(value), limit=limit)
        char = control_character(value)
        if char is not None:
            raise self.fail(where, "problem.control-character", char=char)

    def integer(
        self,
        table: Mapping[str, Any],
        key: str,
        low: int,
        high: int,
        prefix: str = "",
        required: bool = False,
    ) -> int | None:
        value = self.value(table, key, int, prefix, required)
        if value is not None and not low <= value <= high:
            raise self.fail(f"{prefix}{key}", "problem.range", low=low, high=high, value=number(value))
        return value  # type: ignore[no-any-return]

    def year(
        self, table: Mapping[str, Any], key: str, prefix: str = "", required: bool = False
    ) -> int | None:
        return self.integer(table, key, MIN_YEAR, MAX_YEAR, prefix, required)

    def choice(
        self,
        table: Mapping[str, Any],
        key: str,
        choices: Iterable[str],
        prefix: str = "",
        required: bool = False,
    ) -> str | None:
        value = self.value(table, key, str, prefix, required)
        choices = tuple(choices)
        if value is not None and value not in choices:
            raise self.fail(f"{prefix}{key}", "problem.not-one-of", value=value, choices=", ".join(choices))
        return value  # type: ignore[no-any-return]

    def date_value(
        self, table: Mapping[str, Any], key: str, prefix: str = "", required: bool = False
    ) -> date | None:
        value = self.value(table, key, (date, str), prefix, required)
        where = f"{prefix}{key}"
        if value is None:
            return None
        if isinstance(value, datetime):
            raise self.fail(where, "problem.datetime-not-date")
        if isinstance(value, date):
            parsed = value
        else:
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                raise self.fail(where, "problem.bad-date", value=value) from None
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise self.fail(where, "problem.date-range", value=str(parsed), low=MIN_YEAR, high=MAX_YEAR)
        return parsed

    def text(
        self, table: Mapping[str, Any], key: str, prefix: str = "", required: bool = False
    ) -> Text | None:
        value = self.value(table, key, (dict, str), prefix, required)
        if value is None:
            return None
        if isinstance(value, str):
            return Text(self.filled(f"{prefix}{key}", value))
        where = f"{prefix}{key}."
        self.keys(value, LANGUAGES, where)
        en = self.value(value, "en", str, where, required=True)
        km = self.value(value, "km", str, where)
        return self.bilingual(where, en, km)

    def bilingual(self, where: str, en: str, km: str | None) -> Text:
        """The text of its English (required, not blank) and its Khmer (a blank one is none) at `where`."""
        return Text(self.filled(f"{where}en", en), (km.strip() or None) if km else None)

    def filled(self, where: str, value: str) -> str:
        """A text without its surrounding whitespace, refused when nothing is left: a blank name or note
        would show as nothing at all."""
        if not value.strip():
            raise self.fail(where, "problem.empty")
        return value.strip()

    def sources(
        self, table: Mapping[str, Any], key: str, prefix: str = "", required: bool = False
    ) -> tuple[Source, ...]:
        value = self.value(table, key, list, prefix, required)
        if value is None:
            return ()
        if required and not value:
            raise self.fail(f"{prefix}{key}", "problem.no-sources")
        out = []
        for i, item in enumerate(value):
            try:
                out.append(self.source(item, f"{prefix}{key}[{i}]"))
            except Skip:
                continue
        return tuple(out)

    def source(self, item: object, where: str) -> Source:
        if isinstance(item, str):
            self.check_characters(where, item)
            self.filled(where, item)
            return Source(item)
        if not isinstance(item, dict):
            raise self.fail(where, "problem.source-type", **described(item))
        self.keys(item, ("title", "url"), f"{where}.")
        title = self.value(item, "title", str, f"{where}.", required=True)
        self.filled(f"{where}.title", title)
        url = self.value(item, "url", str, f"{where}.")
        if url is not None and not _URL.match(url):
            raise self.fail(f"{where}.url", "problem.not-http", value=url)
        return Source(title, url)


class TableFields:
    """One rule table seen through a reader: the `Fields` a rule kind parses itself from.

    Every key it reads is required; a failed read records its problem (e.g. at `rule.day`) and raises.
    """

    def __init__(self, reader: FieldReader, table: Mapping[str, Any], prefix: str) -> None:
        self.reader = reader
        self.table = table
        self.prefix = prefix

    def integer(self, key: str, low: int, high: int) -> int:
        found = self.reader.integer(self.table, key, low, high, self.prefix, required=True)
        assert found is not None
        return found

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        found = self.reader.choice(self.table, key, choices, self.prefix, required=True)
        assert found is not None
        return found

    def string(self, key: str) -> str:
        return self.reader.value(self.table, key, str, self.prefix, required=True)  # type: ignore[no-any-return]

    def day(self, key: str) -> date:
        found = self.reader.date_value(self.table, key, self.prefix, required=True)
        assert found is not None
        return found

    def raw(self, key: str) -> object:
        return self.reader.value(self.table, key, (int, str), self.prefix, required=True)

    def fail(self, key: str, message: str, /, **params: object) -> Exception:
        return self.reader.fail(f"{self.prefix}{key}", message, **params)
