"""`khcal check` says everything at once: every problem of every file, each with file, line, id and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from khcal.core import definitions
from khcal.errors import DefinitionsError
from support.command_line import run

FIRST = """format = 1

[[observances]]
id = "Bad Id"
nme = "Misspelt"
category = "company"
rule = { kind = "nth-weekday", month = 1, weekday = "fri", n = 6 }
description = "Bad."

[[observances]]
id = "goes-nowhere"
name = "Nowhere"
category = "company"
rule = { kind = "offset", of = "nowhere", days = 1 }
description = "Offset to an id no file has."

[[observances]]
id = "broken-and-lost"
name = "Broken"
category = "company"
rule = { kind = "offset", of = "lost", days = 1 }
description = "Offset to an id no file has, from an observance with its own problem."
days = 0
"""

SECOND = """
[[observances]]
id = "after-broken"
name = "After"
category = "company"
rule = { kind = "offset", of = "broken-and-lost", days = 2 }
description = "Offset to an observance left out for its own problem: not called unknown."

[[observances]]
id = "almost"
name = "Almost"
category = "company"

rule = { kind = "offset", of = "visak-boch", days = 1 }
description = "A misspelt built-in id."
"""


def check(*texts: str, tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"file{i + 1}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    with pytest.raises(DefinitionsError) as caught:
        definitions.load(paths)
    return [str(p).replace(f"{tmp_path}/", "") for p in caught.value.problems]


def test_one_run_lists_every_problem_of_every_file(tmp_path: Path) -> None:
    found = check(FIRST, SECOND, tmp_path=tmp_path)
    bad = "file1.toml:{}: observance 'Bad Id': field "
    assert found == [
        bad.format(3) + "'name': is required",
        bad.format(4) + "'id': 'Bad Id' must be lowercase letters, digits and single hyphens",
        bad.format(5) + "'nme': unknown key 'nme' (did you mean 'name'?)",
        bad.format(7) + "'rule.n': must be between -5 and 5, not 6",
        "file1.toml:23: observance 'broken-and-lost': field 'days': must be between 1 and 31, not 0",
        "file1.toml:14: observance 'goes-nowhere': field 'rule.of': refers to unknown observance 'nowhere' "
        "(did you mean 'goes-nowhere'?)",
        "file1.toml:21: observance 'broken-and-lost': field 'rule.of': refers to unknown observance 'lost' "
        "(did you mean 'almost'?)",
        "file2.toml:14: observance 'almost': field 'rule.of': refers to unknown observance 'visak-boch' "
        "(did you mean 'visak-bochea'?)",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('name = "Bell\\u0007"', "file1.toml:4: observance 'x': field 'name': contains the control char"),
        ('name = { en = "X", km = "\\u001b[31m" }', "field 'name.km': contains the control character U+001B"),
        ('name = "X"\nsources = ["ok", "bad\\u0000"]', "field 'sources[1]': contains the control char"),
        ('name = "X"\nsources = [{ title = "t\\r" }]', "field 'sources[0].title': contains the control char"),
        ('name = "X\\u0085"', "field 'name': contains the control character U+0085"),
        # a quoted key is found on its block's line, and shown escaped
        ('name = "X"\n"na\\u0007me" = 1', "file1.toml:1: observance 'x': field 'na\\x07me': unknown key"),
    ],
)  # fmt: skip
def test_control_characters_are_refused_with_file_and_line(line: str, expected: str, tmp_path: Path) -> None:
    text = f'[[observances]]\nid = "x"\ncategory = "c"\n{line}\n'
    text += 'rule = { kind = "fixed", month = 1, day = 2 }\ndescription = "X."\n'
    found = check(text, tmp_path=tmp_path)
    assert any(expected in p for p in found), found


def test_a_raw_control_character_is_a_syntax_error_with_its_line(tmp_path: Path) -> None:
    found = check('format = 1\n\n[[observances]]\nid = "x\x07"\n', tmp_path=tmp_path)
    assert len(found) == 1 and found[0].startswith("file1.toml:4: TOML syntax error")


def test_tabs_and_line_breaks_stay_allowed() -> None:
    text = (
        '[[observances]]\nid = "x"\nname = "X"\ncategory = "c"\n'
        'rule = { kind = "fixed", month = 1, day = 2 }\n'
        'description = """First line,\n\tand a tabbed second."""\n'
    )
    assert (
        definitions.parse_text(text).observances["x"].description.en == "First line,\n\tand a tabbed second."
    )


OWN_DAY = """format = 1
revision = {revision}

[[observances]]
id = "company-day"
name = "Company day"
category = "company"
rule = {{ kind = "fixed", month = 5, day = 2 }}
description = "The company's own day."
"""


def test_a_revision_older_than_the_builtin_data_is_a_warning_with_file_and_line(tmp_path: Path) -> None:
    builtin = definitions.parse_file(definitions.builtin_path()).revision
    assert builtin is not None
    old = tmp_path / "old.toml"
    old.write_text(OWN_DAY.format(revision="2001-02-03"), encoding="utf-8")
    code, out, err = run("check", str(old))
    assert code == 0 and "valid" in out
    assert f"{old}:2: warning: revision 2001-02-03 is older than the built-in data's ({builtin})" in err
    new = tmp_path / "new.toml"
    new.write_text(OWN_DAY.format(revision=builtin.isoformat()), encoding="utf-8")
    code, out, err = run("check", str(new))
    assert (code, err) == (0, "")
