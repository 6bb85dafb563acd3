"""A whole list version as readable plain text, for the terminal (``show``)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from selectielijst._i18n import version_date_words
from selectielijst._model import Category, Section, SelectionList
from selectielijst._render._labels import Language, label, status_words

__all__ = ["list_as_text"]

WIDTH = 88


def list_as_text(selection_list: SelectionList, *, lang: Language = Language.NL) -> str:
    """The list as plain text: heading, version, criteria, then every section in full.

    >>> from selectielijst import load
    >>> print(list_as_text(load("mivd", "0.16")).splitlines()[0])
    Generieke Selectielijst MIVD
    """
    return "\n".join(_lines(selection_list, lang)).rstrip() + "\n"


def _lines(selection_list: SelectionList, lang: Language) -> Iterator[str]:
    version = selection_list.version
    yield selection_list.title
    if selection_list.organisation:
        yield selection_list.organisation
    facts = [f"{label('version', lang)} {version.label}", status_words(version.status, lang)]
    if version.date:
        facts.append(version_date_words(version.date, lang))
    yield " · ".join(facts)
    if version.source:
        yield f"{label('source', lang)}: {version.source}"
    if version.coverage:
        suffix = f" ({label('incomplete', lang)})" if version.incomplete else ""
        yield f"{label('coverage', lang)}: {version.coverage}{suffix}"
    for note in (*version.notes, *selection_list.notes):
        yield from _wrapped(f"{label('note', lang)}: {note}", "")
    if selection_list.criteria:
        yield ""
        yield label("criteria", lang)
        for criterion in selection_list.criteria:
            yield from _wrapped(criterion.text, "     ", first=f"  {criterion.number:>2}. ")
    for section in selection_list.sections:
        yield from _section(section, 0, lang)


def _section(section: Section, depth: int, lang: Language) -> Iterator[str]:
    indent = "  " * depth
    heading = f"{section.number} {section.title}" if section.number else section.title
    yield ""
    yield indent + heading
    yield indent + ("=" if depth == 0 else "-") * len(heading)
    for paragraph in section.text:
        yield ""
        yield from _wrapped(paragraph, indent)
    if section.incomplete:
        yield ""
        yield f"{indent}[{label('text_incomplete', lang)}]"
    for note in section.notes:
        yield ""
        yield from _wrapped(f"[{label('note', lang)}: {note}]", indent)
    for category in section.categories:
        yield ""
        yield from _category(category, indent, lang)
    for subsection in section.sections:
        yield from _section(subsection, depth + 1, lang)


def _category(category: Category, indent: str, lang: Language) -> Iterator[str]:
    inner = indent + "    "
    number = f"{category.number:<4}" if len(category.number) < 4 else category.number
    yield from _wrapped(category.label, inner, first=f"{indent}{number} ")
    if category.withdrawn:
        successors = ", ".join(category.successors)
        more = f"; {label('successors', lang).lower()} {successors}" if successors else ""
        yield f"{inner}{label('withdrawn', lang)}{more}"
    if category.valuation is not None:
        yield from _wrapped(f"{label('valuation', lang)}: {category.valuation}", inner)
    for key, text in (("description", category.description), ("explanation", category.explanation)):
        if text:
            yield from _wrapped(f"{label(key, lang)}: {text}", inner)
    if category.examples:
        yield from _wrapped(f"{label('examples', lang)}: " + "; ".join(category.examples), inner)
    if category.origin:
        yield from _wrapped(f"{label('origin', lang)}: {category.origin}", inner)
    if category.tasks:
        yield from _wrapped(f"{label('tasks', lang)}: " + "; ".join(category.tasks), inner)


def _wrapped(text: str, indent: str, *, first: str | None = None) -> Iterator[str]:
    lines: list[str] = []
    for block in text.split("\n"):
        lines.extend(
            textwrap.wrap(
                block,
                WIDTH,
                initial_indent=first if first is not None and not lines else indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [indent]
        )
    yield from lines
