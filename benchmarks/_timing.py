"""What the benchmark scripts share: timing a piece of work on a noisy machine."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Mapping
from typing import TypeVar

from selectielijst._model._text import number_key, word_segments

T = TypeVar("T")


def timed(work: Callable[[], object], repeat: int) -> float:
    """The best of *repeat* runs, in seconds: the least disturbed by other work."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def timed_first(make: Callable[[], T], work: Callable[[T], object]) -> float:
    """One run of *work* on what *make* made, in seconds, as in a fresh process of its own.

    The library keeps, for the whole process, the sort keys of the numbers it
    has ordered and the word differences of the texts it has compared: a
    change log written in three formats works each out once. A change set
    made again from the same lists finds them there; a user's first change
    log, in a command of its own, does not. So both are forgotten, then
    *make* runs untimed (the diff, which orders its changes), then *work*.
    """
    number_key.cache_clear()
    word_segments.cache_clear()
    made = make()
    start = time.perf_counter()
    work(made)
    return time.perf_counter() - start


def timed_in_turn(works: Mapping[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The best run of each piece of work, in seconds, the pieces run in turn for *rounds*.

    Run in turn, each piece meets the machine as the others do: a reference
    timed in a loop of its own runs warmer than the work it is compared with,
    and a busy spell on a shared machine falls on all of them alike. Each run
    starts after a garbage collection, so none pays for another's garbage.
    """
    best = dict.fromkeys(works, float("inf"))
    for _ in range(rounds):
        for name, work in works.items():
            gc.collect()
            start = time.perf_counter()
            work()
            best[name] = min(best[name], time.perf_counter() - start)
    return best
