r"""Files as the library writes them: usable names, atomic writes, one file however named.

For tools that write beside the library, in the same careful way: a reader
sees the old file or the new, never half of one.

>>> import pathlib, tempfile
>>> from selectielijst.files import write_atomically
>>> target = pathlib.Path(tempfile.mkdtemp()) / "wijzigingen.md"
>>> write_atomically(target, b"# Wijzigingen\n")
>>> target.read_text()
'# Wijzigingen\n'
"""

from selectielijst._storage import (
    filled_together,
    finish_interrupted,
    same_file,
    usable_path,
    write_atomically,
)

__all__ = [
    "filled_together",
    "finish_interrupted",
    "same_file",
    "usable_path",
    "write_atomically",
]


def __dir__() -> list[str]:
    return __all__
