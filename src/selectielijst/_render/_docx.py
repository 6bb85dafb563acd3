"""Change logs as Word documents (python-docx): the only module that imports docx.

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

import datetime
import io
import os
from collections.abc import Sequence
from typing import Any

from selectielijst._changes import SegmentKind
from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst._render._style import Chapter, Writer, since, version_heading

__all__ = ["WRITER", "document", "history"]

_RED = (0x8A, 0x1C, 0x1C)
_GREEN = (0x14, 0x53, 0x2D)


def _clean(text: str) -> str:
    """Text Word can hold: XML 1.0 allows no control characters but tab and newline."""
    return "".join(ch if ch in "\t\n" or ch.isprintable() or ch == " " else "\ufffd" for ch in text)


_LANGUAGE_TAGS = {Language.NL: "nl-NL", Language.EN: "en-GB"}
"""The language Word marks the text with, for its spelling and hyphenation."""

_MONTHS = {
    Language.NL: ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                  "september", "oktober", "november", "december"),
    Language.EN: ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"),
}  # fmt: skip


def _new_document(language: Language, header: str) -> Any:
    """An empty document: A4, margins of 2.5 cm, its language, the header and page numbers."""
    import docx  # noqa: PLC0415  # loaded when a Word file is written, not on import
    from docx.shared import Mm, Pt  # noqa: PLC0415  # likewise

    doc = docx.Document()
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


def _made(doc: Any, language: Language, organisation: str | None) -> None:
    """The date the document was made, and the body issuing the list, under the title."""
    day = _today()
    date = f"{day.day} {_MONTHS[language][day.month - 1]} {day.year}"
    text = f"{label('made_on', language)} {date}"
    if organisation:
        text += f" · {organisation}"
    doc.add_paragraph(_clean(text))


def _today() -> datetime.date:
    """Today, or the day ``SOURCE_DATE_EPOCH`` names, for a document made reproducibly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdecimal():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.datetime.now(tz=datetime.UTC).date()


def _item(doc: Any, item: Item) -> None:
    from docx.shared import RGBColor  # noqa: PLC0415  # see _new_document

    paragraph = doc.add_paragraph(style="List Bullet")
    if item.number:
        paragraph.add_run(_clean(item.number)).bold = True
        paragraph.add_run(" ")
    if item.name:
        paragraph.add_run(_clean(item.name) + " — ")
    paragraph.add_run(_clean(item.text))
    if item.flag:
        paragraph.add_run(" ")
        paragraph.add_run(_clean(item.flag)).bold = True
    for segment in item.segments:
        paragraph.add_run(" ")
        run = paragraph.add_run(_clean(segment.text))
        if segment.kind is SegmentKind.DELETE:
            run.font.strike = True
            run.font.color.rgb = RGBColor(*_RED)
        elif segment.kind is SegmentKind.INSERT:
            run.font.underline = True
            run.font.color.rgb = RGBColor(*_GREEN)
    if item.reason:
        paragraph.add_run(" ")
        paragraph.add_run(_clean(item.reason)).italic = True


def _table(doc: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415  # see _new_document
    from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)  # noqa: SLF001  # no API for it
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_clean(text)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = _clean(text)


def _report(doc: Any, report: Report, *, level: int, title: str | None) -> None:
    say = report.language
    doc.add_heading(_clean(title or report.title), level=min(level - 1, 8))
    doc.add_paragraph(_clean(report.subtitle))
    if level == 1:
        _made(doc, say, report.changeset.organisation)
    if not report.summary:
        doc.add_paragraph(label("no_changes", say))
        return
    doc.add_heading(label("summary", say), level=min(level, 9))
    rows = [(kind, str(count)) for kind, count in report.summary]
    rows.append((label("total", say), str(sum(count for _, count in report.summary))))
    _table(doc, (label("kind", say), label("count", say)), rows)
    doc.add_heading(label("major", say), level=min(level, 9))
    for item in report.major:
        _item(doc, item)
    if not report.major:
        doc.add_paragraph(label("no_major", say))
    if report.groups:
        doc.add_heading(label("other", say), level=min(level, 9))
        for group in report.groups:
            doc.add_heading(_clean(group.heading), level=min(level + 1, 9))
            for item in group.items:
                _item(doc, item)
    if report.concordance:
        doc.add_heading(label("concordance", say), level=min(level, 9))
        header = (label("old_number", say), label("new_number", say), label("change", say))
        _table(doc, header, report.concordance)
        if report.others():
            doc.add_paragraph(_clean(report.others() or ""))
    if report.unmatched:
        doc.add_heading(label("unmatched", say), level=min(level, 9))
        for reason in report.unmatched:
            doc.add_paragraph(_clean(reason), style="List Bullet")


def _bytes(doc: Any) -> bytes:
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def document(report: Report) -> bytes:
    """The change log as a Word document."""
    doc = _new_document(report.language, f"{report.title} — {report.subtitle}")
    doc.core_properties.title = _clean(report.title)[:255]
    doc.core_properties.language = _LANGUAGE_TAGS[report.language]
    _report(doc, report, level=1, title=None)
    return _bytes(doc)


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> bytes:
    """A version history as a Word document: each version a chapter, newest first."""
    doc = _new_document(language, title)
    doc.core_properties.title = _clean(title)[:255]
    doc.add_heading(_clean(title), level=0)
    _made(doc, language, None)
    for chapter in chapters:
        doc.add_heading(_clean(version_heading(chapter.entry, language)), level=1)
        if chapter.report is None:
            doc.add_paragraph(_clean(chapter.note))
        else:
            _report(doc, chapter.report, level=3, title=since(chapter, language))
    return _bytes(doc)


WRITER = Writer(
    changes=lambda report, _level, _title, _color: document(report),
    history=history,
)
