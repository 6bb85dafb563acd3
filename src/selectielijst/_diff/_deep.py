"""The deepdiff adapter: the only module that imports deepdiff.

deepdiff compares the list-level facts of two versions (title, version,
criteria, notes): a handful of nested values. It never pairs categories across
whole lists, which would grow quadratically. Its findings become typed
:class:`~selectielijst.changes.Change` records at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from deepdiff import DeepDiff

from selectielijst._changes import Change, ChangeKind, Field, Significance, Value, value_text
from selectielijst._model import SelectionList, is_trivial

__all__ = ["metadata_changes"]

_REPORTS = (
    "values_changed",
    "type_changes",
    "dictionary_item_added",
    "dictionary_item_removed",
    "iterable_item_added",
    "iterable_item_removed",
)
_FIELDS: Mapping[tuple[str, ...], Field] = {
    ("list",): Field.LIST,
    ("title",): Field.TITLE,
    ("organisation",): Field.ORGANISATION,
    ("notes",): Field.NOTES,
    ("version", "source"): Field.VERSION_SOURCE,
    ("version", "coverage"): Field.VERSION_COVERAGE,
    ("version", "incomplete"): Field.VERSION_INCOMPLETE,
    ("version", "notes"): Field.VERSION_NOTES,
}


def _facts(selection_list: SelectionList) -> dict[str, Any]:
    version = selection_list.version
    return {
        "list": selection_list.id,
        "title": selection_list.title,
        "organisation": selection_list.organisation,
        "notes": selection_list.notes,
        "version": {  # label, status and date are the version's own heading, not changes
            "source": version.source,
            "coverage": version.coverage,
            "incomplete": version.incomplete,
            "notes": version.notes,
        },
        "criteria": {c.number: c.text for c in selection_list.criteria},
    }


def metadata_changes(old: SelectionList, new: SelectionList) -> Iterator[Change]:
    """Changes to the list's own facts, one per changed value (a criterion, the status)."""
    before, after = _facts(old), _facts(new)
    tree = DeepDiff(before, after, view="tree")
    found: dict[tuple[Field, int | None], None] = {}
    for report in _REPORTS:
        for level in tree.get(report, ()):
            path = tuple(level.path(output_format="list"))
            if path[:1] == ("criteria",) and len(path) > 1:
                found[Field.CRITERION, int(path[1])] = None
            else:
                key = next(key for key in _FIELDS if path[: len(key)] == key)
                found[_FIELDS[key], None] = None
    for field, item in found:
        old_value = _value(before, field, item)
        new_value = _value(after, field, item)
        old_text, new_text = value_text(field, old_value), value_text(field, new_value)
        trivial = old_text is not None and new_text is not None and is_trivial(old_text, new_text)
        yield Change(
            ChangeKind.METADATA_CHANGED,
            Significance.TRIVIAL if trivial else Significance.MINOR,
            field=field,
            item=item,
            before=old_value,
            after=new_value,
        )


def _value(facts: dict[str, Any], field: Field, item: int | None) -> Value:
    if field is Field.CRITERION:
        text: str | None = facts["criteria"].get(item)
        return text
    key = next(key for key, named in _FIELDS.items() if named is field)
    value: Value = facts[key[0]] if len(key) == 1 else facts[key[0]][key[1]]
    return value
