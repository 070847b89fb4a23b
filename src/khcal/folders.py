"""Where khcal's files are, as plain strings: the user's settings and caches (the XDG base directories),
the package's own data, and the definitions files of a folder.

A relative `XDG_CONFIG_HOME` or `XDG_CACHE_HOME` is ignored, as the XDG specification says, and so is
`/`. Without either, the folders are under `HOME`, and only a usable one: an empty, missing or relative
`HOME`, or `/`, gives no folder (None), and so does, for the cache, a `HOME` that is not a writable folder.
khcal then reads no settings or keeps no cache, rather than creating `/.cache/khcal` or a folder in the
working one.

A cache's files are private: `write_private` makes a missing folder 0700 and each file 0600, whatever the
umask, atomically; `read_private` reads a file only if the folder is the user's own and no one else may
write in it, and the file is a regular file of the user's that no one else may write, opened without
following a link or waiting (a FIFO opens at once and is then refused) and looked at before it is read.

Only `os`: the quick commands (`khcal.cli.fastpath`) read these before anything else is loaded.
"""

from __future__ import annotations

import os
import stat
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    FilePath = str | os.PathLike[str]
    """A file's path as khcal takes it: text or any path-like value (`pathlib.Path`)."""


PACKAGE = os.path.dirname(os.path.abspath(__file__))
"""The folder of the installed package (`khcal/`)."""


def builtin_file(name: str) -> str:
    """A data file shipped in the package (`khcal/data/NAME`), or the repository's copy when running from a
    checkout (`data/NAME` beside `src/`)."""
    packaged = os.path.join(PACKAGE, "data", name)
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(PACKAGE)), "data", name)


def settings_folder(config_home: str) -> str:
    """khcal's own folder of the user's configuration folder: `config.toml` and definitions files."""
    return os.path.join(config_home, "khcal")


def definition_files(config_home: str) -> list[str]:
    """The `*.toml` files of khcal's settings folder but `config.toml` (settings, not definitions), sorted;
    none if there is no such folder. OSError if the folder cannot be listed."""
    folder = settings_folder(config_home)
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = sorted(n for n in names if os.path.splitext(n)[1] == ".toml" and n != "config.toml")
    return [os.path.join(folder, n) for n in found]


def sources(package: str) -> tuple[tuple[str, bytes], ...] | None:
    """The name and full text of every module of a sub-package of khcal (`"core"`), or None if one cannot
    be read."""
    try:
        folder = os.path.join(PACKAGE, package)
        found = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as module:
                    found.append((name, module.read()))
    except OSError:
        return None
    return tuple(found)


def read_packaged(path: str, most: int) -> bytes | None:
    """A file of the package's own (written when it was built), up to `most` bytes; None if there is none
    or it cannot be read. It is trusted as the package's code is: no owner or mode checks."""
    try:
        if not os.path.isfile(path):
            return None  # a FIFO or a device would block or never end
        with open(path, "rb") as found:
            return found.read(most + 1)
    except OSError:
        return None


def _absolute(environ: Mapping[str, str], name: str) -> str | None:
    """The variable if it is an absolute path other than `/`."""
    value = environ.get(name, "")
    if not os.path.isabs(value) or os.path.normpath(value) in ("/", "//"):
        return None
    return value


def _home(environ: Mapping[str, str]) -> str | None:
    """`HOME` if it is an absolute path other than `/`."""
    return _absolute(environ, "HOME")


def config_dir(environ: Mapping[str, str]) -> str | None:
    """`$XDG_CONFIG_HOME`, else `~/.config`; None without a usable home."""
    found = _absolute(environ, "XDG_CONFIG_HOME")
    home = _home(environ)
    return found or (None if home is None else os.path.join(home, ".config"))


def cache_dir(environ: Mapping[str, str]) -> str | None:
    """`$XDG_CACHE_HOME/khcal`, else `~/.cache/khcal`: the folder of the catalogue cache; None without a
    usable one."""
    base = _absolute(environ, "XDG_CACHE_HOME")
    if base is None:
        home = _home(environ)
        if home is None or not (os.path.isdir(home) and os.access(home, os.W_OK | os.X_OK)):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "khcal")


# --- input files ------------------------------------------------------------------------------------------

MAX_INPUT_BYTES = 1 << 20
"""The largest definitions or settings file khcal reads: 1 MiB (1,048,576 bytes), about fourteen times the
built-in catalogue. A longer file is refused before it is parsed (docs/definitions.md, docs/config.md)."""


class NotRegularFileError(OSError):
    """A path that is neither a regular file nor a folder: a device, a FIFO, a socket."""


class TooLargeError(OSError):
    """A file longer than the limit it is read with."""


def read_input(path: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a file a user names (a definitions file, the settings file), if it is a regular file of at
    most `limit` bytes.

    Opened without waiting (a FIFO opens at once and is then refused), looked at before it is read, and read
    no further than `limit` + 1 bytes, so that `/dev/zero`, a FIFO or a growing file answers at once. Raises
    FileNotFoundError, IsADirectoryError, NotRegularFileError, TooLargeError or another OSError.
    """
    with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC), "rb") as stream:
        info = os.fstat(stream.fileno())
        if stat.S_ISDIR(info.st_mode):
            import errno

            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(path)
        if info.st_size > limit:
            raise TooLargeError(path)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(path)
    return data


# --- private files ---------------------------------------------------------------------------------------

_READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_PARTIAL = ".khcal-partial-"
_STALE = 3600.0
"""Seconds after which a partial file (of a run stopped while writing) is removed."""


def _private(info: os.stat_result, kind: Callable[[int], bool]) -> bool:
    return kind(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o022


def _open_folder(folder: str, *, create: bool) -> int | None:
    """A descriptor of `folder` if it is safe to use (made 0700 if missing and `create`)."""
    made = False
    try:
        if create and not os.path.lexists(folder):
            _make(folder)
            made = True
        directory = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        if made and _private(os.fstat(directory), stat.S_ISDIR):
            os.fchmod(directory, 0o700)  # exactly 0700, whatever the umask left
        if _private(os.fstat(directory), stat.S_ISDIR):
            return directory
    except OSError:
        pass
    os.close(directory)
    return None


def _make(folder: str) -> None:
    """Create `folder` and any missing folder above it, each 0700 at most whatever the umask."""
    parent = os.path.dirname(folder)
    if parent != folder and not os.path.lexists(parent):
        _make(parent)
    os.mkdir(folder, 0o700)


def read_private(folder: str, name: str, limit: int) -> bytes | None:
    """The bytes of `folder/name` if both are private to the user and it is a regular file of at most
    `limit` bytes; else None."""
    directory = _open_folder(folder, create=False)
    if directory is None:
        return None
    try:
        if not _private(os.stat(name, dir_fd=directory, follow_symlinks=False), stat.S_ISREG):
            return None
        stream = os.open(name, _READ, dir_fd=directory)
    except OSError:
        return None
    finally:
        os.close(directory)
    try:
        info = os.fstat(stream)
        if not _private(info, stat.S_ISREG) or info.st_size > limit:
            return None
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(stream, 1 << 20)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= limit else None
    except OSError:
        return None
    finally:
        os.close(stream)


def write_private(
    folder: str, name: str, data: bytes, *, family: tuple[str, str], entries: int, limit: int
) -> None:
    """Store `data` as `folder/name`, 0600, atomically (a reader sees the old file or the new one), after
    removing the oldest files of the family (names with that prefix and suffix) so that at most `entries`
    of at most `limit` bytes together remain. Nothing is stored where that cannot be; never an error."""
    if len(data) > limit:
        return
    directory = _open_folder(folder, create=True)
    if directory is None:
        return
    temporary = f"{_PARTIAL}{os.getpid()}-{os.urandom(4).hex()}"
    try:
        _prune(directory, family, keep=name, room=(entries - 1, limit - len(data)))
        out = os.open(temporary, _WRITE, 0o600, dir_fd=directory)
        try:
            os.fchmod(out, 0o600)
            view = memoryview(data)
            while view:
                view = view[os.write(out, view) :]
        finally:
            os.close(out)
        os.replace(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
    except OSError:  # an unwritable cache only costs the next run its time, whatever the reason
        _remove(directory, temporary)
    finally:
        os.close(directory)


def _prune(directory: int, family: tuple[str, str], *, keep: str, room: tuple[int, int]) -> None:
    """Remove stale partial files, and the oldest of the family but `keep` until `room` (files, bytes)."""
    now = time.time()
    found: list[tuple[float, str, int]] = []
    with os.scandir(directory) as listing:
        for entry in listing:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.name.startswith(_PARTIAL) and now - info.st_mtime > _STALE:
                _remove(directory, entry.name)
            elif entry.name.startswith(family[0]) and entry.name.endswith(family[1]) and entry.name != keep:
                found.append((info.st_mtime, entry.name, info.st_size))
    found.sort()
    total = sum(size for _, _, size in found)
    while found and (len(found) > room[0] or total > room[1]):
        _, name, size = found.pop(0)
        _remove(directory, name)
        total -= size


def _remove(directory: int, name: str) -> None:
    import contextlib  # only when writing: reading stays on `os` alone

    with contextlib.suppress(OSError):
        os.unlink(name, dir_fd=directory)
