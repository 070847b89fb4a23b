"""check and help: validating definitions files, and the longer help pages."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from khcal.cli.options import LangOpt, resolved
from khcal.cli.root import app


@app.command("check")
def check(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Definitions files to validate.")],
    lang: LangOpt = None,
) -> None:
    """Validate definitions files: exit 0 if valid, 2 with every problem listed.

    Each file is read on its own and checked against the built-in catalogue it would be merged over.

    Examples:

      khcal check company.toml

      khcal check data/observances.toml ~/.config/khcal/extra.toml

      khcal check company.toml --lang km
    """
    from khcal.core import definitions as catalogue

    chosen = resolved(None, None, lang).lang  # the problems are then worded in this language
    catalogue.load(files)
    from khcal.text import say

    print(say(chosen, "cli.check.valid", names=", ".join(str(f) for f in files)))


@app.command("help")
def help_(
    topic: Annotated[
        str | None, typer.Argument(metavar="TOPIC", help="definitions or config; none lists the topics.")
    ] = None,
) -> None:
    """Longer help pages: the definitions file format, the settings file.

    Examples:

      khcal help definitions

      khcal help config

      khcal help definitions | less
    """
    from khcal.cli import help_topics

    text = help_topics.index() if topic is None else help_topics.page(topic)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
