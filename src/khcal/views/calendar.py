"""`khcal cal`: month grids side by side, the observances of a single month, and the key to the marks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rich.cells import cell_len
from rich.text import Text as RichText

from khcal.core.khmer_calendar import to_lunar
from khcal.core.schedule import Occurrence
from khcal.text import say
from khcal.text.dates import anniversary, format_date, month_name, number, occurrence_name
from khcal.text.lunar import lunar_text
from khcal.views.console import DASH, HOLY_MARK, OBSERVANCE_MARK, OFF_MARK, Wrapped, console
from khcal.views.grid import Cell, MonthGrid
from khcal.views.tables import day_month

MONTH_GAP = "  "
_MARK_CHARS = {"off": OFF_MARK, "observance": OBSERVANCE_MARK, "holy": HOLY_MARK}
_MARK_STYLES = {"off": "bold red", "observance": "cyan", "holy": "yellow"}


def _fit(text: RichText, width: int, justify: str = "left") -> RichText:
    """`text` padded with spaces to `width` cells (it is never wider here)."""
    room = max(0, width - cell_len(text.plain))
    if justify == "right":
        return RichText(" " * room) + text
    if justify == "center":
        return RichText(" " * (room // 2)) + text + RichText(" " * (room - room // 2))
    return text + RichText(" " * room)


def _lunar_label(cell: Cell, lang: str) -> str:
    return f"{number(cell.lunar.day, lang)}{say(lang, f'phase.letter.{cell.lunar.phase}')}"


def month_lines(grid: MonthGrid, lang: str, *, lunar: bool, title: str) -> list[RichText]:
    """The lines of one month: title, weekday header, then each week (and its lunar days)."""
    size = 4 if lunar else 3  # each cell: the number right-aligned, then one column for the mark
    width = 7 * size
    lines = [_fit(RichText(title, style="bold"), width, "center")]
    header = RichText()
    weekend = {c.day.weekday() for c in grid.cells if c.weekend}
    for column in grid.columns:
        style = "dim" if column in weekend else ""
        header += _fit(
            RichText(say(lang, f"weekday.head.{column}"), style=style), size - 1, "right"
        ) + RichText(" ")
    lines.append(header)
    for week in grid.weeks:
        row, under = RichText(), RichText()
        for cell in week:
            if cell is None:
                row += RichText(" " * size)
                under += RichText(" " * size)
                continue
            style = _MARK_STYLES.get(cell.mark or "", "dim" if cell.weekend else "")
            if cell.today:
                style = f"{style} reverse".strip()
            shown = RichText(number(cell.day.day, lang), style=style)
            row += _fit(shown, size - 1, "right")
            row += RichText(
                _MARK_CHARS.get(cell.mark or "", " "), style=_MARK_STYLES.get(cell.mark or "", "")
            )
            if lunar:
                label = RichText(_lunar_label(cell, lang), style="yellow" if cell.lunar.holy_day else "dim")
                under += _fit(label, size - 1, "right") + RichText(" ")
        lines.append(row)
        if lunar:
            lines.append(under)
    return lines


def _month_title(grid: MonthGrid, lang: str, *, with_year: bool) -> str:
    name = month_name(grid.month, lang)
    return f"{name} {number(grid.year, lang)}" if with_year else name


def _legend(lang: str, lunar: bool, today: date | None, marks: Iterable[str]) -> list[RichText]:
    """The key to the marks, then the lunar day notation, then today: a line each."""
    present = set(marks)
    lines = [
        "   ".join(
            f"{_MARK_CHARS[m]} {say(lang, f'screen.legend.{m}')}"
            for m in ("off", "observance", "holy")
            if m in present
        )
    ]
    if lunar:
        lines.append(say(lang, "lunar.notation"))
    if today is not None:
        day = format_date(today, lang, weekday=True)
        if lunar:  # the grid shows lunar days: today's lunar date in full, as `khcal lunar` words it
            day = say(
                lang,
                "screen.details",
                text=day,
                details=lunar_text(today, to_lunar(today), lang, weekday=False),
            )
        lines.append(say(lang, "screen.legend.today", date=day))
    return [RichText(line, style="dim") for line in lines if line]


def _occurrence_line(occ: Occurrence, grid: MonthGrid, lang: str) -> RichText:
    def inside(day: date) -> bool:
        return (day.year, day.month) == (grid.year, grid.month)

    if occ.start == occ.end:
        days = number(occ.start.day, lang)
    elif inside(occ.start) and inside(occ.end):
        days = f"{number(occ.start.day, lang)}{DASH}{number(occ.end.day, lang)}"
    else:
        days = DASH.join(
            day_month(d, lang, weekday=False, month=True, year=False) for d in (occ.start, occ.end)
        )
    kind = "off" if occ.holiday else "observance"
    line = RichText(f"{days:>5} ") + RichText(_MARK_CHARS[kind], style=_MARK_STYLES[kind])
    line += RichText(f" {occurrence_name(occ, lang)}", style="bold red" if occ.holiday else "")
    extras = [anniversary(occ, lang)]
    if occ.holiday and occ.scope == "private-sector":
        extras.append(say(lang, "private-only"))
    if occ.holiday and occ.status == "projected":
        extras.append(say(lang, "projected"))
    shown = [e for e in extras if e]
    if shown:
        line += RichText(f" ({'; '.join(shown)})", style="dim")
    return line


def calendar(
    grids: Sequence[MonthGrid],
    lang: str,
    today: date,
    *,
    lunar: bool = False,
    color: bool | None = None,
) -> None:
    """`khcal cal`: one month with its observances listed, or a year of months side by side."""
    out = console(color)
    single = len(grids) == 1
    marks = {c.mark for g in grids for c in g.cells if c.mark}
    shows_today = any(c.today for g in grids for c in g.cells)
    blocks = [month_lines(g, lang, lunar=lunar, title=_month_title(g, lang, with_year=single)) for g in grids]
    month_width = (4 if lunar else 3) * 7
    across = max(1, min(3, (out.width + len(MONTH_GAP)) // (month_width + len(MONTH_GAP))))
    if not single:
        total = across * month_width + (across - 1) * len(MONTH_GAP)
        title = _fit(RichText(number(grids[0].year, lang), style="bold"), total, "center")
        title.rstrip()
        out.print(title)
    for first in range(0, len(blocks), across):
        row = blocks[first : first + across]
        height = max(len(b) for b in row)
        for i in range(height):
            pieces = [b[i] if i < len(b) else RichText("") for b in row]
            line = RichText(MONTH_GAP).join(_fit(p, month_width) for p in pieces)
            line.rstrip()
            out.print(line, no_wrap=True, overflow="ignore", crop=False)
        if first + across < len(blocks):
            out.print()
    out.print()
    if single:
        grid = grids[0]
        for occ in grid.occurrences:
            out.print(Wrapped(_occurrence_line(occ, grid, lang), hang=8))
        if grid.occurrences:
            out.print()
    for line in _legend(lang, lunar, today if shows_today else None, marks):
        out.print(Wrapped(line))
