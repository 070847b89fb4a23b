"""The full command line: the Typer app with every command registered.

Heavy modules (rich, icalendar) are imported inside the commands that need them, so that the predicates
scripts call in loops start fast.
"""

from __future__ import annotations

from khcal.cli import check_help, dates, feeds, work  # noqa: F401  (each registers its commands)
from khcal.cli.root import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the full command line."""
    app(prog_name="khcal")
