"""Workspaces: folders holding a user's own lists, found the way git finds a repository.

A workspace is any folder with a ``versions/`` folder in it, holding one
folder per list: ``versions/<list>/index.yaml`` and a snapshot per version,
``versions/<list>/<version>/list.yaml``. ``LIST@VERSION`` is looked up in the
workspace first and then among the lists shipped with the library; a list of
the workspace hides a shipped list of the same name.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from selectielijst._i18n import say
from selectielijst._model import ListIndex, SelectionList, VersionEntry
from selectielijst._storage import dumps, read, refuse_links, usable_path, write
from selectielijst._workspace._identity import Review, link
from selectielijst._workspace._index import (
    INDEX_NAME,
    SNAPSHOT_NAME,
    check_label,
    check_list_id,
    check_portable,
    history_in,
    index_locked,
    lists_in,
    load_in,
    versions_folder,
    write_index,
)
from selectielijst._workspace._integrity import (
    IntegrityProblem,
    digest,
    record_digests_in,
    verify_in,
)
from selectielijst.errors import (
    InvalidName,
    PublishedVersion,
    TextNotAvailable,
    UnknownList,
    UnknownVersion,
    UnknownWorkspace,
)

__all__ = [
    "ROOT_VARIABLE",
    "Added",
    "Root",
    "Workspace",
    "find_workspace",
    "history",
    "list_folder",
    "lists",
    "load",
    "load_spec",
    "previous_version",
    "record_digests",
    "resolve_list",
    "snapshot_path",
    "verify",
    "versions",
    "workspace_at",
]

ROOT_VARIABLE = "SELECTIELIJST_ROOT"
"""The environment variable naming the workspace, instead of looking upward for one."""

FOLDER = "versions"
"""The folder of a workspace that holds its lists."""


@attrs.frozen
class Added:
    """A version written into a workspace.

    Attributes:
        path: The snapshot file written.
        entry: The version's entry in the list's index.
        selection_list: The version as written (with its ids linked).
        review: What the import took each category to be, compared with the
            list's earlier version; ``None`` for a list's first version.
    """

    path: Path
    entry: VersionEntry
    selection_list: SelectionList
    review: Review | None = None


@attrs.frozen
class Workspace:
    """A folder holding lists: ``versions/<list>/index.yaml`` and their snapshots.

    >>> import tempfile
    >>> workspace = Workspace(Path(tempfile.mkdtemp()))
    >>> _ = workspace.init("mijnlijst", title="Selectielijst van mijn organisatie")
    >>> workspace.lists()
    ('mijnlijst',)

    Attributes:
        root: The workspace folder (the one holding ``versions/``).
        folder: The folder of its lists, ``root / "versions"`` unless given.
    """

    root: Path = attrs.field(converter=usable_path)
    folder: Path = attrs.field(
        converter=usable_path,
        default=attrs.Factory(lambda self: self.root / FOLDER, takes_self=True),
    )

    @classmethod
    def shipped(cls) -> Workspace:
        """The lists that ship with the library, as a workspace to read from."""
        return cls(versions_folder().parent, versions_folder())

    def lists(self) -> tuple[str, ...]:
        """The ids of the workspace's lists, sorted."""
        return lists_in(self.folder) if self.folder.is_dir() else ()

    def has_list(self, list_id: str) -> bool:
        """Whether the workspace holds a list with this id."""
        return (self.folder / check_list_id(list_id) / INDEX_NAME).exists()

    def history(self, list_id: str) -> ListIndex:
        """The index of a list: its title and every known version, oldest first."""
        return history_in(self.folder, list_id)

    def versions(self, list_id: str) -> tuple[VersionEntry, ...]:
        """Every known version of a list, oldest first."""
        return self.history(list_id).versions

    def load(self, list_id: str, version: str) -> SelectionList:
        """Load a version of one of the workspace's lists."""
        return load_in(self.folder, list_id, version)

    def init(self, list_id: str, *, title: str | None = None) -> Path:
        """Start a list: write its empty index, ``versions/<list>/index.yaml``.

        Raises:
            InvalidName: *list_id* is no usable list name.
            PublishedVersion: The workspace has that list already.
        """
        path = self.folder / check_portable(check_list_id(list_id), "list name") / INDEX_NAME
        refuse_links(self.folder, path)
        if path.exists():
            msg = say(
                "list-exists",
                "{path}: the workspace has a list {list_id!r} already; its index is left as it is",
                path=path,
                list_id=list_id,
            )
            raise PublishedVersion(msg)
        title = (title or list_id).strip() or list_id
        with index_locked(path.parent):
            write_index(ListIndex(list_id, title), path, exclusive=True)
        return path

    def add(self, selection_list: SelectionList) -> Added:
        """Write a version into its list, and record it in the list's index.

        A published version (ter inzage, ontwerp, vastgesteld, ingetrokken) has
        its SHA-256 recorded in the index as it is written, so ``verify``
        holds at once; importing it again unchanged changes nothing.

        A list's first version is written as it is. A later one whose ids
        were made from numbers is first linked to the latest earlier version
        with text: each category takes the id of the category it matches by
        content (see :func:`selectielijst.diff`), and the review says what
        was taken for what. A version not yet published (concept) may be
        added again; a published one may not change.

        One writer at a time changes a list: the index is read, changed and
        written under its lock (``versions/LIST/.index.lock``), so
        versions imported at once all land in it. Nothing is written through a
        symbolic link inside the workspace's ``versions/``.

        Raises:
            InvalidName: The label is a name Windows keeps for a device, ends
                in a dot, or differs from a version there is only in letter case.
            UnknownList: The workspace has no such list; ``init`` it first.
            PublishedVersion: That version was published with other content.
            UnsafePath: The list's folder, the version's folder, its snapshot
                or the index is a symbolic link (or the file is no regular file).
            WorkspaceBusy: Another writer held the list's index too long.
        """
        list_id = selection_list.id
        if not self.has_list(list_id):
            msg = say(
                "unknown-workspace-list",
                "the workspace {root} has no list {list_id!r}; start it with `selectielijst init"
                " {list_id}`",
                root=self.root,
                list_id=list_id,
            )
            raise UnknownList(msg)
        label = check_portable(check_label(selection_list.version.label), "version label")
        path = self.folder / list_id / label / SNAPSHOT_NAME
        for target in (path, self.folder / list_id / INDEX_NAME):
            refuse_links(self.folder, target)
        with index_locked(self.folder / list_id):  # read, change and write by one writer at once
            return self._add(selection_list, path)

    def _add(self, selection_list: SelectionList, path: Path) -> Added:
        """:meth:`add`, under the lock of the list's index."""
        list_id, label = selection_list.id, selection_list.version.label
        index = self.history(list_id)
        twin = next(
            (
                e.label
                for e in index.versions
                if e.label != label and e.label.casefold() == label.casefold()
            ),
            None,
        )
        if twin is not None:
            msg = say(
                "label-differs-in-case",
                "{list_id}@{label} differs from version {twin!r} only in letter case; on Windows"
                " and macOS the two would be one folder: use the label of the version there is",
                list_id=list_id,
                label=label,
                twin=twin,
            )
            raise InvalidName(msg)
        earlier = _earlier_with_text(index, label)
        review = None
        if earlier:
            previous = self.load(list_id, earlier[-1].label)
            taken = {
                c.id
                for entry in earlier[:-1]
                for _, c in self.load(list_id, entry.label).categories()
            }
            linked = link(previous, selection_list, taken=taken)
            selection_list, review = linked.selection_list, linked.review
        known = next((e for e in index.versions if e.label == label), None)
        if known is not None and known.status.published and known.sha256 is not None:
            if path.is_file() and digest(path) == known.sha256 and _same_text(path, selection_list):
                return Added(path, known, selection_list, review)  # imported again, unchanged
            msg = say(
                "published-digest-recorded",
                "{list_id}@{label} was published ({value}) and its digest recorded; import the"
                " changes as a new version",
                list_id=list_id,
                label=label,
                value=known.status.value,
            )
            raise PublishedVersion(msg)
        write(selection_list, path)
        version = selection_list.version
        entry = VersionEntry(
            label,
            version.status,
            date=version.date,
            snapshot=f"{label}/{SNAPSHOT_NAME}",
            notes=known.notes if known is not None else (),
            sha256=digest(path) if version.status.published else None,  # verify holds at once
        )
        entries = [entry if e.label == label else e for e in index.versions]
        if known is None:
            entries.append(entry)
        write_index(
            attrs.evolve(index, versions=tuple(entries)), self.folder / list_id / INDEX_NAME
        )
        return Added(path, entry, selection_list, review)

    def verify(
        self, list_id: str | None = None, *, deep: bool = False
    ) -> tuple[IntegrityProblem, ...]:
        """Check every snapshot of a list (or of all lists) against its index."""
        return verify_in(self.folder, list_id, deep=deep)

    def record_digests(self, list_id: str) -> tuple[str, ...]:
        """Record the SHA-256 of every snapshot of a list whose index entry has none yet."""
        return record_digests_in(self.folder, list_id)


def _same_text(path: Path, selection_list: SelectionList) -> bool:
    """Whether the snapshot at *path* holds exactly the canonical text of *selection_list*."""
    return path.read_bytes() == dumps(selection_list, file=str(path)).encode("utf-8")


def _earlier_with_text(index: ListIndex, label: str) -> list[VersionEntry]:
    """The versions with text that come before *label* (all of them, for a new label)."""
    earlier = []
    for entry in index.versions:
        if entry.label == label:
            break
        if entry.has_text:
            earlier.append(entry)
    return earlier


def find_workspace(start: Path | None = None) -> Workspace | None:
    """The workspace in force: ``SELECTIELIJST_ROOT``, or the nearest one upward.

    Looking upward from *start* (the current folder by default), the first
    folder whose ``versions/`` holds a list's ``index.yaml`` is the workspace.

    >>> import tempfile
    >>> empty = Path(tempfile.mkdtemp())
    >>> find_workspace(empty) is None
    True
    >>> _ = Workspace(empty).init("mijnlijst")
    >>> find_workspace(empty / "versions" / "mijnlijst") == Workspace(empty.resolve())
    True

    Raises:
        UnknownWorkspace: ``SELECTIELIJST_ROOT`` names a folder that does not exist.
    """
    named = os.environ.get(ROOT_VARIABLE)
    if named:
        root = usable_path(named)
        if not root.is_dir():
            msg = say(
                "root-variable-not-folder",
                "{ROOT_VARIABLE} names {named!r}, which is not a folder",
                ROOT_VARIABLE=ROOT_VARIABLE,
                named=named,
            )
            raise UnknownWorkspace(msg)
        return Workspace(root)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if any((folder / FOLDER).glob(f"*/{INDEX_NAME}")):
            return Workspace(folder)
    return None


def resolve_list(list_id: str, workspace: Workspace | None = None) -> Workspace:
    """The workspace that holds *list_id*: the one in force, or else the shipped lists.

    Raises:
        UnknownList: Neither has the list; the message names the lists there are.
    """
    workspace = workspace if workspace is not None else find_workspace()
    check_list_id(list_id)
    if workspace is not None and workspace.has_list(list_id):
        return workspace
    shipped = Workspace.shipped()
    if shipped.has_list(list_id):
        return shipped
    known = ", ".join(shipped.lists())
    if workspace is not None and workspace.folder.resolve() != shipped.folder.resolve():
        own = ", ".join(workspace.lists()) or "none"
        known = f"{own} in the workspace {workspace.root}; {known} shipped"
    msg = say(
        "unknown-workspace-or-shipped-list",
        "there is no list {list_id!r} (known lists: {known}); start one with `selectielijst init"
        " {list_id}`",
        list_id=list_id,
        known=known,
    )
    raise UnknownList(msg)


def load_spec(spec: str, *, workspace: Workspace | None = None) -> SelectionList:
    """Load ``LIST@VERSION``, a snapshot file, or a folder holding ``list.yaml``.

    ``LIST@VERSION`` is looked up in the workspace in force (see
    :func:`~selectielijst.workspace.find_workspace`), then among the shipped lists; a list of the
    workspace hides a shipped list of the same name.

    >>> load_spec("mivd@0.16").version.label
    '0.16'

    Raises:
        InvalidName: *spec* is neither a version's name nor an existing path.
        UnknownList: No such list, in the workspace or shipped.
        UnknownVersion: The list has no such version.
    """
    path = usable_path(spec)
    if path.exists():
        return read(path / SNAPSHOT_NAME if path.is_dir() else path)
    if "@" not in spec:
        msg = say(
            "unknown-spec",
            "{spec!r} is neither LIST@VERSION (e.g. mivd@0.16) nor an existing file or folder",
            spec=spec,
        )
        raise InvalidName(msg)
    list_id, _, label = spec.partition("@")
    return _load(list_id, label, workspace)


Root = str | os.PathLike[str] | None
"""A workspace's folder (the one holding ``versions/``), or ``None`` for the one in force."""


def lists(*, root: Root = None) -> tuple[str, ...]:
    """The lists there are: the workspace's own and the shipped ones, sorted.

    The workspace is *root* (the folder holding ``versions/``, as ``--root``
    on the command line), or else the one in force: ``SELECTIELIJST_ROOT``, or
    the nearest upward from the current folder. Outside any, only the shipped
    lists.

    >>> lists()
    ('mivd', 'voorbeeld')

    Raises:
        TypeError: *root* is neither a path nor ``None``.
        UnknownWorkspace: *root* is not a folder.
    """
    workspace = workspace_at(root)
    own = workspace.lists() if workspace is not None else ()
    return tuple(sorted({*own, *Workspace.shipped().lists()}))


def history(list_id: str, *, root: Root = None) -> ListIndex:
    """The index of a list: its title and every known version, oldest first.

    Found as :func:`~selectielijst.load` finds it: in the workspace first, then the shipped lists.

    >>> history("mivd").title
    'Generieke Selectielijst MIVD'
    """
    list_id = _text("list_id", list_id)
    return resolve_list(list_id, workspace_at(root)).history(list_id)


def versions(list_id: str, *, root: Root = None) -> tuple[VersionEntry, ...]:
    """Every known version of a list, oldest first, including those without text.

    >>> [(v.label, v.status.value, v.has_text) for v in versions("mivd")][0]
    ('0.16', 'ter inzage', True)
    """
    return history(list_id, root=root).versions


def load(list_id: str, version: str, *, root: Root = None) -> SelectionList:
    """Load a version of a list: from the workspace, else among the shipped lists.

    The command line finds ``LIST@VERSION`` the same way: a list of the
    workspace (*root*, or the one in force) hides a shipped list of the same name.

    >>> load("mivd", "0.16").sections[0].title
    'Internationaal'

    Raises:
        TypeError: An argument is of the wrong type (the message names it).
        UnknownList: No such list, in the workspace or shipped.
        UnknownVersion: The list has no such version.
        TextNotAvailable: The version is known, but its text is not.
    """
    return _load(_text("list_id", list_id), _text("version", version), workspace_at(root))


def workspace_at(root: Root) -> Workspace | None:
    """The workspace *root* names, or the one in force when it is ``None``.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> workspace_at(folder).folder.name
    'versions'
    >>> workspace_at(3)
    Traceback (most recent call last):
    ...
    TypeError: root is a workspace's folder, as str or Path; got int

    Raises:
        TypeError: *root* is neither a path nor ``None``.
        UnknownWorkspace: *root* is not a folder.
    """
    if root is None:
        return find_workspace()
    if not isinstance(root, str | os.PathLike):
        msg = say(
            "root-type",
            "root is a workspace's folder, as str or Path; got {name__}",
            name__=type(root).__name__,
        )
        raise TypeError(msg)
    folder = usable_path(root)
    if not folder.is_dir():
        msg = say(
            "root-not-folder",
            "root names {value!r}, which is not a folder (the one holding versions/)",
            value=str(folder),
        )
        raise UnknownWorkspace(msg)
    return Workspace(folder)


def _text(name: str, value: object) -> str:
    """*value*, an argument that must be text; a TypeError naming it otherwise."""
    if not isinstance(value, str):
        msg = say(
            "name-not-text",
            "{name} is text, such as 'mivd' or '0.16'; got {name__}",
            name=name,
            name__=type(value).__name__,
        )
        raise TypeError(msg)
    return value


def _load(list_id: str, label: str, workspace: Workspace | None) -> SelectionList:
    """Version *label* of *list_id*, from *workspace* (or the one in force) or the shipped lists."""
    holder = resolve_list(list_id, workspace)
    try:
        return holder.load(list_id, label)
    except UnknownVersion as e:
        shipped = Workspace.shipped()
        if holder.folder.resolve() != shipped.folder.resolve() and shipped.has_list(list_id):
            msg = say(
                "list-hides-shipped",
                "{e} in the workspace {root}; its list {list_id!r} hides the shipped list of that"
                " name (set {ROOT_VARIABLE} to another folder to reach it)",
                e=e,
                root=holder.root,
                list_id=list_id,
                ROOT_VARIABLE=ROOT_VARIABLE,
            )
            raise UnknownVersion(msg) from e
        raise


def verify(
    list_id: str | None = None, *, root: Root = None, deep: bool = False
) -> tuple[IntegrityProblem, ...]:
    """Check every snapshot of a list (or of all lists of the workspace) against its index.

    Outside a workspace, and without *root*, the shipped lists are checked.
    See :meth:`~selectielijst.Workspace.verify`.

    >>> verify()
    ()
    """
    return (workspace_at(root) or Workspace.shipped()).verify(list_id, deep=deep)


def record_digests(list_id: str, *, root: Root = None) -> tuple[str, ...]:
    """Record the SHA-256 of every snapshot of a list whose index entry has none yet.

    Digests already recorded are never changed: that is what makes them worth
    checking. Returns the labels of the versions recorded.

    >>> record_digests("mivd")  # every shipped version has its digest already
    ()
    """
    return resolve_list(_text("list_id", list_id), workspace_at(root)).record_digests(list_id)


def previous_version(spec: str, *, workspace: Workspace | None = None) -> str | None:
    """The latest version with text before ``LIST@VERSION`` in its list, as ``LIST@VERSION``.

    ``None`` for a list's first version, and for a path (a file has no list).

    >>> previous_version("voorbeeld@2.0")
    'voorbeeld@1.0'
    >>> previous_version("voorbeeld@1.0") is None
    True

    Raises:
        UnknownList: No such list, in the workspace or shipped.
    """
    if "@" not in spec or usable_path(spec).exists():
        return None
    list_id, _, label = spec.partition("@")
    earlier = None
    for entry in resolve_list(list_id, workspace).versions(list_id):
        if entry.label == label:
            return f"{list_id}@{earlier}" if earlier else None
        if entry.has_text:
            earlier = entry.label
    return None


def snapshot_path(spec: str, *, workspace: Workspace | None = None) -> Path:
    """The snapshot file that ``LIST@VERSION`` or a path names (it need not exist yet).

    Raises:
        UnknownList: No such list.
        UnknownVersion: The list has no such version.
        TextNotAvailable: The version is known without its text.
    """
    path = usable_path(spec)
    if path.exists() or "@" not in spec:
        return path / SNAPSHOT_NAME if path.is_dir() else path
    list_id, _, label = spec.partition("@")
    holder = resolve_list(list_id, workspace)
    entry = next((e for e in holder.versions(list_id) if e.label == label), None)
    if entry is None:
        known = ", ".join(e.label for e in holder.versions(list_id)) or "none"
        msg = say(
            "unknown-version",
            "list {list_id!r} has no version {label!r} (versions: {known})",
            list_id=list_id,
            label=label,
            known=known,
        )
        raise UnknownVersion(msg)
    if entry.snapshot is None:
        msg = say(
            "text-not-available",
            "the text of {list_id}@{version} ({value}) is not available",
            list_id=list_id,
            version=label,
            value=entry.status.value,
        )
        raise TextNotAvailable(msg)
    return holder.folder / list_id / entry.snapshot


def list_folder(path: str | os.PathLike[str]) -> tuple[str, Workspace] | None:
    """For a folder holding an ``index.yaml``, the list's id and a workspace around it."""
    folder = usable_path(path)
    if (folder / INDEX_NAME).is_file():
        resolved = folder.resolve()
        return resolved.name, Workspace(resolved.parent.parent, resolved.parent)
    return None
