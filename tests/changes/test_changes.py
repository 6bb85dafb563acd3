"""Tests of the change records: typed values, the published form, the render seam, the errors."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import hypothesis
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selectielijst import (
    ChangeKind,
    SelectionList,
    Term,
    Valuation,
    diff,
    load,
    read_changes,
    render,
)
from selectielijst._cli import main
from selectielijst.changes import VALUE_KINDS, ConcordanceRow, Field, Row, ValueKind
from selectielijst.errors import (
    ChangeSetMismatch,
    DocumentErrors,
    InvalidDocument,
    InvalidRecord,
    UnknownFormat,
    UnknownSection,
)
from selectielijst.io import export_bytes
from selectielijst.rendering import mark_up
from strategies import selection_lists

FORMATS = ("markdown", "rst", "html", "json", "text")


@pytest.fixture(scope="module")
def example() -> tuple[SelectionList, SelectionList]:
    """The example list's versions 1.0 and 2.0."""
    return load("voorbeeld", "1.0"), load("voorbeeld", "2.0")


class TestTypedValues:
    """before and after hold the type their field says; nothing is parsed back."""

    def test_every_value_has_its_fields_type(self, example: tuple[SelectionList, ...]) -> None:
        """Each change's values are of the kind its field holds."""
        expected = {
            ValueKind.TEXT: str,
            ValueKind.TEXTS: tuple,
            ValueKind.NUMBERS: tuple,
            ValueKind.FLAG: bool,
            ValueKind.VALUATION: Valuation,
            ValueKind.TERM: Term,
        }
        seen = set()
        for change in diff(*example):
            for value in (change.before, change.after):
                if value is None or change.field is None:
                    continue
                kind = VALUE_KINDS.get(change.field, ValueKind.TEXT)
                if kind in expected:
                    assert isinstance(value, expected[kind]), change
                seen.add(kind)
        assert {ValueKind.TEXT, ValueKind.VALUATION, ValueKind.TERM} <= seen

    def test_criteria_are_numbers(self, example: tuple[SelectionList, ...]) -> None:
        """A change of criteria holds the numbers, not their text."""
        change = next(c for c in diff(*example) if c.kind is ChangeKind.CRITERIA_CHANGED)
        assert (change.field, change.before, change.after) == (Field.CRITERIA, (3,), (2, 3))

    def test_revaluation_holds_valuations(self, example: tuple[SelectionList, ...]) -> None:
        """V -> B holds the two valuations themselves."""
        change = next(c for c in diff(*example) if c.kind is ChangeKind.REVALUED)
        assert isinstance(change.before, Valuation)
        assert isinstance(change.after, Valuation)

    def test_outline_and_records(self, example: tuple[SelectionList, ...]) -> None:
        """A change set carries the sections and the records its changes name."""
        changes = diff(*example)
        assert [h.id for h in changes.outline][:2] == ["bestuur", "bedrijfsvoering"]
        split = next(c for c in changes if c.kind is ChangeKind.SPLIT)
        parts = [changes.new_numbered(n) for n in split.new_numbers]
        assert all(part is not None for part in parts)
        term = changes.changes[0]
        old = changes.old_category(term)
        assert old is not None
        assert old.number == "1.2"


class TestPublished:
    """A change set published as JSON reads back and renders the same."""

    def test_reads_back_equal(self, example: tuple[SelectionList, ...]) -> None:
        """read_changes(render(cs, 'json')) == cs, and every format renders the same text."""
        changes = diff(*example)
        again = read_changes(render(changes, "json"))
        assert again == changes
        for name in FORMATS:
            assert render(again, name) == render(changes, name), name
            assert render(again, name, lang="en") == render(changes, name, lang="en"), name
        assert mark_up(example[1], again, "html") == mark_up(example[1], changes, "html")

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=30)
    @given(old=selection_lists(), new=selection_lists(), name=st.sampled_from(FORMATS))
    def test_any_change_set_reads_back(
        self, old: SelectionList, new: SelectionList, name: str
    ) -> None:
        """For any two lists, the published change set renders byte for byte the same."""
        changes = diff(old, new)
        again = read_changes(render(changes, "json"))
        assert again == changes
        assert render(again, name) == render(changes, name)

    def test_read_from_a_file(self, example: tuple[SelectionList, ...], tmp_path: Path) -> None:
        """A path reads as well as the text."""
        path = tmp_path / "wijzigingen.json"
        path.write_text(render(diff(*example), "json"), encoding="utf-8")
        assert read_changes(path) == diff(*example)

    def test_damaged_text_is_no_path(self, example: tuple[SelectionList, ...]) -> None:
        """JSON text that lost its opening brace is said to be broken JSON, not taken for a
        file name (which would be too long, or not there)."""
        text = render(diff(*example), "json").split("\n", 1)[1]
        with pytest.raises(DocumentErrors) as refused:
            read_changes(text)
        assert "is not valid JSON" in str(refused.value.problems[0])

    def test_cannot_apply(self, example: tuple[SelectionList, ...]) -> None:
        """What was read back says it cannot be applied, and how to get one that can."""
        again = read_changes(render(diff(*example), "json"))
        with pytest.raises(ChangeSetMismatch, match="compute it again with diff"):
            again.apply(example[0])

    def test_bad_json_is_located(self, example: tuple[SelectionList, ...]) -> None:
        """Broken JSON and a wrong value name their place."""
        with pytest.raises(DocumentErrors) as broken:
            read_changes('{"format": ')
        assert broken.value.problems[0].line == 1
        document = json.loads(render(diff(*example), "json"))
        document["changes"][0]["kind"] = "vernietigd"
        document["format"] = "selectielijst-changes/1"
        with pytest.raises(DocumentErrors) as wrong:
            read_changes(json.dumps(document))
        paths = {problem.path for problem in wrong.value.problems}
        assert {"$.format", "$.changes[0].kind"} <= paths

    def test_render_command(self, tmp_path: Path) -> None:
        """selectielijst render CHANGES.json --format F gives what diff --format F gives."""
        runner = CliRunner()
        published = tmp_path / "wijzigingen.json"
        runner.invoke(
            main,
            ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", "json", "-o", str(published)],
        )
        for name in ("md", "rst", "html", "text"):
            rendered = runner.invoke(main, ["render", str(published), "--format", name])
            direct = runner.invoke(
                main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", name]
            )
            assert rendered.exit_code == 0, rendered.output
            assert rendered.stdout == direct.stdout
        broken = tmp_path / "kapot.json"
        broken.write_text("[1, 2", encoding="utf-8")
        result = runner.invoke(main, ["render", str(broken)])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {broken}:1")


class TestErrors:
    """Every error at the public edge is a SelectielijstError of the right kind."""

    def test_unknown_formats(self, example: tuple[SelectionList, ...]) -> None:
        """An unknown format or language is UnknownFormat, also a ValueError."""
        changes = diff(*example)
        with pytest.raises(UnknownFormat, match="unknown format 'pdf'"):
            render(changes, "pdf")
        with pytest.raises(UnknownFormat, match="unknown language 'fr'"):
            render(changes, "markdown", lang="fr")
        with pytest.raises(UnknownFormat, match="markdown or html, not rst"):
            mark_up(example[1], changes, "rst")
        with pytest.raises(UnknownFormat, match="unknown export format 'odt'"):
            export_bytes(example[1], "odt")
        assert issubclass(UnknownFormat, ValueError)

    def test_unknown_section(self, example: tuple[SelectionList, ...]) -> None:
        """A missing section is UnknownSection, not UnknownCategory."""
        with pytest.raises(UnknownSection, match="sections: bestuur"):
            example[1].section("archief")

    def test_errors_pickle(self) -> None:
        """Errors cross process boundaries with their attributes."""
        problem = InvalidDocument("the name is empty", file="lijst.yaml", line=7, path="$.name")
        again = pickle.loads(pickle.dumps(problem))  # noqa: S301  # our own bytes
        assert (again.file, again.line, again.path, again.problem) == (
            "lijst.yaml", 7, "$.name", "the name is empty",
        )  # fmt: skip
        group = pickle.loads(pickle.dumps(DocumentErrors("x.yaml is not valid", [problem])))  # noqa: S301  # our own bytes
        assert group.problems[0].line == 7
        record = pickle.loads(pickle.dumps(InvalidRecord("name", "must not be empty")))  # noqa: S301  # our own bytes
        assert (record.field, str(record)) == ("name", "must not be empty")


class TestLightImport:
    """import selectielijst loads no heavy library until it is used."""

    def test_no_heavy_modules(self) -> None:
        """rapidfuzz, deepdiff and openpyxl load on first use, not on import."""
        code = (
            "import sys, selectielijst;"
            "print(sorted(m for m in ('rapidfuzz', 'deepdiff', 'openpyxl') if m in sys.modules))"
        )
        result = subprocess.run(  # noqa: S603  # our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "[]"


_EXAMPLE_CHANGES = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))

_NUMBERS = st.one_of(  # numbers that sort alike, letters, a dot at the end
    st.sampled_from(
        ["1", "01", "1.1", "1.01", "2", "2.10", "2.9", "2.9a", "10", "A.1", "a.1", "1.", "1\n2"]
    ),
    st.from_regex(r"[0-9]{1,3}(\.[0-9a-z]{1,2}){0,2}", fullmatch=True),
)
_DOTTED_NUMBERS = st.one_of(  # digits and dots alone, as most lists number: sorted on integers
    st.sampled_from(["1", "01", "1.1", "1.01", "2.10", "2.9", "10", "\u0661.\u0662", "1.\u0662"]),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{1,3}){0,3}", fullmatch=True),
)


def _rows(numbers: st.SearchStrategy[str]) -> st.SearchStrategy[list[Row]]:
    return st.lists(
        st.tuples(
            st.none() | numbers,
            st.lists(numbers, max_size=3).map(tuple),
            st.lists(st.sampled_from(list(ChangeKind)), max_size=2).map(tuple),
        ),
        max_size=40,
    )


_ROWS = _rows(_NUMBERS) | _rows(_DOTTED_NUMBERS)


@given(rows=_ROWS)
@hypothesis.example(rows=[("1\n2", ("1",), (ChangeKind.MOVED,)), ("1", (), (ChangeKind.MOVED,))])
def test_the_concordance_is_in_the_order_of_its_rows_sort_key(
    rows: list[tuple[str | None, tuple[str, ...], tuple[ChangeKind, ...]]],
) -> None:
    """Sorted by old number alone where that decides, the rows still follow the whole key.

    Drawn with numbers that sort alike ("01" and "1"), the same number twice
    and new categories (no old number), where the rest of the key decides.
    """
    changes = attrs.evolve(_EXAMPLE_CHANGES, concordance=rows)
    expected = tuple(sorted((ConcordanceRow(*row) for row in rows), key=ConcordanceRow.sort_key))
    assert changes.concordance == expected
    assert changes.changed_rows() == tuple(row for row in expected if row.kinds)
    plain = [(row.old_number, row.new_numbers, row.kinds) for row in expected if row.kinds]
    assert list(changes.plain_changed_rows()) == plain
