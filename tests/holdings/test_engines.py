"""Tests of the engines on their own: what each moves in and out, and the SQL they are given."""

from __future__ import annotations

import datetime
from pathlib import Path

import pyarrow
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selectielijst._holdings._engines import DuckDBEngine, quoted, translated
from selectielijst._holdings._sql import engine_for
from selectielijst._storage import FORMULA_STARTS, guarded
from selectielijst.holdings import table_bytes


@pytest.fixture
def engine() -> DuckDBEngine:
    return DuckDBEngine()


class TestDuckDB:
    """DuckDB takes records from files and tables, runs statements and streams files."""

    def test_load_names_columns_and_dates(self, engine: DuckDBEngine, tmp_path: Path) -> None:
        """columns says which columns hold dates; the view source holds the records, with the
        columns load is given."""
        table = pyarrow.table(
            {"id": ["a", "b"], "start": [datetime.date(2020, 1, 1), None], "note": ["x", "y"]}
        )
        assert engine.columns(table) == {"id": False, "start": True, "note": False}
        engine.load(["start", "id"])
        assert engine.rows("SELECT * FROM source") == [
            (datetime.date(2020, 1, 1), "a"),
            (None, "b"),
        ]
        (tmp_path / "zaken.csv").write_text("id,category,x\nz1,1.2,y\n", encoding="utf-8")
        from_file = DuckDBEngine()
        assert from_file.columns(tmp_path / "zaken.csv") == {
            "id": False, "category": False, "x": False
        }  # fmt: skip
        from_file.load(["category"])
        assert from_file.rows("SELECT * FROM source") == [("1.2",)]

    def test_tables_and_results(self, engine: DuckDBEngine) -> None:
        """A small table made from rows reads back as Arrow, in order, and counts its rows."""
        engine.table("t", [("number", "VARCHAR"), ("months", "INTEGER")], [("1.2", 12), ("1.1", 0)])
        result = engine.result("SELECT * FROM t")
        assert result.to_pylist() == [
            {"number": "1.2", "months": 12},
            {"number": "1.1", "months": 0},
        ]
        assert engine.size(result) == 2

    def test_words_stay_values(self, engine: DuckDBEngine) -> None:
        """Columns held as a few words (an ENUM) keep their values."""
        engine.table("w", [("effect", "VARCHAR")], [("eerder",), ("later",), ("eerder",)])
        engine.as_words("effect_word", [("w", "effect")])
        assert [row[0] for row in engine.rows("SELECT CAST(effect AS VARCHAR) FROM w")] == [
            "eerder", "later", "eerder"
        ]  # fmt: skip

    @given(cells=st.lists(st.text(st.sampled_from([*FORMULA_STARTS, "a", " ", ",", "\n"]),
                                  max_size=5), min_size=1, max_size=8))  # fmt: skip
    def test_csv_copy_guards_as_python_does(self, cells: list[str]) -> None:
        """Streamed CSV is table_bytes' CSV: the SQL guard is the Python guard, for every start."""
        import tempfile  # noqa: PLC0415  # one folder per drawn case

        engine = DuckDBEngine()  # two columns, as every table written has several
        engine.table("cells", [("cell", "VARCHAR"), ("n", "VARCHAR")], [(c, "1") for c in cells])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "uit.csv"
            assert engine.copy("SELECT cell, n FROM cells", path, "csv") == len(cells)
            table = pyarrow.table({"cell": cells, "n": ["1"] * len(cells)})
            assert path.read_bytes() == table_bytes(table, "csv", title="t")
        assert all(guarded(start + "x").startswith("'") for start in FORMULA_STARTS)

    def test_quoted_names(self, engine: DuckDBEngine) -> None:
        """A column name with quotes and spaces is one identifier, never SQL."""
        name = 'zaak "nummer"; DROP TABLE t'
        assert engine.columns(pyarrow.table({name: ["z1"], "other": ["x"]})) == {
            name: False, "other": False
        }  # fmt: skip
        engine.load([name])
        query = f"SELECT {quoted(name)} FROM source"  # noqa: S608  # the name quoted, under test
        assert engine.rows(query) == [("z1",)]


class TestTranslation:
    """One SQL definition, written out by sqlglot for each engine."""

    def test_calendar_for_spark(self) -> None:
        """DuckDB's month arithmetic becomes Spark's add_months and date_add."""
        statement = "SELECT DATE_ADD(ADD_MONTHS(start, 12), 3) AS d FROM records"
        spark = translated(statement, "spark").lower()
        assert "add_months" in spark
        assert "date_add" in spark

    def test_unknown_engine(self) -> None:
        """An engine that is none of them is a ValueError naming the engines there are."""
        with pytest.raises(ValueError, match="the engines are duckdb, spark"):
            engine_for(pyarrow.table({"id": ["a"]}), "postgres")

    def test_default_engine(self) -> None:
        """A table in memory goes to DuckDB by default."""
        assert isinstance(engine_for(pyarrow.table({"id": ["a"]}), None), DuckDBEngine)


class TestProgress:
    """Long work tells how far it is: the engine's fractions, a bar on a terminal only."""

    def test_duckdb_tells_fractions(self) -> None:
        """A statement that takes a while is reported in rising fractions between 0 and 1."""
        engine, told = DuckDBEngine(), list[float | None]()
        with engine.watched(told.append):
            engine.rows(
                "SELECT count(*) FROM (SELECT i % 1000 AS k, count(*)"
                " FROM range(200000000) t(i) GROUP BY k)"
            )
        fractions = [value for value in told if value is not None]
        assert fractions
        assert all(0 <= value <= 1 for value in fractions)
        assert fractions == sorted(fractions)

    def test_nothing_watched_without_a_listener(self) -> None:
        """Without a listener the engine runs as it did."""
        engine = DuckDBEngine()
        with engine.watched(None):
            assert engine.rows("SELECT 1") == [(1,)]

    @pytest.mark.parametrize("quiet", [False, True])
    def test_a_bar_on_a_terminal(self, tmp_path: Path, quiet: bool) -> None:
        """On a terminal due shows its bar on stderr; --quiet, or no terminal, shows none."""
        import sys  # noqa: PLC0415  # this Python

        from conftest import on_a_terminal  # noqa: PLC0415  # only here

        (tmp_path / "zaken.csv").write_text(
            "id,category,start\nZ-1,1.2,2015-01-31\n", encoding="utf-8"
        )
        command = [sys.executable, "-m", "selectielijst", *(["--quiet"] if quiet else []),
                   "due", "voorbeeld@2.1", "--records", str(tmp_path / "zaken.csv"),
                   "--on", "2030-01-01", "-o", str(tmp_path / "lijst.csv"),
                   "--lang", "nl"]  # fmt: skip
        returncode, seen = on_a_terminal(command, "stderr")
        assert returncode == 0
        text = seen.decode("utf-8", "replace")
        assert "1 stuk op 1 januari 2030" in text
        assert ("vernietigingslijst" in text) is not quiet
