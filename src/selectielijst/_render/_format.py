"""The formats change logs are rendered in, and the languages of their labels."""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping

from selectielijst._i18n import say
from selectielijst._render._labels import Language
from selectielijst.errors import UnknownFormat

__all__ = ["LANGUAGE_VARIABLE", "Format", "language_chosen", "language_named"]


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
            msg = say(
                "unknown-format",
                "unknown format {name!r}; choose one of {names} (or md)",
                name=name,
                names=names,
            )
            raise UnknownFormat(msg) from None


LANGUAGE_VARIABLE = "SELECTIELIJST_LANG"
"""The environment variable that names the language of a run: ``nl`` or ``en``."""

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The locale's variables, the first that is set deciding (as POSIX has it)."""


def language_chosen(environ: Mapping[str, str] | None = None) -> Language:
    """The language the environment asks for: ``SELECTIELIJST_LANG``, else the locale, else Dutch.

    The locale counts when its language is Dutch or English (``nl_NL.UTF-8``,
    ``en_GB.UTF-8``); any other locale, or none, gives Dutch.

    >>> language_chosen({"LANG": "en_GB.UTF-8"}), language_chosen({"LANG": "de_DE.UTF-8"})
    (<Language.EN: 'en'>, <Language.NL: 'nl'>)
    >>> language_chosen({"SELECTIELIJST_LANG": "nl", "LC_ALL": "en_US.UTF-8"})
    <Language.NL: 'nl'>

    Raises:
        UnknownFormat: ``SELECTIELIJST_LANG`` names another language.
    """
    environ = os.environ if environ is None else environ
    named = environ.get(LANGUAGE_VARIABLE, "").strip()
    if named:
        try:
            return Language(named.lower())
        except ValueError:
            msg = say(
                "unknown-language-variable",
                "{variable}={value!r} names no language of this tool; use nl or en",
                variable=LANGUAGE_VARIABLE,
                value=named,
            )
            raise UnknownFormat(msg) from None
    for variable in _LOCALE_VARIABLES:
        locale = environ.get(variable, "").strip()
        if locale:
            code = locale.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            return Language(code) if code in {"nl", "en"} else Language.NL
    return Language.NL


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
        msg = say(
            "unknown-language",
            "unknown language {name!r}; the labels are written in {choices}",
            name=name,
            choices=choices,
        )
        raise UnknownFormat(msg) from None
