"""`khcal help TOPIC` in the user's language, and `khcal publish`'s summary line.

Each page is written in English (docs/NAME.md) and in Khmer (docs/NAME.km.md). The Khmer page says what the
English one says: the same headings, the same TOML examples (their comments apart) and every key, value,
option and id the English page names, so that neither can change without the other. Which page is printed
follows the language the settings layer resolves, as every other output does.
tests/test_khmer_words.py checks that the Khmer pages have no English words outside their code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from khcal.cli import help_topics
from khcal.text import LANGUAGES
from support.command_line import run, write_config

ROOT = Path(__file__).resolve().parents[1]
TOPICS = sorted(help_topics.TOPICS)
OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != "en"]
FENCED = re.compile(r"```(\w*)\n(.*?)```", re.S)


def source(topic: str, lang: str) -> str:
    return (ROOT / "docs" / help_topics.file_name(topic, lang)).read_text(encoding="utf-8")


def headings(page: str) -> list[str]:
    """The level of each heading (`#`, `##`, ...), in order, outside the examples."""
    return [line.split(" ", 1)[0] for line in FENCED.sub("", page).splitlines() if line.startswith("#")]


def toml_examples(page: str) -> list[str]:
    """The TOML examples, without their comments (which are in the page's language)."""
    return [
        "\n".join(re.sub(r"\s*#.*$", "", line) for line in body.splitlines())
        for kind, body in FENCED.findall(page)
        if kind == "toml"
    ]


def named(page: str) -> set[str]:
    """What the page names in backticks as one word: keys, tables, values, options, ids, file names."""
    return {code for code in re.findall(r"`([^`]+)`", FENCED.sub("", page)) if not re.search(r"\s", code)}


def test_every_page_is_written_in_every_language() -> None:
    assert OTHER_LANGUAGES == ["km"]
    for topic in TOPICS:
        for lang in LANGUAGES:
            assert help_topics.topic_path(topic, lang).is_file(), (topic, lang)
    assert help_topics.file_name("definitions", "km") == "definitions.km.md"
    assert help_topics.file_name("config") == "config.md"


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize("topic", TOPICS)
def test_a_translated_page_keeps_the_english_structure(topic: str, lang: str) -> None:
    english, translated = source(topic, "en"), source(topic, lang)
    assert headings(translated) == headings(english)
    assert toml_examples(translated) == toml_examples(english)
    assert len(toml_examples(english)) >= 1
    missing = sorted(named(english) - named(translated))
    assert missing == []
    assert len(named(english)) > 20


def test_the_structure_check_sees_a_drift() -> None:
    english = "# A\n\n## B `days`\n\n```toml\ndays = 3  # three\n```\n"
    assert toml_examples(english) == ["days = 3"]
    assert named(english) == {"days"}
    drifted = "# ក\n\n```toml\ndays = 4  # បួន\n```\n"
    assert headings(drifted) != headings(english)
    assert toml_examples(drifted) != toml_examples(english)
    assert named(drifted) == set()


@pytest.mark.parametrize("topic", TOPICS)
def test_the_page_follows_the_language(topic: str, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english, khmer = source(topic, "en"), source(topic, "km")
    assert run("help", topic) == (0, english, "")
    assert run("help", topic, "--lang", "km") == (0, khmer, "")
    assert run("--lang", "km", "help", topic) == (0, khmer, "")
    monkeypatch.setenv("KHCAL_LANG", "km")
    assert run("help", topic) == (0, khmer, "")
    assert run("help", topic, "--lang", "en") == (0, english, "")
    monkeypatch.delenv("KHCAL_LANG")
    write_config(isolated, 'lang = "km"\n')
    assert run("help", topic) == (0, khmer, "")
    monkeypatch.setenv("KHCAL_LANG", "en")
    assert run("help", topic) == (0, english, "")


def test_a_bad_language_is_reported_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHCAL_LANG", "fr")
    code, out, err = run("help", "config")
    assert (code, out) == (2, "")
    assert err == "khcal: KHCAL_LANG: 'fr' is not one of en, km\n"


def test_the_index_no_longer_says_the_pages_are_in_english() -> None:
    code, out, _ = run("help", "--lang", "km")
    assert code == 0
    assert out.startswith("ប្រធានបទជំនួយ (khcal help TOPIC)៖")
    assert "អង់គ្លេស" not in out


def test_an_unknown_topic_is_reported_in_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHCAL_LANG", "km")
    code, out, err = run("help", "colours")
    assert (code, out) == (2, "")
    assert err == "khcal: help៖ គ្មានប្រធានបទ 'colours' ទេ (ប្រធានបទ៖ definitions, config)\n"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("width", [40, 60, 80])
def test_a_page_laid_out_for_a_terminal_keeps_every_word(topic: str, lang: str, width: int) -> None:
    """On a terminal the page is filled to its width: prose and table cells within it, tables as blocks
    (`heading: cell`), code as it is but for a comment filled under its `#` or above the code; no word
    lost."""
    from khcal.cli.help_page import for_terminal
    from khcal.text import say
    from khcal.views.width import cells

    page = help_topics.page(topic, lang)
    shown = for_terminal(page, width, lang)
    code = {line.strip() for _, block in FENCED.findall(page) for line in block.splitlines()}
    for line in shown.splitlines():
        if cells(line) > width:  # only code the reader copies, and a word wider than the line
            assert line.strip() in code or " " not in line.strip(), line
    assert not any(line.startswith("|") for line in shown.splitlines())
    assert shown.count("```") == page.count("```")
    # Every word of the page is there (a Khmer phrase may now be parted between lines, a comment's `#`
    # begin each of its lines; the tables' pipes and rulers are gone, their headings said before each cell).
    flat = "".join(shown.replace("#", "").split())
    assert [w for w in page.replace("#", "").split() if w.strip("|-") and w not in flat] == []
    heading = _cells(page.split("\n| ", 1)[1].split("\n", 1)[0])[1]
    assert say(lang, "topics.cell", heading=heading, cell="x").replace("x", "") in shown


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in ("| " + row).strip().strip("|").split("|")]


def test_a_page_laid_out_keeps_a_comment_a_comment() -> None:
    from khcal.cli.help_page import for_terminal

    page = '```toml\nweekend = ["sat", "sun"]   # ឬ "sat,sun"។ [] ឬ "none" បើគ្មានថ្ងៃចុងសប្តាហ៍\n```\n'
    shown = for_terminal(page, 60, "km").splitlines()
    assert shown[1].startswith('weekend = ["sat", "sun"]   # ')
    assert all(line.strip().startswith("#") for line in shown[2:-1]), shown
    long_code = "```\n" + "x" * 30 + " = 1  # ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍\n```"
    shown = for_terminal(long_code, 40, "km").splitlines()
    assert shown[1].startswith("# ") and shown[-2] == "x" * 30 + " = 1", shown


def test_a_missing_translation_gives_the_english_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(help_topics, "topic_path", lambda name, lang="en": tmp_path / f"{name}.{lang}.md")
    (tmp_path / "config.en.md").write_text("english", encoding="utf-8")
    assert help_topics.page("config", "km") == "english"


# --- publish's summary line ------------------------------------------------------------------------------

BASE = "https://cal.example.org/khcal"


def publish(folder: Path, *args: str) -> tuple[int, str, str]:
    return run("publish", str(folder), "--base-url", BASE, "--today", "2026-11-22", *args)


def site_files() -> int:
    """How many files `publish` writes for the built-in catalogue and three years."""
    from khcal.core import definitions
    from khcal.core.schedule import Schedule
    from khcal.feeds.site_files import Site

    return 2 * len(
        Site(Schedule(definitions.load([])), BASE, (2026, 2027, 2028)).makers()
    )  # each and its .gz


def test_the_summary_line_in_english_is_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    n = site_files()
    assert publish(folder) == (0, f"khcal: {folder}: {n} of {n} files written\n", "")
    assert publish(folder, "--lang", "en") == (0, f"khcal: {folder}: 0 of {n} files written\n", "")


def test_the_summary_line_in_khmer(tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khcal.text import digits

    folder = tmp_path / "site"
    n = site_files()
    total = digits("km", n)
    assert publish(folder, "--lang", "km") == (
        0,
        f"khcal: {folder}៖ បានសរសេរឯកសារ {total} ក្នុងចំណោម {total}\n",
        "",
    )
    zero = f"khcal: {folder}៖ បានសរសេរឯកសារ ០ ក្នុងចំណោម {total}\n"
    before = run("--lang", "km", "publish", str(folder), "--base-url", BASE, "--today", "2026-11-22")
    assert before == (0, zero, "")  # the option before the command name, as for every other command
    monkeypatch.setenv("KHCAL_LANG", "km")
    assert publish(folder) == (0, zero, "")
    monkeypatch.delenv("KHCAL_LANG")
    write_config(isolated, 'lang = "km"\n')
    assert publish(folder) == (0, zero, "")
    assert publish(folder, "--lang", "en") == (0, f"khcal: {folder}: 0 of {n} files written\n", "")


def test_the_feeds_are_the_same_whatever_the_language(tmp_path: Path) -> None:
    publish(tmp_path / "en")
    publish(tmp_path / "km", "--lang", "km")
    names = sorted(p.relative_to(tmp_path / "en") for p in (tmp_path / "en").rglob("*") if p.is_file())
    assert names == sorted(
        p.relative_to(tmp_path / "km") for p in (tmp_path / "km").rglob("*") if p.is_file()
    )
    for name in names:
        assert (tmp_path / "en" / name).read_bytes() == (tmp_path / "km" / name).read_bytes(), name


def test_the_contract_words_the_summary_line_as_the_tables_do() -> None:
    from khcal.text import say

    contract = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        line = say(lang, "cli.publish.written", folder="DIR", written="N", total="M")
        assert f"`{line}`" in contract, lang
    assert "docs/definitions.km.md" in contract and "docs/config.km.md" in contract


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_settings_pages_quote_the_weekend_error_as_khcal_words_it(isolated: Path, lang: str) -> None:
    # docs/config.md and docs/config.km.md show the error of `weekend = "satday"` on line 3 of config.toml.
    path = write_config(isolated, 'lang = "en"\ntz = "Asia/Phnom_Penh"\nweekend = "satday"\n')
    code, out, err = run("next", "--lang", lang)
    assert (code, out) == (2, "")
    printed = err.strip().removeprefix("khcal: ").replace(str(path), "/home/me/.config/khcal/config.toml")
    page = help_topics.page("config", lang)
    assert printed in page.splitlines()
