"""The English of the command line's help: each command's and option's text (`khcal COMMAND --help`), the
help's own headings, and the index of `khcal help`. Part of the English table (`khcal.text.en`), kept apart
only for its length; km_help.py has the same keys.

Keys: `help.PATH` is the help of the command PATH (`help.khcal` the program's, `help.workdays.count` that
of `khcal workdays count`); `help.PATH.PARAM` that of one of its options (by its long name, `--today`) or
arguments (by the parameter's name); `help.any.PARAM` that of an option shared by every command that has
it (khcal.cli.help_text looks for the command's own first). `help-format.*` are click's and Typer's own
words (headings, `[default: ...]`), `topics.*` the index of `khcal help`. Braces that are to be printed are
doubled, as in every message of these tables.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

_DATE_FORMS = "YYYY-MM-DD, today, tomorrow, yesterday"
_DAY = f"{_DATE_FORMS} or e.g. 7 Jan 2027 (default today)."
_FEED_FROM = "First year or day (default: this year). At most 100 years in one feed. Example: --from 2026"
_FEED_TO = (
    "Last year or day (default: two years after --from; the feed holds at most 100 years). "
    "Example: --to 2028-06-30"
)

COMMANDS: dict[str, Message] = {
    "help.khcal": "Cambodia's public holidays, Khmer lunar dates and remembrance days.\n\n"
    "Examples:\n\n"
    "  khcal next\n\n"
    "  khcal today\n\n"
    "  khcal cal 2026 4 --lunar\n\n"
    "  khcal show victory-over-genocide\n\n"
    "  khcal list --year 2026 --holidays\n\n"
    "More: khcal COMMAND --help, khcal help definitions, khcal help config",
    "help.next": "The next N occurrences from today, with a countdown; one running today counts.\n\n"
    "Examples:\n\n"
    "  khcal next\n\n"
    "  khcal next 10 --holidays\n\n"
    "  khcal next --today 2026-01-02 --json",
    "help.list": "Occurrences in a year (default this year) or a range of days or years.\n\n"
    "Examples:\n\n"
    "  khcal list --year 2026 --holidays\n\n"
    "  khcal list --from 2025 --to 2027 --category remembrance\n\n"
    "  khcal list --from 2026-04-01 --to 2026-04-30 --json",
    "help.show": "One observance: names, description, rule, history, sources, next dates and countdown.\n\n"
    "Examples:\n\n"
    "  khcal show victory-over-genocide\n\n"
    "  khcal show khmer-new-year --year 2024\n\n"
    "  khcal show pchum-ben --lang km --json",
    "help.cal": "A month grid (or a whole year) with days off, observances and Buddhist holy days marked.\n\n"
    "Examples:\n\n"
    "  khcal cal\n\n"
    "  khcal cal 2026 4 --lunar\n\n"
    "  khcal cal 2026 --lang km\n\n"
    "Without YEAR: this month. With YEAR alone: the twelve months of the year. Days off are marked "
    "whatever the filter; --holidays and --category choose the observances marked and listed.",
    "help.today": "Today's date, its Khmer lunar date, whether it is a day off, and what comes next; or all "
    "that in one line for a status bar or a prompt (--short, --format, --waybar).\n\n"
    "Examples:\n\n"
    "  khcal today\n\n"
    "  khcal today --lang km\n\n"
    "  khcal today --today 2026-04-14 --json\n\n"
    "  khcal today --short\n\n"
    "  khcal today --format '{{name}} {{countdown}} | {{lunar}}'\n\n"
    "  khcal today --waybar --lang km",
    "help.lunar": "The Khmer lunar date of a day, or of every day in a range.\n\n"
    "Shows the weekday, the lunar day and phase (waxing/waning), the lunar month, the animal year, the era "
    "(sak) and the Buddhist Era year, as Khmer calendars print them; Buddhist holy days and the days of "
    "the Khmer New Year are marked.\n\n"
    "Examples:\n\n"
    "  khcal lunar\n\n"
    "  khcal lunar 2026-05-01 --lang km\n\n"
    "  khcal lunar --from 2026-04-01 --to 2026-04-30\n\n"
    "  khcal lunar --from 2026 --to 2027 --plain\n\n"
    "  khcal lunar 2024-05-22 --json",
    "help.export": "An iCalendar (.ics) feed of the occurrences of a range of years, for calendar apps and "
    "phones.\n\n"
    "One all-day event per occurrence, with a UID that stays the same from one export to the next, so that "
    "importing or subscribing again updates events instead of duplicating them. The same inputs always give "
    "the same bytes.\n\n"
    "Examples:\n\n"
    "  khcal export -o cambodia.ics\n\n"
    "  khcal export --from 2026 --to 2030 --holidays --lang km -o days-off-km.ics\n\n"
    "  khcal export --category remembrance --alarm -PT15H > remembrance.ics\n\n"
    "  khcal export --from 2026-11-28 --to 2028-11-27 -o two-years.ics",
    "help.serve": "Serve the feed over HTTP at /khcal.ics, for phones and calendar apps to subscribe to.\n\n"
    "The query takes the options of export, e.g. ?lang=km&holidays=1&from=2026&to=2028, also category "
    "(repeatable) and alarm (default range: this year and the next two, in --tz; at most 30 years in one "
    "feed, an alarm at most a year from its event: anything else is answered 400). The page at / shows "
    "the links to subscribe with. Runs on waitress: a bounded pool of threads, idle connections closed "
    "after 30 s, feeds cached (gzipped for clients that accept it), those the page links built at start. "
    "--host localhost listens on each of its addresses (127.0.0.1 and ::1). Requests are logged on "
    "stderr; Ctrl-C stops it.\n\n"
    "Examples:\n\n"
    "  khcal serve\n\n"
    "  khcal serve --port 8080 --lang km\n\n"
    "  khcal serve --host 0.0.0.0 --port 8000 --file company.toml\n\n"
    "  khcal serve --port 8000 --trust-proxy   (behind nginx or another reverse proxy)",
    "help.publish": "A whole static site for any web host: a feed per language and selection, pages to "
    "subscribe from, year calendars to print, a page per observance and JSON for programs.\n\n"
    "DIR gets cambodia-SELECTION.LANG.ics for SELECTION everything, days-off, remembrance and buddhist, "
    "in en and km; index.html and index.km.html (webcal://, Google Calendar and https:// links, a QR code "
    "per feed, steps for Google Calendar, Apple Calendar and Outlook); calendar/YEAR.html, days/ID.html, "
    "json/YEAR.json and api/v3/PublicHolidays/YEAR/KH (Nager.Date's shape); and a .gz copy of every file. "
    "Only files whose bytes change are rewritten, so a host or a CDN sees no false change; khcal serve "
    "answers the same paths. Years as in export (at most 100).\n\n"
    "Examples:\n\n"
    "  khcal publish site --base-url https://example.org/calendars\n\n"
    "  khcal publish /var/www/khcal --base-url https://cal.example.org --from 2025 --to 2030",
    "help.check": "Validate definitions files: exit 0 if valid, 2 with every problem listed.\n\n"
    "Each file is read on its own and checked against the built-in catalogue it would be merged over. A "
    "warning (exit still 0) names a file whose revision is older than the built-in data's.\n\n"
    "Examples:\n\n"
    "  khcal check company.toml\n\n"
    "  khcal check data/observances.toml ~/.config/khcal/extra.toml\n\n"
    "  khcal check company.toml --lang km",
    "help.help": "Longer help pages: the definitions file format, the settings file.\n\n"
    "Examples:\n\n"
    "  khcal help definitions\n\n"
    "  khcal help config\n\n"
    "  khcal help config --lang km\n\n"
    "  khcal help definitions | less",
    "help.is-holiday": "Exit 0 if DATE is a day off (a public holiday or a day in lieu), 1 if not, 2 on bad "
    "input.\n\n"
    "Weekends are not days off here (see is-workday). With -, reads one date a line from stdin and prints "
    "DATE<TAB>yes|no for each (JSON Lines with --json); a bad line is reported on stderr, the others are "
    "still answered, and the exit code is 2; otherwise 0.\n\n"
    "Examples:\n\n"
    "  khcal is-holiday 2026-04-14\n\n"
    '  khcal is-holiday -q && echo "closed today"\n\n'
    "  printf '2026-04-14\\n2026-04-20\\n' | khcal is-holiday - --json",
    "help.is-workday": "Exit 0 if DATE is a working day (not a weekend day, not a day off), 1 if not, 2 on "
    "bad input.\n\n"
    "With -, reads one date a line from stdin and prints DATE<TAB>yes|no for each (JSON Lines with "
    "--json); a bad line is reported on stderr, the others are still answered, and the exit code is 2; "
    "otherwise 0.\n\n"
    "Examples:\n\n"
    "  khcal is-workday -q && run-payroll\n\n"
    "  khcal is-workday 2026-04-18 --weekend sun\n\n"
    "  khcal is-workday 2018-04-17 --sector public --json",
    "help.long-weekends": "Runs of 3 or more days off in a row (weekend days included), and the bridge days "
    "that would make one.\n\n"
    "A bridge day is a single working day between two runs of days off: take it off and they join into a "
    "run of 3 or more days.\n\n"
    "Examples:\n\n"
    "  khcal long-weekends\n\n"
    "  khcal long-weekends --year 2026 --weekend sun\n\n"
    "  khcal long-weekends --year 2025 --json",
    "help.workdays": "Working-day arithmetic: working days skip the weekend and the days off.\n\n"
    "Examples:\n\n"
    "  khcal workdays count 2026-04-01 2026-04-30\n\n"
    "  khcal workdays add today 3\n\n"
    "  khcal workdays next 2026-04-10 --weekend sun",
    "help.workdays.count": "Print the number of working days from A to B, both included (the order of A "
    "and B does not matter).\n\n"
    "Examples:\n\n"
    "  khcal workdays count 2026-04-01 2026-04-30\n\n"
    "  khcal workdays count today 2026-12-31 --weekend sun",
    "help.workdays.add": "Print the date N working days after DATE (before it if N is negative; DATE itself "
    "is not counted).\n\n"
    "N = 0 prints DATE if it is a working day, else the next working day.\n\n"
    "Examples:\n\n"
    "  khcal workdays add today 3\n\n"
    "  khcal workdays add 2026-04-20 -5\n\n"
    "  khcal workdays add 2026-04-10 1 --weekend sun",
    "help.workdays.next": "Print the first working day after DATE (default today).\n\n"
    "Examples:\n\n"
    "  khcal workdays next\n\n"
    "  khcal workdays next 2026-04-10 --weekend sun",
    "help.workdays.prev": "Print the last working day before DATE (default today).\n\n"
    "Examples:\n\n"
    "  khcal workdays prev\n\n"
    "  khcal workdays prev 2026-04-17 --extra-off 2026-04-13",
}

OPTIONS: dict[str, Message] = {
    # --- shared by every command that has them ------------------------------------------------------------
    "help.any.--help": "Show this message and exit.",
    "help.any.--today": f"Take DATE as today ({_DATE_FORMS}, 7 Jan 2027, 2027/1/7). "
    "Example: --today 2026-01-02",
    "help.any.--tz": "IANA time zone that decides what today is (default: KHCAL_TZ, config.toml's tz, else "
    "Asia/Phnom_Penh). Example: --tz Europe/Paris",
    "help.any.--lang": "Language (default: KHCAL_LANG, config.toml's lang, else en). Example: --lang km",
    "help.any.--file": "Extra definitions file, merged over the built-in catalogue (repeatable). "
    "Example: --file company.toml",
    "help.any.--holidays": "Only days off. Example: --holidays",
    "help.any.--category": "Only this category (repeatable): national, royal, religious, traditional, "
    "remembrance, international, holy-day. Example: --category remembrance",
    "help.any.--json": "Machine-readable output. Example: --json",
    "help.any.--color": "Colour always, or never (default: when the output is a terminal, unless NO_COLOR is "
    "set or FORCE_COLOR asks for it; these options win over both). Example: --no-color",
    "help.any.--weekend": "The days of the weekend: a comma list of mon..sun, or none (default: the settings "
    "file's weekend, else sat,sun; sun for six-day workplaces). Example: --weekend sun",
    "help.any.--extra-off": "A day off of your own, such as a company holiday (repeatable). "
    "Example: --extra-off 2026-12-24",
    "help.any.--sector": "Whose days off count. private (default): every day off, including the days in lieu "
    "that only private-sector workers had in 2018-2021; public: those days in lieu were worked. "
    "Example: --sector public",
    "help.any.--quiet": "Print nothing; only the exit code. Example: -q",
    # --- the program's own --------------------------------------------------------------------------------
    "help.khcal.--version": "Print the version and exit.",
    "help.khcal.--install-completion": "Install completion for the current shell.",
    "help.khcal.--show-completion": "Show completion for the current shell, to copy it or customize the "
    "installation.",
    # --- one command's own --------------------------------------------------------------------------------
    "help.next.count": "How many occurrences, 1 to 10000 (default 5).",
    "help.list.--year": "A whole year (default: this year). Example: --year 2026",
    "help.list.--ids": "Every observance id with its name, one a line. Example: --ids",
    "help.list.--from": "First day or year, inclusive. Example: --from 2025-06-01",
    "help.list.--to": "Last day or year, inclusive. Example: --to 2027",
    "help.show.ident": "An observance id, e.g. pchum-ben.",
    "help.show.--year": "Show the dates of year Y. Example: --year 2024",
    "help.show.--count": "How many next dates, 1 to 100. Example: --count 5",
    "help.cal.year_text": "A year: the whole year, three months across.",
    "help.cal.month_text": "A month of YEAR, 1-12.",
    "help.cal.--lunar": "The Khmer lunar day under each date. Example: --lunar",
    "help.cal.--sunday": "Weeks start on Sunday (default Monday). Example: --sunday",
    "help.today.--count": "How many coming occurrences, 1 to 100. Example: --count 5",
    "help.today.--short": "One line: the day off or observance of the day, else the next one with its "
    "countdown, and the lunar date. Example: --short",
    "help.today.--format": "One line in your own shape; placeholders: {{event}} {{name}} {{countdown}} "
    "{{status}} {{date}} {{iso}} {{weekday}} {{lunar}} {{lunar_full}}; {{{{ and }}}} for braces. "
    "Example: --format '{{name}} {{countdown}}'",
    "help.today.--waybar": "The one line as waybar's custom module reads it: JSON with text, tooltip, class "
    "and alt (--format shapes the text). Example: --waybar",
    "help.lunar.day": "The day: YYYY-MM-DD, today or tomorrow (default: today). Example: 2026-05-01",
    "help.lunar.--from": "First day or year of a range, inclusive. Example: --from 2026-04-01",
    "help.lunar.--to": "Last day or year of a range, inclusive. Example: --to 2026-04-30",
    "help.lunar.--plain": "One plain line per day, for scripts. Example: --plain",
    "help.export.--from": _FEED_FROM,
    "help.export.--to": _FEED_TO,
    "help.export.--output": "Write the feed to FILE instead of stdout: a regular file is replaced atomically "
    "(a failure leaves it as it was, its permissions are kept), a link's target likewise; a device or a pipe "
    "is written into; - is stdout. Example: -o cambodia.ics",
    "help.export.--alarm": "Add a reminder, relative to 00:00 on the first day (ISO 8601 duration). "
    "Example: --alarm -PT15H (09:00 the day before)",
    "help.serve.--host": "Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for the "
    "network). Example: --host 0.0.0.0",
    "help.serve.--port": "Port, 0 to 65535 (0: a free one). Example: --port 8080",
    "help.serve.--trust-proxy": "Take the index page's links from X-Forwarded-Proto and X-Forwarded-Host "
    "(only behind a reverse proxy that sets them). Example: --trust-proxy",
    "help.publish.folder": "The folder to write (created if missing).",
    "help.publish.--base-url": "The web address DIR will be served at, for the links and QR codes. "
    "Example: --base-url https://example.org/calendars",
    "help.publish.--lang": "Language of the summary line and the errors; the feeds and the page are written "
    "in every language (default: KHCAL_LANG, config.toml's lang, else en). Example: --lang km",
    "help.publish.--from": _FEED_FROM,
    "help.publish.--to": _FEED_TO,
    "help.check.files": "Definitions files to validate.",
    "help.help.topic": "definitions or config; none lists the topics.",
    "help.is-holiday.day": f"{_DAY[:-1]}; - reads one date a line from stdin.",
    "help.is-workday.day": f"{_DAY[:-1]}; - reads one date a line from stdin.",
    "help.long-weekends.--year": "The year (default: this year). Example: --year 2026",
    "help.workdays.count.first": f"First day ({_DATE_FORMS}, 7 Jan 2027).",
    "help.workdays.count.last": "Last day.",
    "help.workdays.add.day": f"Start day ({_DATE_FORMS}, 7 Jan 2027).",
    "help.workdays.add.n": "Working days to add; negative counts back.",
    "help.workdays.next.day": _DAY,
    "help.workdays.prev.day": _DAY,
}

FORMAT: dict[str, Message] = {
    # click's and Typer's own words in a help page
    "help-format.usage": "Usage: ",
    "help-format.heading.Arguments": "Arguments:",
    "help-format.heading.Options": "Options:",
    "help-format.heading.Commands": "Commands:",
    "help-format.options": "[OPTIONS]",
    "help-format.subcommand": "COMMAND [ARGS]...",
    "help-format.default": "default: {value}",
    "help-format.required": "required",
    "help-format.type.str": "str",
    "help-format.type.int": "int",
    "help-format.type.path": "path",
    "help-format.type.list[str]": "list[str]",
    # --- khcal help: the index of the longer pages --------------------------------------------------------
    "topics.title": "Help topics (khcal help TOPIC):",
    "topics.definitions": "the definitions file format (observances, rules, days off, sources)",
    "topics.config": "the settings file config.toml (language, time zone, weekend, categories)",
    "topics.more": "Every command has its own help with examples: khcal COMMAND --help",
    "topics.cell": "{heading}: {cell}",
    "error.help.topic": "help: no topic '{name}' (topics: {topics})",
}

MESSAGES: dict[str, Message] = {**COMMANDS, **OPTIONS, **FORMAT}
