"""khcal: Cambodia's public holidays, Khmer lunar dates and remembrance days.

`import khcal` is light: `khcal.Calendar` and the rest of the API (khcal.api) load on first use.

    >>> import khcal
    >>> khcal.Calendar().is_workday("2026-04-14")
    False
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing itself is not imported: the command's start-up would pay for it
if TYPE_CHECKING:
    from typing import Any

    from khcal.api import Calendar
    from khcal.errors import DefinitionsError, KhcalError, UnknownObservanceError
    from khcal.settings import Settings

__all__ = ["Calendar", "DefinitionsError", "KhcalError", "Settings", "UnknownObservanceError", "__version__"]

_LAZY = {
    "Calendar": "khcal.api",
    "KhcalError": "khcal.errors",
    "DefinitionsError": "khcal.errors",
    "UnknownObservanceError": "khcal.errors",
    "Settings": "khcal.settings",
}


def __getattr__(name: str) -> Any:
    """The API's names, imported when first asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'khcal' has no attribute '{name}'")
