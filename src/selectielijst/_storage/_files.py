"""Files: names a system can open, reading within a size bound, and atomic writes."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from selectielijst._i18n import say
from selectielijst.errors import (
    DocumentErrors,
    InvalidDocument,
    InvalidName,
    OverwritesInput,
    UnsafePath,
)

__all__ = [
    "MAX_FILE_SIZE",
    "SIZE_VARIABLE",
    "check_output",
    "filled_together",
    "finish_interrupted",
    "one_problem",
    "read_text",
    "refuse_input",
    "refuse_links",
    "same_file",
    "size_limit",
    "usable_path",
    "write_atomically",
]

MAX_FILE_SIZE = 64 * 1024 * 1024
"""Larger files are refused unread, unless ``SELECTIELIJST_MAX_MIB`` says otherwise.

The longest real list is well under a megabyte; a synthetic list of 100,000
categories is about 16 MiB. The bound keeps a mistaken or hostile file from
taking the machine's memory.
"""

_LONGEST_NAME = 255
"""The longest name of a file or folder, in bytes, on the systems the library runs on."""

SIZE_VARIABLE = "SELECTIELIJST_MAX_MIB"
"""The environment variable that sets the size bound, in MiB."""


def size_limit() -> int:
    """The size bound in bytes: ``SELECTIELIJST_MAX_MIB`` if it is a whole number, else the default.

    >>> size_limit() == MAX_FILE_SIZE or "SELECTIELIJST_MAX_MIB" in os.environ
    True
    """
    named = os.environ.get(SIZE_VARIABLE, "").strip()
    if named.isdecimal() and int(named) > 0:
        return int(named) * 1024 * 1024
    return MAX_FILE_SIZE


def one_problem(error: InvalidDocument) -> DocumentErrors:
    """A single problem with a file, raised as the group every reader raises."""
    return DocumentErrors(f"{error.file or 'the text'} is not a valid snapshot", [error])


def usable_path(path: str | os.PathLike[str]) -> Path:
    """*path* as a Path, if the operating system can use it at all.

    >>> usable_path("lijst.csv").name
    'lijst.csv'
    >>> usable_path("lijst" + chr(0) + ".csv")
    Traceback (most recent call last):
    ...
    selectielijst.errors.InvalidName: 'lijst...csv' is not a usable file name: it holds a NUL ...

    Raises:
        InvalidName: The path holds a NUL character, which no file name can.
    """
    if "\x00" in str(path):
        msg = say(
            "name-holds-nul",
            "{name!r} is not a usable file name: it holds a NUL character",
            name=str(path),
        )
        raise InvalidName(msg)
    usable = Path(path)
    for part in usable.parts:
        if len(os.fsencode(part)) > _LONGEST_NAME:
            msg = say(
                "name-too-long",
                "{name!r}... is not a usable file name: it is longer than {most} bytes,"
                " the most a folder or file name can be",
                name=part[:40],
                most=_LONGEST_NAME,
            )
            raise InvalidName(msg)
    return usable


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a file, refusing what is too large or not UTF-8.

    Raises:
        DocumentErrors: The file is missing, a folder, unreadable, too large
            or not UTF-8.
    """
    path = usable_path(path)
    name = str(path)
    limit = size_limit()
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError as e:
        raise one_problem(InvalidDocument(say("no-such-file", "no such file"), file=name)) from e
    except IsADirectoryError as e:
        problem = say("is-a-folder", "is a folder, not a file")
        raise one_problem(InvalidDocument(problem, file=name)) from e
    except OSError as e:
        problem = say("cannot-read", "cannot be read: {reason}", reason=e.strerror)
        raise one_problem(InvalidDocument(problem, file=name)) from e
    if len(raw) > limit:
        problem = say(
            "file-too-large",
            "is larger than {size:n} MiB, the bound on the size of a file; no snapshot is that"
            " large (set {variable} to raise it)",
            size=round(limit / (1024 * 1024), 3),
            variable=SIZE_VARIABLE,
        )
        raise one_problem(InvalidDocument(problem, file=name))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problem = say(
            "not-utf8",
            "is not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8",
            byte=f"{raw[e.start]:#04x}",
            offset=e.start,
        )
        raise one_problem(InvalidDocument(problem, file=name, line=line)) from e


def write_atomically(
    target: Path, content: bytes, *, make_parents: bool = True, exclusive: bool = False
) -> None:
    """Write *content* to *target* so that readers see the old file or the new, never half.

    A new file gets the permissions the umask gives (644 under umask 022), as
    any program's would; a file replaced keeps its own. With *exclusive*, the
    write fails with ``FileExistsError`` when *target* exists, also when
    another process creates it at the same moment.

    A symbolic link is followed: the file it points to is replaced and the link
    stays. A device or a pipe (``/dev/stdout``, a FIFO) is written into, as
    it is, not replaced by a file. Temporary files carry the writer's process
    id; those a killed writer left behind are removed by the next write.
    """
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_file() and not target.is_dir():
        with target.open("wb") as stream:  # a device or a pipe: written into
            stream.write(content)
        return
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(target)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
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


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file, however spelled: relative, with ``..``, a link, a hard link.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "zaken.csv").write_text("id")
    2
    >>> (folder / "kopie.csv").hardlink_to(folder / "zaken.csv")
    >>> same_file(folder / "kopie.csv", folder / "sub" / ".." / "zaken.csv")
    True
    >>> same_file(folder / "nieuw.csv", folder / "zaken.csv")
    False
    """
    first_place, second_place = os.path.realpath(first), os.path.realpath(second)
    try:
        return Path(first_place).samefile(second_place)
    except OSError:  # one of them does not exist (yet): then only the same place is the same
        return first_place == second_place


def refuse_input(outputs: Sequence[Path], source: object) -> None:
    """Refuse any of *outputs* that is the file *source*, or lies inside it when it is a folder.

    *source* is what was read: a path, or a table in memory (then nothing is refused).

    Raises:
        OverwritesInput: An output is the input itself.
    """
    if not isinstance(source, str | os.PathLike):
        return
    source_path = Path(os.fspath(source))
    for output in outputs:
        inside = source_path.is_dir() and Path(os.path.realpath(output)).is_relative_to(
            os.path.realpath(source_path)
        )
        if inside or same_file(output, source_path):
            raise OverwritesInput(str(output), str(source_path))


def check_output(target: Path) -> Path:
    """The file *target* names (through a link), if a file can be written there; else an error.

    Checked before any work, so that an output that cannot be is said at once
    and by its own name, never by that of a temporary file.

    Raises:
        IsADirectoryError: *target* is a folder.
        NotADirectoryError: A folder above *target* is a file.
        OSError: *target* is something else that is no file: a device, a pipe.
    """
    resolved = Path(os.path.realpath(target)) if target.is_symlink() else target
    if resolved.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(target))
    if resolved.exists() and not resolved.is_file():
        problem = say(
            "neither-file-nor-folder",
            "it is neither a file nor a folder (a device or a pipe); name a file",
        )
        raise OSError(errno.EINVAL, problem, str(target))
    for folder in resolved.parents:
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, f"{folder} is a file", str(target))
            break
    return resolved


_JOURNAL_SUFFIX = ".pair"
"""The suffix of the journal a writer of files together keeps while it renames them."""


@contextlib.contextmanager
def filled_together(targets: Sequence[Path]) -> Iterator[tuple[Path, ...]]:
    """Temporary files beside *targets*, for writers to fill; then they replace them together.

    Every target is checked before anything is written (``check_output``).
    When the block raises, every temporary file is removed and no target
    changes. When it ends, each temporary file is synced and the renames are
    recorded in a journal beside the first target (``.NAME.PID.pair``); then
    the later targets are replaced, the first one last, and the journal goes.
    So a new first file means its companions are new too.

    What the file system cannot give is one rename of several files: a writer
    killed between two renames leaves a companion new beside the old first
    file, and its journal. The next write into that folder (by any writer of
    this module), or :func:`finish_interrupted`, completes the renames.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with filled_together([folder / "lijst.csv", folder / "lijst-rest.csv"]) as (main, rest):
    ...     _ = main.write_text("a"), rest.write_text("b")
    >>> sorted(path.name for path in folder.iterdir())
    ['lijst-rest.csv', 'lijst.csv']
    """
    resolved = tuple(check_output(target) for target in targets)
    for target in resolved:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(target)
    temporaries: list[Path] = []
    journal: Path | None = None
    try:
        for target in resolved:  # one by one: those made are removed if the next fails
            temporaries.append(_temporary_beside(target))  # noqa: PERF401
        yield tuple(temporaries)
        for temporary, target in zip(temporaries, resolved, strict=True):
            with temporary.open("rb") as stream:
                os.fsync(stream.fileno())
            temporary.chmod(_mode_for(target))
        moves = list(zip(temporaries, resolved, strict=True))
        moves = moves[1:] + moves[:1]  # the first target last: when it is new, all are
        journal = _write_journal(resolved[0], moves)
        _move(moves)
        journal.unlink()
        _sync_folder(journal.parent)
    except BaseException:
        if journal is None:
            for temporary in temporaries:
                temporary.unlink(missing_ok=True)
        else:  # interrupted while renaming: finish if it can be, else the journal stays
            with contextlib.suppress(OSError):
                finish_interrupted(journal.parent, including_own=True)
        raise


def finish_interrupted(folder: Path, *, including_own: bool = False) -> tuple[Path, ...]:
    """Complete the renames of writers of files together that stopped midway in *folder*.

    A journal whose writer still runs is left to it (unless *including_own*
    and the writer is this process). Returns the targets replaced.

    >>> import tempfile
    >>> finish_interrupted(Path(tempfile.mkdtemp()))  # nothing was left midway
    ()
    """
    finished: list[Path] = []
    for journal in folder.glob(f".*{_JOURNAL_SUFFIX}"):
        pid = journal.name[: -len(_JOURNAL_SUFFIX)].rsplit(".", 1)[-1]
        mine = including_own and pid == str(os.getpid())
        if not pid.isdecimal() or (_running(int(pid)) and not mine):
            continue
        try:
            moves = [
                (Path(temporary), Path(target))
                for temporary, target in json.loads(journal.read_text(encoding="utf-8"))["moves"]
            ]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not a journal of ours: left alone
        finished.extend(_move(moves))
        journal.unlink(missing_ok=True)
    return tuple(finished)


def _move(moves: Sequence[tuple[Path, Path]]) -> list[Path]:
    """Rename each temporary file that is still there onto its target, in order."""
    done = []
    for temporary, target in moves:
        if temporary.exists():
            temporary.replace(target)
            done.append(target)
    return done


def _write_journal(first: Path, moves: Sequence[tuple[Path, Path]]) -> Path:
    """Record *moves* beside *first*, synced, before any of them is made."""
    journal = first.parent / f".{first.name}.{os.getpid()}{_JOURNAL_SUFFIX}"
    record = {"moves": [[str(temporary), str(target)] for temporary, target in moves]}
    handle, temporary = tempfile.mkstemp(
        dir=first.parent, prefix=f".{first.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(record, stream)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(journal)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(first.parent)
    return journal


def _sync_folder(folder: Path) -> None:
    """Make the renames in *folder* durable, where the system can sync a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _temporary_beside(target: Path) -> Path:
    """An empty temporary file beside *target*, named so that an abandoned one is found."""
    handle, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
    )
    os.close(handle)
    return Path(name)


def refuse_links(base: Path, target: Path) -> None:
    """Refuse to write *target* through a link, or where something not a file stands.

    Every folder from *base* (not included) down to *target*, and *target*
    itself, must be no symbolic link; *target*, where it exists, must be a
    regular file.

    Raises:
        UnsafePath: One of them is a link, or *target* is no regular file.
    """
    current = base
    for part in target.relative_to(base).parts:
        current /= part
        if current.is_symlink():
            msg = say(
                "write-through-link",
                "{path}: is a symbolic link; nothing is written through a link inside {base}"
                " (it could write outside the workspace): put the file or folder itself there",
                path=str(current),
                base=str(base),
            )
            raise UnsafePath(msg)
    if target.exists() and not target.is_file():
        msg = say(
            "not-a-regular-file",
            "{path}: is not a regular file; move it away, then write again",
            path=str(target),
        )
        raise UnsafePath(msg)


def _remove_abandoned(target: Path) -> None:
    """Remove temporary files of *target* that a writer which no longer runs left behind.

    Spark's folders of parts (``.NAME.PID….tmp.parts``, which hold record ids)
    go the same way. Renames that a writer of files together left midway are
    completed first.
    """
    finish_interrupted(target.parent)
    for leftover in target.parent.glob(f".{target.name}.*.tmp*"):
        pid = leftover.name.removeprefix(f".{target.name}.").split(".", 1)[0]
        if not pid.isdecimal() or _running(int(pid)):
            continue
        if leftover.name.endswith(".tmp"):
            leftover.unlink(missing_ok=True)
        elif leftover.name.endswith(".tmp.parts") and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)  # Spark's folder of parts


def _running(pid: int) -> bool:
    """Whether a process with this id runs (or cannot be told: then it is left alone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


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
