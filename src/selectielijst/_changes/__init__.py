"""Change records: the vocabulary of changes, each change, the change set and its JSON.

Above storage (the JSON is read as strictly as a snapshot) and below the diff,
which makes them, and the renderers, which put them into words.
"""

from selectielijst._changes._changeset import ChangeSet
from selectielijst._changes._json import CHANGES_FORMAT, read_changes, to_plain
from selectielijst._changes._records import (
    Change,
    ConcordanceRow,
    Heading,
    Reason,
    Row,
    Structure,
)
from selectielijst._changes._vocabulary import (
    KIND_ORDER,
    VALUE_KINDS,
    ChangeKind,
    Direction,
    Field,
    Significance,
    Value,
    ValueKind,
    value_text,
)
from selectielijst._model import Segment, SegmentKind, number_key

__all__ = [
    "CHANGES_FORMAT",
    "KIND_ORDER",
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
