"""Records against a list, in bulk: the destruction list, and what a new version does.

DuckDB, embedded, computes by default; a Spark DataFrame, or ``engine="spark"``,
goes to Apache Spark. Both run the same SQL, written once and translated by
sqlglot for each (see :data:`ENGINES`).

>>> import datetime
>>> import pyarrow
>>> from selectielijst import load
>>> from selectielijst.holdings import due
>>> records = pyarrow.table({"id": ["z1", "z2"], "category": ["1.2", "1.1"],
...                         "start": ["2015-01-31", "2015-01-31"]})
>>> print(due(load("voorbeeld", "2.1"), records, on=datetime.date(2026, 1, 1)).summary())
2 stukken op 1 januari 2026: 1 vernietigen, 0 nog niet, 1 blijvend bewaren, 0 overbrengen,
0 niet te bepalen
"""

from selectielijst import _holdings
from selectielijst._holdings import *  # noqa: F403  # the face's names, as its __all__ lists them

__all__ = _holdings.__all__


def __dir__() -> list[str]:
    return __all__
