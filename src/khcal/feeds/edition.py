"""A published folder's files written as one edition: a reader, a host or a CDN sees the whole previous
edition or the whole new one, never feeds of two years or a page that links what is not there yet.

An `Edition` of a folder takes the files one at a time (`add(name, data)`: relative names, `/` between
folders), so that no more than one file's bytes need be held at once, and puts them all in place at once
(`commit`); `write_edition(folder, files, what)` does both for a table of files.

1. Opening it locks the folder (one writer at a time; another gets one line, exit 2), finishes an edition a
   killed run left half-done (see 4), and removes the temporary files a killed run left. `previous(name,
   limit)` then reads a file of the current edition safely (opened without following a link or waiting,
   only if it is a regular file, None if larger than `limit`).
2. `add` checks the name: a file that already holds these bytes is left alone (its modification time kept);
   anything at a name that is not a regular file (a FIFO, a device, a link, a folder) is refused with one
   line, and is never read nor replaced.
3. A changed file is written at once, flushed to disk, as an unnamed file of its own folder (Linux's
   O_TMPFILE, held open; the first `UNNAMED_LIMIT` of them), which the kernel drops if the process dies;
   where there is no such thing, or past the limit, under a hidden temporary name
   (`.NAME.khcal-PID-RANDOM.tmp`). A failure or a kill up to the commit leaves the previous edition whole:
   a failure (or Ctrl-C) removes every temporary file and the folders this run made; a SIGKILL leaves at
   most the new folders and any hidden names, which the next run fills or removes.
4. `commit` finds the files of the previous edition that this one no longer has (a year no longer
   published, a day no longer in the catalogue): the names the previous edition listed in `.khcal-files`
   (`khcal.feeds.journal`) that still hold a regular file, and nothing khcal did not list. It gives every
   file its hidden name, writes the journal `.khcal-edition` (the renames and these removals), then renames
   every file into place, the `index*.html` pages last and `.khcal-files` after them, then removes the
   files of the previous edition (and the folders this leaves empty), with Ctrl-C and SIGTERM held until
   the end, and removes the journal. So the index pages no longer link a removed file before it goes.
   Only a SIGKILL or a power cut can stop this half-way: the journal is then still there, and the next run
   finishes it first.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass

from khcal.errors import KhcalError
from khcal.feeds import files, journal
from khcal.feeds.folder import READ, Folders, cannot, checked, kind, locked, open_top, refused

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

JOURNAL = journal.JOURNAL
MANIFEST = journal.MANIFEST
UNNAMED_LIMIT = 256
"""How many written files an edition holds open without a name (O_TMPFILE) until its commit; past it,
files get their hidden temporary names at once (and one file descriptor each is not held)."""


@dataclass(frozen=True, slots=True)
class Done:
    """What a commit changed: the files written (in the order renamed) and those removed."""

    written: tuple[str, ...]
    removed: tuple[str, ...]


def write_edition(folder: str, files_: Mapping[str, bytes], what: str) -> tuple[str, ...]:
    """Put the edition `files_` in `folder` (created if missing); the names written, in the order renamed."""
    names = [checked(name) for name in files_]
    with Edition(folder, what) as edition:
        for name in names:
            edition.add(name, files_[name])
        return edition.commit().written


def read_previous(folder: str, name: str, limit: int) -> bytes | None:
    """The bytes of `folder/name` in the current edition, read safely (see the module); None if none."""
    name = checked(name)
    try:
        top = open_top(folder, create=False)
    except KhcalError:
        return None
    try:
        with contextlib.suppress(KhcalError), locked(top, folder):
            _finish(top, folder, "publish")
        with Folders(top, folder) as folders:
            return _read(folders, name, limit)
    finally:
        os.close(top)


def _read(folders: Folders, name: str, limit: int) -> bytes | None:
    directory = folders.open(name, create=False)
    if directory is None:
        return None
    base = os.path.basename(name)
    shown = os.path.join(folders.folder, name)
    if kind(directory, base, shown, "publish") is None:
        return None
    try:
        fd = os.open(base, READ, dir_fd=directory)
    except OSError as exc:
        raise cannot(shown, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise refused(shown, "publish")
        return None if info.st_size > limit else files.read_at_most(fd, limit)
    finally:
        os.close(fd)


def _finish(top: int, folder: str, what: str) -> None:
    try:
        journal.finish(top, folder, what)
    except OSError as exc:
        raise cannot(folder, exc) from None


def _order(names: list[str]) -> list[str]:
    """The files first, the `index*.html` pages last, the deepest first and the top folder's last of all."""

    def key(name: str) -> tuple[bool, int]:
        base = name.rpartition("/")[2]
        page = base.startswith("index") and base.endswith(".html")
        return page, -name.count("/") if page else 0

    return sorted(names, key=key)


class Edition:
    """One edition of a folder being written (see the module): `add` each file, then `commit`."""

    def __init__(self, folder: str, what: str) -> None:
        self.folder = folder
        self.what = what
        self.names: dict[str, None] = {}
        self._temporary: dict[str, files.Temporary] = {}
        self._cleaned: set[int] = set()
        self._unnamed = 0
        self._committed = False

    def __enter__(self) -> Edition:
        self._top = open_top(self.folder, create=True)
        self._lock = locked(self._top, self.folder)
        try:
            self._lock.__enter__()
            _finish(self._top, self.folder, self.what)
            self._before = journal.manifest(self._top)
        except BaseException:
            self._lock.__exit__(None, None, None)
            os.close(self._top)
            raise
        self._folders = Folders(self._top, self.folder)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            for made in self._temporary.values():
                made.discard(keep=self._committed)
            if not self._committed:
                self._folders.remove_made()
            self._folders.close()
        finally:
            self._lock.__exit__(None, None, None)
            os.close(self._top)

    def previous(self, name: str, limit: int) -> bytes | None:
        """The bytes of `name` in the current (previous) edition, read safely; None if none or too large."""
        return _read(self._folders, checked(name), limit)

    def add(self, name: str, data: bytes) -> None:
        """A file of the edition: left alone if it already holds `data`, else written aside (see above)."""
        if checked(name) in self.names or name in (JOURNAL, MANIFEST):
            raise ValueError(f"a file given twice, or one of khcal's own: {name!r}")
        self.names[name] = None
        self._put(name, data)

    def _put(self, name: str, data: bytes) -> None:
        shown = os.path.join(self.folder, name)
        base = os.path.basename(name)
        directory = self._folders.open(name, create=False)
        info = None
        if directory is not None:
            self._clean(directory)
            info = kind(directory, base, shown, self.what)
            if info is not None and files.holds(base, data, dir_fd=directory, follow=False):
                return
        try:
            directory = self._folders.open(name, create=True)
            if directory is None:  # pragma: no cover - created above
                raise FileNotFoundError(2, os.strerror(2))
            self._clean(directory)
            made = self._temporary[name] = files.Temporary(directory, base, data, files.mode_of(info))
            self._unnamed += made.name is None
            if made.name is not None or self._unnamed > UNNAMED_LIMIT:
                made.link()
                made.discard(keep=True)  # closed, its temporary name kept until the commit
        except OSError as exc:
            raise cannot(self.folder, exc) from None

    def _clean(self, directory: int) -> None:
        """Remove the temporary files killed runs left in a folder, once, before writing there."""
        if directory not in self._cleaned:
            self._cleaned.add(directory)
            files.remove_stale(directory)

    def _stale(self) -> list[str]:
        """The files the previous edition listed, this one does not have and that are still regular files."""
        out = []
        for name in self._before:
            if name in self.names:
                continue
            try:
                directory = self._folders.open(name, create=False)
                if directory is not None and kind(directory, os.path.basename(name), name, self.what):
                    out.append(name)
            except KhcalError:
                continue  # not a regular file, or not where khcal wrote it: left alone
        return out

    def commit(self) -> Done:
        """Put the edition in place (see the module); what it wrote and removed."""
        stale = self._stale()
        self._put(MANIFEST, journal.manifest_bytes(list(self.names)))
        changed = _order([name for name in self._temporary if name != MANIFEST])
        order = changed + [MANIFEST] * (MANIFEST in self._temporary)
        if not order and not stale:
            return Done((), ())
        try:
            with files.signals_held():
                for name in order:
                    self._temporary[name].link()
                journal.write(self._top, [(name, self._temporary[name].named()) for name in order], stale)
                self._committed = True  # from here on, a run stopped half-way is finished by the next one
                for name in order:
                    made = self._temporary[name]
                    os.replace(made.named(), os.path.basename(name), src_dir_fd=made.directory,
                               dst_dir_fd=made.directory)  # fmt: skip
                    made.name = None
                removed = tuple(name for name in stale if self._folders.remove(name))
                self._folders.sync()
                os.unlink(JOURNAL, dir_fd=self._top)
        except OSError as exc:
            raise cannot(self.folder, exc) from None
        return Done(tuple(changed), removed)
