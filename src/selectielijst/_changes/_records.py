"""Change records: what a diff says, typed, and all a renderer needs to say it.

A :class:`~selectielijst.ChangeSet` is the result of :func:`selectielijst.diff`.
It describes itself: besides its :class:`~selectielijst.Change` records it
carries the section outline of both versions, the concordance, and the old and
new record of every category a change names, so that a change log can be
written from it alone, also after it was published as JSON and read back with
:func:`~selectielijst.read_changes`.

Each change's ``before`` and ``after`` hold typed values, never text to parse
back: which type follows from its :class:`~selectielijst.Field` (see
:data:`VALUE_KINDS`).
"""

from __future__ import annotations

import enum
import functools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

import attrs
import cattrs

from selectielijst._model import (
    Category,
    Duration,
    Segment,
    SegmentKind,
    SelectionList,
    Term,
    Valuation,
    VersionInfo,
    number_key,
    word_segments,
)
from selectielijst._storage import Problems, make_converter, read_text, register, structure
from selectielijst.errors import ChangeSetMismatch, DocumentErrors, InvalidDocument


class Structure(Protocol):
    """Both versions' structure, as a diff records it to apply and invert a change set."""

    @property
    def new_shell(self) -> SelectionList:
        """The new version without its sections."""
        ...

    def apply(self, old: SelectionList) -> SelectionList:
        """Rebuild the new version from *old*."""
        ...

    def inverted(self) -> Structure:
        """The structure seen from the new version."""
        ...

    def outline(self) -> tuple[Heading, ...]:
        """The sections of both versions, the new version's first."""
        ...


__all__ = [
    "CHANGES_FORMAT",
    "VALUE_KINDS",
    "Change",
    "ChangeKind",
    "ChangeSet",
    "ConcordanceRow",
    "Direction",
    "Field",
    "Heading",
    "Reason",
    "Row",
    "Segment",
    "SegmentKind",
    "Significance",
    "Structure",
    "Value",
    "ValueKind",
    "read_changes",
    "to_plain",
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

    @property
    def wording(self) -> bool:
        """Whether the field is running text, compared word by word."""
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


@attrs.frozen
class Change:
    """One change between two versions of a list.

    Attributes:
        kind: What changed.
        significance: How much it matters.
        old_number: The display number in the old version (``None`` if it had none).
        new_number: The display number in the new version.
        old_id: The stable id in the old version.
        new_id: The stable id in the new version.
        section: The id of the section the change stands in (the new version's,
            or the old one's for what was removed).
        old_section: The section it stood in in the old version, where a
            category is compared with itself (for a move, where it came from).
        old_name: The name of the category (or title of the section) in the old version.
        new_name: Its name in the new version.
        field: Which field changed; ``None`` for a change of the whole
            category or section (renumbered, moved, split, merged).
        item: Which item of the field: the position of a kept part (from 0),
            or the number of a criterion.
        before: The old value, typed by the field (see :data:`~selectielijst.changes.VALUE_KINDS`).
        after: The new value.
        direction: For a revaluation ``to_retain`` (V -> B) or ``to_destroy``
            (B -> V); for a term ``longer``, ``shorter``, ``incomparable``, or
            ``equal`` when only its notation changed (``P1Y`` to ``P12M``).
        successors: For a withdrawal, the numbers the list says it went to.
        old_numbers: For a merge, every old number merged.
        new_numbers: For a split, every new number it was split into.
    """

    kind: ChangeKind
    significance: Significance
    old_number: str | None = None
    new_number: str | None = None
    old_id: str | None = None
    new_id: str | None = None
    section: str | None = None
    old_section: str | None = None
    old_name: str | None = None
    new_name: str | None = None
    field: Field | None = None
    item: int | None = None
    before: Value = None
    after: Value = None
    direction: Direction | None = None
    successors: tuple[str, ...] = ()
    old_numbers: tuple[str, ...] = ()
    new_numbers: tuple[str, ...] = ()

    @property
    def name(self) -> str | None:
        """The name a reader knows it by (the new one, or the old one if it is gone)."""
        return self.new_name if self.new_name is not None else self.old_name

    @property
    def number(self) -> str | None:
        """The number a reader knows it by (the new one, or the old one if it is gone)."""
        return self.new_number if self.new_number is not None else self.old_number

    @property
    def key(self) -> str:
        """The change's identity when the diff is computed again (kind, ids, field, item).

        Reasons (*motiveringen*) are kept under it, so they stay with their change.

        >>> Change(ChangeKind.TERM_CHANGED, Significance.MAJOR, old_id="post", new_id="post",
        ...        field=Field.TERM).key
        'term_changed|post|post|term|'
        """
        field = self.field.value if self.field is not None else ""
        item = "" if self.item is None else str(self.item)
        return f"{self.kind.value}|{self.old_id or ''}|{self.new_id or ''}|{field}|{item}"

    @property
    def wording(self) -> bool:
        """Whether this is a change of running text with words on both sides."""
        return (
            self.field is not None
            and self.field.wording
            and self.before is not None
            and self.after is not None
        )

    @property
    def segments(self) -> tuple[Segment, ...]:
        """For a change of wording, the words kept, removed and inserted, in order."""
        if not self.wording:
            return ()
        before, after = value_text(self.field, self.before), value_text(self.field, self.after)
        if before is None or after is None:
            return ()
        return word_segments(before, after)

    def paragraph_segments(self) -> tuple[tuple[Segment, ...], ...]:
        """For paragraphs changed, the segments of each paragraph, where their count held.

        With as many paragraphs before as after, each pair is compared on its
        own; otherwise the whole text is one comparison.
        """
        if (
            isinstance(self.before, tuple)
            and isinstance(self.after, tuple)
            and len(self.before) == len(self.after)
            and self.wording
        ):
            return tuple(
                word_segments(str(old), str(new))
                for old, new in zip(self.before, self.after, strict=True)
            )
        return (self.segments,) if self.segments else ()

    @property
    def removed_words(self) -> tuple[str, ...]:
        """For a change of wording, the stretches of words removed."""
        return tuple(s.text for s in self.segments if s.kind is SegmentKind.DELETE)

    @property
    def inserted_words(self) -> tuple[str, ...]:
        """For a change of wording, the stretches of words inserted."""
        return tuple(s.text for s in self.segments if s.kind is SegmentKind.INSERT)

    def inverted(self) -> Change:
        """The same change seen from the new version towards the old."""
        section, old_section = self.section, self.old_section
        if old_section is not None:
            section, old_section = old_section, section
        return attrs.evolve(
            self,
            kind=self.kind.inverted(still_there=self.new_id is not None),
            old_number=self.new_number,
            new_number=self.old_number,
            old_id=self.new_id,
            new_id=self.old_id,
            old_name=self.new_name,
            new_name=self.old_name,
            section=section,
            old_section=old_section,
            before=self.after,
            after=self.before,
            direction=self.direction.inverted() if self.direction else None,
            old_numbers=self.new_numbers,
            new_numbers=self.old_numbers,
        )

    def sort_key(self) -> tuple[object, ...]:
        """Significance first, then number, kind and field: a total, stable order."""
        return (
            self.significance.rank,
            number_key(self.number),
            KIND_ORDER[self.kind],
            self.field.value if self.field else "",
            self.item if self.item is not None else -1,
            self.old_id or "",
            self.new_id or "",
        )


@attrs.frozen
class ConcordanceRow:
    """One line of a concordance: where the records of an old category go.

    Attributes:
        old_number: The number in the old version (``None`` for a new category).
        new_numbers: Where its records belong in the new version: its new
            number; the parts it was split into; for a withdrawn category, the
            successors the list names; none when it is gone without one.
        kinds: The kinds of change to this category; empty when it is unchanged.
    """

    old_number: str | None
    new_numbers: tuple[str, ...] = ()
    kinds: tuple[ChangeKind, ...] = ()

    def sort_key(self) -> tuple[object, ...]:
        """Old number first, then new, new categories last: as the official appendices."""
        return (
            self.old_number is None,
            number_key(self.old_number),
            tuple(map(number_key, self.new_numbers)),
            tuple(KIND_ORDER[kind] for kind in self.kinds),
        )


@attrs.frozen
class Heading:
    """A section as a change log heads it.

    Attributes:
        id: The section's stable id.
        number: Its display number, if any.
        title: Its title.
        parent: The id of the section it stands in; ``None`` at the top.
        depth: 0 at the top, 1 for a subsection, and so on.
    """

    id: str
    number: str | None
    title: str
    parent: str | None = None
    depth: int = 0

    def __str__(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


E = TypeVar("E", bound=enum.Enum)


def _sorted_changes(changes: Iterable[Change]) -> tuple[Change, ...]:
    return tuple(sorted(changes, key=Change.sort_key))


Row = tuple[str | None, tuple[str, ...], tuple[ChangeKind, ...]]
"""A concordance row as plain data (old number, new numbers, kinds of change)."""


def _rows(rows: Iterable[ConcordanceRow | Row]) -> tuple[Row, ...]:
    return tuple(
        (row.old_number, row.new_numbers, row.kinds) if isinstance(row, ConcordanceRow) else row
        for row in rows
    )


def _inverted_rows(rows: Iterable[Row], changes: Iterable[Change]) -> list[Row]:
    """The concordance seen from the new version, its rows as the reverse diff makes them."""
    listed: dict[str | None, str] = {}  # a withdrawn category's number in the new version
    successors: dict[str | None, tuple[str, ...]] = {}  # a reinstated one's, in the old
    for change in changes:
        if change.kind is ChangeKind.WITHDRAWN and change.new_number is not None:
            listed[change.old_number] = change.new_number
        elif change.kind is ChangeKind.REINSTATED:
            successors[change.new_number] = change.successors
    inverted: list[Row] = []
    merged_into: dict[str, list[str]] = {}
    for old, news, kinds in rows:
        turned = tuple(
            sorted({k.inverted(still_there=True) for k in kinds}, key=KIND_ORDER.__getitem__)
        )
        if old is None:
            inverted.extend((new, (), (ChangeKind.WITHDRAWN,)) for new in news)
        elif ChangeKind.SPLIT in kinds:
            inverted.extend((new, (old,), (ChangeKind.MERGED,)) for new in news)
        elif ChangeKind.MERGED in kinds:
            merged_into.setdefault(news[0], []).append(old)
        elif ChangeKind.WITHDRAWN in kinds:
            if old in listed:
                inverted.append((listed[old], (old,), turned))
            else:
                inverted.append((None, (old,), (ChangeKind.ADDED,)))
        elif ChangeKind.REINSTATED in kinds:
            inverted.append((news[0], successors.get(news[0], ()), turned))
        else:
            inverted.append((news[0], (old,), turned))
    inverted.extend((new, tuple(olds), (ChangeKind.SPLIT,)) for new, olds in merged_into.items())
    return inverted


@attrs.frozen
class Reason:
    """Why a change was made (its *motivering*), kept under the change's key.

    Attributes:
        key: The :attr:`~selectielijst.Change.key` of the change it motivates.
        text: The reason, as written.
        number: The number a reader knows the change by, for people reading the file.
    """

    key: str
    text: str
    number: str | None = None


@attrs.define
class _Memo:
    """What a change set works out once, when first asked."""

    concordance: tuple[ConcordanceRow, ...] | None = None
    changed_rows: tuple[ConcordanceRow, ...] | None = None
    new_numbers: frozenset[str] | None = None
    reasons: dict[str, str] | None = None
    old_by_id: dict[str, Category] | None = None
    new_by_id: dict[str, Category] | None = None


@attrs.frozen
class ChangeSet:
    """Every change from one version of a list to another, most important first.

    Iterating yields :class:`Change` records ordered by significance, then
    display number. ``apply`` and ``inverted`` need the exact record of both
    versions' structure that :func:`~selectielijst.diff` keeps beside the
    changes; a change set read from JSON has the changes, not that record.

    >>> from selectielijst import diff, load
    >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
    >>> changes.apply(load("voorbeeld", "1.0")) == load("voorbeeld", "2.0")
    True
    >>> changes.inverted() == diff(load("voorbeeld", "2.0"), load("voorbeeld", "1.0"))
    True

    Attributes:
        list_id: The id of the list in the new version.
        title: The title of the list in the new version.
        old_version: The version compared from.
        new_version: The version compared to.
        changes: The changes, most important first.
        outline: The new version's sections in order, then those only the old
            version had.
        concordance: Every category's old and new number and what happened to
            it, sorted by old number (given as rows in any order).
        old_categories: The old record of every category a change names, in
            the old version's order.
        new_categories: The new record of every category a change names.
        reasons: Why the changes were made, where somebody said so.
    """

    list_id: str
    title: str
    old_version: VersionInfo
    new_version: VersionInfo
    changes: tuple[Change, ...] = attrs.field(converter=_sorted_changes)
    outline: tuple[Heading, ...] = ()
    _rows: tuple[Row, ...] = attrs.field(
        default=(), converter=_rows, eq=frozenset, repr=False, alias="concordance"
    )
    old_categories: tuple[Category, ...] = ()
    new_categories: tuple[Category, ...] = ()
    reasons: tuple[Reason, ...] = ()
    _delta: Structure | None = attrs.field(default=None, eq=False, repr=False, alias="delta")
    _memo: _Memo = attrs.field(init=False, factory=_Memo, eq=False, repr=False)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def concordance(self) -> tuple[ConcordanceRow, ...]:
        """Every category's old and new number and what happened to it, as in the appendices.

        Sorted by old number, with new categories last.
        """
        if self._memo.concordance is None:
            rows = sorted((ConcordanceRow(*row) for row in self._rows), key=ConcordanceRow.sort_key)
            self._memo.concordance = tuple(rows)
        return self._memo.concordance

    def changed_rows(self) -> tuple[ConcordanceRow, ...]:
        """The rows of :attr:`concordance` whose category changed, in its order.

        The same as ``tuple(row for row in concordance if row.kinds)``, without
        sorting the rows of every category that did not change: a change log
        of a large list shows these alone.

        >>> from selectielijst import diff, load
        >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
        >>> changes.changed_rows() == tuple(row for row in changes.concordance if row.kinds)
        True
        """
        if self._memo.changed_rows is None:
            changed = (ConcordanceRow(*row) for row in self._rows if row[2])
            self._memo.changed_rows = tuple(sorted(changed, key=ConcordanceRow.sort_key))
        return self._memo.changed_rows

    def categories_compared(self) -> int:
        """How many rows :attr:`concordance` has: one per category of either version.

        >>> from selectielijst import diff, load
        >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
        >>> changes.categories_compared() == len(changes.concordance)
        True
        """
        return len(self._rows)

    def new_numbers(self) -> frozenset[str]:
        """Every number the concordance sends records to: the new version's numbers in use.

        >>> from selectielijst import diff, load
        >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
        >>> "1.2" in changes.new_numbers()
        True
        """
        if self._memo.new_numbers is None:
            self._memo.new_numbers = frozenset(
                number for _, numbers, _ in self._rows for number in numbers
            )
        return self._memo.new_numbers

    def reason(self, change: Change) -> str | None:
        """Why *change* was made, if a reason was given for it."""
        if self._memo.reasons is None:
            self._memo.reasons = {reason.key: reason.text for reason in self.reasons}
        return self._memo.reasons.get(change.key)

    def unmatched_reasons(self) -> tuple[Reason, ...]:
        """The reasons whose change is no longer there (the diff changed since they were given)."""
        if not self.reasons:
            return ()
        keys = {change.key for change in self.changes}
        return tuple(reason for reason in self.reasons if reason.key not in keys)

    def with_reasons(self, reasons: Iterable[Reason]) -> ChangeSet:
        """The same changes, with *reasons* for them.

        >>> from selectielijst import diff, load
        >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
        >>> why = Reason(changes.changes[0].key, "Wettelijke termijn is 7 jaar.")
        >>> changes.with_reasons([why]).reason(changes.changes[0])
        'Wettelijke termijn is 7 jaar.'
        """
        return attrs.evolve(self, reasons=tuple(reasons))

    def old_category(self, change: Change) -> Category | None:
        """The old record of the category *change* names, if it had one."""
        if self._memo.old_by_id is None:
            self._memo.old_by_id = {c.id: c for c in self.old_categories}
        return self._memo.old_by_id.get(change.old_id or "")

    def new_category(self, change: Change) -> Category | None:
        """The new record of the category *change* names, if it has one."""
        if self._memo.new_by_id is None:
            self._memo.new_by_id = {c.id: c for c in self.new_categories}
        return self._memo.new_by_id.get(change.new_id or "")

    def new_numbered(self, number: str) -> Category | None:
        """The new record of a changed category, by its new number."""
        return next((c for c in self.new_categories if c.number == number), None)

    def old_numbered(self, number: str) -> Category | None:
        """The old record of a changed category, by its old number."""
        return next((c for c in self.old_categories if c.number == number), None)

    def descendants(self, section_id: str) -> frozenset[str]:
        """*section_id* and every section below it, in either version."""
        found = {section_id}
        for heading in self.outline:
            if heading.parent in found:
                found.add(heading.id)
        return frozenset(found)

    def select(
        self,
        *,
        kind: ChangeKind | Iterable[ChangeKind] | None = None,
        significance: Significance | Iterable[Significance] | None = None,
        section: str | None = None,
    ) -> tuple[Change, ...]:
        """The changes of the given kinds and significance, in a section (or its subsections).

        >>> from selectielijst import ChangeKind, diff, load
        >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
        >>> [c.old_number for c in changes.select(kind=ChangeKind.SPLIT)]
        ['2.1']
        """
        kinds = _as_set(kind, ChangeKind)
        levels = _as_set(significance, Significance)
        sections = self.descendants(section) if section is not None else None
        return tuple(
            change
            for change in self.changes
            if (kinds is None or change.kind in kinds)
            and (levels is None or change.significance in levels)
            and (sections is None or {change.section, change.old_section} & sections)
        )

    def counts(self) -> dict[ChangeKind, int]:
        """How many changes of each kind, in the vocabulary's order."""
        counts = dict.fromkeys(ChangeKind, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return {kind: count for kind, count in counts.items() if count}

    def apply(self, old: SelectionList) -> SelectionList:
        """The new version, made from *old* by applying these changes.

        Raises:
            ChangeSetMismatch: *old* is not the version this change set starts
                from, or the change set was read from JSON.
        """
        return self._structure().apply(old)

    def inverted(self) -> ChangeSet:
        """The change set from the new version back to the old.

        Raises:
            ChangeSetMismatch: The change set was read from JSON.
        """
        delta = self._structure().inverted()
        return ChangeSet(
            list_id=delta.new_shell.id,
            title=delta.new_shell.title,
            old_version=self.new_version,
            new_version=self.old_version,
            changes=tuple(change.inverted() for change in self.changes),
            outline=delta.outline(),
            concordance=_inverted_rows(self._rows, self.changes),
            old_categories=self.new_categories,
            new_categories=self.old_categories,
            delta=delta,
        )

    def _structure(self) -> Structure:
        if self._delta is None:
            msg = (
                "this change set was read from its published form, which holds the changes"
                " but not both versions' structure; compute it again with diff() to apply it"
            )
            raise ChangeSetMismatch(msg)
        return self._delta


def _as_set(value: E | Iterable[E] | None, enum_type: type[E]) -> frozenset[E] | None:
    if value is None:
        return None
    if isinstance(value, enum_type):
        return frozenset({value})
    return frozenset(value)  # type: ignore[arg-type]  # an iterable of members


# The published form: JSON that reads back.

CHANGES_FORMAT = "selectielijst-changes/2"
"""The format of a change set in JSON; format 1 (before typed values) is not read back."""

_DERIVED = ("key", "reason", "removed_words", "inserted_words", "segments")
"""Keys the JSON adds for its readers, worked out from the rest and ignored on reading."""


def to_plain(changeset: ChangeSet) -> dict[str, object]:
    """The change set as plain data for JSON, with a summary and the changed words.

    >>> from selectielijst import diff, load
    >>> plain = to_plain(diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0")))
    >>> plain["format"], plain["changes"][0]["field"], plain["changes"][0]["before"]
    ('selectielijst-changes/2', 'term', {'duration': 'P10Y', 'trigger': None})
    """
    converter = _converter()
    return {
        "format": CHANGES_FORMAT,
        "list": changeset.list_id,
        "title": changeset.title,
        "old_version": converter.unstructure(changeset.old_version),
        "new_version": converter.unstructure(changeset.new_version),
        "summary": {kind.value: count for kind, count in changeset.counts().items()},
        "changes": [
            {**_change_to_plain(change, converter), "reason": changeset.reason(change)}
            for change in changeset
        ],
        "outline": [converter.unstructure(heading) for heading in changeset.outline],
        "concordance": [converter.unstructure(row) for row in changeset.concordance],
        "old_categories": [converter.unstructure(c) for c in changeset.old_categories],
        "new_categories": [converter.unstructure(c) for c in changeset.new_categories],
        "reasons": [converter.unstructure(reason) for reason in changeset.reasons],
    }


def read_changes(source: str | os.PathLike[str]) -> ChangeSet:
    """A change set from its JSON: the text itself, or the path of a file holding it.

    Rendering what it returns gives, in every format, the same text as
    rendering the change set that was published. It cannot be applied or
    inverted: for that, compute the diff again.

    >>> from selectielijst import diff, load, render
    >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
    >>> read_changes(render(changes, "json")) == changes
    True

    Raises:
        DocumentErrors: The text is not a change set in JSON; each problem is located.
    """
    text, file = _source_text(source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        problem = InvalidDocument(f"is not valid JSON: {e.msg}", file=file, line=e.lineno)
        raise DocumentErrors(f"{file or 'the text'} is not a change set", [problem]) from e
    problems = Problems(file)
    if not isinstance(data, dict):
        data = {}
        problems.report("$", "a change set in JSON is an object with format and changes")
    elif data.get("format") != CHANGES_FORMAT:
        found = data.get("format")
        problems.report("$.format", f"expected format {CHANGES_FORMAT!r}, not {found!r}")
    document = {k: v for k, v in data.items() if k not in {"format", "summary"}}
    published = structure(document, _Published, problems, converter=_converter())
    return ChangeSet(
        list_id=published.list,
        title=published.title,
        old_version=published.old_version,
        new_version=published.new_version,
        changes=published.changes,
        outline=published.outline,
        concordance=published.concordance,
        old_categories=published.old_categories,
        new_categories=published.new_categories,
        reasons=published.reasons,
    )


@attrs.frozen
class _Published:
    """The shape of a change set in JSON, less its format and summary."""

    list: str
    title: str
    old_version: VersionInfo
    new_version: VersionInfo
    changes: tuple[Change, ...]
    outline: tuple[Heading, ...] = ()
    concordance: tuple[ConcordanceRow, ...] = ()
    old_categories: tuple[Category, ...] = ()
    new_categories: tuple[Category, ...] = ()
    reasons: tuple[Reason, ...] = ()


def _source_text(source: str | os.PathLike[str]) -> tuple[str, str | None]:
    if isinstance(source, str) and source.lstrip().startswith(("{", "[")):
        return source, None
    return read_text(source), str(source)


def _change_to_plain(change: Change, converter: cattrs.Converter) -> dict[str, object]:
    data: dict[str, object] = {}
    for field in attrs.fields(Change):
        value = getattr(change, field.name)
        if field.name in {"before", "after"}:
            data[field.name] = _value_to_plain(change.field, value, converter)
        elif isinstance(value, enum.Enum):
            data[field.name] = value.value
        elif isinstance(value, tuple):
            data[field.name] = list(value)
        else:
            data[field.name] = value
    data["key"] = change.key
    data["removed_words"] = list(change.removed_words)
    data["inserted_words"] = list(change.inserted_words)
    data["segments"] = [{"kind": s.kind.value, "text": s.text} for s in change.segments]
    return data


def _value_to_plain(field: Field | None, value: Value, converter: cattrs.Converter) -> object:
    if value is None:
        return None
    if isinstance(value, Term):
        return {
            "duration": value.duration.isoformat() if value.duration is not None else None,
            "trigger": value.trigger,
        }
    if isinstance(value, Valuation):
        return converter.unstructure(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _value_from_plain(field: Field | None, value: object, converter: cattrs.Converter) -> Value:
    kind = field.value_kind if field is not None else ValueKind.TEXT
    if value is None:
        return None
    structured: Value
    if kind is ValueKind.TERM:
        if not isinstance(value, dict) or set(value) - {"duration", "trigger"}:
            msg = "a term is an object with duration and trigger"
            raise ValueError(msg)
        duration = value.get("duration")
        structured = Term(
            converter.structure(duration, Duration) if duration is not None else None,
            converter.structure(value["trigger"], str) if value.get("trigger") else None,
        )
        return structured
    types: Mapping[ValueKind, Any] = {
        ValueKind.TEXT: str,
        ValueKind.TEXTS: tuple[str, ...],
        ValueKind.NUMBERS: tuple[int, ...],
        ValueKind.FLAG: bool,
        ValueKind.VALUATION: Valuation,
    }
    structured = converter.structure(value, types[kind])
    return structured


_CHANGE_KEYS = frozenset(field.name for field in attrs.fields(Change)) | frozenset(_DERIVED)


def _structure_change(value: object, converter: cattrs.Converter) -> Change:
    if not isinstance(value, dict):
        msg = "a change is an object with kind, significance, numbers and values"
        raise TypeError(msg)
    unknown = sorted(set(value) - _CHANGE_KEYS)
    if unknown:
        msg = f"unknown key {unknown[0]!r} in a change"
        raise ValueError(msg)
    data = {k: v for k, v in value.items() if k not in _DERIVED}
    raw_field = data.get("field")
    field = converter.structure(raw_field, Field) if raw_field is not None else None
    plain = {k: v for k, v in data.items() if k not in {"before", "after", "field"}}
    shell = converter.structure(plain, _ChangeShell)
    return Change(
        **attrs.asdict(shell, recurse=False),
        field=field,
        before=_value_from_plain(field, data.get("before"), converter),
        after=_value_from_plain(field, data.get("after"), converter),
    )


@attrs.frozen
class _ChangeShell:
    """A change without its field and values, which need the field to be read."""

    kind: ChangeKind
    significance: Significance
    old_number: str | None = None
    new_number: str | None = None
    old_id: str | None = None
    new_id: str | None = None
    section: str | None = None
    old_section: str | None = None
    old_name: str | None = None
    new_name: str | None = None
    item: int | None = None
    direction: Direction | None = None
    successors: tuple[str, ...] = ()
    old_numbers: tuple[str, ...] = ()
    new_numbers: tuple[str, ...] = ()


@functools.cache
def _converter() -> cattrs.Converter:
    converter = make_converter()
    for record in (Heading, ConcordanceRow, Reason, _ChangeShell):
        register(converter, record)
    converter.register_structure_hook(Change, lambda value, _: _structure_change(value, converter))
    register(converter, _Published)
    return converter
