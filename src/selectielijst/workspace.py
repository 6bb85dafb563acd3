"""Where versions live: workspaces of one's own, the shipped lists, indexes and identity.

>>> from selectielijst.workspace import Workspace
>>> Workspace.shipped().lists()
('mivd', 'voorbeeld')
"""

from selectielijst._identity import Linked, Review, link
from selectielijst._model import ListIndex, VersionEntry
from selectielijst._store import history, versions_folder
from selectielijst._workspace import ROOT_VARIABLE, Added, Workspace, find_workspace

__all__ = [
    "ROOT_VARIABLE",
    "Added",
    "Linked",
    "ListIndex",
    "Review",
    "VersionEntry",
    "Workspace",
    "find_workspace",
    "history",
    "link",
    "versions_folder",
]
