"""Computing a diff: match the categories, compare the pairs, order the changes."""

from __future__ import annotations

from selectielijst._changes import KIND_ORDER, Change, ChangeKind, ChangeSet, Row
from selectielijst._diff._compare import Placement, added, merged, pair, removed, sections, split
from selectielijst._diff._delta import Delta
from selectielijst._diff._facts import metadata_changes
from selectielijst._diff._match import Matching, Side, ids_trusted, match
from selectielijst._model import Category, Section, SelectionList, quiet_collector

__all__ = ["correspond", "diff"]


def diff(old: SelectionList, new: SelectionList) -> ChangeSet:
    """Every change from *old* to *new*, most important first.

    >>> from selectielijst import load
    >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
    >>> first = changes.changes[0]
    >>> first.kind.value, first.new_number, str(first.before), str(first.after)
    ('term_changed', '1.2', '10 jaar', '7 jaar')
    >>> first.direction.value
    'shorter'
    >>> len(diff(load("mivd", "0.16"), load("mivd", "0.16")))
    0
    """
    with quiet_collector():
        return _diff(old, new)


def correspond(old: SelectionList, new: SelectionList) -> Matching:
    """How the categories of *old* and *new* correspond, as the diff pairs them."""
    return match(Side.of(old), Side.of(new), by_id=ids_trusted(old, new))


def _diff(old: SelectionList, new: SelectionList) -> ChangeSet:
    old_side, new_side = Side.of(old), Side.of(new)
    matching = match(old_side, new_side, by_id=ids_trusted(old, new))
    old_categories, new_categories = old_side.categories, new_side.categories
    same_old = bytearray(len(old_categories))  # 1 where a category is unchanged under its id
    same_new = bytearray(len(new_categories))
    named_old = bytearray(len(old_categories))  # 1 where a change names the category
    named_new = bytearray(len(new_categories))
    changes: list[Change] = [*metadata_changes(old, new)]
    changes.extend(sections(_placement(old), _placement(new)))
    rows: list[Row] = []
    old_sections, new_sections = old_side.sections, new_side.sections
    for i, j in matching.pairs:
        before, after = old_categories[i], new_categories[j]
        if before.id == after.id and (before is after or before == after):
            same_old[i] = same_new[j] = 1
            if old_sections[i] == new_sections[j]:
                rows.append((before.number, (after.number,), ()))
                continue
        found = tuple(pair(old_side.placed(i), new_side.placed(j)))
        changes.extend(found)
        if found:
            named_old[i] = named_new[j] = 1
        kinds = tuple(sorted({c.kind for c in found}, key=KIND_ORDER.__getitem__))
        goes_to = after.successors if ChangeKind.WITHDRAWN in kinds else (after.number,)
        rows.append((before.number, goes_to, kinds))
    for o, news in matching.splits:
        changes.append(split(o, news))
        named_old[o.position] = 1
        for n in news:
            named_new[n.position] = 1
        parts = tuple(n.category.number for n in news)
        rows.append((o.category.number, parts, (ChangeKind.SPLIT,)))
    for olds, n in matching.merges:
        changes.append(merged(olds, n))
        named_new[n.position] = 1
        for o in olds:
            named_old[o.position] = 1
            rows.append((o.category.number, (n.category.number,), (ChangeKind.MERGED,)))
    for o in matching.removed:
        changes.append(removed(o))
        named_old[o.position] = 1
        rows.append((o.category.number, (), (ChangeKind.WITHDRAWN,)))
    for n in matching.added:
        changes.append(added(n))
        named_new[n.position] = 1
        rows.append((None, (n.category.number,), (ChangeKind.ADDED,)))
    delta = Delta.between(
        old,
        new,
        changed=(_marked(old_categories, same_old, 0), _marked(new_categories, same_new, 0)),
    )
    return ChangeSet(
        list_id=new.id,
        title=new.title,
        old_version=old.version,
        new_version=new.version,
        changes=tuple(changes),
        outline=delta.outline(),
        concordance=tuple(rows),
        old_categories=tuple(_marked(old_categories, named_old, 1)),
        new_categories=tuple(_marked(new_categories, named_new, 1)),
        organisation=new.organisation,
        delta=delta,
    )


def _marked(categories: list[Category], marks: bytearray, mark: int) -> list[Category]:
    """The categories whose mark is *mark*, in document order."""
    return [c for c, m in zip(categories, marks, strict=True) if m == mark]


def _placement(selection_list: SelectionList) -> Placement:
    found: Placement = {}

    def visit(section: Section, parent: str | None) -> None:
        found[section.id] = (section, parent)
        for subsection in section.sections:
            visit(subsection, section.id)

    for section in selection_list.sections:
        visit(section, None)
    return found
