"""Tests of the change-log renderers."""

from __future__ import annotations

import html.parser
import io
import json
import os
import re

import attrs
import docutils.core
import hypothesis
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from samples import GOOD
from selectielijst import (
    Category,
    ChangeSet,
    Duration,
    Section,
    SelectionList,
    Status,
    Term,
    Valuation,
    changelog,
    diff,
    load,
    render,
)
from selectielijst._render import _markdown, _text
from selectielijst._render._report import Item
from selectielijst._render._style import escaped_all, item_line
from selectielijst._workspace._schema import changeset_schema
from selectielijst.changes import Change, ChangeKind, Segment, SegmentKind, Significance
from selectielijst.model import Criterion, VersionInfo
from selectielijst.rendering import mark_up
from selectielijst.snapshots import loads

SAMPLES = ROOT / "docs" / "samples"
SUFFIXES = {"markdown": "md", "rst": "rst", "html": "html", "json": "json", "text": "txt"}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def example() -> ChangeSet:
    """The changes from the example list's 1.0 to its 2.0."""
    return diff(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))


def golden(name: str, text: str) -> None:
    """Compare *text* with the reviewed sample *name*; UPDATE_GOLDEN=1 rewrites it."""
    path = SAMPLES / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, (
        f"{name} differs; review and rerun with UPDATE_GOLDEN=1"
    )


class _Balance(html.parser.HTMLParser):
    """Checks that every HTML element opened is closed, in order."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:  # noqa: ARG002  # HTMLParser's signature
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")


def well_formed(page: str) -> list[str]:
    """Problems with the structure of an HTML page (none when well formed)."""
    checker = _Balance()
    checker.feed(page)
    checker.close()
    return checker.errors + [f"unclosed <{tag}>" for tag in checker.open]


def rst_warnings(source: str) -> str:
    """What docutils warns about when it builds *source* (empty when clean)."""
    stream = io.StringIO()
    docutils.core.publish_string(
        source,
        writer="html",
        settings_overrides={"warning_stream": stream, "report_level": 2, "halt_level": 5},
    )
    return stream.getvalue()


class TestGolden:
    """Each format of the example's change log, as reviewed by reading it."""

    @pytest.mark.parametrize("fmt", list(SUFFIXES))
    def test_diff(self, example: ChangeSet, fmt: str) -> None:
        """voorbeeld 1.0 -> 2.0 renders exactly as the reviewed sample."""
        golden(f"diff-1.0-2.0.{SUFFIXES[fmt]}", render(example, fmt))

    def test_english(self, example: ChangeSet) -> None:
        """English labels with lang='en'."""
        golden("diff-1.0-2.0.en.md", render(example, "markdown", lang="en"))

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_changelog(self, fmt: str) -> None:
        """The whole history, newest first."""
        golden(f"changelog.{SUFFIXES[fmt]}", changelog("voorbeeld", fmt))


class TestFormats:
    """Each format is valid for the tools that read it."""

    def test_html_is_well_formed(self, example: ChangeSet) -> None:
        """Every element closed, one standalone page, no external assets."""
        page = render(example, "html")
        assert well_formed(page) == []
        assert page.startswith("<!DOCTYPE html>")
        assert "http" not in page.replace('content="width=device-width', "")

    def test_html_marks_words(self, example: ChangeSet) -> None:
        """Removed and inserted words are <del> and <ins>."""
        page = render(example, "html")
        assert "<del><bdi>tegels,</bdi></del> <ins><bdi>stoeptegels,</bdi></ins>" in page

    def test_rst_builds_cleanly(self, example: ChangeSet) -> None:
        """docutils builds the reST without a warning."""
        assert rst_warnings(render(example, "rst")) == ""

    def test_changelog_rst_builds_cleanly(self) -> None:
        """The whole history in reST builds too."""
        assert rst_warnings(changelog("voorbeeld", "rst")) == ""

    def test_json_validates(self, example: ChangeSet) -> None:
        """The JSON form satisfies the committed change-set schema."""
        document = json.loads(render(example, "json"))
        jsonschema.validate(document, changeset_schema())
        term = next(c for c in document["changes"] if c["kind"] == "term_changed")
        assert term["field"] == "term"
        assert (term["before"]["duration"], term["after"]["duration"]) == ("P10Y", "P7Y")
        assert term["direction"] == "shorter"
        withdrawn = [c for c in document["changes"] if c["kind"] == "withdrawn"]
        assert all(isinstance(c["successors"], list) for c in withdrawn)

    def test_committed_schema_is_current(self) -> None:
        """schemas/changeset.schema.json is what the model generates."""
        path = ROOT / "schemas" / "changeset.schema.json"
        assert json.loads(path.read_text()) == changeset_schema()

    def test_text_colours_only_when_asked(self, example: ChangeSet) -> None:
        """No escape codes unless colour is asked for."""
        assert "\x1b[" not in render(example, "text")
        assert "\x1b[31m" in render(example, "text", color=True)

    def test_no_changes(self) -> None:
        """A version against itself says there are no changes, in every format."""
        mivd = load("mivd", "0.16")
        nothing = diff(mivd, mivd)
        assert "Geen wijzigingen." in render(nothing, "markdown")
        assert "No changes." in render(nothing, "text", lang="en")

    def test_unknown_format(self, example: ChangeSet) -> None:
        """An unknown format names the formats there are."""
        with pytest.raises(ValueError, match="choose one of markdown"):
            render(example, "pdf")


HOSTILE = (
    "<script>alert('x')</script>",
    "**vet** _schuin_ [link](http://example.org) | pijp |",
    "`code` :role:`x` .. directive:: y |subst| _target_ `link`_",
    "woord" * 400,
    "\u202eنص عربي\u202c en עברית",
    "# kop\n- lijst",
)


def hostile_versions() -> tuple[SelectionList, SelectionList]:
    """Two versions whose every text is hostile, and which differ in it."""
    text = " ".join(HOSTILE).replace("\n", " ")

    def version(label: str, extra: str) -> SelectionList:
        category = Category(
            "gevaarlijk",
            "1.1",
            f"{text} {extra}",
            Valuation.destroy(Term(Duration(years=1), f"na {HOSTILE[0]}")),
            explanation=f"{HOSTILE[1]} {extra}",
        )
        section = Section(
            "sectie", f"{HOSTILE[1]} {extra}", text=(f"{text} {extra}",), categories=(category,)
        )
        return SelectionList(
            "hostile",
            f"{HOSTILE[0]} {extra}",
            VersionInfo(label, Status.CONCEPT),
            criteria=(Criterion(1, HOSTILE[2]),),
            sections=(section,),
        )

    old = version("1", "oud")
    new = attrs.evolve(
        version("2", "nieuw"),
        sections=(*version("2", "nieuw").sections, Section("extra", HOSTILE[3])),
    )
    return old, new


class TestHostileText:
    """List text that looks like markup stays text in every format."""

    def test_html_escapes_everything(self) -> None:
        """No tag from list text reaches the page."""
        page = render(diff(*hostile_versions()), "html")
        assert "<script>" not in page
        assert "&lt;script&gt;" in page
        assert well_formed(page) == []

    def test_markdown_escapes_markup_and_pipes(self) -> None:
        """Emphasis, links and pipes are escaped; tables keep their columns."""
        text = render(diff(*hostile_versions()), "markdown")
        assert "<script>" not in text
        assert "\\*\\*vet\\*\\*" in text
        assert "\\[link\\]" in text
        for line in text.splitlines():
            if line.startswith("|"):
                assert line.replace("\\|", "").count("|") in {3, 4}, line

    def test_rst_builds_cleanly(self) -> None:
        """Roles, directives, substitutions and targets in list text do not act."""
        source = render(diff(*hostile_versions()), "rst")
        assert rst_warnings(source) == ""
        built = docutils.core.publish_string(source, writer="html").decode("utf-8")
        assert ".. directive:: y |subst| _target_ `link`_" in built
        assert "<script>" not in built

    def test_text_shows_control_characters(self) -> None:
        """Bidi overrides are shown as escapes, not sent to the terminal."""
        text = render(diff(*hostile_versions()), "text")
        assert "\u202e" not in text
        assert "\\u202e" in text

    def test_json_keeps_text_exactly(self) -> None:
        """JSON carries list text unchanged, as data."""
        document = json.loads(render(diff(*hostile_versions()), "json"))
        assert any(
            HOSTILE[4] in json.dumps(c["after"], ensure_ascii=False) for c in document["changes"]
        )


class TestMarkedUp:
    """The whole new version with its changes marked where they stand."""

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_golden(self, example: ChangeSet, fmt: str) -> None:
        """voorbeeld 2.0 marked against 1.0, as reviewed."""
        page = mark_up(load("voorbeeld", "2.0"), example, fmt)
        golden(f"marked-up-2.0.{SUFFIXES[fmt]}", page)

    def test_every_category_appears(self, example: ChangeSet) -> None:
        """Every category of the new version, and the removed ones, are in the page."""
        page = mark_up(load("voorbeeld", "2.0"), example, "markdown")
        for _, category in load("voorbeeld", "2.0").categories():
            assert category.number in page
        assert "~~2.7 Het bijhouden van interne telefoonlijsten~~" in page
        assert "~~4 Evenementen~~ (onderdeel vervallen)" in page

    def test_html_well_formed_and_escaped(self) -> None:
        """Hostile text stays text in the marked-up page."""
        old, new = hostile_versions()
        page = mark_up(new, diff(old, new), "html")
        assert well_formed(page) == []
        assert "<script>" not in page

    def test_markdown_escaped(self) -> None:
        """Markup in list text is escaped in Markdown."""
        old, new = hostile_versions()
        page = mark_up(new, diff(old, new), "markdown")
        assert "<script>" not in page
        assert "\\*\\*vet\\*\\*" in page

    def test_only_markdown_and_html(self, example: ChangeSet) -> None:
        """Other formats are refused with the ones that work."""
        with pytest.raises(ValueError, match="markdown or html"):
            mark_up(load("voorbeeld", "2.0"), example, "rst")


def _wrap_word_by_word(text: str, first: str, rest: str) -> list[str]:
    """The text writer's line breaking as it was first written, one word at a time: the oracle."""
    lines: list[str] = []
    current, empty = first, True
    for word in text.split(" "):
        if not word:
            continue
        if not empty and len(current) + 1 + len(word) > _text.WIDTH:
            lines.append(current)
            current, empty = rest + word, False
            continue
        current += word if empty else " " + word
        empty = False
    lines.append(current.rstrip() if not empty else first.rstrip())
    return lines


class TestLineBreaking:
    """The text writer breaks lines at spaces, as many words as fit, long words whole."""

    @given(
        text=st.text(alphabet=st.sampled_from("ab é—"), max_size=300)
        | st.lists(st.text("xyz", min_size=1, max_size=95), max_size=30).map(" ".join),
        first=st.sampled_from(["", "  - ", "- ", " " * 87, " " * 88, " " * 90]),
        rest=st.sampled_from(["", "    ", " " * 87, " " * 89]),
    )
    def test_same_as_word_by_word(self, text: str, first: str, rest: str) -> None:
        """Every text, prefix and long word: the lines are the word-by-word oracle's.

        Prefixes leave room for one column, none, or less than none: a line
        then holds one word, however long.
        """
        expected = "\n".join(_wrap_word_by_word(text, first, rest))
        assert _text._wrap(text, first, rest) == expected

    def test_at_the_width(self) -> None:
        """A line of exactly the width stays whole; one more character moves the last word."""
        words = "woord " * 13 + "xxxxxx"  # 6 * 13 + 6 = 84 characters, 88 with the prefix
        assert _text._wrap(words, "  - ", "    ") == "  - " + words
        assert _text._wrap(words + "x", "  - ", "    ") == f"  - {words[:77]}\n    xxxxxxx"


_PIECES = st.text(
    alphabet=st.sampled_from("ab *_|<&é\u00a0\n\t\x1b"), max_size=8
) | st.sampled_from(["", " ", "1.2", "Naam gewijzigd:", "a  b", " a", "a "])
_STYLES = {
    "markdown": _markdown.STYLE,
    "text": _text.style(color=False),
    "text in colour": _text.style(color=True),
}


def _item(pieces: list[str | None], segments: list[tuple[SegmentKind, str]]) -> Item:
    number, name, text, flag, reason = pieces
    change = Change(ChangeKind.TEXT_CHANGED, Significance.MINOR)
    return Item(
        number,
        name,
        text or "",
        flag,
        tuple(Segment(kind, words) for kind, words in segments),
        change,
        reason,
    )


_MARKDOWN_QUIET = re.compile(r"[^\\`*_{}\[\]<>#+!|~&\s]+(?: [^\\`*_{}\[\]<>#+!|~&\s]+)*")
"""Markdown text with nothing to escape, as a pattern: the oracle of the faster check."""


@given(st.text() | st.text(alphabet=st.sampled_from("ab *_|<&é—\u00a0\u2028\n\t\x1b\x00")))
@hypothesis.example("a  b")
@hypothesis.example(" a")
@hypothesis.example("a ")
@hypothesis.example("")
@hypothesis.example("a&b")
@hypothesis.example("a\u00a0b")
@hypothesis.example("a\x1bb")
@hypothesis.example("Naam — één")
def test_markdown_escapes_as_the_pattern_says(text: str) -> None:
    """Text stands as it is where the pattern finds nothing to escape; other text is escaped."""
    quiet = _MARKDOWN_QUIET.fullmatch(text) is not None
    assert not _markdown._quiet(text) or quiet  # never as it is where the pattern says not
    expected = text if quiet else _markdown._SPECIAL.sub(r"\\\1", " ".join(text.split()))
    assert _markdown.escape(text) == expected


class TestEscapedAtOnce:
    """Texts asked at once whether they need escaping come out as if escaped one by one."""

    @pytest.mark.parametrize("name", sorted(_STYLES))
    @given(texts=st.lists(_PIECES, max_size=6))
    def test_columns(self, name: str, texts: list[str]) -> None:
        """A column of cells: each cell as the format's escape makes it."""
        style = _STYLES[name]
        assert escaped_all(texts, style) == [style.escape(text) for text in texts]

    @pytest.mark.parametrize("name", sorted(_STYLES))
    @given(
        pieces=st.lists(st.none() | _PIECES, min_size=5, max_size=5),
        segments=st.lists(st.tuples(st.sampled_from(SegmentKind), _PIECES), max_size=4),
    )
    def test_item_lines(
        self, name: str, pieces: list[str | None], segments: list[tuple[SegmentKind, str]]
    ) -> None:
        """An item line: the same as with every text escaped on its own."""
        style = _STYLES[name]
        item = _item(pieces, segments)
        one_by_one = attrs.evolve(style, verbatim=None)
        assert item_line(item, style) == item_line(item, one_by_one)
        if name.startswith("text"):
            painter = _text._Painter(color=name == "text in colour")
            alone = _text._Painter(color=name == "text in colour")
            alone.style = attrs.evolve(alone.style, verbatim=None)
            assert painter.item(item, "  ") == alone.item(item, "  ")

    def test_a_spaced_word_in_a_plain_line(self) -> None:
        """A removed word with a space at its edge is escaped, though its line looks plain."""
        item = _item(["1.1", "Naam", "Gewijzigd:", None, None], [(SegmentKind.DELETE, " oud ")])
        assert _text._Painter(color=False).item(item, "") == ["- 1.1 Naam — Gewijzigd: [-oud-]"]

    def test_quiet_column_unchanged(self) -> None:
        """A column with nothing to escape comes back as it is; one special cell is escaped."""
        assert escaped_all(["1.1", "2.10 a"], _markdown.STYLE) == ["1.1", "2.10 a"]
        assert escaped_all(["1.1", "a*b"], _markdown.STYLE) == ["1.1", "a\\*b"]


def test_a_withdrawn_number_taken_by_another() -> None:
    """Where a category is withdrawn and another now has its number, the withdrawal names the
    number as the old one ("oud 1.1"), and the one that took it by its own."""
    old = loads(GOOD)
    section = old.sections[0]
    policy, post = section.categories
    new = attrs.evolve(
        old,
        version=attrs.evolve(old.version, label="2.0"),
        sections=(attrs.evolve(section, categories=(attrs.evolve(post, number="1.1"),)),),
    )
    changes = diff(old, new)
    log = render(changes, "markdown", lang="nl")
    assert "**oud 1.1** Het maken van beleid" in log
    assert "**1.1** Het registreren van post" in log
    assert policy.number == "1.1"
