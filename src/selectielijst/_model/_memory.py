"""Keeping Python's cyclic garbage collector off what a long piece of work only reads."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["quiet_collector"]


@contextlib.contextmanager
def quiet_collector() -> Iterator[None]:
    """Keep the collector off the objects that exist when the work starts, until it ends.

    A diff or a render allocates a few small objects per category or change,
    and each full collection would scan everything there is: both versions
    and the change set, hundreds of thousands of records that cannot be
    garbage while the work holds them (half the time of a diff at 100,000
    categories; a third of a first render). Reading and writing a snapshot
    are the same: the first write after a read walked every object of the
    program, more than half its time for a list of 1,000 categories. So the objects that exist when
    the work starts are frozen (set aside, not scanned) and thawed when it
    ends; the collector keeps collecting everything the work allocates. A
    program that froze objects itself (``gc.freeze()`` before forking
    workers) is left as it is.

    >>> with quiet_collector():
    ...     gc.get_freeze_count() > 0
    True
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
