"""Rules and holiday periods in words: how an observance's date is given, and when it was a day off."""

from __future__ import annotations

from collections.abc import Mapping
from typing import assert_never

from khcal.core.model import HolidayPeriod, Observance
from khcal.core.rules import (
    FixedRule,
    HolyDaysRule,
    LunarRule,
    NewYearRule,
    NthWeekdayRule,
    OffsetRule,
    OnceRule,
    Rule,
)
from khcal.text import say
from khcal.text.dates import format_date, month_name, weekday_name


def rule_text(rule: Rule, days: int, lang: str, observances: Mapping[str, Observance] | None = None) -> str:
    """The rule that gives the date, in words, with the number of days when it is more than one."""
    text = _rule_words(rule, lang, observances or {})
    if days > 1 and not isinstance(rule, NewYearRule):  # the New Year's words give its length
        text = say(lang, "rule.days", rule=text, days=days)
    return text


def _rule_words(rule: Rule, lang: str, observances: Mapping[str, Observance]) -> str:
    match rule:
        case FixedRule(month=month, day=day):
            return say(lang, "rule.fixed", day=day, month=month_name(month, lang))
        case NthWeekdayRule():
            return _nth_weekday(rule, lang)
        case LunarRule(month=month, day=day, phase=phase):
            words = {"phase": say(lang, f"phase.{phase}"), "month": say(lang, f"lunar-month.{month}")}
            if day == -1:
                return say(lang, "rule.lunar.last", **words)
            return say(lang, "rule.lunar", day=day, **words)
        case NewYearRule():
            return say(lang, "rule.new-year")
        case OffsetRule(of=of, days=days):
            other = observances[of].name.get(lang) if of in observances else of
            key = "rule.offset.after" if days >= 0 else "rule.offset.before"
            return say(lang, key, days=abs(days), other=other)
        case OnceRule(date=day):
            return say(lang, "rule.once", date=format_date(day, lang))
        case HolyDaysRule():
            return say(lang, "rule.holy-days")
        case _:
            assert_never(rule)


def _nth_weekday(rule: NthWeekdayRule, lang: str) -> str:
    words = {"weekday": weekday_name(rule.weekday, lang), "month": month_name(rule.month, lang)}
    if rule.n == -1:
        return say(lang, "rule.nth-weekday.last", **words)
    if rule.n < 0:
        return say(lang, "rule.nth-weekday.from-last", n=-rule.n, **words)
    return say(lang, "rule.nth-weekday", n=rule.n, **words)


def _years(period: HolidayPeriod, lang: str) -> str:
    since, until = period.since, period.until
    if since is None and until is None:
        return say(lang, "period.every-year")
    if since is None:
        return say(lang, "period.until", until=until)
    if until is None:
        return say(lang, "period.since", since=since)
    if since == until:
        return say(lang, "period.in", year=since)
    return say(lang, "period.from-to", since=since, until=until)


def period_text(period: HolidayPeriod, obs: Observance, lang: str) -> str:
    """'A day off from 2005 to 2019 (13 May every year, 3 days)', or the same in Khmer."""
    text = say(lang, "period.day-off", years=_years(period, lang))
    if period.scope == "private-sector":
        text = say(lang, "period.private", text=text)
    if period.rule or period.days:
        rule = rule_text(period.rule or obs.rule, period.days or obs.days, lang)
        text = say(lang, "period.rule", text=text, rule=rule)
    if period.note:
        text = say(lang, "period.note", text=text, note=period.note.get(lang))
    return text


def history_lines(obs: Observance, lang: str, *, cite: bool = True) -> list[str]:
    """The years it was a day off, the events of its history, and the decreed exceptions (each with the
    title of its first source, unless `cite` is false: a page that lists the sources as links)."""
    lines: list[str] = []
    if obs.holiday:
        lines.extend(period_text(p, obs, lang) for p in obs.holiday)
    else:
        lines.append(say(lang, "screen.never-off"))
    for note in sorted(obs.history, key=lambda h: h.year):
        lines.append(say(lang, "screen.year-note", year=note.year, text=note.text.get(lang)))
    for exc in sorted(obs.exceptions, key=lambda e: e.year):
        text = exc.note.get(lang) if exc.note else say(lang, "screen.decreed-exception")
        if exc.sources and cite:
            text += f" [{exc.sources[0].title}]"
        lines.append(say(lang, "screen.year-note", year=exc.year, text=text))
    return lines
