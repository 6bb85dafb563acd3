"""Sphinx configuration for the selectielijst documentation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _generate  # noqa: E402  # the generator lives beside this file

project = "selectielijst"
author = "The selectielijst developers"
copyright = "2026, the selectielijst developers"  # Sphinx's name for it

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx_click",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "samples"]
html_theme = "furo"
html_title = "selectielijst"
language = "en"

nitpicky = True
# No intersphinx (the build runs without network): standard-library and
# third-party types are named but not linked, and private types are not listed.
nitpick_ignore_regex = [
    (r"py:(class|attr|obj)", r"(pathlib|datetime|collections\.abc|os|typing|cattrs(\..*)?)\..*"),
    (r"py:class", r"(pyarrow|duckdb)\..*"),  # no intersphinx: the docs build offline
    (r"py:(class|attr|obj)", r"selectielijst\._.*"),
    (r"py:class", r"Path"),
    # The change records are documented under the names the package re-exports them by.
    (
        r"py:(class|func)",
        (
            r"selectielijst\.changes\.(Change|ChangeKind|ChangeSet|ConcordanceRow|Direction"
            r"|Field|Heading|Segment|SegmentKind|Significance|read_changes|Row)"
        ),
    ),
]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
myst_enable_extensions = ["colon_fence", "deflist", "strikethrough"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header", "myst.strikethrough"]  # strikethrough marks removed words

doctest_global_setup = "import selectielijst"
# Docstring examples run under pytest --doctest-modules; here only the pages.
doctest_test_doctest_blocks = ""

_generate.lists_pages(HERE / "lists")


def _defining_docs(name: str, value: object) -> list[str] | None:
    """The doc comment of *value* where the library defines it, for a name a public face re-exports.

    A constant imported into a public module has no doc comment there, and
    autodoc would show its type's docstring (``str(object='') -> str``). The
    doc is written once, beside the definition; this finds it.
    """
    from sphinx.pycode import ModuleAnalyzer, PycodeError  # noqa: PLC0415  # only in a build

    for module_name, module in sorted(sys.modules.items()):
        if (
            not module_name.startswith("selectielijst._")
            or getattr(module, name, None) is not value
        ):
            continue
        try:
            docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        except PycodeError:
            continue
        if ("", name) in docs:
            return list(docs["", name])
    return None


def _process_docstring(  # noqa: PLR0913, PLR0917  # autodoc's signature
    app: object, what: str, name: str, value: object, options: object, lines: list[str]
) -> None:
    """Replace a re-exported constant's inherited type docstring with its own doc comment."""
    if what != "data" or not name.startswith("selectielijst."):
        return
    own = _defining_docs(name.rsplit(".", 1)[1], value)
    if own is not None:
        lines[:] = own


def setup(app: Any) -> None:
    """Connect the hook that documents re-exported constants."""
    app.connect("autodoc-process-docstring", _process_docstring)
