"""Every option and argument of every command, given hostile values: unicode digits, control characters,
huge numbers, paths, zone-like names, option names, empty strings. The commands and their parameters are
taken from the Typer tree (as khcal.cli.derive takes them), so a new option is fuzzed without a change here.

Each command line runs in this process through the real entry point (`khcal.cli.fastpath.main`: the fast
path, else the full command line), so that thousands of them run in seconds. Whatever the values: an exit
code of 0, 1 (is-holiday, is-workday) or 2, no traceback, at most one line on stderr for a 2, and an answer
within a time limit. `serve` is stopped before it listens and `publish` and `export -o` write only inside
the test's folder.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khcal.cli import fastpath

TODAY = ["--today", "2027-01-05"]  # never the real clock: a --today drawn later wins
STDIN = "2027-01-07\n\x1b[31mnot a date\n²²²²-01-01\n2026-04-14\n"
LIMIT = 20.0
"""Seconds one command line may take, whatever its values (most take a few milliseconds)."""

SUPER, ARABIC, FULL, MATH = "\u00b2", "\u0660", "\uff10", "\U0001d7d8"  # each kind's zero (superscript: two)
DIGITS = [
    SUPER * 4, "".join(chr(ord(ARABIC) + int(d)) for d in "2026"), "២០២៦", "២០២៦-០៤-១៤",
    "".join(chr(ord(FULL) + int(d)) for d in "12"), "".join(chr(ord(MATH) + int(d)) for d in "2026"),
    "".join(chr(ord(ARABIC) + int(d)) if d.isdigit() else d for d in "2026-01-01"), "2_026", "+5", "-០",
    "2026\u00a0", "\u00bd", "\u216b", f"2026-0{SUPER}-01", f"5{SUPER}", "៣",
]  # fmt: skip
CONTROLS = [
    "\x1b[31m", "\x00", "2026\x00", "\r", "\n2026", "2026\n", "\u202e2026", "\x7f", "\x1b]0;title\x07",
    "\u2028", "\t", "a\x00b",
]  # fmt: skip
NUMBERS = [
    "9" * 30, "-" + "9" * 30, "9" * 5000, "1e9", "0x10", "1.5", "-1", "0", "1", "3", "100", "10001",
    "65535", "65536", "70000", "-0", "00002026", "1799", "1800", "2200", "2201", "99999", "-2026",
]  # fmt: skip
PATHS = [
    "../../etc/passwd", "/etc/passwd", "/", ".", "..", "~", "~/x.toml", "/nonexistent/x.toml", "/dev/null",
    "x.toml", "a/b/c", "/tmp", "" + "x" * 300,
]  # fmt: skip
ZONES = [
    "Asia", "Asia/", "/UTC", "Asia/../UTC", "A" * 300, "UTC", "Asia/Phnom_Penh", "Etc/GMT+7", "zoneinfo",
    "tzdata", "__init__", "posixrules", "Asia/Phnom_Penh\x00", "asia/phnom_penh", "Europe/London/x",
    "../../../../etc/localtime", "Factory",
]  # fmt: skip
OPTIONS = ["--help", "-h", "--json", "-q", "--", "-", "--tz", "--from=2026", "--nope", "-x", "--lang=km"]
EMPTY = ["", " ", "\t", "  \n  "]
PLAIN = [
    "2026", "2026-04-14", "today", "tomorrow", "7 Jan 2027", "2027/1/7", "01/02/2027", "km", "en", "sat,sun",
    "none", "public", "private", "127.0.0.1", "::1", "[::1]", "localhost", "256.1.1.1", "0.0.0.0", "a..b",
    "-PT15H", "-P1D", "P" * 100, "remembrance", "pchum-ben", "{name}", "{", "{date:>9}", "definitions",
    "https://example.org", "x" * 100_000,
]  # fmt: skip
CORPUS = [*DIGITS, *CONTROLS, *NUMBERS, *PATHS, *ZONES, *OPTIONS, *EMPTY, *PLAIN]
ODD_CHARS = "0123456789\u00b2\u0662២\x00\x1b\n\r\t -_+/.:,{}[]~\u202e\u00a0aZ"

values = st.one_of(
    st.sampled_from(CORPUS),
    st.sampled_from(CORPUS).flatmap(lambda v: st.sampled_from([v + v, " " + v, v + "-01-01", "2026-" + v])),
    st.text(alphabet=ODD_CHARS, max_size=12),
    st.text(max_size=12),
)


# --- the commands, from the Typer tree -------------------------------------------------------------------


def _commands() -> dict[str, Any]:
    """Every command by its words (`workdays add`), as click commands."""
    import typer.main

    from khcal.cli import app

    found: dict[str, Any] = {}

    def walk(command: Any, words: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if children is None:
            found[" ".join(words)] = command
            return
        for name, child in children.items():
            walk(child, (*words, name))

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _commands()
WRITES = {"output", "folder"}
"""Parameters naming a file or folder khcal writes: kept inside the test's folder."""


def _inside(value: str) -> str:
    """A path made relative and kept below the current folder (a value that is no path stays as it is)."""
    if value in ("-", ""):
        return value
    parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".", "..", "~")]
    return "/".join(["out", *parts])


@st.composite
def command_lines(draw: st.DrawFn, words: str) -> list[str]:
    """A command line of `words` with some of its parameters, each given a hostile value."""
    command = COMMANDS[words]
    tokens: list[str] = []
    positional: list[str] = []
    for param in command.params:
        if param.name in ("help",) or not draw(st.booleans()):
            continue
        if param.param_type_name == "argument":
            value = draw(values)
            positional.append(_inside(value) if param.name in WRITES else value)
            continue
        names = [*param.opts, *getattr(param, "secondary_opts", [])]
        name = draw(st.sampled_from(names))
        if param.is_flag:
            tokens.append(name)
            continue
        value = draw(values)
        value = _inside(value) if param.name in WRITES else value
        tokens.extend(draw(st.sampled_from([[name, value], [f"{name}={value}"]])) if name.startswith("--")
                      else [name, value])  # fmt: skip
    order = draw(st.permutations(tokens)) if draw(st.booleans()) else tokens
    takes_today = any("--today" in getattr(p, "opts", ()) for p in command.params)
    return [*words.split(), *(TODAY if takes_today else []), *positional, *order]


# --- running one command line ----------------------------------------------------------------------------


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """`serve` checks its options and settings, then stops before listening; commands run in tmp_path. The
    click tree Typer builds from the app at each run is built once (the same tree: only the time differs)."""
    import functools

    import typer.main

    from khcal.feeds import server

    monkeypatch.setattr(typer.main, "get_command", functools.cache(typer.main.get_command))
    monkeypatch.setattr(server, "make_server", lambda *a, **k: None)
    monkeypatch.setattr(server, "run", lambda made: None)
    monkeypatch.chdir(tmp_path)
    yield


def run_main(argv: list[str]) -> tuple[int, str, str]:
    """`khcal ARGV` through the entry point in this process: exit code, stdout, stderr."""
    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict") for _ in "12")
    saved = sys.argv, sys.stdin
    sys.argv, sys.stdin = ["khcal", *argv], io.StringIO(STDIN)
    code: object = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            fastpath.main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv, sys.stdin = saved
    texts = []
    for stream in (out, err):
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    return (0 if code is None else code), texts[0], texts[1]  # type: ignore[return-value]


def check(words: str, argv: list[str]) -> None:
    started = time.monotonic()
    code, out, err = run_main(argv)
    took = time.monotonic() - started
    allowed = {0, 1, 2} if words in ("is-holiday", "is-workday") else {0, 2}
    assert code in allowed, (argv, code, err[-2000:])
    assert "Traceback" not in err and "Traceback" not in out, (argv, err[-2000:])
    batch = any(word.strip() == "-" for word in argv)  # DATE `-` (spaces around too): a line per bad line
    if code == 2 and not batch:
        assert len(err.splitlines()) <= 1, (argv, err[:2000])
        assert err.startswith("khcal: ") or err == "", (argv, err[:2000])
    assert took < LIMIT, (argv, took)


FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.mark.parametrize("words", sorted(COMMANDS))
@FUZZ
@given(data=st.data())
def test_hostile_values_in_every_parameter(words: str, data: st.DataObject, no_server: None) -> None:
    """Each command with hostile values in any of its options and arguments: one line, exit 2, or an
    answer; never a traceback."""
    argv = data.draw(command_lines(words))
    check(words, argv)


def test_every_command_is_fuzzed() -> None:
    """The tree has the commands the contract lists, so that the fuzzing above covers each."""
    expected = {
        "next", "list", "show", "lunar", "is-holiday", "is-workday", "workdays count", "workdays add",
        "workdays next", "workdays prev", "long-weekends", "export", "serve", "publish", "check", "cal",
        "today", "help",
    }  # fmt: skip
    assert expected <= set(COMMANDS)
