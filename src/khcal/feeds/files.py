"""Writing what khcal makes: never a half-written file, never a stream, device or link replaced by a file.

Where `-o PATH` (or any path khcal is told to write) leads:

- `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`, or a file that is the very file
  standard output or error already writes to: written into that stream, in place, so that
  `khcal export -o /dev/stdout >> log` appends to the log as `>>` asked.
- A character device or a FIFO (``/dev/null``, a named pipe): written into, as a shell redirection would.
  A FIFO is opened without waiting; with no reader, khcal waits for one for at most `FIFO_WAIT` seconds,
  then stops with one line (exit 2).
- A symbolic link: followed by the kernel, with its own rules (`/proc/sys/fs/protected_symlinks`: a link
  it would refuse to follow is refused); the file it leads to is replaced (atomically), the link stays.
- A regular file the user may write, or a new file: written to a hidden temporary file in the same folder
  (an unnamed one where the file system allows it, so that even a kill leaves nothing), flushed to disk,
  then renamed over it, so that readers see the old bytes or the new, never a part. The replaced file's
  permissions (and, for root, its owner) are kept. A temporary file a killed run left behind
  (`.NAME.khcal-PID-*.tmp`, its process gone) is removed by the next run writing NAME.
- A folder, a read-only file, a link to nothing, anything else (a block device, a socket): refused, one
  line, exit 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import time

from khcal.errors import KhcalError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

FIFO_WAIT = 5.0
"""Seconds khcal waits for a reader of a FIFO it was asked to write into."""

_STREAM = re.compile(
    r"/(?:dev/(?P<std>stdin|stdout|stderr)|(?:dev|proc/(?:self|thread-self|\d+))/fd/(?P<fd>\d+))"
)
_STANDARD = {"stdin": 0, "stdout": 1, "stderr": 2}
_O_PATH = getattr(os, "O_PATH", 0)
_O_TMPFILE = getattr(os, "O_TMPFILE", 0)
_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0)


class OutputError(KhcalError):
    """A file khcal was asked to write that it cannot or must not write."""


def write_output(target: str, data: bytes, what: str) -> None:
    """Write `data` where `target` says (see the module's rules); OutputError says why it cannot."""
    if not target:  # the kernel would read it as no file at all, not as the current folder
        raise OutputError("error.feeds.output-empty", what=what)
    stream = stream_of(target)
    if stream is not None:
        _write_stream(stream, data, what, target)
        return
    try:
        found = _found(target)
    except OSError as exc:
        raise _cannot(what, target, exc) from None
    if found is None:
        _write_new(target, data, what)
        return
    info, folder, name = found
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError("error.feeds.output-folder", what=what, target=target)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _write_into(target, data, what, fifo=stat.S_ISFIFO(mode))
        return
    if not stat.S_ISREG(mode):
        raise OutputError("error.feeds.output-kind", what=what, target=target)
    standard = _standard_stream(info)
    if standard is not None:
        _write_stream(standard, data, what, target)
        return
    if not (mode & 0o222) or not os.access(target, os.W_OK):
        raise OutputError("error.feeds.output-read-only", what=what, target=target)
    replace_in(folder, name, data, what, shown=target, same_as=info)


def stream_of(target: str) -> int | None:
    """The descriptor a path names as a stream (`-`, `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`), else
    None. `/proc/PID/fd/N` is a stream only for khcal's own PID."""
    if target == "-":
        return 1
    found = _STREAM.fullmatch(os.path.normpath(target).replace("//", "/"))
    if found is None:
        return None
    if found["std"]:
        return _STANDARD[found["std"]]
    proc = re.match(r"/proc/(\d+)/", os.path.normpath(target))
    if proc is not None and int(proc[1]) != os.getpid():
        return None
    return int(found["fd"])


def _standard_stream(info: os.stat_result) -> int | None:
    """1 or 2 if the file is the one standard output or error is open on (`-o log >> log`)."""
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            held = os.fstat(fd)
            if (held.st_dev, held.st_ino) == (info.st_dev, info.st_ino) and stat.S_ISREG(held.st_mode):
                return fd
    return None


def _write_stream(fd: int, data: bytes, what: str, target: str) -> None:
    """Write into an open stream, at its own position (appending stays appending): standard output and
    error through Python's own (whatever they were replaced by), any other descriptor directly."""
    stream = {1: sys.stdout, 2: sys.stderr}.get(fd)
    try:
        if stream is not None:
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            _write_all(fd, data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _cannot(what, target, exc) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _cannot(what: str, target: str, exc: OSError) -> OutputError:
    reason = exc.strerror or os.strerror(exc.errno or 0)
    return OutputError("error.feeds.output-cannot", what=what, target=target, reason=reason)


def _found(target: str) -> tuple[os.stat_result, str, str] | None:
    """What the kernel finds at `target`, following links by its own rules: its status, and the folder and
    name of the file itself; None if there is nothing there (nor a link)."""
    if not _O_PATH or not os.path.isdir("/proc/self/fd"):
        try:
            info = os.stat(target)
        except FileNotFoundError:
            _nothing(target)
            return None
        real = os.path.realpath(target)
        return info, os.path.dirname(real), os.path.basename(real)
    try:
        fd = os.open(target, _O_PATH | os.O_CLOEXEC)
    except FileNotFoundError:
        _nothing(target)
        return None
    try:
        info = os.fstat(fd)
        real = os.readlink(f"/proc/self/fd/{fd}")
    finally:
        os.close(fd)
    return info, os.path.dirname(real), os.path.basename(real)


def _nothing(target: str) -> None:
    """Nothing at `target`: fine, unless it is a link to nothing (what it would create is not khcal's
    to decide)."""
    if os.path.islink(target):
        raise OSError(errno.ENOENT, os.strerror(errno.ENOENT))


def _write_new(target: str, data: bytes, what: str) -> None:
    folder, name = os.path.split(target)
    if not name:
        raise OutputError("error.feeds.output-folder", what=what, target=target)
    replace_in(folder or ".", name, data, what, shown=target, same_as=None)


def _write_into(target: str, data: bytes, what: str, *, fifo: bool) -> None:
    """Write into a device or a FIFO, opened without waiting (a FIFO with no reader: at most FIFO_WAIT s)."""
    flags = os.O_WRONLY | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)
    deadline = time.monotonic() + FIFO_WAIT
    while True:
        try:
            fd = os.open(target, flags)
            break
        except OSError as exc:
            if not fifo or exc.errno != errno.ENXIO:
                raise _cannot(what, target, exc) from None
            if time.monotonic() > deadline:
                raise OutputError("error.feeds.output-no-reader", what=what, target=target) from None
            time.sleep(0.05)
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data)
    except OSError as exc:
        raise _cannot(what, target, exc) from None
    finally:
        os.close(fd)


def replace_in(
    folder: str, name: str, data: bytes, what: str, *, shown: str, same_as: os.stat_result | None
) -> None:
    """Write `data` as `folder/name` through a temporary file renamed over it; `same_as`, the status of the
    file it replaces (None: a new file), whose mode it keeps. Nothing is left behind on failure."""
    try:
        directory = os.open(folder, _DIRECTORY)
    except OSError as exc:
        raise OutputError(
            "error.feeds.output-in-folder", what=what, target=shown, folder=folder, reason=exc.strerror
        ) from None
    try:
        if same_as is not None and not _same_file(directory, name, same_as):
            raise OutputError(
                "error.feeds.output-cannot", what=what, target=shown, reason="changed meanwhile"
            )
        remove_stale(directory, name)
        put_in_place(directory, name, data, mode_of(same_as))
    except OSError as exc:
        raise _cannot(what, shown, exc) from None
    finally:
        os.close(directory)


def put_in_place(directory: int, name: str, data: bytes, mode: tuple[int, int, int] | None) -> None:
    """`data` as `name` in the folder at once: a temporary file flushed, renamed over the name (Ctrl-C held
    meanwhile), then the folder flushed; nothing left behind on failure."""
    temp = Temporary(directory, name, data, mode)
    try:
        with signals_held():
            temp.link()
            os.replace(temp.named(), name, src_dir_fd=directory, dst_dir_fd=directory)
            temp.name = None
        os.fsync(directory)
    finally:
        temp.discard()


def _same_file(directory: int, name: str, info: os.stat_result) -> bool:
    try:
        now = os.stat(name, dir_fd=directory, follow_symlinks=False)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino)


def mode_of(info: os.stat_result | None) -> tuple[int, int, int] | None:
    """The permission bits, owner and group a file replacing this one keeps (None: a new file's)."""
    return None if info is None else (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)


def temporary_name(name: str) -> str:
    """The hidden name of a temporary file of khcal's for `name`: `.NAME.khcal-PID-RANDOM.tmp`."""
    return f".{name[:120]}.khcal-{os.getpid()}-{os.urandom(4).hex()}.tmp"


class Temporary:
    """The whole of `data`, on disk, flushed, with the permissions it will keep, not yet at its name.

    Unnamed (O_TMPFILE) where the file system allows it, so that a kill leaves nothing; `link` gives it its
    hidden temporary name in the folder, `discard` removes whatever is left of it.
    """

    def __init__(self, directory: int, name: str, data: bytes, mode: tuple[int, int, int] | None) -> None:
        self.directory = directory
        self.name: str | None = None
        self._fd: int | None = None
        self._wanted = temporary_name(name)
        try:
            self._fd = _unnamed(directory)
            if self._fd is None:
                self.name = self._wanted
                self._fd = os.open(
                    self.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600, dir_fd=directory
                )
            _write_all(self._fd, data)
            _permissions(self._fd, mode)
            os.fsync(self._fd)
        except BaseException:
            self.discard()
            raise

    def link(self) -> None:
        """Give the file its temporary name (if it has none yet)."""
        if self.name is None and self._fd is not None:
            source = f"/proc/self/fd/{self._fd}"
            os.link(source, self._wanted, dst_dir_fd=self.directory, follow_symlinks=True)
            self.name = self._wanted

    def named(self) -> str:
        """Its temporary name (after `link`)."""
        if self.name is None:
            raise ValueError("not linked yet")
        return self.name

    def discard(self, *, keep: bool = False) -> None:
        """Close the file and remove its temporary name, if it still has one (unless `keep`)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        if self.name is not None and not keep:
            with contextlib.suppress(OSError):
                os.unlink(self.name, dir_fd=self.directory)
            self.name = None


def _unnamed(directory: int) -> int | None:
    """An unnamed file in the folder (Linux's O_TMPFILE), or None where there is no such thing."""
    if not _O_TMPFILE or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(".", _O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600, dir_fd=directory)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None
        raise


def _permissions(fd: int, mode: tuple[int, int, int] | None) -> None:
    """The replaced file's mode (and owner, when root may keep it); a new file's: 0666 less the umask."""
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with contextlib.suppress(OSError):
            os.fchown(fd, mode[1], mode[2])
    os.fchmod(fd, mode[0])


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done (a rename is never left half-way)."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


_TEMPORARY = re.compile(r"\..*\.khcal-(?P<pid>\d+)-[0-9a-f]{8}\.tmp")


def is_temporary(name: str) -> bool:
    """Whether a name is one `temporary_name` gives."""
    return _TEMPORARY.fullmatch(name) is not None


def remove_stale(directory: int, name: str | None = None) -> None:
    """Remove the temporary files (of `name`, or all) that a run of khcal killed while writing left."""
    prefix = f".{name[:120]}.khcal-" if name is not None else "."
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for found in names:
        match = _TEMPORARY.fullmatch(found)
        if found.startswith(prefix) and match is not None and not _alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                if stat.S_ISREG(os.stat(found, dir_fd=directory, follow_symlinks=False).st_mode):
                    os.unlink(found, dir_fd=directory)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def holds(path: str, data: bytes, *, dir_fd: int | None = None, follow: bool = True) -> bool:
    """Whether `path` is a regular file holding exactly `data`; opened without waiting, read only if its
    size is that of `data`."""
    flags = os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | (0 if follow else os.O_NOFOLLOW), dir_fd=dir_fd)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        return read_at_most(fd, len(data)) == data
    except OSError:
        return False
    finally:
        os.close(fd)


def read_at_most(fd: int, limit: int) -> bytes | None:
    """The bytes of an open file, or None if it holds more than `limit`."""
    chunks, size = [], 0
    while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks) if size <= limit else None
