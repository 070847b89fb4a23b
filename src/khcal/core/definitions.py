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

from khcal import folders
from khcal.core import offsets
from khcal.core.model import LUNAR_MONTHS as LUNAR_MONTHS
from khcal.core.model import Catalogue
from khcal.core.model import Observance as Observance
from khcal.core.model import Text as Text
from khcal.core.records import field, record
from khcal.core.rules import RuleAt
from khcal.errors import DefinitionsError, KhcalError, Problem

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    import tomllib
    from collections.abc import Iterable, Mapping
    from typing import Any

    from khcal.folders import FilePath

# The TOML reader and the validator are imported where a file is read: a catalogue from the cache needs
# neither.

# --- where the definitions are -----------------------------------------------------------------------


def builtin_path() -> str:
    """The catalogue shipped in the package, or the repository's copy when running from a checkout."""
    return folders.builtin_file("observances.toml")


def user_definition_files(config_home: str | None) -> list[str]:
    """Definitions files in the user's configuration folder (config.toml holds settings, not definitions);
    none without one. A folder that cannot be listed is an error, not an empty folder."""
    if config_home is None:
        return []
    try:
        return folders.definition_files(config_home)
    except OSError as exc:
        folder = folders.settings_folder(config_home)
        raise KhcalError("error.config.folder", path=folder, reason=exc.strerror) from None


# --- one file ------------------------------------------------------------------------------------------


@record(frozen=False)
class Parsed:
    """One definitions file read: what is valid in it, its problems, and what the merge check needs."""

    catalogue: Catalogue
    problems: list[Problem] = field(default_factory=list)
    ids: frozenset[str] = frozenset()
    """Every id the file names, valid or not."""
    rules: Mapping[str, tuple[RuleAt, ...]] = field(default_factory=dict)
    """Each observance's rules (its own, then its periods') and where they are, valid observance or not."""


def read_file(path: FilePath, *, user: bool = False) -> Parsed:
    """Read one definitions file, keeping every problem (an unreadable file is one problem)."""
    path = _named(path)
    text = text_of(path)
    if isinstance(text, Problem):
        return _failed(text)
    return read_text(text, path, user=user)


def _named(path: FilePath) -> str:
    """A path as text (a `pathlib.Path` or any path-like value)."""
    return path if isinstance(path, str) else path.__fspath__()


def text_of(path: str) -> str | Problem:
    """The text of a definitions or settings file, or the problem that keeps it from being read: no such
    file, a folder, not a regular file (a device, a FIFO), over `folders.MAX_INPUT_BYTES`, not UTF-8. A byte
    order mark at the start is dropped."""
    try:
        data = folders.read_input(path)
    except FileNotFoundError:
        return Problem(path, "problem.no-file")
    except IsADirectoryError as exc:
        return Problem(path, "problem.is-folder", params={"reason": exc.strerror})
    except folders.NotRegularFileError:
        return Problem(path, "problem.not-regular")
    except folders.TooLargeError:
        return Problem(path, "problem.too-large", params={"limit": folders.MAX_INPUT_BYTES})
    except OSError as exc:
        return Problem(path, "problem.unreadable", params={"reason": exc.strerror or type(exc).__name__})
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem(path, "problem.not-utf8", params={"reason": exc.reason})
    return text.removeprefix("\ufeff")


def read_text(text: str, path: FilePath = "<text>", *, user: bool = False) -> Parsed:
    """Read the text of a definitions file, keeping every problem."""
    path = _named(path)
    from khcal.core.validate import Reader

    raw = toml_document(text, path)
    if isinstance(raw, Problem):
        return _failed(raw)
    reader = Reader(path, text, user=user)
    catalogue = reader.catalogue(raw)
    problems = sorted(reader.problems, key=lambda p: p.line or 0)
    return Parsed(catalogue, problems, frozenset(reader.ids), reader.rules)


def _failed(problem: Problem) -> Parsed:
    return Parsed(Catalogue(observances={}), [problem])


def parse_file(path: FilePath) -> Catalogue:
    """Read and validate one definitions file on its own; raises DefinitionsError listing its problems."""
    return _checked(read_file(path))


def parse_text(text: str, path: FilePath = "<text>") -> Catalogue:
    """Read and validate the text of one definitions file; raises DefinitionsError listing its problems."""
    return _checked(read_text(text, path))


def _checked(parsed: Parsed) -> Catalogue:
    if parsed.problems:
        raise DefinitionsError(parsed.problems)
    return parsed.catalogue


# tomllib's messages, each read back into a key of the text layer's tables ("toml.*") and its values.
_TOML_MESSAGES = (
    (r"Invalid statement", "toml.invalid-statement"),
    (r"Expected newline or end of document after a statement", "toml.expected-newline"),
    (r"Cannot declare (?P<name>.+) twice", "toml.declared-twice"),
    (r"Cannot overwrite a value", "toml.overwrite"),
    (r"Cannot (?:mutate immutable|redefine) namespace (?P<name>.+)", "toml.redefine"),
    (r"Duplicate inline table key (?P<name>.+)", "toml.duplicate-key"),
    (r"Expected '\]' at the end of a table declaration", "toml.unclosed-table-header"),
    (r"Expected '\]\]' at the end of an array declaration", "toml.unclosed-array-header"),
    (r"Invalid initial character for a key part", "toml.bad-key"),
    (r"Expected '=' after a key in a key/value pair", "toml.expected-equals"),
    (r"Invalid value", "toml.invalid-value"),
    (r"Invalid date or datetime", "toml.invalid-date"),
    (r"Unclosed array", "toml.unclosed-array"),
    (r"Unclosed inline table", "toml.unclosed-inline-table"),
    (r"Unterminated string", "toml.unterminated-string"),
    (r"Illegal character (?P<char>.+)", "toml.illegal-character"),
    (r"Found invalid character (?P<char>.+)", "toml.invalid-character"),
    (r"Expected (?P<char>.+)", "toml.expected"),
    (r"Invalid hex value|Escaped character is not a Unicode scalar value|Unescaped '\\' in a string",
     "toml.escape"),
)  # fmt: skip


def syntax_problem(exc: tomllib.TOMLDecodeError, path: str) -> Problem:
    """A TOML syntax error as a problem with its line and column. tomllib words its errors in English: each
    common one is read back into a key (`toml.*`) that the text layer words in every language; any other is
    kept as `toml.other`, in English for English, in general terms in other languages."""
    import re

    found = re.fullmatch(r"(.*?)\s*\(at (?:line (\d+), column (\d+)|end of document)\)", str(exc), re.S)
    if found is None:
        return Problem(path, "problem.toml-syntax", params={"detail": _toml_detail(str(exc))})
    what, line, column = found.groups()
    detail = _toml_detail(what)
    if line is None:
        return Problem(path, "problem.toml-syntax-end", params={"detail": detail})
    place = {"detail": detail, "column": int(column)}
    return Problem(path, "problem.toml-syntax-at", int(line), params=place)


def _toml_detail(what: str) -> KhcalError:
    """What tomllib found wrong, as a key and its values (a TOML key's parts joined by dots: `a.b`)."""
    import re

    for pattern, key in _TOML_MESSAGES:
        matched = re.fullmatch(pattern, what, re.S)
        if matched is not None:
            values = {k: ".".join(re.findall(r"'([^']*)'", v)) or v for k, v in matched.groupdict().items()}
            return KhcalError(key, **values)
    return KhcalError("toml.other", detail=what)


MAX_NESTING = 20
"""The deepest arrays and inline tables may nest in a definitions or settings file (the built-in catalogue
nests 2 deep); a deeper file is refused before it is parsed, as the TOML reader would recurse that deep."""

_NESTING = (  # compiled where it is used: the quick commands do not import `re`
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # a multi-line basic string
    r"|'''.*?'''"  # a multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"'  # a basic string
    r"|'[^'\n]*'"  # a literal string
    r"|#[^\n]*"  # a comment
    r"|[\[\]{}]"  # what opens or closes an array or an inline table
)


def nesting(text: str) -> int:
    """How deep arrays and inline tables nest in a TOML text, brackets within strings and comments aside
    (the header of an array of tables counts 2)."""
    import re

    depth = deepest = 0
    for match in re.finditer(_NESTING, text, re.S):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth = max(0, depth - 1)
    return deepest


def toml_document(text: str, path: str) -> dict[str, Any] | Problem:
    """A TOML text parsed, or its problem: a syntax error with its line, or nesting deeper than
    `MAX_NESTING`."""
    import tomllib

    if nesting(text) > MAX_NESTING:
        return Problem(path, "problem.too-deep", params={"limit": MAX_NESTING})
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return syntax_problem(exc, path)
    except RecursionError:  # the scan above should make this impossible; never a traceback
        return Problem(path, "problem.too-deep", params={"limit": MAX_NESTING})
    except ValueError as exc:  # an integer of more digits than Python converts
        return Problem(path, "problem.toml-syntax", params={"detail": str(exc).partition(";")[0]})


# --- every file, merged ------------------------------------------------------------------------------


def load(paths: Iterable[FilePath], *, builtin: bool = True, cache: str | None = None) -> Catalogue:
    """The built-in catalogue (unless `builtin` is false) with every file in `paths` merged over it.

    Files laid over the built-in catalogue are the user's: their observances have status `user`.
    Raises DefinitionsError listing every problem of every file, offsets to unknown ids included.
    With `cache` (a folder, e.g. `$XDG_CACHE_HOME/khcal`), the validated catalogue is kept there and read
    back while no input file and not khcal's version changed (see `khcal.core.cache`).
    """
    files = [(_named(builtin_path()), False)] if builtin else []
    files += [(_named(path), builtin) for path in paths]
    texts = [(path, user, text_of(path)) for path, user in files]
    inputs = [(path, user, text) for path, user, text in texts if isinstance(text, str)]
    if len(inputs) < len(texts):
        return _merge(texts)  # a file that cannot be read: its problem is reported
    from khcal.core import cache as compiled

    if builtin and len(inputs) == 1:
        found = compiled.packaged(inputs[0][2])  # the built-in catalogue, compiled when khcal was built
        if found is not None:
            return found
    if cache is None:
        return _merge(texts)
    return compiled.cached(cache, inputs, lambda: _merge(texts))


MAX_OBSERVANCES = 10_000
"""The most observances all the files may define together: each one is computed for every year asked."""
MAX_HOLY_DAYS = 10
"""The most observances whose rule is `holy-days`, each some 50 occurrences a year (a period never has it)."""


def _too_many(catalogue: Catalogue, path: str) -> Problem | None:
    """The problem of a catalogue too large to compute in reasonable time, named after the file that made
    it so; None if it is not."""
    count = len(catalogue.observances)
    if count > MAX_OBSERVANCES:
        return Problem(
            path, "problem.too-many-observances", params={"count": count, "limit": MAX_OBSERVANCES}
        )
    holy = sum(1 for observance in catalogue.observances.values() if observance.rule.many_a_year)
    if holy > MAX_HOLY_DAYS:
        return Problem(path, "problem.too-many-holy-days", params={"count": holy, "limit": MAX_HOLY_DAYS})
    return None


def _merge(texts: list[tuple[str, bool, str | Problem]]) -> Catalogue:
    """Every file read and merged in order, then the offsets checked; raises listing every problem."""
    catalogue = Catalogue(observances={})
    problems: list[Problem] = []
    known: set[str] = set()
    rules: dict[str, tuple[RuleAt, ...]] = {}
    too_many: Problem | None = None
    for path, user, text in texts:
        parsed = _failed(text) if isinstance(text, Problem) else read_text(text, path, user=user)
        problems.extend(parsed.problems)
        catalogue = catalogue.merged(parsed.catalogue)
        known |= parsed.ids
        rules.update(parsed.rules)
        too_many = too_many or _too_many(catalogue, path)
    if too_many is not None:
        problems.append(too_many)
    problems.extend(offsets.check(rules, known))
    if problems:
        raise DefinitionsError(problems)
    return catalogue
