"""The installed `khcal` run as a real process, for the hostile-input tests: with a time limit, its answer
(exit code, stdout, stderr as bytes), and a snapshot of a folder (names, kinds, bytes, modes) to prove that
nothing but the named output changed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

KHCAL = shutil.which("khcal", path=str(Path(sys.executable).parent)) or shutil.which("khcal") or "khcal"
"""The `khcal` command installed beside the interpreter running the tests."""

LIMIT = 60.0
"""Seconds any one run may take: far more than any answer needs, so that a hang fails instead of waiting."""


def khcal(
    *args: str | os.PathLike[str],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    unset: Sequence[str] = (),
    timeout: float = LIMIT,
    preexec: Callable[[], Any] | None = None,
    **popen: Any,
) -> subprocess.CompletedProcess[bytes]:
    """Run `khcal ARGS` (stdin empty, output captured unless given) with `env` added to the environment."""
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env or {})
    popen.setdefault("stdin", subprocess.DEVNULL)
    if "stdout" not in popen:
        popen["stdout"] = subprocess.PIPE
    if "stderr" not in popen:
        popen["stderr"] = subprocess.PIPE
    return subprocess.run(
        [KHCAL, *map(str, args)], cwd=cwd, env=environment, timeout=timeout, check=False,
        preexec_fn=preexec, **popen,
    )  # fmt: skip


def one_line(stderr: bytes | str | None) -> str:
    """The one line (or none) a run wrote on stderr; fails on a traceback or on more than one line."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr or ""
    assert "Traceback" not in text, text
    lines = text.splitlines()
    assert len(lines) <= 1, text
    assert all(line.startswith("khcal: ") for line in lines), text
    return lines[0] if lines else ""


def snapshot(folder: Path) -> list[tuple[str, str, int, bytes]]:
    """Every entry under `folder`, links not followed: path, kind, mode, and the bytes of a regular file
    (the target of a link); FIFOs and devices are never opened."""
    found = []
    for root, folders, names in os.walk(folder):
        for name in [*folders, *names]:
            path = Path(root) / name
            info = path.lstat()
            mode = info.st_mode
            if stat.S_ISLNK(mode):
                kind, data = "link", os.readlink(path).encode()
            elif stat.S_ISREG(mode):
                kind, data = "file", path.read_bytes()
            else:
                kind, data = stat.filemode(mode)[0], b""
            found.append((str(path.relative_to(folder)), kind, stat.S_IMODE(mode), data))
    return sorted(found)
