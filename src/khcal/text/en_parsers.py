"""What the readers khcal uses say about what they cannot read, in English: the command line's parser
(click's and Typer's usage errors, read back into these keys by khcal.cli.root) and tomllib (TOML syntax
errors, read back by khcal.core.definitions.syntax_problem). The same keys as km_parsers.py.

The English is the readers' own, so that English output is what they always printed.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- the command line's usage errors -------------------------------------------------------------------
    "usage.no-such-command": "No such command {name}.",
    "usage.did-you-mean": "{message} Did you mean {names}?",
    "usage.missing-command": "Missing command.",
    "usage.missing-argument": "Missing argument {name}.",
    "usage.missing-option": "Missing option {name}.",
    "usage.no-such-option": "No such option: {name}",
    "usage.possible-options": "{message} (Possible options: {names})",
    "usage.extra-arguments": "Got unexpected extra argument(s) ({words})",
    "usage.takes-no-value": "Option {name} does not take a value.",
    "usage.needs-value": "Option {name} requires an argument.",
    "usage.needs-values": "Option {name} requires {n} arguments.",
    "usage.invalid-value": "Invalid value for {name}: {message}",
    "usage.other": "{message}",
    # --- TOML syntax errors, in a definitions or settings file ----------------------------------------------
    "problem.toml-syntax-at": "TOML syntax error: {detail} (column {column})",
    "problem.toml-syntax-end": "TOML syntax error: {detail} at the end of the file",
    "toml.invalid-statement": "Invalid statement",
    "toml.expected-newline": "Expected newline or end of document after a statement",
    "toml.declared-twice": "Cannot declare '{name}' twice",
    "toml.overwrite": "Cannot overwrite a value",
    "toml.redefine": "Cannot redefine '{name}'",
    "toml.duplicate-key": "Duplicate inline table key '{name}'",
    "toml.unclosed-table-header": "Expected ']' at the end of a table declaration",
    "toml.unclosed-array-header": "Expected ']]' at the end of an array declaration",
    "toml.bad-key": "Invalid initial character for a key part",
    "toml.expected-equals": "Expected '=' after a key in a key/value pair",
    "toml.invalid-value": "Invalid value",
    "toml.invalid-date": "Invalid date or datetime",
    "toml.unclosed-array": "Unclosed array",
    "toml.unclosed-inline-table": "Unclosed inline table",
    "toml.unterminated-string": "Unterminated string",
    "toml.illegal-character": "Illegal character '{char}'",
    "toml.invalid-character": "Found invalid character '{char}'",
    "toml.expected": "Expected '{char}'",
    "toml.escape": "Invalid escape sequence in a string",
    "toml.other": "{detail}",
}
