"""khcal's messages in English. Keys are grouped by the layer that uses them; km.py has the same keys."""

from __future__ import annotations

from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- errors: core (definitions, ranges, ids) ---------------------------------------------------------
    "error.unknown-id": "unknown observance id '{ident}'{hint} (khcal list --ids shows every id)",
    "error.unknown-id.hint": "; did you mean {names}?",
    "error.year-range": "year {year} is outside the supported range {low}-{high}",
    # --- errors: settings and options --------------------------------------------------------------------
    # --- errors: feeds -----------------------------------------------------------------------------------
    # --- views: terminal screens -------------------------------------------------------------------------
    # --- feeds: calendar texts ---------------------------------------------------------------------------
}
