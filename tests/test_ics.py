"""The iCalendar writer (ics.py) and `khcal export`: shape, stability, escaping, options and errors.

Dates asserted here come from the published lists of days off (recorded with their sources in
data/observances.toml: Khmer New Year 14-16 April 2026, Victory over Genocide Day 7 January) or from the
catalogue file read independently with tomllib.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khcal.cli import app
from khcal.core import definitions as catalogue
from khcal.core.schedule import Filter, Schedule
from khcal.feeds import ics
from support.command_line import run_bytes as run

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).with_name("golden")
SMALL = GOLDEN / "small.toml"
BUILTIN = tomllib.loads((ROOT / "data" / "observances.toml").read_text(encoding="utf-8"))


def export(*args: str) -> bytes:
    code, out, err = run("export", "--today", "2026-11-22", *args)
    assert code == 0, err
    return out


def events(data: bytes) -> list[Any]:
    from icalendar import Calendar

    return list(Calendar.from_ical(data).walk("VEVENT"))


def by_uid(data: bytes) -> dict[str, Any]:
    return {str(e["UID"]): e for e in events(data)}


def small_schedule() -> Schedule:
    return Schedule(catalogue.load([SMALL], builtin=False))


# --- golden files ---------------------------------------------------------------------------------------

GOLDEN_FEEDS = {
    "small.ics": ics.FeedOptions(2026, 2026),
    "small-km-holidays-alarm.ics": ics.FeedOptions(
        2026, 2026, lang="km", holidays=True, alarm=timedelta(hours=-15)
    ),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_FEEDS))
def test_golden_feed_byte_for_byte(name: str) -> None:
    data = ics.build(small_schedule(), GOLDEN_FEEDS[name])
    path = GOLDEN / name
    if os.environ.get("KHCAL_UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_golden_feed_says_what_the_small_catalogue_says() -> None:
    """The golden file read back: each event checked against the definitions, not against the writer."""
    found = by_uid((GOLDEN / "small.ics").read_bytes())
    assert sorted(found) == [
        "fall-of-phnom-penh-2026@khcal",
        "international-womens-day-2026@khcal",
        "international-womens-day-in-lieu-2026@khcal",
        "victory-over-genocide-2026@khcal",
        "water-festival-2026@khcal",
    ]
    victory = found["victory-over-genocide-2026@khcal"]
    assert victory.decoded("DTSTART") == date(2026, 1, 7)
    assert victory.decoded("DTEND") == date(2026, 1, 8)
    # 8 March 2026 is a Sunday: the in-lieu rule of the file gives Monday 9 March.
    lieu = found["international-womens-day-in-lieu-2026@khcal"]
    assert lieu.decoded("DTSTART") == date(2026, 3, 9)
    assert str(lieu["SUMMARY"]) == "Day in lieu of International Women's Day"
    # The exception of the file moved 17 April to 18 April.
    moved = found["fall-of-phnom-penh-2026@khcal"]
    assert moved.decoded("DTSTART") == date(2026, 4, 18)
    assert moved["SEQUENCE"] > 0
    # SEQUENCE: the revision's day number, then three digits from the content (khcal.feeds.versions).
    days = (date(2026, 3, 1) - date(2000, 1, 1)).days
    assert {int(e["SEQUENCE"]) // 1000 for e in found.values()} == {days}
    assert len({int(e["SEQUENCE"]) for e in found.values()}) == len(found)
    water = found["water-festival-2026@khcal"]
    assert (water.decoded("DTEND") - water.decoded("DTSTART")).days == 3
    escaped = str(found["international-womens-day-2026@khcal"]["DESCRIPTION"])
    assert escaped.startswith(
        "Text that needs escaping: commas, semicolons; a backslash \\ and\nan end of line."
    )


# --- determinism ----------------------------------------------------------------------------------------


def test_two_runs_of_the_installed_command_are_identical(tmp_path: Path) -> None:
    """Separate processes, different hash seeds and clocks' zones: the same bytes."""
    khcal = Path(sys.executable).with_name("khcal")
    outputs = []
    for seed, tz in (("1", "Asia/Phnom_Penh"), ("2", "Pacific/Kiritimati")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz, "XDG_CONFIG_HOME": str(tmp_path)}
        done = subprocess.run(
            [str(khcal), "export", "--from", "2025", "--to", "2027", "--lang", "km", "--alarm", "-PT15H"],
            capture_output=True, env=env, check=True,
        )  # fmt: skip
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"BEGIN:VEVENT") > 50


def test_dtstamp_is_the_catalogue_revision_not_the_clock() -> None:
    revision = BUILTIN["revision"]
    for event in events(export("--from", "2026", "--to", "2027")):
        assert event.decoded("DTSTAMP") == datetime(
            revision.year, revision.month, revision.day, tzinfo=event.decoded("DTSTAMP").tzinfo
        )
        assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)


# --- the calendar and its events ------------------------------------------------------------------------


def test_calendar_properties() -> None:
    data = export("--from", "2026", "--to", "2026")
    text = data.decode("utf-8")
    head = text.split("BEGIN:VEVENT")[0]
    for line in (
        "BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "NAME:Cambodia: holidays and remembrance days",
        "X-WR-CALNAME:Cambodia: holidays and remembrance days",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D",
    ):  # fmt: skip
        assert f"\r\n{line}\r\n" in f"\r\n{head}", line
    assert "\r\nPRODID:-//khcal//" in head
    assert "\r\nDESCRIPTION:" in head and "\r\nX-WR-CALDESC:" in head
    assert text.endswith("END:VCALENDAR\r\n")


def test_x_wr_texts_need_no_escaping() -> None:
    """Clients disagree on unescaping X- values, so khcal writes names and descriptions that need none."""
    from icalendar import Calendar

    for args in ([], ["--lang", "km"], ["--holidays", "--category", "remembrance", "--category", "royal"]):
        cal = Calendar.from_ical(export(*args))
        for key in ("X-WR-CALNAME", "X-WR-CALDESC"):
            assert not set(str(cal[key])) & set(",;\\\n"), (key, args)


def test_lines_are_crlf_and_folded_at_75_octets_on_character_boundaries() -> None:
    data = export(
        "--lang", "km", "--from", "2026", "--to", "2027", "--category", "holy-day", "--alarm", "-PT15H"
    )
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long Khmer lines were folded
    for line in lines:
        line.decode("utf-8")  # no multi-byte character is cut by a fold


def test_all_day_events_with_dtend_after_the_last_day() -> None:
    found = by_uid(export("--from", "2026", "--to", "2026"))
    new_year = found["khmer-new-year-2026@khcal"]  # 14-16 April 2026 (the 2026 sub-decree's list)
    assert new_year.decoded("DTSTART") == date(2026, 4, 14)
    assert new_year.decoded("DTEND") == date(2026, 4, 17)
    assert new_year["DTSTART"].params["VALUE"] == "DATE"
    assert new_year["DTEND"].params["VALUE"] == "DATE"
    victory = found["victory-over-genocide-2026@khcal"]
    assert (victory.decoded("DTSTART"), victory.decoded("DTEND")) == (date(2026, 1, 7), date(2026, 1, 8))
    for event in found.values():
        assert type(event.decoded("DTSTART")) is date and type(event.decoded("DTEND")) is date
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_one_event_for_each_occurrence_list_gives() -> None:
    """The contract: export with the same range and filters gives one event per occurrence of list."""
    for filters in ([], ["--holidays"], ["--category", "remembrance"], ["--category", "holy-day"]):
        result = CliRunner().invoke(app, ["list", "--from", "2015", "--to", "2027", "--json", *filters])
        listed = {(o["id"], o["start"], o["end"]) for o in json.loads(result.stdout)}
        exported = {
            (str(e["UID"]).rsplit("-", 1)[0] if "holy-day" not in str(e["UID"]) else "holy-day",
             e.decoded("DTSTART").isoformat(), (e.decoded("DTEND") - timedelta(days=1)).isoformat())
            for e in events(export("--from", "2015", "--to", "2027", *filters))
        }  # fmt: skip
        assert exported == listed, filters
        assert len(events(export("--from", "2015", "--to", "2027", *filters))) == len(listed)


def test_uid_depends_only_on_observance_and_year() -> None:
    english = by_uid(export("--from", "2026", "--to", "2028"))
    khmer = by_uid(export("--from", "2027", "--to", "2027", "--lang", "km", "--holidays"))
    assert set(khmer) <= set(english)
    assert "victory-over-genocide-2027@khcal" in khmer
    assert "pchum-ben-2027@khcal" in khmer
    assert str(khmer["victory-over-genocide-2027@khcal"]["SUMMARY"]) == BUILTIN_NAMES["victory-over-genocide"]
    holy = by_uid(export("--from", "2026", "--to", "2026", "--category", "holy-day"))
    assert all(uid.startswith("holy-day-2026-") for uid in holy)
    for uid, event in holy.items():
        assert uid == f"holy-day-{event.decoded('DTSTART').isoformat()}@khcal"


BUILTIN_NAMES = {o["id"]: o["name"]["km"] for o in BUILTIN["observances"] if "km" in o["name"]}


def test_uids_are_unique_over_two_centuries() -> None:
    schedule = Schedule(catalogue.load([]))
    everything = Filter(categories=frozenset(schedule.catalogue.categories))
    found = schedule.between(date(1900, 1, 1), date(2100, 12, 31), everything)
    uids = [ics.event_uid(o) for o in found]
    assert len(uids) == len(set(uids))


def test_two_occurrences_with_one_key_get_distinct_uids() -> None:
    """Not in the built-in data, but a user's can do it: 8 days off over two Sundays, two days in lieu."""
    text = """
[[in_lieu]]
since = 2026
weekdays = ["sun"]
sources = ["Test clause"]

[[observances]]
id = "long-break"
name = "Long break"
category = "company"
rule = { kind = "fixed", month = 3, day = 1 }
days = 8
description = "From Sunday 1 to Sunday 8 March 2026."

[[observances.holiday]]
"""
    schedule = Schedule(catalogue.parse_text(text))
    found = by_uid(ics.build(schedule, ics.FeedOptions(2026, 2026)))
    assert sorted(found) == [
        "long-break-2026@khcal",
        "long-break-in-lieu-2026-2@khcal",
        "long-break-in-lieu-2026@khcal",
    ]
    assert found["long-break-in-lieu-2026@khcal"].decoded("DTSTART") == date(2026, 3, 9)
    assert found["long-break-in-lieu-2026-2@khcal"].decoded("DTSTART") == date(2026, 3, 10)


def test_in_lieu_uid_and_summary() -> None:
    # 2017: 1 January was a Sunday; the 2015-2017 sub-decrees moved it to Monday 2 January.
    found = by_uid(export("--from", "2017", "--to", "2017", "--holidays"))
    lieu = found["international-new-year-in-lieu-2017@khcal"]
    assert lieu.decoded("DTSTART") == date(2017, 1, 2)
    assert str(lieu["SUMMARY"]).startswith("Day in lieu of")


def test_khmer_summary_and_description_with_english_fallback(tmp_path: Path) -> None:
    # An observance of the user's with no Khmer text: its English name and description are used.
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "remembrance"\n'
        'rule = { kind = "fixed", month = 3, day = 3 }\ndescription = "The day the company began."\n',
        encoding="utf-8",
    )
    found = by_uid(
        export(
            "--from", "2026", "--to", "2026", "--lang", "km", "--category", "remembrance", "--file", str(mine)
        )
    )
    entries = {o["id"]: o for o in BUILTIN["observances"]}
    victory = found["victory-over-genocide-2026@khcal"]
    assert str(victory["SUMMARY"]) == entries["victory-over-genocide"]["name"]["km"]
    assert str(victory["DESCRIPTION"]).startswith(
        entries["victory-over-genocide"]["description"]["km"].strip()[:40]
    )
    assert "ជាថ្ងៃឈប់សម្រាក" in str(victory["DESCRIPTION"])
    company = found["company-day-2026@khcal"]
    assert str(company["SUMMARY"]) == "Company Day"
    assert str(company["DESCRIPTION"]).startswith("The day the company began.")


def test_description_says_day_off_or_not_and_sources() -> None:
    found = by_uid(export("--from", "2026", "--to", "2027"))
    victory = str(found["victory-over-genocide-2026@khcal"]["DESCRIPTION"])
    assert "A day off in Cambodia in 2026." in victory and "published list" in victory
    assert "Sources:" in victory and "Royal Government of Cambodia" in victory
    assert "not published yet" in str(found["victory-over-genocide-2027@khcal"]["DESCRIPTION"])
    fall = str(found["fall-of-phnom-penh-2026@khcal"]["DESCRIPTION"])
    assert "Not a day off in Cambodia in 2026." in fall
    assert list(found["victory-over-genocide-2026@khcal"]["CATEGORIES"].cats) == ["remembrance", "day-off"]
    assert list(found["fall-of-phnom-penh-2026@khcal"]["CATEGORIES"].cats) == ["remembrance"]


# --- sequence and last-modified across data revisions ---------------------------------------------------

MOVE_CONSTITUTION_DAY = """
revision = {revision}

[[observances]]
id = "constitution-day"
name = {{ en = "Constitution Day", km = "ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ" }}
category = "national"
rule = {{ kind = "fixed", month = 9, day = 24 }}
description = "The Constitution of 1993."

[[observances.holiday]]

[[observances.exceptions]]
year = 2027
start = {start}
sources = [{{ title = "A decree that moves the day (test)" }}]
"""


def revised(tmp_path: Path, revision: str, start: str) -> Path:
    path = tmp_path / f"revision-{revision}-{start}.toml"
    path.write_text(MOVE_CONSTITUTION_DAY.format(revision=revision, start=start), encoding="utf-8")
    return path


def test_a_moved_day_gets_a_higher_sequence_and_a_last_modified(tmp_path: Path) -> None:
    before = by_uid(export("--from", "2027", "--to", "2027"))["constitution-day-2027@khcal"]
    assert before.decoded("DTSTART") == date(2027, 9, 24)
    assert before.decoded("LAST-MODIFIED").date() == BUILTIN["revision"]
    first = revised(tmp_path, "2027-01-15", "2027-09-23")
    after = by_uid(export("--from", "2027", "--to", "2027", "--file", str(first)))[
        "constitution-day-2027@khcal"
    ]
    assert after.decoded("DTSTART") == date(2027, 9, 23)
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("LAST-MODIFIED").date() == date(2027, 1, 15)
    # A later revision moves it again: higher again.
    second = revised(tmp_path, "2027-03-01", "2027-09-22")
    again = by_uid(export("--from", "2027", "--to", "2027", "--file", str(second)))[
        "constitution-day-2027@khcal"
    ]
    assert again.decoded("DTSTART") == date(2027, 9, 22)
    assert again["SEQUENCE"] > after["SEQUENCE"]
    assert again.decoded("LAST-MODIFIED").date() == date(2027, 3, 1)
    # Another event of the same data keeps its sequence from one run to the next.
    runs = [
        by_uid(export("--from", "2027", "--to", "2027", "--file", str(second)))["independence-day-2027@khcal"]
        for _ in range(2)
    ]
    assert runs[0]["SEQUENCE"] == runs[1]["SEQUENCE"] > 0


def test_a_user_file_without_revision_still_raises_the_sequence(tmp_path: Path) -> None:
    path = tmp_path / "move.toml"
    path.write_text(MOVE_CONSTITUTION_DAY.replace("revision = {revision}\n", "").format(start="2027-09-23"))
    event = by_uid(export("--from", "2027", "--to", "2027", "--file", str(path)))[
        "constitution-day-2027@khcal"
    ]
    assert event["SEQUENCE"] > 0
    assert event.decoded("LAST-MODIFIED").date() == BUILTIN["revision"]


def test_revision_is_validated_and_merged() -> None:
    from khcal.errors import DefinitionsError

    assert catalogue.load([]).revision == BUILTIN["revision"]
    with pytest.raises(DefinitionsError, match=r"<text>:1: field 'revision': 'soon' is not a valid date"):
        catalogue.parse_text('revision = "soon"')
    older = catalogue.parse_text("revision = 2001-01-01")
    newer = catalogue.parse_text("revision = 2030-01-01")
    assert older.merged(newer).revision == newer.merged(older).revision == date(2030, 1, 1)
    assert older.merged(catalogue.parse_text("")).revision == date(2001, 1, 1)


# --- alarm ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-PT15H", timedelta(hours=-15)),
        ("-P1D", timedelta(days=-1)),
        ("PT9H", timedelta(hours=9)),
        ("-P1DT2H30M", -timedelta(days=1, hours=2, minutes=30)),
        ("-P2W", timedelta(weeks=-2)),
        ("+PT0S", timedelta(0)),
        ("-pt15h", timedelta(hours=-15)),
    ],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert ics.parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["15H", "-PT", "P", "-P1H", "PT1D", "-P1Y", "-P1M", "P2W1D", "soon", "-PT15H ago", "-P400D"]
)
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ics.FeedOptionError, match="--alarm"):
        ics.parse_duration(text)


def test_alarm_is_a_display_alarm_relative_to_the_start() -> None:
    data = export("--from", "2026", "--to", "2026", "--holidays", "--alarm", "-PT15H")
    assert b"TRIGGER;RELATED=START:-PT15H\r\n" in data
    for event in events(data):
        [alarm] = event.subcomponents
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(hours=-15)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    assert b"VALARM" not in export("--from", "2026", "--to", "2026")


# --- options and errors ---------------------------------------------------------------------------------


def test_default_range_is_this_year_and_the_next_two() -> None:
    code, out, _ = run("export", "--today", "2026-05-01", "--category", "remembrance")
    assert code == 0
    years = {e.decoded("DTSTART").year for e in events(out)}
    assert years == {2026, 2027, 2028}
    code, out, _ = run("export", "--today", "2026-05-01", "--from", "2030", "--category", "remembrance")
    assert {e.decoded("DTSTART").year for e in events(out)} == {2030, 2031, 2032}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2027", "--to", "2026"], "--from 2027 is after --to 2026"),
        (["--from", "26"], "--from: '26' is not a year"),
        (["--to", "3000"], "--to: year 3000 is outside the supported range"),
        (["--from", "1900", "--to", "2100"], "at most 100 years"),
        (["--lang", "fr"], "--lang: 'fr' is not one of en, km"),
        (["--category", "sports"], "--category: 'sports' is not a category"),
        (["--alarm", "15 hours"], "--alarm: '15 hours' is not a duration"),
        (["--file", "/nonexistent.toml"], "/nonexistent.toml: no such file"),
    ],
)
def test_bad_input_exits_2_with_one_line(args: list[str], message: str) -> None:
    code, out, err = run("export", "--today", "2026-01-01", *args)
    assert code == 2
    assert out == b""
    assert err.count("\n") == 1 and err.startswith("khcal: ")
    assert message in err


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "cambodia.ics"
    code, out, err = run("export", "--today", "2026-01-01", "-o", str(target))
    assert code == 0, err
    assert out == b""
    assert target.read_bytes() == export("--today", "2026-01-01")
    assert target.stat().st_mode & 0o044  # readable by a web server, not private like a temporary file
    assert [p.name for p in tmp_path.iterdir()] == ["cambodia.ics"]


def test_output_to_an_unwritable_path_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = run("export", "--today", "2026-01-01", "-o", str(blocker / "feed.ics"))
    assert code == 2 and err.count("\n") == 1 and "cannot write" in err
    code, _, err = run("export", "--today", "2026-01-01", "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_a_failed_write_leaves_the_existing_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "cambodia.ics"
    target.write_bytes(b"the old feed")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, _, err = run("export", "--today", "2026-01-01", "-o", str(target))
    assert code == 2
    assert err == f"khcal: -o {target}: cannot write (No space left on device)\n"
    assert target.read_bytes() == b"the old feed"
    assert [p.name for p in tmp_path.iterdir()] == ["cambodia.ics"]  # no temporary file left


def test_export_does_not_import_icalendar_for_other_commands() -> None:
    code = "import sys, khcal.feeds.ics, khcal.cli; print('icalendar' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
