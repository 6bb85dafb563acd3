"""Word differences: what a change log marks as removed and inserted in a reworded text."""

from __future__ import annotations

import difflib
import itertools

from hypothesis import given
from hypothesis import strategies as st

from selectielijst._model._text import Segment, SegmentKind, word_segments

WORDS = st.lists(st.sampled_from(["de", "het", "dossier", "van", "een", "zaak", "(a)", "b;"]))
OTHER_WORDS = st.lists(st.sampled_from(["de", "archief", "zaak", "termijn", "jaar", "(c)"]))
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", " \n\t"])


@st.composite
def texts(draw: st.DrawFn, words: st.SearchStrategy[list[str]]) -> str:
    """Drawn words, joined by spaces, runs of spaces and line breaks, as texts in a list are."""
    drawn = draw(words)
    gaps = draw(st.lists(SPACES, min_size=len(drawn) + 1, max_size=len(drawn) + 1))
    return "".join(itertools.chain.from_iterable(zip(gaps, [*drawn, ""], strict=True))).strip(
        draw(st.sampled_from(["", " "]))
    )


def matched_word_by_word(before: str, after: str) -> list[tuple[SegmentKind, str]]:
    """The oracle: the words both texts begin and end with kept, the rest matched by difflib."""
    old, new = before.split(), after.split()
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    found = [(SegmentKind.EQUAL, old[:head])]
    middle_old, middle_new = old[head : len(old) - tail], new[head : len(new) - tail]
    matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            found.append((SegmentKind.EQUAL, middle_old[i1:i2]))
        else:
            found.append((SegmentKind.DELETE, middle_old[i1:i2]))
            found.append((SegmentKind.INSERT, middle_new[j1:j2]))
    found.append((SegmentKind.EQUAL, old[len(old) - tail :]))
    joined: list[tuple[SegmentKind, list[str]]] = []
    for kind, words in found:
        if not words:
            continue
        if joined and kind is SegmentKind.EQUAL is joined[-1][0]:
            joined[-1][1].extend(words)
        else:
            joined.append((kind, list(words)))
    return [(kind, " ".join(words)) for kind, words in joined]


class TestWordSegments:
    """Kept and removed words give the old text; kept and inserted words the new."""

    @given(WORDS, WORDS)
    def test_both_texts_come_back(self, before: list[str], after: list[str]) -> None:
        """The segments rebuild both texts, and no two kept segments stand side by side."""
        segments = word_segments(" ".join(before), " ".join(after))
        old = [s.text for s in segments if s.kind is not SegmentKind.INSERT]
        new = [s.text for s in segments if s.kind is not SegmentKind.DELETE]
        assert " ".join(old).split() == before
        assert " ".join(new).split() == after
        kinds = [s.kind for s in segments]
        assert all(not (a is b is SegmentKind.EQUAL) for a, b in itertools.pairwise(kinds))

    @given(st.one_of(texts(WORDS), texts(OTHER_WORDS)), st.one_of(texts(WORDS), texts(OTHER_WORDS)))
    def test_as_matched_word_by_word(self, before: str, after: str) -> None:
        """The same segments as matching every middle word, where no word is in common too."""
        segments = word_segments(before, after)
        assert all(isinstance(segment, Segment) for segment in segments)
        assert [(s.kind, s.text) for s in segments] == matched_word_by_word(before, after)

    def test_a_word_changed_in_a_long_text(self) -> None:
        """One word changed among many: kept, removed, inserted, kept."""
        before = "het beheren van dossiers over de aanvraag van vergunningen " * 5
        after = before.replace("aanvraag", "verlening", 1)
        kinds = [s.kind for s in word_segments(before, after)]
        assert kinds == [
            SegmentKind.EQUAL,
            SegmentKind.DELETE,
            SegmentKind.INSERT,
            SegmentKind.EQUAL,
        ]


LONG_WORDS = st.lists(
    st.sampled_from(["de", "en", "van", "zaak", "dossier", "termijn", "(a)", "b;", "jaar"]),
    min_size=150,
    max_size=400,
)


class TestMatcher:
    """The word matcher is difflib's, in C++: the same opcodes as the standard library's."""

    @given(st.one_of(WORDS, LONG_WORDS), st.one_of(WORDS, LONG_WORDS))
    def test_the_opcodes_of_difflib(self, old: list[str], new: list[str]) -> None:
        """Also for more than 200 words, where difflib's rule for frequent words is off too."""
        import cydifflib  # noqa: PLC0415  # the library under test, beside the standard one

        ours = cydifflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        standard = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        assert [tuple(code) for code in ours] == standard
