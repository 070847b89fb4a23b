"""The fast path reads a command line as the Typer command tree does: its grammar is derived from the tree,
each quick command's body takes the Typer command's parameters, and random command lines give the same
output and exit code both ways."""

from __future__ import annotations

import inspect
import io
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from khcal.cli import app, derive, fastpath, run
from khcal.cli.grammar import COMMANDS


def test_the_grammar_file_is_the_one_the_tree_gives() -> None:
    """`python -m khcal.cli.derive` was run after the last change of a quick command's parameters."""
    from pathlib import Path

    written = Path(derive.__file__).with_name("grammar.py").read_text(encoding="utf-8")
    assert written == derive.source(), "run: python -m khcal.cli.derive"


@pytest.mark.parametrize("words", list(COMMANDS))
def test_each_body_takes_the_typer_commands_parameters(words: str) -> None:
    """A body takes the command's own parameters by name, and the shared ones as one `Options` value."""
    from khcal.cli.inputs import Options

    declared = list(inspect.signature(run.COMMANDS[words]).parameters)
    assert declared[-1] == "options"
    typer_params = list(COMMANDS[words]["defaults"])
    assert declared[:-1] == [p for p in typer_params if p not in Options.names()]
    assert set(typer_params) - set(declared) <= set(Options.names())


def both(argv: list[str]) -> tuple[tuple[int | None, str, str], tuple[int, str, str]]:
    """The fast path's answer (None if it handed the line on) and the full command line's."""
    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.StringIO("2027-01-07\n2027-01-08\n")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            fast = fastpath.dispatch(argv)
    finally:
        sys.stdin = stdin
    full = CliRunner().invoke(app, argv, input="2027-01-07\n2027-01-08\n")
    return (fast, out.getvalue(), err.getvalue()), (full.exit_code, full.stdout, full.stderr)


def test_the_last_of_color_and_no_color_wins_both_ways() -> None:
    for order in (["--color", "--no-color"], ["--no-color", "--color"]):
        fast, full = both(["next", "2", "--today", "2027-01-01", *order])
        assert fast[0] == 0
        assert fast == full
    coloured = both(["next", "2", "--today", "2027-01-01", "--no-color", "--color"])[0][1]
    plain = both(["next", "2", "--today", "2027-01-01", "--color", "--no-color"])[0][1]
    assert "\x1b[" in coloured and "\x1b[" not in plain


def test_the_last_of_an_option_given_twice_wins_both_ways() -> None:
    """2027-01-09 is a Saturday: worked with a Sunday-only weekend, not with Saturday and Sunday."""
    for weekend, code in (["sat,sun", "sun"], 0), (["sun", "sat,sun"], 1):
        argv = ["is-workday", "2027-01-09", "--weekend", weekend[0], "--weekend", weekend[1]]
        fast, full = both([*argv, "--today", "2027-01-01"])
        assert fast == full
        assert fast[0] == code


VALUES = {
    "--today": ["2027-01-05", "2026-04-13", "tomorrow", "2027-02-30"],
    "--tz": ["Asia/Phnom_Penh", "UTC", "Mars/Base"],
    "--lang": ["en", "km", "fr"],
    "--weekend": ["sat,sun", "sun", "fri,sat", "moon"],
    "--sector": ["private", "public", "army"],
    "--extra-off": ["2027-01-06", "x"],
    "--file": ["missing.toml"],
    "--category": ["remembrance", "buddhist", "nope"],
    "--count": ["1", "4", "0"],
    "--format": ["{name}", "{nope}", "{countdown} {name}"],
}
GOOD_WORDS = ["2027-01-07", "2026-04-14", "today", "2027-02-01", "-", "3", "-3"]
BAD_WORDS = ["0", "x", "--", "-h", "--nope", "-qz", "--json=1"]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    words = draw(st.sampled_from(list(COMMANDS)))
    grammar = COMMANDS[words]
    options = sorted(grammar["options"])  # type: ignore[call-overload]
    tokens: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["option", "option", "option", "word", "word", "bad"]))
        if kind != "option":
            tokens.append(draw(st.sampled_from(GOOD_WORDS if kind == "word" else BAD_WORDS)))
            continue
        option = draw(st.sampled_from(options))
        if grammar["options"][option][1] == "flag":  # type: ignore[index]
            tokens.append(option)
        else:
            value = draw(st.sampled_from(VALUES.get(option, ["x"])))
            tokens.extend(draw(st.sampled_from([[option, value], [f"{option}={value}"]])))
    order = draw(st.permutations(tokens)) if draw(st.integers(0, 3)) == 0 else tokens
    return [*words.split(), "--today", "2027-01-05", *order]  # never the real clock; a later --today wins


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=command_lines())
def test_random_command_lines_give_the_same_answer_both_ways(argv: list[str]) -> None:
    """Where the fast path answers, it prints what the full command line prints and exits as it does;
    where it hands a line on, it has printed nothing."""
    fast, full = both(argv)
    if fast[0] is None:
        assert fast[1:] == ("", ""), argv
    else:
        assert fast == full, argv
