"""The schedule on catalogues no file could make valid, built by hand as a program using khcal's core may
build them: offsets are followed without recursion, a circle or an unknown id is a DefinitionsError, a day in
lieu is looked for a bounded number of days, and a chain of offsets never walks out of the calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from khcal.core.model import Catalogue, HolidayPeriod, InLieuRule, Observance, Text
from khcal.core.rules import FixedRule, OffsetRule, Rule
from khcal.core.schedule import Schedule
from khcal.errors import DefinitionsError


def observance(
    ident: str, rule: Rule, *, holiday: bool = False, period_rule: Rule | None = None
) -> Observance:
    periods = (HolidayPeriod(since=None, until=None, rule=period_rule),) if holiday or period_rule else ()
    return Observance(ident, Text(ident), "mine", rule, Text("D."), holiday=periods)


def catalogue(*observances: Observance, in_lieu: tuple[InLieuRule, ...] = ()) -> Catalogue:
    return Catalogue({o.id: o for o in observances}, in_lieu=in_lieu)


def chain(count: int, days: int) -> list[Observance]:
    links = [observance(f"o{i}", OffsetRule(f"o{i + 1}", days)) for i in range(count - 1)]
    return [*links, observance(f"o{count - 1}", FixedRule(3, 14), holiday=True)]


def test_a_chain_of_10000_offsets_is_followed_without_recursion() -> None:
    schedule = Schedule(catalogue(*chain(10_000, 1)))
    (first,) = schedule.of(schedule.catalogue.observances["o0"], 2027)
    assert first.start == date(2027, 3, 14) + timedelta(days=9_999)
    assert len(schedule.year(2027)) == 10_000


def test_a_chain_never_walks_out_of_the_calendar() -> None:
    schedule = Schedule(catalogue(*chain(5_000, 366)))  # 5,000 years later, then no date
    assert schedule.year(2200)
    far = [occ.start.year for occ in schedule.year(2200)]
    assert max(far) <= 2201
    assert schedule.of(schedule.catalogue.observances["o0"], 2200) == ()


@pytest.mark.parametrize("period", [False, True])
def test_a_circle_built_by_hand_is_a_definitions_error(period: bool) -> None:
    a = observance("a", FixedRule(1, 1), period_rule=OffsetRule("b", 1)) if period else None
    a = a or observance("a", OffsetRule("b", 1))
    schedule = Schedule(catalogue(a, observance("b", OffsetRule("a", 1))))
    with pytest.raises(DefinitionsError) as caught:
        schedule.year(2027)
    assert "offsets go round in a circle: " in str(caught.value)
    assert "a -> b -> a" in str(caught.value) or "b -> a -> b" in str(caught.value)


def test_an_unknown_id_built_by_hand_is_a_definitions_error() -> None:
    schedule = Schedule(catalogue(observance("a", OffsetRule("nowhere", 1))))
    with pytest.raises(DefinitionsError) as caught:
        schedule.year(2027)
    assert "refers to unknown observance 'nowhere'" in str(caught.value)


def test_a_day_in_lieu_is_looked_for_a_bounded_number_of_days() -> None:
    every_day = InLieuRule(since=2000, until=None, weekdays=tuple(range(7)), scope="public", sources=())
    schedule = Schedule(catalogue(observance("a", FixedRule(3, 14), holiday=True), in_lieu=(every_day,)))
    assert schedule.in_lieu(2027) == ()  # none can be found: none given, and no year 9999 reached
    assert list(schedule.days_off(2027)) == [date(2027, 3, 14)]
