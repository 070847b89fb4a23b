"""The fast path reads a command line as the Typer command tree does: its grammar is derived from the tree,
each quick command's body takes the Typer command's parameters, and random command lines give the same
output and exit code both ways."""

from __future__ import annotations

import inspect
import io
import shutil
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

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
    words = draw(st.sampled_from([w for w in COMMANDS if w not in fastpath.WRITES]))  # these: below
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


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_publish_writes_and_says_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`publish` writes files, so it is run both ways in turn over the same folder, not at random: each run
    both ways prints the same line and leaves the same files."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(fastpath, "_hand_over_ctrl_c", lambda: False)  # pytest keeps its own Ctrl-C
    base = ["publish", "site/", "--base-url", "https://example.org/cal", "--today", "2027-01-05"]
    for args in ([], [], ["--from", "2028", "--lang", "km"], ["--to", "2029"]):
        before = snapshot(tmp_path) if (tmp_path / "site").exists() else {}
        fast = io.StringIO()
        with redirect_stdout(fast):
            assert fastpath.dispatch([*base, *args]) == 0
        made = snapshot(tmp_path)
        shutil.rmtree(tmp_path / "site")
        for name, data in before.items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_bytes(data)
        full = CliRunner().invoke(app, [*base, *args])
        assert (full.exit_code, full.stdout) == (0, fast.getvalue()), args
        assert snapshot(tmp_path) == made, args
    assert fast.getvalue().startswith("khcal: site: ") and "removed" in fast.getvalue()


@pytest.mark.parametrize(
    "args",
    [
        ["publish", "out"],  # no --base-url
        ["publish", "out", "--base-url", "ftp://example.org"],
        ["publish", "out", "--base-url", "https://example.org", "--from", "x"],
        ["publish", "out", "--base-url", "https://example.org", "--lang", "fr"],
        ["publish", "--base-url", "https://example.org"],
        ["publish", "out", "--base-url", "https://example.org", "--help"],
    ],
)
def test_publish_hands_every_error_to_the_full_command_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(fastpath, "_hand_over_ctrl_c", lambda: False)
    fast, full = both([*args, "--today", "2027-01-05"])
    assert fast == (None, "", "")
    assert full[0] in (0, 2) and list(tmp_path.iterdir()) == []
