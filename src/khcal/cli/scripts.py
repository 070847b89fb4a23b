"""The commands scripts call: is-holiday, is-workday, workdays, long-weekends.

Each command is a function that takes its parsed options, writes plain text or JSON and returns the exit
code. Both entry points call these same functions: the Typer commands in cli.py, and the quick start of
fastpath.py, which answers the common cases without importing Typer. No Typer, no rich here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from khcal.core.workdays import PRIVATE_ONLY, Bridge, Run, WorkCalendar, parse_sector, weekend_text
from khcal.errors import KhcalError

if TYPE_CHECKING:
    from khcal.core.model import Catalogue
    from khcal.core.schedule import Occurrence
    from khcal.settings import Settings

ParseDay = Callable[[str, str], date]
"""(text, what) -> date: a DATE as the command line takes it; `what` names it in error messages."""

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_KM = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
_WORDS = {
    "en": {
        "off": "day off",
        "weekend": "weekend",
        "work": "working day",
        "private": "private sector only",
        "extra": "company day off (--extra-off)",
        "worked_by": "worked in the public sector",
    },
    "km": {
        "off": "ថ្ងៃឈប់សម្រាក",
        "weekend": "ចុងសប្តាហ៍",
        "work": "ថ្ងៃធ្វើការ",
        "private": "សម្រាប់តែវិស័យឯកជន",
        "extra": "ថ្ងៃឈប់សម្រាករបស់ក្រុមហ៊ុន (--extra-off)",
        "worked_by": "វិស័យសាធារណៈធ្វើការ",
    },
}


def calendar_for(catalogue: Catalogue, settings: Settings) -> WorkCalendar:
    """The working-day calendar the settings describe (weekend, sector, extra days off)."""
    from khcal.core.model import MAX_YEAR, MIN_YEAR
    from khcal.core.schedule import Schedule

    return WorkCalendar(
        Schedule(catalogue).days_off,
        settings.weekend,
        frozenset(settings.extra_off),
        parse_sector(settings.sector),
        limits=(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)),
    )


def day_parser(settings: Settings) -> ParseDay:
    """DATE arguments read with the settings' today, looked up only for the words (today, tomorrow...)."""
    from khcal.cli.inputs import parse_day

    def parse(text: str, what: str) -> date:
        return parse_day(text, lambda: settings.today, what)

    return parse


# --- is-holiday / is-workday ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """Everything a script may want to know about one day."""

    day: date
    holiday: bool
    workday: bool
    weekend: bool
    extra_off: bool
    reasons: tuple[Occurrence, ...]
    private_only: tuple[Occurrence, ...]

    @property
    def scope(self) -> str | None:
        """Who had the day off: 'public', 'private-sector', or None when nobody did."""
        if self.extra_off or any(o.scope != PRIVATE_ONLY for o in self.reasons):
            return "public"
        if self.reasons or self.private_only:
            return PRIVATE_ONLY
        return None

    def json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "holiday": self.holiday,
            "workday": self.workday,
            "observances": [o.id for o in self.reasons],
            "weekend": self.weekend,
            "extra_off": self.extra_off,
            "scope": self.scope,
        }

    def line(self, lang: str) -> str:
        words = _WORDS["km" if lang == "km" else "en"]
        weekday = (WEEKDAYS_KM if lang == "km" else WEEKDAYS_EN)[self.day.weekday()]
        head = f"{self.day.isoformat()} {weekday}"
        if self.holiday:
            names = [_reason(o, lang, words) for o in self.reasons]
            if self.extra_off:
                names.append(words["extra"])
            return f"{head}: {words['off']}: {'; '.join(names)}"
        text = f"{head}: {words['weekend'] if self.weekend else words['work']}"
        if self.private_only:
            text += f" ({'; '.join(o.name(lang) for o in self.private_only)}: {words['worked_by']})"
        return text


def _reason(occ: Occurrence, lang: str, words: dict[str, str]) -> str:
    name = occ.name(lang)
    return f"{name} ({words['private']})" if occ.scope == PRIVATE_ONLY else name


def answer(cal: WorkCalendar, day: date) -> Answer:
    reasons = cal.reasons(day)
    extra = cal.is_extra(day)
    weekend = cal.is_weekend(day)
    holiday = bool(reasons) or extra
    private_only = () if cal.sector == "private" else cal.private_only(day)
    return Answer(day, holiday, not holiday and not weekend, weekend, extra, reasons, private_only)


def is_day(
    kind: str,
    target: str | None,
    cal: WorkCalendar,
    parse: ParseDay,
    *,
    quiet: bool = False,
    as_json: bool = False,
    lang: str = "en",
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """`is-holiday` (kind "holiday") or `is-workday` (kind "workday"): 0 yes, 1 no, 2 bad input."""
    out = stdout or sys.stdout
    if target is not None and target.strip() == "-":
        if quiet:
            raise KhcalError("error.options.quiet-batch")
        lines = stdin or sys.stdin
        reconfigure = getattr(lines, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")  # a line that is not UTF-8 is reported as not a date, not a crash
        return batch(kind, lines, cal, parse, as_json=as_json, out=out, err=stderr or sys.stderr, lang=lang)
    found = answer(cal, parse(target if target is not None else "today", "DATE"))
    yes = found.holiday if kind == "holiday" else found.workday
    if as_json:
        import json

        out.write(json.dumps(found.json(), ensure_ascii=False) + "\n")
    elif not quiet:
        out.write(found.line(lang) + "\n")
    return 0 if yes else 1


def batch(
    kind: str,
    lines: Iterable[str],
    cal: WorkCalendar,
    parse: ParseDay,
    *,
    as_json: bool,
    out: TextIO,
    err: TextIO,
    lang: str = "en",
) -> int:
    """One answer for each line of input: `DATE<TAB>yes|no`, or a JSON object a line.

    Blank lines are skipped; a byte-order mark and Windows line ends are accepted. A line that is not a date
    is reported on stderr with its number and the others are still answered; the exit code is then 2, else
    0 (the answers are in the output, not the exit code).
    """
    from khcal.text import say

    dumps: Callable[[Any], str] | None = None
    if as_json:
        import json

        dumps = json.JSONEncoder(ensure_ascii=False).encode
    holiday = kind == "holiday"
    bad = 0
    chunk: list[str] = []
    for number, raw in enumerate(lines, start=1):
        text = raw.strip().lstrip("\ufeff").strip() if number == 1 else raw.strip()
        if not text:
            continue
        where = say(lang, "error.where.line", number=number)
        try:
            day = parse(text, where)
            if dumps is not None:
                chunk.append(dumps(answer(cal, day).json()))
            else:
                yes = cal.is_day_off(day) if holiday else cal.is_workday(day)
                chunk.append(f"{day.isoformat()}\t{'yes' if yes else 'no'}")
        except KhcalError as exc:
            message = exc.message(lang)
            if not message.startswith(where):
                message = f"{where}: {message}"
            if chunk:
                out.write("\n".join(chunk) + "\n")
                chunk.clear()
            out.flush()
            err.write(f"khcal: {message}\n")
            err.flush()
            bad += 1
            continue
        if len(chunk) >= 4096:
            out.write("\n".join(chunk) + "\n")
            chunk.clear()
    if chunk:
        out.write("\n".join(chunk) + "\n")
    return 2 if bad else 0


# --- workdays ------------------------------------------------------------------------------------------


def count(cal: WorkCalendar, first: date, last: date, out: TextIO | None = None) -> int:
    (out or sys.stdout).write(f"{cal.count(first, last)}\n")
    return 0


def shift(cal: WorkCalendar, day: date, n: int, out: TextIO | None = None) -> int:
    (out or sys.stdout).write(f"{cal.add(day, n).isoformat()}\n")
    return 0


# --- long weekends -------------------------------------------------------------------------------------


def _run_json(run: Run) -> dict[str, Any]:
    return {
        "start": run.start.isoformat(),
        "end": run.end.isoformat(),
        "days": run.days,
        "observances": list(dict.fromkeys(o.id for o in run.reasons)),
        "extra_off": [d.isoformat() for d in run.extra],
    }


def long_weekends_json(year: int, cal: WorkCalendar, runs: Sequence[Run], bridges: Sequence[Bridge]) -> Any:
    return {
        "year": year,
        "weekend": weekend_text(cal.weekend),
        "sector": cal.sector,
        "long_weekends": [_run_json(r) for r in runs],
        "bridges": [{"date": b.day.isoformat(), **_run_json(b.joined)} for b in bridges],
    }


def long_weekends_text(
    year: int, cal: WorkCalendar, runs: Sequence[Run], bridges: Sequence[Bridge], lang: str
) -> str:
    def span(run: Run) -> str:
        return (
            f"{run.start.isoformat()} {_short(run.start)} .. {run.end.isoformat()} {_short(run.end)}"
            f"  {run.days:>2} days"
        )

    def why(run: Run) -> str:
        words = _WORDS["km" if lang == "km" else "en"]
        names = list(dict.fromkeys(_reason(o, lang, words) for o in run.reasons))
        if run.extra:
            names.append("company day off")
        return "; ".join(names)

    lines = [f"Long weekends in {year} (weekend: {weekend_text(cal.weekend)}, {cal.sector} sector)"]
    lines += [f"  {span(r)}  {why(r)}" for r in runs] or ["  none"]
    lines.append("Bridge days (take one off to join the days off around it)")
    lines += [
        f"  {b.day.isoformat()} {_short(b.day)} -> {span(b.joined)}  {why(b.joined)}" for b in bridges
    ] or ["  none"]
    return "\n".join(lines) + "\n"


def _short(day: date) -> str:
    return WEEKDAYS_EN[day.weekday()][:3]
