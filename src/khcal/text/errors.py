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

__all__ = ["QUOTED_LENGTH", "shown", "word"]

QUOTED_LENGTH = 80
"""The most characters of a value a message quotes back: a 10 MB id is not worth a 10 MB error line."""
PATH_LENGTH = 240
"""The most characters of a file's path in a message; a longer one loses its middle, keeping the file name."""

# Parameters that khcal words itself (an OS reason, the list of known values, a nested message): shown whole.
_WORDED = frozenset({"reason", "hint", "choices", "known", "names", "message", "detail", "problem", "what"})
_PATHS = frozenset({"path", "folder", "target"})
# Characters that would act on a terminal instead of being read: C0, DEL, C1, line and paragraph separators,
# and the bidirectional controls that reorder what follows them.
_ACTIVE = frozenset(
    [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def shown(value: str, most: int = QUOTED_LENGTH) -> str:
    """`value` as a message may quote it: active characters escaped (`\\x1b`), cut to `most` with `…`."""
    if len(value) > most:
        value = value[: most - 1] + "\u2026"
    if not any(ord(c) in _ACTIVE for c in value):
        return value
    escaped = "".join(c.encode("unicode_escape").decode("ascii") if ord(c) in _ACTIVE else c for c in value)
    return escaped if len(escaped) <= most + 8 else escaped[: most - 1] + "\u2026"


def shown_path(path: str) -> str:
    """A file's path as a message shows it: escaped like a value, a long one cut in its middle."""
    if len(path) > PATH_LENGTH:
        half = PATH_LENGTH // 2
        path = path[: half - 1] + "\u2026" + path[-half:]
    return shown(path, PATH_LENGTH + 1)


def word(error: KhcalError | Problem, lang: str) -> str:
    """`error` in `lang`: `where: what is wrong`, or one line per problem of a definitions file."""
    if isinstance(error, Problem):
        return _problem(error, lang)
    if isinstance(error, DefinitionsError):
        return "\n".join(_problem(p, lang) for p in error.problems)
    if isinstance(error, UnknownObservanceError):
        names = ", ".join(error.suggestions)
        hint = say(lang, "error.unknown-id.hint", names=names) if error.suggestions else ""
        text = say(lang, "error.unknown-id", ident=shown(error.ident), hint=hint)
    else:
        text = _say(lang, error.key, error.params)
    if error.where is None:
        return text
    return say(lang, "error.where", where=shown_path(str(error.where)), text=text)


def _problem(problem: Problem, lang: str) -> str:
    """`file:line: observance 'id': field 'name': what is wrong`."""
    where = shown_path(str(problem.path))
    if problem.line is not None:
        where += f":{problem.line}"
    parts = [where]
    if problem.observance:
        parts.append(say(lang, "problem.where-observance", ident=shown(problem.observance)))
    if problem.field:
        parts.append(say(lang, "problem.where-field", name=shown(problem.field)))
    parts.append(_say(lang, problem.key, problem.params))
    return say(lang, "error.where", where=parts[0], text=say(lang, "error.parts.separator").join(parts[1:]))


def _say(lang: str, key: str, params: Mapping[str, object]) -> str:
    """A message whose parameters may hold errors of their own (worded in the same language)."""
    worded = {k: _param(k, v, lang) for k, v in params.items()}
    return say(lang, key, **worded)


def _param(name: str, value: object, lang: str) -> object:
    """A parameter ready for a message: a nested error worded, a reason in the message's language, a value
    from the user cut and escaped."""
    if isinstance(value, KhcalError | Problem):
        return word(value, lang)
    if name == "reason" and isinstance(value, str):
        key = reason_key(value)
        return value if key is None else say(lang, key)
    if isinstance(value, str) and name in _PATHS:
        return shown_path(value)
    if isinstance(value, str) and name not in _WORDED:
        return shown(value)
    return value


_REASONS: dict[str, str] = {}
# The OS errors a file, a folder or a socket of khcal's may meet, by their names in `errno`.
_ERRNOS = (
    "ENOENT EACCES EPERM EISDIR ENOTDIR EEXIST ENOSPC EDQUOT EROFS ENAMETOOLONG ELOOP EIO EBUSY ETXTBSY "
    "EMFILE EFBIG ENOTEMPTY EXDEV ENXIO ENODEV ENOMEM EINVAL EAGAIN EPIPE EADDRINUSE EADDRNOTAVAIL "
    "ECONNREFUSED"
)
# What the UTF-8 decoder says of bad bytes, and the reasons khcal gives itself.
_SAID = ("invalid start byte", "invalid continuation byte", "unexpected end of data", "changed meanwhile")


def reason_key(reason: str) -> str | None:
    """The message key of a reason an error carries (an OS error's `strerror`, the UTF-8 decoder's reason,
    `changed meanwhile`), so that it is worded in the message's language; None for one khcal does not
    know, which is shown as it is."""
    if not _REASONS:
        import errno
        import os

        for name in _ERRNOS.split():
            code = getattr(errno, name, None)
            if code is not None:
                _REASONS[os.strerror(code)] = f"reason.{name}"
        _REASONS.update({said: "reason." + said.replace(" ", "-") for said in _SAID})
    return _REASONS.get(reason)
