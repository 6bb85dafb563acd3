"""What a change log says, worked out once, before any format lays it out.

A :class:`Report` holds the words in the chosen language and the structure
(summary, major changes, the rest by section, concordance). The format modules
only escape and lay out.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from selectielijst._diff import Change, ChangeKind, ChangeSet, Direction, Segment, Significance
from selectielijst._diff._delta import Slot
from selectielijst._duration import Duration
from selectielijst._render._labels import (
    Language,
    duration_words,
    field_label,
    kind_label,
    label,
    significance_label,
)

__all__ = ["Group", "Item", "Report", "build_report"]

_WORDING_FIELDS = frozenset(
    {
        "name",
        "description",
        "explanation",
        "examples",
        "text",
        "notes",
        "title",
        "trigger",
        "version.notes",
    }
)


@attrs.frozen
class Item:
    """One change as a reader sees it.

    Attributes:
        number: The category's number (or the section's), if any.
        name: Its name, if any.
        text: What changed, as a sentence.
        flag: What it means, when that needs saying (e.g. earlier destruction).
        segments: For wording, the words kept, removed and inserted.
        change: The change itself.
    """

    number: str | None
    name: str | None
    text: str
    flag: str | None
    segments: tuple[Segment, ...]
    change: Change


@attrs.frozen
class Group:
    """The changes in one section (or in the list as a whole)."""

    heading: str
    depth: int
    items: tuple[Item, ...]


@attrs.frozen
class Report:
    """A change log's content, in one language, ready to be laid out."""

    language: Language
    title: str
    subtitle: str
    summary: tuple[tuple[str, int], ...]
    major: tuple[Item, ...]
    groups: tuple[Group, ...]
    concordance: tuple[tuple[str, str, str], ...]


def build_report(changeset: ChangeSet, language: Language = Language.NL) -> Report:
    """Work out what the change log of *changeset* says, in *language*."""
    outline = changeset.delta.outline()
    headings = {slot.id: _heading(slot) for slot in outline}
    old, new = changeset.old_version, changeset.new_version
    subtitle = label("from_to", language).format(
        old=_version(old.label, old.status.value, old.date),
        new=_version(new.label, new.status.value, new.date),
    )
    items = [_item(change, headings, language) for change in changeset]
    major = tuple(item for item in items if item.change.significance is Significance.MAJOR)
    rest = [item for item in items if item.change.significance is not Significance.MAJOR]
    groups = []
    whole = tuple(item for item in rest if item.change.section is None)
    if whole:
        groups.append(Group(label("whole_list", language), 0, whole))
    for slot in outline:
        found = tuple(item for item in rest if item.change.section == slot.id)
        if found:
            groups.append(Group(headings[slot.id], slot.depth, found))
    concordance = tuple(
        (
            row.old_number or "—",
            row.new_number or "—",
            ", ".join(kind_label(kind, language) for kind in row.kinds)
            or label("unchanged", language),
        )
        for row in changeset.concordance
    )
    return Report(
        language=language,
        title=f"{label('changes_in', language)} {changeset.title}",
        subtitle=subtitle,
        summary=tuple(
            (kind_label(kind, language), count) for kind, count in changeset.counts().items()
        ),
        major=major,
        groups=tuple(groups),
        concordance=concordance,
    )


def _version(version_label: str, status: str, date: str | None) -> str:
    return f"{version_label} ({status}{', ' + date if date else ''})"


def _heading(slot: Slot) -> str:
    return f"{slot.number} {slot.title}" if slot.number else slot.title


def _words(iso: str | None, language: Language) -> str:
    return duration_words(Duration.parse(iso), language) if iso else label("none", language)


def _item(change: Change, headings: dict[str, str], language: Language) -> Item:
    text, flag = _describe(change, headings, language)
    segments = (
        change.segments if change.field in _WORDING_FIELDS or _is_criterion_text(change) else ()
    )
    return Item(change.number, change.name, text, flag, segments, change)


def _is_criterion_text(change: Change) -> bool:
    return bool(
        change.field and change.field.startswith("criteria.") and change.before and change.after
    )


Description = tuple[str, str | None]
"""What a change is, as a sentence, and what it means, if that needs saying."""


@attrs.frozen
class _Context:
    language: Language
    headings: dict[str, str]

    def say(self, key: str) -> str:
        return label(key, self.language)

    def heading(self, section_id: str | None) -> str:
        return self.headings.get(section_id or "", "—")


def _describe(change: Change, headings: dict[str, str], language: Language) -> Description:
    describe = _DESCRIBERS.get(change.kind, _field_change)
    return describe(change, _Context(language, headings))


def _term(change: Change, context: _Context) -> Description:
    if change.field == "trigger":
        return f"{context.say('trigger_changed')}:", None
    words = f"{_words(change.before, context.language)} → {_words(change.after, context.language)}"
    headline, meaning = {
        Direction.SHORTER: ("term_shorter", "earlier_destruction"),
        Direction.LONGER: ("term_longer", "later_destruction"),
        Direction.EQUAL: ("term_changed", "same_length"),
    }.get(change.direction or Direction.INCOMPARABLE, ("term_changed", "not_comparable"))
    return f"{context.say(headline)}: {words}.", context.say(meaning)


def _revalued(change: Change, context: _Context) -> Description:
    text = f"{context.say('revalued')}: {change.before or '—'} → {change.after or '—'}."
    if change.field == "keep_parts":
        gained = change.direction is Direction.TO_RETAIN
        return text, context.say("kept_part_gained" if gained else "kept_part_lost")
    meaning = {Direction.TO_RETAIN: "now_kept", Direction.TO_DESTROY: "now_destroyed"}
    key = meaning.get(change.direction) if change.direction else None
    return text, context.say(key) if key else None


def _withdrawn(change: Change, context: _Context) -> Description:
    text = context.say("gone_category")
    if change.before:
        text += f" ({change.before})"
    if change.successors:
        text += f"; {context.say('successors').lower()} {', '.join(change.successors)}"
    return f"{text}.", None


def _moved(change: Change, context: _Context) -> Description:
    if change.field == "parent":
        where = f"{context.heading(change.before)} → {context.heading(change.after)}"
        return f"{context.say('section_moved')}: {where}.", None
    where = context.say("moved_from").format(
        old=context.heading(change.old_section), new=context.heading(change.section)
    )
    return f"{where} ({change.old_number} → {change.new_number}).", None


def _field_change(change: Change, context: _Context) -> Description:
    field = field_label(change.field or "", context.language)
    if change.field in _WORDING_FIELDS or _is_criterion_text(change):
        trivial = ""
        if change.significance is Significance.TRIVIAL:
            trivial = f" ({significance_label(Significance.TRIVIAL, context.language)})"
        return f"{field} {context.say('changed')}{trivial}:", None
    return _sentence(f"{field}: {change.before or '—'} → {change.after or '—'}"), None


def _simple(
    key: str, detail: Callable[[Change, _Context], str] | None = None
) -> Callable[[Change, _Context], Description]:
    def describe(change: Change, context: _Context) -> Description:
        text = context.say(key) + (detail(change, context) if detail else "")
        return _sentence(text), None

    return describe


_DESCRIBERS: dict[ChangeKind, Callable[[Change, _Context], Description]] = {
    ChangeKind.TERM_CHANGED: _term,
    ChangeKind.REVALUED: _revalued,
    ChangeKind.WITHDRAWN: _withdrawn,
    ChangeKind.MOVED: _moved,
    ChangeKind.ADDED: _simple("new_category", lambda c, _: f": {c.after}"),
    ChangeKind.REINSTATED: _simple("reinstated_category"),
    ChangeKind.SPLIT: _simple("split_into", lambda c, _: f" {', '.join(c.new_numbers)}: {c.after}"),
    ChangeKind.MERGED: _simple(
        "merged_from", lambda c, _: f" {', '.join(c.old_numbers)}: {c.before} → {c.after}"
    ),
    ChangeKind.RENUMBERED: _simple(
        "renumbered_from", lambda c, _: f": {c.old_number} → {c.new_number}"
    ),
    ChangeKind.CRITERIA_CHANGED: _simple(
        "criteria_changed",
        lambda c, ctx: f": {c.before or ctx.say('none')} → {c.after or ctx.say('none')}",
    ),
    ChangeKind.SECTION_ADDED: _simple("section_new"),
    ChangeKind.SECTION_REMOVED: _simple("section_gone"),
}


def _sentence(text: str) -> str:
    """*text* ending in exactly one full stop (or its own punctuation)."""
    return text if text.endswith((".", "!", "?", ":")) else text + "."
