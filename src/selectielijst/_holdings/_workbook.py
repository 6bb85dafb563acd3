"""Records lists as workbooks a manager reads: words for headers, dates as dates, sheet after sheet.

XlsxWriter writes each row as it comes (its constant-memory mode), so the
workbook is never held whole in memory. Rows are grouped by category in
number order (2.9 before 2.10), in the records' order within a category; past
Excel's last row the rows go on in a sheet of the same name with a number.
The first sheet is a summary of the counts.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selectielijst._holdings._vocabulary import Action, Effect
from selectielijst._i18n import Language, marked, marked_in, translated
from selectielijst._model import number_key

if TYPE_CHECKING:
    import pyarrow

__all__ = ["EXCEL_ROWS", "HEADERS", "Summary", "write_records_workbook"]

Summary = Iterable[tuple[str, int]] | Callable[[int], Iterable[tuple[str, int]]]
"""A summary sheet's lines, or a function making them from the number of rows written."""

EXCEL_ROWS = 1_048_576
"""The most rows a sheet holds in Excel, its header row included."""

HEADERS: Mapping[str, str | tuple[str, str]] = {
    "id": marked("Record"),
    "categorie": marked("Category"),
    "omschrijving": marked("Description"),
    "waardering": marked("Valuation"),
    "actie": marked("Action"),
    "vernietigen_vanaf": marked("Destroy from"),
    "overbrengen_vanaf": marked("Transfer from"),
    "reden": marked_in("records", "Reason"),
    "oude_categorie": marked("Old category"),
    "nieuwe_categorie": marked("New category"),
    "oude_actie": marked("Old action"),
    "oude_datum": marked("Old date"),
    "nieuwe_actie": marked("New action"),
    "nieuwe_datum": marked("New date"),
    "effect": marked("Effect"),
    "toelichting": marked_in("records", "Note"),
    "aantal": marked("Count"),
}
"""The column names in words, translated by the catalogs; the records' own columns keep theirs."""

_WORDED = frozenset({"actie", "oude_actie", "nieuwe_actie", "effect"})
"""The columns that hold the lists' own words (actions, effects), said in English when asked."""

_WORDS = {word.value: word for word in (*Action, *Effect)}

_SUMMARY = {"title": marked("Summary"), "what": marked("What")}
_DATE_FORMATS = {Language.NL: "dd-mm-yyyy", Language.EN: "yyyy-mm-dd"}
_WIDEST = 60
_CATEGORY_COLUMNS = ("categorie", "oude_categorie")


def write_records_workbook(  # noqa: PLR0913  # the file, the rows and how to present them
    path: Path,
    table: pyarrow.Table | tuple[pyarrow.Schema, Iterable[pyarrow.RecordBatch]],
    *,
    title: str,
    summary: Summary = (),
    language: Language = Language.NL,
    rows_per_sheet: int = EXCEL_ROWS - 1,
) -> int:
    """Write *table* to the workbook *path*; how many rows were written.

    Args:
        path: The file to write (a temporary file the caller renames).
        table: The rows, with the columns the records lists write: a table
            (grouped by category here), or a schema and batches already in
            their order, which are written as they come.
        title: The name of the rows' sheet(s).
        summary: (what, count) lines for a first sheet, or a function that
            makes them from the number of rows written; none: no summary sheet.
        language: The language of the headers, the sheets' names and the actions.
        rows_per_sheet: The rows a sheet takes before the next one begins.
    """
    import xlsxwriter  # noqa: PLC0415  # loaded when a workbook is written

    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False}
    )
    try:
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#E7E6E6", "border": 1}),
            "date": workbook.add_format({"num_format": _DATE_FORMATS[language]}),
            "text": workbook.add_format({"text_wrap": False}),
        }
        first_sheet = None
        if callable(summary) or summary:
            first_sheet = workbook.add_worksheet(translated(_SUMMARY["title"], language))
        if isinstance(table, tuple):
            schema, batches = table
        else:
            ordered = _by_category(table)
            schema, batches = ordered.schema, ordered.to_batches(max_chunksize=65_536)
        batches = iter(batches)
        first = next(batches, None)
        header = [_header(name, language) for name in schema.names]
        widths = _widths(first, header, schema.names)
        kinds = [_kind(field.type) for field in schema]
        worded = [language is not Language.NL and name in _WORDED for name in schema.names]
        written, sheet_number = 0, 0
        sheet = None
        for batch in itertools.chain((first,) if first is not None else (), batches):
            columns = [column.to_pylist() for column in batch.columns]
            for values in zip(*columns, strict=True):
                if sheet is None or written % rows_per_sheet == 0:
                    sheet_number += 1
                    name = title if sheet_number == 1 else f"{title} ({sheet_number})"
                    sheet = _rows_sheet(workbook, name[:31], header, widths, formats)
                row = written % rows_per_sheet + 1
                for column, (value, kind) in enumerate(zip(values, kinds, strict=True)):
                    if worded[column] and value is not None:
                        value = _worded(value, language)  # noqa: PLW2901  # in the reader's words
                    _cell(sheet, row, column, value, kind, formats)
                written += 1
        if sheet is None:
            _rows_sheet(workbook, title[:31], header, widths, formats)
        if first_sheet is not None:
            lines = list(summary(written) if callable(summary) else summary)
            _summary_sheet(first_sheet, lines, language, formats)
    finally:
        workbook.close()
    return written


def _summary_sheet(
    sheet: Any, lines: Sequence[tuple[str, int]], language: Language, formats: Any
) -> None:
    sheet.write_string(0, 0, translated(_SUMMARY["what"], language), formats["header"])
    sheet.write_string(0, 1, _header("aantal", language), formats["header"])
    for row, (what, count) in enumerate(lines, start=1):
        sheet.write_string(row, 0, what)
        sheet.write_number(row, 1, count)
    sheet.set_column(0, 0, max((len(what) for what, _ in lines), default=10) + 2)
    sheet.set_column(1, 1, 10)
    _printed(sheet, translated(_SUMMARY["title"], language))


def _rows_sheet(
    workbook: Any, name: str, header: Sequence[str], widths: Sequence[int], formats: Any
) -> Any:
    sheet = workbook.add_worksheet(name)
    for column, (text, width) in enumerate(zip(header, widths, strict=True)):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, text, formats["header"])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, EXCEL_ROWS - 1, max(len(header) - 1, 0))
    _printed(sheet, name)
    return sheet


def _printed(sheet: Any, name: str) -> None:
    """Print as a list to sign: A4 landscape, one page wide, the header on every page, numbered."""
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # as wide as one page, as many pages long as it takes
    sheet.repeat_rows(0)
    sheet.set_header(f"&L{name.replace('&', '&&')}")
    sheet.set_footer("&R&P / &N")


def _cell(  # noqa: PLR0913, PLR0917  # one cell: where, what, and how to write it
    sheet: Any, row: int, column: int, value: object, kind: str, formats: Any
) -> None:
    if value is None:
        return
    if kind == "date" and isinstance(value, datetime.date):
        sheet.write_datetime(
            row, column, datetime.datetime.combine(value, datetime.time()), formats["date"]
        )
    elif kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, column, value)
    else:
        sheet.write_string(row, column, str(value))  # never a formula, whatever it starts with


def _kind(arrow_type: Any) -> str:
    import pyarrow  # noqa: PLC0415  # with the table

    if pyarrow.types.is_date(arrow_type) or pyarrow.types.is_timestamp(arrow_type):
        return "date"
    if pyarrow.types.is_integer(arrow_type) or pyarrow.types.is_floating(arrow_type):
        return "number"
    return "text"


def _header(name: str, language: Language) -> str:
    words = HEADERS.get(name)
    if words is None:
        return name
    if isinstance(words, tuple):
        return translated(words[1], language, words[0])
    return translated(words, language)


def _worded(value: object, language: Language) -> object:
    """An action or effect in the reader's words; anything else as it is."""
    word = _WORDS.get(str(value))
    return word.words(language) if word is not None else value


def _widths(
    first: pyarrow.RecordBatch | None, header: Sequence[str], names: Sequence[str]
) -> list[int]:
    """Each column as wide as its header or its widest value among the first thousand rows."""
    sample = first.slice(0, 1000).to_pydict() if first is not None else {}
    widths = []
    for name, words in zip(names, header, strict=True):
        longest = max((len(str(v)) for v in sample.get(name, ()) if v is not None), default=0)
        widths.append(min(max(len(words), longest, 8), _WIDEST) + 2)
    return widths


def _by_category(table: pyarrow.Table) -> pyarrow.Table:
    """*table* grouped by category in number order, in the records' order within a category."""
    import pyarrow  # noqa: PLC0415  # with the table
    import pyarrow.compute  # noqa: PLC0415  # likewise

    column = next((name for name in _CATEGORY_COLUMNS if name in table.column_names), None)
    if column is None or table.num_rows == 0:
        return table
    numbers = table.column(column).cast(pyarrow.string())
    distinct = sorted(
        (n for n in pyarrow.compute.unique(numbers).to_pylist() if n is not None), key=number_key
    )
    ranks = pyarrow.compute.index_in(numbers, value_set=pyarrow.array(distinct, pyarrow.string()))
    ranks = pyarrow.compute.fill_null(ranks, len(distinct))  # no category: last
    keyed = table.append_column("__rank", ranks).append_column(
        "__row", pyarrow.array(range(table.num_rows), pyarrow.int64())
    )
    order = pyarrow.compute.sort_indices(keyed, [("__rank", "ascending"), ("__row", "ascending")])
    return table.take(order)
