"""Where khcal keeps the user's settings and its caches (the XDG base directories), as plain strings.

Only `os`: the quick commands (`khcal.cli.fastpath`) read these before anything else is loaded.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


def config_folder(environ: Mapping[str, str]) -> str:
    """`$XDG_CONFIG_HOME`, else `~/.config`."""
    return environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")


def cache_folder(environ: Mapping[str, str]) -> str:
    """`$XDG_CACHE_HOME/khcal`, else `~/.cache/khcal`: the folder of every cache khcal keeps."""
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "khcal")
