"""The feed cache: bounded in bytes, one build per key, and a build holds up no request for another feed."""

from __future__ import annotations

import threading

from khcal.feeds.cache import BoundedCache


def test_bounded_in_bytes_least_recently_used_dropped() -> None:
    cache: BoundedCache[bytes] = BoundedCache(100, len)
    for key in "abcd":
        cache.get(key, lambda: b"x" * 30)
    assert cache.held == 90
    cache.get("b", lambda: b"never built")  # b is now the most recently used
    cache.get("e", lambda: b"y" * 30)
    assert cache.held <= 100
    built: list[str] = []
    cache.get("b", lambda: built.append("b") or b"x" * 30)
    cache.get("a", lambda: built.append("a") or b"x" * 30)
    assert built == ["a"]


def test_a_value_bigger_than_the_bound_is_returned_not_kept() -> None:
    cache: BoundedCache[bytes] = BoundedCache(10, len)
    assert cache.get("big", lambda: b"z" * 11) == b"z" * 11
    assert cache.held == 0


def test_a_slow_build_does_not_hold_up_other_keys_and_is_shared() -> None:
    cache: BoundedCache[bytes] = BoundedCache(1000, len)
    cache.get("cached", lambda: b"ready")
    release = threading.Event()
    started = threading.Event()
    builds: list[str] = []

    def slow() -> bytes:
        builds.append("slow")
        started.set()
        release.wait(30)
        return b"slow feed"

    results: list[bytes] = []
    workers = [threading.Thread(target=lambda: results.append(cache.get("slow", slow))) for _ in range(3)]
    for worker in workers:
        worker.start()
    assert started.wait(30)
    # While "slow" is being built, another feed is answered at once, from the cache or built.
    assert cache.get("cached", lambda: b"rebuilt") == b"ready"
    assert cache.get("other", lambda: b"other feed") == b"other feed"
    release.set()
    for worker in workers:
        worker.join(30)
    assert results == [b"slow feed"] * 3
    assert builds == ["slow"]


def test_a_failed_build_is_reported_to_every_waiter_and_not_kept() -> None:
    cache: BoundedCache[bytes] = BoundedCache(1000, len)

    def broken() -> bytes:
        raise ValueError("no")

    for _ in range(2):
        try:
            cache.get("k", broken)
        except ValueError:
            pass
        else:
            raise AssertionError("the error was swallowed")
    assert cache.get("k", lambda: b"fine") == b"fine"
