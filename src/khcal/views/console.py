"""The console khcal prints to, its colour policy, and Khmer-safe wrapped text. Every screen starts here."""

from __future__ import annotations

import sys

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text as RichText

from khcal.views import clusters
from khcal.views.width import cells, use_terminal_widths

OFF_MARK = "●"
PROJECTED_MARK = "*"
OBSERVANCE_MARK = "○"
HOLY_MARK = "·"
DASH = "\u2013"  # the en dash of date spans


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich would exit with 1; let the command line end quietly with 0 instead.
        raise BrokenPipeError


def console(color: bool | None = None) -> Console:
    """A console with the colour the settings chose (`Settings.color`, from --color/--no-color, NO_COLOR
    and FORCE_COLOR): True always, False never, None when stdout is a terminal."""
    use_terminal_widths()
    return _Console(
        no_color=color is False,
        # Told, not left to rich's own reading of NO_COLOR and FORCE_COLOR: the settings have read them.
        force_terminal=True if color else sys.stdout.isatty() if color is False else None,
        highlight=False,
        emoji=False,
    )


class Wrapped:
    """Text that wraps at spaces, and inside a word only between character clusters (Khmer-safe).

    rich folds long words at any code point, which can cut a Khmer syllable and leave a vowel sign or a
    COENG at the edge of a line; this renderable breaks lines with `clusters.wrap` instead.
    """

    def __init__(self, text: RichText | str, style: str = "", indent: int = 0, hang: int = 0) -> None:
        self.text = text if isinstance(text, RichText) else RichText(text, style=style)
        self.indent = indent
        self.hang = hang  # further indent of every line after the first

    def lines(self, width: int) -> list[RichText]:
        plain = self.text.plain
        room = max(1, width - self.indent - self.hang)
        out = []
        for number, (a, b) in enumerate(clusters.wrap(plain, room, cells)):
            # A cluster wider than the room is dropped whole rather than cut (only in absurdly narrow space).
            while b > a and cells(plain[a:b]) > room:
                b = max(x for x, _ in clusters.cluster_spans(plain, a, b))
            pad = self.indent + (self.hang if number else 0)
            out.append(RichText(" " * pad) + self.text[a:b])
        return out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = self.text.plain.split()
        longest = max((cells(w) for w in words), default=0)
        widest = max((cells(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(self.indent + min(longest, widest), self.indent + widest).clamp(
            max_width=options.max_width
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width):
            yield from line.render(console)
            yield Segment.line()
