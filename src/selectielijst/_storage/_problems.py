"""Collecting every problem in a document, to raise them together with their places.

One collector serves every reader and importer: snapshots, indexes, mapping
files, exports, spreadsheets and change sets. cattrs' nested validation errors
are flattened into it here, the one place that knows their shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from selectielijst._i18n import Message, said_by, say
from selectielijst._storage._converter import FIELD_RENAMES
from selectielijst._storage._yaml import Loaded
from selectielijst.errors import DocumentErrors, InvalidDocument, InvalidRecord

__all__ = ["Problem", "Problems", "cattrs_problems", "structure"]

T = TypeVar("T")

Problem = tuple[str, "str | Message"]
"""A path inside the document and what is wrong there."""


class Problems:
    """Every problem found in one document, in the order of the document.

    Attributes:
        file: The document's file, if it has one.
        lines: Where each path of the document stands, to give each problem
            its line; ``None`` when the reader gives lines itself.
    """

    def __init__(self, file: str | None, lines: Loaded | None = None) -> None:
        self.file = file
        self.lines = lines
        self._found: dict[tuple[int, str, str], str | Message] = {}

    def report(self, path: str, problem: str | Message, *, line: int | None = None) -> None:
        """Note *problem* at *path* (``$.sections[0].title``, ``column 'Naam'``)."""
        if line is None and self.lines is not None:
            line = self.lines.line_of(path)
        self._found[line or 0, path, str(problem)] = problem  # a sentence may name a list

    def extend(self, found: Iterable[Problem]) -> None:
        """Note every (path, problem) of *found*."""
        for path, problem in found:
            self.report(path, problem)

    def __bool__(self) -> bool:
        return bool(self._found)

    def errors(self) -> list[InvalidDocument]:
        """Each problem as an error naming the file, the line and the place, in line order."""
        return [
            InvalidDocument(self._found[key], file=self.file, line=key[0] or None, path=key[1])
            for key in sorted(self._found, key=_in_document_order)
        ]

    def raise_if_any(self, message: str | None = None) -> None:
        """Raise every problem together, if there is any.

        Raises:
            DocumentErrors: The problems, one :class:`InvalidDocument` each.
        """
        if self._found:
            raise DocumentErrors(
                message or f"{self.file or 'the text'} is not valid", self.errors()
            )


_INDEX = re.compile(r"\[(\d+)\]")


def _in_document_order(key: tuple[int, str, str]) -> tuple[object, ...]:
    """By line, then by path with its list indexes as numbers ([2] before [11])."""
    line, path, _ = key
    parts = _INDEX.split(path)
    return (line, tuple((int(p), "") if i % 2 else (-1, p) for i, p in enumerate(parts)))


def structure(
    document: object, record: type[T], problems: Problems, *, converter: cattrs.Converter
) -> T:
    """*document* as *record*, or every problem of it and of *problems* raised together.

    Raises:
        DocumentErrors: The document has problems; each names its place.
    """
    result = None
    try:
        result = converter.structure(document, record)
    except (ClassValidationError, IterableValidationError) as e:
        problems.extend(cattrs_problems(e, "$", record))
    problems.raise_if_any()
    if result is None:  # pragma: no cover - cattrs either structures or raises
        msg = f"{record.__name__} could not be read"
        raise TypeError(msg)
    return result


def cattrs_problems(error: BaseException, path: str, record: type | None) -> Iterator[Problem]:
    """Flatten cattrs' nested validation errors into (path, problem) pairs."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        owner = error.cl if isinstance(error, ClassValidationError) else None
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            if isinstance(note, cattrs.errors.AttributeValidationNote):
                key = FIELD_RENAMES.get(owner, {}).get(note.name, note.name) if owner else note.name
                child = f"{path}.{key}"
                if isinstance(inner, KeyError):
                    yield child, say("missing-key", "{key} is required but missing", key=key)
                    continue
            else:
                child = f"{path}[{note.index!r}]"
            yield from cattrs_problems(inner, child, None)
        for inner in without:
            yield from cattrs_problems(inner, path, owner)
    elif isinstance(error, ForbiddenExtraKeysError):
        renames = FIELD_RENAMES.get(error.cl, {})
        allowed = ", ".join(renames.get(f.name, f.name) for f in attrs.fields(error.cl))
        for key in sorted(error.extra_fields):
            yield (
                f"{path}.{key}",
                say(
                    "unknown-key",
                    "unknown key {key!r}; allowed here: {allowed}",
                    key=key,
                    allowed=allowed,
                ),
            )
    elif isinstance(error, InvalidRecord):
        key = FIELD_RENAMES.get(record, {}).get(error.field, error.field) if record else error.field
        separator = "" if key.startswith("[") else "."
        yield f"{path}{separator}{key}", said_by(error)
    else:
        yield path, said_by(error)
