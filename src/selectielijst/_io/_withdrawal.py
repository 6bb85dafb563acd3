"""Withdrawn rows and their successors, as lists write them in words.

A row of a list is withdrawn when one of its texts says so of the row itself:
"Vervallen", "Verwerkt: Vervallen: dit is resultaat 19.1.19 geworden", "Deze
categorie komt te vervallen". The word alone is not enough, since lists use it
in other senses too ("... de grond tot weigering is vervallen", "... waarop de
geldigheid van het procesobject komt te vervallen"): it must open the text or
one of its clauses, or be a sentence about the row.

Where its records went is read from the numbers in the marking text, and from
phrases in any of the row's texts that name numbers: "valt nu onder 4.1",
"is resultaat 3.2 geworden", "opgevolgd door 3.2", "zie 3.2", "overgegaan
naar 3.2". What a phrase names is reported, quoting it, for a person to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from selectielijst._i18n import Message, say

__all__ = ["Successors", "read_from", "successors_of", "withdrawal"]

_MARKER = r"(?:vervallen|vervalt|ingetrokken|withdrawn|komt\s+te\s+vervallen)"
_ROW = r"(?:dit|deze)\s+(?:resultaat|categorie|handeling|rij|procestype)"
_STATEMENT = re.compile(
    rf"(?:^|[:;.]\s*)(?:{_MARKER}\s*(?:$|[:;,.()\-\u2013]|(?:per|sinds|met\s+ingang)\b)"
    rf"|{_ROW}\s+(?:is\s+|wordt\s+)?{_MARKER}\b)",
    re.IGNORECASE,
)
"""A withdrawal stated of the row: the word alone at the start of the text or a clause
("Vervallen", "Vervallen: zie 2.4", "Vervallen per 2020"), or a sentence about the row."""

_UNITS = (
    r"jaar|jaren|maand|maanden|week|weken|dag|dagen|januari|februari|maart|april|mei|juni"
    r"|juli|augustus|september|oktober|november|december"
)
_NUMBER = rf"(?<![\d.])(?!(?:19|20)\d\d\b)(?>\d+(?:\.\d+)*)(?:[a-z](?![a-z]))?(?!\s*(?:{_UNITS})\b)"
"""A category's number (``4``, ``4.1.14``, ``2.9a``); not a term, a day or a year."""
_NUMBERS = rf"{_NUMBER}(?:\s*(?:,|en|and|/|&)\s*{_NUMBER})*"
_PHRASE = re.compile(
    r"(?:valt\s+(?:nu\s+|voortaan\s+)?onder|opgevolgd\s+door|overgegaan\s+(?:naar|in)"
    r"|verplaatst\s+naar|opgenomen\s+(?:in|onder)|ondergebracht\s+(?:in|bij|onder)"
    r"|opgegaan\s+in|samengevoegd\s+met|\bzie)"
    rf"\s+(?:(?:categorie|resultaat|nummer|nr\.?)\s+)?(?P<numbers>{_NUMBERS})"
    rf"|\bis\s+(?:nu\s+)?(?:resultaat|categorie)\s+(?P<became>{_NUMBERS})\s+geworden",
    re.IGNORECASE,
)
"""A phrase that names where the records went, and the numbers it names."""


def withdrawal(texts: Iterable[str | None]) -> str | None:
    """The first of *texts* that states the row withdrawn, or ``None``.

    >>> withdrawal(["Verwerkt", "Verwerkt: Vervallen: dit is resultaat 19.1.19 geworden"])
    'Verwerkt: Vervallen: dit is resultaat 19.1.19 geworden'
    >>> withdrawal(["Deze categorie komt te vervallen."])
    'Deze categorie komt te vervallen.'
    >>> withdrawal(["Na kennisgeving dat de grond is vervallen terstond vernietigen"]) is None
    True
    >>> withdrawal(["Vervallen vergunningen worden ingetrokken"]) is None  # an adjective
    True
    """
    for text in texts:
        if text and _STATEMENT.search(text):
            return text
    return None


@attrs.frozen
class Successors:
    """Where a withdrawn row's records went, and the phrases that said so.

    Attributes:
        numbers: The numbers, in the order named, without repeats.
        phrases: Each phrase a number was read from, as written, for a review note.
    """

    numbers: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()


def successors_of(marking: str | None, texts: Iterable[str | None], own: str) -> Successors:
    """The numbers a withdrawn row's records went to: in its marking text, and in phrases.

    Numbers in the text that marks the row ("Vervallen, 2.4") are taken as
    they stand; numbers named by a phrase in any of its texts ("Dit resultaat
    valt nu onder 4.1.14", "zie 2.4") are taken with that phrase, to be
    checked. The row's own number is never its successor, and it is the model
    of a number: where it has dots, a successor has them too.

    >>> successors_of("Vervallen", ["Dit resultaat valt nu onder 4.1.14"], "19.1.13")
    Successors(numbers=('4.1.14',), phrases=('valt nu onder 4.1.14',))
    >>> successors_of("Vervallen: dit is resultaat 19.1.19 geworden", [], "7.1.20").numbers
    ('19.1.19',)
    >>> successors_of("Vervallen per 1 januari 2020; opgegaan in 4", [], "6").numbers
    ('4',)
    """
    numbers: dict[str, None] = {}
    phrases: list[str] = []
    if marking:
        numbers.update(dict.fromkeys(re.findall(_NUMBER, marking)))
    for text in dict.fromkeys((marking, *texts)):
        if not text:
            continue
        for found in _PHRASE.finditer(text):
            named = re.findall(_NUMBER, found.group("numbers") or found.group("became"))
            numbers.update(dict.fromkeys(named))
            phrases.append(" ".join(found.group(0).split()))
    numbers.pop(own, None)
    if "." in own:  # a list that numbers its categories 4.1.14 has no successor "4"
        numbers = {number: None for number in numbers if "." in number}
    return Successors(tuple(numbers), tuple(phrases))


def read_from(phrase: str) -> Message:
    """The note that a successor was read from *phrase*, for a person to check.

    >>> print(read_from("valt nu onder 4.1.14"))
    review: the successor was read from the words 'valt nu onder 4.1.14'; check that it is meant
    """
    return say(
        "review-successor",
        "review: the successor was read from the words {phrase!r}; check that it is meant",
        phrase=phrase,
    )
