"""Looking up: the answers of search, retention and trace, and the calendar rule.

>>> import datetime
>>> from selectielijst.lookup import Duration, add_duration
>>> add_duration(datetime.date(2024, 1, 31), Duration(months=1))
datetime.date(2024, 2, 29)
"""

from selectielijst._duration import Duration
from selectielijst._lookup import Hit
from selectielijst._retention import Outcome, Retention, add_duration
from selectielijst._trace import Trace

__all__ = ["Duration", "Hit", "Outcome", "Retention", "Trace", "add_duration"]
