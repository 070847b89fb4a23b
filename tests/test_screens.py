"""Screen tests: what `cal`, `next`, `show` and `today` print at 80 columns without colour, in English and
Khmer, compared with reviewed golden files under tests/golden/screens/.

After a deliberate change of the output, regenerate with `KHCAL_UPDATE_GOLDEN=1 pytest tests/test_screens.py`
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from khcal.cli import app

GOLDEN = Path(__file__).parent / "golden" / "screens"
UPDATE = os.environ.get("KHCAL_UPDATE_GOLDEN") == "1"
WIDTH = 80

SCREENS = {
    "cal-2026-01-en": ["cal", "2026", "1", "--today", "2026-01-02"],
    "cal-2026-01-km": ["cal", "2026", "1", "--today", "2026-01-02", "--lang", "km"],
    "cal-2026-04-lunar-en": ["cal", "2026", "4", "--lunar", "--today", "2026-04-14"],
    "cal-2026-04-lunar-km": ["cal", "2026", "4", "--lunar", "--today", "2026-04-14", "--lang", "km"],
    "cal-2026-en": ["cal", "2026", "--today", "2026-01-02"],
    "cal-2026-km": ["cal", "2026", "--today", "2026-01-02", "--lang", "km"],
    "cal-2026-lunar-sunday-en": ["cal", "2026", "--lunar", "--sunday", "--today", "2026-01-02"],
    "next-en": ["next", "8", "--today", "2026-01-02"],
    "next-km": ["next", "8", "--today", "2026-01-02", "--lang", "km"],
    "list-2018-holidays-en": ["list", "--year", "2018", "--holidays", "--today", "2018-05-01"],
    "show-victory-over-genocide-en": ["show", "victory-over-genocide", "--today", "2026-01-02"],
    "show-victory-over-genocide-km": [
        "show",
        "victory-over-genocide",
        "--today",
        "2026-01-02",
        "--lang",
        "km",
    ],
    "show-khmer-new-year-en": ["show", "khmer-new-year", "--year", "2020", "--today", "2026-01-02"],
    "today-en": ["today", "--today", "2026-01-02"],
    "today-km": ["today", "--today", "2026-01-02", "--lang", "km"],
    "today-new-year-en": ["today", "--today", "2026-04-14"],
    "today-new-year-km": ["today", "--today", "2026-04-14", "--lang", "km"],
}


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    for name in ("KHCAL_TZ", "KHCAL_LANG", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen(name: str) -> None:
    result = CliRunner().invoke(app, SCREENS[name])
    assert result.exit_code == 0, result.stderr
    screen = result.stdout
    assert "\x1b" not in screen  # not a terminal: plain text
    assert all(cell_len(line) <= WIDTH for line in screen.splitlines())
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(screen, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: run with KHCAL_UPDATE_GOLDEN=1 and review it"
    assert screen == path.read_text(encoding="utf-8")


def test_every_golden_file_has_a_screen() -> None:
    assert {p.stem for p in GOLDEN.glob("*.txt")} == set(SCREENS)
