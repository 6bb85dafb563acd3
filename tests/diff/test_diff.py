"""Tests of the semantic diff."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selectielijst import (
    Category,
    Change,
    ChangeKind,
    ChangeSet,
    Duration,
    Section,
    SelectionList,
    Term,
    diff,
    load,
)
from selectielijst.changes import Direction, Field, Significance
from selectielijst.errors import ChangeSetMismatch
from strategies import renumbered, respaced, selection_lists


@pytest.fixture(scope="module")
def example() -> tuple[SelectionList, SelectionList]:
    """The example list's versions 1.0 and 2.0, written to exercise every change kind."""
    return load("voorbeeld", "1.0"), load("voorbeeld", "2.0")


def only(changes: ChangeSet, kind: ChangeKind, number: str | None = None) -> Change:
    """The one change of *kind* (at *number*) in *changes*."""
    found = [c for c in changes if c.kind is kind and (number is None or c.number == number)]
    assert len(found) == 1, found
    return found[0]


class TestExample:
    """The fictional example list, whose versions differ in every way there is."""

    def test_every_kind_but_reinstated(self, example: tuple[SelectionList, SelectionList]) -> None:
        """1.0 -> 2.0 shows every change kind of the design."""
        kinds = {change.kind for change in diff(*example)}
        assert kinds == set(ChangeKind) - {ChangeKind.REINSTATED}

    def test_shorter_term_is_major(self, example: tuple[SelectionList, SelectionList]) -> None:
        """10 -> 7 years is a shorter term: earlier destruction, major, first."""
        changes = diff(*example)
        first = changes.changes[0]
        assert (first.kind, first.new_number, first.before, first.after) == (
            ChangeKind.TERM_CHANGED,
            "1.2",
            Term(Duration(years=10)),
            Term(Duration(years=7)),
        )
        assert first.field is Field.TERM
        assert first.direction is Direction.SHORTER
        assert first.significance is Significance.MAJOR

    def test_directions(self, example: tuple[SelectionList, SelectionList]) -> None:
        """V -> B is to_retain, B -> V to_destroy; months against weeks incomparable."""
        changes = diff(*example)
        assert only(changes, ChangeKind.REVALUED, "1.4").direction is Direction.TO_RETAIN
        assert only(changes, ChangeKind.REVALUED, "2.4").direction is Direction.TO_DESTROY
        assert only(changes, ChangeKind.TERM_CHANGED, "2.8").direction is Direction.INCOMPARABLE
        assert only(changes, ChangeKind.TERM_CHANGED, "3.1").direction is Direction.LONGER

    def test_split_and_merge(self, example: tuple[SelectionList, SelectionList]) -> None:
        """Personeelsdossiers split in two; inkoop and aanbesteding merged."""
        changes = diff(*example)
        split = only(changes, ChangeKind.SPLIT)
        assert (split.old_number, split.new_numbers) == ("2.1", ("2.1", "2.2"))
        merged = only(changes, ChangeKind.MERGED)
        assert (merged.old_numbers, merged.new_number) == (("2.2", "2.3"), "2.3")

    def test_split_and_merge_carry_all_numbers(
        self, example: tuple[SelectionList, SelectionList]
    ) -> None:
        """A split names its old number among old_numbers, a merge its new one among new_numbers."""
        changes = diff(*example)
        split = only(changes, ChangeKind.SPLIT)
        assert (split.old_numbers, split.new_numbers) == (("2.1",), ("2.1", "2.2"))
        merged = only(changes, ChangeKind.MERGED)
        assert (merged.old_numbers, merged.new_numbers) == (("2.2", "2.3"), ("2.3",))

    def test_withdrawn_with_successor(self, example: tuple[SelectionList, SelectionList]) -> None:
        """A withdrawn entry that names where it went keeps that successor."""
        withdrawn = only(diff(*example), ChangeKind.WITHDRAWN, "3.4")
        assert withdrawn.successors == ("4.1",)

    def test_word_level_text_change(self, example: tuple[SelectionList, SelectionList]) -> None:
        """A reworded explanation says which words went and which came."""
        changed = next(
            c for c in diff(*example) if c.field is Field.EXPLANATION and c.number == "3.2"
        )
        assert changed.removed_words == ("tegels,", "kapotte lantaarnpalen.")
        assert changed.inserted_words == ("stoeptegels,", "defecte straatverlichting.")

    def test_typography_is_trivial(self, example: tuple[SelectionList, SelectionList]) -> None:
        """Quote style and double spaces only: trivial, last."""
        changes = diff(*example)
        trivial = [c for c in changes if c.significance is Significance.TRIVIAL]
        assert [(c.number, c.field) for c in trivial] == [("3.3", Field.EXPLANATION)]
        assert changes.changes[-1] == trivial[0]

    def test_filters(self, example: tuple[SelectionList, SelectionList]) -> None:
        """Select by kind, significance and section (subsections included)."""
        changes = diff(*example)
        assert {c.kind for c in changes.select(significance=Significance.MAJOR)} <= {
            ChangeKind.ADDED,
            ChangeKind.WITHDRAWN,
            ChangeKind.SPLIT,
            ChangeKind.MERGED,
            ChangeKind.REVALUED,
            ChangeKind.TERM_CHANGED,
        }
        in_section = changes.select(section="bestuur")
        assert {c.number for c in in_section} == {"1", "1.2", "1.3", "1.4"}
        moved = changes.select(
            kind=[ChangeKind.MOVED, ChangeKind.RENUMBERED], section="dienstverlening"
        )
        assert [c.new_number for c in moved] == ["3.5", "3.6"]

    def test_concordance(self, example: tuple[SelectionList, SelectionList]) -> None:
        """Every old number appears once, with where its records go and what happened to it."""
        concordance = diff(*example).concordance
        rows = {(r.old_number, r.new_numbers): r.kinds for r in concordance}
        assert rows[("2.5", ("2.7",))] == (ChangeKind.RENUMBERED,)
        assert rows[("1.1", ("1.1",))] == ()
        assert rows[("2.7", ())] == (ChangeKind.WITHDRAWN,)
        assert rows[(None, ("2.9",))] == (ChangeKind.ADDED,)
        assert rows[("2.1", ("2.1", "2.2"))] == (ChangeKind.SPLIT,)
        assert rows[("3.4", ("4.1",))] == (ChangeKind.WITHDRAWN,)  # to its successor
        olds = [r.old_number for r in concordance if r.old_number is not None]
        assert len(olds) == len(set(olds))

    def test_apply_refuses_another_version(
        self, example: tuple[SelectionList, SelectionList]
    ) -> None:
        """Applying a change set to the wrong version is an error that says so."""
        with pytest.raises(ChangeSetMismatch, match=r"voorbeeld@1\.0"):
            diff(*example).apply(example[1])

    def test_mivd_against_itself(self) -> None:
        """The MIVD page compared with itself: nothing."""
        mivd = load("mivd", "0.16")
        assert not diff(mivd, mivd)


class TestLaws:
    """Properties that hold for any two versions."""

    @given(selection_lists())
    def test_diff_with_itself_is_empty(self, a: SelectionList) -> None:
        """diff(a, a) has no changes."""
        assert len(diff(a, a)) == 0

    @given(selection_lists(), selection_lists())
    def test_apply_gives_new(self, a: SelectionList, b: SelectionList) -> None:
        """Applying diff(a, b) to a gives b."""
        assert diff(a, b).apply(a) == b

    @given(selection_lists(), selection_lists())
    def test_inverted_is_diff_back(self, a: SelectionList, b: SelectionList) -> None:
        """Inverting diff(a, b) gives diff(b, a), order included (both sort the same way)."""
        assert diff(a, b).inverted() == diff(b, a)

    @given(selection_lists(), selection_lists())
    def test_deterministic(self, a: SelectionList, b: SelectionList) -> None:
        """The same two versions always give the same changes in the same order."""
        assert diff(a, b) == diff(a, b)

    @given(selection_lists())
    def test_renumbering_only(self, a: SelectionList) -> None:
        """New numbers on unchanged content give only renumbered changes."""
        b = renumbered(a)
        changes = diff(a, b)
        assert {c.kind for c in changes} <= {ChangeKind.RENUMBERED}
        assert len(changes) == sum(1 for _ in a.categories())

    @given(selection_lists())
    def test_whitespace_only_is_trivial(self, a: SelectionList) -> None:
        """Whitespace added to every text gives only trivial changes."""
        changes = diff(a, respaced(a))
        assert all(c.significance is Significance.TRIVIAL for c in changes), [
            c for c in changes if c.significance is not Significance.TRIVIAL
        ]

    @given(selection_lists(), st.data())
    def test_moving_gives_one_moved(self, a: SelectionList, data: st.DataObject) -> None:
        """A category moved to another section is one moved change."""
        sections = list(a.walk())
        assume(len(sections) >= 2 and any(s.categories for s in sections))
        source = data.draw(st.sampled_from([s for s in sections if s.categories]))
        target = data.draw(st.sampled_from([s for s in sections if s.id != source.id]))
        category = data.draw(st.sampled_from(source.categories))
        b = _move(a, category, source.id, target.id)
        (change,) = diff(a, b)
        assert change.kind is ChangeKind.MOVED
        assert (change.old_section, change.section) == (source.id, target.id)


def _move(
    selection_list: SelectionList, category: Category, source: str, target: str
) -> SelectionList:
    def visit(section: Section) -> Section:
        categories = section.categories
        if section.id == source:
            categories = tuple(c for c in categories if c.id != category.id)
        if section.id == target:
            categories = (*categories, category)
        return attrs.evolve(
            section, categories=categories, sections=tuple(map(visit, section.sections))
        )

    return attrs.evolve(selection_list, sections=tuple(map(visit, selection_list.sections)))
