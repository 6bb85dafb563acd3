"""Dutch archival selection lists as code: typed versions, snapshots and semantic diffs.

The package holds the main job: load or read a version, compare two, render
the change log, look up a category's retention, import and export. The parts
they are made of are in public submodules: :mod:`selectielijst.model` (the
records of a list), :mod:`selectielijst.changes` (the change records),
:mod:`selectielijst.errors` (every error), :mod:`selectielijst.workspace`
(where versions live), :mod:`selectielijst.snapshots` (the file format),
:mod:`selectielijst.io` (import and export in detail),
:mod:`selectielijst.rendering` (formats, languages, labels),
:mod:`selectielijst.lookup` (the answers of lookups),
:mod:`selectielijst.holdings` (records in bulk: the destruction list, computed
by DuckDB or Spark), :mod:`selectielijst.integrity` (published digests) and
:mod:`selectielijst.files` (atomic writes).

>>> import selectielijst
>>> mivd = selectielijst.load("mivd", "0.16")
>>> mivd.version.status
<Status.TER_INZAGE: 'ter inzage'>
"""

import importlib
import warnings
from typing import TYPE_CHECKING

from selectielijst import errors
from selectielijst._changes import Change, ChangeKind, ChangeSet, read_changes
from selectielijst._diff import diff, trace
from selectielijst._model import (
    Category,
    Duration,
    Section,
    SelectionList,
    Status,
    Term,
    Valuation,
    retention,
    search,
)
from selectielijst._render import render, render_bytes
from selectielijst._storage import read, write
from selectielijst._workspace import Workspace, lists, load, versions
from selectielijst.errors import SelectielijstError

if TYPE_CHECKING:
    from selectielijst._history import changelog
    from selectielijst._io import export, import_table, import_vng

__all__ = [
    "Category",
    "Change",
    "ChangeKind",
    "ChangeSet",
    "Duration",
    "Section",
    "SelectielijstError",
    "SelectionList",
    "Status",
    "Term",
    "Valuation",
    "Workspace",
    "__version__",
    "changelog",
    "diff",
    "export",
    "import_table",
    "import_vng",
    "lists",
    "load",
    "read",
    "read_changes",
    "render",
    "render_bytes",
    "retention",
    "search",
    "trace",
    "versions",
    "write",
]

_MOVED = {
    **dict.fromkeys(
        (name for name in errors.__all__ if name != "SelectielijstError"), "selectielijst.errors"
    ),
    **dict.fromkeys(
        (
            "CategoryStatus",
            "Comparison",
            "Criterion",
            "IdSource",
            "KeepPart",
            "ValuationKind",
            "VersionInfo",
        ),
        "selectielijst.model",
    ),
    **dict.fromkeys(("Direction", "Field", "Significance"), "selectielijst.changes"),
    **dict.fromkeys(
        ("NotationError", "import_vng_api", "read_export"),
        "selectielijst.io",
    ),
    **dict.fromkeys(
        ("Format", "Language", "changelog_bytes", "mark_up"),
        "selectielijst.rendering",
    ),
    "load_spec": "selectielijst.workspace",
}
"""Names the package held before 0.2, and the public module that holds each now."""


_WHEN_USED = {
    "changelog": "selectielijst._history",
    "export": "selectielijst._io",
    "import_table": "selectielijst._io",
    "import_vng": "selectielijst._io",
}
"""Names of the package loaded when first asked for, with the modules that hold them."""

_MODULES = frozenset({
    "changes", "errors", "files", "holdings", "integrity", "io", "lookup", "model", "rendering",
    "snapshots", "workspace",
})  # fmt: skip
"""The public modules, reached as ``selectielijst.changes`` after ``import selectielijst``."""


def __getattr__(name: str) -> object:
    """``__version__``, read when first asked; a public module; a name that moved, with a warning.

    >>> import selectielijst
    >>> selectielijst.changes.Direction.SHORTER.value
    'shorter'
    """
    if name == "__version__":
        return _version()
    if name in _MODULES:
        return importlib.import_module(f"selectielijst.{name}")
    if name in _WHEN_USED:  # loaded when first used: a diff needs no importers
        found = getattr(importlib.import_module(_WHEN_USED[name]), name)
        globals()[name] = found
        return found
    module = _MOVED.get(name)
    if module is None:
        msg = f"module 'selectielijst' has no attribute {name!r}"
        raise AttributeError(msg)
    warnings.warn(
        f"selectielijst.{name} is now {module}.{name}; import it from there",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(module), name)


def _version() -> str:
    """The installed distribution's version (``0+unknown`` in a source tree not installed)."""
    import importlib.metadata  # noqa: PLC0415  # only when the version is asked for

    try:
        return importlib.metadata.version("selectielijst")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def __dir__() -> list[str]:
    return __all__
