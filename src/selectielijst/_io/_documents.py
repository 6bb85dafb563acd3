"""Lists from the documents they live in: the tables and headings of Word and PDF files.

A selection list is written in Word and published as PDF. Both are read here
into the rows a spreadsheet gives (:class:`~selectielijst._storage.Table`),
so that one importer, with one mapping file, reads all three:

- the table's header row is found by the mapped column names, wherever it
  stands; a row that repeats it (a header repeated on a new page) is no
  category, nor is an empty spacer row; a table that goes on without its
  header (a table broken over pages) is the same table;
- a cell's text is its paragraphs, one line each, text in nested tables
  included; merged cells give their text to every column and row they cover;
- when no section column is mapped, the headings before the tables become the
  sections ("4 Evaluatie uitvoeren", "Hoofdstuk 3. Bedrijfsvoering"), and the
  paragraphs under a heading the section's text;
- what the reader cannot place is a note with its place, never dropped unsaid.

Word files are read with python-docx, and only their visible text: hidden
text is not part of the list, deleted revisions are gone and inserted ones
are in. PDF files are read with pdfplumber: the words with their positions,
the columns from the header row's positions, lines joined into cells.
"""

from __future__ import annotations

import re
import statistics
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from selectielijst._i18n import Message, say
from selectielijst._render import MACHINE_COPY
from selectielijst._storage import Row, Table, checked_file
from selectielijst.errors import DocumentErrors, InvalidDocument

__all__ = [
    "DOCUMENT_SUFFIXES",
    "PAGE",
    "SECTION",
    "SECTION_NUMBER",
    "DocumentRows",
    "read_document",
]

DOCUMENT_SUFFIXES = frozenset({".docx", ".pdf"})
"""The suffixes of the documents read here."""

SECTION = "\N{SECTION SIGN} heading"
SECTION_NUMBER = "\N{SECTION SIGN} number"
PAGE = "\N{SECTION SIGN} page"
"""The columns the rows get for the heading they stand under, and for a PDF's row its page
(no sheet has a column so named)."""

_HEADING = re.compile(
    r"(?:(?:hoofdstuk|chapter|paragraaf|deel)\s+)?(?P<number>\d+(?:\.\d+)*)\.?\s+(?P<title>\S.*)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(r"(?:pagina|page|blz\.?)\s*\d+(?:\s*(?:van|of|/)\s*\d+)?", re.IGNORECASE)
"""A page number line: page furniture, never a category."""


@attrs.frozen
class DocumentRows:
    """What a document holds for a list: its rows, its sections' texts, and what was noted.

    Attributes:
        table: The rows of every table whose header the mapping names, as a
            spreadsheet gives them; with :data:`SECTION` and
            :data:`SECTION_NUMBER` when the sections come from headings.
        texts: Each section's paragraphs, by its title.
        notes: What the reader could not place, with the row or line it was at.
        machine_copy: The exact copy of the list a document made by
            selectielijst carries (in a hidden paragraph), if any.
        headings: Whether the sections come from the document's headings.
        preamble: The paragraphs before the first heading (a title page).
        header_found: Whether a table with the header was found (it must be,
            unless the reader was told it need not).
        heading_lines: The headings, as the document writes them, in order.
    """

    table: Table
    texts: dict[str, tuple[str, ...]] = attrs.Factory(dict)
    notes: tuple[tuple[int, Message], ...] = ()
    machine_copy: str | None = None
    headings: bool = False
    preamble: tuple[str, ...] = ()
    header_found: bool = True
    heading_lines: tuple[str, ...] = ()


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(":")


@attrs.define
class _Collector:
    """Turns a document's blocks, in order, into rows under their headings."""

    file: str
    names: tuple[str, ...]
    header: dict[int, str] | None = None
    columns: int = 0
    heading: tuple[str | None, str] | None = None
    rows: list[Row] = attrs.Factory(list)
    texts: dict[str, list[str]] = attrs.Factory(dict)
    notes: list[tuple[int, Message]] = attrs.Factory(list)
    headings: bool = False
    machine_copy: str | None = None
    line: int = 1
    preamble: list[str] = attrs.Factory(list)
    heading_lines: list[str] = attrs.Factory(list)

    def paragraph(self, text: str, *, heading: bool) -> None:
        """A paragraph outside tables: a heading starts a section, other text belongs to it."""
        cleaned = " ".join(text.split())
        if not cleaned:
            return
        if heading:
            self.heading_lines.append(cleaned)
            found = _HEADING.fullmatch(cleaned)
            self.heading = (
                (found.group("number"), found.group("title")) if found else (None, cleaned)
            )
            self.headings = True
            self.texts.setdefault(self.heading[1], [])
            return
        if _FURNITURE.fullmatch(cleaned):
            return
        if self.heading is None:
            self.preamble.append(text.strip())
        else:
            self.texts.setdefault(self.heading[1], []).append(text.strip())

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        """The rows of one table: its header found by the mapped names, then categories."""
        header_at = next((i for i, row in enumerate(rows) if self._is_header(row)), None)
        places = self.header
        if header_at is None:
            if places is None or not rows or len(rows[0]) != self.columns:
                return  # a table of something else: the title page's facts, a legend
            body = list(rows)  # a table broken over pages, its header not repeated
        else:
            header = rows[header_at]
            places = self.header = {
                index: name
                for name in self.names
                for index, cell in enumerate(header)
                if _fold(cell) == _fold(name)
            }
            self.columns = len(header)
            body = list(rows[header_at + 1 :])
        for row in body:
            if self._is_header(row) or not any(cell.strip() for cell in row):
                continue  # a repeated header, a spacer row
            self.line += 1
            cells = {name: row[index] if index < len(row) else "" for index, name in places.items()}
            if self.heading is not None:
                cells[SECTION_NUMBER] = self.heading[0] or ""
                cells[SECTION] = self.heading[1]
            self.rows.append(Row(self.line, cells))

    def _is_header(self, row: Sequence[str]) -> bool:
        folded = {_fold(cell) for cell in row}
        return all(_fold(name) in folded for name in self.names)

    def result(self) -> DocumentRows:
        header = list(self.names)
        if self.headings:
            header += [SECTION, SECTION_NUMBER]
        return DocumentRows(
            Table(self.file, tuple(header), tuple(self.rows)),
            {title: tuple(texts) for title, texts in self.texts.items()},
            tuple(self.notes),
            self.machine_copy,
            self.headings,
            tuple(self.preamble),
            self.header is not None,
            tuple(self.heading_lines),
        )


def read_document(path: Path, names: Sequence[str], *, required: bool = True) -> DocumentRows:
    """The rows of a Word or PDF document's tables whose header has every one of *names*.

    Raises:
        DocumentErrors: The file is missing, too large, damaged, protected by
            a password, a scan without text, or has no table with that header.
    """
    path = checked_file(path)
    name = str(path)
    collector = _Collector(name, tuple(names))
    if path.suffix.lower() == ".pdf":
        _read_pdf(path, collector)
    else:
        _read_docx(path, collector)
    if collector.header is None and required:
        problem = say(
            "no-table-with-columns",
            "has no table with the columns {value}; check the mapping's column names against"
            " the table's header",
            value=", ".join(repr(n) for n in names),
        )
        raise _fail(name, problem)
    return collector.result()


def _fail(file: str, problem: Message, line: int | None = None) -> DocumentErrors:
    return DocumentErrors(
        f"{file} cannot be read", [InvalidDocument(problem, file=file, line=line)]
    )


# Word ---------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(path: Path, collector: _Collector) -> None:
    import docx  # noqa: PLC0415  # loaded when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415  # likewise

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        problem = say(
            "unreadable-docx",
            "is not a readable Word document (.docx): {detail}",
            detail=str(e) or type(e).__name__,
        )
        raise _fail(collector.file, problem) from e
    headings = {
        style.style_id
        for style in document.styles
        if re.fullmatch(r"(?:heading|kop)\s*\d", style.name or "", re.IGNORECASE)
    }
    for block in _blocks(document.element.body):
        if block.tag == _W + "p":
            text = _visible(block)
            whole = _all_text(block)
            if whole.startswith(MACHINE_COPY):
                collector.machine_copy = whole[len(MACHINE_COPY) :]
                continue
            collector.paragraph(text, heading=_is_heading(block, headings, text))
        else:
            collector.table(_table_rows(block))


def _blocks(body: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in order, content controls opened."""
    for child in body.iterchildren():
        if child.tag in {_W + "p", _W + "tbl"}:
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def _is_heading(p: Any, headings: set[str], text: str) -> bool:
    """A heading by its style, or a short numbered line set in bold ("4 Evaluatie uitvoeren")."""
    style = p.find(f"{_W}pPr/{_W}pStyle")
    if style is not None and style.get(_W + "val") in headings:
        return True
    runs = [r for r in p.iter(_W + "r") if r.find(_W + "t") is not None]
    bold = bool(runs) and all(r.find(f"{_W}rPr/{_W}b") is not None for r in runs)
    return bold and len(text) <= 120 and _HEADING.fullmatch(" ".join(text.split())) is not None


def _hidden(r: Any) -> bool:
    vanish = r.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true") not in {"false", "0"}


def _visible(p: Any) -> str:
    """The text of paragraph *p* a reader sees: hidden runs out, deletions gone, insertions in."""
    parts = []
    for r in p.iter(_W + "r"):
        if _hidden(r):
            continue
        for child in r:
            if child.tag == _W + "t":
                parts.append(child.text or "")
            elif child.tag == _W + "tab":
                parts.append("\t")
            elif child.tag in {_W + "br", _W + "cr"}:
                parts.append("\n")
    return "".join(parts)


def _all_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(_W + "t"))


def _table_rows(tbl: Any) -> list[list[str]]:
    """A table's rows as texts per grid column; merged cells fill what they cover."""
    rows: list[list[str]] = []
    for tr in tbl.findall(_W + "tr"):
        row: list[str] = []
        for tc in tr.findall(_W + "tc"):
            span = tc.find(f"{_W}tcPr/{_W}gridSpan")
            width = int(span.get(_W + "val", "1")) if span is not None else 1
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            text = "\n".join(_visible(p) for p in tc.iter(_W + "p")).strip("\n")
            if merge is not None and merge.get(_W + "val", "continue") == "continue" and rows:
                above = rows[-1]
                text = above[len(row)] if len(row) < len(above) else text
            row.extend([text] * width)
        rows.append(row)
    return rows


# PDF ----------------------------------------------------------------------------------------


@attrs.frozen
class _Line:
    """One line of a page: its words with their left edges, its height and its page."""

    page: int
    top: float
    words: tuple[tuple[float, str], ...]
    size: float
    bold: bool
    ends: tuple[float, ...] = ()
    """Each word's right edge."""
    rulings: tuple[float, ...] = ()
    """Where the page's vertical rules stand (a table's cell borders), left to right."""

    @property
    def text(self) -> str:
        return " ".join(word for _, word in self.words)


def _read_pdf(path: Path, collector: _Collector) -> None:
    lines = _pdf_lines(path, collector.file)
    repeated = _page_furniture(lines, collector)
    body = [
        line
        for line in lines
        if (round(line.top), line.text) not in repeated and not _FURNITURE.fullmatch(line.text)
    ]
    normal = statistics.median([line.size for line in body] or [0.0])
    paragraph: list[_Line] = []

    def flush() -> None:
        if paragraph:
            text = " ".join(line.text for line in paragraph)
            collector.paragraph(text, heading=_pdf_heading(paragraph[0], text, normal, collector))
            paragraph.clear()

    at = 0
    while at < len(body):
        line = body[at]
        if _header_in(line, collector):
            flush()
            at = _pdf_table(body, at, collector, normal)
            continue
        if paragraph and not _continues(paragraph[-1], line):
            flush()
        paragraph.append(line)
        at += 1
    flush()


def _continues(before: _Line, line: _Line) -> bool:
    """Whether *line* goes on with the paragraph *before* ends: same page, size, close below."""
    return (
        line.page == before.page
        and abs(line.size - before.size) < 0.3
        and line.bold == before.bold
        and 0 < line.top - before.top < 1.6 * max(before.size, 1.0)
    )


def _pdf_heading(line: _Line, text: str, normal: float, collector: _Collector) -> bool:
    """A heading: numbered and larger or bold ("4 Evaluatie uitvoeren"); or larger and short.

    The first line of all, the title, is no heading.
    """
    if not collector.preamble and collector.heading is None:
        return False
    numbered = _HEADING.fullmatch(text) is not None
    return ((line.size > normal + 0.5 or line.bold) and numbered) or (
        line.size > normal + 1.5 and len(text) <= 80
    )


def _header_in(line: _Line, collector: _Collector) -> bool:
    """Whether every mapped name stands in *line*, as a run of its words."""
    text = _fold(line.text)
    return all(_fold(name) in text for name in collector.names)


def _columns_of(line: _Line, names: Sequence[str]) -> list[tuple[float, str]]:
    """Each mapped name with the left edge of its first word in the header line, left to right."""
    words = [(x, _fold(word)) for x, word in line.words]
    found = []
    for name in names:
        parts = _fold(name).split()
        for index in range(len(words) - len(parts) + 1):
            if [w for _, w in words[index : index + len(parts)]] == parts:
                found.append((words[index][0], name))
                break
    return sorted(found)


_ROW_NUMBER = re.compile(r"[\w.()-]{0,16}\d[\w.()-]{0,16}")
"""What a category's number looks like: short, with a digit (``4.2``, ``1.1.2``, ``B12``)."""


def _pdf_table(lines: Sequence[_Line], at: int, collector: _Collector, normal: float) -> int:
    """Rows from the header line at *at*: a new row where the number's column has one.

    The table ends at a heading, or at a line whose first column holds no
    number (a paragraph after the table).
    """
    columns = _columns_of(lines[at], collector.names)
    collector.header = {index: name for index, (_, name) in enumerate(columns)}
    collector.columns = len(columns)
    edges = [x for x, _ in columns]
    key = next(i for i, (_, name) in enumerate(columns) if name == collector.names[0])
    header_text = _fold(lines[at].text)
    placed: list[tuple[_Line, list[list[tuple[float, float, str]]]]] = []  # words per column
    at += 1
    while at < len(lines):
        line = lines[at]
        if _fold(line.text) == header_text:  # the header repeated on a new page
            at += 1
            continue
        if line.words[0][0] < edges[0] - 2 or _pdf_heading(line, line.text, normal, collector):
            break  # text left of the table, or a heading: the table has ended
        cells: list[list[tuple[float, float, str]]] = [[] for _ in columns]
        for (x, word), end in zip(line.words, line.ends, strict=True):
            column = max((i for i, edge in enumerate(edges) if x >= edge - 2), default=0)
            cells[column].append((x, end, word))
        number = " ".join(word for _, _, word in cells[key])
        if number and not _ROW_NUMBER.fullmatch(number):
            break  # a paragraph after the table, starting at its left edge
        placed.append((line, cells))
        at += 1
    _pdf_rows(placed, edges, [name for _, name in columns], key, collector)
    return at


def _pdf_rows(
    placed: list[tuple[_Line, list[list[tuple[float, float, str]]]]],
    edges: list[float],
    names: list[str],
    key: int,
    collector: _Collector,
) -> None:
    """Rows from a table's lines: a new row where the number's column (*key*) has text.

    A cell's lines are joined with a space; but a line that holds one word
    filling its cell to the border (a word too long for the column, broken
    where it met the edge) goes on in the next line without one.
    """
    texts: list[str] | None = None
    for line, cells in placed:
        number_goes_on = texts is not None and texts[key].endswith(_BROKEN)
        if (cells[key] and not number_goes_on) or texts is None:
            texts = [""] * len(names)
            collector.line += 1
            row = Row(collector.line, {PAGE: str(line.page)})
            if collector.heading is not None:
                row.cells[SECTION_NUMBER] = collector.heading[0] or ""
                row.cells[SECTION] = collector.heading[1]
            collector.rows.append(row)
        for i, words in enumerate(cells):
            if not words:
                continue
            text = " ".join(word for _, _, word in words)
            joined = texts[i].endswith(_BROKEN) or not texts[i]
            texts[i] = texts[i].removesuffix(_BROKEN) + ("" if joined else " ") + text
            if len(words) == 1 and _fills_cell(line, edges[i], words[0][1]):
                texts[i] += _BROKEN
        collector.rows[-1].cells.update(
            {name: text.removesuffix(_BROKEN) for name, text in zip(names, texts, strict=True)}
        )


_BROKEN = "\u00ad"
"""Marks a cell's text whose last word was broken at the cell's border."""


def _fills_cell(line: _Line, start: float, end: float) -> bool:
    """Whether a word from *start*'s column ending at *end* reaches its cell's right border.

    The borders are the page's vertical rules; the text keeps as far from the
    right one as it starts from the left one. Without rules, no word is taken
    for broken.
    """
    left = max((x for x in line.rulings if x < start + 0.5), default=None)
    right = min((x for x in line.rulings if x > start + 1), default=None)
    if left is None or right is None:
        return False
    limit = right - (start - left)
    return end >= limit - 0.5 * line.size


def _pdf_lines(path: Path, file: str) -> list[_Line]:
    import pdfplumber  # noqa: PLC0415  # loaded when a PDF is read
    from pdfminer.pdfdocument import PDFPasswordIncorrect  # noqa: PLC0415  # likewise

    lines: list[_Line] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            characters = 0
            for number, page in enumerate(pdf.pages, start=1):
                words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
                characters += len(page.chars)
                rulings = tuple(
                    sorted({round(float(edge["x0"]), 1) for edge in page.edges
                            if edge.get("orientation") == "v"})
                )  # fmt: skip
                lines.extend(_page_lines(number, words, rulings))
    except PDFPasswordIncorrect as e:
        problem = say("pdf-password", "is protected by a password; save a copy without one")
        raise _fail(file, problem) from e
    except Exception as e:  # pdfminer raises many kinds on a damaged file
        causes = {type(e).__name__, *(type(a).__name__ for a in e.args), str(e)}
        if causes & {"PDFPasswordIncorrect", "PDFEncryptionError"}:
            problem = say("pdf-password", "is protected by a password; save a copy without one")
        else:
            problem = say(
                "unreadable-pdf",
                "is not a readable PDF: {detail}",
                detail=str(e) or type(e).__name__,
            )
        raise _fail(file, problem) from e
    if not characters:
        problem = say(
            "pdf-scanned",
            "has no text to read: it is a scan (pictures of pages); run it through OCR first",
        )
        raise _fail(file, problem)
    return lines


def _page_lines(
    page: int, words: Sequence[dict[str, Any]], rulings: tuple[float, ...] = ()
) -> Iterator[_Line]:
    """The words of a page grouped into lines, top to bottom, each left to right."""
    ordered = sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"])))
    group: list[dict[str, Any]] = []
    for word in ordered:
        if group and abs(float(word["top"]) - float(group[0]["top"])) > 2:
            yield _line(page, group, rulings)
            group = []
        group.append(word)
    if group:
        yield _line(page, group, rulings)


def _line(page: int, words: list[dict[str, Any]], rulings: tuple[float, ...] = ()) -> _Line:
    words = sorted(words, key=lambda w: float(w["x0"]))
    return _Line(
        page,
        float(words[0]["top"]),
        tuple((float(w["x0"]), str(w["text"])) for w in words),
        max(float(w.get("size", 0.0)) for w in words),
        all("bold" in str(w.get("fontname", "")).lower() for w in words),
        tuple(float(w["x1"]) for w in words),
        rulings,
    )


def _page_furniture(lines: Sequence[_Line], collector: _Collector) -> set[tuple[int, str]]:
    """Lines that stand at the same height on most pages: a running header or footer.

    A table's header repeated on every page is not furniture: it says where
    the columns are.
    """
    pages = {line.page for line in lines}
    if len(pages) < 2:
        return set()
    seen: dict[tuple[int, str], set[int]] = {}
    for line in lines:
        if not _header_in(line, collector):
            seen.setdefault((round(line.top), line.text), set()).add(line.page)
    return {key for key, on in seen.items() if len(on) >= max(2, len(pages) / 2)}
