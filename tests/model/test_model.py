"""Tests of the records' own rules."""

from __future__ import annotations

import pytest

from selectielijst import (
    Category,
    Duration,
    Section,
    SelectielijstError,
    Status,
    Term,
    Valuation,
    load,
)
from selectielijst.errors import InvalidRecord
from selectielijst.model import CategoryStatus, KeepPart, ValuationKind


class TestValuation:
    """B and V valuations."""

    def test_keep_has_no_term(self) -> None:
        """A B valuation with a term is refused."""
        with pytest.raises(InvalidRecord, match="no term"):
            Valuation(ValuationKind.KEEP, term=Term(Duration(years=1)))

    def test_destroy_criteria_go_on_kept_parts(self) -> None:
        """A V valuation names criteria only on its kept parts."""
        with pytest.raises(InvalidRecord, match="kept parts"):
            Valuation(ValuationKind.DESTROY, criteria=(1,))

    def test_all_criteria_include_kept_parts(self) -> None:
        """The criteria of kept parts count, each once."""
        valuation = Valuation.destroy(
            Term(Duration(years=10)), KeepPart("eindproduct", (1, 2)), KeepPart("besluit", (2,))
        )
        assert valuation.all_criteria() == (1, 2)
        assert str(valuation) == "V, 10 jaar; B (1, 2) eindproduct; B (2) besluit"


class TestCategory:
    """The valued unit."""

    def test_active_needs_valuation(self) -> None:
        """An active category without valuation is refused."""
        with pytest.raises(InvalidRecord, match="needs a valuation") as caught:
            Category("a", "1", "Iets")
        assert caught.value.field == "valuation"

    def test_withdrawn_may_name_successors(self) -> None:
        """A withdrawn category keeps the numbers it went to."""
        category = Category("a", "1", "Iets", status=CategoryStatus.WITHDRAWN, successors=("2.1",))
        assert category.withdrawn
        assert category.criteria == ()

    @pytest.mark.parametrize("bad", ["A", "-a", "a b", "a/b", "", "a" * 101])
    def test_ids_are_checked(self, bad: str) -> None:
        """An id that is not a lower-case slug is refused, as a SelectielijstError."""
        with pytest.raises(SelectielijstError, match="usable id"):
            Category(bad, "1", "Iets", Valuation.keep())


class TestSection:
    """Sections and their text."""

    @pytest.mark.parametrize("bad", [("",), ("een\ntwee",), ("  ",)])
    def test_paragraphs_are_single_lines(self, bad: tuple[str, ...]) -> None:
        """Each paragraph is one non-empty line."""
        with pytest.raises(InvalidRecord, match="paragraph"):
            Section("a", "A", text=bad)

    def test_walk_is_depth_first(self) -> None:
        """Sections come in document order, subsections after their parent."""
        tree = Section(
            "a", "A", sections=(Section("b", "B", sections=(Section("c", "C"),)), Section("d", "D"))
        )
        assert [s.id for s in tree.walk()] == ["a", "b", "c", "d"]


class TestStatus:
    """The procedure's statuses."""

    def test_only_concept_is_unpublished(self) -> None:
        """Every status but concept was made public."""
        assert [s for s in Status if not s.published] == [Status.CONCEPT]


class TestMivd:
    """The shipped MIVD 0.16 snapshot holds the seed page faithfully."""

    def test_version_facts(self) -> None:
        """Version 0.16, ter inzage, March 2015, page 110 of 167, incomplete."""
        mivd = load("mivd", "0.16")
        assert mivd.version.status is Status.TER_INZAGE
        assert mivd.version.date == "2015-03"
        assert mivd.version.coverage == "pagina 110 van 167"
        assert mivd.version.incomplete

    def test_general_criteria(self) -> None:
        """The six general criteria of central government are the list's criteria."""
        assert [c.number for c in load("mivd", "0.16").criteria] == [1, 2, 3, 4, 5, 6]

    def test_sections_and_text(self) -> None:
        """Internationaal with two paragraphs, then Bilaterale samenwerking, cut off."""
        (internationaal,) = load("mivd", "0.16").sections
        assert internationaal.title == "Internationaal"
        assert len(internationaal.text) == 2
        assert "‘bundeling van krachte n’" in internationaal.text[1]
        (bilateraal,) = internationaal.sections
        assert bilateraal.title == "Bilaterale samenwerking"
        assert bilateraal.incomplete
        assert bilateraal.text[-1].endswith("Daarnaast is de")
