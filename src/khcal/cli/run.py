"""The quick commands' bodies: what `is-holiday`, `is-workday`, `workdays`, `next`, `today` and `publish` do
with their parameters, shared by the Typer commands and the fast path (fastpath.py).

Each function is the Typer command itself (registered by khcal.cli.work and khcal.cli.dates with the types
of khcal.cli.params), so both command lines run the same code with the same parameters once they have read
the command line; tests/test_fastpath.py holds the fast path's grammar to them. Each takes its own
parameters, and the shared options it takes as one `Options` value, resolved once into the settings. No
Typer here: the fast path imports this module.
"""

from __future__ import annotations

import sys

from khcal.cli.inputs import Options, number
from khcal.errors import KhcalError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable

    from khcal.api import Calendar
    from khcal.cli.answers import ParseDay
    from khcal.core.workdays import WorkCalendar


def work_setup(options: Options) -> tuple[WorkCalendar, ParseDay, str]:
    """The working-day calendar of the options and settings, a date parser, and the language."""
    from khcal.api import Calendar
    from khcal.cli import answers

    settings = options.settings()
    return Calendar.from_settings(settings).workdays, answers.day_parser(settings), settings.lang


def _is_day(kind: str, day: str | None, quiet: bool, options: Options) -> int:
    from khcal.cli import answers

    cal, parse, lang = work_setup(options)
    return answers.is_day(kind, day, cal, parse, quiet=quiet, as_json=options.as_json, lang=lang)


def is_holiday(day: str | None = None, quiet: bool = False, *, options: Options) -> int:
    return _is_day("holiday", day, quiet, options)


def is_workday(day: str | None = None, quiet: bool = False, *, options: Options) -> int:
    return _is_day("workday", day, quiet, options)


def workdays_count(first: str, last: str, *, options: Options) -> int:
    from khcal.cli import answers

    cal, parse, _ = work_setup(options)
    return answers.count(cal, parse(first, "A"), parse(last, "B"))


def workdays_add(day: str, n: str, *, options: Options) -> int:
    from khcal.cli import answers

    cal, parse, _ = work_setup(options)
    from khcal.core.model import MAX_YEAR, MIN_YEAR

    most = (MAX_YEAR - MIN_YEAR + 1) * 366  # more days than khcal computes: any more is out of range
    return answers.shift(cal, parse(day, "DATE"), number(n, "N", -most, most))


def _step(step: int, day: str | None, options: Options) -> int:
    from khcal.cli import answers

    cal, parse, _ = work_setup(options)
    return answers.shift(cal, parse(day if day is not None else "today", "DATE"), step)


def workdays_next(day: str | None = None, *, options: Options) -> int:
    return _step(1, day, options)


def workdays_prev(day: str | None = None, *, options: Options) -> int:
    return _step(-1, day, options)


def next_(count: str = "5", *, options: Options) -> int:
    from khcal.api import Calendar

    settings = options.settings()
    found = Calendar.from_settings(settings).upcoming(
        number(count, "N", 1, 10000), holidays=settings.holidays
    )
    if options.as_json:
        import json

        from khcal.text.describe import occurrence_json

        value = [occurrence_json(o, settings.today, settings.lang) for o in found]
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return 0
    from khcal.text import say
    from khcal.views import render

    title = say(settings.lang, "cli.title.next")
    render.occurrences(found, settings.today, settings.lang, color=settings.color, title=title)
    return 0


def today_(
    count: str = "3", short: bool = False, template: str | None = None, waybar: bool = False, *,
    options: Options,
) -> int:  # fmt: skip
    """Today's summary as the options ask. The screen needs rich; the one-line forms (`--short`, `--format`,
    `--waybar`) and `--json` do not, so a status bar that runs `khcal today --short` every few seconds
    starts neither Typer nor rich."""
    from khcal.api import Calendar

    calendar = Calendar.from_settings(options.settings())
    _summary(calendar, count, short, template, waybar, options.as_json)
    return 0


def _summary(
    calendar: Calendar, count: str, short: bool, template: str | None, waybar: bool, as_json: bool
) -> None:
    """Write today's summary; KhcalError (before anything is written) for options that do not go together
    and bad values."""
    if as_json:
        for flag, given in (("--short", short), ("--format", template is not None), ("--waybar", waybar)):
            if given:
                raise KhcalError("error.options.together", first=flag, second="--json")
    from khcal.text import line

    if template is not None:
        line.check_template(template)
    settings = calendar.settings
    found = calendar.summary(number(count, "--count", 1, 100))
    shape = line.SHORT if template is None else template
    if waybar:
        import json

        value = line.waybar(found, settings.lang, shape)
        sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")  # one line: waybar reads lines
    elif short or template is not None:
        sys.stdout.write(_on_screen(line.fill(shape, found, settings.lang)) + "\n")
    elif as_json:
        import json

        from khcal.text.today import summary_json

        value = summary_json(found, settings.lang)
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    else:
        from khcal.views import render

        render.today_screen(found, settings.lang, color=settings.color)


def publish(
    folder: str, base_url: str | None, start: str | None = None, end: str | None = None, *, options: Options
) -> int | None:
    """The whole static site into `folder` (khcal.feeds.publish), then its one line. A cron job runs it over
    and over, so it starts without Typer (and the pydantic Typer builds its parsers with): a third of the
    process's memory. None (the full command line answers) without --base-url."""
    if base_url is None:
        return None
    from pathlib import Path

    from khcal.api import Calendar
    from khcal.feeds import ics
    from khcal.feeds import publish as publishing
    from khcal.text import say
    from khcal.text.errors import shown_path

    settings = options.settings()  # the feeds and the page are in every language; --lang words this
    schedule = Calendar.from_settings(settings).schedule
    first_year, last_year = ics.year_range(start, end, settings.today.year)
    done = publishing.publish(schedule, folder, base_url, first_year, last_year)
    given = {"folder": shown_path(str(Path(folder))), "written": len(done.written), "total": len(done.files)}
    if done.removed:
        print(say(settings.lang, "cli.publish.removed", **given, removed=len(done.removed)))
    else:
        print(say(settings.lang, "cli.publish.written", **given))
    return 0


def _on_screen(text: str) -> str:
    """The one line as it is for a status bar, a prompt or a script (a pipe); on a terminal too narrow for
    it, filled between words rather than folded by the terminal inside a word or a cluster."""
    if "\n" in text or not sys.stdout.isatty():
        return text
    import shutil

    from khcal.views.clusters import fill
    from khcal.views.width import cells

    return fill(text, shutil.get_terminal_size().columns, cells)


COMMANDS: dict[str, Callable[..., int | None]] = {
    "is-holiday": is_holiday,
    "is-workday": is_workday,
    "workdays count": workdays_count,
    "workdays add": workdays_add,
    "workdays next": workdays_next,
    "workdays prev": workdays_prev,
    "next": next_,
    "today": today_,
    "publish": publish,
}
"""Each quick command's body, by its words on the command line."""
