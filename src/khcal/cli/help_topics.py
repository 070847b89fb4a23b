"""`khcal help TOPIC`: longer help pages, shipped inside the package (docs/*.md in the repository).

Each page is written in every language khcal speaks: `NAME.md` in English, `NAME.km.md` in Khmer. The page
and the index that lists the pages (`topics.*` in khcal.text) are in the language the settings layer
resolves (`--lang`, else KHCAL_LANG, else config.toml's lang, else English).
"""

from __future__ import annotations

from pathlib import Path

from khcal.errors import KhcalError

TOPICS = {"definitions": "definitions.md", "config": "config.md"}
"""Each topic's English page; the page in another language LANG is `NAME.LANG.md` beside it."""


def file_name(name: str, lang: str = "en") -> str:
    """The file of a topic's page in `lang`: `definitions.md`, `definitions.km.md`."""
    filename = TOPICS[name]
    return filename if lang == "en" else filename.replace(".md", f".{lang}.md")


def topic_path(name: str, lang: str = "en") -> Path:
    """Where a topic's page is: in the installed package, or in the repository when run from a checkout."""
    filename = file_name(name, lang)
    packaged = Path(__file__).resolve().parents[1] / "docs" / filename
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "docs" / filename


def page(name: str, lang: str = "en") -> str:
    """The text of a topic in `lang` (English for a language it is not written in); KhcalError for an
    unknown topic."""
    if name not in TOPICS:
        raise KhcalError("error.help.topic", name=name, topics=", ".join(TOPICS))
    path = topic_path(name, lang)
    if not path.is_file():
        path = topic_path(name)
    return path.read_text(encoding="utf-8")


def index(lang: str = "en") -> str:
    """The topics, each with what it is about, wrapped to the terminal's width (at most 80 columns) as the
    `--help` pages are (khcal.cli.help_text.fill)."""
    import shutil

    from khcal.cli.help_text import fill
    from khcal.text import say

    columns = min(shutil.get_terminal_size().columns, 80)
    width = max(len(t) for t in TOPICS)
    lines = [fill(say(lang, "topics.title"), columns), ""]
    hang = " " * (width + 4)
    lines += [fill(say(lang, f"topics.{name}"), columns, f"  {name:<{width}}  ", hang) for name in TOPICS]
    lines += ["", fill(say(lang, "topics.more"), columns)]
    return "\n".join(lines)
