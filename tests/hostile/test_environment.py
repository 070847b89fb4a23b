"""Hostile environments, each through the installed `khcal`: locales that cannot write Khmer, Ctrl-C at
any moment, odd `HOME` and `XDG_*` folders, settings and cache files that are FIFOs or devices, a closed
output. Never a traceback, at most one line on stderr, never a hang, never a folder made unasked."""

from __future__ import annotations

import ctypes
import os
import pty
import re
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

import khcal as package
from support import definitions
from support.hostile_runs import KHCAL, khcal, one_line, snapshot

TODAY = ("--today", "2026-04-10")
KHMER = re.compile("[\u1780-\u17ff]")
PACKAGE = os.path.dirname(os.path.abspath(package.__file__))

# The quick commands (the fast path) and commands of the full command line (Typer), in Khmer.
COMMANDS = [
    ("next", *TODAY, "--lang", "km"),
    ("today", *TODAY, "--lang", "km"),
    ("is-holiday", "2026-04-14", "--lang", "km"),
    ("today", "--short", *TODAY, "--lang", "km"),
    ("list", *TODAY, "--lang", "km"),
    ("cal", *TODAY, "--lang", "km"),
    ("show", "khmer-new-year", *TODAY, "--lang", "km"),
    ("lunar", "2026-04-14", "--lang", "km"),
    ("export", "--from", "2026", "--to", "2026", "--lang", "km"),
    ("help", "--lang", "km"),
    ("list", "--help", "--lang", "km"),
    ("is-holiday", "nonsense", "--lang", "km"),  # errors, worded in Khmer
    ("show", "\udcff", "--lang", "km"),  # a byte no encoding decodes, quoted back
    ("list", "--category", "\udcff", *TODAY, "--lang", "km"),
]
FAILING = {"nonsense", "\udcff"}


def _named(args: tuple[str, ...]) -> str:
    return " ".join(args).encode("ascii", "backslashreplace").decode()


@pytest.fixture(scope="module")
def latin1(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A real ISO-8859-1 locale, compiled for the tests (localedef, from glibc's locale sources)."""
    folder = tmp_path_factory.mktemp("locales")
    subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(folder / "en_US.ISO-8859-1")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return {"LOCPATH": str(folder), "LC_ALL": "en_US.ISO-8859-1"}


LOCALES = {
    "C": {"LC_ALL": "C"},
    "POSIX and ascii": {"LC_ALL": "POSIX", "PYTHONIOENCODING": "ascii"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "latin-1 streams": {"PYTHONIOENCODING": "latin-1"},
    "C, no UTF-8 mode": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}


@pytest.mark.parametrize("args", COMMANDS, ids=_named)
@pytest.mark.parametrize(
    "locale",
    ["ascii", "ISO-8859-1", *(pytest.param(n, marks=pytest.mark.slow) for n in LOCALES if n != "ascii")],
)
def test_pipes_get_utf8_whatever_the_locale(
    args: tuple[str, ...], locale: str, latin1: dict[str, str]
) -> None:
    env = latin1 if locale == "ISO-8859-1" else LOCALES[locale]
    done = khcal(*args, env=env)
    expected = 2 if FAILING & set(args) else 0
    assert done.returncode == expected, done.stderr
    said = one_line(done.stderr)
    text = done.stdout.decode("utf-8") + said  # UTF-8, whatever the locale
    assert KHMER.search(text), text[:200]


def _on_a_terminal(args: tuple[str, ...], env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal; the exit code and what the terminal received."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [KHCAL, *args], stdin=subprocess.DEVNULL, stdout=child, stderr=child, env={**os.environ, **env}
    )
    os.close(child)
    received = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            received += chunk
        elif process.poll() is not None:
            break
    os.close(main)
    return process.wait(60), received.decode("ascii", "replace")


@pytest.mark.parametrize("args", [COMMANDS[0], COMMANDS[4], COMMANDS[-1]], ids=_named)
def test_a_terminal_that_cannot_show_khmer_gets_escapes_not_a_crash(args: tuple[str, ...]) -> None:
    code, shown = _on_a_terminal(args, {"PYTHONIOENCODING": "ascii", "COLUMNS": "80"})
    assert code == (2 if FAILING & set(args) else 0), shown
    assert "Traceback" not in shown
    assert re.search(r"\\u17[0-9a-f]{2}", shown), shown[:300]


# --- Ctrl-C ---------------------------------------------------------------------------------------------


def _khcal_frames(stderr: str) -> list[str]:
    return [f for f in re.findall(r'File "([^"]+)"', stderr) if f.startswith(PACKAGE)]


@pytest.mark.slow
@pytest.mark.parametrize("args", [("next", *TODAY), ("list", *TODAY), ("export", "--from", "2026")])
def test_ctrl_c_at_any_moment_exits_130_quietly(args: tuple[str, ...]) -> None:
    """SIGINT after 0, 5, 10 ... 200 ms. Before khcal's entry module runs (Python's own start-up and the
    installer's `khcal` script importing `re`, a few milliseconds) a Ctrl-C is Python's, which may print
    its traceback: none may come from khcal's code."""
    for delay in range(0, 205, 5):
        process = subprocess.Popen(
            [KHCAL, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        time.sleep(delay / 1000)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        stderr = err.decode("utf-8", "replace")
        assert not _khcal_frames(stderr), (delay, stderr)
        if "Traceback" in stderr or process.returncode == 1:
            # Python's own, before khcal's code ran (a start-up it could not finish exits 1)
            assert "KeyboardInterrupt" in stderr, (delay, stderr)
            continue
        assert process.returncode in (0, 130, -signal.SIGINT), (delay, stderr)
        one_line(stderr)


@pytest.mark.slow
def test_ctrl_c_stops_a_long_export_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "feed.ics"
    codes = []
    for delay in (0.3, 0.8, 1.5):
        process = subprocess.Popen(
            [KHCAL, "export", "--from", "1950", "--to", "2049", "-o", str(target)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode in (0, 130), err
        one_line(err)
        assert [p.name for p in tmp_path.iterdir()] in ([], ["feed.ics"])
        codes.append(process.returncode)
    assert 130 in codes  # a 100-year feed takes longer than that: khcal's own handling answered


def test_ctrl_c_stops_the_server_cleanly() -> None:
    process = subprocess.Popen(
        [KHCAL, "serve", "--port", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        assert b"serving" in process.stdout.readline()
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert one_line(err) == "khcal: stopped"


def test_ctrl_c_ignored_by_the_parent_stays_ignored() -> None:
    """A job a shell started in the background ignores SIGINT: khcal does not take it back."""
    process = subprocess.Popen(
        [KHCAL, "export", "--from", "2000", "--to", "2049"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )  # fmt: skip
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0 and one_line(err) == ""
    assert out.endswith(b"END:VCALENDAR\r\n")


# --- HOME and XDG folders -------------------------------------------------------------------------------

NOWHERE = ("/.cache", "/.config", "/khcal", "/nonexistent")


ODD = [
    "no HOME", "HOME empty", "HOME relative", "HOME /", "HOME missing", "HOME a file", "HOME /dev/null",
    "XDG empty", "XDG relative", "XDG /", "XDG a file", "XDG /dev/null", "XDG missing config",
]  # fmt: skip


def _odd_environments(tmp: Path) -> dict[str, dict[str, str]]:
    a_file = tmp / "a-file"
    a_file.write_text("not a folder")
    return {
        "no HOME": {},
        "HOME empty": {"HOME": ""},
        "HOME relative": {"HOME": "relative/home"},
        "HOME /": {"HOME": "/"},
        "HOME missing": {"HOME": "/nonexistent"},
        "HOME a file": {"HOME": str(a_file)},
        "HOME /dev/null": {"HOME": "/dev/null"},
        "XDG empty": {"HOME": "/nonexistent", "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": ""},
        "XDG relative": {"HOME": "/nonexistent", "XDG_CONFIG_HOME": "cfg", "XDG_CACHE_HOME": "cache"},
        "XDG /": {"HOME": "/nonexistent", "XDG_CONFIG_HOME": "/", "XDG_CACHE_HOME": "/"},
        "XDG a file": {"XDG_CONFIG_HOME": str(a_file), "XDG_CACHE_HOME": str(a_file)},
        "XDG /dev/null": {"XDG_CONFIG_HOME": "/dev/null", "XDG_CACHE_HOME": "/dev/null"},
        "XDG missing config": {"HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent/config"},
    }


@pytest.mark.parametrize(
    "args", [("next", *TODAY), ("list", *TODAY), ("export", "--from", "2026")], ids=" ".join
)
@pytest.mark.parametrize("case", ODD)
def test_odd_home_and_xdg_folders_give_defaults_and_make_no_folder(
    tmp_path: Path, case: str, args: tuple[str, ...]
) -> None:
    env = _odd_environments(tmp_path)[case]
    work = tmp_path / "work"
    work.mkdir()
    existed = {p for p in NOWHERE if os.path.lexists(p)}
    before = snapshot(tmp_path)
    unset = ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"]
    done = khcal(*args, cwd=work, env=env, unset=unset)
    assert done.returncode == 0 and one_line(done.stderr) == ""
    assert done.stdout
    assert snapshot(tmp_path) == before  # nothing made in the working folder or beside it
    assert {p for p in NOWHERE if os.path.lexists(p)} == existed


def _without_dac_override() -> None:
    """Root without the power to override file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from
    this exec on: as another user, `chmod 000` keeps a folder closed. (Another uid could not run the
    interpreter, which lives in root's home here.)"""
    if os.geteuid() != 0:
        return  # a user's own permissions already keep the folder closed
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl")


@pytest.mark.parametrize("args", [("next", *TODAY), ("list", *TODAY)], ids=_named)
def test_a_settings_folder_that_cannot_be_read_exits_2_with_one_line(
    isolated: Path, args: tuple[str, ...]
) -> None:
    folder = isolated / "khcal"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('lang = "km"\n')
    folder.chmod(0)
    try:
        done = khcal(*args, preexec=_without_dac_override)
    finally:
        folder.chmod(0o700)
    assert done.returncode == 2 and done.stdout == b""
    assert "cannot read the settings folder" in one_line(done.stderr)


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "zero device"])
def test_settings_and_definitions_files_that_are_not_files_are_refused_without_waiting(
    isolated: Path, kind: str
) -> None:
    folder = isolated / "khcal"
    folder.mkdir(parents=True)
    for name in ("config.toml", "mine.toml"):
        path = folder / name
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "zero device":
            os.mknod(path, 0o020666, os.makedev(1, 5))
        else:
            path.symlink_to("/dev/zero")
        for args in (("next", *TODAY), ("list", *TODAY)):
            done = khcal(*args, timeout=30)
            assert done.returncode == 2 and done.stdout == b""
            assert f"{name}: is not a regular file" in one_line(done.stderr)
        path.unlink()


def test_cache_files_that_are_fifos_do_not_hang(isolated: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (isolated / "khcal").mkdir(parents=True)
    (isolated / "khcal" / "company.toml").write_text(definitions.company(), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(cache)}
    first = khcal("list", *TODAY, "--json", env=env)
    assert first.returncode == 0, first.stderr
    stored = [p for p in cache.rglob("*") if p.is_file()]
    assert stored  # the catalogue of the user's file was kept
    for path in stored:
        path.unlink()
        os.mkfifo(path, 0o600)
    again = khcal("list", *TODAY, "--json", env=env, timeout=30)
    assert again.returncode == 0 and one_line(again.stderr) == ""
    assert again.stdout == first.stdout  # the FIFOs neither waited on nor read: the cache is rebuilt


@pytest.mark.parametrize(
    "args", [("next", *TODAY), ("list", *TODAY), ("export", "--from", "2026")], ids=" ".join
)
def test_a_closed_output_is_one_line_exit_2(args: tuple[str, ...]) -> None:
    done = khcal(*args, stdout=None, preexec=lambda: os.close(1))
    assert done.returncode == 2
    assert "Bad file descriptor" in one_line(done.stderr)


@pytest.mark.parametrize(
    "args", [("is-holiday", "-"), ("is-workday", "-", "--json"), ("check", "-")], ids=_named
)
def test_a_closed_input_is_one_line_exit_2(args: tuple[str, ...]) -> None:
    done = khcal(*args, stdin=None, preexec=lambda: os.close(0))
    assert done.returncode == 2 and done.stdout == b""
    one_line(done.stderr)


@pytest.mark.parametrize(
    ("args", "code"),
    [(("is-holiday", "nonsense"), 2), (("list", "--bogus"), 2), (("next", *TODAY), 0)],
    ids=lambda v: _named(v) if isinstance(v, tuple) else str(v),
)
def test_a_closed_error_stream_loses_the_line_not_the_exit_code(args: tuple[str, ...], code: int) -> None:
    done = khcal(*args, stderr=None, preexec=lambda: os.close(2))
    assert done.returncode == code
    assert b"khcal:" not in done.stdout  # an error never lands in the output
