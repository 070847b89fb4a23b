"""The `khcal` command's entry point, and the answers it remembers for status bars, prompts and cron jobs.

`khcal is-holiday`, `is-workday`, `workdays` and the one-line forms of `khcal today` are run over and over
with the same arguments, and their answer can change only when one of their inputs does: the arguments,
the environment, the day, a definitions or settings file, or khcal's own code. So the first run of such a
command line on a day keeps its answer (what it printed and its exit code) in the cache folder, with
everything it was computed from:

- the command line, the working folder, the environment variables that khcal or its output reads, whether
  stdout is a terminal, and the Python and khcal versions, compared whole;
- every file the run opened and every folder it listed (the catalogue, `config.toml`, the user's
  definitions folder, the time zone), and every module of khcal, by size and modification time;
- the day in the time zone of the answer, and how long that zone keeps its present offset from UTC, so
  that the day can be told from the clock without loading the zone database again.

Any difference, a missing or unreadable file, or anything unexpected is a miss, never an error: the
command then runs as usual (`khcal.cli.fastpath`) and stores its answer again. A remembered answer is
therefore always the one a fresh run gives. Only answers given without an error are kept; input read from
stdin (`-`) never is. This module imports nothing but the standard library's built-ins, so that a
remembered answer costs little more than starting Python.
"""

from __future__ import annotations

import marshal
import os
import sys
import time

from khcal.folders import cache_folder, config_folder

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

_FORMAT = 1
"""The version of the stored layout below; raise it when the layout changes."""

_COMMANDS = frozenset({"is-holiday", "is-workday", "workdays", "next", "today"})
_ENVIRONMENT = (
    "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM",
    "COLORTERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "LANG", "LC_ALL",
    "LC_CTYPE", "TZ", "PYTHONIOENCODING", "PYTHONUTF8",
)  # fmt: skip
"""The variables khcal, its settings and rich (colour, width) read."""
_DAYS_KEPT = 62
"""Days of answers kept per command line: about two months of a daily status bar or cron job."""
_ZONE_STEP = 900
"""Seconds between the samples of a zone's offset: every zone's offsets and changes are on a quarter hour."""
_ZONE_HORIZON = 7 * 86400
"""How far ahead a zone's offset is followed when an answer is stored."""


def remembers(argv: Sequence[str]) -> bool:
    """Whether the answer of this command line may be kept: a quick command, with no input from stdin."""
    return bool(argv) and argv[0] in _COMMANDS and "-" not in argv and "--help" not in argv


def _key(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[object, ...]:
    from khcal import __version__

    read = (k for k in environ if k.startswith("KHCAL_") or k in _ENVIRONMENT)
    variables = tuple(sorted((k, environ[k]) for k in read))
    return (_FORMAT, __version__, sys.version, tuple(argv), os.getcwd(), variables, _terminal())


def _terminal() -> tuple[object, ...]:
    """Which standard streams are terminals, and the size rich would draw for (colour and width)."""
    size: tuple[int, int] | None = None
    for descriptor in (0, 1, 2):
        try:
            size = tuple(os.get_terminal_size(descriptor))  # type: ignore[assignment]
            break
        except (OSError, ValueError):
            continue
    return (os.isatty(0), os.isatty(1), os.isatty(2), size)


def _file_name(key: tuple[object, ...]) -> str:
    from zlib import crc32

    # repr, not marshal: marshal's bytes depend on how objects are shared, not only on their values.
    return f"answers-{crc32(repr(key).encode('utf-8', 'surrogateescape')):08x}.marshal"


def _stamp(path: str) -> tuple[int, int] | None:
    """Size and modification time of a file or folder, None if there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def _day(offset: int, now: float) -> str:
    """The ISO date at `now` in a zone `offset` seconds east of UTC."""
    year, month, mday = time.gmtime(now + offset)[:3]
    return f"{year:04d}-{month:02d}-{mday:02d}"


def _read(path: str) -> dict[str, object] | None:
    try:
        with open(path, "rb") as stream:
            found = marshal.load(stream)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def lookup(argv: Sequence[str], environ: Mapping[str, str], now: float) -> tuple[str, str, int] | None:
    """The remembered answer of `argv` now: (stdout, stderr, exit code), or None to run the command."""
    key = _key(argv, environ)
    stored = _read(os.path.join(cache_folder(environ), _file_name(key)))
    if stored is None or stored.get("key") != key:
        return None
    found: Any = stored
    try:
        start, end, offset = found["zone"]
        if not start <= now < end:
            return None
        for path, stamp in found["inputs"]:
            if _stamp(path) != stamp:
                return None
        answer = found["days"].get(_day(offset, now))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if answer is None:
        return None
    out, err, code = answer
    return str(out), str(err), int(code)


class Recorder:
    """What one run of a quick command reads and prints, kept as that command line's answer for the day."""

    def __init__(
        self, argv: Sequence[str], environ: Mapping[str, str], clock: Callable[[], float] = time.time
    ) -> None:
        self.argv, self.environ, self.clock = list(argv), environ, clock
        self.key = _key(argv, environ)  # before the run, which may set variables of its own
        self.cache = cache_folder(environ)
        self.touched: set[str] = set()
        self.recording = False

    def _audit(self, event: str, args: tuple[object, ...]) -> None:
        if self.recording and event in ("open", "os.scandir", "os.listdir") and args:
            path = args[0]
            if isinstance(path, (str, bytes, os.PathLike)):
                self.touched.add(os.path.abspath(os.fsdecode(path)))

    def run(self, answer: Callable[[], int | None]) -> int | None:
        """`answer()` with its output captured; printed, and kept when the command answered without error."""
        import contextlib

        sys.addaudithook(self._audit)
        real = sys.stdout, sys.stderr
        out, err = _Tee(real[0]), _Tee(real[1])
        sys.stdout, sys.stderr = out, err
        self.recording = True
        try:
            code = answer()
        finally:
            self.recording = False
            sys.stdout, sys.stderr = real
        if code is None:
            return None  # nothing was printed: the full command line takes over
        zone = getattr(sys.modules.get("khcal.cli.fastpath"), "zone", None)
        if code in (0, 1) and isinstance(zone, str) and not (out.bypassed or err.bypassed):
            # A cache that cannot be written only costs the next run its time.
            with contextlib.suppress(Exception):
                self._store(out.getvalue(), err.getvalue(), code, zone, self.clock())
        return code

    def _inputs(self) -> list[tuple[str, tuple[int, int] | None]]:
        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
        paths = {name for name in map(_file_of, list(sys.modules.values())) if name.startswith(package)}
        paths.update(p for p in self.touched if "__pycache__" not in p and not p.startswith(self.cache))
        # The settings file and the user's definitions folder are looked for before they are read: a file
        # or folder created since must change the answer too.
        config = config_folder(self.environ)
        paths.update((config, os.path.join(config, "khcal"), os.path.join(config, "khcal", "config.toml")))
        return [(path, _stamp(path)) for path in sorted(paths)]

    def _store(self, out: str, err: str, code: int, zone: str, now: float) -> None:
        start, end, offset = _zone_window(zone, now)
        key = self.key
        path = os.path.join(self.cache, _file_name(key))
        inputs = self._inputs()
        stored = _read(path)
        days: dict[str, object] = {}
        if stored is not None and stored.get("key") == key and stored.get("inputs") == inputs:
            days = dict(stored.get("days") or {})  # type: ignore[call-overload]
        days[_day(offset, now)] = (out, err, code)
        for old in sorted(days)[:-_DAYS_KEPT]:
            del days[old]
        value = {"key": key, "zone": (start, end, offset), "inputs": inputs, "days": days}
        os.makedirs(self.cache, exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as stream:
            marshal.dump(value, stream)
        os.replace(temporary, path)


class _Tee:
    """A standard stream that also keeps what is written to it; to everyone else (rich's checks for a
    terminal, its size and encoding) it is the stream itself."""

    def __init__(self, stream: object) -> None:
        self._stream = stream
        self._parts: list[str] = []
        self.bypassed = False

    def write(self, text: str) -> int:
        self._parts.append(text)
        return self._stream.write(text)  # type: ignore[attr-defined, no-any-return]

    def getvalue(self) -> str:
        return "".join(self._parts)

    def __getattr__(self, name: str) -> object:
        if name == "buffer":
            self.bypassed = True  # bytes written past the text layer: this answer cannot be kept
        return getattr(self._stream, name)


def _file_of(module: object) -> str:
    name = getattr(module, "__file__", None)
    return os.path.abspath(name) if isinstance(name, str) else ""


def _zone_window(zone: str, now: float) -> tuple[float, float, int]:
    """From `now`, how long `zone` keeps its present offset (up to a week ahead): (start, end, offset)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    place = ZoneInfo(zone)

    def offset_at(moment: float) -> int:
        shift = datetime.fromtimestamp(moment, UTC).astimezone(place).utcoffset()
        return int(shift.total_seconds()) if shift is not None else 0

    offset = offset_at(now)
    step = now - now % _ZONE_STEP + _ZONE_STEP
    while step < now + _ZONE_HORIZON and offset_at(step) == offset:
        step += _ZONE_STEP
    return (now, step, offset)


def main() -> None:
    """The `khcal` command: a remembered answer, else the fast path, else the full command line."""
    argv = sys.argv[1:]
    recorder = None
    if remembers(argv):
        found = None
        try:
            found = lookup(argv, os.environ, time.time())
        except Exception:  # a damaged cache is a miss
            found = None
        if found is not None:
            out, err, code = found
            try:
                sys.stdout.write(out)
                sys.stdout.flush()
            except BrokenPipeError:
                code = 0
            sys.stderr.write(err)
            sys.exit(code)
        recorder = Recorder(argv, os.environ)
    from khcal.cli import fastpath

    fastpath.main(recorder.run if recorder is not None else None)
