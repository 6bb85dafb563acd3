"""The one cattrs converter: records to plain data (for YAML and JSON) and back."""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from selectielijst._i18n import Message, said_by, say
from selectielijst._model import (
    Category,
    Criterion,
    Duration,
    KeepPart,
    ListIndex,
    ProcessTerm,
    Section,
    SelectionList,
    Term,
    Valuation,
    ValuationKind,
    VersionEntry,
    VersionInfo,
)
from selectielijst.errors import InvalidRecord

__all__ = ["FIELD_RENAMES", "make_converter", "register"]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

FIELD_RENAMES: Mapping[type, Mapping[str, str]] = {
    SelectionList: {"id": "list"},
    ListIndex: {"id": "list"},
}
"""Record fields whose key in a document differs from the attribute name."""

_VALUATION_KEYS = frozenset(
    {"keep", "except", "destroy", "trigger", "process", "process_remark", "keep_parts"}
)
_KEEP_PART_KEYS = frozenset({"description", "keep"})


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        if isinstance(value, int | float):
            msg = say(
                "expected-quoted-text",
                "expected text, found {found} (write it in quotes)",
                found=_describe(value),
            )
        else:
            msg = say("expected-text", "expected text, found {found}", found=_describe(value))
        raise TypeError(msg)
    return value


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = say(
            "expected-number", "expected a whole number, found {found}", found=_describe(value)
        )
        raise TypeError(msg)
    return value


def _strict_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        msg = say(
            "expected-boolean", "expected true or false, found {found}", found=_describe(value)
        )
        raise TypeError(msg)
    return value


def _describe(value: object) -> Message | str:
    if value is None:
        return say("found-null", "nothing (null)")
    if isinstance(value, Mapping):
        return say("found-mapping", "a mapping")
    if isinstance(value, list | tuple):
        return say("found-list", "a list")
    return f"{type(value).__name__} {value!r}"


def _enum_hook(value: object, enum_type: type[E]) -> E:
    choices = ", ".join(repr(member.value) for member in enum_type)
    try:
        return enum_type(value)
    except ValueError:
        msg = say(
            "unknown-choice",
            "unknown {kind} {value!r}; expected one of {choices}",
            kind=enum_type.__name__.lower(),
            value=value,
            choices=choices,
        )
        raise ValueError(msg) from None


def _texts(value: object, _: type) -> tuple[str, ...]:
    """A list of texts; one text alone is an error, never split into its characters."""
    if isinstance(value, str):
        msg = say(
            "expected-texts-found-text",
            "expected a list of texts, found the text {text!r}; write it as a list:"
            " [{text!r}] or on its own line after '- '",
            text=value,
        )
        raise TypeError(msg)
    if not isinstance(value, list | tuple):
        msg = say(
            "expected-texts", "expected a list of texts, found {found}", found=_describe(value)
        )
        raise TypeError(msg)
    return tuple(_strict_str(item, str) for item in value)


def _criteria(value: object) -> tuple[int, ...]:
    if not isinstance(value, list | tuple):
        msg = say(
            "expected-criteria",
            "criteria are a list of numbers such as [1, 6], found {found}",
            found=_describe(value),
        )
        raise TypeError(msg)
    return tuple(_strict_int(item, int) for item in value)


def _structure_duration(value: object, _: type) -> Duration:
    if type(value) is str:
        return _duration_of(value)
    return Duration.parse(value)  # type: ignore[arg-type]  # parse rejects non-text itself


@functools.lru_cache(maxsize=1024)
def _duration_of(text: str) -> Duration:
    """The term *text* says, read once for each text: a list has few terms, each many times.

    Durations are frozen, so the categories of one term may share one.
    """
    return Duration.parse(text)


def _structure_valuation(value: object, _: type) -> Valuation:
    if not isinstance(value, Mapping):
        msg = say(
            "expected-valuation",
            "a valuation is a mapping such as {{keep: [1]}} or {{destroy: P10Y}}, found {found}",
            found=_describe(value),
        )
        raise TypeError(msg)
    unknown = sorted(set(value) - _VALUATION_KEYS)
    if unknown:
        msg = say(
            "unknown-valuation-key",
            "unknown valuation key {key!r}; expected keep (and except), or destroy, trigger,"
            " process, process_remark and keep_parts",
            key=unknown[0],
        )
        raise ValueError(msg)
    if ("keep" in value) == ("destroy" in value):
        msg = say(
            "keep-or-destroy",
            "a valuation says either keep (B) or destroy (V), exactly one of them",
        )
        raise ValueError(msg)
    if "except" in value and "keep" not in value:
        msg = say(
            "except-without-keep",
            "except belongs to a keep (B) valuation; a destroy (V) one names keep_parts",
        )
        raise ValueError(msg)
    if "keep" in value:
        if any(key in value for key in ("trigger", "process", "process_remark", "keep_parts")):
            msg = say(
                "keep-with-term",
                "a keep (B) valuation has no trigger, process term or keep_parts",
            )
            raise ValueError(msg)
        exception = value.get("except")
        return Valuation(
            ValuationKind.KEEP,
            criteria=_at("keep", _criteria, value["keep"]),
            exception=None if exception is None else _at("except", _strict_str, exception, str),
        )
    duration = value["destroy"]
    trigger = value.get("trigger")
    process = value.get("process")
    if "process_remark" in value and process is None:
        msg = say("remark-without-process", "process_remark belongs beside a process term")
        raise ValueError(msg)
    term = None
    if duration is not None or trigger is not None or process is not None:
        term = Term(
            None if duration is None else _at("destroy", _structure_duration, duration, Duration),
            None if trigger is None else _at("trigger", _strict_str, trigger, str),
            None if process is None else _at("process", _process_term, value),
        )
    parts = value.get("keep_parts", [])
    if not isinstance(parts, list | tuple):
        msg = say(
            "expected-kept-parts", "keep_parts is a list, found {found}", found=_describe(parts)
        )
        raise TypeError(msg)
    return Valuation(
        ValuationKind.DESTROY, term=term, keep_parts=tuple(_keep_part(p) for p in parts)
    )


def _process_term(value: Mapping[str, Any]) -> ProcessTerm:
    remark = value.get("process_remark")
    return ProcessTerm.parse(
        _strict_str(value["process"], str),
        None if remark is None else _at("process_remark", _strict_str, remark, str),
    )


def _at(key: str, hook: Callable[..., T], *args: object) -> T:
    """Run *hook*, naming *key* inside the valuation as the place of any problem."""
    try:
        return hook(*args)
    except (TypeError, ValueError) as e:
        raise InvalidRecord(key, said_by(e)) from e


def _keep_part(value: object) -> KeepPart:
    if not isinstance(value, Mapping) or set(value) - _KEEP_PART_KEYS or "description" not in value:
        msg = say(
            "expected-kept-part",
            "each kept part is a mapping with description and keep (its criteria)",
        )
        raise ValueError(msg)
    return KeepPart(_strict_str(value["description"], str), _criteria(value.get("keep", [])))


def _unstructure_valuation(valuation: Valuation) -> dict[str, Any]:
    if valuation.kind is ValuationKind.KEEP:
        if valuation.exception is not None:
            return {"keep": list(valuation.criteria), "except": valuation.exception}
        return {"keep": list(valuation.criteria)}
    term = valuation.term
    data: dict[str, Any] = {
        "destroy": term.duration.isoformat() if term is not None and term.duration else None
    }
    if term is not None and term.trigger is not None:
        data["trigger"] = term.trigger
    if term is not None and term.process is not None:
        data["process"] = term.process.code
        if term.process.remark is not None:
            data["process_remark"] = term.process.remark
    if valuation.keep_parts:
        data["keep_parts"] = [
            {"description": part.description, "keep": list(part.criteria)}
            for part in valuation.keep_parts
        ]
    return data


def _structure_paragraphs(value: object, _: type) -> tuple[str, ...]:
    """Narrative text: one string with blank lines between paragraphs, or a list."""
    if isinstance(value, str):
        return tuple(value.removesuffix("\n").split("\n\n")) if value else ()
    if isinstance(value, list | tuple):
        return tuple(_strict_str(item, str) for item in value)
    msg = say(
        "expected-paragraphs",
        "text is a block of paragraphs, found {found}",
        found=_describe(value),
    )
    raise TypeError(msg)


def _unstructure_paragraphs(paragraphs: tuple[str, ...]) -> str | list[str]:
    joined = "\n\n".join(paragraphs)
    if all(p == p.strip() and "\n" not in p for p in paragraphs):
        return joined
    return list(paragraphs)


@functools.cache
def converter_of(*, detailed: bool = True) -> cattrs.Converter:
    """The converter the library itself uses, made once: :func:`make_converter`'s, shared.

    Making a converter builds its hooks; the readers and writers of snapshots,
    indexes and exports share one instead of each making its own. Nothing
    may register hooks on it: a caller that adds its own makes one with
    :func:`make_converter`.
    """
    return make_converter(detailed=detailed)


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Make the converter between records and plain data.

    Unknown keys are errors, and text, numbers and booleans are never coerced
    into one another: a snapshot says exactly what it means. Without
    *detailed*, structuring stops at the first problem and says nothing of
    where: quicker for documents that are valid, as most are.

    >>> from selectielijst.model import Criterion
    >>> make_converter().unstructure(Criterion(1, "Beleid"))
    {'number': 1, 'text': 'Beleid'}
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _texts)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_structure_hook(Duration, _structure_duration)
    converter.register_unstructure_hook(Duration, Duration.isoformat)
    converter.register_structure_hook(Valuation, _structure_valuation)
    converter.register_unstructure_hook(Valuation, _unstructure_valuation)

    paragraphs = override(struct_hook=_structure_paragraphs, unstruct_hook=_unstructure_paragraphs)
    records: dict[type, dict[str, Any]] = {
        Criterion: {},
        VersionInfo: {},
        VersionEntry: {},
        Category: {},
        Section: {"text": paragraphs},
        SelectionList: {},
        ListIndex: {},
    }
    # Each record's hooks are made when a record of its kind is first read or
    # written, with its fields' hooks as they stand then: a run that reads
    # versions makes no hooks for writing them, nor for the index.
    converter.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and cls in records,
        lambda cls, made_by: _structure_hook(made_by, cls, **records[cls]),
    )
    converter.register_unstructure_hook_factory(
        lambda cls: isinstance(cls, type) and cls in records,
        lambda cls, made_by: _unstructure_hook(made_by, cls, **records[cls]),
    )
    return converter


def register(
    converter: cattrs.Converter, cls: type, *, writing_only: bool = False, **overrides: Any
) -> None:
    """Register strict hooks for the attrs record *cls*: unknown keys are errors.

    With *writing_only*, only the hook that makes plain data of it: for a
    converter that writes and never reads, which is quicker to make.
    """
    converter.register_unstructure_hook(cls, _unstructure_hook(converter, cls, **overrides))
    if not writing_only:
        converter.register_structure_hook(cls, _structure_hook(converter, cls, **overrides))


def _unstructure_hook(converter: cattrs.Converter, cls: type, **overrides: Any) -> Any:
    """The hook that makes plain data of the record *cls*: defaults left out, keys renamed."""
    for name, key in FIELD_RENAMES.get(cls, {}).items():
        overrides[name] = override(rename=key)
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **overrides)


def _structure_hook(converter: cattrs.Converter, cls: type, **overrides: Any) -> Any:
    """The hook that makes the record *cls* of plain data: unknown keys are errors."""
    for name, key in FIELD_RENAMES.get(cls, {}).items():
        overrides[name] = override(rename=key)
    return make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **overrides)
