"""`khcal today`: the day, its Khmer lunar date, whether it is a day off, and what comes next.

Pure: the summary is computed from a schedule and a day passed in; `khcal.text.today` words it.
"""

from __future__ import annotations

from datetime import date

from khcal.core import khmer_calendar
from khcal.core.records import record
from khcal.core.schedule import Filter, Occurrence, Schedule

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Collection


@record
class Summary:
    day: date
    lunar: khmer_calendar.LunarDate
    days_off: tuple[Occurrence, ...]  # what makes the day a day off, if it is one
    weekend: bool
    observances: tuple[Occurrence, ...]  # what the filter shows on the day
    coming: tuple[Occurrence, ...]  # the next occurrences that start after the day

    @property
    def day_off(self) -> bool:
        return bool(self.days_off)

    @property
    def workday(self) -> bool:
        return not self.day_off and not self.weekend


def summarise(
    schedule: Schedule, day: date, only: Filter, weekend: Collection[int], count: int = 3
) -> Summary:
    on_day = tuple(schedule.on(day, only))
    coming = [o for o in schedule.upcoming(day, count + len(on_day), only) if o.start > day]
    return Summary(
        day=day,
        lunar=khmer_calendar.to_lunar(day),
        days_off=schedule.days_off(day.year).get(day, ()),
        weekend=day.weekday() in weekend,
        observances=on_day,
        coming=tuple(coming[:count]),
    )
