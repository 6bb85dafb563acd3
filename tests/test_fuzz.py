"""Fuzzing: damaged snapshots and command lines give a clear error, never a crash."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from selectielijst import (
    SelectionList,
    Status,
    Workspace,
    diff,
    import_table,
    load,
    read,
    read_changes,
    render,
    write,
)
from selectielijst._cli import main
from selectielijst._storage._yaml import dump
from selectielijst.errors import DocumentErrors, InvalidRecord, SelectielijstError
from selectielijst.holdings import due
from selectielijst.io import export_bytes, import_vng_api, read_export, read_mapping
from selectielijst.model import VersionInfo
from selectielijst.snapshots import dumps, loads, make_converter
from strategies import selection_lists

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


def _as_yaml(damaged: object) -> str | None:
    """*damaged* as YAML text, or ``None`` where the damage cannot be written as YAML at all."""
    if not isinstance(damaged, dict):
        return repr(damaged)
    try:
        return dump(damaged)
    except Exception:  # noqa: BLE001  # any failure of the writer: no text to read back
        return None


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
            survived = loads(text, file="fuzz.yaml")
        except DocumentErrors as e:
            _check_errors(e)
            return
        assert loads(dumps(survived)) == survived  # what was read is a whole, valid list

    @given(selection_lists(max_categories=6), st.data())
    def test_damaged_structure(self, selection_list: SelectionList, data: st.DataObject) -> None:
        """Keys dropped or added, values of every wrong type, anywhere in the tree."""
        CASES["damaged structure"] += 1
        document = {"format": "selectielijst/1", **make_converter().unstructure(selection_list)}
        damaged = _damage_data(document, data)
        text = _as_yaml(damaged)
        assume(text is not None)  # the damage itself cannot be written as YAML: nothing to read
        assert text is not None
        try:
            survived = loads(text, file="fuzz.yaml")
        except DocumentErrors as e:
            _check_errors(e)
            return
        assert loads(dumps(survived)) == survived  # what was read is a whole, valid list

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
        assume("-o" not in arguments)  # writing files to random paths is not what this test is for
        CASES["command lines"] += 1
        result = CliRunner().invoke(main, [command, *arguments])
        assert result.exit_code in {0, 1, 2}, result.output
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), repr(result.exception)


def summary(counts: Counter[str]) -> str:
    """One line saying how many fuzz cases ran."""
    return "fuzz cases: " + ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))


OUTCOMES: Counter[tuple[str, str]] = Counter()
"""Per class of hostile input: how often it was accepted, refused clearly, crashed, or lost data."""

CONTROLS = "\v\x1b\x07\b\f\x7f\x00\ufffe\r\x85\u2028\u2029\t\x9b\u202e"


def _outcome(kind: str, outcome: str) -> None:
    """Count *outcome* for *kind*; a traceback or a wrong value fails the test."""
    CASES[kind] += 1
    OUTCOMES[kind, outcome] += 1
    assert outcome in {"accepted", "clear error"}, f"{kind}: {outcome}"


def _clear(error: DocumentErrors) -> bool:
    return bool(error.problems) and all(p.problem and str(p) for p in error.problems)


def _clear_any(error: Exception) -> bool:
    """Whether *error* says what is wrong: located problems, or a sentence of its own."""
    if isinstance(error, DocumentErrors):
        return _clear(error)
    return isinstance(error, SelectielijstError) and bool(str(error).strip())


class TestHostileClasses:
    """The classes of hostile input of issue #16, each fed in at random."""

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(
        selection_list=selection_lists(max_categories=3),
        text=st.text(st.sampled_from(CONTROLS + "ab \n"), min_size=1, max_size=12),
    )
    def test_control_characters_round_trip(
        self, tmp_path_factory: pytest.TempPathFactory, selection_list: SelectionList, text: str
    ) -> None:
        """A title and a note with control characters, lone CR, NEL, U+2028: written, read back."""
        try:
            changed = attrs.evolve(selection_list, title="T" + text, notes=(text,))
        except InvalidRecord:
            _outcome("control characters", "clear error")
            return
        path = tmp_path_factory.mktemp("controls") / "list.yaml"
        write(changed, path)
        _outcome("control characters", "accepted" if read(path) == changed else "wrong or lost")

    @given(
        st.tuples(
            st.integers(1, 9999), st.integers(1, 12), st.integers(1, 31), st.integers(0, 23)
        ),
        st.sampled_from(["{}-{:02}-{:02}", "{}-{:02}-{:02}t{:02}:59:43.10-05:00",
                         "{}-{:02}-{:02} {:02}:00:00", "yes", "No", "on", "~", "0o17", "1e3"]),
    )  # fmt: skip
    def test_plain_words_stay_text(self, parts: tuple[int, ...], shape: str) -> None:
        """Dates, times and YAML 1.1 words, unquoted in a text field, are read as written."""
        word = shape.format(*parts)
        text = HOSTILE_HEAD.replace("title: X", f"title: {word}")
        try:
            title = loads(text).title
        except DocumentErrors as e:
            _outcome("timestamps and words", "clear error" if _clear(e) else "wrong or lost")
            return
        _outcome("timestamps and words", "accepted" if title == word else "wrong or lost")

    @given(
        construct=st.sampled_from(
            ["&a 1", "*a", "!!omap [{a: 1}]", "!!binary aGVsbG8=", "!custom x", "9" * 5000,
             "[" * 70 + "]" * 70, "{<<: {a: 1}}", "=", "{a: 1, a: 2}", "{[1]: 2}", "2024-13-45"]
        ),
        where=st.sampled_from(["title", "notes", "version.date", "criteria"]),
    )  # fmt: skip
    def test_yaml_constructs(self, construct: str, where: str) -> None:
        """Aliases, tags, huge numbers, deep nesting, merge keys: refused at their line."""
        if construct == "2024-13-45":  # only a date field refuses a date that cannot be
            where = "version.date"
        if where == "version.date":
            text = HOSTILE_HEAD.replace("status: concept", f"status: concept, date: {construct}")
        elif where == "title":
            text = HOSTILE_HEAD.replace("title: X", f"title: {construct}")
        else:
            text = HOSTILE_HEAD + f"{where}: {construct}\n"
        try:
            loads(text)
        except DocumentErrors as e:
            known = all(p.line is not None for p in e.problems)
            _outcome("YAML constructs", "clear error" if _clear(e) and known else "wrong or lost")
            return
        _outcome("YAML constructs", "wrong or lost")  # each of these is refused

    @given(selection_list=selection_lists(max_categories=4), data=st.data())
    def test_text_where_a_list_belongs(
        self, selection_list: SelectionList, data: st.DataObject
    ) -> None:
        """Any list in a snapshot, given as one text instead: an error at that place."""
        document = {"format": "selectielijst/2", **make_converter().unstructure(selection_list)}
        # A section's text is paragraphs: one text with blank lines between is its own form.
        lists = [place for place in _list_places(document, "$") if place[2] != "text"]
        assume(lists)
        path, owner, key = data.draw(st.sampled_from(lists))
        owner[key] = data.draw(st.text(min_size=1, max_size=10).filter(str.strip))
        try:
            loads(dump(document))
        except DocumentErrors as e:
            # At the list's place, or at a record around it (a valuation reports at its own).
            at = any(
                p.path.startswith(path) or (p.path != "$" and path.startswith(p.path))
                for p in e.problems
            )
            _outcome("text where a list belongs", "clear error" if at else "wrong or lost")
            return
        _outcome("text where a list belongs", "wrong or lost")

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(refers=st.lists(st.one_of(st.none(), st.integers(1, 6)), min_size=1, max_size=6))
    def test_reference_chains(
        self, tmp_path_factory: pytest.TempPathFactory, refers: list[int | None]
    ) -> None:
        """'Zie categorie N' rows in any graph: the end of the chain, or a circle named."""
        folder = tmp_path_factory.mktemp("chains")
        refers = [None if r is None or r > len(refers) else r for r in refers]
        rows = "".join(
            f"{n},Naam {n},{_own_or_reference(n, r)}\n" for n, r in enumerate(refers, start=1)
        )
        (folder / "s.csv").write_text("Nr,Naam,Waardering\n" + rows, encoding="utf-8")
        (folder / "m.yaml").write_text(
            "id: x\ntitle: X\nversion: {label: '1', status: concept}\n"
            "columns: {number: Nr, name: Naam, valuation: Waardering}\n",
            encoding="utf-8",
        )
        expected = {n: _chain_end(refers, n) for n in range(1, len(refers) + 1)}
        try:
            imported = import_table(folder / "s.csv", read_mapping(folder / "m.yaml"))
        except DocumentErrors as e:
            circles = None in expected.values()
            said = any("circle" in p.problem for p in e.problems)
            _outcome("reference chains", "clear error" if circles and said else "wrong or lost")
            return
        found = {n: str(imported.selection_list.category(str(n)).valuation) for n in expected}
        wanted = {n: f"V, {end} jaar" for n, end in expected.items()}
        _outcome("reference chains", "accepted" if found == wanted else "wrong or lost")

    @given(
        command=st.sampled_from(["show", "validate", "changelog", "diff", "verify", "versions"]),
        name=st.text(st.sampled_from("aé-_.0"), min_size=128, max_size=300),
    )
    def test_long_path_components(self, command: str, name: str) -> None:
        """Names over 255 bytes, or near it: an error line, never OSError."""
        arguments = [command, name] + (["voorbeeld@2.1"] if command == "diff" else [])
        result = CliRunner().invoke(main, arguments)
        clean = result.exception is None or isinstance(result.exception, SystemExit)
        said = result.exit_code == 0 or result.stderr.startswith(("error:", "Usage:"))
        ok = clean and result.exit_code in {0, 1, 2} and said
        _outcome("long path components", "clear error" if ok else "traceback")

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        selection_list=selection_lists(max_categories=3),
        damage=st.sampled_from(["shared string", "date", "cut xml", "flip byte"]),
        data=st.data(),
    )
    def test_damaged_workbooks(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        selection_list: SelectionList,
        damage: str,
        data: st.DataObject,
    ) -> None:
        """An exported workbook: bad shared-string index or date cell, cut XML, a flipped byte."""
        raw = export_bytes(selection_list, "xlsx")
        path = tmp_path_factory.mktemp("xlsx") / "lijst.xlsx"
        path.write_bytes(_damage_workbook(raw, damage, data))
        try:
            read_export(path)
        except DocumentErrors as e:
            _outcome("damaged workbooks", "clear error" if _clear(e) else "wrong or lost")
            return
        _outcome("damaged workbooks", "accepted")

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        pk=st.sampled_from([None, "1", 1.5, True, float("nan"), -1, 10**30, [], {}]),
        depth=st.integers(0, 5000),
    )
    def test_api_fixtures(
        self, tmp_path_factory: pytest.TempPathFactory, pk: object, depth: int
    ) -> None:
        """VNG API fixtures with a missing or odd pk, NaN, or nesting of any depth."""
        record: dict[str, object] = {"model": "x", "fields": {"nummer": "[" * depth}}
        if pk is not None:
            record["pk"] = pk
        text = json.dumps([record]).replace('"' + "[" * depth + '"', "[" * depth + "]" * depth)
        path = tmp_path_factory.mktemp("api") / "fixture.json"
        path.write_text(text, encoding="utf-8")
        version = VersionInfo("1", Status.CONCEPT)
        try:
            import_vng_api(path, path, year=2020, version=version)
        except DocumentErrors as e:
            _outcome("VNG API fixtures", "clear error" if _clear(e) else "wrong or lost")
            return
        _outcome("VNG API fixtures", "accepted")


_HOSTILE_NAMES = st.sampled_from(
    ["con", "CON", "aux", "nul", "Nul.1", "com1", "lpt9", "prn", "lijst.", "lijst ", "..", ".",
     "", "a" * 300, "a/b", "a\\b", "ÉÉN", "e\u0301en", "een", ".git", "-rf", "versions",
     "index.yaml", "1.0", "1.0.", "~1", "v\x00", "mijnlijst", "lijst-2", "a_b", "2.0", "V1.0-rc1"]
)  # fmt: skip
"""Names that break a checkout elsewhere, climb out of a folder, or hide in plain sight."""


def _records_in(path: Path) -> int:
    """How many records a CSV file holds, by the one rule both engines read it by."""
    from selectielijst._holdings._engines import csv_options  # noqa: PLC0415  # the rule

    rule = csv_options(path)
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=rule.separator, quotechar=rule.quote))
    return sum(1 for row in rows[1:] if row)  # a blank line is no record


def _records_workbook() -> bytes:
    """Three records in a workbook."""
    import xlsxwriter  # noqa: PLC0415  # only here

    stream = io.BytesIO()
    with xlsxwriter.Workbook(stream, {"strings_to_numbers": False}) as book:
        sheet = book.add_worksheet()
        for row, values in enumerate(
            [["id", "category", "start"], ["Z-1", "1.2", "2015-01-31"],
             ["Z-2", "2.1", "2015-01-31"], ["Z-3", "9.9", "31-01-2015"]]
        ):  # fmt: skip
            sheet.write_row(row, 0, values)
    return stream.getvalue()


_RECORDS_WORKBOOK = _records_workbook()

_PUBLISHED_CHANGES = render(diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0")), "json")


class TestNewSurfaces:
    """The classes of hostile input, fed to the newer surfaces: records files, workspace names,
    change-set JSON (issue #27)."""

    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        max_examples=min(settings().max_examples, 120),
        deadline=None,
    )
    @given(data=st.data())
    def test_records_files(
        self, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
    ) -> None:
        """Records CSV of hostile values, damaged as snapshots are: each record counted once, or
        refused with a clear error; never a traceback."""
        separator = data.draw(st.sampled_from([",", ";", "\t", "|"]))
        value = st.text(st.sampled_from(CONTROLS + 'ab #"\n;,|\u00a0\u3000'), max_size=8)
        rows = data.draw(
            st.lists(
                st.tuples(value, st.sampled_from(["1.1", "1.2", " 2.1 ", "9.9", ""]) | value,
                          st.sampled_from(["2015-01-31", "31-01-2015", "", "9999-12-31"]) | value),
                max_size=8,
            )
        )  # fmt: skip
        stream = io.StringIO()
        writer = csv.writer(stream, delimiter=separator, lineterminator="\n")
        writer.writerow(["id", "category", "start"])
        writer.writerows(rows)
        text = stream.getvalue()
        if data.draw(st.booleans()):
            text = _damage_text(text, data)
        path = tmp_path_factory.mktemp("records") / "zaken.csv"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        except DocumentErrors as e:
            _outcome("records files", "clear error" if _clear(e) else "wrong or lost")
            return
        read = _records_in(path)
        counted = sum(result.counts.values())
        _outcome("records files", "accepted" if counted == read else "wrong or lost")

    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        max_examples=min(settings().max_examples, 60),
        deadline=None,
    )
    @given(damage=st.sampled_from(["date", "cut xml", "flip byte"]), data=st.data())
    def test_records_workbooks(
        self, tmp_path_factory: pytest.TempPathFactory, damage: str, data: st.DataObject
    ) -> None:
        """A records workbook with cut XML, a flipped byte or a date cell that is none."""
        path = tmp_path_factory.mktemp("records") / "zaken.xlsx"
        path.write_bytes(_damage_workbook(_RECORDS_WORKBOOK, damage, data))
        try:
            result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        except DocumentErrors as e:
            _outcome("records workbooks", "clear error" if _clear(e) else "wrong or lost")
            return
        counted = sum(result.counts.values())
        _outcome("records workbooks", "accepted" if counted <= 3 else "wrong or lost")

    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture],
        max_examples=min(settings().max_examples, 150),
    )
    @given(
        name=st.one_of(
            _HOSTILE_NAMES,
            st.text(st.sampled_from("aB-_.é\u0301 /\\:*?\x00\x1b"), max_size=12),
            st.sampled_from(["mijnlijst", "lijst-2", "a_b"]),
        ),
        label=st.one_of(
            _HOSTILE_NAMES,
            st.text(st.sampled_from("1.Ab-_ /\\\x00~"), max_size=10),
            st.sampled_from(["1.0", "2.0-rc1", "V2", "Concept.3"]),
        ),
    )
    def test_workspace_names(
        self, tmp_path_factory: pytest.TempPathFactory, name: str, label: str
    ) -> None:
        """List names and version labels Windows or macOS would break on, paths, controls: a
        clear refusal, or a list that stays inside its workspace, reads back and verifies. A
        second label that differs only in letter case is refused."""
        root = tmp_path_factory.mktemp("workspace")
        workspace = Workspace(root)
        example = load("voorbeeld", "1.0")
        try:
            workspace.init(name)
            given = attrs.evolve(
                example, id=name, version=attrs.evolve(example.version, label=label)
            )
            workspace.add(given)
        except (SelectielijstError, ValueError) as e:
            _outcome("workspace names", "clear error" if _clear_any(e) else "wrong or lost")
            return
        inside = all(path.resolve().is_relative_to(root.resolve()) for path in root.rglob("*"))
        intact = workspace.load(name, label) == given and not workspace.verify(name)
        _outcome("workspace names", "accepted" if inside and intact else "wrong or lost")
        other_case = label.swapcase()
        if other_case != label:
            try:
                workspace.add(
                    attrs.evolve(given, version=attrs.evolve(given.version, label=other_case))
                )
            except (SelectielijstError, ValueError) as e:
                _outcome("workspace names", "clear error" if _clear_any(e) else "wrong or lost")
            else:
                _outcome("workspace names", "wrong or lost")  # two folders one name on macOS

    @settings(
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        max_examples=min(settings().max_examples, 150),
        deadline=None,
    )
    @given(data=st.data(), how=st.sampled_from(["structure", "text", "construct"]))
    def test_change_set_json(
        self, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, how: str
    ) -> None:
        """Damaged, deeply nested, duplicate-keyed, huge-numbered change sets: rendered in every
        format, or refused clearly; never a traceback."""
        published = _PUBLISHED_CHANGES
        if how == "structure":
            text = json.dumps(_damage_data(json.loads(published), data), ensure_ascii=False)
        elif how == "text":
            text = _damage_text(published, data)
        else:
            construct = data.draw(st.sampled_from(
                ["[" * 5000 + "]" * 5000, "9" * 5000, '"\\ud800"', "NaN", "-Infinity",
                 '{"a": 1, "a": 2}', '"\\u001b[31m\\r"', "1e999", "null"]
            ))  # fmt: skip
            key = data.draw(st.sampled_from(["title", "changes", "old_version", "list"]))
            text = published.replace(f'"{key}": ', f'"{key}": {construct}, "x{key}": ', 1)
        path = tmp_path_factory.mktemp("changes") / "wijzigingen.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            changes = read_changes(path)
        except DocumentErrors as e:
            _outcome("change-set JSON", "clear error" if _clear(e) else "wrong or lost")
            return
        for format_name in ("md", "html", "rst", "text", "json"):
            render(changes, format_name)
        again = read_changes(render(changes, "json"))
        _outcome("change-set JSON", "accepted" if again == changes else "wrong or lost")


HOSTILE_HEAD = (
    "format: selectielijst/2\nlist: x\ntitle: X\nversion: {label: '1', status: concept}\n"
)


def _list_places(node: object, path: str) -> Iterator[tuple[str, dict[str, object], str]]:
    """(path, owner, key) of every non-empty list inside *node*."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}"
            if isinstance(value, list) and value:
                yield child, node, key
            yield from _list_places(value, child)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _list_places(value, f"{path}[{index}]")


def _own_or_reference(row: int, refers: int | None) -> str:
    return f'"V, {row} jaar"' if refers is None else f"Zie categorie {refers}"


def _chain_end(refers: list[int | None], start: int) -> int | None:
    """The row whose own valuation row *start* ends at; ``None`` in a circle."""
    seen = set()
    row = start
    while refers[row - 1] is not None:
        if row in seen:
            return None
        seen.add(row)
        row = refers[row - 1]  # type: ignore[assignment]  # not None: checked above
    return row


def _damage_workbook(raw: bytes, damage: str, data: st.DataObject) -> bytes:
    if damage == "flip byte":
        position = data.draw(st.integers(0, len(raw) - 1))
        return raw[:position] + bytes([raw[position] ^ 0xFF]) + raw[position + 1 :]
    source = zipfile.ZipFile(io.BytesIO(raw))
    target_bytes = io.BytesIO()
    with zipfile.ZipFile(target_bytes, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith("sheet1.xml"):
                content = _damage_sheet_xml(content, damage, data)
            target.writestr(info, content)
    return target_bytes.getvalue()


def _damage_sheet_xml(content: bytes, damage: str, data: st.DataObject) -> bytes:
    cells = re.findall(rb'<c r="[A-Z]+\d+" t="inlineStr"><is><t>[^<]*</t></is></c>', content)
    if damage == "cut xml" or not cells:
        return content[: data.draw(st.integers(0, len(content)))]
    cell = data.draw(st.sampled_from(cells))
    reference = re.search(rb'r="([A-Z]+\d+)"', cell)
    assert reference is not None
    if damage == "shared string":
        index = data.draw(st.integers(-5, 10**9))
        replacement = b'<c r="%s" t="s"><v>%d</v></c>' % (reference.group(1), index)
    else:
        value = data.draw(st.sampled_from([b"2024-13-45", b"x", b"", b"99999999999999"]))
        replacement = b'<c r="%s" t="d"><v>%s</v></c>' % (reference.group(1), value)
    return content.replace(cell, replacement, 1)


def outcome_table(outcomes: Counter[tuple[str, str]]) -> str:
    """The closing-note table: class | tried | clear error | traceback | wrong or lost."""
    kinds = sorted({kind for kind, _ in outcomes})
    lines = ["class | tried | accepted | clear error | traceback | wrong or lost"]
    for kind in kinds:
        counts = [
            outcomes[kind, o] for o in ("accepted", "clear error", "traceback", "wrong or lost")
        ]
        lines.append(f"{kind} | {sum(counts)} | " + " | ".join(str(c) for c in counts))
    return "\n".join(lines)
