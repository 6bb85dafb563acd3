"""Looking up: the answers of search, retention and trace, and the calendar rule.

>>> import datetime
>>> from selectielijst.lookup import Duration, add_duration
>>> add_duration(datetime.date(2024, 1, 31), Duration(months=1))
datetime.date(2024, 2, 29)
"""

from selectielijst._diff import (
    Trace,
    trace,
)
from selectielijst._model import (
    Duration,
    Hit,
    Outcome,
    Retention,
    add_duration,
    retention,
    search,
)

__all__ = [
    "Duration",
    "Hit",
    "Outcome",
    "Retention",
    "Trace",
    "add_duration",
    "retention",
    "search",
    "trace",
]


def __dir__() -> list[str]:
    return __all__
