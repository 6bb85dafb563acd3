"""Import and export in detail: notations, spreadsheet mappings, and export bytes.

The main entry points (:func:`~selectielijst.import_table`,
:func:`~selectielijst.import_vng`, :func:`~selectielijst.export`) are in the
package itself; here are the parts they are made of.

>>> from selectielijst.io import read_valuation
>>> str(read_valuation("V, 10 jaar; B (1) eindproduct").valuation)
'V, 10 jaar; B (1) eindproduct'
"""

from typing import TYPE_CHECKING

from selectielijst import _io

if TYPE_CHECKING:
    from selectielijst._io import *  # noqa: F403  # the face's names, as its __all__ lists them

__all__ = _io.__all__


def __getattr__(name: str) -> object:
    """The name from the part that holds it, loaded when it is first used."""
    return getattr(_io, name)


def __dir__() -> list[str]:
    return __all__
