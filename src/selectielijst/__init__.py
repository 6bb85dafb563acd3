"""Dutch archival selection lists as code: typed versions, snapshots and semantic diffs.

The package holds the main job: load or read a version, compare two, render
the change log, look up a category's retention, import and export. The parts
they are made of are in public submodules: :mod:`selectielijst.changes` (the
change records), :mod:`selectielijst.workspace` (where versions live),
:mod:`selectielijst.snapshots` (the file format), :mod:`selectielijst.io`
(import and export in detail), :mod:`selectielijst.lookup` (the answers of
lookups), :mod:`selectielijst.holdings` (records in bulk: the destruction
list, computed by DuckDB) and :mod:`selectielijst.integrity` (published digests).

>>> import selectielijst
>>> mivd = selectielijst.load("mivd", "0.16")
>>> mivd.version.status
<Status.TER_INZAGE: 'ter inzage'>
"""

from selectielijst._changes import (
    Change,
    ChangeKind,
    ChangeSet,
    Direction,
    Field,
    Significance,
    read_changes,
)
from selectielijst._diff import diff, trace
from selectielijst._history import changelog, changelog_bytes
from selectielijst._io import (
    NotationError,
    export,
    import_table,
    import_vng,
    import_vng_api,
    read_export,
)
from selectielijst._model import (
    Category,
    CategoryStatus,
    Comparison,
    Criterion,
    Duration,
    IdSource,
    KeepPart,
    Section,
    SelectionList,
    Status,
    Term,
    Valuation,
    ValuationKind,
    VersionInfo,
    retention,
    search,
)
from selectielijst._render import Format, Language, mark_up, render, render_bytes
from selectielijst._storage import read, write
from selectielijst._workspace import Workspace, lists, load, load_spec, versions
from selectielijst.errors import (
    ChangeSetMismatch,
    DocumentErrors,
    EngineFailed,
    EngineUnavailable,
    InvalidDocument,
    InvalidDuration,
    InvalidName,
    InvalidRecord,
    OverwritesInput,
    PublishedVersion,
    SelectielijstError,
    TextNotAvailable,
    UnknownCategory,
    UnknownFormat,
    UnknownList,
    UnknownSection,
    UnknownVersion,
    UnknownWorkspace,
    UnsafePath,
    WorkspaceBusy,
)

__all__ = [
    "Category",
    "CategoryStatus",
    "Change",
    "ChangeKind",
    "ChangeSet",
    "ChangeSetMismatch",
    "Comparison",
    "Criterion",
    "Direction",
    "DocumentErrors",
    "Duration",
    "EngineFailed",
    "EngineUnavailable",
    "Field",
    "Format",
    "IdSource",
    "InvalidDocument",
    "InvalidDuration",
    "InvalidName",
    "InvalidRecord",
    "KeepPart",
    "Language",
    "NotationError",
    "OverwritesInput",
    "PublishedVersion",
    "Section",
    "SelectielijstError",
    "SelectionList",
    "Significance",
    "Status",
    "Term",
    "TextNotAvailable",
    "UnknownCategory",
    "UnknownFormat",
    "UnknownList",
    "UnknownSection",
    "UnknownVersion",
    "UnknownWorkspace",
    "UnsafePath",
    "Valuation",
    "ValuationKind",
    "VersionInfo",
    "Workspace",
    "WorkspaceBusy",
    "changelog",
    "changelog_bytes",
    "diff",
    "export",
    "import_table",
    "import_vng",
    "import_vng_api",
    "lists",
    "load",
    "load_spec",
    "mark_up",
    "read",
    "read_changes",
    "read_export",
    "render",
    "render_bytes",
    "retention",
    "search",
    "trace",
    "versions",
    "write",
]
