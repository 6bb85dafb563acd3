"""The change set: every change between two versions, with all a change log needs to say it.

A :class:`~selectielijst.ChangeSet` is the result of :func:`selectielijst.diff`.
It describes itself: besides its :class:`~selectielijst.Change` records it
carries the section outline of both versions, the concordance, and the old and
new record of every category a change names, so that a change log can be
written from it alone, also after it was published as JSON and read back with
:func:`~selectielijst.read_changes`.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from selectielijst._changes._records import (
    Change,
    ConcordanceRow,
    Heading,
    Reason,
    Row,
    Structure,
    row_sort_key,
)
from selectielijst._changes._vocabulary import KIND_ORDER, ChangeKind, Significance
from selectielijst._i18n import say
from selectielijst._model import Category, SelectionList, VersionInfo, number_key
from selectielijst.errors import ChangeSetMismatch

__all__ = ["ChangeSet"]


E = TypeVar("E", bound=enum.Enum)


def _sorted_changes(changes: Iterable[Change]) -> tuple[Change, ...]:
    return tuple(sorted(changes, key=Change.sort_key))


def _rows(rows: Iterable[ConcordanceRow | Row]) -> tuple[Row, ...]:
    return tuple(
        (row.old_number, row.new_numbers, row.kinds) if isinstance(row, ConcordanceRow) else row
        for row in rows
    )


def _in_order(rows: Sequence[Row]) -> tuple[Row, ...]:
    """*rows* in the order of :func:`row_sort_key`, sorted in half its time.

    A list's old numbers are its own, each once: the old number alone orders
    the rows that have one, and the whole key only new categories (last) and
    rows whose old numbers sort alike ("01" and "1"). The rows stay the
    tuples they are: a record each would cost more than the sort.

    >>> rows = [("2", ("2",), ()), (None, ("1",), ()), ("10", (), ()), ("1", ("3", "1"), ())]
    >>> [old for old, _, _ in _in_order(rows)]
    ['1', '2', '10', None]
    """
    olds = [old for old, _, _ in rows if old is not None]
    numbered = [row for row in rows if row[0] is not None]
    keys = _number_keys(olds)
    order = sorted(range(len(numbered)), key=keys.__getitem__)
    if any(keys[one] == keys[other] for one, other in itertools.pairwise(order)):
        order.sort(key=lambda index: row_sort_key(numbered[index]))
    in_order = list(map(numbered.__getitem__, order))
    in_order += sorted((row for row in rows if row[0] is None), key=row_sort_key)
    return tuple(in_order)


_DOTTED = re.compile(r"(?:\d+(?:\.\d+)*\n)*")
"""Numbers of digits and dots alone, one a line: the numbers of most lists."""


def _number_keys(numbers: list[str]) -> list[tuple[Any, ...]]:
    """Keys that order *numbers* as :func:`number_key` does, made at once.

    Whether all are numbers of digits and dots alone, as in most lists, is
    asked of all at once; their parts as integers then compare as their
    keys do, and take half the time to make and to sort. Where any number is
    of another kind, each is given its key by :func:`number_key`.

    >>> _number_keys(["2.10", "2.9"]), _number_keys(["2.10", "2.9a"])[0]
    ([(2, 10), (2, 9)], ((0, 2), (0, 10)))
    """
    lines = "\n".join(numbers) + "\n"
    if lines.count("\n") == len(numbers) and _DOTTED.fullmatch(lines):  # no line break in one
        return [tuple(map(int, number.split("."))) for number in numbers]
    return list(map(number_key, numbers))


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


@attrs.define
class _Memo:
    """What a change set works out once, when first asked."""

    concordance: tuple[ConcordanceRow, ...] | None = None
    plain_changed_rows: tuple[Row, ...] | None = None
    changed_rows: tuple[ConcordanceRow, ...] | None = None
    new_numbers: frozenset[str] | None = None
    reasons: dict[str, str] | None = None
    old_by_id: dict[str, Category] | None = None
    new_by_id: dict[str, Category] | None = None
    old_by_number: dict[str, Category] | None = None
    new_by_number: dict[str, Category] | None = None


def _by_number(categories: tuple[Category, ...]) -> dict[str, Category]:
    """The categories by number; of two with one number, the first, as a scan would find."""
    return {category.number: category for category in reversed(categories)}  # the first last


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
        organisation: The body that issues the list (the new version's), if it names one.
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
    organisation: str | None = None
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
            self._memo.concordance = tuple(itertools.starmap(ConcordanceRow, _in_order(self._rows)))
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
            rows = itertools.starmap(ConcordanceRow, self.plain_changed_rows())
            self._memo.changed_rows = tuple(rows)
        return self._memo.changed_rows

    def plain_changed_rows(self) -> tuple[Row, ...]:
        """:meth:`changed_rows` as plain data: (old number, new numbers, kinds) tuples.

        For code that reads the rows and keeps none, such as a change log: it
        lays out thousands of rows, and a record for each costs more than
        the rest of their sorting.

        >>> from selectielijst import diff, load
        >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
        >>> [ConcordanceRow(*row) for row in changes.plain_changed_rows()] == list(
        ...     changes.changed_rows()
        ... )
        True
        """
        if self._memo.plain_changed_rows is None:
            changed = [row for row in self._rows if row[2]]
            self._memo.plain_changed_rows = _in_order(changed)
        return self._memo.plain_changed_rows

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
            numbers = itertools.chain.from_iterable(row[1] for row in self._rows)
            self._memo.new_numbers = frozenset(numbers)
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
        """The new record of a changed category, by its new number (indexed once)."""
        if self._memo.new_by_number is None:
            self._memo.new_by_number = _by_number(self.new_categories)
        return self._memo.new_by_number.get(number)

    def old_numbered(self, number: str) -> Category | None:
        """The old record of a changed category, by its old number (indexed once)."""
        if self._memo.old_by_number is None:
            self._memo.old_by_number = _by_number(self.old_categories)
        return self._memo.old_by_number.get(number)

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
            organisation=delta.new_shell.organisation,
            delta=delta,
        )

    def _structure(self) -> Structure:
        if self._delta is None:
            msg = say(
                "published-change-set",
                "this change set was read from its published form, which holds the changes but"
                " not both versions' structure; compute it again with diff() to apply it",
            )
            raise ChangeSetMismatch(msg)
        return self._delta


def _as_set(value: E | Iterable[E] | None, enum_type: type[E]) -> frozenset[E] | None:
    if value is None:
        return None
    if isinstance(value, enum_type):
        return frozenset({value})
    return frozenset(value)  # type: ignore[arg-type]  # an iterable of members
