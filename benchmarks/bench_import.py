"""Benchmark: importing the VNG Selectielijst 2020 against a plain ``csv`` read of the same file.

Both run in this process, one after the other; the ratio is what to compare
between machines and commits, not the times.

Run: ``python benchmarks/bench_import.py [--repeat 5] [--data PATH]``
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from _timing import timed

from selectielijst import Status, import_vng
from selectielijst.model import VersionInfo

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "vng-selectielijst"
    / "selectielijst-2020.csv"
)


def plain(path: Path) -> list[dict[str, str]]:
    """The floor: the rows as dicts, read by the standard library."""
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def main() -> None:
    """Print both times and their ratio."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}: pass --data PATH to selectielijst-2020.csv")
        return
    version = VersionInfo("2020", Status.VASTGESTELD)
    imported = timed(lambda: import_vng(args.data, version=version), args.repeat)
    floor = timed(lambda: plain(args.data), args.repeat)
    rows = len(plain(args.data))
    print(f"rows: {rows}")
    print(f"csv.DictReader:  {floor * 1000:8.2f} ms")
    print(f"import_vng:      {imported * 1000:8.2f} ms")
    print(f"import / csv:    {imported / floor:8.1f}x")


if __name__ == "__main__":
    main()
