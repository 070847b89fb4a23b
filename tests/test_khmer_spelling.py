"""One spelling for each Khmer word, in every text khcal shows or ships: the message tables (and the help
pages in them), the catalogue and the docs.

Some Khmer letters have two forms that look alike: the subscript TA is written with COENG TA (U+17D2
U+178F) or COENG DA (U+17D2 U+178A), `ឱ្យ` with U+17B1 or U+17B2. A word written both ways defeats search,
equality and dictionaries. khcal's rule is the common standard of current official texts: COENG TA
(`សប្តាហ៍`, `កត្តិក`, `ផ្តល់`) and `ឱ្យ`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    [
        *(ROOT / "src" / "khcal" / "text").glob("*.py"),
        ROOT / "data" / "observances.toml",
        *(ROOT / "docs").rglob("*.md"),
        ROOT / "README.md",
        *(ROOT / "src" / "khcal").rglob("*.md"),
    ]
)
# The other form of each letter and the form khcal writes.
OTHER_FORMS = {"\u17d2\u178a": "\u17d2\u178f", "\u17b2\u17d2\u1799": "\u17b1\u17d2\u1799"}
# A letter that has two forms, with what stands around it in its word: the key a word is compared by.
# (a lookahead: the windows may overlap, as two such letters may stand close together)
AROUND = re.compile(
    r"(?=([\u1780-\u17ff]{0,3}(?:\u17d2[\u178a\u178f]|[\u17b1\u17b2]\u17d2\u1799)[\u1780-\u17ff]{0,3}))"
)


def normal(text: str) -> str:
    for other, standard in OTHER_FORMS.items():
        text = text.replace(other, standard)
    return text


def khmer_texts() -> list[tuple[str, str]]:
    return [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in FILES]


def test_the_files_are_there() -> None:
    names = {name for name, _ in khmer_texts()}
    assert {"src/khcal/text/km.py", "src/khcal/text/km_help.py", "data/observances.toml"} <= names
    assert {"docs/definitions.km.md", "docs/config.km.md"} <= names


def written_two_ways(texts: list[str]) -> dict[str, list[str]]:
    """The words (a letter with two forms and what stands around it) found in both forms."""
    forms: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for found in AROUND.findall(text):
            forms[normal(found)].add(found)
    return {key: sorted(seen) for key, seen in forms.items() if len(seen) > 1}


def test_no_word_is_written_two_ways() -> None:
    assert written_two_ways([text for _, text in khmer_texts()]) == {}


@pytest.mark.parametrize(("name", "text"), khmer_texts(), ids=lambda v: v if v.count("/") < 5 else "")
def test_the_standard_form_everywhere(name: str, text: str) -> None:
    """COENG TA and `ឱ្យ`, never the other form: a new text cannot bring a second spelling back."""
    lines = [f"{name}:{n}" for n, line in enumerate(text.splitlines(), 1) if normal(line) != line]
    assert lines == []


def test_the_check_finds_a_word_written_two_ways() -> None:
    found = written_two_ways(["ចុងសប្ដាហ៍", "ចុងសប្តាហ៍ ផ្តល់ឱ្យ"])
    assert found["ងសប្តាហ៍"] == ["ងសប្ដាហ៍", "ងសប្តាហ៍"]
    assert all("ផ្តល់" not in key for key in found)
    assert written_two_ways(["ផ្តល់ឲ្យ", "ផ្តល់ឱ្យ"]) != {}
    assert written_two_ways(["ផ្តល់ឱ្យ", "ចុងសប្តាហ៍ ផ្តល់ឱ្យ"]) == {}
    assert normal("ខែកត្ដិក ផ្ដល់ឲ្យ") == "ខែកត្តិក ផ្តល់ឱ្យ"
