"""Rendering in detail: formats, languages, labels, and a version as text.

The main entry points (:func:`~selectielijst.render`,
:func:`~selectielijst.render_bytes`) are in the package itself; here are the
vocabulary they take and the words they use.

>>> from selectielijst.rendering import Format, Language, label
>>> Format.MARKDOWN.value, label("withdrawn", Language.NL), label("withdrawn", Language.EN)
('markdown', 'Vervallen', 'Withdrawn')
"""

import importlib
from typing import TYPE_CHECKING

from selectielijst._history import changelog_bytes
from selectielijst._render import (
    LANGUAGE_VARIABLE,
    Format,
    Language,
    kind_label,
    label,
    language_chosen,
    render,
    render_bytes,
    status_words,
)

if TYPE_CHECKING:
    from selectielijst._render import list_as_text, mark_up

__all__ = [
    "LANGUAGE_VARIABLE",
    "Format",
    "Language",
    "changelog_bytes",
    "kind_label",
    "label",
    "language_chosen",
    "list_as_text",
    "mark_up",
    "render",
    "render_bytes",
    "status_words",
]


_WHEN_USED = frozenset({"list_as_text", "mark_up"})
"""Names loaded when first asked for: the version as text and as a marked-up page."""


def __getattr__(name: str) -> object:
    """A name of :data:`_WHEN_USED`, loaded now and kept."""
    if name not in _WHEN_USED:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    found = getattr(importlib.import_module("selectielijst._render"), name)
    globals()[name] = found
    return found


def __dir__() -> list[str]:
    return __all__
