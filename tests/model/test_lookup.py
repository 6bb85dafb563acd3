"""Tests of looking up categories and following them across versions."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from selectielijst import ChangeKind, Duration, SelectionList, load, search, trace
from selectielijst._cli import main
from selectielijst.errors import UnknownCategory, UnknownSection


@pytest.fixture(scope="module")
def voorbeeld() -> SelectionList:
    """The example list's latest version."""
    return load("voorbeeld", "2.1")


class TestLookup:
    """Finding categories in one version."""

    def test_by_number_and_id(self, voorbeeld: SelectionList) -> None:
        """A number and a stable id find the same category, each by its own method."""
        assert voorbeeld.category("2.7") == voorbeeld.category_by_id("post")

    def test_number_is_never_an_id(self) -> None:
        """Where one category's id is another's number, lookup by number finds the number."""
        lijst = load("voorbeeld", "2.1")
        first, second = (c for _, c in lijst.categories() if c.number in {"1.1", "1.2"})
        clash = attrs.evolve(first, id="1.2")
        sections = (attrs.evolve(lijst.sections[0], categories=(clash, second)),)
        clashing = attrs.evolve(lijst, sections=sections)
        assert clashing.category("1.2") == second
        assert clashing.category_by_id("1.2") == clash
        with pytest.raises(UnknownCategory, match="no category with id 'post'"):
            clashing.category_by_id("post")

    def test_unknown_names_nearest(self, voorbeeld: SelectionList) -> None:
        """An unknown number is an error that names the nearest ones."""
        with pytest.raises(UnknownCategory, match=r"no category numbered '2\.10'; nearest: 2\.1"):
            voorbeeld.category("2.10")

    def test_section_categories(self, voorbeeld: SelectionList) -> None:
        """All categories of a section, in order."""
        numbers = [c.number for c in voorbeeld.section_categories("bestuur")]
        assert numbers == ["1.1", "1.2", "1.3", "1.4"]

    def test_unknown_section(self, voorbeeld: SelectionList) -> None:
        """An unknown section lists the sections there are."""
        with pytest.raises(UnknownSection, match="sections: bestuur"):
            voorbeeld.section("archief")

    def test_filters(self, voorbeeld: SelectionList) -> None:
        """All B, and all V with a term surely under two years."""
        assert [c.number for c in voorbeeld.kept()] == ["1.1", "1.3", "1.4", "4.1"]
        short = voorbeeld.destroyed(shorter_than=Duration(years=2))
        assert [c.number for c in short] == ["2.7", "2.8", "3.2"]
        assert len(voorbeeld.destroyed()) == 13  # 18 categories: 4 B, 1 withdrawn

    def test_search_ranks(self, voorbeeld: SelectionList) -> None:
        """A misspelt, differently ordered query still finds the right categories first."""
        hits = search(voorbeeld, "personeelsdosiers stagiair")
        assert hits[0].category.number == "2.2"

    def test_search_explanations(self, voorbeeld: SelectionList) -> None:
        """Explanations are searched too."""
        assert search(voorbeeld, "straatverlichting")[0].category.number == "3.2"

    def test_search_nothing(self, voorbeeld: SelectionList) -> None:
        """No match, and an empty query, give nothing."""
        assert search(voorbeeld, "ruimtevaart kernfusie") == ()
        assert search(voorbeeld, "  ") == ()


class TestTrace:
    """Following a category from 1.0 to 2.1."""

    @pytest.mark.parametrize(
        ("number", "expected", "kind"),
        [
            ("1.1", ("1.1",), None),
            ("2.5", ("2.7",), ChangeKind.RENUMBERED),
            ("2.8", ("3.5",), ChangeKind.MOVED),
            ("2.1", ("2.1", "2.2"), ChangeKind.SPLIT),
            ("2.2", ("2.3",), ChangeKind.MERGED),
            ("3.4", ("4.1",), ChangeKind.WITHDRAWN),
            ("2.7", (), ChangeKind.WITHDRAWN),
        ],
    )
    def test_where_it_went(
        self, number: str, expected: tuple[str, ...], kind: ChangeKind | None
    ) -> None:
        """Renumbered, moved, split, merged, withdrawn with and without successor."""
        found = trace(load("voorbeeld", "1.0"), load("voorbeeld", "2.1"), number)
        assert found.new_numbers == expected
        assert (kind in found.kinds) if kind else found.kinds == ()

    def test_unknown(self) -> None:
        """A number the old version lacks is an error."""
        with pytest.raises(UnknownCategory):
            trace(load("voorbeeld", "1.0"), load("voorbeeld", "2.1"), "9.9")


class TestCli:
    """find, retention and trace from the command line."""

    def test_find(self) -> None:
        """A ranked list, one category a line."""
        result = CliRunner().invoke(main, ["find", "voorbeeld@2.1", "vergunning"])
        assert result.exit_code == 0
        assert [line.split()[1] for line in result.stdout.splitlines()] == ["3.1", "3.5", "3.6"]

    def test_find_nothing(self) -> None:
        """No match: a message and exit 1."""
        result = CliRunner().invoke(main, ["find", "voorbeeld@2.1", "ruimtevaart"])
        assert result.exit_code == 1
        assert "matches 'ruimtevaart'" in result.stderr

    def test_retention(self) -> None:
        """The first day of destruction."""
        result = CliRunner().invoke(
            main, ["retention", "voorbeeld@2.1", "1.2", "--start", "2024-01-31", "--lang", "nl"]
        )
        assert result.exit_code == 0
        assert result.stdout.endswith("vernietigen vanaf 31 januari 2031\n")

    def test_retention_needs_event(self) -> None:
        """What is missing, exit 1."""
        result = CliRunner().invoke(
            main, ["retention", "voorbeeld@2.1", "2.1", "--start", "2024-01-31"]
        )
        assert result.exit_code == 1
        assert "na uitdiensttreding" in result.stdout

    def test_retention_bad_date(self) -> None:
        """A date in another form is wrong usage, exit 2."""
        result = CliRunner().invoke(
            main, ["retention", "voorbeeld@2.1", "1.2", "--start", "31-01-2024"]
        )
        assert result.exit_code == 2

    def test_retention_unknown_category(self) -> None:
        """An unknown number names the nearest, exit 1."""
        result = CliRunner().invoke(
            main, ["retention", "voorbeeld@2.1", "7.7", "--start", "2024-01-31"]
        )
        assert result.exit_code == 1
        assert "has no category numbered '7.7'" in result.stderr

    def test_trace(self) -> None:
        """Old number to new, with what happened."""
        result = CliRunner().invoke(
            main, ["trace", "voorbeeld@1.0", "2.1", "--to", "voorbeeld@2.1", "--lang", "nl"]
        )
        assert result.exit_code == 0
        assert result.stdout == "2.1 → 2.1, 2.2\t(gesplitst)\n"
        english = CliRunner().invoke(
            main, ["trace", "voorbeeld@1.0", "2.1", "--to", "voorbeeld@2.1", "--lang", "en"]
        )
        assert english.stdout == "2.1 → 2.1, 2.2\t(split)\n"

    def test_trace_by_path(self, root: Path) -> None:
        """Snapshot folders work where LIST@VERSION does."""
        old = str(root / "versions" / "voorbeeld" / "1.0")
        result = CliRunner().invoke(
            main, ["trace", old, "2.5", "--to", "voorbeeld@2.1", "--lang", "nl"]
        )
        assert result.stdout == "2.5 → 2.7\t(vernummerd)\n"


class TestSearchInsideWords:
    """Words inside longer words are found."""

    def test_inside(self) -> None:
        """'lantaarn' finds the explanation that speaks of lantaarnpalen."""
        hits = search(load("voorbeeld", "1.0"), "lantaarn")
        assert [hit.category.number for hit in hits] == ["3.2"]
