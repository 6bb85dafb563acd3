"""The ``selectielijst`` command line. Nothing imports this module."""

from __future__ import annotations

import datetime
import functools
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn, ParamSpec, TypeVar

import attrs
import click

from selectielijst import (
    changelog_bytes,
    diff,
    export,
    import_table,
    import_vng,
    read,
    retention,
    search,
    trace,
    write,
)
from selectielijst.changes import ChangeSet, read_changes
from selectielijst.errors import (
    DocumentErrors,
    InvalidRecord,
    SelectielijstError,
    UnknownCategory,
    UnknownFormat,
    UnknownWorkspace,
)
from selectielijst.files import usable_path, write_atomically
from selectielijst.io import (
    EXPORT_FORMATS,
    REASONS_NAME,
    Imported,
    export_vng_api,
    import_vng_api,
    read_export,
    read_mapping,
    read_reasons,
    reasons_from_table,
    write_reasons,
)
from selectielijst.lookup import Outcome
from selectielijst.model import Category, SelectionList, Status, VersionInfo
from selectielijst.rendering import (
    Format,
    Language,
    kind_label,
    label,
    list_as_text,
    mark_up,
    render_bytes,
)
from selectielijst.snapshots import changeset_schema, index_schema, snapshot_schema
from selectielijst.workspace import (
    ROOT_VARIABLE,
    SNAPSHOT_NAME,
    Workspace,
    check_label,
    check_list_id,
    find_workspace,
    history,
    list_folder,
    lists,
    load_spec,
    resolve_list,
    snapshot_path,
)

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
            self.fail(f"{text!r} is not a usable path: it holds a NUL character", param, ctx)
        return Path(text)


PATH = _PathType()
_FORMATS = click.Choice(
    ["text", "md", "markdown", "rst", "html", "json", "docx", "xlsx"], case_sensitive=False
)
_LANGUAGES = click.Choice(["nl", "en"], case_sensitive=False)
_LANG_OPTION = click.option(
    "--lang", type=_LANGUAGES, default="nl", show_default=True, help="Language of the labels."
)
_OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=PATH,
    help="Write to this file (atomically) instead of standard output; its suffix"
    " (.md .rst .html .json .txt .docx .xlsx) gives the format unless --format does."
    " '-' is standard output.",
)
_COLOR_OPTION = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colours in text output: auto uses them on a terminal unless NO_COLOR is set.",
)


def _cannot_write(path: Path, error: OSError) -> NoReturn:
    """Say that *path* cannot be written, as one error line, and exit 1."""
    click.echo(f"error: cannot write {visible(str(path))}: {error.strerror or error}", err=True)
    sys.exit(EXIT_INVALID)


_HINTS = {
    "columns": "name the columns with --columns id=COLUMN,category=COLUMN,start=COLUMN"
    " (and event=COLUMN for terms that run from an event)",
}
"""What to do on the command line, for problems at these places (the library says it in Python)."""


def _reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a library error as one clear line per problem and exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except DocumentErrors as e:
            for problem in e.exceptions:
                click.echo(f"error: {problem}", err=True)
            for path in dict.fromkeys(problem.path for problem in e.problems):
                if path in _HINTS:
                    click.echo(f"hint: {_HINTS[path]}", err=True)
        except SelectielijstError as e:
            click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_INVALID)

    return wrapper


_ROOT_HELP = (
    "The workspace: the folder holding versions/ (default: the nearest one from the current"
    f" folder upward; or ${ROOT_VARIABLE})."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="selectielijst")
@click.option("--root", type=PATH, envvar=ROOT_VARIABLE, help=_ROOT_HELP)
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Work with Dutch selection lists (selectielijsten) and their versions.

    A version is named LIST@VERSION (e.g. mivd@0.16), or by the path of a
    snapshot file or of the folder that holds it. LIST is looked up in your
    workspace (the nearest folder upward holding versions/, or --root), then
    among the lists that ship with the library; a list of your workspace hides
    a shipped list of the same name.
    """
    ctx.obj = root


def _workspace() -> Workspace | None:
    """The workspace in force: --root (or its variable), else the nearest one upward."""
    root = click.get_current_context().find_root().obj
    if root is not None:
        return Workspace(usable_path(root))
    return find_workspace()


def _load(spec: str) -> SelectionList:
    return load_spec(spec, workspace=_workspace())


@main.command("init")
@click.argument("list_id", metavar="LIST")
@click.option("--title", help="The list's title (default: LIST).")
@click.option("--root", "init_root", type=PATH, help="The workspace folder (default: here).")
@_reports_errors
def init_command(list_id: str, title: str | None, init_root: Path | None) -> None:
    """Start a list of your own: write versions/LIST/index.yaml.

    The workspace is --root, or $SELECTIELIJST_ROOT, or else the current folder.
    Add versions with `selectielijst import table ... --list LIST --version V`.
    """
    root = init_root or click.get_current_context().find_root().obj or Path.cwd()
    path = Workspace(usable_path(root)).init(list_id, title=title)
    click.echo(f"{path}: list {list_id} started", err=True)


@main.command("lists")
@_reports_errors
def lists_command() -> None:
    """Show the lists of your workspace and those that ship with the library."""
    workspace = _workspace()
    own = workspace.lists() if workspace is not None else ()
    for list_id in own:
        assert workspace is not None  # noqa: S101  # own is empty without a workspace
        click.echo(f"{list_id}\t{workspace.history(list_id).title}\t(workspace {workspace.root})")
    for list_id in lists():
        if list_id not in own:
            click.echo(f"{list_id}\t{history(list_id).title}")


@main.command("versions")
@click.argument("list_id", metavar="LIST")
@_reports_errors
def versions_command(list_id: str) -> None:
    """Show every known version of LIST, oldest first, with or without text."""
    index = resolve_list(list_id, _workspace()).history(list_id)
    click.echo(index.title)
    for entry in index.versions:
        text = "" if entry.has_text else "  (tekst niet beschikbaar)"
        click.echo(f"  {list_id}@{entry.label}\t{entry.status.value}\t{entry.date or '-'}{text}")
        for note in entry.notes:
            click.echo(f"      {note}")


@main.command("show")
@click.argument("spec", metavar="LIST@VERSION")
@click.option(
    "--changes-from",
    "other",
    metavar="OLD",
    help="Mark every change since version OLD inline (a 'concept met mutaties').",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["text", "md", "markdown", "html"], case_sensitive=False),
    default=None,
    help="text (default), or md or html; with --changes-from, md (default) or html.",
)
@_LANG_OPTION
@_OUTPUT_OPTION
@_reports_errors
def show_command(
    spec: str, other: str | None, format_name: str | None, lang: str, output: Path | None
) -> None:
    """Show a version of a list in full: its text, sections and categories.

    With --changes-from OLD, the whole version with what changed since OLD
    marked where it stands.
    """
    selection_list = _load(spec)
    if other is None and format_name in {None, "text"}:
        _emit(list_as_text(selection_list, lang=Language(lang)), output, format_name="text")
        return
    chosen = Format.named(format_name or "md")
    if chosen is Format.TEXT:
        chosen = Format.MARKDOWN
    old = _load(other) if other is not None else selection_list
    page = mark_up(selection_list, diff(old, selection_list), chosen, lang=Language(lang))
    _emit(page, output, format_name=chosen.value)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=PATH)
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check snapshot files (or folders holding list.yaml); list every problem.

    Exits 0 when every file is valid and 1 when any is not.
    """
    failed = False
    for path in paths:
        try:
            target = usable_path(path)
            target = target / SNAPSHOT_NAME if target.is_dir() else target
            selection_list = read(target)
        except DocumentErrors as e:
            failed = True
            for problem in e.exceptions:
                click.echo(f"error: {problem}", err=True)
        except SelectielijstError as e:
            failed = True
            click.echo(f"error: {e}", err=True)
        else:
            click.echo(f"{target}: valid ({selection_list.id}@{selection_list.version.label})")
    sys.exit(EXIT_INVALID if failed else 0)


def visible(text: str) -> str:
    r"""*text* with every control character shown as ``\uXXXX``, but line breaks and tabs.

    >>> visible("gewoon\ttekst\n\x1b[31mrood\u202e")
    'gewoon\ttekst\n\\u001b[31mrood\\u202e'
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n\t" else f"\\u{ord(ch):04x}" for ch in text)


def _to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def _emit(
    content: str | bytes, output: Path | None, *, format_name: str, color: bool = False
) -> None:
    """Print *content* (results go to standard output), or write it atomically to *output*."""
    if _to_stdout(output):
        if isinstance(content, str) and not color and sys.stdout.isatty():
            content = visible(content)  # a terminal obeys ESC, BEL, RLO: show them instead
        # bytes go to the binary stream as they are; colours only where asked for
        click.echo(content, nl=False, color=color or None)
        return
    assert output is not None  # noqa: S101  # _to_stdout says so
    output = usable_path(output)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomically(output, data, make_parents=False)
    except OSError as e:
        _cannot_write(output, e)
    click.echo(f"{output}: {format_name} written", err=True)


def _chosen_format(format_name: str | None, output: Path | None, default: str) -> Format:
    """The format asked for, else the one the output's suffix names, else *default*."""
    if format_name is not None:
        return Format.named(format_name)
    if not _to_stdout(output):
        assert output is not None  # noqa: S101  # _to_stdout says so
        if output.suffix:
            found = Format.for_path(output.name)
            if found is None:
                names = ".md .rst .html .json .txt .docx .xlsx"
                msg = f"cannot tell the format from {output.name!r} ({names}): give --format"
                raise click.UsageError(msg)
            return found
    return Format.named(default)


def _color(choice: str, chosen: Format, output: Path | None) -> bool:
    """Whether to colour: never but for text; auto on a terminal, unless NO_COLOR is set."""
    if chosen is not Format.TEXT or choice == "never":
        return False
    if choice == "always":
        return True
    return _to_stdout(output) and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _with_reasons(changes: ChangeSet, new: str) -> ChangeSet:
    """*changes* with the reasons stored beside version *new*, saying which match no change."""
    reasons = read_reasons(snapshot_path(new, workspace=_workspace()).parent / REASONS_NAME)
    changes = changes.with_reasons(reasons)
    for reason in changes.unmatched_reasons():
        number = f" ({reason.number})" if reason.number else ""
        click.echo(f"note: a reason{number} matches no change any more: {reason.text}", err=True)
    return changes


@main.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--format",
    "format_name",
    type=_FORMATS,
    help="Output format (default: by -o's suffix, else text).",
)
@_LANG_OPTION
@_OUTPUT_OPTION
@_COLOR_OPTION
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when there are differences and 0 when there are none, as git diff does.",
)
@_reports_errors
def diff_command(
    old: str,
    new: str,
    format_name: str | None,
    lang: str,
    output: Path | None,
    color: str,
    exit_code: bool,
) -> None:
    """Show what changed from version OLD to version NEW, most important first.

    OLD and NEW are LIST@VERSION (e.g. voorbeeld@1.0) or snapshot paths. The
    reasons stored beside NEW (see `selectielijst reasons`) go with the changes.
    Exits 0 whatever the differences, or with --exit-code 1 when there are any;
    a version that cannot be read is an error (exit 1, one line each).
    """
    changes = _with_reasons(diff(_load(old), _load(new)), new)
    chosen = _chosen_format(format_name, output, "text")
    colored = _color(color, chosen, output)
    written = render_bytes(changes, chosen, lang=Language(lang), color=colored)
    _emit(written, output, format_name=chosen.value, color=colored)
    if exit_code and changes:
        sys.exit(1)


@main.command("render")
@click.argument("source", metavar="CHANGES.json", type=PATH)
@click.option(
    "--format",
    "format_name",
    type=_FORMATS,
    help="Output format (default: by -o's suffix, else md).",
)
@_LANG_OPTION
@_OUTPUT_OPTION
@_COLOR_OPTION
@_reports_errors
def render_command(
    source: Path, format_name: str | None, lang: str, output: Path | None, color: str
) -> None:
    """Render a published change set (the JSON of `diff --format json`) in another format.

    The result is the same text as rendering the change set when it was made.
    """
    chosen = _chosen_format(format_name, output, "md")
    changes = read_changes(usable_path(source))
    colored = _color(color, chosen, output)
    written = render_bytes(changes, chosen, lang=Language(lang), color=colored)
    _emit(written, output, format_name=chosen.value, color=colored)


@main.command("changelog")
@click.argument("list_id", metavar="LIST")
@click.option(
    "--format",
    "format_name",
    type=_FORMATS,
    help="Output format (default: by -o's suffix, else md).",
)
@_LANG_OPTION
@_OUTPUT_OPTION
@_COLOR_OPTION
@_reports_errors
def changelog_command(
    list_id: str, format_name: str | None, lang: str, output: Path | None, color: str
) -> None:
    """The version history of LIST: the changes of every version, newest first.

    LIST is a list of your workspace, a shipped list (e.g. voorbeeld), or a
    folder with an index.yaml. Versions whose text is not available are listed,
    saying so; the reasons stored beside each version go with its changes.
    """
    chosen = _chosen_format(format_name, output, "md")
    colored = _color(color, chosen, output)
    written = changelog_bytes(
        list_id, chosen, lang=Language(lang), color=colored, workspace=_workspace()
    )
    _emit(written, output, format_name=chosen.value, color=colored)


@main.command("reasons")
@click.argument("spec", metavar="LIST@VERSION")
@click.argument("table", metavar="TABLE", type=PATH)
@_reports_errors
def reasons_command(spec: str, table: Path) -> None:
    """Store the reasons (motivering) filled in a change table beside version LIST@VERSION.

    TABLE is the change table of `diff ... -o wijzigingen.xlsx` (XLSX or CSV)
    with its Motivering column filled in. Each reason is kept under its
    change's key (the Sleutel column), so it stays with that change when the
    diff is computed again; a reason whose change is no longer there is
    reported, and kept.
    """
    found = reasons_from_table(usable_path(table))
    target = snapshot_path(spec, workspace=_workspace()).parent / REASONS_NAME
    kept = {reason.key: reason for reason in read_reasons(target)}
    kept.update((reason.key, reason) for reason in found)
    write_reasons(target, tuple(kept.values()))
    click.echo(f"{target}: {len(found)} reasons stored ({len(kept)} in all)", err=True)
    previous = _previous_version(spec)
    if previous is not None:
        _with_reasons(diff(_load(previous), _load(spec)), spec)


def _previous_version(spec: str) -> str | None:
    """The latest version with text before LIST@VERSION in its list, if there is one."""
    if "@" not in spec or usable_path(spec).exists():
        return None
    list_id, _, label = spec.partition("@")
    earlier = None
    for entry in resolve_list(list_id, _workspace()).versions(list_id):
        if entry.label == label:
            return f"{list_id}@{earlier}" if earlier else None
        if entry.has_text:
            earlier = entry.label
    return None


@main.command("verify")
@click.argument("target", metavar="[LIST|FOLDER]", required=False)
@click.option(
    "--record",
    is_flag=True,
    help="First record the SHA-256 of new versions whose index entry has none (never changes one).",
)
@click.option(
    "--deep",
    is_flag=True,
    help="Also read each snapshot whose digest matches, to check it is the version named.",
)
@_reports_errors
def verify_command(target: str | None, record: bool, deep: bool) -> None:
    """Check that every published snapshot is exactly what was published.

    Recomputes the SHA-256 of each snapshot of LIST (or of every list of the
    workspace, or the shipped lists outside one) and compares it with the one
    its index records. FOLDER is a list's folder (holding index.yaml) or a
    workspace. Exits 1 on any mismatch.
    """
    workspace, list_id = _verify_target(target)
    if record:
        for name in (list_id,) if list_id else workspace.lists():
            for label in workspace.record_digests(name):
                click.echo(f"{name}@{label}: SHA-256 recorded", err=True)
    problems = workspace.verify(list_id, deep=deep)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        sys.exit(EXIT_INVALID)
    click.echo("every snapshot is as published")


def _verify_target(target: str | None) -> tuple[Workspace, str | None]:
    """The workspace and list (``None``: every list) that ``verify`` checks."""
    if target is None:
        return _workspace() or Workspace.shipped(), None
    folder = list_folder(target)
    if folder is not None:
        return folder[1], folder[0]
    path = usable_path(target)
    if (path / "versions").is_dir():
        return Workspace(path), None
    return resolve_list(target, _workspace()), target


@main.command("find")
@click.argument("spec", metavar="LIST@VERSION")
@click.argument("query")
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=10,
    show_default=True,
    help="At most this many.",
)
@_reports_errors
def find_command(spec: str, query: str, limit: int) -> None:
    """Find categories by what they are about (names, descriptions, explanations).

    A category number or stable id finds that category; anything else is a
    ranked text search that forgives word order and small typing errors.
    """
    selection_list = _load(spec)
    try:
        exact = selection_list.category(query)
    except UnknownCategory:
        hits = search(selection_list, query, limit=limit)
    else:
        click.echo(visible(_category_line(exact)))
        return
    if not hits:
        click.echo(
            f"no category of {selection_list.id}@{selection_list.version.label} matches {query!r}",
            err=True,
        )
        sys.exit(EXIT_INVALID)
    for hit in hits:
        click.echo(visible(f"{hit.score:5.1f}  {_category_line(hit.category)}"))


def _category_line(category: Category) -> str:
    valuation = str(category.valuation) if category.valuation is not None else "-"
    status = " (vervallen)" if category.withdrawn else ""
    return f"{category.number}\t{category.label}{status}\t{valuation}"


@main.command("retention")
@click.argument("spec", metavar="LIST@VERSION")
@click.argument("number")
@click.option(
    "--start",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="The date the term starts (YYYY-MM-DD).",
)
@click.option(
    "--event",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The date of the event the term runs from, if any.",
)
@_reports_errors
def retention_command(
    spec: str, number: str, start: datetime.datetime, event: datetime.datetime | None
) -> None:
    """When may the records of category NUMBER be destroyed?

    Prints the first day destruction is allowed, "blijvend bewaren", or what
    is needed to compute it (exit 1 then).
    """
    category = _load(spec).category(number)
    answer = retention(category, start=start.date(), event=event.date() if event else None)
    click.echo(f"{category.number} {category.label}: {answer}")
    if answer.outcome is Outcome.NOT_COMPUTABLE:
        valuation = category.valuation
        if valuation is not None and valuation.term is not None and valuation.term.trigger:
            click.echo("give the date of that event with --event YYYY-MM-DD", err=True)
        sys.exit(EXIT_INVALID)


_COLUMNS_OPTION = click.option(
    "--columns",
    default="",
    metavar="ROLE=NAME,...",
    help="Your columns: e.g. id=Zaaknummer,category=Klasse,start=Einddatum,event=Uitdienst.",
)

_ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(["duckdb", "spark"]),
    default="duckdb",
    show_default=True,
    help="Who computes: DuckDB, embedded, or Apache Spark (pip install 'selectielijst[spark]'"
    " and Java 17+; the session follows Spark's own configuration, local by default).",
)


@main.command("due")
@click.argument("spec", metavar="LIST@VERSION")
@click.option(
    "--records",
    type=click.Path(path_type=Path),
    required=True,
    help="The records: CSV, Parquet or XLSX, with columns id, category, start and event.",
)
@click.option(
    "--on",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="The date of the destruction list (YYYY-MM-DD).",
)
@_COLUMNS_OPTION
@_ENGINE_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the list here (CSV, Parquet or XLSX by suffix), and the records whose date"
    " cannot be told beside it (NAME-niet-te-bepalen.SUFFIX). Default: CSV to stdout.",
)
@_reports_errors
def due_command(  # one parameter per option
    spec: str,
    records: Path,
    on: datetime.datetime,
    columns: str,
    engine: str,
    output: Path | None,
) -> None:
    """The destruction list: records whose term has run by --on, by the list's categories.

    Records whose date cannot be computed (no event date, an unknown or
    withdrawn category, no start date) are listed apart, each with its reason.
    A summary goes to stderr.
    """
    from selectielijst.holdings import (  # noqa: PLC0415  # likewise
        as_arrow,  # with the engine
        due,
        due_to_files,
        table_bytes,
    )

    selection_list, roles = _load(spec), _roles(columns)
    if output is not None:
        _check_table_format(output)
        try:
            written = due_to_files(
                selection_list, records, output, on=on.date(), columns=roles, engine=engine
            )
        except OSError as e:
            _cannot_write(Path(e.filename) if e.filename else output, e)
        _say_written(written.files, "records")
        click.echo(written.summary, err=True)
        return
    found = due(selection_list, records, on=on.date(), columns=roles, engine=engine)
    undetermined = as_arrow(found.undetermined)
    click.echo(
        table_bytes(as_arrow(found.due), "csv", title="vernietigen").decode("utf-8"), nl=False
    )
    click.echo(found.summary(), err=True)
    if undetermined.num_rows:
        click.echo(
            f"{undetermined.num_rows} records cannot be told; give -o FILE.csv to write"
            " them, with their reasons, to FILE-niet-te-bepalen.csv",
            err=True,
        )


@main.command("impact")
@click.argument("old", metavar="LIST@OLD")
@click.argument("new", metavar="LIST@NEW")
@click.option(
    "--records",
    type=click.Path(path_type=Path),
    required=True,
    help="The records, filed under OLD: CSV, Parquet or XLSX (columns as for due).",
)
@_COLUMNS_OPTION
@_ENGINE_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write one row per record here (CSV, Parquet or XLSX by suffix), and the counts per"
    " category and effect beside it (NAME-samenvatting.SUFFIX). Default: CSV to stdout.",
)
@_reports_errors
def impact_command(  # one parameter per option
    old: str, new: str, records: Path, columns: str, engine: str, output: Path | None
) -> None:
    """What version NEW does to the records held under version OLD.

    Each record follows its category into NEW (renumbered, moved, split,
    merged, withdrawn into successors) and gets an effect: besluit nodig,
    nu vernietigen, nu bewaren, eerder, later, vervallen zonder opvolger,
    niet te bepalen or ongewijzigd. The counts per effect go to stderr.
    """
    from selectielijst.holdings import (  # noqa: PLC0415
        as_arrow,  # with the engine
        impact,
        impact_to_files,
        table_bytes,
    )

    versions, roles = (_load(old), _load(new)), _roles(columns)
    if output is not None:
        _check_table_format(output)
        try:
            written = impact_to_files(*versions, records, output, columns=roles, engine=engine)
        except OSError as e:
            _cannot_write(Path(e.filename) if e.filename else output, e)
        _say_written(written.files, "rows")
        click.echo(written.summary, err=True)
        return
    found = impact(*versions, records, columns=roles, engine=engine)
    click.echo(
        table_bytes(as_arrow(found.records), "csv", title="effect").decode("utf-8"), nl=False
    )
    click.echo(found.summary_line(), err=True)


def _check_table_format(output: Path) -> None:
    """Refuse, as wrong usage, an output whose suffix names no table format."""
    from selectielijst.holdings import format_of  # noqa: PLC0415  # with the engine

    try:
        format_of(output)
    except UnknownFormat as e:
        raise click.UsageError(str(e)) from e


def _say_written(files: Mapping[Path, int], unit: str) -> None:
    for target, rows in files.items():
        click.echo(f"{target}: {rows} {unit} written", err=True)


def _roles(text: str) -> dict[str, str]:
    """``id=Zaaknummer,category=Klasse`` as a mapping of role to column."""
    roles = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        role, equals, column = part.partition("=")
        if not equals or not column.strip():
            msg = f"--columns takes ROLE=NAME pairs, such as id=Zaaknummer; found {part!r}"
            raise click.UsageError(msg)
        roles[role.strip()] = column.strip()
    return roles


@main.command("trace")
@click.argument("old", metavar="LIST@OLD")
@click.argument("number")
@click.option(
    "--to", "new", metavar="LIST@NEW", required=True, help="The version to follow it into."
)
@_LANG_OPTION
@_reports_errors
def trace_command(old: str, number: str, new: str, lang: str) -> None:
    """Where category NUMBER of version OLD is in version NEW.

    Follows renumbering, moves, splits, merges and the successors a withdrawn
    category names, so records can move from the old list to the new one.
    """
    language = Language(lang)
    found = trace(_load(old), _load(new), number)
    kinds = ", ".join(kind_label(kind, language) for kind in found.kinds)
    target = ", ".join(found.new_numbers) or "—"
    click.echo(f"{found.old_number} → {target}\t({kinds or label('unchanged', language)})")
    if found.gone:
        click.echo(
            f"{found.old_number} has no place in {new}: it was withdrawn without a successor",
            err=True,
        )


def _version_options(command: Callable[..., R]) -> Callable[..., R]:
    """The options that say which version an import is, and where it goes."""
    for option in reversed(
        [
            click.option(
                "--list", "target_list", help="Add the version to this list of your workspace."
            ),
            click.option("--version", "label", help="The version's label, e.g. 2.0."),
            click.option(
                "--status",
                type=click.Choice([s.value for s in Status]),
                help="The version's status (default: the mapping's; for the VNG list vastgesteld).",
            ),
            click.option("--date", help="The version's date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            click.option(
                "-o",
                "--output",
                type=PATH,
                help="Write the snapshot into this folder instead of the workspace.",
            ),
        ]
    ):
        command = option(command)
    return command


def _write_import(imported: Imported, output: Path | None) -> None:
    """Write an import to the folder *output*, or add it to its list in the workspace."""
    for note in imported.notes:
        click.echo(f"note: {note}", err=True)
    selection_list = imported.selection_list
    count = sum(1 for _ in selection_list.categories())
    if output is not None:
        target = usable_path(output) / SNAPSHOT_NAME
        created = not target.parent.exists()
        try:
            write(selection_list, target)
        except OSError as e:
            if created and target.parent.is_dir() and not any(target.parent.iterdir()):
                target.parent.rmdir()  # leave no empty folder behind
            _cannot_write(target, e)
        click.echo(f"{target}: {count} categories written ({len(imported.notes)} notes)", err=True)
        return
    workspace = _workspace()
    if workspace is None:
        msg = (
            f"no workspace here: start one with `selectielijst init {selection_list.id}`"
            " in the folder to keep your lists in, or give -o FOLDER"
        )
        raise UnknownWorkspace(msg)
    added = workspace.add(selection_list)
    for line in added.review.lines() if added.review is not None else ():
        click.echo(f"review: {line}", err=True)
    name = f"{selection_list.id}@{added.entry.label}"
    click.echo(
        f"{added.path}: {name} written, {count} categories ({len(imported.notes)} notes)", err=True
    )


@main.group("import")
def import_group() -> None:
    """Import a version from a spreadsheet or the VNG Selectielijst into your workspace.

    The version is added to its list (--list, or the list the mapping names)
    in the workspace, and recorded in the list's index; with -o FOLDER it is
    written to that folder instead. Where the list has an earlier version,
    categories without declared ids are linked to it by content, and a review
    of those links is printed for you to check before publishing.
    """


@import_group.command("vng")
@click.argument("file", type=PATH)
@click.option(
    "--types",
    type=PATH,
    help="For the API's results JSON: the process types JSON.",
)
@click.option("--year", type=int, help="For the API's JSON: the year of the process types to use.")
@click.option("--id", "list_id", default="vng", show_default=True, help="The list's id.")
@_version_options
@_reports_errors
def import_vng_command(
    file: Path,
    types: Path | None,
    year: int | None,
    list_id: str,
    target_list: str | None,
    label: str | None,
    status: str | None,
    date: str | None,
    output: Path | None,
) -> None:
    """Import the VNG Selectielijst from its spreadsheet (CSV, XLSX) or API JSON."""
    if label is None:
        raise click.UsageError("give the version's label with --version, e.g. --version 2020")
    version = VersionInfo(check_label(label), Status(status or "vastgesteld"), date=date)
    list_id = check_list_id(target_list or list_id)
    if file.suffix.lower() == ".json":
        if types is None or year is None:
            msg = "the API's results JSON needs --types (the process types JSON) and --year"
            raise click.UsageError(msg)
        imported = import_vng_api(file, types, year=year, version=version, list_id=list_id)
    else:
        imported = import_vng(file, version=version, list_id=list_id)
    _write_import(imported, output)


@import_group.command("table")
@click.argument("file", type=PATH)
@click.option(
    "--mapping",
    type=PATH,
    help="The mapping file (YAML): the list's facts and which column holds what."
    " Not needed for a selectielijst export.",
)
@_version_options
@_reports_errors
def import_table_command(
    file: Path,
    mapping: Path | None,
    target_list: str | None,
    label: str | None,
    status: str | None,
    date: str | None,
    output: Path | None,
) -> None:
    """Import a version from a spreadsheet (CSV or XLSX), one row per category.

    The version's label, status and date are the mapping's, unless --version,
    --status or --date is given.
    """
    if mapping is None:
        selection_list = read_export(file)
        version = _version(selection_list.version, label, status, date)
        selection_list = attrs.evolve(selection_list, version=version)
        if target_list is not None:
            selection_list = attrs.evolve(selection_list, id=check_list_id(target_list))
        imported = Imported(selection_list)
    else:
        options = read_mapping(mapping)
        options = attrs.evolve(
            options,
            id=check_list_id(target_list) if target_list else options.id,
            version=_version(options.version, label, status, date),
        )
        imported = import_table(file, options)
    _write_import(imported, output)


def _version(
    version: VersionInfo, label: str | None, status: str | None, date: str | None
) -> VersionInfo:
    """*version* with what the options say instead, where they say it."""
    changes: dict[str, Any] = {}
    if label is not None:
        changes["label"] = check_label(label)
    if status is not None:
        changes["status"] = Status(status)
    if date is not None:
        changes["date"] = date
    try:
        return attrs.evolve(version, **changes)
    except InvalidRecord as e:
        raise click.BadParameter(str(e)) from e


@main.command("export")
@click.argument("spec", metavar="LIST@VERSION")
@click.option(
    "--format",
    "format_name",
    type=click.Choice([*EXPORT_FORMATS, "vng-api"]),
    help="Format (else by -o's suffix). vng-api writes procestypen.json and resultaten.json"
    " into the folder -o names, in the shape of the VNG Selectielijst API.",
)
@click.option(
    "-o",
    "--output",
    type=PATH,
    required=True,
    help="The file to write (for vng-api: the folder).",
)
@_reports_errors
def export_command(spec: str, format_name: str | None, output: Path) -> None:
    """Export a version as CSV, XLSX or JSON, to read back without loss, or in the API's shape."""
    chosen = format_name or output.suffix.lower().lstrip(".")
    try:
        if chosen == "vng-api":
            types, results = export_vng_api(_load(spec), usable_path(output))
            click.echo(f"{types}, {results}: written", err=True)
            return
        if chosen not in EXPORT_FORMATS:
            msg = f"cannot tell the format from {output.name!r}: give --format csv, xlsx or json"
            raise click.UsageError(msg)
        export(_load(spec), usable_path(output), chosen)
    except OSError as e:
        _cannot_write(output, e)
    click.echo(f"{output}: {chosen} written", err=True)


@main.command("schema")
@click.option(
    "--kind",
    type=click.Choice(["snapshot", "index", "changes"]),
    default="snapshot",
    show_default=True,
    help="Which document's schema to print.",
)
def schema_command(kind: str) -> None:
    """Print the JSON Schema of snapshot files, list indexes or change sets."""
    schemas = {"snapshot": snapshot_schema, "index": index_schema, "changes": changeset_schema}
    schema: dict[str, Any] = schemas[kind]()
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False))
