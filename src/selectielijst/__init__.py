"""Dutch archival selection lists as code: typed versions, snapshots and semantic diffs.

>>> import selectielijst
>>> mivd = selectielijst.load("mivd", "0.16")
>>> mivd.version.status
<Status.TER_INZAGE: 'ter inzage'>
"""

from selectielijst._converter import make_converter
from selectielijst._diff import diff
from selectielijst._duration import Comparison, Duration, Term
from selectielijst._errors import (
    ChangeSetMismatch,
    DocumentErrors,
    InvalidDocument,
    InvalidDuration,
    InvalidName,
    InvalidRecord,
    PublishedVersion,
    SelectielijstError,
    TextNotAvailable,
    UnknownCategory,
    UnknownFormat,
    UnknownList,
    UnknownSection,
    UnknownVersion,
    UnknownWorkspace,
)
from selectielijst._history import changelog
from selectielijst._identity import Review
from selectielijst._integrity import IntegrityProblem, record_digests, verify
from selectielijst._io._export import export, export_bytes, read_export
from selectielijst._io._notation import NotationError, Reading, read_term, read_valuation
from selectielijst._io._table import (
    Columns,
    Imported,
    ImportNote,
    TableOptions,
    import_table,
    read_mapping,
)
from selectielijst._io._vng import import_vng, import_vng_api
from selectielijst._lookup import Hit, search
from selectielijst._model import (
    Category,
    CategoryStatus,
    Criterion,
    IdSource,
    KeepPart,
    ListIndex,
    Section,
    SelectionList,
    Status,
    Valuation,
    ValuationKind,
    VersionEntry,
    VersionInfo,
)
from selectielijst._render import Format, Language, mark_up, render
from selectielijst._retention import Outcome, Retention, add_duration, retention
from selectielijst._snapshot import FORMAT, dumps, loads, read, write
from selectielijst._store import history, lists, load, versions, versions_folder
from selectielijst._trace import Trace, trace
from selectielijst._workspace import Added, Workspace, find_workspace, load_spec
from selectielijst.changes import (
    Change,
    ChangeKind,
    ChangeSet,
    ConcordanceRow,
    Direction,
    Field,
    Heading,
    Segment,
    SegmentKind,
    Significance,
    read_changes,
)

__all__ = [
    "FORMAT",
    "Added",
    "Category",
    "CategoryStatus",
    "Change",
    "ChangeKind",
    "ChangeSet",
    "ChangeSetMismatch",
    "Columns",
    "Comparison",
    "ConcordanceRow",
    "Criterion",
    "Direction",
    "DocumentErrors",
    "Duration",
    "Field",
    "Format",
    "Heading",
    "Hit",
    "IdSource",
    "ImportNote",
    "Imported",
    "IntegrityProblem",
    "InvalidDocument",
    "InvalidDuration",
    "InvalidName",
    "InvalidRecord",
    "KeepPart",
    "Language",
    "ListIndex",
    "NotationError",
    "Outcome",
    "PublishedVersion",
    "Reading",
    "Retention",
    "Review",
    "Section",
    "Segment",
    "SegmentKind",
    "SelectielijstError",
    "SelectionList",
    "Significance",
    "Status",
    "TableOptions",
    "Term",
    "TextNotAvailable",
    "Trace",
    "UnknownCategory",
    "UnknownFormat",
    "UnknownList",
    "UnknownSection",
    "UnknownVersion",
    "UnknownWorkspace",
    "Valuation",
    "ValuationKind",
    "VersionEntry",
    "VersionInfo",
    "Workspace",
    "add_duration",
    "changelog",
    "diff",
    "dumps",
    "export",
    "export_bytes",
    "find_workspace",
    "history",
    "import_table",
    "import_vng",
    "import_vng_api",
    "lists",
    "load",
    "load_spec",
    "loads",
    "make_converter",
    "mark_up",
    "read",
    "read_changes",
    "read_export",
    "read_mapping",
    "read_term",
    "read_valuation",
    "record_digests",
    "render",
    "retention",
    "search",
    "trace",
    "verify",
    "versions",
    "versions_folder",
    "write",
]
