"""Tests of the shipped lists and loading a version by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from selectielijst import Status, lists, load, versions
from selectielijst._workspace._integrity import digest
from selectielijst.errors import InvalidName, TextNotAvailable, UnknownList, UnknownVersion
from selectielijst.workspace import history, load_spec

SEED = SHARED / "seed" / "000_cad5ec393c4d4fed.txt"


class TestLists:
    """What ships."""

    def test_mivd_ships(self) -> None:
        """The MIVD list is among the shipped lists."""
        assert "mivd" in lists()

    def test_mivd_history_is_honest(self) -> None:
        """0.16 has text; the ontwerp and the adopted list are known without text."""
        entries = versions("mivd")
        assert [(e.label, e.status, e.has_text) for e in entries] == [
            ("0.16", Status.TER_INZAGE, True),
            ("ontwerp-2015", Status.ONTWERP, False),
            ("vastgesteld-2016", Status.VASTGESTELD, False),
        ]
        assert entries[1].date == "2015-12-15"
        assert any("33820 nr. 6" in note for note in entries[1].notes)
        assert any("1 maart 2016" in note for note in entries[2].notes)

    def test_index_hashes_match(self) -> None:
        """Every snapshot is byte for byte what the index says was published."""
        root = ROOT / "versions"
        for list_id in lists():
            for entry in history(list_id).versions:
                if entry.snapshot is not None:
                    assert digest(root / list_id / entry.snapshot) == entry.sha256, entry.label


class TestLoad:
    """Loading by name, with clear errors."""

    def test_unknown_list(self) -> None:
        """An unknown list names the lists there are."""
        with pytest.raises(UnknownList, match="known lists: mivd"):
            load("aivd", "1.0")

    def test_unknown_version(self) -> None:
        """An unknown version names the versions there are."""
        with pytest.raises(UnknownVersion, match=r"versions: 0\.16, ontwerp-2015"):
            load("mivd", "0.17")

    def test_text_not_available(self) -> None:
        """A version without text says so."""
        with pytest.raises(TextNotAvailable, match="not available"):
            load("mivd", "ontwerp-2015")

    @pytest.mark.parametrize(
        "spec", ["mivd@../../etc", "../mivd@0.16", "mivd@", "mivd@.hidden", "MIVD@0.16"]
    )
    def test_unsafe_names(self, spec: str) -> None:
        """Names that could reach outside versions/ are refused."""
        with pytest.raises(InvalidName):
            load_spec(spec)

    def test_spec_by_path(self, root: Path) -> None:
        """A folder or file path works like LIST@VERSION."""
        folder = root / "versions" / "mivd" / "0.16"
        assert (
            load_spec(str(folder)) == load_spec(str(folder / "list.yaml")) == load_spec("mivd@0.16")
        )

    def test_neither_name_nor_path(self) -> None:
        """Something that is neither is explained."""
        with pytest.raises(InvalidName, match="neither LIST@VERSION"):
            load_spec("no-such-thing")


@pytest.mark.skipif(not SEED.exists(), reason="the seed page is not present")
class TestSeed:
    """The snapshot transcribes the seed page word for word."""

    def test_words_match_the_page(self) -> None:
        """Between the running header and the page number, the words are the seed's."""
        page = SEED.read_text(encoding="utf-8").split()
        start = page.index("Internationaal")
        end = len(page) - page[::-1].index("Pagina") - 1
        mivd = load("mivd", "0.16")
        (section,) = mivd.sections
        (subsection,) = section.sections
        words = [section.title, *" ".join(section.text).split()]
        words += [*subsection.title.split(), *" ".join(subsection.text).split()]
        assert words == page[start:end]
        assert re.search(r"Pagina 110 van 167", SEED.read_text(encoding="utf-8"))
