"""Guidance that is true: the id list the hints point at, every accepted DATE form in the hints, and batch
input from any editor (a byte-order mark, Windows line ends)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from khcal.core import definitions
from support.command_line import run

TODAY = ("--today", "2026-01-02")


def test_list_ids_lists_every_id_with_its_name() -> None:
    code, out, err = run("list", "--ids")
    assert code == 0, err
    rows = dict(line.split(None, 1) for line in out.splitlines())
    catalogue = definitions.load([])
    assert set(rows) == set(catalogue.observances)
    assert rows["pchum-ben"] == "Pchum Ben"
    code, out, _ = run("list", "--ids", "--json", "--lang", "km")
    found = {o["id"]: o["name"] for o in json.loads(out)}
    assert found["victory-over-genocide"] == "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"


def test_into_a_pipe_a_long_name_stays_on_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a terminal gets `list --ids` and `today --short` filled to its width (tests/test_khmer_line_breaks
    draws them in one); a script reading them gets one line each, however narrow COLUMNS says it is."""
    monkeypatch.setenv("COLUMNS", "30")
    catalogue = definitions.load([])
    out = run("list", "--ids", "--lang", "km")[1]
    assert len(out.splitlines()) == len(catalogue.observances)
    out = run("today", "--short", "--lang", "km", "--today", "2027-04-14")[1]
    assert out.count("\n") == 1 and len(out) > 30


def test_the_unknown_id_hint_points_at_what_lists_ids() -> None:
    code, _, err = run("show", "nope")
    assert code == 2 and "khcal list --ids shows every id" in err
    assert "nope" not in run("list", "--ids")[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-01-07", "2027-01-07"),
        ("7 Jan 2027", "2027-01-07"),
        ("January 7, 2027", "2027-01-07"),
        ("2027/1/7", "2027-01-07"),
        ("13/02/2027", "2027-02-13"),
        ("02/13/2027", "2027-02-13"),
        ("7/7/2027", "2027-07-07"),
        ("yesterday", "2026-01-01"),
        ("Tomorrow", "2026-01-03"),
    ],
)
def test_date_forms(text: str, expected: str) -> None:
    code, out, err = run("is-holiday", text, "--json", *TODAY)
    assert code in (0, 1), err
    assert json.loads(out)["date"] == expected


@pytest.mark.parametrize("text", ["01/02/2027", "3.4.2027"])
def test_ambiguous_dates_are_refused(text: str) -> None:
    code, out, err = run("is-holiday", text, *TODAY)
    assert (code, out) == (2, "")
    assert err == (
        f"khcal: DATE: '{text}' is ambiguous (the day and the month could be either way); "
        "write YYYY-MM-DD or the month in letters, such as 7 Jan 2027\n"
    )


@pytest.mark.parametrize("text", ["7 Jan", "2027", "Jan 2027", "32/01/2027", "2027/2/30", "someday"])
def test_a_bad_date_hint_lists_every_form(text: str) -> None:
    code, _, err = run("is-holiday", text, *TODAY)
    assert code == 2
    assert err.endswith(
        "is not a date (use YYYY-MM-DD, today, tomorrow, yesterday, "
        "or a day such as 7 Jan 2027 or 2027/1/7)\n"
    )


def test_range_bounds_take_every_date_form_and_say_so() -> None:
    code, out, _ = run("list", "--from", "yesterday", "--to", "7 Jan 2026", "--json", *TODAY)
    assert code == 0
    assert [o["id"] for o in json.loads(out)] == ["international-new-year", "victory-over-genocide"]
    code, _, err = run("list", "--from", "later", *TODAY)
    assert err == (
        "khcal: --from: 'later' is not a date or a year (use YYYY, YYYY-MM-DD, today, tomorrow, yesterday, "
        "or a day such as 7 Jan 2027 or 2027/1/7)\n"
    )


def test_batch_accepts_a_byte_order_mark_and_windows_line_ends() -> None:
    code, out, err = run("is-holiday", "-", input="\ufeff2026-04-14\r\n2026-04-13\r\n\r\n2026-01-07\r\n")
    assert (code, err) == (0, "")
    assert out == "2026-04-14\tyes\n2026-04-13\tno\n2026-01-07\tyes\n"


def test_batch_reports_a_bad_line_by_number_and_loses_nothing_after_it() -> None:
    code, out, err = run("is-workday", "-", "--lang", "km", input="2026-04-14\r\nbad\r\n2026-04-13\r\n")
    assert code == 2
    assert out == "2026-04-14\tno\n2026-04-13\tyes\n"
    assert err.startswith("khcal: បន្ទាត់ទី ២៖ 'bad' មិនមែនជាកាលបរិច្ឆេទទេ")


COMPANY = (
    '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "company"\n'
    'rule = { kind = "fixed", month = 3, day = 3 }\ndescription = "Ours."\n[[observances.holiday]]\n'
)


def test_a_users_own_day_has_status_user_on_every_output(tmp_path: Path) -> None:
    path = tmp_path / "company.toml"
    path.write_text(COMPANY, encoding="utf-8")
    own = ("--file", str(path), "--category", "company", *TODAY)
    code, out, err = run("next", "1", "--json", *own)
    assert code == 0, err
    assert [(o["id"], o["status"]) for o in json.loads(out)] == [("company-day", "user")]
    code, out, _ = run("list", "--from", "2030", "--to", "2030", "--json", *own)  # no decree for 2030
    assert [o["status"] for o in json.loads(out)] == ["user"]
    code, out, _ = run("list", "--from", "2030", "--to", "2030", *own)
    assert "Company Day" in out and "projected" not in out and "*" not in out
    code, out, _ = run("export", "--from", "2030", "--to", "2030", *own)
    events = re.sub(r"\r?\n ", "", out).split("BEGIN:VEVENT")[1:]  # unfolded
    assert len(events) == 1
    assert "Dates from your own definitions file." in events[0] and "projected" not in events[0]
    # A built-in day in that far year is still projected, so the mark is there to see.
    code, out, _ = run("list", "--from", "2030", "--to", "2030", "--holidays", *TODAY)
    assert "projected" in out
