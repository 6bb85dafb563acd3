"""Renderers: lists and change sets as text, Markdown, reStructuredText, HTML and JSON."""

from __future__ import annotations

import json

from selectielijst._converter import make_converter
from selectielijst._diff import ChangeSet
from selectielijst._render._format import Format
from selectielijst._render._history import changelog
from selectielijst._render._html import html
from selectielijst._render._labels import Language
from selectielijst._render._markdown import markdown
from selectielijst._render._markup import mark_up
from selectielijst._render._report import build_report
from selectielijst._render._rst import rst
from selectielijst._render._text import text

__all__ = ["Format", "Language", "changelog", "mark_up", "render"]


def render(
    changeset: ChangeSet,
    format: str | Format = Format.MARKDOWN,  # noqa: A002  # the word users know
    *,
    lang: str | Language = Language.NL,
    color: bool = False,
) -> str:
    """A change log of *changeset* in *format*: markdown, rst, html, json or text.

    Labels are Dutch by default (the lists are Dutch) and English with
    ``lang="en"``. Colours (text only) are for terminals.

    >>> from selectielijst import diff, load
    >>> log = render(diff(load("voorbeeld", "2.0"), load("voorbeeld", "2.1")), "markdown")
    >>> print(log.splitlines()[0])
    # Wijzigingen in Selectielijst gemeente Voorbeeldstad (fictief voorbeeld)
    """
    chosen = format if isinstance(format, Format) else Format.named(format)
    language = lang if isinstance(lang, Language) else Language(lang)
    if chosen is Format.JSON:
        return (
            json.dumps(make_converter().unstructure(changeset), ensure_ascii=False, indent=2) + "\n"
        )
    report = build_report(changeset, language)
    if chosen is Format.MARKDOWN:
        return markdown(report)
    if chosen is Format.RST:
        return rst(report)
    if chosen is Format.HTML:
        return html(report)
    return text(report, color=color)
