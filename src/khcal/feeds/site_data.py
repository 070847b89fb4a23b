"""The published site's files for programs: a year's occurrences as JSON, its days off as Nager.Date has them.

`json/2027.json` is an array of the objects `khcal list --year 2027 --json` prints (English `name`, both
languages in `names`). A static file cannot know the reader's today, so its `days_until` counts from
1 January of its year: the file equals `khcal list --year 2027 --json --today 2027-01-01`, and stays the same
bytes all year long.

`api/v3/PublicHolidays/2027/KH` answers as Nager.Date's `PublicHolidays/{year}/{countryCode}` does: one object
a day off (a holiday of three days gives three), with `date`, `localName` (Khmer), `name` (English),
`countryCode` (`KH`), `fixed` (the same date every year), `global` (true: Cambodia's days off are
nationwide), `counties` (null), `launchYear` (the first year it was a day off, when the data know it) and
`types` (`["Public"]`, or `["Optional"]` for a day off private-sector workers only had). So a client of
Nager.Date pointed at a khcal site reads Cambodia's days off, days in lieu included.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from khcal.core.model import PUBLIC
from khcal.core.schedule import Occurrence, Schedule

COUNTRY = "KH"


def _dump(value: object) -> bytes:
    """Deterministic JSON: UTF-8 (Khmer as it is), two-space indents, a final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def year_objects(schedule: Schedule, year: int) -> list[dict[str, Any]]:
    """The objects of `khcal list --year YEAR --json --today YEAR-01-01` (English names)."""
    from khcal.text.describe import occurrence_json

    first = date(year, 1, 1)
    return [occurrence_json(o, first, "en") for o in schedule.between(first, date(year, 12, 31))]


def year_json(schedule: Schedule, year: int) -> bytes:
    """`json/YEAR.json`."""
    return _dump(year_objects(schedule, year))


def _launch_year(occ: Occurrence) -> int | None:
    observance = occ.in_lieu_of or occ.observance
    years = [p.since for p in observance.holiday if p.since is not None]
    if len(years) != len(observance.holiday) or not years:
        return None  # a period with no first year: the data do not say when it began
    return min(years)


def _fixed(occ: Occurrence) -> bool:
    """True for a day kept on the same date every year: a fixed rule, no decree moving it, not in lieu."""
    from khcal.core.rules import FixedRule

    observance = occ.observance
    period = observance.period(occ.start.year)
    return (
        occ.in_lieu_of is None
        and isinstance(observance.rule, FixedRule)
        and (period is None or period.rule is None)
        and not observance.exceptions
    )


def nager_objects(schedule: Schedule, year: int) -> list[dict[str, Any]]:
    """The days off of `year` as Nager.Date's PublicHolidayV3 objects, by date then id."""
    from khcal.text.dates import occurrence_name

    out: list[dict[str, Any]] = []
    for day, found in schedule.days_off(year).items():
        for occ in found:
            out.append(
                {
                    "date": day.isoformat(),
                    "localName": occurrence_name(occ, "km"),
                    "name": occurrence_name(occ, "en"),
                    "countryCode": COUNTRY,
                    "fixed": _fixed(occ),
                    "global": True,
                    "counties": None,
                    "launchYear": _launch_year(occ),
                    "types": ["Public"] if occ.scope == PUBLIC else ["Optional"],
                }
            )
    return out


def nager_json(schedule: Schedule, year: int) -> bytes:
    """`api/v3/PublicHolidays/YEAR/KH`."""
    return _dump(nager_objects(schedule, year))
