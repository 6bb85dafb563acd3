"""Tests of records against a list: the destruction list on a date, computed by DuckDB.

The oracle is :func:`selectielijst.retention`, one record at a time: DuckDB's
answer for every record must be the one it gives.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pyarrow
import pyarrow.parquet
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VNG_DATA as DATA
from selectielijst import Category, Duration, Section, SelectionList, diff, load, retention
from selectielijst._cli import main
from selectielijst.errors import DocumentErrors, Message
from selectielijst.holdings import Action, Due, Effect, Impact, due, impact
from selectielijst.lookup import Outcome
from selectielijst.rendering import Language
from strategies import selection_lists

Record = tuple[str, str, datetime.date | None, datetime.date | None]
"""A record as the tests make it: id, category number, start date, event date."""


# Month ends, leap days and the days around them, where calendar rules part ways.
awkward_days = st.sampled_from(
    [datetime.date(2024, 2, 29), datetime.date(2023, 1, 31), datetime.date(2024, 1, 31),
     datetime.date(2023, 3, 31), datetime.date(2023, 12, 31), datetime.date(2020, 2, 28)]
)  # fmt: skip
some_days = awkward_days | st.dates(datetime.date(1950, 1, 1), datetime.date(2100, 12, 31))


def expected(
    selection_list: SelectionList,
    records: Sequence[Record],
    on: datetime.date,
) -> tuple[dict[str, datetime.date], dict[str, str]]:
    """What retention() says of each record: (due id -> date, undetermined id -> reason)."""
    numbers = {category.number: category for _, category in selection_list.categories()}
    due_on: dict[str, datetime.date] = {}
    apart: dict[str, str] = {}
    for record_id, number, start, event in records:
        category = numbers.get(number)
        if category is None:
            apart[record_id] = f"de categorie {number} staat niet in de lijst"
            continue
        answer = retention(category, start=start or datetime.date(1, 1, 1), event=event)
        if start is None and answer.outcome is Outcome.DESTROY:
            event_based = retention(category, start=datetime.date(1, 1, 1)).outcome
            if event_based is not Outcome.NOT_COMPUTABLE:  # the term runs from the start
                apart[record_id] = "de startdatum ontbreekt of is geen datum (leeg)"
                continue
        if answer.outcome is Outcome.NOT_COMPUTABLE:
            apart[record_id] = dutch(answer.needs)
        elif answer.outcome is Outcome.DESTROY:
            assert answer.destroy_from is not None
            if answer.destroy_from <= on:
                due_on[record_id] = answer.destroy_from
    return due_on, apart


def expected_transfer(
    selection_list: SelectionList, records: Sequence[Record], on: datetime.date
) -> dict[str, datetime.date]:
    """What retention() says of each B record with a start: its transfer date, where it has come."""
    numbers = {category.number: category for _, category in selection_list.categories()}
    found = {}
    for record_id, number, start, event in records:
        category = numbers.get(number)
        if category is None or start is None:
            continue
        answer = retention(
            category, start=start, event=event, transfer=selection_list.transfer_term
        )
        if answer.transfer_from is not None and answer.transfer_from <= on:
            found[record_id] = answer.transfer_from
    return found


def _transferred(result: Due) -> dict[str, datetime.date]:
    assert result.transfer is not None
    return {row["id"]: row["overbrengen_vanaf"] for row in result.transfer.to_pylist()}


def records_table(records: Sequence[Record]) -> pyarrow.Table:
    return pyarrow.table(
        {
            "id": [r[0] for r in records],
            "category": [r[1] for r in records],
            "start": [r[2] for r in records],
            "event": [r[3] for r in records],
        },
        schema=pyarrow.schema(
            [
                ("id", pyarrow.string()),
                ("category", pyarrow.string()),
                ("start", pyarrow.date32()),
                ("event", pyarrow.date32()),
            ]
        ),
    )


def drawn_records(data: st.DataObject, numbers: list[str], most: int) -> list[Record]:
    """Up to *most* records under *numbers*, each date awkward, ordinary or missing."""
    drawn = data.draw(
        st.lists(
            st.tuples(st.sampled_from(numbers), st.none() | some_days, st.none() | some_days),
            max_size=most,
        )
    )
    return [(f"r{index}", number, start, event) for index, (number, start, event) in
            enumerate(drawn)]  # fmt: skip


def _found(result: Due) -> tuple[dict[str, datetime.date], dict[str, str]]:
    return (
        {row["id"]: row["vernietigen_vanaf"] for row in result.due.to_pylist()},
        {row["id"]: row["reden"] for row in result.undetermined.to_pylist()},
    )


class TestAgreesWithRetention:
    """DuckDB's dates are retention()'s dates, record for record."""

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=30)
    @given(
        selection_list=selection_lists(max_categories=8),
        data=st.data(),
        on=some_days,
    )
    def test_every_record(
        self, selection_list: SelectionList, data: st.DataObject, on: datetime.date
    ) -> None:
        """Month ends, leap days, weeks, event-based terms, missing dates, unknown categories."""
        numbers = [category.number for _, category in selection_list.categories()] + ["99.99"]
        rows = drawn_records(data, numbers, 40)
        result = due(selection_list, records_table(rows), on=on)
        assert _found(result) == expected(selection_list, rows, on)
        assert sum(result.counts.values()) == len(rows)
        assert _transferred(result) == expected_transfer(selection_list, rows, on)

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=30)
    @given(
        selection_list=selection_lists(max_categories=8),
        data=st.data(),
        on=some_days,
        years=st.integers(1, 30),
    )
    def test_transfer_list(
        self, selection_list: SelectionList, data: st.DataObject, on: datetime.date, years: int
    ) -> None:
        """The transfer list is retention()'s transfer dates, under the list's own term too."""
        selection_list = attrs.evolve(selection_list, transfer=Duration(years=years))
        numbers = [category.number for _, category in selection_list.categories()] + ["99.99"]
        rows = drawn_records(data, numbers, 40)
        result = due(selection_list, records_table(rows), on=on)
        assert _transferred(result) == expected_transfer(selection_list, rows, on)
        assert result.counts[Action.TRANSFER] == len(_transferred(result))

    def test_closed_twenty_five_and_fifteen_years_ago(self, tmp_path: Path) -> None:
        """Of two B records, closed 25 and 15 years ago, the first is on the transfer list."""
        path = tmp_path / "zaken.csv"
        path.write_text(
            "Zaaknummer;Klasse;Einddatum\nZ-oud;1.1;2001-03-31\nZ-jong;1.1;2011-03-31\n",
            encoding="utf-8",
        )
        output = tmp_path / "lijst.csv"
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(path), "--on", "2026-04-01",
             "--columns", "id=Zaaknummer,category=Klasse,start=Einddatum", "-o", str(output),
             "--lang", "nl"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        transfer = (tmp_path / "lijst-over-te-brengen.csv").read_text(encoding="utf-8")
        old = "Z-oud,1.1,Het voorbereiden en vaststellen van besluiten van het bestuur,B (1)"
        assert transfer.splitlines()[1:] == [f"{old},overbrengen,2021-03-31"]
        assert "1 blijvend bewaren, 1 overbrengen" in result.stderr

    def test_shipped_list_by_hand(self) -> None:
        """The worked example of the docs: 31 January plus seven years, and a leap day."""
        records = [
            ("a", "1.2", datetime.date(2024, 1, 31), None),
            ("b", "1.2", datetime.date(2016, 2, 29), None),
            ("c", "1.1", datetime.date(2016, 2, 29), None),
            ("d", "2.1", datetime.date(2016, 2, 29), None),
            ("e", "2.1", None, datetime.date(2016, 2, 29)),
        ]
        result = due(
            load("voorbeeld", "2.1"), records_table(records), on=datetime.date(2031, 1, 31)
        )
        found, apart = _found(result)
        assert found == {"a": datetime.date(2031, 1, 31), "b": datetime.date(2023, 2, 28)} | {
            "e": found["e"]
        }
        assert list(apart) == ["d"]
        assert "gebeurtenis" in apart["d"]
        assert result.counts[Action.KEEP] == 1


class TestFiles:
    """Records in a file of the user's own layout, from the command line."""

    @pytest.fixture
    def sheet(self, tmp_path: Path) -> Path:
        """A records manager's export: semicolons, Dutch headers, an extra column."""
        path = tmp_path / "zaken.csv"
        path.write_text(
            "Zaaknummer;Omschrijving;Klasse;Einddatum\n"
            "Z-1;Subsidie;1.2;2015-01-31\n"
            "Z-2;Personeel;2.1;2015-01-31\n"
            "Z-3;Beleid;1.1;2015-01-31\n"
            "Z-4;Oud;9.9;2015-01-31\n",
            encoding="utf-8",
        )
        return path

    def test_stdout_and_summary(self, sheet: Path) -> None:
        """Without -o, the destruction list is CSV on stdout, the counts on stderr."""
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(sheet), "--on", "2030-01-01",
             "--columns", "id=Zaaknummer,category=Klasse,start=Einddatum", "--lang", "nl"],
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines() == [
            "id,categorie,omschrijving,waardering,actie,vernietigen_vanaf,Omschrijving (2)",
            (
                'Z-1,1.2,Het beheren van vergaderstukken van commissies,"V, 7 jaar",vernietigen,'
                "2022-01-31,Subsidie"
            ),
        ]
        assert "4 stukken op 1 januari 2030: 1 vernietigen" in result.stderr
        assert "2 stukken zijn niet te bepalen" in result.stderr

    @pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx"])
    def test_output_by_suffix(self, sheet: Path, tmp_path: Path, suffix: str) -> None:
        """-o writes the list and, beside it, the records that cannot be told, with reasons."""
        output = tmp_path / f"vernietigingslijst{suffix}"
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(sheet), "--on", "2030-01-01",
             "--columns", "id=Zaaknummer,category=Klasse,start=Einddatum", "-o", str(output),
             "--lang", "nl"],
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        apart = tmp_path / f"vernietigingslijst-niet-te-bepalen{suffix}"
        if suffix == ".parquet":
            rows = pyarrow.parquet.read_table(apart).to_pylist()
            assert pyarrow.parquet.read_table(output).num_rows == 1
        else:
            from selectielijst._storage._sheets import read_table  # noqa: PLC0415  # reads back

            rows = [row.cells for row in read_table(apart).rows]
        if suffix == ".xlsx":  # a workbook for people: the columns in words
            rows = [{"id": row["Zaak"], "reden": row["Reden"]} for row in rows]
        reasons = {row["id"]: row["reden"] for row in rows}
        assert reasons["Z-4"] == "de categorie 9.9 staat niet in de lijst"
        assert "gebeurtenis" in reasons["Z-2"]

    def test_xlsx_records(self, tmp_path: Path) -> None:
        """A workbook of records, dates as date cells."""
        import openpyxl  # noqa: PLC0415  # only here

        workbook = openpyxl.Workbook()
        workbook.worksheets[0].append(["id", "category", "start"])
        day = datetime.datetime(2015, 1, 31)  # noqa: DTZ001  # a workbook's date cell has no zone
        workbook.worksheets[0].append(["Z-1", "1.2", day])
        path = tmp_path / "zaken.xlsx"
        workbook.save(path)
        result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        assert _found(result)[0] == {"Z-1": datetime.date(2022, 1, 31)}

    def test_which_texts_are_dates(self, tmp_path: Path) -> None:
        """ISO and day-first Dutch dates, with a time after or spaces around, are dates; not others.

        Never month first: 02/28/2015 is no date; nor is a day that does not exist.
        """
        path = tmp_path / "zaken.csv"
        path.write_text(
            "id,category,start\nZ-1,1.2,2015-01-31 00:00:00\nZ-2,1.2, 2015-01-31 \n"
            "Z-3,1.2,2015-1-31\nZ-4,1.2,31-01-2015\nZ-5,1.2,2015-02-30\nZ-6,1.2,31-1-2015\n"
            "Z-7,1.2,31/01/2015\nZ-8,1.2,31.01.2015 12:30\nZ-9,1.2,02/28/2015\n"
            "Z-10,1.2,30-02-2015\n",
            encoding="utf-8",
        )
        found, apart = _found(due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1)))
        day = datetime.date(2022, 1, 31)
        assert found == {f"Z-{n}": day for n in (1, 2, 4, 6, 7, 8)}
        assert apart == {
            f"Z-{n}": f"de startdatum ontbreekt of is geen datum ({text})"
            for n, text in ((3, "2015-1-31"), (5, "2015-02-30"), (9, "02/28/2015"),
                            (10, "30-02-2015"))
        }  # fmt: skip

    def test_a_column_without_a_date(self, tmp_path: Path) -> None:
        """A start column in which no value reads as a date is an error naming it and a value."""
        path = tmp_path / "zaken.csv"
        path.write_text(
            "id,category,Einddatum\nZ-1,1.2,jan 2015\nZ-2,1.2,januari 2016\n", encoding="utf-8"
        )
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(path), "--on", "2030-01-01",
             "--columns", "start=Einddatum"],
        )  # fmt: skip
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0] == (
            f"error: {path} columns: no value of the column 'Einddatum' (start) reads as a date,"
            " e.g. 'jan 2015'; write dates as 2024-01-31 or 31-01-2024"
        )


class TestTablesInMemory:
    """A case system hands over what it holds: an Arrow table or a DuckDB relation."""

    def test_duckdb_relation_of_another_connection(self) -> None:
        """A relation made on the caller's own connection is read as well."""
        import duckdb  # noqa: PLC0415  # the engine, as a caller uses it

        relation = duckdb.sql("SELECT 'a' AS id, '1.2' AS category, DATE '2015-01-31' AS start")
        result = due(load("voorbeeld", "2.1"), relation, on=datetime.date(2030, 1, 1))
        assert _found(result)[0] == {"a": datetime.date(2022, 1, 31)}

    @pytest.mark.parametrize("library", ["pandas", "polars"])
    def test_data_frames(self, library: str) -> None:
        """A pandas or Polars data frame, dates as dates or as text: as the same Arrow table."""
        frames = pytest.importorskip(library)
        leap_day = datetime.date(2016, 2, 29)
        month_end = datetime.date(2015, 1, 31)
        rows = [("a", "1.2", month_end, None), ("b", "2.1", leap_day, leap_day),
                ("c", "9.9", None, None), ("d", "1.1", month_end, None)]  # fmt: skip
        arrow = records_table(rows)
        selection_list, on = load("voorbeeld", "2.1"), datetime.date(2031, 1, 31)
        expected_result = due(selection_list, arrow, on=on)
        frame = frames.from_arrow(arrow) if library == "polars" else arrow.to_pandas()
        result = due(selection_list, frame, on=on)
        assert _found(result) == _found(expected_result)
        assert result.counts == expected_result.counts
        as_text = {"id": ["a"], "category": ["1.2"], "start": ["2015-01-31"]}
        assert _found(due(selection_list, frames.DataFrame(as_text), on=on))[0] == {
            "a": datetime.date(2022, 1, 31)
        }

    def test_not_a_table(self) -> None:
        """Anything else is a TypeError saying what is taken."""
        with pytest.raises(TypeError, match="got list"):
            due(load("voorbeeld", "2.1"), [("a", "1.2")], on=datetime.date(2030, 1, 1))


class TestBadInput:
    """Each mistake is an error naming the file and what to do."""

    def test_missing_column(self, tmp_path: Path) -> None:
        """A column that is not there is named, with the columns that are."""
        path = tmp_path / "zaken.csv"
        path.write_text("Zaak,Klasse,Datum\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        problems = [str(p) for p in caught.value.problems]
        assert len(problems) == 3
        assert (
            problems[0]
            == f"{path} columns: has no column 'id' (id); its columns are Datum, Klasse, Zaak"
        )
        assert "columns={'id': ..." in str(caught.value)  # Python's words, no command-line hint
        assert "--columns" not in str(caught.value)

    def test_missing_column_on_the_command_line(self, tmp_path: Path) -> None:
        """On the command line the same problems, and a hint in its own words."""
        path = tmp_path / "zaken.csv"
        path.write_text("Zaak,Klasse,Datum\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
        result = CliRunner().invoke(
            main, ["due", "voorbeeld@2.1", "--records", str(path), "--on", "2030-01-01"]
        )
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert len(lines) == 4
        assert lines[0].startswith(f"error: {path} columns: has no column 'id' (id)")
        assert lines[3] == (
            "hint: name the columns with --columns id=COLUMN,category=COLUMN,start=COLUMN"
            " (and event=COLUMN for terms that run from an event)"
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """A records file that is not there."""
        result = CliRunner().invoke(
            main, ["due", "voorbeeld@2.1", "--records", str(tmp_path / "nee.csv"),
                   "--on", "2030-01-01"],
        )  # fmt: skip
        assert result.exit_code == 1
        assert result.stderr == f"error: {tmp_path / 'nee.csv'}: no such file\n"

    def test_not_parquet(self, tmp_path: Path) -> None:
        """A file that is not what its suffix says."""
        path = tmp_path / "zaken.parquet"
        path.write_text("geen parquet", encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        assert "is not a readable records file" in caught.value.problems[0].problem

    @pytest.mark.parametrize(
        ("arguments", "says"),
        [
            (["--columns", "id"], "ROLE=NAME"),
            (["--columns", "nummer=Zaak"], "unknown column role 'nummer'"),
            (["-o", "lijst.pdf"], "end it in .csv, .parquet or .xlsx"),
            (["--on", "31-01-2030"], "is not a date such as 2027-01-31 (YYYY-MM-DD)"),
            (["--engine", "oracle"], "'oracle' is not one of 'duckdb', 'spark'"),
        ],
    )
    def test_options(self, arguments: list[str], says: str, tmp_path: Path) -> None:
        """Wrong options say what is expected."""
        path = tmp_path / "zaken.csv"
        path.write_text("id,category,start\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
        base = ["due", "voorbeeld@2.1", "--records", str(path)]
        if "--on" not in arguments:
            base += ["--on", "2030-01-01"]
        result = CliRunner().invoke(main, base + arguments)
        assert result.exit_code in {1, 2}
        assert says in result.stderr


def expected_effects(
    old: SelectionList,
    new: SelectionList,
    records: Sequence[Record],
) -> dict[str, str]:
    """The effect of each record, worked out one at a time with retention() and the concordance."""
    old_numbers = {category.number: category for _, category in old.categories()}
    new_numbers = {category.number: category for _, category in new.categories()}
    follows = {row.old_number: row.new_numbers for row in diff(old, new).concordance}
    effects = {}
    for record_id, number, start, event in records:
        effects[record_id] = _effect(
            old_numbers.get(number),
            [new_numbers[n] for n in follows.get(number, ())],
            start,
            event,
        )
    return effects


Answer = tuple[Outcome, datetime.date | None, str | None]


def _answer(category: Category, start: datetime.date | None, event: datetime.date | None) -> Answer:
    answer = retention(category, start=start or datetime.date(1, 1, 1), event=event)
    from_start = retention(category, start=datetime.date(1, 1, 1)).outcome
    if start is None and answer.outcome is Outcome.DESTROY and from_start is Outcome.DESTROY:
        return (Outcome.NOT_COMPUTABLE, None, "start")
    return (answer.outcome, answer.destroy_from, dutch(answer.needs))


def dutch(needs: object) -> str:
    """What retention() says is missing, as the records lists write it: in Dutch."""
    return needs.say(Language.NL) if isinstance(needs, Message) else str(needs or "")


def _rule(category: Category) -> tuple[object, ...]:
    """What a category says before any date: categories that differ in it need a decision."""
    some_day = datetime.date(2000, 1, 1)
    with_event = retention(category, start=some_day, event=some_day)
    without_event = retention(category, start=some_day)
    term = category.valuation.term if category.valuation is not None else None
    duration = term.duration if term is not None else None
    length = (duration.total_months, duration.total_days) if duration is not None else (0, 0)
    process = term.process.duration if term is not None and term.process is not None else None
    delay = (process.total_months, process.total_days) if process is not None else (0, 0)
    return (
        with_event.outcome,
        dutch(with_event.needs),
        without_event.outcome,
        dutch(without_event.needs),
        length,
        delay,
    )


def _term_of(category: Category) -> tuple[object, ...]:
    """The length of a category's term, and whether it runs from an event."""
    rule = _rule(category)
    from_event = rule[0] is Outcome.DESTROY and rule[2] is Outcome.NOT_COMPUTABLE
    return (rule[4], from_event)


def _effect(  # noqa: PLR0911  # one return per effect, as the SQL's CASE
    old_category: Category | None,
    new_categories: list[Category],
    start: datetime.date | None,
    event: datetime.date | None,
) -> str:
    if old_category is None:
        return "niet te bepalen"
    if not new_categories:
        return "vervallen zonder opvolger"
    if len({_rule(category) for category in new_categories}) > 1:
        return "besluit nodig"
    before = _answer(old_category, start, event)
    after = _answer(new_categories[0], start, event)
    if Outcome.NOT_COMPUTABLE in (before[0], after[0]):
        same_term = _term_of(old_category) == _term_of(new_categories[0])
        return "ongewijzigd" if before == after and same_term else "niet te bepalen"
    if before[0] is Outcome.DESTROY and after[0] is Outcome.KEEP:
        return "nu bewaren"
    if before[0] is Outcome.KEEP and after[0] is Outcome.DESTROY:
        return "nu vernietigen"
    if before[0] is Outcome.KEEP:
        return "ongewijzigd"
    assert after[1] is not None  # both destroyed, so both dated
    assert before[1] is not None
    if after[1] < before[1]:
        return "eerder"
    return "later" if after[1] > before[1] else "ongewijzigd"


def _effects(result: Impact) -> dict[str, str]:
    return {row["id"]: row["effect"] for row in result.records.to_pylist()}


class TestOrder:
    """Rows come in the order of the records, however few there are."""

    @pytest.mark.parametrize("size", [2, 10, 50, 300])
    def test_in_the_records_order(self, size: int) -> None:
        """due, its list apart and impact keep the records' order (10 and 50 records did not)."""
        old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
        numbers = [category.number for _, category in old.categories()]
        start = datetime.date(2015, 1, 31)
        rows = [
            (f"z{i}", numbers[i * 7 % len(numbers)], start if i % 5 else None, None)
            for i in range(size)
        ]
        ids = [row[0] for row in rows]
        assert impact(old, new, records_table(rows)).records.column("id").to_pylist() == ids
        judged = due(new, records_table(rows), on=datetime.date(2030, 1, 1))
        for table in (judged.due, judged.undetermined):
            found = table.column("id").to_pylist()
            assert found == [record_id for record_id in ids if record_id in set(found)]


class TestImpact:
    """What a new version does to the records held under the old one."""

    def test_shipped_example(self) -> None:
        """1.0 -> 2.0: a split needs a decision, a shorter term is earlier, V -> B is now kept."""
        records = [
            ("split", "2.1", datetime.date(2015, 1, 31), datetime.date(2016, 2, 29)),
            ("shorter", "1.2", datetime.date(2015, 1, 31), None),
            ("kept", "1.4", datetime.date(2015, 1, 31), None),
            ("destroyed", "2.4", datetime.date(2015, 1, 31), None),
            ("gone", "2.7", datetime.date(2015, 1, 31), None),
            ("successor", "3.4", datetime.date(2015, 1, 31), datetime.date(2016, 2, 29)),
        ]
        result = impact(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"), records_table(records))
        assert _effects(result) == {
            "split": "besluit nodig",
            "shorter": "eerder",
            "kept": "nu bewaren",
            "destroyed": "nu vernietigen",
            "gone": "vervallen zonder opvolger",
            "successor": "later",
        }
        rows = {row["id"]: row for row in result.records.to_pylist()}
        assert rows["split"]["nieuwe_categorie"] == "2.1, 2.2"
        assert rows["shorter"]["oude_datum"] == datetime.date(2025, 1, 31)
        assert rows["shorter"]["nieuwe_datum"] == datetime.date(2022, 1, 31)
        assert result.counts[Effect.DECISION_NEEDED] == 1
        summary = {
            (r["oude_categorie"], r["effect"]): r["aantal"] for r in result.summary.to_pylist()
        }
        assert summary["2.1", "besluit nodig"] == 1

    def test_transfer_term_moves(self) -> None:
        """A new version that transfers after 10 years, not 20: B records go earlier, by date."""
        old = load("voorbeeld", "2.1")
        new = attrs.evolve(
            old,
            version=attrs.evolve(old.version, label="2.2"),
            transfer=Duration(years=10),
        )
        records = [
            ("oud", "1.1", datetime.date(2010, 3, 31), None),
            ("zonder", "1.1", None, None),
            ("vernietigen", "1.2", datetime.date(2010, 3, 31), None),
        ]
        result = impact(old, new, records_table(records))
        rows = {row["id"]: row for row in result.records.to_pylist()}
        assert rows["oud"]["effect"] == "eerder overbrengen"
        assert rows["oud"]["oude_datum"] == datetime.date(2030, 3, 31)
        assert rows["oud"]["nieuwe_datum"] == datetime.date(2020, 3, 31)
        assert rows["zonder"]["effect"] == "ongewijzigd"
        assert rows["vernietigen"]["effect"] == "ongewijzigd"
        assert result.counts[Effect.TRANSFER_EARLIER] == 1
        back = impact(new, old, records_table(records))
        assert _effects(back)["oud"] == "later overbrengen"
        assert Effect.TRANSFER_LATER.words(Language.EN) == "transfer later"

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=25)
    @given(data=st.data())
    def test_agrees_with_retention_and_the_concordance(self, data: st.DataObject) -> None:
        """Every record's effect is what retention() and the concordance give, one by one."""
        old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
        numbers = [category.number for _, category in old.categories()] + ["9.9"]
        rows = drawn_records(data, numbers, 30)
        assert _effects(impact(old, new, records_table(rows))) == expected_effects(old, new, rows)

    def test_command_line(self, tmp_path: Path) -> None:
        """impact writes one row per record and the summary beside it; counts on stderr."""
        path = tmp_path / "zaken.csv"
        path.write_text("id,category,start\nZ-1,1.2,2015-01-31\nZ-2,1.4,2015-01-31\n")
        output = tmp_path / "effect.csv"
        result = CliRunner().invoke(
            main,
            ["impact", "voorbeeld@1.0", "voorbeeld@2.0", "--records", str(path), "-o", str(output),
             "--lang", "nl"],
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert "2 stukken: 1 nu bewaren, 1 eerder" in result.stderr
        assert (tmp_path / "effect-samenvatting.csv").read_text(encoding="utf-8").splitlines() == [
            "oude_categorie,effect,aantal",
            "1.4,nu bewaren,1",
            "1.2,eerder,1",
        ]


def test_documented_example(root: Path, tmp_path: Path) -> None:
    """The how-to's command, on the records file that ships with the docs, says what it says."""
    page = (root / "docs" / "howto" / "records-impact.md").read_text(encoding="utf-8")
    output = tmp_path / "effect.xlsx"
    result = CliRunner().invoke(
        main,
        ["impact", "voorbeeld@1.0", "voorbeeld@2.0",
         "--records", str(root / "docs" / "examples" / "zaken.csv"),
         "--columns", "id=Zaaknummer,category=Klasse,start=Einddatum,event=Uitdienst",
         "-o", str(output), "--lang", "nl"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    said = result.stderr.splitlines()
    assert said[0] == f"{output}: 8 rijen geschreven"
    assert said[1].replace(str(tmp_path) + "/", "") in page
    assert said[2] in page


def vng_records(selection_list: SelectionList, times: int) -> list[Record]:
    """*times* records under each category, at a leap day, a month end or no date."""
    numbers = [category.number for _, category in selection_list.categories()]
    days = [datetime.date(2016, 2, 29), datetime.date(2019, 1, 31), None]
    return [
        (f"z{index}", number, days[index % 3], days[(index + 1) % 3])
        for index, number in enumerate(numbers * times)
    ]


@pytest.mark.skipif(not DATA.is_dir(), reason="the VNG data is not present")
class TestVng:
    """The VNG lists: records under every result type, as a case system holds them."""

    def test_due_agrees_with_retention(self, vng: dict[str, SelectionList]) -> None:
        """Every result of the 2020 list: the destruction list is retention()'s, per record."""
        rows = vng_records(vng["2020"], 3)
        on = datetime.date(2040, 6, 30)
        result = due(vng["2020"], records_table(rows), on=on)
        assert _found(result) == expected(vng["2020"], rows, on)
        assert result.due.num_rows > 100

    def test_impact_agrees(self, vng: dict[str, SelectionList]) -> None:
        """2017 -> 2020: every effect is what retention() and the concordance give."""
        rows = vng_records(vng["2017"], 2)
        result = impact(vng["2017"], vng["2020"], records_table(rows))
        assert _effects(result) == expected_effects(vng["2017"], vng["2020"], rows)


class TestWrittenToFiles:
    """``-o``: DuckDB streams CSV and Parquet into the files; both appear, or neither."""

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
    @given(
        ids=st.lists(
            st.text(st.sampled_from("=+-@\t\r\n\",;' aZé"), max_size=6), min_size=1, max_size=12
        )
    )
    def test_streamed_csv_is_the_written_csv(self, ids: list[str]) -> None:
        """Formulas, quotes, line breaks: the streamed CSV is table_bytes' CSV (no id: apart)."""
        from selectielijst.holdings import due_to_files, table_bytes  # noqa: PLC0415  # here

        selection_list = load("voorbeeld", "2.1")
        rows = [(text, "1.2", datetime.date(2015, 1, 31), None) for text in ids]
        on = datetime.date(2030, 1, 1)
        expected_bytes = table_bytes(
            due(selection_list, records_table(rows), on=on).due, "csv", title="vernietigen"
        )
        with tempfile.TemporaryDirectory() as folder:
            output = Path(folder) / "lijst.csv"
            written = due_to_files(selection_list, records_table(rows), output, on=on)
            assert output.read_bytes() == expected_bytes
            assert written.files[output] == sum(1 for text in ids if text.strip(" \t\r\n"))

    def test_parquet_equals_the_tables(self, tmp_path: Path) -> None:
        """The Parquet files hold what due() returns, and the summary line is due()'s."""
        from selectielijst.holdings import due_to_files  # noqa: PLC0415  # only here

        rows = [("a", "1.2", datetime.date(2015, 1, 31), None), ("b", "2.1", None, None),
                ("c", "1.1", datetime.date(2015, 1, 31), None)]  # fmt: skip
        selection_list, on = load("voorbeeld", "2.1"), datetime.date(2030, 1, 1)
        in_memory = due(selection_list, records_table(rows), on=on)
        written = due_to_files(selection_list, records_table(rows), tmp_path / "l.parquet", on=on)
        assert pyarrow.parquet.read_table(tmp_path / "l.parquet").to_pylist() == (
            in_memory.due.to_pylist()
        )
        beside = pyarrow.parquet.read_table(tmp_path / "l-niet-te-bepalen.parquet")
        assert beside.to_pylist() == in_memory.undetermined.to_pylist()
        assert written.summary == in_memory.summary()
        assert list(written.files.values()) == [1, 1, 0]

    def test_impact_files(self, tmp_path: Path) -> None:
        """impact's rows and summary, streamed, hold what impact() returns."""
        from selectielijst.holdings import impact_to_files  # noqa: PLC0415  # only here

        old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
        rows = [("a", "1.2", datetime.date(2015, 1, 31), None),
                ("b", "1.4", datetime.date(2015, 1, 31), None)]  # fmt: skip
        in_memory = impact(old, new, records_table(rows))
        written = impact_to_files(old, new, records_table(rows), tmp_path / "e.parquet")
        assert pyarrow.parquet.read_table(tmp_path / "e.parquet").to_pylist() == (
            in_memory.records.to_pylist()
        )
        summary = pyarrow.parquet.read_table(tmp_path / "e-samenvatting.parquet")
        assert summary.to_pylist() == in_memory.summary.to_pylist()
        assert written.counts == in_memory.counts
        assert written.summary == in_memory.summary_line()

    def test_impact_csv_guards_every_column(self, tmp_path: Path) -> None:
        """A new number that reads as a formula is guarded in the streamed CSV, as table_bytes does.

        The columns impact copies from the list (new number, actions, effect)
        are held as a few words; they are text all the same.
        """
        from selectielijst.holdings import impact_to_files, table_bytes  # noqa: PLC0415  # here

        def formula(section: Section) -> Section:
            return attrs.evolve(
                section,
                categories=tuple(
                    attrs.evolve(c, number="=" + c.number) if c.number == "1.4" else c
                    for c in section.categories
                ),
                sections=tuple(formula(inner) for inner in section.sections),
            )

        old, new = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
        new = attrs.evolve(new, sections=tuple(formula(section) for section in new.sections))
        rows = [("a", "1.4", datetime.date(2015, 1, 31), None),
                ("b", "1.2", datetime.date(2015, 1, 31), None)]  # fmt: skip
        expected = table_bytes(impact(old, new, records_table(rows)).records, "csv", title="e")
        impact_to_files(old, new, records_table(rows), tmp_path / "e.csv")
        assert (tmp_path / "e.csv").read_bytes() == expected
        assert ",'=1.4," in expected.decode("utf-8")

    def test_both_files_or_neither(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """When the second file fails, the first does not appear, and no temporary file stays."""
        from selectielijst._holdings._engines import DuckDBEngine  # noqa: PLC0415  # only here
        from selectielijst.holdings import due_to_files  # noqa: PLC0415  # likewise

        copy = DuckDBEngine.copy
        calls: list[Path] = []

        def fail_second(self: DuckDBEngine, query: str, path: Path, format_name: str) -> int:
            calls.append(path)
            if len(calls) == 2:
                raise OSError(28, "No space left on device", str(path))
            return copy(self, query, path, format_name)

        monkeypatch.setattr(DuckDBEngine, "copy", fail_second)
        (tmp_path / "lijst.csv").write_text("het oude bestand\n", encoding="utf-8")
        rows = [("a", "1.2", datetime.date(2015, 1, 31), None)]
        with pytest.raises(OSError, match="No space left") as caught:
            due_to_files(load("voorbeeld", "2.1"), records_table(rows), tmp_path / "lijst.csv",
                         on=datetime.date(2030, 1, 1))  # fmt: skip
        assert caught.value.filename == str(tmp_path / "lijst-niet-te-bepalen.csv")
        assert sorted(path.name for path in tmp_path.iterdir()) == ["lijst.csv"]
        assert (tmp_path / "lijst.csv").read_text(encoding="utf-8") == "het oude bestand\n"

    def test_a_suffix_of_no_format(self, tmp_path: Path) -> None:
        """From Python too: an output that names no format is an UnknownFormat, nothing written."""
        from selectielijst.errors import UnknownFormat  # noqa: PLC0415  # only here
        from selectielijst.holdings import due_to_files  # noqa: PLC0415  # likewise

        rows = [("a", "1.2", datetime.date(2015, 1, 31), None)]
        with pytest.raises(UnknownFormat, match=r"'lijst.pdf': end it in .csv, .parquet or .xlsx"):
            due_to_files(load("voorbeeld", "2.1"), records_table(rows), tmp_path / "lijst.pdf",
                         on=datetime.date(2030, 1, 1))  # fmt: skip
        assert list(tmp_path.iterdir()) == []

    def test_a_folder_that_cannot_be(self, tmp_path: Path) -> None:
        """-o under a file: one error line naming the output, exit 1, nothing written."""
        records = tmp_path / "zaken.csv"
        records.write_text("id,category,start\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
        (tmp_path / "bestand").write_text("", encoding="utf-8")
        output = tmp_path / "bestand" / "lijst.csv"
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(records), "--on", "2030-01-01",
             "-o", str(output)],
        )  # fmt: skip
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: cannot write {output}")
        assert sorted(path.name for path in tmp_path.iterdir()) == ["bestand", "zaken.csv"]

    def test_a_carriage_return_is_quoted(self) -> None:
        """A CR in a cell is quoted, so that a CSV reader keeps the row whole, as DuckDB does."""
        import csv  # noqa: PLC0415  # only here
        import io  # noqa: PLC0415  # likewise

        from selectielijst._storage._sheets import write_csv  # noqa: PLC0415  # likewise

        written = write_csv(["a", "b"], [["x\ry", "z"], ["p", "q"]]).decode("utf-8")
        assert written == 'a,b\n"x\ry",z\np,q\n'
        assert list(csv.reader(io.StringIO(written, newline=""))) == [
            ["a", "b"],
            ["x\ry", "z"],
            ["p", "q"],
        ]


class TestOutputIsNotTheRecords:
    """-o never replaces the records it reads, however the two are spelled."""

    @pytest.fixture
    def folder(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        (tmp_path / "zaken.csv").write_text(
            "id,category,start\nZ-1,1.2,2015-01-31\nZ-2,9.9,2015-01-31\n", encoding="utf-8"
        )
        (tmp_path / "sub").mkdir()
        (tmp_path / "link.csv").symlink_to(tmp_path / "zaken.csv")
        (tmp_path / "hard.csv").hardlink_to(tmp_path / "zaken.csv")
        monkeypatch.chdir(tmp_path)
        return tmp_path

    @pytest.mark.parametrize(
        ("records", "output"),
        [
            ("zaken.csv", "zaken.csv"),
            ("zaken.csv", "sub/../zaken.csv"),
            ("link.csv", "zaken.csv"),
            ("zaken.csv", "link.csv"),
            ("zaken.csv", "hard.csv"),
            ("zaken.csv", "zaken"),  # its sibling, zaken-niet-te-bepalen, is another file
        ],
    )
    def test_due(self, folder: Path, records: str, output: str) -> None:
        """due -o onto the records: one error line, exit 1, the records untouched."""
        before = (folder / "zaken.csv").read_bytes()
        arguments = ["due", "voorbeeld@2.1", "--records", records, "--on", "2030-01-01"]
        result = CliRunner().invoke(main, [*arguments, "-o", output])
        if output == "zaken":  # no suffix: a usage error, before anything is read
            assert result.exit_code == 2
        else:
            assert result.exit_code == 1, result.output
            assert result.stderr == (
                f"error: {output} is the records file {records} itself: writing there would"
                " destroy the records; choose another output\n"
            )
        assert (folder / "zaken.csv").read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == [
            "hard.csv", "link.csv", "sub", "zaken.csv"
        ]  # fmt: skip

    def test_sibling_is_the_records(self, folder: Path) -> None:
        """The list beside the output (OUT-niet-te-bepalen) may not be the records either."""
        (folder / "zaken.csv").rename(folder / "lijst-niet-te-bepalen.csv")
        before = (folder / "lijst-niet-te-bepalen.csv").read_bytes()
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", "lijst-niet-te-bepalen.csv",
             "--on", "2030-01-01", "-o", "lijst.csv"],
        )  # fmt: skip
        assert result.exit_code == 1
        assert "lijst-niet-te-bepalen.csv is the records file" in result.stderr
        assert (folder / "lijst-niet-te-bepalen.csv").read_bytes() == before
        assert not (folder / "lijst.csv").exists()

    def test_impact_onto_its_parquet(self, tmp_path: Path) -> None:
        """impact -o onto its Parquet input, from Python: OverwritesInput, the file unchanged."""
        from selectielijst.errors import OverwritesInput  # noqa: PLC0415  # only here
        from selectielijst.holdings import impact_to_files  # noqa: PLC0415  # likewise

        rows = [("a", "1.2", datetime.date(2015, 1, 31), None)]
        pyarrow.parquet.write_table(records_table(rows), tmp_path / "zaken.parquet")
        before = (tmp_path / "zaken.parquet").read_bytes()
        versions = load("voorbeeld", "1.0"), load("voorbeeld", "2.0")
        with pytest.raises(OverwritesInput):
            impact_to_files(*versions, tmp_path / "zaken.parquet", tmp_path / "zaken.parquet")
        (tmp_path / "zaken.parquet").rename(tmp_path / "e-samenvatting.parquet")
        records = tmp_path / "e-samenvatting.parquet"
        with pytest.raises(OverwritesInput):  # the summary beside the output, likewise
            impact_to_files(*versions, records, tmp_path / "e.parquet")
        assert (tmp_path / "e-samenvatting.parquet").read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["e-samenvatting.parquet"]


class TestBothOrNeither:
    """A pair of outputs is checked whole before any work: nothing written when one cannot be."""

    @pytest.mark.parametrize("folder_name", ["lijst.csv", "lijst-niet-te-bepalen.csv"])
    def test_a_folder_for_either(self, tmp_path: Path, folder_name: str) -> None:
        """Main output or its sibling a folder: an error naming it, and no file written."""
        records = tmp_path / "zaken.csv"
        records.write_text("id,category,start\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
        (tmp_path / folder_name).mkdir()
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(records), "--on", "2030-01-01",
             "-o", str(tmp_path / "lijst.csv")],
        )  # fmt: skip
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: cannot write {tmp_path / folder_name}: it is a folder, not a file\n"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == [folder_name, "zaken.csv"]
        assert not any((tmp_path / folder_name).iterdir())


class TestRecordsWorkbook:
    """The destruction list as a workbook to hand a manager: words, dates, order, a summary."""

    RECORDS = (
        "Zaaknummer,Klasse,Einddatum,Titel,Zaaktype\n"
        "Z-1,1.2,31-01-2015,Subsidie sportclub,Subsidie\n"
        "Z-2,1.1,2015-01-31,Begroting 2015,Begroting\n"
        "Z-3,1.2,2015-01-31,Subsidie muziekschool,Subsidie\n"
        "Z-4,9.9,2015-01-31,Onbekend,Anders\n"
    )
    COLUMNS = "id=Zaaknummer,category=Klasse,start=Einddatum"

    def run(self, tmp_path: Path, *extra: str) -> Any:
        """Run due -o lijst.xlsx on the records; the workbook, opened."""
        import openpyxl  # noqa: PLC0415  # reading what a manager opens

        (tmp_path / "zaken.csv").write_text(self.RECORDS, encoding="utf-8")
        output = tmp_path / "lijst.xlsx"
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(tmp_path / "zaken.csv"),
             "--on", "2030-01-01", "--columns", self.COLUMNS, "-o", str(output), "--lang", "nl",
             *extra],
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        return openpyxl.load_workbook(output)

    def test_summary_words_dates_and_layout(self, tmp_path: Path) -> None:
        """A summary sheet of numbers; headers in words; dates as dates; frozen; a filter."""
        workbook = self.run(tmp_path)
        summary, rows = workbook.worksheets
        assert summary.title == "Samenvatting"
        counts = {row[0].value: row[1].value for row in summary.iter_rows(min_row=2)}
        assert counts == {"vernietigen": 2, "nog niet": 0, "blijvend bewaren": 1,
                          "overbrengen": 0, "niet te bepalen": 1}  # fmt: skip
        header = [cell.value for cell in rows[1]]
        assert header == ["Zaak", "Categorie", "Omschrijving", "Waardering", "Actie",
                          "Vernietigen vanaf", "Titel", "Zaaktype"]  # fmt: skip
        first = [cell.value for cell in rows[2]]
        assert first[0] == "Z-1"
        assert first[5] == datetime.datetime(2022, 1, 31)  # noqa: DTZ001  # a date cell, no zone
        assert rows.cell(2, 6).number_format == "dd-mm-yyyy"
        assert first[6:] == ["Subsidie sportclub", "Subsidie"]
        assert rows.freeze_panes == "A2"
        assert rows.auto_filter.ref is not None

    def test_english_and_kept_columns(self, tmp_path: Path) -> None:
        """--lang en words the headers in English; --keep chooses the records' columns."""
        workbook = self.run(tmp_path, "--lang", "en", "--keep", "Zaaktype")
        summary, rows = workbook.worksheets
        assert summary.title == "Summary"
        assert {row[0].value for row in summary.iter_rows(min_row=2)} >= {"destroy"}
        assert [cell.value for cell in rows[1]][-2:] == ["Destroy from", "Zaaktype"]
        assert rows.cell(2, 5).value == "destroy"  # the action in the reader's language too

    def test_a_misspelt_column_to_keep(self, tmp_path: Path) -> None:
        """--keep naming a column the records do not have: an error naming it, nothing written."""
        (tmp_path / "zaken.csv").write_text(self.RECORDS, encoding="utf-8")
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(tmp_path / "zaken.csv"),
             "--on", "2030-01-01", "--columns", self.COLUMNS, "--keep", "Zaaktyp",
             "-o", str(tmp_path / "lijst.xlsx")],
        )  # fmt: skip
        assert result.exit_code == 1
        assert "has no column 'Zaaktyp' to keep" in result.stderr
        assert not (tmp_path / "lijst.xlsx").exists()

    def test_grouped_in_number_order_and_continued(self, tmp_path: Path) -> None:
        """Rows by category in number order (2.9 before 2.10); past a sheet's end on the next."""
        import openpyxl  # noqa: PLC0415  # reading it back

        from selectielijst._holdings._workbook import write_records_workbook  # noqa: PLC0415

        table = pyarrow.table({
            "id": ["a", "b", "c", "d", "e"],
            "categorie": ["2.10", "2.9", "10.1", "2.10", None],
            "vernietigen_vanaf": [datetime.date(2020, 1, 1)] * 5,
        })  # fmt: skip
        path = tmp_path / "lijst.xlsx"
        assert write_records_workbook(path, table, title="vernietigen", rows_per_sheet=3) == 5
        sheets = openpyxl.load_workbook(path).worksheets
        assert [sheet.title for sheet in sheets] == ["vernietigen", "vernietigen (2)"]
        ids = [row[0].value for sheet in sheets for row in sheet.iter_rows(min_row=2)]
        assert ids == ["b", "a", "d", "c", "e"]  # 2.9, 2.10 (records' order), 10.1, none last

    @pytest.mark.slow
    def test_past_excels_last_row(self, tmp_path: Path) -> None:
        """More rows than a sheet holds go on in a second sheet, and every one reads back."""
        import openpyxl  # noqa: PLC0415  # reading it back

        from selectielijst._holdings._workbook import EXCEL_ROWS, write_records_workbook  # noqa: PLC0415

        count = EXCEL_ROWS + 1_000  # more than the 1,048,575 rows under a header
        table = pyarrow.table({
            "id": pyarrow.array([f"z{n}" for n in range(count)]),
            "categorie": pyarrow.array(["1.2"] * count),
        })  # fmt: skip
        path = tmp_path / "groot.xlsx"
        assert write_records_workbook(path, table, title="vernietigen") == count
        workbook = openpyxl.load_workbook(path, read_only=True)
        sizes = [sum(1 for _ in sheet.iter_rows(min_row=2)) for sheet in workbook.worksheets]
        assert sizes == [EXCEL_ROWS - 1, count - (EXCEL_ROWS - 1)]


class TestArgumentsAtTheBoundary:
    """due() takes its date as ISO text too, and says what it takes when given something else."""

    def test_on_as_text(self) -> None:
        records = records_table([("a", "1.2", datetime.date(2015, 1, 31), None)])
        lijst = load("voorbeeld", "2.1")
        assert due(lijst, records, on="2030-01-01").counts == (
            due(lijst, records, on=datetime.date(2030, 1, 1)).counts
        )
        with pytest.raises(
            TypeError, match=r"on is a datetime\.date or an ISO date as text; got int"
        ):
            due(lijst, records, on=20300101)  # type: ignore[arg-type]


class TestTimeZones:
    """A timestamp with a time zone is its day in the Netherlands, whatever the machine's zone."""

    SCRIPT = """
import datetime, pyarrow as pa
from selectielijst import load
from selectielijst.holdings import due
moments = [datetime.datetime(2024, 1, 31, 23, 30, tzinfo=datetime.UTC),
           datetime.datetime(2024, 1, 31, 22, 30, tzinfo=datetime.UTC)]
table = pa.table({"id": ["laat", "vroeg"], "category": ["1.2", "1.2"],
                  "start": pa.array(moments, type=pa.timestamp("us", tz="UTC")),
                  "naive": pa.array([datetime.datetime(2024, 1, 31, 23, 30)] * 2)})
for start in ("start", "naive"):
    result = due(load("voorbeeld", "2.1"), table, on=datetime.date(2040, 1, 1),
                 columns={"start": start})
    print(start, [str(row["vernietigen_vanaf"]) for row in result.due.to_pylist()])
"""

    @pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/New_York"])
    def test_the_machine_zone_plays_no_part(self, zone: str) -> None:
        """23:30 UTC on 31 January is 1 February in Amsterdam; 22:30 UTC is still 31 January."""
        import os  # noqa: PLC0415  # only here
        import subprocess  # noqa: PLC0415  # only here
        import sys  # noqa: PLC0415  # only here

        run = subprocess.run(  # noqa: S603  # our own interpreter and script
            [sys.executable, "-c", self.SCRIPT],
            capture_output=True, text=True, check=True, env={**os.environ, "TZ": zone},
        )  # fmt: skip
        assert run.stdout.splitlines() == [
            "start ['2031-02-01', '2031-01-31']",
            "naive ['2031-01-31', '2031-01-31']",  # a timestamp without a zone: as written
        ]


class TestBounds:
    """A list's sheet and a records workbook have bounds of their own."""

    def test_records_workbooks_are_not_lists(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With lists bounded at 10 rows, a records workbook of 30 is read whole; a list is not."""
        import openpyxl  # noqa: PLC0415  # only here

        monkeypatch.setenv("SELECTIELIJST_MAX_ROWS", "10")
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(["id", "category", "start"])
        for n in range(30):
            sheet.append([f"Z-{n}", "1.2", "2015-01-31"])
        path = tmp_path / "zaken.xlsx"
        workbook.save(path)
        result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        assert result.due.num_rows == 30
        from selectielijst import import_table  # noqa: PLC0415  # only here
        from selectielijst.io import Columns, TableOptions  # noqa: PLC0415  # only here
        from selectielijst.model import Status, VersionInfo  # noqa: PLC0415  # only here

        columns = Columns(number="id", name="category", valuation="start")
        options = TableOptions("proef", "Proef", VersionInfo("1", Status.CONCEPT), columns)
        with pytest.raises(DocumentErrors) as caught:
            import_table(path, options)
        assert "has more than 10 rows" in str(caught.value.problems[0])


_RAGGED = [
    ":2: has 1 field(s) on this line where its header has 3 (a records file has no comment",
    ":2: has 3 field(s) on this line where its header has 1",
    ":2: has 4 field(s) on this line where its header has 3",
    ":32: has 2 field(s) on this line where its header has 3",
]
"""A comment line, a title line, a field too many, and a short row further down."""


class TestRecordsFilesThatCannotBeRead:
    """An empty records file, or one that is no UTF-8, is said to be so, not in DuckDB's words."""

    @pytest.mark.parametrize(
        ("content", "says"),
        [
            (b"", "is empty: its first row names the columns"),
            (b"id,category,start\nZ\xe9,1.2,2015-01-31\n", ":2: is not UTF-8 text (byte 0xe9)"),
            (b"id,category,start\n# uit het zaaksysteem\nZ-1,1.2,2015-01-31\n", _RAGGED[0]),
            (b"Zaken 2026\nid,category,start\nZ-1,1.2,2015-01-31\n", _RAGGED[1]),
            (b"id,category,start\nZ-1,1.2,2015-01-31,over\n", _RAGGED[2]),
            (b"id,category,start\n" + b"Z,1.2,2015-01-31\n" * 30 + b"Z-31,1.2\n", _RAGGED[3]),
        ],
    )
    def test_said_plainly(self, tmp_path: Path, content: bytes, says: str) -> None:
        """One line naming the file and what is wrong; exit 1."""
        path = tmp_path / "zaken.csv"
        path.write_bytes(content)
        result = CliRunner().invoke(
            main,
            ["due", "voorbeeld@2.1", "--records", str(path), "--on", "2030-01-01", "--lang", "en"],
        )
        assert result.exit_code == 1
        assert f"error: {path}{says}" in result.stderr or f"error: {path}: {says}" in result.stderr


def test_blank_lines_are_no_records(tmp_path: Path) -> None:
    """A blank line, near the top or further down, is skipped, not refused as a short row."""
    path = tmp_path / "zaken.csv"
    path.write_text("id,category,start\n\nZ-1,1.2,2015-01-31\n\n" + "Z,1.1,2015-01-31\n" * 30)
    result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
    assert sum(result.counts.values()) == 31


def test_no_comment_lines(tmp_path: Path) -> None:
    """An id that begins with ``#`` is a record like any other; DuckDB would guess it a comment."""
    path = tmp_path / "zaken.csv"
    path.write_text("id,category,start\nZ-1,1.2,2015-01-31\n#Z-2,1.2,2015-01-31\n")
    result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
    assert result.due.column("id").to_pylist() == ["Z-1", "#Z-2"]


def test_a_role_column_named_twice_far_from_its_first(tmp_path: Path) -> None:
    """Named twice anywhere in the header, not only where DuckDB would rename it ``start_1``."""
    path = tmp_path / "zaken.csv"
    path.write_text("start_1,id,category,start,start\nx,Z-1,1.2,2015-01-31,2016-01-31\n")
    with pytest.raises(DocumentErrors) as refused:
        due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
    assert "has two columns named 'start'" in str(refused.value.problems[0])


class TestAWideFile:
    """A records file of 20,000 columns is read as if it had only those the roles and keep name."""

    @pytest.fixture
    def wide(self, tmp_path: Path) -> Path:
        others = [f"veld{n}" for n in range(20_000)]
        path = tmp_path / "zaken.csv"
        with path.open("w", encoding="utf-8") as stream:
            stream.write(",".join(["id", "category", *others, "start"]) + "\n")
            for n in range(3):
                stream.write(",".join([f"Z-{n}", "1.2", *("x" * len(others)), "2015-01-31"]))
                stream.write("\n")
        return path

    def test_only_the_columns_used_are_read(self, wide: Path) -> None:
        """The engine's view of the records holds the columns asked for, not 20,003."""
        from selectielijst._holdings._engines import DuckDBEngine  # noqa: PLC0415  # only here

        engine = DuckDBEngine()
        assert len(engine.columns(wide)) == 20_003
        engine.load(["start", "id"])
        assert engine.rows("SELECT * FROM source") == [
            (f"Z-{n}", "2015-01-31")[::-1] for n in range(3)
        ]

    def test_due_and_a_missing_column(self, wide: Path) -> None:
        """The due rows, and an error that names 40 columns and counts the rest."""
        result = due(load("voorbeeld", "2.1"), wide, on=datetime.date(2030, 1, 1))
        assert result.due.column("id").to_pylist() == ["Z-0", "Z-1", "Z-2"]
        with pytest.raises(DocumentErrors) as refused:
            due(
                load("voorbeeld", "2.1"),
                wide,
                on=datetime.date(2030, 1, 1),
                columns={"start": "Einddatum"},
            )
        said = str(refused.value.problems[0])
        assert said.endswith(" and 19,963 more")
        assert said.count(", ") == 39


class TestRowsToATerminal:
    """Rows printed to a terminal show control characters; piped, they are the bytes as written."""

    RECORDS = b"id,category,start\nZ\x1b[31mrood,1.2,2015-01-31\n"

    def test_piped_rows_are_exact(self, tmp_path: Path) -> None:
        """Piped into a program, the id keeps its ESC: no character of a record is lost."""
        path = tmp_path / "zaken.csv"
        path.write_bytes(self.RECORDS)
        result = CliRunner().invoke(
            main, ["due", "voorbeeld@2.1", "--records", str(path), "--on", "2030-01-01"]
        )
        assert result.exit_code == 0, result.output
        assert b"Z\x1b[31mrood,1.2," in result.stdout_bytes

    def test_a_terminal_sees_no_escape(self, tmp_path: Path) -> None:
        """To a terminal, ESC is shown as \\u001b, not obeyed."""
        import sys  # noqa: PLC0415  # only here

        from conftest import on_a_terminal  # noqa: PLC0415  # only here

        path = tmp_path / "zaken.csv"
        path.write_bytes(self.RECORDS)
        command = [sys.executable, "-m", "selectielijst", "due", "voorbeeld@2.1",
                   "--records", str(path), "--on", "2030-01-01"]  # fmt: skip
        returncode, seen = on_a_terminal(command, "stdout")
        assert returncode == 0
        assert b"Z\\u001b[31mrood" in seen
        assert b"\x1b[31m" not in seen


class TestOrderAtSize:
    """The rows come in the records' order at every size, run after run."""

    def test_half_a_million_records(self, tmp_path: Path) -> None:
        """Past DuckDB's parallel row groups (122,880 rows), due and impact keep the order."""
        import pyarrow.csv  # noqa: PLC0415  # only here

        count = 500_000
        numbers = ["1.2", "2.2", "1.1", "3.3"]
        table = pyarrow.table(
            {
                "id": [f"Z{n:07d}" for n in range(count)][::-1],  # descending: no accident
                "category": [numbers[n % 4] for n in range(count)],
                "start": [datetime.date(2000 + n % 20, 1, 31) for n in range(count)],
            }
        )
        path = tmp_path / "zaken.csv"
        pyarrow.csv.write_csv(table, path)
        order = {record_id: n for n, record_id in enumerate(table.column("id").to_pylist())}
        result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2040, 1, 1))
        for rows in (result.due, result.transfer, result.undetermined):
            assert rows is not None
            places = [order[record_id] for record_id in rows.column("id").to_pylist()]
            assert places == sorted(places)
        effects = impact(load("voorbeeld", "1.0"), load("voorbeeld", "2.1"), path)
        places = [order[record_id] for record_id in effects.records.column("id").to_pylist()]
        assert places == list(range(count))


class TestColumnNamedTwice:
    """A role's column named twice in a CSV file is refused, not read from the first."""

    def test_start_twice(self, tmp_path: Path) -> None:
        """Two columns 'start': one line saying so; no list."""
        path = tmp_path / "zaken.csv"
        path.write_text("id,category,start,start\nZ1,1.2,2015-01-31,2019-01-31\n", "utf-8")
        with pytest.raises(DocumentErrors) as caught:
            due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        (problem,) = caught.value.problems
        assert "has two columns named 'start'" in str(problem)

    def test_another_column_twice_is_kept(self, tmp_path: Path) -> None:
        """A column no role reads may be named twice: both go along."""
        path = tmp_path / "zaken.csv"
        path.write_text("id,category,start,Titel,Titel\nZ1,1.2,2015-01-31,a,b\n", "utf-8")
        result = due(load("voorbeeld", "2.1"), path, on=datetime.date(2030, 1, 1))
        (row,) = result.due.to_pylist()
        assert (row["Titel"], row["Titel_1"]) == ("a", "b")


class TestSpill:
    """DuckDB spills to a folder of the computation's own, and it goes when the work is done."""

    def test_no_folder_left(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """After due and impact, no spill folder stays behind, and none is made in ./.tmp."""
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
        monkeypatch.chdir(tmp_path)
        rows = records_table([("Z-1", "1.2", datetime.date(2015, 1, 31), None)])
        due(load("voorbeeld", "2.1"), rows, on=datetime.date(2030, 1, 1))
        impact(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"), rows)
        assert list(tmp_path.glob("selectielijst-duckdb-*")) == []
        assert not (tmp_path / ".tmp").exists()
