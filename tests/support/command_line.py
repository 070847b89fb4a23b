"""The full command line run in this process, and the settings file written where the `isolated` fixture of
conftest.py points the config folder."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from khcal.cli import app


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
