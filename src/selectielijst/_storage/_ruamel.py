"""The reference path for YAML: the only module that imports ruamel.yaml.

Loading returns plain Python data together with the line of every path in the
document, so that later checks can say where a problem is. Dumping writes the
canonical form of a snapshot that the fast writer matches byte for byte.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from selectielijst._i18n import say
from selectielijst._storage._layout import MAX_DEPTH, Loaded, needs_escapes, ordered
from selectielijst._storage._scalars import read_otherwise
from selectielijst.errors import InvalidDocument

__all__ = ["dump_reference", "load"]


class _TextTimestamps(RoundTripConstructor):
    """Dates and times stay the text they are written as: a title is never cut to a date."""


_TextTimestamps.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda constructor, node: str(constructor.construct_scalar(node)),
)


def load(text: str, *, file: str | None = None) -> Loaded:
    """Parse *text* safely: no tags, no aliases, no duplicate keys.

    Raises:
        InvalidDocument: The text is not YAML of the kind a snapshot is.
    """
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _TextTimestamps
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(part) for part in (e.context, e.problem) if part)
        said = say("invalid-yaml", "not valid YAML: {detail}", detail=problem)
        raise InvalidDocument(said, file=file, line=line) from e
    except YAMLError as e:
        said = say("invalid-yaml", "not valid YAML: {detail}", detail=str(e))
        raise InvalidDocument(said, file=file) from e
    except (ValueError, RecursionError) as e:  # a number of thousands of digits; deep nesting
        refused = say(
            "not-snapshot-yaml", "not a snapshot's YAML: {detail}", detail=str(e).split(";")[0]
        )
        raise InvalidDocument(refused, file=file) from e
    lines: dict[str, int] = {"$": 1}
    data = _plain(tree, "$", lines, set(), file)
    return Loaded(data, lines)


def _plain(node: Any, path: str, lines: dict[str, int], seen: set[int], file: str | None) -> Any:
    """Turn ruamel's tree into dicts, lists and scalars, recording lines."""
    if isinstance(node, CommentedMap | CommentedSeq):
        _check_container(node, path, lines.get(path), seen, file)
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            if not isinstance(key, str):
                problem = say("key-not-word", "keys are plain words, found {key!r}", key=key)
                raise InvalidDocument(problem, file=file, line=node.lc.line + 1, path=path)
            child = f"{path}.{key}"
            lines[child] = _line(node, key, lines.get(path))
            result[key] = _plain(value, child, lines, seen, file)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            child = f"{path}[{index}]"
            lines[child] = _line(node, index, lines.get(path))
            items.append(_plain(value, child, lines, seen, file))
        return items
    if isinstance(node, datetime.date):
        return node.isoformat()[:10]
    if isinstance(node, str):
        if not str(node).isprintable() and any(_unencodable(ch) for ch in node):
            problem = say("not-unicode", "the text holds a character that is not valid Unicode")
            raise InvalidDocument(problem, file=file, line=lines.get(path), path=path)
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    tag = getattr(getattr(node, "tag", None), "value", None)
    problem = (
        say("yaml-tag", "tags such as {tag} are not allowed", tag=tag)
        if tag
        else say("unsupported-value", "unsupported value {value!r}", value=node)
    )
    raise InvalidDocument(problem, file=file, line=lines.get(path), path=path)


def _check_container(
    node: CommentedMap | CommentedSeq, path: str, line: int | None, seen: set[int], file: str | None
) -> None:
    """Refuse a mapping or list that is an alias, too deep, tagged or merged."""
    if id(node) in seen:
        problem = say("yaml-alias", "anchors and aliases (& and *) are not allowed in a snapshot")
        raise InvalidDocument(problem, file=file, line=line, path=path)
    if path.count(".") + path.count("[") > MAX_DEPTH:
        problem = say("too-deep", "the document is nested too deeply")
        raise InvalidDocument(problem, file=file, path=path)
    tag = getattr(getattr(node, "tag", None), "value", None)
    if tag:
        problem = say("yaml-tag", "tags such as {tag} are not allowed", tag=tag)
        raise InvalidDocument(problem, file=file, line=line, path=path)
    if getattr(node, "merge", None):
        problem = say(
            "merge-key", "merge keys (<<) are not allowed in a snapshot; write each key out"
        )
        raise InvalidDocument(problem, file=file, line=line, path=path)
    seen.add(id(node))


def _line(node: CommentedMap | CommentedSeq, key: object, fallback: int | None) -> int:
    """The 1-based line of *key* in *node*, or of *node* where ruamel kept no position."""
    try:
        found = node.lc.key(key) if isinstance(node, CommentedMap) else node.lc.item(key)
        return int(found[0]) + 1
    except (TypeError, KeyError, IndexError):
        return fallback or 1


def _unencodable(character: str) -> bool:
    return "\ud800" <= character <= "\udfff"


def dump_reference(data: Mapping[str, Any]) -> str:
    """Write plain data as canonical YAML with ruamel.yaml: the reference for :func:`dump`."""
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(_styled(data), stream)
    return stream.getvalue()


def _styled(value: Any) -> Any:
    if isinstance(value, Mapping):
        keys = ordered(value)
        styled = CommentedMap()
        for key in keys:
            styled[key] = _styled(value[key])
        return styled
    if isinstance(value, list | tuple):
        sequence = CommentedSeq(_styled(item) for item in value)
        if value and all(isinstance(item, int) for item in value):
            sequence.fa.set_flow_style()  # criteria read best as [1, 6]
        return sequence
    if isinstance(value, str) and needs_escapes(value):
        return DoubleQuotedScalarString(value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, str) and read_otherwise(value) and "'" not in value:
        return SingleQuotedScalarString(value)  # plain, a YAML 1.1 reader reads it otherwise
    return value
