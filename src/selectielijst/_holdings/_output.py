"""Tables written out: the format by the suffix, files written together, a table as bytes."""

from __future__ import annotations

import contextlib
import datetime
import io
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from selectielijst._holdings._engines import DuckDBEngine, Engine, as_arrow
from selectielijst._holdings._workbook import Summary, write_records_workbook
from selectielijst._i18n import Language, say
from selectielijst._storage import check_output, filled_together, refuse_input, usable_path
from selectielijst.errors import UnknownFormat

if TYPE_CHECKING:
    import pyarrow

__all__ = ["TABLE_FORMATS", "Together", "beside", "checked_targets", "format_of", "table_bytes"]


def format_of(output: Path) -> str:
    """The format the suffix of *output* names.

    Raises:
        UnknownFormat: It names none that is written.
    """
    chosen = output.suffix.lower().lstrip(".")
    if chosen not in TABLE_FORMATS:
        msg = say(
            "records-format-from-suffix",
            "cannot tell the format from {name!r}: end it in .csv, .parquet or .xlsx",
            name=output.name,
        )
        raise UnknownFormat(msg)
    return chosen


def beside(output: Path, word: str) -> Path:
    """``NAME-WORD.SUFFIX`` beside *output*."""
    return output.with_name(f"{output.stem}-{word}{output.suffix}")


def checked_targets(records: object, output: Path, *words: str) -> tuple[Path, ...]:
    """*output* and the files beside it, once all are known to be writable and not the records.

    Checked before any work: an output that is the records file (however
    spelled), or a folder, is refused before a record is read.

    Raises:
        OverwritesInput: One of them is the records file.
        OSError: One of them cannot be a file (a folder, under a file).
    """
    targets = (usable_path(output), *(usable_path(beside(output, word)) for word in words))
    refuse_input(targets, records)
    for target in targets:
        check_output(target)
    return targets


class Together(contextlib.ExitStack):
    """Files written together: each to a temporary file, all replacing their targets at the end.

    Used as a context manager; when the block raises, no target changes (see
    ``filled_together`` in the storage layer for what a kill between the
    renames leaves, and how it is completed).
    """

    def __init__(
        self,
        runner: Engine,
        format_name: str,
        targets: tuple[Path, ...],
        *,
        language: Language = Language.NL,
    ) -> None:
        super().__init__()
        self.runner, self.format_name, self.targets = runner, format_name, targets
        self.language = language
        self.files: dict[Path, int] = {}
        self.temporaries: dict[Path, Path] = {}

    def __enter__(self) -> Together:
        super().__enter__()
        try:
            filled = self.enter_context(filled_together(self.targets))
        except OSError as e:  # named by the file asked for, not by a temporary one
            self.close()
            raise OSError(e.errno, e.strerror or str(e), e.filename or str(self.targets[0])) from e
        self.temporaries = dict(zip(self.targets, filled, strict=True))
        return self

    def write(  # noqa: PLR0913  # where, what, and how to present it
        self,
        target: Path,
        content: str | pyarrow.Table,
        title: str,
        *,
        summary: Summary = (),
        numbers: Sequence[str] | None = None,
        grouped_by: str = "categorie",
    ) -> Path:
        """Write a query's rows (streamed where the engine can) or a table; the temporary file.

        A workbook gets words for headers (English where asked) and, given a
        *summary*, a first sheet of counts. Given the list's *numbers* in their
        order, a query's rows are grouped by *grouped_by* in that order and,
        on DuckDB, streamed into the workbook.
        """
        try:
            temporary = self.temporaries[target]
            if isinstance(content, str) and self.format_name != "xlsx":
                self.files[target] = self.runner.copy(content, temporary, self.format_name)
                return temporary
            runner = self.runner
            if (
                isinstance(runner, DuckDBEngine)
                and isinstance(content, str)
                and numbers is not None
            ):
                # on DuckDB a workbook streams, in number order: memory stays flat
                with runner.in_number_order(content, numbers, grouped_by) as rows:
                    self.files[target] = write_records_workbook(
                        temporary, rows, title=title, summary=summary, language=self.language
                    )
                return temporary
            table = as_arrow(self.runner.result(content)) if isinstance(content, str) else content
            if self.format_name == "xlsx":  # a table is grouped by category as it is written
                write_records_workbook(
                    temporary, table, title=title, summary=summary, language=self.language
                )
            else:
                temporary.write_bytes(table_bytes(table, self.format_name, title=title))
        except OSError as e:  # named by the file asked for, not by a temporary one
            raise OSError(e.errno, e.strerror or str(e), str(target)) from e
        self.files[target] = table.num_rows
        return temporary


TABLE_FORMATS = ("csv", "parquet", "xlsx")
"""What a destruction list is written as: by the output's suffix."""


def table_bytes(table: pyarrow.Table, format_name: str, *, title: str) -> bytes:
    """*table* as CSV (formulas guarded, as every CSV the library writes), Parquet or XLSX."""
    if format_name == "parquet":
        import pyarrow.parquet  # noqa: PLC0415  # only for Parquet

        sink = io.BytesIO()
        pyarrow.parquet.write_table(table, sink)
        return sink.getvalue()
    if format_name == "xlsx":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "lijst.xlsx"
            write_records_workbook(path, table, title=title)
            return path.read_bytes()
    from selectielijst._storage import guarded, write_csv  # noqa: PLC0415  # with the writers

    header = table.column_names
    rows = [[_text(value) for value in row.values()] for row in table.to_pylist()]
    return write_csv(header, [[guarded(cell) for cell in row] for row in rows])


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
