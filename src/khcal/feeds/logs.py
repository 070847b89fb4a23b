"""The log of `khcal serve`, through `logging`, written to stderr by one thread of its own.

A thread that logs (a worker's access line, waitress's event loop warning about a deep queue) only puts the
record on a bounded queue and goes on; one writer thread takes them off and writes each as one line. When
stderr is not read (a pipe nobody empties) that writer waits, the queue fills up, and further lines are
dropped: the server keeps answering. Control characters in a line are escaped (`http.escape_log`), and a
request or an error message longer than LOGGED characters is cut.

The lines themselves are made here too, for any WSGI server: `log_line` (a request) and `failure_line` (a
request khcal failed to answer: the exception's type and message, never a traceback).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from logging.handlers import QueueHandler
from typing import Any

from khcal.feeds.http import escape_log, write_log

ACCESS = "khcal.serve"
"""The logger of the access log: one line per request."""
WAITRESS = "waitress"
"""Waitress's own logger (its documented name); its warnings and errors are logged as one line each."""
QUEUED = 10_000
"""Lines that may wait for the writer; more are dropped."""
LOGGED = 2300
"""The most characters of a request or of an error's message written in one log line."""


def access(line: str) -> None:
    """Log one access line (already escaped) at INFO."""
    logging.getLogger(ACCESS).info("%s", line)


class _OneLine(logging.Formatter):
    """An access line as is; any other record as `khcal: NAME: message`, escaped, without traceback but with
    the exception's type and message when it has one."""

    def format(self, record: logging.LogRecord) -> str:
        if record.name == ACCESS:
            return record.getMessage()
        message = record.getMessage()
        failure = record.exc_info[1] if record.exc_info else None
        if failure is not None:  # the reason of "Exception while serving ...", in the line
            message += f": {type(failure).__name__}: {failure}"
        return f"khcal: {record.name}: {escape_log(_cut(message))}"


class _Dropping(QueueHandler):
    """Puts a formatted record on the queue, or drops it when the queue is full: never waits."""

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        """The record with its line as message (no copy: nothing else reads it)."""
        record.msg, record.args, record.exc_info, record.exc_text = self.format(record), None, None, None
        return record

    def enqueue(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(queue.Full):
            self.queue.put_nowait(record)


class Written:
    """The writer thread and the handler that feeds it; `stop` writes a last line and ends the thread."""

    def __init__(self, size: int = QUEUED) -> None:
        self.queue: queue.Queue[logging.LogRecord | None] = queue.Queue(size)
        self.handler = _Dropping(self.queue)
        self.handler.setFormatter(_OneLine())
        self._thread = threading.Thread(target=self._write, name="khcal-log", daemon=True)

    def _write(self) -> None:
        """The lines queued, all those waiting in one write (`http.write_log`), holding no lock: a write
        that waits for a full stderr holds up nobody, not even `logging.shutdown` at exit."""
        while (record := self.queue.get()) is not None:
            lines = [record.getMessage()]
            last = False
            with contextlib.suppress(queue.Empty):
                while (record := self.queue.get_nowait()) is not None:
                    lines.append(record.getMessage())
                last = True
            write_log("\n".join(lines) + "\n")
            if last:
                return

    def start(self) -> Written:
        for name, level in ((ACCESS, logging.INFO), (WAITRESS, logging.WARNING)):
            logger = logging.getLogger(name)
            logger.addHandler(self.handler)
            logger.setLevel(level)
            logger.propagate = False
        logging.getLogger(WAITRESS + ".queue").setLevel(logging.ERROR)  # "Task queue depth is N"
        self._thread.start()
        return self

    def stop(self, last: str, timeout: float = 2) -> None:
        """Log `last`, write what is queued (waiting at most `timeout` seconds for stderr), and detach."""
        record = logging.LogRecord(ACCESS, logging.INFO, __file__, 0, "%s", (last,), None)
        self.handler.handle(record)
        with contextlib.suppress(queue.Full):
            self.queue.put(None, timeout=timeout)
        self._thread.join(timeout)
        for name in (ACCESS, WAITRESS):
            logging.getLogger(name).removeHandler(self.handler)


def start() -> Written:
    """Send the access log and waitress's warnings through a new writer thread, started now."""
    return Written().start()


# --- the lines -------------------------------------------------------------------------------------------


def failure_line(environ: dict[str, Any], exc: BaseException) -> str:
    """The log's line of a request khcal failed to answer: the request, the exception's type and message."""
    reason = f"{type(exc).__name__}: {exc}"
    return f"khcal: error answering {_request(environ)}: {escape_log(_cut(reason))}"


def _cut(text: str) -> str:
    return text if len(text) <= LOGGED else text[: LOGGED - 1] + "\u2026"


def _request(environ: dict[str, Any]) -> str:
    """The request line, cut to LOGGED characters and escaped, in quotes."""
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if not target:
        from urllib.parse import quote

        target = quote(environ.get("PATH_INFO", ""), safe="/;=,:@!$&'()*+~")
        if environ.get("QUERY_STRING"):
            target += "?" + environ["QUERY_STRING"]
    line = f"{environ.get('REQUEST_METHOD', '')} {_cut(target)} {environ.get('SERVER_PROTOCOL', '')}"
    return f'"{escape_log(line)}"'


def log_line(environ: dict[str, Any], status: str, size: int) -> str:
    """The access log's line of a request (without newline): client, time, request line, status, size."""
    client = environ.get("REMOTE_ADDR", "-")
    stamp = time.strftime("%d/%b/%Y %H:%M:%S", time.gmtime())
    return f"khcal: {escape_log(client)} [{stamp}] {_request(environ)} {status.split()[0]} {size}"
