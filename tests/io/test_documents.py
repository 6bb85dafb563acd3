"""Lists in the documents they live in: Word and PDF in, Word and PDF out.

The documents are our own, made here with python-docx in the layouts a
records manager uses, and printed to PDF by LibreOffice (the PDF tests skip
where it is not installed). The oracle is the same rows in a spreadsheet:
what the documents give must be what the sheet gives.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import attrs
import docx
import pytest
from click.testing import CliRunner
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import HealthCheck, given, settings

from selectielijst import ChangeSet, SelectionList, Status, diff, export, import_table, load
from selectielijst._cli import main
from selectielijst.errors import DocumentErrors
from selectielijst.io import Columns, TableOptions, read_export
from selectielijst.model import VersionInfo
from strategies import selection_lists

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")

Rows = dict[tuple[str, str], list[tuple[str, str, str, str]]]
"""Chapters (number, title) and their rows: number, name, valuation, remark."""

VERSION_1: Rows = {
    ("1", "Bestuur"): [
        ("1.1", "Vergaderingen van de raad voorbereiden", "B (1)", ""),
        (
            "1.2",
            "Stukken van commissies beheren",
            "V, 7 jaar",
            "Agenda's en stukken ter kennisname.",
        ),
        ("1.3", "Klachten over bestuurders behandelen", "V, 5 jaar", ""),
    ],
    ("2", "Bedrijfsvoering"): [
        ("2.1", "Personeelsdossiers beheren", "V, 10 jaar na uitdiensttreding", ""),
        ("2.2", "Post registreren", "V, 1 jaar", "Inkomende en uitgaande post, ook e-mail."),
        ("2.3", "Inkopen en aanbesteden", "V, 7 jaar", ""),
    ],
    ("3", "Dienstverlening"): [
        ("3.1", "Vergunningen verlenen", "V, 10 jaar", "Omgevingsvergunningen en ontheffingen."),
        ("3.2", "Meldingen over de openbare ruimte afhandelen", "V, 2 jaar", ""),
    ],
}
"""Version 1 of a list of our own (fictitious)."""

VERSION_2: Rows = {
    ("1", "Bestuur"): [
        ("1.1", "Vergaderingen van de raad voorbereiden", "B (1)", ""),
        (
            "1.2",
            "Stukken van commissies beheren",
            "V, 5 jaar",
            "Agenda's en stukken ter kennisname.",
        ),
        ("1.3", "Klachten over bestuurders behandelen", "", "Vervallen, zie 3.2."),
    ],
    ("2", "Bedrijfsvoering"): [
        ("2.1", "Personeelsdossiers beheren", "V, 10 jaar na uitdiensttreding", ""),
        ("2.2", "Post registreren", "V, 1 jaar", "Inkomende en uitgaande post, ook e-mail."),
        ("2.3", "Inkopen", "V, 7 jaar", ""),
        ("2.4", "Aanbesteden", "B (1)", "Europese aanbestedingen."),
    ],
    ("3", "Dienstverlening"): [
        ("3.1", "Vergunningen verlenen", "V, 10 jaar", "Omgevingsvergunningen en ontheffingen."),
        ("3.2", "Klachten behandelen", "V, 5 jaar", ""),
        ("3.3", "Meldingen over de openbare ruimte afhandelen", "V, 2 jaar", ""),
    ],
}
"""Version 2: 1.2 shorter, 1.3 withdrawn in a remark, 2.3 split into 2.3 and 2.4, 3.2 -> 3.3."""

HEADER = ("Nr.", "Handeling", "Waardering", "Opmerking")
COLUMNS = Columns(number="Nr.", name="Handeling", valuation="Waardering", explanation="Opmerking")
WITH_SECTIONS = attrs.evolve(COLUMNS, section="Hoofdstuk", section_number="Nummer hoofdstuk")


def _options(columns: Columns, label: str = "1") -> TableOptions:
    version = VersionInfo(label, Status.CONCEPT)
    return TableOptions("proef", "Selectielijst Proefdienst (fictief voorbeeld)", version, columns)


def _sheet(path: Path, rows: Rows) -> Path:
    """The rows in a spreadsheet with a section column: the oracle."""
    lines = [";".join(("Hoofdstuk", "Nummer hoofdstuk", *HEADER))]
    for (number, title), chapter in rows.items():
        lines.extend(";".join((title, number, *(f'"{c}"' for c in row))) for row in chapter)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _repeat_header(row: object) -> None:
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)  # type: ignore[attr-defined]


def _table(document: object, rows: list[tuple[str, ...]], *, repeat: bool, header: bool = True):  # type: ignore[no-untyped-def]
    """A table of *rows*, with the header row (repeated on every page, or not)."""
    width = len(rows[0]) if rows else len(HEADER)
    table = document.add_table(rows=0, cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, HEADER if width == 4 else ("Hoofdstuk", *HEADER), strict=True):
            cell.text = text
        if repeat:
            _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return table


def _per_section(path: Path, rows: Rows, *, landscape: bool = False, repeat: bool = True) -> Path:
    """Layout A: a heading ("Hoofdstuk 1. Bestuur") and a table per chapter, page headers and
    footers, a paragraph under each heading, an empty spacer row, a long remark over lines."""
    document = docx.Document()
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.header.paragraphs[0].text = "Selectielijst Proefdienst — concept"
    section.footer.paragraphs[0].text = "Pagina 1 van 1"
    document.add_paragraph("Selectielijst Proefdienst (fictief voorbeeld)", style="Title")
    for (number, title), chapter in rows.items():
        document.add_heading(f"Hoofdstuk {number}. {title}", level=1)
        document.add_paragraph(f"De handelingen van het hoofdstuk {title.lower()}.")
        table = _table(document, [tuple(row) for row in chapter], repeat=repeat)
        spacer = table.add_row()  # an empty row, as people leave them
        del spacer
    document.save(str(path))
    return path


def _one_table(path: Path, rows: Rows, *, repeat: bool = False, landscape: bool = False) -> Path:
    """Layout B: one long table with a section column, broken over two tables (the second
    without its header), multi-line cells, a cell merged over two columns in a spacer row."""
    document = docx.Document()
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    document.add_paragraph("Selectielijst Proefdienst (fictief voorbeeld)", style="Title")
    everything = [(title, *row) for (_, title), chapter in rows.items() for row in chapter]
    half = len(everything) // 2
    header = ("Hoofdstuk", *HEADER)
    first = document.add_table(rows=1, cols=5)
    first.style = "Table Grid"
    for cell, text in zip(first.rows[0].cells, header, strict=True):
        cell.text = text
    if repeat:
        _repeat_header(first.rows[0])
    for row in everything[:half]:
        cells = first.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    merged = first.add_row().cells
    merged[0].merge(merged[1])  # a spacer row with a merged cell: no category
    paragraph = document.add_paragraph()
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    second = document.add_table(rows=0, cols=5)
    second.style = "Table Grid"
    for row in everything[half:]:
        cells = second.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            lines = text.split(". ")  # a remark over several lines in its cell
            cell.text = ""
            cell.paragraphs[0].text = lines[0] + ("." if len(lines) > 1 else "")
            for line in lines[1:]:
                cell.add_paragraph(line)
    document.save(str(path))
    return path


def _pdf(word: Path) -> Path:
    assert OFFICE is not None
    profile = (word.parent / "profile").as_uri()
    subprocess.run(  # noqa: S603  # LibreOffice, with our own arguments
        [OFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(word.parent), str(word)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return word.with_suffix(".pdf")


def _without_texts(selection_list: SelectionList) -> SelectionList:
    """The list without its sections' paragraphs (the sheet has none to give)."""
    return attrs.evolve(
        selection_list,
        sections=tuple(attrs.evolve(s, text=()) for s in selection_list.sections),
    )


def _spacing_aside(selection_list: SelectionList) -> SelectionList:
    """The list with every explanation's lines joined (a PDF's lines join into one text)."""
    return attrs.evolve(
        selection_list,
        sections=tuple(
            attrs.evolve(
                s,
                categories=tuple(
                    attrs.evolve(c, explanation=" ".join(c.explanation.split()))
                    if c.explanation
                    else c
                    for c in s.categories
                ),
            )
            for s in selection_list.sections
        ),
    )


class TestWordWithMapping:
    """Word documents of our own layouts read as the spreadsheet of the same rows reads."""

    def test_a_table_per_section(self, tmp_path: Path) -> None:
        """Headings become sections (number and title); the paragraphs under them their text."""
        sheet = import_table(_sheet(tmp_path / "l.csv", VERSION_1), _options(WITH_SECTIONS))
        word = import_table(_per_section(tmp_path / "l.docx", VERSION_1), _options(COLUMNS))
        assert _without_texts(word.selection_list) == sheet.selection_list
        first = word.selection_list.sections[0]
        assert (first.number, first.title) == ("1", "Bestuur")
        assert first.text == ("De handelingen van het hoofdstuk bestuur.",)

    def test_one_long_table(self, tmp_path: Path) -> None:
        """A section column, a table broken in two, merged spacer cells, multi-line cells."""
        columns = attrs.evolve(COLUMNS, section="Hoofdstuk")
        sheet = import_table(_sheet(tmp_path / "l.csv", VERSION_1), _options(columns))
        word = import_table(_one_table(tmp_path / "l.docx", VERSION_1), _options(columns))
        assert _spacing_aside(word.selection_list) == _spacing_aside(sheet.selection_list)

    def test_headings_by_numbering_and_nested_tables(self, tmp_path: Path) -> None:
        """A bold numbered line is a heading without a heading style; a nested table's text
        is its cell's; a Word table of other columns (a legend) is not part of the list."""
        document = docx.Document()
        legend = document.add_table(rows=2, cols=2)
        legend.cell(0, 0).text, legend.cell(0, 1).text = "Code", "Betekenis"
        legend.cell(1, 0).text, legend.cell(1, 1).text = "B", "Bewaren"
        heading = document.add_paragraph()
        heading.add_run("4 Evaluatie uitvoeren").bold = True
        table = document.add_table(rows=2, cols=4)
        for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
            cell.text = text
        number, name, valuation, remark = table.rows[1].cells
        number.text, name.text, valuation.text = "4.1", "Evaluaties uitvoeren", "B (2)"
        inner = remark.add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "Ook tussentijdse evaluaties."
        path = tmp_path / "l.docx"
        document.save(str(path))
        lijst = import_table(path, _options(COLUMNS)).selection_list
        (section,) = lijst.sections
        assert (section.number, section.title) == ("4", "Evaluatie uitvoeren")
        category = lijst.category("4.1")
        assert category.explanation == "Ook tussentijdse evaluaties."

    def test_no_table_matching_the_mapping(self, tmp_path: Path) -> None:
        """A document without the mapped columns: one line saying which columns were sought."""
        path = _per_section(tmp_path / "l.docx", VERSION_1)
        columns = attrs.evolve(COLUMNS, name="Omschrijving")
        with pytest.raises(DocumentErrors) as caught:
            import_table(path, _options(columns))
        (problem,) = caught.value.problems
        assert "has no table with the columns 'Nr.', 'Omschrijving'" in str(problem)

    def test_damaged_docx(self, tmp_path: Path) -> None:
        """A damaged Word file: one line naming it."""
        path = tmp_path / "l.docx"
        path.write_bytes(b"PK\x03\x04 this is no Word document")
        with pytest.raises(DocumentErrors) as caught:
            import_table(path, _options(COLUMNS))
        (problem,) = caught.value.problems
        assert "is not a readable Word document (.docx)" in str(problem)


@needs_office
class TestPdfWithMapping:
    """PDF printed from those documents, read with the same mapping."""

    @pytest.mark.parametrize(("landscape", "repeat"), [(False, True), (True, False)])
    def test_a_table_per_section(self, tmp_path: Path, landscape: bool, repeat: bool) -> None:
        """Portrait with the header on every page, landscape without: the sheet's list."""
        sheet = import_table(_sheet(tmp_path / "l.csv", VERSION_1), _options(WITH_SECTIONS))
        word = _per_section(tmp_path / "l.docx", VERSION_1, landscape=landscape, repeat=repeat)
        pdf = import_table(_pdf(word), _options(COLUMNS))
        assert _without_texts(pdf.selection_list) == sheet.selection_list

    def test_one_long_table(self, tmp_path: Path) -> None:
        """One table with a section column, landscape, over a page break: the sheet's list."""
        columns = attrs.evolve(COLUMNS, section="Hoofdstuk")
        sheet = import_table(_sheet(tmp_path / "l.csv", VERSION_1), _options(columns))
        word = _one_table(tmp_path / "l.docx", VERSION_1, landscape=True)
        pdf = import_table(_pdf(word), _options(columns))
        assert _spacing_aside(pdf.selection_list) == _spacing_aside(sheet.selection_list)

    def test_the_diff_from_pdfs_is_the_diff_from_sheets(self, tmp_path: Path) -> None:
        """Renumbering, a split and a withdrawal in a remark: the same changes either way."""
        lists = {}
        for name, rows, label in (("v1", VERSION_1, "1"), ("v2", VERSION_2, "2")):
            (tmp_path / name).mkdir()
            sheet = import_table(
                _sheet(tmp_path / name / "l.csv", rows), _options(WITH_SECTIONS, label)
            )
            word = _per_section(tmp_path / name / "l.docx", rows)
            pdf = import_table(_pdf(word), _options(COLUMNS, label))
            lists[name] = (sheet.selection_list, _without_texts(pdf.selection_list))
        from_sheets = diff(lists["v1"][0], lists["v2"][0])
        from_pdfs = diff(lists["v1"][1], lists["v2"][1])
        assert _changes(from_pdfs) == _changes(from_sheets)
        kinds = {change.kind.value for change in from_sheets}
        assert {"split", "renumbered", "withdrawn"} & kinds

    def test_page_break_inside_a_row(self, tmp_path: Path) -> None:
        """A remark long enough to break over a page stays one row, one text."""
        long = "Een lange opmerking die over de pagina doorloopt. " * 60
        rows: Rows = {("1", "Bestuur"): [("1.1", "Iets", "V, 1 jaar", long.strip())]}
        rows[("1", "Bestuur")] = [
            *((f"1.{n}", f"Handeling {n}", "V, 1 jaar", "Kort.") for n in range(1, 30)),
            ("1.30", "Iets", "V, 1 jaar", long.strip()),
        ]
        pdf = import_table(_pdf(_per_section(tmp_path / "l.docx", rows)), _options(COLUMNS))
        category = pdf.selection_list.category("1.30")
        assert category.explanation == " ".join(long.split())

    def test_unreadable_row_names_page_and_row(self, tmp_path: Path) -> None:
        """A valuation no notation reads is an error naming its page and row; nothing is kept."""
        rows: Rows = {("1", "Bestuur"): [("1.1", "Iets", "V, tien jaar", "")]}
        pdf = _pdf(_per_section(tmp_path / "l.docx", rows))
        with pytest.raises(DocumentErrors) as caught:
            import_table(pdf, _options(COLUMNS))
        (problem,) = caught.value.problems
        assert ":2 page 1, column 'Waardering': cannot read the term 'tien jaar'" in str(problem)

    def test_scanned_pdf(self, tmp_path: Path) -> None:
        """A scan has no text to read: one line saying so."""
        from PIL import Image  # noqa: PLC0415  # pdfplumber's own dependency

        path = tmp_path / "scan.pdf"
        Image.new("RGB", (595, 842), "white").save(path)
        with pytest.raises(DocumentErrors) as caught:
            import_table(path, _options(COLUMNS))
        (problem,) = caught.value.problems
        assert "it is a scan" in str(problem)

    def test_password_protected_pdf(self, tmp_path: Path) -> None:
        """A PDF with a password: one line saying so."""
        word = _per_section(tmp_path / "l.docx", VERSION_1)
        assert OFFICE is not None
        options = (
            'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"geheim"}}'
        )
        subprocess.run(  # noqa: S603  # LibreOffice, with our own arguments
            [OFFICE, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
             "--convert-to", options, "--outdir", str(tmp_path), str(word)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        with pytest.raises(DocumentErrors) as caught:
            import_table(word.with_suffix(".pdf"), _options(COLUMNS))
        (problem,) = caught.value.problems
        assert "protected by a password" in str(problem)


def _changes(changes: ChangeSet) -> list[tuple[str, str | None, str | None]]:
    return sorted(
        (change.kind.value, change.old_number, change.new_number)
        for change in changes
        if change.field is None or change.field.value != "text"
    )


class TestOwnDocuments:
    """export -o x.docx, then import table x.docx: the same list."""

    @pytest.mark.parametrize(("name", "label"), [("voorbeeld", "1.0"), ("voorbeeld", "2.1"),
                                                   ("mivd", "0.16")])  # fmt: skip
    def test_shipped_lists(self, tmp_path: Path, name: str, label: str) -> None:
        """Each shipped list reads back from its Word document equal, ids and all."""
        original = load(name, label)
        export(original, tmp_path / "lijst.docx")
        assert read_export(tmp_path / "lijst.docx") == original

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=30)
    @given(selection=selection_lists(max_categories=8))
    def test_any_list(self, tmp_path: Path, selection: SelectionList) -> None:
        """Any valid list reads back from its Word document equal."""
        export(selection, tmp_path / "lijst.docx")
        assert read_export(tmp_path / "lijst.docx") == selection

    def test_edited_after_export(self, tmp_path: Path) -> None:
        """A name reworded and a term changed in Word: the text wins, and the ids stay."""
        original = load("voorbeeld", "2.1")
        path = tmp_path / "lijst.docx"
        export(original, path)
        document = docx.Document(str(path))
        for table in document.tables:
            for row in table.rows:
                if row.cells[0].text == "1.2":
                    row.cells[1].text = "Het bewaren van vergaderstukken"
                    row.cells[2].text = "V, 5 jaar"
        document.save(str(path))
        back = read_export(path)
        category = back.category("1.2")
        assert category.name == "Het bewaren van vergaderstukken"
        assert str(category.valuation) == "V, 5 jaar"
        assert category.id == original.category("1.2").id
        changes = diff(original, back)
        assert {c.kind.value for c in changes if c.new_number == "1.2"} >= {"term_changed"}

    def test_command_line(self, tmp_path: Path) -> None:
        """export -o lijst.docx, import table lijst.docx -o: the version, unchanged."""
        runner = CliRunner()
        path = tmp_path / "lijst.docx"
        result = runner.invoke(main, ["export", "voorbeeld@2.1", "-o", str(path)])
        assert result.exit_code == 0, result.output
        result = runner.invoke(main, ["import", "table", str(path), "-o", str(tmp_path / "back")])
        assert result.exit_code == 0, result.output
        result = runner.invoke(
            main, ["diff", "voorbeeld@2.1", str(tmp_path / "back" / "list.yaml")]
        )
        assert result.exit_code == 0, result.output

    def test_english(self, tmp_path: Path) -> None:
        """A document in English reads back equal too."""
        from selectielijst.rendering import Language  # noqa: PLC0415  # only here

        original = load("voorbeeld", "2.1")
        export(original, tmp_path / "lijst.docx", language=Language.EN)
        assert "Category" in "".join(
            cell.text
            for table in docx.Document(str(tmp_path / "lijst.docx")).tables
            for cell in table.rows[0].cells
        )
        assert read_export(tmp_path / "lijst.docx") == original

    @needs_office
    def test_pdf(self, tmp_path: Path) -> None:
        """The PDF reads back to the same categories; titles, versions and criteria too."""
        original = load("voorbeeld", "2.1")
        export(original, tmp_path / "lijst.pdf")
        back = read_export(tmp_path / "lijst.pdf")
        assert back.title == original.title
        assert back.version.label == "2.1"
        assert back.criteria == original.criteria
        assert [c.number for _, c in back.categories()] == [
            c.number for _, c in original.categories()
        ]
        for (_, mine), (_, theirs) in zip(back.categories(), original.categories(), strict=True):
            assert str(mine.valuation) == str(theirs.valuation)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _decided(word: bytes, *, accept: bool) -> list[tuple[str, ...]]:
    """What the document says once every revision is accepted (or rejected), block by block.

    As Word does it: the revisions kept lose their marks, the others go with
    their text, their paragraphs and their table rows.
    """
    import io  # noqa: PLC0415  # only here

    body = docx.Document(io.BytesIO(word)).element.body
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    for tr in list(body.iter(W + "tr")):
        if tr.find(f"{W}trPr/{W}{drop}") is not None:
            tr.getparent().remove(tr)
    for p in list(body.iter(W + "p")):
        if p.find(f"{W}pPr/{W}rPr/{W}{drop}") is not None:
            p.getparent().remove(p)
    for element in list(body.iter(W + drop)):
        element.getparent().remove(element)
    for element in list(body.iter(W + keep)):
        parent = element.getparent()
        if parent.tag in {W + "rPr", W + "trPr"}:
            parent.remove(element)
            continue
        for child in list(element):
            element.addprevious(child)
        parent.remove(element)
    for text in body.iter(W + "delText"):
        text.tag = W + "t"
    return _said(body)


def _said(body: object) -> list[tuple[str, ...]]:
    """The body's paragraphs and tables as texts, spacing aside; empty tables are none."""
    blocks: list[tuple[str, ...]] = []

    def text(element: object) -> str:
        parts = [
            "\n" if node.tag == W + "br" else node.text or ""
            for node in element.iter(W + "t", W + "br")  # type: ignore[attr-defined]
        ]
        return " ".join("".join(parts).split())

    for child in body:  # type: ignore[attr-defined]
        if child.tag == W + "p":
            blocks.append(("p", text(child)))
        elif child.tag == W + "tbl":
            rows = tuple(
                " | ".join(text(tc) for tc in tr.findall(W + "tc"))
                for tr in child.findall(W + "tr")
            )
            if rows:
                blocks.append(("table", *rows))
    return blocks


class TestTrackedChanges:
    """show NEW --changes-from OLD -o x.docx: the new version, each change a Word revision."""

    @pytest.mark.parametrize(("old", "new"), [("1.0", "2.0"), ("2.0", "2.1"), ("1.0", "2.1")])
    def test_accept_all_is_new_and_reject_all_is_old(self, old: str, new: str) -> None:
        """Accepting every revision gives the new version's document; rejecting, the old one's."""
        import io  # noqa: PLC0415  # only here

        from selectielijst.io import export_bytes, revised_bytes  # noqa: PLC0415  # only here

        before, after = load("voorbeeld", old), load("voorbeeld", new)
        draft = revised_bytes(before, after)
        plain_new = _said(docx.Document(io.BytesIO(export_bytes(after, "docx"))).element.body)
        plain_old = _said(docx.Document(io.BytesIO(export_bytes(before, "docx"))).element.body)
        assert _decided(draft, accept=True) == plain_new
        assert _decided(draft, accept=False) == plain_old

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
    @given(before=selection_lists(max_categories=6), after=selection_lists(max_categories=6))
    def test_any_two_lists(self, before: SelectionList, after: SelectionList) -> None:
        """For any two lists, accept all and reject all give the two documents."""
        import io  # noqa: PLC0415  # only here

        from selectielijst.io import export_bytes, revised_bytes  # noqa: PLC0415  # only here

        draft = revised_bytes(before, after)
        for version, accept in ((after, True), (before, False)):
            plain = _said(docx.Document(io.BytesIO(export_bytes(version, "docx"))).element.body)
            assert _decided(draft, accept=accept) == plain

    def test_revisions_are_words(self) -> None:
        """A shorter term is its old words deleted and new ones inserted, by selectielijst."""
        from selectielijst.io import revised_bytes  # noqa: PLC0415  # only here

        draft = revised_bytes(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
        import io  # noqa: PLC0415  # only here

        body = docx.Document(io.BytesIO(draft)).element.body
        deleted = [
            "".join(t.text for t in d.iter(W + "delText")).strip() for d in body.iter(W + "del")
        ]
        inserted = ["".join(t.text for t in i.iter(W + "t")).strip() for i in body.iter(W + "ins")]
        assert "10" in deleted
        assert "7" in inserted
        authors = {m.get(W + "author") for m in body.iter(W + "ins", W + "del")}
        assert authors == {"selectielijst"}

    def test_command_line(self, tmp_path: Path) -> None:
        """show 2.0 --changes-from 1.0 -o concept-met-mutaties.docx writes the draft."""
        path = tmp_path / "concept-met-mutaties.docx"
        result = CliRunner().invoke(
            main, ["show", "voorbeeld@2.0", "--changes-from", "voorbeeld@1.0", "-o", str(path)]
        )
        assert result.exit_code == 0, result.output
        assert _decided(path.read_bytes(), accept=True)
