"""Spark runs the same computation as DuckDB, and gives the same answers, record for record.

Spark runs in local mode. Without PySpark or Java these tests skip, saying how
to install them; in CI (``CI`` set) they fail instead, so CI always runs them.
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow
import pyarrow.parquet
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_holdings import drawn_records, records_table, some_days, vng_records

from selectielijst import SelectionList, load
from selectielijst._cli import main
from selectielijst._holdings._engines import as_arrow, is_spark_frame, spark_cause
from selectielijst.errors import DocumentErrors, EngineUnavailable
from selectielijst.holdings import Action, Effect, due, impact
from strategies import selection_lists

if TYPE_CHECKING:
    import pyspark.sql

_HOW_TO_INSTALL = (
    "Spark's tests need PySpark and a Java runtime (17 or newer):"
    " pip install -e '.[test]', and apt-get install default-jre-headless (Debian, Ubuntu)"
    " or set JAVA_HOME"
)

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[pyspark.sql.SparkSession]:
    """One local Spark session for the module: two threads, no web UI, few partitions."""
    if importlib.util.find_spec("pyspark") is None or (
        not os.environ.get("JAVA_HOME") and not shutil.which("java")
    ):
        if os.environ.get("CI"):
            pytest.fail(_HOW_TO_INSTALL)
        pytest.skip(_HOW_TO_INSTALL)
    from pyspark.sql import SparkSession  # noqa: PLC0415  # only where Spark is tested

    session = (
        SparkSession.builder.master("local[2]")
        .appName("selectielijst-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _rows(table: Any) -> list[dict[str, object]]:
    """The rows of *table* by id: the engines may give them in different orders."""
    return sorted(as_arrow(table).to_pylist(), key=lambda row: str(row["id"]))


def _same_due(selection_list: SelectionList, records: Any, on: datetime.date) -> None:
    """DuckDB and Spark give the same destruction list, undetermined list and counts.

    Where a date column holds no date at all, both refuse it with the same problems.
    """
    try:
        by_duckdb = due(selection_list, records, on=on)
    except DocumentErrors as refused:
        said = [p.problem for p in refused.problems]
        with pytest.raises(DocumentErrors) as also:
            due(selection_list, records, on=on, engine="spark")
        assert [p.problem for p in also.value.problems] == said
        return
    by_spark = due(selection_list, records, on=on, engine="spark")
    assert is_spark_frame(by_spark.due)
    assert _rows(by_spark.due) == _rows(by_duckdb.due)
    assert _rows(by_spark.undetermined) == _rows(by_duckdb.undetermined)
    assert _rows(by_spark.transfer) == _rows(by_duckdb.transfer)
    assert by_spark.counts == by_duckdb.counts


# Texts as spreadsheets and case systems write dates, and texts that are no date.
_date_texts = st.sampled_from(
    ["2024-02-29", " 2023-01-31 ", "2023-01-31 00:00:00", "2023-01-31T10:30", "2023-1-31",
     "2023-02-30", "31-01-2023", "2023", "", "geen", "2023-01-31 10", "29-2-2024",
     "31/01/2023", "31.01.2023 12:30", "01/31/2023", "30-02-2023", "1-2-2023"]
)  # fmt: skip


def _text_records(data: st.DataObject, numbers: list[str]) -> pyarrow.Table:
    """Records whose dates are texts: ISO dates, dates with a time, and texts that are none."""
    drawn = data.draw(
        st.lists(
            st.tuples(
                st.sampled_from(numbers),
                st.none() | _date_texts | some_days.map(str),
                st.none() | _date_texts,
            ),
            max_size=30,
        )
    )
    return pyarrow.table(
        {
            "id": [f"t{index}" for index in range(len(drawn))],
            "category": [row[0] for row in drawn],
            "start": pyarrow.array([row[1] for row in drawn], pyarrow.string()),
            "event": pyarrow.array([row[2] for row in drawn], pyarrow.string()),
        }
    )


_SPACES = ["", " ", "\u00a0", "\u3000", "\t", "\n", "\r\n", "\u2028", "\u0085"]
"""White space as people's files hold it: around a value, inside a quoted field too."""


@st.composite
def _awkward_csv(draw: st.DrawFn, folder: Path, numbers: list[str]) -> Path:
    """A records CSV of awkward values: white space of every kind around them, quotes inside,
    line ends inside quoted fields, separators inside values, any of four separators, with or
    without a byte-order mark, lines ended by LF or CR LF."""
    separator = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = []
    for index in range(draw(st.integers(1, 12))):
        around = st.sampled_from(_SPACES)
        record_id = draw(
            st.sampled_from(
                [f"Z-{index}", f'Z "{index}"', f"Z;{index},b", f"Z\n{index}", f"#Z{index}"]
            )
        )
        number = draw(around) + draw(st.sampled_from(numbers)) + draw(around)
        day = draw(st.sampled_from(["2015-01-31", "31-01-2015", "2024-02-29 00:00:00"]))
        rows.append([record_id, number, draw(around) + day + draw(around)])
    path = folder / f"zaken-{draw(st.integers(0, 10**9))}.csv"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig"]))  # Excel's "CSV UTF-8" has a BOM
    line_end = draw(st.sampled_from(["\n", "\r\n"]))
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=separator, quotechar='"', lineterminator=line_end)
        writer.writerow(["id", "category", "start"])
        writer.writerows(rows)
    return path


@pytest.mark.usefixtures("spark")
class TestReadAlike:
    """DuckDB and Spark read one records file alike: one rule for both, record for record."""

    @settings(
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        max_examples=8,
        deadline=None,
    )
    @given(data=st.data())
    def test_awkward_files(self, tmp_path: Path, data: st.DataObject) -> None:
        """White space, line ends, quotes and separators: the same rows on both engines."""
        selection_list = load("voorbeeld", "2.1")
        numbers = [category.number for _, category in selection_list.categories()]
        path = data.draw(_awkward_csv(tmp_path, numbers))
        _same_due(selection_list, path, datetime.date(2031, 1, 31))

    def test_not_utf8_refused_alike(self, tmp_path: Path) -> None:
        """A cp1252 file is refused by both, with the same words; Spark would read U+FFFD."""
        path = tmp_path / "zaken.csv"
        path.write_bytes(b"id,category,start\nZ\xe9,1.2,2015-01-31\n")
        for engine in ("duckdb", "spark"):
            with pytest.raises(DocumentErrors) as refused:
                due(load("voorbeeld", "2.1"), path, on=datetime.date(2031, 1, 31), engine=engine)
            assert "is not UTF-8 text (byte 0xe9)" in str(refused.value.problems[0])

    def test_blank_lines_read_alike(self, tmp_path: Path) -> None:
        """Blank lines near the top and further down: skipped by both, not refused."""
        path = tmp_path / "zaken.csv"
        rows = "Z-{n},1.2,2015-01-31\n"
        path.write_text(
            "id,category,start\n\n" + "".join(rows.format(n=n) for n in range(25)) + "\n\n",
            encoding="utf-8",
        )
        _same_due(load("voorbeeld", "2.1"), path, datetime.date(2031, 1, 31))

    @pytest.mark.parametrize(
        ("content", "line", "says"),
        [
            ("id,category,start\n# opmerking\nZ-1,1.2,2015-01-31\n", 2, "has 1 field(s)"),
            ("Zaken 2026\nid,category,start\nZ-1,1.2,2015-01-31\n", 2, "has 3 field(s)"),
            ("id,category,start\nZ-1,1.2,2015-01-31,x\n", 2, "has 4 field(s)"),
            ("id,category,start\n" + "Z,1.2,2015-01-31\n" * 40 + "Z-41,1.2\n", 42, "has 2 field"),
            ("id,category,start,start\nZ-1,1.2,2015-01-31,2016-01-31\n", 1, "two columns named"),
        ],
    )
    def test_broken_files_refused_alike(
        self, tmp_path: Path, content: str, line: int, says: str
    ) -> None:
        """A comment, a title line, a field too many or too few, a column twice: one error on both,
        naming the file and the line, not Spark's ``An error occurred while calling o474``."""
        path = tmp_path / "zaken.csv"
        path.write_text(content, encoding="utf-8")
        refusals = []
        for engine in ("duckdb", "spark"):
            with pytest.raises(DocumentErrors) as refused:
                due(load("voorbeeld", "2.1"), path, on=datetime.date(2031, 1, 31), engine=engine)
            refusals.append(str(refused.value.problems[0]))
        assert refusals[0] == refusals[1]
        assert refusals[0].startswith((f"{path}:{line}: ", f"{path}:{line} columns: "))
        assert says in refusals[0]


def test_spark_causes_in_one_line() -> None:
    """The deepest cause of a Java stack, without the Java names and the SQL state."""
    stack = (
        "An error occurred while calling o47.collectToPython.\n"
        ": org.apache.spark.SparkException: [FAILED_READ_FILE.NO_HINT] Encountered error\n"
        "\tat org.apache.spark.sql.errors.QueryExecutionErrors$.cannotReadFilesError\n"
        "Caused by: org.apache.spark.SparkException: [MALFORMED_RECORD_IN_PARSING] Malformed\n"
        "Caused by: org.apache.spark.SparkRuntimeException: [MALFORMED_CSV_RECORD] Malformed"
        " CSV record: # opmerking SQLSTATE: KD000\n\tat org.apache.spark.sql.errors.X"
    )
    assert spark_cause(stack) == "[MALFORMED_CSV_RECORD] Malformed CSV record: # opmerking"
    assert spark_cause("Table or view not found: x\nmore") == "Table or view not found: x"


@pytest.mark.usefixtures("spark")
class TestSameAsDuckDB:
    """Drawn lists and records: Spark's answer is DuckDB's, which is retention()'s."""

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=6)
    @given(selection_list=selection_lists(max_categories=6), data=st.data(), on=some_days)
    def test_due_on_dates(
        self, selection_list: SelectionList, data: st.DataObject, on: datetime.date
    ) -> None:
        """Month ends, leap days, weeks, event-based terms, missing dates, unknown categories."""
        numbers = [category.number for _, category in selection_list.categories()] + ["99.99"]
        _same_due(selection_list, records_table(drawn_records(data, numbers, 30)), on)

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=4)
    @given(data=st.data())
    def test_due_on_texts(self, data: st.DataObject) -> None:
        """Both engines read the same texts as dates, and the same texts as none."""
        selection_list = load("voorbeeld", "2.1")
        numbers = [category.number for _, category in selection_list.categories()]
        _same_due(selection_list, _text_records(data, numbers), datetime.date(2031, 1, 31))

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=4)
    @given(data=st.data())
    def test_impact(self, data: st.DataObject) -> None:
        """The example list 1.0 -> 2.0: split, shorter term, V -> B, withdrawn, unknown."""
        old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
        numbers = [category.number for _, category in old.categories()] + ["9.9"]
        records = records_table(drawn_records(data, numbers, 30))
        by_duckdb = impact(old, new, records)
        by_spark = impact(old, new, records, engine="spark")
        assert _rows(by_spark.records) == _rows(by_duckdb.records)
        assert as_arrow(by_spark.summary).to_pylist() == by_duckdb.summary.to_pylist()
        assert by_spark.counts == by_duckdb.counts


def test_a_spark_dataframe_goes_to_spark(spark: pyspark.sql.SparkSession) -> None:
    """A Spark DataFrame is computed by Spark, and the results are DataFrames, not collected."""
    records = spark.createDataFrame(
        [("Z-1", "1.2", datetime.date(2015, 1, 31)), ("Z-2", "1.1", datetime.date(2015, 1, 31))],
        "id STRING, category STRING, start DATE",
    )
    result = due(load("voorbeeld", "2.1"), records, on=datetime.date(2026, 1, 1))
    assert is_spark_frame(result.due)
    assert is_spark_frame(result.undetermined)
    assert [row.asDict() for row in result.due.collect()] == [
        {
            "id": "Z-1",
            "categorie": "1.2",
            "omschrijving": "Het beheren van vergaderstukken van commissies",
            "waardering": "V, 7 jaar",
            "actie": "vernietigen",
            "vernietigen_vanaf": datetime.date(2022, 1, 31),
        }
    ]
    assert result.counts[Action.KEEP] == 1


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_data_frames_on_spark(spark: pyspark.sql.SparkSession, library: str) -> None:
    """engine="spark" takes a pandas or Polars data frame too, and answers as DuckDB does."""
    frames = pytest.importorskip(library)
    assert spark is not None
    frame = frames.DataFrame(
        {"id": ["a", "b"], "category": ["1.2", "9.9"], "start": ["2015-01-31", "2015-01-31"]}
    )
    selection_list, on = load("voorbeeld", "2.1"), datetime.date(2030, 1, 1)
    by_spark = due(selection_list, frame, on=on, engine="spark")
    by_duckdb = due(selection_list, frame, on=on)
    assert _rows(by_spark.due) == _rows(by_duckdb.due) != []
    assert _rows(by_spark.undetermined) == _rows(by_duckdb.undetermined) != []


def test_calls_do_not_share_views(spark: pyspark.sql.SparkSession) -> None:
    """Two computations in one session keep their own views: the first's results stay its own."""
    selection_list = load("voorbeeld", "2.1")
    first = due(
        selection_list,
        spark.createDataFrame(
            [("a", "1.2", "2015-01-31")], "id STRING, category STRING, start STRING"
        ),
        on=datetime.date(2026, 1, 1),
    )
    due(
        selection_list,
        spark.createDataFrame(
            [("b", "1.2", "2010-01-31")], "id STRING, category STRING, start STRING"
        ),
        on=datetime.date(2026, 1, 1),
    )
    assert [row.id for row in first.due.collect()] == ["a"]


@pytest.mark.usefixtures("spark")
class TestCommandLine:
    """``--engine spark`` on the files a records manager has: the same output as DuckDB."""

    @pytest.fixture(params=[".csv", ".parquet", ".xlsx"])
    def records(self, request: pytest.FixtureRequest, tmp_path: Path) -> Path:
        """Semicolons and Dutch headers in CSV; a date column in Parquet; texts in a workbook."""
        rows = [
            ("Z-1", "1.2", "2015-01-31", None),
            ("Z-2", "2.1", "2016-02-29", "2016-02-29"),
            ("Z-3", "2.1", "2016-02-29", None),
            ("Z-4", "9.9", "2015-01-01", None),
            ("Z-5", "1.4", "geen datum", None),
        ]
        header = ["Zaaknummer", "Klasse", "Einddatum", "Uitdienst"]
        path = tmp_path / f"zaken{request.param}"
        if request.param == ".csv":
            lines = [";".join(header)] + [";".join(cell or "" for cell in row) for row in rows]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif request.param == ".parquet":
            columns = list(zip(*rows, strict=True))
            pyarrow.parquet.write_table(
                pyarrow.table(
                    {
                        header[0]: list(columns[0]),
                        header[1]: list(columns[1]),
                        header[2]: [_day(text) for text in columns[2]],
                        header[3]: [_day(text) for text in columns[3]],
                    }
                ),
                path,
            )
        else:
            import openpyxl  # noqa: PLC0415  # only here

            workbook = openpyxl.Workbook()
            workbook.worksheets[0].append(header)
            for row in rows:
                workbook.worksheets[0].append(list(row))
            workbook.save(path)
        return path

    def test_due(self, records: Path, tmp_path: Path) -> None:
        """due writes the same list, the same undetermined list and the same summary."""
        said = {
            engine: self.run_due(records, tmp_path / engine, engine)
            for engine in ("duckdb", "spark")
        }
        assert said["spark"] == said["duckdb"]
        assert any(line.startswith("Z-1,") for line in said["duckdb"][1])

    def test_impact(self, records: Path) -> None:
        """impact writes the same rows and the same counts."""
        results = {engine: self.run_impact(records, engine) for engine in ("duckdb", "spark")}
        assert results["spark"].exit_code == 0, results["spark"].stderr
        assert _sorted_lines(results["spark"].stdout) == _sorted_lines(results["duckdb"].stdout)
        assert results["spark"].stderr.splitlines()[-1] == results["duckdb"].stderr.splitlines()[-1]

    @staticmethod
    def run_impact(records: Path, engine: str) -> Result:
        """``impact voorbeeld@1.0 voorbeeld@2.0 --engine ENGINE`` on *records*."""
        return CliRunner().invoke(
            main,
            ["impact", "voorbeeld@1.0", "voorbeeld@2.0", "--records", str(records),
             "--columns", "id=Zaaknummer,category=Klasse,start=Einddatum,event=Uitdienst",
             "--engine", engine],
        )  # fmt: skip

    @staticmethod
    def run_due(records: Path, folder: Path, engine: str) -> tuple[str, list[str], list[str]]:
        """stderr's summary and both written lists, from ``due --engine ENGINE -o``."""
        folder.mkdir()
        output = folder / "lijst.csv"
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(records), "--on", "2031-01-31",
             "--columns", "id=Zaaknummer,category=Klasse,start=Einddatum,event=Uitdienst",
             "--engine", engine, "-o", str(output)],
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        undetermined = folder / "lijst-niet-te-bepalen.csv"
        return (
            result.stderr.splitlines()[-1],
            _sorted_lines(output.read_text(encoding="utf-8")),
            _sorted_lines(undetermined.read_text(encoding="utf-8")),
        )


def _written_rows(path: Path) -> list[list[str]]:
    """A CSV or Parquet file's header, then its rows as texts, sorted: engines' orders differ."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as stream:
            header, *rows = csv.reader(stream)
    else:
        table = pyarrow.parquet.read_table(path)
        header = table.column_names
        rows = [[str(value) for value in row.values()] for row in table.to_pylist()]
    return [header, *sorted(rows)]


def _sorted_lines(text: str) -> list[str]:
    """A CSV's header, then its rows in order: the engines may give rows in different orders."""
    header, *rows = text.splitlines()
    return [header, *sorted(rows)]


def _day(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text or "")
    except ValueError:
        return None


@pytest.mark.usefixtures("spark")
def test_vng_impact(vng: dict[str, SelectionList]) -> None:
    """VNG 2017 -> 2020, every result type three times: Spark's rows are DuckDB's."""
    old, new = vng["2017"], vng["2020"]
    records = records_table(vng_records(old, 3))
    by_duckdb = impact(old, new, records)
    by_spark = impact(old, new, records, engine="spark")
    assert _rows(by_spark.records) == _rows(by_duckdb.records)
    assert by_spark.counts == by_duckdb.counts
    assert by_duckdb.counts[Effect.DECISION_NEEDED] + by_duckdb.counts[Effect.EARLIER] > 0


def test_without_java_the_error_says_how_to_install(tmp_path: Path) -> None:
    """No Java on the path and no JAVA_HOME: one error line naming the package, no traceback."""
    pytest.importorskip("pyspark", reason=_HOW_TO_INSTALL)
    records = tmp_path / "zaken.csv"
    records.write_text("id,category,start\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
    environment = {
        key: value for key, value in os.environ.items() if key not in {"JAVA_HOME", "SPARK_HOME"}
    }
    environment["PATH"] = str(Path(sys.executable).parent)
    result = subprocess.run(  # noqa: S603  # this Python, our own arguments
        [sys.executable, "-m", "selectielijst", "due", "voorbeeld@2.1", "--records", str(records),
         "--on", "2026-01-01", "--engine", "spark"],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        (
            "error: Spark needs a Java runtime (17 or newer) and none was found: install one"
            " (on Debian or Ubuntu: apt-get install default-jre-headless) or set JAVA_HOME,"
            " or let DuckDB compute"
        ),
        "hint: leave out --engine spark, and DuckDB computes",
    ]


@pytest.mark.usefixtures("spark")
def test_not_a_table_for_spark() -> None:
    """engine="spark" with something that is no table: a TypeError saying what is taken."""
    with pytest.raises(TypeError, match="a Spark DataFrame\\); got int"):
        due(load("voorbeeld", "2.1"), 5, on=datetime.date(2026, 1, 1), engine="spark")


def test_an_unknown_engine() -> None:
    """An engine that is not there is a ValueError naming the engines."""
    with pytest.raises(ValueError, match="the engines are duckdb, spark"):
        due(load("voorbeeld", "2.1"), records_table([]), on=datetime.date(2026, 1, 1), engine="x")


def test_engine_unavailable_is_a_library_error() -> None:
    """Callers catch it with the library's other errors."""
    from selectielijst import SelectielijstError  # noqa: PLC0415  # only here

    assert issubclass(EngineUnavailable, SelectielijstError)


@pytest.mark.usefixtures("spark")
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_files_written_by_spark(tmp_path: Path, suffix: str) -> None:
    """Spark's writer makes the same files as DuckDB's: formulas guarded, quotes, spaces, breaks."""
    from selectielijst.holdings import due_to_files  # noqa: PLC0415  # only here

    ids = ["=1+1", "a,b", 'x"y', " lead", "trail ", "", "line\nbreak", "@x", "é", "-2", "cr\rin"]
    records = records_table([(text, "1.2", datetime.date(2015, 1, 31), None) for text in ids])
    selection_list, on = load("voorbeeld", "2.1"), datetime.date(2030, 1, 1)
    found: dict[str, list[list[str]]] = {}
    for engine in ("duckdb", "spark"):
        output = tmp_path / engine / f"lijst{suffix}"
        written = due_to_files(selection_list, records, output, on=on, engine=engine)
        assert list(written.files.values()) == [len(ids) - 1, 1, 0]  # the empty id: apart
        assert sorted(path.name for path in output.parent.iterdir()) == sorted(
            [output.name, f"lijst-niet-te-bepalen{suffix}", f"lijst-over-te-brengen{suffix}"]
        )
        found[engine] = _written_rows(output)
        beside = output.with_name(f"lijst-niet-te-bepalen{suffix}")
        if suffix == ".csv":
            why = "het stuk heeft geen id: een vernietigingslijst noemt elk stuk"
            assert beside.read_text(encoding="utf-8").splitlines() == [
                "id,categorie,omschrijving,reden",
                f",1.2,Het beheren van vergaderstukken van commissies,{why}",
            ]
    assert found["spark"] == found["duckdb"]


@pytest.mark.usefixtures("spark")
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_impact_files_written_by_spark(tmp_path: Path, suffix: str) -> None:
    """impact -o on Spark: the same rows and the same summary as DuckDB, in CSV and Parquet."""
    from selectielijst.holdings import impact_to_files  # noqa: PLC0415  # only here

    start = datetime.date(2015, 1, 31)
    rows = [("a", "1.4", start, None), ("b", "1.2", start, None), ("c", "2.1", start, None),
            ("d", "9.9", start, None), ("e", "1.2", None, None)]  # fmt: skip
    old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
    found: dict[str, tuple[list[list[str]], list[list[str]], str]] = {}
    for engine in ("duckdb", "spark"):
        output = tmp_path / engine / f"effect{suffix}"
        written = impact_to_files(old, new, records_table(rows), output, engine=engine)
        summary = output.with_name(f"effect-samenvatting{suffix}")
        found[engine] = (_written_rows(output), _written_rows(summary), written.summary)
        assert sorted(path.name for path in output.parent.iterdir()) == sorted(
            [output.name, f"effect-samenvatting{suffix}"]
        )
    assert found["spark"] == found["duckdb"]
    assert found["duckdb"][2] == (
        "5 stukken: 1 besluit nodig, 1 nu bewaren, 1 eerder, 2 niet te bepalen"
    )


def test_a_spark_failure_is_one_clear_error() -> None:
    """What Spark raises while computing becomes EngineFailed, with Spark's first line."""
    pytest.importorskip("pyspark", reason=_HOW_TO_INSTALL)
    from pyspark.errors import PySparkRuntimeError  # noqa: PLC0415  # only here

    from selectielijst._holdings._engines import spark_errors  # noqa: PLC0415  # likewise
    from selectielijst.errors import EngineFailed  # noqa: PLC0415  # likewise

    lost = PySparkRuntimeError(errorClass="JAVA_GATEWAY_EXITED", messageParameters={})
    expected = r"^Spark could not compute the records: "
    with pytest.raises(EngineFailed, match=expected) as caught, spark_errors():
        raise lost
    assert caught.value.__cause__ is lost


def test_without_pyspark_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """No PySpark: EngineUnavailable naming the extra to install, before any work is done."""
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # as if it were not installed
    with pytest.raises(EngineUnavailable, match=r"pip install 'selectielijst\[spark\]'"):
        due(load("voorbeeld", "2.1"), "zaken.csv", on=datetime.date(2026, 1, 1), engine="spark")


def test_workers_run_this_python_from_an_unactivated_environment(tmp_path: Path) -> None:
    """The environment's own command, run without activating it: Spark's workers use its Python.

    The system's ``python3`` (first on the path) may lack pyarrow; the
    workers must start the interpreter that runs the command, as a Python UDF
    or an Arrow transfer would fail in them otherwise.
    """
    pytest.importorskip("pyspark", reason=_HOW_TO_INSTALL)
    records = tmp_path / "zaken.csv"
    records.write_text("id,category,start\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV"}
    }
    folders = environment.get("PATH", "").split(os.pathsep)
    environment["PATH"] = os.pathsep.join(
        folder for folder in folders if Path(folder) != Path(sys.executable).parent
    )
    environment["SELECTIELIJST_LANG"] = "en"
    result = subprocess.run(  # noqa: S603  # this Python, our own arguments
        [sys.executable, "-m", "selectielijst", "due", "voorbeeld@2.1", "--records", str(records),
         "--on", "2026-01-01", "--engine", "spark", "-o", str(tmp_path / "lijst.parquet")],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert pyarrow.parquet.read_table(tmp_path / "lijst.parquet").num_rows == 1
