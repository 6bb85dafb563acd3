"""The snapshot format: YAML text in and out, its versions, its converter and JSON Schemas.

>>> from selectielijst import load
>>> from selectielijst.snapshots import dumps, loads
>>> loads(dumps(load("mivd", "0.16"))) == load("mivd", "0.16")
True
"""

from selectielijst._converter import make_converter
from selectielijst._files import MAX_FILE_SIZE, SIZE_VARIABLE, size_limit
from selectielijst._schema import changeset_schema, index_schema, snapshot_schema
from selectielijst._snapshot import FORMAT, FORMAT_1, dumps, loads

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
    "size_limit",
    "snapshot_schema",
]
