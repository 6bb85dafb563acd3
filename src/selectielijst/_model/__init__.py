"""The model: a list, its versions' records, terms and durations, and what a category says.

The bottom of the library (above :mod:`selectielijst.errors` only): frozen
records and their vocabulary, durations that keep their units, the rules of
text that the diff and the importers share, and what a category says of a
record's retention. Nothing here reads or writes a file.
"""

from selectielijst._model._duration import (
    PROCESS_WORDS,
    Comparison,
    Duration,
    ProcessKind,
    ProcessTerm,
    Term,
)
from selectielijst._model._memory import quiet_collector
from selectielijst._model._records import (
    STABLE_ID,
    TRANSFER_TERM,
    Category,
    CategoryStatus,
    Criterion,
    IdSource,
    KeepPart,
    ListIndex,
    Section,
    SelectionList,
    Status,
    Valuation,
    ValuationKind,
    VersionEntry,
    VersionInfo,
)
from selectielijst._model._retention import Outcome, Retention, add_duration, as_date, retention
from selectielijst._model._search import Hit, search
from selectielijst._model._text import (
    Segment,
    SegmentKind,
    is_trivial,
    normalise,
    number_key,
    slug,
    word_segments,
)

__all__ = [
    "PROCESS_WORDS",
    "STABLE_ID",
    "TRANSFER_TERM",
    "Category",
    "CategoryStatus",
    "Comparison",
    "Criterion",
    "Duration",
    "Hit",
    "IdSource",
    "KeepPart",
    "ListIndex",
    "Outcome",
    "ProcessKind",
    "ProcessTerm",
    "Retention",
    "Section",
    "Segment",
    "SegmentKind",
    "SelectionList",
    "Status",
    "Term",
    "Valuation",
    "ValuationKind",
    "VersionEntry",
    "VersionInfo",
    "add_duration",
    "as_date",
    "is_trivial",
    "normalise",
    "number_key",
    "quiet_collector",
    "retention",
    "search",
    "slug",
    "word_segments",
]
