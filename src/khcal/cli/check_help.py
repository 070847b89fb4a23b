"""check and help: validating definitions files, and the longer help pages."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from khcal.cli.inputs import Options
from khcal.cli.params import command
from khcal.cli.root import app


@command(app, "check", ("lang",))
def check(files: Annotated[list[str], typer.Argument(metavar="FILE...")], options: Options) -> None:
    from khcal.cli.inputs import file_path
    from khcal.core import definitions as catalogue

    chosen = options.settings().lang  # the problems are then worded in this language
    paths = [Path(file_path(name, "FILE")) for name in files]  # read as given: Path("") would be "."
    catalogue.load(paths)
    from khcal.text import say
    from khcal.text.errors import shown_path

    for warning in old_revisions(paths, chosen):
        print(warning, file=sys.stderr)
    print(say(chosen, "cli.check.valid", names=", ".join(shown_path(str(f)) for f in paths)))


def old_revisions(files: list[Path], lang: str = "en") -> list[str]:
    """A warning for each valid file whose `revision` is older than the built-in catalogue's."""
    import re

    from khcal.core import definitions
    from khcal.text import say
    from khcal.text.errors import shown_path

    builtin = definitions.parse_file(definitions.builtin_path()).revision
    warnings = []
    for path in files:
        revision = definitions.parse_file(path).revision
        if builtin is None or revision is None or revision >= builtin:
            continue
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^\s*revision\s*=", text, re.M)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        where = shown_path(str(path)) + (f":{line}" if line else "")
        warnings.append(say(lang, "cli.check.old-revision", where=where, revision=revision, builtin=builtin))
    return warnings


@command(app, "help", ("lang",))
def help_(options: Options, topic: Annotated[str | None, typer.Argument(metavar="TOPIC")] = None) -> None:
    from khcal.cli import help_topics

    chosen = options.settings().lang  # the index, the pages and the errors are in this language
    text = help_topics.index(chosen) if topic is None else help_topics.page(topic, chosen)
    if topic is not None and sys.stdout.isatty():  # a pipe or a file gets the Markdown as it is
        import shutil

        from khcal.cli.help_page import for_terminal

        text = for_terminal(text, min(shutil.get_terminal_size().columns, 80), chosen)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
