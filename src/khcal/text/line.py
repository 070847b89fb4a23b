"""The one-line forms of `khcal today`: `--short`, `--format TEMPLATE` and `--waybar`.

One line for a status bar, a shell prompt or a login message: the day off or observance of the day, else
the next one with its countdown, and the lunar date. A template is text with placeholders in braces
(`{event} · {lunar}`); `{{` and `}}` stand for a brace itself. Every word comes from the message tables;
the template only arranges them. Light on purpose: the fast path words the line without Typer or rich.
"""

from __future__ import annotations

from khcal.errors import KhcalError
from khcal.text import digits, say
from khcal.text.dates import countdown, format_date, occurrence_name, weekday_name
from khcal.text.lunar import lunar_text, short_text

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Iterator

    from khcal.core.schedule import Occurrence
    from khcal.core.summary import Summary

SHORT = "{event} · {lunar}"
"""The template of `--short` (the lunar date alone once nothing comes any more)."""

_SHORT_ALONE = "{lunar}"

PLACEHOLDERS = ("event", "name", "countdown", "status", "date", "iso", "weekday", "lunar", "lunar_full")
"""What a template may name, in the order `--help` and the error list them."""


def _parts(template: str) -> Iterator[tuple[str, str | None]]:
    """The template as (literal text, placeholder or None) pieces; KhcalError for a brace without its pair."""
    literal: list[str] = []
    i = 0
    while i < len(template):
        char = template[i]
        if char in "{}" and template[i : i + 2] == char * 2:
            literal.append(char)
            i += 2
            continue
        if char == "}":
            raise KhcalError("error.format.brace")
        if char == "{":
            end = template.find("}", i)
            if end < 0 or "{" in template[i + 1 : end]:
                raise KhcalError("error.format.brace")
            yield "".join(literal), template[i + 1 : end]
            literal = []
            i = end + 1
            continue
        literal.append(char)
        i += 1
    yield "".join(literal), None


def check_template(template: str) -> None:
    """KhcalError (naming the placeholder and listing the known ones) unless every placeholder is known."""
    for _, name in _parts(template):
        if name is not None and name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise KhcalError("error.format.placeholder", name="{" + name + "}", known=known)


def _named(summary: Summary) -> tuple[tuple[Occurrence, ...], bool]:
    """What the line names: the day's days off, else its observances, else the next one (False: not today)."""
    if summary.days_off:
        return summary.days_off, True
    if summary.observances:
        return summary.observances, True
    return summary.coming[:1], False


def _status(summary: Summary, lang: str) -> str:
    if summary.day_off:
        return say(lang, "day-off")
    return say(lang, "line.weekend" if summary.weekend else "line.working-day")


def _event(summary: Summary, lang: str) -> tuple[str, str, str]:
    """The event phrase, the name(s) and the countdown the line gives (all empty when nothing comes)."""
    named, of_the_day = _named(summary)
    if not named:
        return "", "", ""
    name = say(lang, "separator.names").join(dict.fromkeys(occurrence_name(o, lang) for o in named))
    if of_the_day:
        key = "line.day-off" if summary.days_off else "screen.today"
        return say(lang, key, names=name, name=name), name, say(lang, "when.today")
    when = countdown(named[0].days_until(summary.day), lang, summary.day)
    return say(lang, "line.next", name=name, when=when), name, when


def fields(summary: Summary, lang: str) -> dict[str, str]:
    """The value of every placeholder for the day of `summary`."""
    event, name, when = _event(summary, lang)
    return {
        "event": event,
        "name": name,
        "countdown": when,
        "status": _status(summary, lang),
        "date": format_date(summary.day, lang),
        "iso": digits(lang, summary.day.isoformat()),
        "weekday": weekday_name(summary.day, lang),
        "lunar": short_text(summary.lunar, lang),
        "lunar_full": lunar_text(summary.day, summary.lunar, lang, weekday=False),
    }


def fill(template: str, summary: Summary, lang: str) -> str:
    """The template with its placeholders filled in (checked first: see `check_template`)."""
    check_template(template)
    values = fields(summary, lang)
    if template == SHORT and not values["event"]:
        template = _SHORT_ALONE  # no dangling separator after the last supported year
    return "".join(text + (values[name] if name is not None else "") for text, name in _parts(template))


def kind(summary: Summary) -> str:
    """The day as a class name for a status bar's style sheet."""
    if summary.day_off:
        return "day-off"
    if summary.observances:
        return "observance"
    return "weekend" if summary.weekend else "workday"


def _markup(text: str) -> str:
    """Text as Pango markup, which waybar reads its text and tooltip as: & < > written as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def waybar(summary: Summary, lang: str, template: str = SHORT) -> dict[str, str]:
    """The object waybar's custom module reads (`"return-type": "json"`): text, tooltip, class and alt.

    Waybar takes text and tooltip as Pango markup, so a name with `&` (a user's `R&D Day`) is escaped.
    """
    from khcal.text.today import coming_text, status_text, today_text

    lines = [
        format_date(summary.day, lang, weekday=True),
        lunar_text(summary.day, summary.lunar, lang, weekday=False),
        status_text(summary, lang),
        *(today_text(o, lang) for o in summary.observances if o not in summary.days_off),
        *(coming_text(o, summary.day, lang) for o in summary.coming),
    ]
    day = kind(summary)
    text, tooltip = fill(template, summary, lang), "\n".join(lines)
    return {"text": _markup(text), "tooltip": _markup(tooltip), "class": day, "alt": day}
