"""The engines that judge records in bulk: DuckDB, embedded, or Apache Spark beyond one machine.

The computation is SQL written once, in DuckDB's dialect, in
:mod:`selectielijst._holdings._api`. sqlglot reads each statement and writes it out
for the engine that runs it, so DuckDB and Spark run the same definition and
cannot drift apart. The statements keep to what both engines have: the
calendar is ``ADD_MONTHS`` then ``DATE_ADD``, which sqlglot writes as
DuckDB's interval arithmetic and as Spark's own functions, both of which take
the month's last day where the day does not exist.

An engine here only moves tables in and out: the records as the view
``source``, the small tables made from a list, and the results, as Arrow
tables from DuckDB and as Spark DataFrames from Spark.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from selectielijst._i18n import Message, say
from selectielijst._storage import FORMULA_STARTS
from selectielijst.errors import DocumentErrors, EngineFailed, InvalidDocument

if TYPE_CHECKING:
    import duckdb
    import pyarrow

__all__ = [
    "ENGINES",
    "JAVA_MISSING",
    "NOT_A_TABLE",
    "TIME_ZONE",
    "WORKBOOKS",
    "Columns",
    "CsvRule",
    "DuckDBEngine",
    "Engine",
    "Progress",
    "as_arrow",
    "as_csv_cells",
    "csv_header",
    "csv_options",
    "is_spark_frame",
    "is_temporal",
    "literal",
    "quoted",
    "readable",
    "sheet_table",
    "spark_errors",
    "translated",
    "unreadable",
]

ENGINES = ("duckdb", "spark")
"""The engines by name: ``duckdb`` (the default) and ``spark``."""

Progress = Callable[[float | None], None]
"""Told how far the work is: a fraction from 0 to 1, or ``None`` when it cannot be told."""

Columns = Sequence[tuple[str, str]]
"""A small table's columns: (name, SQL type in DuckDB's dialect)."""


class Engine(Protocol):
    """What :mod:`selectielijst._holdings._api` asks of an engine."""

    def columns(self, records: str | Path | Any) -> dict[str, bool]:
        """The columns of *records*: each one's name and whether it holds dates.

        Of a file, no more is read than tells them (a CSV file's header).

        Raises:
            DocumentErrors: A file cannot be read.
            TypeError: *records* is no table this engine reads.
        """

    def load(self, columns: Sequence[str]) -> None:
        """Make the view ``source`` of the records last asked about, of *columns* only.

        A file with thousands of columns is read as if it had only these.

        Raises:
            DocumentErrors: A file cannot be read.
        """

    def table(self, name: str, columns: Columns, rows: Iterable[Sequence[object]]) -> None:
        """Make the table *name* of *rows*."""

    def as_words(self, vocabulary: str, columns: Sequence[tuple[str, str]]) -> None:
        """Hold each ``(table, column)`` of *columns* as one of a few words, where the engine can.

        The words are the columns' values, named *vocabulary*. A result then
        holds each word once, with a small number in each row, rather than a
        copy of the text in every row (DuckDB's ENUM, Arrow's dictionary
        arrays). What the columns say does not change.
        """

    def counted(self, result: Any, columns: Sequence[str]) -> Any:
        """How many rows of *result*, a table this engine gave, hold each set of *columns*' values.

        A table of those columns and ``aantal``, in no order.
        """

    def run(self, statement: str) -> None:
        """Run a statement that makes a view or table."""

    records_kept_as: str
    """``TABLE`` where the records are read and numbered once and kept for the queries that
    follow (DuckDB), ``VIEW`` where each query reads them anew (Spark, which keeps nothing
    it is not asked to)."""

    def result(self, query: str) -> Any:
        """The table *query* gives: Arrow for DuckDB, a DataFrame for Spark."""

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        """The rows *query* gives, as tuples."""

    def keep(self, name: str, result: Any) -> Any:
        """Let later statements read *result*, a table this engine gave, as *name*; *result*."""

    def size(self, result: Any) -> int:
        """How many rows *result*, a table this engine gave, has."""

    def copy(self, query: str, path: Path, format_name: str) -> int:
        """Write the rows of *query* into *path* as ``csv`` or ``parquet``; how many there were.

        The rows are streamed into the file, never all held in memory. CSV is
        written as :func:`~selectielijst.holdings.table_bytes` writes it: a
        header, commas, quotes only where needed, formulas guarded.
        """

    def close(self) -> None:
        """Let go of what the engine holds; results already given stay usable."""

    def watched(self, progress: Progress | None) -> contextlib.AbstractContextManager[None]:
        """While the block runs, tell *progress* how far the engine's current work is.

        *progress* gets a fraction from 0 to 1 of the statement running, or
        ``None`` where the engine cannot tell; ``None`` watches nothing.
        """


def is_spark_frame(table: object) -> bool:
    """Whether *table* is a Spark DataFrame (classic or Spark Connect); PySpark is not imported."""
    return any(
        kind.__module__.startswith("pyspark.") and kind.__name__ == "DataFrame"
        for kind in type(table).__mro__
    )


def as_arrow(table: Any) -> pyarrow.Table:
    """*table* as an Arrow table: a Spark DataFrame is collected, an Arrow table stays.

    Raises:
        EngineFailed: Spark could not compute the DataFrame (or gather it).
    """
    if not is_spark_frame(table):
        return table
    with spark_errors():
        return table.toArrow()


@functools.lru_cache(maxsize=128)
def _parsed(statement: str) -> Any:
    import sqlglot  # noqa: PLC0415  # loaded with the engines

    return sqlglot.parse_one(statement, read="duckdb")


def translated(statement: str, dialect: str, prefix: str = "") -> str:
    """*statement*, written in DuckDB's dialect, for *dialect*; its tables named with *prefix*.

    Raises:
        sqlglot.errors.UnsupportedError: *dialect* cannot say what the statement says.
    """
    import sqlglot  # noqa: PLC0415  # loaded with the engines
    from sqlglot import exp  # noqa: PLC0415

    if dialect == "spark":  # Spark numbers rows in their order with an id of its own
        statement = statement.replace("row_number() OVER ()", "monotonically_increasing_id()")
    tree = _parsed(statement)
    if prefix:
        tree = tree.copy()
        for table in tree.find_all(exp.Table):
            table.set("this", exp.to_identifier(prefix + table.name))
    return str(tree.sql(dialect=dialect, unsupported_level=sqlglot.ErrorLevel.RAISE))


@functools.lru_cache(maxsize=128)
def _for_duckdb(statement: str) -> str:
    return translated(statement, "duckdb")


TIME_ZONE = "Europe/Amsterdam"
"""The zone in which a timestamp with a time zone is read as a day: the Netherlands'.

A case closed at 00:30 on 1 February in Amsterdam was closed on 1 February,
though it was still 31 January in UTC; the machine's own zone (``TZ``) plays
no part. A timestamp without a zone, and a date, are read as written.
"""


class DuckDBEngine:
    """DuckDB, embedded, in a connection of its own that lives for one computation."""

    def __init__(self) -> None:
        import duckdb  # noqa: PLC0415  # the engine loads when records are asked about

        self.connection: duckdb.DuckDBPyConnection = duckdb.connect()
        # A join looks each record up among the categories, so that rows come in the records'
        # order; DuckDB would otherwise look the categories up among a few records.
        self.connection.execute("SET disabled_optimizers = 'build_side_probe_side'")
        # DuckDB prints a bar of its own to stdout on long statements: stdout is for rows
        self.connection.execute("SET enable_progress_bar_print = false")
        # A timestamp with a time zone is a day in the Netherlands, whatever the machine's zone
        self.connection.execute(f"SET TimeZone = '{TIME_ZONE}'")
        # What does not fit in memory goes to a folder of the computation's own, not to ./.tmp
        self.spill = tempfile.mkdtemp(prefix="selectielijst-duckdb-")
        self.connection.execute(f"SET temp_directory = {literal(self.spill)}")
        self._removal = weakref.finalize(self, shutil.rmtree, self.spill, ignore_errors=True)
        self._source = _Source("given")
        """What reads the records last asked about."""

    records_kept_as = "TABLE"
    """The records are read and numbered once, then queried three times (due, transfer and
    what cannot be told): a table, which DuckDB spills to disk where memory runs short."""

    @contextlib.contextmanager
    def watched(self, progress: Progress | None) -> Iterator[None]:
        """Poll DuckDB's progress of the running statement, four times a second."""
        if progress is None:
            yield
            return
        # DuckDB keeps count only with its bar on; it prints nothing, the caller does
        self.connection.execute("SET enable_progress_bar = true")
        self.connection.execute("SET enable_progress_bar_print = false")
        stop = threading.Event()

        def poll() -> None:
            while not stop.wait(0.25):
                try:
                    done = self.connection.query_progress()
                except Exception:  # noqa: BLE001  # a progress that cannot be read stops nothing
                    return
                progress(done / 100 if done >= 0 else None)

        watcher = threading.Thread(target=poll, name="selectielijst-progress", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()

    def columns(self, records: str | Path | Any) -> dict[str, bool]:
        """See :meth:`Engine.columns`: a CSV file's are sniffed, not read."""
        import duckdb  # noqa: PLC0415  # loaded with the engine

        if not isinstance(records, str | Path):
            self._register(records)
            self._source = _Source("given")
            described = self.connection.execute("DESCRIBE given").fetchall()
            return {str(row[0]): is_temporal(str(row[1])) for row in described}
        self._source = source = self._reader(Path(records))
        try:
            if source.sniffer is not None:
                query = f"SELECT Columns FROM {source.sniffer}"
                ((named,),) = self.connection.execute(query).fetchall()
                return {str(column["name"]): False for column in named}  # text, every one
            query = f"DESCRIBE SELECT * FROM {source.reader}"
            described = self.connection.execute(query).fetchall()
            return {str(row[0]): is_temporal(str(row[1])) for row in described}
        except duckdb.Error as e:
            raise unreadable(Path(records), str(e)) from e

    def load(self, columns: Sequence[str]) -> None:
        """See :meth:`Engine.load`; a file is read through once here, to find what is wrong."""
        import duckdb  # noqa: PLC0415  # loaded with the engine

        source = self._source
        listed = ", ".join(quoted(column) for column in columns) or "NULL AS nothing"
        try:
            self.connection.execute(
                f"CREATE TEMP VIEW source AS SELECT {listed} FROM {source.reader}"
            )
            if source.path is not None:
                self.connection.execute("SELECT count(*) FROM source").fetchone()
        except duckdb.Error as e:
            if source.path is None:
                raise
            raise unreadable(source.path, str(e)) from e

    def table(self, name: str, columns: Columns, rows: Iterable[Sequence[object]]) -> None:
        """Make the temporary table *name*; see :meth:`Engine.table`."""
        import pyarrow  # noqa: PLC0415  # with the engine

        listed = ", ".join(f"{column} {kind}" for column, kind in columns)
        self.connection.execute(f"CREATE TEMP TABLE {name} ({listed})")
        given = list(rows)
        if given:  # one Arrow table, registered: executemany inserts a row at a time
            values = list(zip(*given, strict=True))
            arrow = pyarrow.table(
                {
                    column: pyarrow.array(list(value))
                    for (column, _), value in zip(columns, values, strict=True)
                }
            )
            self.connection.register(f"{name}_given", arrow)
            self.connection.execute(f"INSERT INTO {name} SELECT * FROM {name}_given")
            self.connection.unregister(f"{name}_given")

    def as_words(self, vocabulary: str, columns: Sequence[tuple[str, str]]) -> None:
        """Make the columns an ENUM of their values; see :meth:`Engine.as_words`."""
        # the tables and columns are our own names, never a user's
        selects = [f"SELECT {column} AS word FROM {table}" for table, column in columns]
        words = f"SELECT DISTINCT word FROM ({' UNION '.join(selects)}) WHERE word IS NOT NULL"
        counted = self.connection.execute(f"SELECT count(*) FROM ({words})").fetchall()
        if not counted[0][0]:
            return  # no word at all: an ENUM needs one
        self.connection.execute(f"CREATE TYPE {vocabulary} AS ENUM ({words})")
        for table, column in columns:
            self.connection.execute(f"ALTER TABLE {table} ALTER {column} TYPE {vocabulary}")

    def counted(self, result: pyarrow.Table, columns: Sequence[str]) -> pyarrow.Table:
        """Counted by Arrow's own grouping; see :meth:`Engine.counted`.

        Arrow counts the table it already holds; DuckDB would first read it in.
        """
        counts = result.group_by(list(columns)).aggregate([([], "count_all")])
        return counts.rename_columns([*columns, "aantal"])

    def run(self, statement: str) -> None:
        """Run *statement*; see :meth:`Engine.run`."""
        self.connection.execute(_for_duckdb(statement))

    def result(self, query: str) -> pyarrow.Table:
        """The Arrow table *query* gives."""
        return self.connection.sql(_for_duckdb(query)).to_arrow_table()

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        """The rows *query* gives."""
        return self.connection.execute(_for_duckdb(query)).fetchall()

    def keep(self, name: str, result: pyarrow.Table) -> pyarrow.Table:
        """Let later statements read the Arrow table *result* as *name*."""
        self.connection.register(name, result)
        return result

    def size(self, result: pyarrow.Table) -> int:
        """The rows of an Arrow table."""
        return int(result.num_rows)

    @contextlib.contextmanager
    def in_number_order(
        self, query: str, numbers: Sequence[str], column: str
    ) -> Iterator[tuple[pyarrow.Schema, Iterator[pyarrow.RecordBatch]]]:
        """The rows of *query* grouped by *column* in the order of *numbers*, as they stream.

        The rows go to a Parquet file first (streamed), then come back sorted
        by the category's place in *numbers* (others after, by their text) and,
        within a category, in the records' order (the file's row number):
        DuckDB sorts beyond memory on disk, so memory stays flat.
        """
        with tempfile.TemporaryDirectory(prefix="selectielijst-") as folder:
            rows = Path(folder) / "rijen.parquet"
            self.copy(query, rows, "parquet")
            self.connection.execute("DROP TABLE IF EXISTS number_ranks")  # one per workbook
            self.table("number_ranks", [("number", "VARCHAR"), ("rank", "INTEGER")],
                       [(number, rank) for rank, number in enumerate(numbers)])  # fmt: skip
            by_number = self.connection.sql(
                "SELECT q.* EXCLUDE (file_row_number)"
                f" FROM read_parquet({literal(str(rows))}, file_row_number = true) q"
                f" LEFT JOIN number_ranks n ON n.number = q.{quoted(column)}"
                f" ORDER BY n.rank NULLS LAST, q.{quoted(column)}, q.file_row_number"
            )  # our own names; the path as a literal
            reading = getattr(by_number, "to_arrow_reader", None) or by_number.fetch_arrow_reader
            reader = reading(65_536)  # to_arrow_reader in DuckDB 1.4 and newer
            yield reader.schema, iter(reader)

    def copy(self, query: str, path: Path, format_name: str) -> int:
        """Stream the rows of *query* into *path*; see :meth:`Engine.copy`."""
        statement = _for_duckdb(query)
        if format_name == "csv":
            relation = self.connection.sql(statement)
            kinds = [str(kind).startswith(("VARCHAR", "ENUM")) for kind in relation.types]
            statement = _for_duckdb(as_csv_cells(query, relation.columns, kinds))
        options = "FORMAT csv, HEADER true" if format_name == "csv" else "FORMAT parquet"
        target = "'" + str(path).replace("'", "''") + "'"
        import duckdb  # noqa: PLC0415  # loaded with the engine

        try:
            copied = self.connection.execute(f"COPY ({statement}) TO {target} ({options})")
        except duckdb.IOException as e:  # a full disk, a folder that went away
            first = str(e).strip().splitlines()[0] if str(e).strip() else "cannot write"
            raise OSError(errno.EIO, first, str(path)) from e
        ((count,),) = copied.fetchall()
        return int(count)

    def close(self) -> None:
        """Close the connection and remove its spill folder; the Arrow tables it gave stay."""
        self.connection.close()
        self._removal()  # the spill folder goes now; unclosed, when the engine is collected

    def _register(self, records: Any) -> None:
        """Register a table in memory as ``given``.

        A DuckDB relation may belong to another connection: it is fetched as Arrow.

        Raises:
            TypeError: *records* is no table DuckDB can read.
        """
        import duckdb  # noqa: PLC0415  # loaded with the engine

        if isinstance(records, duckdb.DuckDBPyRelation):
            records = records.to_arrow_table()
        try:
            self.connection.register("given", records)
        except (duckdb.Error, TypeError, ValueError) as e:
            raise TypeError(NOT_A_TABLE.format(kind=type(records).__name__)) from e

    def _reader(self, path: Path) -> _Source:
        """What reads the file *path*: for a CSV file, by :class:`CsvRule`.

        A workbook is read into memory and registered as ``given``.
        """
        suffix = readable(path)
        if suffix == ".parquet":
            return _Source(f"read_parquet({literal(str(path))})", path)
        if suffix in WORKBOOKS:
            self._register(sheet_table(path))
            return _Source("given", path)
        rule = csv_options(path)
        options = (
            f"{literal(str(path))}, all_varchar = true, header = true,"
            f" delim = {literal(rule.separator)}, quote = {literal(rule.quote)},"
            f" escape = {literal(rule.quote)}, comment = '', skip = 0"
        )  # no comment lines, no lines skipped: the rule, not a guess
        return _Source(f"read_csv({options})", path, f"sniff_csv({options})")


@attrs.frozen
class _Source:
    """What DuckDB reads records from: a table function, or a table registered in memory."""

    reader: str
    path: Path | None = None
    """The file the records are in; ``None`` for a table in memory."""
    sniffer: str | None = None
    """For a CSV file: what tells its columns without reading its rows."""


@attrs.frozen
class CsvRule:
    """How both engines read a records CSV file: the one rule, stated once.

    The first line names the columns, and every line after it is a record,
    with as many fields as the header: there are no comment lines (an id may
    begin with ``#``) and no lines of preamble. A file that breaks this is
    refused, naming the first line that does (:func:`unreadable`).
    """

    separator: str
    quote: str = '"'
    """The quote around a field; a quote inside one is doubled (``""``), as spreadsheets do."""


def csv_options(path: Path) -> CsvRule:
    """The rule for *path*: the separator its header uses most.

    Of comma, semicolon, tab and ``|``, the one the header line holds most
    of; a comma where it holds none.

    Raises:
        DocumentErrors: One of the first records has more or fewer fields than
            the header (a title line above it, a comment line), which both
            engines are told alike.
    """
    rule = CsvRule(_separator(path))
    if ragged := _ragged_line(path, rule, _HEAD):
        raise DocumentErrors(
            f"{path} cannot be read", [InvalidDocument(ragged[0], file=str(path), line=ragged[1])]
        )
    return rule


_HEAD = 20
"""The records :func:`csv_options` reads to see that the file keeps the rule."""


def _separator(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace", newline="") as stream:
        header = stream.readline()
    return max(",;\t|", key=lambda candidate: (header.count(candidate), candidate == ","))


def csv_header(path: Path) -> list[str]:
    """The column names of the CSV file *path*, as :class:`CsvRule` reads them, trimmed.

    Its records are not looked at (:func:`csv_options` does that).
    """
    import csv  # noqa: PLC0415  # only for a CSV file

    rule = CsvRule(_separator(path))
    with path.open(encoding="utf-8", errors="replace", newline="") as stream:
        header = next(csv.reader(stream, delimiter=rule.separator, quotechar=rule.quote), [])
    return [name.strip() for name in header]


NOT_A_TABLE = (
    "records are a path, or a table in memory (an Arrow table, a pandas or Polars data frame,"
    " a DuckDB relation, a Spark DataFrame); got {kind}"
)

WORKBOOKS = {".xlsx", ".xlsm"}

_FORMULA_STARTS = (
    "("
    + ", ".join(
        f"'{start}'" if start.isprintable() and start != "'" else f"chr({ord(start)})"
        for start in FORMULA_STARTS
    )
    + ")"
)
"""What the CSV formula guard puts a quote before (:data:`FORMULA_STARTS`), as an SQL list."""


def literal(text: str) -> str:
    """*text* as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def as_csv_cells(query: str, columns: Sequence[str], texts: Sequence[bool]) -> str:
    """*query* with each text column as :func:`_guarded_cell` makes it."""
    cells = ", ".join(
        _guarded_cell(name) if text else quoted(name)
        for name, text in zip(columns, texts, strict=True)
    )
    return f"SELECT {cells} FROM ({query}) AS rows_of"  # our own SQL


def _guarded_cell(name: str) -> str:
    """The text column *name* as a CSV cell: formulas guarded, an empty text as no value.

    An empty text is written as nothing at all, as Python's CSV writer writes
    it, not as DuckDB's ``""``.
    """
    column = f"CAST({quoted(name)} AS VARCHAR)"  # an ENUM's words as text too
    return (
        f"CASE WHEN left({column}, 1) IN {_FORMULA_STARTS} THEN '''' || {column}"
        f" ELSE nullif({column}, '') END AS {quoted(name)}"
    )


def is_temporal(kind: str) -> bool:
    """Whether a column of type *kind* (as an engine names it) holds dates or timestamps."""
    return kind.upper().startswith(("DATE", "TIMESTAMP"))


def readable(path: Path) -> str:
    """The suffix of *path*, a file that exists.

    Raises:
        DocumentErrors: There is no such file.
    """
    if not path.is_file():
        raise DocumentErrors(
            f"{path} cannot be read",
            [InvalidDocument(say("no-such-file", "no such file"), file=str(path))],
        )
    return path.suffix.lower()


def unreadable(path: Path, message: str) -> DocumentErrors:
    """The records file *path* cannot be read: why, in words, where the engine's are obscure.

    An empty file and a file that is not UTF-8 are named as such (the engines
    speak of their CSV sniffer, or of a line); else the engine's first line.
    """
    problem = _what_is_wrong(path)
    line = None
    if problem is None:
        first = message.strip().splitlines()[0] if message.strip() else "unknown problem"
        problem = say("unreadable-records", "is not a readable records file ({first})", first=first)
    elif isinstance(problem, tuple):
        problem, line = problem
    return DocumentErrors(
        f"{path} cannot be read", [InvalidDocument(problem, file=str(path), line=line)]
    )


def _what_is_wrong(path: Path) -> Message | tuple[Message, int] | None:
    """An empty text file, or one that is no UTF-8 (with its line); ``None`` when neither."""
    import codecs  # noqa: PLC0415  # only when a file could not be read

    if path.suffix.lower() in {".parquet", *WORKBOOKS}:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, seen = 1, False
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError as e:
                line += block[: e.start].count(b"\n")
                problem = say(
                    "csv-not-utf8",
                    "is not UTF-8 text (byte {byte}); save it as UTF-8 CSV",
                    byte=f"{block[e.start]:#04x}",
                )
                return problem, line
            line += block.count(b"\n")
            seen = seen or bool(text.strip())
    if not seen:
        return say(
            "records-empty",
            "is empty: its first row names the columns (id, category, start), and each row"
            " after it is a record",
        )
    return _ragged_line(path, CsvRule(_separator(path)))


def _ragged_line(path: Path, rule: CsvRule, most: int | None = None) -> tuple[Message, int] | None:
    """The first record with more or fewer fields than the header, of the first *most*.

    Read by *rule*, as the engines read; every record where *most* is ``None``.
    """
    import csv  # noqa: PLC0415  # only where a file is checked
    import itertools  # noqa: PLC0415  # likewise

    with path.open(encoding="utf-8", errors="replace", newline="") as stream:
        rows = csv.reader(stream, delimiter=rule.separator, quotechar=rule.quote, strict=True)
        line, header = 1, None
        try:
            for fields in itertools.islice(rows, None if most is None else most + 1):
                if header is None:
                    header = len(fields)
                elif fields and len(fields) != header:  # a blank line is skipped, as the engines do
                    problem = say(
                        "csv-ragged-row",
                        "has {found} field(s) on this line where its header has {header}"
                        " (a records file has no comment or title lines)",
                        found=len(fields),
                        header=header,
                    )
                    return problem, line
                line = rows.line_num + 1
        except csv.Error as e:
            if most is not None:
                return None  # the engine, reading it all, says where
            return say("csv-broken", "is no CSV file as written: {reason}", reason=str(e)), line
    return None


def sheet_table(path: Path) -> pyarrow.Table:
    """The first sheet of a workbook as an Arrow table of texts, read as the table importer does."""
    import pyarrow  # noqa: PLC0415  # with the engines

    from selectielijst._storage import read_table  # noqa: PLC0415  # openpyxl when used

    table = read_table(path, records=True)
    return pyarrow.table(
        {name: [row.cells.get(name, "") or None for row in table.rows] for name in table.header}
    )


JAVA_MISSING = (
    "Spark needs a Java runtime (17 or newer) and none was found: install one (on Debian or"
    " Ubuntu: apt-get install default-jre-headless) or set JAVA_HOME, or let DuckDB compute"
)


@contextlib.contextmanager
def spark_errors(source: Path | None = None) -> Iterator[None]:
    """Spark's failures as one clear error, not a Java stack.

    Where Spark fails on reading the records CSV file *source*, the error is
    :func:`unreadable`'s, as DuckDB's is: it names the file and the line.
    """
    from py4j.protocol import Py4JError  # noqa: PLC0415  # with PySpark
    from pyspark.errors import PySparkException  # noqa: PLC0415  # likewise

    try:
        yield
    except (PySparkException, Py4JError) as e:
        cause = spark_cause(str(e)) or type(e).__name__
        if source is not None and "MALFORMED_" in str(e):
            raise unreadable(source, cause) from e
        msg = say("spark-failed", "Spark could not compute the records: {value}", value=cause)
        raise EngineFailed(msg) from e


def spark_cause(text: str) -> str:
    """What failed, from Spark's error *text*: the deepest cause, without Java's names.

    ``Caused by: org.apache.spark.SparkRuntimeException: [MALFORMED_CSV_RECORD]
    Malformed CSV record: x SQLSTATE: KD000`` gives ``[MALFORMED_CSV_RECORD]
    Malformed CSV record: x``; an error with no cause gives its first line.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    causes = [line.removeprefix("Caused by: ") for line in lines if line.startswith("Caused by: ")]
    said = causes[-1] if causes else next(iter(lines), "")
    java_name, colon, rest = said.partition(": ")
    if colon and "." in java_name and " " not in java_name:
        said = rest
    return said.split(" SQLSTATE: ")[0].strip()[:300]
