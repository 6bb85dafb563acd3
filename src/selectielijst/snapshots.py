"""The snapshot format: YAML text in and out, its versions, its converter and JSON Schemas.

>>> from selectielijst import load
>>> from selectielijst.snapshots import dumps, loads
>>> loads(dumps(load("mivd", "0.16"))) == load("mivd", "0.16")
True
"""

from selectielijst._storage import (
    FORMAT,
    FORMAT_1,
    MAX_FILE_SIZE,
    SIZE_VARIABLE,
    dumps,
    loads,
    make_converter,
    read,
    size_limit,
    write,
)
from selectielijst._workspace import (
    changeset_schema,
    index_schema,
    snapshot_schema,
)

__all__ = [
    "FORMAT",
    "FORMAT_1",
    "MAX_FILE_SIZE",
    "SIZE_VARIABLE",
    "changeset_schema",
    "dumps",
    "index_schema",
    "loads",
    "make_converter",
    "read",
    "size_limit",
    "snapshot_schema",
    "write",
]


def __dir__() -> list[str]:
    return __all__
