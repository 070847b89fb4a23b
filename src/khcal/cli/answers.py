"""The commands scripts call: is-holiday, is-workday, workdays, long-weekends (its JSON; its screen is
khcal/views/weekends.py).

Each command is a function that takes its parsed options, writes plain text or JSON and returns the exit
code. Both entry points call these same functions: the Typer commands (work.py), and the fast path of
fastpath.py, which answers the common cases without importing Typer. No Typer, no rich here.
"""

from __future__ import annotations

import sys
from datetime import date

from khcal.core.records import record
from khcal.core.workdays import PRIVATE_ONLY, Bridge, Run, WorkCalendar, weekend_text
from khcal.errors import KhcalError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from typing import Any, TextIO

    from khcal.core.schedule import Occurrence
    from khcal.settings import Settings

if TYPE_CHECKING:
    ParseDay = Callable[[str, str], date]
"""(text, what) -> date: a DATE as the command line takes it; `what` names it in error messages."""

LINE_MOST = 1000
"""The longest line batch mode reads as a date; a longer one is reported and skipped, read in pieces of this
length, so that a line of any length costs no more memory than this."""


def day_parser(settings: Settings) -> ParseDay:
    """DATE arguments read with the settings' today, looked up only for the words (today, tomorrow...)."""
    from khcal.cli.inputs import parse_day

    def parse(text: str, what: str) -> date:
        return parse_day(text, lambda: settings.today, what)

    return parse


# --- is-holiday / is-workday ---------------------------------------------------------------------------


@record
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
        """'2026-04-14 Tuesday: day off: Khmer New Year' (words: the script.* messages of khcal.text)."""
        from khcal.text import say

        weekday = say(lang, f"weekday.{self.day.weekday()}")
        head = say(lang, "script.head", day=self.day.isoformat(), weekday=weekday)
        if self.holiday:
            names = [_reason(o, lang) for o in self.reasons]
            if self.extra_off:
                names.append(say(lang, "script.extra"))
            what = say(lang, "script.day-off")
            return say(
                lang,
                "script.line.off",
                head=head,
                what=what,
                names=say(lang, "separator.notes.strong").join(names),
            )
        what = say(lang, "script.weekend" if self.weekend else "script.working-day")
        if not self.private_only:
            return say(lang, "script.line", head=head, what=what)
        from khcal.text.dates import occurrence_name

        worked = say(lang, "separator.notes.strong").join(occurrence_name(o, lang) for o in self.private_only)
        note = say(lang, "script.worked-by", names=worked)
        return say(lang, "script.line.note", head=head, what=what, note=note)


def _reason(occ: Occurrence, lang: str) -> str:
    from khcal.text import say
    from khcal.text.dates import occurrence_name

    name = occurrence_name(occ, lang)
    return say(lang, "script.private", name=name) if occ.scope == PRIVATE_ONLY else name


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
    if quiet and as_json:
        raise KhcalError("error.options.together", first="-q", second="--json")
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
    for number, (raw, whole) in enumerate(bounded_lines(lines), start=1):
        text = raw.strip().lstrip("\ufeff").strip() if number == 1 else raw.strip()
        if not text:
            continue
        where = say(lang, "error.where.line", number=number)
        try:
            day = _line_day(text, whole, parse, where)
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


def _line_day(text: str, whole: bool, parse: ParseDay, where: str) -> date:
    """The date of one line of batch input (`whole`: not cut at LINE_MOST characters)."""
    if not whole:
        raise KhcalError("error.setting.line-long", most=LINE_MOST, value=text)
    return parse(text, where)


def bounded_lines(lines: Iterable[str], most: int = LINE_MOST) -> Iterator[tuple[str, bool]]:
    """Each line of `lines` with whether it is whole: a line longer than `most` characters is given cut to
    its first `most` (False), the rest of it read and dropped piece by piece when `lines` is a stream."""
    readline = getattr(lines, "readline", None)
    if readline is None:
        for line in lines:
            yield (line, True) if len(line.rstrip("\r\n")) <= most else (line[:most], False)
        return
    while piece := readline(most + 1):
        if len(piece) <= most or piece.endswith("\n"):
            yield piece, True
            continue
        rest = piece
        while rest and not rest.endswith("\n"):
            rest = readline(most + 1)
        yield piece[:most], False


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
