"""The errors the library raises, all derived from :class:`SelectielijstError`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from selectielijst._i18n import Language, Message, say

__all__ = [
    "ChangeSetMismatch",
    "DocumentErrors",
    "EngineFailed",
    "EngineUnavailable",
    "InvalidDocument",
    "InvalidDuration",
    "InvalidName",
    "InvalidRecord",
    "Message",
    "OverwritesInput",
    "PublishedVersion",
    "SelectielijstError",
    "TextNotAvailable",
    "UnknownCategory",
    "UnknownFormat",
    "UnknownList",
    "UnknownSection",
    "UnknownVersion",
    "UnknownWorkspace",
    "UnsafePath",
    "WorkspaceBusy",
]


class SelectielijstError(Exception):
    """Base class of every error this library raises on purpose.

    An error says what is wrong in English (``str(error)``), names what kind
    of error it is with a stable :attr:`code`, and keeps the values its
    message names as :attr:`arguments`; :meth:`say` gives the message in
    Dutch or English. ``docs/errors.md`` lists every code.

    >>> from selectielijst import load
    >>> from selectielijst.rendering import Language
    >>> try:
    ...     load("mivd", "9.9")
    ... except UnknownVersion as e:
    ...     error = e
    >>> error.code, error.arguments["label"]
    ('unknown-version', '9.9')
    >>> str(error)
    "list 'mivd' has no version '9.9' (versions: 0.16, ontwerp-2015, vastgesteld-2016)"
    >>> error.say(Language.NL)
    "lijst 'mivd' heeft geen versie '9.9' (versies: 0.16, ontwerp-2015, vastgesteld-2016)"
    """

    code_of_kind: ClassVar[str] = "error"
    """The code that a message given as plain text gets, after the error's kind."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.code_of_kind = re.sub(r"(?<!^)(?=[A-Z])", "-", cls.__name__).lower()

    def __init__(self, message: str | Message = "", /) -> None:
        self.said = message if isinstance(message, Message) else Message(self.code_of_kind, message)
        super().__init__(str(self.said))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuilt, (type(self), (self.said,), {}))

    @property
    def code(self) -> str:
        """What kind of error this is, stable across wordings and languages."""
        return self.said.code

    @property
    def arguments(self) -> Mapping[str, object]:
        """The values the message names, by name."""
        return self.said.arguments

    def say(self, language: Language = Language.EN) -> str:
        """The message in *language*."""
        return self.said.say(language)


class InvalidDocument(SelectielijstError, ValueError):
    """One problem in a document: where it is and what is wrong.

    Attributes:
        file: The file the problem is in, or ``None`` for text not read from a file.
        line: The 1-based line, or ``None`` when it is not known.
        path: Where in the document, e.g. ``$.sections[0].categories[3].valuation``.
        problem: What is wrong, in words a records manager understands.
    """

    def __init__(
        self,
        problem: str | Message,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        path: str = "$",
    ) -> None:
        self.problem = str(problem)
        self.file = str(file) if file is not None else None
        self.line = line
        self.path = path
        super().__init__(problem)
        self.args = (self.location() + ": " + self.problem,)

    def __str__(self) -> str:
        return self.location() + ": " + self.problem

    def __reduce__(self) -> tuple[object, ...]:
        keywords = {"file": self.file, "line": self.line, "path": self.path}
        return (_rebuilt, (type(self), (self.said,), keywords))

    def say(self, language: Language = Language.EN) -> str:
        """Where the problem is and what is wrong, in *language*."""
        return self.location() + ": " + self.said.say(language)

    def location(self) -> str:
        """Where the problem is, as ``file:line path``.

        The path is left out where it is the whole document (``$``): it says
        nothing to a reader that the file and line do not.
        """
        where = self.file or "<text>"
        if self.line is not None:
            where += f":{self.line}"
        if self.path == "$":
            return where
        return f"{where} {self.path}"


class DocumentErrors(ExceptionGroup[InvalidDocument], SelectielijstError):
    """Every problem found in one document, raised together.

    Iterate over ``exceptions`` to report them one by one; each is an
    :class:`InvalidDocument`.
    """

    def __new__(cls, message: str, exceptions: Sequence[InvalidDocument]) -> DocumentErrors:
        """The group of *exceptions*, the problems of one document, under *message*."""
        return super().__new__(cls, message, exceptions)

    def __init__(self, message: str, exceptions: Sequence[InvalidDocument]) -> None:  # noqa: ARG002  # ExceptionGroup.__new__ keeps them
        self.said = Message(self.code_of_kind, message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.exceptions))

    @property
    def problems(self) -> tuple[InvalidDocument, ...]:
        """Each problem, one :class:`InvalidDocument` each, in the order of the document."""
        return tuple(e for e in self.exceptions if isinstance(e, InvalidDocument))

    def derive(self, excs: Sequence[InvalidDocument]) -> DocumentErrors:  # type: ignore[override]  # narrows the element type
        """A group of some of the problems, as ``ExceptionGroup.split`` makes it."""
        return DocumentErrors(self.message, excs)

    def __str__(self) -> str:
        lines = [f"{self.message} ({len(self.exceptions)} problems):"]
        lines.extend(f"  {problem}" for problem in self.exceptions)
        return "\n".join(lines)


class InvalidRecord(SelectielijstError, ValueError):
    """A record made with a value it cannot hold (an empty name, a badly formed id).

    Attributes:
        field: The name of the field whose value is wrong.
    """

    def __init__(self, field: str, problem: str | Message) -> None:
        self.field = field
        super().__init__(problem)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuilt, (type(self), (self.field, self.said), {}))


def _rebuilt(
    cls: type[Exception], args: tuple[object, ...], keywords: dict[str, object]
) -> Exception:
    """An error made again from its attributes, as pickle unpickles it."""
    return cls(*args, **keywords)


class InvalidDuration(SelectielijstError, ValueError):
    """A retention term that cannot be read as an ISO 8601 duration."""


class InvalidName(SelectielijstError, ValueError):
    """A list or version name that is not allowed (e.g. it contains ``/`` or ``..``)."""


class UnknownList(SelectielijstError, LookupError):
    """No list with this id is shipped (or present in the given folder)."""


class UnknownVersion(SelectielijstError, LookupError):
    """The list has no version with this label."""


class TextNotAvailable(SelectielijstError, LookupError):
    """The version is known from the list's history, but its text is not available."""


class UnknownCategory(SelectielijstError, LookupError):
    """No category with this number or id in the list."""


class UnknownFormat(SelectielijstError, ValueError):
    """A format or language this library does not write (``pdf``, ``fr``)."""


class UnknownSection(SelectielijstError, LookupError):
    """No section with this id or number in the list."""


class UnknownWorkspace(SelectielijstError, LookupError):
    """No workspace (a folder with ``versions/``) where one was looked for."""


class ChangeSetMismatch(SelectielijstError, ValueError):
    """A change set was applied to a version other than the one it starts from."""


class PublishedVersion(SelectielijstError, PermissionError):
    """Refused to overwrite a version that was published (ter inzage, ontwerp, vastgesteld)."""


class EngineUnavailable(SelectielijstError, RuntimeError):
    """The engine asked for cannot run here: Spark without PySpark or without Java."""


class EngineFailed(SelectielijstError, RuntimeError):
    """The engine could not compute: Spark lost a task, ran out of memory, or could not write."""


class OverwritesInput(SelectielijstError, ValueError):
    """An output would replace the file it is made from (``due --records zaken.csv -o zaken.csv``).

    >>> print(OverwritesInput("zaken.csv", "./zaken.csv"))  # doctest: +NORMALIZE_WHITESPACE
    zaken.csv is the records file ./zaken.csv itself: writing there would destroy the
    records; choose another output

    Attributes:
        output: The output asked for (the main file or the one written beside it).
        source: The input it is the same file as.
    """

    def __init__(self, output: str, source: str) -> None:
        self.output, self.source = output, source
        super().__init__(
            say(
                "overwrites-input",
                "{output} is the records file {source} itself: writing there would destroy"
                " the records; choose another output",
                output=output,
                source=source,
            )
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuilt, (type(self), (self.output, self.source), {}))


class UnsafePath(SelectielijstError, PermissionError):
    """Refused to write through a symbolic link, or into something not a file, in ``versions/``.

    A link there could send a write outside the workspace; what the workspace
    holds must be its own files and folders.

    >>> raise UnsafePath("versions/mijn/2.0: is a symbolic link")
    Traceback (most recent call last):
    ...
    selectielijst.errors.UnsafePath: versions/mijn/2.0: is a symbolic link
    """


class WorkspaceBusy(SelectielijstError, TimeoutError):
    """Another process kept a list's index locked for longer than the wait allows.

    >>> isinstance(WorkspaceBusy("versions/mijn/index.yaml: another process ..."), TimeoutError)
    True
    """
