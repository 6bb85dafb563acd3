"""Fuzzing: damaged snapshots and command lines give a clear error, never a crash."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selectielijst import DocumentErrors, SelectionList, import_table, read_export
from selectielijst._cli import main
from selectielijst._yaml import dump
from selectielijst.io import export_bytes, read_mapping
from selectielijst.snapshots import dumps, loads, make_converter
from strategies import selection_lists

FIXTURES = Path(__file__).parent / "fixtures"
CASES: Counter[str] = Counter()
"""How many damaged inputs each fuzz test fed in; printed at the end of the run."""

_any_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _damage_text(text: str, data: st.DataObject) -> str:
    lines = text.splitlines(keepends=True)
    how = data.draw(st.sampled_from(["drop", "duplicate", "truncate", "unicode", "huge", "indent"]))
    where = data.draw(st.integers(0, max(len(lines) - 1, 0)))
    if how == "drop" and lines:
        del lines[where]
    elif how == "duplicate" and lines:
        lines.insert(where, lines[where])
    elif how == "truncate":
        return text[: data.draw(st.integers(0, len(text)))]
    elif how == "unicode":
        position = data.draw(st.integers(0, len(text)))
        noise = data.draw(st.text(min_size=1, max_size=5))
        return text[:position] + noise + text[position:]
    elif how == "huge" and lines:
        lines[where] = lines[where].rstrip("\n") + " 9" * 50 + "\n"
    elif lines:
        lines[where] = "  " + lines[where]
    return "".join(lines)


def _damage_data(document: object, data: st.DataObject) -> object:
    """Replace, drop or add one value somewhere in plain data."""
    if isinstance(document, dict) and document:
        key = data.draw(st.sampled_from(sorted(document)))
        how = data.draw(st.sampled_from(["replace", "drop", "add", "descend"]))
        copy = dict(document)
        if how == "replace":
            copy[key] = data.draw(_any_value)
        elif how == "drop":
            del copy[key]
        elif how == "add":
            copy[data.draw(st.text(min_size=1, max_size=8))] = data.draw(_any_value)
        else:
            copy[key] = _damage_data(copy[key], data)
        return copy
    if isinstance(document, list) and document:
        index = data.draw(st.integers(0, len(document) - 1))
        items = list(document)
        items[index] = _damage_data(items[index], data)
        return items
    return data.draw(_any_value)


def _check_errors(error: DocumentErrors) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.path.startswith("$")
        assert problem.problem
        assert str(problem)


def _check_file(error: DocumentErrors, path: Path) -> None:
    assert error.problems
    assert all(problem.file == str(path) for problem in error.problems)


class TestDamagedSnapshots:
    """Reading damaged snapshots succeeds or raises DocumentErrors naming the place."""

    @given(selection_lists(max_categories=6), st.data())
    def test_damaged_text(self, selection_list: SelectionList, data: st.DataObject) -> None:
        """Lines dropped, duplicated, re-indented, truncated, random Unicode, huge numbers."""
        CASES["damaged text"] += 1
        text = _damage_text(dumps(selection_list), data)
        try:
            loads(text, file="fuzz.yaml")
        except DocumentErrors as e:
            _check_errors(e)

    @given(selection_lists(max_categories=6), st.data())
    def test_damaged_structure(self, selection_list: SelectionList, data: st.DataObject) -> None:
        """Keys dropped or added, values of every wrong type, anywhere in the tree."""
        CASES["damaged structure"] += 1
        document = {"format": "selectielijst/1", **make_converter().unstructure(selection_list)}
        damaged = _damage_data(document, data)
        try:
            text = dump(damaged) if isinstance(damaged, dict) else repr(damaged)
        except Exception:  # noqa: BLE001  # the damage itself cannot be written as YAML: nothing to read
            return
        try:
            loads(text, file="fuzz.yaml")
        except DocumentErrors as e:
            _check_errors(e)

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(raw=st.binary(max_size=300))
    def test_random_bytes(self, tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
        """Any bytes at all: a clear error or (rarely) a valid snapshot."""
        CASES["random bytes"] += 1
        path = tmp_path_factory.mktemp("fuzz") / "list.yaml"
        path.write_bytes(raw)
        result = CliRunner().invoke(main, ["validate", str(path)])
        assert result.exit_code in {0, 1}, result.output
        assert not isinstance(result.exception, Exception) or isinstance(
            result.exception, SystemExit
        )


class TestDamagedSpreadsheets:
    """Reading damaged exports and sheets gives DocumentErrors with a row, or a list."""

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(selection_list=selection_lists(max_categories=6), data=st.data())
    def test_damaged_export(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        selection_list: SelectionList,
        data: st.DataObject,
    ) -> None:
        """Rows dropped, duplicated, cut short or sprinkled with random text."""
        CASES["damaged spreadsheets"] += 1
        text = export_bytes(selection_list, "csv").decode("utf-8")
        path = tmp_path_factory.mktemp("sheet") / "lijst.csv"
        path.write_text(_damage_text(text, data), encoding="utf-8")
        try:
            read_export(path)
        except DocumentErrors as e:
            _check_errors(e)
            _check_file(e, path)

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def test_damaged_mapped_sheet(
        self, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
    ) -> None:
        """The fixture sheet, damaged, imported with its mapping."""
        CASES["damaged spreadsheets"] += 1
        text = (FIXTURES / "gemeente.csv").read_text(encoding="utf-8")
        path = tmp_path_factory.mktemp("sheet") / "gemeente.csv"
        path.write_text(_damage_text(text, data), encoding="utf-8")
        try:
            import_table(path, read_mapping(FIXTURES / "gemeente.mapping.yaml"))
        except DocumentErrors as e:
            _check_file(e, path)


_words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


class TestCommandLine:
    """Any arguments: exit 0, 1 or 2 with a message, never a traceback."""

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        st.sampled_from(
            ["show", "diff", "versions", "validate", "changelog", "verify", "schema", "lists"]
        ),
        st.lists(
            _words
            | st.sampled_from(["mivd@0.16", "voorbeeld@1.0", "--format", "json", "-o", "@", ".."]),
            max_size=4,
        ),
    )
    def test_arguments(self, command: str, arguments: list[str]) -> None:
        """Random names, versions, paths and options."""
        CASES["command lines"] += 1
        if "-o" in arguments:
            return  # writing files to random paths is not what this test is for
        result = CliRunner().invoke(main, [command, *arguments])
        assert result.exit_code in {0, 1, 2}, result.output
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), repr(result.exception)


def summary(counts: Counter[str]) -> str:
    """One line saying how many fuzz cases ran."""
    return "fuzz cases: " + ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
