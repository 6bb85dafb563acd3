"""Files: names a system can open, reading within a size bound, and atomic writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from selectielijst._errors import DocumentErrors, InvalidDocument, InvalidName

__all__ = [
    "MAX_FILE_SIZE",
    "SIZE_VARIABLE",
    "filled_atomically",
    "one_problem",
    "read_text",
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

    Raises:
        InvalidName: The path holds a NUL character, which no file name can.
    """
    if "\x00" in str(path):
        msg = f"{str(path)!r} is not a usable file name: it holds a NUL character"
        raise InvalidName(msg)
    usable = Path(path)
    for part in usable.parts:
        if len(os.fsencode(part)) > _LONGEST_NAME:
            msg = (
                f"{part[:40]!r}... is not a usable file name: it is longer than"
                f" {_LONGEST_NAME} bytes, the most a folder or file name can be"
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
        raise one_problem(InvalidDocument("no such file", file=name)) from e
    except IsADirectoryError as e:
        raise one_problem(InvalidDocument("is a folder, not a file", file=name)) from e
    except OSError as e:
        raise one_problem(InvalidDocument(f"cannot be read: {e.strerror}", file=name)) from e
    if len(raw) > limit:
        problem = (
            f"is larger than {limit / (1024 * 1024):g} MiB, the bound on the size of a file;"
            f" no snapshot is that large (set {SIZE_VARIABLE} to raise it)"
        )
        raise one_problem(InvalidDocument(problem, file=name))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problem = (
            f"is not UTF-8 text (byte {raw[e.start]:#04x} at offset {e.start}); save it as UTF-8"
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


@contextlib.contextmanager
def filled_atomically(target: Path) -> Iterator[Path]:
    """A temporary file beside *target*, for another writer to fill; then it replaces *target*.

    For a writer that takes a path rather than bytes, such as an engine that
    streams its results into a file. When the block ends without an error the
    file replaces *target* (as :func:`write_atomically` does); when it raises,
    the file is removed and *target* is as it was.
    """
    if target.is_symlink():
        target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(target)
    handle, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as stream:
            os.fsync(stream.fileno())
        temporary.chmod(_mode_for(target))
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove_abandoned(target: Path) -> None:
    """Remove temporary files of *target* that a writer which no longer runs left behind."""
    for leftover in target.parent.glob(f".{target.name}.*.tmp"):
        pid = leftover.name.removeprefix(f".{target.name}.").split(".", 1)[0]
        if pid.isdecimal() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)


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
