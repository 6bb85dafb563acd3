"""Tests of spreadsheet import, the export format and the VNG importer."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import attrs
import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from conftest import FIXTURES
from samples import with_category
from selectielijst import (
    Category,
    ChangeKind,
    Duration,
    Section,
    SelectionList,
    Status,
    Term,
    Valuation,
    diff,
    export,
    import_table,
    import_vng,
    load,
    read,
    retention,
    write,
)
from selectielijst._cli import main
from selectielijst.errors import DocumentErrors, InvalidRecord
from selectielijst.io import (
    Columns,
    TableOptions,
    export_vng_api,
    import_vng_api,
    read_export,
    read_mapping,
)
from selectielijst.model import CategoryStatus, ProcessKind, ProcessTerm, VersionInfo
from selectielijst.rendering import Language
from strategies import api_shaped_lists, selection_lists


def problems(error: pytest.ExceptionInfo[DocumentErrors]) -> list[str]:
    """Every problem, as printed."""
    return [str(problem) for problem in error.value.exceptions]


class TestTableImport:
    """A spreadsheet with a column mapping."""

    def test_reads_every_row(self) -> None:
        """Five rows, two sections, notations read, the cross reference resolved."""
        imported = import_table(
            FIXTURES / "gemeente.csv", read_mapping(FIXTURES / "gemeente.mapping.yaml")
        )
        selection = imported.selection_list
        assert [s.title for s in selection.sections] == ["Bestuur", "Personeel"]
        assert selection.category("1.1").valuation == Valuation.keep(1)
        assert selection.category("1.2").valuation == Valuation.destroy(Term(Duration(years=7)))
        assert selection.category("2.1").valuation == Valuation.destroy(
            Term(Duration(years=10), "na uitdiensttreding")
        )
        assert selection.category("2.3").valuation == selection.category("2.2").valuation
        assert selection.category("2.3").explanation == "Zie categorie 2.2."
        notes = [str(note) for note in imported.notes]
        assert any(":3 column 'Waardering': spaces normalised" in note for note in notes)
        dutch = [note.say(Language.NL) for note in imported.notes]
        assert any(":3 kolom 'Waardering': spaties genormaliseerd" in note for note in dutch)

    def test_xlsx(self, tmp_path: Path) -> None:
        """The same sheet as XLSX gives the same list."""
        workbook = openpyxl.Workbook()
        sheet = workbook.worksheets[0]
        with (FIXTURES / "gemeente.csv").open(encoding="utf-8") as stream:
            for row in csv.reader(stream, delimiter=";"):
                sheet.append(row)
        workbook.save(tmp_path / "gemeente.xlsx")
        mapping = read_mapping(FIXTURES / "gemeente.mapping.yaml")
        from_csv = import_table(FIXTURES / "gemeente.csv", mapping).selection_list
        assert import_table(tmp_path / "gemeente.xlsx", mapping).selection_list == from_csv

    def test_problems_with_row_and_column(self, tmp_path: Path) -> None:
        """Every bad row is reported with its row and column, together."""
        sheet = tmp_path / "fout.csv"
        text = (FIXTURES / "gemeente.csv").read_text(encoding="utf-8")
        text = text.replace("Vernietigen;6 weken", "Vernietigen;zes weken").replace(
            "2.1;Personeel", "1.2;Personeel"
        )
        sheet.write_text(text + ";Personeel;Zonder nummer;B;;;\n", encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_table(sheet, read_mapping(FIXTURES / "gemeente.mapping.yaml"))
        found = problems(caught)
        assert f"{sheet}:4 column 'Nr.': number '1.2' is used twice (first in row 3)" in found
        assert any(
            f"{sheet}:5 column 'Waardering': cannot read the term 'zes weken'" in p for p in found
        )
        assert f"{sheet}:7 column 'Nr.': the number is empty" in found

    def test_missing_column(self, tmp_path: Path) -> None:
        """A mapped column the sheet lacks is named, with the columns it has."""
        sheet = tmp_path / "kort.csv"
        sheet.write_text("Nr.;Naam\n1;Iets\n", encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_table(sheet, read_mapping(FIXTURES / "gemeente.mapping.yaml"))
        assert "has no column 'Waardering'" in problems(caught)[0]

    def test_unresolved_reference(self, tmp_path: Path) -> None:
        """A reference to a category the sheet lacks is an error."""
        sheet = tmp_path / "ref.csv"
        text = (
            (FIXTURES / "gemeente.csv")
            .read_text(encoding="utf-8")
            .replace("Zie categorie 2.2", "Zie categorie 9.9")
        )
        sheet.write_text(text, encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_table(sheet, read_mapping(FIXTURES / "gemeente.mapping.yaml"))
        assert "refers to category '9.9'" in problems(caught)[0]

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A sheet in another encoding is named as such."""
        sheet = tmp_path / "latin.csv"
        sheet.write_bytes(
            (FIXTURES / "gemeente.csv")
            .read_text(encoding="utf-8")
            .replace("Bestuur", "Bestüur")
            .encode("latin-1")
        )
        with pytest.raises(DocumentErrors) as caught:
            import_table(sheet, read_mapping(FIXTURES / "gemeente.mapping.yaml"))
        assert "is not UTF-8" in problems(caught)[0]

    def test_bad_mapping(self, tmp_path: Path) -> None:
        """A mapping file with a wrong key is located."""
        mapping = tmp_path / "m.yaml"
        mapping.write_text(
            (FIXTURES / "gemeente.mapping.yaml").read_text().replace("  name: Naam", "  naam: Naam")
        )
        with pytest.raises(DocumentErrors) as caught:
            read_mapping(mapping)
        found = problems(caught)
        assert any("$.columns.naam: unknown key 'naam'" in p for p in found)
        assert any("$.columns.name: name is required but missing" in p for p in found)

    def test_not_a_spreadsheet(self, tmp_path: Path) -> None:
        """An XLSX that is no workbook is a clear error."""
        fake = tmp_path / "nep.xlsx"
        fake.write_text("geen werkmap", encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_table(fake, read_mapping(FIXTURES / "gemeente.mapping.yaml"))
        assert "is not a readable XLSX workbook" in problems(caught)[0]


class TestFormulasWithoutValues:
    """A workbook of formulas whose values were never saved is refused, not read as empty."""

    def test_refused(self, tmp_path: Path) -> None:
        """One line saying what to do: open and save it in a spreadsheet program."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(["Nr", "Naam", "Waardering"])
        sheet.append(['="1"', '="Post registreren"', '="V, 1 jaar"'])
        path = tmp_path / "formules.xlsx"
        workbook.save(path)
        columns = Columns(number="Nr", name="Naam", valuation="Waardering")
        options = TableOptions("f", "F", VersionInfo("1", Status.CONCEPT), columns)
        with pytest.raises(DocumentErrors) as caught:
            import_table(path, options)
        assert "formulas whose values were never saved" in problems(caught)[0]


class TestExport:
    """Export and import give back an equal list."""

    @pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
    def test_example_round_trip(self, tmp_path: Path, fmt: str) -> None:
        """The example list survives every export format."""
        original = load("voorbeeld", "2.0")
        path = tmp_path / f"voorbeeld.{fmt}"
        export(original, path)
        back = read(path) if fmt == "json" else read_export(path)
        assert back == original

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
    @given(selection=selection_lists(max_categories=6))
    def test_any_list_round_trips(self, tmp_path: Path, selection: SelectionList) -> None:
        """Any valid list survives CSV and XLSX."""
        for fmt in ("csv", "xlsx"):
            path = tmp_path / f"lijst.{fmt}"
            export(selection, path)
            assert read_export(path) == selection

    def test_formula_looking_text_stays_text(self, tmp_path: Path) -> None:
        """Text starting with '=' is stored as text in XLSX, not as a formula."""
        original = load("voorbeeld", "1.0")
        tricky = attrs.evolve(original, title="=SUM(A1:A9)")
        export(tricky, tmp_path / "x.xlsx")
        assert read_export(tmp_path / "x.xlsx").title == "=SUM(A1:A9)"

    @pytest.mark.parametrize(
        "name",
        [
            "artikel\xa05, onder\xadde\u200bel b",  # spaces and hyphens that print as nothing
            "eerste regel\n\ttweede regel",
            "=1+1",
            "https://www.example.org/besluit",
            "0012",
            "_x001B_ en _x0041_",  # the file format's escapes, as text
            "x" * 32_767,  # as much as a cell holds
        ],
    )
    def test_texts_a_cell_holds_come_back_exactly(self, tmp_path: Path, name: str) -> None:
        """Every text a cell can hold is read back from an exported workbook as it was."""
        original = with_category(load("voorbeeld", "2.0"), "1.1", name=name)
        export(original, tmp_path / "lijst.xlsx")
        assert read_export(tmp_path / "lijst.xlsx") == original

    @pytest.mark.parametrize(
        ("name", "said"),
        [
            ("Het beheren \x1b van stukken", "U+001B"),
            ("regel\rregel", "U+000D"),
            ("_x005F_x0041_", "'x005F_'"),  # openpyxl drops it wherever it stands
            ("x" * 32_768, "32,768 characters, and a spreadsheet cell holds at most 32,767"),
        ],
    )
    def test_what_a_cell_cannot_hold_is_refused(self, tmp_path: Path, name: str, said: str) -> None:
        """A text a cell would give back otherwise is refused, naming the place; nothing is
        written, where a workbook library would cut it or fail halfway."""
        target = tmp_path / "lijst.xlsx"
        with pytest.raises(InvalidRecord) as caught:
            export(with_category(load("voorbeeld", "2.0"), "1.1", name=name), target)
        message = str(caught.value)
        assert "column 'name'" in message
        assert said in message
        assert "CSV or JSON" in message
        assert not target.exists()

    def test_the_command_line_refuses_it_in_dutch(self, tmp_path: Path) -> None:
        """From the command line: the error in the reader's words, no file, exit status 1."""
        source = tmp_path / "lijst.yaml"
        write(
            with_category(load("voorbeeld", "2.0"), "1.1", name="Het beheren \x1b van stukken"),
            source,
        )
        target = tmp_path / "lijst.xlsx"
        result = CliRunner().invoke(
            main, ["export", str(source), "-o", str(target), "--lang", "nl"]
        )
        assert result.exit_code == 1
        assert "kolom 'name'" in result.output
        assert "bevat U+001B, dat een cel van een spreadsheet niet kan houden" in result.output
        assert not target.exists()
        csv_file = tmp_path / "lijst.csv"  # the format the error points to holds it
        assert CliRunner().invoke(main, ["export", str(source), "-o", str(csv_file)]).exit_code == 0

    def test_damaged_export(self, tmp_path: Path) -> None:
        """A damaged export names the row."""
        path = tmp_path / "x.csv"
        export(load("voorbeeld", "1.0"), path)
        text = path.read_text(encoding="utf-8").replace(
            "category,post,2.5,bedrijfsvoering", "category,post,2.5,nergens"
        )
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            read_export(path)
        assert "names section 'nergens'" in problems(caught)[0]


class TestVngLike:
    """The VNG importer on a small sheet of the same shape, written for the tests."""

    def test_import(self) -> None:
        """Process types become sections; withdrawn rows keep their successors."""
        imported = import_vng(FIXTURES / "vng-like.csv", version=VersionInfo("1", Status.CONCEPT))
        selection = imported.selection_list
        assert [s.number for s in selection.sections] == ["1", "2"]
        withdrawn = selection.category("1.1.2")
        assert withdrawn.status is CategoryStatus.WITHDRAWN
        assert withdrawn.successors == ("2.1",)
        valuation = selection.category("2.1").valuation
        assert valuation is not None
        term = valuation.term
        assert term == Term(Duration(years=11), process=ProcessTerm(ProcessKind.OBJECT_LIFETIME))
        assert any("'11 Jaar' read as 11 jaar" in str(note) for note in imported.notes)

    def test_api_bad_json(self, tmp_path: Path) -> None:
        """API files that are not JSON, or not fixtures, or lack the year, are named."""
        broken = tmp_path / "r.json"
        broken.write_text("[{", encoding="utf-8")
        types = tmp_path / "t.json"
        types.write_text('[{"pk": 1, "fields": {"nummer": 1, "jaar": 2017}}]', encoding="utf-8")
        version = VersionInfo("1", Status.CONCEPT)
        with pytest.raises(DocumentErrors) as caught:
            import_vng_api(broken, types, year=2017, version=version)
        assert "is not valid JSON" in problems(caught)[0]
        broken.write_text('{"a": 1}', encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_vng_api(broken, types, year=2017, version=version)
        assert "is not a fixture of the Selectielijst API" in problems(caught)[0]
        broken.write_text("[]", encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            import_vng_api(broken, types, year=2020, version=version)
        assert "has no process types of 2020 (years: 2017)" in problems(caught)[0]

    def test_not_vng(self) -> None:
        """Another sheet is refused with the column it lacks."""
        with pytest.raises(DocumentErrors) as caught:
            import_vng(FIXTURES / "gemeente.csv", version=VersionInfo("1", Status.CONCEPT))
        assert "has no column 'Procestypenummer'" in problems(caught)[0]


class TestCli:
    """import and export from the command line."""

    def test_import_table_then_validate_show_diff(self, tmp_path: Path) -> None:
        """The written folder is a snapshot validate, show and diff accept by path."""
        runner = CliRunner()
        out = tmp_path / "1.0"
        sheet, mapping = str(FIXTURES / "gemeente.csv"), str(FIXTURES / "gemeente.mapping.yaml")
        arguments = [
            "import",
            "table",
            sheet,
            "--mapping",
            mapping,
            "--version",
            "1.0",
            "-o",
            str(out),
        ]
        result = runner.invoke(main, arguments)
        assert result.exit_code == 0, result.output
        assert "5 categories written" in result.stderr
        assert runner.invoke(main, ["validate", str(out)]).exit_code == 0
        assert "Beheren van vergaderstukken" in runner.invoke(main, ["show", str(out)]).stdout
        assert runner.invoke(main, ["diff", str(out), str(out)]).exit_code == 0

    def test_export_import_round_trip(self, tmp_path: Path) -> None:
        """export then import table gives back the list."""
        runner = CliRunner()
        sheet = tmp_path / "voorbeeld.xlsx"
        assert runner.invoke(main, ["export", "voorbeeld@2.1", "-o", str(sheet)]).exit_code == 0
        result = runner.invoke(
            main,
            [
                "import",
                "table",
                str(sheet),
                "--version",
                "2.1",
                "--status",
                "vastgesteld",
                "-o",
                str(tmp_path / "v"),
            ],
        )
        assert result.exit_code == 0, result.output
        assert read(tmp_path / "v" / "list.yaml") == load("voorbeeld", "2.1")

    def test_export_unknown_format(self, tmp_path: Path) -> None:
        """A file name that says no format is wrong usage."""
        result = CliRunner().invoke(
            main, ["export", "voorbeeld@2.1", "-o", str(tmp_path / "x.odt")]
        )
        assert result.exit_code == 2
        assert "give --format csv, xlsx, json, docx or pdf" in result.output

    def test_import_vng_json_needs_types(self, tmp_path: Path) -> None:
        """The API's JSON without its process types is wrong usage."""
        results = tmp_path / "r.json"
        results.write_text("[]", encoding="utf-8")
        result = CliRunner().invoke(
            main, ["import", "vng", str(results), "--version", "1", "-o", str(tmp_path / "o")]
        )
        assert result.exit_code == 2
        assert "--types" in result.output

    def test_import_bad_version_label(self, tmp_path: Path) -> None:
        """An unsafe version label is refused."""
        result = CliRunner().invoke(
            main,
            [
                "import",
                "vng",
                str(FIXTURES / "vng-like.csv"),
                "--version",
                "../x",
                "-o",
                str(tmp_path / "o"),
            ],
        )
        assert result.exit_code == 1
        assert "is not a version label" in result.stderr


class TestApiShape:
    """A list is published in the shape of the VNG Selectielijst API and reads back equal."""

    @pytest.mark.parametrize("shape", ["vng-api", "vng-fixture"])
    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
    @given(selection_list=api_shaped_lists())
    def test_round_trip(
        self, selection_list: SelectionList, tmp_path_factory: pytest.TempPathFactory, shape: str
    ) -> None:
        """Any list that fits the API's shape is the same list after export and import."""
        folder = tmp_path_factory.mktemp("api")
        types, results = export_vng_api(selection_list, folder, shape=shape)
        back = import_vng_api(results, types, version=selection_list.version).selection_list
        changes = [
            c for c in diff(selection_list, back) if c.kind is not ChangeKind.METADATA_CHANGED
        ]
        assert changes == []

    def test_allow_loss(self, tmp_path: Path) -> None:
        """--allow-loss writes what fits and names each change; the events wait for their date."""
        folder = tmp_path / "api"
        result = CliRunner().invoke(
            main,
            ["export", "voorbeeld@2.1", "--format", "vng-api", "-o", str(folder), "--allow-loss",
             "--lang", "en"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
        assert any(line.endswith("the API has no selection criteria: left out") for line in notes)
        assert any("'na uitdiensttreding': written as the process term" in n for n in notes)
        back = import_vng_api(
            folder / "resultaten.json", folder / "procestypen.json",
            version=VersionInfo("2.1", Status.CONCEPT, date="2024"),
        ).selection_list  # fmt: skip
        valuation = back.category("2.1").valuation
        assert valuation is not None
        assert valuation.term is not None
        assert valuation.term.process == ProcessTerm(
            ProcessKind.FIXED_DATE, remark="na uitdiensttreding"
        )
        answer = retention(back.category("2.1"), start=datetime.date(2020, 1, 31))
        assert "brondatum" in answer.say(Language.EN)  # never destroyed without the date

    def test_misfit_is_named(self, tmp_path: Path) -> None:
        """A list that does not fit names each place that does not; nothing is written."""
        result = CliRunner().invoke(
            main, ["export", "voorbeeld@2.1", "--format", "vng-api", "-o", str(tmp_path / "api")]
        )
        assert result.exit_code == 1
        assert "does not fit the VNG API: the API has no selection criteria" in result.stderr
        assert not (tmp_path / "api").exists()


class TestProcessTermColumn:
    """A sheet of our own with a process-term column, as a records manager keeps one."""

    MAPPING = """\
id: archief
title: Selectielijst Archiefdienst (fictief voorbeeld)
version: {label: "1.0", status: concept}
columns: {number: Nr, name: Taak, valuation: Waardering, term: Termijn, process_term: Procestermijn}
"""

    def test_every_kind(self, tmp_path: Path) -> None:
        """Nihil, a duration in words, a code, the list's words with a remark, and words unknown."""
        sheet = tmp_path / "lijst.csv"
        sheet.write_text(
            "Nr;Taak;Waardering;Termijn;Procestermijn\n"
            "1;Klachten afhandelen;V;1 jaar;Nihil\n"
            "2;Vergunning verlenen;V;10 jaar;5 jaar\n"
            "3;Subsidie verstrekken;V;7 jaar;bestaansduur_procesobject\n"
            '4;Contract sluiten;V;7 jaar;"25 jaar (De tijdens het proces vast te leggen datum'
            ' waarop de geldigheid van het procesobject komt te vervallen)"\n'
            "5;Raad adviseren;B;;\n"
            "6;Pand beheren;V;20 jaar;na sloop van het pand\n",
            encoding="utf-8",
        )
        mapping = tmp_path / "mapping.yaml"
        mapping.write_text(self.MAPPING, encoding="utf-8")
        imported = import_table(sheet, read_mapping(mapping))
        lijst = imported.selection_list

        def process(number: str) -> ProcessTerm | None:
            valuation = lijst.category(number).valuation
            assert valuation is not None
            return valuation.term.process if valuation.term is not None else None

        assert process("1") == ProcessTerm(ProcessKind.NIHIL)
        assert process("2") == ProcessTerm(ProcessKind.FIXED, Duration(years=5))
        assert process("3") == ProcessTerm(ProcessKind.OBJECT_LIFETIME)
        assert process("4") == ProcessTerm(ProcessKind.FIXED_DATE, remark="25 jaar")
        assert process("5") is None
        unknown = lijst.category("6").valuation
        assert unknown is not None
        assert unknown.term is not None
        assert unknown.term.trigger == "na de procestermijn: na sloop van het pand"
        assert any(
            "'na sloop van het pand' is none the list knows" in str(n) for n in imported.notes
        )
        start = datetime.date(2020, 2, 29)
        assert (
            str(retention(lijst.category("2"), start=start)) == "vernietigen vanaf 28 februari 2035"
        )

    def test_exports_keep_it(self, tmp_path: Path) -> None:
        """The list's own CSV and XLSX exports carry the process terms, remark and all."""
        term = Term(
            Duration(years=1), process=ProcessTerm(ProcessKind.FIXED_DATE, remark="25 jaar ")
        )
        lijst = attrs.evolve(
            load("voorbeeld", "2.1"),
            sections=(
                Section(
                    "s",
                    "Processen",
                    categories=(Category("c", "1", "Iets", Valuation.destroy(term)),),
                ),
            ),
        )
        for fmt in ("csv", "xlsx"):
            export(lijst, tmp_path / f"lijst.{fmt}")
            assert read_export(tmp_path / f"lijst.{fmt}") == lijst


class TestWithdrawnInWords:
    """A row withdrawn in words, in any column, with its successor named in a phrase."""

    MAPPING = """\
id: waterschap
title: Selectielijst Waterschap (fictief voorbeeld)
version: {label: "2.0", status: concept}
columns: {number: Nr, name: Handeling, valuation: Waardering, term: Termijn, explanation: Opmerking}
"""

    def test_remarks_and_prefixes(self, tmp_path: Path) -> None:
        """Empty valuation and 'Vervallen' in the remark; 'Verwerkt: Vervallen: ...' in the name."""
        (tmp_path / "kolommen.yaml").write_text(self.MAPPING, encoding="utf-8")
        rows = [
            ["1.1", "Vaststellen van de begroting", "B", "", ""],
            ["1.2", "Vervallen vergunningen intrekken", "V", "5 jaar", ""],  # an adjective
            ["1.3", "Afhandelen van klachten", "", "", "Vervallen; dit valt nu onder 2.1"],
            ["1.4", "Verwerkt: Vervallen: is resultaat 2.2 geworden", "", "", ""],
            ["2.1", "Behandelen van klachten en meldingen", "V", "2 jaar", ""],
            ["2.2", "Verwerken van gegevens", "V", "1 jaar", ""],
        ]
        path = tmp_path / "lijst.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(["Nr", "Handeling", "Waardering", "Termijn", "Opmerking"])
            writer.writerows(rows)
        imported = import_table(path, read_mapping(tmp_path / "kolommen.yaml"))
        lijst = imported.selection_list
        assert {n for n in ("1.2", "1.3", "1.4") if lijst.category(n).withdrawn} == {"1.3", "1.4"}
        assert lijst.category("1.3").successors == ("2.1",)
        assert lijst.category("1.4").successors == ("2.2",)
        reviews = [str(note) for note in imported.notes if "review:" in str(note)]
        assert len(reviews) == 2  # each successor read from words, quoted for a person to check
        assert "lijst.csv:4" in reviews[0]
        assert "'valt nu onder 2.1'" in reviews[0]
        assert "'is resultaat 2.2 geworden'" in reviews[1]
