"""Loading and validating definitions files: every problem named with file, line, id and field."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from khcal.core import definitions as catalogue
from khcal.core.model import HolidayPeriod
from khcal.core.rules import FixedRule, LunarRule, NewYearRule, NthWeekdayRule, OffsetRule, OnceRule
from khcal.errors import DefinitionsError, UnknownObservanceError

GOOD = """
format = 1

[[observances]]
id = "company-day"
name = { en = "Company Day", km = "ទិវាក្រុមហ៊ុន" }
category = "company"
rule = { kind = "nth-weekday", month = 6, weekday = "fri", n = -1 }
description = "Our founding day."
event_year = 2010

[[observances.holiday]]
since = 2020
"""


def problems_of(text: str, name: str = "user.toml") -> list[str]:
    with pytest.raises(DefinitionsError) as caught:
        catalogue.parse_text(text, name)
    return [str(p) for p in caught.value.problems]


def test_builtin_catalogue_loads_and_has_every_contract_id() -> None:
    cat = catalogue.load([])
    # docs/cli.md, "Built-in observance ids"
    contract = [
        "international-new-year",
        "victory-over-genocide",
        "meak-bochea",
        "international-womens-day",
        "khmer-new-year",
        "international-labour-day",
        "visak-bochea",
        "royal-ploughing",
        "king-birthday",
        "national-day-of-remembrance",
        "international-childrens-day",
        "queen-mother-birthday",
        "constitution-day",
        "pchum-ben",
        "king-father-commemoration",
        "paris-peace-agreements",
        "coronation-day",
        "independence-day",
        "water-festival",
        "human-rights-day",
        "peace-day",
        "fall-of-phnom-penh",
        "genocide-victims-day",
        "holocaust-remembrance",
    ]
    assert set(contract) <= set(cat.observances)


def test_builtin_descriptions_are_several_sentences_with_sources() -> None:
    cat = catalogue.load([])
    for obs in cat.observances.values():
        assert obs.description.en.count(". ") >= 1, obs.id
        assert obs.sources, obs.id
        assert obs.name.km, obs.id
        assert obs.description.km, obs.id


def test_builtin_rules_have_the_documented_kinds() -> None:
    cat = catalogue.load([])
    assert cat.get("visak-bochea").rule == LunarRule("pisakh", 15, "waxing")
    assert cat.get("royal-ploughing").rule == LunarRule("pisakh", 4, "waning")
    assert cat.get("pchum-ben").rule == LunarRule("photrobot", 14, "waning")
    assert cat.get("pchum-ben").days == 3
    assert cat.get("water-festival").rule == LunarRule("kadeuk", 14, "waxing")
    assert cat.get("water-festival").days == 3
    assert cat.get("khmer-new-year").rule == NewYearRule()
    assert cat.get("victory-over-genocide").rule == FixedRule(1, 7)


def test_a_user_file_parses_every_field() -> None:
    cat = catalogue.parse_text(GOOD, "user.toml")
    obs = cat.get("company-day")
    assert obs.rule == NthWeekdayRule(month=6, weekday=4, n=-1)
    assert obs.name.get("km") == "ទិវាក្រុមហ៊ុន"
    assert obs.description.get("km") == "Our founding day."  # falls back to English
    assert obs.holiday == (HolidayPeriod(since=2020, until=None),)
    assert obs.event_year == 2010


def test_user_file_replaces_builtin_by_id_and_adds_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        GOOD
        + """
[[observances]]
id = "peace-day"
name = "Peace Day (our way)"
category = "national"
rule = { kind = "offset", of = "company-day", days = 1 }
description = "Replaced."
""",
        encoding="utf-8",
    )
    cat = catalogue.load([path])
    assert cat.get("peace-day").name.en == "Peace Day (our way)"
    assert cat.get("peace-day").rule == OffsetRule("company-day", 1)
    assert "company-day" in cat.observances
    assert "pchum-ben" in cat.observances


def test_once_and_exceptions_parse_dates_and_moments() -> None:
    text = """
[[observances]]
id = "one-off"
name = "One-off"
category = "national"
rule = { kind = "once", date = 2020-08-17 }
days = 5
description = "Once."

[[observances]]
id = "ny"
name = "New Year"
category = "traditional"
rule = { kind = "new-year" }
description = "Computed."
[[observances.exceptions]]
year = 2012
songkran = 2012-04-14T19:11:00
sources = ["Announcement"]
"""
    cat = catalogue.parse_text(text)
    assert cat.get("one-off").rule == OnceRule(date(2020, 8, 17))
    assert cat.get("ny").exceptions[0].songkran == datetime(2012, 4, 14, 19, 11)


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        # unknown key, with a suggestion
        (
            'catgory = "x"',
            "user.toml:9: observance 'bad': field 'catgory': unknown key 'catgory' "
            "(did you mean 'category'?)",
        ),
        # wrong type
        (
            'days = "3"',
            "user.toml:9: observance 'bad': field 'days': must be a whole number, not the string '3'",
        ),
        # out of range
        ("days = 0", "field 'days': must be between 1 and 31, not 0"),
        # impossible date in a string
        ('since = "2020"', "field 'since': must be a whole number, not the string '2020'"),
    ],
)
def test_field_problems_name_file_line_id_and_field(snippet: str, expected: str) -> None:
    text = f"""
[[observances]]
id = "bad"
name = "Bad"
category = "national"
rule = {{ kind = "fixed", month = 1, day = 2 }}
description = "Bad."

{snippet}
"""
    found = problems_of(text)
    assert any(expected in p for p in found), found


def test_toml_syntax_error_gives_the_line() -> None:
    found = problems_of('format = 1\n[[observances]]\nid = "x\n')
    assert len(found) == 1
    assert found[0].startswith("user.toml:3: TOML syntax error")


def test_impossible_toml_date_is_a_syntax_error_with_line() -> None:
    found = problems_of(
        'format = 1\n\n[[observances]]\nid = "x"\nrule = { kind = "once", date = 2021-02-30 }\n'
    )
    assert found[0].startswith("user.toml:5: TOML syntax error")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ('{ kind = "fixed", month = 2, day = 30 }', "field 'rule.day': month 2 has no day 30"),
        ('{ kind = "fixed", month = 13, day = 1 }', "field 'rule.month': must be between 1 and 12"),
        ('{ kind = "lunar", month = "pisak", day = 15, phase = "waxing" }', "'pisak' is not one of"),
        ('{ kind = "lunar", month = "pisakh", day = 16, phase = "waxing" }', 'must be 1 to 15 or "last"'),
        ('{ kind = "lunar", month = "pisakh", day = "last", phase = "waxing" }', "only for the waning phase"),
        ('{ kind = "easter" }', "field 'rule.kind': 'easter' is not one of fixed, nth-weekday"),
        ('{ kind = "once", date = "2021-02-30" }', "'2021-02-30' is not a valid date"),
        ('{ kind = "nth-weekday", month = 1, weekday = "fri", n = 0 }', "must be 1 to 5, or -1 to -5"),
        ('"7 January"', "field 'rule': must be a table"),
    ],
)
def test_bad_rules_are_reported(rule: str, message: str) -> None:
    text = f"""
[[observances]]
id = "bad-rule"
name = "Bad"
category = "national"
rule = {rule}
description = "Bad."
"""
    found = problems_of(text)
    assert any(message in p and "observance 'bad-rule'" in p and ":6:" in p for p in found), found


def test_duplicate_ids_and_every_problem_listed_at_once() -> None:
    text = """
[[observances]]
id = "twice"
name = "A"
category = "national"
rule = { kind = "fixed", month = 1, day = 2 }
description = "A."

[[observances]]
id = "twice"
name = "B"
category = "national"
rule = { kind = "fixed", month = 1, day = 3 }
description = "B."

[[observances]]
id = "Not An Id"
"""
    found = problems_of(text)
    assert any(
        "user.toml:10: observance 'twice': field 'id': duplicate id 'twice' (first defined on line 3)" in p
        for p in found
    ), found
    assert any("'Not An Id' must be lowercase" in p for p in found), found


def test_missing_required_fields_are_each_reported() -> None:
    found = problems_of('[[observances]]\nid = "bare"\n')
    for name in ("name", "category", "rule", "description"):
        assert any(f"field '{name}': is required" in p for p in found), (name, found)


def test_overlapping_periods_are_reported() -> None:
    text = """
[[observances]]
id = "overlap"
name = "O"
category = "national"
rule = { kind = "fixed", month = 1, day = 2 }
description = "O."
[[observances.holiday]]
since = 2000
until = 2010
[[observances.holiday]]
since = 2010
"""
    found = problems_of(text)
    assert any("field 'holiday[1]': overlaps holiday[0] (years 2000..2010 and 2010..)" in p for p in found)
    assert any(":11:" in p for p in found), found


def test_exception_must_change_something_and_cite_a_source() -> None:
    text = """
[[observances]]
id = "exc"
name = "E"
category = "national"
rule = { kind = "fixed", month = 1, day = 2 }
description = "E."
[[observances.exceptions]]
year = 2020
[[observances.exceptions]]
year = 2021
days = 2
"""
    found = problems_of(text)
    assert any("exceptions[0]" in p and "changes nothing" in p for p in found), found
    assert any("exceptions[1].sources" in p and "is required" in p for p in found), found


def test_references_to_missing_observances_and_cycles(tmp_path: Path) -> None:
    path = tmp_path / "refs.toml"
    path.write_text(
        """
[[observances]]
id = "a"
name = "A"
category = "national"
rule = { kind = "offset", of = "b", days = 1 }
description = "A."

[[observances]]
id = "b"
name = "B"
category = "national"
rule = { kind = "offset", of = "a", days = 1 }
description = "B."

[[observances]]
id = "c"
name = "C"
category = "national"
rule = { kind = "offset", of = "visak-boch", days = 1 }
description = "C."
""",
        encoding="utf-8",
    )
    with pytest.raises(DefinitionsError) as caught:
        catalogue.load([path])
    text = str(caught.value)
    assert "go round in a circle: a -> b -> a" in text
    assert "refers to unknown observance 'visak-boch' (did you mean 'visak-bochea'?)" in text


def test_unreadable_files_are_problems_not_tracebacks(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(DefinitionsError) as caught:
        catalogue.load([missing, binary, tmp_path])
    lines = str(caught.value).splitlines()
    assert lines == [
        f"{missing}: no such file",
        f"{binary}: not UTF-8 text (invalid start byte)",
        f"{tmp_path}: is a folder, not a definitions file",
    ]


def test_unknown_id_suggests_close_ids() -> None:
    cat = catalogue.load([])
    with pytest.raises(UnknownObservanceError) as caught:
        cat.get("pchum-benn")
    assert caught.value.suggestions[0] == "pchum-ben"
    with pytest.raises(UnknownObservanceError):
        cat.get("no-such-thing-at-all")


def test_user_definition_files_skip_the_settings_file(tmp_path: Path) -> None:
    folder = tmp_path / "khcal"
    folder.mkdir()
    for name in ("config.toml", "b.toml", "a.toml", "notes.txt"):
        (folder / name).write_text("", encoding="utf-8")
    found = catalogue.user_definition_files(str(tmp_path))
    assert found == [str(folder / "a.toml"), str(folder / "b.toml")]
    assert catalogue.user_definition_files(str(tmp_path / "missing")) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"2026-13-01"', "user.toml:1: field 'revision': '2026-13-01' is not a valid date (YYYY-MM-DD)"),
        ("12", "user.toml:1: field 'revision': must be a date or a string, not the number 12"),
    ],
)
def test_bad_revision_is_reported(value: str, message: str) -> None:
    assert problems_of(f"revision = {value}\n") == [message]


def test_newest_revision_wins_when_files_merge() -> None:
    old = catalogue.parse_text("revision = 2025-01-01\n")
    new = catalogue.parse_text("revision = 2026-06-01\n")
    assert old.merged(new).revision == new.merged(old).revision == date(2026, 6, 1)
