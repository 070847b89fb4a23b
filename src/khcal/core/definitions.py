"""The observance definitions format: locate, load, merge and cross-check definitions files.

A definitions file is TOML. Its shape (documented for users in docs/definitions.md):

    format = 1
    revision = 2026-11-22   the date of the data's last change (optional; feeds derive stamps from it)
    [[published]]   a year whose list of days off was published (occurrences in it are "official")
    [[in_lieu]]     a rule that gave a day in lieu for a day off falling on a weekend day
    [[observances]] one observance: names, category, description, rule, history, exceptions, sources

Each file is read by `validate.Reader`; loading then merges the files over the built-in catalogue and checks
what only the merged catalogue can tell (offsets to other observances). Every problem of every file is
collected, each naming the file, the line, the observance id and the field, so that one run of
`khcal check` lists them all.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from khcal.core.fields import found
from khcal.core.model import LUNAR_MONTHS as LUNAR_MONTHS
from khcal.core.model import Catalogue
from khcal.core.model import Observance as Observance
from khcal.core.model import Text as Text
from khcal.core.validate import Reader
from khcal.errors import DefinitionsError, KhcalError, Problem

# --- where the definitions are -----------------------------------------------------------------------


def builtin_path() -> Path:
    """The catalogue shipped in the package, or the repository's copy when running from a checkout."""
    packaged = Path(__file__).resolve().parents[1] / "data" / "observances.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "observances.toml"


def user_definition_files(config_home: Path) -> list[Path]:
    """Definitions files in the user's configuration folder (config.toml holds settings, not definitions)."""
    folder = config_home / "khcal"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.name != "config.toml")


# --- one file ------------------------------------------------------------------------------------------


@dataclass
class Parsed:
    """One definitions file read: what is valid in it, its problems, and what the merge check needs."""

    catalogue: Catalogue
    problems: list[Problem] = field(default_factory=list)
    ids: frozenset[str] = frozenset()
    """Every id the file names, valid or not."""
    rule_lines: Mapping[str, int | None] = field(default_factory=dict)
    """The line of each observance's `rule`."""


def read_file(path: Path, *, user: bool = False) -> Parsed:
    """Read one definitions file, keeping every problem (an unreadable file is one problem)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _failed(Problem(path, "problem.no-file"))
    except IsADirectoryError:
        return _failed(Problem(path, "problem.is-folder"))
    except UnicodeDecodeError as exc:
        return _failed(Problem(path, "problem.not-utf8", params={"reason": exc.reason}))
    except OSError as exc:
        return _failed(Problem(path, "problem.unreadable", params={"reason": exc.strerror}))
    return read_text(text, path, user=user)


def read_text(text: str, path: Path | str = "<text>", *, user: bool = False) -> Parsed:
    """Read the text of a definitions file, keeping every problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return _failed(syntax_problem(exc, path))
    reader = Reader(path, text, user=user)
    catalogue = reader.catalogue(raw)
    problems = sorted(reader.problems, key=lambda p: p.line or 0)
    return Parsed(catalogue, problems, frozenset(reader.ids), reader.rule_lines)


def _failed(problem: Problem) -> Parsed:
    return Parsed(Catalogue(observances={}), [problem])


def parse_file(path: Path) -> Catalogue:
    """Read and validate one definitions file on its own; raises DefinitionsError listing its problems."""
    return _checked(read_file(path))


def parse_text(text: str, path: Path | str = "<text>") -> Catalogue:
    """Read and validate the text of one definitions file; raises DefinitionsError listing its problems."""
    return _checked(read_text(text, path))


def _checked(parsed: Parsed) -> Catalogue:
    if parsed.problems:
        raise DefinitionsError(parsed.problems)
    return parsed.catalogue


def toml_type(value: object, lang: str = "en") -> str:
    """What a TOML value is, in words ("the string 'x'"), for readers of other TOML files (settings)."""
    return KhcalError("problem.found", **found(value)).message(lang)


def syntax_problem(exc: tomllib.TOMLDecodeError, path: Path | str) -> Problem:
    """A TOML syntax error as a problem with its line; the detail is the TOML reader's own (English)."""
    message = str(exc)
    match = re.search(r"\(at line (\d+), column \d+\)", message)
    message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    message = re.sub(r"\s*\(at end of document\)", " at the end of the file", message)
    line = int(match.group(1)) if match else None
    return Problem(path, "problem.toml-syntax", line, params={"detail": message})


# --- every file, merged ------------------------------------------------------------------------------


def load(paths: Iterable[Path], *, builtin: bool = True) -> Catalogue:
    """The built-in catalogue (unless `builtin` is false) with every file in `paths` merged over it.

    Files laid over the built-in catalogue are the user's: their observances have status `user`.
    Raises DefinitionsError listing every problem of every file, offsets to unknown ids included.
    """
    files = [(builtin_path(), False)] if builtin else []
    files += [(path, builtin) for path in paths]
    catalogue = Catalogue(observances={})
    problems: list[Problem] = []
    known: set[str] = set()
    rule_lines: dict[str, int | None] = {}
    for path, user in files:
        parsed = read_file(path, user=user)
        problems.extend(parsed.problems)
        catalogue = catalogue.merged(parsed.catalogue)
        known |= parsed.ids
        rule_lines.update(parsed.rule_lines)
    problems.extend(check_references(catalogue, known, rule_lines))
    if problems:
        raise DefinitionsError(problems)
    return catalogue


def check_references(
    catalogue: Catalogue,
    known: Iterable[str] = (),
    lines: Mapping[str, int | None] | None = None,
) -> list[Problem]:
    """Offsets must name a loaded observance, and must not go round in a circle.

    Ids in `known` were named by a file but left out for their own problems: no problem is added for them.
    """
    problems: list[Problem] = []
    named = set(known) | set(catalogue.observances)
    lines = lines or {}
    for obs in catalogue.observances.values():
        seen = [obs.id]
        target_id = obs.rule.refers_to()
        while target_id is not None:
            target = catalogue.observances.get(target_id)
            if target is None or target.id in seen:
                found = _reference_problem(catalogue, target_id, seen, named)
                if found is not None:
                    key, params = found
                    problems.append(Problem(obs.origin, key, lines.get(obs.id), obs.id, "rule.of", params))
                break
            seen.append(target.id)
            target_id = target.rule.refers_to()
    return problems


def _reference_problem(
    catalogue: Catalogue, target: str, seen: list[str], named: set[str]
) -> tuple[str, dict[str, object]] | None:
    """The message key and parameters of a bad offset to `target` after `seen` (None: not reported)."""
    if target in seen:
        return "problem.offset-cycle", {"chain": " -> ".join([*seen, target])}
    if target in named:
        return None  # named by a file, left out for its own problems
    close = difflib.get_close_matches(target, list(catalogue.observances), n=1)
    return "problem.unknown-ref", {"ident": target, "close": close[0] if close else ""}
