"""The workspace: the one store of lists, the user's first and then the shipped ones.

A list's index and its snapshots, found from the current folder upward like a
git repository; identity carried from one version to the next (which uses the
diff's matching, below it); published digests; the JSON Schemas of its files.
"""

from selectielijst._workspace._identity import Linked, Review, link
from selectielijst._workspace._index import (
    SNAPSHOT_NAME,
    check_label,
    check_list_id,
    versions_folder,
)
from selectielijst._workspace._integrity import IntegrityProblem, digest
from selectielijst._workspace._schema import changeset_schema, index_schema, snapshot_schema
from selectielijst._workspace._workspace import (
    ROOT_VARIABLE,
    Added,
    Root,
    Workspace,
    find_workspace,
    history,
    list_folder,
    lists,
    load,
    load_spec,
    previous_version,
    record_digests,
    resolve_list,
    snapshot_path,
    verify,
    versions,
    workspace_at,
)

__all__ = [
    "ROOT_VARIABLE",
    "SNAPSHOT_NAME",
    "Added",
    "IntegrityProblem",
    "Linked",
    "Review",
    "Root",
    "Workspace",
    "changeset_schema",
    "check_label",
    "check_list_id",
    "digest",
    "find_workspace",
    "history",
    "index_schema",
    "link",
    "list_folder",
    "lists",
    "load",
    "load_spec",
    "previous_version",
    "record_digests",
    "resolve_list",
    "snapshot_path",
    "snapshot_schema",
    "verify",
    "versions",
    "versions_folder",
    "workspace_at",
]
