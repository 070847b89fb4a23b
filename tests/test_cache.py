"""The compiled catalogue: the cached answer is always the fresh one, and a bad cache is never an error."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khcal.core import cache, definitions, rules
from khcal.core.model import Catalogue
from khcal.core.schedule import Schedule
from khcal.errors import DefinitionsError
from khcal.settings import resolve
from support.definitions import COMPANY


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """A copy of the built-in catalogue (so that the test may change it), a user file, a cache folder."""
    builtin = tmp_path / "observances.toml"
    builtin.write_text(Path(definitions.builtin_path()).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(definitions, "builtin_path", lambda: builtin)
    user = tmp_path / "company.toml"
    user.write_text(COMPANY.format(month=3), encoding="utf-8")
    return builtin, user, tmp_path / "cache" / "khcal"


def cache_inputs(paths: list[Path]) -> cache.Inputs:
    files = [(Path(definitions.builtin_path()), False), *((p, True) for p in paths)]
    return [(str(p), user, p.read_text(encoding="utf-8")) for p, user in files]


def load_without_parsing(user: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Catalogue:
    """Load through the cache while reading a definitions file fails: only a cached answer can come."""
    with monkeypatch.context() as patch:
        patch.setattr(definitions, "read_text", lambda *a, **k: pytest.fail("parsed a file"))
        return definitions.load([user], cache=folder)


def test_the_cache_gives_the_fresh_answer_without_parsing(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, user, folder = files
    fresh = definitions.load([user])
    assert definitions.load([user], cache=folder) == fresh  # built and stored
    assert [p.suffix for p in folder.iterdir()] == [".marshal"]  # no temporary file left
    cached = load_without_parsing(user, folder, monkeypatch)
    assert cached == fresh
    assert cached.get("company-day").user and not cached.get("visak-bochea").user
    year = Schedule(cached).year(2026)
    assert year == Schedule(fresh).year(2026)


@pytest.mark.parametrize("change", ["user file", "built-in file", "version", "model", "file list"])
def test_any_change_of_an_input_gives_the_fresh_answer(
    change: str, files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    builtin, user, folder = files
    definitions.load([user], cache=folder)
    paths = [user]
    if change == "user file":
        user.write_text(COMPANY.format(month=4), encoding="utf-8")
    elif change == "built-in file":
        text = builtin.read_text(encoding="utf-8").replace('id = "pchum-ben"', 'id = "pchum-ben-x"')
        builtin.write_text(text, encoding="utf-8")
    elif change == "version":
        monkeypatch.setattr(cache, "__version__", "99.0")
    elif change == "model":
        monkeypatch.setattr(cache, "schema", lambda: "another shape")
    else:
        second = tmp_path / "second.toml"
        second.write_text(COMPANY.format(month=5).replace("company-day", "second-day"), encoding="utf-8")
        paths = [user, second]
    cached = definitions.load(paths, cache=folder)
    assert cached == definitions.load(paths)
    stored_keys = [cache.unpack(f.read_bytes())[0] for f in folder.iterdir()]
    assert cache.key(cache_inputs(paths)) in stored_keys  # rebuilt and stored for this run's inputs
    if change == "user file":
        assert cached.get("company-day").rule.month == 4  # type: ignore[union-attr]
    if change == "built-in file":
        assert "pchum-ben-x" in cached.observances and "pchum-ben" not in cached.observances


@pytest.mark.parametrize(
    "damage",
    [b"", b"junk", b"\x00" * 40, "truncated", "flipped", "old format", "wrong shape", "wrong class"],
)
def test_a_damaged_cache_is_rebuilt(damage: bytes | str, files: tuple[Path, Path, Path]) -> None:
    _, user, folder = files
    fresh = definitions.load([user], cache=folder)
    (stored,) = folder.iterdir()
    data = stored.read_bytes()
    if damage == "truncated":
        stored.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":  # one bit of a stored name: still marshal data, caught by the checksum
        middle = data.rindex(b"Company Day")
        stored.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    elif damage == "old format":
        stored.write_bytes(marshal.dumps(cache.unpack(data)))
    elif damage == "wrong shape":
        key, _, table = cache.unpack(data)
        stored.write_bytes(cache.pack((key, ("c", 999), table)))
    elif damage == "wrong class":
        key, _, table = cache.unpack(data)
        stored.write_bytes(cache.pack((key, ("t", 1, 2), table)))
    else:
        assert isinstance(damage, bytes)
        stored.write_bytes(damage)
    assert definitions.load([user], cache=folder) == fresh
    assert stored.read_bytes() == data  # stored again


def test_an_unwritable_cache_is_not_an_error(files: tuple[Path, Path, Path]) -> None:
    _, user, folder = files
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the cache folder should be", encoding="utf-8")
    assert definitions.load([user], cache=folder) == definitions.load([user])
    assert definitions.load([user], cache=folder / "below" / "a-file") == definitions.load([user])


def test_problems_are_never_cached(files: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, user, folder = files
    bad = tmp_path / "bad.toml"
    bad.write_text('[[observances]]\nid = "x"\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DefinitionsError, match="field 'name': is required"):
            definitions.load([user, bad], cache=folder)
    missing = tmp_path / "missing.toml"
    with pytest.raises(DefinitionsError, match="no such file"):
        definitions.load([missing], cache=folder)
    assert not folder.exists()


def test_plain_data_round_trip_of_every_value() -> None:
    catalogue = definitions.load([])
    data = cache.encode(catalogue)
    assert cache.decode(data) == catalogue
    with pytest.raises(ValueError):
        cache.decode(("x",))


TABLE_IN_A_FRESH_RUN = """
import sys
from khcal.core import definitions, lunar_years
definitions.builtin_path = lambda: sys.argv[1]  # the test's copy of the built-in catalogue
found = definitions.load([sys.argv[2]], cache=sys.argv[3])
origin = lunar_years.table_origin()
same = lunar_years.month_table() == lunar_years.MonthTable(*lunar_years.computed_table_data())
print(origin, same, found.get("company-day").name.en)
"""


def fresh_run(builtin: Path, user: Path, folder: Path) -> list[str]:
    """Load through the cache in a new interpreter: where its month table came from, whether it is the
    computed one, and a name from the catalogue."""
    done = subprocess.run(
        [sys.executable, "-c", TABLE_IN_A_FRESH_RUN, str(builtin), str(user), str(folder)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout.split(maxsplit=2)


def test_the_month_table_comes_back_as_built(files: tuple[Path, Path, Path]) -> None:
    """A run that reads the cache takes its lunar month table from it: the same table, the same dates."""
    builtin, user, folder = files
    definitions.load([user], cache=folder)
    assert fresh_run(builtin, user, folder) == ["stored", "True", "Company Day\n"]


def test_a_damaged_month_table_is_built_again(files: tuple[Path, Path, Path]) -> None:
    builtin, user, folder = files
    definitions.load([user], cache=folder)
    (stored,) = folder.iterdir()
    key, catalogue, table = cache.unpack(stored.read_bytes())
    stored.write_bytes(cache.pack((key, catalogue, (table[0][:-1], *table[1:]))))  # one list short
    # Not taken from the damaged file: no table in use after the load, computed when first needed.
    assert fresh_run(builtin, user, folder) == ["None", "True", "Company Day\n"]


def test_a_changed_module_of_the_core_gives_the_fresh_answer(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key holds the core's modules, whole: a changed formula is never answered from the cache, even
    one of the same size and modification time."""
    _, user, folder = files
    definitions.load([user], cache=folder)
    before = cache.code()
    assert before is not None and ("rules.py", Path(rules.__file__).read_bytes()) in before
    changed = tuple((n, s.replace(b"return", b"retvrn", 1) if n == "rules.py" else s) for n, s in before)
    assert [len(s) for _, s in changed] == [len(s) for _, s in before]
    monkeypatch.setattr(cache, "code", lambda: changed)
    with monkeypatch.context() as patch:
        patch.setattr(definitions, "read_text", lambda *a, **k: pytest.fail("parsed a file"))
        with pytest.raises(pytest.fail.Exception, match="parsed a file"):
            definitions.load([user], cache=folder)  # the stored key no longer matches: a fresh parse


def test_an_unreadable_module_of_the_core_means_no_cache(
    files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, user, folder = files
    monkeypatch.setattr(cache, "code", lambda: None)
    assert definitions.load([user], cache=folder) == definitions.load([user])
    assert not folder.exists()


def test_a_file_replaced_keeping_its_size_and_times_gives_the_new_answer(
    files: tuple[Path, Path, Path],
) -> None:
    """As `cp -p`, `rsync -t` or `tar x` leave it: another text of the same length, the old times."""
    _, user, folder = files
    assert definitions.load([user], cache=folder).get("company-day").rule.month == 3  # type: ignore[union-attr]
    before = user.stat()
    user.write_text(COMPANY.format(month=4), encoding="utf-8")
    os.utime(user, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = user.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert definitions.load([user], cache=folder).get("company-day").rule.month == 4  # type: ignore[union-attr]


@pytest.mark.parametrize("change", ["folder file changed", "folder file added", "config.toml files"])
def test_the_settings_layer_keeps_its_cache_in_xdg_cache_home(
    change: str, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through `khcal.settings` (as the commands load it): $XDG_CACHE_HOME/khcal, and every input counts."""
    folder = isolated / "khcal"
    folder.mkdir(parents=True)
    (folder / "company.toml").write_text(COMPANY.format(month=3), encoding="utf-8")
    first = resolve(today="2026-01-01").catalogue()
    assert [p.suffix for p in (Path(os.environ["XDG_CACHE_HOME"]) / "khcal").iterdir()] == [".marshal"]
    assert first.get("company-day").rule.month == 3  # type: ignore[union-attr]
    if change == "folder file changed":
        (folder / "company.toml").write_text(COMPANY.format(month=4), encoding="utf-8")  # same size
    elif change == "folder file added":
        second = COMPANY.format(month=5).replace("company-day", "second-day")
        (folder / "second.toml").write_text(second, encoding="utf-8")
    else:
        extra = tmp_path / "extra.toml"
        extra.write_text(COMPANY.format(month=6).replace("company-day", "extra-day"), encoding="utf-8")
        (folder / "config.toml").write_text(f"files = [{str(extra)!r}]\n", encoding="utf-8")
    settings = resolve(today="2026-01-01")
    again = settings.catalogue()
    assert again == definitions.load([*definitions.user_definition_files(isolated), *settings.files])
    assert again != first
