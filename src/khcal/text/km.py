"""khcal's messages in Khmer, written for Khmer readers. The same keys as en.py."""

from __future__ import annotations

from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- errors: core (definitions, ranges, ids) ---------------------------------------------------------
    "error.unknown-id": "គ្មានទិវាដែលមានលេខសម្គាល់ '{ident}' ទេ{hint} (khcal list --ids បង្ហាញលេខសម្គាល់ទាំងអស់)",
    "error.unknown-id.hint": "។ តើអ្នកចង់និយាយថា {names} ឬ?",
    "error.year-range": "ឆ្នាំ{year} នៅក្រៅចន្លោះដែល khcal គណនាបាន ({low}-{high})",
    # --- errors: settings and options --------------------------------------------------------------------
    # --- errors: feeds -----------------------------------------------------------------------------------
    # --- views: terminal screens -------------------------------------------------------------------------
    # --- feeds: calendar texts ---------------------------------------------------------------------------
}
