"""Reading and writing snapshot files: lenient parse, strict validation, canonical write."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from selectielijst._i18n import say
from selectielijst._model import Category, SelectionList, quiet_collector
from selectielijst._storage import _yaml
from selectielijst._storage._converter import converter_of
from selectielijst._storage._files import (
    SIZE_VARIABLE,
    one_problem,
    read_text,
    size_limit,
    write_atomically,
)
from selectielijst._storage._problems import Problem, Problems, cattrs_problems, structure
from selectielijst._storage._yaml import Loaded
from selectielijst.errors import DocumentErrors, InvalidDocument, PublishedVersion

__all__ = [
    "FORMAT",
    "FORMAT_1",
    "check_document",
    "dumps",
    "from_plain",
    "loads",
    "read",
    "write",
]

FORMAT = "selectielijst/2"
"""The newest snapshot format, which this version of the library reads and writes.

Format 2 adds the ``ids`` key (where the categories' ids come from) and the
list's ``transfer`` term (when records kept permanently are transferred, if
not after 20 years). A list whose ids are declared (the default) and that
names no transfer term needs nothing of format 2 and is written
as ``selectielijst/1``, byte for byte as before, so that published snapshots
and their digests never change; older readers refuse a format 2 file with a
clear message instead of misreading it.
"""

FORMAT_1 = "selectielijst/1"
"""The first snapshot format: no ``ids`` key, every id declared."""

_NEW_IN_2 = ("ids", "transfer")
"""Keys of the list that format 1 does not know."""
_CATEGORY_KEYS_NEW_IN_2 = frozenset({"result", "origin", "tasks"})
"""Keys of a category that format 1 does not know (and a valuation's ``except``, ``process``)."""


def _uses_new_category_keys(document: dict[str, Any]) -> bool:
    """Whether any category (or its valuation) has a key that is new in format 2."""
    for _, kind, record in _records(document.get("sections"), "$.sections"):
        if kind != "category":
            if "ref" in record:
                return True
            continue
        valuation = record.get("valuation")
        if not _CATEGORY_KEYS_NEW_IN_2.isdisjoint(record) or (
            isinstance(valuation, dict) and ("except" in valuation or "process" in valuation)
        ):
            return True
    return False


def _from_format_1(document: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """Format 1 is format 2 without its new keys; a format 1 file may not use them."""
    for key in _NEW_IN_2:
        if key in document:
            problem = say(
                "key-new-in-format",
                "{key!r} is new in {format}; write 'format: {format}' at the top",
                key=key,
                format=FORMAT,
            )
            problems.append((f"$.{key}", problem))
    if _uses_new_category_keys(document):
        problem = say(
            "keys-new-in-format",
            "result, origin, tasks, except, process and a section's ref are new in {format};"
            " write 'format: {format}' at the top",
            format=FORMAT,
        )
        problems.append(("$.format", problem))
    return {**document, "format": FORMAT}


_MIGRATIONS: Mapping[str, Callable[[dict[str, Any], list[Problem]], dict[str, Any]]] = {
    FORMAT_1: _from_format_1,
}
"""Older format -> function that turns a document of it into the next format."""


def read(path: str | os.PathLike[str]) -> SelectionList:
    """Read a snapshot file, reporting every problem in it at once.

    >>> from selectielijst.workspace import versions_folder
    >>> read(versions_folder() / "mivd" / "0.16" / "list.yaml").version.label
    '0.16'

    Raises:
        DocumentErrors: The file is not a valid snapshot; each problem names
            the file, the line and the path inside the document.
    """
    return loads(read_text(path), file=str(path))


def loads(text: str, *, file: str | None = None) -> SelectionList:
    """Read a snapshot from YAML text.

    The text is parsed by the fast path of the YAML front; only when it has a
    problem to report is it parsed again, for the lines of those places only,
    so that every problem names its line.

    >>> loads('''
    ... format: selectielijst/1
    ... list: voorbeeld
    ... title: Voorbeeld
    ... version: {label: "1.0", status: concept}
    ... ''').version.status
    <Status.CONCEPT: 'concept'>
    """
    with quiet_collector():  # the program's objects are not walked while the list is built
        return _loaded(text, file)


def _loaded(text: str, file: str | None) -> SelectionList:
    try:
        data = _yaml.parse(text, file=file)
    except InvalidDocument as e:
        raise one_problem(e) from e
    try:
        return _structured(data, Problems(file))
    except DocumentErrors as errors:
        raise _at_their_lines(errors, text, file) from None


def from_plain(data: object, *, file: str | None = None) -> SelectionList:
    """The list in *data*, a snapshot document as plain data (as JSON gives it).

    Raises:
        DocumentErrors: Every problem of it, each with its path.
    """
    return _structured(data, Problems(file))


def _structured(data: object, problems: Problems) -> SelectionList:
    """The list in *data*, or every problem of it raised together.

    Raises:
        DocumentErrors: The problems, each at its line when *problems* knows lines.
    """
    problems.extend(check_document(data))
    found: list[Problem] = []
    document = _migrated(data, found) if isinstance(data, dict) else {}
    problems.extend(found)
    if not problems:
        try:
            return converter_of(detailed=False).structure(document, SelectionList)
        except _QUICK_FAILURES:
            pass  # structured again below, to say every problem and where
    _category_problems(document, problems)
    return structure(document, SelectionList, problems, converter=converter_of())


_QUICK_FAILURES = (
    BaseValidationError,
    ForbiddenExtraKeysError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
)
"""What the quick converter (``converter_of(detailed=False)``) raises, at a document's first
problem."""

MAX_PROBLEMS = 200
"""Categories with problems beyond this many are not reported: fix these and read again."""


def _category_problems(document: dict[str, Any], problems: Problems) -> None:
    """Note the problems of the categories, one category at a time, up to :data:`MAX_PROBLEMS`.

    Structuring the whole list at once would hold a record of every problem
    in memory before reporting any: a file with every category wrong would
    take a hundred times its size.

    Raises:
        DocumentErrors: The categories have more problems than the bound.
    """
    wrong = 0
    for path, category in _category_dicts(document.get("sections"), "$.sections"):
        if not isinstance(category, dict):
            continue  # not a mapping: the whole list's structuring says so
        try:
            converter_of().structure(category, Category)
        except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as e:
            problems.extend(cattrs_problems(e, path, Category))
            wrong += 1
        if wrong >= MAX_PROBLEMS:
            problems.report(
                "$.sections",
                say(
                    "too-many-problems",
                    "more categories have problems; the first {count:n} are listed: fix them"
                    " and read the file again",
                    count=MAX_PROBLEMS,
                ),
            )
            problems.raise_if_any()


def _category_dicts(sections: object, path: str) -> Iterator[tuple[str, object]]:
    """(path, category) of every category in *sections*, as far as they are lists and mappings."""
    if not isinstance(sections, list):
        return
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        here = f"{path}[{index}]"
        categories = section.get("categories")
        if isinstance(categories, list):
            for number, category in enumerate(categories):
                yield f"{here}.categories[{number}]", category
        yield from _category_dicts(section.get("sections"), f"{here}.sections")


def _at_their_lines(errors: DocumentErrors, text: str, file: str | None) -> DocumentErrors:
    """*errors*, each naming its line: the text is parsed once more, for those places only."""
    places = [error.path or "$" for error in errors.problems]
    problems = Problems(file, Loaded(None, _yaml.lines_of(text, places)))
    for place, error in zip(places, errors.problems, strict=True):
        problems.report(place, error.said, line=error.line)
    return DocumentErrors(errors.message, problems.errors())


def dumps(selection_list: SelectionList, *, file: str | None = None) -> str:
    """The canonical YAML text of a list.

    >>> from selectielijst import load
    >>> print(dumps(load("mivd", "0.16")).splitlines()[1])
    list: mivd

    Raises:
        DocumentErrors: The list breaks a rule a snapshot must keep (e.g. two
            categories with the same number).
    """
    with quiet_collector():  # the program's objects are not walked while the text is made
        plain = converter_of().unstructure(selection_list)
        needs_2 = any(key in plain for key in _NEW_IN_2) or _uses_new_category_keys(plain)
        document = {"format": FORMAT if needs_2 else FORMAT_1, **plain}
        problems = Problems(file)
        problems.extend(check_document(document))
        problems.raise_if_any(f"{file or 'the list'} cannot be written")
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
    if len(text.encode("utf-8")) > size_limit():
        problem = say(
            "snapshot-too-large",
            "would be larger than {size:n} MiB, the bound the reader keeps; set {variable} to"
            " raise it for both",
            size=round(size_limit() / (1024 * 1024), 3),
            variable=SIZE_VARIABLE,
        )
        raise one_problem(InvalidDocument(problem, file=str(path)))
    target = Path(path)
    if target.exists():
        _refuse_published(target, text)
        write_atomically(target, text.encode("utf-8"))
        return
    if not selection_list.version.status.published:
        write_atomically(target, text.encode("utf-8"))
        return
    try:  # a published version appears once: of two writers at once, one wins
        write_atomically(target, text.encode("utf-8"), exclusive=True)
    except FileExistsError:
        _refuse_published(target, text)  # the other writer's version, if it was published
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
        msg = say(
            "published-version",
            "{path}: version {label} has status {status} and was published; write the changes"
            " as a new version",
            path=str(target),
            label=old.version.label,
            status=old.version.status.value,
        )
        raise PublishedVersion(msg)


def _migrated(document: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """The document without its format key, migrated to the current format."""
    document = dict(document)
    version = document.pop("format", None)
    while isinstance(version, str) and version in _MIGRATIONS:
        document = _MIGRATIONS[version](document, problems)
        version = document.pop("format", None)
    if version is None:
        problem = say(
            "no-format", "says no format; add 'format: {format}' at the top", format=FORMAT_1
        )
        problems.append(("$", problem))
    elif version != FORMAT:
        readable = ", ".join([*_MIGRATIONS, FORMAT])
        problem = say(
            "unknown-snapshot-format",
            "unknown format {format!r}; this library reads {readable}",
            format=version,
            readable=readable,
        )
        problems.append(("$.format", problem))
    return document


def check_document(document: object) -> Iterator[Problem]:
    """Rules that span records: unique ids and numbers, criteria that exist.

    Works on plain data and skips what is malformed, which structuring reports.
    """
    if not isinstance(document, dict):
        yield (
            "$",
            say(
                "snapshot-not-mapping",
                "a snapshot is a mapping of keys such as list, title, version and sections",
            ),
        )
        return
    criteria = document.get("criteria")
    defined: set[int] = set()
    for index, criterion in _items(criteria):
        number = criterion.get("number")
        if isinstance(number, int):
            if number in defined:
                yield (
                    f"$.criteria[{index}].number",
                    say("criterion-twice", "criterion {number} is defined twice", number=number),
                )
            defined.add(number)
    ids: dict[str, str] = {}
    numbers: dict[str, str] = {}
    for path, kind, record in _records(document.get("sections"), "$.sections"):
        stable_id = record.get("id")
        if isinstance(stable_id, str):
            if stable_id in ids:
                yield (
                    f"{path}.id",
                    say(
                        "id-twice",
                        "id {id!r} is used twice (first at {first})",
                        id=stable_id,
                        first=ids[stable_id],
                    ),
                )
            else:
                ids[stable_id] = path
        if kind != "category":
            continue
        number = record.get("number")
        if isinstance(number, str):
            if number in numbers:
                yield (
                    f"{path}.number",
                    say(
                        "number-twice",
                        "number {number!r} is used twice (first at {first})",
                        number=number,
                        first=numbers[number],
                    ),
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
                known = ", ".join(map(str, sorted(defined))) or say("no-criteria", "none")
                yield (
                    where,
                    say(
                        "unknown-criterion",
                        "criterion {number} does not exist in this list (defined: {known})",
                        number=number,
                        known=known,
                    ),
                )


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
