"""Tests of the fast YAML writer: byte for byte what the reference writer (ruamel) writes."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selectielijst._storage import _fastdump, _layout, _ruamel, _yaml


def fast(document: Mapping[str, object]) -> str:
    return _fastdump.dump(document, _layout.ordered)


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


TEXTS = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"), include_characters="\n\t"
    ),
    max_size=60,
)
"""Drawn texts: letters of any script, marks, digits, punctuation, symbols, spaces, breaks."""
AMBIGUOUS = st.sampled_from(
    [
        "yes",
        "No",
        "ON",
        "off",
        "Off",
        "1:20",
        "12:30:45",
        "-1:30",
        "190:20:30.15",
        "~",
        "null",
        "2024-01-31",
        "1_000",
        "0o17",
        "0x1F",
        ".5",
        "1e3",
        "=",
        "<<",
        "true",
        "y",
        "n",
        "Y",
        "N",
        "on!",
        "ja",
        "2024-1-5 10:00:00",
    ]
)
"""Texts a YAML 1.1 or 1.2 reader may take for something else written plain; some it may not."""


class TestReadersAgree:
    """What we write reads back as written with PyYAML (YAML 1.1) and with ruamel (YAML 1.2)."""

    @given(st.one_of(AMBIGUOUS, TEXTS, st.lists(TEXTS, min_size=1, max_size=3).map("\n".join)))
    def test_both_readers(self, text: str) -> None:
        """PyYAML's safe loader and ruamel's read every drawn text back as itself."""
        import yaml  # noqa: PLC0415  # the other tools' reader

        document = {"list": "x", "title": text, "notes": [text], "examples": [text, "b"]}
        written = _yaml.dump(document)
        assert written == _ruamel.dump_reference(document)
        assert yaml.safe_load(written) == document
        assert _ruamel.load(written).data == document

    @pytest.mark.parametrize("text", ["yes", "Off", "1:20", "12:30:45"])
    def test_yaml_1_1_words_are_quoted(self, text: str) -> None:
        """A text YAML 1.1 reads as a boolean or a number is quoted by both writers."""
        assert fast({"title": text}) == f"title: '{text}'\n"
        assert _ruamel.dump_reference({"title": text}) == f"title: '{text}'\n"


class TestWithoutDetours:
    """Printable texts, of one line or several, are laid out without the reference writer."""

    @given(st.one_of(TEXTS, st.lists(TEXTS, min_size=2, max_size=4).map("\n".join)))
    def test_no_text_asks_the_reference(self, text: str) -> None:
        """Only a text with control characters (written escaped) goes to ruamel."""
        calls = _fastdump._asked.cache_info().misses
        fast({"title": text, "notes": [text]})
        asked = _fastdump._asked.cache_info().misses - calls
        assert asked == 0 or any(not (ch.isprintable() or ch == "\n") for ch in text)
