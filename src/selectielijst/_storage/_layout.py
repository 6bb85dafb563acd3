"""The canonical layout of a snapshot, shared by both YAML writers and the readers.

What the key order is, which texts need escapes, how deep a document may be,
and a loaded document with its lines: nothing here needs ruamel, so reading
and writing by the fast path never imports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["KEY_ORDER", "MAX_DEPTH", "Loaded", "needs_escapes", "ordered"]

MAX_DEPTH = 64
"""Deeper nesting than this is no snapshot; refusing it keeps recursion bounded."""

KEY_ORDER = (
    "format", "list", "id", "number", "label", "title", "organisation", "transfer", "name",
)  # fmt: skip
"""Keys written first, in this order; the rest follow in the record's field order."""


@attrs.frozen
class Loaded:
    """A parsed YAML document as plain data, with the 1-based line of each path."""

    data: Any
    lines: Mapping[str, int]

    def line_of(self, path: str) -> int | None:
        """The line of *path*, or of the nearest enclosing path that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines.get("$")


def ordered(mapping: Mapping[str, Any]) -> list[str]:
    """The keys of *mapping* in the canonical order: the known ones first, in their order."""
    return sorted(mapping, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else len(KEY_ORDER))


def needs_escapes(text: str) -> bool:
    r"""Whether *text* holds a character that only a double-quoted scalar keeps as it is.

    Control characters (a vertical tab from a Word line break, ESC, NUL),
    carriage returns and the Unicode line separators would be read back as
    something else, or not at all, from a plain or literal scalar.

    A text of several lines that holds a tab is one too: libyaml refuses a
    tab where a literal block's indentation is, and a tab before the kept
    blank lines at a block's end does not come back as written.

    >>> needs_escapes("regel\vnieuwe regel"), needs_escapes("twee\nregels")
    (True, False)
    >>> needs_escapes("een\n\tingesprongen regel")
    True
    """
    if not text.replace("\n", "").replace("\t", "").isprintable():  # a pass in C, not a loop
        return True
    return "\n" in text and "\t" in text
