"""The published form of a change set: JSON that reads back into the same change set."""

from __future__ import annotations

import enum
import functools
import json
import os
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from selectielijst._changes._changeset import ChangeSet
from selectielijst._changes._records import Change, ConcordanceRow, Heading, Reason
from selectielijst._changes._vocabulary import (
    Field,
    Value,
    ValueKind,
)
from selectielijst._i18n import say
from selectielijst._model import Category, Duration, ProcessTerm, Term, Valuation, VersionInfo
from selectielijst._storage import (
    Problems,
    converter_of,
    make_converter,
    read_text,
    register,
    structure,
)
from selectielijst.errors import DocumentErrors, InvalidDocument

__all__ = ["CHANGES_FORMAT", "read_changes", "to_plain"]


CHANGES_FORMAT = "selectielijst-changes/2"
"""The format of a change set in JSON; format 1 (before typed values) is not read back."""

_DERIVED = ("key", "reason", "removed_words", "inserted_words", "segments")
"""Keys the JSON adds for its readers, worked out from the rest and ignored on reading."""


def to_plain(changeset: ChangeSet) -> dict[str, object]:
    """The change set as plain data for JSON, with a summary and the changed words.

    >>> from selectielijst import diff, load
    >>> plain = to_plain(diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0")))
    >>> plain["format"], plain["changes"][0]["field"], plain["changes"][0]["before"]
    ('selectielijst-changes/2', 'term', {'duration': 'P10Y', 'trigger': None})
    """
    converter = _writer()
    return {
        "format": CHANGES_FORMAT,
        "list": changeset.list_id,
        "title": changeset.title,
        **({"organisation": changeset.organisation} if changeset.organisation else {}),
        "old_version": converter.unstructure(changeset.old_version),
        "new_version": converter.unstructure(changeset.new_version),
        "summary": {kind.value: count for kind, count in changeset.counts().items()},
        "changes": [
            {**_change_to_plain(change, converter), "reason": changeset.reason(change)}
            for change in changeset
        ],
        "outline": [converter.unstructure(heading) for heading in changeset.outline],
        "concordance": [converter.unstructure(row) for row in changeset.concordance],
        "old_categories": [converter.unstructure(c) for c in changeset.old_categories],
        "new_categories": [converter.unstructure(c) for c in changeset.new_categories],
        "reasons": [converter.unstructure(reason) for reason in changeset.reasons],
    }


class _TwiceGiven(Exception):  # a signal from the JSON reader to read_changes
    """A key given twice in one object of the JSON."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _once_each(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """An object of the JSON, refusing a key given twice (as the YAML reader does)."""
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _TwiceGiven(key)
        found[key] = value
    return found


def read_changes(source: str | os.PathLike[str]) -> ChangeSet:
    """A change set from its JSON: the text itself, or the path of a file holding it.

    Rendering what it returns gives, in every format, the same text as
    rendering the change set that was published. It cannot be applied or
    inverted: for that, compute the diff again.

    >>> from selectielijst import diff, load, render
    >>> changes = diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
    >>> read_changes(render(changes, "json")) == changes
    True

    Raises:
        DocumentErrors: The text is not a change set in JSON; each problem is located.
    """
    text, file = _source_text(source)
    refused = f"{file or 'the text'} is not a change set"
    try:
        data = json.loads(text, object_pairs_hook=_once_each)
    except json.JSONDecodeError as e:
        problem = InvalidDocument(
            say("invalid-json", "is not valid JSON: {msg}", msg=e.msg), file=file, line=e.lineno
        )
        raise DocumentErrors(refused, [problem]) from e
    except _TwiceGiven as e:
        said = say("duplicate-key", "duplicate key {key!r}: each key may be given once", key=e.key)
        raise DocumentErrors(refused, [InvalidDocument(said, file=file)]) from None
    except RecursionError:
        said = say("too-deep", "the document is nested too deeply")
        raise DocumentErrors(refused, [InvalidDocument(said, file=file)]) from None
    except ValueError as e:  # a number of thousands of digits
        said = say(
            "json-number-too-long", "holds a number too long to read: {detail}", detail=str(e)
        )
        raise DocumentErrors(refused, [InvalidDocument(said, file=file)]) from None
    try:  # a lone surrogate (\ud800, written as an escape) is no character: refused, as in YAML
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        said = say("not-unicode", "the text holds a character that is not valid Unicode")
        raise DocumentErrors(refused, [InvalidDocument(said, file=file)]) from None
    problems = Problems(file)
    if not isinstance(data, dict):
        data = {}
        problems.report(
            "$",
            say(
                "change-set-not-object",
                "a change set in JSON is an object with format and changes",
            ),
        )
    elif data.get("format") != CHANGES_FORMAT:
        found = data.get("format")
        problems.report(
            "$.format",
            say(
                "unknown-changes-format",
                "expected format {CHANGES_FORMAT!r}, not {found!r}",
                CHANGES_FORMAT=CHANGES_FORMAT,
                found=found,
            ),
        )
    document = {k: v for k, v in data.items() if k not in {"format", "summary"}}
    published = structure(document, _Published, problems, converter=_converter())
    return ChangeSet(
        list_id=published.list,
        title=published.title,
        old_version=published.old_version,
        new_version=published.new_version,
        changes=published.changes,
        outline=published.outline,
        concordance=published.concordance,
        old_categories=published.old_categories,
        new_categories=published.new_categories,
        reasons=published.reasons,
        organisation=published.organisation,
    )


@attrs.frozen
class _Published:
    """The shape of a change set in JSON, less its format and summary."""

    list: str
    title: str
    old_version: VersionInfo
    new_version: VersionInfo
    changes: tuple[Change, ...]
    outline: tuple[Heading, ...] = ()
    concordance: tuple[ConcordanceRow, ...] = ()
    old_categories: tuple[Category, ...] = ()
    new_categories: tuple[Category, ...] = ()
    reasons: tuple[Reason, ...] = ()
    organisation: str | None = None


def _source_text(source: str | os.PathLike[str]) -> tuple[str, str | None]:
    """The JSON and its file: a text that opens as JSON or runs over lines is the JSON itself."""
    if isinstance(source, str) and (source.lstrip().startswith(("{", "[")) or "\n" in source):
        return source, None
    return read_text(source), str(source)


def _change_to_plain(change: Change, converter: cattrs.Converter) -> dict[str, object]:
    data: dict[str, object] = {}
    for field in attrs.fields(Change):
        value = getattr(change, field.name)
        if field.name in {"before", "after"}:
            data[field.name] = _value_to_plain(change.field, value, converter)
        elif isinstance(value, enum.Enum):
            data[field.name] = value.value
        elif isinstance(value, tuple):
            data[field.name] = list(value)
        else:
            data[field.name] = value
    data["key"] = change.key
    data["removed_words"] = list(change.removed_words)
    data["inserted_words"] = list(change.inserted_words)
    data["segments"] = [{"kind": s.kind.value, "text": s.text} for s in change.segments]
    return data


def _value_to_plain(field: Field | None, value: Value, converter: cattrs.Converter) -> object:
    if value is None:
        return None
    if isinstance(value, Term):
        plain: dict[str, object] = {
            "duration": value.duration.isoformat() if value.duration is not None else None,
            "trigger": value.trigger,
        }
        if value.process is not None:  # only then: change sets of other lists stay as they were
            plain["process"] = value.process.code
            plain["process_remark"] = value.process.remark
        return plain
    if isinstance(value, Valuation):
        return converter.unstructure(value)
    if isinstance(value, tuple):
        return list(value)
    return value


_TERM_KEYS = frozenset({"duration", "trigger", "process", "process_remark"})


def _value_from_plain(field: Field | None, value: object, converter: cattrs.Converter) -> Value:
    kind = field.value_kind if field is not None else ValueKind.TEXT
    if value is None:
        return None
    structured: Value
    if kind is ValueKind.TERM:
        if not isinstance(value, dict) or set(value) - _TERM_KEYS:
            msg = say(
                "term-not-object",
                "a term is an object with duration and trigger (and process, process_remark)",
            )
            raise ValueError(msg)
        duration, process = value.get("duration"), value.get("process")
        remark = value.get("process_remark")
        structured = Term(
            converter.structure(duration, Duration) if duration is not None else None,
            converter.structure(value["trigger"], str) if value.get("trigger") else None,
            ProcessTerm.parse(
                converter.structure(process, str),
                converter.structure(remark, str) if remark is not None else None,
            )
            if process is not None
            else None,
        )
        return structured
    types: Mapping[ValueKind, Any] = {
        ValueKind.TEXT: str,
        ValueKind.TEXTS: tuple[str, ...],
        ValueKind.NUMBERS: tuple[int, ...],
        ValueKind.FLAG: bool,
        ValueKind.VALUATION: Valuation,
    }
    structured = converter.structure(value, types[kind])
    return structured


_CHANGE_KEYS = frozenset(field.name for field in attrs.fields(Change)) | frozenset(_DERIVED)


_TYPED_BY_FIELD = ("field", "before", "after")
"""A change's keys read apart: the values' types follow from the field."""


def _structure_change(value: object, converter: cattrs.Converter) -> Change:
    if not isinstance(value, dict):
        msg = say(
            "change-not-object",
            "a change is an object with kind, significance, numbers and values",
        )
        raise TypeError(msg)
    unknown = sorted(set(value) - _CHANGE_KEYS)
    if unknown:
        msg = say("unknown-change-key", "unknown key {unknown!r} in a change", unknown=unknown[0])
        raise ValueError(msg)
    raw_field = value.get("field")
    field = converter.structure(raw_field, Field) if raw_field is not None else None
    rest = {k: v for k, v in value.items() if k not in _DERIVED and k not in _TYPED_BY_FIELD}
    without_values: Change = _without_values(converter)(rest, Change)
    return attrs.evolve(
        without_values,
        field=field,
        before=_value_from_plain(field, value.get("before"), converter),
        after=_value_from_plain(field, value.get("after"), converter),
    )


@functools.cache
def _without_values(converter: cattrs.Converter) -> Any:
    """The reader cattrs makes for a change, less the field and the values it types."""
    return make_dict_structure_fn(
        Change,
        converter,
        _cattrs_forbid_extra_keys=True,
        field=override(omit=True),
        before=override(omit=True),
        after=override(omit=True),
    )


@functools.cache
def _writer() -> cattrs.Converter:
    """The converter that makes plain data of a change set, quicker to make than the reader's.

    It is the library's own (which reads snapshots) with the change set's records added.
    """
    converter = converter_of(detailed=False).copy()
    for record in (Heading, ConcordanceRow, Reason):
        register(converter, record, writing_only=True)
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    converter = make_converter()
    for record in (Heading, ConcordanceRow, Reason):
        register(converter, record)
    converter.register_structure_hook(Change, lambda value, _: _structure_change(value, converter))
    register(converter, _Published)
    return converter
