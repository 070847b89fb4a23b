"""What people see at a terminal: rich tables and text. The only module that imports rich."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text as RichText

from khcal.core.khmer_calendar import LunarDate
from khcal.core.model import Catalogue, Observance
from khcal.core.schedule import Occurrence
from khcal.text import describe
from khcal.text import lunar as lunar_view
from khcal.views import clusters

if TYPE_CHECKING:
    from khcal.core.summary import Summary
    from khcal.views.grid import Cell, MonthGrid

OFF_MARK = "●"
PROJECTED_MARK = "*"
OBSERVANCE_MARK = "○"
HOLY_MARK = "·"
DASH = "\u2013"  # the en dash of date spans


def color_wanted(no_color: bool, environ: Mapping[str, str]) -> bool | None:
    """The colour policy: False for none, True to force it, None to follow the terminal.

    `--no-color` and NO_COLOR (https://no-color.org) turn colour off; FORCE_COLOR turns it on even in a
    pipe; otherwise colour is used only when stdout is a terminal.
    """
    if no_color or environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return None


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich would exit with 1; let the command line end quietly with 0 instead.
        raise BrokenPipeError


def console(no_color: bool = False) -> Console:
    """A console that follows the colour policy of `color_wanted`."""
    wanted = color_wanted(no_color, os.environ)
    return _Console(
        no_color=wanted is False,
        force_terminal=True if wanted else None,
        highlight=False,
        emoji=False,
    )


class Wrapped:
    """Text that wraps at spaces, and inside a word only between character clusters (Khmer-safe).

    rich folds long words at any code point, which can cut a Khmer syllable and leave a vowel sign or a
    COENG at the edge of a line; this renderable breaks lines with `clusters.wrap` instead.
    """

    def __init__(self, text: RichText | str, style: str = "", indent: int = 0, hang: int = 0) -> None:
        self.text = text if isinstance(text, RichText) else RichText(text, style=style)
        self.indent = indent
        self.hang = hang  # further indent of every line after the first

    def lines(self, width: int) -> list[RichText]:
        plain = self.text.plain
        room = max(1, width - self.indent - self.hang)
        out = []
        for number, (a, b) in enumerate(clusters.wrap(plain, room, cell_len)):
            # A cluster wider than the room is dropped whole rather than cut (only in absurdly narrow space).
            while b > a and cell_len(plain[a:b]) > room:
                b = max(x for x, _ in clusters.cluster_spans(plain, a, b))
            pad = self.indent + (self.hang if number else 0)
            out.append(RichText(" " * pad) + self.text[a:b])
        return out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = self.text.plain.split()
        longest = max((cell_len(w) for w in words), default=0)
        widest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(self.indent + min(longest, widest), self.indent + widest).clamp(
            max_width=options.max_width
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width):
            yield from line.render(console)
            yield Segment.line()


def _short_month(month: int, lang: str) -> str:
    return describe.MONTHS_KM[month - 1] if lang == "km" else describe.MONTHS_EN[month - 1][:3]


def _day_month(day: date, lang: str, *, weekday: bool, month: bool, year: bool) -> str:
    parts = [describe.weekday_name(day, lang, short=True)] if weekday else []
    parts.append(describe.number(day.day, lang))
    if month:
        parts.append(_short_month(day.month, lang))
    if year:
        parts.append(describe.number(day.year, lang))
    return " ".join(parts)


def date_span(start: date, end: date, lang: str) -> str:
    """A compact span: 'Wed 7 Jan 2026', 'Tue 14 - Thu 16 Apr 2026' (en dashes)."""
    if start == end:
        return _day_month(start, lang, weekday=True, month=True, year=True)
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    first = _day_month(start, lang, weekday=True, month=not same_month, year=not same_year)
    # Khmer weekday names are long: the Khmer span names the first day's only.
    last = _day_month(end, lang, weekday=lang != "km", month=True, year=True)
    return f"{first} {DASH} {last}"


def occurrences(
    found: Sequence[Occurrence], today: date, lang: str, *, no_color: bool = False, title: str = ""
) -> None:
    out = console(no_color)
    km = lang == "km"
    if not found:
        out.print("គ្មានទេ" if km else "Nothing in that range.")
        return
    table = Table(title=title or None, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("កាលបរិច្ឆេទ" if km else "Date")
    table.add_column("", no_wrap=True)
    table.add_column("ឈ្មោះ" if km else "Observance", ratio=1)
    table.add_column("នៅសល់" if km else "When", justify="right")
    for occ in found:
        mark = OFF_MARK if occ.holiday else ""
        if occ.status == "projected" and occ.holiday:
            mark += PROJECTED_MARK
        name = RichText(occ.name(lang), style="bold red" if occ.holiday else "")
        extra = [describe.anniversary(occ, lang)]
        if occ.holiday and occ.scope == "private-sector":
            extra.append("វិស័យឯកជនតែប៉ុណ្ណោះ" if km else "private sector only")
        if occ.holiday is False and occ.observance.holiday and occ.note:
            extra.append(occ.note.get(lang))
        extras = [e for e in extra if e]
        if extras:
            name.append(f" ({'; '.join(extras)})", style="dim")
        days = occ.days_until(today)
        table.add_row(
            date_span(occ.start, occ.end, lang), mark, Wrapped(name), describe.countdown(days, lang)
        )
    out.print(table)
    legend = f"{OFF_MARK} {'ថ្ងៃឈប់សម្រាក' if km else 'day off'}"
    if any(o.status == "projected" and o.holiday for o in found):
        projected = "ការព្យាករ (មិនទាន់មានអនុក្រឹត្យ)" if km else "projected: no decree published yet"
        legend += f"   {PROJECTED_MARK} {projected}"
    out.print(RichText(legend, style="dim"))


def observance(
    obs: Observance,
    dates: Sequence[Occurrence],
    today: date,
    lang: str,
    catalogue: Catalogue,
    *,
    no_color: bool = False,
    year: int | None = None,
) -> None:
    out = console(no_color)
    km = lang == "km"
    other = obs.name.en if km else obs.name.km
    heading = RichText(obs.name.get(lang), style="bold")
    if other:
        heading.append(f"  {other}")
    out.print(Wrapped(heading))
    out.print(RichText(f"{obs.id} · {describe.category_name(obs.category, lang)}", style="dim"))
    out.print()
    out.print(Wrapped(obs.description.get(lang)))
    out.print()
    _section(
        out,
        "ក្បួន" if km else "Rule",
        [describe.rule_text(obs.rule, obs.days, lang, dict(catalogue.observances))],
    )
    history: list[str] = []
    if obs.holiday:
        history.extend(describe.period_text(p, obs, lang) for p in obs.holiday)
    else:
        history.append("មិនមែនជាថ្ងៃឈប់សម្រាកទេ" if km else "Not a day off in any year on record.")
    for note in sorted(obs.history, key=lambda h: h.year):
        history.append(f"{describe.number(note.year, lang)}: {note.text.get(lang)}")
    for exc in sorted(obs.exceptions, key=lambda e: e.year):
        text = f"{describe.number(exc.year, lang)}: "
        text += exc.note.get(lang) if exc.note else ("ករណីពិសេសតាមសេចក្តីសម្រេច" if km else "decreed exception")
        if exc.sources:
            text += f" [{exc.sources[0].title}]"
        history.append(text)
    _section(out, "ប្រវត្តិ" if km else "History", history)
    if obs.sources:
        _section(out, "ប្រភព" if km else "Sources", [describe.source_text(s) for s in obs.sources])
    label = (
        f"{'ឆ្នាំ' if km else 'In'} {describe.number(year, lang)}"
        if year is not None
        else ("កាលបរិច្ឆេទបន្ទាប់" if km else "Next dates")
    )
    lines = []
    for occ in dates:
        line = describe.format_span(occ.start, occ.end, lang)
        details = [describe.countdown(occ.days_until(today), lang)]
        anniversary = describe.anniversary(occ, lang)
        if anniversary:
            details.append(anniversary)
        details.append(
            ("ថ្ងៃឈប់សម្រាក" if km else "day off") if occ.holiday else ("មិនឈប់សម្រាក" if km else "not a day off")
        )
        if occ.status == "projected":
            details.append("ការព្យាករ" if km else "projected")
        lines.append(f"{line} ({', '.join(details)})")
        lines.extend(f"  {text}" for text in lunar_view.new_year_lines(occ, lang))
    _section(out, label, lines or ["គ្មាន" if km else "none"])


def _section(out: Console, title: str, lines: Sequence[str]) -> None:
    out.print(RichText(title, style="bold underline"))
    for line in lines:
        out.print(Wrapped(line, indent=2))
    out.print()


# --- the month grid of `khcal cal` ----------------------------------------------------------------------

WEEKDAYS_SHORT_EN = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# The one- or two-letter weekday abbreviations of Khmer wall calendars.
WEEKDAYS_SHORT_KM = ("ច", "អ", "ពុ", "ព្រ", "សុ", "ស", "អា")
PHASE_LETTER = {"en": {"waxing": "k", "waning": "r"}, "km": {"waxing": "ក", "waning": "រ"}}
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
    return f"{describe.number(cell.lunar.day, lang)}{PHASE_LETTER[lang][cell.lunar.phase]}"


def month_lines(grid: MonthGrid, lang: str, *, lunar: bool, title: str) -> list[RichText]:
    """The lines of one month: title, weekday header, then each week (and its lunar days)."""
    size = 4 if lunar else 3  # each cell: the number right-aligned, then one column for the mark
    width = 7 * size
    heads = WEEKDAYS_SHORT_KM if lang == "km" else WEEKDAYS_SHORT_EN
    lines = [_fit(RichText(title, style="bold"), width, "center")]
    header = RichText()
    weekend = {c.day.weekday() for c in grid.cells if c.weekend}
    for column in grid.columns:
        style = "dim" if column in weekend else ""
        header += _fit(RichText(heads[column], style=style), size - 1, "right") + RichText(" ")
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
            number = RichText(describe.number(cell.day.day, lang), style=style)
            row += _fit(number, size - 1, "right")
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
    name = describe.MONTHS_KM[grid.month - 1] if lang == "km" else describe.MONTHS_EN[grid.month - 1]
    return f"{name} {describe.number(grid.year, lang)}" if with_year else name


def _legend(lang: str, lunar: bool, today: date | None, marks: Iterable[str]) -> list[RichText]:
    """The key to the marks, then the lunar day notation, then today: a line each."""
    km = lang == "km"
    words = {
        "off": "ថ្ងៃឈប់សម្រាក" if km else "day off",
        "observance": "ទិវា/ពិធីបុណ្យ" if km else "observance",
        "holy": "ថ្ងៃសីល" if km else "Buddhist holy day",
    }
    present = set(marks)
    lines = [
        "   ".join(f"{_MARK_CHARS[m]} {words[m]}" for m in ("off", "observance", "holy") if m in present)
    ]
    if lunar:
        lines.append(
            "១៥ក = ១៥ កើត   ៨រ = ៨ រោច"
            if km
            else "15k = the 15th waxing day (kert)   8r = the 8th waning day (roch)"
        )
    if today is not None:
        lines.append(f"{'ថ្ងៃនេះ៖' if km else 'Today:'} {describe.format_date(today, lang, weekday=True)}")
    return [RichText(line, style="dim") for line in lines if line]


def _occurrence_line(occ: Occurrence, grid: MonthGrid, lang: str) -> RichText:
    def inside(day: date) -> bool:
        return (day.year, day.month) == (grid.year, grid.month)

    if occ.start == occ.end:
        days = describe.number(occ.start.day, lang)
    elif inside(occ.start) and inside(occ.end):
        days = f"{describe.number(occ.start.day, lang)}{DASH}{describe.number(occ.end.day, lang)}"
    else:
        days = DASH.join(
            _day_month(d, lang, weekday=False, month=True, year=False) for d in (occ.start, occ.end)
        )
    kind = "off" if occ.holiday else "observance"
    line = RichText(f"{days:>5} ") + RichText(_MARK_CHARS[kind], style=_MARK_STYLES[kind])
    line += RichText(f" {occ.name(lang)}", style="bold red" if occ.holiday else "")
    extras = [describe.anniversary(occ, lang)]
    if occ.holiday and occ.scope == "private-sector":
        extras.append("វិស័យឯកជនតែប៉ុណ្ណោះ" if lang == "km" else "private sector only")
    if occ.holiday and occ.status == "projected":
        extras.append("ការព្យាករ" if lang == "km" else "projected")
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
    no_color: bool = False,
) -> None:
    """`khcal cal`: one month with its observances listed, or a year of months side by side."""
    out = console(no_color)
    single = len(grids) == 1
    marks = {c.mark for g in grids for c in g.cells if c.mark}
    shows_today = any(c.today for g in grids for c in g.cells)
    blocks = [month_lines(g, lang, lunar=lunar, title=_month_title(g, lang, with_year=single)) for g in grids]
    month_width = (4 if lunar else 3) * 7
    across = max(1, min(3, (out.width + len(MONTH_GAP)) // (month_width + len(MONTH_GAP))))
    if not single:
        total = across * month_width + (across - 1) * len(MONTH_GAP)
        title = _fit(RichText(describe.number(grids[0].year, lang), style="bold"), total, "center")
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


# --- `khcal today` ----------------------------------------------------------------------------------------


def today_screen(summary: Summary, lang: str, *, no_color: bool = False) -> None:
    from khcal.text import today as words

    out = console(no_color)
    km = lang == "km"
    out.print(Wrapped(RichText(describe.format_date(summary.day, lang, weekday=True), style="bold")))
    out.print(Wrapped(words.lunar_text(summary.lunar, summary.day, lang)))
    status_style = "bold red" if summary.day_off else ("dim" if summary.weekend else "green")
    out.print(Wrapped(RichText(words.status_text(summary, lang), style=status_style)))
    for occ in summary.observances:
        if occ in summary.days_off:
            continue  # already named as the day off
        extra = describe.anniversary(occ, lang)
        label = "ថ្ងៃនេះ៖" if km else "Today:"
        text = f"{label} {occ.name(lang)}" + (f" ({extra})" if extra else "")
        out.print(Wrapped(RichText(text, style="bold" if occ.holiday else "")))
    out.print()
    out.print(RichText("ខាងមុខ" if km else "Coming up", style="bold underline"))
    for occ in summary.coming:
        out.print(Wrapped(words.coming_text(occ, summary.day, lang), indent=2))
    if not summary.coming:
        out.print("  " + ("គ្មាន" if km else "nothing"))


# --- the Khmer calendar (khcal lunar) ------------------------------------------------------------------


def lunar_table(
    days: Iterable[tuple[date, LunarDate]], lang: str, *, no_color: bool = False, title: str = ""
) -> None:
    """A table of days with their Khmer lunar dates; holy days and New Year days marked."""
    out = console(no_color)
    km = lang == "km"
    table = Table(title=title or None, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("កាលបរិច្ឆេទ" if km else "Date", no_wrap=True)
    table.add_column("ថ្ងៃ" if km else "Day", no_wrap=True)
    table.add_column("ចន្ទគតិ" if km else "Lunar date", no_wrap=True)
    table.add_column("ឆ្នាំ" if km else "Year", no_wrap=True)
    table.add_column("ស័ក" if km else "Era", no_wrap=True)
    table.add_column("ព.ស." if km else "BE", no_wrap=True, justify="right")
    table.add_column("", overflow="fold")
    for day, lunar in days:
        notes = lunar_view.day_notes(day, lunar, lang)
        month = lunar_view.month_name(lunar.month, lang)
        table.add_row(
            describe.khmer_digits(day.isoformat()) if km else day.isoformat(),
            describe.weekday_name(day, lang, short=not km),
            RichText(f"{lunar_view.lunar_day_text(lunar, lang)} {month}", style="bold" if notes else ""),
            lunar_view.animal_name(lunar.animal_year, lang),
            lunar_view.sak_name(lunar.sak, lang),
            describe.number(lunar.be_year, lang),
            RichText(", ".join(notes), style="yellow" if notes else ""),
        )
    out.print(table)


def lunar_day(day: date, lunar: LunarDate, lang: str, *, no_color: bool = False) -> None:
    """One day: its Gregorian date, then its lunar date as a Khmer calendar writes it."""
    out = console(no_color)
    out.print(RichText(describe.format_date(day, lang, weekday=True), style="bold"))
    out.print(RichText(lunar_view.lunar_text(day, lunar, lang)))
    notes = lunar_view.day_notes(day, lunar, lang)
    if notes:
        out.print(RichText(", ".join(notes), style="yellow"))
