"""Change records: what a diff says, typed, and all a renderer needs to say it.

A :class:`~selectielijst.ChangeSet` is the result of :func:`selectielijst.diff`.
It describes itself: besides its :class:`~selectielijst.Change` records it
carries the section outline of both versions, the concordance, and the old and
new record of every category a change names, so that a change log can be
written from it alone, also after it was published as JSON and read back with
:func:`~selectielijst.read_changes`.

Each change's ``before`` and ``after`` hold typed values, never text to parse
back: which type follows from its :class:`~selectielijst.changes.Field` (see
:data:`VALUE_KINDS`).
"""

from selectielijst._changes import (
    CHANGES_FORMAT,
    VALUE_KINDS,
    Change,
    ChangeKind,
    ChangeSet,
    ConcordanceRow,
    Direction,
    Field,
    Heading,
    Reason,
    Row,
    Segment,
    SegmentKind,
    Significance,
    Structure,
    Value,
    ValueKind,
    number_key,
    read_changes,
    to_plain,
    value_text,
)

__all__ = [
    "CHANGES_FORMAT",
    "VALUE_KINDS",
    "Change",
    "ChangeKind",
    "ChangeSet",
    "ConcordanceRow",
    "Direction",
    "Field",
    "Heading",
    "Reason",
    "Row",
    "Segment",
    "SegmentKind",
    "Significance",
    "Structure",
    "Value",
    "ValueKind",
    "number_key",
    "read_changes",
    "to_plain",
    "value_text",
]


def __dir__() -> list[str]:
    return __all__
