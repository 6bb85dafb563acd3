"""Lines of lightweight markup (Markdown, reST) for one change, shared by both formats."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from selectielijst._diff import Segment, SegmentKind
from selectielijst._render._report import Item

__all__ = ["Markup", "item_line", "marked_words"]


@attrs.frozen
class Markup:
    """How a lightweight markup escapes text and marks words."""

    escape: Callable[[str], str]
    strong: Callable[[str], str]
    deleted: Callable[[str], str]
    inserted: Callable[[str], str]


def marked_words(segments: tuple[Segment, ...], markup: Markup) -> str:
    """Words kept, removed and inserted, each escaped and marked."""
    marks = {SegmentKind.DELETE: markup.deleted, SegmentKind.INSERT: markup.inserted}
    parts = []
    for segment in segments:
        text = markup.escape(segment.text)
        mark = marks.get(segment.kind)
        parts.append(mark(text) if mark else text)
    return " ".join(parts)


def item_line(item: Item, markup: Markup) -> str:
    """One change as a list item: number and name, what changed, what it means, the words."""
    number = markup.strong(markup.escape(item.number)) if item.number else ""
    head = " ".join(part for part in (number, markup.escape(item.name or "")) if part)
    line = f"- {head} — {markup.escape(item.text)}" if head else f"- {markup.escape(item.text)}"
    if item.flag:
        line += " " + markup.strong(markup.escape(item.flag))
    if item.segments:
        line += " " + marked_words(item.segments, markup)
    return line
