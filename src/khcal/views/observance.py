"""`khcal show`: one observance with its description, rule, history, sources and dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Console
from rich.text import Text as RichText

from khcal.core.model import Catalogue, Observance
from khcal.core.schedule import Occurrence
from khcal.text import say
from khcal.text.dates import anniversary, category_name, countdown, exact_days, format_span
from khcal.text.describe import source_text
from khcal.text.lunar import new_year_lines
from khcal.text.rules import history_lines, rule_text
from khcal.views.console import Wrapped, console


def observance(
    obs: Observance,
    dates: Sequence[Occurrence],
    today: date,
    lang: str,
    catalogue: Catalogue,
    *,
    color: bool | None = None,
    year: int | None = None,
) -> None:
    """The whole story of one observance, then its next dates (or those of `year`)."""
    out = console(color)
    heading = RichText(obs.name.get(lang), style="bold")
    other = next((n for n in (obs.name.en, obs.name.km) if n and n != obs.name.get(lang)), None)
    if other:
        heading.append(f"  {other}")
    out.print(Wrapped(heading))
    out.print(Wrapped(RichText(f"{obs.id} · {category_name(obs.category, lang)}", style="dim")))
    out.print()
    out.print(Wrapped(obs.description.get(lang)))
    out.print()
    _section(out, say(lang, "screen.rule"), [rule_text(obs.rule, obs.days, lang, catalogue.observances)])
    _section(out, say(lang, "screen.history"), history_lines(obs, lang))
    if obs.sources:
        _section(out, say(lang, "screen.sources"), [source_text(s) for s in obs.sources])
    label = say(lang, "screen.in-year", year=year) if year is not None else say(lang, "screen.next-dates")
    lines = [line for occ in dates for line in _date_lines(occ, today, lang)]
    _section(out, label, lines or [say(lang, "screen.none")])


def _date_lines(occ: Occurrence, today: date, lang: str) -> list[str]:
    """'7 January 2027 (in 1 year, 48th anniversary, day off, 370 days away)', then its New Year days."""
    days = occ.days_until(today)
    details = [countdown(days, lang, today), anniversary(occ, lang)]
    details.append(say(lang, "day-off") if occ.holiday else say(lang, "not-day-off"))
    if occ.status == "projected":
        details.append(say(lang, "projected"))
    details.append(exact_days(days, lang))
    shown = say(lang, "separator.notes").join(d for d in details if d)
    lines = [say(lang, "screen.details", text=format_span(occ.start, occ.end, lang), details=shown)]
    for line, lunar in new_year_lines(occ, lang):
        lines.append(f"  {line}")
        if lunar:
            lines.append(f"    {lunar}")
    return lines


def _section(out: Console, title: str, lines: Sequence[str]) -> None:
    out.print(Wrapped(RichText(title, style="bold underline")))
    for line in lines:
        out.print(Wrapped(line, indent=2, hang=2))  # a line that goes on is set under the first
    out.print()
