"""Feeds in Khmer: the same events under the same UIDs as in English (a phone that switches language keeps
its events, never doubles them), each carrying its observance's Khmer description in full."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from support.command_line import run_bytes

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = tomllib.loads((ROOT / "data" / "observances.toml").read_text(encoding="utf-8"))
DESCRIPTIONS = {o["id"]: o["description"]["km"] for o in BUILTIN["observances"]}
CATEGORIES = sorted({o["category"] for o in BUILTIN["observances"]} | {"holy-day"})


def feed(*args: str) -> dict[str, Any]:
    code, out, err = run_bytes("export", "--today", "2026-11-22", "--from", "2026", "--to", "2027", *args)
    assert code == 0, err
    return {str(e["UID"]): e for e in Calendar.from_ical(out).walk("VEVENT")}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("category", CATEGORIES)
def test_khmer_feed_has_the_english_uids(category: str) -> None:
    english = feed("--category", category)
    khmer = feed("--category", category, "--lang", "km")
    assert english, category
    assert set(khmer) == set(english)
    for uid, event in khmer.items():
        assert event.decoded("DTSTART") == english[uid].decoded("DTSTART"), uid
        assert str(event["SUMMARY"]) != str(english[uid]["SUMMARY"]), uid  # the name is the Khmer one


def test_khmer_feed_carries_every_khmer_description_in_full() -> None:
    every = [arg for category in CATEGORIES if category != "holy-day" for arg in ("--category", category)]
    khmer = feed(*every, "--lang", "km")
    seen = set()
    for uid, event in khmer.items():
        ident = uid.rsplit("-", 1)[0]
        if ident not in DESCRIPTIONS:  # a day in lieu is named after the day it replaces
            continue
        seen.add(ident)
        assert flat(DESCRIPTIONS[ident]) in flat(str(event["DESCRIPTION"])), uid
    assert len(seen) > len(DESCRIPTIONS) / 2
