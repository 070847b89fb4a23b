"""khcal: Cambodia's public holidays, Khmer lunar dates and remembrance days.

`import khcal` is light: `khcal.Calendar`, the errors and the rest of the API load on first use.

    >>> import khcal
    >>> khcal.Calendar().is_workday("2026-04-14")
    False
"""

# No `from __future__ import annotations`: importing `__future__` is a file to find and load before the
# command's entry point (khcal.cli.entry) can make Ctrl-C quiet; the few annotations here are quoted.
__version__ = "0.1.0"

TYPE_CHECKING = False  # typing itself is not imported: the command's start-up would pay for it
if TYPE_CHECKING:  # what type checkers see: the names themselves, and no module __getattr__
    from khcal.api import Calendar
    from khcal.config_file import ConfigError
    from khcal.errors import (
        ArgumentTypeError,
        BadValueError,
        DateRangeError,
        DefinitionsError,
        KhcalError,
        Problem,
        UnknownObservanceError,
    )
    from khcal.parsing import ValueProblem
    from khcal.settings import SettingError, Settings

__all__ = [
    "ArgumentTypeError",
    "BadValueError",
    "Calendar",
    "ConfigError",
    "DateRangeError",
    "DefinitionsError",
    "KhcalError",
    "SettingError",
    "Settings",
    "UnknownObservanceError",
    "ValueProblem",
    "__version__",
]

_LAZY = {
    "Calendar": "khcal.api",
    "ConfigError": "khcal.config_file",
    "SettingError": "khcal.settings",
    "Settings": "khcal.settings",
    "ValueProblem": "khcal.parsing",
    **dict.fromkeys(
        ("ArgumentTypeError", "BadValueError", "DateRangeError", "DefinitionsError", "KhcalError",
         "UnknownObservanceError"),
        "khcal.errors",
    ),
}  # fmt: skip


def word_error(error: "KhcalError | Problem", lang: str = "en") -> str:
    """An error (or a definitions file's problem) in words, in `lang`: what `error.message(lang)` and
    `str(error)` give. The errors carry a key and parameters only; the text layer words them, here, at the
    API's edge, so that neither `khcal.errors` nor the core imports it."""
    from khcal.text.errors import word

    return word(error, lang)


if not TYPE_CHECKING:  # at run time: each name imported when first asked for (PEP 562)

    def __getattr__(name: str) -> object:
        """The API's names, imported when first asked for."""
        if name in _LAZY:
            import importlib

            value = getattr(importlib.import_module(_LAZY[name]), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'khcal' has no attribute '{name}'")

    def __dir__() -> list[str]:
        return sorted({*globals(), *_LAZY})
