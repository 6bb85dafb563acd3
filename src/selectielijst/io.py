"""Import and export in detail: notations, spreadsheet mappings, and export bytes.

The main entry points (:func:`~selectielijst.import_table`,
:func:`~selectielijst.import_vng`, :func:`~selectielijst.export`) are in the
package itself; here are the parts they are made of.

>>> from selectielijst.io import read_valuation
>>> str(read_valuation("V, 10 jaar; B (1) eindproduct").valuation)
'V, 10 jaar; B (1) eindproduct'
"""

from selectielijst._io import (
    EXPORT_FORMATS,
    PROCESS_TERMS,
    REASONS_NAME,
    TASK_FIELDS,
    Columns,
    Imported,
    ImportNote,
    NotationError,
    Reading,
    TableOptions,
    api_fixtures,
    export,
    export_bytes,
    export_vng_api,
    import_table,
    import_vng,
    import_vng_api,
    process_term_words,
    read_export,
    read_mapping,
    read_reasons,
    read_term,
    read_valuation,
    reasons_from_table,
    store_reasons,
    stored_reasons,
    write_reasons,
)

__all__ = [
    "EXPORT_FORMATS",
    "PROCESS_TERMS",
    "REASONS_NAME",
    "TASK_FIELDS",
    "Columns",
    "ImportNote",
    "Imported",
    "NotationError",
    "Reading",
    "TableOptions",
    "api_fixtures",
    "export",
    "export_bytes",
    "export_vng_api",
    "import_table",
    "import_vng",
    "import_vng_api",
    "process_term_words",
    "read_export",
    "read_mapping",
    "read_reasons",
    "read_term",
    "read_valuation",
    "reasons_from_table",
    "store_reasons",
    "stored_reasons",
    "write_reasons",
]


def __dir__() -> list[str]:
    return __all__
