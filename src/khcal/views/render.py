"""What people see at a terminal, by screen: the names the command line calls.

console.py (colour, Wrapped text), tables.py (`next`, `list`), observance.py (`show`), calendar.py (`cal`),
today.py (`today`) and lunar.py (`lunar`) hold the screens; this module gathers them.
"""

from __future__ import annotations

from khcal.views.calendar import calendar, month_lines
from khcal.views.console import Wrapped, color_wanted, console
from khcal.views.lunar import lunar_day, lunar_table
from khcal.views.observance import observance
from khcal.views.tables import date_span, occurrences
from khcal.views.today import today_screen

__all__ = [
    "Wrapped",
    "calendar",
    "color_wanted",
    "console",
    "date_span",
    "lunar_day",
    "lunar_table",
    "month_lines",
    "observance",
    "occurrences",
    "today_screen",
]
