"""What people see at a terminal, by screen: the names the command line calls.

console.py (colour, Wrapped text), tables.py (`next`, `list`), observance.py (`show`), calendar.py (`cal`),
today_screen.py (`today`), lunar.py (`lunar`) and weekends.py (`long-weekends`) hold the screens. This
module names them all and imports each screen's module only when it is first used, so that `khcal next`
loads the table and nothing else.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from khcal.views.calendar import calendar as calendar
    from khcal.views.calendar import month_lines as month_lines
    from khcal.views.console import Wrapped as Wrapped
    from khcal.views.console import console as console
    from khcal.views.lunar import lunar_day as lunar_day
    from khcal.views.lunar import lunar_table as lunar_table
    from khcal.views.observance import observance as observance
    from khcal.views.tables import date_span as date_span
    from khcal.views.tables import occurrences as occurrences
    from khcal.views.today_screen import today_screen as today_screen
    from khcal.views.weekends import long_weekends as long_weekends

_HOMES = {
    "Wrapped": "console",
    "calendar": "calendar",
    "console": "console",
    "date_span": "tables",
    "long_weekends": "weekends",
    "lunar_day": "lunar",
    "lunar_table": "lunar",
    "month_lines": "calendar",
    "observance": "observance",
    "occurrences": "tables",
    "today_screen": "today_screen",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"khcal.views.{_HOMES[name]}"), name)
