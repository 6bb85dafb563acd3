"""The formats change logs are rendered in, and the languages of their labels."""

from __future__ import annotations

import enum

from selectielijst._errors import UnknownFormat
from selectielijst._render._labels import Language

__all__ = ["Format", "language_named"]


class Format(enum.Enum):
    """The formats a change log can be rendered in."""

    MARKDOWN = "markdown"
    RST = "rst"
    HTML = "html"
    JSON = "json"
    TEXT = "text"

    @classmethod
    def named(cls, name: str) -> Format:
        """The format called *name*; ``md`` is short for Markdown.

        >>> Format.named("md")
        <Format.MARKDOWN: 'markdown'>

        Raises:
            UnknownFormat: No format has that name.
        """
        if isinstance(name, Format):
            return name
        aliases = {"md": cls.MARKDOWN, "restructuredtext": cls.RST, "txt": cls.TEXT}
        key = str(name).lower()
        if key in aliases:
            return aliases[key]
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(f.value for f in cls)
            msg = f"unknown format {name!r}; choose one of {names} (or md)"
            raise UnknownFormat(msg) from None


def language_named(name: str | Language) -> Language:
    """The language called *name* (``nl`` or ``en``).

    Raises:
        UnknownFormat: No language of the labels has that name.
    """
    if isinstance(name, Language):
        return name
    try:
        return Language(str(name).lower())
    except ValueError:
        choices = ", ".join(language.value for language in Language)
        msg = f"unknown language {name!r}; the labels are written in {choices}"
        raise UnknownFormat(msg) from None
