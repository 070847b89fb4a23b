"""Words and JSON for Khmer lunar dates and for the Khmer New Year, in English and Khmer.

Pure functions over `khmer_calendar` values and schedule occurrences: no I/O, no clock, no rich. The Khmer
line follows the order printed on Khmer calendars and used by Khmer calendar software (momentkh, dayjskh):
weekday, lunar day with its phase, month, animal year, era (sak), Buddhist Era, e.g.
"ថ្ងៃសុក្រ ១៥កើត ខែពិសាខ ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from khcal.core import khmer_calendar
from khcal.core.khmer_calendar import LunarDate
from khcal.core.records import record
from khcal.core.schedule import Occurrence
from khcal.text import digits, say
from khcal.text.dates import format_date, weekday_name

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


def animal_name(animal: str, lang: str) -> str:
    """'Horse' or 'មមី'."""
    return say(lang, f"animal.{animal}")


def month_name(month: str, lang: str) -> str:
    """'Pisakh' or 'ពិសាខ'."""
    return say(lang, f"lunar-month.{month}")


def sak_name(sak: int, lang: str) -> str:
    """'Attha Sak' or 'អដ្ឋស័ក'."""
    return say(lang, f"sak.{sak}")


def phase_name(phase: str, lang: str) -> str:
    """'waxing' or 'កើត'."""
    return say(lang, f"phase.{phase}")


def lunar_day_text(lunar: LunarDate, lang: str) -> str:
    """'15th waxing' or '១៥កើត'."""
    return say(lang, "lunar.day", day=lunar.day, phase=phase_name(lunar.phase, lang))


def short_text(lunar: LunarDate, lang: str) -> str:
    """'15th waxing Pisakh' or '១៥កើត ខែពិសាខ': the day and month, for tables."""
    return say(lang, "lunar.short", day=lunar_day_text(lunar, lang), month=month_name(lunar.month, lang))


def year_text(lunar: LunarDate, lang: str) -> str:
    """'Horse year, Attha Sak, BE 2569' or 'ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩'."""
    return say(
        lang,
        "lunar.year",
        animal=animal_name(lunar.animal_year, lang),
        sak=sak_name(lunar.sak, lang),
        be=lunar.be_year,
    )


def lunar_text(day: date, lunar: LunarDate, lang: str, *, weekday: bool = True) -> str:
    """The day as a Khmer calendar writes it: khcal's one phrasing of a lunar date.

    km: 'ថ្ងៃសុក្រ ១៥កើត ខែពិសាខ ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩';
    en: 'Friday, 15th waxing day of Pisakh, Horse year, Attha Sak, BE 2569'.
    Without the weekday where the Gregorian date beside it already names it.
    """
    text = say(
        lang,
        "lunar.date",
        day=lunar_day_text(lunar, lang),
        month=month_name(lunar.month, lang),
        year=year_text(lunar, lang),
    )
    return say(lang, "lunar.date.weekday", weekday=weekday_name(day, lang), date=text) if weekday else text


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
        notes.append(say(lang, "holy-day"))
    which = new_year_day(day)
    if which is not None:
        notes.append(say(lang, f"new-year.{which}"))
    return notes


def notes_text(notes: list[str], lang: str) -> str:
    """The notes of a day as one phrase."""
    return say(lang, "lunar.notes.separator").join(notes)


def lunar_line(day: date, lunar: LunarDate, lang: str) -> str:
    """One line for a day: the Gregorian date, the lunar date, and the notes of the day."""
    line = say(lang, "lunar.line", gregorian=digits(lang, day.isoformat()), text=lunar_text(day, lunar, lang))
    notes = day_notes(day, lunar, lang)
    if notes:
        line = say(lang, "lunar.line.notes", line=line, notes=notes_text(notes, lang))
    return line


def lunar_json(day: date, lunar: LunarDate, lang: str = "en") -> dict[str, Any]:
    """The lunar-day object of the command-line contract, with a few more fields (the names in both
    languages, whatever `lang` is: the contract's `month_km`, `animal_year_km`, `sak_name`, `sak_name_km`)."""
    return {
        "date": day.isoformat(),
        "day": lunar.day,
        "phase": lunar.phase,
        "month": lunar.month,
        "month_km": month_name(lunar.month, "km"),
        "be_year": lunar.be_year,
        "animal_year": lunar.animal_year,
        "sak": lunar.sak,
        "holy_day": lunar.holy_day,
        "weekday": weekday_name(day, "en").lower(),  # the contract's English name
        "month_days": lunar.month_days,
        "animal_year_km": animal_name(lunar.animal_year, "km"),
        "sak_name": sak_name(lunar.sak, "en"),
        "sak_name_km": sak_name(lunar.sak, "km"),
        "js_year": lunar.js_year,
        "new_year_day": new_year_day(day),
        "text": lunar_text(day, lunar, lang),
    }


def lunar_days(first: date, last: date) -> Iterator[tuple[date, LunarDate]]:
    """Every day of first..last with its lunar date (raises khmer_calendar.OutOfRangeError outside range)."""
    return khmer_calendar.iter_lunar(first, last)


# --- the New Year ------------------------------------------------------------------------------------


@record
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


def new_year_lines(occ: Occurrence, lang: str) -> list[tuple[str, str]]:
    """The New Year days in words, each with its lunar date, for `khcal show khmer-new-year`."""
    found = new_year_days(occ)
    if found is None:
        return []
    first = found.songkran.date()
    source = say(lang, "new-year.announced" if found.announced else "new-year.computed")
    songkran = say(
        lang,
        "new-year.songkran-line",
        name=say(lang, "new-year.songkran"),
        date=format_date(first, lang, weekday=True),
        time=digits(lang, found.songkran.strftime("%H:%M")),
        source=source,
    )
    days = [(songkran, first)]
    for name, day in [("vanabat", d) for d in found.vanabat] + [("leungsak", found.leungsak)]:
        words = {"name": say(lang, f"new-year.{name}"), "date": format_date(day, lang, weekday=True)}
        days.append((say(lang, "new-year.day-line", **words), day))
    lines = [(line, lunar_text(day, khmer_calendar.to_lunar(day), lang, weekday=False)) for line, day in days]
    return [*lines, (say(lang, "new-year.days", n=found.days), "")]
