"""`khcal COMMAND --help` in the user's language.

The commands declare no help of their own: every text (a command's, an option's, an argument's) is a
message of the text layer (`help.*` keys: khcal/text/en_help.py and km_help.py), found by the command's
path and the parameter's name. `put_texts()` puts the texts of a language into the click command tree that
Typer builds for each run (in English when the tree is built, in the user's language once
`KhcalGroup.main` has found it), and `HelpContext` gives each command a formatter that words click's own
headings and notes (`Usage:`, `Options`, `[default: ...]`) through the same tables. Nothing here is
global: each run of the app has its own tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from typer import Context

from khcal.text import has, say

if TYPE_CHECKING:
    from typer._click import Command, HelpFormatter, Parameter
else:
    HelpFormatter = Context.formatter_class

HELP_NAMES = ("-h", "--help")
"""The help options of every command (the app's context_settings)."""


def param_name(param: Parameter) -> str:
    """How the tables name a parameter: an option by its longest name (`--quiet`), an argument by its
    parameter's name (`day`)."""
    if param.param_type_name == "option":
        return max([*param.opts], key=len)
    return param.name or ""


def help_of(lang: str, path: Sequence[str], param: str | None = None) -> str | None:
    """The help of the command at `path` (`()` for the program, `("workdays", "count")`), or of one of its
    parameters: its own text, else the text shared by the commands (`help.any.--today`); None if none."""
    where = ".".join(path) or "khcal"
    keys = [f"help.{where}"] if param is None else [f"help.{where}.{param}", f"help.any.{param}"]
    return next((say(lang, key) for key in keys if has(lang, key)), None)


def tree(command: Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Command]]:
    """Every command of the tree with its path, the program first."""
    yield path, command
    for name, sub in (getattr(command, "commands", None) or {}).items():
        yield from tree(sub, (*path, name))


def parameters(command: Command) -> list[Parameter]:
    """A command's parameters with its help option (made here, as click makes it, and kept by the command)."""
    help_option = command.get_help_option(Context(command, help_option_names=list(HELP_NAMES)))
    return [*command.params, *([help_option] if help_option is not None else [])]


def put_texts(root: Command, lang: str) -> None:
    """Put the help texts of `lang` into the command tree of one run, and the formatter for the rest."""
    root.help_lang = lang  # type: ignore[attr-defined]  # read by HelpContext
    for path, command in tree(root):
        command.context_class = HelpContext
        command.help = help_of(lang, path) or command.help
        if command.options_metavar:
            command.options_metavar = say(lang, "help-format.options")
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = say(lang, "help-format.subcommand")
        for param in parameters(command):
            found = help_of(lang, path, param_name(param))
            if found is not None:
                param.help = found  # type: ignore[attr-defined]  # options' and Typer arguments' text


def wants_help(argv: Sequence[str], groups: Sequence[str]) -> bool:
    """Whether this command line may print a help page: it asks for one, or it names no command (`khcal`,
    `khcal workdays`)."""
    words = list(argv[: argv.index("--")] if "--" in argv else argv)
    return not words or any(w in HELP_NAMES for w in words) or (len(words) == 1 and words[0] in groups)


def lang_option(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The value of the last `--lang` of a command line (`--lang km` or `--lang=km`), if any, and the
    command line without them: a help page is asked for in any language, of any command (`workdays count`
    has no --lang of its own, and neither has the program)."""
    found, rest = None, []
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            rest += [token, *tokens]
        elif token == "--lang":
            found = next(tokens, None)
        elif token.startswith("--lang="):
            found = token.partition("=")[2]
        else:
            rest.append(token)
    return found, rest


class HelpContext(Context):
    """A command's context whose help pages are worded in the run's language (`put_texts`)."""

    def make_formatter(self) -> HelpFormatter:
        lang = str(getattr(self.find_root().command, "help_lang", "en"))
        return LocalFormatter(lang, width=self.terminal_width, max_width=self.max_content_width)


_NOTES = re.compile(r"^(?:(?P<text>.*)  )?\[(?P<notes>[^\[\]]*)\]$", re.S)
_TYPE = re.compile(r" <(?P<name>[^<>]+)>$")


class LocalFormatter(HelpFormatter):
    """click's help formatter, with its own words (headings, the usage line's prefix, the notes after a
    parameter's help, an argument's type) taken from the tables, and khcal's own line breaking: between
    words as ICU's Khmer dictionary finds them, never inside a cluster nor at an option's hyphen, columns
    counted as the terminal counts them (khcal.views.clusters, khcal.views.width)."""

    def __init__(self, lang: str, **options: Any) -> None:
        super().__init__(**options)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from khcal.views.width import cells

        prefix = say(self.lang, "help-format.usage") if prefix is None else prefix
        head = f"{prefix:>{self.current_indent}}{prog} "
        room = self.width - self.current_indent
        if room >= cells(head) + 20:
            self.write(fill(args, room, head, " " * cells(head)))
        else:
            indent = " " * (max(self.current_indent, cells(prefix)) + 4)
            self.write(f"{head}\n{fill(args, room, indent, indent)}")
        self.write("\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(fill(text, self.width, indent, indent, paragraphs=True))
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        key = f"help-format.heading.{heading}"
        line = say(self.lang, key) if has(self.lang, key) else f"{heading}:"
        self.write(f"{'':>{self.current_indent}}{line}\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        from khcal.views.width import cells

        rows = [(self._term(t), self._notes(h)) for t, h in rows]
        first = min(max((cells(t) for t, _ in rows), default=0), col_max) + col_spacing
        margin = " " * self.current_indent
        for term, text in rows:
            self.write(f"{margin}{term}")
            if not text:
                self.write("\n")
                continue
            if cells(term) <= first - col_spacing:
                self.write(" " * (first - cells(term)))
            else:
                self.write("\n" + " " * (first + self.current_indent))
            lines = fill(text, max(self.width - first - 2, 10), paragraphs=True).splitlines() or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{margin}{' ' * first}{line}\n" if line else "\n")

    def _term(self, term: str) -> str:
        """`DATE <str>`: an argument's type in the tables' words."""
        found = _TYPE.search(term)
        key = f"help-format.type.{found['name']}" if found else ""
        if found is None or not has(self.lang, key):
            return term
        return f"{term[: found.start()]} <{say(self.lang, key)}>"

    def _notes(self, text: str) -> str:
        """`... [default: 5; required]`: Typer's notes after a help text in the tables' words."""
        found = _NOTES.match(text)
        if found is None:
            return text
        notes = []
        for note in found["notes"].split("; "):
            name, colon, value = note.partition(": ")
            if colon and name == "default":
                notes.append(say(self.lang, "help-format.default", value=value))
            elif note == "required":
                notes.append(say(self.lang, "help-format.required"))
            else:
                notes.append(note)
        head = found["text"]
        return f"{head}  [{'; '.join(notes)}]" if head else f"[{'; '.join(notes)}]"


def fill(text: str, width: int, first: str = "", later: str = "", *, paragraphs: bool = False) -> str:
    """`text` wrapped to `width` columns by khcal's line breaking, each line after `first` or `later`.

    With `paragraphs`, as click's own `wrap_text`: a blank line parts paragraphs, a paragraph's lines are
    joined and keep the indentation of its first line, and one whose first line is `\\b` is kept as it is.
    """
    from khcal.views import clusters
    from khcal.views.width import cells

    def lines(body: str, indent: str) -> str:
        return clusters.fill(body, width, cells, first + indent, later + indent)

    if not paragraphs:
        return lines(" ".join(text.split("\n")), "")
    out = []
    for block in re.split(r"\n[ \t]*\n", text.expandtabs()):
        rows = [row for row in block.split("\n") if row]
        if not rows:
            continue
        indent = " " * (len(rows[0]) - len(rows[0].lstrip()))
        if rows[0].strip() == "\b":
            out.append("\n".join(f"{first}{indent}{row}" for row in rows[1:]))
        else:
            out.append(lines(" ".join(r.strip() for r in rows), indent))
    return "\n\n".join(out)
