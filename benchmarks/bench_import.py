"""Benchmark: importing lists from a spreadsheet, a Word document and a PDF.

- the VNG Selectielijst 2020 (its CSV) against a plain ``csv`` read of the same file;
- a list of real shape (``_shapes.py``), about 40 pages as a document, from its
  PDF and from its Word form, each against pdfplumber's own text extraction of
  the same PDF (``page.extract_text()`` on every page): the least any reader of
  the PDF's text pays. The PDF is made by LibreOffice; without it, that part
  is skipped.

All runs are in this process, in turn; the ratios are what to compare between
machines and commits, not the times.

Run: ``python benchmarks/bench_import.py [--repeat 5] [--data PATH] [--categories 100]``
"""

from __future__ import annotations

import argparse
import csv
import shutil
import tempfile
from pathlib import Path

from _shapes import real_list
from _timing import timed, timed_in_turn

from selectielijst import Status, export, import_vng
from selectielijst.io import read_export
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


def extracted(path: Path) -> int:
    """The reference: pdfplumber's own text of every page of the PDF."""
    import pdfplumber  # noqa: PLC0415  # as the reader loads it

    with pdfplumber.open(str(path)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def documents(categories: int, repeat: int) -> None:
    """A list of real shape as PDF and as Word, read back, against pdfplumber's text."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        print("documents: LibreOffice is not installed; the PDF part is skipped")
        return
    selection_list = real_list(categories)
    with tempfile.TemporaryDirectory() as folder:
        pdf, word = Path(folder) / "lijst.pdf", Path(folder) / "lijst.docx"
        export(selection_list, pdf)
        export(selection_list, word)
        import pdfplumber  # noqa: PLC0415  # to count the pages

        with pdfplumber.open(str(pdf)) as opened:
            pages = len(opened.pages)
        best = timed_in_turn(
            {
                "pdfplumber text": lambda: extracted(pdf),
                "read PDF": lambda: read_export(pdf),
                "read Word": lambda: read_export(word),
            },
            repeat,
        )
    floor = best["pdfplumber text"]
    print(f"document: {categories} categories of real shape, {pages} pages")
    for name, seconds in best.items():
        print(f"{name:16} {seconds * 1000:9.1f} ms  {seconds / floor:6.2f}x pdfplumber's text")


def main() -> None:
    """Print the times and their ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--categories", type=int, default=100)
    args = parser.parse_args()
    documents(args.categories, max(1, args.repeat // 2))
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
