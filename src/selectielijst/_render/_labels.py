"""Every label the renderers show a reader, by key, translated through the catalogs.

The labels are written in English and marked for the catalogs; the Dutch is
in ``locale/nl/LC_MESSAGES/selectielijst.po``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from selectielijst._changes import ChangeKind, Field, Significance
from selectielijst._i18n import Language, marked, marked_in, say, say_counted, translated
from selectielijst._model import Duration, ProcessKind, Status, Term, Valuation, ValuationKind

__all__ = [
    "Language",
    "duration_words",
    "field_label",
    "kind_label",
    "label",
    "labels",
    "process_words",
    "status_words",
    "term_words",
    "valuation_words",
]

_LABELS: Mapping[str, str] = {
    # Lists
    "version": marked("Version"),
    "source": marked("Source"),
    "coverage": marked("Coverage"),
    "incomplete": marked("incomplete"),
    "text_incomplete": marked("The text is incomplete here."),
    "criteria": marked("Selection criteria"),
    "note": marked("Note"),
    "valuation": marked("Valuation"),
    "doc_number": marked("No."),
    "doc_category": marked("Category"),
    "process_nihil": marked("process term nihil"),
    "description": marked("Description"),
    "explanation": marked("Explanation"),
    "examples": marked("Examples"),
    "withdrawn": marked("Withdrawn"),
    "successors": marked("Succeeded by"),
    "origin": marked("Origin"),
    "tasks": marked("Task fields"),
    # Change logs
    "changes_in": marked("Changes to"),
    "from_to": marked("From version {old} to version {new}"),
    "summary": marked("Summary"),
    "kind": marked("Kind of change"),
    "count": marked("Count"),
    "total": marked("Total"),
    "major": marked("Major changes"),
    "other": marked("Other changes by section"),
    "whole_list": marked("The list as a whole"),
    "no_changes": marked("No changes."),
    "no_major": marked("No major changes."),
    "concordance": marked("Concordance"),
    "old_number": marked("Old number"),
    "new_number": marked("New number"),
    "change": marked("Change"),
    "unchanged": marked("unchanged"),
    "other_unchanged": marked("The other category keeps its number and is unchanged."),
    "others_unchanged": marked(
        "The other {count} categories keep their numbers and are unchanged."
    ),
    "old": marked("old"),
    "formerly": marked("formerly"),
    "page": marked("page"),
    "of": marked("of"),
    "made_on": marked("Made on"),
    "now_reads": marked("now"),
    "reason": marked("Reason"),
    "unmatched": marked("Reasons for changes that are no longer there"),
    "added": marked("added"),
    "removed": marked("removed"),
    "history": marked("Version history"),
    "since": marked("Changes since version"),
    "first_text": marked(
        "The first version whose text is available; there is no earlier version to compare with."
    ),
    "text_not_available": marked(
        "The text of this version is not available, so its changes cannot be computed."
    ),
    "marked_up": marked("with changes marked against version"),
    "new_here": marked("New"),
    "gone_here": marked("No longer in this version"),
    # What a change means
    "earlier_destruction": marked("Earlier destruction."),
    "later_destruction": marked("Later destruction."),
    "now_kept": marked("Now kept permanently."),
    "now_destroyed": marked("Now destroyed after a term."),
    "not_comparable": marked("Not exactly comparable."),
    "same_length": marked("Same length; only the notation differs."),
    "term_shorter": marked("Retention term shorter"),
    "term_longer": marked("Retention term longer"),
    "term_changed": marked("Retention term changed"),
    "trigger_changed": marked("Start of the term changed"),
    "revalued": marked("Valuation changed"),
    "kept_part_gained": marked("A part is now kept permanently."),
    "kept_part_lost": marked("A part kept permanently is dropped."),
    "new_category": marked("New category"),
    "gone_category": marked("Category withdrawn"),
    "reinstated_category": marked("Category reinstated"),
    "split_into": marked("Split into"),
    "merged_from": marked("Merged from"),
    "renumbered_from": marked("Renumbered"),
    "moved_from": marked("Moved from {old} to {new}"),
    "criteria_changed": marked("Selection criteria changed"),
    "changed": marked("changed"),
    "section_new": marked("New section"),
    "section_gone": marked("Section removed"),
    "section_moved": marked("Section moved"),
    "none": marked("none"),
}

_KINDS: Mapping[ChangeKind, tuple[str, str]] = {
    ChangeKind.ADDED: marked_in("change kind", "added"),
    ChangeKind.WITHDRAWN: marked_in("change kind", "withdrawn"),
    ChangeKind.REINSTATED: marked_in("change kind", "reinstated"),
    ChangeKind.RENUMBERED: marked_in("change kind", "renumbered"),
    ChangeKind.MOVED: marked_in("change kind", "moved"),
    ChangeKind.SPLIT: marked_in("change kind", "split"),
    ChangeKind.MERGED: marked_in("change kind", "merged"),
    ChangeKind.REVALUED: marked_in("change kind", "revalued"),
    ChangeKind.TERM_CHANGED: marked_in("change kind", "term changed"),
    ChangeKind.CRITERIA_CHANGED: marked_in("change kind", "criteria changed"),
    ChangeKind.TEXT_CHANGED: marked_in("change kind", "text changed"),
    ChangeKind.SECTION_ADDED: marked_in("change kind", "section added"),
    ChangeKind.SECTION_REMOVED: marked_in("change kind", "section removed"),
    ChangeKind.SECTION_TEXT_CHANGED: marked_in("change kind", "section text changed"),
    ChangeKind.METADATA_CHANGED: marked_in("change kind", "list metadata changed"),
}

_SIGNIFICANCE: Mapping[Significance, tuple[str, str]] = {
    Significance.MAJOR: marked_in("significance", "major"),
    Significance.MINOR: marked_in("significance", "minor"),
    Significance.TRIVIAL: marked_in("significance", "typography only"),
}

_FIELDS: Mapping[Field, str] = {
    Field.RESULT: marked("Result"),
    Field.NAME: marked("Name"),
    Field.DESCRIPTION: marked("Description"),
    Field.EXPLANATION: marked("Explanation"),
    Field.EXAMPLES: marked("Examples"),
    Field.SUCCESSORS: marked("Successors"),
    Field.ORIGIN: marked("Origin"),
    Field.TASKS: marked("Task fields"),
    Field.VALUATION: marked("Valuation"),
    Field.TERM: marked("Retention term"),
    Field.CRITERIA: marked("Selection criteria"),
    Field.KEEP_PARTS: marked("Part kept permanently"),
    Field.KEEP_PART_CRITERIA: marked("Part kept permanently"),
    Field.KEEP_PART_DESCRIPTION: marked("Part kept permanently"),
    Field.NUMBER: marked("Number"),
    Field.TITLE: marked("Title"),
    Field.TEXT: marked("Text"),
    Field.NOTES: marked("Notes"),
    Field.INCOMPLETE: marked("Incomplete"),
    Field.PARENT: marked("Place"),
    Field.LIST: marked("List"),
    Field.ORGANISATION: marked("Organisation"),
    Field.CRITERION: marked("Criterion"),
    Field.VERSION_SOURCE: marked("Source"),
    Field.VERSION_COVERAGE: marked("Coverage"),
    Field.VERSION_INCOMPLETE: marked("Incomplete"),
    Field.VERSION_NOTES: marked("Notes on the version"),
}


def label(key: str, language: Language = Language.NL) -> str:
    """The label *key* in *language*.

    >>> label("valuation"), label("valuation", Language.EN)
    ('Waardering', 'Valuation')
    """
    return translated(_LABELS[key], language)


@functools.cache
def labels(language: Language) -> Mapping[str, str]:
    """Every label in *language*, by key: for saying many things in one language."""
    return {key: translated(text, language) for key, text in _LABELS.items()}


def kind_label(kind: ChangeKind, language: Language = Language.NL) -> str:
    """The name of a kind of change, e.g. ``vernummerd``."""
    context, text = _KINDS[kind]
    return translated(text, language, context)


def significance_label(significance: Significance, language: Language = Language.NL) -> str:
    """The name of a significance, e.g. ``belangrijk``."""
    context, text = _SIGNIFICANCE[significance]
    return translated(text, language, context)


def field_label(
    field: Field | None, item: int | None = None, language: Language = Language.NL
) -> str:
    """The name of a changed field, e.g. ``Toelichting`` or ``Criterium 7``.

    >>> field_label(Field.CRITERION, 7)
    'Criterium 7'
    """
    if field is None:
        return ""
    name = translated(_FIELDS[field], language)
    return f"{name} {item}" if field is Field.CRITERION and item is not None else name


@functools.lru_cache(maxsize=1024)  # few distinct durations, said in many term changes
def duration_words(duration: Duration, language: Language = Language.NL) -> str:
    """A duration in words, e.g. ``1 jaar en 6 maanden`` or ``6 weeks``; none is ``direct``.

    >>> duration_words(Duration(years=1, months=6), Language.EN)
    '1 year and 6 months'
    >>> duration_words(Duration(), Language.EN)
    'immediately'
    """
    values = (duration.years, duration.months, duration.weeks, duration.days)
    parts = [
        unit.say(language)
        for unit in (
            say_counted("duration-years", "{count} year", "{count} years", values[0]),
            say_counted("duration-months", "{count} month", "{count} months", values[1]),
            say_counted("duration-weeks", "{count} week", "{count} weeks", values[2]),
            say_counted("duration-days", "{count} day", "{count} days", values[3]),
        )
        if unit.arguments["count"]
    ]
    if not parts:
        context, text = marked_in("duration", "immediately")
        return translated(text, language, context)
    if len(parts) == 1:
        return parts[0]
    return say("words-and", "{some} and {last}", some=", ".join(parts[:-1]), last=parts[-1]).say(
        language
    )


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
    process = process_words(term, language)
    return " ".join([*parts, process] if process else parts)


def process_words(term: Term, language: Language = Language.NL) -> str:
    """What a term says of its process term, to follow its length; empty when nothing needs saying.

    The VNG list's words for the named kinds stay as the list writes them.

    >>> from selectielijst.model import ProcessTerm
    >>> process_words(Term(Duration(years=10), process=ProcessTerm.parse("P5Y")), Language.EN)
    'after a process term of 5 years'
    """
    process = term.process
    if process is None:
        return ""
    remark = f" ({process.remark.strip()})" if process.remark else ""
    if process.kind is ProcessKind.NIHIL:
        return f"({label('process_nihil', language)}{remark})"
    if process.duration is not None:
        duration = duration_words(process.duration, language)
        fixed = say("term-process-fixed", "after a process term of {duration}", duration=duration)
        return fixed.say(language) + remark
    if process.kind is ProcessKind.MERGED:
        return f"({process})"
    return say("term-process-named", "after the process term: {words}", words=str(process)).say(
        language
    )


@functools.lru_cache(maxsize=4096)  # a list has few distinct valuations, said many times
def valuation_words(valuation: Valuation | None, language: Language = Language.NL) -> str:
    """A valuation: the list's notation in Dutch (``V, 10 jaar``), spelt out in English.

    >>> valuation_words(Valuation.keep(1, 6), Language.EN)
    'B: keep permanently (criteria 1, 6)'
    >>> from selectielijst.model import ProcessTerm
    >>> nihil = Term(Duration(years=10), process=ProcessTerm.parse("nihil"))
    >>> valuation_words(Valuation.destroy(nihil), Language.EN)
    'V: destroy after 10 years (process term nihil)'
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
    process = process_words(term, language) if term is not None else ""
    if process:  # "(process term nihil)" follows as a remark, "after the process term" as a clause
        text += f" {process}" if process.startswith("(") else f", {process}"
    for part in valuation.keep_parts:
        text += f"; B{_criteria_words(part.criteria)}: keep {part.description}"
    return text


def _criteria_words(criteria: tuple[int, ...]) -> str:
    return f" (criteria {', '.join(map(str, criteria))})" if criteria else ""


_STATUS: Mapping[Status, tuple[str, str]] = {
    Status.CONCEPT: marked_in("status", "draft"),
    Status.TER_INZAGE: marked_in("status", "public inspection"),
    Status.ONTWERP: marked_in("status", "proposed"),
    Status.VASTGESTELD: marked_in("status", "adopted"),
    Status.INGETROKKEN: marked_in("status", "withdrawn"),
}


def status_words(status: Status, language: Language = Language.NL) -> str:
    """Where a version stands: ``ter inzage``, or in English ``public inspection``.

    >>> status_words(Status.VASTGESTELD, Language.EN)
    'adopted'
    """
    context, text = _STATUS[status]
    return translated(text, language, context)
