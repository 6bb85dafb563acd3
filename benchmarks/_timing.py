"""What the benchmark scripts share: timing a piece of work on a noisy machine."""

from __future__ import annotations

import time
from collections.abc import Callable


def timed(work: Callable[[], object], repeat: int) -> float:
    """The best of *repeat* runs, in seconds: the least disturbed by other work."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best
