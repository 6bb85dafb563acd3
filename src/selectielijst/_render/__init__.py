"""Renderers: change sets and histories in every format, chosen from one table.

Each format has one module with one :class:`~selectielijst._render._style.Writer`;
:func:`writer` finds a format's writer, loading its module when the format is
first written. What a change log says is worked out once, as a
:class:`~selectielijst._render._report.Report`, before a writer lays it out.
Renderers read change sets through the public :mod:`selectielijst.changes`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from selectielijst._changes import ChangeSet
from selectielijst._i18n import say
from selectielijst._lazy import names_when_used
from selectielijst._model import VersionEntry, quiet_collector
from selectielijst._render._format import LANGUAGE_VARIABLE, Format, language_chosen, language_named
from selectielijst._render._labels import Language, kind_label, label, status_words
from selectielijst._render._style import Chapter, Writer
from selectielijst.errors import UnknownFormat

if TYPE_CHECKING:
    from selectielijst._render._docx import word_text
    from selectielijst._render._listing import list_as_text
    from selectielijst._render._markup import mark_up
    from selectielijst._render._word_list import (
        MACHINE_COPY,
        category_row,
        list_document,
        revised_document,
    )
    from selectielijst._render._xlsx import COLUMNS, KEY, NEW_NUMBER, OLD_NUMBER, REASON, columns

__all__ = [
    "COLUMNS",
    "KEY",
    "LANGUAGE_VARIABLE",
    "MACHINE_COPY",
    "NEW_NUMBER",
    "OLD_NUMBER",
    "REASON",
    "Format",
    "History",
    "Language",
    "Part",
    "category_row",
    "columns",
    "kind_label",
    "label",
    "language_chosen",
    "list_as_text",
    "list_document",
    "mark_up",
    "render",
    "render_bytes",
    "render_history",
    "revised_document",
    "status_words",
    "text_only",
    "word_text",
    "writer",
]

_WRITER_MODULES: Mapping[Format, str] = {
    Format.MARKDOWN: "_markdown",
    Format.RST: "_rst",
    Format.HTML: "_html",
    Format.JSON: "_json",
    Format.TEXT: "_text",
    Format.DOCX: "_docx",
    Format.XLSX: "_xlsx",
}
"""The module of each format's writer."""


def writer(chosen: Format) -> Writer:
    """The writer of *chosen*, its module loaded when first asked for.

    A run that writes JSON loads neither the Word writer nor the report
    layout; each format costs its import only where it is written.

    >>> writer(Format.MARKDOWN).changes is not None
    True
    """
    found: Writer = importlib.import_module(f"{__name__}.{_WRITER_MODULES[chosen]}").WRITER
    return found


__getattr__ = names_when_used(
    __name__,
    {
        "._docx": ("word_text",),
        "._listing": ("list_as_text",),
        "._markup": ("mark_up",),
        "._word_list": ("MACHINE_COPY", "category_row", "list_document", "revised_document"),
        "._xlsx": ("COLUMNS", "KEY", "NEW_NUMBER", "OLD_NUMBER", "REASON", "columns"),
    },
)
"""Names this package gives from modules of its own, loaded when a name is first asked for."""


Part = tuple[VersionEntry, VersionEntry | None, ChangeSet | None]
"""A version, the one it is compared with, and the changes between them."""


@attrs.frozen
class History:
    """A list's history to render: its id, its title and each version's part, newest first."""

    list_id: str
    title: str
    parts: tuple[Part, ...]


def render(
    changeset: ChangeSet,
    format: str | Format = Format.MARKDOWN,  # noqa: A002  # the word users know
    *,
    lang: str | Language = Language.NL,
    color: bool = False,
) -> str:
    """A change log of *changeset* in *format*: markdown, rst, html, json or text.

    Labels are Dutch by default (the lists are Dutch) and English with
    ``lang="en"``. Colours (text only) are for terminals.

    >>> from selectielijst import diff, load
    >>> log = render(diff(load("voorbeeld", "2.0"), load("voorbeeld", "2.1")), "markdown")
    >>> print(log.splitlines()[0])
    # Wijzigingen in Selectielijst gemeente Voorbeeldstad (fictief voorbeeld)

    Raises:
        UnknownFormat: *format* or *lang* is not one this library writes.
    """
    return text_only(render_bytes(changeset, format, lang=lang, color=color), format)


def render_bytes(
    changeset: ChangeSet,
    format: str | Format = Format.MARKDOWN,  # noqa: A002  # the word users know
    *,
    lang: str | Language = Language.NL,
    color: bool = False,
) -> bytes | str:
    """A change log of *changeset* in any format: Word and XLSX as bytes, the rest as text.

    >>> from selectielijst import diff, load
    >>> word = render_bytes(diff(load("voorbeeld", "2.0"), load("voorbeeld", "2.1")), "docx")
    >>> word[:2]
    b'PK'

    Raises:
        UnknownFormat: *format* or *lang* is not one this library writes.
    """
    chosen = Format.named(format) if not isinstance(format, Format) else format
    language = language_named(lang)
    if chosen is Format.JSON:  # the change set's own form, in no language: nothing to lay out
        from selectielijst._render._json import changes_json  # noqa: PLC0415  # see writer()

        return changes_json(changeset)
    from selectielijst._render._report import build_report  # noqa: PLC0415  # likewise

    with quiet_collector():
        return writer(chosen).changes(build_report(changeset, language), 1, None, color)


def text_only(written: str | bytes, format: str | Format) -> str:  # noqa: A002  # as above
    if isinstance(written, bytes):
        name = format.value if isinstance(format, Format) else format
        msg = say(
            "binary-format",
            "{format} is a binary format: write it with render_bytes() or -o FILE.{format}",
            format=name,
        )
        raise UnknownFormat(msg)
    return written


def render_history(
    history: History,
    format: str | Format = Format.MARKDOWN,  # noqa: A002  # the word users know
    *,
    lang: str | Language = Language.NL,
    color: bool = False,
) -> str | bytes:
    """A version history: each version, newest first, with its changes or a note.

    Raises:
        UnknownFormat: *format* or *lang* is not one this library writes.
    """
    from selectielijst._render._report import build_report  # noqa: PLC0415  # see writer()

    chosen = Format.named(format) if not isinstance(format, Format) else format
    language = language_named(lang)
    chapters = []
    for entry, previous, changes in history.parts:
        note = label("text_not_available" if not entry.has_text else "first_text", language)
        chapters.append(
            Chapter(
                entry,
                previous,
                build_report(changes, language) if changes is not None else None,
                " ".join([note, *entry.notes]),
            )
        )
    title = f"{label('history', language)}: {history.title}"
    return writer(chosen).history(title, history.list_id, chapters, language, color)
