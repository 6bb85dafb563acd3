"""The YAML front: a fast path (libyaml, our own writer) and a reference path (ruamel).

Callers read and write YAML here and never choose a path themselves. Reading a
snapshot takes the fast path; only a text it refuses, or a problem to locate,
goes to the reference path, whose messages and line numbers say more. Writing
takes the fast writer, which hands any shape it does not know to the reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from selectielijst._i18n import said_by
from selectielijst._storage import _fastdump, _fastyaml, _ruamel
from selectielijst._storage._ruamel import Loaded, load
from selectielijst.errors import InvalidDocument

__all__ = ["Loaded", "dump", "lines_of", "load", "parse"]


def parse(text: str, *, file: str | None = None) -> object:
    """The plain data of a YAML text, read by the fastest reader that can.

    Raises:
        InvalidDocument: The text is no YAML a snapshot may hold (an alias, a
            tag, invalid syntax), named at its line.
    """
    try:
        return _fastyaml.load(text)
    except _fastyaml.Refused as refusal:
        if _fastyaml.AVAILABLE:
            raise InvalidDocument(said_by(refusal), file=file, line=refusal.line) from None
    return load(text, file=file).data  # without libyaml, ruamel reads all


def lines_of(text: str, paths: Iterable[str]) -> dict[str, int]:
    """The line of each of *paths* (``$.sections[0].title``) in *text*, where it has one."""
    return _fastyaml.lines_of(text, paths)


def dump(data: Mapping[str, Any]) -> str:
    r"""Write plain data as canonical YAML: fixed key order, text as block scalars.

    Laid out by the fast writer, byte for byte as the reference writer does; a
    shape the fast writer does not know goes to the reference writer.

    >>> print(dump({"title": "Voorbeeld", "list": "x", "text": "Een.\n\nTwee."}), end="")
    list: x
    title: Voorbeeld
    text: |-
      Een.
    <BLANKLINE>
      Twee.
    """
    try:
        return _fastdump.dump(data, _ruamel.ordered)
    except ValueError:
        return _ruamel.dump_reference(data)
