"""Change logs as Word documents (python-docx): the only module that imports docx.

The same content as the HTML: the heading, the summary table, the major
changes, the changes by section and the concordance as a table. Removed words
are struck through in red, inserted ones underlined in green.
"""

from __future__ import annotations

import io
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


def _new_document() -> Any:
    import docx  # noqa: PLC0415  # loaded when a Word file is written, not on import

    return docx.Document()


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
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
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
    doc = _new_document()
    doc.core_properties.title = _clean(report.title)[:255]
    _report(doc, report, level=1, title=None)
    return _bytes(doc)


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> bytes:
    """A version history as a Word document: each version a chapter, newest first."""
    doc = _new_document()
    doc.core_properties.title = _clean(title)[:255]
    doc.add_heading(_clean(title), level=0)
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
