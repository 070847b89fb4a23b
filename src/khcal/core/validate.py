"""The reader of a definitions file: parsed TOML -> catalogue values, every problem recorded.

The shape of the file is documented for users in docs/definitions.md. The reader never stops at the first
problem: a bad observance is left out, its problems recorded, and the next one read, so that one run of
`khcal check` lists them all.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

from khcal.core.fields import FieldReader, Skip, TableFields, described, number
from khcal.core.model import (
    EVENT_KINDS,
    FORMAT_VERSION,
    MAX_YEAR,
    MIN_YEAR,
    PUBLIC,
    SCOPES,
    WEEKDAYS,
    Catalogue,
    Decree,
    HistoryNote,
    HolidayPeriod,
    InLieuRule,
    Observance,
    Published,
)
from khcal.core.rules import KINDS, Rule, RuleAt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.core.model import EventKind, Scope

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_T = TypeVar("_T")


class Reader(FieldReader):
    """Turns one parsed definitions file into a catalogue, recording every problem on the way."""

    def __init__(self, path: Path | str, text: str, *, user: bool = False) -> None:
        super().__init__(path, text)
        self.user = user
        self.ids: set[str] = set()
        """Every id the file names, valid observance or not (offsets to them are not 'unknown')."""
        self.rules: dict[str, tuple[RuleAt, ...]] = {}
        """Each observance's rules (its own, then its periods') and where they are, valid observance or not,
        for the check of offsets once files are merged."""
        self._period_rules: list[RuleAt] = []

    def attempt(self, read: Callable[..., _T], /, *args: Any, **kwargs: Any) -> _T | None:
        """`read(...)`, or None when it failed (its problem is recorded)."""
        try:
            return read(*args, **kwargs)
        except Skip:
            return None

    # -- the file

    def catalogue(self, raw: Mapping[str, Any]) -> Catalogue:
        self.keys(raw, ("format", "revision", "published", "in_lieu", "observances"))
        fmt = self.attempt(self.value, raw, "format", int)
        if fmt is not None and fmt != FORMAT_VERSION:
            self.problem("format", "problem.format", expected=FORMAT_VERSION, value=number(fmt))
        revision = self.attempt(self.date_value, raw, "revision")
        published: dict[int, Published] = {}
        for _, item in self.tables(raw, "published"):
            entry = self.attempt(self.published, item)
            if entry is not None and entry.year in published:
                self.problem("year", "problem.year-twice", year=entry.year)
            if entry is not None:
                published[entry.year] = entry
        in_lieu = [
            r for _, item in self.tables(raw, "in_lieu") if (r := self.attempt(self.in_lieu_rule, item))
        ]
        observances = self.observances(raw)
        self.at("", None)
        return Catalogue(observances, published, tuple(in_lieu), revision)

    def observances(self, raw: Mapping[str, Any]) -> dict[str, Observance]:
        observances: dict[str, Observance] = {}
        first_index: dict[str, int] = {}
        for i, item in self.tables(raw, "observances"):
            ident = item.get("id")
            if isinstance(ident, str) and ident in first_index:
                self.at("observances", i, ident)
                first = self.lines.find("observances", first_index[ident], "id")
                self.problem("id", "problem.duplicate-id", ident=ident, line=first)
                continue
            if isinstance(ident, str):
                first_index[ident] = i
                self.ids.add(ident)
            obs = self.attempt(self.observance, item)
            if obs is not None:
                observances[obs.id] = obs
        return observances

    def tables(self, raw: Mapping[str, Any], name: str) -> Iterable[tuple[int, Mapping[str, Any]]]:
        self.at(name, None)
        value = raw.get(name, [])
        if not isinstance(value, list):
            self.problem(name, "problem.not-array-of-tables", name=name, **described(value))
            return
        for i, item in enumerate(value):
            self.at(name, i)
            if not isinstance(item, dict):
                self.problem(name, "problem.entry-not-table", n=i + 1, **described(item))
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
        self.check_span(since, until, "until")
        weekdays = []
        for name in self.value(item, "weekdays", list) or ["sun"]:
            if name not in WEEKDAYS:
                raise self.fail(
                    "weekdays", "problem.not-one-of", value=str(name), choices=", ".join(WEEKDAYS)
                )
            weekdays.append(WEEKDAYS.index(name))
        if len(set(weekdays)) == len(WEEKDAYS):
            raise self.fail("weekdays", "problem.in-lieu-every-day")
        return InLieuRule(
            since=since,
            until=until,
            weekdays=tuple(weekdays),
            scope=self.scope(item, ""),
            sources=self.sources(item, "sources", required=True),
            note=self.text(item, "note"),
        )

    def check_span(self, since: int | None, until: int | None, where: str) -> None:
        if since is not None and until is not None and until < since:
            raise self.fail(where, "problem.until-before-since", until=until, since=since)

    def scope(self, item: Mapping[str, Any], prefix: str) -> Scope:
        value = self.choice(item, "scope", SCOPES, prefix)
        return next((s for s in SCOPES if s == value), PUBLIC)

    # -- one observance

    def observance(self, item: Mapping[str, Any]) -> Observance:
        before = len(self.problems)
        ident = self.attempt(self.value, item, "id", str, required=True)
        if ident is not None:
            self.at(self._table, self._index, ident)  # its problems name it, even when it is invalid
        if ident is not None and not ID_RE.match(ident):
            self.problem("id", "problem.bad-id", ident=ident)
        self.keys(item, (
            "id", "name", "category", "rule", "days", "description", "since", "until", "event_year",
            "event_kind", "holiday", "exceptions", "history", "sources",
        ))  # fmt: skip
        self._period_rules = []
        fields = self.observance_fields(item)
        rule = fields["rule"]
        own = () if rule is None else (RuleAt(rule, str(self.path), self.line("rule")),)
        if ident is not None:
            self.rules[ident] = (*own, *self._period_rules)
        if len(self.problems) > before or rule is None or ident is None or not ID_RE.match(ident):
            raise Skip()
        return Observance(id=ident, origin=str(self.path), user=self.user, **fields)

    def observance_fields(self, item: Mapping[str, Any]) -> dict[str, Any]:
        """Every field of an observance but its id, each read on its own (None where it failed)."""
        rule = self.attempt(self.rule, item["rule"], "rule") if "rule" in item else None
        if "rule" not in item:
            self.problem("rule", "problem.required")
        category = self.attempt(self.value, item, "category", str, required=True)
        if category is not None and not ID_RE.match(category):
            self.problem("category", "problem.bad-category", value=category)
        since = self.attempt(self.year, item, "since")
        until = self.attempt(self.year, item, "until")
        self.attempt(self.check_span, since, until, "until")
        if rule is not None and rule.days_problem is not None and "days" in item:
            self.problem("days", rule.days_problem)
        return {
            "name": self.attempt(self.text, item, "name", required=True),
            "category": category,
            "rule": rule,
            "description": self.attempt(self.text, item, "description", required=True),
            "days": self.attempt(self.integer, item, "days", 1, 31) or 1,
            "since": since,
            "until": until,
            "event_year": self.attempt(self.integer, item, "event_year", 1, MAX_YEAR),
            "event_kind": self.event_kind(item),
            "holiday": self.periods(item, rule),
            "exceptions": self.exceptions(item, rule),
            "history": self.each(item, "history", self.history_note),
            "sources": self.attempt(self.sources, item, "sources") or (),
        }

    def event_kind(self, item: Mapping[str, Any]) -> EventKind:
        value = self.attempt(self.choice, item, "event_kind", EVENT_KINDS)
        return next((k for k in EVENT_KINDS if k == value), "anniversary")

    def each(
        self, item: Mapping[str, Any], key: str, read: Callable[[int, Mapping[str, Any]], _T]
    ) -> tuple[_T, ...]:
        """Every sub-table `[[observances.key]]` read by `read`, those that failed left out."""
        out = (self.attempt(read, i, sub) for i, sub in self.subtables(item, key))
        return tuple(x for x in out if x is not None)

    def subtables(self, item: Mapping[str, Any], key: str) -> Iterable[tuple[int, Mapping[str, Any]]]:
        value = item.get(key, [])
        if not isinstance(value, list):
            self.problem(key, "problem.not-array-of-tables", name=f"observances.{key}", **described(value))
            return
        for i, sub in enumerate(value):
            if not isinstance(sub, dict):
                self.problem(f"{key}[{i}]", "problem.not-table", **described(sub))
                continue
            yield i, sub

    def rule(self, value: Any, where: str) -> Rule:
        if not isinstance(value, dict):
            raise self.fail(where, "problem.rule-not-table", **described(value))
        prefix = f"{where}."
        kind = self.choice(value, "kind", tuple(KINDS), prefix, required=True)
        assert kind is not None
        rule_class = KINDS[kind]
        self.keys(value, rule_class.toml_keys(), prefix)
        return rule_class.parse(TableFields(self, value, prefix))

    def periods(self, item: Mapping[str, Any], rule: Rule | None) -> tuple[HolidayPeriod, ...]:
        periods = self.each(item, "holiday", self.period)
        for i, period in enumerate(periods):
            kept = period.rule or rule  # the holy days are never days off: such a period would say nothing
            if kept is not None and kept.many_a_year:
                self.problem(f"holiday[{i}]", "problem.holy-days-off")
        spans = sorted(
            ((p.since or MIN_YEAR - 1, MAX_YEAR + 1 if p.until is None else p.until), i)
            for i, p in enumerate(periods)
        )
        for (a, i), (b, j) in itertools.pairwise(spans):
            if b[0] <= a[1]:
                self.problem(
                    f"holiday[{j}]", "problem.overlap", other=f"holiday[{i}]", a=_span(a), b=_span(b)
                )
        return periods

    def period(self, i: int, sub: Mapping[str, Any]) -> HolidayPeriod:
        """One period, each field read on its own; its rule is kept for the check of offsets even when
        another field is bad."""
        prefix = f"holiday[{i}]."
        self.keys(sub, ("since", "until", "days", "rule", "scope", "note", "sources"), prefix)
        before = len(self.problems)
        since = self.attempt(self.year, sub, "since", prefix)
        until = self.attempt(self.year, sub, "until", prefix)
        where = f"{prefix}rule"
        rule = self.attempt(self.rule, sub["rule"], where) if "rule" in sub else None
        if rule is not None:
            self._period_rules.append(RuleAt(rule, str(self.path), self.line(where), where))
        self.attempt(self.check_span, since, until, f"{prefix}until")
        period = HolidayPeriod(
            since=since,
            until=until,
            days=self.attempt(self.integer, sub, "days", 1, 31, prefix),
            rule=rule,
            scope=self.attempt(self.scope, sub, prefix) or PUBLIC,
            note=self.attempt(self.text, sub, "note", prefix),
            sources=self.attempt(self.sources, sub, "sources", prefix) or (),
        )
        if len(self.problems) > before:
            raise Skip()
        return period

    def exceptions(self, item: Mapping[str, Any], rule: Rule | None) -> tuple[Decree, ...]:
        exceptions = self.each(item, "exceptions", lambda i, sub: self.exception(i, sub, rule))
        seen: set[int] = set()
        twice: set[int] = set()
        for exception in exceptions:
            (twice if exception.year in seen else seen).add(exception.year)
        for year in sorted(twice):
            self.problem("exceptions", "problem.exception-twice", year=year)
        return exceptions

    def exception(self, i: int, sub: Mapping[str, Any], rule: Rule | None) -> Decree:
        prefix = f"exceptions[{i}]."
        self.keys(sub, ("year", "start", "days", "holiday", "songkran", "note", "sources"), prefix)
        year = self.year(sub, "year", prefix, required=True)
        assert year is not None
        start = self.date_value(sub, "start", prefix)
        if start is not None and abs(start.year - year) > 1:
            raise self.fail(f"{prefix}start", "problem.far-start", start=str(start), year=year)
        songkran = self.songkran(sub, prefix, year, rule)
        holiday = self.value(sub, "holiday", bool, prefix)
        days = self.integer(sub, "days", 1, 31, prefix)
        if start is None and days is None and holiday is None and songkran is None:
            raise self.fail(f"exceptions[{i}]", "problem.changes-nothing")
        return Decree(
            year=year,
            sources=self.sources(sub, "sources", prefix, required=True),
            start=start,
            days=days,
            holiday=holiday,
            songkran=songkran,
            note=self.text(sub, "note", prefix),
        )

    def songkran(self, sub: Mapping[str, Any], prefix: str, year: int, rule: Rule | None) -> datetime | None:
        songkran = self.value(sub, "songkran", datetime, prefix)
        if songkran is None:
            return None
        if rule is not None and not rule.has_songkran:
            raise self.fail(f"{prefix}songkran", "problem.songkran-not-new-year")
        if songkran.tzinfo is not None:  # a moment given with its offset: the same moment in Cambodia
            songkran = songkran.astimezone(_CAMBODIA).replace(tzinfo=None)
        if songkran.year != year:
            raise self.fail(f"{prefix}songkran", "problem.songkran-year", moment=str(songkran), year=year)
        return songkran  # type: ignore[no-any-return]

    def history_note(self, i: int, sub: Mapping[str, Any]) -> HistoryNote:
        prefix = f"history[{i}]."
        self.keys(sub, ("year", "en", "km"), prefix)
        year = self.integer(sub, "year", 1, MAX_YEAR, prefix, required=True)
        en = self.value(sub, "en", str, prefix, required=True)
        km = self.value(sub, "km", str, prefix)
        assert year is not None
        return HistoryNote(year, self.bilingual(prefix, en, km))


_CAMBODIA = timezone(timedelta(hours=7))  # Indochina Time, no summer time


def _span(span: tuple[int, int]) -> str:
    since = "" if span[0] < MIN_YEAR else str(span[0])
    until = "" if span[1] > MAX_YEAR else str(span[1])
    return f"{since}..{until}"
