"""Khmer screens read as a Khmer reader reads them: in tmux at 60 and 80 columns, no line breaks inside a
word, none inside a cluster, every border in line.

Each screen is drawn in a real terminal (tests/support/terminal.py) and read back. The same command run
at 1,000 columns gives each text whole (a table cell, a paragraph, a help text): its *reference*. Every
place where the narrow screen continues a text on the next line is found in its reference, and judged there:
it must be a line-break opportunity of ICU's Khmer line breaker (the dictionary Khmer readers' devices
use) and a cluster boundary (khcal.views.clusters), and must not part a number from its word when the line
had room for both. A word wider than its column may be cut, between clusters only.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from itertools import pairwise

import pytest
import typer.main
from icu4py.breakers import LineBreaker
from typer._click import formatting

from khcal.cli import app, help_topics
from khcal.cli.help_page import for_terminal
from khcal.cli.help_text import tree
from khcal.cli.help_topics import TOPICS
from khcal.text import say
from khcal.views import clusters
from khcal.views.breaks import number_and_word, opportunities
from khcal.views.width import cells
from support.command_line import run
from support.terminal import BORDERS, Terminal, border_columns, need_tmux, tables
from test_khmer_words import IDS

pytestmark = pytest.mark.slow  # end to end: a real terminal

TODAY = "2026-12-04"
WIDTHS = (60, 80)
SCREENS = {
    "next": ["next", "10"],
    "list": ["list", "--year", "2027"],
    "list-2026": ["list", "--year", "2026"],
    "list-ids": ["list", "--ids"],  # a terminal: each name beside its id, filled between words
    "today": ["today"],
    "today-new-year": ["today", "--today", "2027-04-14"],
    "today-short": ["today", "--short"],  # one line, filled only on a terminal too narrow for it
    "lunar": ["lunar", "--from", "2027-04-10", "--to", "2027-04-20"],
    "lunar-pchum-ben": ["lunar", "--from", "2026-09-20", "--to", "2026-10-20"],
    "lunar-day": ["lunar", "2027-04-14"],
    "cal": ["cal", "2027", "4", "--lunar"],
    "cal-month": ["cal", "2027", "1"],
    "cal-year": ["cal", "2027"],
    "long-weekends": ["long-weekends", "--year", "2027"],
    "is-holiday": ["is-holiday", "2027-04-14"],
    "is-workday": ["is-workday", "2027-04-14", "--sector", "private"],
    **{f"show-{ident}": ["show", ident] for ident in IDS},  # every observance: names, history, notes
}
HELP_PATHS = [path for path, _ in tree(typer.main.get_command(app))]


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}-columns")
def terminal(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    screen = Terminal(need_tmux(), tmp_path_factory.mktemp("terminal"), width=request.param)
    try:
        yield screen
    finally:
        screen.close()


def khcal(*args: str) -> list[str]:
    return [sys.executable, "-m", "khcal", *args, "--lang", "km"]


def wide(argv: list[str]) -> list[str]:
    """The screen at 1,000 columns, written into a pipe: each text on one line."""
    environment = {**os.environ, "COLUMNS": "1000", "NO_COLOR": "1", "LANG": "C.UTF-8"}
    done = subprocess.run(argv, capture_output=True, text=True, env=environment, timeout=60, check=False)
    assert done.returncode in (0, 1), done.stderr  # is-holiday and is-workday answer no with 1
    return done.stdout.split("\n")


def wide_help(path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(formatting, "FORCED_WIDTH", 100_000)
    code, out, err = run(*path, "--help", "--lang", "km")
    assert code == 0, err
    return out.split("\n")


def texts(lines: list[str]) -> list[str]:
    """Every text of a screen: each cell of each table row, each line outside the tables; stripped."""
    found = []
    for line in lines:
        found.extend(piece.strip() for piece in re.split(f"[{''.join(BORDERS)}]", line) if piece.strip())
    return found


def pieces(rows: list[str], width: int) -> Iterator[list[tuple[str, int]]]:
    """For each column of the screen (the text outside tables is one column, each table column another),
    its pieces in order, each with the width its column offers (in cells)."""
    outside = [(row.strip(), len(row) - len(row.lstrip())) for row in rows if not BORDERS & set(row)]
    yield [(text, width - indent) for text, indent in outside]
    for table in tables(rows):
        columns: dict[int, list[tuple[str, int]]] = {}
        for row in table:
            cut = [i for i, char in enumerate(row) if char in BORDERS]
            edges = [-1, *cut, len(row)]
            for number, (a, b) in enumerate(pairwise(edges)):
                cell = row[a + 1 : b]
                # A column between two borders is padded on both sides, the first (no edge) on its right
                # only; the last column's padding was cut with the row's trailing blanks: it reaches the edge.
                edge = width - cells(row[: a + 1]) - 1
                room = edge if b == len(row) else cells(cell) - (1 if a < 0 else 2)
                columns.setdefault(number, []).append((cell.strip(), room))
        yield from columns.values()


def icu_breaks(text: str) -> set[int]:
    found, offset = set(), 0
    for piece in LineBreaker(text, "km"):
        offset += len(piece)
        found.add(offset)
    return found


def word_at(text: str, offset: int, breaks: set[int]) -> str:
    """The stretch of `text` between the ICU opportunities around `offset`."""
    start = max((b for b in breaks | {0} if b < offset), default=0)
    end = min((b for b in breaks | {len(text)} if b > offset), default=len(text))
    return text[start:end].strip()


def judge(rows: list[str], references: list[str], width: int = 80) -> list[str]:
    """Every line break inside a Khmer text that falls inside a word or a cluster, in words."""
    whole = [t for t in references if t]
    problems: list[str] = []
    for column in pieces(rows, width):
        for (above, room), (below, _) in pairwise(column):
            if not above or not below:
                continue
            joined, offset = _find(whole, above, below)
            if joined is None:
                continue  # two texts, not one text broken (a heading, then its first line)
            if not any("\u1780" <= c <= "\u17ff" for c in joined[max(0, offset - 3) : offset + 3]):
                continue  # a break in Latin text or between numbers
            breaks = icu_breaks(joined)
            if not clusters.can_break(joined, offset):
                problems.append(f"inside a cluster: {above!r} | {below!r}")
            elif offset not in breaks and cells(word_at(joined, offset, breaks)) <= room:
                problems.append(f"inside a word: {above!r} | {below!r}")
            elif number_and_word(joined, offset):
                held = set(opportunities(joined))
                if cells(word_at(joined, offset, held)) <= room:
                    problems.append(f"a number parted from its word: {above!r} | {below!r}")
    return problems


def _find(whole: list[str], above: str, below: str) -> tuple[str | None, int]:
    """The reference text in which `below` continues `above` (with or without the space a break drops),
    and the offset of the break in it; None when no text has them together (two texts, not one)."""
    for gap in ("", " "):
        for text in whole:
            at = text.find(above + gap + below)
            if at >= 0:
                return text, at + len(above) + len(gap)
    return None, 0


def aligned(terminal: Terminal, rows: list[str]) -> None:
    for table in tables(rows):
        columns = border_columns(terminal, table)
        assert len({tuple(c) for c in columns}) == 1, (table, columns)
    assert max(terminal.columns(rows)) <= terminal.width


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_khmer_screens_break_between_words(terminal: Terminal, name: str) -> None:
    given = SCREENS[name]
    argv = khcal(*given) if "--today" in given else khcal(*given, "--today", TODAY)
    rows = terminal.run(argv)
    assert rows, "the command printed nothing"
    assert judge(rows, texts(wide(argv)), terminal.width) == []
    aligned(terminal, rows)


@pytest.mark.parametrize("path", HELP_PATHS, ids=lambda p: " ".join(p) or "khcal")
def test_khmer_help_breaks_between_words(
    terminal: Terminal, path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = terminal.run(khcal(*path, "--help"))
    assert any("\u1780" <= c <= "\u17ff" for row in rows for c in row)
    references = [line.strip() for line in wide_help(path, monkeypatch)]
    # A definition list's help: the text after the term and its gap.
    references += [re.split(r"\s{2,}", line, maxsplit=1)[-1] for line in references]
    assert judge(rows, references, terminal.width) == []
    assert max(terminal.columns(rows)) <= terminal.width


def test_khmer_help_index_breaks_between_words(terminal: Terminal) -> None:
    rows = terminal.run(khcal("help"))
    width = max(len(name) for name in TOPICS)
    references = [say("km", "topics.title"), say("km", "topics.more")]
    references += [f"{name:<{width}}  {say('km', f'topics.{name}')}" for name in TOPICS]
    assert judge(rows, references, terminal.width) == []
    assert max(terminal.columns(rows)) <= terminal.width


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_khmer_help_pages_break_between_words(terminal: Terminal, topic: str) -> None:
    """`khcal help TOPIC` on a terminal: the Markdown laid out, its paragraphs, items and table cells
    filled between words (the terminal folds none of them); its reference is the same layout unbounded."""
    rows = terminal.run(khcal("help", topic))
    assert rows[0].startswith("# ") and not any(row.startswith("|") for row in rows)  # laid out, not Markdown
    page = help_topics.page(topic, "km")
    references = [line.strip() for line in for_terminal(page, 100_000, "km").split("\n")]
    assert judge(rows, references, terminal.width) == []
    assert max(terminal.columns(rows)) <= terminal.width


def test_the_judge_sees_a_break_inside_a_word() -> None:
    """What the judge reports: the breaks the screens had before khcal used ICU's dictionary."""
    reference = ["ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍ (ខួបលើកទី ៤៨)"]
    assert judge(["ទិវាជ័យជម្នះលើរបបប្រល័", "យពូជសាសន៍ (ខួបលើកទី ៤៨)"], reference) != []
    assert judge(["ទិវាជ័យជម្នះលើរបបប្រ", "ល័យពូជសាសន៍ (ខួបលើកទី ៤៨)"], reference) != []  # a cluster
    assert judge(["ទិវាជ័យជម្នះលើរបប", "ប្រល័យពូជសាសន៍ (ខួបលើកទី ៤៨)"], reference) == []
    table = ["a │ ភ្នំ", "  │ ពេញ"]
    assert judge(table, ["ភ្នំពេញ"]) != []
    assert judge(["a │ ភ្នំពេញ", "  │ ខេត្ត"], ["ភ្នំពេញ", "ខេត្ត"]) == []  # two cells, not one text
    assert judge(["(ខួបលើកទី", "៤៨)"], ["(ខួបលើកទី ៤៨)"]) != []  # ខួបលើកទី|៤៨
