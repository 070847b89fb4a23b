"""Words for dates, rules, countdowns and anniversaries, in English and Khmer; and the JSON shapes.

Plain functions returning plain strings and dicts: the renderers decide how they look.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from khcal.core import khmer_calendar
from khcal.core.model import HolidayPeriod, Observance, Source
from khcal.core.rules import (
    FixedRule,
    HolyDaysRule,
    LunarRule,
    NewYearRule,
    NthWeekdayRule,
    OffsetRule,
    OnceRule,
    Rule,
)
from khcal.core.schedule import Occurrence

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip
MONTHS_KM = ("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា",
             "វិច្ឆិកា", "ធ្នូ")  # fmt: skip
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_KM = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
LUNAR_MONTHS_EN = {
    "migasir": "Migasir", "boss": "Boss", "meak": "Meak", "phalkun": "Phalkun", "cheit": "Cheit",
    "pisakh": "Pisakh", "jesth": "Jesth", "asadh": "Asadh", "pathamasadh": "Pathamasadh",
    "tutiyasadh": "Tutiyasadh", "srap": "Srap", "photrobot": "Photrobot", "assoch": "Assoch",
    "kadeuk": "Kadeuk",
}  # fmt: skip
PHASES_KM = {"waxing": "កើត", "waning": "រោច"}
CATEGORIES_KM = {
    "national": "ជាតិ",
    "royal": "ព្រះរាជពិធី",
    "religious": "សាសនា",
    "traditional": "ប្រពៃណី",
    "remembrance": "ការរំលឹក",
    "international": "អន្តរជាតិ",
    "holy-day": "ថ្ងៃសីល",
}
_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def category_name(category: str, lang: str) -> str:
    """The category in Khmer where khcal knows it; a user's own category stays as written."""
    return CATEGORIES_KM.get(category, category) if lang == "km" else category


def khmer_digits(value: int | str) -> str:
    return str(value).translate(_KHMER_DIGITS)


def number(value: int, lang: str) -> str:
    return khmer_digits(value) if lang == "km" else str(value)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_date(day: date, lang: str, *, weekday: bool = False) -> str:
    """'Wednesday 7 January 2026' or 'ថ្ងៃពុធ ទី៧ ខែមករា ឆ្នាំ២០២៦'."""
    if lang == "km":
        text = f"ទី{khmer_digits(day.day)} ខែ{MONTHS_KM[day.month - 1]} ឆ្នាំ{khmer_digits(day.year)}"
        return f"ថ្ងៃ{WEEKDAYS_KM[day.weekday()]} {text}" if weekday else text
    text = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{WEEKDAYS_EN[day.weekday()]} {text}" if weekday else text


def weekday_name(day: date, lang: str, *, short: bool = False) -> str:
    if lang == "km":
        return WEEKDAYS_KM[day.weekday()]
    name = WEEKDAYS_EN[day.weekday()]
    return name[:3] if short else name


def format_span(start: date, end: date, lang: str) -> str:
    if start == end:
        return format_date(start, lang)
    if lang == "km":
        return f"{format_date(start, lang)} ដល់ {format_date(end, lang)}"
    if start.year == end.year and start.month == end.month:
        return f"{start.day}-{format_date(end, lang)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS_EN[start.month - 1]} - {format_date(end, lang)}"
    return f"{format_date(start, lang)} - {format_date(end, lang)}"


def countdown(days: int, lang: str) -> str:
    """'today', 'tomorrow', 'in 3 days', 'in 5 weeks', 'in 4 months', 'in 1 year', 'yesterday', '2 weeks ago'.

    Under two weeks the count is in days, under about two months in weeks, under a year and a half in months
    (twelve months read as a year), beyond that in years.
    """
    km = lang == "km"
    if days == 0:
        return "ថ្ងៃនេះ" if km else "today"
    if days == 1:
        return "ថ្ងៃស្អែក" if km else "tomorrow"
    if days == -1:
        return "ម្សិលមិញ" if km else "yesterday"
    amount, unit = _span_words(abs(days))
    if km:
        unit_km = {"day": "ថ្ងៃ", "week": "សប្តាហ៍", "month": "ខែ", "year": "ឆ្នាំ"}[unit]
        return f"{khmer_digits(amount)} {unit_km}{'ទៀត' if days > 0 else 'មុន'}"
    words = f"{amount} {unit}{'' if amount == 1 else 's'}"
    return f"in {words}" if days > 0 else f"{words} ago"


def _span_words(days: int) -> tuple[int, str]:
    """A number of days (2 or more) as an amount of the unit people would use."""
    if days < 14:
        return days, "day"
    if days < 60:
        return round(days / 7), "week"
    months = round(days / 30.44)
    if months == 12:
        return 1, "year"
    if months < 18:
        return months, "month"
    return max(2, round(days / 365.25)), "year"


def anniversary(occ: Occurrence, lang: str) -> str | None:
    """'47th anniversary', '73rd birthday', or None."""
    count = occ.anniversary
    if count is None:
        return None
    if occ.observance.event_kind == "birthday":
        return f"ខួបកំណើតគម្រប់ {khmer_digits(count)} ឆ្នាំ" if lang == "km" else f"{ordinal(count)} birthday"
    return f"ខួបលើកទី {khmer_digits(count)}" if lang == "km" else f"{ordinal(count)} anniversary"


def lunar_day(month: str, day: int, phase: str, lang: str) -> str:
    if lang == "km":
        which = "ចុងក្រោយ" if day == -1 else khmer_digits(day)
        return f"ថ្ងៃ {which} {PHASES_KM[phase]} ខែ{khmer_calendar.MONTH_NAMES_KM[month]}"
    which = "last" if day == -1 else ordinal(day)
    return f"the {which} {phase} day of {LUNAR_MONTHS_EN[month]}"


def _nth_km(n: int) -> str:
    """ទី២ (the 2nd), ចុងក្រោយ (the last), ទី២ពីចុងក្រោយ (the 2nd last)."""
    if n == -1:
        return "ចុងក្រោយ"
    return f"ទី{khmer_digits(n)}" if n > 0 else f"ទី{khmer_digits(-n)}ពីចុងក្រោយ"


def rule_text(rule: Rule, days: int, lang: str, observances: dict[str, Observance] | None = None) -> str:
    """The rule that gives the date, in words."""
    km = lang == "km"
    if isinstance(rule, FixedRule):
        text = (
            f"ថ្ងៃទី{khmer_digits(rule.day)} ខែ{MONTHS_KM[rule.month - 1]} រៀងរាល់ឆ្នាំ"
            if km
            else f"{rule.day} {MONTHS_EN[rule.month - 1]} every year"
        )
    elif isinstance(rule, NthWeekdayRule):
        weekday = WEEKDAYS_EN[rule.weekday] if not km else WEEKDAYS_KM[rule.weekday]
        which = "last" if rule.n == -1 else ordinal(rule.n) if rule.n > 0 else f"{ordinal(-rule.n)} last"
        text = (
            f"ថ្ងៃ{weekday} {_nth_km(rule.n)} នៃខែ{MONTHS_KM[rule.month - 1]}"
            if km
            else f"the {which} {weekday} of {MONTHS_EN[rule.month - 1]}"
        )
    elif isinstance(rule, LunarRule):
        text = lunar_day(rule.month, rule.day, rule.phase, lang)
        text = text if km else text[0].upper() + text[1:] + " (Khmer lunar calendar)"
    elif isinstance(rule, NewYearRule):
        text = (
            "ពីថ្ងៃមហាសង្ក្រាន្ត ដល់ថ្ងៃឡើងស័ក តាមការគណនាសុរិយយាត្រ"
            if km
            else "From Moha Songkran day to Leungsak day, as computed by the traditional "
            "Suriyayatra method (3 or 4 days)"
        )
    elif isinstance(rule, OffsetRule):
        other = observances[rule.of].name.get(lang) if observances and rule.of in observances else rule.of
        if km:
            text = f"{khmer_digits(abs(rule.days))} ថ្ងៃ{'ក្រោយ' if rule.days >= 0 else 'មុន'} {other}"
        else:
            text = f"{abs(rule.days)} days {'after' if rule.days >= 0 else 'before'} {other}"
    elif isinstance(rule, OnceRule):
        text = format_date(rule.date, lang)
    elif isinstance(rule, HolyDaysRule):
        text = (
            "ថ្ងៃ ៨ កើត ១៥ កើត ៨ រោច និងថ្ងៃចុងក្រោយនៃខែ គ្រប់ខែ"
            if km
            else "The 8th and 15th waxing days and the 8th and last waning days of every lunar month"
        )
    else:  # pragma: no cover - every rule kind is handled above
        raise AssertionError(rule)
    if days > 1 and not isinstance(rule, NewYearRule):
        text += f" ({khmer_digits(days)} ថ្ងៃ)" if km else f", {days} days"
    return text


def period_text(period: HolidayPeriod, obs: Observance, lang: str) -> str:
    """'A day off from 2005 to 2019 (13 May every year, 3 days)', or the same in Khmer."""
    km = lang == "km"
    since, until = period.since, period.until
    if since is None and until is None:
        years = "គ្រប់ឆ្នាំ" if km else "every year"
    elif since is None:
        years = f"រហូតដល់ឆ្នាំ{khmer_digits(until or 0)}" if km else f"until {until}"
    elif until is None:
        years = f"ចាប់ពីឆ្នាំ{khmer_digits(since)}" if km else f"since {since}"
    elif since == until:
        years = f"ឆ្នាំ{khmer_digits(since)}" if km else f"in {since}"
    else:
        years = f"ពីឆ្នាំ{khmer_digits(since)} ដល់{khmer_digits(until)}" if km else f"from {since} to {until}"
    text = f"ថ្ងៃឈប់សម្រាក{years}" if km else f"A day off {years}"
    if period.scope == "private-sector":
        text += " (វិស័យឯកជន)" if km else " for the private sector"
    if period.rule or period.days:
        text += f" ({rule_text(period.rule or obs.rule, period.days or obs.days, lang)})"
    if period.note:
        text += f". {period.note.get(lang)}"
    return text


def source_text(source: Source) -> str:
    return f"{source.title} <{source.url}>" if source.url else source.title


def occurrence_json(occ: Occurrence, today: date, lang: str) -> dict[str, Any]:
    """The occurrence object of the command-line contract, with a few more fields."""
    out: dict[str, Any] = {
        "id": occ.id,
        "name": occ.name(lang),
        "category": occ.category,
        "start": occ.start.isoformat(),
        "end": occ.end.isoformat(),
        "holiday": occ.holiday,
        "status": occ.status,
        "days_until": occ.days_until(today),
        "days": occ.days,
        "scope": occ.scope if occ.holiday else None,
    }
    if occ.in_lieu_of is not None:
        out["in_lieu_of"] = occ.in_lieu_of.id
    if occ.anniversary is not None:
        out["anniversary"] = occ.anniversary
    if occ.songkran is not None:
        out["songkran"] = occ.songkran.isoformat(timespec="minutes")
        from khcal.text.lunar import new_year_json  # here: lunar_view imports this module

        out["new_year"] = new_year_json(occ)
    if occ.note is not None:
        out["note"] = occ.note.get(lang)
    return out


def observance_json(
    obs: Observance, upcoming: list[Occurrence], today: date, lang: str, observances: dict[str, Observance]
) -> dict[str, Any]:
    """The `show --json` object."""
    return {
        "id": obs.id,
        "name": obs.name.get(lang),
        "names": {"en": obs.name.en, "km": obs.name.km},
        "category": obs.category,
        "description": obs.description.get(lang),
        "rule": rule_text(obs.rule, obs.days, lang, observances),
        "event_year": obs.event_year,
        "since": obs.since,
        "until": obs.until,
        "history": {
            "holiday_periods": [
                {
                    "since": p.since,
                    "until": p.until,
                    "days": p.days or None,
                    "scope": p.scope,
                    "rule": rule_text(p.rule, p.days or obs.days, lang) if p.rule else None,
                    "text": period_text(p, obs, lang),
                }
                for p in obs.holiday
            ],
            "exceptions": [
                {
                    "year": e.year,
                    "start": e.start.isoformat() if e.start else None,
                    "days": e.days,
                    "holiday": e.holiday,
                    "songkran": e.songkran.isoformat(timespec="minutes") if e.songkran else None,
                    "note": e.note.get(lang) if e.note else None,
                    "sources": [{"title": s.title, "url": s.url} for s in e.sources],
                }
                for e in obs.exceptions
            ],
            "events": [{"year": h.year, "text": h.text.get(lang)} for h in obs.history],
        },
        "sources": [{"title": s.title, "url": s.url} for s in obs.sources],
        "occurrences": [occurrence_json(o, today, lang) for o in upcoming],
    }
