"""Every sentence khcal shows a user: one table per language (`en`, `km`), keyed by message.

`say(lang, key, **params)` words a message. A table entry is a `str.format` template or, where the grammar
needs it (plurals, lists), a function of the same parameters. In Khmer, whole-number parameters are written
in Khmer digits (a Khmer function receives them as text already), so the code that calls `say` never
chooses digits or words by language: only this module looks at the language. tests/test_text.py checks
that every key exists in every language with the same parameters, and that no other module branches on
the language.

Adding a language is one more table beside en.py and km.py (with its feeds' part, as en_feeds.py), and the
names in the data.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Union


if TYPE_CHECKING:
    Message = Union[str, Callable[..., str]]  # noqa: UP007
LANGUAGES = ("en", "km")

_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def khmer_digits(value: int | str) -> str:
    """`2026` -> `២០២៦`: digits in Khmer, everything else as it is."""
    return str(value).translate(_KHMER_DIGITS)


def table(lang: str) -> Mapping[str, Message]:
    """The messages of a language (English for a language khcal does not have)."""
    if lang == "km":
        from khcal.text import km

        return km.MESSAGES
    from khcal.text import en

    return en.MESSAGES


def digits(lang: str, value: int | str) -> str:
    """A number (or an ISO date, a time) written in the digits of `lang`."""
    return khmer_digits(value) if lang == "km" else str(value)


def has(lang: str, key: str) -> bool:
    """True when the tables word `key` (a user's own category, for one, is not in them)."""
    return key in table(lang)


def say(lang: str, key: str, /, **params: object) -> str:
    """The message `key` in `lang`, with its parameters filled in."""
    found = table(lang)[key]
    if lang == "km":
        params = {
            k: khmer_digits(v) if isinstance(v, int) and not isinstance(v, bool) else v
            for k, v in params.items()
        }
    return found(**params) if callable(found) else found.format(**params)
