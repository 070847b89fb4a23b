"""What people see at a terminal: rich tables and text. The only module that imports rich."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from khcal import describe, lunar_view
from khcal.catalogue import Catalogue, Observance
from khcal.khmer_calendar import LunarDate
from khcal.schedule import Occurrence

OFF_MARK = "●"
PROJECTED_MARK = "*"


def console(no_color: bool = False) -> Console:
    """A console that follows the terminal: colour only on a terminal, never with NO_COLOR or --no-color."""
    return Console(no_color=no_color or None, highlight=False, emoji=False)


def _dates(occ: Occurrence, lang: str) -> str:
    weekday = describe.weekday_name(occ.start, lang, short=True)
    if lang == "km":
        first = (
            f"{weekday} {describe.khmer_digits(occ.start.strftime('%d'))}/"
            f"{describe.khmer_digits(occ.start.strftime('%m/%Y'))}"
        )
        if occ.days > 1:
            first += f" +{describe.khmer_digits(occ.days - 1)}"
        return first
    first = f"{weekday} {occ.start.strftime('%d %b %Y')}"
    if occ.days > 1:
        last = occ.end.strftime("%d %b") if occ.end.year == occ.start.year else occ.end.strftime("%d %b %Y")
        first += f" - {last}"
    return first


def occurrences(
    found: Sequence[Occurrence], today: date, lang: str, *, no_color: bool = False, title: str = ""
) -> None:
    out = console(no_color)
    km = lang == "km"
    if not found:
        out.print("គ្មានទេ" if km else "Nothing in that range.")
        return
    table = Table(title=title or None, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("កាលបរិច្ឆេទ" if km else "Date", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("ឈ្មោះ" if km else "Observance", overflow="fold")
    table.add_column("នៅសល់" if km else "When", no_wrap=True, justify="right")
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
        table.add_row(_dates(occ, lang), mark, name, describe.countdown(days, lang))
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
    out.print(heading)
    out.print(RichText(f"{obs.id} · {obs.category}", style="dim"))
    out.print()
    out.print(obs.description.get(lang))
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
        out.print(f"  {line}", overflow="fold")
    out.print()


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
