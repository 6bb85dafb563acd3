"""Tests of change logs as an archivist publishes them: Word, XLSX, reasons, conventions."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import attrs
import docx
import openpyxl
import pytest
from click.testing import CliRunner
from docx.enum.style import WD_STYLE_TYPE
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from conftest import VNG_DATA
from samples import with_category
from selectielijst import (
    ChangeKind,
    SelectionList,
    Valuation,
    Workspace,
    diff,
    load,
    render,
    render_bytes,
)
from selectielijst._cli import main
from selectielijst._i18n._maintain import read_catalog
from selectielijst._render._report import build_report
from selectielijst.io import export_bytes
from selectielijst.snapshots import make_converter

SHARED = VNG_DATA


@pytest.fixture(autouse=True)
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an archivist publishes here is Dutch: the command line runs in Dutch."""
    monkeypatch.setenv("SELECTIELIJST_LANG", "nl")


@pytest.fixture(scope="module")
def example() -> tuple[SelectionList, SelectionList]:
    """The example list's versions 1.0 and 2.0."""
    return load("voorbeeld", "1.0"), load("voorbeeld", "2.0")


def plain(text: str) -> str:
    """Markdown without its markup and escapes, spaces collapsed."""
    text = re.sub(r"\\(.)", r"\1", text.replace("**", "").replace("~~", ""))
    return " ".join(text.split())


def list_texts(*lists: SelectionList) -> set[str]:
    """Every text the lists hold, as written."""
    found: set[str] = set()

    def visit(value: object) -> None:
        if isinstance(value, str):
            found.update({value, *value.split("\n\n")})
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    for selection_list in lists:
        visit(make_converter().unstructure(selection_list))
    return {text for text in found if len(text) > 3}


def word_text(data: bytes) -> str:
    """Every paragraph and table cell of a Word document."""
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return " ".join(" ".join(parts).split())


class TestWord:
    """A Word document with the same content as the HTML."""

    def test_same_items_as_markdown(self, example: tuple[SelectionList, ...]) -> None:
        """Every change's sentence, the summary and the concordance are in the .docx."""
        changes = diff(*example)
        data = render_bytes(changes, "docx")
        assert isinstance(data, bytes)
        text = word_text(data)
        report = build_report(changes)
        for item in [*report.major, *(i for g in report.groups for i in g.items)]:
            assert " ".join(item.text.split()) in text, item.text
        for old, new, kinds in report.concordance:
            assert old in text
            assert new in text
            assert kinds in text
        assert "Samenvatting" in text
        assert "Belangrijke wijzigingen" in text

    def test_markdown_lines_in_word(self, example: tuple[SelectionList, ...]) -> None:
        """Each list item of the Markdown reads the same in Word, but for its markup."""
        changes = diff(*example)
        text = word_text(render_bytes(changes, "docx"))  # type: ignore[arg-type]  # bytes
        markdown = render(changes, "markdown")
        items = [line[2:] for line in markdown.splitlines() if line.startswith("- ")]
        assert items
        for item in items:
            assert plain(item) in text, item

    def test_by_suffix(self, tmp_path: Path) -> None:
        """-o wijzigingen.docx writes Word without --format."""
        target = tmp_path / "wijzigingen.docx"
        result = CliRunner().invoke(
            main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        assert "Gesplitst in 2.1, 2.2" in word_text(target.read_bytes())


class TestChangeTable:
    """The XLSX change table: one row per change, an empty Motivering column."""

    def test_rows_and_columns(self, example: tuple[SelectionList, ...], tmp_path: Path) -> None:
        """Numbers, subject, kind, was, becomes, significance; the sentence as in Markdown."""
        target = tmp_path / "wijzigingen.xlsx"
        CliRunner().invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", str(target)])
        sheet = openpyxl.load_workbook(target).worksheets[0]
        rows = [[str(cell or "") for cell in row] for row in sheet.iter_rows(values_only=True)]
        header, body = rows[0], rows[1:]
        assert header[:8] == [
            "Oud nummer", "Nieuw nummer", "Onderwerp", "Soort wijziging", "Wijziging", "Was",
            "Wordt", "Belang",
        ]  # fmt: skip
        assert header[8:] == ["Motivering", "Sleutel"]
        assert len(body) == len(diff(*example))
        term = body[0]
        assert term[:2] == ["1.2", "1.2"]
        assert (term[5], term[6], term[7]) == ("10 jaar", "7 jaar", "belangrijk")
        assert all(row[8] == "" for row in body)
        markdown = plain(render(diff(*example), "markdown"))
        for row in body:
            assert plain(row[4]) in markdown, row[4]


class TestReasons:
    """Reasons filled in a change table stay with their change and show everywhere."""

    def fill(self, table: Path, reasons: dict[str, str], target: Path) -> None:
        workbook = openpyxl.load_workbook(table)
        sheet = workbook.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            number = str(row[header.index("Nieuw nummer")].value or row[0].value)
            if number in reasons:
                row[header.index("Motivering")].value = reasons[number]
        workbook.save(target)

    def test_round_trip(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Fill in, store with `reasons`, and the diff and every format carry them."""
        monkeypatch.chdir(tmp_path)
        monkeypatch.delenv("SELECTIELIJST_ROOT", raising=False)
        workspace = Workspace(tmp_path)
        workspace.init("voorbeeld", title="Voorbeeld")
        for label in ("1.0", "2.0"):
            workspace.add(Workspace.shipped().load("voorbeeld", label))
        run = CliRunner()
        run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", "tabel.xlsx"])
        why = {"1.2": "De wettelijke termijn is zeven jaar.", "2.9": "Nieuw beleid sinds 2023."}
        self.fill(tmp_path / "tabel.xlsx", why, tmp_path / "ingevuld.xlsx")
        stored = run.invoke(main, ["reasons", "voorbeeld@2.0", "ingevuld.xlsx"])
        assert stored.exit_code == 0, stored.output
        assert (tmp_path / "versions" / "voorbeeld" / "2.0" / "reasons.yaml").is_file()
        for name in ("md", "rst", "html", "text", "json"):
            out = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", name])
            assert "De wettelijke termijn is zeven jaar." in out.stdout, name
        log = run.invoke(main, ["changelog", "voorbeeld"]).stdout
        assert "Nieuw beleid sinds 2023." in log
        word = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", "w.docx"])
        assert word.exit_code == 0
        assert "Motivering: De wettelijke termijn" in word_text((tmp_path / "w.docx").read_bytes())

    def test_gone_change_is_reported(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A reason whose change is no longer there is listed and noted, never dropped."""
        monkeypatch.chdir(tmp_path)
        monkeypatch.delenv("SELECTIELIJST_ROOT", raising=False)
        workspace = Workspace(tmp_path)
        workspace.init("voorbeeld", title="Voorbeeld")
        for label in ("1.0", "2.0"):
            workspace.add(Workspace.shipped().load("voorbeeld", label))
        table = tmp_path / "redenen.csv"
        with table.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Oud nummer", "Nieuw nummer", "Motivering", "Sleutel"])
            writer.writerow(["9.9", "9.9", "Een reden bij niets.", "revalued|weg|weg|valuation|"])
        run = CliRunner()
        stored = run.invoke(main, ["reasons", "voorbeeld@2.0", str(table)])
        assert stored.exit_code == 0, stored.output
        assert "hoort bij geen wijziging meer: Een reden bij niets." in stored.stderr
        out = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", "md"])
        assert "Motiveringen bij wijzigingen die er niet meer zijn" in out.stdout
        assert "9.9: Een reden bij niets." in out.stdout
        assert "hoort bij geen wijziging meer" in out.stderr

    def test_not_a_change_table(self, tmp_path: Path) -> None:
        """A sheet without the key column is an error that names the columns it needs."""
        table = tmp_path / "iets.csv"
        table.write_text("Nummer,Motivering\n1,x\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["reasons", "voorbeeld@2.0", str(table)])
        assert result.exit_code == 1
        assert "er is geen kolom 'Sleutel'" in result.stderr


class TestConventions:
    """What a command-line user expects."""

    def test_exit_code(self) -> None:
        """--exit-code: 1 with differences, 0 without, as git diff."""
        run = CliRunner()
        changed = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--exit-code"])
        same = run.invoke(main, ["diff", "voorbeeld@2.1", "voorbeeld@2.1", "--exit-code"])
        plain_run = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0"])
        assert (changed.exit_code, same.exit_code, plain_run.exit_code) == (1, 0, 0)

    def test_color(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """--color always colours; never and NO_COLOR do not."""
        run = CliRunner()
        args = ["diff", "voorbeeld@1.0", "voorbeeld@2.0"]
        assert "\x1b[" in run.invoke(main, [*args, "--color", "always"]).stdout
        assert "\x1b[" not in run.invoke(main, [*args, "--color", "never"]).stdout
        monkeypatch.setenv("NO_COLOR", "1")
        assert "\x1b[" not in run.invoke(main, [*args, "--color", "auto"]).stdout

    def test_stdout_dash_and_suffixes(self, tmp_path: Path) -> None:
        """-o - is standard output; each suffix gives its format; an unknown one is refused."""
        run = CliRunner()
        args = ["diff", "voorbeeld@1.0", "voorbeeld@2.0"]
        assert run.invoke(main, [*args, "-o", "-", "--format", "md"]).stdout.startswith("# ")
        for suffix, start in ((".md", b"# "), (".html", b"<!DOCTYPE"), (".json", b"{")):
            target = tmp_path / f"log{suffix}"
            run.invoke(main, [*args, "-o", str(target)])
            assert target.read_bytes().startswith(start), suffix
        refused = run.invoke(main, [*args, "-o", str(tmp_path / "log.pdf")])
        assert refused.exit_code == 2
        assert "valt het formaat niet af te leiden" in refused.stderr

    def test_notes_on_stderr(self, tmp_path: Path) -> None:
        """Results go to standard output; confirmations to standard error."""
        result = CliRunner().invoke(
            main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", str(tmp_path / "x.md")]
        )
        assert result.stdout == ""
        assert "geschreven" in result.stderr

    def test_show_keeps_number_and_name_apart(self) -> None:
        """A long number is followed by a space, never glued to the name."""
        from selectielijst._render._listing import list_as_text  # noqa: PLC0415  # the writer

        lijst = load("voorbeeld", "2.1")
        category = next(c for _, c in lijst.categories())
        import attrs  # noqa: PLC0415  # only here

        long = attrs.evolve(category, number="1.1.10")
        section = attrs.evolve(lijst.sections[0], categories=(long,), sections=())
        text = list_as_text(attrs.evolve(lijst, sections=(section,)))
        assert f"1.1.10 {category.name}" in text


class TestWords:
    """The words of a change log."""

    def test_english_has_no_dutch_labels(self, example: tuple[SelectionList, ...]) -> None:
        """With lang=en no Dutch label is left; list text stays as written."""
        english = render(diff(*example), "markdown", lang="en")
        for text in sorted(list_texts(*example), key=len, reverse=True):
            english = english.replace(text, "")  # list text stays Dutch, as written
        catalog = read_catalog("nl")
        dutch = [
            m.string
            for m in catalog
            if m.id and isinstance(m.string, str) and m.string != m.id and len(m.string) > 3
            if "{" not in m.string and not (m.context and "-" in m.context)  # the labels
        ]
        dutch += ["vastgesteld", "ter inzage", "jaar", "vernietigen"]
        found = [word for word in dutch if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", english)]
        assert found == []

    def test_direct(self) -> None:
        """A term of nothing reads 'direct', as lists write it."""
        from selectielijst._render._labels import duration_words  # noqa: PLC0415  # the words
        from selectielijst.lookup import Duration  # noqa: PLC0415  # the record

        assert duration_words(Duration()) == "direct"

    @pytest.mark.skipif(not SHARED.is_dir(), reason="the VNG data is not here")
    def test_vng_no_bare_label(self) -> None:
        """On VNG 2017 -> 2020 no change ends in a bare label: added text is shown in full."""
        from selectielijst import Status, import_vng  # noqa: PLC0415  # only here
        from selectielijst.model import VersionInfo  # noqa: PLC0415  # likewise

        versions = [
            import_vng(
                SHARED / f"selectielijst-{year}.csv",
                version=VersionInfo(year, Status.VASTGESTELD),
            ).selection_list
            for year in ("2017", "2020")
        ]
        changes = diff(*versions)
        report = build_report(changes)
        items = [*report.major, *(i for g in report.groups for i in g.items)]
        bare = [item.text for item in items if item.text.endswith(":") and not item.segments]
        assert bare == []
        assert any(c.kind is ChangeKind.TERM_CHANGED for c in changes)


class TestChangeTableWorkbook:
    """The XLSX change table is ready to hand on: no internal column in sight, every number."""

    @pytest.fixture
    def workbook(self) -> openpyxl.Workbook:
        old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
        data = render_bytes(diff(old, new), "xlsx")
        assert isinstance(data, bytes)
        return openpyxl.load_workbook(io.BytesIO(data))

    def test_layout(self, workbook: openpyxl.Workbook) -> None:
        """Header frozen, a filter over the table, the key column hidden, widths set."""
        sheet = workbook.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        key = get_column_letter(header.index("Sleutel") + 1)
        assert sheet.column_dimensions[key].hidden
        visible = [
            name for column, name in enumerate(header, start=1)
            if not sheet.column_dimensions[get_column_letter(column)].hidden
        ]  # fmt: skip
        assert "Sleutel" not in visible
        assert all(sheet.column_dimensions[c].width >= 10 for c in "ABC")

    def test_split_merge_and_withdrawn_rows(self, workbook: openpyxl.Workbook) -> None:
        """A split names all its parts, a merge all it merged, a withdrawal what it was."""
        sheet = workbook.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        rows = [
            dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)
        ]
        by_kind = {row["Soort wijziging"]: row for row in rows}
        split, merged = by_kind["gesplitst"], by_kind["samengevoegd"]
        assert (split["Oud nummer"], split["Nieuw nummer"]) == ("2.1", "2.1, 2.2")
        assert (merged["Oud nummer"], merged["Nieuw nummer"]) == ("2.2, 2.3", "2.3")
        withdrawn = by_kind["vervallen"]
        assert withdrawn["Was"] not in {None, "", "—"}
        assert "vervallen" in str(withdrawn["Wordt"]).lower()

    def test_concordance_sheet(self, workbook: openpyxl.Workbook) -> None:
        """A second sheet holds the concordance of the changed categories."""
        sheet = workbook.worksheets[1]
        assert sheet.title == "Concordantie"
        assert [cell.value for cell in sheet[1]] == [
            "Oud nummer",
            "Nieuw nummer",
            "Soort wijziging",
        ]
        assert ("2.1", "2.1, 2.2") in {(row[0].value, row[1].value) for row in sheet.iter_rows(2)}


class TestChangeTableCells:
    """A change table shows every text as a cell can hold it, where an export refuses."""

    def test_unholdable_characters_and_long_texts(self) -> None:
        """An escape character shows as U+FFFD; a text longer than a cell is cut, ending in "…"."""
        old = load("voorbeeld", "2.1")
        new = with_category(
            old, "1.2", name="Het beheren \x1b van stukken", explanation="woord " * 7_000
        )
        data = render_bytes(diff(old, new), "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]  # type: ignore[arg-type]
        cells = [str(cell.value) for row in sheet.iter_rows(2) for cell in row if cell.value]
        assert "Het beheren \ufffd van stukken" in cells
        cut = [cell for cell in cells if cell.startswith("woord woord")]
        assert cut
        assert all(len(cell) == 32_767 and cell.endswith("…") for cell in cut)


class TestLegalBasisWeight:
    """A changed legal basis (herkomst) is a major change; its typography alone is trivial."""

    def test_weights(self) -> None:
        from selectielijst.changes import Field, Significance  # noqa: PLC0415  # only here

        old = load("voorbeeld", "2.1")

        def with_origin(origin: str) -> SelectionList:
            return with_category(old, "1.2", origin=origin)

        before = with_origin("Risicoanalyse")
        (change,) = [c for c in diff(before, with_origin("Wettelijke bepaling"))
                     if c.field is Field.ORIGIN]  # fmt: skip
        assert change.significance is Significance.MAJOR
        (typographic,) = [c for c in diff(before, with_origin("risicoanalyse "))
                          if c.field is Field.ORIGIN]  # fmt: skip
        assert typographic.significance is Significance.TRIVIAL


class TestWordToPublish:
    """The Word change log is ready to publish as it is."""

    def word(self, lang: str, monkeypatch: pytest.MonkeyPatch) -> docx.document.Document:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796601600")  # 7 December 2026
        data = render_bytes(
            diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0")), "docx", lang=lang
        )
        assert isinstance(data, bytes)
        return docx.Document(io.BytesIO(data))

    def test_page_language_header_and_footer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A4, Dutch, the title and versions on top of each page, 'pagina X van Y' below."""
        from docx.oxml.ns import qn  # noqa: PLC0415  # reading the XML Word reads

        document = self.word("nl", monkeypatch)
        section = document.sections[0]
        width, height = section.page_width, section.page_height
        assert width is not None
        assert height is not None
        assert (round(width.mm), round(height.mm)) == (210, 297)  # A4
        languages = {
            element.get(qn("w:val")) for element in document.styles.element.iter(qn("w:lang"))
        }
        assert languages == {"nl-NL"}
        assert "Voorbeeldstad" in section.header.paragraphs[0].text
        footer = section.footer.paragraphs[0]
        fields = [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))]
        assert fields == ["PAGE", "NUMPAGES"]
        assert footer.text.startswith("pagina ")
        assert " van " in footer.text

    def test_made_and_by_whom(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Under the title: the date it was made, in words, and the body issuing the list."""
        texts = [p.text for p in self.word("nl", monkeypatch).paragraphs]
        assert "Opgesteld op 7 december 2026 · Gemeente Voorbeeldstad (fictief)" in texts
        english = [p.text for p in self.word("en", monkeypatch).paragraphs]
        assert any(text.startswith("Made on 7 December 2026") for text in english)

    def test_headings_and_repeated_table_headers(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Word headings for the navigation pane; every table's header row repeats on each page."""
        from docx.oxml.ns import qn  # noqa: PLC0415  # reading the XML Word reads

        document = self.word("en", monkeypatch)
        languages = {e.get(qn("w:val")) for e in document.styles.element.iter(qn("w:lang"))}
        assert languages == {"en-GB"}
        styles = [p.style.name for p in document.paragraphs if p.style is not None]
        assert any(name.startswith("Heading") for name in styles)
        assert document.tables
        for table in document.tables:
            header = table.rows[0]._tr.trPr
            assert header is not None
            assert header.find(qn("w:tblHeader")) is not None

    def test_exception_reads_as_a_sentence(self) -> None:
        """A B with an exception that refers to the explanation reads as a sentence."""
        from selectielijst._render._labels import valuation_words  # noqa: PLC0415  # likewise
        from selectielijst.rendering import Language  # noqa: PLC0415  # only here

        valuation = attrs.evolve(Valuation.keep(1), exception="zie toelichting")
        assert valuation_words(valuation, Language.NL).endswith(
            "met uitzondering (zie toelichting)"
        )


@given(
    text=st.text(st.sampled_from("ab <&>\"'\t\n\r\x00\x1b\u2028é—"), max_size=12),
    form=st.sampled_from([None, "b", "i", "strike", "u"]),
    color=st.sampled_from([None, (0x8A, 0x1C, 0x1C), (0x14, 0x53, 0x2D)]),
)
def test_runs_made_as_text_are_word_runs(
    text: str, form: str | None, color: tuple[int, int, int] | None
) -> None:
    """A change's runs, made as XML text in one go, are the runs python-docx's own add_run and
    font settings make: tabs, breaks, spaces at the ends, markup characters; control
    characters shown as U+FFFD, which Word cannot hold."""
    from docx.oxml import OxmlElement, parse_xml  # noqa: PLC0415  # only here
    from docx.oxml.ns import nsdecls  # noqa: PLC0415  # likewise
    from docx.shared import RGBColor  # noqa: PLC0415  # likewise
    from docx.text.paragraph import Paragraph  # noqa: PLC0415  # likewise
    from lxml import etree  # type: ignore[import-untyped]  # noqa: PLC0415  # likewise

    from selectielijst._render._docx import _run_xml, word_text  # noqa: PLC0415  # under test

    by_python_docx = OxmlElement("w:p")
    run = Paragraph(by_python_docx, None).add_run(word_text(text))  # type: ignore[arg-type]
    if form == "b":
        run.bold = True
    elif form == "i":
        run.italic = True
    elif form == "strike":
        run.font.strike = True
    if color is not None:
        run.font.color.rgb = RGBColor(*color)
    if form == "u":
        run.underline = True
    by_text = parse_xml(f"<w:p {nsdecls('w')}>{_run_xml(text, form, color)}</w:p>")
    canonical = etree.tostring(by_python_docx, method="c14n")  # <w:t></w:t> is <w:t/>
    assert etree.tostring(by_text, method="c14n") == canonical


def test_word_files_carry_no_template_leftovers() -> None:
    """No picture of an empty page for a file manager to show, no Word 2010 copy of the styles."""
    import zipfile  # noqa: PLC0415  # only here

    data = render_bytes(diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0")), "docx")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()  # type: ignore[arg-type]  # bytes
    assert "word/document.xml" in names
    assert not [name for name in names if "thumbnail" in name or "stylesWithEffects" in name]
    assert docx.Document(io.BytesIO(data)).paragraphs  # type: ignore[arg-type]  # bytes


def test_word_files_keep_the_styles_they_use_and_no_coloured_table_styles() -> None:
    """The styles the document uses are defined; the template's 98 coloured table styles are not."""
    data = render_bytes(diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0")), "docx")
    document = docx.Document(io.BytesIO(data))  # type: ignore[arg-type]  # bytes
    tables = [style.style_id for style in document.styles if style.type == WD_STYLE_TYPE.TABLE]
    assert sorted(tables) == ["TableGrid", "TableNormal"]
    assert {table.style.name for table in document.tables if table.style} == {"Table Grid"}
    used = {p.style.name for p in document.paragraphs if p.style}
    assert {"Title", "Heading 1", "List Bullet"} <= used


def test_word_documents_made_one_after_another_share_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each document is a copy of the template: another made between leaves no trace in it."""
    import zipfile  # noqa: PLC0415  # only here

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the same date on both
    old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")

    def parts(data: bytes | str) -> dict[str, bytes]:
        archive = zipfile.ZipFile(io.BytesIO(data))  # type: ignore[arg-type]  # bytes
        return {name: archive.read(name) for name in archive.namelist()}

    first = parts(render_bytes(diff(old, new), "docx"))
    english = parts(render_bytes(diff(new, old), "docx", lang="en"))
    listed = parts(export_bytes(new, "docx"))
    again = parts(render_bytes(diff(old, new), "docx"))
    assert again == first
    assert b'w:val="en-GB"' in english["word/styles.xml"]
    assert b'w:val="en-GB"' not in again["word/styles.xml"]
    assert listed["word/document.xml"] != first["word/document.xml"]


def test_word_keeps_characters_that_print_as_nothing() -> None:
    """A no-break space, a soft hyphen and a zero-width space stay in a Word change log as the
    list writes them; only what XML cannot hold (an escape character) shows as U+FFFD."""
    old = load("voorbeeld", "2.1")
    name = "Het beheren van stukken over artikel\xa05, onder\xadde\u200bel b\x1b"
    data = render_bytes(diff(old, with_category(old, "1.2", name=name)), "docx")
    document = docx.Document(io.BytesIO(data))  # type: ignore[arg-type]  # bytes
    texts = [paragraph.text for paragraph in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    shown = "\n".join(texts)
    assert "artikel\xa05, onder\xadde\u200bel b\ufffd" in shown
