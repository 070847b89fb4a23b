"""Where khcal looks for settings and keeps its cache: never a folder the user did not ask for, and a settings
folder that cannot be read is one line on stderr, exit 2."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khcal import folders
from khcal.settings import cache_home, config_home, resolve
from support.definitions import company

FAST = "import sys; sys.argv[0] = 'khcal'; from khcal.cli import fastpath; fastpath.main()"
"""The command line as the `khcal` script runs it."""


def khcal(
    *args: str, env: dict[str, str], cwd: Path, entry: str = "fast"
) -> subprocess.CompletedProcess[str]:
    """`khcal args` in a child process with exactly `env` (plus what Python needs to find khcal)."""
    command = [sys.executable, "-c", FAST] if entry == "fast" else [sys.executable, "-m", "khcal"]
    env = {**env, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [*command, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
        stdin=subprocess.DEVNULL, preexec_fn=_without_root_bypass,
    )  # fmt: skip


def _without_root_bypass() -> None:
    """In the child: drop the powers that let root read any folder (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)
    from the bounding set, so that root after exec is refused as any user is. Nothing to do for a user."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def test_the_xdg_folders_and_their_defaults(home: Path) -> None:
    env = {"HOME": str(home)}
    assert folders.config_dir(env) == str(home / ".config")
    assert folders.cache_dir(env) == str(home / ".cache" / "khcal")
    env |= {"XDG_CONFIG_HOME": "/x/config", "XDG_CACHE_HOME": "/x/cache"}
    assert (folders.config_dir(env), folders.cache_dir(env)) == ("/x/config", "/x/cache/khcal")


@pytest.mark.parametrize("value", ["relative", "./here", "~/cache", "", "."])
def test_a_relative_xdg_folder_is_ignored(value: str, home: Path) -> None:
    env = {"HOME": str(home), "XDG_CONFIG_HOME": value, "XDG_CACHE_HOME": value}
    assert folders.config_dir(env) == str(home / ".config")
    assert folders.cache_dir(env) == str(home / ".cache" / "khcal")


@pytest.mark.parametrize("value", [None, "", "/", "//", "relative/home", "/nonexistent", "a file"])
def test_no_cache_without_a_usable_home(value: str | None, tmp_path: Path) -> None:
    env = {}
    if value == "a file":
        (tmp_path / "file").write_text("", encoding="utf-8")
        value = str(tmp_path / "file")
    if value is not None:
        env["HOME"] = value
    assert folders.cache_dir(env) is None
    assert cache_home(env) is None
    if value not in ("/nonexistent", str(tmp_path / "file")):
        assert folders.config_dir(env) is None and config_home(env) is None
    assert folders.cache_dir({**env, "XDG_CACHE_HOME": "/x/cache"}) == "/x/cache/khcal"  # asked for


def test_no_home_reads_no_settings_and_keeps_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", "")
    settings = resolve(today="2026-04-14")
    assert (settings.config, settings.config_home, settings.cache_dir) == (None, None, None)
    assert settings.catalogue().get("khmer-new-year") is not None


@pytest.mark.parametrize("entry", ["fast", "module"])
@pytest.mark.parametrize(
    "env",
    [{}, {"HOME": ""}, {"HOME": "/"}, {"HOME": "/nonexistent"}, {"HOME": "relative"},
     {"XDG_CACHE_HOME": "cache", "XDG_CONFIG_HOME": "config", "HOME": ""},
     {"XDG_CACHE_HOME": "cache", "XDG_CONFIG_HOME": "config", "HOME": "HOME"}],
    ids=["no HOME", "empty HOME", "HOME /", "HOME missing", "relative HOME", "relative XDG", "XDG and HOME"],
)  # fmt: skip
def test_odd_homes_create_nothing(env: dict[str, str], entry: str, tmp_path: Path) -> None:
    """The command answers, and no folder appears in the working folder, in `/` or under a missing HOME."""
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: str(home) if v == "HOME" else v for k, v in env.items()}
    before = {p: os.path.lexists(p) for p in ("/.cache", "/.config", "/nonexistent")}
    mine = tmp_path / "company.toml"  # a file of the user's own: its compiled catalogue is what is cached
    mine.write_text(company(), encoding="utf-8")
    done = khcal("is-holiday", "2026-04-14", "--file", str(mine), env=env, cwd=work, entry=entry)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "Khmer New Year" in done.stdout
    assert list(work.iterdir()) == []
    assert {p: os.path.lexists(p) for p in before} == before
    if env.get("HOME") == str(home):  # relative XDG folders: HOME's instead
        assert [p.name for p in (home / ".cache" / "khcal").iterdir() if p.suffix == ".marshal"]


@pytest.mark.parametrize("where", ["config home", "khcal folder", "khcal folder unlisted", "config.toml"])
@pytest.mark.parametrize("args", [("is-holiday", "2026-04-14"), ("next",), ("list", "--year", "2026")])
def test_a_settings_folder_that_cannot_be_read_is_one_line(
    where: str, args: tuple[str, ...], tmp_path: Path
) -> None:
    """As when khcal runs as another user with HOME unchanged: exit 2, one line, no traceback."""
    config = tmp_path / "config"
    folder = config / "khcal"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    (folder / "company.toml").write_text("", encoding="utf-8")
    locked = {
        "config home": (config, 0o000),
        "khcal folder": (folder, 0o000),
        "khcal folder unlisted": (folder, 0o100),  # may be entered, not listed
        "config.toml": (folder / "config.toml", 0o000),
    }[where]
    locked[0].chmod(locked[1])
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(config), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    try:
        done = khcal(*args, env=env, cwd=tmp_path)
    finally:
        locked[0].chmod(0o700)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("khcal: ")
    assert "Permission denied" in done.stderr
    if where != "config.toml":  # (an unreadable config.toml has its own message)
        assert f"cannot read the settings folder {folder} " in done.stderr


def test_the_message_in_khmer(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "khcal").mkdir(parents=True)
    config.chmod(0)
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(config), "KHCAL_LANG": "km"}
    try:
        done = khcal("next", env=env, cwd=tmp_path)
    finally:
        config.chmod(0o700)
    assert done.returncode == 2
    assert done.stderr.startswith("khcal: មិនអាចអានថតឯកសារការកំណត់ ") and done.stderr.count("\n") == 1
