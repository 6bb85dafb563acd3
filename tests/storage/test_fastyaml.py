"""Tests of the fast YAML reader: libyaml's events built into plain data, with the snapshot's rules.

The reference is ruamel (the position-tracking reader): on every text both
read, they give the same data; what the fast reader refuses, it refuses with
a line.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selectielijst._storage import _fastyaml, _ruamel

pytestmark = pytest.mark.skipif(not _fastyaml.AVAILABLE, reason="PyYAML has no C parser here")


class TestMeanings:
    """Scalars mean what YAML 1.2 says, as the reference reader has them."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("a: yes", {"a": "yes"}),  # YAML 1.1's booleans are text in 1.2
            ("a: No", {"a": "No"}),
            ("a: true", {"a": True}),
            ("a: 010", {"a": 10}),  # not octal
            ("a: 0o17", {"a": 15}),
            ("a: 0x1F", {"a": 31}),
            ("a: 1_000", {"a": 1000}),
            ("a: 1.5", {"a": 1.5}),
            ("a: 2024-01-31", {"a": "2024-01-31"}),  # a date stays its text
            ("a: 12:30:45", {"a": "12:30:45"}),  # no sexagesimal numbers
            ("a: ~", {"a": None}),
            ("a: [1, 6]", {"a": [1, 6]}),
            ("a: |-\n  Een.\n\n  Twee.", {"a": "Een.\n\nTwee."}),
        ],
    )
    def test_scalar(self, text: str, value: object) -> None:
        """Each scalar reads as its YAML 1.2 value, the reference reader's too."""
        assert _fastyaml.load(text) == value
        assert _ruamel.load(text).data == value


class TestRefusals:
    """What a snapshot never holds is refused, with the line it stands on."""

    @pytest.mark.parametrize(
        ("text", "says", "line"),
        [
            ("a: 1\nb: &x 2\nc: *x\n", "alias", 2),
            ("a: 1\nb: !!binary aGVsbG8=\n", "tag", 2),
            ("a: 1\n<<: {b: 2}\n", "merge", 2),
            ("a: 1\na: 2\n", "duplicate", 2),
            ("a: 1\n---\nb: 2\n", "second", 2),
            ("a: [1\nb: 2\n", "", 2),
        ],
    )
    def test_refused_at_its_line(self, text: str, says: str, line: int) -> None:
        """An alias, a tag, a merge key, a duplicate key, a second document, bad syntax."""
        with pytest.raises(_fastyaml.Refused) as caught:
            _fastyaml.load(text)
        assert says in str(caught.value).lower()
        assert caught.value.line is not None
        assert abs(caught.value.line - line) <= 1

    def test_nesting_beyond_the_bound(self) -> None:
        """Nesting deeper than the bound is refused, not a RecursionError."""
        depth = _fastyaml.MAX_DEPTH + 5
        with pytest.raises(_fastyaml.Refused):
            _fastyaml.load("a: " + "[" * depth + "]" * depth)

    def test_thousands_of_digits(self) -> None:
        """A number of thousands of digits is refused before Python tries to read it."""
        with pytest.raises(_fastyaml.Refused, match="thousands of digits"):
            _fastyaml.load("a: " + "9" * 5000)


class TestLines:
    """lines_of names the line of each place asked for, and of the places around it."""

    def test_paths(self) -> None:
        text = (
            "list: x\nsections:\n  - id: a\n    categories:\n      - number: '1'\n        name: N\n"
        )
        lines = _fastyaml.lines_of(text, ["$.sections[0].categories[0].name"])
        assert lines["$.sections[0].categories[0].name"] == 6
        assert lines["$.sections[0]"] == 3
        assert lines["$.sections"] == 2


keys = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
"""A snapshot's keys are the format's own names, never a user's text."""

plain = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)


class TestAgreesWithTheReference:
    """On any text the reference writer writes, both readers read the same data."""

    @given(st.dictionaries(keys, plain, min_size=1, max_size=4))
    def test_written_data(self, data: dict[str, object]) -> None:
        text = _ruamel.dump_reference(data)
        try:
            fast = _fastyaml.load(text)
        except _fastyaml.Refused:
            assume(False)  # e.g. a text the reference writes that libyaml will not read
            return
        assert fast == _ruamel.load(text).data == data
