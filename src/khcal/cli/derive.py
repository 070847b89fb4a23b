"""The quick commands' grammar, derived from the Typer command tree: `python -m khcal.cli.derive` writes it.

The fast path (`khcal.cli.fastpath`) answers the commands scripts run most without importing Typer, so it
cannot ask the tree how to read a command line. It reads `khcal/cli/grammar.py` instead, which this module
writes from the tree that Typer builds (`typer.main.get_command`): each quick command's arguments, its
options with the parameter each sets, and their defaults. Nothing in the grammar is written by hand;
tests/test_fastpath.py fails when the file and the tree differ, and runs random command lines through both
parsers.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

QUICK = (
    ("is-holiday",),
    ("is-workday",),
    ("workdays", "count"),
    ("workdays", "add"),
    ("workdays", "next"),
    ("workdays", "prev"),
    ("next",),
    ("today",),
    ("publish",),
)
"""The commands the fast path answers: those a status bar, a prompt, a script or a cron job runs over and
over."""

HEADER = '''"""The quick commands' grammar, derived from the Typer tree by `python -m khcal.cli.derive`.

Do not edit: tests/test_fastpath.py fails when this file and the tree differ. For each command: its
arguments (name, required, default), its options (option -> (parameter, kind, value given by a flag)),
the parameters' defaults, and whether unknown options are read as arguments (`workdays add DATE -3`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.cli.fastpath import Grammar

'''


def _option(param: Any, options: dict[str, tuple[str, str, object]]) -> None:
    if param.is_flag:
        assert param.is_bool_flag, param.name
        for opt in param.opts:
            options[opt] = (param.name, "flag", True)
        for opt in param.secondary_opts:
            options[opt] = (param.name, "flag", False)
    else:
        assert param.nargs == 1, param.name
        for opt in param.opts:
            options[opt] = (param.name, "list" if param.multiple else "value", None)


def grammar_of(command: Any) -> dict[str, object]:
    """One command's grammar, from its click command (as Typer built it)."""
    arguments: list[tuple[str, bool, object]] = []
    options: dict[str, tuple[str, str, object]] = {}
    defaults: dict[str, object] = {}
    for param in command.params:
        assert not param.is_eager and param.expose_value, param.name
        defaults[param.name] = param.default
        if param.param_type_name == "argument":
            assert param.nargs == 1, param.name
            arguments.append((param.name, bool(param.required), param.default))
        else:
            _option(param, options)
    return {
        "arguments": tuple(arguments),
        "options": options,
        "defaults": defaults,
        "ignore_unknown": bool(command.context_settings.get("ignore_unknown_options", False)),
    }


def derive() -> dict[str, dict[str, object]]:
    """The grammar of every quick command, keyed by its words (`"workdays add"`)."""
    import typer.main

    from khcal.cli import app

    root = typer.main.get_command(app)
    found: dict[str, dict[str, object]] = {}
    for path in QUICK:
        command: Any = root
        for word in path:
            command = command.commands[word]
        found[" ".join(path)] = grammar_of(command)
    return found


def source() -> str:
    """The text of khcal/cli/grammar.py: each distinct table of options and each distinct grammar written
    once, on a line of its own, and every command naming its grammar."""
    options: list[str] = []
    grammars: list[str] = []
    names: dict[str, int] = {}
    for words, grammar in derive().items():
        table = repr(grammar["options"])
        if table not in options:
            options.append(table)
        written = (
            f"{{'arguments': {grammar['arguments']!r}, 'options': _OPTIONS[{options.index(table)}], "
            f"'defaults': {grammar['defaults']!r}, 'ignore_unknown': {grammar['ignore_unknown']!r}}}"
        )
        if written not in grammars:
            grammars.append(written)
        names[words] = grammars.index(written)
    lines = [HEADER, "_OPTIONS: tuple[dict[str, tuple[str, str, object]], ...] = ("]
    lines += [*(f"    {t}," for t in options), ")", "_GRAMMARS: tuple[Grammar, ...] = ("]
    lines += [*(f"    {g}," for g in grammars), ")", "COMMANDS: dict[str, Grammar] = {"]
    lines += [f"    {words!r}: _GRAMMARS[{i}]," for words, i in names.items()]
    return "\n".join([*lines, "}", ""])


def main() -> None:
    target = Path(__file__).with_name("grammar.py")
    target.write_text(source(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
