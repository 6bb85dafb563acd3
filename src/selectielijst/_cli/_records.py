"""Commands for the systems that use a list: retention, due, impact, trace."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Mapping
from pathlib import Path

import click

from selectielijst import retention, trace
from selectielijst._cli._common import (
    DATE,
    EXIT_INVALID,
    LANG_OPTION,
    cannot_write,
    load_version,
    main,
    records_progress,
    reports_errors,
    run_language,
    tell,
    visible,
)
from selectielijst._i18n import say, say_counted
from selectielijst.errors import UnknownFormat
from selectielijst.lookup import Outcome
from selectielijst.rendering import Language, kind_label, label


@main.command("retention")
@click.argument("spec", metavar="LIST@VERSION")
@click.argument("number")
@click.option("--start", type=DATE, required=True, help="The date the term starts (YYYY-MM-DD).")
@click.option("--event", type=DATE, help="The date of the event the term runs from, if any.")
@reports_errors
def retention_command(
    spec: str, number: str, start: datetime.date, event: datetime.date | None
) -> None:
    """When may the records of category NUMBER be destroyed?

    Prints the first day destruction is allowed, "blijvend bewaren" with the
    day the records are due for transfer to an archive repository, or what
    is needed to compute it (exit 1 then).
    """
    selection_list = load_version(spec)
    category = selection_list.category(number)
    answer = retention(category, start=start, event=event, transfer=selection_list.transfer_term)
    click.echo(f"{category.number} {category.label}: {answer.say(run_language())}")
    if answer.outcome is Outcome.NOT_COMPUTABLE:
        valuation = category.valuation
        if valuation is not None and valuation.term is not None and valuation.term.trigger:
            tell(say("hint-event", "give the date of that event with --event YYYY-MM-DD"), "hint")
        sys.exit(EXIT_INVALID)


_COLUMNS_OPTION = click.option(
    "--columns",
    default="",
    metavar="ROLE=NAME,...",
    help="Your columns: e.g. id=Zaaknummer,category=Klasse,start=Einddatum,event=Uitdienst.",
)

_KEEP_OPTION = click.option(
    "--keep",
    default=None,
    metavar="COLUMN,...",
    help="The records' own columns to write beside each row (title, case type, ...)."
    " Default: all of them, up to 50; --keep '' for none.",
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
    "--on", type=DATE, required=True, help="The date of the destruction list (YYYY-MM-DD)."
)
@_COLUMNS_OPTION
@_KEEP_OPTION
@_ENGINE_OPTION
@LANG_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the list here (CSV, Parquet or XLSX by suffix), and the records whose date"
    " cannot be told beside it (NAME-niet-te-bepalen.SUFFIX). Default: CSV to stdout.",
)
@reports_errors
def due_command(  # one parameter per option
    spec: str,
    records: Path,
    on: datetime.date,
    columns: str,
    keep: str | None,
    engine: str,
    lang: str,
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

    selection_list, roles = load_version(spec), _roles(columns)
    if output is not None:
        _check_table_format(output)
        try:
            with records_progress(_DESTRUCTION_LIST) as progress:
                written = due_to_files(
                    selection_list, records, output, on=on, columns=roles, engine=engine,
                    keep=_kept(keep), language=Language(lang), progress=progress,
                )  # fmt: skip
        except OSError as e:
            cannot_write(Path(e.filename) if e.filename else output, e)
        _say_written(written.files)
        tell(written.summary)
        return
    with records_progress(_DESTRUCTION_LIST) as progress:
        found = due(
            selection_list, records, on=on, columns=roles, engine=engine,
            keep=_kept(keep), progress=progress, language=Language(lang),
        )  # fmt: skip
    undetermined = as_arrow(found.undetermined)
    _rows_out(table_bytes(as_arrow(found.due), "csv", title="vernietigen"))
    tell(found.summary(Language(lang)))
    if undetermined.num_rows:
        said = say_counted(
            "records-untold",
            "{count:n} record cannot be told; give -o FILE.csv to write it, with its reason,"
            " to FILE-niet-te-bepalen.csv",
            "{count:n} records cannot be told; give -o FILE.csv to write them, with their"
            " reasons, to FILE-niet-te-bepalen.csv",
            undetermined.num_rows,
        )
        tell(said, "note")


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
@_KEEP_OPTION
@_ENGINE_OPTION
@LANG_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write one row per record here (CSV, Parquet or XLSX by suffix), and the counts per"
    " category and effect beside it (NAME-samenvatting.SUFFIX). Default: CSV to stdout.",
)
@reports_errors
def impact_command(  # one parameter per option
    old: str,
    new: str,
    records: Path,
    columns: str,
    keep: str | None,
    engine: str,
    lang: str,
    output: Path | None,
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

    versions, roles = (load_version(old), load_version(new)), _roles(columns)
    if output is not None:
        _check_table_format(output)
        try:
            with records_progress(_EFFECT) as progress:
                written = impact_to_files(
                    *versions, records, output, columns=roles, engine=engine, keep=_kept(keep),
                    language=Language(lang), progress=progress,
                )  # fmt: skip
        except OSError as e:
            cannot_write(Path(e.filename) if e.filename else output, e)
        _say_written(written.files)
        tell(written.summary)
        return
    with records_progress(_EFFECT) as progress:
        found = impact(
            *versions, records, columns=roles, engine=engine, keep=_kept(keep), progress=progress,
            language=Language(lang),
        )  # fmt: skip
    _rows_out(table_bytes(as_arrow(found.records), "csv", title="effect"))
    tell(found.summary_line(Language(lang)))


def _rows_out(csv: bytes) -> None:
    """The rows as CSV on standard output; to a terminal, its control characters made visible.

    A record's id or kept column may hold ESC or CR, which a terminal obeys;
    piped or redirected, the rows go out as they are.
    """
    if not sys.stdout.isatty():  # the bytes as they are: click strips ESC from text it echoes
        click.echo(csv, nl=False)
        return
    text = csv.decode("utf-8").replace("\r\n", "\n")  # a line ends as a terminal ends it
    click.echo(visible(text), nl=False)


_DESTRUCTION_LIST = say("busy-destruction-list", "destruction list")
_EFFECT = say("busy-effect", "effect")


def _kept(keep: str | None) -> tuple[str, ...] | None:
    """``--keep Titel,Zaaktype`` as the columns to keep; ``None`` (all) when not given."""
    if keep is None:
        return None
    return tuple(column.strip() for column in keep.split(",") if column.strip())


def _check_table_format(output: Path) -> None:
    """Refuse, as wrong usage, an output whose suffix names no table format."""
    from selectielijst.holdings import format_of  # noqa: PLC0415  # with the engine

    try:
        format_of(output)
    except UnknownFormat as e:
        raise click.UsageError(e.say(run_language())) from e


def _say_written(files: Mapping[Path, int]) -> None:
    for target, rows in files.items():
        said = say_counted(
            "rows-written",
            "{path}: {count:n} row written",
            "{path}: {count:n} rows written",
            rows,
            path=str(target),
        )
        tell(said)


def _roles(text: str) -> dict[str, str]:
    """``id=Zaaknummer,category=Klasse`` as a mapping of role to column."""
    roles = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        role, equals, column = part.partition("=")
        if not equals or not column.strip():
            said = say(
                "columns-pairs",
                "--columns takes ROLE=NAME pairs, such as id=Zaaknummer; found {part!r}",
                part=part,
            )
            raise click.UsageError(said.say(run_language()))
        roles[role.strip()] = column.strip()
    return roles


@main.command("trace")
@click.argument("old", metavar="LIST@OLD")
@click.argument("number")
@click.option(
    "--to", "new", metavar="LIST@NEW", required=True, help="The version to follow it into."
)
@LANG_OPTION
@reports_errors
def trace_command(old: str, number: str, new: str, lang: str) -> None:
    """Where category NUMBER of version OLD is in version NEW.

    Follows renumbering, moves, splits, merges and the successors a withdrawn
    category names, so records can move from the old list to the new one.
    """
    language = Language(lang)
    found = trace(load_version(old), load_version(new), number)
    kinds = ", ".join(kind_label(kind, language) for kind in found.kinds)
    target = ", ".join(found.new_numbers) or "—"
    click.echo(f"{found.old_number} → {target}\t({kinds or label('unchanged', language)})")
    if found.gone:
        said = say(
            "trace-gone",
            "{number} has no place in {version}: it was withdrawn without a successor",
            number=found.old_number,
            version=new,
        )
        tell(said, "note")
