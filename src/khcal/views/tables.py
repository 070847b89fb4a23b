"""The table of occurrences that `khcal next` and `khcal list` print, and its compact date spans."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.table import Table
from rich.text import Text as RichText

from khcal.core.schedule import Occurrence
from khcal.text import say
from khcal.text.dates import anniversary, countdown, month_name, number, occurrence_name, weekday_name
from khcal.views.console import DASH, OFF_MARK, PROJECTED_MARK, Wrapped, console


def day_month(day: date, lang: str, *, weekday: bool, month: bool, year: bool) -> str:
    """'Wed 7 Jan 2026' and its shorter forms, as the flags ask."""
    parts = [weekday_name(day, lang, short=True)] if weekday else []
    parts.append(number(day.day, lang))
    if month:
        parts.append(month_name(day.month, lang, short=True))
    if year:
        parts.append(number(day.year, lang))
    return " ".join(parts)


def date_span(start: date, end: date, lang: str) -> str:
    """A compact span: 'Wed 7 Jan 2026', 'Tue 14 - Thu 16 Apr 2026' (en dashes).

    The weekday of the last day is named only where it is short (not in Khmer, whose names are long).
    """
    if start == end:
        return day_month(start, lang, weekday=True, month=True, year=True)
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    first = day_month(start, lang, weekday=True, month=not same_month, year=not same_year)
    short_weekday = weekday_name(end, lang, short=True) != weekday_name(end, lang)
    last = day_month(end, lang, weekday=short_weekday, month=True, year=True)
    return f"{first} {DASH} {last}"


def _mark(occ: Occurrence) -> str:
    mark = OFF_MARK if occ.holiday else ""
    if occ.status == "projected" and occ.holiday:
        mark += PROJECTED_MARK
    return mark


def _name(occ: Occurrence, lang: str) -> RichText:
    """The name, with its anniversary, scope or note in parentheses."""
    name = RichText(occurrence_name(occ, lang), style="bold red" if occ.holiday else "")
    extra = [anniversary(occ, lang)]
    if occ.holiday and occ.scope == "private-sector":
        extra.append(say(lang, "private-only"))
    if occ.holiday is False and occ.observance.holiday and occ.note:
        extra.append(occ.note.get(lang))
    extras = [e for e in extra if e]
    if extras:
        name.append(f" ({'; '.join(extras)})", style="dim")
    return name


def occurrences(
    found: Sequence[Occurrence], today: date, lang: str, *, color: bool | None = None, title: str = ""
) -> None:
    """A table of occurrences: dates, day-off mark, name and countdown; then the key to the marks."""
    out = console(color)
    if not found:
        out.print(Wrapped(say(lang, "screen.nothing-in-range")))
        return
    table = Table(title=title or None, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column(Wrapped(say(lang, "screen.date")))
    table.add_column("", no_wrap=True)
    table.add_column(Wrapped(say(lang, "screen.observance")), ratio=1)
    table.add_column(Wrapped(say(lang, "screen.when")), justify="right")
    for occ in found:
        when = Wrapped(countdown(occ.days_until(today), lang, today))
        span = Wrapped(date_span(occ.start, occ.end, lang))
        table.add_row(span, _mark(occ), Wrapped(_name(occ, lang)), when)
    out.print(table)
    legend = f"{OFF_MARK} {say(lang, 'screen.legend.off')}"
    if any(o.status == "projected" and o.holiday for o in found):
        legend += f"   {PROJECTED_MARK} {say(lang, 'screen.legend.projected')}"
    out.print(Wrapped(RichText(legend, style="dim")))
