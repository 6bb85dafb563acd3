"""Commands about changes: diff, render, changelog, reasons."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from selectielijst import diff
from selectielijst._cli._common import (
    COLOR_OPTION,
    FORMATS,
    LANG_OPTION,
    OUTPUT_OPTION,
    PATH,
    busy,
    chosen_format,
    color_in,
    emit,
    load_version,
    main,
    reports_errors,
    tell,
    with_reasons,
    workspace_in_force,
)
from selectielijst._i18n import say, say_counted
from selectielijst.changes import read_changes
from selectielijst.files import usable_path
from selectielijst.rendering import Language, changelog_bytes, render_bytes
from selectielijst.workspace import previous_version


@main.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--format",
    "format_name",
    type=FORMATS,
    help="Output format (default: by -o's suffix, else text).",
)
@LANG_OPTION
@OUTPUT_OPTION
@COLOR_OPTION
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when there are differences and 0 when there are none, as git diff does.",
)
@reports_errors
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
    with busy(say("busy-comparing", "comparing")):
        changes = with_reasons(diff(load_version(old), load_version(new)), new)
    chosen = chosen_format(format_name, output, "text")
    colored = color_in(color, chosen, output)
    written = render_bytes(changes, chosen, lang=Language(lang), color=colored)
    emit(written, output, format_name=chosen.value, color=colored)
    if exit_code and changes:
        sys.exit(1)


@main.command("render")
@click.argument("source", metavar="CHANGES.json", type=PATH)
@click.option(
    "--format",
    "format_name",
    type=FORMATS,
    help="Output format (default: by -o's suffix, else md).",
)
@LANG_OPTION
@OUTPUT_OPTION
@COLOR_OPTION
@reports_errors
def render_command(
    source: Path, format_name: str | None, lang: str, output: Path | None, color: str
) -> None:
    """Render a published change set (the JSON of `diff --format json`) in another format.

    The result is the same text as rendering the change set when it was made.
    """
    chosen = chosen_format(format_name, output, "md")
    changes = read_changes(usable_path(source))
    colored = color_in(color, chosen, output)
    written = render_bytes(changes, chosen, lang=Language(lang), color=colored)
    emit(written, output, format_name=chosen.value, color=colored)


@main.command("changelog")
@click.argument("list_id", metavar="LIST")
@click.option(
    "--format",
    "format_name",
    type=FORMATS,
    help="Output format (default: by -o's suffix, else md).",
)
@LANG_OPTION
@OUTPUT_OPTION
@COLOR_OPTION
@reports_errors
def changelog_command(
    list_id: str, format_name: str | None, lang: str, output: Path | None, color: str
) -> None:
    """The version history of LIST: the changes of every version, newest first.

    LIST is a list of your workspace, a shipped list (e.g. voorbeeld), or a
    folder with an index.yaml. Versions whose text is not available are listed,
    saying so; the reasons stored beside each version go with its changes.
    """
    chosen = chosen_format(format_name, output, "md")
    colored = color_in(color, chosen, output)
    with busy(say("busy-changes-per-version", "changes per version")):
        written = changelog_bytes(
            list_id, chosen, lang=Language(lang), color=colored, workspace=workspace_in_force()
        )
    emit(written, output, format_name=chosen.value, color=colored)


@main.command("reasons")
@click.argument("spec", metavar="LIST@VERSION")
@click.argument("table", metavar="TABLE", type=PATH)
@reports_errors
def reasons_command(spec: str, table: Path) -> None:
    """Store the reasons (motivering) filled in a change table beside version LIST@VERSION.

    TABLE is the change table of `diff ... -o wijzigingen.xlsx` (XLSX or CSV)
    with its Motivering column filled in. Each reason is kept under its
    change's key (the Sleutel column), so it stays with that change when the
    diff is computed again; a reason whose change is no longer there is
    reported, and kept.
    """
    from selectielijst.io import reasons_from_table, store_reasons  # noqa: PLC0415  # when used

    found = reasons_from_table(usable_path(table))
    target, kept = store_reasons(spec, found, workspace=workspace_in_force())
    said = say_counted(
        "reasons-stored",
        "{path}: {count:n} reason stored ({kept:n} in all)",
        "{path}: {count:n} reasons stored ({kept:n} in all)",
        len(found),
        path=str(target),
        kept=kept,
    )
    tell(said)
    previous = previous_version(spec, workspace=workspace_in_force())
    if previous is not None:
        with_reasons(diff(load_version(previous), load_version(spec)), spec)
