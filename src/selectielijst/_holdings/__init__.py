"""Holdings: records against a list, in bulk, on DuckDB or Spark.

The top of the library's computing layers: the destruction list on a date
(:func:`due`) and what a new version does to each record (:func:`impact`),
one SQL definition written out by sqlglot for the engine that runs it.
"""

from selectielijst._holdings._api import (
    COLUMNS,
    EFFECTS,
    TABLE_FORMATS,
    Due,
    Impact,
    Written,
    due,
    due_to_files,
    format_of,
    impact,
    impact_to_files,
    table_bytes,
)
from selectielijst._holdings._engines import ENGINES, Progress, as_arrow
from selectielijst._holdings._vocabulary import Action, Effect

__all__ = [
    "COLUMNS",
    "EFFECTS",
    "ENGINES",
    "TABLE_FORMATS",
    "Action",
    "Due",
    "Effect",
    "Impact",
    "Progress",
    "Written",
    "as_arrow",
    "due",
    "due_to_files",
    "format_of",
    "impact",
    "impact_to_files",
    "table_bytes",
]
