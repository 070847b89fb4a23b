"""`khcal COMMAND --help` in the user's language: every text in both tables, found from the option, the
environment or config.toml as every other output finds its language, with click's own words too.

tests/test_khmer_words.py checks that the Khmer help pages have no English words left.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import typer.main

from khcal.cli import app
from khcal.cli.help_text import help_of, param_name, parameters, tree
from khcal.text import LANGUAGES, en, km
from khcal.views.width import cells
from support.command_line import run, write_config

COMMAND_PATHS = [path for path, _ in tree(typer.main.get_command(app))]


def test_the_help_texts_are_in_both_tables() -> None:
    keys = {k for k in en.MESSAGES if k.startswith(("help.", "help-format.", "topics."))}
    assert len(keys) > 90
    assert keys <= set(km.MESSAGES)  # and tests/test_text.py checks the two tables have the same keys


def test_every_command_option_and_argument_has_help_in_every_language() -> None:
    root = typer.main.get_command(app)
    used: set[str] = set()
    missing = []
    for path, command in tree(root):
        where = ".".join(path) or "khcal"
        names = [None, *(param_name(p) for p in parameters(command))]
        for name in names:
            for lang in LANGUAGES:
                if not (help_of(lang, path, name) or "").strip():
                    missing.append((lang, " ".join(path), name))
            if name is not None:
                own = f"help.{where}.{name}"
                used.add(own if own in en.MESSAGES else f"help.any.{name}")
            else:
                used.add(f"help.{where}")
    assert len(COMMAND_PATHS) >= 20
    assert missing == []
    unused = sorted(k for k in en.MESSAGES if k.startswith("help.") and k not in used)
    assert unused == []  # no help text is left over from a command or option that is gone


def khmer_page(out: str) -> None:
    assert out.startswith("របៀបប្រើ៖ khcal")
    assert "ជម្រើស៖" in out and "ឧទាហរណ៍" in out
    for english in ("Usage:", "Options:", "Arguments:", "Commands:", "[OPTIONS]", "[default", "[required]",
                    "<str>", "Show this message", "Examples"):  # fmt: skip
        assert english not in out, english


def english_page(out: str) -> None:
    assert out.startswith("Usage: khcal") and "Options:" in out and "Examples:" in out
    assert "ជម្រើស" not in out


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "khcal")
def test_help_in_khmer_with_the_option(path: tuple[str, ...]) -> None:
    code, out, err = run(*path, "--help", "--lang", "km")
    assert (code, err) == (0, "")
    khmer_page(out)
    code, out, _ = run(*path, "-h", "--lang=km")
    khmer_page(out)


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "khcal")
def test_help_in_khmer_from_the_environment(monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...]) -> None:
    monkeypatch.setenv("KHCAL_LANG", "km")
    code, out, _ = run(*path, "--help")
    assert code == 0
    khmer_page(out)
    code, out, _ = run(*path, "--help", "--lang", "en")  # the option wins, as for every output
    assert code == 0
    english_page(out)


def test_help_in_khmer_from_the_settings_file(monkeypatch: pytest.MonkeyPatch, isolated: Path) -> None:
    write_config(isolated, 'lang = "km"\n')
    for args in (["next", "--help"], ["workdays", "add", "--help"], ["--help"], []):
        code, out, _ = run(*args)
        assert code == 0
        khmer_page(out)
    english_page(run("next", "--help", "--lang", "en")[1])
    monkeypatch.setenv("KHCAL_LANG", "en")
    english_page(run("next", "--help")[1])


def test_the_language_alone_or_before_the_command() -> None:
    for args in (["--lang", "km"], ["--lang", "km", "workdays"], ["--lang", "km", "next", "--help"]):
        code, out, err = run(*args)
        assert (code, err) == (0, ""), args
        khmer_page(out)


@pytest.mark.parametrize("value", ["fr", "", "KM"])
def test_a_bad_language_gives_the_english_help(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KHCAL_LANG", value)
    code, out, err = run("next", "--help")
    assert (code, err) == (0, "")
    english_page(out)
    code, out, _ = run("today", "--help", "--lang", value or "xx")
    assert code == 0
    english_page(out)
    code, _, err = run("next", "--today", "2026-01-01")  # the command itself still reports it
    assert code == 2 and "KHCAL_LANG" in err


def test_a_broken_settings_file_gives_the_help_in_its_own_valid_language(isolated: Path) -> None:
    write_config(isolated, 'lang = "km"\nweekend = "satday"\n')
    code, out, err = run("next", "--help")
    assert (code, err) == (0, "")
    khmer_page(out)
    english_page(run("next", "--help", "--lang", "en")[1])
    write_config(isolated, 'lang = "fr"\nweekend = "satday"\n')
    code, out, err = run("next", "--help")
    assert (code, err) == (0, "")
    english_page(out)
    code, out, _ = run("next", "--help", "--lang", "km")
    khmer_page(out)


def test_one_run_in_khmer_leaves_the_next_in_english() -> None:
    khmer_page(run("show", "--help", "--lang", "km")[1])
    english_page(run("show", "--help")[1])
    root = typer.main.get_command(app)
    assert root.help is not None and root.help.startswith("Cambodia's public holidays")


def test_khmer_help_wraps_between_words() -> None:
    for path in COMMAND_PATHS:
        _, out, _ = run(*path, "--help", "--lang", "km")
        for line in out.splitlines():
            text = line.strip()
            assert not text or not unicodedata.category(text[0]).startswith("M"), (path, line)
            assert not text.endswith("\u17d2"), (path, line)  # a coeng is always followed by its consonant
            assert cells(line) <= 80, (path, line)  # columns, as the terminal counts them


def test_the_help_index_and_its_errors_in_khmer(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run("help", "--lang", "km")
    assert code == 0 and out.startswith("ប្រធានបទជំនួយ") and "definitions" in out and "config" in out
    monkeypatch.setenv("KHCAL_LANG", "km")
    code, out, err = run("help", "colours")
    assert (code, out) == (2, "")
    assert err.strip() == "khcal: help៖ គ្មានប្រធានបទ 'colours' ទេ (ប្រធានបទ៖ definitions, config)"
    code, out, _ = run("help", "config")
    assert code == 0 and "weekend" in out  # the pages themselves are in English


def test_the_installed_command_prints_the_khmer_help(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("khcal")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for args, lang in ((["next", "--help"], "km"), (["is-workday", "-h"], "km"), (["today", "--short"], "")):
        done = subprocess.run(
            [str(exe), *args, "--today", "2026-04-14"] if not lang else [str(exe), *args],
            capture_output=True, text=True, timeout=60, env={**env, "KHCAL_LANG": lang or "km"},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        if lang:
            khmer_page(done.stdout)
        else:
            assert "ថ្ងៃ" in done.stdout  # the quick path still answers in Khmer
