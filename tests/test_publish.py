"""`khcal publish`: a folder for a static host, byte-identical when nothing changed, versions that follow."""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khcal.cli import app
from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.feeds import ics, site

BASE = "https://cal.example.org/khcal"
TODAY = "2026-11-22"
FEEDS = sorted(site.file_name(s, lang) for s in site.SELECTIONS for lang in site.LANGS)


def site_files(folder: Path) -> list[str]:
    """The site's files (not `.khcal-files`, khcal's list of them)."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != ".khcal-files"
    )


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("KHCAL_TZ", "KHCAL_LANG"):
        monkeypatch.delenv(name, raising=False)


def publish(folder: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["publish", str(folder), "--base-url", BASE, "--today", TODAY, *args])
    return result.exit_code, result.stdout, result.stderr


def by_uid(data: bytes) -> dict[str, Any]:
    from icalendar import Calendar

    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_the_folder_holds_every_feed_its_gzip_copy_and_the_pages(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    code, out, err = publish(site_dir)
    assert code == 0, err
    names = site_files(site_dir)
    assert out == f"khcal: {site_dir}: {len(names)} of {len(names)} files written\n"
    assert set(FEEDS) | {f + ".gz" for f in FEEDS} | {"index.html", "index.km.html"} <= set(names)
    for name in names:
        if not name.endswith(".gz"):
            assert gzip.decompress((site_dir / f"{name}.gz").read_bytes()) == (site_dir / name).read_bytes()
    schedule = Schedule(catalogue.load([]))
    for selection in site.SELECTIONS:
        for lang in site.LANGS:
            name = site.file_name(selection, lang)
            data = (site_dir / name).read_bytes()
            options = ics.FeedOptions(
                2026, 2028, lang=lang, holidays=selection.holidays, categories=selection.categories
            )
            assert data == ics.build(schedule, options), name
            assert gzip.decompress((site_dir / f"{name}.gz").read_bytes()) == data
            assert len(by_uid(data)) > 5, name


def test_the_pages_link_every_feed_in_both_languages(tmp_path: Path) -> None:
    publish(tmp_path)
    for page_lang in site.LANGS:
        page = (tmp_path / f"index{'' if page_lang == 'en' else '.km'}.html").read_text(encoding="utf-8")
        for selection in site.SELECTIONS:
            for lang in site.LANGS:
                url = f"{BASE}/{site.file_name(selection, lang)}"
                assert f'href="{url}"' in page
                assert f'href="webcal://{url.removeprefix("https://")}"' in page
        assert page.count("<svg") == len(site.SELECTIONS)  # a QR code for each feed of the page's language
        assert re.search(r"20\d\d-\d\d-\d\d|\d\d:\d\d:\d\d", page) is None  # nothing from the clock
    english = (tmp_path / "index.html").read_text(encoding="utf-8")
    khmer = (tmp_path / "index.km.html").read_text(encoding="utf-8")
    for words in ("Google Calendar", "Apple Calendar", "Outlook"):
        assert words in english
    for words in ("ស្កេនដោយទូរស័ព្ទ", "របៀបជាវ"):
        assert words in khmer


def test_a_second_run_writes_nothing_and_keeps_every_timestamp(tmp_path: Path) -> None:
    publish(tmp_path)
    before = {}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            os.utime(path, (1_000_000_000, 1_000_000_000))
            before[path] = path.read_bytes()
    code, out, err = publish(tmp_path)
    assert code == 0, err
    assert out.endswith(f": 0 of {len(site_files(tmp_path))} files written\n")
    for path, data in before.items():
        assert path.stat().st_mtime == 1_000_000_000, path
        assert path.read_bytes() == data


MOVE = """
revision = {revision}

[[observances]]
id = "constitution-day"
name = {{ en = "Constitution Day", km = "ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ" }}
category = "national"
rule = {{ kind = "fixed", month = 9, day = 24 }}
description = "The Constitution of 1993."

[[observances.holiday]]

[[observances.exceptions]]
year = 2027
start = {start}
sources = [{{ title = "A decree that moves the day (test)" }}]
"""


def test_a_change_rewrites_only_the_feeds_it_touches_and_raises_only_its_events(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    first = tmp_path / "first.toml"
    first.write_text(MOVE.format(revision="2027-01-15", start="2027-09-23"), encoding="utf-8")
    publish(site_dir, "--file", str(first))
    name = "cambodia-days-off.en.ics"
    old = by_uid((site_dir / name).read_bytes())
    # A later edition of the data moves the day again, with a newer revision.
    second = tmp_path / "second.toml"
    second.write_text(MOVE.format(revision="2027-03-01", start="2027-09-22"), encoding="utf-8")
    code, out, err = publish(site_dir, "--file", str(second))
    assert code == 0, err
    new = by_uid((site_dir / name).read_bytes())
    uid = "constitution-day-2027@khcal"
    assert new[uid]["SEQUENCE"] > old[uid]["SEQUENCE"]
    assert new[uid].decoded("LAST-MODIFIED") > old[uid].decoded("LAST-MODIFIED")
    for other in old:
        if other != uid:
            assert new[other]["SEQUENCE"] == old[other]["SEQUENCE"], other
            assert new[other].decoded("LAST-MODIFIED") == old[other].decoded("LAST-MODIFIED")
    # Every feed's DTSTAMP (the revision) moved, but pages that do not show the day stay as they were.
    written, total = map(int, re.findall(r"(\d+) of (\d+) files written", out)[0])
    assert len(FEEDS) * 2 <= written < total
    # Back to the first edition's data: the event changes again and still rises.
    publish(site_dir, "--file", str(first))
    back = by_uid((site_dir / name).read_bytes())
    assert back[uid]["SEQUENCE"] > new[uid]["SEQUENCE"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-url", "ftp://example.org"], "--base-url: 'ftp://example.org' is not the web address"),
        (["--base-url", "https://<script>"], "is not the web address"),
        (["--base-url", 'https://example.org/a"b'], "characters a link cannot carry"),
        (["--from", "1900", "--to", "2100"], "at most 100 years"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["publish", str(tmp_path / "site"), "--base-url", BASE, *args])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_file_where_the_folder_should_be_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "site"
    blocker.write_text("x")
    code, _, err = publish(blocker)
    assert code == 2 and "is not a folder" in err and err.count("\n") == 1


def test_a_year_no_longer_published_is_removed_with_its_links_and_nothing_else(tmp_path: Path) -> None:
    code, out, err = publish(tmp_path, "--from", "2026", "--to", "2028")
    assert code == 0, err
    (tmp_path / "CNAME").write_text("cal.example.org\n")  # the user's own file in the folder
    first = site_files(tmp_path)
    code, out, err = publish(tmp_path, "--from", "2027", "--to", "2029")
    assert code == 0, err
    now = site_files(tmp_path)
    gone = sorted(set(first) - set(now))
    assert gone == sorted(
        f"{name}{gz}"
        for name in (
            "calendar/2026.html",
            "calendar/2026.km.html",
            "json/2026.json",
            "api/v3/PublicHolidays/2026/KH",
        )
        for gz in ("", ".gz")
    )
    assert not (tmp_path / "api" / "v3" / "PublicHolidays" / "2026").exists()  # its folder, emptied
    assert "CNAME" in now and "calendar/2029.html" in now
    assert re.fullmatch(rf"khcal: {re.escape(str(tmp_path))}: \d+ of {len(now) - 1} files written, 8 of the "
                        r"previous edition's removed\n", out)  # fmt: skip
    for page in ("index.html", "index.km.html", "calendar/2027.html", "days/victory-over-genocide.html"):
        text = (tmp_path / page).read_text(encoding="utf-8")
        assert not re.search(r"2026(\.km)?\.html|2026\.json|PublicHolidays/2026", text), page  # no link to it
    code, out, err = publish(tmp_path, "--from", "2027", "--to", "2029", "--lang", "km")
    assert out.endswith(
        f"បានសរសេរឯកសារ ០ ក្នុងចំណោម {len(now) - 1:d}\n".translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
    )
