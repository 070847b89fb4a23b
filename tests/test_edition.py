"""`khcal.feeds.edition`: a folder's files written as one edition, read back safely."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from khcal.errors import KhcalError
from khcal.feeds import edition
from support.hostile_runs import snapshot

OLD = {"a.ics": b"old a", "a.ics.gz": b"old a gz", "sub/b.ics": b"old b", "index.html": b"old page"}
NEW = {"a.ics": b"new a", "a.ics.gz": b"new a gz", "sub/b.ics": b"new b", "index.html": b"new page"}


def contents(folder: Path) -> dict[str, bytes]:
    """The edition's files (without the list of them khcal keeps, `.khcal-files`)."""
    return {
        name: data for name, kind, _, data in snapshot(folder) if kind == "file" and name != edition.MANIFEST
    }


def hidden(folder: Path) -> list[str]:
    """The hidden files left in the folder besides `.khcal-files`: temporary files, the journal."""
    return [p.name for p in folder.rglob(".*") if p.name != edition.MANIFEST]


def test_an_edition_is_written_whole_the_page_last_and_only_what_changed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert edition.write_edition(str(site), OLD, "publish") == (
        "a.ics",
        "a.ics.gz",
        "sub/b.ics",
        "index.html",
    )
    assert contents(site) == OLD
    times = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    assert edition.write_edition(str(site), OLD, "publish") == ()
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == times
    changed = {**OLD, "sub/b.ics": b"new b", "index.html": b"new page"}
    assert edition.write_edition(str(site), changed, "publish") == ("sub/b.ics", "index.html")
    assert contents(site) == changed
    assert hidden(site) == []


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    edition.write_edition(str(tmp_path), OLD, "publish")
    (tmp_path / "a.ics").chmod(0o604)
    edition.write_edition(str(tmp_path), NEW, "publish")
    assert stat.S_IMODE((tmp_path / "a.ics").stat().st_mode) == 0o604


@pytest.mark.parametrize("name", ["", "/a", "a/../b", "./a", "a//b", "a\nb", "a\\b"])
def test_a_name_outside_the_folder_is_a_programming_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        edition.write_edition(str(tmp_path), {name: b"x"}, "publish")
    with pytest.raises(ValueError):
        edition.read_previous(str(tmp_path), name, 100)


@pytest.mark.parametrize("kind", ["fifo", "link", "folder", "device", "sub is a link"])
def test_what_is_not_a_regular_file_is_refused_never_read_nor_replaced(tmp_path: Path, kind: str) -> None:
    site = tmp_path / "site"
    edition.write_edition(str(site), OLD, "publish")
    path = site / "sub" / "b.ics"
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    else:
        (site / "sub").rename(tmp_path / "elsewhere")
        (site / "sub").symlink_to(tmp_path / "elsewhere")
    before = snapshot(site)
    with pytest.raises(KhcalError) as raised:
        edition.write_edition(str(site), NEW, "publish")
    assert raised.value.key == "error.feeds.edition-kind"
    with pytest.raises(KhcalError):
        edition.read_previous(str(site), "sub/b.ics", 100)
    assert snapshot(site) == before


def test_a_failure_before_the_renames_leaves_the_previous_edition_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edition.write_edition(str(tmp_path), OLD, "publish")
    before = snapshot(tmp_path)
    calls = []

    def failing(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(KhcalError, match="No space left on device"):
        edition.write_edition(str(tmp_path), {**NEW, "new/c.ics": b"c"}, "publish")
    assert snapshot(tmp_path) == before  # not even the new folder


def test_a_kill_between_the_renames_is_finished_by_the_next_run(tmp_path: Path) -> None:
    """The process kills itself (SIGKILL) after the second rename of the edition."""
    site = tmp_path / "site"
    edition.write_edition(str(site), OLD, "publish")
    killer = textwrap.dedent(
        f"""
        import os, signal
        from khcal.feeds import edition
        real, done = os.replace, []
        def replace(*args, **kwargs):
            if len(done) == 3:  # the journal, then two files
                os.kill(os.getpid(), signal.SIGKILL)
            done.append(args)
            real(*args, **kwargs)
        os.replace = replace
        edition.write_edition({str(site)!r}, {NEW!r}, "publish")
        """
    )
    killed = subprocess.run([sys.executable, "-c", killer], check=False, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert (site / edition.JOURNAL).exists()
    assert contents(site)["a.ics"] == b"new a" and contents(site)["index.html"] == b"old page"
    assert edition.read_previous(str(site), "index.html", 100) == b"new page"  # finished first
    assert {k: v for k, v in contents(site).items()} == NEW
    assert edition.write_edition(str(site), NEW, "publish") == ()


@pytest.mark.parametrize("unnamed", [edition.UNNAMED_LIMIT, 1])
def test_a_kill_before_the_commit_leaves_the_previous_edition_and_no_hidden_file(
    tmp_path: Path, unnamed: int
) -> None:
    """The process kills itself (SIGKILL) once every file of the edition is written, before its commit:
    files held without a name are dropped by the kernel; past the limit, the named ones go at the next run."""
    site = tmp_path / "site"
    edition.write_edition(str(site), OLD, "publish")
    before = snapshot(site)
    killer = textwrap.dedent(
        f"""
        import os, signal
        from khcal.feeds import edition
        edition.UNNAMED_LIMIT = {unnamed}
        with edition.Edition({str(site)!r}, "publish") as made:
            for name, data in {NEW!r}.items():
                made.add(name, data)
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    killed = subprocess.run([sys.executable, "-c", killer], check=False, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    shown = {name: data for name, data in contents(site).items() if not Path(name).name.startswith(".")}
    assert shown == OLD
    if unnamed == edition.UNNAMED_LIMIT and os.path.isdir("/proc/self/fd"):
        assert snapshot(site) == before  # nothing stray, not even for the next run to remove
    assert edition.write_edition(str(site), NEW, "publish") == tuple(NEW)
    assert contents(site) == NEW and hidden(site) == []


def test_stray_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    edition.write_edition(str(tmp_path), OLD, "publish")
    for stray in (
        tmp_path / ".a.ics.khcal-4000000-0123abcd.tmp",
        tmp_path / "sub/.b.ics.khcal-4000000-0123abcd.tmp",
    ):
        stray.write_text("partial")
    edition.write_edition(str(tmp_path), OLD, "publish")
    assert hidden(tmp_path) == []


def test_read_previous_reads_at_most_the_limit(tmp_path: Path) -> None:
    edition.write_edition(str(tmp_path), OLD, "publish")
    assert edition.read_previous(str(tmp_path), "a.ics", 5) == b"old a"
    assert edition.read_previous(str(tmp_path), "a.ics", 4) is None
    assert edition.read_previous(str(tmp_path), "missing.ics", 4) is None
    assert edition.read_previous(str(tmp_path / "missing"), "a.ics", 4) is None
    assert not (tmp_path / "missing").exists()


def test_one_writer_at_a_time(tmp_path: Path) -> None:
    import fcntl

    held = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(KhcalError) as raised:
            edition.write_edition(str(tmp_path), OLD, "publish")
        assert raised.value.key == "error.feeds.edition-busy"
    finally:
        os.close(held)


LATER = {"a.ics": b"new a", "a.ics.gz": b"new a gz", "index.html": b"later page", "deep/er/c.ics": b"c"}
"""A later edition without `sub/b.ics` (a year no longer published) and with a file in new folders."""


def test_files_the_previous_edition_wrote_and_this_one_has_not_are_removed_with_their_empty_folders(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    with edition.Edition(str(site), "publish") as made:
        for name, data in OLD.items():
            made.add(name, data)
        assert made.commit() == edition.Done(tuple(OLD), ())
    with edition.Edition(str(site), "publish") as made:
        for name, data in LATER.items():
            made.add(name, data)
        done = made.commit()
    assert done.written == ("a.ics", "a.ics.gz", "deep/er/c.ics", "index.html") and done.removed == (
        "sub/b.ics",
    )
    assert contents(site) == LATER
    assert not (site / "sub").exists()  # emptied, so removed
    assert edition.write_edition(str(site), OLD, "publish") == tuple(OLD)  # back again
    assert contents(site) == OLD and not (site / "deep").exists()
    assert hidden(site) == []


def test_nothing_khcal_did_not_write_is_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    edition.write_edition(str(site), {**OLD, "sub/c.ics": b"c", "sub/d.ics": b"d"}, "publish")
    (site / "CNAME").write_text("cal.example.org\n")  # the user's own files, beside khcal's
    (site / "sub" / "mine.txt").write_text("mine")
    (site / "sub" / "c.ics").unlink()
    (site / "sub" / "c.ics").symlink_to(site / "CNAME")  # no longer a file khcal wrote
    (site / "sub" / "d.ics").unlink()
    (site / "sub" / "d.ics").mkdir()
    edition.write_edition(str(site), LATER, "publish")
    assert (site / "CNAME").read_text() == "cal.example.org\n" and (site / "sub" / "mine.txt").exists()
    assert (site / "sub" / "c.ics").is_symlink() and (site / "sub" / "d.ics").is_dir()
    assert not (site / "sub" / "b.ics").exists()


def test_a_folder_published_without_a_list_of_its_files_loses_nothing(tmp_path: Path) -> None:
    """A folder of an older khcal (or with `.khcal-files` removed or not khcal's) has nothing removed."""
    site = tmp_path / "site"
    edition.write_edition(str(site), OLD, "publish")
    (site / edition.MANIFEST).write_text('["../outside", "/etc/passwd", 7, ["sub/b.ics"]]')
    (tmp_path / "outside").write_text("x")
    edition.write_edition(str(site), LATER, "publish")
    assert (site / "sub" / "b.ics").read_bytes() == b"old b" and (tmp_path / "outside").exists()
    (site / edition.MANIFEST).unlink()
    edition.write_edition(str(site), OLD, "publish")
    assert (site / "deep" / "er" / "c.ics").exists()


@pytest.mark.parametrize("step", ["renames", "removals"])
def test_a_kill_before_the_removals_are_done_is_finished_by_the_next_run(tmp_path: Path, step: str) -> None:
    """The process kills itself (SIGKILL) after the first rename, or after the first removal."""
    site = tmp_path / "site"
    edition.write_edition(str(site), {**OLD, "sub/c.ics": b"c"}, "publish")
    killer = textwrap.dedent(
        f"""
        import os, signal
        from khcal.feeds import edition
        name = "replace" if {step!r} == "renames" else "unlink"
        real, done = getattr(os, name), []
        def wrapped(*args, **kwargs):
            if args[0] == edition.JOURNAL:  # not one of the edition's own steps
                return real(*args, **kwargs)
            if len(done) == (2 if name == "replace" else 1):  # the journal and a file; a removal
                os.kill(os.getpid(), signal.SIGKILL)
            done.append(args)
            return real(*args, **kwargs)
        setattr(os, name, wrapped)
        edition.write_edition({str(site)!r}, {LATER!r}, "publish")
        """
    )
    killed = subprocess.run([sys.executable, "-c", killer], check=False, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert (site / edition.JOURNAL).exists()
    assert (site / "index.html").read_bytes() == (b"old page" if step == "renames" else b"later page")
    left = {(site / "sub" / name).exists() for name in ("b.ics", "c.ics")}
    assert left == ({True} if step == "renames" else {True, False})  # one of the two removals done
    assert edition.write_edition(str(site), LATER, "publish") == ()  # finished first: nothing left to do
    assert contents(site) == LATER and hidden(site) == [] and not (site / "sub").exists()
