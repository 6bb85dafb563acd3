"""Tests of hostile and careless input: nothing silently wrong, an error line, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from selectielijst import Status, import_table
from selectielijst._cli import main
from selectielijst.errors import DocumentErrors
from selectielijst.io import import_vng_api, read_mapping
from selectielijst.model import VersionInfo
from selectielijst.snapshots import loads

HEAD = "format: selectielijst/1\nlist: x\ntitle: X\nversion: {label: '1', status: concept}\n"


def write_mapping(folder: Path) -> Path:
    """A mapping file for a sheet with columns Nr, Naam and Waardering, in *folder*."""
    path = folder / "m.yaml"
    path.write_text(
        "id: x\ntitle: X\nversion: {label: '1', status: concept}\n"
        "columns: {number: Nr, name: Naam, valuation: Waardering}\n",
        encoding="utf-8",
    )
    return path


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
        write_mapping(tmp_path)
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
        write_mapping(tmp_path)
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
            ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ],
    )
    def test_api_fixture_nan_or_deep(self, text: str, says: str, tmp_path: Path) -> None:
        """NaN and JSON nested beyond measure are errors, not crashes."""
        path = tmp_path / "fixture.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_vng_api(path, path, year=2020, version=VersionInfo("1", Status.CONCEPT))
        assert says in caught.value.problems[0].problem


class TestSafeOutput:
    """Output goes where it is sent, safely, and publishing is exclusive."""

    def test_fifo_is_written_into(self, tmp_path: Path) -> None:
        """-o onto a FIFO writes into it; it stays a FIFO."""
        import os  # noqa: PLC0415  # only here
        import stat  # noqa: PLC0415  # only here
        import threading  # noqa: PLC0415  # only here

        fifo = tmp_path / "pijp"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        result = CliRunner().invoke(
            main,
            ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", "md", "-o", str(fifo),
             "--lang", "nl"],
        )  # fmt: skip
        reader.join(timeout=10)
        assert result.exit_code == 0, result.output
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert received[0].startswith(b"# Wijzigingen")

    def test_symlink_is_followed(self, tmp_path: Path) -> None:
        """-o onto a link replaces the file it points to; the link stays."""
        real = tmp_path / "echt.md"
        real.write_text("oud", encoding="utf-8")
        link = tmp_path / "link.md"
        link.symlink_to(real)
        CliRunner().invoke(
            main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", str(link), "--lang", "nl"]
        )
        assert link.is_symlink()
        assert real.read_text(encoding="utf-8").startswith("# Wijzigingen")

    def test_abandoned_temporary_files_are_removed(self, tmp_path: Path) -> None:
        """A temporary file of a writer that no longer runs is removed by the next write."""
        from selectielijst._storage._files import write_atomically  # noqa: PLC0415  # the writer

        target = tmp_path / "list.yaml"
        abandoned = tmp_path / ".list.yaml.999999999.abc.tmp"
        abandoned.write_text("half", encoding="utf-8")
        write_atomically(target, b"heel")
        assert not abandoned.exists()
        assert target.read_bytes() == b"heel"

    def test_publishing_is_exclusive(self, tmp_path: Path) -> None:
        """Two published versions for one new path: the second is refused, the first stays."""
        import attrs  # noqa: PLC0415  # only here

        from selectielijst import load, write  # noqa: PLC0415  # only here
        from selectielijst._storage._files import write_atomically  # noqa: PLC0415  # the writer
        from selectielijst.errors import PublishedVersion  # noqa: PLC0415  # likewise

        first, second = load("voorbeeld", "2.1"), load("voorbeeld", "2.0")
        second = attrs.evolve(second, version=first.version)
        target = tmp_path / "list.yaml"
        write(first, target)
        before = target.read_bytes()
        with pytest.raises(PublishedVersion):
            write(second, target)
        assert target.read_bytes() == before
        with pytest.raises(FileExistsError):
            write_atomically(target, b"x", exclusive=True)

    def test_rst_neutralises_links(self) -> None:
        """javascript: in list text is no link in reST once docutils renders it."""
        import attrs  # noqa: PLC0415  # only here
        from docutils.core import publish_string  # noqa: PLC0415  # the renderer's reader

        from selectielijst import diff, load, render  # noqa: PLC0415  # only here

        old = load("voorbeeld", "2.0")
        category = attrs.evolve(old.sections[0].categories[0], name="javascript:alert(1)")
        section = attrs.evolve(
            old.sections[0], categories=(category, *old.sections[0].categories[1:])
        )
        new = attrs.evolve(old, sections=(section, *old.sections[1:]))
        page = publish_string(
            render(diff(old, new), "rst"), writer="html", settings_overrides={"report_level": 5}
        ).decode()
        assert "javascript:alert(1)" in page
        assert 'href="javascript' not in page

    def test_terminal_sees_controls(self) -> None:
        """Control characters bound for a terminal are shown, not obeyed."""
        from selectielijst._cli._common import visible  # noqa: PLC0415  # the filter

        assert visible("a\x1b]0;titel\x07b\u202e") == "a\\u001b]0;titel\\u0007b\\u202e"

    def test_csv_formulas_neutralised(self, tmp_path: Path) -> None:
        """A cell starting with = is written with a quote and reads back as it was."""
        import attrs  # noqa: PLC0415  # only here

        from selectielijst import export, load  # noqa: PLC0415  # only here
        from selectielijst.io import read_export  # noqa: PLC0415  # likewise

        lijst = load("voorbeeld", "2.1")
        category = attrs.evolve(lijst.sections[0].categories[0], name="=HYPERLINK(1)")
        section = attrs.evolve(
            lijst.sections[0], categories=(category, *lijst.sections[0].categories[1:])
        )
        lijst = attrs.evolve(lijst, sections=(section, *lijst.sections[1:]))
        path = tmp_path / "lijst.csv"
        export(lijst, path)
        assert ",=HYPERLINK" not in path.read_text(encoding="utf-8")
        assert read_export(path) == lijst


class TestIndexSafety:
    """An index names its snapshots inside its list's folder, each version once."""

    @pytest.mark.parametrize("snapshot", ["../../buiten/list.yaml", "/etc/passwd", "a//b"])
    def test_snapshot_outside(self, snapshot: str, tmp_path: Path) -> None:
        """A snapshot path that leaves the list's folder is an error at its line."""
        from selectielijst.workspace import history  # noqa: PLC0415  # only here

        folder = tmp_path / "versions" / "lijst"  # a workspace's list
        folder.mkdir(parents=True)
        (folder / "index.yaml").write_text(
            "format: selectielijst-index/1\nlist: lijst\ntitle: L\nversions:\n"
            f"  - {{label: '1', status: concept, snapshot: '{snapshot}'}}\n",
            encoding="utf-8",
        )
        with pytest.raises(DocumentErrors) as caught:
            history("lijst", root=tmp_path)
        assert "leaves the list's folder" in caught.value.problems[0].problem
        assert caught.value.problems[0].line == 5

    def test_duplicate_label(self, tmp_path: Path) -> None:
        """A version listed twice is an error naming both places."""
        from selectielijst.workspace import history  # noqa: PLC0415  # only here

        folder = tmp_path / "versions" / "lijst"  # a workspace's list
        folder.mkdir(parents=True)
        (folder / "index.yaml").write_text(
            "format: selectielijst-index/1\nlist: lijst\ntitle: L\nversions:\n"
            "  - {label: '1', status: concept}\n  - {label: '1', status: ontwerp}\n",
            encoding="utf-8",
        )
        with pytest.raises(DocumentErrors) as caught:
            history("lijst", root=tmp_path)
        assert "listed twice (first at $.versions[0])" in caught.value.problems[0].problem

    def test_non_ascii_digits_get_their_own_ids(self) -> None:
        """Numbers of other scripts' digits get ids of their own, not all the same one."""
        from selectielijst._model._text import slug  # noqa: PLC0415  # the id maker

        assert len({slug("\u0661"), slug("\u0662"), slug("\u0969")}) == 3


class TestVerifyWithoutNeedlessWork:
    """verify reads a snapshot again only when asked to."""

    def test_deep(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A matching digest is enough; --deep reads the file too."""
        import selectielijst._workspace._integrity as integrity  # noqa: PLC0415  # the module under test
        from selectielijst import read  # noqa: PLC0415  # what verify reads with
        from selectielijst.workspace import Workspace  # noqa: PLC0415  # where the shipped lists are

        reads: list[Path] = []
        original = read

        def counted(path: Path) -> object:
            reads.append(path)
            return original(path)

        monkeypatch.setattr(integrity, "read", counted)
        shipped = Workspace.shipped().folder
        assert integrity.verify_in(shipped, "voorbeeld") == ()
        assert reads == []
        assert integrity.verify_in(shipped, "voorbeeld", deep=True) == ()
        assert len(reads) == 3


class TestBoundedWork:
    """Any input is taken or refused within bounds; aliases nowhere."""

    def test_alias_on_a_value(self) -> None:
        """An alias on a single value is refused, as the docs say."""
        found = problems_of(HEAD.replace("title: X", "title: &t X\norganisation: *t"))
        assert any("anchors and aliases" in p for p in found)

    def test_long_list_of_numbers(self) -> None:
        """A megabyte of 'x: [1, 1, ...]' is refused quickly, and says what is wrong."""
        import time  # noqa: PLC0415  # only a loose bound: the point is no minutes-long parse

        text = HEAD + "x: [" + ", ".join(["1"] * 400_000) + "]\n"
        start = time.perf_counter()
        found = problems_of(text)
        assert any("unknown key 'x'" in p for p in found)
        assert time.perf_counter() - start < 30

    def test_rows_bound(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A sheet with more rows than the bound is refused, saying how to raise it."""
        monkeypatch.setenv("SELECTIELIJST_MAX_ROWS", "10")
        write_mapping(tmp_path)
        sheet = tmp_path / "s.csv"
        sheet.write_text(
            "Nr,Naam,Waardering\n" + "".join(f"{n},N{n},B\n" for n in range(1, 30)),
            encoding="utf-8",
        )
        with pytest.raises(DocumentErrors) as caught:
            import_table(sheet, read_mapping(tmp_path / "m.yaml"))
        assert "SELECTIELIJST_MAX_ROWS" in caught.value.problems[0].problem

    def test_huge_cell(self, tmp_path: Path) -> None:
        """A cell of more than 100,000 characters is refused with its row."""
        sheet = tmp_path / "s.csv"
        sheet.write_text("Nr,Naam,Waardering\n1," + "a" * 100_001 + ",B\n", encoding="utf-8")
        write_mapping(tmp_path)
        with pytest.raises(DocumentErrors) as caught:
            import_table(sheet, read_mapping(tmp_path / "m.yaml"))
        assert caught.value.problems[0].line == 2

    @pytest.mark.parametrize("damage", ["shared string", "xml", "bomb"])
    def test_damaged_workbook(
        self, damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A workbook with a bad shared-string index, broken XML or a bomb is an error line."""
        import zipfile  # noqa: PLC0415  # only here

        import openpyxl  # noqa: PLC0415  # only here

        good = tmp_path / "goed.xlsx"
        workbook = openpyxl.Workbook()
        workbook.worksheets[0].append(["Nr", "Naam", "Waardering"])
        workbook.worksheets[0].append(["1", "Een", "B"])
        workbook.save(good)
        bad = tmp_path / "kapot.xlsx"
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if damage == "shared string" and info.filename.endswith("sheet1.xml"):
                    data = data.replace(
                        b'<c r="A1" t="inlineStr"><is><t>Nr</t></is></c>',
                        b'<c r="A1" t="s"><v>9999</v></c>',
                    )
                    assert b"9999" in data
                if damage == "xml" and info.filename.endswith("sheet1.xml"):
                    data = data[: len(data) // 2]
                target.writestr(info, data)
            if damage == "bomb":
                monkeypatch.setenv("SELECTIELIJST_MAX_MIB", "1")
                target.writestr("xl/media/bom.bin", b"\0" * (2 * 1024 * 1024))
        mapping = write_mapping(tmp_path)
        result = CliRunner().invoke(
            main,
            ["import", "table", str(bad), "--mapping", str(mapping), "-o", str(tmp_path / "o")],
        )
        assert result.exit_code == 1
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.stderr.startswith("error:")

    def test_never_writes_what_it_cannot_read(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A list larger than the bound is not written: the reader would refuse it."""
        from selectielijst import load, write  # noqa: PLC0415  # only here

        lijst = load("voorbeeld", "2.1")
        monkeypatch.setattr("selectielijst._storage._files.MAX_FILE_SIZE", 100)
        with pytest.raises(DocumentErrors) as caught:
            write(lijst, tmp_path / "list.yaml")
        assert "the bound the reader keeps" in caught.value.problems[0].problem
        assert not (tmp_path / "list.yaml").exists()


class TestImportOutputThatCannotBeWritten:
    """import -o onto a full disk or into a read-only folder: an error line, no folder left."""

    @pytest.mark.parametrize(
        ("code", "says"), [(28, "no space left on the device"), (13, "permission denied")]
    )
    def test_error_and_no_empty_folder(
        self, code: int, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The disk fills (or refuses) while writing: nothing is left behind."""
        import selectielijst._cli._transfer  # noqa: PLC0415  # the writer the command calls

        def failing_write(selection_list: object, target: Path) -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            raise OSError(code, "the system's own words")

        monkeypatch.setattr(selectielijst._cli._transfer, "write", failing_write)
        write_mapping(tmp_path)
        (tmp_path / "s.csv").write_text("Nr,Naam,Waardering\n1,Een,B\n", encoding="utf-8")
        output = tmp_path / "uit"
        result = CliRunner().invoke(
            main,
            ["import", "table", str(tmp_path / "s.csv"), "--mapping", str(tmp_path / "m.yaml"),
             "-o", str(output)],
        )  # fmt: skip
        assert result.exit_code == 1
        assert result.stderr == f"error: cannot write {output / 'list.yaml'}: {says}\n"
        assert not output.exists()


class TestManyProblems:
    """A file with every category wrong: the first problems, in bounded memory."""

    def test_problems_are_bounded(self) -> None:
        """Beyond the bound, the first problems are listed, and a line says more follow."""
        from selectielijst._storage._snapshot import MAX_PROBLEMS  # noqa: PLC0415  # the bound under test

        rows = "".join(
            f"  - {{number: '{n}', name: N, valuation: {{kind: Q}}}}\n" for n in range(1000)
        )
        text = HEAD + "sections:\n- id: s\n  title: S\n  categories:\n" + rows
        found = problems_of(text)
        assert any(f"the first {MAX_PROBLEMS} are listed" in p for p in found)
        assert len(found) <= 3 * MAX_PROBLEMS

    def test_few_problems_all_listed(self) -> None:
        """Under the bound every problem is listed, each once."""
        rows = "".join(
            f"  - {{number: '{n}', name: N, valuation: {{kind: Q}}}}\n" for n in range(5)
        )
        text = HEAD + "sections:\n- id: s\n  title: S\n  categories:\n" + rows
        with pytest.raises(DocumentErrors) as caught:
            loads(text)
        found = [(p.path, p.problem) for p in caught.value.problems]
        assert not any("are listed" in problem for _, problem in found)
        assert len(found) == len(set(found)) == 10  # id missing, valuation unknown: each once


class TestDigitsIntCannotRead:
    """Characters that are digits to str.isdigit but not to int(): '²', '①'."""

    @pytest.mark.parametrize("number", ["²", "1.²", "2.①", "1²"])
    def test_numbers_sort(self, number: str) -> None:
        """A category number with one sorts as text, after the plain numbers, and never crashes."""
        from selectielijst._model._text import number_key  # noqa: PLC0415  # only here

        assert sorted([number, "1.2", "1.1"], key=number_key) == ["1.1", "1.2", number]

    @pytest.mark.parametrize("variable", ["SELECTIELIJST_MAX_MIB", "SELECTIELIJST_MAX_ROWS"])
    def test_bounds_from_the_environment(
        self, variable: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A bound of '²' is no whole number: the default holds."""
        from selectielijst._storage._files import MAX_FILE_SIZE, size_limit  # noqa: PLC0415  # only here
        from selectielijst._storage._sheets import MAX_ROWS, max_rows  # noqa: PLC0415  # likewise

        monkeypatch.setenv(variable, "²")
        assert size_limit() == MAX_FILE_SIZE
        assert max_rows() == MAX_ROWS


class TestRecordsThatWereLostOrCrashed:
    """Records and change sets that gave a traceback or a silent loss (#27 items 8 and 9)."""

    def test_a_start_of_9999_12_31(self, tmp_path: Path) -> None:
        """The placeholder of a case still open: not yet due, no date past 9999, no traceback."""
        records = tmp_path / "zaken.csv"
        records.write_text("id,category,start\nZ-1,1.2,9999-12-31\nZ-2,1.1,9999-12-31\n")
        due = CliRunner().invoke(
            main, ["due", "voorbeeld@2.1", "--records", str(records), "--on", "2030-01-01",
                   "-o", str(tmp_path / "lijst.csv"), "--lang", "en"],
        )  # fmt: skip
        assert due.exit_code == 0, due.output
        assert "0 destroy, 1 not yet, 1 keep permanently" in due.stderr
        assert "10006" not in (tmp_path / "lijst.csv").read_text(encoding="utf-8")
        impact = CliRunner().invoke(
            main, ["impact", "voorbeeld@1.0", "voorbeeld@2.0", "--records", str(records)]
        )
        assert impact.exit_code == 0, impact.output
        assert "Traceback" not in impact.output

    def test_a_record_without_an_id(self, tmp_path: Path) -> None:
        """A record without an id is on no list to act on: it goes apart, with its reason."""
        records = tmp_path / "zaken.csv"
        records.write_text(
            "id,category,start\n,1.2,2015-01-01\n  ,1.1,2000-01-01\nZ-3,1.2,2015-01-01\n"
        )
        output = tmp_path / "lijst.csv"
        result = CliRunner().invoke(
            main, ["due", "voorbeeld@2.1", "--records", str(records), "--on", "2030-01-01",
                   "-o", str(output), "--lang", "en"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert output.read_text(encoding="utf-8").splitlines()[1].startswith("Z-3,")
        apart = (tmp_path / "lijst-niet-te-bepalen.csv").read_text(encoding="utf-8")
        assert apart.count("the record has no id") == 2
        assert "3 records on 1 January 2030: 1 destroy, 0 not yet, 0 keep permanently" in (
            result.stderr
        )

    def test_a_misspelt_event_column(self, tmp_path: Path) -> None:
        """event=Uitdiens, where the column is Uitdienst: an error naming it, not terms unjudged."""
        records = tmp_path / "zaken.csv"
        records.write_text("id,category,start,Uitdienst\nZ-1,2.1,2015-01-01,2016-01-01\n")
        result = CliRunner().invoke(
            main, ["due", "voorbeeld@2.1", "--records", str(records), "--on", "2030-01-01",
                   "--columns", "event=Uitdiens", "--lang", "en"],
        )  # fmt: skip
        assert result.exit_code == 1
        assert "has no column 'Uitdiens' (event)" in result.stderr

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ('{"format": 1, "format": 2}', "duplicate key 'format'"),
            ('{"a":' * 3000 + "1" + "}" * 3000, "the document is nested too deeply"),
            ('{"a": ' + "1" * 6000 + "}", "holds a number too long to read"),
            ('{"title": "kapot \\ud800"}', "a character that is not valid Unicode"),
        ],
        ids=["duplicate key", "deep", "long number", "lone surrogate"],
    )
    def test_change_set_json(self, text: str, says: str, tmp_path: Path) -> None:
        """A change set in JSON that is no change set: one error line, as for YAML."""
        path = tmp_path / "changes.json"
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["render", str(path), "--lang", "en"])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {path}")
        assert says in result.stderr
        assert len(result.stderr.splitlines()) == 1
