"""Value classes that cost next to nothing to define: the model of khcal's quick commands.

`@record` gives a class what `@dataclass(frozen=True)` gives it (an `__init__` from its annotated fields
and their defaults, equality, a hash, a repr, no assignment once built) without writing and compiling
code for each class when its module is imported: every record shares the same few methods, which read
the fields from a tuple. About thirty classes defined this way cost well under a millisecond; as
dataclasses they cost about 25 ms of every command's start (and `dataclasses` imports `inspect`).
Type checkers see them as frozen dataclasses (PEP 681).

Only what khcal uses: fields in declaration order, keyword or positional; `field(default_factory=...)`
and `field(compare=False)`; `ClassVar` annotations are not fields; no inheritance of fields (a subclass that
adds methods only, undecorated, has its base's fields; it is never equal to a record of its base).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported: the quick commands' start-up would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, TypeVar

    from typing_extensions import dataclass_transform

    T = TypeVar("T")

_MISSING = object()


class Field:
    """A field's default made by a function, or a field left out of equality and hashing."""

    __slots__ = ("compare", "default", "default_factory", "hash", "repr")

    def __init__(
        self, default: object, factory: Callable[[], object] | None, compare: bool, hash: bool, repr: bool
    ) -> None:
        self.default, self.default_factory = default, factory
        self.compare, self.hash, self.repr = compare, hash, repr


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    compare: bool = True,
    hash: bool = True,
    repr: bool = True,
) -> Any:
    """A field's options, as `dataclasses.field` takes them: `hash=False` keeps it out of the hash only."""
    return Field(default, default_factory, compare, compare and hash, repr)


class FrozenError(AttributeError):
    """A record's field was assigned after it was built."""


def _init(self: Any, *args: object, **kwargs: object) -> None:
    cls = type(self)
    names = _names(self, "fields")
    if len(args) > len(names):
        raise TypeError(f"{cls.__name__}() takes {len(names)} arguments, {len(args)} given")
    values = dict(zip(names, args, strict=False))
    for name, value in kwargs.items():
        if name not in names or name in values:
            raise TypeError(f"{cls.__name__}() got an unexpected or repeated argument {name!r}")
        values[name] = value
    put = object.__setattr__
    for name in names:
        if name in values:
            put(self, name, values[name])
            continue
        default = cls.__record_defaults__.get(name, _MISSING)
        if default is _MISSING:
            raise TypeError(f"{cls.__name__}() missing argument {name!r}")
        put(self, name, default() if isinstance(default, Factory) else default)
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


class Factory:
    """A default made anew for each record."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make

    def __call__(self) -> object:
        return self.make()


def _names(self: object, which: str) -> tuple[str, ...]:
    names: tuple[str, ...] = getattr(type(self), f"__record_{which}__")
    return names


def _key(self: object, which: str) -> tuple[object, ...]:
    return tuple(getattr(self, name) for name in _names(self, which))


def _eq(self: object, other: object) -> object:
    if type(other) is not type(self):
        return NotImplemented
    return bool(_key(self, "compared") == _key(other, "compared"))


def _hash(self: object) -> int:
    return hash(_key(self, "hashed"))


def _repr(self: object) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(self, "shown"))
    return f"{type(self).__qualname__}({shown})"


def _frozen(self: Any, name: str, value: object = None) -> None:
    raise FrozenError(f"cannot assign to field {name!r}")


def _fields(cls: type) -> dict[str, object]:
    """The fields of a class from its own annotations (`ClassVar` ones are not fields), their defaults, and
    those compared, hashed and shown."""
    names: list[str] = []
    defaults: dict[str, object] = {}
    compared: list[str] = []
    hashed: list[str] = []
    shown: list[str] = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063  (no inspect)
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        names.append(name)
        value = cls.__dict__.get(name, _MISSING)
        compare = hashes = shows = True
        if isinstance(value, Field):
            compare, hashes, shows = value.compare, value.hash, value.repr
            value = Factory(value.default_factory) if value.default_factory else value.default
        if value is not _MISSING:
            defaults[name] = value
        if name in cls.__dict__:
            delattr(cls, name)  # the default lives in __record_defaults__, not on the class
        if compare:
            compared.append(name)
        if hashes:
            hashed.append(name)
        if shows:
            shown.append(name)
    return {
        "fields": tuple(names),
        "defaults": defaults,
        "compared": tuple(compared),
        "hashed": tuple(hashed),
        "shown": tuple(shown),
    }


def _make(cls: type[T], frozen: bool) -> type[T]:
    made = _fields(cls)
    for name, value in made.items():
        setattr(cls, f"__record_{name}__", value)
    methods: dict[str, object] = {"__match_args__": made["fields"], "__init__": _init, "__eq__": _eq}
    methods["__repr__"] = _repr
    if frozen:
        methods.update(__hash__=_hash, __setattr__=_frozen, __delattr__=_frozen)
    else:
        methods["__hash__"] = None  # a record whose fields change is not hashable, as a dataclass
    for name, value in methods.items():
        setattr(cls, name, value)
    return cls


if TYPE_CHECKING:

    @dataclass_transform(frozen_default=True, field_specifiers=(field,))
    def record(cls: type[T] | None = None, /, *, frozen: bool = True) -> Any: ...

else:

    def record(cls=None, /, *, frozen=True):
        """Make `cls` a record (`@record`, or `@record(frozen=False)` for one whose fields change)."""
        if cls is None:
            return lambda c: _make(c, frozen)
        return _make(cls, frozen)


def rebuilt(cls: type[T], values: Iterable[object]) -> T:
    """A record of `cls` with its fields' values in order, as `fields_of` gives them, without the checks of
    `__init__` (for values khcal itself stored: the compiled catalogue)."""
    made = object.__new__(cls)
    made.__dict__.update(zip(fields_of(cls), values, strict=True))
    return made


def fields_of(cls: type) -> tuple[str, ...]:
    """The names of a record class's fields, in order."""
    names: tuple[str, ...] = getattr(cls, "__record_fields__")  # noqa: B009  (a subclass's are its base's)
    return names


def replace(value: T, **changes: object) -> T:
    """A copy of a record with some fields changed."""
    names = fields_of(type(value))
    return type(value)(**{name: changes.get(name, getattr(value, name)) for name in names})
