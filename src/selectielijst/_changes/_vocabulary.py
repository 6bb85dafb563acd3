"""The vocabulary of changes: kinds, significance, direction, fields and their values."""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping

from selectielijst._model import Term, Valuation

__all__ = [
    "KIND_ORDER",
    "VALUE_KINDS",
    "ChangeKind",
    "Direction",
    "Field",
    "Significance",
    "Value",
    "ValueKind",
    "value_text",
]


class ChangeKind(enum.Enum):
    """What kind of change, in the vocabulary of legal-document amendments."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    ADDED = "added"
    WITHDRAWN = "withdrawn"
    REINSTATED = "reinstated"
    RENUMBERED = "renumbered"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    REVALUED = "revalued"
    TERM_CHANGED = "term_changed"
    CRITERIA_CHANGED = "criteria_changed"
    TEXT_CHANGED = "text_changed"
    SECTION_ADDED = "section_added"
    SECTION_REMOVED = "section_removed"
    SECTION_TEXT_CHANGED = "section_text_changed"
    METADATA_CHANGED = "metadata_changed"

    def inverted(self, *, still_there: bool = False) -> ChangeKind:
        """The kind seen from the other version.

        A withdrawal whose category is still in the list (marked withdrawn)
        inverts to a reinstatement; one whose category is gone, to an addition.
        """
        if self is ChangeKind.WITHDRAWN and still_there:
            return ChangeKind.REINSTATED
        if self is ChangeKind.REINSTATED:
            return ChangeKind.WITHDRAWN
        return _INVERSE_KIND.get(self, self)


_INVERSE_KIND = {
    ChangeKind.ADDED: ChangeKind.WITHDRAWN,
    ChangeKind.WITHDRAWN: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
    ChangeKind.SECTION_ADDED: ChangeKind.SECTION_REMOVED,
    ChangeKind.SECTION_REMOVED: ChangeKind.SECTION_ADDED,
}
KIND_ORDER = {kind: index for index, kind in enumerate(ChangeKind)}


class Significance(enum.Enum):
    """How much a change matters to an archivist, most first."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    MAJOR = "major"
    MINOR = "minor"
    TRIVIAL = "trivial"

    @property
    def rank(self) -> int:
        """0 for major, 1 for minor, 2 for trivial."""
        return _SIGNIFICANCE_RANK[self]


_SIGNIFICANCE_RANK = {Significance.MAJOR: 0, Significance.MINOR: 1, Significance.TRIVIAL: 2}


class Direction(enum.Enum):
    """Which way a valuation or a term changed."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    TO_RETAIN = "to_retain"
    TO_DESTROY = "to_destroy"
    LONGER = "longer"
    SHORTER = "shorter"
    EQUAL = "equal"
    INCOMPARABLE = "incomparable"

    def inverted(self) -> Direction:
        """The direction seen from the other version."""
        return _OPPOSITE.get(self, self)


_OPPOSITE = {
    Direction.TO_RETAIN: Direction.TO_DESTROY,
    Direction.TO_DESTROY: Direction.TO_RETAIN,
    Direction.LONGER: Direction.SHORTER,
    Direction.SHORTER: Direction.LONGER,
}


class ValueKind(enum.Enum):
    """The type of the values a field holds."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    TEXT = "text"
    """``str | None``"""
    TEXTS = "texts"
    """``tuple[str, ...]``: list items or paragraphs"""
    NUMBERS = "numbers"
    """``tuple[int, ...]``: selection criteria"""
    FLAG = "flag"
    """``bool``"""
    VALUATION = "valuation"
    """``Valuation | None``"""
    TERM = "term"
    """``Term | None``"""


class Field(enum.Enum):
    """Which field of a category, section or list a change is about: a closed vocabulary."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    # A category
    RESULT = "result"
    NAME = "name"
    DESCRIPTION = "description"
    EXPLANATION = "explanation"
    EXAMPLES = "examples"
    SUCCESSORS = "successors"
    ORIGIN = "origin"
    TASKS = "tasks"
    VALUATION = "valuation"
    TERM = "term"
    CRITERIA = "criteria"
    KEEP_PARTS = "keep_parts"
    KEEP_PART_CRITERIA = "keep_part.criteria"
    KEEP_PART_DESCRIPTION = "keep_part.description"
    # A section
    NUMBER = "number"
    TITLE = "title"
    TEXT = "text"
    NOTES = "notes"
    INCOMPLETE = "incomplete"
    PARENT = "parent"
    # The list
    LIST = "list"
    ORGANISATION = "organisation"
    CRITERION = "criterion"
    VERSION_SOURCE = "version.source"
    VERSION_COVERAGE = "version.coverage"
    VERSION_INCOMPLETE = "version.incomplete"
    VERSION_NOTES = "version.notes"

    @property
    def value_kind(self) -> ValueKind:
        """The type of the values of this field."""
        return VALUE_KINDS.get(self, ValueKind.TEXT)

    @functools.cached_property
    def wording(self) -> bool:
        """Whether the field is running text, compared word by word.

        Kept on the member once asked: a change log asks it of every change.
        """
        return self in _WORDING


VALUE_KINDS: Mapping[Field, ValueKind] = {
    Field.EXAMPLES: ValueKind.TEXTS,
    Field.SUCCESSORS: ValueKind.TEXTS,
    Field.TASKS: ValueKind.TEXTS,
    Field.TEXT: ValueKind.TEXTS,
    Field.NOTES: ValueKind.TEXTS,
    Field.VERSION_NOTES: ValueKind.TEXTS,
    Field.CRITERIA: ValueKind.NUMBERS,
    Field.KEEP_PART_CRITERIA: ValueKind.NUMBERS,
    Field.INCOMPLETE: ValueKind.FLAG,
    Field.VERSION_INCOMPLETE: ValueKind.FLAG,
    Field.VALUATION: ValueKind.VALUATION,
    Field.KEEP_PARTS: ValueKind.VALUATION,
    Field.TERM: ValueKind.TERM,
}
"""The type of each field's values; a field not named holds text (``str | None``)."""

_WORDING = frozenset(
    {
        Field.RESULT,
        Field.NAME,
        Field.DESCRIPTION,
        Field.EXPLANATION,
        Field.ORIGIN,
        Field.EXAMPLES,
        Field.KEEP_PART_DESCRIPTION,
        Field.TITLE,
        Field.TEXT,
        Field.NOTES,
        Field.CRITERION,
        Field.VERSION_NOTES,
    }
)
_ITEM_SEPARATOR = {Field.EXAMPLES: "; ", Field.SUCCESSORS: "; ", Field.TASKS: "; "}

Value = str | tuple[str, ...] | tuple[int, ...] | bool | Valuation | Term | None
"""What ``before`` and ``after`` hold: the typed value of the changed field."""


def value_text(field: Field | None, value: Value) -> str | None:
    """A value as the list writes it: ``V, 10 jaar``, ``1, 6``, paragraphs joined.

    >>> from selectielijst.model import Duration
    >>> value_text(Field.CRITERIA, (1, 6))
    '1, 6'
    >>> value_text(Field.TERM, Term(Duration(years=10), "na afloop"))
    '10 jaar na afloop'
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        if all(isinstance(item, int) for item in value):
            return ", ".join(map(str, value))
        separator = _ITEM_SEPARATOR.get(field, "\n\n") if field is not None else "\n\n"
        return separator.join(map(str, value)) or None
    return str(value)
