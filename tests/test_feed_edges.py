"""Feeds at the edges: versions that follow changes, empty selections, bounded alarms, date ranges, and
`export -o` into every kind of path (a temporary folder only; never /dev)."""

from __future__ import annotations

import os
import stat
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khcal.cli import app
from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import ics, versions

TODAY = "2026-11-22"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("KHCAL_TZ", "KHCAL_LANG"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, ["export", "--today", TODAY, *args])
    return result.exit_code, result.stdout_bytes, result.stderr


def by_uid(data: bytes) -> dict[str, Any]:
    from icalendar import Calendar

    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


# --- versions ---------------------------------------------------------------------------------------------

RENAMED = """
[[observances]]
id = "constitution-day"
name = {{ en = "{name}" }}
category = "national"
rule = {{ kind = "fixed", month = 9, day = {day} }}
description = "The Constitution of 1993."

[[observances.holiday]]
"""


def with_file(tmp_path: Path, name: str, day: int) -> dict[str, Any]:
    path = tmp_path / f"{name}-{day}.toml"
    path.write_text(RENAMED.format(name=name, day=day), encoding="utf-8")
    code, out, err = run("--from", "2027", "--to", "2027", "--file", str(path))
    assert code == 0, err
    return by_uid(out)


def test_versions_move_with_the_content_only(tmp_path: Path) -> None:
    first = with_file(tmp_path, "Constitution Day", 24)
    same = with_file(tmp_path, "Constitution Day", 24)
    renamed = with_file(tmp_path, "Day of the Constitution", 24)
    moved = with_file(tmp_path, "Constitution Day", 23)
    uid = "constitution-day-2027@khcal"
    for changed in (renamed, moved):
        assert changed[uid]["SEQUENCE"] != first[uid]["SEQUENCE"]
        assert changed[uid].decoded("LAST-MODIFIED") != first[uid].decoded("LAST-MODIFIED")
        # Every other event stays put: same data revision, same content.
        for other in first:
            if other != uid:
                assert changed[other]["SEQUENCE"] == first[other]["SEQUENCE"], other
                assert changed[other].decoded("LAST-MODIFIED") == first[other].decoded("LAST-MODIFIED")
    assert same[uid]["SEQUENCE"] == first[uid]["SEQUENCE"]


def test_a_user_file_changing_a_builtin_event_raises_its_version(tmp_path: Path) -> None:
    code, out, err = run("--from", "2027", "--to", "2027")
    assert code == 0, err
    builtin = by_uid(out)
    uid = "constitution-day-2027@khcal"
    for changed in (
        with_file(tmp_path, "Constitution Day", 23),
        with_file(tmp_path, "Day of the Constitution", 24),
    ):
        assert changed[uid]["SEQUENCE"] > builtin[uid]["SEQUENCE"]
        assert changed[uid].decoded("LAST-MODIFIED") > builtin[uid].decoded("LAST-MODIFIED")
        assert changed[uid]["DTSTAMP"].to_ical() == builtin[uid]["DTSTAMP"].to_ical()  # the same revision


def test_a_previous_edition_keeps_unchanged_events_and_raises_changed_ones() -> None:
    revision = date(2026, 3, 1)
    old = versions.derived("a" * 64, revision)
    assert versions.following("a" * 64, revision, old) == old
    # A change whose derived sequence would be lower still rises above the previous one.
    high = versions.Version("b" * 64, old.sequence + 500, old.modified + timedelta(hours=30))
    new = versions.following("c" * 64, revision, high)
    assert new.sequence == high.sequence + 1
    assert new.modified > high.modified


def test_previous_versions_are_read_back_from_a_feed() -> None:
    schedule = Schedule(catalogue.load([]))
    data = ics.build(schedule, ics.FeedOptions(2026, 2026))
    read = versions.read_previous(data)
    events = by_uid(data)
    assert set(read) == set(events)
    for uid, event in events.items():
        assert read[uid].sequence == event["SEQUENCE"]
    # Built again with itself as the previous edition: the same bytes.
    assert ics.build(schedule, ics.FeedOptions(2026, 2026), read) == data
    assert versions.read_previous(b"not a calendar") == {}


# --- empty selections -------------------------------------------------------------------------------------


def test_an_empty_selection_is_a_valid_feed_every_parser_reads() -> None:
    from ical.calendar_stream import IcsCalendarStream
    from icalendar import Calendar

    code, out, err = run("--from", "2026", "--to", "2026", "--category", "holy-day", "--holidays")
    assert code == 0, err
    cal = Calendar.from_ical(out)
    assert cal.walk("VEVENT") == []
    assert [c.name for c in cal.subcomponents] == ["VTIMEZONE"]
    assert cal.to_ical() == out
    strict = IcsCalendarStream.calendar_from_ics(out.decode("utf-8"))
    assert strict.events == []
    assert b"BEGIN:VTIMEZONE\r\nTZID:UTC\r\n" in out


# --- alarms, ranges ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("alarm", ["P9999999999D", "-P99999999999W", "PT99999999999999999999S", "P367D"])
def test_an_alarm_too_far_away_exits_2(alarm: str) -> None:
    code, out, err = run("--alarm", alarm)
    assert code == 2 and out == b""
    assert err == f"khcal: --alarm: '{alarm}' is more than a year away from the event\n"


def test_export_takes_days_as_list_does() -> None:
    code, out, err = run("--from", "2026-11-28", "--to", "2027-01-31", "--holidays")
    assert code == 0, err
    days = sorted(e.decoded("DTSTART") for e in by_uid(out).values())
    assert days[0] >= date(2026, 11, 28) and days[-1] <= date(2027, 1, 31)
    assert date(2027, 1, 7) in days  # Victory over Genocide Day
    code, _, err = run("--from", "2027-02-01", "--to", "2027-01-31")
    assert code == 2 and "is after" in err
    code, _, err = run("--from", "2027-02-30")
    assert code == 2 and err.count("\n") == 1 and "--from" in err


@pytest.mark.parametrize(
    ("command", "said"),
    [("export", "At most 100 years in one feed"), ("publish", "At most 100 years in one feed"),
     ("serve", "at most 30 years in one feed")],
)  # fmt: skip
def test_the_cap_of_years_is_in_the_help(command: str, said: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert said in " ".join(result.stdout.split())


# --- export -o --------------------------------------------------------------------------------------------


def feed() -> bytes:
    code, out, _ = run()
    assert code == 0
    return out


def test_output_dash_is_stdout() -> None:
    code, out, err = run("-o", "-")
    assert code == 0, err
    assert out == feed()


def test_output_into_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run("-o", str(fifo))
    reader.join(30)
    assert code == 0, err
    assert received == [feed()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_into_a_character_device(tmp_path: Path) -> None:
    device = tmp_path / "nulldev"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device, made in the test's folder
    code, _, err = run("-o", str(device))
    assert code == 0, err
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name != "config"] == ["nulldev"]


def test_output_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_text("x")
    real.chmod(0o640)
    link = tmp_path / "link.ics"
    link.symlink_to("real.ics")
    code, _, err = run("-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == "real.ics"
    assert real.read_bytes() == feed()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # permissions kept


def test_output_keeps_the_permissions_of_a_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    target.write_text("old")
    target.chmod(0o600)
    code, _, err = run("-o", str(target))
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == feed()


@pytest.mark.parametrize("kind", ["read-only", "folder"])
def test_output_refuses_a_read_only_file_or_a_folder(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "feed.ics"
    if kind == "folder":
        target.mkdir()
    else:
        target.write_text("keep me")
        target.chmod(0o444)
    code, out, err = run("-o", str(target))
    assert code == 2 and out == b""
    assert err.count("\n") == 1
    assert ("is read-only" if kind == "read-only" else "is a folder") in err
    if kind == "read-only":
        assert target.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_no_partial_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "new.ics"

    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    code, _, err = run("-o", str(target))
    assert code == 2 and "Input/output error" in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_last_modified_is_derived_not_the_clock() -> None:
    data = feed()
    for event in by_uid(data).values():
        assert event.decoded("LAST-MODIFIED") <= datetime(2026, 11, 22, tzinfo=UTC) + timedelta(days=1)


def test_control_characters_never_reach_a_feed(tmp_path: Path) -> None:
    assert ics.clean_text("Odd\x07 day\x1b[31m") == "Odd day[31m"
    assert ics.clean_text("Bell\x07 and\r\nCRLF\x00.\tTab") == "Bell and\nCRLF.\tTab"
    path = tmp_path / "controls.toml"
    path.write_text(
        '[[observances]]\nid = "odd-day"\nname = { en = "Odd\\u0007 day" }\ncategory = "national"\n'
        'rule = { kind = "fixed", month = 3, day = 3 }\ndescription = "Bell\\u0007."\n',
        encoding="utf-8",
    )
    code, out, err = run("--from", "2027", "--to", "2027", "--file", str(path))
    assert b"\x07" not in out
    if code != 0:  # the definitions reader refuses the file: its problems, no traceback
        assert code == 2 and "Traceback" not in err
        assert all(line.startswith("khcal: ") for line in err.splitlines())


def test_export_from_today_for_two_years() -> None:
    code, out, err = run("--from", "today", "--to", "2028-11-21", "--holidays")
    assert code == 0, err
    days = sorted(e.decoded("DTSTART") for e in by_uid(out).values())
    assert days[0] >= date(2026, 11, 22) and days[-1] <= date(2028, 11, 21)
