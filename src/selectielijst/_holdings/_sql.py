"""The SQL program: records judged by a list's categories, the one definition of the computation.

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from selectielijst._holdings._engines import (
    ENGINES,
    DuckDBEngine,
    Engine,
    Progress,
    csv_header,
    is_spark_frame,
    literal,
    quoted,
)
from selectielijst._holdings._spark import SparkEngine, spark_session
from selectielijst._holdings._vocabulary import Action, Effect
from selectielijst._holdings._workbook import HEADERS
from selectielijst._i18n import Language, Message, marked, marked_in, say, translated
from selectielijst._model import Category, Outcome, SelectionList, retention
from selectielijst.errors import DocumentErrors, InvalidDocument

__all__ = [
    "COLUMNS",
    "DUE",
    "EFFECTS",
    "IMPACT_COUNTS",
    "IMPACT_ROWS",
    "SUMMARY_KEYS",
    "TRANSFER",
    "UNDETERMINED",
    "carried",
    "counted_in",
    "date_literal",
    "due_counts",
    "effect_counts",
    "engine_for",
    "judged",
    "judged_twice",
    "literal",
    "summary_of",
]


@contextlib.contextmanager
def judged(  # noqa: PLR0913, PLR0917  # the list, the records and how to read and watch them
    selection_list: SelectionList,
    records: str | Path | Any,
    columns: Mapping[str, str] | None,
    engine: str | None,
    keep: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: Language = Language.NL,
) -> Iterator[tuple[Engine, tuple[str, ...]]]:
    """An engine holding the view ``judged``: each record with what its category says.

    The one step that :func:`~selectielijst.holdings.due` and its files share;
    with the engine, the names of the records' own columns carried along.
    """
    names = column_names(columns or {})
    with contextlib.closing(engine_for(records, engine)) as runner, runner.watched(progress):
        yield runner, judge(runner, selection_list, records, names, keep, language)


@contextlib.contextmanager
def judged_twice(  # noqa: PLR0913, PLR0917  # both versions, the records and how to read them
    old: SelectionList,
    new: SelectionList,
    records: str | Path | Any,
    columns: Mapping[str, str] | None,
    engine: str | None,
    keep: Sequence[str] | None = None,
    progress: Progress | None = None,
    language: Language = Language.NL,
) -> Iterator[tuple[Engine, tuple[str, ...]]]:
    """An engine holding the view ``impact``: each record under both versions, and the effect.

    The one step that :func:`~selectielijst.holdings.impact` and its files share.
    """
    names = column_names(columns or {})
    with contextlib.closing(engine_for(records, engine)) as runner, runner.watched(progress):
        yield runner, judge_twice(runner, old, new, records, names, keep, language)


COLUMNS = ("id", "category", "start", "event")
"""The columns of a records file: record id, category number, start date, event date.

``event`` may be absent; others are named with *columns* (``{"id": "Zaaknummer"}``).
"""

_SOME_DAY = datetime.date(2000, 1, 1)
"""A date to ask :func:`retention` what it says of a category before any real date."""

UNKNOWN_CATEGORY = "de categorie {number} staat niet in de lijst"
NO_CATEGORY = "de categorie ontbreekt"
NO_START = "de startdatum ontbreekt of is geen datum ({value})"
NO_ID = "het stuk heeft geen id: een vernietigingslijst noemt elk stuk"
EMPTY = "leeg"
_REASONS = {
    UNKNOWN_CATEGORY: marked("the category {number} is not in the list"),
    NO_CATEGORY: marked("the category is missing"),
    NO_START: marked("the start date is missing or is no date ({value})"),
    EMPTY: marked_in("start date", "empty"),
    NO_ID: marked("the record has no id: a destruction list names every record"),
}
"""The reasons the SQL writes itself, in Dutch as the statements hold them, and their words.

``{number}`` and ``{value}`` are filled in by the SQL, record by record.
"""


def in_language(statement: str, language: Language) -> str:
    """*statement* with the reasons it writes in *language* (the statements hold them in Dutch)."""
    if language is Language.NL:
        return statement
    for dutch, text in _REASONS.items():
        context, words = text if isinstance(text, tuple) else (None, text)
        statement = statement.replace(literal(dutch), literal(translated(words, language, context)))
    return statement


EFFECTS = tuple(effect.value for effect in Effect)
"""The words of :class:`Effect`, most in need of attention first, as the SQL writes them."""


def judge(  # noqa: PLR0913, PLR0917  # the engine, the list, the records and how to read them
    runner: Engine,
    selection_list: SelectionList,
    records: str | Path | Any,
    names: Mapping[str, str],
    keep: Sequence[str] | None = None,
    language: Language = Language.NL,
) -> tuple[str, ...]:
    """The view ``judged``: each record with what :func:`retention` says of it.

    Returns the names the records' own columns carried along are written under.
    The reasons are written in *language*.
    """
    kept = _records(runner, records, names, keep)
    _category_table(runner, selection_list, "categories", language)
    transfer = selection_list.transfer_term
    judged = (
        _JUDGED.replace("/*kept*/", _kept_of("r", len(kept)))
        .replace("/*transfer_months*/", str(transfer.total_months))
        .replace("/*transfer_days*/", str(transfer.total_days))
    )
    runner.run(in_language(judged, language))
    return kept


def judge_twice(  # noqa: PLR0913, PLR0917  # both versions, the records and how to read them
    runner: Engine,
    old: SelectionList,
    new: SelectionList,
    records: str | Path | Any,
    names: Mapping[str, str],
    keep: Sequence[str] | None = None,
    language: Language = Language.NL,
) -> tuple[str, ...]:
    """The view ``impact``: each record with what each version says of it, and the effect.

    Returns the names the records' own columns carried along are written under.
    The reasons are written in *language*.
    """
    from selectielijst._diff import diff  # noqa: PLC0415  # the concordance

    concordance = diff(old, new).concordance
    kept = _records(runner, records, names, keep)
    _category_table(runner, old, "old_categories", language)
    _category_table(runner, new, "new_categories", language)
    pairs = [(row.old_number, n) for row in concordance if row.old_number for n in row.new_numbers]
    runner.table("mapping", [("old_number", "VARCHAR"), ("new_number", "VARCHAR")], pairs)
    runner.table("situations", [("has_start", "BOOLEAN"), ("has_event", "BOOLEAN")], _SITUATIONS)
    same_transfer = old.transfer_term == new.transfer_term
    cases = _CASES.replace("/*same_transfer*/", "TRUE" if same_transfer else "FALSE")
    for statement in (_FOLLOWS, _RULES, _RULED, cases):
        runner.run(in_language(statement, language))
    runner.table("words", [(column, "VARCHAR") for column in _WORDS], [tuple(_WORDS.values())])
    for vocabulary, columns in _VOCABULARIES.items():
        runner.as_words(vocabulary, columns)
    statement = _IMPACT.replace("/*inner*/", _kept_of("r", len(kept)))
    for version, selection_list in (("old", old), ("new", new)):
        transfer = selection_list.transfer_term
        statement = statement.replace(
            f"/*{version}_transfer_months*/", str(transfer.total_months)
        ).replace(f"/*{version}_transfer_days*/", str(transfer.total_days))
    runner.run(in_language(statement.replace("/*outer*/", _kept_of("", len(kept))), language))
    return kept


_SITUATIONS = [(True, True), (True, False), (False, True), (False, False)]
"""Whether a record has its start date, and its event date: all it takes to rule on it."""

_WORDS = {
    "unknown_action": "niet te bepalen",
    "unknown_effect": "niet te bepalen",
    "earlier": "eerder",
    "later": "later",
    "transfer_earlier": "eerder overbrengen",
    "transfer_later": "later overbrengen",
    "same": "ongewijzigd",
}
"""The words of the table ``words``, one row: what impact says where no case says it."""

_VOCABULARIES = {
    "action_word": [("cases", "old_action"), ("cases", "new_action"), ("words", "unknown_action")],
    "effect_word": [
        ("cases", "effect"),
        *(
            ("words", column)
            for column in (
                "unknown_effect",
                "earlier",
                "later",
                "transfer_earlier",
                "transfer_later",
                "same",
            )
        ),
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

IMPACT_ROWS = """
SELECT id, old_number AS oude_categorie, old_name AS omschrijving,
       new_numbers AS nieuwe_categorie,
       old_action AS oude_actie, old_date AS oude_datum,
       new_action AS nieuwe_actie, new_date AS nieuwe_datum,
       effect, note AS toelichting{kept}
FROM impact
ORDER BY ordinal
"""


SUMMARY_KEYS = ("oude_categorie", "effect")
"""What the summary counts records by: old category and effect."""


def counted_in(rows: str) -> str:
    """How many *rows* (a table, or the rows of impact) have each old category and effect.

    Counted in rows already computed, where there are: the records are not
    judged twice.
    """
    keys = ", ".join(SUMMARY_KEYS)
    return f"(SELECT {keys}, count(*) AS aantal FROM {rows} GROUP BY {keys})"  # our own SQL


def summary_of(counted: str) -> str:
    """The summary from *counted* (old category, effect, ``aantal``): most urgent effect first."""
    return f"""
    SELECT oude_categorie, effect, aantal FROM {counted}
    ORDER BY {_EFFECT_ORDER}, oude_categorie
    """  # our own names and SQL


def effect_counts(pairs: Iterable[tuple[str, int]]) -> dict[Effect, int]:
    """The counts of :attr:`Impact.counts`, in the order of :class:`Effect`, from (effect, n)."""
    counts = dict.fromkeys(Effect, 0)
    for effect, count in pairs:
        counts[Effect(effect)] += int(count)
    return counts


IMPACT_COUNTS = "SELECT effect, sum(aantal) FROM impact_summary GROUP BY effect"


def due_counts(
    runner: Engine, due_count: int, undetermined: int, transfer: int = 0
) -> dict[Action, int]:
    """The counts of :attr:`Due.counts`, given how many records are due, undetermined, transferred.

    The rest are counted: not yet due, and kept (not yet to be transferred).
    """
    ((kept, records),) = runner.rows(_COUNTS)
    kept, records = int(kept or 0), int(records)
    return {
        Action.DESTROY: due_count,
        Action.NOT_YET: records - due_count - undetermined - kept,
        Action.KEEP: kept - transfer,
        Action.TRANSFER: transfer,
        Action.UNDETERMINED: undetermined,
    }


def date_literal(day: datetime.date) -> str:
    """*day* as an SQL date literal; an ISO date holds nothing but digits and dashes."""
    return f"DATE '{day.isoformat()}'"


_RECORDS = """
CREATE TEMP {records_kept_as} records AS
SELECT ordinal, id, category, start_text, event_text,
       {start_day} AS start_day,
       {event_day} AS event_day{kept_outer}
FROM (
    SELECT row_number() OVER () AS ordinal,
           CAST({id} AS VARCHAR) AS id,
           {category_trimmed} AS category,
           CAST({start} AS VARCHAR) AS start_text,
           CAST({event} AS VARCHAR) AS event_text,
           {start} AS start_value,
           {event} AS event_value,
           {start_trimmed} AS start_trimmed,
           {event_trimmed} AS event_trimmed{kept}
    FROM source
) read_once
"""
"""The records, numbered in their order, each text trimmed once and each date read once."""

_SPACE = (
    "\\t\\n\\x{{0b}}\\f\\r \\x{{85}}\\x{{a0}}\\x{{1680}}\\x{{2000}}-\\x{{200a}}"
    "\\x{{2028}}\\x{{2029}}\\x{{202f}}\\x{{205f}}\\x{{3000}}\\x{{feff}}"
)
"""White space as both engines' regular expressions name it alike (RE2 and Java): spaces,
tabs, line ends of every kind, the no-break and ideographic spaces, a byte order mark.
Its braces are doubled: it goes into templates that are filled in with ``format``."""

TRIMMED = (
    "CASE WHEN regexp_matches(CAST({0} AS VARCHAR), '^[" + _SPACE + "]|[" + _SPACE + "]\\z')"
    " THEN regexp_replace(regexp_replace(CAST({0} AS VARCHAR), '^[" + _SPACE + "]+', ''),"
    " '[" + _SPACE + "]+\\z', '') ELSE CAST({0} AS VARCHAR) END"
)
"""*{0}* as text without the white space around it, the same on DuckDB and on Spark.

Their own ``trim`` differ: DuckDB's takes the no-break space away, Spark's only
the space. Each pattern is anchored, so it replaces once on either engine; a
text with no white space at either end (most) is only looked at, not rewritten."""

_BLANK = "regexp_matches({0}, '^[" + _SPACE + "]*\\z')"
"""Whether the text *{0}* is empty or white space only: one look, no text rewritten."""

_ISO_DAY = (
    "^([0-9]{{4}})-([0-9]{{2}})-([0-9]{{2}})"
    "([ T][0-9]{{2}}:[0-9]{{2}}(:[0-9]{{2}}([.][0-9]+)?)?)?\\z"
)
_DUTCH_DAY = (
    "^([0-9]{{1,2}})([-/.])([0-9]{{1,2}})[-/.]([0-9]{{4}})"
    "( [0-9]{{1,2}}:[0-9]{{2}}(:[0-9]{{2}})?)?\\z"
)

_DAY_OF_TEXT = (
    "CASE WHEN regexp_matches({0}, '" + _ISO_DAY + "')"
    " THEN TRY_CAST(substr({0}, 1, 10) AS DATE)"
    " WHEN regexp_matches({0}, '" + _DUTCH_DAY + "')"
    " THEN TRY_CAST(concat("
    "regexp_extract({0}, '" + _DUTCH_DAY + "', 4), '-',"
    " lpad(regexp_extract({0}, '" + _DUTCH_DAY + "', 3), 2, '0'), '-',"
    " lpad(regexp_extract({0}, '" + _DUTCH_DAY + "', 1), 2, '0'))"
    " AS DATE) END"
)
"""The day the trimmed text *{0}* names, as both engines read it alike; else NULL.

An ISO date (``2024-02-29``), or a date as Dutch users write it, day first
(``29-02-2024``, ``29-2-2024``, ``29/02/2024``, ``29.02.2024``), perhaps
with a time of day after it (``2024-02-29 00:00:00``, as spreadsheets write a
date cell); spaces around it allowed. Never month first: ``02/29/2024`` is
no date. A day that does not exist (``31-02-2024``) is no date either."""

_RULING = """
       CASE WHEN {no_id} OR {key} IS NULL OR {c}outcome = 'not_computable' THEN 'not_computable'
            WHEN {c}outcome = 'keep' THEN 'keep'
            WHEN {c}from_event AND NOT {has_event} THEN 'not_computable'
            WHEN NOT {c}from_event AND NOT {has_start} THEN 'not_computable'
            ELSE 'destroy' END AS {p}outcome,
       CASE WHEN {no_id} THEN {no_id_reason}
            WHEN {key} IS NULL THEN coalesce(replace({unknown}, '{{number}}', nullif({number}, '')),
                                            {no_category})
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

_TERM_RUN = """CAST(ADD_MONTHS(CAST(ADD_MONTHS(
                CASE WHEN {c}from_event THEN r.event_day ELSE r.start_day END,
                {c}process_months) AS DATE) + {c}process_days, {c}months) AS DATE) + {c}days"""

_DESTROY_FROM = (
    """
       CASE WHEN {c}outcome = 'destroy' AND """
    + _TERM_RUN
    + """ <= DATE '9999-12-31' THEN """
    + _TERM_RUN
    + """
       END AS {p}destroy_from
"""
)
"""The day record ``r`` may be destroyed from, where its ``{c}outcome`` is to destroy it.

The calendar rule of :func:`~selectielijst.lookup.add_duration`, in SQL:
months (years are twelve) first, then days (weeks are seven), added to a date;
a fixed process term first, then the retention term, each in turn.
A day after 31 December 9999 (a start of ``9999-12-31``, as some systems mark
a case still open) is no day the calendar of Python, Parquet readers or
spreadsheets holds: the record is then not yet due, and has no date.
"""


_NO_ID_OF_RECORD = "(r.id IS NULL OR " + _BLANK.format("r.id") + ")"
"""Whether record ``r`` has no id (empty, or white space only): it is then on no list to act on,
but apart, with its reason."""

_NO_START_OF_RECORD = (
    f"replace({literal(NO_START)}, '{{value}}', coalesce(r.start_text, {literal(EMPTY)}))"
)
"""Why record ``r`` has no date: :data:`NO_START`, with the start as the record gives it."""

_JUDGED = (
    "CREATE TEMP VIEW judged AS SELECT r.ordinal, r.id, r.category,"
    + _RULING.format(
        key="c.number",
        c="c.",
        p="",
        has_start="r.start_day IS NOT NULL",
        has_event="r.event_day IS NOT NULL",
        number="r.category",
        unknown=literal(UNKNOWN_CATEGORY),
        no_category=literal(NO_CATEGORY),
        no_start=_NO_START_OF_RECORD,
        no_id=_NO_ID_OF_RECORD,
        no_id_reason=literal(NO_ID),
    )
    + ","
    + _DESTROY_FROM.format(c="c.", p="")
    + ", CASE WHEN c.outcome = 'keep' AND CAST(ADD_MONTHS(r.start_day, /*transfer_months*/)"
    + " AS DATE) + /*transfer_days*/ <= DATE '9999-12-31'"
    + " THEN CAST(ADD_MONTHS(r.start_day, /*transfer_months*/)"
    + " AS DATE) + /*transfer_days*/ END AS transfer_from"
    + ", c.name AS category_name, c.valuation AS category_valuation /*kept*/"
    + " FROM records r LEFT JOIN categories c ON c.number = r.category"
)

_FOLLOWS = """
CREATE TEMP TABLE follows AS
SELECT m.old_number,
       string_agg(m.new_number, ', ' ORDER BY m.new_number) AS new_numbers,
       count(DISTINCT struct_pack(c.outcome, c.needs, c.from_event, c.event_needs,
                                  c.process_months, c.process_days, c.months, c.days)) AS rules,
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
       o.process_months AS old_process_months, o.process_days AS old_process_days,
       o.months AS old_months, o.days AS old_days,
       f.new_numbers, f.rules, f.representative,
       n.number AS new_number, n.outcome AS new_outcome, n.needs AS new_needs,
       n.from_event AS new_from_event, n.event_needs AS new_event_needs,
       n.process_months AS new_process_months, n.process_days AS new_process_days,
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
    " c.rules, c.old_from_event, c.old_process_months, c.old_process_days, c.old_months,"
    " c.old_days, c.new_from_event, c.new_process_months, c.new_process_days, c.new_months,"
    " c.new_days,"
    + ",".join(
        _RULING.format(
            key=key,
            c=f"c.{version}_",
            p=f"{version}_",
            has_start="s.has_start",
            has_event="s.has_event",
            number=number,
            unknown=literal(UNKNOWN_CATEGORY),
            no_category=literal(NO_CATEGORY),
            no_start=literal(NO_START),  # the start the record gives is filled in later
            no_id="FALSE",  # a category's case; a record without an id is told apart later
            no_id_reason="NULL",
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
       old_outcome, old_from_event, old_process_months, old_process_days, old_months, old_days,
       CASE WHEN rules = 1 THEN new_outcome END AS new_outcome,
       new_from_event, new_process_months, new_process_days, new_months, new_days,
       {_ACTION.format("old_outcome")} AS old_action,
       CASE WHEN rules = 1 THEN {_ACTION.format("new_outcome")} END AS new_action,
       CASE WHEN rules IS NULL THEN 'vervallen zonder opvolger'
            WHEN rules > 1 THEN 'besluit nodig'
            WHEN old_outcome = 'not_computable' OR new_outcome = 'not_computable'
                 THEN CASE WHEN old_outcome = new_outcome
                                AND old_reason IS NOT DISTINCT FROM new_reason
                                AND old_months IS NOT DISTINCT FROM new_months
                                AND old_days IS NOT DISTINCT FROM new_days
                                AND old_process_months IS NOT DISTINCT FROM new_process_months
                                AND old_process_days IS NOT DISTINCT FROM new_process_days
                                AND old_from_event IS NOT DISTINCT FROM new_from_event
                           THEN 'ongewijzigd' ELSE 'niet te bepalen' END
            WHEN old_outcome = 'destroy' AND new_outcome = 'keep' THEN 'nu bewaren'
            WHEN old_outcome = 'keep' AND new_outcome = 'destroy' THEN 'nu vernietigen'
            WHEN old_outcome = 'keep' AND (/*same_transfer*/ OR new_outcome <> 'keep')
                 THEN 'ongewijzigd'
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
SELECT ordinal, id, old_number, new_numbers, old_action,
       coalesce(old_destroy_from, CASE WHEN effect IS NULL THEN old_transfer_from END) AS old_date,
       new_action,
       coalesce(new_destroy_from, CASE WHEN effect IS NULL THEN new_transfer_from END) AS new_date,
       CASE WHEN effect IS NOT NULL THEN effect
            WHEN new_destroy_from < old_destroy_from THEN earlier
            WHEN new_destroy_from > old_destroy_from THEN later
            WHEN new_transfer_from < old_transfer_from THEN transfer_earlier
            WHEN new_transfer_from > old_transfer_from THEN transfer_later
            ELSE same END AS effect,
       note, old_name /*outer*/
FROM (
    SELECT r.ordinal, r.id, r.category AS old_number, oc.name AS old_name, c.new_numbers,
           CASE WHEN c.number IS NULL THEN w.unknown_action ELSE c.old_action END AS old_action,
           c.new_action, w.earlier, w.later, w.transfer_earlier, w.transfer_later, w.same,
           CASE WHEN c.old_outcome = 'keep' AND c.new_outcome = 'keep'
                     AND CAST(ADD_MONTHS(r.start_day, /*old_transfer_months*/) AS DATE)
                         + /*old_transfer_days*/ <= DATE '9999-12-31'
                THEN CAST(ADD_MONTHS(r.start_day, /*old_transfer_months*/) AS DATE)
                     + /*old_transfer_days*/ END AS old_transfer_from,
           CASE WHEN c.old_outcome = 'keep' AND c.new_outcome = 'keep'
                     AND CAST(ADD_MONTHS(r.start_day, /*new_transfer_months*/) AS DATE)
                         + /*new_transfer_days*/ <= DATE '9999-12-31'
                THEN CAST(ADD_MONTHS(r.start_day, /*new_transfer_months*/) AS DATE)
                     + /*new_transfer_days*/ END AS new_transfer_from,"""
    + _DESTROY_FROM.format(c="c.old_", p="old_")
    + ","
    + _DESTROY_FROM.format(c="c.new_", p="new_")
    + f""",
           CASE WHEN {_NO_ID_OF_RECORD} OR c.number IS NULL THEN w.unknown_effect
                ELSE c.effect END AS effect,
           CASE WHEN {_NO_ID_OF_RECORD} THEN {literal(NO_ID)}
                WHEN c.number IS NULL
                     THEN coalesce(replace({literal(UNKNOWN_CATEGORY)}, '{{number}}',
                                           nullif(r.category, '')), {literal(NO_CATEGORY)})
                WHEN c.note = {literal(NO_START)} THEN {_NO_START_OF_RECORD}
                ELSE c.note END AS note /*inner*/
    FROM records r CROSS JOIN words w LEFT JOIN cases c
         ON c.number = r.category AND c.has_start = (r.start_day IS NOT NULL)
            AND c.has_event = (r.event_day IS NOT NULL)
         LEFT JOIN old_categories oc ON oc.number = r.category
) judged_twice
"""
)
"""Each record: its category's case in its situation, and the dates computed for it.

Every action and effect it gives comes from a table, none from the SQL text,
so that an engine that holds them as a few words (:meth:`Engine.as_words`)
gives them so.
"""

DUE = """
SELECT id, category AS categorie, category_name AS omschrijving,
       category_valuation AS waardering, 'vernietigen' AS actie,
       destroy_from AS vernietigen_vanaf{kept}
FROM judged WHERE outcome = 'destroy' AND destroy_from <= {on}
ORDER BY ordinal
"""

TRANSFER = """
SELECT id, category AS categorie, category_name AS omschrijving,
       category_valuation AS waardering, 'overbrengen' AS actie,
       transfer_from AS overbrengen_vanaf{kept}
FROM judged WHERE outcome = 'keep' AND transfer_from <= {on}
ORDER BY ordinal
"""
"""The transfer list (*overbrengingslijst*): B records whose transfer term has run by ``{on}``.

A record kept permanently without a start date has no transfer date, and
is not on it; it stays counted as kept.
"""

UNDETERMINED = """
SELECT id, category AS categorie, category_name AS omschrijving, reason AS reden{kept}
FROM judged WHERE outcome = 'not_computable'
ORDER BY ordinal
"""


def carried(kept: Sequence[str]) -> str:
    """The select list that writes the records' own columns under their names."""
    return "".join(f", keep_{index} AS {quoted(name)}" for index, name in enumerate(kept))


def _kept_of(table: str, count: int) -> str:
    """The kept columns ``keep_0``, ``keep_1``, ... of *table* (none: as they stand)."""
    prefix = f"{table}." if table else ""
    return "".join(f", {prefix}keep_{index}" for index in range(count))


_COUNTS = f"""
SELECT sum(CASE WHEN c.outcome = 'keep' AND NOT {_NO_ID_OF_RECORD} THEN 1 ELSE 0 END) AS kept,
       count(*) AS records
FROM records r LEFT JOIN categories c ON c.number = r.category
"""
"""How many records are kept, and how many there are in all.

Whether a record is kept depends on its category alone (and its having an
id: one without is told apart), so this pass reads no date.
"""


_CATEGORY_COLUMNS = (
    ("number", "VARCHAR"),
    ("name", "VARCHAR"),
    ("valuation", "VARCHAR"),
    ("outcome", "VARCHAR"),
    ("needs", "VARCHAR"),
    ("from_event", "BOOLEAN"),
    ("event_needs", "VARCHAR"),
    ("process_months", "INTEGER"),
    ("process_days", "INTEGER"),
    ("months", "INTEGER"),
    ("days", "INTEGER"),
)


def _category_table(
    runner: Engine, selection_list: SelectionList, name: str, language: Language
) -> None:
    """The table *name*, one row per category: what :func:`retention` says before any date."""
    rows = [_category_row(category, language) for _, category in selection_list.categories()]
    runner.table(name, _CATEGORY_COLUMNS, rows)


def _category_row(category: Category, language: Language) -> tuple[object, ...]:
    with_event = retention(category, start=_SOME_DAY, event=_SOME_DAY)
    without_event = retention(category, start=_SOME_DAY)
    from_event = (
        with_event.outcome is Outcome.DESTROY and without_event.outcome is Outcome.NOT_COMPUTABLE
    )
    term = category.valuation.term if category.valuation is not None else None
    duration = term.duration if term is not None else None
    process = term.process.duration if term is not None and term.process is not None else None
    return (
        category.number,
        category.label,
        str(category.valuation) if category.valuation is not None else None,
        with_event.outcome.value,
        _said(with_event.needs, language),
        from_event,
        _said(without_event.needs, language) if from_event else None,
        process.total_months if process is not None else 0,
        process.total_days if process is not None else 0,
        duration.total_months if duration is not None else 0,
        duration.total_days if duration is not None else 0,
    )


def _said(needs: str | Message | None, language: Language) -> str | None:
    """What is missing, as the records lists write it, in *language*."""
    return needs.say(language) if isinstance(needs, Message) else needs


def column_names(columns: Mapping[str, str]) -> dict[str, str]:
    unknown = sorted(set(columns) - set(COLUMNS))
    if unknown:
        msg = say(
            "unknown-column-role",
            "unknown column role {unknown!r}; the roles are {value}",
            unknown=unknown[0],
            value=", ".join(COLUMNS),
        )
        raise DocumentErrors("the columns cannot be used", [InvalidDocument(msg, path="columns")])
    return {role: columns.get(role, role) for role in COLUMNS}


def _records(
    runner: Engine,
    records: str | Path | Any,
    names: Mapping[str, str],
    keep: Sequence[str] | None,
) -> tuple[str, ...]:
    """The view ``records``, its dates read; a date column in which no date reads is an error.

    The records' own columns named in *keep* (by default every column not
    mapped to a role, up to :data:`MOST_KEPT`) go along as ``keep_0``,
    ``keep_1``, ...; returned are the names they are written under.

    The first :data:`_SAMPLE` filled values of each date column given as text
    are looked at: where none of them reads as a date, the column is named
    with one of them, rather than every record ending up undetermined.
    """
    present = runner.columns(records)
    where = str(records) if isinstance(records, str | Path) else "the records"
    _refuse_twice_named(records, names)
    columns = _kept_columns(present, names, keep, where)
    view = _records_view(records, names, present, columns, runner.records_kept_as)
    roles = (names[role] for role in COLUMNS if names[role] in present)
    runner.load(list(dict.fromkeys([*roles, *columns])))  # a file's other columns stay unread
    runner.run(view)
    problems = []
    for role in ("start", "event"):
        column = names[role]
        if column not in present or present[column]:
            continue  # absent, or dates already
        sample = runner.rows(_SAMPLE_OF.format(text=f"{role}_text", day=f"{role}_day"))
        if sample and not any(read for _, read in sample):
            problem = say(
                "no-dates-in-column",
                "no value of the column {column!r} ({role}) reads as a date, e.g. {value!r};"
                " write dates as 2024-01-31 or 31-01-2024",
                column=column,
                role=role,
                value=sample[0][0],
            )
            problems.append(InvalidDocument(problem, file=where, path="columns"))
    if problems:
        raise DocumentErrors(f"{where} cannot be used", problems)
    return _written_as(columns)


def _refuse_twice_named(records: str | Path | Any, names: Mapping[str, str]) -> None:
    """Refuse a CSV file in which a column a role reads is named twice.

    The engines keep both, each renaming the second its own way (DuckDB
    ``start_1``, Spark ``start3``), and would read the first without a word:
    which of the two is meant is the user's to say.

    Raises:
        DocumentErrors: A role's column is named twice in the header.
    """
    if not isinstance(records, str | Path) or Path(records).suffix.lower() != ".csv":
        return
    named = csv_header(Path(records))
    twice = [name for name in dict.fromkeys(names.values()) if named.count(name) > 1]
    if twice:
        problem = say(
            "column-named-twice",
            "has two columns named {name!r}; give one of them another name, so that it is"
            " clear which one holds what",
            name=twice[0],
        )
        raise DocumentErrors(
            f"{records} cannot be used",
            [InvalidDocument(problem, file=str(records), line=1, path="columns")],
        )


def _listed(present: Mapping[str, bool], most: int = 40) -> str | Message:
    """The names of the columns, sorted; of a file with more than *most*, the first and a count."""
    names = sorted(present)
    if len(names) <= most:
        return ", ".join(names)
    return say(
        "columns-and-more",
        "{value} and {count:n} more",
        value=", ".join(names[:most]),
        count=len(names) - most,
    )


MOST_KEPT = 50
"""By default the records' own columns go along when there are this many or fewer."""

_OURS = frozenset(
    {
        "id", "categorie", "omschrijving", "waardering", "actie", "vernietigen_vanaf",
        "overbrengen_vanaf", "reden",
        "oude_categorie", "nieuwe_categorie", "oude_actie", "oude_datum", "nieuwe_actie",
        "nieuwe_datum", "effect", "toelichting",
    }
)  # fmt: skip
"""The columns the records lists write themselves."""


def _kept_columns(
    present: Mapping[str, bool], names: Mapping[str, str], keep: Sequence[str] | None, where: str
) -> tuple[str, ...]:
    """The records' own columns to carry along: *keep*, or by default every unmapped one.

    Raises:
        DocumentErrors: *keep* names a column the records do not have.
    """
    if keep is None:
        others = tuple(column for column in present if column not in set(names.values()))
        return others if len(others) <= MOST_KEPT else ()
    missing = [column for column in keep if column not in present]
    if missing:
        problem = say(
            "unknown-kept-column",
            "has no column {missing!r} to keep; its columns are {value}",
            missing=missing[0],
            value=_listed(present),
        )
        raise DocumentErrors(
            f"{where} cannot be used", [InvalidDocument(problem, file=where, path="keep")]
        )
    return tuple(dict.fromkeys(keep))


def _written_as(columns: Sequence[str]) -> tuple[str, ...]:
    """The names kept columns are written under: their own, with ' (2)' where one of ours is it.

    Ours are the records lists' own columns, also as a workbook words them
    (``Omschrijving``, ``Record``), whatever the letter case.
    """
    taken = {name.casefold() for name in _OURS}
    taken.update(words.casefold() for pair in HEADERS.values() for words in pair)
    return tuple(f"{column} (2)" if column.casefold() in taken else column for column in columns)


_SAMPLE = 1000
"""How many filled values of a date column are looked at to tell that it holds dates."""

_SAMPLE_OF = (
    "SELECT {text}, {day} IS NOT NULL FROM records"
    " WHERE {text} IS NOT NULL AND trim({text}) <> '' LIMIT " + str(_SAMPLE)
)


def _records_view(
    records: str | Path | Any,
    names: Mapping[str, str],
    present: Mapping[str, bool],
    kept: Sequence[str] = (),
    kept_as: str = "VIEW",
) -> str:
    """The statement that makes the view ``records`` of the loaded records.

    Raises:
        DocumentErrors: A column named in *names* is missing: ``event`` only
            when it was named (``event=Uitdienst``), as a misspelt name would
            else leave every term from an event without its date.
    """
    where = str(records) if isinstance(records, str | Path) else "the records"
    needed = ("id", "category", "start", *(("event",) if names["event"] != "event" else ()))
    problems = [
        InvalidDocument(
            say(
                "missing-column",
                "has no column {name!r} ({role}); its columns are {value}",
                name=names[role],
                role=role,
                value=_listed(present),
            ),
            file=where,
            path="columns",
        )
        for role in needed
        if names[role] not in present
    ]
    if problems:
        message = (
            f"{where} cannot be used: name its columns with"
            " columns={'id': ..., 'category': ..., 'start': ...}"
        )
        raise DocumentErrors(message, problems)
    named = {role: quoted(names[role]) if names[role] in present else "NULL" for role in COLUMNS}
    dates = ("start", "event")
    days = {
        f"{role}_day": f"TRY_CAST({role}_value AS DATE)"
        if present.get(names[role])
        else _DAY_OF_TEXT.format(f"{role}_trimmed")
        for role in dates
    }
    texts = {
        f"{role}_trimmed": "NULL" if present.get(names[role]) else TRIMMED.format(named[role])
        for role in dates
    }  # a date column is used as it is: no text of it to trim
    carried_along = "".join(f", {quoted(column)} AS keep_{n}" for n, column in enumerate(kept))
    return _RECORDS.format(
        **named,
        **days,
        **texts,
        kept=carried_along,
        kept_outer="".join(f", keep_{n}" for n in range(len(kept))),
        category_trimmed=TRIMMED.format(named["category"]),
        records_kept_as=kept_as,
    )


def engine_for(records: object, name: str | None) -> Engine:
    """The engine *name*; by default Spark for a Spark DataFrame and DuckDB for anything else.

    Raises:
        EngineUnavailable: Spark is asked for but PySpark or Java is missing.
        ValueError: *name* is no engine.
    """
    if name is None:
        name = "spark" if is_spark_frame(records) else "duckdb"
    if name == "duckdb":
        return DuckDBEngine()
    if name == "spark":
        if is_spark_frame(records):
            return SparkEngine(records.sparkSession)  # type: ignore[attr-defined]  # a DataFrame
        return SparkEngine(spark_session())
    msg = say(
        "unknown-engine",
        "unknown engine {name!r}; the engines are {value}",
        name=name,
        value=", ".join(ENGINES),
    )
    raise ValueError(msg)
