"""Comparing text: what counts as a trivial edit, and word-level differences."""

from __future__ import annotations

import difflib
import enum
import functools
import re
import unicodedata

import attrs

__all__ = ["Segment", "SegmentKind", "is_trivial", "normalise", "word_segments"]

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
    }
)
_SPACE = re.compile(r"\s+")
_HYPHENATED_BREAK = re.compile(r"(\w)-\s+(\w)")


class SegmentKind(enum.Enum):
    """Whether a stretch of words stayed, was removed or was inserted."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@attrs.frozen
class Segment:
    """A stretch of words in a word-level comparison.

    >>> Segment(SegmentKind.INSERT, "stoeptegels")
    Segment(kind=<SegmentKind.INSERT: 'insert'>, text='stoeptegels')
    """

    kind: SegmentKind
    text: str


def normalise(text: str) -> str:
    """*text* without the differences that are not substantive.

    Whitespace, quote and dash styles, soft hyphens, words broken at a line end
    and letter case are all set aside.

    >>> normalise("De  ‘eenmalige’ Subsidie") == normalise("de 'eenmalige' subsidie")
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    text = _HYPHENATED_BREAK.sub(r"\1\2", text)
    return _SPACE.sub(" ", text).strip().casefold()


def is_trivial(before: str, after: str) -> bool:
    """Whether two texts differ only in whitespace, typography or letter case."""
    return normalise(before) == normalise(after)


@functools.lru_cache(maxsize=1 << 16)
def word_segments(before: str, after: str) -> tuple[Segment, ...]:
    """The words of *before* and *after*, marked as kept, removed or inserted.

    >>> for segment in word_segments("losse tegels", "losse stoeptegels"):
    ...     print(segment.kind.value, segment.text)
    equal losse
    delete tegels
    insert stoeptegels
    """
    old, new = before.split(), after.split()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(SegmentKind.EQUAL, " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment(SegmentKind.DELETE, " ".join(old[i1:i2])))
        if j2 > j1:
            segments.append(Segment(SegmentKind.INSERT, " ".join(new[j1:j2])))
    return tuple(segments)
