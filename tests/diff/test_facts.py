"""The list's own facts compared without deepdiff, as deepdiff compares them."""

from __future__ import annotations

import subprocess
import sys

import attrs
from hypothesis import given
from hypothesis import strategies as st

from selectielijst import SelectionList
from selectielijst._changes import Change
from selectielijst._diff import _deep, _facts
from selectielijst.model import Criterion, VersionInfo

TEXTS = st.none() | st.sampled_from(["", "Een noot.", "een noot.", "Andere noot", "Bron: Stcrt."])


@st.composite
def facts_of(draw: st.DrawFn, base: SelectionList) -> SelectionList:
    """*base* with drawn facts: title, organisation, notes, version notes, criteria."""
    numbers = draw(st.lists(st.integers(1, 6), unique=True, max_size=4))
    texts = st.sampled_from(["Criterium.", "criterium.", "Ander criterium."])
    criteria = tuple(Criterion(n, draw(texts)) for n in sorted(numbers))
    notes = tuple(draw(st.lists(st.sampled_from(["a", "b", "c"]), max_size=3)))
    version = attrs.evolve(
        base.version,
        source=draw(TEXTS) or None,
        coverage=draw(TEXTS) or None,
        incomplete=draw(st.booleans()),
        notes=tuple(draw(st.lists(st.sampled_from(["x", "y"]), max_size=2))),
    )
    return attrs.evolve(
        base,
        title=draw(st.sampled_from(["Lijst", "lijst", "Andere lijst"])),
        organisation=draw(TEXTS) or None,
        notes=notes,
        criteria=criteria,
        version=version,
    )


BASE = SelectionList("x", "Lijst", VersionInfo("1", __import__("selectielijst").Status.CONCEPT))


def key(change: Change) -> tuple[object, ...]:
    return (change.field, change.item, change.before, change.after, change.significance)


class TestFacts:
    """Without deepdiff, the same changes to the list's own facts as deepdiff finds."""

    @given(facts_of(BASE), facts_of(BASE))
    def test_as_deepdiff_finds_them(self, old: SelectionList, new: SelectionList) -> None:
        """Each changed fact is one change, equal to deepdiff's, whatever changed."""
        native = sorted(map(key, _facts.metadata_changes(old, new)), key=repr)
        deep = sorted(map(key, _deep.metadata_changes(old, new)), key=repr)
        assert native == deep

    def test_diff_imports_no_deepdiff(self) -> None:
        """Comparing two versions whose facts differ loads no deepdiff (nor numpy, pandas)."""
        script = (
            "import sys; from selectielijst import diff, load\n"
            "diff(load('voorbeeld', '1.0'), load('voorbeeld', '2.0'))\n"
            "print(sorted(m for m in ('deepdiff', 'numpy', 'pandas') if m in sys.modules))"
        )
        done = subprocess.run(  # noqa: S603  # this Python, a fixed script
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "[]"
