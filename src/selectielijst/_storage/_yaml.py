"""The YAML front: a fast path (libyaml, our own writer) and a reference path (ruamel).

Callers read and write YAML here and never choose a path themselves. Reading a
snapshot takes the fast path; only a text it refuses, or a problem to locate,
goes to the reference path, whose messages and line numbers say more. Writing
takes the fast writer, which hands any shape it does not know to the reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from selectielijst._i18n import said_by
from selectielijst._storage import _fastdump, _fastyaml
from selectielijst._storage._layout import Loaded, ordered
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


def load(text: str, *, file: str | None = None) -> Loaded:
    """*text* read as data, with the line of every path (found when a problem asks for it).

    The fast path reads it; a text it refuses goes to the reference path
    (ruamel), whose message says more.

    Raises:
        InvalidDocument: The text is not YAML of the kind a snapshot is.
    """
    if _fastyaml.AVAILABLE:
        try:
            return Loaded(_fastyaml.load(text), _LinesOf(text))
        except _fastyaml.Refused:
            pass
    from selectielijst._storage import _ruamel  # noqa: PLC0415  # ruamel when the reference reads

    return _ruamel.load(text, file=file)


class _LinesOf(Mapping[str, int]):
    """The line of each path of a text, found when first asked for (a problem to report)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, int | None] = {}

    def _line(self, path: str) -> int | None:
        if path not in self.found:
            self.found[path] = _fastyaml.lines_of(self.text, [path]).get(path)
        return self.found[path]

    def __getitem__(self, path: str) -> int:
        line = self._line(path)
        if line is None:
            raise KeyError(path)
        return line

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._line(path) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(path for path, line in self.found.items() if line is not None)

    def __len__(self) -> int:
        return sum(1 for line in self.found.values() if line is not None)


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
        return _fastdump.dump(data, ordered)
    except ValueError:
        from selectielijst._storage import _ruamel  # noqa: PLC0415  # ruamel when the reference writes

        return _ruamel.dump_reference(data)
