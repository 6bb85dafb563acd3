"""A list's version history: the changes between each pair of consecutive versions with text."""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from selectielijst._converter import make_converter
from selectielijst._diff import ChangeSet, diff
from selectielijst._model import VersionEntry
from selectielijst._render import _html, _markdown, _rst, _text
from selectielijst._render._format import Format
from selectielijst._render._labels import Language, label
from selectielijst._render._report import build_report
from selectielijst._store import history, load
from selectielijst._workspace import Workspace, list_folder, resolve_list

__all__ = ["Step", "changelog", "steps"]

CHANGELOG_FORMAT = "selectielijst-changelog/1"


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


def _where(list_or_folder: str | Path, workspace: Workspace | None) -> tuple[str, Path | None]:
    """The list's id and the folder of its workspace's lists."""
    found = list_folder(list_or_folder)
    if found is not None:
        return found[0], found[1].folder
    list_id = str(list_or_folder)
    return list_id, resolve_list(list_id, workspace).folder


def steps(list_or_folder: str | Path, *, workspace: Workspace | None = None) -> tuple[Step, ...]:
    """Every version of a list, newest first, each with its changes since the one before.

    >>> [(s.entry.label, s.previous.label if s.previous else None) for s in steps("voorbeeld")]
    [('2.1', '2.0'), ('2.0', '1.0'), ('1.0', None), ('0.9', None)]
    """
    list_id, root = _where(list_or_folder, workspace)
    found: list[Step] = []
    previous: VersionEntry | None = None
    loaded = None
    for entry in history(list_id, root=root).versions:
        if not entry.has_text:
            found.append(Step(entry))
            continue
        current = load(list_id, entry.label, root=root)
        changes = diff(loaded, current) if loaded is not None else None
        found.append(Step(entry, previous, changes))
        previous, loaded = entry, current
    return tuple(reversed(found))


def _version_heading(entry: VersionEntry, language: Language) -> str:
    date = f", {entry.date}" if entry.date else ""
    return f"{label('version', language)} {entry.label} ({entry.status.value}{date})"


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
    or a folder holding an ``index.yaml`` and its snapshots.

    >>> print(changelog("voorbeeld", "markdown").splitlines()[0])
    # Versiegeschiedenis: Selectielijst gemeente Voorbeeldstad (fictief voorbeeld)
    """
    chosen = format if isinstance(format, Format) else Format.named(format)
    language = lang if isinstance(lang, Language) else Language(lang)
    list_id, root = _where(list_or_folder, workspace)
    title = f"{label('history', language)}: {history(list_id, root=root).title}"
    found = steps(list_or_folder, workspace=workspace)
    if chosen is Format.JSON:
        return _json(list_id, title, found)
    parts: list[str] = []
    for step in found:
        heading = _version_heading(step.entry, language)
        parts.append(_section(chosen, step, heading, language, color=color))
    return _document(chosen, title, parts, language)


def _section(chosen: Format, step: Step, heading: str, language: Language, *, color: bool) -> str:
    """One version's part of the history: its heading, then its changes or a note."""
    report = build_report(step.changes, language) if step.changes is not None else None
    since = f"{label('since', language)} {step.previous.label}" if step.previous else ""
    note = label("text_not_available" if not step.entry.has_text else "first_text", language)
    note = " ".join([note, *step.entry.notes])
    if chosen is Format.MARKDOWN:
        top = f"## {_markdown.escape(heading)}\n\n"
        rest = (
            _markdown.markdown(report, level=3, title=since)
            if report
            else _markdown.escape(note) + "\n"
        )
        return top + rest
    if chosen is Format.RST:
        top = "\n".join(_rst.heading(_rst.escape(heading), "="))
        rest = _rst.rst(report, level=2, title=since) if report else _rst.escape(note) + "\n"
        return top + "\n" + rest
    if chosen is Format.HTML:
        elements = (
            _html.body(report, level=3, title=since)
            if report
            else [f"<p>{_html.list_text(note)}</p>"]
        )
        return "\n".join([f"<h2>{_html.list_text(heading)}</h2>", *elements])
    body = _text.text(report, color=color, title=since) if report else note + "\n"
    return f"{heading}\n{'=' * len(heading)}\n\n{body}"


def _document(chosen: Format, title: str, parts: list[str], language: Language) -> str:
    if chosen is Format.MARKDOWN:
        return f"# {_markdown.escape(title)}\n\n" + "\n".join(parts)
    if chosen is Format.RST:
        heading = _rst.escape(title)
        rule = "#" * _rst.width(heading)
        return "\n".join([*_rst.roles(), rule, heading, rule, "", *parts])
    if chosen is Format.HTML:
        return _html.page(title, [f"<h1>{_html.list_text(title)}</h1>", *parts], language.value)
    return f"{title}\n\n" + "\n".join(parts)


def _json(list_id: str, title: str, found: tuple[Step, ...]) -> str:
    converter = make_converter()
    document = {
        "format": CHANGELOG_FORMAT,
        "list": list_id,
        "title": title,
        "versions": [
            {
                "version": converter.unstructure(step.entry),
                "compared_with": step.previous.label if step.previous else None,
                "changes": converter.unstructure(step.changes) if step.changes else None,
            }
            for step in found
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
