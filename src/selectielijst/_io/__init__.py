"""Getting lists in and out: valuation notations, spreadsheets, the VNG Selectielijst.

Each part loads when one of its names is first used: a diff that reads the
reasons stored beside a version needs no Word, PDF or spreadsheet reader.
"""

from typing import TYPE_CHECKING

from selectielijst._lazy import names_when_used

if TYPE_CHECKING:
    from selectielijst._io._export import (
        EXPORT_FORMATS,
        export,
        export_bytes,
        read_export,
        read_list_document,
        revised_bytes,
    )
    from selectielijst._io._notation import NotationError, Reading, read_term, read_valuation
    from selectielijst._io._reasons import (
        REASONS_NAME,
        read_reasons,
        reasons_from_table,
        store_reasons,
        stored_reasons,
        write_reasons,
    )
    from selectielijst._io._table import (
        Columns,
        Imported,
        ImportNote,
        TableOptions,
        import_table,
        read_mapping,
    )
    from selectielijst._io._vng import (
        PROCESS_TERMS,
        TASK_FIELDS,
        import_vng,
        import_vng_api,
        process_term_words,
        with_process_term,
    )
    from selectielijst._io._vng_export import (
        ApiRecords,
        ApiShape,
        api_fixtures,
        api_records,
        export_vng_api,
        write_api_records,
    )

__all__ = [
    "EXPORT_FORMATS",
    "PROCESS_TERMS",
    "REASONS_NAME",
    "TASK_FIELDS",
    "ApiRecords",
    "ApiShape",
    "Columns",
    "ImportNote",
    "Imported",
    "NotationError",
    "Reading",
    "TableOptions",
    "api_fixtures",
    "api_records",
    "export",
    "export_bytes",
    "export_vng_api",
    "import_table",
    "import_vng",
    "import_vng_api",
    "process_term_words",
    "read_export",
    "read_list_document",
    "read_mapping",
    "read_reasons",
    "read_term",
    "read_valuation",
    "reasons_from_table",
    "revised_bytes",
    "store_reasons",
    "stored_reasons",
    "with_process_term",
    "write_api_records",
    "write_reasons",
]


_PARTS = {
    "._export": ("EXPORT_FORMATS", "export", "export_bytes", "read_export", "read_list_document",
                "revised_bytes"),
    "._notation": ("NotationError", "Reading", "read_term", "read_valuation"),
    "._reasons": ("REASONS_NAME", "read_reasons", "reasons_from_table", "store_reasons",
                 "stored_reasons", "write_reasons"),
    "._table": ("Columns", "ImportNote", "Imported", "TableOptions", "import_table",
               "read_mapping"),
    "._vng": ("PROCESS_TERMS", "TASK_FIELDS", "import_vng", "import_vng_api", "process_term_words",
             "with_process_term"),
    "._vng_export": ("ApiRecords", "ApiShape", "api_fixtures", "api_records", "export_vng_api",
                    "write_api_records"),
}  # fmt: skip

__getattr__ = names_when_used(__name__, _PARTS)


def __dir__() -> list[str]:
    return __all__
