"""A published folder's files written as one edition: a reader, a host or a CDN sees the whole previous
edition or the whole new one, never feeds of two years or a page that links what is not there yet.

`write_edition(folder, files, what)` takes every file of the edition (relative names, `/` between folders)
and its bytes:

1. It locks the folder (one writer at a time; another gets one line, exit 2), finishes an edition a killed
   run left half-renamed (see 4), and removes the temporary files a killed run left.
2. It checks every name: a file that already holds these bytes is left alone (its modification time
   kept); anything at a name that is not a regular file (a FIFO, a device, a link, a folder) is refused
   with one line before anything is written, and is never read nor replaced.
3. It writes each changed file to a hidden temporary name in its own folder (`.NAME.khcal-PID-RANDOM.tmp`),
   flushed to disk. A failure or a kill up to here leaves the previous edition whole; a failure removes
   every temporary file at once, a kill leaves at most these hidden names, which the next run removes.
4. It writes the journal `.khcal-edition` (the names and their temporary names), then renames every
   file into place, the `index*.html` pages last, with Ctrl-C and SIGTERM held until the last rename,
   and removes the journal. Only a SIGKILL or a power cut can stop the renames half-way: the journal is
   then still there, and the next run (of `write_edition` or `read_previous`) finishes them first.

`read_previous(folder, name, limit)` reads the file of the current edition (after finishing a half-renamed
one): opened without following a link or waiting, and only if it is a regular file. None when there is no
such file or it is larger than `limit` (no edition khcal wrote is; it is then built afresh and replaced);
anything else at the name is refused as `write_edition` would.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat

from khcal.errors import KhcalError
from khcal.feeds import files

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

JOURNAL = ".khcal-edition"
"""The list of renames of an edition being put in place, in the edition's folder."""

_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | os.O_NOFOLLOW
_READ = os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY
_JOURNAL_LIMIT = 1 << 20


def write_edition(folder: str, files_: Mapping[str, bytes], what: str) -> tuple[str, ...]:
    """Put the edition `files_` in `folder` (created if missing); the names written, in the order renamed."""
    names = [_checked(name) for name in files_]
    top = _open_top(folder, create=True)
    try:
        with _locked(top, folder):
            _finish_or_fail(top, folder, what)
            with _Folders(top, folder) as folders:
                changed = [name for name in names if not _holds(folders, name, files_[name], what)]
                for name in {_parent(name) for name in names}:
                    directory = folders.open(name, create=False)
                    if directory is not None:
                        files.remove_stale(directory)
                return _put(folders, top, changed, files_)
    finally:
        os.close(top)


def read_previous(folder: str, name: str, limit: int) -> bytes | None:
    """The bytes of `folder/name` in the current edition, read safely (see the module); None if none."""
    name = _checked(name)
    try:
        top = _open_top(folder, create=False)
    except KhcalError:
        return None
    try:
        with contextlib.suppress(KhcalError), _locked(top, folder):
            _finish_or_fail(top, folder, "publish")
        with _Folders(top, folder) as folders:
            directory = folders.open(name, create=False)
            if directory is None:
                return None
            base = os.path.basename(name)
            shown = os.path.join(folder, name)
            if _kind(directory, base, shown, "publish") is None:
                return None
            try:
                fd = os.open(base, _READ, dir_fd=directory)
            except OSError as exc:
                raise files.OutputError(
                    "error.feeds.output-cannot", what="publish", target=shown, reason=exc.strerror
                ) from None
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode):
                    raise files.OutputError("error.feeds.edition-kind", what="publish", target=shown)
                return None if info.st_size > limit else files.read_at_most(fd, limit)
            finally:
                os.close(fd)
    finally:
        os.close(top)


def _checked(name: str) -> str:
    """A name of the edition: relative, `/` between folders, no `.`, `..` or empty part, no control."""
    parts = name.split("/")
    if (
        not name
        or any(part in ("", ".", "..") for part in parts)
        or any(ord(c) < 32 or c == "\x7f" for c in name)
        or "\\" in name
    ):
        raise ValueError(f"not a file name of an edition: {name!r}")
    return name


def _parent(name: str) -> str:
    """A name in the same folder as `name` (for opening that folder)."""
    return name.rpartition("/")[0] + "/x" if "/" in name else "x"


def _open_top(folder: str, *, create: bool) -> int:
    """The edition's folder, opened (links in its path followed: the user named it); created if asked."""
    try:
        if create:
            os.makedirs(folder, exist_ok=True)
        return os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except (FileExistsError, NotADirectoryError):
        raise KhcalError("error.feeds.not-folder", folder=folder) from None
    except OSError as exc:
        raise KhcalError("error.feeds.mkdir", folder=folder, reason=exc.strerror) from None


@contextlib.contextmanager
def _locked(top: int, folder: str) -> Iterator[None]:
    """One writer of the folder at a time (an advisory lock on the folder, gone with the process)."""
    import fcntl

    try:
        fcntl.flock(top, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise KhcalError("error.feeds.edition-busy", folder=folder) from None
    except OSError:
        pass  # a file system without locks: one writer is then the user's business
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(top, fcntl.LOCK_UN)


class _Folders:
    """The edition's folders, opened one part at a time without following links."""

    def __init__(self, top: int, folder: str) -> None:
        self.top = top
        self.folder = folder
        self.opened: dict[str, int] = {}
        self.made: list[tuple[int, str]] = []

    def __enter__(self) -> _Folders:
        return self

    def __exit__(self, *exc: object) -> None:
        for fd in self.opened.values():
            os.close(fd)

    def open(self, name: str, *, create: bool) -> int | None:
        """The folder of `name` (None if missing and not `create`); a part that is not a folder is refused."""
        directory, path = self.top, ""
        for part in name.split("/")[:-1]:
            path = f"{path}/{part}" if path else part
            if path not in self.opened:
                found = self._step(directory, part, path, create)
                if found is None:
                    return None
                self.opened[path] = found
            directory = self.opened[path]
        return directory

    def _step(self, directory: int, part: str, path: str, create: bool) -> int | None:
        try:
            return os.open(part, _FOLDER, dir_fd=directory)
        except FileNotFoundError:
            if not create:
                return None
        except OSError as exc:
            if exc.errno in (errno.ENOTDIR, errno.ELOOP):
                raise _refused(os.path.join(self.folder, path), "publish") from None
            raise _cannot(os.path.join(self.folder, path), exc) from None
        try:
            os.mkdir(part, 0o777, dir_fd=directory)
            self.made.append((directory, part))
            return os.open(part, _FOLDER, dir_fd=directory)
        except OSError as exc:
            raise _cannot(os.path.join(self.folder, path), exc) from None

    def remove_made(self) -> None:
        """Remove the folders this run made (after a failure), if they are still empty."""
        for directory, part in reversed(self.made):
            with contextlib.suppress(OSError):
                os.rmdir(part, dir_fd=directory)


def _refused(shown: str, what: str) -> KhcalError:
    return files.OutputError("error.feeds.edition-kind", what=what, target=shown)


def _cannot(shown: str, exc: OSError) -> KhcalError:
    return files.OutputError("error.feeds.output-cannot", what="publish", target=shown, reason=exc.strerror)


def _kind(directory: int, base: str, shown: str, what: str) -> os.stat_result | None:
    """The status of a regular file at `base` (None: nothing there); anything else is refused."""
    try:
        info = os.stat(base, dir_fd=directory, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot(shown, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise _refused(shown, what)
    return info


def _holds(folders: _Folders, name: str, data: bytes, what: str) -> bool:
    """Whether the file already holds `data` (nothing at the name: False); refused if not a regular file."""
    directory = folders.open(name, create=False)
    if directory is None:
        return False
    base = os.path.basename(name)
    if _kind(directory, base, os.path.join(folders.folder, name), what) is None:
        return False
    return files.holds(base, data, dir_fd=directory, follow=False)


def _order(names: list[str]) -> list[str]:
    """The files first, the `index*.html` pages last, the deepest first and the top folder's last of all."""

    def key(name: str) -> tuple[bool, int]:
        base = name.rpartition("/")[2]
        page = base.startswith("index") and base.endswith(".html")
        return page, -name.count("/") if page else 0

    return sorted(names, key=key)


def _put(folders: _Folders, top: int, changed: list[str], files_: Mapping[str, bytes]) -> tuple[str, ...]:
    """Write the changed files to temporary names, then the journal, then rename them all."""
    temporary: dict[str, files.Temporary] = {}
    committed = False
    try:
        for name in changed:
            directory = folders.open(name, create=True)
            if directory is None:  # pragma: no cover - created above
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
            base = os.path.basename(name)
            info = _kind(directory, base, os.path.join(folders.folder, name), "publish")
            temporary[name] = made = files.Temporary(directory, base, files_[name], files.mode_of(info))
            made.link()
        if not changed:
            return ()
        order = _order(changed)
        with files.signals_held():
            _write_journal(top, [(name, temporary[name].named()) for name in order])
            committed = True  # from here on, a run stopped half-way is finished by the next one
            for name in order:
                made = temporary[name]
                os.replace(made.named(), os.path.basename(name), src_dir_fd=made.directory,
                           dst_dir_fd=made.directory)  # fmt: skip
                made.name = None
            _sync(folders, top)
            os.unlink(JOURNAL, dir_fd=top)
        return tuple(order)
    except OSError as exc:
        raise _cannot(folders.folder, exc) from None
    finally:
        for made in temporary.values():
            made.discard(keep=committed)
        if not committed:
            folders.remove_made()


def _write_journal(top: int, journal: list[tuple[str, str | None]]) -> None:
    data = json.dumps(journal).encode("utf-8")
    made = files.Temporary(top, JOURNAL, data, None)
    try:
        made.link()
        os.replace(made.named(), JOURNAL, src_dir_fd=top, dst_dir_fd=top)
        made.name = None
        os.fsync(top)
    finally:
        made.discard()


def _sync(folders: _Folders, top: int) -> None:
    for fd in (top, *folders.opened.values()):
        with contextlib.suppress(OSError):
            os.fsync(fd)


def _finish_or_fail(top: int, folder: str, what: str) -> None:
    try:
        _finish(top, folder, what)
    except OSError as exc:
        raise _cannot(folder, exc) from None


def _finish(top: int, folder: str, what: str) -> None:
    """Finish the renames of an edition a killed run left half-way (its journal is still there), then
    remove the journal; then remove the temporary files killed runs left in the folder."""
    journal = _read_journal(top)
    if journal:
        with _Folders(top, folder) as folders:
            for name, temp in journal:
                directory = folders.open(name, create=False)
                if directory is None or not files.is_temporary(temp):
                    continue
                if _kind(directory, temp, os.path.join(folder, name), what) is not None:
                    _kind(directory, os.path.basename(name), os.path.join(folder, name), what)
                    os.replace(temp, os.path.basename(name), src_dir_fd=directory, dst_dir_fd=directory)
            _sync(folders, top)
    with contextlib.suppress(OSError):
        os.unlink(JOURNAL, dir_fd=top)
    files.remove_stale(top)


def _read_journal(top: int) -> list[tuple[str, str]]:
    """The renames the journal lists; none if there is no journal or it is not one khcal wrote."""
    try:
        fd = os.open(JOURNAL, _READ, dir_fd=top)
    except OSError:
        return []
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return []
        data = files.read_at_most(fd, _JOURNAL_LIMIT)
        found = json.loads(data or b"")
        return [(_checked(name), temp) for name, temp in found if isinstance(temp, str) and "/" not in temp]
    except (OSError, ValueError, TypeError):
        return []
    finally:
        os.close(fd)
