"""Change records: one change, a row of the concordance, a heading, a reason; and the structure.

Each change's ``before`` and ``after`` hold typed values, never text to parse
back: which type follows from its :class:`~selectielijst.changes.Field` (see
:data:`~selectielijst.changes.VALUE_KINDS`).
"""

from __future__ import annotations

from typing import Protocol

import attrs

from selectielijst._changes._vocabulary import (
    KIND_ORDER,
    ChangeKind,
    Direction,
    Field,
    Significance,
    Value,
    value_text,
)
from selectielijst._model import Segment, SegmentKind, SelectionList, number_key, word_segments

__all__ = ["Change", "ConcordanceRow", "Heading", "Reason", "Row", "Structure", "row_sort_key"]


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
        old_numbers: For a split or a merge, every old number: the one split,
            or each one merged.
        new_numbers: For a split or a merge, every new number: each part a
            category was split into, or the one they were merged into.
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
        return row_sort_key((self.old_number, self.new_numbers, self.kinds))


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


Row = tuple[str | None, tuple[str, ...], tuple[ChangeKind, ...]]
"""A concordance row as plain data (old number, new numbers, kinds of change)."""


def row_sort_key(row: Row) -> tuple[object, ...]:
    """The order of :meth:`ConcordanceRow.sort_key`, for a row as plain data."""
    old_number, new_numbers, kinds = row
    return (
        old_number is None,
        number_key(old_number),
        tuple(map(number_key, new_numbers)),
        tuple(map(KIND_ORDER.__getitem__, kinds)),
    )


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
