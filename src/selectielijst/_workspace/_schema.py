"""JSON Schemas of the documents, generated from the records they hold."""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from selectielijst._changes import (
    CHANGES_FORMAT,
    Change,
    ChangeKind,
    ConcordanceRow,
    Heading,
    Reason,
    SegmentKind,
)
from selectielijst._i18n import say
from selectielijst._model import (
    Category,
    Duration,
    ListIndex,
    ProcessKind,
    Section,
    SelectionList,
    Valuation,
    VersionInfo,
)
from selectielijst._storage import FIELD_RENAMES, FORMAT, FORMAT_1
from selectielijst._workspace._index import INDEX_FORMAT

__all__ = ["DRAFT", "changeset_schema", "index_schema", "record_schema", "snapshot_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_DURATION = {
    "type": "string",
    "pattern": r"^P(?!$)(\d{1,4}Y)?(\d{1,4}M)?(\d{1,4}W)?(\d{1,4}D)?$",
    "description": "ISO 8601 duration of years, months, weeks and days, e.g. P10Y, P6W, P1Y6M.",
}
_PROCESS = {
    "description": "The process term (procestermijn): nihil, a fixed ISO 8601 duration, or"
    " one of the VNG list's named kinds.",
    "anyOf": [
        {"enum": [kind.value for kind in ProcessKind if kind is not ProcessKind.FIXED]},
        _DURATION,
    ],
}
_CRITERIA = {"type": "array", "items": {"type": "integer", "minimum": 1}}
_VALUATION = {
    "description": "B (keep, with criteria) or V (destroy, with a term, a trigger and kept parts).",
    "oneOf": [
        {
            "type": "object",
            "properties": {"keep": _CRITERIA, "except": {"type": "string"}},
            "required": ["keep"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {
                "destroy": {"anyOf": [_DURATION, {"type": "null"}]},
                "trigger": {"type": "string"},
                "process": _PROCESS,
                "process_remark": {"type": "string"},
                "keep_parts": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"description": {"type": "string"}, "keep": _CRITERIA},
                        "required": ["description"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["destroy"],
            "additionalProperties": False,
        },
    ],
}
_PARAGRAPHS = {
    "description": "Paragraphs: one text with a blank line between paragraphs, or a list of them.",
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
}

FieldOverrides = Mapping[tuple[type, str], Mapping[str, Any]]

_SNAPSHOT_OVERRIDES: FieldOverrides = {(Section, "text"): _PARAGRAPHS}
_SNAPSHOT_TYPES: Mapping[type, Mapping[str, Any]] = {Duration: _DURATION, Valuation: _VALUATION}


def record_schema(
    root: type,
    *,
    title: str,
    format_name: str | tuple[str, ...] | None = None,
    types: Mapping[type, Mapping[str, Any]] = _SNAPSHOT_TYPES,
    fields: FieldOverrides = _SNAPSHOT_OVERRIDES,
) -> dict[str, Any]:
    """A JSON Schema for the plain form of the attrs record *root*.

    Each record becomes a definition under ``$defs`` with its fields as
    properties (renamed as in the documents), required where the record has no
    default, and no other keys allowed.
    """
    definitions: dict[str, Any] = {}
    builder = _Builder(definitions, types, fields)
    top = dict(builder.record(root))
    definitions.pop(root.__name__)
    if format_name is not None:
        allowed = (
            {"const": format_name} if isinstance(format_name, str) else {"enum": list(format_name)}
        )
        top["properties"] = {"format": allowed, **top["properties"]}
        top["required"] = ["format", *top["required"]]
    return {"$schema": DRAFT, "title": title, **top, "$defs": dict(sorted(definitions.items()))}


def snapshot_schema() -> dict[str, Any]:
    """The JSON Schema of a snapshot file (``versions/<list>/<version>/list.yaml``).

    >>> snapshot_schema()["properties"]["format"]
    {'enum': ['selectielijst/1', 'selectielijst/2']}
    """
    return record_schema(
        SelectionList,
        title="Snapshot of a selection list version",
        format_name=(FORMAT_1, FORMAT),
    )


def changeset_schema() -> dict[str, Any]:
    """The JSON Schema of a change set in JSON (``selectielijst diff --format json``).

    >>> sorted(changeset_schema()["$defs"]["Change"]["required"])[:3]
    ['after', 'before', 'direction']
    """
    definitions: dict[str, Any] = {}
    builder = _Builder(definitions, _SNAPSHOT_TYPES, _SNAPSHOT_OVERRIDES)
    change = builder.record(Change)
    words = {"type": "array", "items": {"type": "string"}}
    builder.record(Category)
    term = {
        "type": "object",
        "properties": {
            "duration": {"anyOf": [_DURATION, {"type": "null"}]},
            "trigger": {"type": ["string", "null"]},
            "process": {"anyOf": [_PROCESS, {"type": "null"}]},
            "process_remark": {"type": ["string", "null"]},
        },
        "required": ["duration", "trigger"],
        "additionalProperties": False,
    }
    value = {
        "description": "The typed value of the changed field; its type follows from the field.",
        "anyOf": [
            {"type": ["string", "boolean", "null"]},
            {"type": "array", "items": {"type": ["string", "integer"]}},
            _VALUATION,
            term,
        ],
    }
    change["properties"].update(
        before=value,
        after=value,
        key={"type": "string", "description": "The change's identity across recomputations."},
        reason={"type": ["string", "null"], "description": "Why it changed, if said."},
        removed_words=words,
        inserted_words=words,
        segments={
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": {"enum": [kind.value for kind in SegmentKind]},
                    "text": {"type": "string"},
                },
                "required": ["kind", "text"],
                "additionalProperties": False,
            },
        },
    )
    change["required"] = list(change["properties"])

    def items(record: type) -> dict[str, Any]:
        builder.record(record)
        return {"type": "array", "items": {"$ref": f"#/$defs/{record.__name__}"}}

    builder.record(VersionInfo)
    version = {"$ref": "#/$defs/VersionInfo"}
    properties = {
        "format": {"const": CHANGES_FORMAT},
        "list": {"type": "string"},
        "title": {"type": "string"},
        "old_version": version,
        "new_version": version,
        "summary": {
            "type": "object",
            "propertyNames": {"enum": [kind.value for kind in ChangeKind]},
            "additionalProperties": {"type": "integer", "minimum": 1},
        },
        "changes": items(Change),
        "outline": items(Heading),
        "concordance": items(ConcordanceRow),
        "old_categories": items(Category),
        "new_categories": items(Category),
        "reasons": items(Reason),
    }
    required = list(properties)
    properties["organisation"] = {"type": "string"}  # where the list names the body issuing it
    return {
        "$schema": DRAFT,
        "title": "Changes between two versions of a selection list",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


def index_schema() -> dict[str, Any]:
    """The JSON Schema of a list's index (``versions/<list>/index.yaml``)."""
    return record_schema(
        ListIndex, title="Index of a selection list's versions", format_name=INDEX_FORMAT
    )


@attrs.define
class _Builder:
    definitions: dict[str, Any]
    types: Mapping[type, Mapping[str, Any]]
    fields: FieldOverrides

    def record(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder: records may nest themselves
            hints = typing.get_type_hints(cls)
            renames = FIELD_RENAMES.get(cls, {})
            properties = {}
            required = []
            for field in attrs.fields(cls):
                key = renames.get(field.name, field.name)
                override = self.fields.get((cls, field.name))
                properties[key] = dict(override) if override else self.type(hints[field.name])
                if field.default is attrs.NOTHING:
                    required.append(key)
            self.definitions[name] = {
                "type": "object",
                "description": (cls.__doc__ or name).strip().splitlines()[0],
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        definition: dict[str, Any] = self.definitions[name]
        return definition

    def type(self, hint: Any) -> dict[str, Any]:
        simple: Mapping[Any, Callable[[], dict[str, Any]]] = {
            str: lambda: {"type": "string"},
            int: lambda: {"type": "integer"},
            bool: lambda: {"type": "boolean"},
            type(None): lambda: {"type": "null"},
        }
        if hint in simple:
            return simple[hint]()
        if hint in self.types:
            return dict(self.types[hint])
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.type(arg) for arg in typing.get_args(hint)]}
        if origin is tuple:
            return {"type": "array", "items": self.type(typing.get_args(hint)[0])}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [member.value for member in hint]}
        if attrs.has(hint):
            self.record(hint)
            return {"$ref": f"#/$defs/{hint.__name__}"}
        msg = say("no-schema", "no schema for {hint!r}", hint=hint)
        raise TypeError(msg)
