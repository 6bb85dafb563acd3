"""Reading and writing snapshot files: lenient parse, strict validation, canonical write."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from selectielijst import _yaml
from selectielijst._converter import FIELD_RENAMES, make_converter
from selectielijst._errors import (
    DocumentErrors,
    InvalidDocument,
    InvalidName,
    InvalidRecord,
    PublishedVersion,
)
from selectielijst._model import SelectionList

__all__ = [
    "FORMAT",
    "FORMAT_1",
    "MAX_FILE_SIZE",
    "dumps",
    "loads",
    "read",
    "write",
    "write_atomically",
]

FORMAT = "selectielijst/2"
"""The newest snapshot format, which this version of the library reads and writes.

Format 2 adds the ``ids`` key (where the categories' ids come from). A list
whose ids are declared (the default) needs nothing of format 2 and is written
as ``selectielijst/1``, byte for byte as before, so that published snapshots
and their digests never change; older readers refuse a format 2 file with a
clear message instead of misreading it.
"""

FORMAT_1 = "selectielijst/1"
"""The first snapshot format: no ``ids`` key, every id declared."""

_NEW_IN_2 = ("ids",)

MAX_FILE_SIZE = 20 * 1024 * 1024
"""Larger files are refused unread: the longest real list is well under a megabyte."""

Problem = tuple[str, str]
"""A path inside the document and what is wrong there."""


def _from_format_1(document: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Format 1 is format 2 without its new keys; a format 1 file may not use them."""
    for key in _NEW_IN_2:
        if key in document:
            problem = f"{key!r} is new in {FORMAT}; write 'format: {FORMAT}' at the top"
            problems.append((f"$.{key}", problem))
    return {**document, "format": FORMAT}


_MIGRATIONS: Mapping[str, Callable[[dict[str, Any], list[Problem]], dict[str, Any]]] = {
    FORMAT_1: _from_format_1,
}
"""Older format -> function that turns a document of it into the next format."""

_CONVERTER = make_converter()

T = TypeVar("T")


def read(path: str | os.PathLike[str]) -> SelectionList:
    """Read a snapshot file, reporting every problem in it at once.

    >>> from selectielijst import versions_folder
    >>> read(versions_folder() / "mivd" / "0.16" / "list.yaml").version.label
    '0.16'

    Raises:
        DocumentErrors: The file is not a valid snapshot; each problem names
            the file, the line and the path inside the document.
    """
    return loads(read_text(path), file=str(path))


def usable_path(path: str | os.PathLike[str]) -> Path:
    """*path* as a Path, if the operating system can use it at all.

    Raises:
        InvalidName: The path holds a NUL character, which no file name can.
    """
    if "\x00" in str(path):
        msg = f"{str(path)!r} is not a usable file name: it holds a NUL character"
        raise InvalidName(msg)
    return Path(path)


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a file, refusing what is too large or not UTF-8."""
    path = usable_path(path)
    name = str(path)
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_FILE_SIZE + 1)
    except FileNotFoundError as e:
        raise _single(InvalidDocument("no such file", file=name)) from e
    except IsADirectoryError as e:
        raise _single(InvalidDocument("is a folder, not a file", file=name)) from e
    except OSError as e:
        raise _single(InvalidDocument(f"cannot be read: {e.strerror}", file=name)) from e
    if len(raw) > MAX_FILE_SIZE:
        problem = f"is larger than {MAX_FILE_SIZE // (1024 * 1024)} MiB; no snapshot is that large"
        raise _single(InvalidDocument(problem, file=name))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problem = (
            f"is not UTF-8 text (byte {raw[e.start]:#04x} at offset {e.start}); save it as UTF-8"
        )
        raise _single(InvalidDocument(problem, file=name, line=line)) from e


def loads(text: str, *, file: str | None = None) -> SelectionList:
    """Read a snapshot from YAML text.

    >>> loads('''
    ... format: selectielijst/1
    ... list: voorbeeld
    ... title: Voorbeeld
    ... version: {label: "1.0", status: concept}
    ... ''').version.status
    <Status.CONCEPT: 'concept'>
    """
    try:
        loaded = _yaml.load(text, file=file)
    except InvalidDocument as e:
        raise _single(e) from e
    problems = list(check_document(loaded.data))
    document = _migrated(loaded.data, problems) if isinstance(loaded.data, dict) else {}
    return structure(document, SelectionList, loaded=loaded, file=file, problems=problems)


def structure(  # noqa: PLR0913  # what every reader has at hand, and an optional converter
    document: dict[str, Any],
    record: type[T],
    *,
    loaded: _yaml.Loaded,
    file: str | None,
    problems: list[Problem],
    converter: cattrs.Converter | None = None,
) -> T:
    """Structure *document* as *record*, or raise every problem found in it."""
    result = None
    try:
        result = (converter or _CONVERTER).structure(document, record)
    except (ClassValidationError, IterableValidationError) as e:
        problems.extend(cattrs_problems(e, "$", record))
    if problems or result is None:
        errors = [
            InvalidDocument(problem, file=file, line=loaded.line_of(path), path=path)
            for path, problem in _unique(problems)
        ]
        errors.sort(key=lambda e: (e.line or 0, e.path))
        raise DocumentErrors(f"{file or 'the text'} is not valid", errors)
    return result


def dumps(selection_list: SelectionList, *, file: str | None = None) -> str:
    """The canonical YAML text of a list.

    >>> from selectielijst import load
    >>> print(dumps(load("mivd", "0.16")).splitlines()[1])
    list: mivd

    Raises:
        DocumentErrors: The list breaks a rule a snapshot must keep (e.g. two
            categories with the same number).
    """
    plain = _CONVERTER.unstructure(selection_list)
    needs_2 = any(key in plain for key in _NEW_IN_2)
    document = {"format": FORMAT if needs_2 else FORMAT_1, **plain}
    problems = list(check_document(document))
    if problems:
        errors = [
            InvalidDocument(problem, file=file, path=path) for path, problem in _unique(problems)
        ]
        raise DocumentErrors(f"{file or 'the list'} cannot be written", errors)
    return _yaml.dump(document)


def write(selection_list: SelectionList, path: str | os.PathLike[str]) -> None:
    """Write *selection_list* to *path* in canonical form, atomically.

    A published version (ter inzage, ontwerp, vastgesteld, ingetrokken) that
    already stands at *path* is never overwritten with other content: changes
    go into a new version.

    >>> import tempfile, pathlib
    >>> from selectielijst import load
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write(load("voorbeeld", "2.1"), folder / "list.yaml")
    >>> read(folder / "list.yaml") == load("voorbeeld", "2.1")
    True

    Raises:
        PublishedVersion: *path* holds a published version with other content.
        DocumentErrors: The list breaks a rule a snapshot must keep.
    """
    text = dumps(selection_list, file=str(path))
    target = Path(path)
    if target.exists():
        _refuse_published(target, text)
    write_atomically(target, text.encode("utf-8"))


def _refuse_published(target: Path, text: str) -> None:
    old_text = read_text(target)
    if old_text == text:
        return
    try:
        old = loads(old_text, file=str(target))
    except DocumentErrors:
        return
    if old.version.status.published:
        msg = (
            f"{target}: version {old.version.label} has status {old.version.status.value}"
            " and was published; write the changes as a new version"
        )
        raise PublishedVersion(msg)


def write_atomically(
    target: Path, content: bytes, *, make_parents: bool = True, exclusive: bool = False
) -> None:
    """Write *content* to *target* so that readers see the old file or the new, never half.

    A new file gets the permissions the umask gives (644 under umask 022), as
    any program's would; a file replaced keeps its own. With *exclusive*, the
    write fails with ``FileExistsError`` when *target* exists, also when
    another process creates it at the same moment.
    """
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fchmod(stream.fileno(), _mode_for(target))
            os.fsync(stream.fileno())
        if exclusive:
            os.link(temporary, target)
            Path(temporary).unlink()
        else:
            Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permissions *target* keeps, or those the umask gives a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it
    os.umask(mask)
    return mask


def _single(error: InvalidDocument) -> DocumentErrors:
    return DocumentErrors(f"{error.file or 'the text'} is not a valid snapshot", [error])


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _migrated(document: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """The document without its format key, migrated to the current format."""
    document = dict(document)
    version = document.pop("format", None)
    while isinstance(version, str) and version in _MIGRATIONS:
        document = _MIGRATIONS[version](document, problems)
        version = document.pop("format", None)
    if version is None:
        problems.append(("$", f"says no format; add 'format: {FORMAT_1}' at the top"))
    elif version != FORMAT:
        readable = ", ".join([*_MIGRATIONS, FORMAT])
        problems.append(("$.format", f"unknown format {version!r}; this library reads {readable}"))
    return document


def check_document(document: object) -> Iterator[Problem]:
    """Rules that span records: unique ids and numbers, criteria that exist.

    Works on plain data and skips what is malformed, which structuring reports.
    """
    if not isinstance(document, dict):
        yield "$", "a snapshot is a mapping of keys such as list, title, version and sections"
        return
    criteria = document.get("criteria")
    defined: set[int] = set()
    for index, criterion in _items(criteria):
        number = criterion.get("number")
        if isinstance(number, int):
            if number in defined:
                yield f"$.criteria[{index}].number", f"criterion {number} is defined twice"
            defined.add(number)
    ids: dict[str, str] = {}
    numbers: dict[str, str] = {}
    for path, kind, record in _records(document.get("sections"), "$.sections"):
        stable_id = record.get("id")
        if isinstance(stable_id, str):
            if stable_id in ids:
                yield f"{path}.id", f"id {stable_id!r} is used twice (first at {ids[stable_id]})"
            else:
                ids[stable_id] = path
        if kind != "category":
            continue
        number = record.get("number")
        if isinstance(number, str):
            if number in numbers:
                yield (
                    f"{path}.number",
                    f"number {number!r} is used twice (first at {numbers[number]})",
                )
            else:
                numbers[number] = path
        yield from _check_criteria(path, record.get("valuation"), defined)


def _check_criteria(path: str, valuation: object, defined: set[int]) -> Iterator[Problem]:
    if not isinstance(valuation, dict):
        return
    references = [(f"{path}.valuation.keep", valuation.get("keep"))]
    references += [
        (f"{path}.valuation.keep_parts[{i}].keep", part.get("keep"))
        for i, part in _items(valuation.get("keep_parts"))
    ]
    for where, numbers in references:
        for number in numbers if isinstance(numbers, list) else ():
            if isinstance(number, int) and not isinstance(number, bool) and number not in defined:
                known = ", ".join(map(str, sorted(defined))) or "none"
                yield where, f"criterion {number} does not exist in this list (defined: {known})"


def _items(value: object) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _records(sections: object, path: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for index, section in _items(sections):
        here = f"{path}[{index}]"
        yield here, "section", section
        for number, category in _items(section.get("categories")):
            yield f"{here}.categories[{number}]", "category", category
        yield from _records(section.get("sections"), f"{here}.sections")


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
                    yield child, f"{key} is required but missing"
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
            yield f"{path}.{key}", f"unknown key {key!r}; allowed here: {allowed}"
    elif isinstance(error, InvalidRecord):
        key = FIELD_RENAMES.get(record, {}).get(error.field, error.field) if record else error.field
        separator = "" if key.startswith("[") else "."
        yield f"{path}{separator}{key}", str(error)
    else:
        yield path, str(error)
