"""How each output format writes text: one record per format, and the one place words are marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from selectielijst._model import VersionEntry
from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst.changes import Segment, SegmentKind

__all__ = [
    "Chapter",
    "Style",
    "Writer",
    "item_line",
    "marked_words",
    "since",
    "version_heading",
]


@attrs.frozen
class Style:
    """How one output format escapes list text and marks what changed.

    Attributes:
        escape: List text made safe to stand in the format.
        strong: Escaped text in bold.
        deleted: Escaped words that were removed.
        inserted: Escaped words that were inserted.
    """

    escape: Callable[[str], str]
    strong: Callable[[str], str]
    deleted: Callable[[str], str]
    inserted: Callable[[str], str]


def marked_words(segments: tuple[Segment, ...], style: Style) -> str:
    """Words kept, removed and inserted, each escaped and marked in *style*."""
    escape = style.escape
    marks = {SegmentKind.DELETE: style.deleted, SegmentKind.INSERT: style.inserted}
    return " ".join(
        [
            escape(segment.text)
            if segment.kind is SegmentKind.EQUAL
            else marks[segment.kind](escape(segment.text))
            for segment in segments
        ]
    )


def item_line(item: Item, style: Style) -> str:
    """One change as a list item of lightweight markup (Markdown, reST).

    Number and name, what changed, what it means, then the words.
    """
    escape = style.escape
    name = escape(item.name) if item.name else ""
    head = name
    if item.number:
        head = style.strong(escape(item.number)) + (f" {name}" if name else "")
    line = f"- {head} — {escape(item.text)}" if head else f"- {escape(item.text)}"
    if item.flag:
        line += " " + style.strong(escape(item.flag))
    if item.segments:
        line += " " + marked_words(item.segments, style)
    if item.reason:
        line += " " + escape(item.reason)
    return line


@attrs.frozen
class Chapter:
    """One version in a list's history, as a change log tells of it.

    Attributes:
        entry: The version.
        previous: The version it is compared with, if any.
        report: What changed since *previous*; ``None`` when nothing can be compared.
        note: What to say instead of changes (no text, or no earlier version).
    """

    entry: VersionEntry
    previous: VersionEntry | None
    report: Report | None
    note: str


@attrs.frozen
class Writer:
    """One output format: how it writes a change log and a version history.

    Attributes:
        changes: The change log of one report; *level* 1 is a whole document,
            deeper levels a part of one under *title*.
        history: A version history: its title, the list's id and the chapters.
    """

    changes: Callable[[Report, int, str | None, bool], str | bytes]
    history: Callable[[str, str, Sequence[Chapter], Language, bool], str | bytes]


def version_heading(entry: VersionEntry, language: Language) -> str:
    """The heading of a version in a history: ``Versie 2.0 (ter inzage, 2024-03-01)``."""
    date = f", {entry.date}" if entry.date else ""
    return f"{label('version', language)} {entry.label} ({entry.status.value}{date})"


def since(chapter: Chapter, language: Language) -> str | None:
    """The title of a chapter's changes: ``Wijzigingen ten opzichte van versie 1.0``."""
    if chapter.previous is None:
        return None
    return f"{label('since', language)} {chapter.previous.label}"
