"""Records against a list, in bulk: which may be destroyed by a date, and which cannot be told.

The list becomes a small table of categories, one row each, with what
:func:`~selectielijst.retention` says of it before any date is known. The
engine joins the records with it and does the date arithmetic itself: no
Python object and no Python loop per record, so millions of records take
seconds on DuckDB, and more than one machine holds go to Spark.

The SQL below is the one definition of the computation, written in DuckDB's
dialect; :mod:`selectielijst._holdings._engines` has sqlglot write it out for the engine
that runs it.

The calendar rule is :func:`~selectielijst.lookup.add_duration`'s: years and
months first, keeping the day of the month or taking the month's last day
where it does not exist, then weeks and days. In SQL that is
``DATE_ADD(ADD_MONTHS(base, months), days)``: both engines' month arithmetic
takes the month's last day in the same way.
"""

from __future__ import annotations

import contextlib
import datetime
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from selectielijst._holdings._engines import ENGINES, DuckDBEngine, Engine, as_arrow, engine_for
from selectielijst._model import Category, Outcome, SelectionList, retention
from selectielijst._storage import check_output, filled_together, refuse_input, usable_path
from selectielijst.errors import DocumentErrors, InvalidDocument, UnknownFormat

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "COLUMNS",
    "EFFECTS",
    "ENGINES",
    "TABLE_FORMATS",
    "Due",
    "Impact",
    "Written",
    "due",
    "due_to_files",
    "impact",
    "impact_to_files",
    "table_bytes",
]

COLUMNS = ("id", "category", "start", "event")
"""The columns of a records file: record id, category number, start date, event date.

``event`` may be absent; others are named with *columns* (``{"id": "Zaaknummer"}``).
"""

_SOME_DAY = datetime.date(2000, 1, 1)
"""A date to ask :func:`retention` what it says of a category before any real date."""

UNKNOWN_CATEGORY = "de categorie {number} staat niet in de lijst"
NO_START = "de startdatum ontbreekt of is geen datum ({value})"


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
        counts: How many records were kept (``blijvend bewaren``), due
            (``vernietigen``), not yet due (``nog niet``) and undetermined
            (``niet te bepalen``).

    The rows come in the order of the records (DuckDB keeps it; Spark's
    order is its own): sorting millions of rows costs more than judging them.
    """

    on: datetime.date
    due: pyarrow.Table
    undetermined: pyarrow.Table
    counts: Mapping[str, int]

    def summary(self) -> str:
        """One line for an archivist: the counts, in Dutch."""
        return self.summary_of(self.on, self.counts)

    @staticmethod
    def summary_of(on: datetime.date, counts: Mapping[str, int]) -> str:
        """The line of :meth:`summary` for *counts* on *on*.

        >>> Due.summary_of(datetime.date(2026, 1, 1), {"vernietigen": 3, "nog niet": 1})
        '4 stukken op 2026-01-01: 3 vernietigen, 1 nog niet'
        """
        parts = ", ".join(f"{count} {what}" for what, count in counts.items())
        return f"{sum(counts.values())} stukken op {on.isoformat()}: {parts}"


def due(
    selection_list: SelectionList,
    records: str | Path | Any,
    *,
    on: datetime.date,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
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

    Raises:
        DocumentErrors: The records file cannot be read, or lacks a column;
            the problem names the file and the column.
        EngineUnavailable: Spark is asked for, but PySpark or Java is missing.
        TypeError: *records* is neither a path nor a table in memory.
    """
    names = _column_names(columns or {})
    with contextlib.closing(engine_for(records, engine)) as runner:
        _judge(runner, selection_list, records, names)
        due_rows = runner.result(_DUE.format(on=_date_literal(on)))
        undetermined = runner.result(_UNDETERMINED)
        counts = _counts(runner, runner.size(due_rows), runner.size(undetermined))
    return Due(on, due_rows, undetermined, counts)


@attrs.frozen
class Written:
    """What :func:`due_to_files` or :func:`impact_to_files` wrote.

    Attributes:
        files: Each file written, with the number of rows in it, in the order written.
        counts: As :attr:`Due.counts` or :attr:`Impact.counts`.
        summary: One line for an archivist: the counts, in Dutch.
    """

    files: Mapping[Path, int]
    counts: Mapping[str, int]
    summary: str


def due_to_files(  # noqa: PLR0913  # the arguments of due(), and where to write
    selection_list: SelectionList,
    records: str | Path | Any,
    output: str | Path,
    *,
    on: datetime.date,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
) -> Written:
    """Write :func:`due`'s tables to *output* and ``OUTPUT-niet-te-bepalen`` beside it.

    The format follows the suffix: ``.csv``, ``.parquet`` or ``.xlsx`` (see
    :data:`TABLE_FORMATS`). The engine streams CSV and Parquet into the
    files (Spark in one task, with its own writer), so memory does not grow
    with the number of records; a workbook is gathered first. Both files
    appear together or not at all.

    >>> import datetime, pathlib, tempfile, pyarrow
    >>> from selectielijst import load
    >>> records = pyarrow.table({"id": ["z1", "z2"], "category": ["1.2", "9.9"],
    ...                         "start": ["2015-01-31", "2015-01-31"]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = due_to_files(load("voorbeeld", "2.1"), records,
    ...                            pathlib.Path(folder) / "lijst.csv", on=datetime.date(2026, 1, 1))
    ...     print({path.name: rows for path, rows in written.files.items()})
    {'lijst.csv': 1, 'lijst-niet-te-bepalen.csv': 1}
    >>> print(written.summary)
    2 stukken op 2026-01-01: 1 vernietigen, 0 nog niet, 0 blijvend bewaren, 1 niet te bepalen

    Raises:
        DocumentErrors: As for :func:`due`.
        EngineUnavailable: As for :func:`due`.
        UnknownFormat: The suffix names no format that is written.
        OSError: A file cannot be written; nothing is left half-written.
    """
    output = Path(output)
    format_name = format_of(output)
    targets = _targets(records, output, "niet-te-bepalen")
    names = _column_names(columns or {})
    with contextlib.closing(engine_for(records, engine)) as runner:
        _judge(runner, selection_list, records, names)
        with _Together(runner, format_name, targets) as together:
            together.write(output, _DUE.format(on=_date_literal(on)), "vernietigen")
            together.write(targets[1], _UNDETERMINED, "niet te bepalen")
            counts = _counts(runner, *together.files.values())
    return Written(together.files, counts, Due.summary_of(on, counts))


def _judge(
    runner: Engine,
    selection_list: SelectionList,
    records: str | Path | Any,
    names: Mapping[str, str],
) -> None:
    """The view ``judged``: each record with what :func:`retention` says of it."""
    runner.run(_records_view(runner, records, names))
    _category_table(runner, selection_list, "categories")
    runner.run(_JUDGED)


def format_of(output: Path) -> str:
    """The format the suffix of *output* names.

    Raises:
        UnknownFormat: It names none that is written.
    """
    chosen = output.suffix.lower().lstrip(".")
    if chosen not in TABLE_FORMATS:
        msg = f"cannot tell the format from {output.name!r}: end it in .csv, .parquet or .xlsx"
        raise UnknownFormat(msg)
    return chosen


def _beside(output: Path, word: str) -> Path:
    """``NAME-WORD.SUFFIX`` beside *output*."""
    return output.with_name(f"{output.stem}-{word}{output.suffix}")


def _targets(records: object, output: Path, word: str) -> tuple[Path, Path]:
    """*output* and the file beside it, once both are known to be writable and not the records.

    Checked before any work: an output that is the records file (however
    spelled), or a folder, is refused before a record is read.

    Raises:
        OverwritesInput: One of them is the records file.
        OSError: One of them cannot be a file (a folder, under a file).
    """
    targets = (usable_path(output), usable_path(_beside(output, word)))
    refuse_input(targets, records)
    for target in targets:
        check_output(target)
    return targets


class _Together(contextlib.ExitStack):
    """Files written together: each to a temporary file, all replacing their targets at the end.

    Used as a context manager; when the block raises, no target changes (see
    ``filled_together`` in the storage layer for what a kill between the
    renames leaves, and how it is completed).
    """

    def __init__(self, runner: Engine, format_name: str, targets: tuple[Path, ...]) -> None:
        super().__init__()
        self.runner, self.format_name, self.targets = runner, format_name, targets
        self.files: dict[Path, int] = {}
        self.temporaries: dict[Path, Path] = {}

    def __enter__(self) -> _Together:
        super().__enter__()
        try:
            filled = self.enter_context(filled_together(self.targets))
        except OSError as e:  # named by the file asked for, not by a temporary one
            self.close()
            raise OSError(e.errno, e.strerror or str(e), e.filename or str(self.targets[0])) from e
        self.temporaries = dict(zip(self.targets, filled, strict=True))
        return self

    def write(self, target: Path, content: str | pyarrow.Table, title: str) -> Path:
        """Write a query's rows (streamed where the engine can) or a table; the temporary file."""
        try:
            temporary = self.temporaries[target]
            if isinstance(content, str) and self.format_name != "xlsx":
                self.files[target] = self.runner.copy(content, temporary, self.format_name)
                return temporary
            table = as_arrow(self.runner.result(content)) if isinstance(content, str) else content
            temporary.write_bytes(table_bytes(table, self.format_name, title=title))
        except OSError as e:  # named by the file asked for, not by a temporary one
            raise OSError(e.errno, e.strerror or str(e), str(target)) from e
        self.files[target] = table.num_rows
        return temporary


EFFECTS = (
    "besluit nodig",
    "nu vernietigen",
    "nu bewaren",
    "eerder",
    "later",
    "vervallen zonder opvolger",
    "niet te bepalen",
    "ongewijzigd",
)
"""What a new version does to a record, most in need of attention first.

*besluit nodig*: the category was split or merged into categories that say
different things; *nu vernietigen*: B became V; *nu bewaren*: V became B;
*eerder* and *later*: the day destruction is allowed moved; *vervallen zonder
opvolger*: the category was withdrawn and the list names no successor;
*niet te bepalen*: a date is missing or the category is not in the old list.
"""


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
        counts: How many records have each effect, in the order of :data:`EFFECTS`.
    """

    records: pyarrow.Table
    summary: pyarrow.Table
    counts: Mapping[str, int]

    def summary_line(self) -> str:
        """One line for an archivist: the counts per effect, in Dutch."""
        return self.summary_line_of(self.counts)

    @staticmethod
    def summary_line_of(counts: Mapping[str, int]) -> str:
        """The line of :meth:`summary_line` for *counts*; effects of no records are left out.

        >>> Impact.summary_line_of({"besluit nodig": 2, "eerder": 0, "ongewijzigd": 5})
        '7 stukken: 2 besluit nodig, 5 ongewijzigd'
        """
        parts = ", ".join(f"{count} {effect}" for effect, count in counts.items() if count)
        return f"{sum(counts.values())} stukken: {parts or 'geen'}"


def impact(
    old: SelectionList,
    new: SelectionList,
    records: str | Path | Any,
    *,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
) -> Impact:
    """What version *new* does to each record of *records*, filed under version *old*.

    Each record follows its category by the concordance of the two versions
    (renumbered, moved, split, merged, withdrawn into successors); its
    action and date under each version are what :func:`~selectielijst.retention`
    says, computed in bulk. *records* and *engine* are as for :func:`due`.

    Raises:
        DocumentErrors: The records cannot be read, or lack a column.
        EngineUnavailable: Spark is asked for, but PySpark or Java is missing.
        TypeError: *records* is neither a path nor a table in memory.
    """
    names = _column_names(columns or {})
    with contextlib.closing(engine_for(records, engine)) as runner:
        _judge_twice(runner, old, new, records, names)
        per_record = runner.result(_IMPACT_ROWS)
        runner.keep("impact_counts", runner.counted(per_record, _SUMMARY_KEYS))
        summary = runner.keep("impact_summary", runner.result(_summary_of("impact_counts")))
        counts = _effect_counts(runner.rows(_IMPACT_COUNTS))
    return Impact(per_record, summary, counts)


def impact_to_files(  # noqa: PLR0913  # the arguments of impact(), and where to write
    old: SelectionList,
    new: SelectionList,
    records: str | Path | Any,
    output: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    engine: str | None = None,
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
    1 stukken: 1 nu bewaren

    Raises:
        DocumentErrors: As for :func:`impact`.
        EngineUnavailable: As for :func:`impact`.
        UnknownFormat: The suffix names no format that is written.
        OSError: A file cannot be written; nothing is left half-written.
    """
    output = Path(output)
    format_name = format_of(output)
    targets = _targets(records, output, "samenvatting")
    names = _column_names(columns or {})
    with contextlib.closing(engine_for(records, engine)) as runner:
        _judge_twice(runner, old, new, records, names)
        with _Together(runner, format_name, targets) as together:
            written = together.write(output, _IMPACT_ROWS, "effect")
            rows = f"({_IMPACT_ROWS})"
            if isinstance(runner, DuckDBEngine) and format_name == "parquet":  # counted in the file
                rows = "read_parquet(" + _literal(str(written)) + ")"
            summary = as_arrow(runner.result(_summary_of(_counted_in(rows))))
            together.write(targets[1], summary, "samenvatting")
    counts = _effect_counts((row["effect"], row["aantal"]) for row in summary.to_pylist())
    return Written(together.files, counts, Impact.summary_line_of(counts))


def _judge_twice(
    runner: Engine,
    old: SelectionList,
    new: SelectionList,
    records: str | Path | Any,
    names: Mapping[str, str],
) -> None:
    """The view ``impact``: each record with what each version says of it, and the effect."""
    from selectielijst._diff import diff  # noqa: PLC0415  # the concordance

    concordance = diff(old, new).concordance
    runner.run(_records_view(runner, records, names))
    _category_table(runner, old, "old_categories")
    _category_table(runner, new, "new_categories")
    pairs = [(row.old_number, n) for row in concordance if row.old_number for n in row.new_numbers]
    runner.table("mapping", [("old_number", "VARCHAR"), ("new_number", "VARCHAR")], pairs)
    runner.table("situations", [("has_start", "BOOLEAN"), ("has_event", "BOOLEAN")], _SITUATIONS)
    for statement in (_FOLLOWS, _RULES, _RULED, _CASES):
        runner.run(statement)
    runner.table("words", [(column, "VARCHAR") for column in _WORDS], [tuple(_WORDS.values())])
    for vocabulary, columns in _VOCABULARIES.items():
        runner.as_words(vocabulary, columns)
    runner.run(_IMPACT)


_SITUATIONS = [(True, True), (True, False), (False, True), (False, False)]
"""Whether a record has its start date, and its event date: all it takes to rule on it."""

_WORDS = {
    "unknown_action": "niet te bepalen",
    "unknown_effect": "niet te bepalen",
    "earlier": "eerder",
    "later": "later",
    "same": "ongewijzigd",
}
"""The words of the table ``words``, one row: what impact says where no case says it."""

_VOCABULARIES = {
    "action_word": [("cases", "old_action"), ("cases", "new_action"), ("words", "unknown_action")],
    "effect_word": [
        ("cases", "effect"),
        *(("words", column) for column in ("unknown_effect", "earlier", "later", "same")),
    ],
    "numbers_word": [("cases", "new_numbers")],
}
"""The columns impact copies into every record's row, each vocabulary a few words."""

_ACTION = (
    "CASE {0} WHEN 'keep' THEN 'blijvend bewaren' WHEN 'destroy' THEN 'vernietigen'"
    " WHEN 'not_computable' THEN 'niet te bepalen' END"
)

_EFFECT_ORDER = (
    "CASE effect "
    + " ".join(f"WHEN '{effect}' THEN {rank}" for rank, effect in enumerate(EFFECTS))
    + " END"
)

_IMPACT_ROWS = """
SELECT id, old_number AS oude_categorie, new_numbers AS nieuwe_categorie,
       old_action AS oude_actie, old_date AS oude_datum,
       new_action AS nieuwe_actie, new_date AS nieuwe_datum,
       effect, note AS toelichting
FROM impact
"""


_SUMMARY_KEYS = ("oude_categorie", "effect")
"""What the summary counts records by: old category and effect."""


def _counted_in(rows: str) -> str:
    """How many *rows* (a table, or the rows of impact) have each old category and effect.

    Counted in rows already computed, where there are: the records are not
    judged twice.
    """
    keys = ", ".join(_SUMMARY_KEYS)
    return f"(SELECT {keys}, count(*) AS aantal FROM {rows} GROUP BY {keys})"  # our own SQL


def _summary_of(counted: str) -> str:
    """The summary from *counted* (old category, effect, ``aantal``): most urgent effect first."""
    return f"""
    SELECT oude_categorie, effect, aantal FROM {counted}
    ORDER BY {_EFFECT_ORDER}, oude_categorie
    """  # our own names and SQL


def _effect_counts(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """The counts of :attr:`Impact.counts`, in the order of :data:`EFFECTS`, from (effect, n)."""
    counts = dict.fromkeys(EFFECTS, 0)
    for effect, count in pairs:
        counts[effect] += int(count)
    return counts


_IMPACT_COUNTS = "SELECT effect, sum(aantal) FROM impact_summary GROUP BY effect"


def _counts(runner: Engine, due_count: int, undetermined: int) -> dict[str, int]:
    """The counts of :attr:`Due.counts`, given how many records are due and undetermined."""
    ((kept, records),) = runner.rows(_COUNTS)
    kept, records = int(kept or 0), int(records)
    return {
        "vernietigen": due_count,
        "nog niet": records - due_count - undetermined - kept,
        "blijvend bewaren": kept,
        "niet te bepalen": undetermined,
    }


def _date_literal(day: datetime.date) -> str:
    """*day* as an SQL date literal; an ISO date holds nothing but digits and dashes."""
    return f"DATE '{day.isoformat()}'"


_RECORDS = """
CREATE TEMP VIEW records AS
SELECT CAST({id} AS VARCHAR) AS id,
       trim(CAST({category} AS VARCHAR)) AS category,
       CAST({start} AS VARCHAR) AS start_text,
       {start_day} AS start_day,
       {event_day} AS event_day
FROM source
"""

_DAY_OF_TEXT = (
    "CASE WHEN regexp_matches(trim(CAST({0} AS VARCHAR)),"
    " '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}([ T][0-9]{{2}}:[0-9]{{2}}(:[0-9]{{2}}([.][0-9]+)?)?)?$')"
    " THEN TRY_CAST(substr(trim(CAST({0} AS VARCHAR)), 1, 10) AS DATE) END"
)
"""The day a text names: an ISO date (``2024-02-29``), perhaps with a time of day after it
(``2024-02-29 00:00:00``, as spreadsheets write a date cell), spaces around it allowed; else
NULL. Both engines read the same texts as dates."""

_RULING = """
       CASE WHEN {key} IS NULL OR {c}outcome = 'not_computable' THEN 'not_computable'
            WHEN {c}outcome = 'keep' THEN 'keep'
            WHEN {c}from_event AND NOT {has_event} THEN 'not_computable'
            WHEN NOT {c}from_event AND NOT {has_start} THEN 'not_computable'
            ELSE 'destroy' END AS {p}outcome,
       CASE WHEN {key} IS NULL THEN replace({unknown}, '{{number}}', {number})
            WHEN {c}outcome = 'not_computable' THEN {c}needs
            WHEN {c}outcome = 'keep' THEN NULL
            WHEN {c}from_event AND NOT {has_event} THEN {c}event_needs
            WHEN NOT {c}from_event AND NOT {has_start} THEN {no_start}
       END AS {p}reason
"""
"""What retention() says under a category of a record with or without its dates:
the outcome and the reason, in the columns ``{p}outcome`` and ``{p}reason``.

The category's columns are ``{c}outcome``, ``{c}needs`` and so on; it is
missing where ``{key}`` is NULL. ``{has_start}`` and ``{has_event}`` say
whether the record has each date; ``{no_start}`` is the reason when it lacks
the start date it needs.
"""

_DESTROY_FROM = """
       CASE WHEN {c}outcome = 'destroy' THEN
            CAST(ADD_MONTHS(CASE WHEN {c}from_event THEN r.event_day ELSE r.start_day END,
                            {c}months) AS DATE) + {c}days
       END AS {p}destroy_from
"""
"""The day record ``r`` may be destroyed from, where its ``{c}outcome`` is to destroy it.

The calendar rule of :func:`~selectielijst.lookup.add_duration`, in SQL:
months (years are twelve) first, then days (weeks are seven), added to a date.
"""


def _literal(text: str) -> str:
    """*text* as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


_NO_START_OF_RECORD = f"replace({_literal(NO_START)}, '{{value}}', coalesce(r.start_text, 'leeg'))"
"""Why record ``r`` has no date: :data:`NO_START`, with the start as the record gives it."""

_JUDGED = (
    "CREATE TEMP VIEW judged AS SELECT r.id, r.category,"
    + _RULING.format(
        key="c.number",
        c="c.",
        p="",
        has_start="r.start_day IS NOT NULL",
        has_event="r.event_day IS NOT NULL",
        number="r.category",
        unknown=_literal(UNKNOWN_CATEGORY),
        no_start=_NO_START_OF_RECORD,
    )
    + ","
    + _DESTROY_FROM.format(c="c.", p="")
    + " FROM records r LEFT JOIN categories c ON c.number = r.category"
)

_FOLLOWS = """
CREATE TEMP TABLE follows AS
SELECT m.old_number,
       string_agg(m.new_number, ', ' ORDER BY m.new_number) AS new_numbers,
       count(DISTINCT struct_pack(c.outcome, c.needs, c.from_event, c.event_needs,
                                  c.months, c.days)) AS rules,
       min(m.new_number) AS representative
FROM mapping m JOIN new_categories c ON c.number = m.new_number
GROUP BY m.old_number
"""
"""Per old category: the new ones it goes to, and whether they say different things.

Categories say the same when what :func:`retention` says of them before any
date is the same, and their terms have the same length; one of them then
stands for all.
"""

_RULES = """
CREATE TEMP TABLE rules AS
SELECT o.number, o.outcome AS old_outcome, o.needs AS old_needs,
       o.from_event AS old_from_event, o.event_needs AS old_event_needs,
       o.months AS old_months, o.days AS old_days,
       f.new_numbers, f.rules, f.representative,
       n.number AS new_number, n.outcome AS new_outcome, n.needs AS new_needs,
       n.from_event AS new_from_event, n.event_needs AS new_event_needs,
       n.months AS new_months, n.days AS new_days
FROM old_categories o
LEFT JOIN follows f ON f.old_number = o.number
LEFT JOIN new_categories n ON n.number = f.representative
"""
"""Per old category, one row: its own rule, and the rule of the new category standing for it.

The records then meet the two versions in one join.
"""

_RULED = (
    "CREATE TEMP TABLE ruled AS SELECT c.number, s.has_start, s.has_event, c.new_numbers,"
    " c.rules, c.old_from_event, c.old_months, c.old_days,"
    " c.new_from_event, c.new_months, c.new_days,"
    + ",".join(
        _RULING.format(
            key=key,
            c=f"c.{version}_",
            p=f"{version}_",
            has_start="s.has_start",
            has_event="s.has_event",
            number=number,
            unknown=_literal(UNKNOWN_CATEGORY),
            no_start=_literal(NO_START),  # the start the record gives is filled in later
        )
        for version, key, number in (
            ("old", "c.number", "c.number"),
            ("new", "c.new_number", "c.representative"),
        )
    )
    + " FROM rules c CROSS JOIN situations s"
)
"""Per old category and situation: what each version rules on a record in it."""

_CASES = f"""
CREATE TEMP TABLE cases AS
SELECT number, has_start, has_event, new_numbers,
       old_outcome, old_from_event, old_months, old_days,
       CASE WHEN rules = 1 THEN new_outcome END AS new_outcome,
       new_from_event, new_months, new_days,
       {_ACTION.format("old_outcome")} AS old_action,
       CASE WHEN rules = 1 THEN {_ACTION.format("new_outcome")} END AS new_action,
       CASE WHEN rules IS NULL THEN 'vervallen zonder opvolger'
            WHEN rules > 1 THEN 'besluit nodig'
            WHEN old_outcome = 'not_computable' OR new_outcome = 'not_computable'
                 THEN CASE WHEN old_outcome = new_outcome
                                AND old_reason IS NOT DISTINCT FROM new_reason
                           THEN 'ongewijzigd' ELSE 'niet te bepalen' END
            WHEN old_outcome = 'destroy' AND new_outcome = 'keep' THEN 'nu bewaren'
            WHEN old_outcome = 'keep' AND new_outcome = 'destroy' THEN 'nu vernietigen'
            WHEN old_outcome = 'keep' THEN 'ongewijzigd'
       END AS effect,
       CASE WHEN old_outcome = 'not_computable' THEN old_reason
            WHEN rules = 1 THEN new_reason END AS note
FROM ruled
"""
"""Per old category and situation, all that does not wait for a record's dates.

The effect is NULL only where both versions destroy: the dates then tell.
A reason for a missing start date stays :data:`NO_START` with its
placeholder; each record fills in the start it gives. Two such reasons are
therefore the same one, as the start they name is the record's own.
"""

_IMPACT = (
    """
CREATE TEMP VIEW impact AS
SELECT id, old_number, new_numbers, old_action, old_destroy_from AS old_date,
       new_action, new_destroy_from AS new_date,
       CASE WHEN effect IS NOT NULL THEN effect
            WHEN new_destroy_from < old_destroy_from THEN earlier
            WHEN new_destroy_from > old_destroy_from THEN later
            ELSE same END AS effect,
       note
FROM (
    SELECT r.id, r.category AS old_number, c.new_numbers,
           CASE WHEN c.number IS NULL THEN w.unknown_action ELSE c.old_action END AS old_action,
           c.new_action, w.earlier, w.later, w.same,"""
    + _DESTROY_FROM.format(c="c.old_", p="old_")
    + ","
    + _DESTROY_FROM.format(c="c.new_", p="new_")
    + f""",
           CASE WHEN c.number IS NULL THEN w.unknown_effect ELSE c.effect END AS effect,
           CASE WHEN c.number IS NULL
                     THEN replace({_literal(UNKNOWN_CATEGORY)}, '{{number}}', r.category)
                WHEN c.note = {_literal(NO_START)} THEN {_NO_START_OF_RECORD}
                ELSE c.note END AS note
    FROM records r CROSS JOIN words w LEFT JOIN cases c
         ON c.number = r.category AND c.has_start = (r.start_day IS NOT NULL)
            AND c.has_event = (r.event_day IS NOT NULL)
) judged_twice
"""
)
"""Each record: its category's case in its situation, and the dates computed for it.

Every action and effect it gives comes from a table, none from the SQL text,
so that an engine that holds them as a few words (:meth:`Engine.as_words`)
gives them so.
"""

_DUE = """
SELECT id, category AS categorie, 'vernietigen' AS actie, destroy_from AS vernietigen_vanaf
FROM judged WHERE outcome = 'destroy' AND destroy_from <= {on}
"""

_UNDETERMINED = """
SELECT id, category AS categorie, reason AS reden
FROM judged WHERE outcome = 'not_computable'
"""

_COUNTS = """
SELECT sum(CASE WHEN c.outcome = 'keep' THEN 1 ELSE 0 END) AS kept, count(*) AS records
FROM records r LEFT JOIN categories c ON c.number = r.category
"""
"""How many records are kept, and how many there are in all.

Whether a record is kept depends on its category alone, so this pass reads
no date.
"""


_CATEGORY_COLUMNS = (
    ("number", "VARCHAR"),
    ("outcome", "VARCHAR"),
    ("needs", "VARCHAR"),
    ("from_event", "BOOLEAN"),
    ("event_needs", "VARCHAR"),
    ("months", "INTEGER"),
    ("days", "INTEGER"),
)


def _category_table(runner: Engine, selection_list: SelectionList, name: str) -> None:
    """The table *name*, one row per category: what :func:`retention` says before any date."""
    rows = [_category_row(category) for _, category in selection_list.categories()]
    runner.table(name, _CATEGORY_COLUMNS, rows)


def _category_row(category: Category) -> tuple[object, ...]:
    with_event = retention(category, start=_SOME_DAY, event=_SOME_DAY)
    without_event = retention(category, start=_SOME_DAY)
    from_event = (
        with_event.outcome is Outcome.DESTROY and without_event.outcome is Outcome.NOT_COMPUTABLE
    )
    term = category.valuation.term if category.valuation is not None else None
    duration = term.duration if term is not None else None
    return (
        category.number,
        with_event.outcome.value,
        with_event.needs,
        from_event,
        without_event.needs if from_event else None,
        duration.total_months if duration is not None else 0,
        duration.total_days if duration is not None else 0,
    )


def _column_names(columns: Mapping[str, str]) -> dict[str, str]:
    unknown = sorted(set(columns) - set(COLUMNS))
    if unknown:
        msg = f"unknown column role {unknown[0]!r}; the roles are {', '.join(COLUMNS)}"
        raise DocumentErrors("the columns cannot be used", [InvalidDocument(msg, path="columns")])
    return {role: columns.get(role, role) for role in COLUMNS}


def _records_view(runner: Engine, records: str | Path | Any, names: Mapping[str, str]) -> str:
    """Load *records* into *runner*; the statement that makes the view ``records`` of them.

    Raises:
        DocumentErrors: A column named in *names* (but ``event``) is missing.
    """
    present = runner.load(records)
    where = str(records) if isinstance(records, str | Path) else "the records"
    problems = [
        InvalidDocument(
            f"has no column {names[role]!r} ({role}); its columns are {', '.join(sorted(present))}."
            " Name yours with --columns id=...,category=...,start=...",
            file=where,
        )
        for role in ("id", "category", "start")
        if names[role] not in present
    ]
    if problems:
        raise DocumentErrors(f"{where} cannot be used", problems)
    quoted = {role: _quoted(names[role]) if names[role] in present else "NULL" for role in COLUMNS}
    days = {
        f"{role}_day": f"TRY_CAST({quoted[role]} AS DATE)"
        if present.get(names[role])
        else _DAY_OF_TEXT.format(quoted[role])
        for role in ("start", "event")
    }
    return _RECORDS.format(**quoted, **days)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


TABLE_FORMATS = ("csv", "parquet", "xlsx")
"""What a destruction list is written as: by the output's suffix."""


def table_bytes(table: pyarrow.Table, format_name: str, *, title: str) -> bytes:
    """*table* as CSV (formulas guarded, as every CSV the library writes), Parquet or XLSX."""
    if format_name == "parquet":
        import pyarrow.parquet  # noqa: PLC0415  # only for Parquet

        sink = io.BytesIO()
        pyarrow.parquet.write_table(table, sink)
        return sink.getvalue()
    from selectielijst._storage import (  # noqa: PLC0415  # likewise
        guarded,  # with the writers
        write_csv,
        write_xlsx,
    )

    header = table.column_names
    rows = [[_text(value) for value in row.values()] for row in table.to_pylist()]
    if format_name == "xlsx":
        return write_xlsx(header, rows, title=title)
    return write_csv(header, [[guarded(cell) for cell in row] for row in rows])


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
