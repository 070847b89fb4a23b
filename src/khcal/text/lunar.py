"""Words and JSON for Khmer lunar dates and for the Khmer New Year, in English and Khmer.

Pure functions over `khmer_calendar` values and schedule occurrences: no I/O, no clock, no rich. The Khmer
line follows the order printed on Khmer calendars and used by Khmer calendar software (momentkh, dayjskh):
weekday, lunar day with its phase, month, animal year, era (sak), Buddhist Era, e.g.
"ថ្ងៃសុក្រ ១៥កើត ខែពិសាខ ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from khcal.core import khmer_calendar
from khcal.core.khmer_calendar import LunarDate
from khcal.core.schedule import Occurrence
from khcal.text.describe import (
    LUNAR_MONTHS_EN,
    PHASES_KM,
    WEEKDAYS_EN,
    WEEKDAYS_KM,
    format_date,
    khmer_digits,
    ordinal,
)

# The days of the New Year (Wikipedia "Cambodian New Year"; Khmer as on Khmer calendars).
NEW_YEAR_DAYS_EN = {"songkran": "Moha Songkran", "vanabat": "Vanabat", "leungsak": "Leungsak"}
NEW_YEAR_DAYS_KM = {"songkran": "មហាសង្ក្រាន្ត", "vanabat": "វារៈវ័នបត", "leungsak": "វារៈឡើងស័ក"}
HOLY_DAY_EN = "Holy day"
HOLY_DAY_KM = "ថ្ងៃសីល"


def animal_name(animal: str, lang: str) -> str:
    return khmer_calendar.ANIMAL_NAMES_KM[animal] if lang == "km" else animal.capitalize()


def month_name(month: str, lang: str) -> str:
    return khmer_calendar.MONTH_NAMES_KM[month] if lang == "km" else LUNAR_MONTHS_EN[month]


def sak_name(sak: int, lang: str) -> str:
    return khmer_calendar.SAK_NAMES_KM[sak] if lang == "km" else khmer_calendar.SAK_NAMES[sak]


def lunar_day_text(lunar: LunarDate, lang: str) -> str:
    """'15th waxing' or '១៥កើត'."""
    if lang == "km":
        return f"{khmer_digits(lunar.day)}{PHASES_KM[lunar.phase]}"
    return f"{ordinal(lunar.day)} {lunar.phase}"


def year_text(lunar: LunarDate, lang: str) -> str:
    """'Horse year, Attha Sak, BE 2569' or 'ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩'."""
    if lang == "km":
        return (
            f"ឆ្នាំ{animal_name(lunar.animal_year, lang)} {sak_name(lunar.sak, lang)} "
            f"ព.ស. {khmer_digits(lunar.be_year)}"
        )
    return f"{animal_name(lunar.animal_year, lang)} year, {sak_name(lunar.sak, lang)}, BE {lunar.be_year}"


def lunar_text(day: date, lunar: LunarDate, lang: str) -> str:
    """The day as a Khmer calendar writes it.

    km: 'ថ្ងៃសុក្រ ១៥កើត ខែពិសាខ ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩';
    en: 'Friday, 15th waxing day of Pisakh, Horse year, Attha Sak, BE 2569'.
    """
    if lang == "km":
        return (
            f"ថ្ងៃ{WEEKDAYS_KM[day.weekday()]} {lunar_day_text(lunar, lang)} "
            f"ខែ{month_name(lunar.month, lang)} {year_text(lunar, lang)}"
        )
    return (
        f"{WEEKDAYS_EN[day.weekday()]}, {ordinal(lunar.day)} {lunar.phase} day of "
        f"{month_name(lunar.month, lang)}, {year_text(lunar, lang)}"
    )


def new_year_day(day: date) -> str | None:
    """'songkran', 'vanabat' or 'leungsak' when `day` is one of the computed New Year days, else None."""
    if day.month != 4:
        return None
    found = khmer_calendar.new_year(day.year)
    if day == found.start:
        return "songkran"
    if day in found.vanabat:
        return "vanabat"
    if day == found.leungsak:
        return "leungsak"
    return None


def day_notes(day: date, lunar: LunarDate, lang: str) -> list[str]:
    """What a Khmer calendar marks on the day: a Buddhist holy day, a day of the New Year."""
    notes = []
    if lunar.holy_day:
        notes.append(HOLY_DAY_KM if lang == "km" else HOLY_DAY_EN)
    which = new_year_day(day)
    if which is not None:
        notes.append((NEW_YEAR_DAYS_KM if lang == "km" else NEW_YEAR_DAYS_EN)[which])
    return notes


def lunar_line(day: date, lunar: LunarDate, lang: str) -> str:
    """One line for a day: the Gregorian date, the lunar date, and the notes of the day."""
    gregorian = day.isoformat() if lang != "km" else khmer_digits(day.isoformat())
    line = f"{gregorian}  {lunar_text(day, lunar, lang)}"
    notes = day_notes(day, lunar, lang)
    if notes:
        line += f" ({', '.join(notes)})" if lang != "km" else f" ({' '.join(notes)})"
    return line


def lunar_json(day: date, lunar: LunarDate, lang: str = "en") -> dict[str, Any]:
    """The lunar-day object of the command-line contract, with a few more fields."""
    return {
        "date": day.isoformat(),
        "day": lunar.day,
        "phase": lunar.phase,
        "month": lunar.month,
        "month_km": lunar.month_name_km,
        "be_year": lunar.be_year,
        "animal_year": lunar.animal_year,
        "sak": lunar.sak,
        "holy_day": lunar.holy_day,
        "weekday": WEEKDAYS_EN[day.weekday()].lower(),
        "month_days": lunar.month_days,
        "animal_year_km": lunar.animal_name_km,
        "sak_name": lunar.sak_name,
        "sak_name_km": lunar.sak_name_km,
        "js_year": lunar.js_year,
        "new_year_day": new_year_day(day),
        "text": lunar_text(day, lunar, lang),
    }


def lunar_days(first: date, last: date) -> Iterator[tuple[date, LunarDate]]:
    """Every day of first..last with its lunar date (raises khmer_calendar.OutOfRangeError outside range)."""
    return khmer_calendar.iter_lunar(first, last)


# --- the New Year ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewYearDays:
    """The traditional days of one Khmer New Year, with the Songkran moment khcal shows.

    `songkran` is the officially announced moment when the data pins one, else the computed one; the New
    Year then runs from the Songkran date for the computed number of days, as the schedule does.
    """

    songkran: datetime
    announced: bool
    vanabat: tuple[date, ...]
    leungsak: date

    @property
    def days(self) -> int:
        return (self.leungsak - self.songkran.date()).days + 1


def new_year_days(occ: Occurrence) -> NewYearDays | None:
    """The New Year days of a New Year occurrence (None for any other occurrence)."""
    if occ.songkran is None or occ.in_lieu_of is not None:
        return None
    year = occ.songkran.year
    computed = khmer_calendar.new_year(year)
    exception = occ.observance.exception(year)
    announced = exception is not None and exception.songkran is not None
    start = occ.songkran.date()
    leungsak = start + timedelta(days=computed.days - 1)
    vanabat = tuple(start + timedelta(days=i) for i in range(1, computed.days - 1))
    return NewYearDays(occ.songkran, announced, vanabat, leungsak)


def new_year_json(occ: Occurrence) -> dict[str, Any] | None:
    """The "new_year" object of a New Year occurrence: Songkran moment, days, Vanabat, Leungsak."""
    found = new_year_days(occ)
    if found is None:
        return None
    out: dict[str, Any] = {
        "songkran": found.songkran.isoformat(timespec="minutes"),
        "songkran_source": "announced" if found.announced else "computed",
        "days": found.days,
        "vanabat": [d.isoformat() for d in found.vanabat],
        "leungsak": found.leungsak.isoformat(),
    }
    exception = occ.observance.exception(found.songkran.year)
    if found.announced and exception is not None:
        out["sources"] = [{"title": s.title, "url": s.url} for s in exception.sources]
    return out


def new_year_lines(occ: Occurrence, lang: str) -> list[str]:
    """The New Year days in words, one line each, for `khcal show khmer-new-year`."""
    found = new_year_days(occ)
    if found is None:
        return []
    km = lang == "km"
    moment = found.songkran.strftime("%H:%M")
    if km:
        source = "តាមការប្រកាសផ្លូវការ" if found.announced else "តាមការគណនា"
        lines = [
            f"{NEW_YEAR_DAYS_KM['songkran']}: {format_date(found.songkran.date(), lang, weekday=True)} "
            f"ម៉ោង {khmer_digits(moment)} ({source})"
        ]
        lines += [
            f"{NEW_YEAR_DAYS_KM['vanabat']}: {format_date(d, lang, weekday=True)}" for d in found.vanabat
        ]
        lines.append(f"{NEW_YEAR_DAYS_KM['leungsak']}: {format_date(found.leungsak, lang, weekday=True)}")
        lines.append(f"{khmer_digits(found.days)} ថ្ងៃ")
        return lines
    source = "officially announced" if found.announced else "computed"
    lines = [
        f"{NEW_YEAR_DAYS_EN['songkran']}: {format_date(found.songkran.date(), lang, weekday=True)} "
        f"at {moment} ({source})"
    ]
    lines += [f"{NEW_YEAR_DAYS_EN['vanabat']}: {format_date(d, lang, weekday=True)}" for d in found.vanabat]
    lines.append(f"{NEW_YEAR_DAYS_EN['leungsak']}: {format_date(found.leungsak, lang, weekday=True)}")
    lines.append(f"{found.days} days")
    return lines
