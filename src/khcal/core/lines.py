"""Where things stand in a definitions file, so that problems can name a line.

tomllib gives no positions for values, so this finds the line of each `[[table]]` block, of each key
within it, and of its sub-tables (`[[observances.holiday]]`) and their keys.
"""

from __future__ import annotations

import re

_Keys = dict[str, int]
_Sub = tuple[int, _Keys]
_Block = tuple[int, _Keys, dict[str, list[_Sub]]]

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*(?:\.\s*[A-Za-z0-9_\-]+\s*)*=")
_INDEXED = re.compile(r"^([a-z_]+)\[(\d+)\]$")


class Lines:
    """The line of every block and key of a definitions file."""

    def __init__(self, text: str) -> None:
        self.blocks: dict[str, list[_Block]] = {}
        self.top: _Keys = {}
        current: _Block | None = None
        keys = self.top
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                table, _, sub = header.group(1).partition(".")
                if not sub:
                    current = (number, {}, {})
                    self.blocks.setdefault(table, []).append(current)
                    keys = current[1]
                elif current is not None:
                    entry: _Sub = (number, {})
                    current[2].setdefault(sub, []).append(entry)  # by name: a lookup never scans them all
                    keys = entry[1]
                continue
            key = _KEY.match(line)
            if key:
                keys.setdefault(key.group(1), number)

    def find(self, table: str, index: int | None, path: str) -> int | None:
        """The line of `path` (e.g. `rule.of`, `holiday[1].until`) in entry `index` of `[[table]]`.

        Falls back to the nearest enclosing block's line; with no index, a top-level key's line.
        """
        if index is None:
            return self.top.get(path.split(".")[0])
        blocks = self.blocks.get(table, [])
        if index >= len(blocks):
            return None
        start, keys, subs = blocks[index]
        head, _, rest = path.partition(".")
        match = _INDEXED.match(head)
        if not match:
            return keys.get(head, start)
        name, nth = match.group(1), int(match.group(2))
        found = subs.get(name, [])
        if nth >= len(found):
            return keys.get(name, start)
        line, sub_keys = found[nth]
        return sub_keys.get(rest.split(".")[0], line) if rest else line
