"""The corpus of bad input, through the real `khcal` entry point (the fast path, then the full command line):
every case exits 2 with one line on stderr, nothing on stdout, no traceback, and no file touched."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = """
next abc | N: 'abc' is not a whole number
next 0 | N: 0 is not between
next 99999999 | N: 99999999 is not between
next --today 2026-13-01 | --today: '2026-13-01' is not a date
next --today '' | --today:
next --tz '' | --tz: an empty value
next --tz Mars/Olympus | --tz: unknown time zone 'Mars/Olympus'
next --lang fr | --lang: 'fr' is not one of en, km
next --lang '' | --lang: an empty value
next --category sport | --category: 'sport' is not a category
next --file missing.toml | missing.toml
next --bogus | No such option: --bogus
is-holiday 2026-02-30 | '2026-02-30' is not a date
is-holiday soon | 'soon' is not a date
is-holiday 01/02/2027 | 01/02/2027
is-holiday --weekend funday | --weekend: 'funday' is not a day of the week
is-holiday --weekend '' | --weekend: an empty value
is-holiday --sector state | --sector: 'state' is not one of private, public
is-holiday --extra-off x | --extra-off: 'x' is not a date
is-workday 2026-01-01 2026-01-02 | 2026-01-02
workdays add 2026-01-05 x | N: 'x' is not a whole number
workdays add 2026-01-05 1.5 | N: '1.5' is not a whole number
workdays count 2026-01-05 | Missing argument
workdays count x 2026-01-05 | 'x' is not a date
workdays next nope | 'nope' is not a date
list --year twenty | --year: 'twenty' is not a whole number
list --year 2300 | year 2300 is outside the supported range 1800-2200
list --from 2026 --to 2025 | --from 2026 is after --to 2025
list --from yesterdayish | --from: 'yesterdayish' is not a date
list --year 2026 --from 2026 | --year cannot be combined with --from/--to
list --to 2026-02-30 | --to: '2026-02-30' is not a date
show nope | unknown observance id 'nope' (khcal list --ids shows every id)
show | Missing argument 'ID'
show pchum-ben --count x | --count: 'x' is not a whole number
cal 2026 13 | MONTH: 13 is not a month
cal x | 'x'
lunar 2026-02-30 | '2026-02-30' is not a date
today --today x | --today: 'x' is not a date
export --from 2026 --to 2025 | --from 2026 is after --to 2025
export --from x | --from: 'x' is not a date
export -o read-only.ics | -o read-only.ics: is read-only
export -o folder | -o folder: is a folder, not a file
export -o missing/x.ics | -o missing/x.ics: cannot write in missing
export --alarm soon | --alarm
export --lang xx | --lang: 'xx' is not one of en, km
check missing.toml | missing.toml: no such file
help nope | nope
long-weekends --year x | --year: 'x' is not a whole number
serve --port x | --port: 'x' is not a whole number
serve --port 70000 | --port: 70000 is not between 0 and 65535
publish | Missing argument
publish site --base-url https://example.org/cal --lang xx | --lang: 'xx' is not one of en, km
help config --lang xx | --lang: 'xx' is not one of en, km
--bogus | No such option: --bogus
"""
CASES = [tuple(part.strip() for part in line.split(" | ")) for line in CORPUS.strip().splitlines()]


_TAKE_TODAY = {
    "next",
    "is-holiday",
    "is-workday",
    "workdays",
    "list",
    "show",
    "cal",
    "lunar",
    "today",
    "export",
}


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    (tmp_path / "folder").mkdir()
    read_only = tmp_path / "read-only.ics"
    read_only.write_text("mine\n", encoding="utf-8")
    read_only.chmod(0o444)
    return tmp_path


def _writable_read_only(path: Path) -> bool:
    try:
        with path.open("a"):
            return True
    except PermissionError:
        return False


@pytest.mark.parametrize(("line", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_exits_2_with_one_line(scratch: Path, line: str, expected: str) -> None:
    before = sorted((p.name, p.stat().st_mode, p.read_bytes()) for p in scratch.iterdir() if p.is_file())
    args = shlex.split(line)
    if args[0] in _TAKE_TODAY and "--today" not in args:
        args += ["--today", "2026-01-02"]  # never the real clock
    done = subprocess.run(
        [sys.executable, "-m", "khcal", *args], cwd=scratch, env=os.environ, capture_output=True, text=True,
        timeout=60, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout == ""
    [message] = done.stderr.splitlines()
    assert message.startswith("khcal: ") and expected in message, message
    assert "Traceback" not in done.stderr
    after = sorted((p.name, p.stat().st_mode, p.read_bytes()) for p in scratch.iterdir() if p.is_file())
    assert after == before  # nothing written, nothing replaced


def test_the_corpus_is_large_and_the_read_only_case_is_real(scratch: Path) -> None:
    assert len(CASES) >= 50
    if os.geteuid() != 0:  # root may write anyway: khcal still refuses by the file's mode
        assert not _writable_read_only(scratch / "read-only.ics")
