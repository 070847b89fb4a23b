"""What both command lines read from the user and the system: dates, today, the configuration folder, and the
catalogue with the user's files.

Shared by cli.py (the full Typer command line) and fastpath.py (the quick path for the commands scripts run
most), so that the two read input the same way and say the same thing about bad input. Light on purpose:
importing this module costs next to nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from khcal.core.model import LANGUAGES
from khcal.errors import KhcalError

if TYPE_CHECKING:
    from khcal.core.model import Catalogue

DEFAULT_TZ = "Asia/Phnom_Penh"
LANGS = LANGUAGES
_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}


def parse_day(text: str, today: date | Callable[[], date], what: str = "date") -> date:
    """A DATE argument: YYYY-MM-DD, today, tomorrow or yesterday.

    `today` may be a function, called only for the words, so that a plain date never needs the clock.
    """
    from khcal.core.schedule import check_date

    value = text.strip().lower()
    if value in _WORDS:
        base = today if isinstance(today, date) else today()
        day = base + timedelta(days=_WORDS[value])
    else:
        try:
            if len(value) != 10:
                raise ValueError
            day = date.fromisoformat(value)
        except ValueError:
            raise KhcalError(f"{what}: '{text}' is not a date (use YYYY-MM-DD, today or tomorrow)") from None
    check_date(day)
    return day


def today_in(tz: str) -> date:
    """Today's date in an IANA time zone."""
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise KhcalError(
            f"--tz: unknown time zone '{tz}' (use an IANA name such as Asia/Phnom_Penh)"
        ) from None
    return datetime.now(zone).date()


def config_home() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME")
    return Path(base) if base else Path.home() / ".config"


def load_catalogue(files: Sequence[str | Path] | None) -> Catalogue:
    """The built-in catalogue, the user's definitions folder, then `files`, each merged over the last."""
    from khcal.core import definitions as catalogue

    user = catalogue.user_definition_files(config_home())
    return catalogue.load([*user, *(Path(f) for f in files or ())])
