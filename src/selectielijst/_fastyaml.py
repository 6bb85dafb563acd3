"""Reading YAML at the speed of libyaml, with every safety rule of the snapshot reader.

The C parser of PyYAML reads the text; a constructor of our own turns it into
plain data with YAML 1.2 meanings, as the position-tracking reader (ruamel) has
them: ``yes`` is text, ``010`` is ten, a date stays the text it is written as.
It refuses what a snapshot never holds: tags, anchors and aliases, merge keys,
duplicate keys, keys that are not text, and nesting deeper than the bound.
Anything refused raises :class:`Refused`; the caller then reads the text again
with positions, to report the problem at its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

__all__ = ["AVAILABLE", "Refused", "load"]

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
    """The text holds something the fast reader does not take; read it with positions."""


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
        msg = "a number with thousands of digits"
        raise Refused(msg)
    return sign * int(digits, base)


def _decimal(text: str) -> float:
    cleaned = text.replace("_", "").lower()
    if cleaned.endswith(".inf"):
        return float("-inf") if cleaned.startswith("-") else float("inf")
    if cleaned == ".nan":
        return float("nan")
    return float(cleaned)


class _Constructor(SafeConstructor):
    """Plain data only: text, numbers, booleans, null, lists and mappings."""

    MAX_DEPTH = 64

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            msg = "anchors and aliases"
            raise Refused(msg)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        mapping: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                msg = "a key that is not plain text"
                raise Refused(msg)
            key = key_node.value
            if key in mapping:
                msg = "a key given twice"
                raise Refused(msg)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _refuse(constructor: SafeConstructor, node: Node) -> Any:
    msg = f"the tag {node.tag}"
    raise Refused(msg)


def _scalar(convert: Callable[[str], Any]) -> Callable[[SafeConstructor, Node], Any]:
    def construct(constructor: SafeConstructor, node: Node) -> Any:
        assert isinstance(node, ScalarNode)  # noqa: S101  # the resolver gives scalars these tags
        return convert(node.value)

    return construct


def _sequence(constructor: SafeConstructor, node: Node) -> Any:
    if not isinstance(node, SequenceNode):
        return _refuse(constructor, node)
    return [constructor.construct_object(child, deep=True) for child in node.value]


def _mapping(constructor: SafeConstructor, node: Node) -> Any:
    if not isinstance(node, MappingNode):
        return _refuse(constructor, node)
    return constructor.construct_mapping(node, deep=True)


_Constructor.yaml_constructors = {
    _STR: _scalar(str),
    _BOOL: _scalar(lambda text: text.lower() == "true"),
    _INT: _scalar(_integer),
    _FLOAT: _scalar(_decimal),
    _NULL: _scalar(lambda _: None),
    _SEQ: _sequence,
    _MAP: _mapping,
    None: _refuse,  # any other tag
}


def _parsers() -> tuple[type, ...]:
    """Libyaml's parser, where PyYAML was built with it."""
    if not AVAILABLE:
        return ()
    from yaml.cyaml import CParser  # type: ignore[attr-defined]  # noqa: PLC0415  # only with libyaml

    return (CParser,)


_PARSERS = _parsers()


class _Loader(*_PARSERS, _Constructor, _Resolver):  # type: ignore[misc]  # PyYAML's mix-in design
    def __init__(self, stream: str) -> None:
        parser: Any = _PARSERS[0]
        parser.__init__(self, stream)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


def load(text: str) -> Any:
    """The plain data of *text*.

    Raises:
        Refused: The text is not YAML, or holds what a snapshot may not; read
            it with positions to say where.
    """
    if not AVAILABLE:
        msg = "no C parser"
        raise Refused(msg)
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except (yaml.YAMLError, RecursionError, ValueError) as e:
        raise Refused(str(e)) from e
    finally:
        loader.dispose()
    _check_depth(data)
    return data


def _check_depth(data: Any) -> None:
    """Refuse nesting deeper than the bound, as the position-tracking reader does."""
    level = [data] if isinstance(data, dict | list) else []
    for _ in range(_Constructor.MAX_DEPTH + 1):
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, dict | list)
        ]
        if not level:
            return
    msg = "nesting too deep"
    raise Refused(msg)
