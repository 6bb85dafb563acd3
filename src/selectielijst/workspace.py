"""Where versions live: workspaces of one's own, the shipped lists, indexes and identity.

>>> from selectielijst.workspace import Workspace
>>> Workspace.shipped().lists()
('mivd', 'voorbeeld')
"""

from selectielijst._model import (
    ListIndex,
    VersionEntry,
)
from selectielijst._workspace import (
    ROOT_VARIABLE,
    SNAPSHOT_NAME,
    Added,
    Linked,
    Review,
    Workspace,
    check_label,
    check_list_id,
    find_workspace,
    history,
    link,
    list_folder,
    lists,
    load,
    load_spec,
    previous_version,
    resolve_list,
    snapshot_path,
    versions,
    versions_folder,
    workspace_at,
)

__all__ = [
    "ROOT_VARIABLE",
    "SNAPSHOT_NAME",
    "Added",
    "Linked",
    "ListIndex",
    "Review",
    "VersionEntry",
    "Workspace",
    "check_label",
    "check_list_id",
    "find_workspace",
    "history",
    "link",
    "list_folder",
    "lists",
    "load",
    "load_spec",
    "previous_version",
    "resolve_list",
    "snapshot_path",
    "versions",
    "versions_folder",
    "workspace_at",
]


def __dir__() -> list[str]:
    return __all__
