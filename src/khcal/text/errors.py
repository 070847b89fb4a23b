"""Errors in words: the one place where an error's key and parameters become a sentence.

The command line, the server and the API (`error.message(lang)`, `str(error)`, through `khcal.word_error`)
all word an error here, in the language they resolved; the errors themselves carry no words.
"""

from __future__ import annotations

from khcal.errors import DefinitionsError, KhcalError, Problem, UnknownObservanceError
from khcal.text import say

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["word"]


def word(error: KhcalError | Problem, lang: str) -> str:
    """`error` in `lang`: `where: what is wrong`, or one line per problem of a definitions file."""
    if isinstance(error, Problem):
        return _problem(error, lang)
    if isinstance(error, DefinitionsError):
        return "\n".join(_problem(p, lang) for p in error.problems)
    if isinstance(error, UnknownObservanceError):
        names = ", ".join(error.suggestions)
        hint = say(lang, "error.unknown-id.hint", names=names) if error.suggestions else ""
        text = say(lang, "error.unknown-id", ident=error.ident, hint=hint)
    else:
        text = _say(lang, error.key, error.params)
    return text if error.where is None else f"{error.where}: {text}"


def _problem(problem: Problem, lang: str) -> str:
    """`file:line: observance 'id': field 'name': what is wrong`."""
    where = str(problem.path)
    if problem.line is not None:
        where += f":{problem.line}"
    parts = [where]
    if problem.observance:
        parts.append(say(lang, "problem.where-observance", ident=problem.observance))
    if problem.field:
        parts.append(say(lang, "problem.where-field", name=problem.field))
    parts.append(_say(lang, problem.key, problem.params))
    return ": ".join(parts)


def _say(lang: str, key: str, params: Mapping[str, object]) -> str:
    """A message whose parameters may hold errors of their own (worded in the same language)."""
    worded = {k: word(v, lang) if isinstance(v, KhcalError | Problem) else v for k, v in params.items()}
    return say(lang, key, **worded)
