"""Benchmark: the destruction list and a new version's impact for millions of records.

Synthetic records (a Parquet file, made by DuckDB) are filed under the
categories of the shipped example list. For each size it prints the time of
``due`` and ``impact`` against the floor: a plain DuckDB join of the same file
with the category table, fetched as Arrow like the results are (target: within
3x at 10,000,000 records). The process's peak memory is printed after each
step: beyond DuckDB's own use and the result itself, it should not grow with
the number of records.

Run: ``python benchmarks/bench_holdings.py [--sizes 1000000,10000000] [--repeat 2]``
"""

from __future__ import annotations

# ruff: noqa: S608  # the SQL is the benchmark's own, with numbers and a temporary path
import argparse
import datetime
import functools
import resource
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
from _timing import timed

from selectielijst import load
from selectielijst.holdings import due, impact


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


def floor(path: Path, numbers: list[str]) -> None:
    """The plain join: each record with its category's row, fetched as Arrow."""
    connection = duckdb.connect()
    connection.execute("CREATE TABLE categories (number VARCHAR, months INTEGER)")
    connection.executemany("INSERT INTO categories VALUES (?, ?)", [(n, 12) for n in numbers])
    connection.sql(
        f"SELECT r.id, r.category, r.start + to_months(c.months) AS due_on"
        f" FROM read_parquet('{path}') r JOIN categories c ON c.number = r.category"
    ).to_arrow_table()
    connection.close()


def peak_mib() -> float:
    """The process's peak resident memory so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Print time, ratio to the floor and peak memory for each size and step."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--repeat", type=int, default=2)
    arguments = parser.parse_args()
    old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
    numbers = [category.number for _, category in old.categories()]
    on = datetime.date(2026, 1, 1)
    print(f"{'records':>10} {'step':<8} {'time':>8} {'floor':>8} {'ratio':>6} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(text) for text in arguments.sizes.split(",")):
            path = Path(folder) / f"records-{size}.parquet"
            make_records(path, size, numbers)
            base = timed(functools.partial(floor, path, numbers), arguments.repeat)
            print(f"{size:>10} {'floor':<8} {base:>7.2f}s {'':>8} {'':>6} {peak_mib():>9.0f}")
            steps: dict[str, Callable[[], object]] = {
                "due": functools.partial(due, new, path, on=on),
                "impact": functools.partial(impact, old, new, path),
            }
            for name, work in steps.items():
                took = timed(work, arguments.repeat)
                print(
                    f"{size:>10} {name:<8} {took:>7.2f}s {base:>7.2f}s"
                    f" {took / base:>5.2f}x {peak_mib():>9.0f}"
                )


if __name__ == "__main__":
    main()
