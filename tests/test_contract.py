"""docs/cli.md, the command-line contract, against what khcal does."""

from __future__ import annotations

import re
from pathlib import Path

from khcal.core import definitions

CONTRACT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def contract_ids() -> set[str]:
    """The ids the contract lists: every hyphenated word of its section's first paragraph."""
    text = CONTRACT.read_text(encoding="utf-8")
    section = text.split("## Built-in observance ids", 1)[1].strip().split("\n\n")[0]
    return set(re.findall(r"(?<![-\w])[a-z][a-z0-9]*(?:-[a-z0-9]+)+", section))


def test_every_built_in_id_is_in_the_contract_and_the_other_way_round() -> None:
    built_in = set(definitions.load([]).observances)
    assert contract_ids() == built_in


def test_the_contract_and_the_format_document_every_status() -> None:
    from khcal.core.model import STATUSES

    root = Path(__file__).resolve().parents[1]
    contract = (root / "docs" / "cli.md").read_text(encoding="utf-8")
    definitions = (root / "docs" / "definitions.md").read_text(encoding="utf-8")
    assert STATUSES == ("official", "projected", "user")
    for status in STATUSES:
        assert f"`{status}`" in contract and f"`{status}`" in definitions, status
