"""The answers `khcal.cli.memo` keeps: those of a fresh run, forgotten as soon as an input changes."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import run, write_config
from khcal.cli import fastpath, memo
from khcal.folders import cache_folder

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC).timestamp()
"""03:00 on 24 November 2026 in Phnom Penh (UTC+7)."""


def answer(argv: list[str], now: float = NOW) -> tuple[str, str, int] | None:
    """Run `argv` on the fast path through the recorder, as the `khcal` command does; the printed text."""
    recorder = memo.Recorder(argv, dict(os.environ), clock=lambda: now)
    return recorder_run(recorder, argv)


def recorder_run(recorder: memo.Recorder, argv: list[str]) -> tuple[str, str, int] | None:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = recorder.run(lambda: fastpath.dispatch(argv))
    return None if code is None else (out.getvalue(), err.getvalue(), code)


def remembered(argv: list[str], now: float = NOW) -> tuple[str, str, int] | None:
    return memo.lookup(argv, dict(os.environ), now)


@pytest.mark.parametrize(
    "argv",
    [
        ["is-holiday", "2026-11-24"],
        ["is-workday", "2026-11-24", "--json"],
        ["is-workday", "2026-11-21", "--weekend", "sun"],
        ["workdays", "add", "2026-11-20", "3"],
        ["today", "--short", "--today", "2026-11-24"],
        ["today", "--short", "--lang", "km", "--today", "2026-12-28"],
        ["today", "--waybar", "--today", "2026-11-24"],
        ["today", "--today", "2026-11-24"],
        ["next", "--today", "2026-11-22"],
        ["next", "3", "--lang", "km", "--json", "--today", "2026-11-22"],
    ],
)
def test_a_remembered_answer_is_the_fresh_one(argv: list[str]) -> None:
    assert memo.remembers(argv)
    fresh = answer(argv)
    assert fresh is not None
    code, out, err = run(*argv)  # the full command line gives the same
    assert fresh == (out, err, code)
    assert remembered(argv) == fresh


def test_nothing_is_kept_for_stdin_help_or_other_commands() -> None:
    for argv in (["is-workday", "-"], ["is-holiday", "--help"], ["list"], ["export"], ["serve"], []):
        assert not memo.remembers(argv)


def test_an_error_is_never_kept() -> None:
    assert answer(["is-holiday", "2026-02-31"]) is None  # the full command line reports it
    assert remembered(["is-holiday", "2026-02-31"]) is None


def test_the_answer_is_kept_for_its_day_in_the_zone_only() -> None:
    argv = ["is-holiday", "2026-11-24"]
    answer(argv)
    assert remembered(argv, NOW + 3 * 3600) is not None  # 06:00 the same day
    assert remembered(argv, NOW + 21 * 3600 + 1) is None  # the next day in Phnom Penh: run again
    answer(["is-holiday", "2026-11-24", "--tz", "Europe/London"])
    assert remembered(["is-holiday", "2026-11-24", "--tz", "Europe/London"]) is not None


def test_a_zone_is_followed_only_until_its_offset_changes() -> None:
    # Europe/London leaves summer time at 01:00 UTC on 25 October 2026.
    before = datetime(2026, 10, 24, 12, 0, tzinfo=UTC).timestamp()
    start, end, offset = memo._zone_window("Europe/London", before)
    assert (start, offset) == (before, 3600)
    assert end == datetime(2026, 10, 25, 1, 0, tzinfo=UTC).timestamp()


def test_a_new_definitions_file_changes_the_answer(isolated: Path) -> None:
    argv = ["is-holiday", "2026-06-26"]
    first = answer(argv)
    assert first is not None and first[2] == 1
    folder = isolated / "khcal"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "company.toml").write_text(
        '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "company"\n'
        'rule = { kind = "nth-weekday", month = 6, weekday = "fri", n = -1 }\ndescription = "Ours."\n'
        "[[observances.holiday]]\n",
        encoding="utf-8",
    )
    assert remembered(argv) is None
    second = answer(argv)
    assert second is not None and second[2] == 0 and "Company Day" in second[0]
    assert remembered(argv) == second


def test_a_changed_file_or_settings_file_changes_the_answer(isolated: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[observances]]\nid = "our-day"\nname = "Our Day"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 6, day = 3 }\ndescription = "Ours."\n[[observances.holiday]]\n',
        encoding="utf-8",
    )
    argv = ["is-holiday", "2026-06-03", "--file", str(extra)]
    assert answer(argv) is not None and remembered(argv) is not None
    extra.write_text(extra.read_text(encoding="utf-8").replace("day = 3", "day = 4"), encoding="utf-8")
    assert remembered(argv) is None
    moved = answer(argv)
    assert moved is not None and moved[2] == 1
    write_config(isolated, 'lang = "km"\n')
    assert remembered(argv) is None
    khmer = answer(argv)
    assert khmer is not None and "ពុធ" in khmer[0]  # Wednesday, in the language config.toml sets


def test_the_environment_and_arguments_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["is-holiday", "2026-11-24"]
    answer(argv)
    monkeypatch.setenv("KHCAL_LANG", "km")
    assert remembered(argv) is None
    assert remembered(["is-holiday", "2026-11-25"]) is None


def test_a_damaged_cache_is_a_miss_and_is_rebuilt(tmp_path: Path) -> None:
    argv = ["is-holiday", "2026-11-24"]
    kept = answer(argv)
    folder = Path(cache_folder(os.environ))
    for stored in folder.glob("answers-*.marshal"):
        stored.write_bytes(b"\x00 not marshal")
    assert remembered(argv) is None
    assert answer(argv) == kept
    assert remembered(argv) == kept


def test_an_unwritable_cache_is_no_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    found = answer(["is-holiday", "2026-11-24"])
    assert found is not None and found[2] == 0
    assert remembered(["is-holiday", "2026-11-24"]) is None


def test_a_remembered_answer_loads_nothing_of_khcal_but_its_entry_point(tmp_path: Path) -> None:
    """The installed command's second run of a command line: answered from the cache, Typer, rich, the
    settings and the core all left unloaded."""
    import subprocess
    import sys

    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
        "sys.argv = ['khcal', 'is-holiday', '2026-11-24']\n"
        "from khcal.cli.memo import main\n"
        "main()\n"
    )
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)]
    runs.append(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    )
    assert [r.stdout for r in runs] == ["2026-11-24 Tuesday: day off: Water Festival\n"] * 2
    assert [r.returncode for r in runs] == [0, 0]
    first, second = ({m for m in r.stderr.split("MODULES ")[1].split()} for r in runs)
    assert "khcal.settings" in first and "khcal.core.schedule" in first
    assert {m for m in second if m.startswith("khcal")} == {
        "khcal",
        "khcal.cli",
        "khcal.cli.memo",
        "khcal.folders",
    }
    assert not {"typer", "rich", "typing", "dataclasses", "pathlib", "zoneinfo", "datetime"} & second


def test_a_terminal_of_another_size_is_another_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["next", "--today", "2026-11-22"]
    monkeypatch.setattr(memo, "_terminal", lambda: (True, True, True, (80, 24)))
    answer(argv)
    assert remembered(argv) is not None
    monkeypatch.setattr(memo, "_terminal", lambda: (True, True, True, (120, 40)))
    assert remembered(argv) is None
    monkeypatch.setattr(memo, "_terminal", lambda: (False, False, False, None))
    assert remembered(argv) is None


def test_bytes_written_past_the_text_stream_are_never_kept() -> None:
    import sys

    def binary() -> int:
        _ = sys.stdout.buffer  # what a writer of bytes reaches for
        return 0

    recorder = memo.Recorder(["is-holiday", "2026-11-24"], dict(os.environ), clock=lambda: NOW)
    fastpath.zone = "Asia/Phnom_Penh"
    assert recorder.run(binary) == 0
    assert remembered(["is-holiday", "2026-11-24"]) is None
