"""Carrying the identity of categories from a list's earlier version into a new one.

A spreadsheet kept by a records manager has numbers and no ids, and numbers
shift between versions. On import, each category of the new version is matched
to the earlier version by content, with the diff's own matcher (the number only
breaks ties), and takes the id of the category it matches. Categories that are
new, split off or merged get new ids. What the importer took each category to
be is given as a :class:`Review`, for a person to check before publishing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from selectielijst._diff import Matching, correspond
from selectielijst._i18n import Language, Message, say
from selectielijst._model import Category, IdSource, Section, SelectionList, slug

__all__ = ["Linked", "Review", "link"]


@attrs.frozen
class Review:
    """What an import took each category of the new version to be.

    Attributes:
        relinked: (old number, new number) of categories linked under another number.
        similar: (old number, new number) of categories linked by similar, not
            identical, content: the links most worth checking.
        split: An old number and the new numbers it was split into.
        merged: Old numbers and the new number they were merged into.
        added: New numbers that match nothing in the earlier version.
        withdrawn: Numbers the new version marks withdrawn (vervallen), as
            ``old → new`` where the number changed too.
        dropped: Old numbers the new version no longer has at all.
    """

    relinked: tuple[tuple[str, str], ...] = ()
    similar: tuple[tuple[str, str], ...] = ()
    split: tuple[tuple[str, tuple[str, ...]], ...] = ()
    merged: tuple[tuple[tuple[str, ...], str], ...] = ()
    added: tuple[str, ...] = ()
    withdrawn: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()

    def lines(self, language: Language = Language.EN) -> tuple[str, ...]:
        """The review as short lines, one per kind of link, for a person to check.

        >>> Review(relinked=(("1.2", "1.3"),), added=("1.2",)).lines()
        ('linked under another number: 1.2 → 1.3', 'new: 1.2')
        >>> Review(added=("1.2",)).lines(Language.NL)
        ('nieuw: 1.2',)
        """
        return tuple(said.say(language) for said in self._lines())

    def _lines(self) -> Iterator[Message]:
        def pairs(found: Iterable[tuple[str, str]]) -> str:
            return ", ".join(f"{old} → {new}" for old, new in found)

        if self.relinked:
            yield say(
                "review-relinked",
                "linked under another number: {pairs}",
                pairs=pairs(self.relinked),
            )
        if self.similar:
            yield say(
                "review-similar",
                "linked by similar content (check these): {pairs}",
                pairs=pairs(self.similar),
            )
        for old, news in self.split:
            yield say("review-split", "split: {old} → {new}", old=old, new=", ".join(news))
        for olds, new in self.merged:
            yield say("review-merged", "merged: {old} → {new}", old=", ".join(olds), new=new)
        if self.added:
            yield say("review-added", "new: {numbers}", numbers=", ".join(self.added))
        if self.withdrawn:
            yield say("review-withdrawn", "withdrawn: {numbers}", numbers=", ".join(self.withdrawn))
        if self.dropped:
            yield say(
                "review-dropped",
                "not in the new version (withdrawn): {numbers}",
                numbers=", ".join(self.dropped),
            )


@attrs.frozen
class Linked:
    """A newly imported version with the ids of its earlier version, and the review."""

    selection_list: SelectionList
    review: Review


def link(previous: SelectionList, imported: SelectionList, *, taken: Iterable[str] = ()) -> Linked:
    """*imported* with each category's id carried over from *previous* where they match.

    Only ids made from numbers are replaced; declared ids are kept as they are.
    New ids never reuse one in *previous* or in *taken* (the ids of every
    earlier version), so an id never comes to mean another category.

    >>> from selectielijst import load
    >>> old = load("voorbeeld", "1.0")
    >>> renumbered = attrs.evolve(old, ids=IdSource.NUMBERS)
    >>> link(old, renumbered).review.lines()
    ()
    """
    matching = correspond(previous, imported)
    review = _review(matching)
    if imported.ids is not IdSource.NUMBERS:
        return Linked(imported, review)
    inherited = {n.category.id: o.category.id for o, n in matching.placed_pairs()}
    used = {c.id for _, c in previous.categories()} | set(taken)
    label = slug(imported.version.label)
    fresh: dict[str, str] = {}
    for _, category in imported.categories():
        if category.id not in inherited:
            fresh[category.id] = _fresh_id(category, label, used)
            used.add(fresh[category.id])

    def renamed(category: Category) -> Category:
        new_id = inherited.get(category.id) or fresh[category.id]
        return category if new_id == category.id else attrs.evolve(category, id=new_id)

    sections = tuple(_renamed_sections(imported.sections, renamed))
    return Linked(attrs.evolve(imported, ids=IdSource.LINKED, sections=sections), review)


def _fresh_id(category: Category, label: str, used: set[str]) -> str:
    base = slug(category.number)
    candidates = [base, f"{base[:80]}-v{label[:16]}".strip("-.")]
    candidates += [f"{candidates[1]}-{n}" for n in range(2, len(used) + 3)]
    return next(c for c in candidates if c not in used)


def _renamed_sections(
    sections: Iterable[Section], renamed: Callable[[Category], Category]
) -> Iterator[Section]:
    for section in sections:
        yield attrs.evolve(
            section,
            categories=tuple(map(renamed, section.categories)),
            sections=tuple(_renamed_sections(section.sections, renamed)),
        )


def _review(matching: Matching) -> Review:
    relinked, similar, withdrawn = [], [], []
    for o, n in matching.placed_pairs():
        before, after = o.category, n.category
        if after.withdrawn and not before.withdrawn:
            moved = f"{before.number} → " if before.number != after.number else ""
            withdrawn.append(f"{moved}{after.number}")
            continue
        if before.number != after.number:
            relinked.append((before.number, after.number))
        if (before.name, before.description) != (after.name, after.description):
            similar.append((before.number, after.number))
    return Review(
        relinked=tuple(relinked),
        similar=tuple(similar),
        split=tuple(
            (o.category.number, tuple(n.category.number for n in news))
            for o, news in matching.splits
        ),
        merged=tuple(
            (tuple(o.category.number for o in olds), n.category.number)
            for olds, n in matching.merges
        ),
        added=tuple(n.category.number for n in matching.added),
        withdrawn=tuple(withdrawn),
        dropped=tuple(o.category.number for o in matching.removed),
    )
