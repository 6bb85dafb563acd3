"""What every command shares: the group, its options, error reporting, loading, writing out."""

from __future__ import annotations

import contextlib
import datetime
import errno
import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import click

from selectielijst._i18n import Message, say, speaks_catalog
from selectielijst.changes import ChangeSet
from selectielijst.errors import (
    DocumentErrors,
    EngineUnavailable,
    SelectielijstError,
)
from selectielijst.files import usable_path, write_atomically
from selectielijst.model import SelectionList
from selectielijst.rendering import LANGUAGE_VARIABLE, Format, Language, language_chosen
from selectielijst.workspace import (
    ROOT_VARIABLE,
    Workspace,
    find_workspace,
    load_spec,
)

if TYPE_CHECKING:
    from selectielijst.holdings import Progress

P = ParamSpec("P")
R = TypeVar("R")

EXIT_INVALID = 1


class _PathType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer clicks
    """A file or folder path; refuses what no system can open (click's own crashes on NUL)."""

    name = "path"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> Path:
        text = str(value)
        if "\x00" in text:
            said = say(
                "name-holds-nul",
                "{name!r} is not a usable file name: it holds a NUL character",
                name=text,
            )
            self.fail(said.say(run_language()), param, ctx)
        return Path(text)


PATH = _PathType()


class _DateType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer clicks
    """A date written as YYYY-MM-DD."""

    name = "date"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime.date:
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            said = say(
                "not-a-date-option",
                "{value!r} is not a date such as 2027-01-31 (YYYY-MM-DD)",
                value=str(value),
            )
            self.fail(said.say(run_language()), param, ctx)


DATE = _DateType()
FORMATS = click.Choice(
    ["text", "md", "markdown", "rst", "html", "json", "docx", "xlsx"], case_sensitive=False
)
LANGUAGES = click.Choice(["nl", "en"], case_sensitive=False)
_LANGUAGE_KEY = "selectielijst.lang"
LANG_HELP = (
    "Language of everything the command says and writes: nl or en (default:"
    f" ${LANGUAGE_VARIABLE}, else the locale's language when it is Dutch or English, else nl)."
)


def _remember_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """Keep the language of the run: this option, else the group's, else the environment's."""
    if value is not None:
        ctx.meta[_LANGUAGE_KEY] = Language(value.lower())
        speaks_catalog(ctx.meta[_LANGUAGE_KEY])
    return run_language().value


def run_language() -> Language:
    """The language of this run: --lang, else $SELECTIELIJST_LANG, else the locale, else Dutch."""
    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get(_LANGUAGE_KEY) if ctx is not None else None
    if isinstance(chosen, Language):
        return chosen
    try:
        return language_chosen()
    except SelectielijstError:  # said once, by the group; Dutch meanwhile
        return Language.NL


LANG_OPTION = click.option(
    "--lang", type=LANGUAGES, callback=_remember_language, is_eager=True, help=LANG_HELP
)


def tell(said: Message | str, kind: str | None = None) -> None:
    """Say *said* on stderr in the run's language, after *kind* (error, hint, note, review)."""
    language = run_language()
    text = said.say(language) if isinstance(said, Message) else said
    if kind is not None:
        text = _line(kind, text).say(language)
    click.echo(visible(text), err=True)


def _line(kind: str, text: str) -> Message:
    """*text* after the word saying what kind of line it is."""
    if kind == "error":
        return say("line-error", "error: {text}", text=text)
    if kind == "hint":
        return say("line-hint", "hint: {text}", text=text)
    if kind == "review":
        return say("line-review", "review: {text}", text=text)
    return say("line-note", "note: {text}", text=text)


OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=PATH,
    help="Write to this file (atomically) instead of standard output; its suffix"
    " (.md .rst .html .json .txt .docx .xlsx) gives the format unless --format does."
    " '-' is standard output.",
)
COLOR_OPTION = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colours in text output: auto uses them on a terminal unless NO_COLOR is set.",
)


def cannot_write(path: Path, error: OSError) -> NoReturn:
    """Say that *path* cannot be written, as one error line, and exit 1."""
    said = say(
        "cannot-write",
        "cannot write {path}: {reason}",
        path=str(path),
        reason=os_reason(error),
    )
    tell(said, "error")
    sys.exit(EXIT_INVALID)


def os_reason(error: OSError) -> Message | str:
    """Why the system refused, in the run's words where the reason is a common one."""
    if error.errno in {errno.ENOENT, errno.ENOTDIR}:
        return say("os-no-such-folder", "no such file or folder")
    if error.errno in {errno.EACCES, errno.EPERM}:
        return say("os-permission", "permission denied")
    if error.errno == errno.EISDIR:
        return say("os-is-folder", "it is a folder, not a file")
    if error.errno == errno.ENOSPC:
        return say("os-disk-full", "no space left on the device")
    if error.errno == errno.EROFS:
        return say("os-read-only", "the file system is read-only")
    return error.strerror or str(error)


def _hint(path: str) -> Message | None:
    """What to do on the command line, for a problem at *path* (the library says it in Python)."""
    if path == "columns":
        return say(
            "hint-columns",
            "name the columns with --columns id=COLUMN,category=COLUMN,start=COLUMN (and"
            " event=COLUMN for terms that run from an event)",
        )
    return None


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a library error as one clear line per problem and exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except SelectielijstError as e:
            tell_error(e)
        sys.exit(EXIT_INVALID)

    return wrapper


def tell_error(error: SelectielijstError) -> None:
    """Say *error* as one clear line per problem, with a hint where one helps."""
    if isinstance(error, DocumentErrors):
        language = run_language()
        for problem in error.problems:
            tell(problem.say(language), "error")
        for path in dict.fromkeys(problem.path for problem in error.problems):
            hint = _hint(path)
            if hint is not None:
                tell(hint, "hint")
        return
    tell(error.said, "error")
    if isinstance(error, EngineUnavailable):
        tell(say("hint-engine", "leave out --engine spark, and DuckDB computes"), "hint")


ROOT_HELP = (
    "The workspace: the folder holding versions/ (default: the nearest one from the current"
    f" folder upward; or ${ROOT_VARIABLE})."
)


class _Commands(click.Group):
    """The group of commands; each takes ``--lang``, as the group itself does."""

    group_class = type  # a group of commands in it (import) is one of these too

    def main(self, *args: Any, **kwargs: Any) -> Any:  # as click's own
        """Run a command; click's own words (usage errors, help) in the run's language too."""
        speaks_catalog(run_language())
        return super().main(*args, **kwargs)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if not any(param.name == "lang" for param in cmd.params):
            cmd.params.append(
                click.Option(
                    ["--lang"],
                    type=LANGUAGES,
                    callback=_remember_language,
                    is_eager=True,
                    expose_value=False,
                    help=LANG_HELP,
                )
            )
        super().add_command(cmd, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="selectielijst")
@click.option("--root", type=PATH, envvar=ROOT_VARIABLE, help=ROOT_HELP)
@click.option(
    "--lang",
    type=LANGUAGES,
    callback=_remember_language,
    is_eager=True,
    expose_value=False,
    help=LANG_HELP,
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Show no progress on stderr (it shows only on a terminal anyway).",
)
@click.pass_context
def main(ctx: click.Context, root: Path | None, quiet: bool) -> None:
    """Work with Dutch selection lists (selectielijsten) and their versions.

    A version is named LIST@VERSION (e.g. mivd@0.16), or by the path of a
    snapshot file or of the folder that holds it. LIST is looked up in your
    workspace (the nearest folder upward holding versions/, or --root), then
    among the lists that ship with the library; a list of your workspace hides
    a shipped list of the same name.
    """
    ctx.obj = root
    ctx.meta["selectielijst.quiet"] = quiet
    speaks_catalog(run_language())
    if _LANGUAGE_KEY not in ctx.meta:
        try:
            language_chosen()
        except SelectielijstError as e:
            tell(e.said, "error")
            sys.exit(EXIT_INVALID)


def _shows_progress() -> bool:
    """Whether to show progress: stderr is a terminal, and --quiet was not given."""
    quiet = click.get_current_context().meta.get("selectielijst.quiet", False)
    return not quiet and sys.stderr.isatty()


@contextlib.contextmanager
def records_progress(description: Message) -> Iterator[Progress | None]:
    """A bar on stderr, told by the engine how far it is; ``None`` off a terminal or --quiet.

    DuckDB tells how far each statement is; between statements, and on
    Spark, the bar says only that work goes on.
    """
    if not _shows_progress():
        yield None
        return
    from rich.console import Console  # noqa: PLC0415  # only on a terminal
    from rich.progress import (  # noqa: PLC0415  # likewise
        BarColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as Bar  # noqa: PLC0415  # likewise

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Bar(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description.say(run_language()), total=None)

        def told(done: float | None) -> None:
            bar.update(task, total=None if done is None else 1.0, completed=done or 0.0)

        yield told


@contextlib.contextmanager
def busy(description: Message) -> Iterator[None]:
    """A spinner on stderr while work of no known length goes on (a diff, an import)."""
    if not _shows_progress():
        yield
        return
    from rich.console import Console  # noqa: PLC0415  # only on a terminal

    with Console(stderr=True).status(description.say(run_language())):
        yield


def workspace_in_force() -> Workspace | None:
    """The workspace in force: --root (or its variable), else the nearest one upward."""
    root = click.get_current_context().find_root().obj
    if root is not None:
        return Workspace(usable_path(root))
    return find_workspace()


def load_version(spec: str) -> SelectionList:
    return load_spec(spec, workspace=workspace_in_force())


def visible(text: str) -> str:
    r"""*text* with every control character shown as ``\uXXXX``, but line breaks and tabs.

    >>> visible("gewoon\ttekst\n\x1b[31mrood\u202e")
    'gewoon\ttekst\n\\u001b[31mrood\\u202e'
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n\t" else f"\\u{ord(ch):04x}" for ch in text)


def to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def emit(
    content: str | bytes, output: Path | None, *, format_name: str, color: bool = False
) -> None:
    """Print *content* (results go to standard output), or write it atomically to *output*."""
    if isinstance(content, str):  # a lone surrogate is no character UTF-8 can write: "?"
        content = content.encode("utf-8", "replace").decode("utf-8")
    if to_stdout(output):
        if isinstance(content, str) and not color and sys.stdout.isatty():
            content = visible(content)  # a terminal obeys ESC, BEL, RLO: show them instead
        # bytes go to the binary stream as they are; colours only where asked for
        click.echo(content, nl=False, color=color or None)
        return
    assert output is not None  # noqa: S101  # to_stdout says so
    output = usable_path(output)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomically(output, data, make_parents=False)
    except OSError as e:
        cannot_write(output, e)
    tell(say("format-written", "{path}: {format} written", path=str(output), format=format_name))


def chosen_format(format_name: str | None, output: Path | None, default: str) -> Format:
    """The format asked for, else the one the output's suffix names, else *default*."""
    if format_name is not None:
        return Format.named(format_name)
    if not to_stdout(output):
        assert output is not None  # noqa: S101  # to_stdout says so
        if output.suffix:
            found = Format.for_path(output.name)
            if found is None:
                said = say(
                    "format-from-suffix",
                    "cannot tell the format from {name!r} ({suffixes}): give --format",
                    name=output.name,
                    suffixes=".md .rst .html .json .txt .docx .xlsx",
                )
                raise click.UsageError(said.say(run_language()))
            return found
    return Format.named(default)


def color_in(choice: str, chosen: Format, output: Path | None) -> bool:
    """Whether to colour: never but for text; auto on a terminal, unless NO_COLOR is set."""
    if chosen is not Format.TEXT or choice == "never":
        return False
    if choice == "always":
        return True
    return to_stdout(output) and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def with_reasons(changes: ChangeSet, new: str) -> ChangeSet:
    """*changes* with the reasons stored beside version *new*, saying which match no change."""
    from selectielijst.io import stored_reasons  # noqa: PLC0415  # the reasons, not the importers

    reasons = stored_reasons(new, workspace=workspace_in_force())
    changes = changes.with_reasons(reasons)
    for reason in changes.unmatched_reasons():
        if reason.number:
            said = say(
                "reason-unmatched-number",
                "a reason ({number}) matches no change any more: {text}",
                number=reason.number,
                text=reason.text,
            )
        else:
            said = say(
                "reason-unmatched", "a reason matches no change any more: {text}", text=reason.text
            )
        tell(said, "note")
    return changes
