"""The deepdiff adapter: the only module that imports deepdiff.

deepdiff compares the list-level facts of two versions (title, version notes,
criteria, notes): a handful of nested values. It is the reference that
:mod:`._facts`, which diffs them with ``==`` and needs no deepdiff, is tested
against. It never pairs categories across whole lists, which would grow
quadratically. Its findings become typed :class:`~selectielijst.changes.Change`
records at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from deepdiff import DeepDiff

from selectielijst._changes import Change, Field
from selectielijst._diff._facts import FIELDS, change_of, facts
from selectielijst._model import SelectionList

__all__ = ["metadata_changes"]

_REPORTS = (
    "values_changed",
    "type_changes",
    "dictionary_item_added",
    "dictionary_item_removed",
    "iterable_item_added",
    "iterable_item_removed",
)


def metadata_changes(old: SelectionList, new: SelectionList) -> Iterator[Change]:
    """Changes to the list's own facts, one per changed value, as deepdiff finds them."""
    before, after = facts(old), facts(new)
    tree = DeepDiff(before, after, view="tree")
    found: dict[tuple[Field, int | None], None] = {}
    for report in _REPORTS:
        for level in tree.get(report, ()):
            path = tuple(level.path(output_format="list"))
            if path[:1] == ("criteria",) and len(path) > 1:
                found[Field.CRITERION, int(path[1])] = None
            elif path[:1] == ("criteria",):  # the criteria as a whole: each that differs
                old_criteria, new_criteria = before["criteria"], after["criteria"]
                for number in sorted(old_criteria.keys() | new_criteria.keys()):
                    if old_criteria.get(number) != new_criteria.get(number):
                        found[Field.CRITERION, number] = None
            else:
                key = next(key for key in FIELDS if path[: len(key)] == key)
                found[FIELDS[key], None] = None
    for field, item in found:
        yield change_of(before, after, field, item)
