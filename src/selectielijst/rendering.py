"""Rendering in detail: formats, languages, labels, and a version as text.

The main entry points (:func:`~selectielijst.render`,
:func:`~selectielijst.render_bytes`) are in the package itself; here are the
vocabulary they take and the words they use.

>>> from selectielijst.rendering import Format, Language, label
>>> Format.MARKDOWN.value, label("withdrawn", Language.NL), label("withdrawn", Language.EN)
('markdown', 'Vervallen', 'Withdrawn')
"""

from typing import TYPE_CHECKING

from selectielijst._history import changelog_bytes
from selectielijst._lazy import names_when_used
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


__getattr__ = names_when_used(__name__, {"selectielijst._render": ("list_as_text", "mark_up")})
"""The version as text and as a marked-up page, loaded when first asked for."""


def __dir__() -> list[str]:
    return __all__
