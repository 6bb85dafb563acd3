"""Records judged by their category's process term (*procestermijn*), as Open Zaak judges them.

The date a term runs from, the *brondatum*, is derived in the ZGW standard in
one of nine ways (*afleidingswijzen*). Each test below states one with dates of
our own and the date Open Zaak gives it: the brondatum, then the retention
term (*archiefactietermijn*) added to it, each as ``relativedelta`` adds.
"""

from __future__ import annotations

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_holdings import awkward_days, drawn_records, expected, records_table, some_days

from selectielijst import Category, Duration, Section, SelectionList, Status, Term, Valuation
from selectielijst import retention as retention_of
from selectielijst.holdings import due, impact
from selectielijst.lookup import Outcome
from selectielijst.model import ProcessKind, ProcessTerm, VersionInfo
from strategies import process_terms

_FROM_EVENT = (
    ProcessKind.OBJECT_LIFETIME,
    ProcessKind.ESTIMATED_LIFETIME,
    ProcessKind.FIXED_DATE,
)


def _list(*terms: Term, label: str = "1") -> SelectionList:
    """A list of one section, a category ``1.N`` for each term."""
    categories = tuple(
        Category(f"c{index}", f"1.{index}", f"Resultaat {index}", Valuation.destroy(term))
        for index, term in enumerate(terms, start=1)
    )
    return SelectionList(
        "proef",
        "Proeflijst (fictief voorbeeld)",
        VersionInfo(label, Status.VASTGESTELD),
        sections=(Section("s", "Processen", number="1", categories=categories),),
    )


def _open_zaak(brondatum: datetime.date, archiefactietermijn: relativedelta) -> datetime.date:
    """The archiefactiedatum as Open Zaak computes it from the brondatum it derived."""
    archiefactiedatum: datetime.date = brondatum + archiefactietermijn
    return archiefactiedatum


def _relative(duration: Duration) -> relativedelta:
    return relativedelta(
        years=duration.years, months=duration.months, days=duration.weeks * 7 + duration.days
    )


def _destroy_from(term: Term, start: datetime.date, event: datetime.date | None = None) -> object:
    category = _list(term).category("1.1")
    answer = retention_of(category, start=start, event=event)
    return answer.destroy_from if answer.outcome is Outcome.DESTROY else answer.outcome


class TestAfleidingswijzen:
    """One test per way of deriving the brondatum, with dates of our own."""

    def test_afgehandeld(self) -> None:
        """afgehandeld: the case's end. Nihil, 'merged' and none given all run from it."""
        end = datetime.date(2021, 1, 31)
        want = _open_zaak(end, relativedelta(months=1))
        assert want == datetime.date(2021, 2, 28)
        for process in (None, ProcessTerm(ProcessKind.NIHIL), ProcessTerm(ProcessKind.MERGED)):
            assert _destroy_from(Term(Duration(months=1), process=process), end) == want

    def test_termijn(self) -> None:
        """termijn: the end plus the process term, then the retention term, in turn.

        From a leap day: one year to 28 February, then a month to 28 March.
        Summed first (a year and a month) it would be 29 March.
        """
        end = datetime.date(2020, 2, 29)
        want = _open_zaak(end + relativedelta(years=1), relativedelta(months=1))
        assert want == datetime.date(2021, 3, 28)
        assert end + relativedelta(years=1, months=1) == datetime.date(2021, 3, 29)
        process = ProcessTerm(ProcessKind.FIXED, Duration(years=1))
        assert _destroy_from(Term(Duration(months=1), process=process), end) == want

    @pytest.mark.parametrize(
        ("afleidingswijze", "kind", "dates"),
        [
            # hoofdzaak: the main case's end
            ("hoofdzaak", ProcessKind.FIXED_DATE, [datetime.date(2022, 8, 31)]),
            # gerelateerde_zaak: the latest end of the related cases
            (
                "gerelateerde_zaak",
                ProcessKind.OBJECT_LIFETIME,
                [datetime.date(2019, 5, 31), datetime.date(2023, 5, 31)],
            ),
            # ingangsdatum_besluit: the latest start of the case's decisions
            (
                "ingangsdatum_besluit",
                ProcessKind.OBJECT_LIFETIME,
                [datetime.date(2024, 2, 29), datetime.date(2020, 1, 1)],
            ),
            # vervaldatum_besluit: the latest expiry of the case's decisions
            ("vervaldatum_besluit", ProcessKind.OBJECT_LIFETIME, [datetime.date(2030, 12, 31)]),
            # eigenschap: a date the case holds as a property
            ("eigenschap", ProcessKind.FIXED_DATE, [datetime.date(2025, 10, 31)]),
            # zaakobject: the latest date of the case's objects (a permit's expiry)
            (
                "zaakobject",
                ProcessKind.ESTIMATED_LIFETIME,
                [datetime.date(2041, 1, 31), datetime.date(2039, 6, 30)],
            ),
            # ander_datumkenmerk: a date kept elsewhere, looked up by hand
            ("ander_datumkenmerk", ProcessKind.FIXED_DATE, [datetime.date(2026, 3, 31)]),
        ],
    )
    def test_from_a_date_of_the_process(
        self, afleidingswijze: str, kind: ProcessKind, dates: list[datetime.date]
    ) -> None:
        """The brondatum is a date of the process object: the record's event, the latest if many.

        Without it the answer says what it needs; the case's end does not stand in.
        """
        end = datetime.date(2020, 6, 30)
        brondatum = max(dates)  # the caller takes the latest, as Open Zaak does
        term = Term(Duration(years=5, months=1), process=ProcessTerm(kind))
        want = _open_zaak(brondatum, relativedelta(years=5, months=1))
        assert _destroy_from(term, end, brondatum) == want, afleidingswijze
        answer = retention_of(_list(term).category("1.1"), start=end)
        assert answer.outcome is Outcome.NOT_COMPUTABLE
        assert "brondatum" in str(answer.needs)

    def test_direct_is_the_brondatum(self) -> None:
        """'Direct' (P0D) destroys on the brondatum; Open Zaak sets no date (relativedelta() is
        falsy), so its cases would never come up: the list says 'terstond', and we follow it."""
        end = datetime.date(2023, 7, 31)
        assert not relativedelta()
        assert _destroy_from(Term(Duration(), process=ProcessTerm(ProcessKind.NIHIL)), end) == end
        assert _destroy_from(Term(process=ProcessTerm(ProcessKind.NIHIL)), end) == end


# The terms of a process term as Open Zaak adds them: years and months, then days.
_lengths = st.builds(
    Duration,
    years=st.integers(0, 30),
    months=st.integers(0, 24),
    weeks=st.integers(0, 10),
    days=st.integers(0, 60),
)


class TestFixedTermRule:
    """A fixed process term and the retention term are added in turn, as relativedelta adds."""

    @given(start=some_days, process=_lengths, term=_lengths)
    def test_retention_is_relativedelta_in_turn(
        self, start: datetime.date, process: Duration, term: Duration
    ) -> None:
        """At month ends and leap days too: never the two terms summed first."""
        want = start + _relative(process) + _relative(term)
        got = _destroy_from(Term(term, process=ProcessTerm(ProcessKind.FIXED, process)), start)
        assert got == want

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=25)
    @given(starts=st.lists(awkward_days | some_days, min_size=1, max_size=20), data=st.data())
    def test_due_is_relativedelta_in_turn(
        self, starts: list[datetime.date], data: st.DataObject
    ) -> None:
        """DuckDB's dates for a fixed process term are relativedelta's, record for record."""
        process, term = data.draw(_lengths), data.draw(_lengths)
        selection_list = _list(Term(term, process=ProcessTerm(ProcessKind.FIXED, process)))
        rows = [(f"r{i}", "1.1", start, None) for i, start in enumerate(starts)]
        result = due(selection_list, records_table(rows), on=datetime.date(9999, 12, 31))
        found = {row["id"]: row["vernietigen_vanaf"] for row in result.due.to_pylist()}
        for record_id, _, start, _ in rows:
            assert start is not None
            want = start + _relative(process) + _relative(term)
            if want.year <= 9999:
                assert found[record_id] == want


class TestDueAgreesPerKind:
    """due() says of each record what retention() says, for every kind of process term."""

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
    @given(
        processes=st.lists(process_terms, min_size=1, max_size=6),
        lengths=st.lists(st.none() | _lengths, min_size=6, max_size=6),
        data=st.data(),
        on=some_days,
    )
    def test_every_record(
        self,
        processes: list[ProcessTerm],
        lengths: list[Duration | None],
        data: st.DataObject,
        on: datetime.date,
    ) -> None:
        """Nihil, fixed, named kinds, merged; with and without a length; dates given or not."""
        terms = [
            Term(length, process=process)
            for process, length in zip(processes, lengths, strict=False)
        ]
        selection_list = _list(*terms)
        numbers = [category.number for _, category in selection_list.categories()]
        rows = drawn_records(data, numbers, 30)
        result = due(selection_list, records_table(rows), on=on)
        found = (
            {row["id"]: row["vernietigen_vanaf"] for row in result.due.to_pylist()},
            {row["id"]: row["reden"] for row in result.undetermined.to_pylist()},
        )
        assert found == expected(selection_list, rows, on)

    def test_named_kinds_ask_for_the_date(self) -> None:
        """A record under a named kind without its event is apart, and the reason says why."""
        selection_list = _list(Term(Duration(years=1), process=ProcessTerm(_FROM_EVENT[0])))
        rows = [("z1", "1.1", datetime.date(2000, 1, 1), None)]
        result = due(selection_list, records_table(rows), on=datetime.date(2030, 1, 1))
        (reason,) = [row["reden"] for row in result.undetermined.to_pylist()]
        assert "brondatum" in reason
        assert "procesobject" in reason


class TestImpact:
    """A new version that changes a process term moves the records' dates."""

    def test_shorter_process_term_is_earlier(self) -> None:
        """Five years of process term become two: the record may be destroyed three years sooner."""
        old = _list(Term(Duration(years=10), process=ProcessTerm.parse("P5Y")), label="1")
        new = _list(Term(Duration(years=10), process=ProcessTerm.parse("P2Y")), label="2")
        rows = [("z1", "1.1", datetime.date(2010, 3, 31), None)]
        result = impact(old, new, records_table(rows))
        (row,) = result.records.to_pylist()
        assert row["oude_datum"] == datetime.date(2025, 3, 31)
        assert row["nieuwe_datum"] == datetime.date(2022, 3, 31)
        assert row["effect"] == "eerder"
