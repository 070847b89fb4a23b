"""The words and JSON of `khcal today`'s summary."""

from __future__ import annotations

from datetime import date
from typing import Any

from khcal.core.schedule import Occurrence
from khcal.core.summary import Summary
from khcal.text import say
from khcal.text.dates import anniversary, countdown, format_date, occurrence_name
from khcal.text.describe import occurrence_json
from khcal.text.lunar import lunar_json, lunar_text


def lunar_line(summary: Summary, lang: str) -> str:
    """The day's lunar date, worded as `khcal lunar` words it."""
    return lunar_text(summary.day, summary.lunar, lang)


def status_text(summary: Summary, lang: str) -> str:
    """'A day off: Khmer New Year', 'A weekend day' or 'A working day'."""
    if summary.day_off:
        names = say(lang, "separator.names").join(
            dict.fromkeys(occurrence_name(o, lang) for o in summary.days_off)
        )
        return say(lang, "screen.day-off", names=names)
    return say(lang, "screen.weekend" if summary.weekend else "screen.working-day")


def today_text(occ: Occurrence, lang: str) -> str:
    """'Today: International Women's Day (116th anniversary)'."""
    text = say(lang, "screen.today", name=occurrence_name(occ, lang))
    extra = anniversary(occ, lang)
    return say(lang, "screen.details", text=text, details=extra) if extra else text


def coming_text(occ: Occurrence, today: date, lang: str) -> str:
    """'Victory over Genocide Day, Wednesday 7 January 2026: in 5 days (47th anniversary; day off)'."""
    details = [anniversary(occ, lang)]
    if occ.holiday:
        details.append(say(lang, "day-off"))
    shown = say(lang, "separator.notes.strong").join(d for d in details if d)
    when = countdown(occ.days_until(today), lang, today)
    text = say(
        lang,
        "screen.coming",
        name=occurrence_name(occ, lang),
        date=format_date(occ.start, lang, weekday=True),
        when=when,
    )
    return say(lang, "screen.details", text=text, details=shown) if shown else text


def summary_json(summary: Summary, lang: str) -> dict[str, Any]:
    """The `today --json` object; its "lunar" object is the `lunar --json` object of the day."""
    return {
        "date": summary.day.isoformat(),
        "lunar": lunar_json(summary.day, summary.lunar, lang),
        "holiday": summary.day_off,
        "weekend": summary.weekend,
        "workday": summary.workday,
        "observances": [occurrence_json(o, summary.day, lang) for o in summary.observances],
        "next": [occurrence_json(o, summary.day, lang) for o in summary.coming],
    }
