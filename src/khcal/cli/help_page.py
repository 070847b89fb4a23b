"""A help page (`khcal help TOPIC`, Markdown) laid out for a terminal: each paragraph, list item and table
cell filled to the width by khcal's own line breaking (between words, Khmer as ICU's dictionary parts it),
so that the terminal never folds a line inside a word or a cluster.

Into a pipe or a file the page is written as it is (Markdown); only a terminal gets this layout. What it
does to each block:

- a paragraph or a heading: its lines joined and filled;
- a list item (`- `, `1. `, the same in Khmer digits): filled under its marker, the lines after it
  indented by the marker;
- a table: each row a block, its first cell on a line of its own, every other cell under it as
  `heading: cell` (`topics.cell` in the page's language), indented;
- a code block: its lines as they are; the comment of one wider than the terminal is filled, under its
  `#` or, when the code is long, above it: it stays a comment. A Khmer line without one (a message
  shown) is filled, the lines after it indented.
"""

from __future__ import annotations

import re

from khcal.text import say
from khcal.views.breaks import has_khmer
from khcal.views.clusters import fill
from khcal.views.width import cells

_ITEM = re.compile(r"^((?:[-*]|[0-9\u17e0-\u17e9]+\.)\s+)(.*)$")
_COMMENT = re.compile(r"^(.*?\S\s+# )(.*)$")
_INDENT = "    "
_SPAN = re.compile(r"`[^`\n]+`")
_HOLD = "\u00a0"  # NO-BREAK SPACE: the pages have none of their own


def for_terminal(page: str, width: int, lang: str) -> str:
    """`page` (Markdown) laid out for a terminal `width` columns wide."""
    out: list[str] = []
    lines = page.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")), len(lines) - 1)
            out += [line, *(_code(row, width) for row in lines[i + 1 : end]), lines[end]]
            i = end + 1
        elif line.startswith("|"):
            end = next((j for j in range(i, len(lines)) if not lines[j].startswith("|")), len(lines))
            out += _table(lines[i:end], width, lang)
            i = end
        elif not line.strip():
            out.append("")
            i += 1
        else:
            end = i + 1
            while end < len(lines) and _continues(lines[end]):
                end += 1
            out.append(_block(lines[i:end], width))
            i = end
    return "\n".join(out)


def _continues(line: str) -> bool:
    """Whether `line` goes on with the paragraph or list item above it (Markdown's lazy continuation)."""
    return bool(line.strip()) and not line.startswith(("```", "|", "#")) and not _ITEM.match(line)


def _block(rows: list[str], width: int) -> str:
    """A paragraph, a heading or a list item, filled."""
    text = " ".join(row.strip() for row in rows)
    item = _ITEM.match(rows[0])
    if item is None:
        return _fill(text, width)
    marker = item.group(1)
    return _fill(text[len(marker) :], width, marker, " " * cells(marker))


def _fill(text: str, width: int, first: str = "", later: str = "") -> str:
    """`text` filled to `width` after `first` on its first line and `later` on the others, keeping a
    `code span` on one line when it fits on one (its spaces held by NO-BREAK SPACE while the lines are
    filled, given back after)."""
    room = max(1, width - max(cells(first), cells(later)))

    def hold(found: re.Match[str]) -> str:
        span = found.group(0)
        return span.replace(" ", _HOLD) if cells(span) <= room else span

    return fill(_SPAN.sub(hold, text), width, cells, first, later).replace(_HOLD, " ")


def _code(row: str, width: int) -> str:
    """A line of a code block: as it is when it fits; else its comment filled under the `#` (or, when the
    code takes more than half the line, on lines of its own above the code), so that it stays a comment."""
    if cells(row) <= width:
        return row
    comment = _COMMENT.match(row)
    if comment is None:  # code is copied as it is, and the terminal folds it; a Khmer line is filled
        return _fill(row, width, "", _INDENT) if has_khmer(row) else row
    code, said = comment.group(1), comment.group(2)
    if cells(code) <= width // 2:
        return _fill(said, width, code, " " * (cells(code) - 2) + "# ")
    indent = " " * (len(code) - len(code.lstrip()))
    return _fill(said, width, indent + "# ", indent + "# ") + "\n" + code.rstrip()[:-1].rstrip()


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _table(rows: list[str], width: int, lang: str) -> list[str]:
    """A Markdown table as blocks: each row's first cell, then its other cells as `heading: cell`."""
    headings = _cells(rows[0])
    out: list[str] = []
    for row in rows[2:]:
        first, *others = _cells(row)
        out.append(_fill(first, width))
        for heading, cell in zip(headings[1:], others, strict=False):
            out.append(_fill(say(lang, "topics.cell", heading=heading, cell=cell), width, _INDENT, _INDENT))
        out.append("")
    return out[:-1]
