"""Published versions cannot silently change: each snapshot's SHA-256 is in its list's index."""

from __future__ import annotations

from pathlib import Path

import attrs

from selectielijst._i18n import Language, Message, say
from selectielijst._model import ListIndex, VersionEntry
from selectielijst._storage import read
from selectielijst._workspace._index import (
    INDEX_NAME,
    SNAPSHOT_NAME,
    history_in,
    index_locked,
    lists_in,
    write_index,
)
from selectielijst.errors import DocumentErrors

__all__ = ["IntegrityProblem", "digest", "record_digests_in", "verify_in"]


@attrs.frozen
class IntegrityProblem:
    """A snapshot that is not what its list's index says was published.

    Attributes:
        list_id: The list.
        label: The version, or ``None`` for a file the index does not know.
        path: The snapshot file.
        problem: What is wrong.
    """

    list_id: str
    label: str | None
    path: Path
    problem: str | Message

    def __str__(self) -> str:
        return self.say(Language.EN)

    def say(self, language: Language) -> str:
        """The problem in *language*, after the file and version it is in."""
        version = f"{self.list_id}@{self.label}" if self.label else self.list_id
        problem = self.problem.say(language) if isinstance(self.problem, Message) else self.problem
        return f"{self.path}: {version}: {problem}"


def digest(path: Path) -> str:
    """The SHA-256 of a file, in hexadecimal, as the index records it."""
    import hashlib  # noqa: PLC0415  # when a digest is asked for, not on every start

    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_in(
    folder: Path, list_id: str | None = None, *, deep: bool = False
) -> tuple[IntegrityProblem, ...]:
    """Check every snapshot of a list (or of all lists) against its index.

    Each snapshot with text must exist and have the SHA-256 the index records.
    A file whose digest matches is as it was published, so it is not read
    again unless *deep*: then it must also read as a valid snapshot of the
    version the index names. Snapshot files the index does not list are
    reported too, and so is every symbolic link in a list's folder.

    >>> from selectielijst.workspace import versions_folder
    >>> verify_in(versions_folder())
    ()
    """
    problems: list[IntegrityProblem] = []
    for name in (list_id,) if list_id is not None else lists_in(folder):
        try:
            index = history_in(folder, name)
        except DocumentErrors as e:  # one bad index is a problem of its list, not of all
            problems.extend(
                IntegrityProblem(name, None, Path(p.file or folder / name), p.said)
                for p in e.problems
            )
            continue
        listed = set()
        for entry in index.versions:
            if entry.snapshot is None:
                continue
            path = folder / name / entry.snapshot
            listed.add(path.resolve())
            problems.extend(_check(name, entry, path, deep=deep))
        problems.extend(
            IntegrityProblem(
                name, None, path, say("not-in-index", "this snapshot is not in the index")
            )
            for path in sorted((folder / name).glob(f"*/{SNAPSHOT_NAME}"))
            if path.resolve() not in listed
        )
        problems.extend(_links(name, folder / name))
    return tuple(problems)


_LINK = say(
    "link-in-workspace",
    "is a symbolic link; a workspace holds its own files (a link can point anywhere, and"
    " selectielijst does not write through one): put the file or folder itself here",
)


def _links(list_id: str, list_folder: Path) -> list[IntegrityProblem]:
    """Symbolic links in a list's folder: the folder itself, its files, its versions' files."""
    if list_folder.is_symlink():
        return [IntegrityProblem(list_id, None, list_folder, _LINK)]
    found = []
    for path in sorted(list_folder.iterdir()):
        if path.is_symlink():
            found.append(IntegrityProblem(list_id, None, path, _LINK))
        elif path.is_dir():
            found.extend(
                IntegrityProblem(list_id, path.name, inner, _LINK)
                for inner in sorted(path.iterdir())
                if inner.is_symlink()
            )
    return found


def _check(list_id: str, entry: VersionEntry, path: Path, *, deep: bool) -> list[IntegrityProblem]:
    label, expected = entry.label, entry.sha256

    def problem(text: Message) -> list[IntegrityProblem]:
        return [IntegrityProblem(list_id, label, path, text)]

    if not path.is_file():
        return problem(say("snapshot-missing", "the snapshot file is missing"))
    if expected is None and not entry.status.published:
        return []  # a concept may change until it is published
    if expected is None:
        return problem(
            say(
                "no-digest",
                "the index records no SHA-256; record it (`selectielijst verify --record`, or"
                " record_digests() from Python)",
            )
        )
    actual = digest(path)
    if actual != expected:
        return problem(
            say(
                "digest-differs",
                "the file has changed since it was recorded (SHA-256 {actual}…, index says"
                " {expected}…); a published version must not change: make a new version",
                actual=actual[:12],
                expected=expected[:12],
            )
        )
    if not deep and expected is not None:
        return []
    try:
        selection_list = read(path)
    except DocumentErrors as e:
        return problem(
            say("invalid-snapshot", "not a valid snapshot: {problem}", problem=e.problems[0])
        )
    if (selection_list.id, selection_list.version.label) != (list_id, label):
        found = f"{selection_list.id}@{selection_list.version.label}"
        return problem(
            say(
                "other-version-in-file",
                "the file holds {found}, not the version the index names",
                found=found,
            )
        )
    return []


def record_digests_in(folder: Path, list_id: str) -> tuple[str, ...]:
    """Record the SHA-256 of every snapshot whose index entry has none yet.

    Digests already recorded are never changed: that is what makes them worth
    checking. Returns the labels of the versions recorded.

    >>> from selectielijst.workspace import versions_folder
    >>> record_digests_in(versions_folder(), "mivd")  # every shipped version has its digest
    ()
    """
    if not _unrecorded(history_in(folder, list_id), folder / list_id):
        return ()  # nothing to record: no lock taken (the shipped lists may be read-only)
    with index_locked(folder / list_id):
        return _record_digests(list_id, folder)


def _unrecorded(index: ListIndex, list_folder: Path) -> bool:
    """Whether some version of *index* has a snapshot file but no digest yet."""
    return any(
        entry.snapshot is not None
        and entry.sha256 is None
        and (list_folder / entry.snapshot).is_file()
        for entry in index.versions
    )


def _record_digests(list_id: str, folder: Path) -> tuple[str, ...]:
    """:func:`record_digests`, reading the index again under its lock."""
    index = history_in(folder, list_id)
    recorded = []
    entries = []
    for entry in index.versions:
        if entry.snapshot is not None and entry.sha256 is None:
            path = folder / list_id / entry.snapshot
            if path.is_file():
                entry = attrs.evolve(entry, sha256=digest(path))  # noqa: PLW2901  # the entry, now with its digest
                recorded.append(entry.label)
        entries.append(entry)
    if recorded:
        updated = attrs.evolve(index, versions=tuple(entries))
        write_index(updated, folder / list_id / INDEX_NAME)
    return tuple(recorded)
