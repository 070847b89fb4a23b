"""The built-in catalogue speaks Khmer as fully as English.

For every observance (and every [[published]] and [[in_lieu]] note), each English text has a Khmer form
that carries the same numbers and years, is not much shorter, and is written in Khmer: no English words
except a few names that have no Khmer form.
"""

from __future__ import annotations

import re

import pytest

from khcal.core import definitions as catalogue

CATALOGUE = catalogue.load([])

# A real translation is about as long as the English (Khmer script counts its signs as characters); a
# summary of one idea out of six is not. The built-in translations are all above 0.75 of the English.
MIN_RATIO = 0.6

# Runs of three or more ASCII letters allowed inside Khmer text, and why:
ALLOWED_LATIN = (
    "--category holy-day",  # the command-line option the reader types, quoted literally
    "khcal",  # the program's own name
)

_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}(?!\d))")  # 1,250 -> 1250
_NUMBER = re.compile(r"\d+")
_LATIN_RUN = re.compile(r"[A-Za-z]{3,}")


def numbers(text: str) -> list[str]:
    """Every number in a text, as ASCII digits, with thousands separators removed."""
    return _NUMBER.findall(_THOUSANDS.sub("", text.translate(_KHMER_DIGITS)))


def texts_of(obs: catalogue.Observance) -> list[tuple[str, catalogue.Text]]:
    """Every user-visible text of an observance that has English, with a label for the messages."""
    out = [("description", obs.description)]
    out += [(f"history {h.year} #{i}", h.text) for i, h in enumerate(obs.history)]
    out += [(f"holiday period #{i} note", p.note) for i, p in enumerate(obs.holiday) if p.note]
    out += [(f"exception {e.year} note", e.note) for e in obs.exceptions if e.note]
    return out


def check(label: str, text: catalogue.Text) -> list[str]:
    """What is wrong with the Khmer form of one text (nothing when it is a full translation)."""
    km = (text.km or "").strip()
    if not km:
        return [f"{label}: no Khmer text"]
    problems = []
    missing = sorted(set(numbers(text.en)) - set(numbers(km)))
    if missing:
        problems.append(f"{label}: numbers of the English missing in Khmer: {missing}")
    if len(km) < MIN_RATIO * len(text.en):
        problems.append(f"{label}: Khmer is {len(km)} characters for {len(text.en)} in English")
    stripped = km
    for name in ALLOWED_LATIN:
        stripped = stripped.replace(name, "")
    latin = _LATIN_RUN.findall(stripped)
    if latin:
        problems.append(f"{label}: English words in the Khmer text: {latin}")
    return problems


@pytest.mark.parametrize("ident", sorted(CATALOGUE.observances))
def test_observance_speaks_khmer_fully(ident: str) -> None:
    obs = CATALOGUE.observances[ident]
    problems = [p for label, text in texts_of(obs) for p in check(label, text)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("year", sorted(y for y, p in CATALOGUE.published.items() if p.note))
def test_published_note_speaks_khmer_fully(year: int) -> None:
    note = CATALOGUE.published[year].note
    assert note is not None
    problems = check(f"published {year} note", note)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "index", [i for i, rule in enumerate(CATALOGUE.in_lieu) if rule.note], ids=lambda i: f"in_lieu-{i}"
)
def test_in_lieu_note_speaks_khmer_fully(index: int) -> None:
    rule = CATALOGUE.in_lieu[index]
    assert rule.note is not None
    problems = check(f"in_lieu {rule.since}-{rule.until} note", rule.note)
    assert not problems, "\n".join(problems)


def test_the_checks_catch_a_summary_and_english_words() -> None:
    full = catalogue.Text(
        en="On 7 January 1979 the regime fell, after 3 years, 8 months and 20 days.",
        km="នៅថ្ងៃទី៧ ខែមករា ឆ្នាំ១៩៧៩ របបនោះបានដួលរលំ ក្រោយរយៈពេល ៣ឆ្នាំ ៨ខែ ២០ថ្ងៃ។",
    )
    assert check("full", full) == []
    short = catalogue.Text(en=full.en, km="ថ្ងៃទី៧ ខែមករា ឆ្នាំ១៩៧៩។")
    assert any("numbers" in p for p in check("short", short))
    assert any("characters" in p for p in check("short", short))
    english = catalogue.Text(en="1,250 monks", km="ព្រះសង្ឃ ១២៥០ អង្គ (monks)")
    assert check("english", english) == ["english: English words in the Khmer text: ['monks']"]
    assert check("none", catalogue.Text(en="Text")) == ["none: no Khmer text"]
