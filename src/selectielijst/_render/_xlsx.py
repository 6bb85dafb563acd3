"""Change tables as XLSX: one row per change, with an empty column for the reasons.

An archivist fills in the *Motivering* (*Reason*) column and gives the table
back with ``selectielijst reasons``; the hidden *Sleutel* (*Key*) column keeps
each reason with its change when the diff is computed again. A second sheet
holds the concordance: where the records of each old category go. The columns
are named in the language of the table; either language's names read back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from selectielijst._i18n import marked, translated
from selectielijst._render._labels import Language, kind_label, label, significance_label
from selectielijst._render._report import Item, Report, was_and_becomes
from selectielijst._render._style import Chapter, Writer
from selectielijst._storage import CELL_LIMIT, NOT_IN_A_CELL, Sheet, write_workbook

__all__ = ["COLUMNS", "KEY", "REASON", "WRITER", "columns", "history", "rows", "shown", "table"]

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
    concordance = [list(row) for row in report.concordance]
    return write_workbook(
        [
            Sheet(
                label("change", language),
                columns(language),
                shown(rows(report)),
                frozenset({translated(KEY, language)}),
            ),
            Sheet(label("concordance", language), columns(language, CONCORDANCE), concordance),
        ]
    )


def shown(table_rows: Iterable[list[str]]) -> list[list[str]]:
    r"""The rows as a change table shows them, each text as a cell can hold it.

    What a cell cannot hold shows as U+FFFD; a text longer than a cell holds
    is cut there, ending in "…" (the other formats give it whole).

    >>> shown([["1.2", "a\x1bb", "x" * 40_000]])[0][1:] == ["a\ufffdb", "x" * 32_766 + "…"]
    True
    """
    return [row if _fits(row) else [_cell_text(text) for text in row] for row in table_rows]


def _fits(row: list[str]) -> bool:
    """Whether each text of *row* fits a cell as it is; the row's texts are asked at once."""
    return max(map(len, row), default=0) <= CELL_LIMIT and not NOT_IN_A_CELL.search("\t".join(row))


def _cell_text(text: str) -> str:
    text = NOT_IN_A_CELL.sub("\ufffd", text)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


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
    hidden = frozenset({translated(KEY, language)})
    return write_workbook([Sheet(list_id, header, shown(found), hidden)])


WRITER = Writer(changes=lambda report, _level, _title, _color: table(report), history=history)
