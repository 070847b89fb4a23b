"""The command line: the Typer app (`commands`) and the fast path for the commands scripts run most.

Importing this package costs nothing: `app` and `main` load Typer only when asked for, so that the fast
path (`khcal.cli.fastpath`) starts without it.
"""

# No `from __future__ import annotations`: the `khcal` command imports this package before its entry point
# (khcal.cli.entry) makes Ctrl-C quiet, and `__future__` would be one more module to load first.
TYPE_CHECKING = False  # typing itself is not imported: the command's start-up would pay for it
if TYPE_CHECKING:
    from typing import Any


def __getattr__(name: str) -> "Any":
    if name in ("app", "main"):
        from khcal.cli import commands

        return getattr(commands, name)
    raise AttributeError(f"module 'khcal.cli' has no attribute '{name}'")
