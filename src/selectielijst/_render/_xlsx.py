"""Change tables as XLSX: one row per change, with an empty column for the reasons.

An archivist fills in the *Motivering* (*Reason*) column and gives the table
back with ``selectielijst reasons``; the hidden *Sleutel* (*Key*) column keeps
each reason with its change when the diff is computed again. A second sheet
holds the concordance: where the records of each old category go. The columns
are named in the language of the table; either language's names read back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from selectielijst._i18n import marked, translated
from selectielijst._render._labels import Language, kind_label, label, significance_label
from selectielijst._render._report import Item, Report, was_and_becomes
from selectielijst._render._style import Chapter, Writer
from selectielijst._storage import Sheet, write_workbook

__all__ = ["COLUMNS", "KEY", "REASON", "WRITER", "columns", "history", "rows", "table"]

KEY = marked("Key")
"""The column of each change's key: leave it as it is (*Sleutel* in Dutch)."""
REASON = marked("Reason")
"""The column for the reason of each change (*Motivering* in Dutch)."""
OLD_NUMBER, NEW_NUMBER = marked("Old number"), marked("New number")
COLUMNS = (
    OLD_NUMBER, NEW_NUMBER, marked("Subject"), marked("Kind of change"), marked("Change"),
    marked("Was"), marked("Becomes"), marked("Significance"), REASON, KEY,
)  # fmt: skip
"""The columns of a change table, as the catalogs know them; :func:`columns` names them."""


def columns(language: Language, names: Sequence[str] = COLUMNS) -> tuple[str, ...]:
    """The names of the columns *names* in *language*.

    >>> columns(Language.NL)[-2:], columns(Language.EN)[-2:]
    (('Motivering', 'Sleutel'), ('Reason', 'Key'))
    """
    return tuple(translated(name, language) for name in names)


def rows(report: Report) -> Iterator[list[str]]:
    """One row per change, most important first, then by section in the list's order.

    A split names every part it became, a merge every category merged.
    """
    items: list[Item] = list(report.major)
    for group in report.groups:
        items.extend(group.items)
    said = was_and_becomes(report)
    for item in items:
        change = item.change
        was, becomes = said(item)
        yield [
            ", ".join(change.old_numbers) or change.old_number or "",
            ", ".join(change.new_numbers) or change.new_number or "",
            item.name or "",
            kind_label(change.kind, report.language),
            " ".join(part for part in (item.text, item.flag or "") if part),
            was,
            becomes,
            significance_label(change.significance, report.language),
            report.changeset.reason(change) or "",
            change.key,
        ]


CONCORDANCE = (OLD_NUMBER, NEW_NUMBER, marked("Kind of change"))
"""The columns of the concordance sheet."""


def table(report: Report) -> bytes:
    """The change table of one report, and its concordance on a second sheet."""
    language = report.language
    concordance = [
        [
            row.old_number or "—",
            ", ".join(row.new_numbers) or "—",
            ", ".join(kind_label(kind, language) for kind in row.kinds),
        ]
        for row in report.changeset.changed_rows()
    ]
    return write_workbook(
        [
            Sheet(
                label("change", language),
                columns(language),
                list(rows(report)),
                frozenset({translated(KEY, language)}),
            ),
            Sheet(label("concordance", language), columns(language, CONCORDANCE), concordance),
        ]
    )


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> bytes:
    """The change tables of every version, in one sheet, with a column for the version."""
    header = (label("version", language), *columns(language))
    found = [
        [chapter.entry.label, *row]
        for chapter in chapters
        if chapter.report is not None
        for row in rows(chapter.report)
    ]
    return write_workbook([Sheet(list_id, header, found, frozenset({translated(KEY, language)}))])


WRITER = Writer(changes=lambda report, _level, _title, _color: table(report), history=history)
