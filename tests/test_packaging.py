"""The built wheel carries the catalogue, so `khcal` works after a plain `pip install .`."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_the_catalogue(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("khcal-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packaged = archive.read("khcal/data/observances.toml")
    modules = ("cli/commands.py", "core/schedule.py", "text/describe.py", "views/render.py", "feeds/ics.py")
    for module in modules:
        assert f"khcal/{module}" in names
    assert "khcal/py.typed" in names
    assert packaged == (ROOT / "data" / "observances.toml").read_bytes()
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        assert "khcal = khcal.cli.fastpath:main" in archive.read(entry_points).decode()
