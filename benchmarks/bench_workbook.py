"""The destruction list as a workbook past Excel's last row, against the same rows as CSV.

Records of real shape (a title and a case type beside id, category and end
date) are judged by ``due`` and written with ``-o``: once to CSV (DuckDB
streams it), once to XLSX (XlsxWriter, constant memory, continuing on a second
sheet past 1,048,575 rows). Each run is a process of its own, so that its peak
memory is its own; the ratios are against CSV in the same run of this script.

    python benchmarks/bench_workbook.py            # 1,100,000 records
    python benchmarks/bench_workbook.py 200000     # fewer, for a quick look
"""

from __future__ import annotations

import datetime
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow
import pyarrow.parquet

from selectielijst import load, retention
from selectielijst.lookup import Outcome

_TITLES = (
    "Aanvraag omgevingsvergunning voor het bouwen van een dakkapel, Dorpsstraat 12",
    "Melding openbare ruimte: losliggende stoeptegels; afgehandeld na herstel",
    "Bezwaar tegen de beschikking op de aanvraag om bijzondere bijstand (art. 35 Pw)",
    "Subsidie sportvereniging 'De Zwaluwen' — jaarlijkse activiteiten 2019",
)


def records(path: Path, count: int) -> None:
    """*count* records under the example list's categories, with texts of real length."""
    rng = random.Random(7)
    some_day = datetime.date(2000, 1, 1)
    numbers = [  # categories whose term runs from the end date: every record due by 2030
        c.number
        for _, c in load("voorbeeld", "2.1").categories()
        if retention(c, start=some_day).outcome is Outcome.DESTROY
    ]
    start = datetime.date(2008, 1, 1)
    pyarrow.parquet.write_table(
        pyarrow.table(
            {
                "id": [f"Z-{n:08d}" for n in range(count)],
                "category": [rng.choice(numbers) for _ in range(count)],
                "start": [
                    start + datetime.timedelta(days=rng.randrange(1000)) for _ in range(count)
                ],
                "Titel": [rng.choice(_TITLES) for _ in range(count)],
                "Zaaktype": [
                    rng.choice(("Vergunning", "Melding", "Bezwaar", "Subsidie"))
                    for _ in range(count)
                ],
            }
        ),
        path,
    )


_STEP = """
import datetime, resource, sys, time
from pathlib import Path
from selectielijst import load, retention
from selectielijst.lookup import Outcome
from selectielijst.holdings import due_to_files
lijst = load("voorbeeld", "2.1")
began = time.perf_counter()
due_to_files(lijst, Path(sys.argv[1]), Path(sys.argv[2]), on=datetime.date(2030, 1, 1))
print(time.perf_counter() - began, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def step(records_path: Path, output: Path) -> tuple[float, float]:
    """Seconds and peak MiB of ``due -o output``, in a process of its own."""
    run = subprocess.run(  # noqa: S603  # this Python, our own script
        [sys.executable, "-c", _STEP, str(records_path), str(output)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    seconds, peak_kib = run.stdout.split()
    return float(seconds), int(peak_kib) / 1024


def main() -> None:
    """Print time and peak memory of CSV and XLSX, and their ratios."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_100_000
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        records(base / "zaken.parquet", count)
        csv_seconds, csv_peak = step(base / "zaken.parquet", base / "lijst.csv")
        xlsx_seconds, xlsx_peak = step(base / "zaken.parquet", base / "lijst.xlsx")
        rows = sum(1 for _ in (base / "lijst.csv").open(encoding="utf-8")) - 1
    print(f"{count:,} records, {rows:,} due rows")
    print(f"CSV : {csv_seconds:6.1f} s, peak {csv_peak:7.0f} MiB")
    print(f"XLSX: {xlsx_seconds:6.1f} s, peak {xlsx_peak:7.0f} MiB")
    print(f"XLSX / CSV: time {xlsx_seconds / csv_seconds:.1f}x")
    print(f"XLSX / CSV: peak memory {xlsx_peak / csv_peak:.1f}x")


if __name__ == "__main__":
    main()
