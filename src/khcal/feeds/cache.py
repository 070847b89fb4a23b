"""A cache of built feeds bounded by the bytes it holds, where each feed is built outside any shared lock;
and `SizedMemo`, a plain memo bounded in bytes (the server's parsed queries).

Two requests for the same feed wait for one build (the second gets the first one's result); requests for
other feeds are never held up by a build: the shared lock guards only the dictionary, for microseconds.
The least recently used feeds are dropped once the bodies held (plain and gzipped) exceed the bound; a
feed bigger than the whole bound is served but not kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(slots=True)
class _Pending(Generic[V]):
    """A build in progress: the others asking for the same key wait on `done`."""

    done: threading.Event
    value: V | None = None
    error: BaseException | None = None


class BoundedCache(Generic[V]):
    """Values by key, at most `limit` bytes (as `size` measures), the least recently used dropped."""

    def __init__(self, limit: int, size: Callable[[V], int]) -> None:
        self.limit = limit
        self._size = size
        self._held = 0
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._pending: dict[Hashable, _Pending[V]] = {}
        self._lock = threading.Lock()

    @property
    def held(self) -> int:
        """The bytes the cache holds now."""
        return self._held

    def peek(self, key: Hashable) -> V | None:
        """The value of `key` if held, without building it (and without changing its rank)."""
        return self._items.get(key)

    def get(self, key: Hashable, build: Callable[[], V]) -> V:
        """The value of `key`, built by `build` (once, whoever else asks meanwhile) if not held."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
            pending = self._pending.get(key)
            owner = pending is None
            if pending is None:
                pending = _Pending(threading.Event())
                self._pending[key] = pending
        if not owner:
            pending.done.wait()
            if pending.error is not None:
                raise pending.error
            assert pending.value is not None
            return pending.value
        try:
            value = build()
        except BaseException as exc:
            pending.error = exc
            with self._lock:
                del self._pending[key]
            pending.done.set()
            raise
        pending.value = value
        with self._lock:
            del self._pending[key]
            self._keep(key, value)
        pending.done.set()
        return value

    def _keep(self, key: Hashable, value: V) -> None:
        cost = self._size(value)
        if cost > self.limit:
            return
        self._items[key] = value
        self._held += cost
        while self._held > self.limit:
            _, dropped = self._items.popitem(last=False)
            self._held -= self._size(dropped)


class SizedMemo(Generic[K, V]):
    """Values by key, at most `limit` bytes of keys and values together (as `size` measures a pair); the
    oldest entries are dropped to make room, and a pair bigger than the whole bound is not kept."""

    def __init__(self, limit: int, size: Callable[[K, V], int]) -> None:
        self.limit = limit
        self._size = size
        self._held = 0
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def held(self) -> int:
        """The bytes the memo holds now."""
        return self._held

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> V | None:
        found = self._items.get(key)
        return None if found is None else found[0]

    def put(self, key: K, value: V) -> None:
        cost = self._size(key, value)
        if cost > self.limit:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._held -= old[1]
            self._items[key] = (value, cost)
            self._held += cost
            while self._held > self.limit:
                _, (_, dropped) = self._items.popitem(last=False)
                self._held -= dropped
