"""The list's own facts (title, organisation, notes, version notes, criteria), compared.

A handful of values of a fixed shape: each is compared with ``==``, and every
one that differs is one change. :mod:`._deep` does the same with deepdiff, the
reference the tests hold this to; deepdiff is not imported to diff two lists.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from selectielijst._changes import Change, ChangeKind, Field, Significance, Value, value_text
from selectielijst._model import SelectionList, is_trivial

__all__ = ["FIELDS", "change_of", "facts", "metadata_changes"]

FIELDS: Mapping[tuple[str, ...], Field] = {
    ("list",): Field.LIST,
    ("title",): Field.TITLE,
    ("organisation",): Field.ORGANISATION,
    ("notes",): Field.NOTES,
    ("version", "source"): Field.VERSION_SOURCE,
    ("version", "coverage"): Field.VERSION_COVERAGE,
    ("version", "incomplete"): Field.VERSION_INCOMPLETE,
    ("version", "notes"): Field.VERSION_NOTES,
}
"""Where each fact is found in :func:`facts`, and the field a change to it names."""


def facts(selection_list: SelectionList) -> dict[str, Any]:
    """The list's own facts, as nested plain values."""
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
    """Changes to the list's own facts, one per changed value (a criterion, the title)."""
    before, after = facts(old), facts(new)
    if before == after:
        return
    for path, field in FIELDS.items():
        if _at(before, path) != _at(after, path):
            yield change_of(before, after, field, None)
    old_criteria, new_criteria = before["criteria"], after["criteria"]
    for number in sorted(old_criteria.keys() | new_criteria.keys()):
        if old_criteria.get(number) != new_criteria.get(number):
            yield change_of(before, after, Field.CRITERION, number)


def change_of(
    before: dict[str, Any], after: dict[str, Any], field: Field, item: int | None
) -> Change:
    """The change of *field* (criterion *item*) between the facts *before* and *after*."""
    old_value, new_value = _value(before, field, item), _value(after, field, item)
    old_text, new_text = value_text(field, old_value), value_text(field, new_value)
    trivial = old_text is not None and new_text is not None and is_trivial(old_text, new_text)
    return Change(
        ChangeKind.METADATA_CHANGED,
        Significance.TRIVIAL if trivial else Significance.MINOR,
        field=field,
        item=item,
        before=old_value,
        after=new_value,
    )


def _at(found: dict[str, Any], path: tuple[str, ...]) -> object:
    value: object = found
    for key in path:
        value = value[key] if isinstance(value, dict) else None
    return value


def _value(found: dict[str, Any], field: Field, item: int | None) -> Value:
    if field is Field.CRITERION:
        text: str | None = found["criteria"].get(item)
        return text
    path = next(path for path, named in FIELDS.items() if named is field)
    value: Value = _at(found, path)  # type: ignore[assignment]  # the facts hold values
    return value
