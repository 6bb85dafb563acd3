"""The compiled catalogs, read through :mod:`gettext`: one per language but English.

The messages are written in English, so English needs no catalog: a message
is its own English text.
"""

from __future__ import annotations

import functools
import gettext
import os
from pathlib import Path

from selectielijst._i18n._language import Language

__all__ = ["DOMAIN", "LOCALE_DIR", "speaks_catalog", "translated", "translated_plural"]

DOMAIN = "selectielijst"
LOCALE_DIR = Path(__file__).parent / "locale"


@functools.cache
def _catalog(language: Language) -> gettext.NullTranslations:
    if language is Language.EN:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language.value])


def speaks_catalog(language: Language) -> None:
    """Let the libraries that say things through gettext's own functions speak *language*.

    An application chooses its gettext domain; click, for one, says its usage
    errors and help through :func:`gettext.gettext`. The command line makes
    our catalog that domain, and its language the run's (through
    ``LANGUAGE``, which gettext reads first), so click's words are ours.
    """
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language.value


def translated(text: str, language: Language, context: str | None = None) -> str:
    """*text*, an English message, in *language*; *context* tells apart equal English words.

    >>> translated("Valuation", Language.NL), translated("withdrawn", Language.NL, "status")
    ('Waardering', 'ingetrokken')
    """
    catalog = _catalog(language)
    return catalog.gettext(text) if context is None else catalog.pgettext(context, text)


def translated_plural(
    singular: str, plural: str, count: int, language: Language, context: str | None = None
) -> str:
    """The form of *singular*/*plural* that *count* takes in *language*."""
    catalog = _catalog(language)
    if context is None:
        return catalog.ngettext(singular, plural, count)
    return catalog.npgettext(context, singular, plural, count)
