"""Change logs as Word documents (python-docx), and what the list's own Word documents share.

The same content as the HTML: the heading, the summary table, the major
changes, the changes by section and the concordance as a table. Removed words
are struck through in red, inserted ones underlined in green.

The document is ready to publish as it is: A4 with margins, its language the
change log's (nl-NL or en-GB, so that Word checks the spelling of the right
language), a header with the list's title and the versions compared, a footer
"pagina X van Y", the date it was made and the body issuing the list, Word
headings (the navigation pane) and tables whose header row repeats on every page.
"""

from __future__ import annotations

import copy
import datetime
import functools
import html
import io
import os
import re
from collections.abc import Sequence
from typing import Any

from selectielijst._changes import SegmentKind
from selectielijst._i18n import date_words
from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst._render._style import Chapter, Writer, since, version_heading
from selectielijst._storage import NOT_IN_XML

__all__ = ["WRITER", "document", "history", "word_text"]

_RED = (0x8A, 0x1C, 0x1C)
_GREEN = (0x14, 0x53, 0x2D)


def word_text(text: str) -> str:
    """Text as a Word document holds it: what XML cannot hold shown as U+FFFD."""
    return _clean(text)


_NOT_IN_WORD = re.compile(NOT_IN_XML)


def _clean(text: str) -> str:
    r"""Text Word can hold: each character XML 1.0 cannot hold shown as U+FFFD.

    Other characters that print as nothing stay as they are: a no-break
    space, a soft hyphen, a zero-width space, a line separator.

    >>> _clean("artikel\xa05, onder\xada") == "artikel\xa05, onder\xada"
    True
    >>> _clean("a\x1bb\rc") == "a\ufffdb\ufffdc"
    True
    """
    if text.isprintable():
        return text
    return _NOT_IN_WORD.sub("\ufffd", text)


_LANGUAGE_TAGS = {Language.NL: "nl-NL", Language.EN: "en-GB"}
"""The language Word marks the text with, for its spelling and hyphenation."""


def _new_document(language: Language, header: str) -> Any:
    """An empty document: A4, margins of 2.5 cm, its language, the header and page numbers."""
    from docx.shared import Mm, Pt  # noqa: PLC0415  # loaded when a Word file is written

    doc = copy.deepcopy(_template())  # a copy of its own: the template is never changed
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    _mark_language(doc, _LANGUAGE_TAGS[language])
    heading = section.header.paragraphs[0]
    heading.text = _clean(header)
    heading.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = 2  # right: "pagina 3 van 12"
    footer.add_run(f"{label('page', language)} ")
    _field(footer, "PAGE")
    footer.add_run(f" {label('of', language)} ")
    _field(footer, "NUMPAGES")
    return doc


@functools.cache
def _template() -> Any:
    """python-docx's template without what our documents do without, read once and then copied.

    Reading the template parses 350 kB of styles; a copy of the trimmed one
    takes a fifth of the time, and a smaller file is written sooner.
    """
    import docx  # noqa: PLC0415  # loaded when a Word file is written, not on import

    doc = docx.Document()
    _without_template_leftovers(doc)
    _without_unused_table_styles(doc)
    return doc


_TABLE_STYLES = frozenset({"TableNormal", "TableGrid"})
"""The ids of the table styles our documents use: the default and the plain grid."""


def _without_unused_table_styles(doc: Any) -> None:
    """Drop the template's 98 coloured table styles (nine in ten of its styles' bytes).

    Word lists them still, from the latent styles it knows them by, and adds
    one to the document when a reader picks it, as in a new document of its own.
    """
    from docx.oxml.ns import qn  # noqa: PLC0415  # see _template

    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in _TABLE_STYLES:
            styles.remove(style)


_LEFTOVERS = ("/stylesWithEffects", "/thumbnail")
"""Parts of python-docx's template a document of ours does without: Word 2010's copy of the
styles (400 kB that newer Word and LibreOffice do not read) and a picture of an empty page,
which a file manager would show as ours."""


def _without_template_leftovers(doc: Any) -> None:
    """Drop the template's parts named in :data:`_LEFTOVERS`: a smaller file, written sooner."""
    for owner in (doc.part.rels, doc.part.package.rels):
        for key, relation in list(owner.items()):
            if relation.reltype.endswith(_LEFTOVERS):
                owner.pop(key)


def _mark_language(doc: Any, tag: str) -> None:
    """Set the document's language (its default text properties and the Normal style)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415  # see _new_document
    from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    places = [doc.styles["Normal"].element.get_or_add_rPr()]
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
            places.append(run_defaults.find(qn("w:rPr")))
    for properties in places:
        language = properties.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            properties.append(language)
        language.set(qn("w:val"), tag)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in *paragraph*, which Word fills in as it lays out pages."""
    from docx.oxml import OxmlElement  # noqa: PLC0415  # see _new_document
    from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # noqa: SLF001  # python-docx has no API for fields


def _made(body: _Body, language: Language, organisation: str | None) -> None:
    """The date the document was made, and the body issuing the list, under the title."""
    text = f"{label('made_on', language)} {date_words(_today(), language)}"
    if organisation:
        text += f" · {organisation}"
    body.paragraph(text)


def _today() -> datetime.date:
    """Today, or the day ``SOURCE_DATE_EPOCH`` names, for a document made reproducibly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdecimal():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.datetime.now(tz=datetime.UTC).date()


def _item(item: Item, style: str) -> str:
    """One change as a bullet: the XML of a paragraph in the style whose id is *style* (escaped)."""
    runs = []
    if item.number:
        runs += [_run_xml(item.number, "b"), _run_xml(" ")]
    if item.name:
        runs.append(_run_xml(item.name + " — "))
    runs.append(_run_xml(item.text))
    if item.flag:
        runs += [_run_xml(" "), _run_xml(item.flag, "b")]
    for segment in item.segments:
        runs.append(_run_xml(" "))
        if segment.kind is SegmentKind.DELETE:
            runs.append(_run_xml(segment.text, "strike", _RED))
        elif segment.kind is SegmentKind.INSERT:
            runs.append(_run_xml(segment.text, "u", _GREEN))
        else:
            runs.append(_run_xml(segment.text))
    if item.reason:
        runs += [_run_xml(" "), _run_xml(item.reason, "i")]
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>' + "".join(runs) + "</w:p>"


_FORMATS = {"b": "w:b", "i": "w:i", "strike": "w:strike", "u": "w:u"}
"""The run formats used, as Word's elements; with a colour, ``w:color`` comes before ``w:u``."""


def _run_xml(text: str, form: str | None = None, color: tuple[int, int, int] | None = None) -> str:
    """A run of *text* as XML text: bold, italic, struck or underlined (*form*), coloured.

    The XML python-docx's ``add_run`` and font settings make, written as text
    so that many runs are read in one go. Tabs and line breaks are Word's own
    elements; spaces at either end are kept.
    """
    properties = ""
    if form is not None or color is not None:
        if form in {"b", "i", "strike"}:
            properties += f"<{_FORMATS[form]}/>"
        if color is not None:
            properties += f'<w:color w:val="{bytes(color).hex().upper()}"/>'
        if form == "u":
            properties += '<w:u w:val="single"/>'
        properties = f"<w:rPr>{properties}</w:rPr>"
    content = []
    for part in re.split(r"([\t\n])", _clean(text)):
        if part == "\t":
            content.append("<w:tab/>")
        elif part == "\n":
            content.append("<w:br/>")
        elif part:
            space = ' xml:space="preserve"' if part != part.strip() else ""
            content.append(f"<w:t{space}>{html.escape(part, quote=False)}</w:t>")
    return f"<w:r>{properties}{''.join(content)}</w:r>"


def _run(p: Any, text: str) -> None:
    """A run of plain *text* at the end of paragraph *p*, as :func:`_run_xml` writes it."""
    from docx.oxml import parse_xml  # noqa: PLC0415  # see _new_document
    from docx.oxml.ns import nsdecls  # noqa: PLC0415  # likewise

    p.append(parse_xml(f"<w:p {nsdecls('w')}>{_run_xml(text)}</w:p>")[0])


def _table(
    doc: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int] | None = None,
) -> None:
    """A table with a header row that repeats on every page; *widths* in millimetres."""
    from docx.oxml import OxmlElement  # noqa: PLC0415  # see _new_document
    from docx.oxml.ns import qn  # noqa: PLC0415  # likewise
    from docx.shared import Mm  # noqa: PLC0415  # likewise

    table = doc.add_table(rows=1, cols=len(header))
    table._tbl.tblStyle_val = "TableGrid"  # noqa: SLF001  # "Table Grid" by its id: no lookup
    if widths is not None:
        table.autofit = False
        for column, cell, width in zip(
            table._tbl.tblGrid.gridCol_lst,  # noqa: SLF001  # the grid: no API sets its widths
            table.rows[0].cells,
            widths,
            strict=True,
        ):
            column.w = cell.width = Mm(width)
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)  # noqa: SLF001  # no API for it
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_clean(text)).bold = True
    _rows(table, rows)


def _rows(table: Any, rows: Sequence[Sequence[str]]) -> None:
    """Append *rows* to *table*, each in time of its own.

    python-docx's ``add_row().cells`` looks up every cell of the table for
    each new row, so a concordance of 40,000 rows took minutes. One row is
    made as ``add_row`` makes it (a cell per grid column, of its width, with
    a paragraph and a run); each row is a copy of it with its own texts.
    """
    import copy  # noqa: PLC0415  # with the document

    from docx.oxml.ns import qn  # noqa: PLC0415  # see _new_document
    from docx.table import _Cell  # noqa: PLC0415  # likewise

    grid = table._tbl  # noqa: SLF001  # the table's XML: no API adds rows in constant time
    widths = [column.w for column in grid.tblGrid.gridCol_lst]
    model = grid.add_tr()
    for width in widths:
        tc = model.add_tc()
        tc.width = width
        _Cell(tc, table).text = "x"
    grid.remove(model)
    preserve = qn("xml:space")
    for row in rows:
        tr = copy.deepcopy(model)
        for tc, t, text in zip(tr.iter(qn("w:tc")), tr.iter(qn("w:t")), row, strict=True):
            text = _clean(text)  # noqa: PLW2901  # as Word can hold it
            if "\t" in text or "\n" in text:
                _Cell(tc, table).text = text  # tabs and breaks: elements of their own
                continue
            t.text = text
            if text != text.strip():
                t.set(preserve, "preserve")
        grid.append(tr)


class _Body:
    """Paragraphs and headings added at the end of a document, each in time of its own.

    python-docx finds the end of the body (before its section properties) and
    a style's id by its name anew for every paragraph; both are found once here.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.end = doc.element.body.sectPr
        self.styles: dict[str, str] = {}

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        """A paragraph of *text* in the style named *style*; its XML, to add runs to."""
        from docx.oxml import OxmlElement  # noqa: PLC0415  # see _new_document

        p = OxmlElement("w:p")
        if style is not None:
            if style not in self.styles:
                self.styles[style] = self.doc.styles[style].style_id
            p.style = self.styles[style]
        if text:
            _run(p, text)
        if self.end is not None:
            self.end.addprevious(p)
        else:
            self.doc.element.body.append(p)
        return p

    def items(self, items: Sequence[Item]) -> None:
        """A bullet for each of *items*: their XML made as text and read in one go."""
        if not items:
            return
        from docx.oxml import parse_xml  # noqa: PLC0415  # see _new_document
        from docx.oxml.ns import nsdecls  # noqa: PLC0415  # likewise

        if "List Bullet" not in self.styles:
            self.styles["List Bullet"] = self.doc.styles["List Bullet"].style_id
        style = html.escape(self.styles["List Bullet"])
        paragraphs = "".join(_item(item, style) for item in items)
        for p in list(parse_xml(f"<w:body {nsdecls('w')}>{paragraphs}</w:body>")):
            if self.end is not None:
                self.end.addprevious(p)
            else:
                self.doc.element.body.append(p)

    def heading(self, text: str, level: int) -> None:
        """A heading, as ``add_heading`` makes it: the title at level 0, else Heading 1 to 9."""
        self.paragraph(text, "Title" if level == 0 else f"Heading {level}")


def _report(body: _Body, report: Report, *, level: int, title: str | None) -> None:
    say = report.language
    body.heading(_clean(title or report.title), min(level - 1, 8))
    body.paragraph(_clean(report.subtitle))
    if level == 1:
        _made(body, say, report.changeset.organisation)
    if not report.summary:
        body.paragraph(label("no_changes", say))
        return
    body.heading(label("summary", say), min(level, 9))
    rows = [(kind, str(count)) for kind, count in report.summary]
    rows.append((label("total", say), str(sum(count for _, count in report.summary))))
    _table(body.doc, (label("kind", say), label("count", say)), rows)
    body.heading(label("major", say), min(level, 9))
    body.items(report.major)
    if not report.major:
        body.paragraph(label("no_major", say))
    if report.groups:
        body.heading(label("other", say), min(level, 9))
        for group in report.groups:
            body.heading(_clean(group.heading), min(level + 1, 9))
            body.items(group.items)
    if report.concordance:
        body.heading(label("concordance", say), min(level, 9))
        header = (label("old_number", say), label("new_number", say), label("change", say))
        _table(body.doc, header, report.concordance)
        if report.others():
            body.paragraph(_clean(report.others() or ""))
    if report.unmatched:
        body.heading(label("unmatched", say), min(level, 9))
        for reason in report.unmatched:
            body.paragraph(reason, "List Bullet")


def _bytes(doc: Any) -> bytes:
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def document(report: Report) -> bytes:
    """The change log as a Word document."""
    doc = _new_document(report.language, f"{report.title} — {report.subtitle}")
    doc.core_properties.title = _clean(report.title)[:255]
    doc.core_properties.language = _LANGUAGE_TAGS[report.language]
    _report(_Body(doc), report, level=1, title=None)
    return _bytes(doc)


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> bytes:
    """A version history as a Word document: each version a chapter, newest first."""
    doc = _new_document(language, title)
    doc.core_properties.title = _clean(title)[:255]
    body = _Body(doc)
    body.heading(title, 0)
    _made(body, language, None)
    for chapter in chapters:
        body.heading(version_heading(chapter.entry, language), 1)
        if chapter.report is None:
            body.paragraph(chapter.note)
        else:
            _report(body, chapter.report, level=3, title=since(chapter, language))
    return _bytes(doc)


WRITER = Writer(
    changes=lambda report, _level, _title, _color: document(report),
    history=history,
)
