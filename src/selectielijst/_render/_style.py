"""How each output format writes text: one record per format, and the one place words are marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from selectielijst._changes import Segment, SegmentKind
from selectielijst._i18n import version_date_words
from selectielijst._model import VersionEntry
from selectielijst._render._labels import Language, label, status_words

if TYPE_CHECKING:  # the report is laid out, not made, here: a JSON run never loads it
    from selectielijst._render._report import Item, Report

__all__ = [
    "Chapter",
    "Style",
    "Writer",
    "as_it_is",
    "escape_for",
    "escaped_all",
    "is_single_spaced",
    "item_line",
    "lines_text",
    "marked_words",
    "since",
    "texts_of",
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
        verbatim: Whether text stands in the format as it is, where the
            format can tell: non-empty, with single spaces only between
            words, and nothing to escape. Texts joined by single spaces then
            stand as they are exactly when each of them does, so many texts
            are asked at once.
    """

    escape: Callable[[str], str]
    strong: Callable[[str], str]
    deleted: Callable[[str], str]
    inserted: Callable[[str], str]
    verbatim: Callable[[str], object] | None = None


def as_it_is(text: str) -> str:
    """*text* unescaped: how a text that stands as it is gets escaped.

    >>> as_it_is("a *b*")
    'a *b*'
    """
    return text


def is_single_spaced(text: str) -> bool:
    r"""Whether *text* is printable words with single spaces between them, or nothing.

    Printable text holds no whitespace but the space; no run of spaces nor a
    space at an edge is left for a format to fold.

    >>> is_single_spaced("een twee"), is_single_spaced("een  twee"), is_single_spaced("een\ntwee")
    (True, False, False)
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def escape_for(texts: Sequence[str], style: Style) -> Callable[[str], str]:
    """How to escape *texts*: not at all when they all stand as they are."""
    if style.verbatim is not None and style.verbatim(" ".join(texts)):
        return as_it_is
    return style.escape


def escaped_all(texts: Sequence[str], style: Style) -> list[str]:
    """Each of *texts* escaped; all asked at once, as a column mostly holds nothing to escape."""
    escape = escape_for(texts, style)
    return list(texts) if escape is as_it_is else [escape(text) for text in texts]


def marked_words(
    segments: tuple[Segment, ...], style: Style, escape: Callable[[str], str] | None = None
) -> str:
    """Words kept, removed and inserted, each escaped (by *escape*, if given) and marked."""
    escape = escape or style.escape
    parts = []
    for segment in segments:
        text = escape(segment.text)
        if segment.kind is SegmentKind.DELETE:
            text = style.deleted(text)
        elif segment.kind is SegmentKind.INSERT:
            text = style.inserted(text)
        parts.append(text)
    return " ".join(parts)


def item_line(item: Item, style: Style) -> str:
    """One change as a list item of lightweight markup (Markdown, reST).

    Number and name, what changed, what it means, then the words. Where the
    style can tell, all its texts are asked at once whether they need escaping.
    """
    escape = escape_for(texts_of(item), style)
    name = escape(item.name) if item.name else ""
    head = name
    if item.number:
        head = style.strong(escape(item.number)) + (f" {name}" if name else "")
    line = f"- {head} — {escape(item.text)}" if head else f"- {escape(item.text)}"
    if item.flag:
        line += " " + style.strong(escape(item.flag))
    if item.segments:
        line += " " + marked_words(item.segments, style, escape)
    if item.reason:
        line += " " + escape(item.reason)
    return line


def texts_of(item: Item) -> list[str]:
    """The list text an item line escapes: its number, name, sentence, flag, words and reason."""
    texts = [text for text in (item.number, item.name, item.flag) if text]
    texts.append(item.text)  # escaped even when empty: an empty one makes all be escaped
    texts += [segment.text for segment in item.segments]
    if item.reason:
        texts.append(item.reason)
    return texts


def lines_text(lines: list[str]) -> str:
    r"""*lines* as one text, each ending in a line break; *lines* is used up.

    The break after the last line is joined in with the others: a change log
    of a large list is megabytes, and adding it afterwards would copy them all.

    >>> lines_text(["# Wijzigingen", "", "- 1.1"])
    '# Wijzigingen\n\n- 1.1\n'
    """
    lines.append("")
    return "\n".join(lines)


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
    date = f", {version_date_words(entry.date, language)}" if entry.date else ""
    status = status_words(entry.status, language)
    return f"{label('version', language)} {entry.label} ({status}{date})"


def since(chapter: Chapter, language: Language) -> str | None:
    """The title of a chapter's changes: ``Wijzigingen ten opzichte van versie 1.0``."""
    if chapter.previous is None:
        return None
    return f"{label('since', language)} {chapter.previous.label}"
