"""Comparing text: what counts as a trivial edit, and word-level differences."""

from __future__ import annotations

import enum
import functools
import itertools
import operator
import re
import unicodedata

import attrs

__all__ = [
    "Segment",
    "SegmentKind",
    "is_trivial",
    "normalise",
    "number_key",
    "slug",
    "word_segments",
]

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
    # The words both begin with and end with are kept: only the middle is matched.
    head = [*map(operator.eq, old, new), False].index(False)
    tail = [*map(operator.eq, reversed(old), reversed(new)), False].index(False)
    tail = min(tail, len(old) - head, len(new) - head)  # no word counted twice
    segments = [Segment(SegmentKind.EQUAL, " ".join(old[:head]))] if head else []
    segments += _matched(old[head : len(old) - tail], new[head : len(new) - tail])
    if tail:
        segments.append(Segment(SegmentKind.EQUAL, " ".join(old[len(old) - tail :])))
    return tuple(segments)


def _matched(old: list[str], new: list[str]) -> list[Segment]:
    """The words between those kept at both ends: removed, inserted, or kept where they match.

    Neither begins nor ends with the other's word, so no words kept here
    stand beside those kept at the ends.
    """
    segments = []
    if not old or not new or set(old).isdisjoint(new):
        # Nothing to match, as in most rewordings: the matcher would say what this says.
        if old:
            segments.append(Segment(SegmentKind.DELETE, " ".join(old)))
        if new:
            segments.append(Segment(SegmentKind.INSERT, " ".join(new)))
        return segments
    import cydifflib  # noqa: PLC0415  # loaded by the first render that matches words

    # difflib's own matching, in C++: the same opcodes in a third of the time.
    matcher = cydifflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(SegmentKind.EQUAL, " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment(SegmentKind.DELETE, " ".join(old[i1:i2])))
        if j2 > j1:
            segments.append(Segment(SegmentKind.INSERT, " ".join(new[j1:j2])))
    return segments


def slug(text: str) -> str:
    r"""A stable id made from a number or title.

    >>> slug("Bestuur en raad"), slug("1.1.2"), slug("Één ding"), slug("\u0661.\u0662")
    ('bestuur-en-raad', '1.1.2', 'een-ding', '1.2')
    """
    digits = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    ascii_text = unicodedata.normalize("NFKD", digits).encode("ascii", "ignore").decode().lower()
    cleaned = re.sub(r"[^a-z0-9.]+", "-", ascii_text).strip("-.")[:100].strip("-.")
    if cleaned:
        return cleaned
    import hashlib  # noqa: PLC0415  # rarely needed: OpenSSL loads in milliseconds of every start

    return "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]  # nothing readable


_NUMBER_PART = re.compile(r"\d+|[^\d.]+")
_ZEROS = itertools.repeat(0)
"""As many zeros as there are parts: each digit part of a number sorts before a text part."""


@functools.lru_cache(maxsize=1 << 16)
def number_key(number: str | None) -> tuple[tuple[int, int | str], ...]:
    """Sort key for display numbers: "2.10" after "2.9"; no number first.

    Runs of digits compare as numbers, other runs as text; dots only separate.

    >>> sorted(["2.10", "2.9", "10", "1.1", "2.9a"], key=number_key)
    ['1.1', '2.9', '2.9a', '2.10', '10']
    """
    if number is None:
        return ()
    parts = number.split(".")
    if all(map(str.isdecimal, parts)):  # decimal, not digit: int() cannot read "²"
        return tuple(zip(_ZEROS, map(int, parts), strict=False))  # as many zeros as parts
    return tuple(
        (0, int(part)) if part.isdecimal() else (1, part) for part in _NUMBER_PART.findall(number)
    )
