"""How many terminal columns a text takes, as terminals count them: the measure every screen lays out by.

Terminals on Linux (the console, tmux, xterm, VTE and most others) give each character the width glibc's
`wcwidth()` gives it. rich has its own tables, which agree with glibc except on one point that matters for
khcal: a *spacing* combining mark (Unicode general category Mc) takes a column of its own. Khmer writes many
of its vowels that way (U+17B6 KHMER VOWEL SIGN AA, U+17C1 ... U+17C5, U+17C7 REAHMUK and others), so a
line rich counts as 70 columns is 80 or more on screen, and the borders of a table drift to the right.

`cells` counts as glibc does: a spacing mark is 1 column (2 beside a wide character, as in U+302E), every
other character keeps rich's width (nonspacing marks and COENG 0, Latin, Khmer letters and digits 1, East
Asian wide characters 2). `use_terminal_widths` makes rich measure the same way, so its tables, wrapping
and padding agree with khcal's own (`clusters.wrap`). Only the standard library's `unicodedata` is used; no
C library is called.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import rich.cells
import rich.segment

_rich_width = rich.cells.get_character_cell_size


@lru_cache(maxsize=4096)
def char_cells(character: str, unicode_version: str = "auto") -> int:
    """The columns one character takes in a terminal: 0, 1 or 2."""
    if unicodedata.category(character) == "Mc":
        return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return _rich_width(character)


def cells(text: str) -> int:
    """The columns `text` (one line) takes in a terminal."""
    if text.isascii():
        return len(text)
    use_terminal_widths()
    return rich.cells.cell_len(text)


def use_terminal_widths() -> None:
    """Make rich count columns as `cells` does, from now on (it is called before each screen is drawn).

    rich looks its character width up by name in `rich.cells` and `rich.segment` each time it measures; the
    caches of measures taken before are emptied so that none of them disagrees.
    """
    if rich.cells.get_character_cell_size is char_cells:
        return
    rich.cells.get_character_cell_size = char_cells
    rich.segment.get_character_cell_size = char_cells  # type: ignore[attr-defined]
    rich.cells.cached_cell_len.cache_clear()
    rich.segment.Segment._split_cells.cache_clear()
