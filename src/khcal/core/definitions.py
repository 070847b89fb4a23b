"""The observance definitions format: load, validate and merge definitions files.

A definitions file is TOML. Its shape (documented for users in docs/definitions.md):

    format = 1
    revision = 2026-11-22   the date of the data's last change (optional; feeds derive stamps from it)
    [[published]]   a year whose list of days off was published (occurrences in it are "official")
    [[in_lieu]]     a rule that gave a day in lieu for a day off falling on a weekend day
    [[observances]] one observance: names, category, description, rule, history, exceptions, sources

Loading checks every field and collects every problem, each naming the file, the line where it can be
found, the observance id and the field, so that one run of `khcal check` lists them all.
"""

from __future__ import annotations

import difflib
import itertools
import re
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from khcal.core.model import (
    EVENT_KINDS,
    FORMAT_VERSION,
    LANGUAGES,
    LUNAR_MONTHS,
    MAX_YEAR,
    MIN_YEAR,
    PHASES,
    SCOPES,
    WEEKDAYS,
    Catalogue,
    Exception_,
    HistoryNote,
    HolidayPeriod,
    InLieuRule,
    Observance,
    Published,
    Source,
    Text,
)
from khcal.core.rules import (
    FixedRule,
    HolyDaysRule,
    LunarRule,
    NewYearRule,
    NthWeekdayRule,
    OffsetRule,
    OnceRule,
    Rule,
)
from khcal.errors import DefinitionsError, Problem

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --- where the built-in catalogue is -----------------------------------------------------------------


def builtin_path() -> Path:
    """The catalogue shipped in the package, or the repository's copy when running from a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "data" / "observances.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "observances.toml"


def user_definition_files(config_home: Path) -> list[Path]:
    """Definitions files in the user's configuration folder (config.toml holds settings, not definitions)."""
    folder = config_home / "khcal"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.name != "config.toml")


def load(paths: Iterable[Path], *, builtin: bool = True) -> Catalogue:
    """The built-in catalogue (unless `builtin` is false) with every file in `paths` merged over it.

    Raises DefinitionsError listing every problem of every file.
    """
    files = ([builtin_path()] if builtin else []) + list(paths)
    catalogue = Catalogue(observances={})
    problems: list[Problem] = []
    for path in files:
        try:
            part = parse_file(path)
        except DefinitionsError as exc:
            problems.extend(exc.problems)
            continue
        catalogue = catalogue.merged(part)
    if problems:
        raise DefinitionsError(problems)
    problems = check_references(catalogue)
    if problems:
        raise DefinitionsError(problems)
    return catalogue


def parse_file(path: Path) -> Catalogue:
    """Read and validate one definitions file on its own."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DefinitionsError([Problem(path, "no such file")]) from None
    except IsADirectoryError:
        raise DefinitionsError([Problem(path, "is a folder, not a definitions file")]) from None
    except UnicodeDecodeError as exc:
        raise DefinitionsError([Problem(path, f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise DefinitionsError([Problem(path, f"cannot be read ({exc.strerror})")]) from None
    return parse_text(text, path)


def parse_text(text: str, path: Path | str = "<text>") -> Catalogue:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionsError([syntax_problem(exc, path)]) from None
    reader = _Reader(path, text)
    catalogue = reader.catalogue(raw)
    if reader.problems:
        raise DefinitionsError(sorted(reader.problems, key=lambda p: p.line or 0))
    return catalogue


def syntax_problem(exc: tomllib.TOMLDecodeError, path: Path | str) -> Problem:
    """A TOML syntax error as a problem with its line, in the words of the rest of khcal."""
    message = str(exc)
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    message = re.sub(r"\s*\(at end of document\)", " at the end of the file", message)
    return Problem(path, f"TOML syntax error: {message}", int(match.group(1)) if match else None)


def check_references(catalogue: Catalogue) -> list[Problem]:
    """Offsets must name a loaded observance, and must not go round in a circle."""
    problems: list[Problem] = []
    for obs in catalogue.observances.values():
        seen = [obs.id]
        rule: Rule = obs.rule
        while isinstance(rule, OffsetRule):
            target = catalogue.observances.get(rule.of)
            if target is None:
                close = difflib.get_close_matches(rule.of, list(catalogue.observances), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(
                    Problem(
                        obs.origin,
                        f"refers to unknown observance '{rule.of}'{hint}",
                        observance=obs.id,
                        field="rule.of",
                    )
                )
                break
            if target.id in seen:
                problems.append(
                    Problem(
                        obs.origin,
                        f"offsets go round in a circle: {' -> '.join([*seen, target.id])}",
                        observance=obs.id,
                        field="rule.of",
                    )
                )
                break
            seen.append(target.id)
            rule = target.rule
    return problems


# --- the reader --------------------------------------------------------------------------------------


class _Skip(Exception):
    """A field could not be read; its problem is already recorded."""


class _Lines:
    """Where things stand in a definitions file, so problems can name a line.

    tomllib gives no positions for values, so this finds the line of each `[[observances]]` block, of its
    `id`, and of each key within it.
    """

    _HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*(?:\.\s*[A-Za-z0-9_\-]+\s*)*=")

    def __init__(self, text: str) -> None:
        # blocks[table][i] = (first line, {key: line}, [(sub-table, line, {key: line})])
        self.blocks: dict[str, list[tuple[int, dict[str, int], list[tuple[str, int, dict[str, int]]]]]] = {}
        self.top: dict[str, int] = {}
        current: tuple[int, dict[str, int], list[tuple[str, int, dict[str, int]]]] | None = None
        keys = self.top
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header and not self._KEY.match(line):
                name = header.group(1)
                table, _, sub = name.partition(".")
                if not sub:
                    current = (number, {}, [])
                    self.blocks.setdefault(table, []).append(current)
                    keys = current[1]
                elif current is not None:
                    entry = (sub, number, dict[str, int]())
                    current[2].append(entry)
                    keys = entry[2]
                continue
            key = self._KEY.match(line)
            if key:
                keys.setdefault(key.group(1), number)

    def find(self, table: str, index: int | None, path: str) -> int | None:
        if index is None:
            return self.top.get(path.split(".")[0])
        blocks = self.blocks.get(table, [])
        if index >= len(blocks):
            return None
        start, keys, subs = blocks[index]
        head, _, rest = path.partition(".")
        match = re.match(r"^([a-z_]+)\[(\d+)\]$", head)
        if match:
            name, nth = match.group(1), int(match.group(2))
            found = [s for s in subs if s[0] == name]
            if nth < len(found):
                sub_keys = found[nth][2]
                return sub_keys.get(rest.split(".")[0], found[nth][1]) if rest else found[nth][1]
            return keys.get(name, start)
        return keys.get(head, start)


class _Reader:
    """Turns parsed TOML into catalogue values, recording every problem instead of stopping at the first."""

    def __init__(self, path: Path | str, text: str) -> None:
        self.path = path
        self.lines = _Lines(text)
        self.problems: list[Problem] = []
        self._table = ""
        self._index: int | None = None
        self._ident: str | None = None

    # -- reporting

    def problem(self, fieldname: str | None, message: str) -> None:
        line = self.lines.find(self._table, self._index, fieldname or "") if fieldname else None
        if line is None and self._index is not None:
            line = self.lines.find(self._table, self._index, "")
        self.problems.append(Problem(self.path, message, line, self._ident, fieldname))

    def fail(self, fieldname: str, message: str) -> _Skip:
        self.problem(fieldname, message)
        return _Skip()

    # -- typed access

    def keys(self, table: Mapping[str, Any], allowed: Iterable[str], prefix: str = "") -> None:
        allowed = set(allowed)
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                where = f"{prefix}{key}"
                self.problem(where, f"unknown key '{key}'{hint}")

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
                raise self.fail(where, "is required")
            return None
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        # TOML booleans are Python ints too: keep them apart.
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(where, f"must be {_kind_name(kinds)}, not true/false")
        if not isinstance(value, kinds):
            raise self.fail(where, f"must be {_kind_name(kinds)}, not {toml_type(value)}")
        return value

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
            raise self.fail(f"{prefix}{key}", f"must be between {low} and {high}, not {value}")
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
        default: str | None = None,
    ) -> str | None:
        value = self.value(table, key, str, prefix, required)
        if value is None:
            return default
        choices = tuple(choices)
        if value not in choices:
            raise self.fail(f"{prefix}{key}", f"'{value}' is not one of {', '.join(choices)}")
        return value  # type: ignore[no-any-return]

    def date_value(
        self, table: Mapping[str, Any], key: str, prefix: str = "", required: bool = False
    ) -> date | None:
        value = self.value(table, key, (date, str), prefix, required)
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        if isinstance(value, datetime):
            raise self.fail(f"{prefix}{key}", "must be a date (YYYY-MM-DD), not a date and time")
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{prefix}{key}", f"'{value}' is not a valid date (YYYY-MM-DD)") from None
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise self.fail(f"{prefix}{key}", f"{parsed} is outside {MIN_YEAR}-{MAX_YEAR}")
        return parsed

    def text(
        self, table: Mapping[str, Any], key: str, prefix: str = "", required: bool = False
    ) -> Text | None:
        value = self.value(table, key, (dict, str), prefix, required)
        if value is None:
            return None
        if isinstance(value, str):
            return Text(value.strip())
        self.keys(value, LANGUAGES, f"{prefix}{key}.")
        en = self.value(value, "en", str, f"{prefix}{key}.", required=True)
        km = self.value(value, "km", str, f"{prefix}{key}.")
        if not en.strip():
            raise self.fail(f"{prefix}{key}.en", "must not be empty")
        return Text(en.strip(), km.strip() if km else None)

    def sources(
        self, table: Mapping[str, Any], key: str, prefix: str = "", required: bool = False
    ) -> tuple[Source, ...]:
        value = self.value(table, key, list, prefix, required)
        if value is None:
            return ()
        if required and not value:
            raise self.fail(f"{prefix}{key}", "must name at least one source")
        out = []
        for i, item in enumerate(value):
            where = f"{prefix}{key}[{i}]"
            if isinstance(item, str):
                out.append(Source(item))
                continue
            if not isinstance(item, dict):
                self.problem(where, f"must be a string or a table with title and url, not {toml_type(item)}")
                continue
            try:
                self.keys(item, ("title", "url"), f"{where}.")
                title = self.value(item, "title", str, f"{where}.", required=True)
                url = self.value(item, "url", str, f"{where}.")
                if url is not None and not re.match(r"^https?://\S+$", url):
                    raise self.fail(f"{where}.url", f"'{url}' is not an http(s) address")
                out.append(Source(title, url))
            except _Skip:
                continue
        return tuple(out)

    # -- the file

    def catalogue(self, raw: Mapping[str, Any]) -> Catalogue:
        self.keys(raw, ("format", "revision", "published", "in_lieu", "observances"))
        try:
            fmt = self.value(raw, "format", int)
            if fmt is not None and fmt != FORMAT_VERSION:
                raise self.fail("format", f"this khcal reads format {FORMAT_VERSION}, not {fmt}")
        except _Skip:
            pass
        try:
            revision = self.date_value(raw, "revision")
        except _Skip:
            revision = None
        published: dict[int, Published] = {}
        for _, item in self.tables(raw, "published"):
            try:
                entry = self.published(item)
            except _Skip:
                continue
            if entry.year in published:
                self.problem("year", f"year {entry.year} is listed twice")
            published[entry.year] = entry
        in_lieu: list[InLieuRule] = []
        for _, item in self.tables(raw, "in_lieu"):
            try:
                in_lieu.append(self.in_lieu_rule(item))
            except _Skip:
                continue
        observances: dict[str, Observance] = {}
        first_index: dict[str, int] = {}
        for i, item in self.tables(raw, "observances"):
            ident = item.get("id")
            if isinstance(ident, str) and ident in first_index:
                self._ident = ident
                first = self.lines.find("observances", first_index[ident], "id")
                self.problem("id", f"duplicate id '{ident}' (first defined on line {first})")
                continue
            if isinstance(ident, str):
                first_index[ident] = i
            try:
                obs = self.observance(item)
            except _Skip:
                continue
            observances[obs.id] = obs
        self._table, self._index, self._ident = "", None, None
        return Catalogue(observances, published, tuple(in_lieu), revision)

    def tables(self, raw: Mapping[str, Any], name: str) -> Iterable[tuple[int, Mapping[str, Any]]]:
        self._table, self._index, self._ident = name, None, None
        value = raw.get(name, [])
        if not isinstance(value, list):
            self.problem(name, f"must be an array of tables ([[{name}]]), not {toml_type(value)}")
            return
        for i, item in enumerate(value):
            self._table, self._index, self._ident = name, i, None
            if not isinstance(item, dict):
                self.problem(name, f"entry {i + 1} must be a table, not {toml_type(item)}")
                continue
            yield i, item

    def published(self, item: Mapping[str, Any]) -> Published:
        self.keys(item, ("year", "sources", "total", "note"))
        year = self.year(item, "year", required=True)
        assert year is not None
        return Published(
            year=year,
            sources=self.sources(item, "sources", required=True),
            total=self.integer(item, "total", 0, 366),
            note=self.text(item, "note"),
        )

    def in_lieu_rule(self, item: Mapping[str, Any]) -> InLieuRule:
        self.keys(item, ("since", "until", "weekdays", "scope", "sources", "note"))
        since = self.year(item, "since", required=True)
        until = self.year(item, "until")
        assert since is not None
        if until is not None and until < since:
            raise self.fail("until", f"{until} is before since = {since}")
        names = self.value(item, "weekdays", list) or ["sun"]
        weekdays = []
        for name in names:
            if name not in WEEKDAYS:
                raise self.fail("weekdays", f"'{name}' is not one of {', '.join(WEEKDAYS)}")
            weekdays.append(WEEKDAYS.index(name))
        return InLieuRule(
            since=since,
            until=until,
            weekdays=tuple(weekdays),
            scope=self.choice(item, "scope", SCOPES, default="public") or "public",
            sources=self.sources(item, "sources", required=True),
            note=self.text(item, "note"),
        )

    def observance(self, item: Mapping[str, Any]) -> Observance:
        errors_before = len(self.problems)
        ident = self.value(item, "id", str, required=True)
        if not _ID_RE.match(ident):
            raise self.fail("id", f"'{ident}' must be lowercase letters, digits and single hyphens")
        self._ident = ident
        self.keys(item, (
            "id", "name", "category", "rule", "days", "description", "since", "until", "event_year",
            "event_kind", "holiday", "exceptions", "history", "sources",
        ))  # fmt: skip

        def attempt(read: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return read(*args, **kwargs)
            except _Skip:
                return None

        name = attempt(self.text, item, "name", required=True)
        category = attempt(self.value, item, "category", str, required=True)
        if category is not None and not _ID_RE.match(category):
            self.problem("category", f"'{category}' must be lowercase letters, digits and hyphens")
        rule = attempt(self.rule, item.get("rule"), "rule") if "rule" in item else None
        if "rule" not in item:
            self.problem("rule", "is required")
        days = attempt(self.integer, item, "days", 1, 31)
        description = attempt(self.text, item, "description", required=True)
        since = attempt(self.year, item, "since")
        until = attempt(self.year, item, "until")
        if since is not None and until is not None and until < since:
            self.problem("until", f"{until} is before since = {since}")
        event_year = attempt(self.integer, item, "event_year", 1, MAX_YEAR)
        event_kind = attempt(self.choice, item, "event_kind", EVENT_KINDS, default="anniversary")
        periods = tuple(
            p
            for p in (attempt(self.period, i, sub) for i, sub in self.subtables(item, "holiday"))
            if p is not None
        )
        exceptions = tuple(
            e
            for e in (attempt(self.exception, i, sub, rule) for i, sub in self.subtables(item, "exceptions"))
            if e is not None
        )
        history = tuple(
            h
            for h in (attempt(self.history_note, i, sub) for i, sub in self.subtables(item, "history"))
            if h is not None
        )
        sources = attempt(self.sources, item, "sources") or ()
        self.check_periods(periods)
        years = [e.year for e in exceptions]
        for year in sorted({y for y in years if years.count(y) > 1}):
            self.problem("exceptions", f"year {year} has more than one exception; merge them")
        if isinstance(rule, NewYearRule) and "days" in item:
            self.problem(
                "days",
                "the New Year's length is computed (3 or 4 days); change it per year "
                "with an exception or per period",
            )
        if isinstance(rule, HolyDaysRule) and "days" in item:
            self.problem("days", "holy days are single days")
        if len(self.problems) > errors_before or rule is None:
            raise _Skip()
        return Observance(
            id=ident,
            name=name,
            category=category,
            rule=rule,
            description=description,
            days=days or 1,
            since=since,
            until=until,
            event_year=event_year,
            event_kind=event_kind or "anniversary",
            holiday=periods,
            exceptions=exceptions,
            history=history,
            sources=tuple(sources),
            origin=str(self.path),
        )

    def subtables(self, item: Mapping[str, Any], key: str) -> Iterable[tuple[int, Mapping[str, Any]]]:
        value = item.get(key, [])
        if not isinstance(value, list):
            self.problem(key, f"must be an array of tables ([[observances.{key}]]), not {toml_type(value)}")
            return
        for i, sub in enumerate(value):
            if not isinstance(sub, dict):
                self.problem(f"{key}[{i}]", f"must be a table, not {toml_type(sub)}")
                continue
            yield i, sub

    def rule(self, value: Any, where: str) -> Rule:
        if not isinstance(value, dict):
            raise self.fail(
                where,
                f'must be a table such as {{ kind = "fixed", month = 1, day = 7 }}, not {toml_type(value)}',
            )
        prefix = f"{where}."
        kinds = ("fixed", "nth-weekday", "lunar", "new-year", "offset", "once", "holy-days")
        kind = self.choice(value, "kind", kinds, prefix, required=True)
        if kind == "fixed":
            self.keys(value, ("kind", "month", "day"), prefix)
            month = self.integer(value, "month", 1, 12, prefix, required=True)
            day = self.integer(value, "day", 1, 31, prefix, required=True)
            assert month is not None and day is not None
            try:
                date(2000, month, day)  # a leap year: 29 February is allowed
            except ValueError:
                raise self.fail(f"{prefix}day", f"month {month} has no day {day}") from None
            return FixedRule(month, day)
        if kind == "nth-weekday":
            self.keys(value, ("kind", "month", "weekday", "n"), prefix)
            month = self.integer(value, "month", 1, 12, prefix, required=True)
            weekday = self.choice(value, "weekday", WEEKDAYS, prefix, required=True)
            n = self.integer(value, "n", -5, 5, prefix, required=True)
            assert month is not None and weekday is not None and n is not None
            if n == 0:
                raise self.fail(f"{prefix}n", "must be 1 to 5, or -1 to -5 counting from the end")
            return NthWeekdayRule(month, WEEKDAYS.index(weekday), n)
        if kind == "lunar":
            self.keys(value, ("kind", "month", "day", "phase"), prefix)
            month_name = self.choice(value, "month", LUNAR_MONTHS, prefix, required=True)
            phase = self.choice(value, "phase", PHASES, prefix, required=True)
            raw_day = self.value(value, "day", (int, str), prefix, required=True)
            if raw_day == "last":
                day = -1
            elif isinstance(raw_day, int) and 1 <= raw_day <= 15:
                day = raw_day
            else:
                raise self.fail(f"{prefix}day", f'must be 1 to 15 or "last", not {raw_day!r}')
            if day == -1 and phase != "waning":
                raise self.fail(f"{prefix}day", '"last" is only for the waning phase')
            assert month_name is not None and phase is not None
            return LunarRule(month_name, day, phase)
        if kind == "offset":
            self.keys(value, ("kind", "of", "days"), prefix)
            of = self.value(value, "of", str, prefix, required=True)
            days = self.integer(value, "days", -366, 366, prefix, required=True)
            assert days is not None
            return OffsetRule(of, days)
        if kind == "once":
            self.keys(value, ("kind", "date"), prefix)
            when = self.date_value(value, "date", prefix, required=True)
            assert when is not None
            return OnceRule(when)
        self.keys(value, ("kind",), prefix)
        return NewYearRule() if kind == "new-year" else HolyDaysRule()

    def period(self, i: int, sub: Mapping[str, Any]) -> HolidayPeriod:
        prefix = f"holiday[{i}]."
        self.keys(sub, ("since", "until", "days", "rule", "scope", "note", "sources"), prefix)
        since = self.year(sub, "since", prefix)
        until = self.year(sub, "until", prefix)
        if since is not None and until is not None and until < since:
            raise self.fail(f"{prefix}until", f"{until} is before since = {since}")
        return HolidayPeriod(
            since=since,
            until=until,
            days=self.integer(sub, "days", 1, 31, prefix),
            rule=self.rule(sub["rule"], f"{prefix}rule") if "rule" in sub else None,
            scope=self.choice(sub, "scope", SCOPES, prefix, default="public") or "public",
            note=self.text(sub, "note", prefix),
            sources=self.sources(sub, "sources", prefix),
        )

    def exception(self, i: int, sub: Mapping[str, Any], rule: Rule | None) -> Exception_:
        prefix = f"exceptions[{i}]."
        self.keys(sub, ("year", "start", "days", "holiday", "songkran", "note", "sources"), prefix)
        year = self.year(sub, "year", prefix, required=True)
        assert year is not None
        start = self.date_value(sub, "start", prefix)
        if start is not None and abs(start.year - year) > 1:
            raise self.fail(f"{prefix}start", f"{start} is far from the exception's year {year}")
        songkran = self.value(sub, "songkran", datetime, prefix)
        if songkran is not None:
            if rule is not None and not isinstance(rule, NewYearRule):
                raise self.fail(f"{prefix}songkran", "only the New Year has a Songkran moment")
            if songkran.year != year:
                raise self.fail(f"{prefix}songkran", f"{songkran} is not in {year}")
            songkran = songkran.replace(tzinfo=None)
        holiday = self.value(sub, "holiday", bool, prefix)
        days = self.integer(sub, "days", 1, 31, prefix)
        if start is None and days is None and holiday is None and songkran is None:
            raise self.fail(f"exceptions[{i}]", "changes nothing: give start, days, holiday or songkran")
        return Exception_(
            year=year,
            sources=self.sources(sub, "sources", prefix, required=True),
            start=start,
            days=days,
            holiday=holiday,
            songkran=songkran,
            note=self.text(sub, "note", prefix),
        )

    def history_note(self, i: int, sub: Mapping[str, Any]) -> HistoryNote:
        prefix = f"history[{i}]."
        self.keys(sub, ("year", "en", "km"), prefix)
        year = self.integer(sub, "year", 1, MAX_YEAR, prefix, required=True)
        en = self.value(sub, "en", str, prefix, required=True)
        km = self.value(sub, "km", str, prefix)
        assert year is not None
        return HistoryNote(year, Text(en.strip(), km.strip() if km else None))

    def check_periods(self, periods: tuple[HolidayPeriod, ...]) -> None:
        spans = sorted(
            (
                (
                    p.since if p.since is not None else MIN_YEAR - 1,
                    p.until if p.until is not None else MAX_YEAR + 1,
                ),
                i,
            )
            for i, p in enumerate(periods)
        )
        for (a, i), (b, j) in itertools.pairwise(spans):
            if b[0] <= a[1]:
                self.problem(f"holiday[{j}]", f"overlaps holiday[{i}] (years {_span(a)} and {_span(b)})")


def _span(span: tuple[int, int]) -> str:
    since = "" if span[0] < MIN_YEAR else str(span[0])
    until = "" if span[1] > MAX_YEAR else str(span[1])
    return f"{since}..{until}"


def _kind_name(kinds: tuple[type, ...]) -> str:
    names = {
        int: "a whole number",
        str: "a string",
        bool: "true or false",
        list: "an array",
        dict: "a table",
        date: "a date",
        datetime: "a date and time",
    }
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    return type(value).__name__
