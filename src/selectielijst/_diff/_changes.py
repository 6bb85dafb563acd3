"""The change records a diff produces, and the change set that holds them."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import attrs

from selectielijst._diff._delta import Delta
from selectielijst._diff._text import Segment, SegmentKind, word_segments
from selectielijst._model import SelectionList, VersionInfo

__all__ = ["Change", "ChangeKind", "ChangeSet", "ConcordanceRow", "Direction", "Significance"]


class ChangeKind(enum.Enum):
    """What kind of change, in the vocabulary of legal-document amendments."""

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


class Significance(enum.Enum):
    """How much a change matters to an archivist, most first."""

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
_INVERSE_KIND = {
    ChangeKind.ADDED: ChangeKind.WITHDRAWN,
    ChangeKind.WITHDRAWN: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
    ChangeKind.SECTION_ADDED: ChangeKind.SECTION_REMOVED,
    ChangeKind.SECTION_REMOVED: ChangeKind.SECTION_ADDED,
}
KIND_ORDER = {kind: index for index, kind in enumerate(ChangeKind)}
_NUMBER_PART = re.compile(r"\d+|[^\d.]+")
E = TypeVar("E", bound=enum.Enum)


@functools.lru_cache(maxsize=1 << 16)
def number_key(number: str | None) -> tuple[tuple[int, int | str], ...]:
    """Sort key for display numbers: "2.10" after "2.9"; no number first.

    Runs of digits compare as numbers, other runs as text; dots only separate.

    >>> sorted(["2.10", "2.9", "10", "1.1", "2.9a"], key=number_key)
    ['1.1', '2.9', '2.9a', '2.10', '10']
    """
    if number is None:
        return ()
    parts = number.split(".")
    if all(part.isdigit() for part in parts):
        return tuple((0, int(part)) for part in parts)
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _NUMBER_PART.findall(number)
    )


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
        field: Which field changed (``explanation``, ``duration``,
            ``version.status``...), where that is not clear from the kind.
        before: The old value as text (an ISO 8601 duration for a term).
        after: The new value as text.
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
    field: str | None = None
    before: str | None = None
    after: str | None = None
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
    def segments(self) -> tuple[Segment, ...]:
        """For a text change, the words kept, removed and inserted, in order."""
        if self.before is None or self.after is None or not _is_wording(self):
            return ()
        return word_segments(self.before, self.after)

    @property
    def removed_words(self) -> tuple[str, ...]:
        """For a text change, the stretches of words removed."""
        return tuple(s.text for s in self.segments if s.kind is SegmentKind.DELETE)

    @property
    def inserted_words(self) -> tuple[str, ...]:
        """For a text change, the stretches of words inserted."""
        return tuple(s.text for s in self.segments if s.kind is SegmentKind.INSERT)

    def inverted(self) -> Change:
        """The same change seen from the new version towards the old."""
        kind = self.kind
        if kind is ChangeKind.WITHDRAWN and self.new_id is not None:
            kind = ChangeKind.REINSTATED
        elif kind is ChangeKind.REINSTATED:
            kind = ChangeKind.WITHDRAWN
        else:
            kind = _INVERSE_KIND.get(kind, kind)
        section, old_section = self.section, self.old_section
        if old_section is not None:
            section, old_section = old_section, section
        return attrs.evolve(
            self,
            kind=kind,
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
            self.field or "",
            self.old_id or "",
            self.new_id or "",
        )


def _is_wording(change: Change) -> bool:
    return change.kind in {
        ChangeKind.TEXT_CHANGED,
        ChangeKind.SECTION_TEXT_CHANGED,
        ChangeKind.METADATA_CHANGED,
    } or (change.kind is ChangeKind.TERM_CHANGED and change.field == "trigger")


Row = tuple[str | None, str | None, tuple[ChangeKind, ...]]
"""A concordance row as plain data: old number, new number, kinds of change."""


@attrs.frozen
class ConcordanceRow:
    """One line of a concordance table: an old number, the new one, and what happened.

    Attributes:
        old_number: The number in the old version (``None`` for a new category).
        new_number: The number in the new version (``None`` for one that is gone).
        kinds: The kinds of change to this category; empty when it is unchanged.
    """

    old_number: str | None
    new_number: str | None
    kinds: tuple[ChangeKind, ...] = ()

    def inverted(self) -> ConcordanceRow:
        """The row seen from the new version."""
        kinds = []
        for kind in self.kinds:
            if kind is ChangeKind.WITHDRAWN and self.new_number is not None:
                kinds.append(ChangeKind.REINSTATED)
            elif kind is ChangeKind.REINSTATED:
                kinds.append(ChangeKind.WITHDRAWN)
            else:
                kinds.append(_INVERSE_KIND.get(kind, kind))
        ordered = tuple(sorted(set(kinds), key=KIND_ORDER.__getitem__))
        return ConcordanceRow(self.new_number, self.old_number, ordered)

    def as_row(self) -> Row:
        """The row as plain data."""
        return (self.old_number, self.new_number, self.kinds)

    def sort_key(self) -> tuple[object, ...]:
        """Old number first, then new, new categories last: as the official appendices."""
        return (
            self.old_number is None,
            number_key(self.old_number),
            number_key(self.new_number),
            tuple(KIND_ORDER[kind] for kind in self.kinds),
        )


@attrs.frozen
class ChangeSet:
    """Every change from one version of a list to another, most important first.

    Iterating yields :class:`Change` records ordered by significance, then
    display number. ``apply`` and ``inverted`` use an exact record of the two
    versions' structure kept beside the changes.

    >>> from selectielijst import diff, load
    >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
    >>> changes.apply(load("voorbeeld", "1.0")) == load("voorbeeld", "2.0")
    True
    >>> changes.inverted() == diff(load("voorbeeld", "2.0"), load("voorbeeld", "1.0"))
    True
    """

    old_version: VersionInfo
    new_version: VersionInfo
    changes: tuple[Change, ...]
    rows: tuple[Row, ...] = attrs.field(repr=False, eq=frozenset)
    """The concordance as plain rows, in no particular order; see :attr:`concordance`."""
    delta: Delta = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "changes", tuple(sorted(self.changes, key=Change.sort_key)))

    @property
    def concordance(self) -> tuple[ConcordanceRow, ...]:
        """Every category's old and new number and what happened to it, as in the appendices.

        Sorted by old number, with new categories last.
        """
        return tuple(
            sorted((ConcordanceRow(*row) for row in self.rows), key=ConcordanceRow.sort_key)
        )

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    @property
    def list_id(self) -> str:
        """The id of the list in the new version."""
        return self.delta.new_shell.id

    @property
    def title(self) -> str:
        """The title of the list in the new version."""
        return self.delta.new_shell.title

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

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
        sections = self.delta.descendants(section) if section is not None else None
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
            ChangeSetMismatch: *old* is not the version this change set starts from.
        """
        return self.delta.apply(old)

    def inverted(self) -> ChangeSet:
        """The change set from the new version back to the old."""
        return ChangeSet(
            old_version=self.new_version,
            new_version=self.old_version,
            changes=tuple(change.inverted() for change in self.changes),
            rows=tuple(row.inverted().as_row() for row in self.concordance),
            delta=self.delta.inverted(),
        )


def _as_set(value: E | Iterable[E] | None, enum_type: type[E]) -> frozenset[E] | None:
    if value is None:
        return None
    if isinstance(value, enum_type):
        return frozenset({value})
    return frozenset(value)  # type: ignore[arg-type]  # an iterable of members
