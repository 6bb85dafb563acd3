"""The deepdiff adapter: the only module that imports deepdiff.

deepdiff compares the list-level facts of two versions (title, version,
criteria, notes): a handful of nested values. It never pairs categories across
whole lists, which would grow quadratically.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from deepdiff import DeepDiff
from deepdiff.helper import notpresent

from selectielijst._diff._changes import Change, ChangeKind, Significance
from selectielijst._diff._text import is_trivial
from selectielijst._model import SelectionList

__all__ = ["metadata_changes"]

_REPORTS = (
    "values_changed",
    "type_changes",
    "dictionary_item_added",
    "dictionary_item_removed",
)


def _facts(selection_list: SelectionList) -> dict[str, Any]:
    version = selection_list.version
    return {
        "list": selection_list.id,
        "title": selection_list.title,
        "organisation": selection_list.organisation,
        "notes": "\n\n".join(selection_list.notes) or None,
        "version": {
            "label": version.label,
            "status": version.status.value,
            "date": version.date,
            "source": version.source,
            "coverage": version.coverage,
            "incomplete": str(version.incomplete).lower(),
            "notes": "\n\n".join(version.notes) or None,
        },
        "criteria": {str(c.number): c.text for c in selection_list.criteria},
    }


def metadata_changes(old: SelectionList, new: SelectionList) -> Iterator[Change]:
    """Changes to the list's own facts, one per changed value, e.g. ``version.status``."""
    tree = DeepDiff(_facts(old), _facts(new), view="tree")
    for report in _REPORTS:
        for level in tree.get(report, ()):
            field = ".".join(str(part) for part in level.path(output_format="list"))
            before = None if level.t1 is notpresent or level.t1 is None else str(level.t1)
            after = None if level.t2 is notpresent or level.t2 is None else str(level.t2)
            trivial = before is not None and after is not None and is_trivial(before, after)
            yield Change(
                ChangeKind.METADATA_CHANGED,
                Significance.TRIVIAL if trivial else Significance.MINOR,
                field=field,
                before=before,
                after=after,
            )
