"""Khmer text is never cut inside a character cluster: the wrapping functions, and rich tables at narrow
widths (the `next`, `list` and `show` output in Khmer)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from khcal.core import definitions as catalogue
from khcal.core.schedule import Filter, Schedule
from khcal.views import clusters, render

COENG = "\u17d2"
LONG_NAMES = [
    # Names from the catalogue, the longest first: king's birthday, holocaust day, New Year.
    "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម ព្រះករុណា ព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី ព្រះមហាក្សត្រនៃព្រះរាជាណាចក្រកម្ពុជា",
    "ទិវាអន្តរជាតិរំលឹកដល់ជនរងគ្រោះនៃហូឡូកូស",
    "ពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ",
    "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្មព្រះករុណាព្រះបាទសម្តេចព្រះបរមនាថនរោត្តមសីហមុនី",
]


def whole_clusters(line: str) -> bool:
    """No line starts with a combining mark (U+17B6-U+17D3 and others) nor ends just after a COENG."""
    body = line.strip(" │┃┡┩━╇")
    if not body:
        return True
    if unicodedata.category(body[0]).startswith("M") or "\u17b6" <= body[0] <= "\u17d3":
        return False
    # A COENG must be followed by the consonant it stacks, never by a space, a border or the line's end.
    for i, char in enumerate(line):
        if char == COENG and (i + 1 == len(line) or not "\u1780" <= line[i + 1] <= "\u17a2"):
            return False
    for i in range(1, len(line)):
        if unicodedata.category(line[i]).startswith("M") and line[i - 1] in " │┃…":
            return False
    return True


def test_rich_itself_cuts_clusters() -> None:
    """Why Wrapped exists: rich folds a long Khmer word at any code point."""
    out = Console(width=24, color_system=None)
    with out.capture() as captured:
        out.print(LONG_NAMES[3], overflow="fold")
    assert not all(whole_clusters(line) for line in captured.get().splitlines())


def test_cluster_spans() -> None:
    word = "ព្រះ"  # PO, COENG, RO, then the sign REAHMUK: one cluster
    assert list(clusters.cluster_spans(word)) == [(0, len(word))]
    khmer = "ខ្មែរ"  # KHA, COENG, MO, VOWEL SIGN AE | RO
    assert [khmer[a:b] for a, b in clusters.cluster_spans(khmer)] == ["ខ្មែ", "រ"]
    assert list(clusters.cluster_spans("abc")) == [(0, 1), (1, 2), (2, 3)]


def test_wrap_breaks_at_spaces_first() -> None:
    text = "International Holocaust Remembrance Day"
    lines = [text[a:b] for a, b in clusters.wrap(text, 20, len)]
    assert lines == ["International", "Holocaust", "Remembrance Day"]


def test_wrap_keeps_indentation_and_newlines() -> None:
    text = "   7 a day off\nsecond"
    assert [text[a:b] for a, b in clusters.wrap(text, 40, len)] == ["   7 a day off", "second"]


@pytest.mark.parametrize("width", range(1, 40))
@pytest.mark.parametrize("name", LONG_NAMES)
def test_wrap_never_cuts_a_cluster(name: str, width: int) -> None:
    spans = clusters.wrap(name, width, cell_len)
    for a, b in spans:
        assert clusters.can_break(name, a) and clusters.can_break(name, b)
        assert whole_clusters(name[a:b])
        widest_cluster = max(cell_len(name[x:y]) for x, y in clusters.cluster_spans(name, a, b))
        assert cell_len(name[a:b]) <= max(width, widest_cluster)
    # Nothing is lost but the spaces at the breaks.
    assert "".join(name[a:b] for a, b in spans).replace(" ", "") == name.replace(" ", "")


KHMER_SYLLABLE = st.builds(
    lambda base, sub, vowel, sign: base + sub + vowel + sign,
    st.sampled_from("កខគងចឆជញដឋណតថទធនបផពភមយរលវសហឡអ"),
    st.sampled_from(["", COENG + "រ", COENG + "ត", COENG + "ម"]),
    st.sampled_from(["", "ា", "ិ", "ី", "ុ", "ូ", "េ", "ែ", "ោ", "ៅ", "ើ"]),
    st.sampled_from(["", "ំ", "ះ", "់", "៍"]),
)


@given(
    st.lists(st.lists(KHMER_SYLLABLE, min_size=1, max_size=12).map("".join), min_size=1, max_size=5),
    st.integers(1, 30),
)
def test_wrap_property(words: list[str], width: int) -> None:
    text = " ".join(words)
    spans = clusters.wrap(text, width, cell_len)
    for a, b in spans:
        assert clusters.can_break(text, a) and clusters.can_break(text, b)
        assert whole_clusters(text[a:b])
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("width", [30, 36, 44, 52, 60, 80])
def test_khmer_tables_keep_clusters_whole(width: int) -> None:
    schedule = Schedule(catalogue.load([]))
    found = schedule.between(date(2026, 1, 1), date(2026, 12, 31), Filter())
    out = Console(width=width, color_system=None, record=True)
    with out.capture() as captured:
        table = Table(show_edge=False)
        table.add_column("ឈ្មោះ")
        for name in LONG_NAMES:
            table.add_row(render.Wrapped(name))
        out.print(table)
    lines = captured.get().splitlines()
    assert lines and all(whole_clusters(line) for line in lines), lines
    assert all(cell_len(line) <= width for line in lines)
    assert len(found) > 10


@pytest.mark.parametrize("width", [40, 50, 60])
def test_khmer_commands_keep_clusters_whole(
    width: int, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from typer.testing import CliRunner

    from khcal.cli import app

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("NO_COLOR", "1")
    for args in (
        ["next", "10", "--lang", "km"],
        ["list", "--year", "2026", "--lang", "km"],
        ["show", "king-birthday", "--lang", "km"],
        ["show", "holocaust-remembrance", "--lang", "km"],
        ["today", "--lang", "km"],
        ["cal", "2026", "5", "--lang", "km"],
    ):
        result = CliRunner().invoke(app, [*args, "--today", "2026-01-02"])
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        bad = [line for line in lines if not whole_clusters(line)]
        assert not bad, (args, bad)
