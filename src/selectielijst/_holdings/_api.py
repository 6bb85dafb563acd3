"""Records against a list, in bulk: which may be destroyed by a date, and which cannot be told.

The list becomes a small table of categories, one row each, with what
:func:`~selectielijst.retention` says of it before any date is known. The
engine joins the records with it and does the date arithmetic itself: no
Python object and no Python loop per record, so millions of records take
seconds on DuckDB, and more than one machine holds go to Spark.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from selectielijst._holdings._engines import (
    ENGINES,
    DuckDBEngine,
    Progress,
    as_arrow,
    is_spark_frame,
)
from selectielijst._holdings._output import (
    TABLE_FORMATS,
    Together,
    checked_targets,
    format_of,
    table_bytes,
)
from selectielijst._holdings._sql import (
    COLUMNS,
    DUE,
    EFFECTS,
    IMPACT_COUNTS,
    IMPACT_ROWS,
    SUMMARY_KEYS,
    TRANSFER,
    UNDETERMINED,
    carried,
    counted_in,
    date_literal,
    due_counts,
    effect_counts,
    judged,
    judged_twice,
    literal,
    summary_of,
)
from selectielijst._holdings._vocabulary import Action, Effect
from selectielijst._i18n import Language, marked_in, number_words, say, say_counted, translated
from selectielijst._model import SelectionList, as_date, number_key

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "COLUMNS",
    "EFFECTS",
    "ENGINES",
    "TABLE_FORMATS",
    "Action",
    "Due",
    "Effect",
    "Impact",
    "Written",
    "due",
    "due_to_files",
    "format_of",
    "impact",
    "impact_to_files",
    "table_bytes",
]


@attrs.frozen
class Due:
    """The destruction list (*vernietigingslijst*) on a date, and what could not be told.

    Attributes:
        on: The date asked about.
        due: One row per record whose term has run by *on*: ``id``,
            ``categorie``, ``actie`` (``vernietigen``) and ``vernietigen_vanaf``.
        undetermined: One row per record whose date cannot be computed:
            ``id``, ``categorie`` and ``reden`` (an event date missing, the
            category unknown or withdrawn).
        counts: How many records are due, not yet due, kept, due for transfer
            and undetermined, by :class:`~selectielijst.holdings.Action`.
        transfer: The transfer list (*overbrengingslijst*): one row per record
            kept permanently whose transfer term has run by *on*: ``id``,
            ``categorie``, ``actie`` (``overbrengen``) and ``overbrengen_vanaf``.

    The rows come in the order of the records (DuckDB keeps it; Spark's
    order is its own): sorting millions of rows costs more than judging them.
    """

    on: datetime.date
    due: pyarrow.Table
    undetermined: pyarrow.Table
    counts: Mapping[Action, int]
    transfer: pyarrow.Table | None = None

    def summary(self, language: Language = Language.NL) -> str:
        """One line for an archivist: the counts, in Dutch or in *language*."""
        return self.summary_of(self.on, self.counts, language)

    @staticmethod
    def summary_of(
        on: datetime.date, counts: Mapping[Action, int], language: Language = Language.NL
    ) -> str:
        """The line of :meth:`summary` for *counts* on *on*.

        >>> Due.summary_of(datetime.date(2026, 1, 1), {Action.DESTROY: 3, Action.NOT_YET: 1})
        '4 stukken op 1 januari 2026: 3 vernietigen, 1 nog niet'
        >>> Due.summary_of(datetime.date(2026, 1, 1), {Action.DESTROY: 1200}, Language.EN)
        '1,200 records on 1 January 2026: 1,200 destroy'
        """
        parts = ", ".join(
            f"{number_words(count, language)} {what.words(language)}"
            for what, count in counts.items()
        )
        total = sum(counts.values())
        said = say_counted(
            "due-summary",
            "{count:n} record on {on:date}: {counts}",
            "{count:n} records on {on:date}: {counts}",
            total,
            on=on,
            counts=parts,
        )
        return said.say(language)


def due(  # noqa: PLR0913  # the list, the records, the date and how to read them
    selection_list: SelectionList,
    records: str | Path | Any,
    *,
    on: datetime.date | str,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
    keep: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: Language = Language.NL,
) -> Due:
    """Which records of *records* may be destroyed on *on*, by the categories of *selection_list*.

    *records* is a CSV, Parquet or XLSX file, or a table in memory (an Arrow
    table, a pandas or Polars data frame, a DuckDB relation or a Spark
    DataFrame) with the columns :data:`COLUMNS`, or others named in *columns*.

    Every record's date equals what :func:`~selectielijst.retention` says of
    it, computed in bulk by *engine*: ``"duckdb"``, embedded, or ``"spark"``
    (see :data:`ENGINES`). By default a Spark DataFrame goes to Spark, and
    anything else to DuckDB. Spark's tables are Spark DataFrames, not yet
    computed; DuckDB's are Arrow tables.

    *on* is a :class:`datetime.date` or an ISO date as text (``"2026-01-01"``).
    The reasons of the records apart are written in *language*.

    Raises:
        DocumentErrors: The records file cannot be read, or lacks a column;
            the problem names the file and the column.
        TypeError: *on* is neither a date nor text; ValueError: its text is no ISO date.
        EngineUnavailable: Spark is asked for, but PySpark or Java is missing.
        TypeError: *records* is neither a path nor a table in memory.
    """
    on = as_date("on", on)
    with judged(selection_list, records, columns, engine, keep, progress, language) as (
        runner,
        kept,
    ):
        due_rows = runner.result(DUE.format(on=date_literal(on), kept=carried(kept)))
        undetermined = runner.result(UNDETERMINED.format(kept=carried(kept)))
        transfer = runner.result(TRANSFER.format(on=date_literal(on), kept=carried(kept)))
        counts = due_counts(
            runner, runner.size(due_rows), runner.size(undetermined), runner.size(transfer)
        )
    return Due(on, due_rows, undetermined, counts, transfer)


@attrs.frozen
class Written:
    """What :func:`due_to_files` or :func:`impact_to_files` wrote.

    Attributes:
        files: Each file written, with the number of rows in it, in the order written.
        counts: As :attr:`Due.counts` (by :class:`~selectielijst.holdings.Action`) or
            :attr:`Impact.counts` (by :class:`~selectielijst.holdings.Effect`).
        summary: One line for an archivist: the counts, in Dutch.
    """

    files: Mapping[Path, int]
    counts: Mapping[Action, int] | Mapping[Effect, int]
    summary: str


def due_to_files(  # noqa: PLR0913  # the arguments of due(), and where to write
    selection_list: SelectionList,
    records: str | Path | Any,
    output: str | Path,
    *,
    on: datetime.date | str,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
    keep: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: Language = Language.NL,
) -> Written:
    """Write :func:`due`'s tables: the destruction list, what cannot be told, the transfer list.

    The destruction list goes to *output*; beside it ``OUTPUT-niet-te-bepalen``
    and the transfer list ``OUTPUT-over-te-brengen``. The format follows the
    suffix: ``.csv``, ``.parquet`` or ``.xlsx`` (see :data:`TABLE_FORMATS`). The
    engine streams CSV and Parquet into the files (Spark in one task, with its
    own writer), so memory does not grow
    with the number of records; a workbook is gathered first. The three
    files appear together or not at all.

    >>> import datetime, pathlib, tempfile, pyarrow
    >>> from selectielijst import load
    >>> records = pyarrow.table({"id": ["z1", "z2"], "category": ["1.2", "9.9"],
    ...                         "start": ["2015-01-31", "2015-01-31"]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = due_to_files(load("voorbeeld", "2.1"), records,
    ...                            pathlib.Path(folder) / "lijst.csv", on=datetime.date(2026, 1, 1))
    ...     print({path.name: rows for path, rows in written.files.items()})
    {'lijst.csv': 1, 'lijst-niet-te-bepalen.csv': 1, 'lijst-over-te-brengen.csv': 0}
    >>> print(written.summary)
    2 stukken op 1 januari 2026: 1 vernietigen, 0 nog niet, 0 blijvend bewaren, 0 overbrengen,
    1 niet te bepalen

    Raises:
        DocumentErrors: As for :func:`due`.
        EngineUnavailable: As for :func:`due`.
        UnknownFormat: The suffix names no format that is written.
        OSError: A file cannot be written; nothing is left half-written.
    """
    on = as_date("on", on)
    output = Path(output)
    format_name = format_of(output)
    targets = checked_targets(records, output, "niet-te-bepalen", "over-te-brengen")
    with (
        judged(selection_list, records, columns, engine, keep, progress, language) as (
            runner,
            kept,
        ),
        Together(runner, format_name, targets, language=language) as together,
    ):
        rows = DUE.format(on=date_literal(on), kept=carried(kept))
        apart = UNDETERMINED.format(kept=carried(kept))
        transfer = TRANSFER.format(on=date_literal(on), kept=carried(kept))
        if format_name == "xlsx":  # grouped by category; the summary once the rows are counted
            numbers = _in_number_order_of(selection_list)
            together.write(targets[1], apart, _sheet("niet te bepalen", language), numbers=numbers)
            together.write(targets[2], transfer, _sheet("overbrengen", language), numbers=numbers)
            apart_count, transfer_count = together.files[targets[1]], together.files[targets[2]]

            def lines(due_count: int) -> list[tuple[str, int]]:
                said = due_counts(runner, due_count, apart_count, transfer_count)
                return [(action.words(language), n) for action, n in said.items()]

            together.write(
                output, rows, _sheet("vernietigen", language), summary=lines, numbers=numbers
            )
            counts = due_counts(runner, together.files[output], apart_count, transfer_count)
        else:
            together.write(output, rows, "vernietigen")
            together.write(targets[1], apart, "niet te bepalen")
            together.write(targets[2], transfer, "overbrengen")
            counts = due_counts(runner, *(together.files[target] for target in targets))
    return Written(together.files, counts, Due.summary_of(on, counts, language))


@attrs.frozen
class Impact:
    """What a new version of a list does to each record held under the old one.

    Attributes:
        records: One row per record: ``id``, ``oude_categorie``,
            ``nieuwe_categorie`` (several, comma-separated, where it was split),
            ``oude_actie``, ``oude_datum``, ``nieuwe_actie``, ``nieuwe_datum``
            (empty where the new categories differ), ``effect`` (one of
            :data:`EFFECTS`) and ``toelichting``; in the order of the records,
            as for :class:`Due`. With DuckDB, ``nieuwe_categorie``, the
            actions and ``effect`` are dictionary columns (each word held
            once; categorical in pandas and Polars).
        summary: How many records each old category has of each effect:
            ``oude_categorie``, ``effect``, ``aantal``, in the order of
            :data:`EFFECTS`, then by category.
        counts: How many records have each :class:`~selectielijst.holdings.Effect`, the
            most urgent first.
    """

    records: pyarrow.Table
    summary: pyarrow.Table
    counts: Mapping[Effect, int]

    def summary_line(self, language: Language = Language.NL) -> str:
        """One line for an archivist: the counts per effect, in Dutch."""
        return self.summary_line_of(self.counts, language)

    @staticmethod
    def summary_line_of(counts: Mapping[Effect, int], language: Language = Language.NL) -> str:
        """The line of :meth:`summary_line` for *counts*; effects of no records are left out.

        >>> Impact.summary_line_of({Effect.DECISION_NEEDED: 2, Effect.EARLIER: 0,
        ...                         Effect.UNCHANGED: 5})
        '7 stukken: 2 besluit nodig, 5 ongewijzigd'
        """
        parts = ", ".join(
            f"{number_words(count, language)} {effect.words(language)}"
            for effect, count in counts.items()
            if count
        )
        none = say("no-records-counted", "none")
        said = say_counted(
            "impact-summary",
            "{count:n} record: {counts}",
            "{count:n} records: {counts}",
            sum(counts.values()),
            counts=parts or none,
        )
        return said.say(language)


def impact(  # noqa: PLR0913  # both versions, the records and how to read them
    old: SelectionList,
    new: SelectionList,
    records: str | Path | Any,
    *,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
    keep: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: Language = Language.NL,
) -> Impact:
    """What version *new* does to each record of *records*, filed under version *old*.

    Each record follows its category by the concordance of the two versions
    (renumbered, moved, split, merged, withdrawn into successors); its
    action and date under each version are what :func:`~selectielijst.retention`
    says, computed in bulk. *records* and *engine* are as for :func:`due`, and
    the notes are written in *language*.

    Raises:
        DocumentErrors: The records cannot be read, or lack a column.
        EngineUnavailable: Spark is asked for, but PySpark or Java is missing.
        TypeError: *records* is neither a path nor a table in memory.
    """
    with judged_twice(old, new, records, columns, engine, keep, progress, language) as (
        runner,
        kept,
    ):
        per_record = runner.result(IMPACT_ROWS.format(kept=carried(kept)))
        runner.keep("impact_counts", runner.counted(per_record, SUMMARY_KEYS))
        summary = runner.keep(
            "impact_summary", _in_number_order(runner.result(summary_of("impact_counts")))
        )
        counts = effect_counts(runner.rows(IMPACT_COUNTS))
    return Impact(per_record, summary, counts)


def impact_to_files(  # noqa: PLR0913  # the arguments of impact(), and where to write
    old: SelectionList,
    new: SelectionList,
    records: str | Path | Any,
    output: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
    keep: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: Language = Language.NL,
) -> Written:
    """Write :func:`impact`'s rows to *output* and its summary to ``OUTPUT-samenvatting``.

    As :func:`due_to_files`: the format follows the suffix, the engine
    streams CSV and Parquet, and both files appear together or not at all.

    >>> import pathlib, tempfile, pyarrow
    >>> from selectielijst import load
    >>> records = pyarrow.table({"id": ["z1"], "category": ["1.4"], "start": ["2015-01-31"]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = impact_to_files(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"),
    ...                               records, pathlib.Path(folder) / "effect.parquet")
    >>> print(written.summary)
    1 stuk: 1 nu bewaren

    Raises:
        DocumentErrors: As for :func:`impact`.
        EngineUnavailable: As for :func:`impact`.
        UnknownFormat: The suffix names no format that is written.
        OSError: A file cannot be written; nothing is left half-written.
    """
    output = Path(output)
    format_name = format_of(output)
    targets = checked_targets(records, output, "samenvatting")
    with (
        judged_twice(old, new, records, columns, engine, keep, progress, language) as (
            runner,
            kept,
        ),
        Together(runner, format_name, targets, language=language) as together,
    ):
        rows_query = IMPACT_ROWS.format(kept=carried(kept))
        numbers = _in_number_order_of(old) if format_name == "xlsx" else None
        written = together.write(
            output,
            rows_query,
            _sheet("effect", language),
            numbers=numbers,
            grouped_by="oude_categorie",
        )
        rows = f"({rows_query})"
        if isinstance(runner, DuckDBEngine) and format_name == "parquet":  # counted in the file
            rows = "read_parquet(" + literal(str(written)) + ")"
        summary = _in_number_order(as_arrow(runner.result(summary_of(counted_in(rows)))))
        together.write(targets[1], summary, "samenvatting")
    counts = effect_counts((row["effect"], row["aantal"]) for row in summary.to_pylist())
    return Written(together.files, counts, Impact.summary_line_of(counts, language))


_SHEETS = {
    "vernietigen": marked_in("sheet", "destroy"),
    "overbrengen": marked_in("sheet", "transfer"),
    "niet te bepalen": marked_in("sheet", "cannot be told"),
    "effect": marked_in("sheet", "effect"),
}
"""The names of the rows' sheets, by their Dutch name."""


def _sheet(name: str, language: Language) -> str:
    """The sheet name *name* in *language*."""
    context, text = _SHEETS[name]
    return translated(text, language, context)


def _in_number_order(summary: Any) -> Any:
    """The summary by effect, most urgent first, then by old category in number order.

    The engine orders numbers as text (21.1.3 before 3.1.4); the summary is a
    few rows per category, so it is put in number order here. A Spark result
    stays as Spark orders it.
    """
    if is_spark_frame(summary):
        return summary
    import pyarrow  # noqa: PLC0415  # with the table

    rank = {effect.value: index for index, effect in enumerate(Effect)}
    rows = sorted(
        summary.to_pylist(),
        key=lambda row: (
            rank.get(str(row["effect"]), len(rank)),
            number_key(row["oude_categorie"]),
        ),
    )
    return pyarrow.Table.from_pylist(rows, schema=summary.schema)


def _in_number_order_of(selection_list: SelectionList) -> list[str]:
    """The list's category numbers in number order (2.9 before 2.10)."""
    return sorted((category.number for _, category in selection_list.categories()), key=number_key)
