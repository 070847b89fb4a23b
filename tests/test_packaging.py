"""The built wheel carries the catalogue, so `khcal` works after a plain `pip install .`."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _wheel(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(folder), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = folder.glob("khcal-*.whl")
    return wheel


def test_wheel_contains_the_catalogue(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
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
        assert "khcal = khcal.cli.entry:main" in archive.read(entry_points).decode()


CHECK_PACKAGED = """
import sys
from khcal import folders
from khcal.core import cache, definitions, lunar_years
assert folders.PACKAGE.startswith(sys.argv[1]), folders.PACKAGE
path = definitions.builtin_path()
text = open(path, encoding="utf-8").read()
packaged = cache.packaged(text)
table = lunar_years.table_data()
fresh = definitions.load([path], builtin=False)
same = packaged is not None and packaged == fresh
print(same, table == lunar_years.computed_table_data(), definitions.load([]).get(sys.argv[2]).name.en)
"""


def _check_packaged(site: Path) -> list[str]:
    """In a new interpreter on the unpacked wheel: whether the compiled catalogue is used and equals a fresh
    parse, whether the month table is the computed one, and the name of Visak Bochea."""
    done = subprocess.run(
        [sys.executable, "-c", CHECK_PACKAGED, str(site), "visak-bochea"],
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.split(maxsplit=2)


def test_the_wheel_carries_the_compiled_catalogue_equal_to_a_fresh_parse(tmp_path: Path) -> None:
    """hatch_build.py compiles the built-in catalogue and the month table into the wheel; installed, they
    are exactly what parsing the shipped catalogue and computing the table give."""
    with zipfile.ZipFile(_wheel(tmp_path / "wheel")) as archive:
        assert "khcal/data/observances.marshal" in archive.namelist()
        archive.extractall(tmp_path / "site")
    assert _check_packaged(tmp_path / "site") == ["True", "True", "Visak Bochea\n"]


def test_a_changed_catalogue_is_parsed_not_taken_from_the_compiled_one(tmp_path: Path) -> None:
    with zipfile.ZipFile(_wheel(tmp_path / "wheel")) as archive:
        archive.extractall(tmp_path / "site")
    shipped = tmp_path / "site" / "khcal" / "data" / "observances.toml"
    shipped.write_text(shipped.read_text(encoding="utf-8").replace('"Visak Bochea"', '"Visakha Puja"', 1))
    assert _check_packaged(tmp_path / "site") == ["False", "True", "Visakha Puja\n"]
