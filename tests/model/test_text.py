"""Word differences: what a change log marks as removed and inserted in a reworded text."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from selectielijst._model._text import SegmentKind, word_segments

WORDS = st.lists(st.sampled_from(["de", "het", "dossier", "van", "een", "zaak", "(a)", "b;"]))


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
