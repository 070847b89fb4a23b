"""khcal's messages in English. Keys are grouped by the layer that uses them; km.py has the same keys."""

from __future__ import annotations

from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- errors: core (definitions, ranges, ids) ---------------------------------------------------------
    "error.unknown-id": "unknown observance id '{ident}'{hint} (khcal list --ids shows every id)",
    "error.unknown-id.hint": "; did you mean {names}?",
    "error.year-range": "year {year} is outside the supported range {low}-{high}",
    "error.date-outside": "{day} is outside the supported range {first}..{last}",
    "error.year-outside": "year {year} is outside the supported range {first}..{last} (years {low}..{high})",
    "error.be-year-outside": (
        "Buddhist Era year {year} is outside the supported range {first}..{last} (BE {low}..{high})"
    ),
    "error.lunar-month": "unknown lunar month {month}; expected one of {months}",
    "error.lunar-phase": "phase must be 'waxing' or 'waning', not {value}",
    "error.lunar-day": "lunar day must be 1..15 or -1 (last day), not {day}",
    "error.weekend-day": lambda value, close, days: (
        f"'{value}' is not a day of the week"
        + (f" (did you mean '{close}'?)" if close else "")
        + f"; use a comma list of {days} (e.g. sat,sun), or none"
    ),
    "error.weekend-full": "every day of the week is a weekend day; leave at least one working day",
    "error.weekend-option": lambda error: f"--weekend: {error.message('en')}",
    "error.weekend-none-left": "--weekend: leave at least one working day in the week",
    "error.sector": "--sector: '{value}' is not one of {choices}",
    "error.definitions": "the definitions files have problems",
    "problem.where-observance": "observance '{ident}'",
    "problem.where-field": "field '{name}'",
    "problem.no-file": "no such file",
    "problem.is-folder": "is a folder, not a definitions file",
    "problem.not-utf8": "not UTF-8 text ({reason})",
    "problem.unreadable": "cannot be read ({reason})",
    "problem.toml-syntax": "TOML syntax error: {detail}",
    "problem.format": "this khcal reads format {expected}, not {value}",
    "problem.unknown-key": lambda key, close: (
        f"unknown key '{key}'" + (f" (did you mean '{close}'?)" if close else "")
    ),
    "problem.found": lambda found, value: _found(found, value),
    "problem.required": "is required",
    "problem.wrong-type": lambda expected, found, value: (
        f"must be {_kinds(expected)}, not {_found(found, value)}"
    ),
    "problem.range": "must be between {low} and {high}, not {value}",
    "problem.not-one-of": "'{value}' is not one of {choices}",
    "problem.datetime-not-date": "must be a date (YYYY-MM-DD), not a date and time",
    "problem.bad-date": "'{value}' is not a valid date (YYYY-MM-DD)",
    "problem.date-range": "{value} is outside {low}-{high}",
    "problem.empty": "must not be empty",
    "problem.no-sources": "must name at least one source",
    "problem.source-type": lambda found, value: (
        f"must be a string or a table with title and url, not {_found(found, value)}"
    ),
    "problem.not-http": "'{value}' is not an http(s) address",
    "problem.control-character": (
        "contains the control character {char}; remove it (a text may hold tabs and line breaks only)"
    ),
    "problem.year-twice": "year {year} is listed twice",
    "problem.duplicate-id": "duplicate id '{ident}' (first defined on line {line})",
    "problem.not-array-of-tables": lambda name, found, value: (
        f"must be an array of tables ([[{name}]]), not {_found(found, value)}"
    ),
    "problem.entry-not-table": lambda n, found, value: (
        f"entry {n} must be a table, not {_found(found, value)}"
    ),
    "problem.not-table": lambda found, value: f"must be a table, not {_found(found, value)}",
    "problem.rule-not-table": lambda found, value: (
        'must be a table such as { kind = "fixed", month = 1, day = 7 }, not ' + _found(found, value)
    ),
    "problem.until-before-since": "{until} is before since = {since}",
    "problem.bad-id": "'{ident}' must be lowercase letters, digits and single hyphens",
    "problem.bad-category": "'{value}' must be lowercase letters, digits and hyphens",
    "problem.exception-twice": "year {year} has more than one exception; merge them",
    "problem.new-year-days": (
        "the New Year's length is computed (3 or 4 days); change it per year with an exception or per period"
    ),
    "problem.holy-days-days": "holy days are single days",
    "problem.no-such-day": "month {month} has no day {day}",
    "problem.nth-zero": "must be 1 to 5, or -1 to -5 counting from the end",
    "problem.lunar-day": 'must be 1 to 15 or "last", not {value}',
    "problem.last-waxing": '"last" is only for the waning phase',
    "problem.far-start": "{start} is far from the exception's year {year}",
    "problem.songkran-not-new-year": "only the New Year has a Songkran moment",
    "problem.songkran-year": "{moment} is not in {year}",
    "problem.changes-nothing": "changes nothing: give start, days, holiday or songkran",
    "problem.overlap": "overlaps {other} (years {a} and {b})",
    "problem.unknown-ref": lambda ident, close: (
        f"refers to unknown observance '{ident}'" + (f" (did you mean '{close}'?)" if close else "")
    ),
    "problem.offset-cycle": "offsets go round in a circle: {chain}",
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
    "cli.title.next": "Coming up",
    "cli.check.valid": "{names}: valid",
    # --- errors: feeds -----------------------------------------------------------------------------------
    "error.feeds.not-year": "{what}: '{value}' is not a year (use YYYY, e.g. 2026)",
    "error.feeds.year-range": "{what}: year {year} is outside the supported range {low}-{high}",
    "error.feeds.too-long": "--from {start} --to {end}: at most {most} years in one feed",
    "error.feeds.duration": "{what}: '{value}' is not a duration (use e.g. -PT15H for 09:00 the day before, "
    "-P1D for midnight the day before, PT9H for 09:00 on the day)",
    "error.feeds.alarm-far": "{what}: '{value}' is more than a year away from the event",
    "error.feeds.lang": "{what}: '{value}' is not one of {choices}",
    "error.feeds.category": "{what}: '{value}' is not a category (known: {known})",
    "error.feeds.output-cannot": "{what} {target}: cannot write ({reason})",
    "error.feeds.output-in-folder": "{what} {target}: cannot write in {folder} ({reason})",
    "error.feeds.output-folder": "{what} {target}: is a folder, not a file",
    "error.feeds.output-kind": "{what} {target}: is not a regular file, a device or a pipe",
    "error.feeds.output-read-only": "{what} {target}: is read-only",
    "error.feeds.base-url": "--base-url: '{value}' is not the web address of the folder "
    "(use e.g. https://example.org/calendars)",
    "error.feeds.base-url-chars": "--base-url: '{value}' has characters a link cannot carry",
    "error.feeds.not-folder": "{folder}: is not a folder",
    "error.feeds.mkdir": "{folder}: cannot create the folder ({reason})",
    "error.feeds.listen": "--host {host} --port {port}: cannot listen there ({reason})",
    # --- views: terminal screens -------------------------------------------------------------------------
    # --- feeds: calendar texts ---------------------------------------------------------------------------
}


# --- errors: core (helpers: the TOML types named in definitions problems) -----------------------------

_KINDS = {
    "integer": "a whole number",
    "string": "a string",
    "boolean": "true or false",
    "array": "an array",
    "table": "a table",
    "date": "a date",
    "datetime": "a date and time",
}


def _kinds(codes: tuple[str, ...]) -> str:
    return " or ".join(_KINDS.get(code, code) for code in codes)


def _found(code: str, value: str) -> str:
    if code == "boolean":
        return "true/false"
    if code in ("number", "string"):
        return f"the {code} {value}"
    return _KINDS.get(code, code)
