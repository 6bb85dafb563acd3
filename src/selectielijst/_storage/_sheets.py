"""Spreadsheet rows read and written (CSV and XLSX): openpyxl reads workbooks, XlsxWriter writes."""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

import attrs

from selectielijst._i18n import Message, say
from selectielijst._storage._files import SIZE_VARIABLE, size_limit, usable_path
from selectielijst.errors import DocumentErrors, InvalidDocument, InvalidRecord

__all__ = [
    "CELL_LIMIT",
    "FORMULA_STARTS",
    "NOT_IN_A_CELL",
    "NOT_IN_XML",
    "Row",
    "Sheet",
    "Table",
    "checked_file",
    "guarded",
    "read_table",
    "unguarded",
    "write_csv",
    "write_workbook",
    "write_xlsx",
]


@attrs.frozen
class Row:
    """One row of a sheet: its line number (the header is line 1) and its cells by column."""

    line: int
    cells: dict[str, str]

    def get(self, column: str | None) -> str:
        """The cell of *column*, stripped; empty when there is no such column."""
        return self.cells.get(column, "").strip() if column else ""

    def raw(self, column: str | None) -> str:
        """The cell of *column* as written."""
        return self.cells.get(column, "") if column else ""


@attrs.frozen
class Table:
    """The rows of one sheet, with its file and header."""

    file: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]


def _fail(file: str, problem: Message, line: int | None = None) -> DocumentErrors:
    return DocumentErrors(
        f"{file} cannot be read", [InvalidDocument(problem, file=file, line=line)]
    )


def read_table(path: Path, *, sheet: str | None = None, records: bool = False) -> Table:
    """The rows of a CSV file (comma or semicolon separated, UTF-8) or an XLSX sheet.

    A list's sheet holds at most :func:`max_rows` rows; *records* (a records
    file, read for ``due`` or ``impact``) may fill a whole sheet.

    Raises:
        DocumentErrors: The file is missing, too large, not UTF-8, or no spreadsheet.
    """
    path = checked_file(path)
    name = str(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path, sheet, SHEET_ROWS if records else max_rows())
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problem = say(
            "csv-not-utf8",
            "is not UTF-8 text (byte {byte}); save it as UTF-8 CSV",
            byte=f"{raw[e.start]:#04x}",
        )
        raise _fail(name, problem, line) from e
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines: list[list[str]] = []
    try:
        for cells in reader:
            lines.append(cells)
            if not records and len(lines) > max_rows() + 1:
                raise _fail(name, _too_many_rows())
    except csv.Error as e:
        problem = say("invalid-csv", "is not valid CSV: {detail}", detail=str(e))
        raise _fail(name, problem, reader.line_num) from e
    return _table(name, lines)


def checked_file(path: Path) -> Path:
    """*path*, usable, once it is known to be a file within the size bound.

    Raises:
        DocumentErrors: It is missing, or larger than the bound.
    """
    path = usable_path(path)
    name = str(path)
    if not path.is_file():
        raise _fail(name, say("no-such-file", "no such file"))
    if path.stat().st_size > size_limit():
        problem = say(
            "sheet-too-large",
            "the file is too large for a selection list (set {variable} to raise the bound)",
            variable=SIZE_VARIABLE,
        )
        raise _fail(name, problem)
    return path


def _read_xlsx(path: Path, sheet: str | None, most: int) -> Table:
    import openpyxl  # noqa: PLC0415  # loaded when a workbook is read, not on import
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415  # likewise

    name = str(path)
    _check_unpacked_size(path, name)
    # NotImplementedError: a zip feature Python lacks; RuntimeError: an encrypted member.
    damaged = (InvalidFileException, zipfile.BadZipFile, zlib.error, EOFError, KeyError,
               IndexError, ValueError, TypeError, OverflowError, SyntaxError, OSError,
               AttributeError, NotImplementedError, RuntimeError)  # fmt: skip
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except damaged as e:
        problem = say(
            "unreadable-workbook",
            "is not a readable XLSX workbook ({detail})",
            detail=f"{type(e).__name__}: {e}",
        )
        raise _fail(name, problem) from e
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            known = ", ".join(workbook.sheetnames)
            problem = say(
                "unknown-sheet",
                "has no sheet {sheet!r} (sheets: {known})",
                sheet=sheet,
                known=known,
            )
            raise _fail(name, problem)
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        lines: list[list[str]] = []
        for row in worksheet.iter_rows(values_only=True):
            lines.append([_cell(value) for value in row])
            if len(lines) > most + 1:
                raise _fail(name, _too_many_rows())
    except damaged as e:  # SyntaxError covers XML that does not parse
        problem = say(
            "damaged-workbook",
            "is a damaged XLSX workbook ({detail})",
            detail=f"{type(e).__name__}: {e}",
        )
        raise _fail(name, problem) from e
    finally:
        workbook.close()
    if len(lines) > 1 and not any(cell.strip() for line in lines[1:] for cell in line):
        _refuse_unsaved_formulas(path, sheet, name)
    return _table(name, lines)


def _refuse_unsaved_formulas(path: Path, sheet: str | None, name: str) -> None:
    """Refuse a sheet whose cells are formulas with no value saved: it would read as empty.

    A workbook written by a program (not by Excel or LibreOffice) holds the
    formulas but not what they come to; only a spreadsheet program works
    that out, and saves it.
    """
    import openpyxl  # noqa: PLC0415  # loaded when a workbook is read, not on import

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        formulas = any(
            isinstance(value, str) and value.startswith("=")
            for row in worksheet.iter_rows(min_row=2, values_only=True)
            for value in row
        )
    finally:
        workbook.close()
    if formulas:
        problem = say(
            "formulas-without-values",
            "its cells are formulas whose values were never saved, so it reads as empty; open"
            " it in Excel or LibreOffice and save it, then read it again",
        )
        raise _fail(name, problem)


def _check_unpacked_size(path: Path, name: str) -> None:
    """Refuse a workbook that unpacks to more than the size bound (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as e:
        problem = say(
            "unreadable-workbook", "is not a readable XLSX workbook ({detail})", detail=str(e)
        )
        raise _fail(name, problem) from e
    if unpacked > size_limit():
        problem = say(
            "workbook-unpacks-too-large",
            "unpacks to {size:n} MiB, more than the size bound (set {variable} to raise it)",
            size=unpacked // (1024 * 1024),
            variable=SIZE_VARIABLE,
        )
        raise _fail(name, problem)


ROWS_VARIABLE = "SELECTIELIJST_MAX_ROWS"
"""The environment variable that sets the most rows a sheet may have."""
MAX_ROWS = 100_000
"""The most rows a sheet may have unless ``SELECTIELIJST_MAX_ROWS`` says otherwise."""
SHEET_ROWS = 1_048_576
"""The most rows a worksheet holds (Excel's bound): a records workbook may fill it."""
MAX_CELL = 100_000
"""The most characters a cell may hold: no selection list writes more in one cell."""


def max_rows() -> int:
    """The most rows a sheet may have."""
    named = os.environ.get(ROWS_VARIABLE, "").strip()
    return int(named) if named.isdecimal() and int(named) > 0 else MAX_ROWS


def _too_many_rows() -> Message:
    return say(
        "too-many-rows",
        "has more than {count:n} rows, more than any selection list (set {variable} to raise"
        " the bound)",
        count=max_rows(),
        variable=ROWS_VARIABLE,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return str(value)


def _table(name: str, lines: Sequence[Sequence[str]]) -> Table:
    if not lines:
        raise _fail(name, say("empty-sheet", "is empty: the first row must name the columns"))
    header = tuple(cell.strip() for cell in lines[0])
    duplicates = sorted({c for c in header if c and header.count(c) > 1})
    if duplicates:
        problem = say("column-twice", "names column {column!r} twice", column=duplicates[0])
        raise _fail(name, problem, 1)
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if any(len(cell) > MAX_CELL for cell in cells):
            problem = say(
                "cell-too-long", "has a cell of more than {count:n} characters", count=MAX_CELL
            )
            raise _fail(name, problem, number)
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            problem = say(
                "row-too-wide",
                "row has {cells} cells, the header only {columns}",
                cells=len(cells),
                columns=len(header),
            )
            raise _fail(name, problem, number)
        rows.append(
            Row(
                number,
                {column: cell for column, cell in zip(header, cells, strict=False) if column},
            )
        )
    return Table(name, header, tuple(rows))


def write_csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """CSV bytes (UTF-8, comma separated, every row the header's length, rows ending in LF).

    A cell holding a carriage return is quoted, as one holding a line feed
    is, so that a reader does not end the row there.
    """
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\n")
    quoting = csv.writer(stream, lineterminator="\r\n")  # quotes a CR as well as an LF
    for row in (header, *rows):
        if any("\r" in cell for cell in row):
            quoting.writerow(row)
            stream.seek(stream.tell() - 2)
            stream.truncate()
            stream.write("\n")
        else:
            writer.writerow(row)
    return stream.getvalue().encode("utf-8")


@attrs.frozen
class Sheet:
    """One sheet of a workbook to write: a header row and rows of text.

    Attributes:
        title: The sheet's name (cut to Excel's 31 characters).
        header: The column names.
        rows: The rows, each a text per column.
        hidden: Names of columns kept for a program to read back, hidden from people.
    """

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    hidden: frozenset[str] = frozenset()


_WIDEST = 60
"""The widest a column is made, in characters; longer texts wrap."""

CELL_LIMIT = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit, and the file format's)."""

NOT_IN_XML = "[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]"
"""The characters an Office file (XLSX, Word) cannot hold as they are: XML 1.0's control
characters but tab and newline (a carriage return among them: XML reads it as a break of its
own), lone surrogates, which UTF-8 cannot write, and U+FFFE and U+FFFF."""

NOT_IN_A_CELL = re.compile(f"{NOT_IN_XML}|x005F_")
"""What a cell cannot hold as it is: :data:`NOT_IN_XML` (the file format writes a control
character as ``_x001B_``, which readers give back as those seven characters), and the text
``x005F_``, which openpyxl takes for the format's escape of ``_`` and drops wherever it stands."""


def write_xlsx(header: Sequence[str], rows: Sequence[Sequence[str]], *, title: str) -> bytes:
    """XLSX bytes with one sheet, every cell text (see :func:`write_workbook`)."""
    return write_workbook([Sheet(title, header, rows)])


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    """XLSX bytes, a sheet each: every cell text, the header frozen, a filter, sensible widths.

    Text is never taken for a formula, a number or a link. A column is as
    wide as its longest text (up to 60 characters; longer texts wrap); hidden
    columns stay in the sheet for programs that read it back.

    Raises:
        InvalidRecord: A cell holds more than :data:`CELL_LIMIT` characters,
            or a character a cell cannot hold (:data:`NOT_IN_A_CELL`): it
            would be read back otherwise than it was written. Nothing is written.
    """
    for sheet in sheets:
        _check_cells(sheet)
    import xlsxwriter  # noqa: PLC0415  # loaded when a workbook is written, not on import

    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        stream,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    bold = workbook.add_format({"bold": True})
    wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
    for sheet in sheets:
        worksheet = workbook.add_worksheet(sheet.title[:31])
        widths = [len(name) for name in sheet.header]
        for column, name in enumerate(sheet.header):
            worksheet.write_string(0, column, name, bold)
        for row_number, row in enumerate(sheet.rows, start=1):
            for column, value in enumerate(row):
                text = str(value)
                longest = max(map(len, text.splitlines()), default=0)
                if longest > _WIDEST or "\n" in text:
                    worksheet.write_string(row_number, column, text, wrapped)
                else:
                    worksheet.write_string(row_number, column, text)
                widths[column] = max(widths[column], min(longest, _WIDEST))
        for column, (name, width) in enumerate(zip(sheet.header, widths, strict=True)):
            worksheet.set_column(column, column, width + 2, None, {"hidden": name in sheet.hidden})
        worksheet.freeze_panes(1, 0)
        if sheet.header:
            worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.header) - 1)
    workbook.close()
    return stream.getvalue()


def _check_cells(sheet: Sheet) -> None:
    """Refuse a cell that would not be read back as it is written; a row is asked at once."""
    for row_number, row in enumerate((sheet.header, *sheet.rows), start=1):
        texts = [str(value) for value in row]
        if max(map(len, texts), default=0) <= CELL_LIMIT and not NOT_IN_A_CELL.search(
            "\t".join(texts)  # a tab is held: the texts found are the cells' own
        ):
            continue
        for column, text in enumerate(texts):
            found = NOT_IN_A_CELL.search(text)
            if len(text) <= CELL_LIMIT and found is None:
                continue
            name = sheet.header[column] if column < len(sheet.header) else str(column + 1)
            where = {"sheet": sheet.title, "row": row_number, "column": name, "text": text[:40]}
            if found is None:
                problem = say(
                    "workbook-cell-too-long",
                    "sheet {sheet!r}, row {row}, column {column!r}: the text ({text!r}...) has"
                    " {length:n} characters, and a spreadsheet cell holds at most {limit:n}; write"
                    " this as CSV or JSON, which hold it whole",
                    length=len(text),
                    limit=CELL_LIMIT,
                    **where,
                )
            else:
                problem = say(
                    "workbook-cell-character",
                    "sheet {sheet!r}, row {row}, column {column!r}: the text {text!r} holds"
                    " {character}, which a spreadsheet cell cannot hold; take it out of the"
                    " list, or write this as CSV or JSON, which hold it",
                    character=_named(found.group()),
                    **where,
                )
            raise InvalidRecord(name, problem)


def _named(found: str) -> str:
    """A character as ``U+001B``; a longer text as it is, quoted."""
    return f"U+{ord(found):04X}" if len(found) == 1 else repr(found)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
"""What a CSV cell may not start with, lest a spreadsheet program take it for a formula.

The one definition: the CSV writers in Python and in SQL both follow it.
"""


def guarded(cell: str) -> str:
    """A CSV cell that no spreadsheet program takes for a formula: ``'`` before ``= + - @``.

    A cell that starts with one of those (or with a tab, a carriage return or
    a quote) gets a quote in front; reading the export back takes it off, so
    the text comes back as it was.

    >>> guarded("=HYPERLINK(...)"), guarded("gewoon")
    ("'=HYPERLINK(...)", 'gewoon')
    """
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def unguarded(cell: str) -> str:
    """The cell as it was before :func:`guarded`."""
    return cell.removeprefix("'")
