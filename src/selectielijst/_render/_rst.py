"""Change logs as reStructuredText, valid for docutils and Sphinx."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst._render._style import (
    Chapter,
    Style,
    Writer,
    item_line,
    lines_text,
    since,
    version_heading,
)

__all__ = ["STYLE", "WRITER", "escape", "heading", "history", "rst", "width"]

_SPECIAL = re.compile(r"([\\`*_|])")
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=[^\s:])")
"""A URI scheme (``javascript:``, ``http:``) docutils would turn into a link."""
_QUIET = re.compile(r"[^\\`*_|\s]+(?: [^\\`*_|\s]+)*")
_BLOCK_START = re.compile(r"^([-*+#.:|=>]|\d+[.)]\s)")
_ROLES = [".. role:: del", "   :class: del", "", ".. role:: ins", "   :class: ins", ""]


def escape(text: str) -> str:
    r"""*text* with everything reST could read as markup escaped.

    >>> escape("*a* `b` |c|")
    '\\*a\\* \\`b\\` \\|c\\|'
    >>> escape(".. directive::")
    '\\.. directive::'
    """
    if _QUIET.fullmatch(text) and ":" not in text:
        escaped = text  # most list text: nothing to escape, no whitespace to fold, no scheme
    else:
        escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
        escaped = _SCHEME.sub(r"\1\\:", escaped)  # javascript:... is no link, only text
    return "\\" + escaped if _BLOCK_START.match(escaped) else escaped


def width(text: str) -> int:
    """Columns *text* takes, as docutils counts them (wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def heading(text: str, underline: str) -> list[str]:
    """A section title, underlined for its level."""
    return [text, underline * max(width(text), 3), ""]


STYLE = Style(
    escape=escape,
    strong=lambda text: f"**{text}**",
    deleted=lambda text: f":del:`{text}`",
    inserted=lambda text: f":ins:`{text}`",
)
"""reST: removed and inserted words in the ``del`` and ``ins`` roles the document defines."""


def _item(item: Item) -> str:
    return item_line(item, STYLE)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """A list table; a cell's text is escaped once however often it stands in the table.

    A concordance says its few kinds of change on many rows. An empty cell
    holds an escaped space.
    """
    texts = {text for row in (header, *rows) for text in row}
    cells = {text: escape(text) or "\\ " for text in texts}
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in (header, *rows):
        first, *rest = (cells[text] for text in row)
        lines.append(f"   * - {first}")
        lines.extend(f"     - {cell}" for cell in rest)
    return [*lines, ""]


_LEVELS = "=-~^\"'"


def rst(report: Report, *, level: int = 0, title: str | None = None) -> str:
    """The change log as reStructuredText; *level* 0 is a whole document with its title."""
    say = report.language
    title_text = escape(title or report.title)
    if level == 0:
        rule = "=" * width(title_text)
        lines = [*_ROLES, rule, title_text, rule, ""]
    else:
        lines = heading(title_text, _LEVELS[level - 1])
    lines += [escape(report.subtitle), ""]
    if not report.summary:
        return "\n".join([*lines, label("no_changes", say), ""])
    h2, h3 = _LEVELS[level], _LEVELS[level + 1]
    lines += heading(label("summary", say), h2)
    rows = [(kind, str(count)) for kind, count in report.summary]
    rows.append((label("total", say), str(sum(count for _, count in report.summary))))
    lines += _table((label("kind", say), label("count", say)), rows)
    lines += heading(label("major", say), h2)
    lines += [_item(item) for item in report.major] or [label("no_major", say)]
    lines.append("")
    if report.groups:
        lines += heading(label("other", say), h2)
        for group in report.groups:
            lines += heading(escape(group.heading), h3)
            lines += [_item(item) for item in group.items]
            lines.append("")
    if report.concordance:
        lines += heading(label("concordance", say), h2)
        header = (label("old_number", say), label("new_number", say), label("change", say))
        lines += _table(header, list(report.concordance))
        if report.others():
            lines += [escape(report.others() or ""), ""]
    if report.unmatched:
        lines += heading(label("unmatched", say), h2)
        lines += [f"- {escape(reason)}" for reason in report.unmatched]
        lines.append("")
    while lines and not lines[-1].strip():  # no blank lines at the end
        lines.pop()
    if lines:
        lines[-1] = lines[-1].rstrip()
    return lines_text(lines)


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> str:
    """A version history as reStructuredText: each version a section, newest first."""
    parts = []
    for chapter in chapters:
        top = "\n".join(heading(escape(version_heading(chapter.entry, language)), "="))
        if chapter.report is None:
            rest = escape(chapter.note) + "\n"
        else:
            rest = rst(chapter.report, level=2, title=since(chapter, language))
        parts.append(top + "\n" + rest)
    escaped = escape(title)
    rule = "#" * width(escaped)
    return "\n".join([*_ROLES, rule, escaped, rule, "", *parts])


WRITER = Writer(
    changes=lambda report, level, title, _color: rst(report, level=level - 1, title=title),
    history=history,
)
