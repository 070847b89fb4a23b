"""The two records an edition keeps in its folder (`khcal.feeds.edition`).

`.khcal-edition`, the journal, exists only while an edition is being put in place: the renames (each file's
name and its temporary name) and the removals (the files of the previous edition this one no longer has).
A run killed by SIGKILL or a power cut between the first rename and the last removal leaves it behind, and
the next run finishes what it lists first (`finish`). A journal of an older khcal (a list of renames) is
read as renames only.

`.khcal-files`, the list of the files of the current edition, one of the edition's own files (renamed into
place with them): the next edition removes the files it lists and no longer has, and nothing else. A folder
without it (first published by an older khcal, or never) has nothing removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat

from khcal.feeds import files
from khcal.feeds.folder import READ, Folders, checked, kind

JOURNAL = ".khcal-edition"
MANIFEST = ".khcal-files"
_LIMIT = 8 << 20

Renames = list[tuple[str, str]]


def write(top: int, renames: list[tuple[str, str | None]], removals: list[str]) -> None:
    """Write the journal (flushed to disk) before the first rename."""
    data = json.dumps({"renames": renames, "removals": removals}).encode("utf-8")
    files.put_in_place(top, JOURNAL, data, None)


def _read_json(top: int, name: str) -> object:
    """The JSON value of the regular file `name` in the top folder (None if there is none, or not JSON)."""
    try:
        fd = os.open(name, READ, dir_fd=top)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = files.read_at_most(fd, _LIMIT)
        return json.loads(data) if data else None
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


def _names(value: object) -> list[str]:
    """The names of a list, those that are names of an edition (others ignored: not khcal's)."""
    out: list[str] = []
    for name in value if isinstance(value, list) else []:
        with contextlib.suppress(ValueError):
            if isinstance(name, str) and name not in (JOURNAL, MANIFEST):
                out.append(checked(name))
    return out


def read(top: int) -> tuple[Renames, list[str]]:
    """The renames and removals the journal lists; none if there is none or it is not one khcal wrote."""
    found = _read_json(top, JOURNAL)
    renames: object = found if isinstance(found, list) else None
    removals: object = None
    if isinstance(found, dict):
        renames, removals = found.get("renames"), found.get("removals")
    out: Renames = []
    for item in renames if isinstance(renames, list) else []:
        with contextlib.suppress(ValueError, TypeError):
            name, temp = item
            if isinstance(name, str) and isinstance(temp, str) and "/" not in temp:
                out.append((checked(name), temp))
    return out, _names(removals)


def manifest(top: int) -> list[str]:
    """The files the current edition lists as its own (none without a list khcal wrote)."""
    return _names(_read_json(top, MANIFEST))


def manifest_bytes(names: list[str]) -> bytes:
    """The list of an edition's files, as `.khcal-files` holds it."""
    return (json.dumps(names, ensure_ascii=False, indent=0) + "\n").encode("utf-8")


def finish(top: int, folder: str, what: str) -> None:
    """Finish the renames and removals of an edition a killed run left half-way (its journal is still
    there), then remove the journal; then remove the temporary files killed runs left in the folder."""
    renames, removals = read(top)
    if renames or removals:
        with Folders(top, folder) as folders:
            for name, temp in renames:
                directory = folders.open(name, create=False)
                if directory is None or not files.is_temporary(temp):
                    continue
                if kind(directory, temp, os.path.join(folder, name), what) is not None:
                    kind(directory, os.path.basename(name), os.path.join(folder, name), what)
                    os.replace(temp, os.path.basename(name), src_dir_fd=directory, dst_dir_fd=directory)
            for name in removals:
                folders.remove(name)
            folders.sync()
    with contextlib.suppress(OSError):
        os.unlink(JOURNAL, dir_fd=top)
    files.remove_stale(top)
