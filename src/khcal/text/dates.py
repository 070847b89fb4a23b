"""Gregorian dates, spans, countdowns and anniversaries in words, in every language of the tables.

Plain functions returning plain strings; every word comes from the tables (`khcal.text.say`).
"""

from __future__ import annotations

from datetime import date, timedelta

from khcal.text import digits, has, say
from khcal.text.en import ordinal

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from khcal.core.schedule import Occurrence

__all__ = [
    "anniversary",
    "category_name",
    "countdown",
    "exact_days",
    "format_date",
    "format_span",
    "month_name",
    "number",
    "occurrence_name",
    "ordinal",
    "range_title",
    "weekday_name",
]


def number(value: int, lang: str) -> str:
    """47 or ៤៧."""
    return digits(lang, value)


def weekday_name(day: date | int, lang: str, *, short: bool = False) -> str:
    """'Wednesday', 'Wed' or 'ពុធ' (Khmer names are short enough to be written in full)."""
    index = day if isinstance(day, int) else day.weekday()
    return say(lang, f"weekday.short.{index}" if short else f"weekday.{index}")


def month_name(month: int, lang: str, *, short: bool = False) -> str:
    """'January', 'Jan' or 'មករា'."""
    return say(lang, f"month.short.{month}" if short else f"month.{month}")


def category_name(category: str, lang: str) -> str:
    """The category in words where khcal knows it; a user's own category stays as written."""
    key = f"category.{category}"
    return say(lang, key) if has(lang, key) else category


def occurrence_name(occ: Occurrence, lang: str) -> str:
    """The observance's name, or 'Day in lieu of Victory over Genocide Day' for a day in lieu."""
    if occ.in_lieu_of is not None:
        return say(lang, "name.in-lieu", name=occ.in_lieu_of.name.get(lang))
    return occ.observance.name.get(lang)


def format_date(day: date, lang: str, *, weekday: bool = False) -> str:
    """'Wednesday 7 January 2026' or 'ថ្ងៃពុធ ទី៧ ខែមករា ឆ្នាំ២០២៦'."""
    text = say(lang, "date", day=day.day, month=month_name(day.month, lang), year=day.year)
    return say(lang, "date.weekday", weekday=weekday_name(day, lang), date=text) if weekday else text


def range_title(first: date, last: date, lang: str) -> str:
    """The title of a screen of days: the year alone for a whole year (`2027`, `២០២៧`), else its first and
    last day (`2027-04-12 .. 2027-04-18`, in Khmer digits in Khmer)."""
    if (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31)):
        return number(first.year, lang)
    return f"{digits(lang, first.isoformat())} .. {digits(lang, last.isoformat())}"


def format_span(start: date, end: date, lang: str) -> str:
    """'7-9 January 2026', '30 April - 2 May 2026', or the Khmer 'ទី៣០ ខែមេសា ឆ្នាំ២០២៦ ដល់ ...'."""
    if start == end:
        return format_date(start, lang)
    last = format_date(end, lang)
    parts = {"day": start.day, "month": month_name(start.month, lang), "year": start.year}
    if (start.year, start.month) == (end.year, end.month):
        return say(lang, "span.month", start=say(lang, "span.start.month", **parts), end=last)
    if start.year == end.year:
        return say(lang, "span", start=say(lang, "span.start.year", **parts), end=last)
    return say(lang, "span", start=format_date(start, lang), end=last)


_NEAR = {0: "when.today", 1: "when.tomorrow", -1: "when.yesterday"}


def countdown(days: int, lang: str, today: date | None = None) -> str:
    """'today', 'tomorrow', 'in 3 days', 'in 5 weeks', 'in 4 months', 'in 1 year, 6 months', '2 weeks ago'.

    Under two weeks the count is in days, under two months in weeks. Beyond that, with `today` given, the
    years and months between the two dates, as dateutil's relativedelta counts them, to the nearest month
    ('in 1 year, 6 months', never rounded up to years); without it, months under two years, then years.
    """
    if days in _NEAR:
        return say(lang, _NEAR[days])
    return say(lang, "when.future" if days > 0 else "when.past", amount=_amount(days, lang, today))


def _amount(days: int, lang: str, today: date | None) -> str:
    """A number of days (2 or more either way) as the amount of the units people would use."""
    size = abs(days)
    if size < 14:
        return say(lang, "amount.day", n=size)
    if size < 60:
        return say(lang, "amount.week", n=round(size / 7))
    years, months = _years_months(days, today)
    if years == 0:
        return say(lang, "amount.month", n=months)
    if months == 0:
        return say(lang, "amount.year", n=years)
    return say(
        lang,
        "amount.years-months",
        years=say(lang, "amount.year", n=years),
        months=say(lang, "amount.month", n=months),
    )


def _years_months(days: int, today: date | None) -> tuple[int, int]:
    """Whole years and months between today and the day `days` away (approximate without `today`)."""
    if today is None:
        months = round(abs(days) / 30.44)
        if months < 24:
            return divmod(months, 12) if months == 12 else (0, months)
        return round(abs(days) / 365.25), 0
    first, last = sorted((today, today + timedelta(days=days)))
    months = whole_months(first, last)
    if (last - _add_months(first, months)).days >= 15:  # half a month or more left over: the nearest month
        months += 1
    return divmod(months, 12)


def whole_months(first: date, last: date) -> int:
    """The whole months from `first` to `last` (first <= last), the way dateutil's relativedelta counts them:
    a month on from 31 January is 28 or 29 February. By hand, because importing dateutil would cost
    `khcal next` more than its whole start-up; tests/test_text.py checks it against relativedelta."""
    months = (last.year - first.year) * 12 + last.month - first.month
    if _add_months(first, months) > last:
        months -= 1
    return months


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def exact_days(days: int, lang: str) -> str | None:
    """'546 days away' beside a countdown in months or years (None when the countdown is in days)."""
    if abs(days) < 14:
        return None
    return say(lang, "when.exact-days" if days > 0 else "when.exact-days-ago", n=abs(days))


def anniversary(occ: Occurrence, lang: str) -> str | None:
    """'47th anniversary', '73rd birthday', or None. A royal birthday is worded in the royal register
    (in Khmer `ព្រះជន្មគម្រប់ ៧៤ ព្រះវស្សា`, not a commoner's `ខួបកំណើត`)."""
    count = occ.anniversary
    if count is None:
        return None
    if occ.observance.event_kind != "birthday":
        return say(lang, "anniversary", n=count)
    return say(lang, "birthday.royal" if occ.observance.category == "royal" else "birthday", n=count)
