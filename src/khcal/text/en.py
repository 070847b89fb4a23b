"""khcal's messages in English. Keys are grouped by the layer that uses them; km.py has the same keys."""

from __future__ import annotations

from khcal.core.khmer_calendar import ANIMALS, MONTHS, SAK_NAMES
from khcal.text import Message


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_LUNAR_MONTHS = {
    "migasir": "Migasir", "boss": "Boss", "meak": "Meak", "phalkun": "Phalkun", "cheit": "Cheit",
    "pisakh": "Pisakh", "jesth": "Jesth", "asadh": "Asadh", "pathamasadh": "Pathamasadh",
    "tutiyasadh": "Tutiyasadh", "srap": "Srap", "photrobot": "Photrobot", "assoch": "Assoch",
    "kadeuk": "Kadeuk",
}  # fmt: skip
_CATEGORIES = ("national", "royal", "religious", "traditional", "remembrance", "international", "holy-day")

NAMES: dict[str, Message] = {
    **{f"weekday.{i}": name for i, name in enumerate(_WEEKDAYS)},
    **{f"weekday.short.{i}": name[:3] for i, name in enumerate(_WEEKDAYS)},
    **{f"weekday.head.{i}": name[:2] for i, name in enumerate(_WEEKDAYS)},
    **{f"month.{i}": name for i, name in enumerate(_MONTHS, start=1)},
    **{f"month.short.{i}": name[:3] for i, name in enumerate(_MONTHS, start=1)},
    **{f"lunar-month.{m}": _LUNAR_MONTHS[m] for m in MONTHS},
    **{f"animal.{a}": a.capitalize() for a in ANIMALS},
    **{f"sak.{i}": name for i, name in enumerate(SAK_NAMES)},
    **{f"category.{c}": c for c in _CATEGORIES},
    "phase.waxing": "waxing",
    "phase.waning": "waning",
    "phase.letter.waxing": "k",
    "phase.letter.waning": "r",
    "new-year.songkran": "Moha Songkran",
    "new-year.vanabat": "Vanabat",
    "new-year.leungsak": "Leungsak",
    "holy-day": "Holy day",
    "sector.public": "public",
    "sector.private": "private",
}

MESSAGES: dict[str, Message] = {
    **NAMES,
    # --- errors: core (definitions, ranges, ids) ---------------------------------------------------------
    "error.unknown-id": "unknown observance id '{ident}'{hint} (khcal list --ids shows every id)",
    "error.unknown-id.hint": "; did you mean {names}?",
    "error.year-range": "year {year} is outside the supported range {low}-{high}",
    # --- errors: settings and options --------------------------------------------------------------------
    # --- errors: feeds -----------------------------------------------------------------------------------
    # --- text: dates, spans, countdowns, anniversaries ---------------------------------------------------
    "date": "{day} {month} {year}",
    "date.weekday": "{weekday} {date}",
    "date.short": "{day} {month}",
    "span": "{start} - {end}",
    "span.month": "{start}-{end}",
    "span.start.month": lambda day, month, year: f"{day}",
    "span.start.year": lambda day, month, year: f"{day} {month}",
    "when.today": "today",
    "when.tomorrow": "tomorrow",
    "when.yesterday": "yesterday",
    "when.future": "in {amount}",
    "when.past": "{amount} ago",
    "when.exact-days": lambda n: f"{_count(n, 'day')} away",
    "when.exact-days-ago": lambda n: f"{_count(n, 'day')} ago",
    "amount.day": lambda n: _count(n, "day"),
    "amount.week": lambda n: _count(n, "week"),
    "amount.month": lambda n: _count(n, "month"),
    "amount.year": lambda n: _count(n, "year"),
    "amount.years-months": "{years}, {months}",
    "anniversary": lambda n: f"{ordinal(n)} anniversary",
    "birthday": lambda n: f"{ordinal(n)} birthday",
    "day-off": "day off",
    "not-day-off": "not a day off",
    "projected": "projected",
    "private-only": "private sector only",
    # --- text: rules and holiday periods -----------------------------------------------------------------
    "rule.fixed": "{day} {month} every year",
    "rule.nth-weekday": lambda n, weekday, month: f"the {ordinal(n)} {weekday} of {month}",
    "rule.nth-weekday.last": "the last {weekday} of {month}",
    "rule.nth-weekday.from-last": lambda n, weekday, month: f"the {ordinal(n)} last {weekday} of {month}",
    "rule.lunar": lambda day, phase, month: (
        f"The {ordinal(day)} {phase} day of {month} (Khmer lunar calendar)"
    ),
    "rule.lunar.last": "The last {phase} day of {month} (Khmer lunar calendar)",
    "rule.new-year": "From Moha Songkran day to Leungsak day, as computed by the traditional Suriyayatra "
    "method (3 or 4 days)",
    "rule.offset.after": lambda days, other: f"{_count(days, 'day')} after {other}",
    "rule.offset.before": lambda days, other: f"{_count(days, 'day')} before {other}",
    "rule.once": "{date}",
    "rule.holy-days": "The 8th and 15th waxing days and the 8th and last waning days of every lunar month",
    "rule.days": lambda rule, days: f"{rule}, {_count(days, 'day')}",
    "period.every-year": "every year",
    "period.until": "until {until}",
    "period.since": "since {since}",
    "period.in": "in {year}",
    "period.from-to": "from {since} to {until}",
    "period.day-off": "A day off {years}",
    "period.private": "{text} for the private sector",
    "period.rule": "{text} ({rule})",
    "period.note": "{text}. {note}",
    # --- text: lunar dates -------------------------------------------------------------------------------
    "lunar.day": lambda day, phase: f"{ordinal(day)} {phase}",
    "lunar.year": "{animal} year, {sak}, BE {be}",
    "lunar.date": "{day} day of {month}, {year}",
    "lunar.date.weekday": "{weekday}, {date}",
    "lunar.short": "{day} {month}",
    "lunar.line": "{gregorian}  {text}",
    "lunar.line.notes": "{line} ({notes})",
    "lunar.notes.separator": ", ",
    "lunar.notation": "15k = the 15th waxing day (kert)   8r = the 8th waning day (roch)",
    "new-year.songkran-line": "{name}: {date} at {time} ({source})",
    "new-year.day-line": "{name}: {date}",
    "new-year.announced": "officially announced",
    "new-year.computed": "computed",
    "new-year.days": lambda n: _count(n, "day"),
    # --- views: terminal screens -------------------------------------------------------------------------
    "screen.nothing-in-range": "Nothing in that range.",
    "screen.date": "Date",
    "screen.observance": "Observance",
    "screen.when": "When",
    "screen.legend.off": "day off",
    "screen.legend.observance": "observance",
    "screen.legend.holy": "Buddhist holy day",
    "screen.legend.projected": "projected: no decree published yet",
    "screen.legend.today": "Today: {date}",
    "screen.rule": "Rule",
    "screen.history": "History",
    "screen.sources": "Sources",
    "screen.never-off": "Not a day off in any year on record.",
    "screen.decreed-exception": "decreed exception",
    "screen.year-note": "{year}: {text}",
    "screen.in-year": "In {year}",
    "screen.next-dates": "Next dates",
    "screen.none": "none",
    "screen.coming-up": "Coming up",
    "screen.nothing": "nothing",
    "screen.today": "Today: {name}",
    "screen.day-off": "A day off: {names}",
    "screen.weekend": "A weekend day",
    "screen.working-day": "A working day",
    "screen.coming": "{name}, {date}: {when}",
    "screen.details": "{text} ({details})",
    "screen.lunar-date": "Lunar date",
    "screen.day": "Day",
    "screen.year": "Year",
    "screen.era": "Era",
    "screen.be": "BE",
    # --- scripts: is-holiday, is-workday, long-weekends ----------------------------------------------------
    "script.day-off": "day off",
    "script.weekend": "weekend",
    "script.working-day": "working day",
    "script.private": "{name} (private sector only)",
    "script.extra": "company day off (--extra-off)",
    "script.worked-by": "{names}: worked in the public sector",
    "script.head": "{day} {weekday}",
    "script.line": "{head}: {what}",
    "script.line.off": "{head}: {what}: {names}",
    "script.line.note": "{head}: {what} ({note})",
    "script.long-weekends": "Long weekends in {year} (weekend: {weekend}, {sector} sector)",
    "script.bridges": "Bridge days (take one off to join the days off around it)",
    "script.none": "none",
    "script.span": lambda start, first, end, last, days: f"{start} {first} .. {end} {last}  {days:>2} days",
    "script.company-day-off": "company day off",
    # --- feeds: calendar texts ---------------------------------------------------------------------------
    "feed.name.days-off": "Cambodia: days off",
    "feed.name.all": "Cambodia: holidays and remembrance days",
    "feed.name.categories": "{name} ({categories})",
    "feed.description": "Public holidays and remembrance days of Cambodia with its Buddhist festivals "
    "({years}). Made by khcal from its catalogue: each event names its sources. Where no list of days off is "
    "published yet the dates are projected from the rules.",
    "feed.day-off": "A day off in Cambodia in {year}.",
    "feed.day-off-private": "A day off in Cambodia in {year} for private-sector workers.",
    "feed.not-off": "Not a day off in Cambodia in {year}.",
    "feed.official": "Dates from the published list of days off.",
    "feed.projected": "Dates projected from the rules: the list of days off for {year} is not published yet.",
    "feed.sources": "Sources:",
    "feed.in-lieu": "Given in place of {name}, which fell on a weekend day.",
    "feed.days": "{n} days, {span}.",
    "feed.anniversary": lambda text: f"{text[:1].upper()}{text[1:]}.",
    "feed.status": "{day_off} {status}",
}
