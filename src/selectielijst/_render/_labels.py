"""Every word the renderers show a reader, in Dutch and English, in one place."""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping

from selectielijst._changes import ChangeKind, Field, Significance
from selectielijst._model import Duration, Status, Term, Valuation, ValuationKind

__all__ = [
    "Language",
    "duration_words",
    "field_label",
    "kind_label",
    "label",
    "labels",
    "status_words",
    "term_words",
    "valuation_words",
]


class Language(enum.Enum):
    """The language of rendered output."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    NL = "nl"
    EN = "en"


_LABELS: Mapping[str, tuple[str, str]] = {
    # Lists
    "version": ("Versie", "Version"),
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
    "origin": ("Herkomst", "Origin"),
    "tasks": ("Taakvelden", "Task fields"),
    # Change logs
    "changes_in": ("Wijzigingen in", "Changes to"),
    "from_to": ("Van versie {old} naar versie {new}", "From version {old} to version {new}"),
    "summary": ("Samenvatting", "Summary"),
    "kind": ("Soort wijziging", "Kind of change"),
    "count": ("Aantal", "Count"),
    "total": ("Totaal", "Total"),
    "major": ("Belangrijke wijzigingen", "Major changes"),
    "other": ("Overige wijzigingen per onderdeel", "Other changes by section"),
    "whole_list": ("De lijst als geheel", "The list as a whole"),
    "no_changes": ("Geen wijzigingen.", "No changes."),
    "no_major": ("Geen belangrijke wijzigingen.", "No major changes."),
    "concordance": ("Concordantie", "Concordance"),
    "old_number": ("Oud nummer", "Old number"),
    "new_number": ("Nieuw nummer", "New number"),
    "change": ("Wijziging", "Change"),
    "unchanged": ("ongewijzigd", "unchanged"),
    "other_unchanged": (
        "De overige categorie houdt haar nummer en is ongewijzigd.",
        "The other category keeps its number and is unchanged.",
    ),
    "others_unchanged": (
        "De overige {count} categorieën houden hun nummer en zijn ongewijzigd.",
        "The other {count} categories keep their numbers and are unchanged.",
    ),
    "old": ("oud", "old"),
    "formerly": ("voorheen", "formerly"),
    "page": ("pagina", "page"),
    "of": ("van", "of"),
    "made_on": ("Opgesteld op", "Made on"),
    "now_reads": ("nu", "now"),
    "reason": ("Motivering", "Reason"),
    "unmatched": (
        "Motiveringen bij wijzigingen die er niet meer zijn",
        "Reasons for changes that are no longer there",
    ),
    "added": ("toegevoegd", "added"),
    "removed": ("vervallen", "removed"),
    "history": ("Versiegeschiedenis", "Version history"),
    "since": ("Wijzigingen ten opzichte van versie", "Changes since version"),
    "first_text": (
        (
            "De eerste versie waarvan de tekst beschikbaar is; er is geen eerdere versie"
            " om mee te vergelijken."
        ),
        "The first version whose text is available; there is no earlier version to compare with.",
    ),
    "text_not_available": (
        "De tekst van deze versie is niet beschikbaar; wat er veranderde, is niet te bepalen.",
        "The text of this version is not available, so its changes cannot be computed.",
    ),
    "marked_up": (
        "met wijzigingen gemarkeerd ten opzichte van versie",
        "with changes marked against version",
    ),
    "new_here": ("Nieuw", "New"),
    "gone_here": ("Niet meer in deze versie", "No longer in this version"),
    # What a change means
    "earlier_destruction": ("Eerder vernietigen.", "Earlier destruction."),
    "later_destruction": ("Later vernietigen.", "Later destruction."),
    "now_kept": ("Wordt nu blijvend bewaard.", "Now kept permanently."),
    "now_destroyed": ("Wordt nu vernietigd na een termijn.", "Now destroyed after a term."),
    "not_comparable": ("Niet exact te vergelijken.", "Not exactly comparable."),
    "same_length": (
        "Even lang; alleen de schrijfwijze verschilt.",
        "Same length; only the notation differs.",
    ),
    "term_shorter": ("Bewaartermijn korter", "Retention term shorter"),
    "term_longer": ("Bewaartermijn langer", "Retention term longer"),
    "term_changed": ("Bewaartermijn gewijzigd", "Retention term changed"),
    "trigger_changed": ("Aanvang van de termijn gewijzigd", "Start of the term changed"),
    "revalued": ("Waardering gewijzigd", "Valuation changed"),
    "kept_part_gained": ("Een deel wordt nu blijvend bewaard.", "A part is now kept permanently."),
    "kept_part_lost": (
        "Een blijvend te bewaren deel vervalt.",
        "A part kept permanently is dropped.",
    ),
    "new_category": ("Nieuwe categorie", "New category"),
    "gone_category": ("Categorie vervallen", "Category withdrawn"),
    "reinstated_category": ("Categorie weer in gebruik", "Category reinstated"),
    "split_into": ("Gesplitst in", "Split into"),
    "merged_from": ("Samengevoegd uit", "Merged from"),
    "renumbered_from": ("Vernummerd", "Renumbered"),
    "moved_from": ("Verplaatst van {old} naar {new}", "Moved from {old} to {new}"),
    "criteria_changed": ("Selectiecriteria gewijzigd", "Selection criteria changed"),
    "changed": ("gewijzigd", "changed"),
    "section_new": ("Nieuw onderdeel", "New section"),
    "section_gone": ("Onderdeel vervallen", "Section removed"),
    "section_moved": ("Onderdeel verplaatst", "Section moved"),
    "none": ("geen", "none"),
}

_KINDS: Mapping[ChangeKind, tuple[str, str]] = {
    ChangeKind.ADDED: ("nieuw", "added"),
    ChangeKind.WITHDRAWN: ("vervallen", "withdrawn"),
    ChangeKind.REINSTATED: ("weer in gebruik", "reinstated"),
    ChangeKind.RENUMBERED: ("vernummerd", "renumbered"),
    ChangeKind.MOVED: ("verplaatst", "moved"),
    ChangeKind.SPLIT: ("gesplitst", "split"),
    ChangeKind.MERGED: ("samengevoegd", "merged"),
    ChangeKind.REVALUED: ("waardering gewijzigd", "revalued"),
    ChangeKind.TERM_CHANGED: ("bewaartermijn gewijzigd", "term changed"),
    ChangeKind.CRITERIA_CHANGED: ("criteria gewijzigd", "criteria changed"),
    ChangeKind.TEXT_CHANGED: ("tekst gewijzigd", "text changed"),
    ChangeKind.SECTION_ADDED: ("onderdeel toegevoegd", "section added"),
    ChangeKind.SECTION_REMOVED: ("onderdeel vervallen", "section removed"),
    ChangeKind.SECTION_TEXT_CHANGED: ("tekst van onderdeel gewijzigd", "section text changed"),
    ChangeKind.METADATA_CHANGED: ("gegevens van de lijst gewijzigd", "list metadata changed"),
}

_SIGNIFICANCE: Mapping[Significance, tuple[str, str]] = {
    Significance.MAJOR: ("belangrijk", "major"),
    Significance.MINOR: ("klein", "minor"),
    Significance.TRIVIAL: ("alleen opmaak", "typography only"),
}

_FIELDS: Mapping[Field, tuple[str, str]] = {
    Field.RESULT: ("Resultaat", "Result"),
    Field.NAME: ("Naam", "Name"),
    Field.DESCRIPTION: ("Omschrijving", "Description"),
    Field.EXPLANATION: ("Toelichting", "Explanation"),
    Field.EXAMPLES: ("Voorbeelden", "Examples"),
    Field.SUCCESSORS: ("Opvolgers", "Successors"),
    Field.ORIGIN: ("Herkomst", "Origin"),
    Field.TASKS: ("Taakvelden", "Task fields"),
    Field.VALUATION: ("Waardering", "Valuation"),
    Field.TERM: ("Bewaartermijn", "Retention term"),
    Field.CRITERIA: ("Selectiecriteria", "Selection criteria"),
    Field.KEEP_PARTS: ("Blijvend te bewaren deel", "Part kept permanently"),
    Field.KEEP_PART_CRITERIA: ("Blijvend te bewaren deel", "Part kept permanently"),
    Field.KEEP_PART_DESCRIPTION: ("Blijvend te bewaren deel", "Part kept permanently"),
    Field.NUMBER: ("Nummer", "Number"),
    Field.TITLE: ("Titel", "Title"),
    Field.TEXT: ("Tekst", "Text"),
    Field.NOTES: ("Noten", "Notes"),
    Field.INCOMPLETE: ("Onvolledig", "Incomplete"),
    Field.PARENT: ("Plaats", "Place"),
    Field.LIST: ("Lijst", "List"),
    Field.ORGANISATION: ("Organisatie", "Organisation"),
    Field.CRITERION: ("Criterium", "Criterion"),
    Field.VERSION_SOURCE: ("Bron", "Source"),
    Field.VERSION_COVERAGE: ("Omvang", "Coverage"),
    Field.VERSION_INCOMPLETE: ("Onvolledig", "Incomplete"),
    Field.VERSION_NOTES: ("Noten bij de versie", "Notes on the version"),
}

_ENGLISH_UNITS = (("year", "years"), ("month", "months"), ("week", "weeks"), ("day", "days"))
"""English names of the units, in the order of the Dutch ones of the durations."""


def _pick(pair: tuple[str, str], language: Language) -> str:
    return pair[0] if language is Language.NL else pair[1]


def label(key: str, language: Language = Language.NL) -> str:
    """The label *key* in *language*.

    >>> label("valuation"), label("valuation", Language.EN)
    ('Waardering', 'Valuation')
    """
    return _pick(_LABELS[key], language)


@functools.cache
def labels(language: Language) -> Mapping[str, str]:
    """Every label in *language*, by key: for saying many things in one language."""
    return {key: _pick(pair, language) for key, pair in _LABELS.items()}


def kind_label(kind: ChangeKind, language: Language = Language.NL) -> str:
    """The name of a kind of change, e.g. ``vernummerd``."""
    return _pick(_KINDS[kind], language)


def significance_label(significance: Significance, language: Language = Language.NL) -> str:
    """The name of a significance, e.g. ``belangrijk``."""
    return _pick(_SIGNIFICANCE[significance], language)


def field_label(
    field: Field | None, item: int | None = None, language: Language = Language.NL
) -> str:
    """The name of a changed field, e.g. ``Toelichting`` or ``Criterium 7``.

    >>> field_label(Field.CRITERION, 7)
    'Criterium 7'
    """
    if field is None:
        return ""
    name = _pick(_FIELDS[field], language)
    return f"{name} {item}" if field is Field.CRITERION and item is not None else name


def duration_words(duration: Duration, language: Language = Language.NL) -> str:
    """A duration in words, e.g. ``1 jaar en 6 maanden`` or ``6 weeks``; none is ``direct``.

    >>> duration_words(Duration(years=1, months=6), Language.EN)
    '1 year and 6 months'
    >>> duration_words(Duration(), Language.EN)
    'immediately'
    """
    if language is Language.NL:
        return str(duration)
    values = (duration.years, duration.months, duration.weeks, duration.days)
    parts = [
        f"{value} {english[0] if value == 1 else english[1]}"
        for value, english in zip(values, _ENGLISH_UNITS, strict=True)
        if value
    ]
    if not parts:
        return "immediately"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@functools.lru_cache(maxsize=4096)  # a list has few distinct terms, said many times
def term_words(term: Term | None, language: Language = Language.NL) -> str:
    """A term as the list writes it: its length, then what starts it, as written.

    >>> term_words(Term(Duration(years=10), "na uitdiensttreding"), Language.EN)
    '10 years na uitdiensttreding'
    """
    if term is None:
        return label("none", language)
    parts = [duration_words(term.duration, language)] if term.duration is not None else []
    if term.trigger is not None:
        parts.append(term.trigger)
    return " ".join(parts)


@functools.lru_cache(maxsize=4096)  # a list has few distinct valuations, said many times
def valuation_words(valuation: Valuation | None, language: Language = Language.NL) -> str:
    """A valuation: the list's notation in Dutch (``V, 10 jaar``), spelt out in English.

    >>> valuation_words(Valuation.keep(1, 6), Language.EN)
    'B: keep permanently (criteria 1, 6)'
    """
    if valuation is None:
        return label("none", language)
    referring = valuation.exception is not None and valuation.exception.casefold().startswith(
        ("zie ", "see ")
    )
    if language is Language.NL:
        text = str(valuation)
        if referring:  # "met uitzondering (zie toelichting)", not "... van zie toelichting"
            said = f"met uitzondering van {valuation.exception}"
            text = text.replace(said, f"met uitzondering ({valuation.exception})")
        return text
    if valuation.kind is ValuationKind.KEEP:
        text = "B: keep permanently" + _criteria_words(valuation.criteria)
        if valuation.exception is not None:
            exception = valuation.exception
            text += f", with an exception ({exception})" if referring else f", except {exception}"
        return text
    term = valuation.term
    text = "V: destroy"
    if term is not None and term.duration is not None:
        words = duration_words(term.duration, language)
        text += f" after {words}" if term.duration != Duration() else f" {words}"
    if term is not None and term.trigger is not None:
        text += f", {term.trigger}"
    for part in valuation.keep_parts:
        text += f"; B{_criteria_words(part.criteria)}: keep {part.description}"
    return text


def _criteria_words(criteria: tuple[int, ...]) -> str:
    return f" (criteria {', '.join(map(str, criteria))})" if criteria else ""


_STATUS: Mapping[Status, str] = {
    Status.CONCEPT: "draft",
    Status.TER_INZAGE: "public inspection",
    Status.ONTWERP: "proposed",
    Status.VASTGESTELD: "adopted",
    Status.INGETROKKEN: "withdrawn",
}


def status_words(status: Status, language: Language = Language.NL) -> str:
    """Where a version stands: ``ter inzage``, or in English ``public inspection``.

    >>> status_words(Status.VASTGESTELD, Language.EN)
    'adopted'
    """
    return status.value if language is Language.NL else _STATUS[status]
