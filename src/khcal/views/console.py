"""The console khcal prints to, its colour policy, and Khmer-safe wrapped text. Every screen starts here."""

from __future__ import annotations

import sys
from itertools import pairwise

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
    """Text that wraps as `clusters.wrap` does: between words (ICU's Khmer dictionary; spaces), never inside
    a cluster, never at a no-break space, a number kept with its word.

    rich folds long words at any code point, which can cut a Khmer syllable and leave a vowel sign or a
    COENG at the edge of a line. `lead` goes before the first line, and every later line is indented by its
    width (a hanging label); `hang` indents every line after the first further. In a table cell, the
    column's `justify="right"` is followed.
    """

    def __init__(
        self,
        text: RichText | str,
        style: str = "",
        indent: int = 0,
        hang: int = 0,
        lead: RichText | str = "",
    ) -> None:
        self.text = text if isinstance(text, RichText) else RichText(text, style=style)
        self.lead = lead if isinstance(lead, RichText) else RichText(lead)
        self.indent = indent + cells(self.lead.plain)
        self.hang = hang  # further indent of every line after the first
        # rich measures and renders a table cell more than once: each answer is kept.
        self._lines: dict[tuple[int, str | None], list[RichText]] = {}
        self._measure: tuple[int, int] | None = None

    def lines(self, width: int, justify: str | None = None) -> list[RichText]:
        if (width, justify) not in self._lines:
            self._lines[width, justify] = self._layout(width, justify)
        return self._lines[width, justify]

    def _layout(self, width: int, justify: str | None) -> list[RichText]:
        plain = self.text.plain
        room = max(1, width - self.indent - self.hang)
        out = []
        for number, (a, b) in enumerate(clusters.wrap(plain, room, cells)):
            # A cluster wider than the room is dropped whole rather than cut (only in absurdly narrow space).
            while b > a and cells(plain[a:b]) > room:
                b = max(x for x, _ in clusters.cluster_spans(plain, a, b))
            if number == 0 and self.lead:
                line = self.lead + RichText(" " * (self.indent - cells(self.lead.plain))) + self.text[a:b]
            else:
                line = RichText(" " * (self.indent + (self.hang if number else 0))) + self.text[a:b]
            if justify == "right":
                line = RichText(" " * max(0, width - cells(line.plain))) + line
            out.append(line)
        return out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """The narrowest: the widest piece between spaces a line may break at (without ICU's dictionary,
        which is loaded only when a line must wrap); the widest: the longest line."""
        if self._measure is None:
            paragraphs = self.text.plain.split("\n")
            longest = max((_widest_piece(p) for p in paragraphs), default=0)
            widest = max((cells(line) for line in paragraphs), default=0)
            self._measure = (self.indent + min(longest, widest), self.indent + widest)
        return Measurement(*self._measure).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width, options.justify):
            yield from line.render(console)
            yield Segment.line()


def _widest_piece(paragraph: str) -> int:
    from khcal.views.breaks import allowed, space_breaks

    stops = [0, *(b for b in space_breaks(paragraph) if allowed(paragraph, b)), len(paragraph)]
    return max(cells(paragraph[a:b].strip()) for a, b in pairwise(stops))
