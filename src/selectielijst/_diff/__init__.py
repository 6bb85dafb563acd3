"""The semantic diff: match two versions' categories, compare them, classify the changes."""

from __future__ import annotations

from selectielijst._diff._changes import (
    Change,
    ChangeKind,
    ChangeSet,
    ConcordanceRow,
    Direction,
    Significance,
)
from selectielijst._diff._compare import Placement, added, merged, pair, removed, sections, split
from selectielijst._diff._deep import metadata_changes
from selectielijst._diff._delta import Delta
from selectielijst._diff._match import Placed, match
from selectielijst._diff._text import Segment, SegmentKind
from selectielijst._model import Section, SelectionList

__all__ = [
    "Change",
    "ChangeKind",
    "ChangeSet",
    "ConcordanceRow",
    "Direction",
    "Segment",
    "SegmentKind",
    "Significance",
    "diff",
]


def diff(old: SelectionList, new: SelectionList) -> ChangeSet:
    """Every change from *old* to *new*, most important first.

    >>> from selectielijst import load
    >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
    >>> first = changes.changes[0]
    >>> first.kind.value, first.new_number, first.before, first.after, first.direction.value
    ('term_changed', '1.2', 'P10Y', 'P7Y', 'shorter')
    >>> len(diff(load("mivd", "0.16"), load("mivd", "0.16")))
    0
    """
    matching = match(_placed(old), _placed(new))
    changes: list[Change] = [*metadata_changes(old, new)]
    changes.extend(sections(_placement(old), _placement(new)))
    concordance: list[ConcordanceRow] = []
    for old_category, new_category in matching.pairs:
        found = tuple(pair(old_category, new_category))
        changes.extend(found)
        kinds = tuple(sorted({c.kind for c in found}, key=list(ChangeKind).index))
        concordance.append(
            ConcordanceRow(old_category.category.number, new_category.category.number, kinds)
        )
    for o, news in matching.splits:
        changes.append(split(o, news))
        concordance.extend(
            ConcordanceRow(o.category.number, n.category.number, (ChangeKind.SPLIT,)) for n in news
        )
    for olds, n in matching.merges:
        changes.append(merged(olds, n))
        concordance.extend(
            ConcordanceRow(o.category.number, n.category.number, (ChangeKind.MERGED,)) for o in olds
        )
    for o in matching.removed:
        changes.append(removed(o))
        concordance.append(ConcordanceRow(o.category.number, None, (ChangeKind.WITHDRAWN,)))
    for n in matching.added:
        changes.append(added(n))
        concordance.append(ConcordanceRow(None, n.category.number, (ChangeKind.ADDED,)))
    return ChangeSet(
        old_version=old.version,
        new_version=new.version,
        changes=tuple(changes),
        concordance=tuple(concordance),
        delta=Delta.between(old, new),
    )


def _placed(selection_list: SelectionList) -> list[Placed]:
    return [
        Placed(section.id, category, index)
        for index, (section, category) in enumerate(selection_list.categories())
    ]


def _placement(selection_list: SelectionList) -> Placement:
    found: Placement = {}

    def visit(section: Section, parent: str | None) -> None:
        found[section.id] = (section, parent)
        for subsection in section.sections:
            visit(subsection, section.id)

    for section in selection_list.sections:
        visit(section, None)
    return found
