"""Import and export in detail: notations, spreadsheet mappings, and export bytes.

The main entry points (:func:`~selectielijst.import_table`,
:func:`~selectielijst.import_vng`, :func:`~selectielijst.export`) are in the
package itself; here are the parts they are made of.

>>> from selectielijst.io import read_valuation
>>> str(read_valuation("V, 10 jaar; B (1) eindproduct").valuation)
'V, 10 jaar; B (1) eindproduct'
"""

from selectielijst._io._export import EXPORT_FORMATS, export_bytes
from selectielijst._io._notation import Reading, read_term, read_valuation
from selectielijst._io._table import Columns, Imported, ImportNote, TableOptions, read_mapping
from selectielijst._io._vng import PROCESS_TERMS, TASK_FIELDS, process_term_words
from selectielijst._io._vng_export import api_fixtures, export_vng_api

__all__ = [
    "EXPORT_FORMATS",
    "PROCESS_TERMS",
    "TASK_FIELDS",
    "Columns",
    "ImportNote",
    "Imported",
    "Reading",
    "TableOptions",
    "api_fixtures",
    "export_bytes",
    "export_vng_api",
    "process_term_words",
    "read_mapping",
    "read_term",
    "read_valuation",
]
