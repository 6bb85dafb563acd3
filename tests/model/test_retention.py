"""Tests of retention arithmetic."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selectielijst import Category, Duration, Term, Valuation, load, retention
from selectielijst.errors import DocumentErrors
from selectielijst.lookup import Outcome, add_duration
from selectielijst.model import CategoryStatus, Comparison, KeepPart
from selectielijst.rendering import Language

days = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31))
terms = st.builds(
    Duration,
    years=st.integers(0, 100),
    months=st.integers(0, 36),
    weeks=st.integers(0, 104),
    days=st.integers(0, 400),
)
START = datetime.date(2024, 1, 31)


def category(
    valuation: Valuation | None,
    *,
    status: CategoryStatus = CategoryStatus.ACTIVE,
    successors: tuple[str, ...] = (),
) -> Category:
    """A category with *valuation*, active or withdrawn."""
    return Category("x", "1", "Iets", valuation, status=status, successors=successors)


class TestCalendar:
    """Adding terms to dates."""

    @pytest.mark.parametrize(
        ("day", "term", "expected"),
        [
            (datetime.date(2024, 1, 31), "P1M", datetime.date(2024, 2, 29)),
            (datetime.date(2023, 1, 31), "P1M", datetime.date(2023, 2, 28)),
            (datetime.date(2024, 2, 29), "P1Y", datetime.date(2025, 2, 28)),
            (datetime.date(2024, 2, 29), "P4Y", datetime.date(2028, 2, 29)),
            (datetime.date(2024, 12, 31), "P2M", datetime.date(2025, 2, 28)),
            (datetime.date(2024, 3, 1), "P6W", datetime.date(2024, 4, 12)),
            (datetime.date(2024, 1, 31), "P1M1D", datetime.date(2024, 3, 1)),
            (datetime.date(2024, 5, 15), "P10Y", datetime.date(2034, 5, 15)),
        ],
    )
    def test_examples(self, day: datetime.date, term: str, expected: datetime.date) -> None:
        """End of month and leap days clip to the last day of the month reached."""
        assert add_duration(day, Duration.parse(term)) == expected

    def test_beyond_9999(self) -> None:
        """A date past the calendar's end is an error, not a wrong date."""
        with pytest.raises(OverflowError, match="beyond the year 9999"):
            add_duration(datetime.date(9990, 1, 1), Duration(years=20))

    @given(days, terms, terms)
    def test_longer_term_never_earlier(self, day: datetime.date, a: Duration, b: Duration) -> None:
        """A term that is surely longer never gives an earlier date."""
        assume(a.compare(b) is Comparison.LONGER)
        assert add_duration(day, a) >= add_duration(day, b)

    @given(days, terms)
    def test_never_before_start(self, day: datetime.date, term: Duration) -> None:
        """A term never ends before it starts."""
        assert add_duration(day, term) >= day

    @given(days, st.integers(0, 500), st.integers(0, 500))
    def test_days_add_up(self, day: datetime.date, a: int, b: int) -> None:
        """Weeks and days added in steps equal their sum."""
        first, second = Duration(days=a), Duration(weeks=b)
        assert add_duration(add_duration(day, first), second) == add_duration(day, first + second)

    @given(days.filter(lambda d: d.day <= 28), st.integers(0, 40), st.integers(0, 40))
    def test_months_add_up_before_the_29th(self, day: datetime.date, a: int, b: int) -> None:
        """Months added in steps equal their sum when no month end clips the day."""
        first, second = Duration(months=a), Duration(years=b // 12, months=b % 12)
        assert add_duration(add_duration(day, first), second) == add_duration(day, first + second)


class TestRetention:
    """When records may be destroyed."""

    def test_keep(self) -> None:
        """B: kept permanently."""
        assert retention(category(Valuation.keep(1)), start=START).outcome is Outcome.KEEP

    def test_destroy_after_term(self) -> None:
        """V with a term: from start plus term."""
        answer = retention(category(Valuation.destroy(Term(Duration(years=7)))), start=START)
        assert (answer.outcome, answer.destroy_from) == (
            Outcome.DESTROY,
            datetime.date(2031, 1, 31),
        )

    def test_event_needed(self) -> None:
        """A term from an event needs the event's date, and says so."""
        term = Term(Duration(years=10), "na uitdiensttreding")
        answer = retention(category(Valuation.destroy(term)), start=START)
        assert answer.outcome is Outcome.NOT_COMPUTABLE
        assert str(answer.needs) == (
            "the term runs from an event (na uitdiensttreding) and its date is not given"
        )
        assert str(answer) == (
            "niet te berekenen, want de termijn loopt vanaf een gebeurtenis"
            " (na uitdiensttreding) en de datum daarvan is niet gegeven"
        )
        with_event = retention(
            category(Valuation.destroy(term)), start=START, event=datetime.date(2025, 6, 30)
        )
        assert with_event.destroy_from == datetime.date(2035, 6, 30)

    def test_event_only(self) -> None:
        """A term that is only an event ends on the event."""
        answer = retention(
            category(Valuation.destroy(Term(None, "na vervanging"))), start=START, event=START
        )
        assert answer.destroy_from == START

    def test_kept_parts_are_named(self) -> None:
        """A V with a B part says which part is kept."""
        valuation = Valuation.destroy(Term(Duration(years=10)), KeepPart("eindproduct", (1,)))
        answer = retention(category(valuation), start=START)
        assert answer.keep_parts == (KeepPart("eindproduct", (1,)),)
        assert str(answer) == "vernietigen vanaf 31 januari 2034; blijvend bewaren: eindproduct"
        assert answer.say(Language.EN) == (
            "destroy from 31 January 2034; keep permanently: eindproduct"
        )

    def test_withdrawn(self) -> None:
        """A withdrawn category points to its successors."""
        withdrawn = category(None, status=CategoryStatus.WITHDRAWN, successors=("4.1",))
        answer = retention(withdrawn, start=START)
        assert answer.outcome is Outcome.NOT_COMPUTABLE
        assert "de stukken horen nu bij 4.1" in str(answer)

    def test_no_term(self) -> None:
        """A V without any term is not computable."""
        assert (
            retention(category(Valuation.destroy()), start=START).outcome is Outcome.NOT_COMPUTABLE
        )

    def test_example_list(self) -> None:
        """Every active category of the example list has an answer."""
        voorbeeld = load("voorbeeld", "2.1")
        outcomes = {c.number: retention(c, start=START).outcome for _, c in voorbeeld.categories()}
        assert outcomes["1.1"] is Outcome.KEEP
        assert outcomes["1.2"] is Outcome.DESTROY
        assert outcomes["2.1"] is Outcome.NOT_COMPUTABLE


class TestArgumentsAtTheBoundary:
    """retention() takes ISO dates as text, and says what it takes when given something else."""

    def test_iso_text(self) -> None:
        """A date as ISO text gives the same answer as the date."""
        category = load("voorbeeld", "2.1").category("1.2")
        assert retention(category, start="2024-01-31") == retention(
            category, start=datetime.date(2024, 1, 31)
        )
        event_based = load("voorbeeld", "2.1").category("2.1")
        assert retention(event_based, start="2024-01-31", event="2025-02-28").destroy_from == (
            retention(
                event_based, start=datetime.date(2024, 1, 31), event=datetime.date(2025, 2, 28)
            ).destroy_from
        )

    @pytest.mark.parametrize(
        ("start", "error", "says"),
        [
            (
                "31-01-2024",
                ValueError,
                "start is an ISO date such as '2024-01-31'; got '31-01-2024'",
            ),
            (20240131, TypeError, "start is a datetime.date or an ISO date as text; got int"),
        ],
    )
    def test_wrong_dates(self, start: object, error: type[Exception], says: str) -> None:
        """A date that is no date says what is taken, naming the argument."""
        category = load("voorbeeld", "2.1").category("1.2")
        with pytest.raises(error, match=re.escape(says)):
            retention(category, start=start)  # type: ignore[arg-type]

    def test_not_a_category(self) -> None:
        """A number where a category belongs is a TypeError saying how to get a category."""
        with pytest.raises(TypeError, match=r"category is a Category \(from SelectionList"):
            retention("1.2", start="2024-01-31")  # type: ignore[arg-type]


class TestTransfer:
    """Records kept permanently are due for transfer to an archive repository after a term."""

    def test_twenty_years_by_default(self) -> None:
        """A B category: transfer from the start plus 20 years (Archiefwet 1995)."""
        answer = retention(category(Valuation.keep(1)), start=datetime.date(2004, 2, 29))
        assert answer.outcome is Outcome.KEEP
        assert answer.transfer_from == datetime.date(2024, 2, 29)
        assert str(answer) == "blijvend bewaren; overbrengen vanaf 29 februari 2024"
        assert answer.say(Language.EN) == "keep permanently; transfer from 29 February 2024"

    def test_the_lists_own_term(self) -> None:
        """A list that transfers after 10 years: its term, month ends as add_duration has them."""
        selection_list = attrs.evolve(load("voorbeeld", "2.1"), transfer=Duration(years=10))
        answer = retention(
            selection_list.category("1.1"),
            start=datetime.date(2016, 2, 29),
            transfer=selection_list.transfer_term,
        )
        assert answer.transfer_from == datetime.date(2026, 2, 28)

    def test_destroyed_records_are_not_transferred(self) -> None:
        """A V category has no transfer date."""
        answer = retention(category(Valuation.destroy(Term(Duration(years=7)))), start=START)
        assert answer.transfer_from is None

    def test_beyond_the_calendar(self) -> None:
        """A start so late that the transfer day would pass the year 9999: kept, no day named."""
        answer = retention(category(Valuation.keep(1)), start=datetime.date(9990, 1, 1))
        assert (answer.outcome, answer.transfer_from) == (Outcome.KEEP, None)
        assert str(answer) == "blijvend bewaren"

    def test_kept_in_the_snapshot(self, tmp_path: Path) -> None:
        """A list's transfer term is written (as format 2) and read back; format 1 refuses it."""
        from selectielijst import read, write  # noqa: PLC0415  # the snapshot

        selection_list = attrs.evolve(load("voorbeeld", "2.1"), transfer=Duration(years=10))
        path = tmp_path / "list.yaml"
        write(selection_list, path)
        text = path.read_text(encoding="utf-8")
        assert "format: selectielijst/2" in text
        assert "\ntransfer: P10Y\n" in text
        assert read(path).transfer_term == Duration(years=10)
        path.write_text(text.replace("selectielijst/2", "selectielijst/1"), encoding="utf-8")
        with pytest.raises(DocumentErrors) as refused:
            read(path)
        said = [problem.problem for problem in refused.value.problems]
        assert said == [
            "'transfer' is new in selectielijst/2; write 'format: selectielijst/2' at the top"
        ]

    def test_on_the_command_line(self) -> None:
        """retention says when a B category's records are due for transfer."""
        from click.testing import CliRunner  # noqa: PLC0415  # as a user runs it

        from selectielijst._cli import main  # noqa: PLC0415  # likewise

        result = CliRunner().invoke(
            main, ["retention", "voorbeeld@2.1", "1.1", "--start", "2024-01-31", "--lang", "nl"]
        )
        assert result.exit_code == 0
        assert result.stdout.endswith("blijvend bewaren; overbrengen vanaf 31 januari 2044\n")
