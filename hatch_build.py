"""khcal's build step: the built-in catalogue and the lunar month table, compiled into the wheel.

A quick command would otherwise parse and check `data/observances.toml` and build the month table on its
first run, and the Python API on every run without a cache. So the wheel carries them ready, as
`khcal/data/observances.marshal` (`khcal.core.cache.compile_builtin`): made here by the same code that reads
them at run time, and used only while the shipped catalogue's text and the core's source are the ones it was
made from. An editable install has no such file and parses the catalogue instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledCatalogue(BuildHookInterface):  # type: ignore[type-arg]
    """Adds the compiled built-in catalogue to a wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, os.path.join(self.root, "src"))
        try:
            from khcal.core import cache, definitions
        finally:
            sys.path.pop(0)
        path = definitions.builtin_path()
        with open(path, encoding="utf-8") as source:
            text = source.read()
        catalogue = definitions.load([])  # the catalogue exactly as a run without the compiled file reads it
        self.folder = tempfile.mkdtemp(prefix="khcal-build-")
        target = os.path.join(self.folder, cache.PACKAGED)
        with open(target, "wb") as out:
            out.write(cache.compile_builtin(text, catalogue, path))
        build_data["force_include"][target] = f"khcal/data/{cache.PACKAGED}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
