"""The exact structural difference between two versions, for apply and invert.

The human-facing :class:`~selectielijst.Change` records say what changed; the
delta records how to rebuild one version from the other: the records that
differ, keyed by stable id, and the order of sections and categories.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence

import attrs

from selectielijst._changes import Heading
from selectielijst._i18n import say
from selectielijst._model import Category, Section, SelectionList
from selectielijst.errors import ChangeSetMismatch

__all__ = ["Delta", "Slot"]


@attrs.frozen
class Slot:
    """A section's place: its parent, its heading, and the ids of its categories in order."""

    id: str
    parent: str | None
    number: str | None
    title: str
    depth: int
    categories: tuple[str, ...]


def layout(selection_list: SelectionList) -> tuple[Slot, ...]:
    """Every section of the list in document order, with its parent and categories."""
    return tuple(_slots(selection_list.sections, None, 0))


_ID = operator.attrgetter("id")


def _slots(sections: tuple[Section, ...], parent: str | None, depth: int) -> Iterator[Slot]:
    for section in sections:
        categories = tuple(map(_ID, section.categories))
        yield Slot(section.id, parent, section.number, section.title, depth, categories)
        yield from _slots(section.sections, section.id, depth + 1)


def shell(section: Section) -> Section:
    """The section without its categories and subsections."""
    return attrs.evolve(section, categories=(), sections=())


@attrs.frozen
class Delta:
    """What differs between two versions, by stable id, with both layouts."""

    old_shell: SelectionList
    new_shell: SelectionList
    old_layout: tuple[Slot, ...]
    new_layout: tuple[Slot, ...]
    old_sections: tuple[Section, ...]
    new_sections: tuple[Section, ...]
    old_categories: tuple[Category, ...]
    new_categories: tuple[Category, ...]

    @classmethod
    def between(
        cls,
        old: SelectionList,
        new: SelectionList,
        *,
        changed: tuple[Sequence[Category], Sequence[Category]],
    ) -> Delta:
        """The delta that turns *old* into *new*.

        *changed* is the categories of each version that the other lacks or
        holds otherwise under the same id, each in its version's document
        order (which makes the delta of (b, a) exactly the inverse of the
        delta of (a, b)).
        """
        old_shells = {s.id: shell(s) for s in old.walk()}
        new_shells = {s.id: shell(s) for s in new.walk()}
        old_changed, new_changed = changed
        return cls(
            old_shell=attrs.evolve(old, sections=()),
            new_shell=attrs.evolve(new, sections=()),
            old_layout=layout(old),
            new_layout=layout(new),
            old_sections=tuple(s for i, s in old_shells.items() if new_shells.get(i) != s),
            new_sections=tuple(s for i, s in new_shells.items() if old_shells.get(i) != s),
            old_categories=tuple(old_changed),
            new_categories=tuple(new_changed),
        )

    def inverted(self) -> Delta:
        """The delta that turns the new version back into the old."""
        return Delta(
            old_shell=self.new_shell,
            new_shell=self.old_shell,
            old_layout=self.new_layout,
            new_layout=self.old_layout,
            old_sections=self.new_sections,
            new_sections=self.old_sections,
            old_categories=self.new_categories,
            new_categories=self.old_categories,
        )

    def outline(self) -> tuple[Heading, ...]:
        """The new version's sections in order, then those only the old version had."""
        present = {slot.id for slot in self.new_layout}
        slots = self.new_layout + tuple(s for s in self.old_layout if s.id not in present)
        return tuple(Heading(s.id, s.number, s.title, s.parent, s.depth) for s in slots)

    def apply(self, old: SelectionList) -> SelectionList:
        """Rebuild the new version from *old*."""
        shells = {s.id: shell(s) for s in old.walk()}
        records = {c.id: c for _, c in old.categories()}
        self._check(old, shells, records)
        for section in self.old_sections:
            del shells[section.id]
        shells.update((s.id, s) for s in self.new_sections)
        for category in self.old_categories:
            del records[category.id]
        records.update((c.id, c) for c in self.new_categories)
        children: dict[str | None, list[str]] = {}
        for slot in self.new_layout:
            children.setdefault(slot.parent, []).append(slot.id)
        slots = {slot.id: slot for slot in self.new_layout}

        def build(section_id: str) -> Section:
            return attrs.evolve(
                shells[section_id],
                categories=tuple(records[i] for i in slots[section_id].categories),
                sections=tuple(build(child) for child in children.get(section_id, ())),
            )

        roots = tuple(build(section_id) for section_id in children.get(None, ()))
        return attrs.evolve(self.new_shell, sections=roots)

    def _check(
        self, old: SelectionList, shells: dict[str, Section], records: dict[str, Category]
    ) -> None:
        label = self.old_shell.version.label
        problem = None
        if attrs.evolve(old, sections=()) != self.old_shell:
            problem = say("other-shell", "its title, version or criteria differ")
        elif layout(old) != self.old_layout:
            problem = say("other-order", "its sections or categories stand in another order")
        elif any(shells.get(s.id) != s for s in self.old_sections):
            problem = say("other-section-text", "a section's text differs")
        elif any(records.get(c.id) != c for c in self.old_categories):
            problem = say("other-category", "a category differs")
        if problem is not None:
            msg = say(
                "change-set-mismatch",
                "this change set starts from {start}, and the list it was applied to"
                " ({applied}) is not that version: {problem}",
                start=f"{self.old_shell.id}@{label}",
                applied=f"{old.id}@{old.version.label}",
                problem=problem,
            )
            raise ChangeSetMismatch(msg)
