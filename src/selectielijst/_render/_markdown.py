"""Change logs as Markdown (CommonMark with GitHub tables and strikethrough)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst._render._style import (
    Chapter,
    Style,
    Writer,
    escaped_all,
    is_single_spaced,
    item_line,
    lines_text,
    since,
    version_heading,
)

__all__ = ["STYLE", "WRITER", "escape", "history", "markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~&])")
_SPECIAL_BYTES = b"\\`*_{}[]<>#+!|~&"


def _quiet(text: str) -> bool:
    """Whether *text* stands in Markdown as it is: single-spaced words, none of them markup.

    No markup character is part of another character's UTF-8: the bytes
    left after deleting the markup ones tell, in C, what a regular
    expression would ask character by character.

    >>> _quiet("Het beheren van dossiers"), _quiet("a *b*"), _quiet("a  b"), _quiet("")
    (True, False, False, False)
    """
    if not text or not is_single_spaced(text):
        return False
    encoded = text.encode()
    return len(encoded.translate(None, _SPECIAL_BYTES)) == len(encoded)


def escape(text: str) -> str:
    r"""*text* with every character Markdown could read as markup escaped.

    >>> escape("a|b *c* <script>")
    'a\\|b \\*c\\* \\<script\\>'
    """
    if _quiet(text):
        return text  # nothing to escape, no whitespace to fold: most list text
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


STYLE = Style(
    escape=escape,
    strong=lambda text: f"**{text}**",
    deleted=lambda text: f"~~{text}~~",
    inserted=lambda text: f"**{text}**",
    verbatim=_quiet,
)
"""Markdown: removed words struck through, inserted ones in bold."""


def _item(item: Item) -> str:
    return item_line(item, STYLE)


def markdown(report: Report, *, level: int = 1, title: str | None = None) -> str:
    """The change log as Markdown, its title a heading of *level*."""
    say = report.language
    h1, h2, h3 = ("#" * (level + step) for step in range(3))
    lines = [f"{h1} {escape(title or report.title)}", "", escape(report.subtitle), ""]
    if not report.summary:
        return "\n".join([*lines, label("no_changes", say), ""])
    lines += [
        f"{h2} {label('summary', say)}",
        "",
        f"| {label('kind', say)} | {label('count', say)} |",
        "|---|---:|",
    ]
    lines += [f"| {escape(kind)} | {count} |" for kind, count in report.summary]
    lines += [f"| **{label('total', say)}** | **{sum(c for _, c in report.summary)}** |", ""]
    lines += [f"{h2} {label('major', say)}", ""]
    lines += [_item(item) for item in report.major] or [label("no_major", say)]
    if report.groups:
        lines += ["", f"{h2} {label('other', say)}"]
        for group in report.groups:
            lines += ["", f"{h3} {escape(group.heading)}", ""]
            lines += [_item(item) for item in group.items]
    if report.concordance:
        lines += ["", f"{h2} {label('concordance', say)}", ""]
        lines += [
            f"| {label('old_number', say)} | {label('new_number', say)} | {label('change', say)} |"
        ]
        lines += ["|---|---|---|"]
        kinds_cells = {kinds: escape(kinds) for kinds in {row[2] for row in report.concordance}}
        olds = escaped_all([row[0] for row in report.concordance], STYLE)
        news = escaped_all([row[1] for row in report.concordance], STYLE)
        lines += [
            f"| {old} | {new} | {kinds_cells[kinds]} |"
            for old, new, (_, _, kinds) in zip(olds, news, report.concordance, strict=True)
        ]
        if report.others():
            lines += ["", escape(report.others() or "")]
    if report.unmatched:
        lines += ["", f"{h2} {label('unmatched', say)}", ""]
        lines += [f"- {escape(reason)}" for reason in report.unmatched]
    return lines_text(lines)


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> str:
    """A version history as Markdown: each version a section, newest first."""
    parts = []
    for chapter in chapters:
        top = f"## {escape(version_heading(chapter.entry, language))}\n\n"
        if chapter.report is None:
            parts.append(top + escape(chapter.note) + "\n")
        else:
            parts.append(top + markdown(chapter.report, level=3, title=since(chapter, language)))
    return f"# {escape(title)}\n\n" + "\n".join(parts)


WRITER = Writer(
    changes=lambda report, level, title, _color: markdown(report, level=level, title=title),
    history=history,
)
