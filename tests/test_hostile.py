"""Tests of hostile and careless input: nothing silently wrong, an error line, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from selectielijst import DocumentErrors, Status, VersionInfo, import_table, import_vng_api
from selectielijst._cli import main
from selectielijst.io import read_mapping
from selectielijst.snapshots import loads

HEAD = "format: selectielijst/1\nlist: x\ntitle: X\nversion: {label: '1', status: concept}\n"


def problems_of(text: str) -> list[str]:
    """The problems reading *text* reports."""
    with pytest.raises(DocumentErrors) as caught:
        loads(text)
    return [problem.problem for problem in caught.value.problems]


class TestNoSilentWrongValues:
    """What the input says is read as it says it, or refused."""

    @pytest.mark.parametrize("key", ["notes"])
    def test_text_where_a_list_belongs(self, key: str) -> None:
        """One text where a list belongs is an error, never split into characters."""
        found = problems_of(HEAD + f"{key}: abc\n")
        assert any("expected a list of texts, found the text 'abc'" in p for p in found)

    def test_examples_as_text(self) -> None:
        """examples: abc in a category is an error naming the place."""
        text = HEAD + (
            "sections:\n  - id: s\n    title: S\n    categories:\n"
            "      - {id: c, number: '1', name: N, valuation: {keep: []}, examples: abc}\n"
        )
        with pytest.raises(DocumentErrors) as caught:
            loads(text)
        assert caught.value.problems[0].path == "$.sections[0].categories[0].examples"

    def test_chain_of_references(self, tmp_path: Path) -> None:
        """'zie 3' where 3 says 'zie 1' takes the valuation at the end of the chain."""
        (tmp_path / "m.yaml").write_text(
            "id: x\ntitle: X\nversion: {label: '1', status: concept}\n"
            "columns: {number: Nr, name: Naam, valuation: Waardering}\n",
            encoding="utf-8",
        )
        sheet = tmp_path / "s.csv"
        sheet.write_text(
            'Nr,Naam,Waardering\n1,Een,"V, 5 jaar"\n'
            "2,Twee,Zie categorie 3\n3,Drie,Zie categorie 1\n",
            encoding="utf-8",
        )
        imported = import_table(sheet, read_mapping(tmp_path / "m.yaml")).selection_list
        assert str(imported.category("2").valuation) == "V, 5 jaar"

    def test_circle_of_references(self, tmp_path: Path) -> None:
        """A reference to itself, or a circle, is an error naming its rows."""
        (tmp_path / "m.yaml").write_text(
            "id: x\ntitle: X\nversion: {label: '1', status: concept}\n"
            "columns: {number: Nr, name: Naam, valuation: Waardering}\n",
            encoding="utf-8",
        )
        sheet = tmp_path / "s.csv"
        sheet.write_text(
            "Nr,Naam,Waardering\n1,Een,Zie categorie 1\n"
            "2,Twee,Zie categorie 3\n3,Drie,Zie categorie 2\n",
            encoding="utf-8",
        )
        with pytest.raises(DocumentErrors) as caught:
            import_table(sheet, read_mapping(tmp_path / "m.yaml"))
        found = [str(p) for p in caught.value.problems]
        assert any("refers in a circle (1 -> 1; rows 2)" in p for p in found)
        assert any("2 -> 3 -> 2" in p for p in found)

    def test_timestamp_in_a_title(self) -> None:
        """An unquoted date-time is the text as written."""
        assert loads(HEAD.replace("title: X", "title: 2001-12-14t21:59:43.10-05:00")).title == (
            "2001-12-14t21:59:43.10-05:00"
        )


class TestErrorLineNotTraceback:
    """Each of these is one error line and exit 1."""

    @pytest.mark.parametrize(
        "text",
        [
            HEAD + "criteria: [{number: " + "9" * 5000 + ", text: a}]\n",
            HEAD + "notes: " + "[" * 300 + "]" * 300 + "\n",
            HEAD + "x: !!omap [{a: 1}]\n",
            HEAD + "<<: {title: Y}\n",
            HEAD.replace("status: concept", "status: concept, date: 2024-13-45"),
        ],
    )
    def test_validate(self, text: str, tmp_path: Path) -> None:
        """validate reports the problem on one line per problem, with the file."""
        path = tmp_path / "list.yaml"
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["validate", str(path)])
        assert result.exit_code == 1
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.stderr.startswith(f"error: {path}")

    @pytest.mark.parametrize("command", ["show", "validate", "changelog"])
    def test_long_name(self, command: str) -> None:
        """A path part over 255 bytes is an error line, not OSError."""
        result = CliRunner().invoke(main, [command, "a" * 300])
        assert result.exit_code == 1
        assert "longer than 255 bytes" in result.stderr

    def test_long_name_in_diff(self) -> None:
        """diff says so too."""
        result = CliRunner().invoke(main, ["diff", "a" * 300, "voorbeeld@2.1"])
        assert result.exit_code == 1
        assert "longer than 255 bytes" in result.stderr

    @pytest.mark.parametrize(
        "records",
        [
            [{"fields": {}}],
            [{"pk": "x", "fields": {}}],
            [{"pk": True, "fields": {}}],
        ],
    )
    def test_api_fixture_without_a_proper_pk(self, records: object, tmp_path: Path) -> None:
        """A fixture record without a whole-number pk is an error naming the file."""
        path = tmp_path / "fixture.json"
        path.write_text(json.dumps(records), encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_vng_api(path, path, year=2020, version=VersionInfo("1", Status.CONCEPT))
        assert "whole-number 'pk'" in caught.value.problems[0].problem

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ('[{"pk": 1, "fields": {"nummer": NaN}}]', "NaN"),
            ("[" * 100_000 + "]" * 100_000, "depth"),
        ],
    )
    def test_api_fixture_nan_or_deep(self, text: str, says: str, tmp_path: Path) -> None:
        """NaN and JSON nested beyond measure are errors, not crashes."""
        path = tmp_path / "fixture.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_vng_api(path, path, year=2020, version=VersionInfo("1", Status.CONCEPT))
        assert says in caught.value.problems[0].problem
