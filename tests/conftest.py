"""The fixture every test shares: no settings, definitions, cache or colour choice leak in from the machine
running the tests. Helpers that tests import (the command line run in-process, the settings file, servers)
are in tests/support/."""

from __future__ import annotations

from pathlib import Path

import pytest

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
