"""The quick commands' bodies: what `is-holiday`, `is-workday`, `workdays`, `next` and `today` do with their
parameters, shared by the Typer commands and the fast path (fastpath.py).

Each function takes the parameters of its Typer command, by the same names (tests/test_fastpath.py holds
them equal), so that both command lines run the same code once they have read the command line. No Typer
here: the fast path imports this module.
"""

from __future__ import annotations

import sys

from khcal.cli.inputs import colour, number, resolved

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from khcal.cli.scripts import ParseDay
    from khcal.core.workdays import WorkCalendar

    Files = Sequence[str | Path] | None


def work_setup(
    today: str | None,
    tz: str | None,
    lang: str | None,
    files: Files,
    weekend: str | None,
    extra_off: Sequence[str] | None,
    sector: str | None,
) -> tuple[WorkCalendar, ParseDay, str]:
    """The working-day calendar of the options and settings, a date parser, and the language."""
    from khcal.api import Calendar
    from khcal.cli import scripts

    settings = resolved(
        today, tz, lang, files, weekend=weekend, sector=sector, extra_off=tuple(extra_off or ())
    )
    return Calendar.from_settings(settings).workdays, scripts.day_parser(settings), settings.lang


def _is_day(kind: str, day: str | None, quiet: bool, as_json: bool, *options: object) -> int:
    from khcal.cli import scripts

    cal, parse, lang = work_setup(*options)  # type: ignore[arg-type]
    return scripts.is_day(kind, day, cal, parse, quiet=quiet, as_json=as_json, lang=lang)


def is_holiday(
    day: str | None, quiet: bool, as_json: bool, weekend: str | None, extra_off: Sequence[str] | None,
    sector: str | None, today: str | None, tz: str | None, lang: str | None, file: Files,
) -> int:  # fmt: skip
    return _is_day("holiday", day, quiet, as_json, today, tz, lang, file, weekend, extra_off, sector)


def is_workday(
    day: str | None, quiet: bool, as_json: bool, weekend: str | None, extra_off: Sequence[str] | None,
    sector: str | None, today: str | None, tz: str | None, lang: str | None, file: Files,
) -> int:  # fmt: skip
    return _is_day("workday", day, quiet, as_json, today, tz, lang, file, weekend, extra_off, sector)


def workdays_count(
    first: str, last: str, weekend: str | None, extra_off: Sequence[str] | None, sector: str | None,
    today: str | None, tz: str | None, file: Files,
) -> int:  # fmt: skip
    from khcal.cli import scripts

    cal, parse, _ = work_setup(today, tz, "en", file, weekend, extra_off, sector)
    return scripts.count(cal, parse(first, "A"), parse(last, "B"))


def workdays_add(
    day: str, n: str, weekend: str | None, extra_off: Sequence[str] | None, sector: str | None,
    today: str | None, tz: str | None, file: Files,
) -> int:  # fmt: skip
    from khcal.cli import scripts

    cal, parse, _ = work_setup(today, tz, "en", file, weekend, extra_off, sector)
    return scripts.shift(cal, parse(day, "DATE"), number(n, "N"))


def _step(step: int, day: str | None, *options: object) -> int:
    from khcal.cli import scripts

    cal, parse, _ = work_setup(*options)  # type: ignore[arg-type]
    return scripts.shift(cal, parse(day if day is not None else "today", "DATE"), step)


def workdays_next(
    day: str | None, weekend: str | None, extra_off: Sequence[str] | None, sector: str | None,
    today: str | None, tz: str | None, file: Files,
) -> int:  # fmt: skip
    return _step(1, day, today, tz, "en", file, weekend, extra_off, sector)


def workdays_prev(
    day: str | None, weekend: str | None, extra_off: Sequence[str] | None, sector: str | None,
    today: str | None, tz: str | None, file: Files,
) -> int:  # fmt: skip
    return _step(-1, day, today, tz, "en", file, weekend, extra_off, sector)


def next_(
    count: str, today: str | None, tz: str | None, lang: str | None, file: Files, holidays: bool,
    category: Sequence[str] | None, as_json: bool, color: bool | None,
) -> int:  # fmt: skip
    from khcal.api import Calendar

    settings = resolved(
        today, tz, lang, file, holidays=holidays, categories=tuple(category or ()), color=color
    )
    found = Calendar.from_settings(settings).upcoming(
        number(count, "N", 1, 10000), holidays=settings.holidays
    )
    if as_json:
        import json

        from khcal.text.describe import occurrence_json

        value = [occurrence_json(o, settings.today, settings.lang) for o in found]
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return 0
    from khcal.text import say
    from khcal.views import render

    title = say(settings.lang, "cli.title.next")
    with colour(settings):
        render.occurrences(
            found, settings.today, settings.lang, no_color=settings.color is False, title=title
        )
    return 0


def today_(
    count: str, short: bool, template: str | None, waybar: bool, today: str | None, tz: str | None,
    lang: str | None, file: Files, holidays: bool, category: Sequence[str] | None, as_json: bool,
    color: bool | None,
) -> int:  # fmt: skip
    from khcal.api import Calendar
    from khcal.cli import today as screen

    settings = resolved(
        today, tz, lang, file, holidays=holidays, categories=tuple(category or ()), color=color
    )
    calendar = Calendar.from_settings(settings)
    screen.show(calendar, count, short=short, template=template, waybar=waybar, as_json=as_json)
    return 0


COMMANDS: dict[str, Callable[..., int]] = {
    "is-holiday": is_holiday,
    "is-workday": is_workday,
    "workdays count": workdays_count,
    "workdays add": workdays_add,
    "workdays next": workdays_next,
    "workdays prev": workdays_prev,
    "next": next_,
    "today": today_,
}
"""Each quick command's body, by its words on the command line."""
