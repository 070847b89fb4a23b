"""khcal's messages in English. Keys are grouped by the layer that uses them; km.py has the same keys."""

from __future__ import annotations

from khcal.text.en_feeds import MESSAGES as FEED_MESSAGES
from khcal.text.en_help import MESSAGES as HELP_MESSAGES
from khcal.text.en_parsers import MESSAGES as PARSER_MESSAGES
from khcal.text.en_problems import MESSAGES as PROBLEM_MESSAGES
from khcal.text.en_problems import found_kind as _found

TYPE_CHECKING = False
if TYPE_CHECKING:
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
_ANIMALS = {
    "rat": "Rat", "ox": "Ox", "tiger": "Tiger", "rabbit": "Rabbit", "dragon": "Dragon", "snake": "Snake",
    "horse": "Horse", "goat": "Goat", "monkey": "Monkey", "rooster": "Rooster", "dog": "Dog", "pig": "Pig",
}  # fmt: skip
# The eras (sak) by the last digit of the Jolak Sakaraj year.
_SAKS = ("Samridhi Sak", "Aek Sak", "To Sak", "Trei Sak", "Chattva Sak", "Pancha Sak", "Chha Sak",
         "Saptak Sak", "Attha Sak", "Nappa Sak")  # fmt: skip
_CATEGORIES = ("national", "royal", "religious", "traditional", "remembrance", "international", "holy-day")

NAMES: dict[str, Message] = {
    **{f"weekday.{i}": name for i, name in enumerate(_WEEKDAYS)},
    **{f"weekday.short.{i}": name[:3] for i, name in enumerate(_WEEKDAYS)},
    **{f"weekday.head.{i}": name[:2] for i, name in enumerate(_WEEKDAYS)},
    **{f"month.{i}": name for i, name in enumerate(_MONTHS, start=1)},
    **{f"month.short.{i}": name[:3] for i, name in enumerate(_MONTHS, start=1)},
    **{f"lunar-month.{m}": name for m, name in _LUNAR_MONTHS.items()},
    **{f"animal.{a}": name for a, name in _ANIMALS.items()},
    **{f"sak.{i}": name for i, name in enumerate(_SAKS)},
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
    # --- errors: core (definitions, ranges, ids): text/en_problems.py ----------------------------------
    **PROBLEM_MESSAGES,
    # --- errors: settings and options --------------------------------------------------------------------
    "error.setting.empty": "an empty value; use one of {accepted}",
    "error.setting.empty-tz": "an empty value; use an IANA time zone name such as Asia/Phnom_Penh",
    "error.setting.choice": "'{value}' is not one of {choices}",
    "error.setting.tz": "unknown time zone '{value}' (use an IANA name such as Asia/Phnom_Penh)",
    "error.setting.weekend-empty": "an empty value; use a comma list of {days} (e.g. sat,sun), or none",
    "error.setting.weekend": "{problem}",
    "error.setting.category": "'{value}' is not a category (known: {known})",
    "error.setting.date": "'{value}' is not a date (use YYYY-MM-DD, today, tomorrow, yesterday, "
    "or a day such as 7 Jan 2027 or 2027/1/7)",
    "error.setting.date-ambiguous": "'{value}' is ambiguous (the day and the month could be either way); "
    "write YYYY-MM-DD or the month in letters, such as 7 Jan {year}",
    "error.setting.number": "'{value}' is not a whole number (use digits, such as 3 or -3)",
    "error.setting.number-range": "{value} is not between {low} and {high}",
    "error.setting.number-huge": "{value} is too large a number",
    "error.setting.host": "'{value}' is not a host name or an IP address (use e.g. 127.0.0.1, 0.0.0.0, ::1 "
    "or localhost)",
    "error.setting.path-empty": "an empty name is not a file",
    "error.setting.path": "'{value}' cannot be a file's name (it holds a NUL character)",
    "error.setting.line-long": "a line of more than {most} characters ('{value}')",
    "error.config.folder": "cannot read the settings folder {path} ({reason})",
    "error.config.unreadable": "cannot be read ({reason})",
    "error.config.unknown": lambda key, close, keys: (
        f"unknown setting '{key}'"
        + (f" (did you mean '{close}'?)" if close else "")
        + f"; settings are {keys}"
    ),
    "error.config.item-type": lambda found, value: (
        f"must be an array of strings, but one item is {_found(found, value)}"
    ),
    "error.config.category-name": "'{name}' is not a category name (lowercase letters, digits and hyphens)",
    "error.config.empty-file": "an empty file name",
    "error.options.together": "{first} and {second} cannot be used together",
    "error.format.placeholder": "--format: unknown placeholder {name} (use {known})",
    "error.format.brace": "--format: a {{ or }} without its pair (write {{{{ or }}}} for a brace itself)",
    "error.options.quiet-batch": "-q cannot be used with '-': batch mode prints one answer a line",
    "error.options.year-and-range": "--year cannot be combined with --from/--to",
    "error.options.range-order": "--from {start} is after --to {end}",
    "error.options.bound": "'{value}' is not a date or a year (use YYYY, YYYY-MM-DD, today, tomorrow, "
    "yesterday, or a day such as 7 Jan 2027 or 2027/1/7)",
    "error.options.month": "{value} is not a month (use 1 to 12)",
    "error.options.day-and-range": "DATE '{value}' cannot be combined with --from/--to "
    "(give one day or a range)",
    "error.options.too-many-days": "{count} days is too many for a table (at most {most}; "
    "use --plain or --json for longer ranges)",
    "error.output": "cannot write the output: {reason}",
    "error.file": "{path}: {reason}",
    "error.usage": "{message} (see '{command} --help')",
    "error.where": "{where}: {text}",
    "error.parts.separator": ": ",
    "error.where.line": "line {number}",
    "api.extra-off": "your own day off",
    "error.api.date": "expected a date, got {got}",
    "error.api.path": "expected a file path (text or os.PathLike), got {got}",
    "error.api.text": "expected text, got {got}",
    "error.api.span": "expected a year or a pair (first, last), got {got}",
    "error.api.no-date": "{value} is not a date khcal can compute",
    "error.api.cache": "expected True, False or a folder, got {got}",
    "error.api.number": "expected a whole number, got {got}",
    "cli.day.off": "day off",
    "cli.day.weekend": "weekend",
    "cli.day.work": "working day",
    "cli.day.private": "private sector only",
    "cli.day.extra": "company day off (--extra-off)",
    "cli.day.worked-by": "worked in the public sector",
    "cli.sector.private": "private sector",
    "cli.sector.public": "public sector",
    "cli.long-weekends.title": "Long weekends in {year} (weekend: {weekend}, {sector})",
    "cli.long-weekends.days": "{days} days",
    "cli.long-weekends.none": "none",
    "cli.long-weekends.bridges": "Bridge days (take one off to join the days off around it)",
    "cli.title.next": "Coming up",
    "cli.check.valid": "{names}: valid",
    "cli.check.old-revision": "khcal: {where}: warning: revision {revision} is older than the built-in "
    "data's ({builtin}); feeds stamp the newer date (each event's SEQUENCE follows its own content)",
    "cli.publish.written": "khcal: {folder}: {written} of {total} files written",
    "cli.publish.removed": "khcal: {folder}: {written} of {total} files written, {removed} of the previous "
    "edition's removed",
    # --- errors: feeds -----------------------------------------------------------------------------------
    # --- text: dates, spans, countdowns, anniversaries ---------------------------------------------------
    "name.in-lieu": "Day in lieu of {name}",
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
    "birthday.royal": lambda n: f"{ordinal(n)} birthday",
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
    "separator.notes": ", ",
    "separator.notes.strong": "; ",
    "separator.names": ", ",
    "lunar.notation": "15k = the 15th waxing day (kert)   8r = the 8th waning day (roch)",
    "new-year.songkran-line": "{name}: {date} at {time} ({source})",
    "new-year.day-line": "{name}: {date}",
    "new-year.announced": "officially announced",
    "new-year.computed": "computed",
    "new-year.days": lambda n: _count(n, "day"),
    "error.feeds.not-year": "{what}: '{value}' is not a year (use YYYY, e.g. 2026)",
    "error.feeds.year-range": "{what}: year {year} is outside the supported range {low}-{high}",
    "error.feeds.too-long": "--from {start} --to {end}: at most {most} years in one feed",
    "error.feeds.served-too-long": (
        "from {start} to {end}: this server gives at most {most} years in one feed "
        "(khcal export writes longer ones)"
    ),
    "error.feeds.duration": "{what}: '{value}' is not a duration (use e.g. -PT15H for 09:00 the day before, "
    "-P1D for midnight the day before, PT9H for 09:00 on the day)",
    "error.feeds.alarm-far": "{what}: '{value}' is more than a year away from the event",
    "error.feeds.lang": "{what}: '{value}' is not one of {choices}",
    "error.feeds.category": "{what}: '{value}' is not a category (known: {known})",
    "error.feeds.output-cannot": "{what} {target}: cannot write ({reason})",
    "error.feeds.output-in-folder": "{what} {target}: cannot write in {folder} ({reason})",
    "error.feeds.output-empty": "{what}: an empty name is not a file (- is standard output)",
    "error.feeds.output-folder": "{what} {target}: is a folder, not a file",
    "error.feeds.output-kind": "{what} {target}: is not a regular file, a device or a pipe",
    "error.feeds.output-read-only": "{what} {target}: is read-only",
    "error.feeds.output-no-reader": "{what} {target}: is a pipe that no program reads",
    "error.feeds.edition-kind": "{what} {target}: is not a regular file: khcal neither reads nor replaces it",
    "error.feeds.edition-busy": "{folder}: another khcal is writing this folder",
    "error.feeds.base-url": "--base-url: '{value}' is not the web address of the folder "
    "(use e.g. https://example.org/calendars)",
    "error.feeds.base-url-chars": "--base-url: '{value}' has characters a link cannot carry",
    "error.feeds.folder-empty": "DIR: an empty name is not a folder (. is the current one)",
    "error.feeds.not-folder": "{folder}: is not a folder",
    "error.feeds.mkdir": "{folder}: cannot create the folder ({reason})",
    "error.feeds.listen": "--host {host} --port {port}: cannot listen there ({reason})",
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
    "line.day-off": "Day off: {names}",
    "line.next": "{name} {when}",
    "line.weekend": "weekend",
    "line.working-day": "working day",
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
    "script.day": "{day} {weekday}",
    "script.span": lambda first, last, days: f"{first} .. {last}  {days:>2} days",
    "script.weekend-days": lambda option, names: option,  # the form --weekend takes
    "script.company-day-off": "company day off",
    # --- the feed server's bad requests (khcal.feeds.app) -------------------------------------------------
    "error.feeds.query": "query: {reason}",
    "error.feeds.query-long": "the query is longer than {most} characters",
    "error.feeds.unknown-parameter": "unknown parameter '{key}' (known: {known})",
    "error.feeds.parameter-twice": "parameter '{key}' is given more than once",
    "error.feeds.holidays": "holidays: '{value}' is not 1 or 0",
    **FEED_MESSAGES,  # the feeds' texts and pages: text/en_feeds.py
    **HELP_MESSAGES,  # the command line's help: text/en_help.py
    **PARSER_MESSAGES,  # what the command line's parser and the TOML reader say: text/en_parsers.py
}
