"""khcal's messages in English. Keys are grouped by the layer that uses them; km.py has the same keys."""

from __future__ import annotations

from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- errors: core (definitions, ranges, ids) ---------------------------------------------------------
    "error.unknown-id": "unknown observance id '{ident}'{hint} (khcal list --ids shows every id)",
    "error.unknown-id.hint": "; did you mean {names}?",
    "error.year-range": "year {year} is outside the supported range {low}-{high}",
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
    "error.config.unreadable": "cannot be read ({reason})",
    "error.config.hint": " (did you mean '{name}'?)",
    "error.config.unknown": "unknown setting '{key}'{hint}; settings are {keys}",
    "error.config.type": "must be {expected}, not {found}",
    "error.config.item-type": "must be an array of strings, but one item is {found}",
    "error.config.category-name": "'{name}' is not a category name (lowercase letters, digits and hyphens)",
    "error.config.empty-file": "an empty file name",
    "error.options.together": "{first} and {second} cannot be used together",
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
    "error.usage": "{message} (see '{command} --help')",
    "error.where.line": "line {number}",
    "api.extra-off": "your own day off",
    "cli.title.next": "Coming up",
    "cli.check.valid": "{names}: valid",
    # --- errors: feeds -----------------------------------------------------------------------------------
    # --- views: terminal screens -------------------------------------------------------------------------
    # --- feeds: calendar texts ---------------------------------------------------------------------------
}
