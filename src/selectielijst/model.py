"""The model: a selection list, its sections and categories, valuations and terms.

Every record is frozen (``attrs``), made of tuples, and compares by value.
A category has a stable id apart from its display number, so identity
survives renumbering.

>>> from selectielijst.model import Duration, Term
>>> str(Term(Duration(years=10), trigger="na beëindiging"))
'10 jaar na beëindiging'
"""

from selectielijst._model import (
    Category,
    CategoryStatus,
    Comparison,
    Criterion,
    Duration,
    IdSource,
    KeepPart,
    ListIndex,
    ProcessKind,
    ProcessTerm,
    Section,
    SelectionList,
    Status,
    Term,
    Valuation,
    ValuationKind,
    VersionEntry,
    VersionInfo,
)

__all__ = [
    "Category",
    "CategoryStatus",
    "Comparison",
    "Criterion",
    "Duration",
    "IdSource",
    "KeepPart",
    "ListIndex",
    "ProcessKind",
    "ProcessTerm",
    "Section",
    "SelectionList",
    "Status",
    "Term",
    "Valuation",
    "ValuationKind",
    "VersionEntry",
    "VersionInfo",
]


def __dir__() -> list[str]:
    return __all__
