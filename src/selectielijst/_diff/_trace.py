"""Following a category from one version of a list to another."""

from __future__ import annotations

import attrs

from selectielijst._changes import ChangeKind
from selectielijst._diff._compute import diff
from selectielijst._model import SelectionList

__all__ = ["Trace", "trace"]


@attrs.frozen
class Trace:
    """Where a category of one version is in another.

    Attributes:
        old_number: The number asked about, in the old version.
        new_numbers: Where its records belong in the new version: one number
            when it was kept, renumbered, moved or merged; several when it was
            split; the successors the list names when it was withdrawn; none
            when it is gone without a successor.
        kinds: What happened to it.
    """

    old_number: str
    new_numbers: tuple[str, ...]
    kinds: tuple[ChangeKind, ...]

    @property
    def gone(self) -> bool:
        """Whether the category has no place in the new version."""
        return not self.new_numbers


def trace(old: SelectionList, new: SelectionList, number: str) -> Trace:
    """Where category *number* of *old* is in *new*, through renumbering, moves and successors.

    >>> from selectielijst import load
    >>> trace(load("voorbeeld", "1.0"), load("voorbeeld", "2.1"), "2.5").new_numbers
    ('2.7',)
    >>> trace(load("voorbeeld", "1.0"), load("voorbeeld", "2.1"), "3.4").new_numbers
    ('4.1',)

    Raises:
        UnknownCategory: *old* has no category *number*.
    """
    category = old.category(number)
    rows = [row for row in diff(old, new).concordance if row.old_number == category.number]
    kinds = tuple(dict.fromkeys(kind for row in rows for kind in row.kinds))
    numbers = tuple(dict.fromkeys(n for row in rows for n in row.new_numbers))
    return Trace(category.number, numbers, kinds)
