"""Change logs as JSON: the change set's published form, which reads back."""

from __future__ import annotations

import json
from collections.abc import Sequence

from selectielijst._changes import ChangeSet, to_plain
from selectielijst._render._labels import Language
from selectielijst._render._report import Report
from selectielijst._render._style import Chapter, Writer
from selectielijst._storage import converter_of

__all__ = ["CHANGELOG_FORMAT", "WRITER", "changes_json", "history"]

CHANGELOG_FORMAT = "selectielijst-changelog/2"
"""The format of a version history in JSON."""


def _dumps(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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
