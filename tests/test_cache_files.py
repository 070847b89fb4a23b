"""The catalogue cache's folder and files: private whatever the umask, only the user's own files read, never
followed or waited on, bounded, and never a wrong answer from a file someone else could have written."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from khcal.core import cache, definitions
from khcal.core.model import Catalogue
from support.definitions import COMPANY

NOBODY = 65534


@pytest.fixture
def user(tmp_path: Path) -> Path:
    path = tmp_path / "company.toml"
    path.write_text(COMPANY.format(month=3), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "khcal"


def month(catalogue: Catalogue) -> int:
    return catalogue.get("company-day").rule.month  # type: ignore[union-attr, no-any-return]


def entry(folder: Path, user: Path) -> Path:
    """Where the catalogue of the built-in file and `user` is kept."""
    inputs = [(str(definitions.builtin_path()), False, ""), (str(user), True, "")]
    return folder / cache.file_name(inputs)


def plant_wrong_answer(folder: Path, user: Path) -> Path:
    """A well-formed entry for `user` as it is now, whose catalogue says month 9: only a cache hit gives 9."""
    definitions.load([user], cache=folder)
    path = entry(folder, user)
    key, _, table = cache.unpack(path.read_bytes())
    other = user.with_name("other.toml")
    other.write_text(COMPANY.format(month=9), encoding="utf-8")
    wrong = cache.encode(definitions.load([other]))
    path.write_bytes(cache.pack((key, wrong, table)))
    assert month(definitions.load([user], cache=folder)) == 9  # as planted, the file is used
    return path


def owned_by_someone_else(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`path` belongs to another user: given to nobody as root, else so reported by stat."""
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
        return
    inode = path.lstat().st_ino

    def lying(real: Callable[..., os.stat_result]) -> Callable[..., os.stat_result]:
        def stat_(*args: object, **kwargs: object) -> os.stat_result:
            found = real(*args, **kwargs)
            if found.st_ino != inode:
                return found
            values = list(found)
            values[stat.ST_UID] = os.geteuid() + 1
            return os.stat_result(values)

        return stat_

    monkeypatch.setattr(os, "stat", lying(os.stat))
    monkeypatch.setattr(os, "fstat", lying(os.fstat))


LOOK_RACED = """
import os, stat
_real = os.stat
def _raced(path, *args, dir_fd=None, follow_symlinks=True):
    found = _real(path, *args, dir_fd=dir_fd, follow_symlinks=follow_symlinks)
    if dir_fd is None or follow_symlinks:
        return found
    values = list(found)  # the look before opening saw a private regular file, swapped just after
    values[stat.ST_MODE] = stat.S_IFREG | 0o600
    values[stat.ST_UID] = os.geteuid()
    return os.stat_result(values)
os.stat = _raced
"""
"""Makes the cache's look at a file (before opening it) see a private regular file: what the open itself
must then refuse is what a file swapped between the look and the open could be."""


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("umask_000")
def test_folder_0700_and_files_0600_under_umask_000(user: Path, tmp_path: Path) -> None:
    base = tmp_path / "new" / "cache"
    folder = base / "khcal"
    definitions.load([user], cache=folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(base.stat().st_mode) == 0o700  # folders made on the way too
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    (stored,) = folder.iterdir()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert month(definitions.load([user], cache=folder)) == 3


def test_an_entry_of_another_user_is_ignored(
    user: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plant_wrong_answer(folder, user)
    owned_by_someone_else(path, monkeypatch)
    assert month(definitions.load([user], cache=folder)) == 3


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666], ids=oct)
def test_an_entry_others_may_write_is_ignored(user: Path, folder: Path, mode: int) -> None:
    path = plant_wrong_answer(folder, user)
    path.chmod(mode)
    assert month(definitions.load([user], cache=folder)) == 3
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # stored again, private


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777], ids=oct)
def test_a_folder_others_may_write_is_not_used(user: Path, folder: Path, mode: int) -> None:
    path = plant_wrong_answer(folder, user)
    folder.chmod(mode)
    planted = path.read_bytes()
    assert month(definitions.load([user], cache=folder)) == 3
    assert path.read_bytes() == planted  # neither read nor written


def test_a_folder_of_another_user_is_not_used(
    user: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plant_wrong_answer(folder, user)
    planted = path.read_bytes()
    owned_by_someone_else(folder, monkeypatch)
    assert month(definitions.load([user], cache=folder)) == 3
    assert path.read_bytes() == planted


@pytest.mark.parametrize("raced", [False, True], ids=["", "swapped after the look"])
def test_a_symlink_is_never_followed(user: Path, folder: Path, tmp_path: Path, raced: bool) -> None:
    path = plant_wrong_answer(folder, user)
    if raced:
        exec(LOOK_RACED, {})  # replaces os.stat; undone below
    target = tmp_path / "elsewhere.marshal"
    path.rename(target)  # a private, well-formed file: only following the link would read it
    planted = target.read_bytes()
    path.symlink_to(target)
    assert month(definitions.load([user], cache=folder)) == 3
    assert target.read_bytes() == planted  # not written through the link either
    assert not path.is_symlink()  # the link itself was replaced by a stored file


@pytest.fixture(autouse=True)
def _real_stat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "stat", os.stat)  # restored after each test, whatever LOOK_RACED did


def test_a_symlinked_folder_of_the_user_is_used(user: Path, folder: Path, tmp_path: Path) -> None:
    """A cache folder that links to a private folder of the user's is that folder (`~/.cache` often does)."""
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    folder.parent.mkdir(parents=True)
    folder.symlink_to(real)
    definitions.load([user], cache=folder)
    assert [p.suffix for p in real.iterdir()] == [".marshal"]


@pytest.mark.parametrize("kind", ["folder", "device", "fifo"])
def test_an_entry_that_is_not_a_regular_file_is_never_read(
    kind: str, user: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    definitions.load([user], cache=folder)
    path = entry(folder, user)
    path.unlink()
    if kind == "device" and os.geteuid() == 0:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero: reading it never ends
    elif kind == "fifo":
        os.mkfifo(path, 0o600)
    else:
        path.mkdir(mode=0o700)
    monkeypatch.setattr(os, "read", lambda *a: pytest.fail("read a file that is not a regular one"))
    assert month(definitions.load([user], cache=folder)) == 3


@pytest.mark.parametrize("raced", [False, True], ids=["", "swapped after the look"])
def test_a_fifo_at_the_entry_does_not_hang(user: Path, folder: Path, raced: bool) -> None:
    """Run in a child with a time limit: opening a FIFO to read waits for a writer unless told not to."""
    definitions.load([user], cache=folder)
    path = entry(folder, user)
    path.unlink()
    os.mkfifo(path, 0o600)
    script = (LOOK_RACED if raced else "") + (
        "import sys; from pathlib import Path; from khcal.core import definitions; "
        "c = definitions.load([Path(sys.argv[1])], cache=Path(sys.argv[2])); "
        "print(c.get('company-day').rule.month)"
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script, str(user), str(folder)],
        capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "3\n", "")
    assert time.monotonic() - started < 30
    assert stat.S_ISREG(path.lstat().st_mode)  # replaced by a stored file


def test_the_folder_is_bounded(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At most MAX_ENTRIES files of MAX_BYTES together; the oldest go; stale partial files are removed."""
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    folder.mkdir(parents=True, mode=0o700)
    stale = folder / ".khcal-partial-1-dead"
    stale.write_bytes(b"left by a run that was stopped")
    os.utime(stale, (time.time() - 7200,) * 2)
    fresh = folder / ".khcal-partial-2-live"
    fresh.write_bytes(b"being written by another run")
    names = []
    for n in range(5):
        path = tmp_path / f"file-{n}.toml"
        path.write_text(COMPANY.format(month=n + 1), encoding="utf-8")
        definitions.load([path], cache=folder)
        names.append(entry(folder, path).name)
        os.utime(folder / names[-1], (time.time() - 100 + n,) * 2)  # in the order written
    kept = sorted(p.name for p in folder.iterdir() if p.name.startswith("catalogue-"))
    assert kept == sorted(names[-3:])
    assert not stale.exists() and fresh.exists()

    size = (folder / names[-1]).stat().st_size
    monkeypatch.setattr(cache, "MAX_BYTES", 2 * size + size // 2)
    path = tmp_path / "file-5.toml"
    path.write_text(COMPANY.format(month=6), encoding="utf-8")
    definitions.load([path], cache=folder)
    kept = sorted(p.name for p in folder.iterdir() if p.name.startswith("catalogue-"))
    assert kept == sorted([names[-1], entry(folder, path).name])
    assert sum((folder / n).stat().st_size for n in kept) <= cache.MAX_BYTES


def test_a_catalogue_bigger_than_the_bound_is_not_stored(
    user: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 1000)
    assert month(definitions.load([user], cache=folder)) == 3
    assert not folder.exists()


def test_an_oversized_entry_is_not_read(user: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plant_wrong_answer(folder, user)
    monkeypatch.setattr(cache, "MAX_BYTES", 1000)
    assert month(definitions.load([user], cache=folder)) == 3
