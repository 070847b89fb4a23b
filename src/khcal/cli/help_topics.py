"""`khcal help TOPIC`: longer help pages, shipped inside the package (docs/*.md in the repository)."""

from __future__ import annotations

from pathlib import Path

from khcal.errors import KhcalError

TOPICS = {
    "definitions": ("definitions.md", "the definitions file format (observances, rules, days off, sources)"),
    "config": ("config.md", "the settings file config.toml (language, time zone, weekend, categories)"),
}


def topic_path(name: str) -> Path:
    """Where a topic's page is: in the installed package, or in the repository when run from a checkout."""
    filename = TOPICS[name][0]
    packaged = Path(__file__).resolve().parents[1] / "docs" / filename
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "docs" / filename


def page(name: str) -> str:
    """The text of a topic; KhcalError for an unknown one."""
    if name not in TOPICS:
        raise KhcalError(f"help: no topic '{name}' (topics: {', '.join(TOPICS)})")
    return topic_path(name).read_text(encoding="utf-8")


def index() -> str:
    width = max(len(t) for t in TOPICS)
    lines = ["Help topics (khcal help TOPIC):", ""]
    lines += [f"  {name:<{width}}  {summary}" for name, (_, summary) in TOPICS.items()]
    lines += ["", "Every command has its own help with examples: khcal COMMAND --help"]
    return "\n".join(lines)
