"""The words a person reads, in the run's language, from gettext message catalogs.

Every sentence the library says to a person is written in English at the
place it is said, with a stable code (``say("unknown-version", ...)``); the
Dutch wording is kept in the catalog ``locale/nl/LC_MESSAGES/selectielijst.po``
and read through :mod:`gettext`. Labels are marked with :func:`marked` and
translated where they are shown. ``python -m selectielijst._i18n`` extracts
the messages, updates the catalogs, compiles them and writes
``docs/errors.md``; a test keeps all four current.
"""

from __future__ import annotations

from selectielijst._i18n._catalog import speaks_catalog, translated, translated_plural
from selectielijst._i18n._language import Language
from selectielijst._i18n._message import (
    Message,
    Spoken,
    date_words,
    marked,
    marked_in,
    number_words,
    said_by,
    say,
    say_counted,
    version_date_words,
)

__all__ = [
    "Language",
    "Message",
    "Spoken",
    "date_words",
    "marked",
    "marked_in",
    "number_words",
    "said_by",
    "say",
    "say_counted",
    "speaks_catalog",
    "translated",
    "translated_plural",
    "version_date_words",
]
