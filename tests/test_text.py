"""The text layer: every message exists in every language, with the same parameters, and reads right."""

from __future__ import annotations

import inspect
import string

import pytest

from khcal import text
from khcal.errors import DateRangeError, UnknownObservanceError
from khcal.text import en, km


def parameters(message: text.Message) -> set[str]:
    if callable(message):
        return set(inspect.signature(message).parameters)
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_key_in_every_language() -> None:
    assert set(en.MESSAGES) == set(km.MESSAGES)


@pytest.mark.parametrize("key", sorted(en.MESSAGES))
def test_same_parameters_in_every_language(key: str) -> None:
    assert parameters(en.MESSAGES[key]) == parameters(km.MESSAGES[key]), key


@pytest.mark.parametrize("key", sorted(km.MESSAGES))
def test_khmer_messages_are_khmer(key: str) -> None:
    message = km.MESSAGES[key]
    if callable(message):
        return
    words = message
    for _, name, _, _ in string.Formatter().parse(message):
        if name:
            words = words.replace("{" + name + "}", "")
    assert any("\u1780" <= ch <= "\u17ff" for ch in words) or not words.strip(" .,:;()-"), key


def test_khmer_numbers_in_khmer_digits() -> None:
    error = DateRangeError("error.year-range", year=2300, low=1800, high=2200)
    assert str(error) == "year 2300 is outside the supported range 1800-2200"
    assert "២៣០០" in error.message("km") and "១៨០០" in error.message("km")
    assert "2300" not in error.message("km")


def test_unknown_id_in_both_languages() -> None:
    error = UnknownObservanceError("pchum", ["pchum-ben"])
    assert str(error).startswith("unknown observance id 'pchum'; did you mean pchum-ben?")
    assert "pchum-ben" in error.message("km") and "unknown" not in error.message("km")
