"""What every test shares: no settings, definitions, cache or colour choice leak in from the machine running
the tests, and one way to run the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from khcal.cli import app

SETTINGS_VARIABLES = ("KHCAL_TZ", "KHCAL_LANG", "FORCE_COLOR")


@pytest.fixture(autouse=True)
def isolated(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A fresh, empty config folder and cache folder; no colour, 80 columns, no KHCAL_* variables.

    Returns the config folder (`$XDG_CONFIG_HOME`): settings go in `khcal/config.toml` under it. The cache
    folder, which every command fills, is outside the test's own folder, so that a test can write its
    output there and find nothing else in it.
    """
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for name in SETTINGS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "config"


def write_config(config_home: Path, text: str) -> Path:
    """Write `config.toml` in the config folder the `isolated` fixture made; returns its path."""
    folder = config_home / "khcal"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    """The full command line in this process: exit code, stdout, stderr."""
    result = CliRunner().invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def run_bytes(*args: str) -> tuple[int, bytes, str]:
    """As `run`, with stdout as bytes (for the iCalendar feed)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr
