"""`khcal help TOPIC`: longer help pages, shipped inside the package (docs/*.md in the repository).

The pages are in English; the index that lists them is worded in the user's language (`topics.*` in
khcal.text).
"""

from __future__ import annotations

from pathlib import Path

from khcal.errors import KhcalError

TOPICS = {"definitions": "definitions.md", "config": "config.md"}


def topic_path(name: str) -> Path:
    """Where a topic's page is: in the installed package, or in the repository when run from a checkout."""
    filename = TOPICS[name]
    packaged = Path(__file__).resolve().parents[1] / "docs" / filename
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "docs" / filename


def page(name: str) -> str:
    """The text of a topic; KhcalError for an unknown one."""
    if name not in TOPICS:
        raise KhcalError("error.help.topic", name=name, topics=", ".join(TOPICS))
    return topic_path(name).read_text(encoding="utf-8")


def index(lang: str = "en") -> str:
    from khcal.text import say

    width = max(len(t) for t in TOPICS)
    lines = [say(lang, "topics.title"), ""]
    lines += [f"  {name:<{width}}  {say(lang, f'topics.{name}')}" for name in TOPICS]
    lines += ["", say(lang, "topics.more")]
    return "\n".join(lines)
