"""What the benchmark scripts share: timing a piece of work on a noisy machine."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Mapping

from selectielijst._model._text import word_segments


def timed(work: Callable[[], object], repeat: int) -> float:
    """The best of *repeat* runs, in seconds: the least disturbed by other work."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def timed_first(work: Callable[[], object]) -> float:
    """One run of *work*, in seconds, as the first of a fresh process: no texts compared yet.

    The library keeps the word differences of the texts it has compared, for
    the whole process: a change log written in three formats compares each
    text once. A change set computed again over the same lists finds them
    there; the first change log a user writes, in a process of its own, does
    not. Forgotten here, the run works them out as that user's does.
    """
    word_segments.cache_clear()
    return timed(work, 1)


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
