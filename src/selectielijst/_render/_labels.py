"""Every word the renderers show a reader, in Dutch and English, in one place."""

from __future__ import annotations

import enum
from collections.abc import Mapping

__all__ = ["Language", "label"]


class Language(enum.Enum):
    """The language of rendered output."""

    NL = "nl"
    EN = "en"


_LABELS: Mapping[str, tuple[str, str]] = {
    # Lists
    "version": ("Versie", "Version"),
    "status": ("Status", "Status"),
    "date": ("Datum", "Date"),
    "source": ("Bron", "Source"),
    "coverage": ("Omvang", "Coverage"),
    "incomplete": ("onvolledig", "incomplete"),
    "text_incomplete": ("De tekst is hier onvolledig.", "The text is incomplete here."),
    "criteria": ("Selectiecriteria", "Selection criteria"),
    "note": ("Noot", "Note"),
    "valuation": ("Waardering", "Valuation"),
    "description": ("Omschrijving", "Description"),
    "explanation": ("Toelichting", "Explanation"),
    "examples": ("Voorbeelden", "Examples"),
    "withdrawn": ("Vervallen", "Withdrawn"),
    "successors": ("Opgevolgd door", "Succeeded by"),
    "no_text": ("Tekst niet beschikbaar", "Text not available"),
    "keep": ("B (blijvend bewaren)", "B (keep permanently)"),
    "destroy": ("V (vernietigen)", "V (destroy)"),
}


def label(key: str, language: Language = Language.NL) -> str:
    """The label *key* in *language*.

    >>> label("valuation"), label("valuation", Language.EN)
    ('Waardering', 'Valuation')
    """
    dutch, english = _LABELS[key]
    return dutch if language is Language.NL else english
