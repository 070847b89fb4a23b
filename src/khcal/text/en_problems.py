"""The problems of a definitions file (and the core's range and id errors), in English: their part of the
message table, merged into `khcal.text.en.MESSAGES`. The same keys as km_problems.py.

`found_kind` names a TOML value's type as these messages (and the settings' messages) do.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

# --- the TOML types named in definitions problems -----------------------------

_KINDS = {
    "integer": "a whole number",
    "string": "a string",
    "boolean": "true or false",
    "array": "an array",
    "table": "a table",
    "date": "a date",
    "datetime": "a date and time",
    "strings": "an array of strings",
    "weekend": 'a string such as "sat,sun" or an array of day names',
}


def _kinds(codes: tuple[str, ...]) -> str:
    return " or ".join(_KINDS.get(code, code) for code in codes)


def found_kind(code: str, value: str) -> str:
    if code == "boolean":
        return "true/false"
    if code in ("number", "string"):
        return f"the {code} {value}"
    return _KINDS.get(code, code)


MESSAGES: dict[str, Message] = {
    "error.unknown-id": "unknown observance id '{ident}'{hint} (khcal list --ids shows every id)",
    "error.unknown-id.hint": "; did you mean {names}?",
    "error.too-many-occurrences": "{first} to {last}: more than {most} occurrences; ask for fewer years",
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
    "error.sector": "'{value}' is not one of {choices}",
    "error.definitions": "the definitions files have problems",
    "problem.where-observance": "observance '{ident}'",
    "problem.where-field": "field '{name}'",
    "problem.no-file": "no such file",
    "problem.is-folder": "is a folder, not a definitions file",
    "problem.not-utf8": "not UTF-8 text ({reason})",
    "problem.unreadable": "cannot be read ({reason})",
    "problem.toml-syntax": "TOML syntax error: {detail}",
    "problem.not-regular": "is not a regular file (a device, a pipe or a socket); khcal reads only files",
    "problem.too-large": "is larger than {limit} bytes, the most khcal reads",
    "problem.too-many-observances": "the files define {count} observances together; at most {limit} allowed",
    "problem.too-many-holy-days": "{count} observances follow the holy-days rule; at most {limit} allowed",
    "problem.too-deep": "arrays and tables nest more than {limit} deep",
    "problem.too-long": "is {length} characters long; at most {limit} are allowed",
    "problem.in-lieu-every-day": "names all seven days of the week: no day could ever be given in lieu",
    "problem.format": "this khcal reads format {expected}, not {value}",
    "problem.unknown-key": lambda key, close: (
        f"unknown key '{key}'" + (f" (did you mean '{close}'?)" if close else "")
    ),
    "problem.found": lambda found, value: found_kind(found, value),
    "problem.required": "is required",
    "problem.wrong-type": lambda expected, found, value: (
        f"must be {_kinds(expected)}, not {found_kind(found, value)}"
    ),
    "problem.range": "must be between {low} and {high}, not {value}",
    "problem.not-one-of": "'{value}' is not one of {choices}",
    "problem.datetime-not-date": "must be a date (YYYY-MM-DD), not a date and time",
    "problem.bad-date": "'{value}' is not a valid date (YYYY-MM-DD)",
    "problem.date-range": "{value} is outside {low}-{high}",
    "problem.empty": "must not be empty",
    "problem.no-sources": "must name at least one source",
    "problem.source-type": lambda found, value: (
        f"must be a string or a table with title and url, not {found_kind(found, value)}"
    ),
    "problem.not-http": "'{value}' is not an http(s) address",
    "problem.control-character": (
        "contains the control character {char}; remove it (a text may hold tabs and line breaks only)"
    ),
    "problem.year-twice": "year {year} is listed twice",
    "problem.duplicate-id": "duplicate id '{ident}' (first defined on line {line})",
    "problem.not-array-of-tables": lambda name, found, value: (
        f"must be an array of tables ([[{name}]]), not {found_kind(found, value)}"
    ),
    "problem.entry-not-table": lambda n, found, value: (
        f"entry {n} must be a table, not {found_kind(found, value)}"
    ),
    "problem.not-table": lambda found, value: f"must be a table, not {found_kind(found, value)}",
    "problem.rule-not-table": lambda found, value: (
        'must be a table such as { kind = "fixed", month = 1, day = 7 }, not ' + found_kind(found, value)
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
    "problem.holy-days-off": "holy days are never days off: give this period a rule of another kind",
    "problem.overlap": "overlaps {other} (years {a} and {b})",
    "problem.unknown-ref": lambda ident, close: (
        f"refers to unknown observance '{ident}'" + (f" (did you mean '{close}'?)" if close else "")
    ),
    "problem.offset-cycle": "offsets go round in a circle: {chain}",
    # Why a file could not be read or written (khcal.text.errors.reason_key): the OS's own words
    "reason.ENOENT": "No such file or directory",
    "reason.EACCES": "Permission denied",
    "reason.EPERM": "Operation not permitted",
    "reason.EISDIR": "Is a directory",
    "reason.ENOTDIR": "Not a directory",
    "reason.EEXIST": "File exists",
    "reason.ENOSPC": "No space left on device",
    "reason.EDQUOT": "Disk quota exceeded",
    "reason.EROFS": "Read-only file system",
    "reason.ENAMETOOLONG": "File name too long",
    "reason.ELOOP": "Too many levels of symbolic links",
    "reason.EIO": "Input/output error",
    "reason.EBUSY": "Device or resource busy",
    "reason.ETXTBSY": "Text file busy",
    "reason.EMFILE": "Too many open files",
    "reason.EFBIG": "File too large",
    "reason.ENOTEMPTY": "Directory not empty",
    "reason.EXDEV": "Invalid cross-device link",
    "reason.ENXIO": "No such device or address",
    "reason.ENODEV": "No such device",
    "reason.ENOMEM": "Cannot allocate memory",
    "reason.EINVAL": "Invalid argument",
    "reason.EAGAIN": "Resource temporarily unavailable",
    "reason.EPIPE": "Broken pipe",
    "reason.EADDRINUSE": "Address already in use",
    "reason.EADDRNOTAVAIL": "Cannot assign requested address",
    "reason.ECONNREFUSED": "Connection refused",
    "reason.invalid-start-byte": "invalid start byte",
    "reason.invalid-continuation-byte": "invalid continuation byte",
    "reason.unexpected-end-of-data": "unexpected end of data",
    "reason.changed-meanwhile": "changed meanwhile",
}
