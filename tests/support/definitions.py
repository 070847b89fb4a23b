"""A definitions file of a user's own, as the tests write it: one company day off on the 14th of a month."""

from __future__ import annotations

COMPANY = """
[[observances]]
id = "company-day"
name = "Company Day"
category = "company"
rule = {{ kind = "fixed", month = {month}, day = 14 }}
description = "Our founding day."
[[observances.holiday]]
since = 2000
"""


def company(month: int = 3) -> str:
    """The text of the file, its day off on the 14th of `month`."""
    return COMPANY.format(month=month)
