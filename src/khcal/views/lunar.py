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
from khcal.views.console import console

_COLUMNS = ("screen.date", "screen.day", "screen.lunar-date", "screen.year", "screen.era")


def lunar_table(
    days: Iterable[tuple[date, LunarDate]], lang: str, *, color: bool | None = None, title: str = ""
) -> None:
    """A table of days with their Khmer lunar dates; holy days and New Year days marked."""
    out = console(color)
    table = Table(title=title or None, show_edge=False, pad_edge=False, header_style="bold")
    for key in _COLUMNS:
        table.add_column(say(lang, key), no_wrap=True)
    table.add_column(say(lang, "screen.be"), no_wrap=True, justify="right")
    table.add_column("", overflow="fold")
    for day, lunar in days:
        notes = words.day_notes(day, lunar, lang)
        table.add_row(
            digits(lang, day.isoformat()),
            weekday_name(day, lang, short=True),
            RichText(words.short_text(lunar, lang), style="bold" if notes else ""),
            words.animal_name(lunar.animal_year, lang),
            words.sak_name(lunar.sak, lang),
            number(lunar.be_year, lang),
            RichText(words.notes_text(notes, lang), style="yellow" if notes else ""),
        )
    out.print(table)


def lunar_day(day: date, lunar: LunarDate, lang: str, *, color: bool | None = None) -> None:
    """One day: its Gregorian date, then its lunar date as a Khmer calendar writes it."""
    out = console(color)
    out.print(RichText(format_date(day, lang, weekday=True), style="bold"))
    out.print(RichText(words.lunar_text(day, lunar, lang)))
    notes = words.day_notes(day, lunar, lang)
    if notes:
        out.print(RichText(words.notes_text(notes, lang), style="yellow"))
