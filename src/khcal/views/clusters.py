"""Line wrapping that never cuts a character cluster: Khmer-safe text layout for the terminal.

Khmer writes a syllable as a base letter followed by combining vowel signs and diacritics, and stacks a
consonant under another with the invisible COENG sign (U+17D2). Cutting a line inside such a cluster
leaves a vowel sign with nothing to sit on, or a dangling COENG. Khmer also puts no spaces between the
words of a phrase, so a plain "fold at the column" breaks text almost anywhere. `wrap` breaks lines where
`breaks.opportunities` allows (between words, as ICU's Khmer dictionary finds them, and at spaces), and
cuts a word inside only when it is wider than the line, and then only between clusters.

Pure functions: the caller passes `measure`, the width of a string in terminal cells, so the wrapping
agrees with the renderer's own measure.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

COENG = "\u17d2"
"""KHMER SIGN COENG: the next consonant is written below the previous one."""

_JOINERS = frozenset({"\u200c", "\u200d"})  # ZERO WIDTH NON-JOINER and JOINER stay with their cluster

Measure = Callable[[str], int]


def joins_previous(char: str) -> bool:
    """True for a character that belongs to the cluster of the character before it."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or char in _JOINERS


def cluster_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of each character cluster of text[start:end]."""
    stop = len(text) if end is None else end
    if start >= stop:
        return
    first = start
    for i in range(start + 1, stop):
        if joins_previous(text[i]) or text[i - 1] == COENG or text[i - 1] in _JOINERS:
            continue
        yield first, i
        first = i
    yield first, stop


def can_break(text: str, offset: int) -> bool:
    """True when a line may end just before text[offset] without cutting a cluster."""
    if offset <= 0 or offset >= len(text):
        return True
    return not (joins_previous(text[offset]) or text[offset - 1] == COENG or text[offset - 1] in _JOINERS)


def wrap(text: str, width: int, measure: Measure) -> list[tuple[int, int]]:
    """The (start, end) offsets of each line of `text` wrapped to `width` cells.

    Each newline ends a line. A paragraph that fits is one line, as it is; one that does not breaks where
    `breaks.opportunities` allows (ICU's Khmer line breaker held to whole clusters, spaces otherwise), and
    the spaces at a break are dropped. A word wider than the line is cut between clusters. The first line
    keeps the paragraph's indentation when it fits. A single cluster wider than `width` gets a line of its
    own.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        found = _wrap_paragraph(paragraph, width, measure)
        if found:
            lines.extend((offset + a, offset + b) for a, b in found)
        else:
            lines.append((offset, offset))
        offset += len(paragraph) + 1
    return lines


def fill(text: str, width: int, measure: Measure, first: str = "", later: str = "") -> str:
    """`text` wrapped to `width` cells as `wrap` does, its first line after `first` and the others after
    `later` (a label and its hanging indent)."""
    room = max(1, width - max(measure(first), measure(later)))
    return "\n".join(
        (later if i else first) + text[a:b] for i, (a, b) in enumerate(wrap(text, room, measure))
    )


def _wrap_paragraph(text: str, width: int, measure: Measure) -> list[tuple[int, int]]:
    from khcal.views import breaks

    end = _trimmed(text, len(text))
    if measure(text[:end]) <= width:
        return [(0, end)] if end else []
    indent = len(text) - len(text.lstrip(" "))
    # Each tier adds the breaks held back until then: a word and its number, then a name's syllables.
    tiers, taken = [], [len(text)]
    for found in breaks.breaks_of(text):
        taken = sorted(taken + [b for b in found if b > indent])
        tiers.append(taken)
    lines: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        stop = _last_fit(text, start, tiers[0], width, measure)
        if stop is None and start == 0 and indent:
            start = indent  # the indentation is dropped when the first piece does not fit after it
            continue
        for wider in tiers[1:]:
            stop = stop or _last_fit(text, start, wider, width, measure)
        if stop is None:
            # The piece up to the next opportunity is wider than the line: cut it between clusters.
            stop = _cut(text, start, _trimmed(text, next(b for b in taken if b > start)), width, measure)
            lines.append((start, stop))
        else:
            lines.append((start, _trimmed(text, stop)))
        start = _skip_spaces(text, stop)
    return lines


def _skip_spaces(text: str, start: int) -> int:
    """`start` moved over the spaces a line does not begin with (those of a break)."""
    from khcal.views.breaks import ZERO_WIDTH_SPACE, is_space

    while start < len(text) and (is_space(text[start]) or text[start] == ZERO_WIDTH_SPACE):
        start += 1
    return start


def _last_fit(text: str, start: int, stops: list[int], width: int, measure: Measure) -> int | None:
    """The opportunity a line from `start` ends at: the farthest within `width`, unless a space comes close
    enough before it (the line still three quarters as wide): a break at a space is the safer, since a name
    a dictionary does not know may be cut between its syllables."""
    found, reach, at_space, used_there = None, 0, None, 0
    for stop in stops:
        if stop <= start:
            continue
        used = measure(text[start : _trimmed(text, stop)])
        if used > width:
            break
        found, reach = stop, used
        if stop == len(text) or _trimmed(text, stop) < stop:
            at_space, used_there = stop, used
    if at_space is not None and at_space != found and 4 * used_there >= 3 * reach:
        return at_space
    return found


def _trimmed(text: str, end: int) -> int:
    """`end` moved back over the spaces (and zero width spaces) a line drops at its end."""
    from khcal.views.breaks import ZERO_WIDTH_SPACE, is_space

    while end > 0 and (is_space(text[end - 1]) or text[end - 1] == ZERO_WIDTH_SPACE):
        end -= 1
    return end


def _cut(text: str, start: int, end: int, width: int, measure: Measure) -> int:
    """Where a line that starts at `start` inside the too wide piece text[start:end] ends: the last
    cluster boundary that fits, after one cluster at least."""
    used = 0
    for a, b in cluster_spans(text, start, end):
        used += measure(text[a:b])
        if used > width and a > start:
            return a
    return end
