"""Names a package gives from modules loaded only when one of their names is first asked for."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping

__all__ = ["names_when_used"]


def names_when_used(package: str, parts: Mapping[str, Iterable[str]]) -> Callable[[str], object]:
    """A module ``__getattr__`` for *package*: each name of *parts* from its module, loaded then.

    *parts* maps a module (``._sheets`` within the package, or a full name)
    to the names it gives. A name found is kept in the package, so the
    module is asked once; any other name is an :class:`AttributeError`.

    >>> lookup = names_when_used("json", {".decoder": ("JSONDecodeError",)})
    >>> lookup("JSONDecodeError").__name__
    'JSONDecodeError'
    >>> lookup("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'json' has no attribute 'nothing'
    """
    part_of = {name: part for part, names in parts.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807  # the name Python looks for
        part = part_of.get(name)
        if part is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        found = getattr(importlib.import_module(part, package), name)
        setattr(sys.modules[package], name, found)
        return found

    return __getattr__
