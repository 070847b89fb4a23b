"""The README and the pages under docs/: every relative link leads to a file of the repository, every
`#anchor` to a heading of the page it names, and the README's test command is the one .ci/run runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", flags=re.S | re.M)


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {_slug(m.group(1)) for m in re.finditer(r"^#+ (.+)$", text, flags=re.M)}


def _links(page: Path) -> list[str]:
    return LINK.findall(FENCE.sub("", page.read_text(encoding="utf-8")))


def test_the_slug_is_githubs() -> None:
    assert _slug("Settings and your own days") == "settings-and-your-own-days"
    assert _slug("`khcal serve` under load") == "khcal-serve-under-load"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_link_leads_somewhere_in_the_repository(page: Path) -> None:
    for link in _links(page):
        if re.match(r"[a-z]+:", link):  # https:, mailto: and the like: not checked here
            continue
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.is_relative_to(ROOT), f"{page.name}: {link} leaves the repository"
        assert path.exists(), f"{page.name}: {link} names no file"
        if anchor:
            assert path.suffix == ".md" and anchor in _anchors(path), f"{page.name}: {link} names no heading"


def test_the_pages_link_to_each_other() -> None:
    readme = _links(ROOT / "README.md")
    assert "docs/architecture.md" in readme and "docs/performance.md" in readme


def test_the_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "```sh\nbash .ci/run\n```" in readme
    [command] = re.findall(r"^\.venv/bin/python -m pytest.*$", ci, flags=re.M)
    assert f"`{command}`" in readme
    assert "-n auto" in command
