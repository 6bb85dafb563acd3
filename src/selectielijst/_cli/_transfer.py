"""Getting lists in and out: import (VNG, tables) and export."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click

from selectielijst import write
from selectielijst._cli._common import (
    PATH,
    R,
    busy,
    cannot_write,
    load_version,
    main,
    reports_errors,
    run_language,
    tell,
    workspace_in_force,
)
from selectielijst._i18n import say, say_counted
from selectielijst.errors import InvalidRecord, UnknownWorkspace
from selectielijst.files import usable_path
from selectielijst.model import Status, VersionInfo

if TYPE_CHECKING:
    from selectielijst.io import Imported
from selectielijst.workspace import SNAPSHOT_NAME, check_label, check_list_id


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


EXPORT_CHOICES = ("csv", "xlsx", "json", "docx", "pdf", "vng-api", "vng-fixture")
_API_SHAPES = ("vng-api", "vng-fixture")
"""What ``export --format`` takes: :data:`selectielijst.io.EXPORT_FORMATS` and the API's shape.

Written out, so that the command line starts without the importers (a test
keeps it equal to theirs).
"""


def _write_import(imported: Imported, output: Path | None) -> None:
    """Write an import to the folder *output*, or add it to its list in the workspace."""
    language = run_language()
    for note in imported.notes:
        tell(note.say(language), "note")
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
            cannot_write(target, e)
        said = say_counted(
            "categories-written",
            "{path}: {count:n} category written ({notes:n} notes)",
            "{path}: {count:n} categories written ({notes:n} notes)",
            count,
            path=str(target),
            notes=len(imported.notes),
        )
        tell(said)
        return
    workspace = workspace_in_force()
    if workspace is None:
        msg = say(
            "no-workspace",
            "no workspace here: start one with `selectielijst init {list}` in the folder to keep"
            " your lists in, or give -o FOLDER",
            list=selection_list.id,
        )
        raise UnknownWorkspace(msg)
    added = workspace.add(selection_list)
    for line in added.review.lines(language) if added.review is not None else ():
        tell(line, "review")
    said = say_counted(
        "version-written",
        "{path}: {version} written, {count:n} category ({notes:n} notes)",
        "{path}: {version} written, {count:n} categories ({notes:n} notes)",
        count,
        path=str(added.path),
        version=f"{selection_list.id}@{added.entry.label}",
        notes=len(imported.notes),
    )
    tell(said)


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
@click.option(
    "--year",
    type=int,
    help="For the API's JSON: the year of the process types to use, where it holds several.",
)
@click.option("--id", "list_id", default="vng", show_default=True, help="The list's id.")
@_version_options
@reports_errors
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
    """Import the VNG Selectielijst from its spreadsheet (CSV, XLSX) or API JSON.

    The API's JSON may be the data files of the current referentielijsten API
    or the fixtures of the older Selectielijst API; the uuids, the year and
    the texts are kept as the API gives them, to export back unchanged.
    """
    from selectielijst import import_vng  # noqa: PLC0415  # the importers when used
    from selectielijst.io import import_vng_api  # noqa: PLC0415  # likewise

    if label is None:
        said = say("give-version", "give the version's label with --version, e.g. --version 2020")
        raise click.UsageError(said.say(run_language()))
    version = VersionInfo(check_label(label), Status(status or "vastgesteld"), date=date)
    list_id = check_list_id(target_list or list_id)
    if file.suffix.lower() == ".json":
        if types is None:
            said = say(
                "api-needs-types", "the API's results JSON needs --types (the process types JSON)"
            )
            raise click.UsageError(said.say(run_language()))
        with busy(_READING):
            imported = import_vng_api(file, types, year=year, version=version, list_id=list_id)
    else:
        with busy(_READING):
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
@reports_errors
def import_table_command(
    file: Path,
    mapping: Path | None,
    target_list: str | None,
    label: str | None,
    status: str | None,
    date: str | None,
    output: Path | None,
) -> None:
    """Import a version from a spreadsheet (CSV, XLSX) or a document (Word, PDF).

    One table row per category; the mapping names the columns by their header.
    A list's own export (CSV, XLSX, Word, PDF) needs no mapping. The version's
    label, status and date are the mapping's, unless --version, --status or
    --date is given.
    """
    from selectielijst import import_table  # noqa: PLC0415  # the importers when used
    from selectielijst.io import Imported, read_export, read_mapping  # noqa: PLC0415  # likewise

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
        with busy(_READING):
            imported = import_table(file, options)
    _write_import(imported, output)


_READING = say("busy-reading", "reading")
_WRITING = say("busy-writing-pdf", "making the PDF")


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
        raise click.BadParameter(e.say(run_language())) from e


@main.command("export")
@click.argument("spec", metavar="LIST@VERSION")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(EXPORT_CHOICES),
    help="Format (else by -o's suffix). docx and pdf write the version as a document to"
    " circulate or publish (pdf through LibreOffice); import table reads them back."
    " vng-api writes procestypen.json and resultaten.json"
    " into the folder -o names, as the VNG's current referentielijsten API serves them;"
    " vng-fixture as the fixtures of its older Selectielijst API.",
)
@click.option(
    "-o",
    "--output",
    type=PATH,
    required=True,
    help="The file to write (for vng-api and vng-fixture: the folder).",
)
@click.option(
    "--allow-loss",
    is_flag=True,
    help="vng-api, vng-fixture: write what fits the API, and name every result changed or"
    " left out, and why, instead of refusing a list that does not fit.",
)
@reports_errors
def export_command(spec: str, format_name: str | None, output: Path, allow_loss: bool) -> None:
    """Export a version as CSV, XLSX, JSON, Word or PDF, to read back, or in the API's shape."""
    from selectielijst import export  # noqa: PLC0415  # the exporters when used
    from selectielijst.io import api_records, write_api_records  # noqa: PLC0415  # likewise

    chosen = format_name or output.suffix.lower().lstrip(".")
    try:
        if chosen in _API_SHAPES:
            records = api_records(load_version(spec), shape=chosen, allow_loss=allow_loss)
            types, results = write_api_records(records, usable_path(output))
            for loss in records.losses:
                tell(loss.say(run_language()), "note")
            tell(say("files-written", "{paths}: written", paths=f"{types}, {results}"))
            return
        if chosen not in EXPORT_CHOICES[:5]:
            said = say(
                "export-format-from-suffix",
                "cannot tell the format from {name!r}: give --format csv, xlsx, json, docx or pdf",
                name=output.name,
            )
            raise click.UsageError(said.say(run_language()))
        with busy(_WRITING) if chosen == "pdf" else contextlib.nullcontext():
            export(load_version(spec), usable_path(output), chosen, language=run_language())
    except OSError as e:
        cannot_write(output, e)
    tell(say("format-written", "{path}: {format} written", path=str(output), format=chosen))
