"""The formats change logs are rendered in."""

from __future__ import annotations

import enum

__all__ = ["Format"]


class Format(enum.Enum):
    """The formats a change log can be rendered in."""

    MARKDOWN = "markdown"
    RST = "rst"
    HTML = "html"
    JSON = "json"
    TEXT = "text"

    @classmethod
    def named(cls, name: str) -> Format:
        """The format called *name*; ``md`` is short for Markdown."""
        aliases = {"md": cls.MARKDOWN, "restructuredtext": cls.RST, "txt": cls.TEXT}
        if name.lower() in aliases:
            return aliases[name.lower()]
        try:
            return cls(name.lower())
        except ValueError:
            names = ", ".join(f.value for f in cls)
            msg = f"unknown format {name!r}; choose one of {names} (or md)"
            raise ValueError(msg) from None
