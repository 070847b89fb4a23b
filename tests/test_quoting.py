"""A value quoted back in a message: cut to about 80 characters, with characters that act on a terminal
escaped, in every language; paths keep their file name."""

from __future__ import annotations

import pytest

from khcal.errors import KhcalError, Problem
from khcal.text.errors import PATH_LENGTH, QUOTED_LENGTH, shown, shown_path, word


@pytest.mark.parametrize("lang", ["en", "km"])
def test_a_huge_value_is_cut(lang: str) -> None:
    error = KhcalError("error.lunar-phase", value="x" * 10_000_000)
    text = word(error, lang)
    assert len(text) < 400
    assert "x" * (QUOTED_LENGTH - 1) + "\u2026" in text


@pytest.mark.parametrize("lang", ["en", "km"])
def test_terminal_controls_are_escaped(lang: str) -> None:
    error = KhcalError("error.lunar-phase", value="\x1b]0;owned\x07\r\n\u202e")
    text = word(error, lang)
    assert not any(ord(c) < 0x20 or c == "\u202e" for c in text)
    assert "\\x1b]0;owned\\x07\\r\\n\\u202e" in text


def test_problem_fields_are_escaped_and_a_long_path_keeps_its_name() -> None:
    path = "/very" + "/deep" * 100 + "/mine.toml"
    problem = Problem(path, "problem.no-file", line=3, observance="a\nb", field="f" * 500)
    text = word(problem, "en")
    assert "\n" not in text
    assert text.startswith("/very")
    assert "/mine.toml:3:" in text
    assert len(text) < PATH_LENGTH + 3 * QUOTED_LENGTH + 200


def test_shown_leaves_ordinary_text_alone() -> None:
    assert shown("ភ្នំពេញ 2027-01-07") == "ភ្នំពេញ 2027-01-07"
    assert shown_path("/tmp/a.toml") == "/tmp/a.toml"
    assert len(shown("\x00" * 1000)) <= QUOTED_LENGTH + 8
