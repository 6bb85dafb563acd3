"""What a change log says, worked out once, before any format lays it out.

A :class:`Report` holds the words in the chosen language and the structure
(summary, major changes, the rest by section, concordance). The format modules
only escape and lay out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import attrs

from selectielijst._changes import (
    Change,
    ChangeKind,
    ChangeSet,
    Direction,
    Field,
    Segment,
    Significance,
    Value,
    value_text,
)
from selectielijst._i18n import version_date_words
from selectielijst._model import Status, Term, Valuation, number_key
from selectielijst._render._labels import (
    Language,
    duration_words,
    field_label,
    kind_label,
    label,
    labels,
    process_words,
    significance_label,
    status_words,
    term_words,
    valuation_words,
)

__all__ = ["Group", "Item", "Report", "build_report", "was_and_becomes"]


class Item(NamedTuple):
    """One change as a reader sees it.

    A named tuple, not a frozen attrs class: a change log builds one per
    change each time it is rendered, and a tuple is made in half the time.

    Attributes:
        number: The category's number (or the section's), if any.
        name: Its name, if any.
        text: What changed, as a sentence.
        flag: What it means, when that needs saying (e.g. earlier destruction).
        segments: For wording, the words kept, removed and inserted.
        change: The change itself.
        reason: Why it changed (the *motivering*), labelled, when one was given.
    """

    number: str | None
    name: str | None
    text: str
    flag: str | None
    segments: tuple[Segment, ...]
    change: Change
    reason: str | None = None


@attrs.frozen
class Group:
    """The changes in one section (or in the list as a whole)."""

    heading: str
    depth: int
    items: tuple[Item, ...]


@attrs.frozen
class Report:
    """A change log's content, in one language, ready to be laid out.

    Attributes:
        changeset: The change set the report tells of.
    """

    changeset: ChangeSet
    language: Language
    title: str
    subtitle: str
    summary: tuple[tuple[str, int], ...]
    major: tuple[Item, ...]
    groups: tuple[Group, ...]
    concordance: tuple[tuple[str, str, str], ...]
    """The rows of the categories that changed; the others keep their numbers."""
    unchanged: int = 0
    """How many categories kept their number and all else."""

    def others(self) -> str | None:
        """The sentence after the concordance on the categories it leaves out, if any."""
        if not self.unchanged:
            return None
        if self.unchanged == 1:
            return label("other_unchanged", self.language)
        return label("others_unchanged", self.language).format(count=self.unchanged)

    unmatched: tuple[str, ...] = ()
    """Reasons given for changes that are no longer there, each with its number."""


def build_report(changeset: ChangeSet, language: Language = Language.NL) -> Report:
    """Work out what the change log of *changeset* says, in *language*.

    The version's own facts (label, status, date) are its heading. Major
    changes come first; the rest follow by section, each section in the order
    of the list, with trivial edits marked as such where they stand.
    """
    outline = changeset.outline
    gone = {c.section for c in changeset if c.kind is ChangeKind.SECTION_REMOVED}
    present = [heading for heading in outline if heading.id not in gone]
    sections = frozenset(heading.number for heading in present if heading.number)
    listed = _Numbers(changeset, sections)
    headings = {heading.id: str(heading) for heading in outline}
    for heading in outline:
        if heading.id in gone and (  # another section or category has its number
            heading.number in sections or heading.number in changeset.new_numbers()
        ):
            headings[heading.id] = f"{label('old', language)} {heading}"
    old, new = changeset.old_version, changeset.new_version
    subtitle = label("from_to", language).format(
        old=_version(old.label, old.status, old.date, language),
        new=_version(new.label, new.status, new.date, language),
    )
    context = _Context(language, headings, changeset, listed)
    items = [_item(change, context) for change in changeset]
    major = tuple(item for item in items if item.change.significance is Significance.MAJOR)
    rest = sorted(
        (item for item in items if item.change.significance is not Significance.MAJOR),
        key=_in_list_order,
    )
    by_section: dict[str | None, list[Item]] = {}
    for item in rest:
        by_section.setdefault(item.change.section, []).append(item)
    groups = []
    if None in by_section:
        groups.append(Group(label("whole_list", language), 0, tuple(by_section[None])))
    for heading in outline:
        found = by_section.get(heading.id)
        if found:
            groups.append(Group(headings[heading.id], heading.depth, tuple(found)))
    rows = changeset.plain_changed_rows()
    kinds_words = {  # few combinations, many rows
        kinds: ", ".join(kind_label(kind, language) for kind in kinds)
        for kinds in {kinds for _, _, kinds in rows}
    }
    concordance = tuple(
        (old or "—", ", ".join(news) or "—", kinds_words[kinds]) for old, news, kinds in rows
    )
    unchanged = changeset.categories_compared() - len(concordance)
    return Report(
        changeset=changeset,
        language=language,
        title=f"{label('changes_in', language)} {changeset.title}",
        subtitle=subtitle,
        summary=tuple(
            (kind_label(kind, language), count) for kind, count in changeset.counts().items()
        ),
        major=major,
        groups=tuple(groups),
        concordance=concordance,
        unchanged=unchanged,
        unmatched=tuple(
            f"{reason.number or '—'}: {reason.text}" for reason in changeset.unmatched_reasons()
        ),
    )


def _in_list_order(item: Item) -> tuple[tuple[int, int | str], ...]:
    """A section's changes in the order of the list, by number.

    The sort is stable and the changes come most important first, so each
    category's changes stay in that order among themselves.
    """
    return number_key(item.change.number)


def _version(version_label: str, status: Status, date: str | None, language: Language) -> str:
    words = status_words(status, language)
    when = f", {version_date_words(date, language)}" if date else ""
    return f"{version_label} ({words}{when})"


def _item(change: Change, context: _Context) -> Item:
    text, flag = _describe(change, context)
    wording = change.wording
    if change.significance is Significance.TRIVIAL and not wording:
        text = f"{text} ({significance_label(Significance.TRIVIAL, context.language)})"
    number = change.new_number
    if number is None:
        number = change.old_number
        if number is not None and number in context.listed:
            number = f"{context.say('old')} {number}"  # another category has this number now
    reason = context.changes.reason(change) if context.changes.reasons else None
    if reason is not None:
        reason = f"{context.say('reason')}: {reason}"
    segments = change.segments if wording else ()
    return Item(number, _name(change, context), text, flag, segments, change, reason)


def _name(change: Change, context: _Context) -> str | None:
    """The name a reader knows the category by: the old one for what was withdrawn.

    A withdrawn row often keeps only a word ("Verwerkt", "Vervallen") in the
    new version; its old name says what went. A category moved or renumbered
    under another name is named by both.
    """
    old, new = change.old_name, change.new_name
    if change.kind is ChangeKind.WITHDRAWN and old:
        if new and new != old and new.casefold() not in old.casefold():
            return f"{old} ({context.say('now_reads')}: {new})"
        return old
    if change.kind in _NAMED_BY_BOTH and change.field is None and old and new and old != new:
        return f"{new} ({context.say('formerly')}: {old})"
    return change.name


_NAMED_BY_BOTH = frozenset({ChangeKind.RENUMBERED, ChangeKind.MOVED})


def was_and_becomes(report: Report) -> Callable[[Item], tuple[str, str]]:
    """What each change of *report* was and becomes, in words, for a table of changes.

    The sections' headings are indexed once, for all the rows of the table.
    """
    changes = report.changeset
    headings = {heading.id: str(heading) for heading in changes.outline}
    nothing = _Numbers(None, frozenset())
    context = _Context(report.language, headings, changes, nothing)
    return lambda item: _was_and_becomes(item.change, context)


def _was_and_becomes(change: Change, context: _Context) -> tuple[str, str]:
    """What a change was and what it becomes, in words, for a table of changes."""
    if change.kind is ChangeKind.SPLIT:
        record = context.changes.old_category(change)
        valuation = record.valuation if record is not None else None
        was = valuation_words(valuation, context.language) if valuation else "—"
        parts = [f"{n}: {_valuation_of(context, n, new=True)}" for n in change.new_numbers]
        return was, "; ".join(parts)
    if change.kind is ChangeKind.MERGED:
        parts = [f"{n}: {_valuation_of(context, n, new=False)}" for n in change.old_numbers]
        new = context.changes.new_category(change)
        becomes = valuation_words(new.valuation, context.language) if new and new.valuation else "—"
        return "; ".join(parts), becomes
    if change.kind in {ChangeKind.RENUMBERED, ChangeKind.MOVED} and change.field is None:
        return change.old_number or "—", change.new_number or "—"
    if change.kind is ChangeKind.WITHDRAWN:
        record = context.changes.old_category(change)
        valuation = record.valuation if record is not None else None
        was = valuation_words(valuation, context.language) if valuation else "—"
        went = f": {', '.join(change.successors)}" if change.successors else ""
        return was, f"{context.say('gone_category')}{went}"
    if change.field is Field.PARENT:
        parents = [v if isinstance(v, str) else None for v in (change.before, change.after)]
        return context.heading(parents[0]), context.heading(parents[1])
    was = context.words(change, change.before) if change.before is not None else "—"
    becomes = context.words(change, change.after) if change.after is not None else "—"
    return was, becomes


def _words(value: Value, change: Change, language: Language) -> str:
    """A value in words: a valuation or term as the list writes it, a status, or the text."""
    if isinstance(value, Valuation):
        return valuation_words(value, language)
    if isinstance(value, Term):
        return term_words(value, language)
    return value_text(change.field, value) or "—"


Description = tuple[str, str | None]
"""What a change is, as a sentence, and what it means, if that needs saying."""


@attrs.frozen
class _Numbers:
    """Every number in the new version: its categories' and its sections'.

    A category that has a number now which another had before was renumbered
    or added, so a change names it: the changed categories are looked in, not
    every category of the list.
    """

    changeset: ChangeSet | None
    """The change set whose new numbers these are; ``None`` for none at all."""
    sections: frozenset[str]

    def __contains__(self, number: object) -> bool:
        if number in self.sections:
            return True
        if self.changeset is None or not isinstance(number, str):
            return False
        return self.changeset.new_numbered(number) is not None


@attrs.frozen
class _Context:
    language: Language
    headings: dict[str, str]
    changes: ChangeSet
    listed: _Numbers
    """Every number in the new version."""
    wording_heads: dict[tuple[Field | None, int | None, Significance], str] = attrs.field(
        factory=dict
    )
    """What a change of wording is called (``Naam gewijzigd:``): few, said many times."""

    def say(self, key: str) -> str:
        return labels(self.language)[key]

    def heading(self, section_id: str | None) -> str:
        return self.headings.get(section_id or "", "—")

    def words(self, change: Change, value: Value) -> str:
        return _words(value, change, self.language)


def _describe(change: Change, context: _Context) -> Description:
    describe = _DESCRIBERS.get(change.kind, _field_change)
    return describe(change, context)


_TERM_WORDS = {
    Direction.SHORTER: ("term_shorter", "earlier_destruction"),
    Direction.LONGER: ("term_longer", "later_destruction"),
    Direction.EQUAL: ("term_changed", "same_length"),
}


def _term(change: Change, context: _Context) -> Description:
    """One entry for a term: its length and its start, before and after.

    A start that stays the same ("na de procestermijn: ...") is said once, after both lengths.
    """
    words = f"{context.words(change, change.before)} → {context.words(change, change.after)}"
    before, after = change.before, change.after
    if (
        isinstance(before, Term)
        and isinstance(after, Term)
        and before.trigger == after.trigger
        and before.process == after.process
    ):
        old_length, new_length = before.duration, after.duration
        language = context.language
        start = " ".join(part for part in (before.trigger, process_words(before, language)) if part)
        if start and old_length is not None and new_length is not None:
            lengths = (
                f"{duration_words(old_length, language)} → {duration_words(new_length, language)}"
            )
            words = f"{lengths} {start}"
    durations_equal = (
        isinstance(before, Term) and isinstance(after, Term) and before.duration == after.duration
    )
    if change.direction is Direction.INCOMPARABLE and durations_equal:
        return f"{context.say('trigger_changed')}: {words}.", None
    headline, meaning = _TERM_WORDS.get(
        change.direction or Direction.INCOMPARABLE, ("term_changed", "not_comparable")
    )
    return f"{context.say(headline)}: {words}.", context.say(meaning)


def _revalued(change: Change, context: _Context) -> Description:
    values = f"{context.words(change, change.before)} → {context.words(change, change.after)}"
    text = f"{context.say('revalued')}: {values}."
    if change.field is Field.KEEP_PARTS:
        gained = change.direction is Direction.TO_RETAIN
        return text, context.say("kept_part_gained" if gained else "kept_part_lost")
    meaning = {Direction.TO_RETAIN: "now_kept", Direction.TO_DESTROY: "now_destroyed"}
    key = meaning.get(change.direction) if change.direction else None
    return text, context.say(key) if key else None


def _withdrawn(change: Change, context: _Context) -> Description:
    text = context.say("gone_category")
    if change.before is not None:
        text += f" ({context.words(change, change.before)})"
    if change.successors:
        text += f"; {context.say('successors').lower()} {', '.join(change.successors)}"
    return f"{text}.", None


def _moved(change: Change, context: _Context) -> Description:
    if change.field is Field.PARENT:
        old, new = (v if isinstance(v, str) else None for v in (change.before, change.after))
        where = f"{context.heading(old)} → {context.heading(new)}"
        return f"{context.say('section_moved')}: {where}.", None
    where = context.say("moved_from").format(
        old=context.heading(change.old_section), new=context.heading(change.section)
    )
    return f"{where} ({change.old_number} → {change.new_number}).", None


def _field_change(change: Change, context: _Context) -> Description:
    if change.wording:
        return _wording_head(change, context), None
    field = field_label(change.field, change.item, context.language)
    if change.field is not None and change.field.wording:
        if change.before is None:  # a text where there was none: shown in full
            return _sentence(
                f"{field} {context.say('added')}: {context.words(change, change.after)}"
            ), None
        if change.after is None:  # a text removed: shown in full, as it was
            return _sentence(
                f"{field} {context.say('removed')}: {context.words(change, change.before)}"
            ), None
    values = f"{context.words(change, change.before)} → {context.words(change, change.after)}"
    return _sentence(f"{field}: {values}"), None


def _wording_head(change: Change, context: _Context) -> str:
    """``Naam gewijzigd:``, or ``Naam gewijzigd (redactioneel):`` for a trivial edit."""
    key = (change.field, change.item, change.significance)
    head = context.wording_heads.get(key)
    if head is None:
        field = field_label(change.field, change.item, context.language)
        trivial = ""
        if change.significance is Significance.TRIVIAL:
            trivial = f" ({significance_label(Significance.TRIVIAL, context.language)})"
        head = context.wording_heads[key] = f"{field} {context.say('changed')}{trivial}:"
    return head


def _section(
    key: str, value: Callable[[Change], Value]
) -> Callable[[Change, _Context], Description]:
    """A section added or removed: said so, with its text in full."""

    def describe(change: Change, context: _Context) -> Description:
        text = value(change)
        if text:
            return _sentence(f"{context.say(key)}: {context.words(change, text)}"), None
        return _sentence(context.say(key)), None

    return describe


def _split(change: Change, context: _Context) -> Description:
    parts = "; ".join(
        f"{number}: {_valuation_of(context, number, new=True)}" for number in change.new_numbers
    )
    return _sentence(f"{context.say('split_into')} {', '.join(change.new_numbers)}: {parts}"), None


def _merged(change: Change, context: _Context) -> Description:
    parts = "; ".join(
        f"{number}: {_valuation_of(context, number, new=False)}" for number in change.old_numbers
    )
    new = context.changes.new_category(change)
    after = valuation_words(new.valuation, context.language) if new and new.valuation else "—"
    text = f"{context.say('merged_from')} {', '.join(change.old_numbers)}: {parts} → {after}"
    return _sentence(text), None


def _valuation_of(context: _Context, number: str, *, new: bool) -> str:
    changes = context.changes
    category = changes.new_numbered(number) if new else changes.old_numbered(number)
    if category is None or category.valuation is None:
        return "—"
    return valuation_words(category.valuation, context.language)


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
    ChangeKind.ADDED: _simple("new_category", lambda c, ctx: f": {ctx.words(c, c.after)}"),
    ChangeKind.REINSTATED: _simple("reinstated_category"),
    ChangeKind.SPLIT: _split,
    ChangeKind.MERGED: _merged,
    ChangeKind.RENUMBERED: _simple(
        "renumbered_from", lambda c, _: f": {c.old_number} → {c.new_number}"
    ),
    ChangeKind.CRITERIA_CHANGED: _simple(
        "criteria_changed",
        lambda c, ctx: (
            f": {value_text(c.field, c.before) or ctx.say('none')}"
            f" → {value_text(c.field, c.after) or ctx.say('none')}"
        ),
    ),
    ChangeKind.SECTION_ADDED: _section("section_new", lambda c: c.after),
    ChangeKind.SECTION_REMOVED: _section("section_gone", lambda c: c.before),
}


def _sentence(text: str) -> str:
    """*text* ending in exactly one full stop (or its own punctuation)."""
    return text if text.endswith((".", "!", "?", ":")) else text + "."
