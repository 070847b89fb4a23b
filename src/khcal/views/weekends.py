"""`khcal long-weekends`: the runs of days off of a year and the bridge days, in columns that stay put.

Each run is a row of columns (first day, `..`, last day, how many days) padded to the widest of its section
as the terminal counts columns (`width.cells`), so a long weekday name in one row moves nothing in the
others. The names of the days off follow, wrapped (`Wrapped`) and hanging under their first line; when the
terminal leaves them too little room they go on a line of their own. A row wider than the terminal is cut
between columns, at the same column in every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Console
from rich.text import Text as RichText

from khcal.core.workdays import PRIVATE_ONLY, Bridge, Run, WorkCalendar, weekend_text
from khcal.text import digits, say
from khcal.text.dates import occurrence_name, weekday_name
from khcal.views.console import Wrapped, console
from khcal.views.width import cells

INDENT = 2
HANG = 6  # the indent of a row's continued lines
ROOM = 20  # the fewest columns the names may have beside their row before they get a line of their own
_FIRST, _LAST = "\x00", "\x01"


def long_weekends(
    year: int,
    cal: WorkCalendar,
    runs: Sequence[Run],
    bridges: Sequence[Bridge],
    lang: str,
    *,
    color: bool | None = None,
) -> None:
    """The long weekends and bridge days of a year (the script.* messages of khcal.text)."""
    out = console(color)
    sector = say(lang, f"sector.{cal.sector}")
    names = " ".join(weekday_name(d, lang) for d in sorted(cal.weekend))
    weekend = say(lang, "script.weekend-days", option=weekend_text(cal.weekend), names=names)
    out.print(
        Wrapped(say(lang, "script.long-weekends", year=year, weekend=weekend, sector=sector), hang=HANG)
    )
    _section(out, [(_span(r, lang), _why(r, lang)) for r in runs], lang)
    out.print(Wrapped(say(lang, "script.bridges"), hang=HANG))
    rows = [([_day(b.day, lang), "->", *_span(b.joined, lang)], _why(b.joined, lang)) for b in bridges]
    _section(out, rows, lang, group=2)  # the bridge day and its arrow, then the run


def _day(when: date, lang: str) -> str:
    weekday = weekday_name(when, lang, short=True)
    return say(lang, "script.day", day=digits(lang, when.isoformat()), weekday=weekday)


def _span(run: Run, lang: str) -> list[str]:
    """[first, '..', last, '3 days']: the message `script.span` cut at its first and last day."""
    first, last = _day(run.start, lang), _day(run.end, lang)
    template = say(lang, "script.span", first=_FIRST, last=_LAST, days=run.days)
    head, _, rest = template.partition(_FIRST)
    between, _, tail = rest.partition(_LAST)
    if _LAST not in rest or head.strip():
        return [say(lang, "script.span", first=first, last=last, days=run.days)]
    return [first, between.strip(), last, tail.strip()]


def _why(run: Run, lang: str) -> str:
    names = []
    for occ in run.reasons:
        name = occurrence_name(occ, lang)
        names.append(say(lang, "script.private", name=name) if occ.scope == PRIVATE_ONLY else name)
    names = list(dict.fromkeys(names))
    if run.extra:
        names.append(say(lang, "script.company-day-off"))
    return say(lang, "separator.notes.strong").join(names)


def _section(out: Console, rows: list[tuple[list[str], str]], lang: str, group: int = 0) -> None:
    if not rows:
        out.print(Wrapped(say(lang, "script.none"), indent=INDENT))
        return
    count = max(len(cells_) for cells_, _ in rows)
    widths = [max((cells(r[i]) for r, _ in rows if i < len(r)), default=0) for i in range(count)]
    # The last column (how many days) is aligned right, the others left.
    for row, why in rows:
        pieces = [_pad(t, widths[i], right=i == count - 1 and count > 1) for i, t in enumerate(row)]
        lines = _pack(pieces, widths, out.width, group)
        used = cells(lines[-1]) + 2
        for line in lines[:-1]:
            out.print(line.rstrip(), no_wrap=True, overflow="ignore", crop=False)
        if out.width - used >= ROOM:
            out.print(Wrapped(why, lead=RichText(lines[-1] + "  ")))
        else:
            out.print(lines[-1].rstrip(), no_wrap=True, overflow="ignore", crop=False)
            out.print(Wrapped(why, indent=HANG))


def _pad(text: str, width: int, *, right: bool) -> str:
    room = " " * max(0, width - cells(text))
    return room + text if right else text + room


def _pack(pieces: list[str], widths: list[int], width: int, group: int) -> list[str]:
    """The columns of a row on as few lines as the terminal's width allows, cut where every row is cut
    (by the columns' widths, not by this row's text): before column `group` if it is not 0 (a bridge day
    above the run it joins), else between the columns that no longer fit."""
    sizes = [w + (1 if i else 0) for i, w in enumerate(widths)]
    if INDENT + sum(sizes) <= width:
        return [" " * INDENT + " ".join(pieces)]
    if group and HANG + sum(sizes[group:]) - 1 <= width:
        return [" " * INDENT + " ".join(pieces[:group]), " " * HANG + " ".join(pieces[group:])]
    lines, line, used = [], " " * INDENT, INDENT
    for i, piece in enumerate(pieces):
        if i and used + sizes[i] > width:
            lines.append(line)
            line, used = " " * HANG + piece, HANG + widths[i]
            continue
        line += (" " if i else "") + piece
        used += sizes[i]
    lines.append(line)
    return lines
