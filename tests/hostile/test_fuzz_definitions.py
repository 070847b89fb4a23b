"""Random definitions files, read, checked and computed in this process: each ends in a DefinitionsError (or
another KhcalError) whose every problem is worded in English and Khmer, or in a catalogue whose year can be
computed, days off and days in lieu included; never another exception, and each example well within its
deadline.

The documents mix valid observances with fields of the wrong type or out of range, offsets between random
ids (circles and unknown ids included), rules in holiday periods, in-lieu rules, and text mutated byte by
byte. One property checks the offsets exactly: a file is refused for its offsets if and only if one names an
unknown id or the offsets go round in a circle.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from datetime import date, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khcal.core import definitions
from khcal.core.schedule import Schedule
from khcal.errors import DefinitionsError, KhcalError

FOLDER = tempfile.mkdtemp(prefix="khcal-fuzz-")
atexit.register(shutil.rmtree, FOLDER, True)
FUZZ = settings(
    max_examples=700,
    deadline=2000,  # milliseconds for one example; the slowest take a few tens
    database=None,  # nothing written in the working folder
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
IDS = ("a", "b", "c", "d", "e", "f")
KINDS = ("fixed", "nth-weekday", "lunar", "new-year", "offset", "once", "holy-days")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# -- TOML written from Python values --------------------------------------------------------------------


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, int) else ("nan" if value != value else repr(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    return key if bare else json.dumps(key, ensure_ascii=False)


def toml_document(document: dict[str, Any]) -> str:
    """Top-level values first, then each array of tables as `[[name]]` blocks, their own arrays of tables
    as `[[name.sub]]` blocks (the form the line finder knows), everything else inline."""
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in document.items() if not _tables(v)]
    for name, entries in document.items():
        if not _tables(entries):
            continue
        for entry in entries:
            lines.append(f"[[{name}]]")
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in entry.items() if not _tables(v)]
            for sub, items in entry.items():
                if _tables(items) and sub.isidentifier():
                    for item in items:
                        lines.append(f"[[{name}.{sub}]]")
                        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


def _tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


# -- documents ------------------------------------------------------------------------------------------

# Every strategy is built once, here: building them in each draw would cost more than the examples.
scalars = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=-40, max_value=40),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(alphabet="ab -_\x07\u17a2\U0001f600", max_size=12),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
)
any_value = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.sampled_from(["en", "km", "x"]), scalars, max_size=2),
)


class Strategies:
    """The strategies of every field, built once (building them in each draw would cost more than the
    examples): valid values only, or (`wrong`) sometimes any TOML value at all, or one out of range."""

    def __init__(self, wrong: bool) -> None:
        self.wrong = wrong
        maybe = self.maybe
        years = st.integers(1800, 2200)
        if wrong:
            years = st.one_of(st.integers(1790, 2210), st.sampled_from([1800, 2200, 1, 9999, -1, 10**30]))
        self.years = maybe(years)
        pick = st.integers if not wrong else (lambda low, high: st.integers(low - 1, high + 1))
        self.rule_fields: dict[str, dict[str, st.SearchStrategy[Any]]] = {
            "fixed": {"month": maybe(pick(1, 12)), "day": maybe(pick(1, 28))},
            "nth-weekday": {
                "month": st.integers(1, 12),
                "weekday": st.sampled_from(WEEKDAYS),
                "n": maybe(st.sampled_from([1, 2, 5, -1, -5] + ([0, 6] if wrong else []))),
            },
            "lunar": {
                "month": st.sampled_from(["pisakh", "asadh", "pathamasadh", "kadeuk"] + ["nope"] * wrong),
                "day": maybe(st.one_of(pick(1, 15), st.just("last"))),
                "phase": st.sampled_from(["waning"] + ["waxing", "full"] * wrong),
            },
            "offset": {
                "of": maybe(st.sampled_from([*IDS, "visak-bochea"] + ["nowhere"] * wrong)),
                "days": maybe(pick(-366, 366)),
            },
            "once": {"date": maybe(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))},
        }
        if not wrong:
            self.rule_fields["once"]["date"] = st.dates(
                min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)
            )
        kinds = st.sampled_from(KINDS)
        self.kinds = st.one_of(kinds, kinds, st.text(alphabet="fixed", max_size=6)) if wrong else kinds
        text = st.text(alphabet="Ab \u17a2\n" + "\x1b" * wrong, min_size=1, max_size=20)
        self.names = maybe(st.one_of(text, st.just({"en": "E", "km": "ក"})))
        self.categories = maybe(st.sampled_from(["mine", "national"] + ["Bad Category"] * wrong))
        self.descriptions = maybe(st.text(alphabet="d .\t", min_size=1, max_size=30))
        self.period_fields = {"since": self.years, "until": self.years, "days": maybe(pick(1, 31))}
        self.scopes = st.sampled_from(["public", "private-sector"] + ["nobody"] * wrong)
        self.exception_fields = {
            "start": st.dates(min_value=date(1790, 1, 1), max_value=date(2210, 12, 31)),
            "days": maybe(pick(1, 31)),
            "holiday": maybe(st.booleans()),
        }
        self.optional: dict[str, st.SearchStrategy[Any]] = {
            "days": maybe(pick(1, 31)),
            "since": self.years,
            "until": self.years,
            "event_year": self.years,
            "event_kind": maybe(st.sampled_from(["anniversary", "birthday"] + ["wedding"] * wrong)),
            "holiday": maybe(st.lists(periods(self), max_size=3)),
            "exceptions": maybe(st.lists(exceptions(self), max_size=2)),
        }
        if not wrong:  # what refuses an observance for its values together: spans, lengths, overlaps
            del self.optional["days"], self.optional["until"], self.period_fields["until"]
            del self.exception_fields["start"]
            self.optional["holiday"] = st.lists(periods(self), max_size=1)
            self.optional["exceptions"] = st.lists(exceptions(self), max_size=1)
        self.weekdays = st.lists(st.sampled_from(WEEKDAYS), max_size=8 if wrong else 3)

    def maybe(self, strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        """Mostly `strategy`; with `wrong`, sometimes any TOML value at all."""
        return st.one_of(strategy, strategy, strategy, strategy, any_value) if self.wrong else strategy


@st.composite
def rules(draw: st.DrawFn, s: Strategies) -> Any:
    if s.wrong and draw(st.integers(0, 20)) == 0:
        return draw(any_value)
    kind = draw(s.kinds)
    rule: dict[str, Any] = {"kind": kind}
    for key, strategy in s.rule_fields.get(kind, {}).items():
        rule[key] = draw(strategy)
    if s.wrong and draw(st.integers(0, 5)) == 0:
        rule[draw(st.sampled_from(["extra", "month", "of"]))] = draw(any_value)
    return rule


@st.composite
def periods(draw: st.DrawFn, s: Strategies) -> dict[str, Any]:
    period = {key: draw(strategy) for key, strategy in s.period_fields.items() if draw(st.booleans())}
    if draw(st.booleans()):
        period["rule"] = draw(rules(s))
    if draw(st.integers(0, 5)) == 0:
        period["scope"] = draw(s.scopes)
    return period


@st.composite
def exceptions(draw: st.DrawFn, s: Strategies) -> dict[str, Any]:
    exception: dict[str, Any] = {"year": draw(s.years), "sources": ["A decree"], "holiday": False}
    exception |= {key: draw(strategy) for key, strategy in s.exception_fields.items() if draw(st.booleans())}
    return exception


@st.composite
def observances(draw: st.DrawFn, ident: str, s: Strategies) -> dict[str, Any]:
    observance: dict[str, Any] = {
        "id": ident if not s.wrong or draw(st.integers(0, 20)) else draw(any_value),
        "name": draw(s.names),
        "category": draw(s.categories),
        "rule": draw(rules(s)),
        "description": draw(s.descriptions),
    }
    observance |= {key: draw(strategy) for key, strategy in s.optional.items() if draw(st.booleans())}
    return observance


VALID, WRONG = Strategies(wrong=False), Strategies(wrong=True)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """Half the documents with valid values only (refused only for what the values say together: circles,
    spans, overlaps...), half with wrong ones mixed in."""
    s = draw(st.sampled_from([VALID, WRONG]))
    count = draw(st.integers(0, len(IDS)))
    document: dict[str, Any] = {"observances": [draw(observances(ident, s)) for ident in IDS[:count]]}
    if draw(st.booleans()):
        document["in_lieu"] = [{"since": draw(s.years), "weekdays": draw(s.weekdays), "sources": ["A"]}]
    if draw(st.integers(0, 4)) == 0:
        document["published"] = [{"year": draw(s.years), "sources": ["A list"]}]
    if s.wrong and draw(st.integers(0, 4)) == 0:
        document[draw(st.sampled_from(["format", "revision", "unknown"]))] = draw(any_value)
    return document


# -- the property ---------------------------------------------------------------------------------------


def exercise(text: str | bytes, year: int = 2027, builtin: bool = False) -> Schedule | None:
    """Load the text as a file (no other file, or over the built-in catalogue), compute `year`: the schedule,
    or None when the file was refused with words for every problem. Any other exception fails the test."""
    path = os.path.join(FOLDER, f"fuzz-{os.getpid()}.toml")
    with open(path, "wb") as file:
        file.write(text if isinstance(text, bytes) else text.encode("utf-8"))
    try:
        catalogue = definitions.load([path], builtin=builtin)
    except DefinitionsError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message("en") and problem.message("km")
            assert "\n" not in problem.message("en")
        return None
    schedule = Schedule(catalogue)
    try:
        schedule.year(year)
        schedule.days_off(year)
    except KhcalError as error:  # worded, never a crash
        assert error.message("en") and error.message("km")
        return None
    return schedule


@FUZZ
@given(documents(), st.sampled_from([1800, 2026, 2027, 2200]))
def test_documents_are_refused_in_words_or_computed(document: dict[str, Any], year: int) -> None:
    exercise(toml_document(document), year)


@FUZZ
@given(documents(), st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=3)), max_size=3))
def test_mutated_bytes_are_refused_in_words_or_computed(document: dict[str, Any], edits: list[Any]) -> None:
    data = bytearray(toml_document(document).encode("utf-8"))
    for where, inserted in edits:
        at = where % (len(data) + 1)
        data[at : at + len(inserted)] = inserted
    exercise(bytes(data))


@FUZZ
@given(st.dictionaries(st.sampled_from(["format", "revision", "observances", "in_lieu", "published", "x"]),
                       any_value, max_size=4))  # fmt: skip
def test_any_shape_at_the_top_is_refused_in_words_or_computed(document: dict[str, Any]) -> None:
    exercise(toml_document(document))


# Offsets between observances: an exact expectation.
graphs = st.lists(
    st.tuples(
        st.sampled_from([None, *IDS, "nowhere"]),  # what the observance's own rule counts from (None: fixed)
        st.sampled_from([None, *IDS, "nowhere"]),  # what its period's rule counts from (None: no such rule)
    ),
    min_size=1,
    max_size=len(IDS),
)


def graph_document(graph: list[tuple[str | None, str | None]]) -> str:
    def rule(of: str | None) -> dict[str, Any]:
        return (
            {"kind": "fixed", "month": 5, "day": 1} if of is None else {"kind": "offset", "of": of, "days": 1}
        )

    entries = []
    for ident, (own, period) in zip(IDS, graph, strict=False):
        holiday = [{"since": 2000, "rule": rule(period)}] if period is not None else [{}]
        entries.append({"id": ident, "name": ident, "category": "mine", "rule": rule(own),
                        "description": "D.", "holiday": holiday})  # fmt: skip
    return toml_document({"observances": entries})


def refused_for_offsets(graph: list[tuple[str | None, str | None]]) -> bool:
    """Whether an offset names an id the file lacks, or the offsets go round in a circle."""
    ids = IDS[: len(graph)]
    edges = {ident: [t for t in pair if t is not None] for ident, pair in zip(ids, graph, strict=False)}
    if any(t not in edges for targets in edges.values() for t in targets):
        return True
    remaining = dict(edges)
    while True:  # take away the observances that count from none left; a circle is what stays
        free = [i for i, targets in remaining.items() if not any(t in remaining for t in targets)]
        if not free:
            return bool(remaining)
        for ident in free:
            del remaining[ident]


@FUZZ
@given(graphs, st.sampled_from([1999, 2000, 2027]))
def test_offsets_are_refused_exactly_when_unknown_or_circular(
    graph: list[tuple[str | None, str | None]], year: int
) -> None:
    schedule = exercise(graph_document(graph), year)
    assert (schedule is None) == refused_for_offsets(graph)


@settings(FUZZ, max_examples=150, deadline=4000)  # each example parses the built-in catalogue too
@given(documents())
def test_documents_over_the_builtin_catalogue(document: dict[str, Any]) -> None:
    exercise(toml_document(document), 2027, builtin=True)
