"""`khcal lunar`: a table of days with their Khmer lunar dates, or one day in full."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.table import Table
from rich.text import Text as RichText

from khcal.core.khmer_calendar import LunarDate
from khcal.text import digits, say
from khcal.text import lunar as words
from khcal.text.dates import format_date, number, weekday_name
from khcal.views.console import Wrapped, console
from khcal.views.width import cells

_COLUMNS = ("screen.date", "screen.day", "screen.lunar-date", "screen.year", "screen.era")


def lunar_table(
    days: Iterable[tuple[date, LunarDate]], lang: str, *, color: bool | None = None, title: str = ""
) -> None:
    """A table of days with their Khmer lunar dates; holy days and New Year days marked.

    The notes (holy day, New Year days) have a column of their own when the terminal leaves it room for
    their longest word; otherwise they go under the lunar date, in its column.
    """
    out = console(color)
    rows = []
    for day, lunar in days:
        notes = words.day_notes(day, lunar, lang)
        shown = RichText(words.notes_text(notes, lang), style="yellow" if notes else "")
        rows.append((_row(day, lunar, lang, bold=bool(notes)), shown))
    heads = [say(lang, key) for key in (*_COLUMNS, "screen.be")]
    fixed = sum(max(cells(t) for t in [h, *(r[i].plain for r, _ in rows)]) for i, h in enumerate(heads))
    longest = max((cells(w) for _, n in rows for w in n.plain.split()), default=0)
    apart = out.width - fixed - _GAP * len(heads) >= longest
    table = Table(title=title or None, show_edge=False, pad_edge=False, header_style="bold")
    for key in _COLUMNS:
        table.add_column(say(lang, key), no_wrap=key != "screen.lunar-date")
    table.add_column(say(lang, "screen.be"), no_wrap=True, justify="right")
    if apart:
        table.add_column("")
    for row, note in rows:
        if apart:
            table.add_row(*row, Wrapped(note))
        elif note:
            lunar_cell = Wrapped(RichText("\n").join([row[2], note]))
            table.add_row(*row[:2], lunar_cell, *row[3:])
        else:
            table.add_row(*row[:2], Wrapped(row[2]), *row[3:])
    out.print(table)


_GAP = 3  # " │ " between two columns


def _row(day: date, lunar: LunarDate, lang: str, *, bold: bool) -> list[RichText]:
    return [
        RichText(digits(lang, day.isoformat())),
        RichText(weekday_name(day, lang, short=True)),
        RichText(words.short_text(lunar, lang), style="bold" if bold else ""),
        RichText(words.animal_name(lunar.animal_year, lang)),
        RichText(words.sak_name(lunar.sak, lang)),
        RichText(number(lunar.be_year, lang)),
    ]


def lunar_day(day: date, lunar: LunarDate, lang: str, *, color: bool | None = None) -> None:
    """One day: its Gregorian date, then its lunar date as a Khmer calendar writes it."""
    out = console(color)
    out.print(Wrapped(RichText(format_date(day, lang, weekday=True), style="bold")))
    out.print(Wrapped(RichText(words.lunar_text(day, lunar, lang))))
    notes = words.day_notes(day, lunar, lang)
    if notes:
        out.print(Wrapped(RichText(words.notes_text(notes, lang), style="yellow")))
