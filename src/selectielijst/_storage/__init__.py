"""Storage: files, YAML, snapshots and spreadsheets, read strictly and written atomically.

Above the model: the one place that touches the disk. Snapshots are read by
the fast path (:mod:`._fastyaml`) and, on a problem, by the reference path
(:mod:`._yaml`) for located errors; :mod:`._sheets` holds the spreadsheet
plumbing and the CSV formula guard that every writer, in Python or SQL, follows.
"""

from typing import TYPE_CHECKING

from selectielijst._lazy import names_when_used
from selectielijst._storage._converter import FIELD_RENAMES, converter_of, make_converter, register
from selectielijst._storage._files import (
    MAX_FILE_SIZE,
    SIZE_VARIABLE,
    check_output,
    filled_together,
    finish_interrupted,
    read_text,
    refuse_input,
    refuse_links,
    same_file,
    size_limit,
    usable_path,
    write_atomically,
)
from selectielijst._storage._problems import Problem, Problems, structure
from selectielijst._storage._snapshot import (
    FORMAT,
    FORMAT_1,
    dumps,
    from_plain,
    loads,
    read,
    write,
)
from selectielijst._storage._yaml import Loaded
from selectielijst._storage._yaml import dump as dump_yaml
from selectielijst._storage._yaml import load as load_yaml

if TYPE_CHECKING:
    from selectielijst._storage._sheets import (
        CELL_LIMIT,
        FORMULA_STARTS,
        NOT_IN_A_CELL,
        NOT_IN_XML,
        Row,
        Sheet,
        Table,
        checked_file,
        guarded,
        read_table,
        unguarded,
        write_csv,
        write_workbook,
        write_xlsx,
    )

__all__ = [
    "CELL_LIMIT",
    "FIELD_RENAMES",
    "FORMAT",
    "FORMAT_1",
    "FORMULA_STARTS",
    "MAX_FILE_SIZE",
    "NOT_IN_A_CELL",
    "NOT_IN_XML",
    "SIZE_VARIABLE",
    "Loaded",
    "Problem",
    "Problems",
    "Row",
    "Sheet",
    "Table",
    "check_output",
    "checked_file",
    "converter_of",
    "dump_yaml",
    "dumps",
    "filled_together",
    "finish_interrupted",
    "from_plain",
    "guarded",
    "load_yaml",
    "loads",
    "make_converter",
    "read",
    "read_table",
    "read_text",
    "refuse_input",
    "refuse_links",
    "register",
    "same_file",
    "size_limit",
    "structure",
    "unguarded",
    "usable_path",
    "write",
    "write_atomically",
    "write_csv",
    "write_workbook",
    "write_xlsx",
]


__getattr__ = names_when_used(__name__, {"._sheets": (
    "CELL_LIMIT", "FORMULA_STARTS", "NOT_IN_A_CELL", "NOT_IN_XML", "Row", "Sheet", "Table",
    "checked_file", "guarded", "read_table", "unguarded", "write_csv", "write_workbook",
    "write_xlsx",
)})  # fmt: skip
"""The spreadsheet plumbing, loaded when one of its names is first asked for: reading and
comparing snapshots needs no CSV or workbook module."""
