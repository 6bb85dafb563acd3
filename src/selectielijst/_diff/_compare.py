"""Turning matched categories and sections into change records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypedDict

import attrs

from selectielijst._changes import Change, ChangeKind, Direction, Field, Significance
from selectielijst._diff._match import Placed
from selectielijst._model import (
    Category,
    Comparison,
    Duration,
    ProcessKind,
    Section,
    Term,
    Valuation,
    ValuationKind,
    is_trivial,
)

__all__ = ["added", "merged", "pair", "removed", "sections", "split"]

_DIRECTION = {
    Comparison.EQUAL: Direction.EQUAL,
    Comparison.LONGER: Direction.LONGER,
    Comparison.SHORTER: Direction.SHORTER,
    Comparison.INCOMPARABLE: Direction.INCOMPARABLE,
}
_TEXT_FIELDS = (Field.RESULT, Field.NAME, Field.DESCRIPTION, Field.EXPLANATION, Field.ORIGIN)
_LIST_FIELDS = (Field.EXAMPLES, Field.SUCCESSORS, Field.TASKS)


def _wording(before: str | None, after: str | None) -> Significance:
    if before is None or after is None:
        return Significance.MINOR
    return Significance.TRIVIAL if is_trivial(before, after) else Significance.MINOR


def added(new: Placed) -> Change:
    """A category that is new in this version."""
    category = new.category
    return Change(
        ChangeKind.ADDED,
        Significance.MAJOR,
        new_number=category.number,
        new_id=category.id,
        section=new.section,
        new_name=category.label,
        field=Field.VALUATION,
        after=category.valuation,
    )


def removed(old: Placed) -> Change:
    """A category that is gone from this version, without a word of where."""
    category = old.category
    return Change(
        ChangeKind.WITHDRAWN,
        Significance.MAJOR,
        old_number=category.number,
        old_id=category.id,
        section=old.section,
        old_name=category.label,
        field=Field.VALUATION,
        before=category.valuation,
    )


def split(old: Placed, news: tuple[Placed, ...]) -> Change:
    """One category divided over several."""
    return Change(
        ChangeKind.SPLIT,
        Significance.MAJOR,
        old_number=old.category.number,
        old_id=old.category.id,
        section=news[0].section,
        old_section=old.section,
        old_name=old.category.label,
        old_numbers=(old.category.number,),
        new_numbers=tuple(n.category.number for n in news),
    )


def merged(olds: tuple[Placed, ...], new: Placed) -> Change:
    """Several categories joined into one."""
    return Change(
        ChangeKind.MERGED,
        Significance.MAJOR,
        new_number=new.category.number,
        new_id=new.category.id,
        section=new.section,
        old_section=olds[0].section,
        new_name=new.category.label,
        old_numbers=tuple(o.category.number for o in olds),
        new_numbers=(new.category.number,),
    )


class _Where(TypedDict):
    """What every change to one matched category says about where it is."""

    old_number: str
    new_number: str
    old_id: str
    new_id: str
    section: str
    old_section: str
    old_name: str
    new_name: str


def pair(old: Placed, new: Placed) -> Iterator[Change]:
    """Every change between two matched versions of one category."""
    before, after = old.category, new.category
    if old.section == new.section and (before is after or before == after):
        return
    where = _Where(
        old_number=before.number,
        new_number=after.number,
        old_id=before.id,
        new_id=after.id,
        section=new.section,
        old_section=old.section,
        old_name=before.label,
        new_name=after.label,
    )
    if before.withdrawn != after.withdrawn:
        withdrawn = after if after.withdrawn else before
        kind = ChangeKind.WITHDRAWN if after.withdrawn else ChangeKind.REINSTATED
        yield Change(kind, Significance.MAJOR, successors=withdrawn.successors, **where)
        return
    if old.section != new.section:
        yield Change(ChangeKind.MOVED, Significance.MINOR, **where)
    elif before.number != after.number:
        yield Change(ChangeKind.RENUMBERED, Significance.MINOR, **where)
    if before.valuation != after.valuation:
        yield from _valuation_changes(before.valuation, after.valuation, where)
    yield from _text_changes(before, after, where)


def _text_changes(before: Category, after: Category, where: _Where) -> Iterator[Change]:
    for field in _TEXT_FIELDS:
        old_text, new_text = getattr(before, field.value), getattr(after, field.value)
        if old_text != new_text:
            significance = _wording(old_text, new_text)
            if field is Field.ORIGIN and significance is not Significance.TRIVIAL:
                significance = Significance.MAJOR  # the ground the valuation rests on
            yield Change(
                ChangeKind.TEXT_CHANGED,
                significance,
                field=field,
                before=old_text,
                after=new_text,
                **where,
            )
    for field in _LIST_FIELDS:
        old_items, new_items = getattr(before, field.value), getattr(after, field.value)
        if old_items != new_items:
            same_count = len(old_items) == len(new_items)
            trivial = same_count and all(map(is_trivial, old_items, new_items))
            yield Change(
                ChangeKind.TEXT_CHANGED,
                Significance.TRIVIAL if trivial else Significance.MINOR,
                field=field,
                before=old_items,
                after=new_items,
                **where,
            )


def _valuation_changes(
    before: Valuation | None, after: Valuation | None, where: _Where
) -> Iterator[Change]:
    revalued = ChangeKind.REVALUED
    if before is None or after is None or before.kind != after.kind:
        direction = None
        if before is not None and after is not None:
            gained = after.kind is ValuationKind.KEEP
            direction = Direction.TO_RETAIN if gained else Direction.TO_DESTROY
        yield Change(
            revalued,
            Significance.MAJOR,
            field=Field.VALUATION,
            before=before,
            after=after,
            direction=direction,
            **where,
        )
        return
    if before.kind is ValuationKind.KEEP:
        yield from _criteria(before.criteria, after.criteria, where)
        if before.exception != after.exception:
            gained = before.exception is None
            lost = after.exception is None
            direction = Direction.TO_DESTROY if gained else Direction.TO_RETAIN if lost else None
            yield Change(
                revalued,
                Significance.MAJOR,
                field=Field.VALUATION,
                before=before,
                after=after,
                direction=direction,
                **where,
            )
        return
    yield from _term(before.term, after.term, where)
    if len(before.keep_parts) != len(after.keep_parts):
        gained = len(after.keep_parts) > len(before.keep_parts)
        yield Change(
            revalued,
            Significance.MAJOR,
            field=Field.KEEP_PARTS,
            before=before,
            after=after,
            direction=Direction.TO_RETAIN if gained else Direction.TO_DESTROY,
            **where,
        )
        return
    for index, (old_part, new_part) in enumerate(
        zip(before.keep_parts, after.keep_parts, strict=True)
    ):
        yield from _criteria(old_part.criteria, new_part.criteria, where, item=index)
        if old_part.description != new_part.description:
            yield Change(
                ChangeKind.TEXT_CHANGED,
                _wording(old_part.description, new_part.description),
                field=Field.KEEP_PART_DESCRIPTION,
                item=index,
                before=old_part.description,
                after=new_part.description,
                **where,
            )


def _criteria(
    before: tuple[int, ...], after: tuple[int, ...], where: _Where, item: int | None = None
) -> Iterator[Change]:
    if before != after:
        yield Change(
            ChangeKind.CRITERIA_CHANGED,
            Significance.MINOR,
            field=Field.CRITERIA if item is None else Field.KEEP_PART_CRITERIA,
            item=item,
            before=before,
            after=after,
            **where,
        )


def _term(before: Term | None, after: Term | None, where: _Where) -> Iterator[Change]:
    """One change for a term, whether its length, its start or both changed.

    A fixed process term counts in the length: five years of process term
    and ten of retention are destroyed on the same day as fifteen of
    retention. A process term that names nothing new of the start (nihil,
    merged, or none given: the term runs from the end each time) is a minor
    change of wording.
    """
    if before == after:
        return
    old_duration, old_start = _length_and_start(before)
    new_duration, new_start = _length_and_start(after)
    comparison = Comparison.INCOMPARABLE
    if old_duration is not None and new_duration is not None:
        comparison = new_duration.compare(old_duration)
    old_trigger = before.trigger if before else None
    new_trigger = after.trigger if after else None
    same_start = old_start == new_start and (
        old_trigger == new_trigger or _wording(old_trigger, new_trigger) is Significance.TRIVIAL
    )
    same_length = old_duration == new_duration or comparison is Comparison.EQUAL
    if not same_length and comparison is not Comparison.INCOMPARABLE:
        direction = _DIRECTION[comparison]  # the length decides, as the list reads
    elif same_length and same_start:
        direction = Direction.EQUAL  # only the notation differs
    else:
        direction = Direction.INCOMPARABLE
    significance = Significance.MAJOR
    if same_length and same_start:
        processes_differ = (before.process if before else None) != (
            after.process if after else None
        )
        significance = Significance.MINOR if processes_differ else Significance.TRIVIAL
    yield Change(
        ChangeKind.TERM_CHANGED,
        significance,
        field=Field.TERM,
        before=before,
        after=after,
        direction=direction,
        **where,
    )


def _length_and_start(term: Term | None) -> tuple[Duration | None, object]:
    """How long after the end of the process a term runs out, and what else it waits for.

    The length is the fixed process term and the retention term together;
    the start is ``None`` for the end of the process (nihil, merged, none
    given), or the named kind of process term whose date the record gives.
    """
    if term is None:
        return None, None
    process = term.process
    if process is None or process.kind in _FROM_THE_END:
        return term.duration, None
    if process.duration is None:
        return term.duration, process.kind
    if term.duration is None:
        return None, None
    return process.duration + term.duration, None


_FROM_THE_END = frozenset({ProcessKind.NIHIL, ProcessKind.MERGED})


Placement = dict[str, tuple[Section, str | None]]
"""Section id -> the section and the id of its parent (``None`` at the top)."""


def sections(old: Placement, new: Placement) -> Iterator[Change]:
    """Changes to sections, matched by stable id: added, removed, moved, reworded."""
    for section_id, (section, parent) in new.items():
        if section_id not in old:
            yield Change(
                ChangeKind.SECTION_ADDED,
                Significance.MINOR,
                new_number=section.number,
                new_id=section_id,
                section=section_id,
                new_name=section.title,
                field=Field.TEXT,
                after=section.text,
            )
            continue
        before, old_parent = old[section_id]
        here = Change(
            ChangeKind.SECTION_TEXT_CHANGED,
            Significance.MINOR,
            old_number=before.number,
            new_number=section.number,
            old_id=section_id,
            new_id=section_id,
            section=section_id,
            old_name=before.title,
            new_name=section.title,
        )
        if old_parent != parent:
            yield attrs.evolve(
                here, kind=ChangeKind.MOVED, field=Field.PARENT, before=old_parent, after=parent
            )
        yield from _section_fields(before, section, here)
    for section_id, (section, _) in old.items():
        if section_id not in new:
            yield Change(
                ChangeKind.SECTION_REMOVED,
                Significance.MINOR,
                old_number=section.number,
                old_id=section_id,
                section=section_id,
                old_name=section.title,
                field=Field.TEXT,
                before=section.text,
            )


def _section_fields(before: Section, after: Section, here: Change) -> Iterator[Change]:
    for field, old_value, new_value in (
        (Field.NUMBER, before.number, after.number),
        (Field.TITLE, before.title, after.title),
        (Field.TEXT, before.text, after.text),
        (Field.NOTES, before.notes, after.notes),
    ):
        if old_value != new_value:
            significance = (
                _wording(_joined(old_value), _joined(new_value))
                if field is not Field.NUMBER
                else Significance.MINOR
            )
            yield attrs.evolve(
                here, significance=significance, field=field, before=old_value, after=new_value
            )
    if before.incomplete != after.incomplete:
        yield attrs.evolve(
            here, field=Field.INCOMPLETE, before=before.incomplete, after=after.incomplete
        )


def _joined(value: str | tuple[str, ...] | None) -> str | None:
    """Text or paragraphs as one text, ``None`` for none."""
    if isinstance(value, tuple):
        return "\n\n".join(value) or None
    return value
