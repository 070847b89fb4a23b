"""Where khcal breaks a line (khcal.views.breaks, clusters.wrap): between Khmer words as ICU's dictionary
finds them, at spaces and U+200B, never at U+00A0, never inside a cluster or at a hyphen, a number kept
with its word; the same rules without ICU; and the screens that lay out by them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icu4py.breakers import LineBreaker

from khcal.views import breaks, clusters
from khcal.views.console import Wrapped
from khcal.views.width import cells
from support.command_line import run

NAMES = [
    "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍ (ខួបលើកទី ៤៨)",
    "ខួបនៃការដួលរលំទីក្រុងភ្នំពេញ (ខួបលើកទី ៥២)",
    "ព្រះរាជពិធីច្រត់ព្រះនង្គ័ល",
    "ទិវារំលឹកខួបនៃកិច្ចព្រមព្រៀងសន្តិភាពទីក្រុងប៉ារីស",
    "ខួបចម្រើនព្រះជន្ម សម្តេចព្រះមហាក្សត្រី នរោត្តម មុនិនាថ សីហនុ (ខួបកំណើតគម្រប់ ៩១ ឆ្នាំ)",
    "ទិវាអន្តរជាតិនៃការឆ្លុះបញ្ចាំងអំពីអំពើប្រល័យពូជសាសន៍ឆ្នាំ១៩៩៤ ប្រឆាំងនឹងជនជាតិទុតស៊ីនៅរវ៉ាន់ដា",
]


def lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in clusters.wrap(text, width, cells)]


def icu(text: str) -> set[int]:
    found, offset = set(), 0
    for piece in LineBreaker(text, "km"):
        offset += len(piece)
        found.add(offset)
    return found


@pytest.fixture
def no_icu(monkeypatch: pytest.MonkeyPatch) -> None:
    """A platform without an icu4py wheel: importing it fails."""
    monkeypatch.setitem(sys.modules, "icu4py.breakers", None)


def starts(text: str, width: int) -> list[int]:
    """Where each line after the first begins in `text`."""
    return [a for a, _ in clusters.wrap(text, width, cells)][1:]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("width", range(8, 60, 3))
def test_khmer_breaks_only_between_words(name: str, width: int) -> None:
    opportunities = icu(name)
    for a in starts(name, width):
        assert clusters.can_break(name, a)
        if a not in opportunities:  # a word wider than the line: cut between clusters
            word = max((b for b in opportunities if b < a), default=0), min(b for b in opportunities if b > a)
            assert cells(name[word[0] : word[1]].strip()) > width, (name[:a], name[a:])


@pytest.mark.parametrize("width", range(10, 60))
def test_the_words_the_terminal_cut_stay_whole(width: int) -> None:
    """The words a 60-column screen cut before khcal used ICU: ប្រល័|យ, ភ្នំ|ពេញ, ព្រះនង្គ័|ល, ពូជ|សាសន៍,
    កិច្ចព្រម|ព្រៀង; and the numbers split from their words: ខួបលើកទី|៤៨, គម្រប់ ៩១|ឆ្នាំ."""
    for name in NAMES:
        shown = lines(name, width)
        for word in ("ប្រល័យ", "ភ្នំពេញ", "ព្រះនង្គ័ល", "ពូជសាសន៍", "ព្រមព្រៀង"):
            if word in name:
                assert any(word in line for line in shown), (word, shown)
        # A number and its words, when the line has room for all that holds them together.
        for word, held in (("ទី ៤៨", "(ខួបលើកទី ៤៨)"), ("គម្រប់ ៩១ ឆ្នាំ", "(ខួបកំណើតគម្រប់ ៩១ ឆ្នាំ)")):
            if word in name and cells(held) <= width:
                assert any(word in line for line in shown), (word, shown)


def test_zero_width_space_is_a_break_and_no_break_space_is_not() -> None:
    text = "ពិធីបុណ្យ\u200bភ្ជុំបិណ្ឌ"
    assert breaks.opportunities(text) == [len("ពិធីបុណ្យ\u200b")]
    # A name an author holds together with U+00A0 (and U+2060 WORD JOINER) stays whole.
    held = "សម្តេច\u00a0ព្រះមហាក្សត្រី"
    assert held.index("\u00a0") + 1 not in breaks.opportunities(held)
    assert held.index("\u00a0") + 1 in breaks.opportunities(held.replace("\u00a0", " "))
    joined = "ព្រះបាទ\u2060សម្តេច"  # U+2060 WORD JOINER: no break where ICU finds one
    assert len("ព្រះបាទ") in breaks.opportunities(joined.replace("\u2060", ""))
    assert breaks.opportunities(joined) == []
    assert lines("a b\u00a0c d", 4) == ["a", "b\u00a0c", "d"]
    assert lines("ក ខ\u00a0គ ឃ", 3) == ["ក", "ខ\u00a0គ", "ឃ"]


def test_a_name_the_dictionary_does_not_know_stays_whole() -> None:
    """ICU parts the names it lacks: between two words it knows (`សីហ|មុនី`) or a syllable at a time
    (`ស្រេ|ប្រេ|នី|ត|សា`). Those breaks are held back: taken only when the line has no other."""
    # Each name, and the stretch held with it (one-syllable words beside it go with it).
    for text, name, held in (
        ("ព្រះករុណា ព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី ព្រះមហាក្សត្រ", "សីហមុនី", "សីហមុនី"),
        ("អំពើប្រល័យពូជសាសន៍ឆ្នាំ១៩៩៥ នៅស្រេប្រេនីតសា (ខួបលើកទី ៣២)", "ស្រេប្រេនីតសា", "នៅស្រេប្រេនីតសា"),
        ("ប្រឆាំងនឹងជនជាតិទុតស៊ីនៅរវ៉ាន់ដា", "ទុតស៊ី", "ទុតស៊ីនៅរវ៉ាន់ដា"),
        ("ប្រឆាំងនឹងជនជាតិទុតស៊ីនៅរវ៉ាន់ដា", "រវ៉ាន់ដា", "ទុតស៊ីនៅរវ៉ាន់ដា"),
        ("កាត់ទោស ខៀវ សំផន", "សំផន", "សំផន"),
    ):
        at = text.index(name)
        inside = set(range(at + 1, at + len(name)))
        assert inside & icu(text), name  # ICU would part it
        assert not inside & set(breaks.opportunities(text)), name
        for width in range(cells(held), cells(text) + 1):
            assert any(name in line for line in lines(text, width)), (name, width, lines(text, width))
    # Held back, not forbidden: a line narrower than the name is cut where ICU says, not anywhere.
    assert lines("នរោត្តម សីហមុនី", cells("នរោត្តម")) == ["នរោត្តម", "សីហមុនី"]
    assert lines("សីហមុនី", cells("សីហ")) == ["សីហ", "មុនី"]
    # A word of the dictionary between spaces, and a long phrase, break where ICU says.
    assert breaks.syllables("សីហមុនី") == 4 and breaks.syllables("វ៉ាន់") == 1 and breaks.syllables("ក a") == 0
    assert breaks.opportunities("ពិធីបុណ្យភ្ជុំបិណ្ឌ") == [len("ពិធីបុណ្យ")]


def test_a_number_stays_with_its_word() -> None:
    for text in ("ខួបលើកទី ៤៨", "គម្រប់ ៩១ ឆ្នាំ", "in 3 weeks"):
        spaces = {i + 1 for i, char in enumerate(text) if char == " "}
        assert not spaces & set(breaks.opportunities(text)), text
    # A line that cannot hold them all: the words go down together.
    text = "ខួបចម្រើនព្រះជន្ម (ខួបកំណើតគម្រប់ ៩១ ឆ្នាំ)"
    found = lines(text, cells("ខួបចម្រើនព្រះជន្ម (ខួបកំណើតគម្រប់ ៩១"))
    assert all(not line.endswith(("៩១", "គម្រប់")) for line in found), found
    assert any("គម្រប់ ៩១ ឆ្នាំ" in line for line in found), found
    # The word is the reader's, to a space or a bracket, though ICU parts it (ខួប|លើក|ទី).
    assert lines("ទិវាសន្តិភាពនៅកម្ពុជា (ខួបលើកទី ២៨)", cells("ទិវាសន្តិភាពនៅកម្ពុជា (ខួបលើក")) == [
        "ទិវាសន្តិភាពនៅកម្ពុជា",
        "(ខួបលើកទី ២៨)",
    ]
    # Wider than the line, they part at their spaces before a word is cut.
    assert lines("គម្រប់ ៩១ ឆ្នាំ", cells("គម្រប់ ៩១")) == ["គម្រប់ ៩១", "ឆ្នាំ"]
    assert lines("គម្រប់ ៩១ ឆ្នាំ", cells("គម្រប់")) == ["គម្រប់", "៩១", "ឆ្នាំ"]


def test_an_option_never_breaks_at_its_hyphen() -> None:
    assert lines("use --extra-off and is-holiday", 12) == ["use", "--extra-off", "and", "is-holiday"]
    assert lines("ប្រើ --extra-off ដើម្បីបន្ថែមថ្ងៃ", 12)[1] == "--extra-off"
    dates = "ថ្ងៃ៖ 2026-05-01 ដល់ 2026-05-03"
    assert not {i + 1 for i, char in enumerate(dates) if char == "-"} & set(breaks.opportunities(dates))


def test_a_dictionary_spelling_is_found_with_either_subscript() -> None:
    """បណ្តឹង with a subscript TA is the dictionary's បណ្ដឹង (subscript DA): no break inside it."""
    text = "ក្នុងដំណាក់កាលបណ្តឹងឧទ្ធរណ៍"
    inside = range(text.index("បណ្តឹង") + 1, text.index("បណ្តឹង") + len("បណ្តឹង"))
    assert not set(breaks.opportunities(text)) & set(inside)
    assert set(breaks.opportunities(text)) <= icu(text)


KHMER_SYLLABLE = st.builds(
    lambda base, sub, vowel, sign: base + sub + vowel + sign,
    st.sampled_from("កខគងចឆជញដឋណតថទធនបផពភមយរលវសហឡអ"),
    st.sampled_from(["", "\u17d2រ", "\u17d2ត", "\u17d2ម", "\u17d2ដ"]),
    st.sampled_from(["", "ា", "ិ", "ី", "ុ", "ូ", "េ", "ែ", "ោ", "ៅ", "ើ"]),
    st.sampled_from(["", "ំ", "ះ", "់", "៍"]),
)
SEPARATORS = st.sampled_from([" ", "\u200b", "\u00a0", " ៤៨ ", ""])


@given(st.lists(st.tuples(st.lists(KHMER_SYLLABLE, min_size=1, max_size=8), SEPARATORS), min_size=1,
                max_size=6), st.integers(1, 30), st.booleans())  # fmt: skip
def test_wrap_keeps_clusters_and_text(words: list[tuple[list[str], str]], width: int, with_icu: bool) -> None:
    text = "".join("".join(syllables) + gap for syllables, gap in words).strip(" \u200b")
    with pytest.MonkeyPatch.context() as patch:
        if not with_icu:
            patch.setitem(sys.modules, "icu4py.breakers", None)
        spans = clusters.wrap(text, width, cells)
    for (before, _), (a, b) in zip([(0, 0), *spans], spans, strict=False):
        assert clusters.can_break(text, a) and clusters.can_break(text, b)
        if a and text[a - 1] == "\u00a0":  # never a break at a no-break space: only a cut of a full line
            first = next(clusters.cluster_spans(text, a, b))
            assert cells(text[before : first[1]]) > width
    kept = "".join(text[a:b] for a, b in spans)
    assert kept.replace(" ", "").replace("\u200b", "") == text.replace(" ", "").replace("\u200b", "")


def test_without_icu_lines_break_at_spaces_and_zero_width_spaces(no_icu: None) -> None:
    assert breaks.icu_breaks("ពិធីបុណ្យ") is None
    text = "ទិវាជ័យជម្នះ\u200bលើរបបប្រល័យពូជសាសន៍ ខួបលើកទី ៤៨\u00a0ឆ្នាំ"
    assert breaks.opportunities(text) == [text.index("លើ"), text.index("ខួប")]
    # A word wider than the line is cut between clusters, never between a consonant and its vowel or COENG.
    for a, _ in clusters.wrap("ព្រះរាជពិធីច្រត់ព្រះនង្គ័ល", 5, cells):
        assert clusters.can_break("ព្រះរាជពិធីច្រត់ព្រះនង្គ័ល", a)


def imports_after(code: str) -> bool:
    probe = f"import sys; from khcal.views import clusters; from khcal.views.width import cells; {code}; "
    probe += "print('icu4py.breakers' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip() == "True"


def test_icu_is_loaded_only_when_a_khmer_line_wraps() -> None:
    assert not imports_after("clusters.wrap('ពិធីបុណ្យភ្ជុំបិណ្ឌ', 80, cells)")  # it fits
    assert not imports_after("clusters.wrap('International Holocaust Remembrance Day', 10, cells)")
    assert imports_after("clusters.wrap('ពិធីបុណ្យភ្ជុំបិណ្ឌ', 8, cells)")


def test_wrapped_text_hangs_under_its_lead_and_follows_the_column() -> None:
    text = Wrapped("ពិធីបុណ្យចូលឆ្នាំថ្មីប្រពៃណីជាតិ", lead="  ៣ ថ្ងៃ  ")
    shown = [line.plain for line in text.lines(24)]
    assert shown[0].startswith("  ៣ ថ្ងៃ  ពិធីបុណ្យ") and len(shown) > 1
    assert all(line.startswith(" " * cells("  ៣ ថ្ងៃ  ")) for line in shown[1:])
    assert [line.plain for line in Wrapped("៤ ខែទៀត").lines(12, "right")] == ["     ៤ ខែទៀត"]


def test_long_weekends_columns_do_not_move_with_weekday_names(monkeypatch: pytest.MonkeyPatch) -> None:
    for lang, days, width in (("km", "ថ្ងៃ", 80), ("km", "ថ្ងៃ", 60), ("en", "days", 80), ("en", "days", 60)):
        monkeypatch.setenv("COLUMNS", str(width))
        code, out, _ = run("long-weekends", "--year", "2027", "--lang", lang)
        assert code == 0
        # The first line of each run (not of a bridge day, not a continued line).
        rows = [row for row in out.splitlines() if row.startswith("  ") and not row.startswith("      ")]
        runs = [row for row in rows if ".." in row and "->" not in row]
        assert len(runs) > 8
        assert len({cells(row[: row.index("..")]) for row in runs}) == 1, runs
        assert len({cells(row[: row.index(days)]) for row in runs}) == 1, runs
        beside = {
            cells(row[: row.index(days) + len(days) + 2]) for row in runs if row.endswith(days) is False
        }
        assert len(beside) <= 1, runs  # the names, when beside their row, start in one column
        assert all(cells(row) <= width for row in out.splitlines())


def test_lunar_notes_are_kept_whole_at_60_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run("lunar", "--from", "2026-04-13", "--to", "2026-04-16", "--lang", "km")
    assert code == 0
    assert "មហាសង្ក្រាន្ត" in out and "វារៈវ័នបត" in out and "ថ្ងៃសីល" in out
    assert all(cells(line) <= 60 for line in out.splitlines())


@pytest.mark.parametrize("lang", ["km", "en"])
@pytest.mark.parametrize("columns", ["50", "60", "80"])
def test_help_never_breaks_an_option_at_its_hyphen(lang: str, columns: str) -> None:
    environment = {**os.environ, "COLUMNS": columns}
    for command in ("is-workday", "long-weekends", "list"):
        argv = [sys.executable, "-m", "khcal", command, "--help", "--lang", lang]
        out = subprocess.run(
            argv, capture_output=True, text=True, env=environment, timeout=60, check=True
        ).stdout
        assert not [line for line in out.splitlines() if line.rstrip().endswith(("--extra-", "--no-"))]
        assert "--extra-off" in out or command == "list"
        assert all(cells(line) <= int(columns) for line in out.splitlines())
