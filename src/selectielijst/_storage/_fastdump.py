"""Writing the canonical snapshot form quickly, byte for byte as the reference writer does.

The reference writer is ruamel.yaml, set up in :mod:`selectielijst._storage._ruamel`: block
style, mappings indented by 2, sequence dashes by 2 more, integer lists in flow
style, text with line breaks as literal blocks. This module lays out the same
structure itself and decides how to write each text: plain where that is surely
plain to the reference writer, in single quotes where it would read as a number,
date or boolean; any other text it asks the reference writer about, one text at a
time (and remembers the answer). A shape it does not know makes it give the whole
document to the reference writer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

__all__ = ["dump"]

_RESOLVES = re.compile(
    r"""^(?:true|True|TRUE|false|False|FALSE
    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+
    |<<|~|null|Null|NULL|=
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?
    )$""",
    re.VERBOSE,
)
"""Plain text the reader would take for a boolean, number, null or date..."""
_RESOLVER_STARTS = frozenset("tTfF-+0123456789.<~nN=")
"""...if it starts with one of these, as each of those patterns requires."""
_QUOTED_AS_IS = re.compile(r"^[0-9A-Za-z.+\-_:~<=]*$")
"""Text that, when it would be read as something else, goes in single quotes unchanged."""
_UNSAFE = re.compile(r"[^\w .,;()/'\"\u2018\u2019\u201c\u201d\u2013\u2014+%=!?*&:#-]|: |:$| #")
"""A character or pair the reference writer may quote for; anything else is plain."""


def _surely_plain(text: str) -> bool:
    """Whether the reference writer writes *text* plain: letters, digits and quiet punctuation."""
    first = text[0]
    if not (first.isalnum() or first == "(") or text[-1] == " ":
        return False
    return _UNSAFE.search(text) is None and text.isprintable()


@functools.lru_cache(maxsize=1 << 14)
def _asked(text: str) -> str:
    """How the reference writer writes *text* as the value of a key, on one line."""
    from selectielijst._storage._ruamel import dump_reference  # noqa: PLC0415  # ruamel when needed

    written = dump_reference({"k": text})
    return written.removeprefix("k: ").removesuffix("\n")


def _needs_escapes(text: str) -> bool:
    from selectielijst._storage._ruamel import needs_escapes  # noqa: PLC0415  # the reference's own rule

    return needs_escapes(text)


def _scalar(text: str) -> str:
    if not text:
        return "''"
    if not text.isprintable() and _needs_escapes(text):
        return _asked(text)
    if text[0] in _RESOLVER_STARTS and _RESOLVES.match(text):
        if _QUOTED_AS_IS.match(text):
            return f"'{text}'"
        return _asked(text)
    if _surely_plain(text):
        return text
    return _asked(text)


@functools.lru_cache(maxsize=1 << 12)
def _literal_lines(text: str) -> tuple[str, tuple[str, ...]]:
    """A text with line breaks as the reference writer writes it: the block indicator and lines.

    The lines are indented by the two spaces of a key at the top; callers indent further.
    """
    from selectielijst._storage._ruamel import dump_reference  # noqa: PLC0415  # ruamel when needed

    written = dump_reference({"k": text}).split("\n")
    indicator = written[0].removeprefix("k: ")
    lines = tuple(line[2:] if line else line for line in written[1:-1])
    return indicator, lines


class _Unknown(Exception):  # a signal to hand the document to the reference writer
    """A shape this writer does not lay out."""


def dump(document: Mapping[str, Any], order: Callable[[Mapping[str, Any]], list[str]]) -> str:
    """*document* as canonical YAML; *order* gives the keys of each mapping in the order to write.

    Raises:
        ValueError: The document has a shape this writer does not lay out; write
            it with the reference writer.
    """
    try:
        return "".join(_mapping(document, 0, order))
    except _Unknown as e:
        raise ValueError(str(e)) from e


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
            indicator, lines = _literal_lines(value)
            pad = " " * (indent + 2)
            yield f"{head} {indicator}\n"
            yield from (f"{pad}{line}\n" if line else "\n" for line in lines)
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
        else:
            msg = "a list of lists, of mappings mixed with text, or of texts with line breaks"
            raise _Unknown(msg)
