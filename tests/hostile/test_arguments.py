"""Hostile values, each where a user can give it (option, environment variable, config.toml, stdin, the
Python API), through a real `khcal` process: one line on stderr naming where the value came from, exit 2,
nothing on stdout, no traceback; and the values khcal reads the same whatever the digits (ASCII, Khmer)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from khcal import parsing
from khcal.errors import KhcalError
from support.command_line import write_config

SUPER_TWO, ARABIC_ZERO = "\u00b2", "\u0660"
ARABIC_2026 = "".join(chr(ord(ARABIC_ZERO) + int(d)) for d in "2026")
TODAY = ["--today", "2027-01-05"]
NINES = "9" * 5000


def khcal(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "khcal", *args], env={**os.environ, **(env or {})}, capture_output=True,
        text=True, timeout=timeout, check=False, input=stdin,
        **({} if stdin is not None else {"stdin": subprocess.DEVNULL}),
    )  # fmt: skip


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one line of a refused command line (exit 2, nothing on stdout, no traceback)."""
    assert done.returncode == 2, (done.returncode, done.stdout[:500], done.stderr[:2000])
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("khcal: ")
    assert "\x1b" not in line and "\x00" not in line
    assert len(line) < 400, line
    return line


CASES = [
    # time zones: a folder of the database, too long, a path out of it, a path through it
    (["next", "--tz", "Asia"], "--tz: unknown time zone 'Asia'"),
    (["next", "--tz", "A" * 300], "--tz: unknown time zone 'AAAA"),
    (["next", "--tz", "../../etc/passwd"], "--tz: unknown time zone '../../etc/passwd'"),
    (["next", "--tz", "Asia/../UTC"], "--tz: unknown time zone 'Asia/../UTC'"),
    (["next", "--tz", "Asia/"], "--tz: unknown time zone 'Asia/'"),
    (["next", "--tz", "/etc/localtime"], "--tz: unknown time zone '/etc/localtime'"),
    (["next", "--tz", "\x1b[31mUTC"], "--tz: unknown time zone '\\x1b[31mUTC'"),
    (["serve", "--tz", "Asia"], "--tz: unknown time zone 'Asia'"),
    # numbers and years: other digits, separators, huge numbers, the supported range
    (["list", "--from", SUPER_TWO * 4], f"--from: '{SUPER_TWO * 4}' is not a date or a year"),
    (["list", "--to", ARABIC_2026], f"--to: '{ARABIC_2026}' is not a date or a year"),
    (["list", "--year", SUPER_TWO * 4], "--year: '²²²²' is not a whole number"),
    (["list", "--year", "2_026"], "--year: '2_026' is not a whole number"),
    (["list", "--year", "+2026"], "--year: '+2026' is not a whole number"),
    (["list", "--year", ARABIC_2026], f"--year: '{ARABIC_2026}' is not a whole number"),
    (
        ["list", "--year", "9" * 30],
        "year 999999999999999999999999999999 is outside the supported range 1800-2200",
    ),
    (["cal", NINES], "is outside the supported range 1800-2200"),
    (["long-weekends", "--year", "1799"], "year 1799 is outside the supported range 1800-2200"),
    (["show", "pchum-ben", "--year", SUPER_TWO], "--year: '²' is not a whole number"),
    (["export", "--from", SUPER_TWO * 4], f"--from: '{SUPER_TWO * 4}' is not a date or a year"),
    (["export", "--from", ARABIC_2026], "is not a date or a year"),
    (["export", "--alarm", f"-PT{SUPER_TWO}H"], "--alarm: '-PT²H' is not a duration"),
    (
        ["publish", "out", "--base-url", "https://example.org", "--from", SUPER_TWO * 4],
        "--from: '²²²²' is not a year",
    ),
    (["next", SUPER_TWO], "N: '²' is not a whole number"),
    (["next", NINES], "N: 9999"),
    (["workdays", "add", "2026-01-05", NINES], "N: 9999"),
    (["workdays", "add", "2026-01-05", "99999999"], "N: 99999999 is not between -146766 and 146766"),
    (["today", "--count", "1" + "0" * 40], "--count: 1000"),
    (["is-holiday", f"2026-0{SUPER_TWO}-01"], "DATE: '2026-0²-01' is not a date"),
    (["is-holiday", "2026-01-01" + "\x1b[2J"], "DATE: '2026-01-01\\x1b[2J' is not a date"),
    (["is-holiday", "x" * 100_000], "DATE: 'xxxx"),
    (["is-holiday", "--extra-off", NINES], "--extra-off: '9999"),
    (["cal", "2026", NINES], "MONTH: 9999"),
    # the parser's own messages, which quote a word of the command line
    (["workdays", "next", "2026-01-05", "\u2028X\u202e"], "unexpected extra argument(s) (\\u2028X\\u202e)"),
    (["next", "--x" + "\x1b" * 2000], "No such option: --x\\x1b\\x1b"),
    # an empty id matches no id: nothing is suggested for it
    (["show", ""], "khcal: unknown observance id '' (khcal list --ids shows every id)"),
    # an empty file name is no file at all, not the current folder (`Path("")` is `.`)
    (["check", ""], "khcal: FILE: an empty name is not a file"),
    (["list", "--file", ""], "khcal: --file: an empty name is not a file"),
    (["is-holiday", "2026-01-01", "--file", ""], "khcal: --file: an empty name is not a file"),
    (["serve", "--file", ""], "khcal: --file: an empty name is not a file"),
    # where the server listens
    (["serve", "--host", "256.1.1.1"], "--host: '256.1.1.1' is not a host name or an IP address"),
    (["serve", "--host", ""], "--host: '' is not a host name or an IP address"),
    (["serve", "--host", "a..b"], "--host: 'a..b' is not a host name or an IP address"),
    (["serve", "--host", "1.2.3"], "--host: '1.2.3' is not a host name or an IP address"),
    (["serve", "--host", "[::1"], "--host: '[::1' is not a host name or an IP address"),
    (["serve", "--host", "h\x1b[31m"], "--host: 'h\\x1b[31m' is not a host name"),
    (["serve", "--port", "70000"], "--port: 70000 is not between 0 and 65535"),
    (["serve", "--port=-1"], "--port: -1 is not between 0 and 65535"),
    (["serve", "--port", SUPER_TWO], "--port: '²' is not a whole number"),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(c[0])[:40] for c in CASES])
def test_a_hostile_value_is_one_line_and_exit_2(args: list[str], expected: str) -> None:
    takes_today = args[0] not in ("serve", "check")
    line = one_line(khcal(*args, *(TODAY if takes_today else [])))
    assert expected in line, line


@pytest.mark.parametrize("zone", ["Asia", "A" * 300, "../../etc/passwd", "Asia/../UTC"])
def test_a_hostile_zone_from_the_environment_or_the_settings_file(isolated: Path, zone: str) -> None:
    line = one_line(khcal("next", *TODAY, env={"KHCAL_TZ": zone}))
    assert line.startswith("khcal: KHCAL_TZ: unknown time zone '"), line
    write_config(isolated, f'tz = "{zone}"\n')
    line = one_line(khcal("next", *TODAY))
    assert "config.toml:1: field 'tz': unknown time zone '" in line, line


def test_a_nul_in_the_settings_file_zone_or_files(isolated: Path) -> None:
    write_config(isolated, 'tz = "Asia/Phnom_Penh\\u0000"\n')
    assert "field 'tz': unknown time zone 'Asia/Phnom_Penh\\x00'" in one_line(khcal("next", *TODAY))
    write_config(isolated, 'files = ["a\\u0000b.toml"]\n')
    assert "field 'files': 'a\\x00b.toml' cannot be a file's name" in one_line(khcal("next", *TODAY))


def test_khmer_digits_are_read_as_ascii_ones_everywhere() -> None:
    """Years, dates, counts and alarms in Khmer digits give the answer the ASCII digits give."""
    pairs = [
        (["list", "--year", "២០២៦", "--json"], ["list", "--year", "2026", "--json"]),
        (["is-holiday", "២០២៦-០៤-១៤", "--json"], ["is-holiday", "2026-04-14", "--json"]),
        (["workdays", "add", "២០២៦-០១-០៥", "៣"], ["workdays", "add", "2026-01-05", "3"]),
        (["export", "--from", "២០២៦", "--to", "២០២៦", "--alarm", "-PT១៥H"],
         ["export", "--from", "2026", "--to", "2026", "--alarm", "-PT15H"]),
    ]  # fmt: skip
    for khmer, ascii_ in pairs:
        first, second = khcal(*khmer, *TODAY), khcal(*ascii_, *TODAY)
        assert first.returncode == second.returncode == 0, first.stderr
        assert first.stdout == second.stdout


def test_batch_lines_are_escaped_and_cut_and_the_others_answered() -> None:
    lines = ["2026-04-14", "\x1b[31mred\x07", "x" * 5000, SUPER_TWO * 4 + "-01-01", "2026-04-20"]
    done = khcal("is-holiday", "-", *TODAY, stdin="\n".join(lines) + "\n")
    assert done.returncode == 2
    assert done.stdout == "2026-04-14\tyes\n2026-04-20\tno\n"
    errors = done.stderr.splitlines()
    assert errors[0] == (
        "khcal: line 2: '\\x1b[31mred\\x07' is not a date (use YYYY-MM-DD, today, tomorrow, yesterday, or a "
        "day such as 7 Jan 2027 or 2027/1/7)"
    )
    assert errors[1].startswith("khcal: line 3: a line of more than 1000 characters ('xxxx")
    assert len(errors[1]) < 200
    assert errors[2].startswith("khcal: line 4: '²²²²-01-01' is not a date")
    assert len(errors) == 3


def _peak_memory_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


@pytest.mark.slow
def test_a_line_of_100_mb_costs_no_memory_and_a_million_lines_no_hang(tmp_path: Path) -> None:
    """The 100 MB line is reported and the next line answered, the process never holding the line: its
    peak memory, read while it waits for more input, stays far below 100 MB."""
    process = subprocess.Popen(
        [sys.executable, "-m", "khcal", "is-holiday", "-", *TODAY], stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdin is not None and process.stderr is not None
    try:
        chunk = "x" * (1 << 20)
        for _ in range(100):
            process.stdin.write(chunk)
        process.stdin.write("\n2026-04-14\n")
        process.stdin.flush()
        found: list[str] = []
        reader = threading.Thread(target=lambda: found.append(process.stderr.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(60)
        assert found and found[0].startswith("khcal: line 1: a line of more than 1000 characters"), found
        assert _peak_memory_kb(process.pid) < 80 * 1024
    finally:
        process.stdin.close()
        process.wait(30)
    assert process.returncode == 2

    many = tmp_path / "million.txt"
    many.write_text("2026-04-14\n" * 1_000_000)
    started = time.monotonic()
    with many.open() as source:
        done = subprocess.run(
            [sys.executable, "-m", "khcal", "is-holiday", "-", *TODAY], stdin=source, capture_output=True,
            text=True, timeout=300, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[:500]
    assert done.stdout.count("\n") == 1_000_000
    assert time.monotonic() - started < 300


# --- the one parser of each kind, as the settings, the server and the API call it -------------------------


@pytest.mark.parametrize(
    "text",
    [
        SUPER_TWO * 4,
        ARABIC_2026,
        "2_026",
        "+2026",
        " ",
        "",
        "1e3",
        "0x7E0",
        "2026.0",
        "2026\x00",
        "--5",
    ],
)
def test_what_is_not_a_whole_number(text: str) -> None:
    with pytest.raises(parsing.ValueProblem) as caught:
        parsing.parse_int(text)
    assert caught.value.key == "error.setting.number"


def test_what_a_whole_number_and_a_year_are() -> None:
    assert parsing.parse_int(" -42 ") == -42
    assert parsing.parse_int("០៤២") == 42
    assert parsing.parse_int("-" + "0" * 5000 + "7") == -7
    with pytest.raises(parsing.ValueProblem, match="is too large a number"):
        parsing.parse_int(NINES)
    assert parsing.parse_year("២០២៦") == 2026
    with pytest.raises(KhcalError, match="year 2201 is outside the supported range 1800-2200"):
        parsing.parse_year("2201")
    with pytest.raises(KhcalError, match="is outside the supported range 1800-2200"):
        parsing.parse_year("9" * 19)
    with pytest.raises(parsing.ValueProblem, match="is not between 0 and 65535"):
        parsing.check_port("9" * 40)


@pytest.mark.parametrize(
    "zone",
    ["Asia", "Asia/", "/UTC", "Asia//Phnom_Penh", "Asia/../UTC", "../UTC", "A" * 65, "UTC\x00", "Ásia"],
)
def test_what_is_not_a_zone(zone: str) -> None:
    with pytest.raises(parsing.ValueProblem) as caught:
        parsing.check_tz(zone)
    assert caught.value.key == "error.setting.tz"


@pytest.mark.parametrize(
    ("host", "taken"),
    [("127.0.0.1", "127.0.0.1"), ("0.0.0.0", "0.0.0.0"), ("::1", "::1"), ("[::1]", "::1"), ("::", "::"),
     ("localhost", "localhost"), ("cal.example.org", "cal.example.org"), ("example.org.", "example.org.")],
)  # fmt: skip
def test_what_a_host_is(host: str, taken: str) -> None:
    assert parsing.check_host(host) == taken


@pytest.mark.parametrize(
    "host", ["", " ", "256.1.1.1", "1.2.3", "1.2.3.4.5", "a..b", "-a.org", "a-.org", "a b", "h\x00",
             "x" * 254, "[::1", "::g", "ex_ample.org", "é.org", "a/b", "0x7f.1", "0x7f000001", "0X7F.0.0.1"],
)  # fmt: skip
def test_what_is_not_a_host(host: str) -> None:
    with pytest.raises(parsing.ValueProblem) as caught:
        parsing.check_host(host)
    assert caught.value.key == "error.setting.host"


def test_the_api_checks_numbers_years_and_alarms() -> None:
    import khcal

    cal = khcal.Calendar(today=date(2027, 1, 5), use_environment=False)
    assert cal.long_weekends("២០២៦") == cal.long_weekends(2026)
    assert cal.add_workdays("2026-01-05", "៣") == cal.add_workdays("2026-01-05", 3)
    with pytest.raises(TypeError, match="n: expected a whole number, got bool"):
        cal.add_workdays("2026-01-05", True)
    with pytest.raises(TypeError, match="year: expected a whole number, got float"):
        cal.long_weekends(2026.0)  # type: ignore[arg-type]
    with pytest.raises(KhcalError, match="year: '²²²²' is not a whole number"):
        cal.long_weekends(SUPER_TWO * 4)  # type: ignore[arg-type]
    with pytest.raises(KhcalError, match="year 99999 is outside the supported range"):
        cal.feed(99999)
    with pytest.raises(KhcalError, match="count: 0 is not between 1 and 10000"):
        cal.observance("pchum-ben", count=0)
    with pytest.raises(KhcalError, match="is more than a year away"):
        cal.feed(2026, 2026, alarm=timedelta(days=400))
    assert b":-PT15H\r\n" in cal.feed(2026, 2026, alarm="-PT១៥H")
    with pytest.raises(KhcalError, match="files: 'a\\\\x00b' cannot be a file's name"):
        khcal.Calendar("a\x00b", use_environment=False)
    with pytest.raises(TypeError, match="ident: expected text, got None"):
        cal.observance(None)  # type: ignore[arg-type]
    with pytest.raises(KhcalError, match=r"^unknown observance id '' \(khcal list"):
        cal.observance("")
    with pytest.raises(KhcalError, match="files: an empty name is not a file"):
        khcal.Calendar(files=[""], use_environment=False)
    with pytest.raises(KhcalError, match="tz: unknown time zone 'Asia'"):
        khcal.Calendar(tz="Asia", use_environment=False)


def test_file_and_folder_names_are_echoed_escaped(tmp_path: Path) -> None:
    """`check` and `publish` name the files and the folder they were given: terminal controls escaped."""
    named = tmp_path / "\x1b[31mred.toml"
    named.write_text("revision = 2026-01-01\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "khcal", "check", named.name], cwd=tmp_path, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "\\x1b[31mred.toml: valid\n"
    assert done.stderr.startswith("khcal: \\x1b[31mred.toml:1: warning: revision 2026-01-01 is older")
    done = subprocess.run(
        [sys.executable, "-m", "khcal", "publish", "\x1b[32mdir", "--base-url", "https://example.org",
         *TODAY],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("khcal: \\x1b[32mdir: ")
    assert "\x1b" not in done.stdout + done.stderr
