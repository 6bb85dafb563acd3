"""Writing the canonical snapshot form quickly, byte for byte as the reference writer does.

The reference writer is ruamel.yaml, set up in :mod:`selectielijst._storage._ruamel`: block
style, mappings indented by 2, sequence dashes by 2 more, integer lists in flow
style, text with line breaks as literal blocks. This module lays out the same
structure itself and writes each text as the reference writer's emitter would
choose: plain where its analysis allows a plain scalar, else in single quotes,
or in double quotes when the text holds an apostrophe; a text of several lines
as a literal block with the emitter's indentation and chomping indicators. The
rules are ruamel's ``analyze_scalar`` and ``choose_scalar_style`` for block
context, kept to texts of printable characters; a text with control characters
(written escaped, in double quotes) is the only one still handed to the
reference writer. A shape it does not know makes it give the whole document to
the reference writer.

Both writers also quote what a YAML 1.1 reader (PyYAML, and the tools built on
it) would take for something other than text: ``yes``, ``off``, ``1:20``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from selectielijst._storage._layout import needs_escapes
from selectielijst._storage._scalars import read_otherwise

__all__ = ["dump"]

_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
"""Characters that cannot start a plain scalar."""
_WHITESPACE = "\0 \t\r\n\x85\u2028\u2029"


def _plain_allowed(text: str) -> bool:
    """Whether ruamel's emitter allows *text*, one printable line, as a block plain scalar."""
    if text[0] == " " or text[-1] == " " or text.startswith(("---", "...")):
        return False
    first = text[0]
    if first in _INDICATORS:
        return False
    if first in "?:-" and (len(text) == 1 or text[1] in _WHITESPACE):
        return False
    return not (": " in text or text.endswith(":") or " #" in text)


@functools.lru_cache(maxsize=1 << 14)
def _asked(text: str) -> str:
    """How the reference writer writes *text* as the value of a key, on one line."""
    from selectielijst._storage._ruamel import dump_reference  # noqa: PLC0415  # ruamel when needed

    written = dump_reference({"k": text})
    return written.removeprefix("k: ").removesuffix("\n")


def _needs_escapes(text: str) -> bool:
    return needs_escapes(text)


def _scalar(text: str) -> str:
    """One line of text as the value of a key or an item of a list."""
    if not text:
        return "''"
    if not text.isprintable():
        return _asked(text)  # escapes: the reference writer's double quotes
    if not read_otherwise(text) and _plain_allowed(text):
        return text
    if "'" in text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"'{text}'"


_KEPT_END = "\x00"
"""Marks where a literal block with kept breaks ends: no text written as a block holds it."""


def _literal(text: str, pad: str) -> Iterator[str]:
    """A text with line breaks as a literal block: its indicator, then its lines after *pad*.

    As ruamel's ``determine_block_hints`` and ``write_literal`` have it: an
    indentation indicator when the text starts with a space or a break, and
    ``-`` (strip), nothing (clip) or ``+`` (keep) for the breaks at its end;
    each line after *pad*, a blank line without it.
    """
    hints = "2" if text[0] in " \n" else ""
    if text[-1] != "\n":
        hints += "-"
    elif len(text) == 1 or text[-2] == "\n":
        hints += "+"
    yield f"|{hints}\n"
    lines = text.split("\n")
    yield "\n".join(pad + line if line else "" for line in lines)  # blank lines without the pad
    if lines[-1]:  # the text's last line ends the block
        yield "\n"
    if hints.endswith("+"):
        yield _KEPT_END


class _Unknown(Exception):  # a signal to hand the document to the reference writer
    """A shape this writer does not lay out."""


def dump(document: Mapping[str, Any], order: Callable[[Mapping[str, Any]], list[str]]) -> str:
    """*document* as canonical YAML; *order* gives the keys of each mapping in the order to write.

    Raises:
        ValueError: The document has a shape this writer does not lay out; write
            it with the reference writer.
    """
    try:
        written = "".join(_mapping(document, 0, order))
    except _Unknown as e:
        raise ValueError(str(e)) from e
    if _KEPT_END in written:  # a document ending in kept breaks is closed with "..."
        end = "...\n" if written.endswith(_KEPT_END) else ""
        written = written.replace(_KEPT_END, "") + end
    return written


def _mapping(
    mapping: Mapping[str, Any], indent: int, order: Callable[[Mapping[str, Any]], list[str]]
) -> Iterator[str]:
    pad = " " * indent
    for key in order(mapping):
        yield from _entry(f"{pad}{key}:", mapping[key], indent, order)


def _entry(
    head: str, value: Any, indent: int, order: Callable[[Mapping[str, Any]], list[str]]
) -> Iterator[str]:
    """``head`` (a key and its colon, or a dash) followed by *value*."""
    if value is None:
        yield f"{head}\n"
    elif isinstance(value, bool):
        yield f"{head} {'true' if value else 'false'}\n"
    elif isinstance(value, int):
        yield f"{head} {value}\n"
    elif isinstance(value, str):
        if "\n" in value and not _needs_escapes(value):
            yield f"{head} "
            yield from _literal(value, " " * (indent + 2))
        else:
            yield f"{head} {_scalar(value)}\n"
    elif isinstance(value, Mapping):
        if not value:
            yield f"{head} {{}}\n"
        else:
            yield f"{head}\n"
            yield from _mapping(value, indent + 2, order)
    elif isinstance(value, list | tuple):
        yield from _sequence(head, value, indent, order)
    else:
        msg = f"no layout for {type(value).__name__}"
        raise _Unknown(msg)


def _sequence(
    head: str, items: list[Any] | tuple[Any, ...], indent: int,
    order: Callable[[Mapping[str, Any]], list[str]],
) -> Iterator[str]:  # fmt: skip
    if not items:
        yield f"{head} []\n"
        return
    if all(isinstance(item, int) and not isinstance(item, bool) for item in items):
        yield f"{head} [{', '.join(map(str, items))}]\n"
        return
    yield f"{head}\n"
    dash = " " * (indent + 2) + "-"
    for item in items:
        if isinstance(item, Mapping) and item:
            keys = order(item)
            first, rest = keys[0], keys[1:]
            lines = list(_entry(f"{dash} {first}:", item[first], indent + 4, order))
            yield from lines
            pad = " " * (indent + 4)
            for key in rest:
                yield from _entry(f"{pad}{key}:", item[key], indent + 4, order)
        elif isinstance(item, str) and ("\n" not in item or _needs_escapes(item)):
            yield f"{dash} {_scalar(item)}\n"
        elif isinstance(item, str):
            yield f"{dash} "
            yield from _literal(item, " " * (indent + 4))
        else:
            msg = "a list of lists, or of mappings mixed with text"
            raise _Unknown(msg)
