"""The published folder, reached safely: its names checked, its subfolders opened one part at a time without
following links, and what is at a name told apart (a regular file, nothing, or something refused).

Shared by the edition (`khcal.feeds.edition`) and its journal (`khcal.feeds.journal`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat

from khcal.errors import KhcalError
from khcal.feeds import files

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

OPEN_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | os.O_NOFOLLOW
READ = os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY


def checked(name: str) -> str:
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


def open_top(folder: str, *, create: bool) -> int:
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
def locked(top: int, folder: str) -> Iterator[None]:
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


def refused(shown: str, what: str) -> KhcalError:
    return files.OutputError("error.feeds.edition-kind", what=what, target=shown)


def cannot(shown: str, exc: OSError) -> KhcalError:
    return files.OutputError("error.feeds.output-cannot", what="publish", target=shown, reason=exc.strerror)


def kind(directory: int, base: str, shown: str, what: str) -> os.stat_result | None:
    """The status of a regular file at `base` (None: nothing there); anything else is refused."""
    try:
        info = os.stat(base, dir_fd=directory, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise cannot(shown, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise refused(shown, what)
    return info


class Folders:
    """The edition's folders, opened one part at a time without following links."""

    def __init__(self, top: int, folder: str) -> None:
        self.top = top
        self.folder = folder
        self.opened: dict[str, int] = {}
        self.made: list[tuple[int, str]] = []

    def __enter__(self) -> Folders:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for fd in self.opened.values():
            os.close(fd)
        self.opened.clear()

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
            return os.open(part, OPEN_FOLDER, dir_fd=directory)
        except FileNotFoundError:
            if not create:
                return None
        except OSError as exc:
            if exc.errno in (errno.ENOTDIR, errno.ELOOP):
                raise refused(os.path.join(self.folder, path), "publish") from None
            raise cannot(os.path.join(self.folder, path), exc) from None
        try:
            os.mkdir(part, 0o777, dir_fd=directory)
            self.made.append((directory, part))
            return os.open(part, OPEN_FOLDER, dir_fd=directory)
        except OSError as exc:
            raise cannot(os.path.join(self.folder, path), exc) from None

    def remove_made(self) -> None:
        """Remove the folders this run made (after a failure), if they are still empty."""
        for directory, part in reversed(self.made):
            with contextlib.suppress(OSError):
                os.rmdir(part, dir_fd=directory)

    def sync(self) -> None:
        for fd in (self.top, *self.opened.values()):
            with contextlib.suppress(OSError):
                os.fsync(fd)

    def remove(self, name: str) -> bool:
        """Remove the regular file `name` (a link, a folder or anything else there is left alone), then its
        folders that this leaves empty; whether a file was removed."""
        try:
            directory = self.open(name, create=False)
        except KhcalError:
            return False  # a part of its path is not a folder: not where khcal wrote it
        base = os.path.basename(name)
        try:
            if directory is None or not stat.S_ISREG(
                os.stat(base, dir_fd=directory, follow_symlinks=False).st_mode
            ):
                return False
            os.unlink(base, dir_fd=directory)
        except FileNotFoundError:
            return False
        parts = name.split("/")[:-1]
        while parts:
            parent = self.opened.get("/".join(parts[:-1]), self.top) if len(parts) > 1 else self.top
            try:
                os.rmdir(parts[-1], dir_fd=parent)
            except OSError:
                break  # not empty (or not ours to remove): it stays
            os.close(self.opened.pop("/".join(parts)))
            parts.pop()
        return True
