"""The compiled catalogue: a validated, merged catalogue kept in a cache folder between runs.

Reading and validating the definitions files costs more than the rest of a quick command, so the
catalogue they give is stored as plain data (tuples, strings, numbers) with `marshal`, the fastest loader of
the standard library that runs no code. It is stored with what it was built from: khcal's version, the
shape of the model, and the path, kind and full text of every input file. A stored catalogue is used only
when all of these are equal to this run's (compared whole, not by a hash), so it can never differ from a
fresh parse. A missing, stale, corrupt or unwritable cache is never an error:
the catalogue is built from the files and, where the folder allows, stored again.

The same file keeps the table of Khmer lunar months the schedule is computed on (`lunar_years`): it comes
from arithmetic alone, but building it costs as much as reading the whole cache. So that a changed
formula can never be answered from an old table, even in a checkout whose version number has not moved,
the key also holds the full source of every module of the core (reading them costs a fraction of a
millisecond; sizes and modification times are never trusted: `cp -p` keeps both).

A file is used only if its mark and checksum are whole, and only as `khcal.folders.read_private` allows:
the user's own regular file, in the user's own folder, that no one else may write (it is written 0600 in a
0700 folder, atomically). At most MAX_ENTRIES files of MAX_BYTES together are kept, the oldest removed
when one is written.

The caller chooses the folder (the settings layer passes `$XDG_CACHE_HOME/khcal`); the core reads no
environment.
"""

from __future__ import annotations

import marshal
import zlib
from datetime import date, datetime

from khcal import __version__, folders
from khcal.core import lunar_years, model, rules
from khcal.core.records import fields_of, rebuilt

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

_FORMAT = 3
"""The version of the encoding below; raise it when the encoding changes."""

_CLASSES: tuple[type, ...] = (
    model.Text,
    model.Source,
    model.HolidayPeriod,
    model.Decree,
    model.HistoryNote,
    model.Observance,
    model.Published,
    model.InLieuRule,
    model.Catalogue,
    *(kind for kind in rules.KINDS.values() if isinstance(kind, type)),
)
_TAGS = {cls: i for i, cls in enumerate(_CLASSES)}
_FIELDS = {cls: fields_of(cls) for cls in _CLASSES}


def schema() -> str:
    """The shape of the stored values: a change of a model class changes every key."""
    return repr([(cls.__name__, _FIELDS[cls]) for cls in _CLASSES])


if TYPE_CHECKING:
    Inputs = list[tuple[str, bool, str]]
    """The files a catalogue is built from: (path, laid over the built-in catalogue, full text) each."""

MAX_ENTRIES = 8
"""Catalogues kept at most (one per set of input paths); the oldest go first."""
MAX_BYTES = 16 * 1024 * 1024
"""Bytes the kept catalogues take at most together; a bigger one is not stored."""
_MAGIC = b"khcal catalogue\n"
_HEADER = len(_MAGIC) + 4  # then the CRC-32 of the rest, then the marshalled (key, catalogue, month table)
_PREFIX, _SUFFIX = "catalogue-", ".marshal"


def code() -> tuple[tuple[str, bytes], ...] | None:
    """The name and full source of every module of the core (what the answers are computed by), or None if
    one cannot be read (then nothing is cached)."""
    return folders.sources("core")


def key(inputs: Inputs) -> tuple[Any, ...] | None:
    """What a stored catalogue must have been built from to be used for `inputs` (None: do not cache)."""
    sources = code()
    return None if sources is None else (_FORMAT, __version__, schema(), sources, tuple(inputs))


def cached(folder: str, inputs: Inputs, build: Callable[[], model.Catalogue]) -> model.Catalogue:
    """The catalogue of `inputs` as stored in `folder`, else `build()`, then stored."""
    wanted = key(inputs)
    if wanted is None:
        return build()
    name = file_name(inputs)
    found = _read(folder, name, wanted)
    if found is not None:
        return found
    catalogue = build()
    _write(folder, name, wanted, catalogue)
    return catalogue


# --- the built-in catalogue, compiled when the package is built ------------------------------------------

PACKAGED = "observances.marshal"
"""The compiled built-in catalogue, beside `observances.toml` in the package's data (hatch_build.py)."""


def _packaged_key(text: str) -> tuple[Any, ...] | None:
    sources = code()
    return None if sources is None else (_FORMAT, __version__, schema(), sources, text)


def compile_builtin(text: str, catalogue: model.Catalogue, path: str) -> bytes:
    """The bytes of the packaged built-in catalogue: parsed from `text` (read at `path`), with the month
    table. The key holds the full text and the core's full source, so that an installed copy is used only
    with the code and data it was built from; `path` is stored as a mark, read back as the installed one."""
    key = _packaged_key(text)
    assert key is not None, "the core's sources are readable when khcal is built"
    return pack((key, encode(catalogue, path), lunar_years.table_data()))


def packaged(text: str) -> model.Catalogue | None:
    """The built-in catalogue as compiled when the package was built, if it was built from `text` by this
    code; None otherwise (then it is parsed). Read beside the module, as the package's code is."""
    here = folders.builtin_file("observances.toml")
    data = folders.read_packaged(folders.builtin_file(PACKAGED), MAX_BYTES)
    return _catalogue(data, _packaged_key(text) if data is not None else None, here)


def file_name(inputs: Inputs) -> str:
    """The file of a set of input paths, so that runs with different files do not replace each other's
    (a clash of names only costs a rebuild: the whole key is compared)."""
    paths = zlib.crc32("\0".join(path for path, _, _ in inputs).encode("utf-8", "surrogatepass"))
    return f"{_PREFIX}{paths:08x}{_SUFFIX}"


def pack(value: Any) -> bytes:
    """A stored file's bytes: a mark, a checksum, then `value` marshalled."""
    data = marshal.dumps(value)
    return _MAGIC + zlib.crc32(data).to_bytes(4, "little") + data


def unpack(data: bytes) -> Any:
    """The value `pack` stored, or None if the bytes are not whole."""
    body = memoryview(data)[_HEADER:]
    checksum = int.from_bytes(data[len(_MAGIC) : _HEADER], "little")
    if not data.startswith(_MAGIC) or zlib.crc32(body) != checksum:
        return None
    try:
        return marshal.loads(body)
    except Exception:  # a damaged file is a miss, whatever marshal finds wrong with it
        return None


def _read(folder: str, name: str, wanted: tuple[Any, ...]) -> model.Catalogue | None:
    return _catalogue(folders.read_private(folder, name, MAX_BYTES), wanted)


def _catalogue(
    data: bytes | None, wanted: tuple[Any, ...] | None, builtin: str = ""
) -> model.Catalogue | None:
    """The catalogue stored in `data` if built from `wanted` (else None), its month table put to use."""
    stored = None if data is None or wanted is None else unpack(data)
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == wanted):
        return None
    try:
        found = decode(stored[1], builtin)
        table = _table(stored[2])
    except Exception:  # a stored value of the wrong shape is rebuilt, whatever is wrong with it
        return None
    if not isinstance(found, model.Catalogue):
        return None
    if table is not None:
        lunar_years.use_table_data(table)
    return found


def _table(data: Any) -> lunar_years.TableData | None:
    """The stored month table if it has the shape `lunar_years.table_data()` gives (else it is rebuilt)."""
    if not (isinstance(data, tuple) and len(data) == 5 and all(isinstance(d, list) for d in data[:4])):
        return None
    if len({len(d) for d in data[:4]}) != 1 or not isinstance(data[4], dict):
        return None
    return data


def _write(folder: str, name: str, wanted: tuple[Any, ...], catalogue: model.Catalogue) -> None:
    data = pack((wanted, encode(catalogue), lunar_years.table_data()))
    family = (_PREFIX, _SUFFIX)
    folders.write_private(folder, name, data, family=family, entries=MAX_ENTRIES, limit=MAX_BYTES)


# --- plain data ------------------------------------------------------------------------------------------
# Each value is a tuple whose first item says what it is: ("c", class, fields...), ("t", items...) for a
# tuple, ("m", keys..., values...) for a mapping, ("d", ordinal) for a date, ("s", ISO text) for a date and
# time. Strings, numbers, booleans and None stand for themselves.


def encode(value: Any, builtin: str = "") -> Any:
    """A catalogue value as plain data for `marshal`; the text `builtin` (a path) is stored as a mark."""
    if isinstance(value, str) and value == builtin and builtin:
        return ("p",)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime):
        return ("s", value.isoformat())
    if isinstance(value, date):
        return ("d", value.toordinal())
    if isinstance(value, tuple):
        return ("t", *(encode(v, builtin) for v in value))
    if isinstance(value, dict):
        return (
            "m",
            tuple(encode(k, builtin) for k in value),
            tuple(encode(v, builtin) for v in value.values()),
        )
    cls = type(value)
    return ("c", _TAGS[cls], *(encode(getattr(value, name), builtin) for name in _FIELDS[cls]))


def decode(value: Any, builtin: str = "") -> Any:
    """The catalogue value that `encode` gave as plain data; the mark of a path stands for `builtin`."""
    if not isinstance(value, tuple):
        return value
    tag = value[0]
    if tag == "c":
        return rebuilt(_CLASSES[value[1]], [decode(v, builtin) for v in value[2:]])
    if tag == "t":
        return tuple(decode(v, builtin) for v in value[1:])
    if tag == "m":
        keys = (decode(k, builtin) for k in value[1])
        return dict(zip(keys, (decode(v, builtin) for v in value[2]), strict=True))
    if tag == "d":
        return date.fromordinal(value[1])
    if tag == "s":
        return datetime.fromisoformat(value[1])
    if tag == "p":
        return builtin
    raise ValueError(tag)
