"""The words and JSON of `khcal today`'s summary."""

from __future__ import annotations

from datetime import date
from typing import Any

from khcal.core import khmer_calendar
from khcal.core.schedule import Occurrence
from khcal.core.summary import Summary
from khcal.text import describe


def lunar_text(lunar: khmer_calendar.LunarDate, day: date, lang: str) -> str:
    """'The 14th waxing day of Boss, year of the Snake, Saptak Sak, BE 2569' or the Khmer
    'ថ្ងៃសុក្រ ១៤ កើត ខែបុស្ស ឆ្នាំម្សាញ់ សប្តស័ក ព.ស. ២៥៦៩'."""
    if lang == "km":
        return (
            f"ថ្ងៃ{describe.WEEKDAYS_KM[day.weekday()]} {describe.khmer_digits(lunar.day)} "
            f"{describe.PHASES_KM[lunar.phase]} ខែ{lunar.month_name_km} ឆ្នាំ{lunar.animal_name_km} "
            f"{lunar.sak_name_km} ព.ស. {describe.khmer_digits(lunar.be_year)}"
        )
    words = describe.lunar_day(lunar.month, lunar.day, lunar.phase, "en")
    words = words[0].upper() + words[1:]
    return f"{words}, year of the {lunar.animal_year.title()}, {lunar.sak_name}, BE {lunar.be_year}"


def status_text(summary: Summary, lang: str) -> str:
    km = lang == "km"
    if summary.day_off:
        names = ", ".join(dict.fromkeys(o.name(lang) for o in summary.days_off))
        return f"ថ្ងៃឈប់សម្រាក៖ {names}" if km else f"A day off: {names}"
    if summary.weekend:
        return "ថ្ងៃចុងសប្តាហ៍" if km else "A weekend day"
    return "ថ្ងៃធ្វើការ" if km else "A working day"


def coming_text(occ: Occurrence, today: date, lang: str) -> str:
    """'Victory over Genocide Day, Wednesday 7 January 2026: in 5 days (47th anniversary; day off)'."""
    km = lang == "km"
    details = [describe.anniversary(occ, lang)]
    if occ.holiday:
        details.append("ថ្ងៃឈប់សម្រាក" if km else "day off")
    shown = "; ".join(d for d in details if d)
    text = f"{occ.name(lang)}, {describe.format_date(occ.start, lang, weekday=True)}"
    text += f"{'៖' if km else ':'} {describe.countdown(occ.days_until(today), lang)}"
    return f"{text} ({shown})" if shown else text


def summary_json(summary: Summary, lang: str) -> dict[str, Any]:
    lunar = summary.lunar
    return {
        "date": summary.day.isoformat(),
        "lunar": {
            "day": lunar.day,
            "phase": lunar.phase,
            "month": lunar.month,
            "month_km": lunar.month_name_km,
            "be_year": lunar.be_year,
            "animal_year": lunar.animal_year,
            "sak": lunar.sak,
            "holy_day": lunar.holy_day,
        },
        "holiday": summary.day_off,
        "weekend": summary.weekend,
        "workday": summary.workday,
        "observances": [describe.occurrence_json(o, summary.day, lang) for o in summary.observances],
        "next": [describe.occurrence_json(o, summary.day, lang) for o in summary.coming],
    }
