"""Benchmark: the destruction list and a new version's impact for millions of records.

Synthetic records (a Parquet file, made by DuckDB) are filed under the
categories of the shipped example list. For each size it prints:

- the time of ``due`` and ``impact`` returning Arrow tables, against the floor:
  a plain DuckDB join of the same file with the category table, fetched as
  Arrow like the results are;
- the time of ``due_to_files`` and ``impact_to_files`` writing Parquet (what
  ``-o FILE.parquet`` does), against the floor written to Parquet by DuckDB;
- the same ``due`` on the records as a CSV file of texts (Dutch dates, some
  categories with spaces around them), against a plain DuckDB join of that
  file that reads its dates and trims its categories with DuckDB's own functions;
- each step's peak memory, measured in a process of its own that does only
  that step (the floor's process likewise), so that one step's peak does not
  hide another's;
- with ``--spark``, ``due_to_files`` and ``impact_to_files`` on Spark in local
  mode as well: Spark's overhead on one machine, not its reach (its Java
  process's memory is not in the peak).

Target: within 3x of the floor at 10,000,000 records, and memory that does not
grow with the number of records beyond DuckDB's own. Times are the best of
``--repeat`` runs in this process, the floors run in the same process.

Run: ``python benchmarks/bench_holdings.py [--sizes 1000000,10000000] [--repeat 2]``
"""

from __future__ import annotations

# ruff: noqa: S608  # the SQL is the benchmark's own, with numbers and a temporary path
import argparse
import datetime
import functools
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
from _timing import timed

from selectielijst import load
from selectielijst.holdings import due, due_to_files, impact, impact_to_files

ON = datetime.date(2026, 1, 1)


def make_records(path: Path, size: int, numbers: list[str]) -> None:
    """*size* records under *numbers*, start dates over 30 years, every third with an event."""
    listed = ", ".join(f"'{number}'" for number in numbers)
    duckdb.sql(
        f"""
        COPY (
            SELECT 'z' || i AS id,
                   ([{listed}])[1 + (hash(i) % {len(numbers)})::INTEGER] AS category,
                   DATE '1995-01-01' + (hash(i * 7) % 11000)::INTEGER AS start,
                   CASE WHEN i % 3 = 0 THEN DATE '1996-01-01' + (hash(i * 13) % 11000)::INTEGER
                   END AS event
            FROM range({size}) t(i)
        ) TO '{path}' (FORMAT parquet)
        """
    )


def make_csv(parquet: Path) -> Path:
    """The records of *parquet* as a case system exports them, as CSV.

    The start is a Dutch date (31-01-2015), the event ISO; some categories have
    a space around them.
    """
    path = parquet.with_suffix(".csv")
    duckdb.sql(
        f"""
        COPY (
            SELECT id,
                   CASE WHEN hash(id) % 10 = 0 THEN ' ' || category || ' ' ELSE category END
                       AS category,
                   strftime(start, '%d-%m-%Y') AS start,
                   CAST(event AS VARCHAR) AS event
            FROM read_parquet('{parquet}')
        ) TO '{path}' (HEADER)
        """
    )
    return path


def floor_csv(path: Path, numbers: list[str]) -> None:
    """The plain join on the CSV, fetched as Arrow.

    Its dates are read as DuckDB reads day-first dates, its categories trimmed
    by DuckDB's own ``trim``.
    """
    connection = duckdb.connect()
    connection.execute("CREATE TABLE categories (number VARCHAR, months INTEGER)")
    connection.executemany("INSERT INTO categories VALUES (?, ?)", [(n, 12) for n in numbers])
    join = (
        "SELECT r.id, trim(r.category) AS category,"
        " CAST(try_strptime(r.start, '%d-%m-%Y') AS DATE) + to_months(c.months) AS due_on"
        f" FROM read_csv('{path}', all_varchar = true) r"
        " JOIN categories c ON c.number = trim(r.category)"
    )
    connection.sql(join).to_arrow_table()
    connection.close()


def floor(path: Path, numbers: list[str], output: Path | None = None) -> None:
    """The plain join: each record with its category's row, fetched as Arrow or written."""
    connection = duckdb.connect()
    connection.execute("CREATE TABLE categories (number VARCHAR, months INTEGER)")
    connection.executemany("INSERT INTO categories VALUES (?, ?)", [(n, 12) for n in numbers])
    join = (
        f"SELECT r.id, r.category, r.start + to_months(c.months) AS due_on"
        f" FROM read_parquet('{path}') r JOIN categories c ON c.number = r.category"
    )
    if output is None:
        connection.sql(join).to_arrow_table()
    else:
        connection.execute(f"COPY ({join}) TO '{output}' (FORMAT parquet)")
    connection.close()


def steps(
    path: Path, folder: Path, *, spark: bool = False
) -> dict[str, tuple[str, Callable[[], object]]]:
    """Each step by name: (the floor it is measured against, the work)."""
    old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
    numbers = [category.number for _, category in old.categories()]
    on_spark: dict[str, tuple[str, Callable[[], object]]] = {}
    if spark:  # Spark in local mode on this machine: its overhead, not its reach
        on_spark = {
            "due spark": (
                "floor -o",
                functools.partial(
                    due_to_files, new, path, folder / "spark.parquet", on=ON, engine="spark"
                ),
            ),
            "impact spark": (
                "floor -o",
                functools.partial(
                    impact_to_files, old, new, path, folder / "spark-e.parquet", engine="spark"
                ),
            ),
        }
    measured: dict[str, tuple[str, Callable[[], object]]] = {
        "floor": ("", functools.partial(floor, path, numbers)),
        "floor -o": ("", functools.partial(floor, path, numbers, folder / "floor.parquet")),
        "due": ("floor", functools.partial(due, new, path, on=ON)),
        "impact": ("floor", functools.partial(impact, old, new, path)),
        "due -o": (
            "floor -o",
            functools.partial(due_to_files, new, path, folder / "due.parquet", on=ON),
        ),
        "impact -o": (
            "floor -o",
            functools.partial(impact_to_files, old, new, path, folder / "impact.parquet"),
        ),
    }
    exported = path.with_suffix(".csv")
    if exported.exists():  # records as a case system exports them
        measured |= {
            "floor csv": ("", functools.partial(floor_csv, exported, numbers)),
            "due csv": ("floor csv", functools.partial(due, new, exported, on=ON)),
        }
    return measured | on_spark


def high_water_mib() -> float:
    """This process's peak resident memory, in MiB.

    Linux's ``VmHWM`` starts anew with each program; ``ru_maxrss`` would carry
    the peak of the process that started this one.
    """
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_of(step: str, path: Path) -> float:
    """The peak memory, in MiB, of a process that does *step* once on *path*."""
    done = subprocess.run(  # noqa: S603  # this Python, this script
        [sys.executable, __file__, "--peak", step, "--records", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


def main() -> None:
    """Print time, ratio to the floor and peak memory for each size and step."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--peak", help="Only do this step once and print the peak MiB.")
    parser.add_argument("--records", type=Path, help="With --peak: the records file.")
    parser.add_argument(
        "--spark", action="store_true", help="Also due -o on Spark, local mode (PySpark, Java)."
    )
    arguments = parser.parse_args()
    if arguments.peak:
        with tempfile.TemporaryDirectory() as folder:
            steps(arguments.records, Path(folder), spark=True)[arguments.peak][1]()
        print(high_water_mib())
        return
    numbers = [category.number for _, category in load("voorbeeld", "1.0").categories()]
    print(f"{'records':>10} {'step':<12} {'time':>8} {'floor':>8} {'ratio':>6} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(text) for text in arguments.sizes.split(",")):
            path = Path(folder) / f"records-{size}.parquet"
            make_records(path, size, numbers)
            make_csv(path)
            took: dict[str, float] = {}
            for name, (base, work) in steps(path, Path(folder), spark=arguments.spark).items():
                took[name] = timed(work, arguments.repeat)
                ratio = f"{took[name] / took[base]:>5.2f}x" if base else ""
                floor_time = f"{took[base]:>7.2f}s" if base else ""
                print(
                    f"{size:>10} {name:<12} {took[name]:>7.2f}s {floor_time:>8} {ratio:>6}"
                    f" {peak_of(name, path):>9.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
