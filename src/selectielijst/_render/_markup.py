"""A whole version with its changes marked inline ("concept met mutaties").

Every section and category of the new version appears in order; what changed
since the old version is marked where it stands: words removed and inserted,
old values beside new ones, old numbers beside new ones, and what is no longer
there at the end of the section it stood in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

import attrs

from selectielijst._changes import Change, ChangeKind, ChangeSet, Field, Segment, value_text
from selectielijst._i18n import say
from selectielijst._model import Category, Section, SelectionList
from selectielijst._render import _html, _markdown
from selectielijst._render._format import Format, language_named
from selectielijst._render._labels import Language, field_label, kind_label, label, status_words
from selectielijst._render._style import Style, marked_words
from selectielijst.errors import UnknownFormat

__all__ = ["mark_up"]


@attrs.frozen
class _Layout:
    """How one output format lays out a whole version: its words' style and its blocks."""

    style: Style
    heading: Callable[[int, str], str]
    paragraph: Callable[[str], str]
    item: Callable[[str], str]
    wrap: Callable[[list[str]], list[str]]

    def text(self, text: str) -> str:
        return self.style.escape(text)

    def deleted(self, text: str) -> str:
        return self.style.deleted(self.style.escape(text))

    def inserted(self, text: str) -> str:
        return self.style.inserted(self.style.escape(text))


_MARKDOWN = _Layout(
    style=_markdown.STYLE,
    heading=lambda level, t: f"{'#' * min(level, 6)} {t}\n",
    paragraph=lambda t: f"{t}\n",
    item=lambda t: f"- {t}",
    wrap=lambda items: [*items, ""],
)
_HTML = _Layout(
    style=_html.STYLE,
    heading=lambda level, t: f"<h{min(level, 6)}>{t}</h{min(level, 6)}>",
    paragraph=lambda t: f"<p>{t}</p>",
    item=lambda t: f"<li>{t}</li>",
    wrap=lambda items: ["<ul>", *items, "</ul>"],
)
_LAYOUTS = {Format.MARKDOWN: _MARKDOWN, Format.HTML: _HTML}


def mark_up(
    new: SelectionList,
    changes: ChangeSet,
    format: str | Format = Format.HTML,  # noqa: A002  # the word users know
    *,
    lang: str | Language = Language.NL,
) -> str:
    """The whole of *new*, with the *changes* since the old version marked inline.

    Markdown marks removed words ``~~so~~`` and inserted ones ``**so**``; HTML
    uses ``<del>`` and ``<ins>``.

    >>> from selectielijst import diff, load
    >>> old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
    >>> page = mark_up(new, diff(old, new), "markdown")
    >>> "~~V, 5 jaar~~ **B (6)**" in page
    True
    """
    chosen = Format.named(format) if not isinstance(format, Format) else format
    language = language_named(lang)
    if chosen not in _LAYOUTS:
        msg = say(
            "markup-format",
            "a marked-up version is written in markdown or html, not {format}",
            format=chosen.value,
        )
        raise UnknownFormat(msg)
    marker = _Marker(_LAYOUTS[chosen], language, changes)
    body = list(marker.document(new))
    if chosen is Format.HTML:
        return _html.page(new.title, body, language.value)
    return "\n".join(body)


class _Marker:
    def __init__(self, style: _Layout, language: Language, changes: ChangeSet) -> None:
        self.style = style
        self.language = language
        self.changes = changes
        self.by_category: dict[str, list[Change]] = defaultdict(list)
        self.by_section: dict[str, list[Change]] = defaultdict(list)
        self.gone: dict[str | None, list[Change]] = defaultdict(list)
        self.split_from: dict[str, Change] = {}
        self.removed_sections: list[Change] = []
        for change in changes:
            if change.kind is ChangeKind.SECTION_REMOVED:
                self.removed_sections.append(change)
            if change.kind in {ChangeKind.SECTION_TEXT_CHANGED, ChangeKind.SECTION_ADDED}:
                self.by_section[change.section or ""].append(change)
            elif change.kind is ChangeKind.SPLIT:
                self.split_from.update((number, change) for number in change.new_numbers)
            elif change.new_id is None and change.kind is ChangeKind.WITHDRAWN:
                self.gone[change.section].append(change)
            elif change.new_id is not None and change.kind is not ChangeKind.METADATA_CHANGED:
                self.by_category[change.new_id].append(change)
        present = {heading.id for heading in changes.outline} - {
            c.section for c in self.removed_sections
        }
        self.orphans = [
            c for section, found in self.gone.items() if section not in present for c in found
        ]

    def say(self, key: str) -> str:
        return label(key, self.language)

    def marked(self, segments: tuple[Segment, ...]) -> str:
        return marked_words(segments, self.style.style)

    def replaced(self, before: str | None, after: str | None) -> str:
        parts = [
            self.style.deleted(before) if before else "",
            self.style.inserted(after) if after else "",
        ]
        return " ".join(part for part in parts if part)

    def document(self, new: SelectionList) -> Iterator[str]:
        old = self.changes.old_version
        yield self.style.heading(1, self.style.text(new.title))
        language = self.language
        subtitle = (
            f"{self.say('version')} {new.version.label}"
            f" ({status_words(new.version.status, language)})"
        )
        if old != new.version:
            subtitle += (
                f", {self.say('marked_up')} {old.label} ({status_words(old.status, language)})"
            )
        yield self.style.paragraph(self.style.text(subtitle))
        for section in new.sections:
            yield from self.section(section, 2)
        if self.orphans or self.removed_sections:
            yield self.style.heading(2, self.style.text(self.say("gone_here")))
            items = list(self.gone_items(self.orphans))
            for change in self.removed_sections:
                title = f"{change.old_number or ''} {change.old_name or ''}".strip()
                items.append(
                    self.style.item(
                        f"{self.style.deleted(title)} ({self.say('section_gone').lower()})"
                    )
                )
            yield from self.wrap(items)

    def section(self, section: Section, level: int) -> Iterator[str]:
        changes = {c.field: c for c in self.by_section.get(section.id, ())}
        heading = self.style.text(
            f"{section.number} {section.title}" if section.number else section.title
        )
        if ChangeKind.SECTION_ADDED in {c.kind for c in self.by_section.get(section.id, ())}:
            heading += f" ({self.style.inserted(self.say('new_here'))})"
        elif Field.TITLE in changes:
            heading = self.marked(changes[Field.TITLE].segments)
        yield self.style.heading(level, heading)
        text_change = changes.get(Field.TEXT)
        if text_change is not None and text_change.wording:
            for segments in text_change.paragraph_segments():
                yield self.style.paragraph(self.marked(segments))
        else:
            yield from (self.style.paragraph(self.style.text(p)) for p in section.text)
        items = [self.category(c) for c in section.categories]
        items += list(self.gone_items(self.gone.get(section.id, [])))
        yield from self.wrap(items)
        for subsection in section.sections:
            yield from self.section(subsection, level + 1)

    def wrap(self, items: list[str]) -> Iterator[str]:
        if items:
            yield from self.style.wrap(items)

    def gone_items(self, changes: list[Change]) -> Iterator[str]:
        for change in changes:
            text = f"{change.old_number} {change.old_name or ''}".strip()
            yield self.style.item(
                f"{self.style.deleted(text)} ({self.say('gone_category').lower()})"
            )

    def category(self, category: Category) -> str:
        changes = self.by_category.get(category.id, [])
        by_field = {c.field: c for c in changes if c.kind is ChangeKind.TEXT_CHANGED}
        notes = self.notes(category, changes)
        is_new = any(c.kind is ChangeKind.ADDED for c in changes) or (
            category.number in self.split_from and not changes
        )
        if is_new:
            line = f"{self.style.inserted(category.number)} {self.style.inserted(category.name)}"
            notes.insert(0, self.say("new_here").lower())
        else:
            name_change = by_field.get(Field.NAME)
            name = (
                self.marked(name_change.segments) if name_change else self.style.text(category.name)
            )
            line = f"{self.style.text(category.number)} {name}"
        if notes:
            line += " (" + "; ".join(notes) + ")"
        line += f" — {self.say('valuation')}: {self.valuation(category, changes)}"
        for field in (Field.DESCRIPTION, Field.EXPLANATION, Field.EXAMPLES):
            text = self.field(getattr(category, field.value), by_field.get(field))
            if text:
                line += f"; {field_label(field, None, self.language)}: {text}"
        return self.style.item(line)

    def notes(self, category: Category, changes: list[Change]) -> list[str]:
        """Short notes on what happened to the category as a whole."""
        notes = []
        for change in changes:
            kind = kind_label(change.kind, self.language)
            if change.kind in {ChangeKind.RENUMBERED, ChangeKind.MOVED}:
                notes.append(f"{kind}, {self.style.deleted(change.old_number or '')}")
            elif change.kind is ChangeKind.MERGED:
                notes.append(f"{self.say('merged_from').lower()} {', '.join(change.old_numbers)}")
            elif change.kind in {ChangeKind.WITHDRAWN, ChangeKind.REINSTATED}:
                notes.append(kind)
        split = self.split_from.get(category.number)
        if split is not None and not any(c.kind is ChangeKind.ADDED for c in changes):
            notes.append(f"{kind_label(ChangeKind.SPLIT, self.language)}, {split.old_number}")
        return notes

    def field(self, value: str | tuple[str, ...] | None, change: Change | None) -> str:
        """A field's text, with its change marked if it changed."""
        if change is not None:
            if change.wording:
                return self.marked(change.segments)
            return self.replaced(
                value_text(change.field, change.before), value_text(change.field, change.after)
            )
        if not value:
            return ""
        return self.style.text("; ".join(value) if isinstance(value, tuple) else value)

    def valuation(self, category: Category, changes: list[Change]) -> str:
        current = self.style.text(str(category.valuation)) if category.valuation else "—"
        for change in changes:
            if change.kind is ChangeKind.REVALUED:
                return self.replaced(
                    value_text(change.field, change.before), value_text(change.field, change.after)
                )
            if change.kind is ChangeKind.TERM_CHANGED:
                record = self.changes.old_category(change)
                before = str(record.valuation) if record and record.valuation else None
                return self.replaced(before, str(category.valuation))
            if change.kind is ChangeKind.CRITERIA_CHANGED:
                criteria = self.replaced(
                    value_text(change.field, change.before), value_text(change.field, change.after)
                )
                return f"{current} ({self.say('criteria_changed').lower()}: {criteria})"
        return current
