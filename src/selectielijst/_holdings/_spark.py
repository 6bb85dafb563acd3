"""Apache Spark as an engine: the same SQL, translated, over more records than one machine holds.

Spark runs the statements that :mod:`._sql` writes in DuckDB's dialect, as
sqlglot translates them; it reads the records with one set of options and
writes files with its own writers, in one task, never gathering rows in the driver.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selectielijst._holdings._engines import (
    JAVA_MISSING,
    NOT_A_TABLE,
    TIME_ZONE,
    WORKBOOKS,
    Columns,
    Progress,
    as_csv_cells,
    csv_options,
    is_spark_frame,
    is_temporal,
    readable,
    sheet_table,
    spark_errors,
    translated,
    unreadable,
)
from selectielijst.errors import EngineUnavailable

if TYPE_CHECKING:
    import pyspark.sql

__all__ = ["SparkEngine", "spark_session"]


_SPARK_TYPES: Mapping[str, str] = {
    "VARCHAR": "STRING",
    "BOOLEAN": "BOOLEAN",
    "INTEGER": "INT",
}


_PYSPARK_MISSING = (
    "Spark is not installed: pip install 'selectielijst[spark]' (PySpark 4), or let DuckDB compute"
)


def spark_session() -> pyspark.sql.SparkSession:
    """The active Spark session, or a new one as Spark's configuration says (local by default).

    Raises:
        EngineUnavailable: PySpark or Java is missing.
    """
    try:
        from pyspark.sql import SparkSession  # noqa: PLC0415  # only for --engine spark
    except ImportError as e:
        raise EngineUnavailable(_PYSPARK_MISSING) from e
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise EngineUnavailable(JAVA_MISSING)
    builder = (
        SparkSession.builder.appName("selectielijst")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", TIME_ZONE)  # a timestamp's day: see TIME_ZONE
    )
    if not os.environ.get("PYSPARK_PYTHON"):  # the workers run this Python, with its packages
        builder = builder.config("spark.pyspark.python", sys.executable)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


_CALLS = itertools.count()


class SparkEngine:
    """Apache Spark, in a session the caller has or Spark's configuration gives.

    Spark's temporary views belong to the whole session, so each computation
    names its views with a prefix of its own.
    """

    records_kept_as = "VIEW"
    """Spark reads the records anew for each query: it keeps nothing it is not asked to."""

    def __init__(self, session: pyspark.sql.SparkSession) -> None:
        self.session = session
        self.prefix = f"selectielijst_{os.getpid()}_{next(_CALLS)}_"
        self.source_file: Path | None = None
        """The records CSV file read, which Spark reads only when a result is used."""
        self._frame: pyspark.sql.DataFrame | None = None
        """The records last asked about (:meth:`columns`), all their columns."""

    @contextlib.contextmanager
    def watched(self, progress: Progress | None) -> Iterator[None]:
        """Spark shows its own stages; here progress is told only that work goes on."""
        if progress is not None:
            progress(None)
        yield

    def columns(self, records: str | Path | Any) -> dict[str, bool]:
        """See :meth:`Engine.columns`."""
        if isinstance(records, str | Path):
            self._frame = self._read_file(Path(records))
        elif is_spark_frame(records):
            self._frame = records
        else:
            self._frame = self._from_memory(records)
        return {field.name: is_temporal(field.dataType.typeName()) for field in self._frame.schema}

    def load(self, columns: Sequence[str]) -> None:
        """See :meth:`Engine.load`."""
        from pyspark.sql import functions  # noqa: PLC0415  # with the engine

        if self._frame is None:
            msg = "load() needs columns() first, to know the records"
            raise RuntimeError(msg)
        chosen = self._frame.select(*(functions.col(_backquoted(name)) for name in columns))
        chosen.createOrReplaceTempView(self.prefix + "source")

    def table(self, name: str, columns: Columns, rows: Iterable[Sequence[object]]) -> None:
        """Make the temporary view *name*; see :meth:`Engine.table`."""
        schema = ", ".join(f"{column} {_SPARK_TYPES[kind]}" for column, kind in columns)
        frame = self.session.createDataFrame([tuple(row) for row in rows], schema=schema)
        frame.createOrReplaceTempView(self.prefix + name)

    def as_words(self, vocabulary: str, columns: Sequence[tuple[str, str]]) -> None:
        """Nothing: Spark has no such type, and the columns stay text."""

    def counted(
        self, result: pyspark.sql.DataFrame, columns: Sequence[str]
    ) -> pyspark.sql.DataFrame:
        """Counted by Spark, when the count is used; see :meth:`Engine.counted`."""
        return result.groupBy(*columns).count().withColumnRenamed("count", "aantal")

    def run(self, statement: str) -> None:
        """Run *statement*; see :meth:`Engine.run`."""
        self.session.sql(translated(statement, "spark", self.prefix))

    def result(self, query: str) -> pyspark.sql.DataFrame:
        """The DataFrame *query* gives; nothing is computed until it is used."""
        return self.session.sql(translated(query, "spark", self.prefix))

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        """The rows *query* gives, computed now."""
        with spark_errors(self.source_file):
            return [tuple(row) for row in self.result(query).collect()]

    def keep(self, name: str, result: pyspark.sql.DataFrame) -> pyspark.sql.DataFrame:
        """Let later statements read the DataFrame *result* as *name*."""
        result.createOrReplaceTempView(self.prefix + name)
        return result

    def size(self, result: pyspark.sql.DataFrame) -> int:
        """The rows of a DataFrame, counted by Spark now."""
        with spark_errors(self.source_file):
            return int(result.count())

    def copy(self, query: str, path: Path, format_name: str) -> int:
        """Write the rows of *query* into the one file *path*; see :meth:`Engine.copy`.

        Spark's own writer writes them, in one task, into a folder beside
        *path*; its one part becomes *path*. Nothing is gathered in this
        process, so the rows need not fit in its memory.
        """
        frame = self.result(query)
        if format_name == "csv":
            texts = [kind == "string" for _, kind in frame.dtypes]
            frame = self.result(as_csv_cells(query, frame.columns, texts))
        parts = path.with_name(path.name + ".parts")
        with spark_errors(self.source_file):
            writer = frame.coalesce(1).write.mode("overwrite")
            if format_name == "csv":
                writer.options(**_SPARK_CSV).csv(str(parts))
            else:
                writer.parquet(str(parts))
            written = sorted(parts.glob(f"part-*.{format_name}"))
            count = int(frame.count())
        try:
            if len(written) != 1:  # no rows, no part: the header (or schema) alone
                path.write_bytes(_empty_file(frame, format_name))
            else:
                written[0].replace(path)
        finally:
            shutil.rmtree(parts, ignore_errors=True)
        return count

    def close(self) -> None:
        """Nothing: the views stay for the DataFrames given, and the session is the caller's."""

    def _from_memory(self, records: Any) -> pyspark.sql.DataFrame:
        """A DataFrame of an Arrow table, a pandas or Polars data frame or a DuckDB relation.

        Each goes to Spark as Arrow: Spark reads Arrow whatever pandas it
        supports, and a DuckDB relation or a Polars frame has no other way in.

        Raises:
            TypeError: *records* is none of these.
        """
        import pyarrow  # noqa: PLC0415  # with the engine

        home = type(records).__module__.split(".")[0]
        if home == "duckdb":
            records = records.to_arrow_table()
        elif home == "polars":
            records = records.to_arrow()
        elif home == "pandas":
            records = pyarrow.Table.from_pandas(records, preserve_index=False)
        try:
            return self.session.createDataFrame(records)
        except (TypeError, ValueError) as e:
            raise TypeError(NOT_A_TABLE.format(kind=type(records).__name__)) from e

    def _read_file(self, path: Path) -> pyspark.sql.DataFrame:
        from pyspark.errors import PySparkException  # noqa: PLC0415  # with the engine

        suffix = readable(path)
        try:
            if suffix == ".parquet":
                return self.session.read.parquet(str(path))
            if suffix in WORKBOOKS:
                sheet = sheet_table(path)
                schema = ", ".join(f"{_backquoted(name)} STRING" for name in sheet.column_names)
                rows = zip(*sheet.to_pydict().values(), strict=True)
                return self.session.createDataFrame(list(rows), schema)
            wrong = unreadable(path, "") if not _is_readable_text(path) else None
            if wrong is not None:
                raise wrong  # Spark would read bytes that are no UTF-8 as U+FFFD: refused alike
            rule = csv_options(path)
            self.source_file = path
            return self.session.read.csv(
                str(path), header=True, sep=rule.separator, quote=rule.quote,
                escape=rule.quote, multiLine=True, mode="FAILFAST",
            )  # fmt: skip
        except (PySparkException, OSError) as e:
            raise unreadable(path, str(e)) from e


_SPARK_CSV = {
    "header": "true",
    "quote": '"',
    "escape": '"',
    "lineSep": "\n",
    "ignoreLeadingWhiteSpace": "false",
    "ignoreTrailingWhiteSpace": "false",
    "dateFormat": "yyyy-MM-dd",
    "emptyValue": "",
    "nullValue": "",
}
"""Spark's CSV as the library writes CSV: quotes doubled, spaces kept, dates in ISO."""


def _empty_file(frame: pyspark.sql.DataFrame, format_name: str) -> bytes:
    """A file of no rows with *frame*'s columns: CSV's header, or Parquet's schema."""
    import io  # noqa: PLC0415  # only here

    import pyarrow.parquet  # noqa: PLC0415  # with the engine

    empty = frame.limit(0).toArrow()
    if format_name == "csv":
        return (",".join(empty.column_names) + "\n").encode("utf-8")
    sink = io.BytesIO()
    pyarrow.parquet.write_table(empty, sink)
    return sink.getvalue()


def _backquoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _is_readable_text(path: Path) -> bool:
    """Whether *path* is UTF-8 text with something in it, as DuckDB requires of a CSV file."""
    import codecs  # noqa: PLC0415  # only for a CSV file

    decoder = codecs.getincrementaldecoder("utf-8")()
    seen = False
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            try:
                seen = bool(decoder.decode(block).strip()) or seen
            except UnicodeDecodeError:
                return False
    return seen
