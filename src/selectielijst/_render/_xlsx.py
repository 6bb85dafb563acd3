"""Change tables as XLSX: one row per change, with an empty column for the reasons.

An archivist fills in the *Motivering* column and gives the table back with
``selectielijst reasons``; the *Sleutel* column keeps each reason with its
change when the diff is computed again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from selectielijst._render._labels import Language, kind_label, label, significance_label
from selectielijst._render._report import Item, Report, was_and_becomes
from selectielijst._render._style import Chapter, Writer
from selectielijst._storage import write_xlsx

__all__ = ["COLUMNS", "KEY", "REASON", "WRITER", "history", "rows", "table"]

KEY = "Sleutel"
"""The column of each change's key: leave it as it is."""
REASON = "Motivering"
"""The column for the reason of each change."""
COLUMNS = (
    "Oud nummer", "Nieuw nummer", "Onderwerp", "Soort wijziging", "Wijziging", "Was",
    "Wordt", "Belang", REASON, KEY,
)  # fmt: skip
"""The columns of a change table; the names stay Dutch so that tables read back in any language."""


def rows(report: Report) -> Iterator[list[str]]:
    """One row per change, most important first, then by section in the list's order."""
    items: list[Item] = list(report.major)
    for group in report.groups:
        items.extend(group.items)
    for item in items:
        change = item.change
        was, becomes = was_and_becomes(item, report)
        yield [
            change.old_number or "",
            change.new_number or "",
            item.name or "",
            kind_label(change.kind, report.language),
            " ".join(part for part in (item.text, item.flag or "") if part),
            was,
            becomes,
            significance_label(change.significance, report.language),
            report.changeset.reason(change) or "",
            change.key,
        ]


def table(report: Report) -> bytes:
    """The change table of one report."""
    return write_xlsx(COLUMNS, list(rows(report)), title=label("change", report.language))


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> bytes:
    """The change tables of every version, in one sheet, with a column for the version."""
    header = (label("version", language), *COLUMNS)
    found = [
        [chapter.entry.label, *row]
        for chapter in chapters
        if chapter.report is not None
        for row in rows(chapter.report)
    ]
    return write_xlsx(header, found, title=list_id)


WRITER = Writer(changes=lambda report, _level, _title, _color: table(report), history=history)
