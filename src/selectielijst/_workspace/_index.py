"""The shipped lists: each list's index of versions, and loading a version by name."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

from selectielijst._i18n import say
from selectielijst._model import ListIndex, SelectionList, VersionEntry
from selectielijst._storage import (
    Problems,
    converter_of,
    dump_yaml,
    load_yaml,
    read,
    read_text,
    refuse_links,
    structure,
    write_atomically,
)
from selectielijst.errors import (
    DocumentErrors,
    InvalidDocument,
    InvalidName,
    TextNotAvailable,
    UnknownList,
    UnknownVersion,
    WorkspaceBusy,
)

__all__ = [
    "INDEX_FORMAT",
    "INDEX_NAME",
    "SNAPSHOT_NAME",
    "history_in",
    "index_locked",
    "lists_in",
    "load_in",
    "versions_folder",
    "write_index",
]


INDEX_FORMAT = "selectielijst-index/1"
SNAPSHOT_NAME = "list.yaml"
INDEX_NAME = "index.yaml"

LOCK_NAME = ".index.lock"
"""The lock file of a list's index, in the list's folder while a writer holds it."""

LOCK_WAIT = 120.0
"""How long, in seconds, a writer waits for another to release a list's index."""

_LIST_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def versions_folder() -> Path:
    """The folder the shipped snapshots are in.

    Inside an installed package the snapshots ship as package data; in a source
    checkout they are the repository's ``versions/``.

    >>> (versions_folder() / "mivd" / "index.yaml").is_file()
    True
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_versions"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "versions"


def check_list_id(list_id: str) -> str:
    """*list_id* if it is a safe list name; :class:`InvalidName` otherwise."""
    if not isinstance(list_id, str) or not _LIST_ID.fullmatch(list_id):
        msg = say(
            "bad-list-name",
            "{list_id!r} is not a list name: use lower-case letters, digits, '-' and '_'",
            list_id=list_id,
        )
        raise InvalidName(msg)
    return list_id


_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?", re.IGNORECASE)
"""Names Windows keeps for devices, with or without an extension (``NUL.1``)."""


def check_portable(name: str, what: str) -> str:
    """*name* if it can be a folder on every system a workspace is checked out on.

    >>> check_portable("mijnlijst", "list name")
    'mijnlijst'
    >>> check_portable("nul", "list name")
    Traceback (most recent call last):
    ...
    selectielijst.errors.InvalidName: 'nul' cannot be a list name: Windows keeps it for a ...

    Raises:
        InvalidName: Windows reserves the name, or it ends in a dot or a space.
    """
    if _RESERVED.fullmatch(name):
        msg = say(
            "name-is-device",
            "{name!r} cannot be a {what}: Windows keeps it for a device (CON, PRN, AUX, NUL,"
            " COM1-9, LPT1-9), so a checkout there would break; choose another",
            name=name,
            what=what,
        )
        raise InvalidName(msg)
    if name.endswith((".", " ")):
        msg = say(
            "name-ends-in-dot",
            "{name!r} cannot be a {what}: Windows drops a dot or space at the end of a name",
            name=name,
            what=what,
        )
        raise InvalidName(msg)
    return name


def check_label(label: str) -> str:
    """*label* if it is a safe version label; :class:`InvalidName` otherwise."""
    if not isinstance(label, str) or not _LABEL.fullmatch(label) or ".." in label:
        msg = say(
            "bad-version-label",
            "{label!r} is not a version label: use letters, digits, '.', '-' and '_'",
            label=label,
        )
        raise InvalidName(msg)
    return label


def lists_in(folder: Path) -> tuple[str, ...]:
    """The ids of the lists in *folder* (a workspace's ``versions/``), sorted.

    >>> lists_in(versions_folder())
    ('mivd', 'voorbeeld')
    """
    return tuple(sorted(p.parent.name for p in folder.glob(f"*/{INDEX_NAME}")))  # files or not


def history_in(folder: Path, list_id: str) -> ListIndex:
    """The index of a list in *folder*: its title and every known version, oldest first.

    >>> history_in(versions_folder(), "mivd").title
    'Generieke Selectielijst MIVD'
    """
    path = folder / check_list_id(list_id) / INDEX_NAME
    if path.exists() and not path.is_file():
        problem = say(
            "index-not-a-file",
            "is a folder (or another thing that is no file), not the list's index; remove it"
            " and run `selectielijst init {list_id}`, or restore the file from version control",
            list_id=list_id,
        )
        raise DocumentErrors(f"{path} cannot be read", [InvalidDocument(problem, file=str(path))])
    if not path.is_file():
        known = ", ".join(lists_in(folder)) or "none"
        msg = say(
            "unknown-list",
            "there is no list {list_id!r} (known lists: {known})",
            list_id=list_id,
            known=known,
        )
        raise UnknownList(msg)
    loaded = load_yaml(read_text(path), file=str(path))
    document = loaded.data if isinstance(loaded.data, dict) else {}
    problems = Problems(str(path), loaded)
    if document.get("format") != INDEX_FORMAT:
        problems.report(
            "$",
            say(
                "index-format",
                "an index starts with 'format: {INDEX_FORMAT}'",
                INDEX_FORMAT=INDEX_FORMAT,
            ),
        )
    document = {k: v for k, v in document.items() if k != "format"}
    seen: dict[object, int] = {}
    for position, entry in enumerate(document.get("versions") or []):
        label = entry.get("label") if isinstance(entry, dict) else None
        if isinstance(label, str) and label in seen:
            problem = say(
                "version-twice",
                "version {label!r} is listed twice (first at $.versions[{seen}])",
                label=label,
                seen=seen[label],
            )
            problems.report(f"$.versions[{position}].label", problem)
        seen.setdefault(label, position)
    return structure(document, ListIndex, problems, converter=converter_of())


def load_in(folder: Path, list_id: str, version: str) -> SelectionList:
    """Load a version of a list in *folder*.

    >>> load_in(versions_folder(), "mivd", "0.16").sections[0].title
    'Internationaal'

    Raises:
        UnknownList: There is no such list.
        UnknownVersion: The list has no such version.
        TextNotAvailable: The version is known, but its text is not.
    """
    entry = _entry(folder, list_id, check_label(version))
    if entry.snapshot is None:
        msg = say(
            "text-not-available",
            "the text of {list_id}@{version} ({value}) is not available",
            list_id=list_id,
            version=version,
            value=entry.status.value,
        )
        raise TextNotAvailable(msg)
    path = folder / list_id / entry.snapshot
    selection_list = read(path)
    if (selection_list.id, selection_list.version.label) != (list_id, version):
        problem = say(
            "snapshot-other-version",
            "holds {id}@{label}, but the index lists it as {list_id}@{version}",
            id=selection_list.id,
            label=selection_list.version.label,
            list_id=list_id,
            version=version,
        )
        raise DocumentErrors(
            f"{path} does not match its index", [InvalidDocument(problem, file=str(path))]
        )
    return selection_list


def _entry(folder: Path, list_id: str, label: str) -> VersionEntry:
    entries = history_in(folder, list_id).versions
    for entry in entries:
        if entry.label == label:
            return entry
    known = ", ".join(e.label for e in entries) or "none"
    msg = say(
        "unknown-version",
        "list {list_id!r} has no version {label!r} (versions: {known})",
        list_id=list_id,
        label=label,
        known=known,
    )
    raise UnknownVersion(msg)


@contextlib.contextmanager
def index_locked(list_folder: Path, *, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the lock on the index of the list in *list_folder*, for one writer at a time.

    Whoever changes an index takes the lock, then reads the index, changes it
    and writes it: so two imports of different versions at once both land in
    the index. The lock is the operating system's (``flock``), so a writer
    that dies releases it; other processes wait up to *wait* seconds.

    Raises:
        WorkspaceBusy: Another writer kept the lock longer than *wait*.
    """
    import filelock  # noqa: PLC0415  # loaded when a list is written, not on import

    list_folder.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(list_folder / LOCK_NAME, timeout=wait)
    try:
        lock.acquire()
    except filelock.Timeout as e:
        msg = say(
            "workspace-busy",
            "{value}: another process has been writing this list for {wait:g} s; try again when"
            " it has finished",
            value=list_folder / INDEX_NAME,
            wait=wait,
        )
        raise WorkspaceBusy(msg) from e
    try:
        yield
    finally:
        lock.release()


def write_index(index: ListIndex, path: Path, *, exclusive: bool = False) -> None:
    """Write a list's index in canonical form, atomically.

    Hold :func:`index_locked` around reading, changing and writing it. Nothing
    is written through a symbolic link in the list's folder.

    With *exclusive*, refuse (``FileExistsError``) when *path* exists already.

    Raises:
        UnsafePath: *path* is a symbolic link, or not a regular file.
    """
    refuse_links(path.parent, path)
    document = {"format": INDEX_FORMAT, **converter_of().unstructure(index)}
    write_atomically(path, dump_yaml(document).encode("utf-8"), exclusive=exclusive)
