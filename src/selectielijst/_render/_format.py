"""The formats change logs are rendered in, and the languages of their labels."""

from __future__ import annotations

import enum

from selectielijst._render._labels import Language
from selectielijst.errors import UnknownFormat

__all__ = ["Format", "language_named"]


class Format(enum.Enum):
    """The formats a change log can be rendered in."""

    MARKDOWN = "markdown"
    RST = "rst"
    HTML = "html"
    JSON = "json"
    TEXT = "text"
    DOCX = "docx"
    """Word, as overviews of changes are usually published."""
    XLSX = "xlsx"
    """A change table, one row per change, with a column for the reasons."""

    @property
    def binary(self) -> bool:
        """Whether the format is bytes (Word, XLSX) rather than text."""
        return self in {Format.DOCX, Format.XLSX}

    @classmethod
    def for_path(cls, path: str) -> Format | None:
        """The format a file name's suffix stands for, if any.

        >>> Format.for_path("wijzigingen.docx"), Format.for_path("lijst.pdf")
        (<Format.DOCX: 'docx'>, None)
        """
        suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        suffixes = {"md": cls.MARKDOWN, "htm": cls.HTML, "txt": cls.TEXT}
        if suffix in suffixes:
            return suffixes[suffix]
        return next((f for f in cls if f.value == suffix), None)

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
        aliases = {
            "md": cls.MARKDOWN,
            "restructuredtext": cls.RST,
            "txt": cls.TEXT,
            "word": cls.DOCX,
        }
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
