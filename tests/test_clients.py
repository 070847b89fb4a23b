"""Real calendar clients read khcal's feeds: icalendar, the strict `ical` package, khal and ical.js.

Each client must find every event of the feed, on the right days (all-day, never shifted by a time zone),
with the right UID and title; khal must update events, never duplicate them, when the same feed or a feed
of a later data revision is imported again.

khal and node (with ical.js from tests/js) are installed by .ci/run. Under CI (CI set) a missing tool is a
failure; elsewhere the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khcal.cli import app
from khcal.core import definitions as catalogue
from khcal.core.schedule import Filter, Schedule
from khcal.feeds import ics
from khcal.text.dates import occurrence_name

JS = Path(__file__).with_name("js")
SMALL = Path(__file__).with_name("golden") / "small.toml"


def need(tool: str) -> str:
    """The path of an outside tool; fail under CI if it is missing, skip (saying why) elsewhere."""
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed (bash .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def need_ical_js() -> str:
    node = need("node")
    if not (JS / "node_modules" / "ical.js").is_dir():
        message = "ical.js is not installed (run: npm ci --prefix tests/js; bash .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return node


@dataclass(frozen=True)
class Expected:
    uid: str
    summary: str
    start: date
    last: date  # inclusive


@dataclass(frozen=True)
class Feed:
    name: str
    data: bytes
    events: tuple[Expected, ...]
    alarm: bool = False


def make_feed(name: str, args: list[str], files: list[Path] | None = None) -> Feed:
    """Export through the command line, and list what it must contain from the schedule."""
    extra = [a for f in files or [] for a in ("--file", str(f))]
    result = CliRunner().invoke(app, ["export", "--today", "2026-11-22", *args, *extra])
    assert result.exit_code == 0, result.stderr
    options = _parse(args)
    cat = catalogue.load(files or [])
    only = Filter(categories=frozenset(options.categories) or None, holidays_only=options.holidays)
    found = Schedule(cat).between(date(options.first_year, 1, 1), date(options.last_year, 12, 31), only)
    expected = tuple(
        Expected(ics.event_uid(o), occurrence_name(o, options.lang), o.start, o.end) for o in found
    )
    return Feed(name, result.stdout_bytes, expected, alarm=options.alarm is not None)


def _parse(args: list[str]) -> ics.FeedOptions:
    values: dict[str, list[str]] = {}
    flags = set()
    i = 0
    while i < len(args):
        if args[i] == "--holidays":
            flags.add("holidays")
            i += 1
            continue
        values.setdefault(args[i], []).append(args[i + 1])
        i += 2
    return ics.FeedOptions(
        first_year=int(values["--from"][0]),
        last_year=int(values["--to"][0]),
        lang=values.get("--lang", ["en"])[0],
        holidays="holidays" in flags,
        categories=tuple(values.get("--category", [])),
        alarm=ics.parse_duration(values["--alarm"][0]) if "--alarm" in values else None,
    )


FEEDS = {
    # 2015-2021: days in lieu, the 2020 replacement days, the 2012-style exceptions; 2027: projected.
    "english-2015-2027": ["--from", "2015", "--to", "2027"],
    "khmer-days-off-alarm": [
        "--from",
        "2024",
        "--to",
        "2028",
        "--lang",
        "km",
        "--holidays",
        "--alarm",
        "-PT15H",
    ],
    "holy-days-khmer": ["--from", "2026", "--to", "2026", "--category", "holy-day", "--lang", "km"],
    "remembrance": ["--from", "1990", "--to", "2030", "--category", "remembrance"],
}


@pytest.fixture(scope="module", params=sorted(FEEDS))
def feed(request: pytest.FixtureRequest) -> Iterator[Feed]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", "/nonexistent-khcal-config")
        yield make_feed(request.param, FEEDS[request.param])


def test_every_feed_has_events(feed: Feed) -> None:
    assert len(feed.events) > 10


# --- icalendar and the strict `ical` package -------------------------------------------------------------


def test_icalendar_reads_every_event(feed: Feed) -> None:
    from icalendar import Calendar

    cal = Calendar.from_ical(feed.data)
    read = [
        Expected(
            str(e["UID"]), str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND") - timedelta(days=1)
        )
        for e in cal.walk("VEVENT")
    ]
    assert read == list(feed.events)
    # Writing what was read gives the same bytes: nothing was lost or reinterpreted.
    assert cal.to_ical() == feed.data


def test_strict_ical_package_reads_every_event(feed: Feed) -> None:
    from ical.calendar_stream import IcsCalendarStream

    cal = IcsCalendarStream.calendar_from_ics(feed.data.decode("utf-8"))
    read = []
    for event in cal.events:
        assert type(event.dtstart) is date and type(event.dtend) is date
        read.append(
            Expected(event.uid or "", event.summary or "", event.dtstart, event.dtend - timedelta(days=1))
        )
        assert event.transparency == "TRANSPARENT"
        if feed.alarm:
            [alarm] = event.alarm
            assert alarm.trigger == timedelta(hours=-15)
        else:
            assert event.alarm == []
    assert read == list(feed.events)


# --- ical.js (Thunderbird's parser) ---------------------------------------------------------------------


def read_with_ical_js(node: str, data: bytes, tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "feed.ics"
    path.write_bytes(data)
    done = subprocess.run(
        [node, str(JS / "read_feed.mjs"), str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.slow
def test_ical_js_reads_every_event(feed: Feed, tmp_path: Path) -> None:
    node = need_ical_js()
    read = read_with_ical_js(node, feed.data, tmp_path)
    assert read["method"] == "PUBLISH" and read["version"] == "2.0"
    events = read["events"]
    assert isinstance(events, list)
    found = []
    for event in events:
        # All-day and floating: the same day in every time zone.
        assert event["start"]["isDate"] is True and event["end"]["isDate"] is True
        assert event["start"]["zone"] == "floating"
        assert event["transparency"] == "TRANSPARENT"
        last = date.fromisoformat(event["end"]["date"]) - timedelta(days=1)
        found.append(
            Expected(event["uid"], event["summary"], date.fromisoformat(event["start"]["date"]), last)
        )
        if feed.alarm:
            assert event["alarms"] == [{"action": "DISPLAY", "trigger": "-PT15H", "related": "START"}]
        else:
            assert event["alarms"] == []
    assert found == list(feed.events)


@pytest.mark.slow
def test_ical_js_unescapes_and_unfolds(tmp_path: Path) -> None:
    node = need_ical_js()
    data = ics.build(Schedule(catalogue.load([SMALL], builtin=False)), ics.FeedOptions(2026, 2026, lang="km"))
    read = read_with_ical_js(node, data, tmp_path)
    events = {e["uid"]: e for e in read["events"]}  # type: ignore[attr-defined]
    womens = events["international-womens-day-2026@khcal"]
    assert womens["description"].startswith(
        "Text that needs escaping: commas, semicolons; a backslash \\ and\nan end of line."
    )
    assert womens["categories"] == ["អន្តរជាតិ", "ថ្ងៃឈប់សម្រាក"]  # in the feed's language
    # The Khmer name of the small catalogue, folded over several lines in the file, read back whole.
    water = events["water-festival-2026@khcal"]
    assert water["summary"] == "ព្រះរាជពិធីបុណ្យអុំទូក បណ្តែតប្រទីប និងសំពះព្រះខែ អកអំបុក"
    assert read["name"] == "ថ្ងៃបុណ្យ និងទិវារំលឹកនៅកម្ពុជា"
    moved = events["fall-of-phnom-penh-2026@khcal"]
    assert moved["sequence"] > 0 and moved["start"]["date"] == "2026-04-18"


# --- khal -----------------------------------------------------------------------------------------------


class Khal:
    """khal with a throw-away configuration and calendar folder."""

    def __init__(self, folder: Path, tz: str) -> None:
        self.khal = need("khal")
        self.calendar = folder / "calendar"
        self.calendar.mkdir(parents=True)
        self.config = folder / "khal.conf"
        self.config.write_text(
            f"""[calendars]
[[khcal]]
path = {self.calendar}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = {tz}
default_timezone = {tz}

[sqlite]
path = {folder / "khal.db"}
""",
            encoding="utf-8",
        )
        self.env = {**os.environ, "TZ": tz, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config")}

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [self.khal, "-c", str(self.config), *args],
            capture_output=True, text=True, env=self.env, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    def import_(self, data: bytes, folder: Path) -> None:
        path = folder / "import.ics"
        path.write_bytes(data)
        self.run("import", "--batch", "-a", "khcal", str(path))

    def days(self, first: date, last: date) -> list[tuple[date, str, str]]:
        """(day, uid, title) for every event khal shows on every day of first..last."""
        out = self.run(
            "list", "--day-format", "DAY {date}", "--format", "{uid}\t{all-day}\t{title}",
            first.isoformat(), last.isoformat(),
        )  # fmt: skip
        shown: list[tuple[date, str, str]] = []
        day: date | None = None
        for line in out.splitlines():
            if line.startswith("DAY "):
                day = date.fromisoformat(line[4:].strip())
                continue
            if not line.strip():
                continue
            uid, all_day, title = line.split("\t", 2)
            assert all_day == "True", line
            assert day is not None
            shown.append((day, uid, title))
        return shown

    def stored(self) -> int:
        return len(list(self.calendar.glob("*.ics")))


def expected_days(events: tuple[Expected, ...], first: date, last: date) -> list[tuple[date, str, str]]:
    out = []
    for event in events:
        day = event.start
        while day <= event.last:
            if first <= day <= last:
                out.append((day, event.uid, event.summary))
            day += timedelta(days=1)
    return sorted(out)


@pytest.mark.slow
@pytest.mark.parametrize("tz", ["Asia/Phnom_Penh", "America/Los_Angeles", "Pacific/Kiritimati"])
def test_khal_lists_the_right_events_on_the_right_days(tz: str, tmp_path: Path) -> None:
    client = Khal(tmp_path, tz)
    feed = make_feed("khmer", ["--from", "2024", "--to", "2026", "--lang", "km", "--alarm", "-PT15H"])
    client.import_(feed.data, tmp_path)
    first, last = date(2024, 1, 1), date(2026, 12, 31)
    shown = client.days(first, last)
    assert sorted(shown) == expected_days(feed.events, first, last)
    assert client.stored() == len(feed.events)
    # Anchors from the published lists (the 2026 sub-decree): the New Year of 2026 on 14-16 April, 7 January.
    new_year = {d for d, uid, _ in shown if uid == "khmer-new-year-2026@khcal"}
    assert new_year == {date(2026, 4, 14), date(2026, 4, 15), date(2026, 4, 16)}
    assert {d for d, uid, _ in shown if uid == "victory-over-genocide-2025@khcal"} == {date(2025, 1, 7)}


MOVE = """
revision = 2027-01-15

[[observances]]
id = "constitution-day"
name = { en = "Constitution Day" }
category = "national"
rule = { kind = "fixed", month = 9, day = 24 }
description = "The Constitution of 1993."

[[observances.holiday]]

[[observances.exceptions]]
year = 2027
start = 2027-09-23
sources = [{ title = "A decree that moves the day (test)" }]
"""


@pytest.mark.slow
def test_khal_reimport_and_later_revision_do_not_duplicate(tmp_path: Path) -> None:
    client = Khal(tmp_path / "khal", "Asia/Phnom_Penh")
    args = ["--from", "2026", "--to", "2028", "--holidays"]
    before = make_feed("before", args)
    client.import_(before.data, tmp_path)
    first, last = date(2026, 1, 1), date(2028, 12, 31)
    once = client.days(first, last)
    assert sorted(once) == expected_days(before.events, first, last)
    # The same feed again: nothing added.
    client.import_(before.data, tmp_path)
    assert client.days(first, last) == once
    assert client.stored() == len(before.events)
    # A later revision moves Constitution Day 2027 from 24 to 23 September: updated, not duplicated.
    revision = tmp_path / "revision.toml"
    revision.write_text(MOVE, encoding="utf-8")
    after = make_feed("after", args, [revision])
    assert len(after.events) == len(before.events)
    client.import_(after.data, tmp_path)
    shown = client.days(first, last)
    assert sorted(shown) == expected_days(after.events, first, last)
    assert client.stored() == len(before.events)
    constitution = [d for d, uid, _ in shown if uid == "constitution-day-2027@khcal"]
    assert constitution == [date(2027, 9, 23)]
    for day in {d for d, _, _ in shown}:
        uids = [uid for d, uid, _ in shown if d == day]
        assert len(uids) == len(set(uids)), day
