"""Change logs as JSON: the change set's published form, which reads back."""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from selectielijst._changes import ChangeSet, to_plain
from selectielijst._render._labels import Language
from selectielijst._render._style import Chapter, Writer
from selectielijst._storage import converter_of

if TYPE_CHECKING:  # JSON is the change set's own form: no report is made for it
    from selectielijst._render._report import Report

__all__ = ["CHANGELOG_FORMAT", "WRITER", "changes_json", "history"]

CHANGELOG_FORMAT = "selectielijst-changelog/2"
"""The format of a version history in JSON."""


def _dumps(document: object) -> str:
    """*document* as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it, and a newline.

    The same text, written about twice as fast: the standard library's C
    encoder does not indent, and its Python one yields every piece through
    generators.
    """
    written: list[str] = []
    _write(document, "\n", written)
    written.append("\n")
    return "".join(written)


def _write(value: object, indent: str, written: list[str]) -> None:
    """Append the JSON text of *value* to *written*; *indent* starts the lines of its parent.

    A text in a mapping or list is written where it stands, without a call of
    its own: most values of a change set are texts.
    """
    if isinstance(value, str):
        written.append(encode_basestring(value))
    elif isinstance(value, dict):
        if not value:
            written.append("{}")
            return
        inner = indent + "  "
        opening = "{" + inner
        for key, item in value.items():
            if type(item) is str:
                written.append(
                    f"{opening}{encode_basestring(_key(key))}: {encode_basestring(item)}"
                )
            else:
                written.append(opening + encode_basestring(_key(key)) + ": ")
                _write(item, inner, written)
            opening = "," + inner
        written.append(indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            written.append("[]")
            return
        inner = indent + "  "
        opening = "[" + inner
        for item in value:
            if type(item) is str:
                written.append(opening + encode_basestring(item))
            else:
                written.append(opening)
                _write(item, inner, written)
            opening = "," + inner
        written.append(indent + "]")
    else:  # null, true, false, numbers, NaN: as json writes them, or its TypeError
        written.append(json.dumps(value))


def _key(key: object) -> str:
    """A key as json writes it: a text as it is, a number or ``None`` or a truth value in words.

    Raises:
        TypeError: *key* is none of these, as json says.
    """
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool | int | float):
        return json.dumps(key)
    msg = f"keys must be str, int, float, bool or None, not {type(key).__name__}"
    raise TypeError(msg)


def changes_json(changeset: ChangeSet) -> str:
    """The published form of *changeset*, which :func:`~selectielijst.read_changes` reads back."""
    return _dumps(to_plain(changeset))


def _changes(report: Report, level: int, title: str | None, color: bool) -> str:
    return changes_json(report.changeset)


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> str:
    """A version history as JSON: each version with its changes since the one before."""
    converter = converter_of()
    return _dumps(
        {
            "format": CHANGELOG_FORMAT,
            "list": list_id,
            "title": title,
            "versions": [
                {
                    "version": converter.unstructure(chapter.entry),
                    "compared_with": chapter.previous.label if chapter.previous else None,
                    "changes": to_plain(chapter.report.changeset) if chapter.report else None,
                }
                for chapter in chapters
            ],
        }
    )


WRITER = Writer(changes=_changes, history=history)
