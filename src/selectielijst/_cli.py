"""The ``selectielijst`` command line. Nothing imports this module."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from selectielijst._errors import DocumentErrors, SelectielijstError
from selectielijst._render._listing import list_as_text
from selectielijst._schema import index_schema, snapshot_schema
from selectielijst._snapshot import read
from selectielijst._store import history, lists, load_spec

P = ParamSpec("P")
R = TypeVar("R")

EXIT_INVALID = 1


def _reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a library error as one clear line per problem and exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except DocumentErrors as e:
            for problem in e.exceptions:
                click.echo(f"error: {problem}", err=True)
        except SelectielijstError as e:
            click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_INVALID)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="selectielijst")
def main() -> None:
    """Work with Dutch selection lists (selectielijsten) and their versions.

    A version is named LIST@VERSION (e.g. mivd@0.16), or by the path of a
    snapshot file or of the folder that holds it.
    """


@main.command("lists")
@_reports_errors
def lists_command() -> None:
    """Show the lists that ship with the library."""
    for list_id in lists():
        click.echo(f"{list_id}\t{history(list_id).title}")


@main.command("versions")
@click.argument("list_id", metavar="LIST")
@_reports_errors
def versions_command(list_id: str) -> None:
    """Show every known version of LIST, oldest first, with or without text."""
    index = history(list_id)
    click.echo(index.title)
    for entry in index.versions:
        text = "" if entry.has_text else "  (tekst niet beschikbaar)"
        click.echo(f"  {list_id}@{entry.label}\t{entry.status.value}\t{entry.date or '-'}{text}")
        for note in entry.notes:
            click.echo(f"      {note}")


@main.command("show")
@click.argument("spec", metavar="LIST@VERSION")
@_reports_errors
def show_command(spec: str) -> None:
    """Show a version of a list in full: its text, sections and categories."""
    click.echo(list_as_text(load_spec(spec)), nl=False)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check snapshot files (or folders holding list.yaml); list every problem.

    Exits 0 when every file is valid and 1 when any is not.
    """
    failed = False
    for path in paths:
        target = path / "list.yaml" if path.is_dir() else path
        try:
            selection_list = read(target)
        except DocumentErrors as e:
            failed = True
            for problem in e.exceptions:
                click.echo(f"error: {problem}", err=True)
        else:
            click.echo(f"{target}: valid ({selection_list.id}@{selection_list.version.label})")
    sys.exit(EXIT_INVALID if failed else 0)


@main.command("schema")
@click.option(
    "--kind",
    type=click.Choice(["snapshot", "index"]),
    default="snapshot",
    show_default=True,
    help="Which document's schema to print.",
)
def schema_command(kind: str) -> None:
    """Print the JSON Schema of snapshot files (or of list indexes)."""
    schema: dict[str, Any] = snapshot_schema() if kind == "snapshot" else index_schema()
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False))
