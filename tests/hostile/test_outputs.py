"""Hostile output paths for `khcal export -o` and `khcal publish`, each through the installed command:
streams written in place, links followed only as the kernel would, FIFOs and devices never replaced nor
waited on forever, regular files replaced atomically (mode and owner kept) and never left half-written or
beside a temporary file, whether the disk fills up (RLIMIT_FSIZE) or the process is killed."""

from __future__ import annotations

import errno
import functools
import gzip
import os
import resource
import shutil
import signal
import socket
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from support.hostile_runs import KHCAL, khcal, one_line, snapshot

FEED = ("export", "--from", "2026", "--to", "2026")
BIG = ("export", "--from", "1950", "--to", "2049")
BASE = "https://cal.example.org/khcal"
PUBLISH = ("--base-url", BASE, "--today", "2026-11-22")


@functools.cache
def feed(args: tuple[str, ...] = FEED) -> bytes:
    done = khcal(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*"))


# --- streams --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "//dev//stdout", "link", "log"]
)
def test_a_stream_is_written_in_place_and_appending_stays_appending(out: Path, target: str) -> None:
    log = out / "log"
    log.write_bytes(b"old\n")
    inode = log.stat().st_ino
    (out / "link").symlink_to("/dev/stdout")
    before = [e for e in snapshot(out) if e[0] != "log"]
    with log.open("ab") as appended:
        done = khcal(*FEED, "-o", target, cwd=out, stdout=appended)
    assert done.returncode == 0 and one_line(done.stderr) == ""
    assert log.read_bytes() == b"old\n" + feed()
    assert log.stat().st_ino == inode  # the same file, not a new one renamed over it
    assert [e for e in snapshot(out) if e[0] != "log"] == before


def test_standard_error_and_any_open_descriptor_are_streams(out: Path) -> None:
    log = out / "log"
    log.write_bytes(b"old\n")
    with log.open("ab") as appended:
        done = khcal(*FEED, "-o", "/dev/stderr", stderr=appended)
    assert done.returncode == 0
    with log.open("ab") as appended:
        descriptor = appended.fileno()
        done = khcal(*FEED, "-o", f"/dev/fd/{descriptor}", pass_fds=(descriptor,))
    assert done.returncode == 0 and one_line(done.stderr) == ""
    assert log.read_bytes() == b"old\n" + feed() + feed()


@pytest.mark.parametrize("target", ["/dev/fd/57", "/proc/self/fd/57"])
def test_a_descriptor_that_is_not_open_exits_2(out: Path, target: str) -> None:
    done = khcal(*FEED, "-o", target, cwd=out)
    assert done.returncode == 2 and done.stdout == b""
    assert "Bad file descriptor" in one_line(done.stderr)
    assert snapshot(out) == []


# --- FIFOs and devices ----------------------------------------------------------------------------------


@pytest.mark.parametrize("through_link", [False, True])
def test_a_fifo_with_a_reader_is_written_into(out: Path, through_link: bool) -> None:
    fifo = out / "fifo"
    os.mkfifo(fifo)
    target = fifo
    if through_link:
        target = out / "link.ics"
        target.symlink_to("fifo")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = khcal(*FEED, "-o", target)
    reader.join(30)
    assert done.returncode == 0 and one_line(done.stderr) == ""
    assert received == [feed()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_no_one_reads_is_refused_after_a_short_wait(out: Path) -> None:
    os.mkfifo(out / "fifo")
    before = snapshot(out)
    started = time.monotonic()
    done = khcal(*FEED, "-o", out / "fifo", timeout=30)
    assert time.monotonic() - started < 20
    assert done.returncode == 2
    assert "no program reads" in one_line(done.stderr)
    assert snapshot(out) == before


@pytest.mark.parametrize("target", ["/dev/null", "link-to-null"])
def test_a_device_is_written_into_never_replaced(out: Path, target: str) -> None:
    (out / "link-to-null").symlink_to("/dev/null")
    before = snapshot(out)
    done = khcal(*FEED, "-o", target, cwd=out)
    assert done.returncode == 0 and one_line(done.stderr) == ""
    assert snapshot(out) == before
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_device_exits_2_with_one_line(out: Path) -> None:
    done = khcal(*FEED, "-o", "/dev/full")
    assert done.returncode == 2
    assert "No space left on device" in one_line(done.stderr)


# --- what is refused ------------------------------------------------------------------------------------


def _socket(path: Path) -> None:
    held = socket.socket(socket.AF_UNIX)
    held.bind(str(path))
    held.close()


REFUSED = {
    "folder": (lambda p: p.mkdir(), "is a folder"),
    "read-only": (lambda p: (p.write_text("keep"), p.chmod(0o444)), "is read-only"),
    "link to nothing": (lambda p: p.symlink_to("nothing.ics"), "No such file"),
    "link loop": (lambda p: p.symlink_to(p.name), "Too many levels of symbolic links"),
    "socket": (_socket, "is not a regular file"),
    "under a file": (lambda p: None, "Not a directory"),
    "block device": (lambda p: os.mknod(p, stat.S_IFBLK | 0o600, os.makedev(7, 0)), "is not a regular"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_what_cannot_be_written_is_refused_and_left_alone(out: Path, kind: str) -> None:
    target = out / "feed.ics"
    make, said = REFUSED[kind]
    if kind == "under a file":
        (out / "file").write_text("keep")
        target = out / "file" / "feed.ics"
    make(target)
    before = snapshot(out)
    done = khcal(*FEED, "-o", target)
    assert done.returncode == 2 and done.stdout == b""
    assert said in one_line(done.stderr)
    assert snapshot(out) == before


def test_links_are_followed_only_as_the_kernel_follows_them(tmp_path: Path) -> None:
    """In a sticky folder anyone may write in, the kernel (fs.protected_symlinks) follows a link only if
    its owner is the follower or the folder's: khcal does exactly what the kernel's own open does."""
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chown(shared, 65534, 65534)
    shared.chmod(0o1777)
    real = tmp_path / "real.ics"
    real.write_bytes(b"keep")
    link = shared / "feed.ics"
    link.symlink_to(real)
    os.lchown(link, 12345, 12345)  # a link of another user's
    try:
        os.close(os.open(link, os.O_WRONLY))
        kernel_follows = True
    except PermissionError:
        kernel_follows = False
    done = khcal(*FEED, "-o", link)
    if kernel_follows:
        assert done.returncode == 0 and one_line(done.stderr) == ""
        assert real.read_bytes() == feed()
    else:
        assert done.returncode == 2 and "Permission denied" in one_line(done.stderr)
        assert real.read_bytes() == b"keep"
    assert link.is_symlink() and os.readlink(link) == str(real)


# --- regular files: atomic, mode and owner kept, nothing left behind ------------------------------------


def test_a_replaced_file_keeps_its_mode_and_owner_and_a_new_one_follows_the_umask(out: Path) -> None:
    old = out / "old.ics"
    old.write_text("old")
    old.chmod(0o640)
    os.chown(old, 12345, 23456)
    done = khcal(*FEED, "-o", old, preexec=lambda: os.umask(0o077))
    assert done.returncode == 0 and one_line(done.stderr) == ""
    info = old.stat()
    assert (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid) == (0o640, 12345, 23456)
    assert old.read_bytes() == feed()
    done = khcal(*FEED, "-o", out / "new.ics", preexec=lambda: os.umask(0o027))
    assert done.returncode == 0
    assert stat.S_IMODE((out / "new.ics").stat().st_mode) == 0o640
    assert hidden(out) == []


def _file_size_limit(size: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("existing", [True, False])
def test_a_full_disk_leaves_the_old_file_whole_and_no_temporary_file(out: Path, existing: bool) -> None:
    target = out / "feed.ics"
    if existing:
        target.write_bytes(b"the old feed\n")
    before = snapshot(out)
    done = khcal(*FEED, "-o", target, preexec=lambda: _file_size_limit(4096))
    assert done.returncode == 2
    assert os.strerror(errno.EFBIG) in one_line(done.stderr)
    assert snapshot(out) == before


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_kill_at_any_moment_leaves_the_old_file_or_the_new_one_and_nothing_else(
    out: Path, sig: signal.Signals
) -> None:
    target = out / "feed.ics"
    new = feed(BIG)
    for delay in (0.0, 0.1, 0.25, 0.4, 0.6, 0.8, 1.0, 1.3, 1.7, 2.2):
        target.write_bytes(b"the old feed\n")
        process = subprocess.Popen(
            [KHCAL, *BIG, "-o", str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(sig)
        _, err = process.communicate(timeout=60)
        assert [p.name for p in out.iterdir()] == ["feed.ics"], delay
        assert target.read_bytes() in (b"the old feed\n", new), delay
        if sig == signal.SIGINT:
            assert process.returncode in (0, 130, -signal.SIGINT), (delay, err)
            one_line(err)


def test_a_temporary_file_a_killed_run_left_is_removed_by_the_next(out: Path) -> None:
    dead = 4_000_000  # above any PID in use (pid_max is at most 2**22)
    stale = out / f".feed.ics.khcal-{dead}-0123abcd.tmp"
    stale.write_text("partial")
    alive = out / f".feed.ics.khcal-{os.getpid()}-0123abcd.tmp"  # another khcal still writing
    alive.write_text("partial")
    other = out / f".other.ics.khcal-{dead}-0123abcd.tmp"  # another file's: not this run's business
    other.write_text("partial")
    done = khcal(*FEED, "-o", out / "feed.ics")
    assert done.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([alive.name, other.name, "feed.ics"])


# --- publish: whole editions ----------------------------------------------------------------------------


def publish(folder: Path, *args: str, **run: object) -> subprocess.CompletedProcess[bytes]:
    return khcal("publish", folder, *PUBLISH, *args, **run)  # type: ignore[arg-type]


def contents(folder: Path) -> dict[str, bytes]:
    return {e[0]: e[3] for e in snapshot(folder)}


def visible(folder: Path) -> dict[str, bytes]:
    """The files a host serves: no hidden name (`.khcal-files`, temporary files)."""
    return {
        e[0]: e[3]
        for e in snapshot(folder)
        if e[1] == "file" and not any(part.startswith(".") for part in e[0].split("/"))
    }


def whole(folder: Path) -> None:
    """Every feed and its gzip copy are of the same edition."""
    for path in folder.glob("*.ics"):
        assert gzip.decompress((folder / (path.name + ".gz")).read_bytes()) == path.read_bytes(), path


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "zero device", "folder", "link to a file"])
def test_publish_refuses_what_is_not_a_regular_file_at_a_feed_name(tmp_path: Path, kind: str) -> None:
    site = tmp_path / "site"
    assert publish(site, "--from", "2026", "--to", "2026").returncode == 0
    feed_path = site / "cambodia-days-off.en.ics"
    feed_path.unlink()
    if kind == "fifo":
        os.mkfifo(feed_path)
    elif kind == "link to /dev/zero":
        feed_path.symlink_to("/dev/zero")
    elif kind == "zero device":
        os.mknod(feed_path, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    elif kind == "folder":
        feed_path.mkdir()
    else:
        (tmp_path / "elsewhere.ics").write_text("keep")
        feed_path.symlink_to(tmp_path / "elsewhere.ics")
    before = snapshot(site)
    done = publish(site, "--from", "2026", "--to", "2027", timeout=60)
    assert done.returncode == 2 and done.stdout == b""
    assert "is not a regular file" in one_line(done.stderr)
    assert snapshot(site) == before


def test_publish_on_a_full_disk_leaves_the_previous_edition_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert publish(site, "--from", "2026", "--to", "2026").returncode == 0
    before = snapshot(site)
    done = publish(site, "--from", "2026", "--to", "2030", preexec=lambda: _file_size_limit(60_000))
    assert done.returncode == 2
    assert os.strerror(errno.EFBIG) in one_line(done.stderr)
    assert snapshot(site) == before


@pytest.mark.slow
def test_publish_killed_at_any_moment_leaves_one_edition_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    pristine = tmp_path / "pristine"
    reference = tmp_path / "reference"
    site = tmp_path / "site"
    assert publish(pristine, "--from", "2026", "--to", "2026").returncode == 0
    assert publish(reference, "--from", "2026", "--to", "2026").returncode == 0
    assert publish(reference, "--from", "2026", "--to", "2027").returncode == 0
    new = contents(reference)
    for delay in (0.2, 0.5, 0.8, 1.1, 1.4, 1.7, 2.0, 2.5, 3.0, 4.0):
        if site.exists():
            shutil.rmtree(site)
        shutil.copytree(pristine, site)  # the old edition, each time
        process = subprocess.Popen(
            [KHCAL, "publish", str(site), *PUBLISH, "--from", "2026", "--to", "2027"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        process.kill()
        process.wait(60)
        if not (site / ".khcal-edition").exists():
            # The files a reader sees: a run killed while writing leaves at most hidden temporary files
            # (and the new folders they were in), which the next run removes (or fills).
            assert visible(site) in (visible(pristine), visible(reference)), delay
            whole(site)
        done = publish(site, "--from", "2026", "--to", "2027")  # the run after a kill ends in the new edition
        assert done.returncode == 0, done.stderr
        assert contents(site) == new  # whole, nothing hidden left


@pytest.mark.slow
def test_publish_stopped_by_ctrl_c_cleans_up_and_leaves_the_previous_edition(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT) at any moment: exit 130 with at most one line (or 0 if it came too late), the old
    edition or the new one, and no temporary file, journal or new folder left behind."""
    pristine = tmp_path / "pristine"
    reference = tmp_path / "reference"
    site = tmp_path / "site"
    assert publish(pristine, "--from", "2026", "--to", "2026").returncode == 0
    old = contents(pristine)
    assert publish(reference, "--from", "2026", "--to", "2026").returncode == 0
    assert publish(reference, "--from", "2027", "--to", "2028").returncode == 0
    new = contents(reference)
    for delay in (0.1, 0.3, 0.5, 0.8, 1.2, 1.8):
        if site.exists():
            shutil.rmtree(site)
        shutil.copytree(pristine, site)
        process = subprocess.Popen(
            [KHCAL, "publish", str(site), *PUBLISH, "--from", "2027", "--to", "2028"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode in (0, 130), (delay, err)
        if err:
            one_line(err)
        assert contents(site) in (old, new), delay  # hidden files included: none left over
        whole(site)


# --- empty names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((*FEED, "-o", ""), "khcal: -o: an empty name is not a file"),
        (("publish", "", *PUBLISH), "khcal: DIR: an empty name is not a folder"),
    ],
    ids=["export -o ''", "publish ''"],
)
def test_an_empty_name_is_refused_not_read_as_the_current_folder(
    out: Path, args: tuple[str, ...], said: str
) -> None:
    """`-o ""` is no file (not standard output) and `publish ""` no folder (not `.`, which would fill the
    folder the command runs in with the site): both exit 2, and the folder they ran in is left as it was."""
    (out / "keep.txt").write_text("keep")
    before = snapshot(out)
    done = khcal(*args, cwd=out)
    assert done.returncode == 2 and done.stdout == b""
    assert one_line(done.stderr).startswith(said)
    assert snapshot(out) == before
