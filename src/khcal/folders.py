"""Where khcal keeps the user's settings and its caches (the XDG base directories), as plain strings.

A relative `XDG_CONFIG_HOME` or `XDG_CACHE_HOME` is ignored, as the XDG specification says. Without
either, the folders are under `HOME`, and only a usable one: an empty, missing or relative `HOME`, or `/`,
gives no folder (None), and so does, for the cache, a `HOME` that is not a writable folder. khcal then
reads no settings or keeps no cache, rather than creating `/.cache/khcal` or a folder in the working one.

Only `os`: the `khcal` entry point needs these before it loads anything else.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


def _absolute(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "")
    return value if os.path.isabs(value) else None


def _home(environ: Mapping[str, str]) -> str | None:
    """`HOME` if it is an absolute path other than `/`."""
    home = _absolute(environ, "HOME")
    return None if home is None or os.path.normpath(home) in ("/", "//") else home


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


# The entry point of the stored whole answers (khcal.cli.memo) takes strings: without a folder it gets one
# below /dev/null, which can neither be read nor created.
_NOWHERE = os.path.join(os.devnull, "khcal")


def config_folder(environ: Mapping[str, str]) -> str:
    """`config_dir`, or a folder that cannot exist."""
    return config_dir(environ) or _NOWHERE


def cache_folder(environ: Mapping[str, str]) -> str:
    """`cache_dir`, or a folder that cannot exist."""
    return cache_dir(environ) or _NOWHERE
