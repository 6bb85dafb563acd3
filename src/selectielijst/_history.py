"""A list's version history: the changes between each pair of consecutive versions with text.

Loading the versions and running the diffs happens here, outside the renderers,
which only lay out what they are given.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from selectielijst._changes import ChangeSet
from selectielijst._diff import diff
from selectielijst._model import SelectionList, VersionEntry
from selectielijst._render import Format, History, Language, render_history, text_only
from selectielijst._workspace import Workspace, list_folder, resolve_list

__all__ = ["Step", "changelog", "changelog_bytes", "steps"]


@attrs.frozen
class Step:
    """One version in the history, with the changes since the version before it.

    Attributes:
        entry: The version.
        previous: The latest earlier version with text, if there is one.
        changes: The changes from *previous* to this version; ``None`` when this
            version has no text or there is nothing earlier to compare with.
    """

    entry: VersionEntry
    previous: VersionEntry | None = None
    changes: ChangeSet | None = None


def _where(list_or_folder: str | Path, workspace: Workspace | None) -> tuple[str, Workspace]:
    """The list's id and the workspace that holds it."""
    found = list_folder(list_or_folder)
    if found is not None:
        return found
    list_id = str(list_or_folder)
    return list_id, resolve_list(list_id, workspace)


def steps(list_or_folder: str | Path, *, workspace: Workspace | None = None) -> tuple[Step, ...]:
    """Every version of a list, newest first, each with its changes since the one before.

    Each version is read once; the reasons stored beside a version go with its changes.

    >>> [(s.entry.label, s.previous.label if s.previous else None) for s in steps("voorbeeld")]
    [('2.1', '2.0'), ('2.0', '1.0'), ('1.0', None), ('0.9', None)]
    """
    list_id, holder = _where(list_or_folder, workspace)
    found: list[Step] = []
    previous: VersionEntry | None = None
    loaded: SelectionList | None = None
    for entry in holder.versions(list_id):
        if not entry.has_text:
            found.append(Step(entry))
            continue
        current = holder.load(list_id, entry.label)
        changes = None
        if loaded is not None and entry.snapshot is not None:
            from selectielijst._io import REASONS_NAME, read_reasons  # noqa: PLC0415  # when used

            beside = (holder.folder / list_id / entry.snapshot).parent / REASONS_NAME
            changes = diff(loaded, current).with_reasons(read_reasons(beside))
        found.append(Step(entry, previous, changes))
        previous, loaded = entry, current
    return tuple(reversed(found))


def changelog(
    list_or_folder: str | Path,
    format: str | Format = Format.MARKDOWN,  # noqa: A002  # the word users know
    *,
    lang: str | Language = Language.NL,
    color: bool = False,
    workspace: Workspace | None = None,
) -> str:
    """The whole version history of a list as one change log, newest version first.

    *list_or_folder* is a list's id (in the workspace in force, or shipped)
    or a folder holding an ``index.yaml`` and its snapshots. Word and XLSX
    are written by :func:`~selectielijst.rendering.changelog_bytes`.

    >>> print(changelog("voorbeeld", "markdown").splitlines()[0])
    # Versiegeschiedenis: Selectielijst gemeente Voorbeeldstad (fictief voorbeeld)

    Raises:
        UnknownFormat: *format* or *lang* is not one this library writes.
    """
    written = changelog_bytes(list_or_folder, format, lang=lang, color=color, workspace=workspace)
    return text_only(written, format)


def changelog_bytes(
    list_or_folder: str | Path,
    format: str | Format = Format.MARKDOWN,  # noqa: A002  # the word users know
    *,
    lang: str | Language = Language.NL,
    color: bool = False,
    workspace: Workspace | None = None,
) -> str | bytes:
    """The version history in any format: Word and XLSX as bytes, the rest as text.

    >>> changelog_bytes("voorbeeld", "xlsx")[:2]
    b'PK'
    """
    chosen = Format.named(format) if not isinstance(format, Format) else format
    list_id, holder = _where(list_or_folder, workspace)
    parts = tuple(
        (s.entry, s.previous, s.changes) for s in steps(list_or_folder, workspace=workspace)
    )
    told = History(list_id, holder.history(list_id).title, parts)
    return render_history(told, chosen, lang=lang, color=color)
