"""Line wrapping that never cuts a character cluster: Khmer-safe text layout for the terminal.

Khmer writes a syllable as a base letter followed by combining vowel signs and diacritics, and stacks a
consonant under another with the invisible COENG sign (U+17D2). Cutting a line inside such a cluster
leaves a vowel sign with nothing to sit on, or a dangling COENG. Khmer also rarely puts spaces between
words, so a plain "fold at the column" breaks text almost anywhere. The functions here break lines at
spaces when they can, and otherwise only between clusters.

Pure functions: the caller passes `measure`, the width of a string in terminal cells, so the wrapping
agrees with the renderer's own measure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

COENG = "\u17d2"
"""KHMER SIGN COENG: the next consonant is written below the previous one."""

_JOINERS = frozenset({"\u200c", "\u200d"})  # ZERO WIDTH NON-JOINER and JOINER stay with their cluster
_WORD = re.compile(r"\S+")

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

    Lines break at spaces (which are dropped at the break); a word wider than the line is cut between
    clusters. Leading spaces of a paragraph and newlines are kept. A single cluster wider than `width`
    gets a line of its own.
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


def _wrap_paragraph(text: str, width: int, measure: Measure) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    used = 0
    for word in _WORD.finditer(text):
        word_start, word_end = word.span()
        size = measure(text[word_start:word_end])
        if start is not None:
            gap = measure(text[end:word_start])
            if used + gap + size <= width:
                end, used = word_end, used + gap + size
                continue
            lines.append((start, end))
            start = None
        # The first line keeps the paragraph's indentation when it fits.
        indent = measure(text[:word_start]) if not lines and start is None else 0
        if indent > 0 and indent + size <= width:
            start, end, used = 0, word_end, indent + size
            continue
        if size <= width:
            start, end, used = word_start, word_end, size
            continue
        piece, used = word_start, 0
        for a, b in cluster_spans(text, word_start, word_end):
            cells = measure(text[a:b])
            if used and used + cells > width:
                lines.append((piece, a))
                piece, used = a, 0
            used += cells
        start, end = piece, word_end
    if start is not None:
        lines.append((start, end))
    return lines
