"""Published versions cannot silently change: digests recorded in each list's index.

>>> from selectielijst.integrity import verify
>>> verify()
()
"""

from selectielijst._workspace import (
    IntegrityProblem,
    digest,
    record_digests,
    verify,
)

__all__ = [
    "IntegrityProblem",
    "digest",
    "record_digests",
    "verify",
]


def __dir__() -> list[str]:
    return __all__
