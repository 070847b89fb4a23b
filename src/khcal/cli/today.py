"""`khcal today`, answered the same way by the Typer command and the fast path (fastpath.py).

The screen needs rich; the one-line forms (`--short`, `--format`, `--waybar`) and `--json` do not, so a
status bar that runs `khcal today --short` every few seconds starts neither Typer nor rich.
"""

from __future__ import annotations

import sys

from khcal.cli.inputs import colour, number
from khcal.errors import KhcalError

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from khcal.api import Calendar


def show(
    calendar: Calendar,
    count: str,
    *,
    short: bool = False,
    template: str | None = None,
    waybar: bool = False,
    as_json: bool = False,
) -> None:
    """Write today's summary as the options ask; KhcalError (before anything is written) for bad ones."""
    if as_json:
        for flag, given in (("--short", short), ("--format", template is not None), ("--waybar", waybar)):
            if given:
                raise KhcalError("error.options.together", first=flag, second="--json")
    from khcal.text import line

    if template is not None:
        line.check_template(template)
    settings = calendar.settings
    found = calendar.summary(number(count, "--count", 1, 100))
    shape = line.SHORT if template is None else template
    if waybar:
        import json

        value = line.waybar(found, settings.lang, shape)
        sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")  # one line: waybar reads lines
    elif short or template is not None:
        sys.stdout.write(line.fill(shape, found, settings.lang) + "\n")
    elif as_json:
        import json

        from khcal.text.today import summary_json

        value = summary_json(found, settings.lang)
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    else:
        from khcal.views import render

        with colour(settings):
            render.today_screen(found, settings.lang, no_color=settings.color is False)
