"""khcal's screens in a real terminal: tmux at 80 columns, UTF-8, in Khmer and in English.

Each screen is drawn in a tmux window and read back with `capture-pane`. No line may wrap: the rows on the
screen are exactly the lines the program wrote (a wrapped line would take two rows). Every border of a
table sits in one column on every row of the table, as the terminal itself places it: the columns are
asked of the terminal (tests/support/columns.py writes each row's text up to a border and reads the
cursor position back), not computed by khcal's own measure.

tmux is installed by .ci/run. Under CI (CI set) a missing tmux is a failure; elsewhere these tests are
skipped with the reason. The terminal itself is tests/support/terminal.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from support.terminal import Terminal, border_columns, need_tmux, tables

pytestmark = pytest.mark.slow  # end to end: real outside programs

WIDTH = 80
TODAY = "2026-12-02"

SCREENS = {
    "next": ["next", "--today", TODAY],
    "next-ten": ["next", "10", "--today", "2026-11-22"],
    "list": ["list", "--year", "2026", "--today", TODAY],
    "show-remembrance": ["show", "national-day-of-remembrance", "--today", TODAY],
    "show-new-year": ["show", "khmer-new-year", "--today", TODAY],
    "show-victory": ["show", "victory-over-genocide", "--today", TODAY],
    "today": ["today", "--today", "2026-04-14"],
    "cal-month": ["cal", "--today", TODAY],
    "cal-lunar": ["cal", "2026", "4", "--lunar", "--today", TODAY],
    "cal-year": ["cal", "2026", "--today", TODAY],
    "long-weekends": ["long-weekends", "--today", TODAY],
    "lunar": ["lunar", "--from", "2026-04-10", "--to", "2026-04-20", "--today", TODAY],
}


@pytest.fixture(scope="module")
def terminal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    screen = Terminal(need_tmux(), tmp_path_factory.mktemp("terminal"))
    try:
        yield screen
    finally:
        screen.close()


def program_lines(argv: list[str]) -> list[str]:
    """What the program writes into a pipe at 80 columns, line by line (trailing blanks cut)."""
    environment = {**os.environ, "COLUMNS": str(WIDTH), "NO_COLOR": "1", "LANG": "C.UTF-8"}
    done = subprocess.run(argv, capture_output=True, text=True, env=environment, timeout=60, check=True)
    lines = [line.rstrip() for line in done.stdout.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


@pytest.mark.parametrize("lang", ["km", "en"])
@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_holds_in_a_terminal(terminal: Terminal, name: str, lang: str) -> None:
    argv = [sys.executable, "-m", "khcal", *SCREENS[name], "--lang", lang]
    written = program_lines(argv)
    assert written, "the command printed nothing"
    shown = terminal.run(argv)
    assert shown == written, "a line wrapped (or the screen differs from what was written)"
    for table in tables(shown):
        columns = border_columns(terminal, table)
        assert len({tuple(c) for c in columns}) == 1, (table, columns)
    widths = terminal.columns(shown)
    assert max(widths) <= WIDTH


def test_the_check_sees_a_border_out_of_line(terminal: Terminal) -> None:
    """The probe reports what the terminal does: a Khmer spacing vowel takes a column there."""
    assert terminal.columns(["ab│", "កា│", "ក│"]) == [3, 3, 2]
    assert tables(["x", "a │ b", "c │ d", "", "e ┃ f"]) == [["a │ b", "c │ d"], ["e ┃ f"]]
