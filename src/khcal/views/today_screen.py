"""`khcal today`: the day, its lunar date, whether it is a day off, and what comes next."""

from __future__ import annotations

from rich.text import Text as RichText

from khcal.core.summary import Summary
from khcal.text import say
from khcal.text import today as words
from khcal.text.dates import format_date
from khcal.views.console import Wrapped, console


def today_screen(summary: Summary, lang: str, *, color: bool | None = None) -> None:
    out = console(color)
    out.print(Wrapped(RichText(format_date(summary.day, lang, weekday=True), style="bold")))
    out.print(Wrapped(words.lunar_line(summary, lang)))
    status_style = "bold red" if summary.day_off else ("dim" if summary.weekend else "green")
    out.print(Wrapped(RichText(words.status_text(summary, lang), style=status_style)))
    for occ in summary.observances:
        if occ in summary.days_off:
            continue  # already named as the day off
        out.print(Wrapped(RichText(words.today_text(occ, lang), style="bold" if occ.holiday else "")))
    out.print()
    out.print(Wrapped(RichText(say(lang, "screen.coming-up"), style="bold underline")))
    for occ in summary.coming:
        out.print(Wrapped(words.coming_text(occ, summary.day, lang), indent=2))
    if not summary.coming:
        out.print(Wrapped(say(lang, "screen.nothing"), indent=2))
