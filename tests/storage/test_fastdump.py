"""Tests of the fast YAML writer: byte for byte what the reference writer (ruamel) writes."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selectielijst._storage import _fastdump, _ruamel, _yaml


def fast(document: Mapping[str, object]) -> str:
    return _fastdump.dump(document, _ruamel.ordered)


class TestByteForByte:
    """The fast writer lays a snapshot out exactly as the reference writer does."""

    @pytest.mark.parametrize(
        "text",
        [
            "gewoon",
            "yes",  # YAML 1.1's boolean, quoted
            "12:30",  # sexagesimal in YAML 1.1, quoted
            "2024-01-31",  # a date, quoted
            "010",
            "~",
            "- lijst",
            "a: b",
            "tekst # met hekje",
            "Een.\n\nTwee.",  # a literal block
            "regel\n",  # keep the final line break
            "  ingesprongen\nregel",
            "tab\tin één regel",
            "regel\vmet verticale tab",  # escapes: double quotes
            "'aanhalingstekens'",
            '"dubbele"',
            "",
        ],
    )
    def test_texts(self, text: str) -> None:
        """Each awkward text comes out as the reference writes it, and reads back as itself."""
        alone = {"list": "x", "title": text}
        assert fast(alone) == _ruamel.dump_reference(alone)
        in_a_list = {"list": "x", "notes": [text, "ander"]}  # several lines: the reference's
        written = _yaml.dump(in_a_list)
        assert written == _ruamel.dump_reference(in_a_list)
        assert _ruamel.load(written).data == in_a_list

    def test_key_order_and_flow_lists(self) -> None:
        """Known keys first in their order; lists of numbers in flow style."""
        written = fast({"name": "N", "number": "1", "criteria": [1, 6], "id": "a"})
        assert written == "id: a\nnumber: '1'\nname: N\ncriteria: [1, 6]\n"

    def test_an_unknown_shape_goes_to_the_reference(self) -> None:
        """A shape the fast writer does not lay out is written by the reference writer."""
        document = {"list": "x", "odd": [[1, 2], ["a list of lists"]]}
        with pytest.raises(ValueError):  # noqa: PT011  # the fast writer's own signal
            fast(document)
        assert _yaml.dump(document) == _ruamel.dump_reference(document)

    @given(
        st.dictionaries(
            st.sampled_from(["title", "name", "text", "notes", "id"]),
            st.text(max_size=40) | st.lists(st.text(max_size=20), max_size=3),
            min_size=1,
        )
    )
    def test_drawn_texts(self, document: dict[str, object]) -> None:
        """On drawn texts too, the front's writing agrees with the reference byte for byte."""
        assert _yaml.dump(document) == _ruamel.dump_reference(document)
