"""The `khcal` command's entry point, tiny on purpose: it makes Ctrl-C quiet before anything is loaded.

Importing it (which the `khcal` script does first) makes SIGINT end the process at once with exit code
130 and no output, while the modules of the command line load: a KeyboardInterrupt there would print a
traceback. `main` then hands Ctrl-C back to Python for the run itself (`khcal.cli.fastpath.main`), so that
a command stopped by it cleans up (a temporary file removed, a server closed) and exits 130 with at most
one line. A SIGINT that was ignored when khcal started (a job a shell put in the background) stays
ignored. Only `os`, loaded with Python, and `_signal`, built into it (`signal` would first build its
enums, a millisecond more without the handling).

Before this module runs, Python starts (its `site`) and the installer's `khcal` script imports what it
needs (`re`): a Ctrl-C in those first milliseconds is Python's own, and may print its traceback.
"""

import _signal  # type: ignore[import-not-found]
import os


def quit_now(signum: int, frame: object) -> None:
    """SIGINT while nothing needs cleaning up: exit 130, without a word."""
    os._exit(130)


if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
    _signal.signal(_signal.SIGINT, quit_now)


def main() -> None:
    """Run the command line."""
    from khcal.cli.fastpath import main as run

    run()
