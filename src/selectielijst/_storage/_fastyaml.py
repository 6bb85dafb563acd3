"""Reading YAML at the speed of libyaml, with every safety rule of the snapshot reader.

The C parser of PyYAML reads the text; a builder of our own turns its events
into plain data, without a tree of nodes between, with YAML 1.2 meanings as
the position-tracking reader (ruamel) has them: ``yes`` is text, ``010`` is
ten, a date stays the text it is written as. It refuses what a snapshot never
holds: tags, anchors and aliases, merge keys, duplicate keys, keys that are
not text, and nesting deeper than the bound. Anything refused raises
:class:`Refused`, with the line where libyaml found it. When the data is read
but wrong, :func:`lines_of` gives the line of each place with a problem, so
that every problem names its line without a slower reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NoReturn

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import BaseResolver

from selectielijst._i18n import Message, said_by, say

__all__ = ["AVAILABLE", "Refused", "lines_of", "load"]

AVAILABLE = bool(getattr(yaml, "__with_libyaml__", False))
"""Whether PyYAML's C parser is here; without it the position-tracking reader does all."""

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_REFUSED_TAGS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")


class Refused(Exception):
    """The text is not YAML, or holds what a snapshot may not.

    The message is the problem in the words the reader reports it.

    Attributes:
        line: The 1-based line where libyaml found it, when it knows.
    """

    def __init__(self, message: str | Message, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class _Resolver(BaseResolver):
    """YAML 1.2 core schema, as the position-tracking reader resolves plain scalars."""


# The same patterns as ruamel.yaml's resolver for YAML 1.2; timestamps stay text.
_Resolver.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        re.VERBOSE,
    ),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    _INT,
    re.compile(
        r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
        re.VERBOSE,
    ),
    list("-+0123456789"),
)
_Resolver.add_implicit_resolver(_REFUSED_TAGS[0], re.compile(r"^(?:<<)$"), ["<"])
_Resolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Resolver.add_implicit_resolver(_REFUSED_TAGS[1], re.compile(r"^(?:=)$"), ["="])

_BASES = {"0x": 16, "0o": 8, "0b": 2}


def _integer(text: str) -> int:
    """An integer as YAML 1.2 writes it: ``10``, ``010`` (ten), ``0o17``, ``0x1F``, ``1_000``."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    base = _BASES.get(digits[:2].lower(), 10)
    if base != 10:
        digits = digits[2:]
    if len(digits) > 4300:  # Python's own bound on converting long digit strings
        msg = say("huge-number", "not a snapshot's YAML: a number has thousands of digits")
        raise Refused(msg)
    return sign * int(digits, base)


def _decimal(text: str) -> float:
    cleaned = text.replace("_", "").lower()
    if cleaned.endswith(".inf"):
        return float("-inf") if cleaned.startswith("-") else float("inf")
    if cleaned == ".nan":
        return float("nan")
    return float(cleaned)


MAX_DEPTH = 64
"""Containers nested deeper than this are refused, as the position-tracking reader does."""

_CONVERT: dict[str, Callable[[str], Any]] = {
    _STR: str,
    _BOOL: lambda text: text.lower() == "true",
    _INT: _integer,
    _FLOAT: _decimal,
    _NULL: lambda _: None,
}


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _refuse_tag(tag: str, event: Any) -> NoReturn:
    if tag == _REFUSED_TAGS[0]:
        msg = say("merge-key", "merge keys (<<) are not allowed in a snapshot; write each key out")
    elif tag == _REFUSED_TAGS[1]:
        msg = say("value-key", "the value key (=) is not allowed in a snapshot; quote it: '='")
    else:
        msg = say(
            "yaml-tag",
            "tags such as {tag} are not allowed",
            tag=tag.replace("tag:yaml.org,2002:", "!!"),
        )
    raise Refused(msg, _line(event))


class _Builder:
    """Plain data from libyaml's events: no tree of nodes, so memory stays near the data's.

    Each open mapping or list is a frame on a stack: the container, the key a
    mapping waits to give a value (or ``_NO_KEY``), and whether it is a
    mapping. The innermost frame is kept at hand: every scalar goes into it.
    """

    def __init__(self) -> None:
        self.resolver: Any = _Resolver()  # PyYAML is untyped
        self.stack: list[list[Any]] = []  # [container, pending key or _NO_KEY, is a mapping]
        self.frame: list[Any] | None = None  # the innermost, stack[-1]
        self.root: Any = None
        self.key_tags: dict[tuple[str, Any], str] = {}  # a list has few keys, each many times

    def scalar(self, event: ScalarEvent) -> None:
        if event.anchor is not None:
            _refuse_anchor(event)
        frame = self.frame
        if frame is not None and frame[2] and frame[1] is _NO_KEY:  # the mapping waits for a key
            self._key(event, frame)
            return
        tag = event.tag
        if tag is None or tag == "!":
            implicit = event.implicit
            # Quoted and block scalars are text (PyYAML's resolver says so, after some steps).
            tag = self.resolver.resolve(ScalarNode, event.value, implicit) if implicit[0] else _STR
        convert = _CONVERT.get(tag)
        if convert is None:
            _refuse_tag(tag, event)
        try:
            value = convert(event.value)
        except Refused as e:
            raise Refused(said_by(e), _line(event)) from e
        self.add(value)

    def _key(self, event: ScalarEvent, frame: list[Any]) -> None:
        """Note the key *event* gives, for the value that follows in *frame*'s mapping."""
        tag = event.tag
        if tag is None or tag == "!":
            known = (event.value, event.implicit)  # each key resolved once for each style
            tag = self.key_tags.get(known)
            if tag is None:
                tag = self.key_tags[known] = self.resolver.resolve(ScalarNode, *known)
        if tag not in _CONVERT:
            _refuse_tag(tag, event)
        if tag != _STR:
            msg = say("key-not-word", "keys are plain words, found {key!r}", key=event.value)
            raise Refused(msg, _line(event))
        if event.value in frame[0]:
            msg = say(
                "duplicate-key",
                "duplicate key {key!r}: each key may be given once",
                key=event.value,
            )
            raise Refused(msg, _line(event))
        frame[1] = event.value

    def start(self, event: Any, container: list[Any] | dict[str, Any], tag: str) -> None:
        if event.anchor is not None:
            _refuse_anchor(event)
        if event.tag not in (None, "!", tag):
            _refuse_tag(event.tag, event)
        frame = self.frame
        if frame is not None and frame[2] and frame[1] is _NO_KEY:
            kind = "a mapping" if isinstance(container, dict) else "a list"
            msg = say("key-not-word", "keys are plain words, found {key!r}", key=kind)
            raise Refused(msg, _line(event))
        if len(self.stack) > MAX_DEPTH:
            msg = say("too-deep", "the document is nested too deeply")
            raise Refused(msg, _line(event))
        self.add(container)
        self.frame = [container, _NO_KEY, isinstance(container, dict)]
        self.stack.append(self.frame)

    def end(self) -> None:
        self.stack.pop()
        self.frame = self.stack[-1] if self.stack else None

    def add(self, value: Any) -> None:
        frame = self.frame
        if frame is None:
            self.root = value
        elif frame[2]:
            frame[0][frame[1]] = value
            frame[1] = _NO_KEY
        else:
            frame[0].append(value)


_NO_KEY = object()


def _refuse_anchor(event: Any) -> NoReturn:
    msg = say("yaml-alias", "anchors and aliases (& and *) are not allowed in a snapshot")
    raise Refused(msg, _line(event))


def _events(text: str) -> Iterator[Any]:
    """Libyaml's events for *text*, its errors as :class:`Refused` at their line."""
    parser = _PARSER(text)
    try:
        while (event := parser.get_event()) is not None:
            yield event
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = " ".join(str(part) for part in (e.context, e.problem) if part)
        line = mark.line + 1 if mark else None
        said = say("invalid-yaml", "not valid YAML: {detail}", detail=problem or str(e))
        raise Refused(said, line) from e
    except (yaml.YAMLError, ValueError) as e:
        raise Refused(say("invalid-yaml", "not valid YAML: {detail}", detail=str(e))) from e
    finally:
        parser.dispose()


def _parser() -> Any:
    """Libyaml's parser, where PyYAML was built with it."""
    if not AVAILABLE:
        return None
    from yaml.cyaml import CParser  # type: ignore[attr-defined]  # noqa: PLC0415  # only with libyaml

    return CParser


_PARSER = _parser()


def load(text: str) -> Any:
    """The plain data of *text*.

    Raises:
        Refused: The text is not YAML, or holds what a snapshot may not; the
            error says what, and at which line.
    """
    if not AVAILABLE:
        unavailable = "no C parser"
        raise Refused(unavailable)
    builder = _Builder()
    documents = 0
    for event in _events(text):
        if isinstance(event, ScalarEvent):
            builder.scalar(event)
        elif isinstance(event, MappingStartEvent):
            builder.start(event, {}, _MAP)
        elif isinstance(event, SequenceStartEvent):
            builder.start(event, [], _SEQ)
        elif isinstance(event, MappingEndEvent | SequenceEndEvent):
            builder.end()
        elif isinstance(event, AliasEvent):
            _refuse_anchor(event)
        elif isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                msg = say(
                    "second-document",
                    "not valid YAML: a snapshot is one document; found a second '---'",
                )
                raise Refused(msg, _line(event))
    return builder.root


def lines_of(text: str, paths: Iterable[str]) -> dict[str, int]:
    """The 1-based line of each of *paths* (``$.sections[0].title``) and their parents.

    For a text that :func:`load` read: it is parsed again, and only the keys
    and items on the way to *paths* are named, so that the cost stays that
    of parsing.
    """
    wanted = {"$"}
    for given in paths:
        place = given
        while place and place not in wanted:
            wanted.add(place)
            cut = max(place.rfind("."), place.rfind("["))
            place = place[:cut] if cut > 0 else ""
    lines = {"$": 1}
    stack: list[_Frame] = []
    for event in _events(text):
        if isinstance(event, MappingEndEvent | SequenceEndEvent):
            stack.pop()
        elif isinstance(event, ScalarEvent | MappingStartEvent | SequenceStartEvent):
            path: str | None = stack[-1].path_of(event, wanted, lines) if stack else "$"
            if path is not _KEY and not isinstance(event, ScalarEvent):
                stack.append(_Frame(path, isinstance(event, MappingStartEvent)))
    return lines


_KEY = "a key, not a value"


class _Frame:
    """An open mapping or list while naming lines: its path and what comes next in it."""

    __slots__ = ("index", "key", "mapping", "path")

    def __init__(self, path: str | None, mapping: bool) -> None:
        self.path = path  # None: nothing under it is wanted
        self.mapping = mapping
        self.index = 0
        self.key: str | None = None  # a mapping's key whose value comes next

    def path_of(self, event: Any, wanted: set[str], lines: dict[str, int]) -> str | None:
        """The path of the value *event* starts (``None`` when unwanted), or ``_KEY``."""
        if self.mapping and self.key is None:
            self.key = f"{self.path}.{event.value}" if self.path is not None else ""
            if self.key in wanted:
                lines[self.key] = _line(event)
            return _KEY
        if self.mapping:
            path, self.key = self.key, None
        else:
            path = f"{self.path}[{self.index}]" if self.path is not None else ""
            self.index += 1
            if path in wanted:
                lines[path] = _line(event)
        return path if path in wanted else None
