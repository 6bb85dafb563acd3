"""Tests of Duration and Term."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selectielijst import Duration, Term
from selectielijst.errors import InvalidDuration, InvalidRecord
from selectielijst.model import Comparison
from strategies import durations

_OPPOSITE = {
    Comparison.SHORTER: Comparison.LONGER,
    Comparison.LONGER: Comparison.SHORTER,
    Comparison.EQUAL: Comparison.EQUAL,
    Comparison.INCOMPARABLE: Comparison.INCOMPARABLE,
}


class TestParse:
    """Reading ISO 8601 durations."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("P10Y", Duration(years=10)),
            ("P6W", Duration(weeks=6)),
            ("P1Y6M", Duration(years=1, months=6)),
            ("P3M10D", Duration(months=3, days=10)),
            ("P0D", Duration()),
        ],
    )
    def test_reads_units_apart(self, text: str, expected: Duration) -> None:
        """Each unit keeps its own field."""
        assert Duration.parse(text) == expected

    @pytest.mark.parametrize(
        "text", ["", "P", "10 jaar", "P10", "PT1H", "P1.5Y", "p10y", "P10Y ", "P99999Y"]
    )
    def test_refuses_what_is_not_a_duration(self, text: str) -> None:
        """Anything else is an InvalidDuration that quotes the text."""
        with pytest.raises(InvalidDuration, match="ISO 8601"):
            Duration.parse(text)

    def test_refuses_non_text(self) -> None:
        """A number is not a duration either."""
        with pytest.raises(InvalidDuration, match="written as text"):
            Duration.parse(10)  # type: ignore[arg-type]  # the wrong type is what is tested

    def test_refuses_negative_components(self) -> None:
        """A negative term makes no sense."""
        with pytest.raises(InvalidDuration, match="between 0 and"):
            Duration(years=-1)

    @given(durations)
    def test_iso_round_trip(self, duration: Duration) -> None:
        """Printing and reading again gives the same duration."""
        assert Duration.parse(duration.isoformat()) == duration


class TestCompare:
    """Comparing durations only where the answer is exact."""

    @pytest.mark.parametrize(
        ("left", "right", "expected"),
        [
            ("P10Y", "P7Y", Comparison.LONGER),
            ("P1Y", "P12M", Comparison.EQUAL),
            ("P2W", "P14D", Comparison.EQUAL),
            ("P6W", "P1M", Comparison.LONGER),
            ("P4W", "P1M", Comparison.INCOMPARABLE),
            ("P1M", "P30D", Comparison.INCOMPARABLE),
            ("P1Y", "P52W", Comparison.LONGER),
            ("P5Y", "P10Y", Comparison.SHORTER),
        ],
    )
    def test_examples(self, left: str, right: str, expected: Comparison) -> None:
        """Known pairs compare as a calendar says."""
        assert Duration.parse(left).compare(Duration.parse(right)) is expected

    @given(durations, durations)
    def test_antisymmetric(self, a: Duration, b: Duration) -> None:
        """Swapping the two swaps shorter and longer."""
        assert b.compare(a) is _OPPOSITE[a.compare(b)]

    @given(durations, durations)
    def test_adding_never_shortens(self, a: Duration, b: Duration) -> None:
        """A duration plus another is never shorter than the first."""
        assert (a + b).compare(a) in {Comparison.LONGER, Comparison.EQUAL}

    @given(durations)
    def test_equal_to_itself(self, a: Duration) -> None:
        """Every duration equals itself."""
        assert a.compare(a) is Comparison.EQUAL


class TestWords:
    """Durations and terms in Dutch words."""

    def test_dutch_units(self) -> None:
        """Singular and plural units, joined with 'en'."""
        assert str(Duration(years=1, months=6)) == "1 jaar en 6 maanden"
        assert str(Duration(weeks=1, days=2)) == "1 week en 2 dagen"

    def test_term_with_trigger(self) -> None:
        """A trigger follows the duration."""
        assert str(Term(Duration(years=5), "na rapportage")) == "5 jaar na rapportage"

    def test_term_needs_something(self) -> None:
        """A term without duration and trigger is refused."""
        with pytest.raises(InvalidRecord, match="duration, a trigger"):
            Term()

    @given(st.text(" \t", min_size=1))
    def test_blank_trigger_refused(self, blank: str) -> None:
        """A trigger of only spaces says nothing and is refused."""
        with pytest.raises(InvalidRecord, match="blank"):
            Term(Duration(years=1), blank)
