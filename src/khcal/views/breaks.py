"""Where a line of text may break: ICU's line breaker for Khmer, held to khcal's own rules.

Khmer puts no space between the words of a phrase, so where a line may end is a matter of a dictionary.
`opportunities()` asks ICU's line break iterator (through `icu4py`, with the Khmer dictionary the phones and
desktops of Khmer readers use; it follows UAX #14 too, so U+200B ZERO WIDTH SPACE is a break and U+00A0
NO-BREAK SPACE is not). It is imported only for a line that has Khmer in it and does not fit: a screen
whose lines fit never loads it, and neither does one in English, which breaks at its spaces.

Whatever the source, a break is kept only where khcal's rules allow it:

- never inside a character cluster (`clusters.can_break`): a vowel sign, a sign or a COENG stays with its
  consonant;
- never after a hyphen-minus: `--extra-off`, `is-holiday` and `2026-04-14` stay whole;
- not between a word and a number that follows or precedes it across one space (`ខួបលើកទី ៤៨`,
  `គម្រប់ ៩១ ឆ្នាំ`, `in 3 weeks`), unless the words and numbers so held together are wider than the line:
  then these breaks are taken before a word is cut;
- after a slash only as those (`Asia/Phnom_Penh`, a web address);
- not inside a proper name, as those too (`name_breaks`).

Without ICU (a platform with no `icu4py` wheel), lines break at spaces and after U+200B, never at U+00A0
nor at the other no-break spaces, and a word wider than its line is cut between clusters.
"""

from __future__ import annotations

import re
import unicodedata

from khcal.views.clusters import can_break, cluster_spans

ZERO_WIDTH_SPACE = "\u200b"
_NO_BREAK = frozenset("\u00a0\u2007\u202f\ufeff")  # NO-BREAK SPACE, FIGURE SPACE, NARROW NBSP, ZWNBSP


def is_space(char: str) -> bool:
    """A space a line may break after (and that is dropped at the end of a line): not a no-break one."""
    return char == "\t" or (unicodedata.category(char) == "Zs" and char not in _NO_BREAK)


def has_khmer(text: str) -> bool:
    """Whether `text` has a character of the Khmer blocks (U+1780-U+17FF, U+19E0-U+19FF)."""
    return any("\u1780" <= c <= "\u17ff" or "\u19e0" <= c <= "\u19ff" for c in text)


def opportunities(text: str) -> list[int]:
    """The offsets, in order, where a new line may start inside one paragraph of `text` (no newline):
    0 < offset < len(text)."""
    return breaks_of(text)[0]


def breaks_of(text: str) -> tuple[list[int], ...]:
    """`opportunities(text)`, then the breaks held back, in the order a line too narrow for what they hold
    together takes them: between a word and a number or after a slash; then inside a proper name."""
    found = icu_breaks(text) if has_khmer(text) else None
    named: set[int] = set()
    bound: set[int] = set()
    if found is None:
        found = space_breaks(text)
    else:
        named, bound = name_breaks(text, found), number_words(text, found)
    kept = [offset for offset in found if whole(text, offset)]
    held = [o for o in kept if o not in named and (o in bound or _soft(text, o))]
    return [o for o in kept if o not in named and o not in held], held, [o for o in kept if o in named]


NUMBER_WORD = 12
"""The most cells of the word a number is read with (`ខួបលើកទី ៤៨`) that `number_words` keeps whole."""


def number_words(text: str, found: list[int]) -> set[int]:
    """ICU's breaks inside the word a number is read with, across one space: `ខួបលើកទី ៤៨` is one unit
    to a Khmer reader, though ICU parts `ខួប|លើក|ទី`. The word runs to the next space or bracket; one
    wider than NUMBER_WORD cells is left to ICU (a phrase, not a word)."""
    from khcal.views.width import cells

    held: set[int] = set()
    for at in range(1, len(text)):
        if not number_and_word(text, at):
            continue
        if _digit(text[at]):  # the word before the number: back to a space or an opening bracket
            start = max(text.rfind(c, 0, at - 1) for c in " ([«") + 1
            end = at - 1
        else:  # the word after it
            start = at
            ends = [i for i in (text.find(c, at) for c in " )]»") if i >= 0]
            end = min(ends, default=len(text))
        if cells(text[start:end]) <= NUMBER_WORD:
            held.update(o for o in found if start < o < end)
    return held


def _soft(text: str, offset: int) -> bool:
    return text[offset - 1] == "/" or number_and_word(text, offset)


def icu_breaks(text: str) -> list[int] | None:
    """ICU's line-break opportunities of `text` in Khmer, or None when icu4py cannot be imported.

    Khmer writes a subscript TA and a subscript DA alike, and people type either (`សប្តាហ៍`, `សប្ដាហ៍`);
    ICU's dictionary knows a word in one spelling only, and cuts the other between syllables. So the text
    is also read with every subscript TA written DA, and with every DA written TA, and only the breaks that
    every reading has are kept.
    """
    try:
        from icu4py.breakers import LineBreaker
    except ImportError:
        return None
    found: set[int] | None = None
    for variant in dict.fromkeys([text, *(text.replace(a, b) for a, b in _SUBSCRIPTS if a in text)]):
        offsets, offset = set(), 0
        # The segments' text, not `segments()`: ICU counts in UTF-16 units, Python in code points.
        for piece in LineBreaker(variant, "km"):
            offset += len(piece)
            offsets.add(offset)
        found = offsets if found is None else found & offsets
    return sorted(o for o in found or () if 0 < o < len(text))


_SUBSCRIPTS = (("\u17d2\u178f", "\u17d2\u178a"), ("\u17d2\u178a", "\u17d2\u178f"))  # COENG TA, COENG DA

SHORT_WORD = 4
"""The most syllables of a word set off by spaces that `name_breaks` keeps whole."""
_FINAL_SIGNS = frozenset("\u17cb\u17cd")  # BANTOC, TOANDAKHIAT: a final consonant, not a syllable of its own


def name_breaks(text: str, found: list[int]) -> set[int]:
    """The breaks of `found` (ICU's) that would part a proper name: taken only when nothing else fits.

    ICU's dictionary does not know most names of people and places, and parts them: `សីហ|មុនី` (two words
    it knows), `ស្រេ|ប្រេ|នី|ត|សា` and `ទុ|ត|ស៊ី` (a syllable at a time, as it cuts any word it lacks). A
    Khmer reader never sees a name cut, so two kinds of ICU break are held back:

    - a break between two pieces of one syllable each: ICU's cut of a word it does not know (two short
      words of the dictionary, `នេះ|ជា`, are also held: a line then ends a syllable earlier, no more);
    - a break inside a word set off by spaces of at most SHORT_WORD syllables: Khmer writes the words of a
      phrase without spaces, so so short a stretch alone between spaces is a name or a title
      (`នរោត្តម សីហមុនី`, `ខៀវ សំផន`, `ទួល ស្លែង`).
    """
    held: set[int] = set()
    bounds = [0, *found, len(text)]
    for before, at, after in zip(bounds, bounds[1:], bounds[2:], strict=False):
        if (
            not is_space(text[at - 1])
            and syllables(text[before:at]) == syllables(text[at:after].rstrip()) == 1
        ):
            held.add(at)
    start = 0
    for end in [*(i for i, char in enumerate(text) if is_space(char)), len(text)]:
        if 1 < syllables(_letters(text[start:end])) <= SHORT_WORD:
            held.update(o for o in found if start < o < end)
        start = end + 1
    return held


def _letters(word: str) -> str:
    """`word` without the signs and punctuation around it (`(`, `។`, `៖`)."""
    return re.sub(r"^[^\u1780-\u17b3]+|[^\u1780-\u17d3]+$", "", word)


def syllables(text: str) -> int:
    """How many syllables `text` writes, when it is Khmer letters only (0 otherwise): its clusters, but a
    final consonant (with BANTOC or TOANDAKHIAT) belongs to the syllable before it (`វ៉ាន់` is one)."""
    if not text or not all("\u1780" <= char <= "\u17d3" for char in text):
        return 0
    spans = list(cluster_spans(text))
    return len(spans) - sum(1 for a, b in spans[1:] if _FINAL_SIGNS & set(text[a:b]))


def space_breaks(text: str) -> list[int]:
    """The breaks of the rules without a dictionary: after a run of spaces, and after U+200B."""
    return [
        i
        for i in range(1, len(text))
        if (is_space(text[i - 1]) and not is_space(text[i])) or text[i - 1] == ZERO_WIDTH_SPACE
    ]


def allowed(text: str, offset: int) -> bool:
    """Whether khcal's rules let a line start at text[offset] (ICU's or the spaces' opportunity)."""
    return whole(text, offset) and not _soft(text, offset)


def whole(text: str, offset: int) -> bool:
    """Not inside a cluster, not after a hyphen-minus."""
    return can_break(text, offset) and text[offset - 1] != "-"


def number_and_word(text: str, offset: int) -> bool:
    """A break after one space between a word and a number: `ខួបលើកទី ៤៨`, `៩១ ឆ្នាំ`."""
    if offset < 2 or not is_space(text[offset - 1]) or is_space(text[offset - 2]):
        return False
    before, after = text[offset - 2], text[offset]
    return (_digit(before) and _letter(after)) or (_letter(before) and _digit(after))


def _digit(char: str) -> bool:
    return unicodedata.category(char) == "Nd"


def _letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"
