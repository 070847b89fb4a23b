"""The JSON shapes of occurrences and observances, and a source in words.

Plain functions returning plain strings and dicts: the renderers decide how they look.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from khcal.core.model import Observance, Source
from khcal.core.schedule import Occurrence
from khcal.text.dates import occurrence_name
from khcal.text.lunar import new_year_json
from khcal.text.rules import period_text, rule_text

__all__ = ["observance_json", "occurrence_json", "source_text"]


def source_text(source: Source) -> str:
    return f"{source.title} <{source.url}>" if source.url else source.title


def occurrence_json(occ: Occurrence, today: date, lang: str) -> dict[str, Any]:
    """The occurrence object of the command-line contract, with a few more fields."""
    out: dict[str, Any] = {
        "id": occ.id,
        "name": occurrence_name(occ, lang),
        "names": {"en": occurrence_name(occ, "en"), "km": occurrence_name(occ, "km")},
        "category": occ.category,
        "start": occ.start.isoformat(),
        "end": occ.end.isoformat(),
        "holiday": occ.holiday,
        "status": occ.status,
        "days_until": occ.days_until(today),
        "days": occ.days,
        "scope": occ.scope if occ.holiday else None,
    }
    if occ.in_lieu_of is not None:
        out["in_lieu_of"] = occ.in_lieu_of.id
    if occ.anniversary is not None:
        out["anniversary"] = occ.anniversary
    if occ.songkran is not None:
        out["songkran"] = occ.songkran.isoformat(timespec="minutes")
        out["new_year"] = new_year_json(occ)
    if occ.note is not None:
        out["note"] = occ.note.get(lang)
    return out


def observance_json(
    obs: Observance,
    upcoming: Sequence[Occurrence],
    today: date,
    lang: str,
    observances: Mapping[str, Observance],
) -> dict[str, Any]:
    """The `show --json` object."""
    return {
        "id": obs.id,
        "name": obs.name.get(lang),
        "names": {"en": obs.name.en, "km": obs.name.km},
        "category": obs.category,
        "description": obs.description.get(lang),
        "rule": rule_text(obs.rule, obs.days, lang, observances),
        "event_year": obs.event_year,
        "since": obs.since,
        "until": obs.until,
        "history": {
            "holiday_periods": [
                {
                    "since": p.since,
                    "until": p.until,
                    "days": p.days or None,
                    "scope": p.scope,
                    "rule": rule_text(p.rule, p.days or obs.days, lang) if p.rule else None,
                    "text": period_text(p, obs, lang),
                }
                for p in obs.holiday
            ],
            "exceptions": [
                {
                    "year": e.year,
                    "start": e.start.isoformat() if e.start else None,
                    "days": e.days,
                    "holiday": e.holiday,
                    "songkran": e.songkran.isoformat(timespec="minutes") if e.songkran else None,
                    "note": e.note.get(lang) if e.note else None,
                    "sources": [{"title": s.title, "url": s.url} for s in e.sources],
                }
                for e in obs.exceptions
            ],
            "events": [{"year": h.year, "text": h.text.get(lang)} for h in obs.history],
        },
        "sources": [{"title": s.title, "url": s.url} for s in obs.sources],
        "occurrences": [occurrence_json(o, today, lang) for o in upcoming],
    }
