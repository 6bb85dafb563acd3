"""Reasons for changes (*motiveringen*), kept beside the version they motivate.

A maintainer fills in the *Motivering* column of the change table (``diff -o
wijzigingen.xlsx``) and gives it back; the reasons are stored in
``reasons.yaml`` beside the version's ``list.yaml``, under each change's key, so
that they stay with their change when the diff is computed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from selectielijst._changes import Reason
from selectielijst._i18n import Language, Spoken, say, translated
from selectielijst._storage import (
    Problems,
    converter_of,
    dump_yaml,
    load_yaml,
    read_text,
    register,
    structure,
    write_atomically,
)
from selectielijst._workspace import Workspace, snapshot_path
from selectielijst.errors import DocumentErrors, InvalidDocument

__all__ = [
    "REASONS_FORMAT",
    "REASONS_NAME",
    "read_reasons",
    "reasons_from_table",
    "store_reasons",
    "stored_reasons",
    "write_reasons",
]

REASONS_NAME = "reasons.yaml"
"""The file of a version's reasons, beside its ``list.yaml``."""
REASONS_FORMAT = "selectielijst-reasons/1"
"""The format of that file."""


def read_reasons(path: Path) -> tuple[Reason, ...]:
    """The reasons stored in *path*; none when there is no such file.

    Raises:
        DocumentErrors: The file is not a valid reasons file; each problem located.
    """
    if not path.is_file():
        return ()
    loaded = load_yaml(read_text(path), file=str(path))
    problems = Problems(str(path), loaded)
    document = loaded.data if isinstance(loaded.data, dict) else {}
    if document.get("format") != REASONS_FORMAT:
        problems.report(
            "$",
            say(
                "reasons-format",
                "a reasons file starts with 'format: {REASONS_FORMAT}'",
                REASONS_FORMAT=REASONS_FORMAT,
            ),
        )
    converter = converter_of()
    register(converter, Reason)
    reasons = document.get("reasons", [])
    found: tuple[Reason, ...] = structure(
        reasons, tuple[Reason, ...], problems, converter=converter
    )
    return found


def write_reasons(path: Path, reasons: tuple[Reason, ...]) -> None:
    """Store *reasons* in *path*, atomically, in a stable order."""
    converter = converter_of()
    register(converter, Reason)
    ordered = sorted(reasons, key=lambda reason: reason.key)
    document = {
        "format": REASONS_FORMAT,
        "reasons": [converter.unstructure(reason) for reason in ordered],
    }
    write_atomically(path, dump_yaml(document).encode("utf-8"))


def reasons_from_table(path: Path) -> tuple[Reason, ...]:
    """The reasons filled in a change table (XLSX or CSV, as ``diff`` writes it).

    The columns may be named in Dutch or in English, as the table was
    written. Rows with an empty *Motivering* (*Reason*) are skipped.

    Raises:
        DocumentErrors: The table has no *Sleutel* or *Motivering* column, or a
            reason without a key.
    """
    # The change table's columns and reader, loaded with a table, not with the stored reasons:
    from selectielijst._render import KEY, NEW_NUMBER, OLD_NUMBER, REASON, columns  # noqa: PLC0415
    from selectielijst._storage import read_table  # noqa: PLC0415

    table = read_table(path)
    named = {column: _named(column, table.header) for column in (KEY, REASON)}
    missing = [column for column, name in named.items() if name is None]
    if missing:
        problem = say(
            "not-a-change-table",
            "this is not a change table: it has no column {missing!r} (a change table has the"
            " columns {expected})",
            missing=_in_words(missing[0]),
            expected=Spoken(lambda language: ", ".join(columns(language))),
        )
        raise DocumentErrors(
            f"{table.file} cannot be read", [InvalidDocument(problem, file=table.file, line=1)]
        )
    problems = Problems(table.file)
    reasons = []
    key_column, reason_column = named[KEY] or "", named[REASON] or ""
    new_number = _named(NEW_NUMBER, table.header) or ""
    old_number = _named(OLD_NUMBER, table.header) or ""
    for row in table.rows:
        text = row.get(reason_column)
        if not text:
            continue
        key = row.get(key_column)
        if not key:
            problems.report(
                f"column {key_column!r}",
                say("reason-without-key", "a reason without the key of its change"),
                line=row.line,
            )
            continue
        number = row.get(new_number) or row.get(old_number) or None
        reasons.append(Reason(key, text, number))
    problems.raise_if_any(f"{table.file} cannot be read")
    return tuple(reasons)


def _named(column: str, header: Sequence[str]) -> str | None:
    """The name *column* has in *header*: its Dutch or its English name."""
    return next((name for name in _names(column) if name in header), None)


def _names(column: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(translated(column, language) for language in Language))


def _in_words(column: str) -> Spoken:
    return Spoken(lambda language: translated(column, language))


def stored_reasons(spec: str, *, workspace: Workspace | None = None) -> tuple[Reason, ...]:
    """The reasons stored beside version *spec* (``LIST@VERSION`` or a snapshot's path).

    >>> stored_reasons("voorbeeld@1.0")
    ()
    """
    return read_reasons(snapshot_path(spec, workspace=workspace).parent / REASONS_NAME)


def store_reasons(
    spec: str, reasons: tuple[Reason, ...], *, workspace: Workspace | None = None
) -> tuple[Path, int]:
    """Keep *reasons* beside version *spec*, with those stored already; the file and their number.

    A reason replaces the one stored under the same change key; the others stay,
    also those whose change is no longer there (a later diff reports them).

    >>> import tempfile
    >>> from selectielijst import Workspace, load
    >>> from selectielijst.changes import Reason
    >>> workspace = Workspace(tempfile.mkdtemp())
    >>> _ = workspace.init("voorbeeld")
    >>> _ = workspace.add(Workspace.shipped().load("voorbeeld", "1.0"))
    >>> reasons = (Reason("k", "Nieuw beleid."),)
    >>> path, kept = store_reasons("voorbeeld@1.0", reasons, workspace=workspace)
    >>> path.name, kept, stored_reasons("voorbeeld@1.0", workspace=workspace)[0].text
    ('reasons.yaml', 1, 'Nieuw beleid.')
    """
    target = snapshot_path(spec, workspace=workspace).parent / REASONS_NAME
    kept = {reason.key: reason for reason in read_reasons(target)}
    kept.update((reason.key, reason) for reason in reasons)
    write_reasons(target, tuple(kept.values()))
    return target, len(kept)
