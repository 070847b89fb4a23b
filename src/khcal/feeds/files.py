"""Writing what khcal makes: never a half-written file, never a device or a link replaced by a file.

- `-`: standard output.
- A character device or a FIFO (``/dev/null``, a named pipe): written into, as a shell redirection would.
- A symbolic link: followed; its target is replaced (atomically), the link stays a link.
- A regular file the user may write, or a new file: written to a temporary file in the same folder, flushed
  to disk, then renamed over it, so that readers see the old bytes or the new, never a part. The replaced
  file's permissions (and, for root, its owner) are kept.
- A folder, a read-only file, anything else (a block device, a socket): refused, one line, exit 2.

`write_if_changed` writes only when the bytes differ, so an unchanged file keeps its modification time.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from khcal.errors import KhcalError


class OutputError(KhcalError):
    """A file khcal was asked to write that it cannot or must not write."""


def write_output(target: str, data: bytes, what: str) -> None:
    """Write `data` where `target` says (see the module's rules); OutputError says why it cannot."""
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(os.path.realpath(target)) if os.path.islink(target) else Path(target)
    try:
        info = path.stat()
    except FileNotFoundError:
        write_atomically(path, data, what, shown=target)
        return
    except OSError as exc:
        raise OutputError(
            "error.feeds.output-cannot", what=what, target=target, reason=exc.strerror
        ) from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError("error.feeds.output-folder", what=what, target=target)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _write_into(path, data, what, target)
        return
    if not stat.S_ISREG(mode):
        raise OutputError("error.feeds.output-kind", what=what, target=target)
    if not (mode & 0o222) or not os.access(path, os.W_OK):
        raise OutputError("error.feeds.output-read-only", what=what, target=target)
    write_atomically(path, data, what, shown=target)


def _write_into(path: Path, data: bytes, what: str, shown: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise OutputError("error.feeds.output-cannot", what=what, target=shown, reason=exc.strerror) from None


def write_atomically(path: Path, data: bytes, what: str, shown: str | None = None) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it into place.

    A failure at any step leaves an existing file as it was and no temporary file behind.
    """
    shown = shown if shown is not None else str(path)
    folder = path.parent
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(
            "error.feeds.output-in-folder", what=what, target=shown, folder=str(folder), reason=exc.strerror
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _same_permissions(path, temp)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise OutputError(
                "error.feeds.output-cannot", what=what, target=shown, reason=exc.strerror
            ) from None
        raise


def _same_permissions(path: Path, temp: str) -> None:
    """The replaced file's mode (and owner, when root may keep it); a new file's: 0666 less the umask."""
    try:
        info = path.stat()
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        with contextlib.suppress(OSError):
            os.chown(temp, info.st_uid, info.st_gid)
    os.chmod(temp, stat.S_IMODE(info.st_mode))


def write_if_changed(path: Path, data: bytes, what: str) -> bool:
    """Write `data` to `path` (atomically) unless it already holds exactly these bytes; True if written."""
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_output(str(path), data, what)
    return True
