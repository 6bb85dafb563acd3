"""A version of a list as a Word document, and a draft with its changes as Word revisions.

Both are made of the same blocks, in order: the title, the title page's facts,
the criteria, each section's heading, paragraphs and table of categories, and
a hidden paragraph with the list's exact copy. The draft with changes aligns
the blocks of two versions (by what they are: a section's heading and table by
the section's id, a table's rows by the categories' ids, a paragraph by its
text) and writes what differs as Word's own revisions: insertions (``w:ins``)
and deletions (``w:del``), down to the words of a changed text, by the author
"selectielijst" on the day it was made. Accepting every revision in Word
gives the new version's document; rejecting every one gives the old one's.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from selectielijst._i18n import version_date_words
from selectielijst._model import Category, Section, SegmentKind, SelectionList, word_segments
from selectielijst._render._docx import (
    _LANGUAGE_TAGS,
    _Body,
    _bytes,
    _clean,
    _new_document,
    _run,
    _table,
    _today,
)
from selectielijst._render._labels import Language, label, status_words

__all__ = ["MACHINE_COPY", "category_row", "list_document", "revised_document"]

MACHINE_COPY = "selectielijst-list:"
"""How the hidden paragraph that holds a list's exact copy starts, in its Word document."""

AUTHOR = "selectielijst"
"""The author of every revision in a draft with changes."""

_WIDTHS = (20, 58, 36, 46)
"""The category table's columns, in millimetres: number, name, valuation, explanation."""


@attrs.frozen
class _Block:
    """One thing the document says, in order: a paragraph, a heading, a table."""

    kind: str
    """``title``, ``p`` (a paragraph), ``h`` (a heading), ``table`` or ``hidden``."""
    key: tuple[str, ...]
    """What the block is, across versions: how two versions' blocks are paired."""
    text: str = ""
    level: int = 0
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """A table's rows: the category's id, and its cells."""


def category_row(category: Category, language: Language) -> tuple[str, str, str, str]:
    """A category's row in its list's document: number, name, valuation, explanation.

    The name is the category's label with its description under it; the
    valuation the list's own notation ("V, 10 jaar"), or that it is withdrawn
    and where it went; the explanation ends in the examples, if any.
    """
    name = "\n".join(part for part in (category.label, category.description or "") if part)
    if category.withdrawn:
        valuation = label("withdrawn", language)
        if category.successors:
            valuation += f"; {label('successors', language)} {', '.join(category.successors)}"
    else:
        valuation = str(category.valuation)
    explanation = category.explanation or ""
    if category.examples:
        examples = f"{label('examples', language)}: {'; '.join(category.examples)}"
        explanation = f"{explanation}\n{examples}" if explanation else examples
    return (category.number, name, valuation, explanation)


def _blocks(selection_list: SelectionList, language: Language, copy: str) -> list[_Block]:
    version = selection_list.version
    blocks = [_Block("title", ("title",), _clean(selection_list.title))]

    def front(text: str) -> None:
        blocks.append(_Block("p", ("front", text), _clean(text)))

    if selection_list.organisation:
        front(selection_list.organisation)
    facts = (
        f"{label('version', language)} {version.label} · {status_words(version.status, language)}"
    )
    front(facts + (f" · {version_date_words(version.date, language)}" if version.date else ""))
    for key, value in (("source", version.source), ("coverage", version.coverage)):
        if value:
            front(f"{label(key, language)}: {value}")
    for note in (*selection_list.notes, *version.notes):
        front(f"{label('note', language)}: {note}")
    if selection_list.criteria:
        blocks.append(_Block("h", ("h", "criteria"), label("criteria", language), 1))
        blocks.extend(
            _Block("p", ("criterion", str(c.number)), _clean(f"{c.number}. {c.text}"))
            for c in selection_list.criteria
        )
    for section in selection_list.sections:
        blocks.extend(_section_blocks(section, 1, language))
    blocks.append(_Block("hidden", ("hidden",), MACHINE_COPY + copy))
    return blocks


def _section_blocks(section: Section, level: int, language: Language) -> Iterator[_Block]:
    heading = f"{section.number} {section.title}" if section.number else section.title
    yield _Block("h", ("h", section.id), _clean(heading), min(level, 9))
    texts = [*section.text]
    if section.incomplete:
        texts.append(label("text_incomplete", language))
    texts.extend(f"{label('note', language)}: {note}" for note in section.notes)
    for text in texts:
        yield _Block("p", ("p", section.id, text), _clean(text))
    if section.categories:
        header = (
            label("doc_number", language),
            label("doc_category", language),
            label("valuation", language),
            label("explanation", language),
        )
        rows = tuple(
            (category.id, tuple(_clean(cell) for cell in category_row(category, language)))
            for category in section.categories
        )
        yield _Block("table", ("table", section.id), header=header, rows=rows)
    for subsection in section.sections:
        yield from _section_blocks(subsection, level + 1, language)


def _document(title: str, language: Language) -> tuple[Any, _Body]:
    from docx.shared import Pt  # noqa: PLC0415  # loaded when a Word file is written

    doc = _new_document(language, title)
    doc.styles["Normal"].font.size = Pt(10)  # tables of four columns on A4: room for words
    doc.core_properties.language = _LANGUAGE_TAGS[language]
    return doc, _Body(doc)


def list_document(selection_list: SelectionList, language: Language, machine_copy: str) -> bytes:
    """A version of a list as a Word document to circulate or publish.

    The title page facts (title, organisation, version, status, date, source),
    the criteria, then each section with its heading, its text and a table of
    its categories: number, name, valuation with its term (in the list's own
    notation), explanation. A4 portrait, a header row that repeats on every
    page, page numbers. *machine_copy* goes in a hidden paragraph at the end:
    the list exactly, for reading the document back.
    """
    version = selection_list.version
    heading = f"{selection_list.title} — {label('version', language)} {version.label}"
    doc, body = _document(heading, language)
    doc.core_properties.title = _clean(selection_list.title)[:255]
    for block in _blocks(selection_list, language, machine_copy):
        if block.kind == "table":
            _table(doc, block.header, [cells for _, cells in block.rows], widths=_WIDTHS)
        elif block.kind == "hidden":
            paragraph = body.paragraph()
            _run(paragraph, block.text)
            _hide(paragraph)
        else:
            _paragraph(body, block)
    return _bytes(doc)


def _paragraph(body: _Body, block: _Block) -> Any:
    """The paragraph of *block*, in its style: the title, a heading of its level, or plain."""
    if block.kind == "title":
        return body.paragraph(block.text, "Title")
    if block.kind == "h":
        return body.paragraph(block.text, f"Heading {block.level}")
    return body.paragraph(block.text)


def _hide(paragraph: Any) -> None:
    """Make every run of *paragraph* hidden text: kept in the file, neither shown nor printed."""
    from docx.oxml import OxmlElement  # noqa: PLC0415  # loaded when a Word file is written
    from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

    for r in paragraph.iter(qn("w:r")):
        properties = r.find(qn("w:rPr"))
        if properties is None:
            properties = OxmlElement("w:rPr")
            r.insert(0, properties)
        properties.append(OxmlElement("w:vanish"))


# Revisions ----------------------------------------------------------------------------------


@attrs.define
class _Revisions:
    """Writes Word's revision marks, each with its own id, the author and the date."""

    date: str
    next_id: Iterator[int] = attrs.Factory(lambda: itertools.count(1))

    def mark(self, kind: str) -> Any:
        """An empty ``w:ins`` or ``w:del`` element."""
        from docx.oxml import OxmlElement  # noqa: PLC0415  # loaded when a Word file is written
        from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

        element = OxmlElement(f"w:{kind}")
        element.set(qn("w:id"), str(next(self.next_id)))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        return element

    def runs(self, p: Any, text: str, kind: str | None, *, hidden: bool = False) -> None:
        """Runs of *text* at the end of *p*: plain, inserted or deleted; line breaks kept."""
        from docx.oxml import OxmlElement  # noqa: PLC0415  # see mark
        from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

        if not text:
            return
        holder = p if kind is None else self.mark(kind)
        for index, line in enumerate(text.split("\n")):
            r = OxmlElement("w:r")
            if hidden:
                properties = OxmlElement("w:rPr")
                properties.append(OxmlElement("w:vanish"))
                r.append(properties)
            if index:
                r.append(OxmlElement("w:br"))
            if line:
                t = OxmlElement("w:delText" if kind == "del" else "w:t")
                t.text = line
                t.set(qn("xml:space"), "preserve")
                r.append(t)
            holder.append(r)
        if kind is not None:
            p.append(holder)

    def whole(self, p: Any, kind: str) -> None:
        """Mark paragraph *p* itself (its mark) inserted or deleted."""
        from docx.oxml import OxmlElement  # noqa: PLC0415  # see mark

        properties = p.get_or_add_pPr()
        run_properties = OxmlElement("w:rPr")
        run_properties.append(self.mark(kind))
        properties.append(run_properties)

    def changed(self, p: Any, before: str, after: str, *, hidden: bool = False) -> None:
        """The text *before* becoming *after* in paragraph *p*: line by line, word by word."""
        old_lines, new_lines = before.split("\n"), after.split("\n")
        matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
        seen = {"old": 0, "new": 0}

        def start(kind: str | None) -> None:
            """The break before a line the old text has (del), the new one (ins), or both."""
            in_old, in_new = kind in {None, "del"}, kind in {None, "ins"}
            old_break, new_break = in_old and seen["old"] > 0, in_new and seen["new"] > 0
            if old_break or new_break:
                both = old_break and new_break
                self.runs(p, "\n", None if both else "del" if old_break else "ins", hidden=hidden)
            seen["old"] += in_old
            seen["new"] += in_new

        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for text in new_lines[j1:j2]:
                    start(None)
                    self.runs(p, text, None, hidden=hidden)
            elif tag == "replace" and i2 - i1 == j2 - j1:
                for old, new in zip(old_lines[i1:i2], new_lines[j1:j2], strict=True):
                    start(None)
                    for index, segment in enumerate(word_segments(old, new)):
                        text = segment.text if index == 0 else f" {segment.text}"
                        self.runs(p, text, _KINDS[segment.kind], hidden=hidden)
            else:
                for text in old_lines[i1:i2]:
                    start("del")
                    self.runs(p, text, "del", hidden=hidden)
                for text in new_lines[j1:j2]:
                    start("ins")
                    self.runs(p, text, "ins", hidden=hidden)


_KINDS = {SegmentKind.EQUAL: None, SegmentKind.DELETE: "del", SegmentKind.INSERT: "ins"}
"""The revision each kind of word segment is written as."""


def revised_document(
    old: SelectionList,
    new: SelectionList,
    language: Language,
    old_copy: str,
    new_copy: str,
) -> bytes:
    """The new version as a Word document, each change since the old one a Word revision.

    Accepting all revisions gives :func:`list_document` of *new*; rejecting
    all gives that of *old* (each with its hidden copy of the list). A
    section, paragraph or category that is new is inserted where it stands;
    one that is gone is deleted where it stood; a moved category is deleted
    from its old section's table and inserted into its new one; a changed
    text, valuation or term is its words deleted and inserted.
    """
    version = new.version
    heading = (
        f"{new.title} — {label('version', language)} {version.label}"
        f" ({label('marked_up', language)} {old.version.label})"
    )
    doc, body = _document(heading, language)
    doc.core_properties.title = _clean(new.title)[:255]
    stamp = datetime.datetime.combine(_today(), datetime.time(), tzinfo=datetime.UTC)
    revisions = _Revisions(stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))
    before = _blocks(old, language, old_copy)
    after = _blocks(new, language, new_copy)
    matcher = difflib.SequenceMatcher(
        a=[b.key for b in before], b=[b.key for b in after], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = before[i1:i2], after[j1:j2]
        if tag == "equal" or (
            tag == "replace"
            and len(olds) == len(news)
            and all(o.kind == n.kind and o.kind != "table" for o, n in zip(olds, news, strict=True))
        ):
            for o, n in zip(olds, news, strict=True):
                _revised_block(doc, body, revisions, o, n)
            continue
        for o in olds:
            _revised_block(doc, body, revisions, o, None)
        for n in news:
            _revised_block(doc, body, revisions, None, n)
    return _bytes(doc)


def _revised_block(
    doc: Any, body: _Body, revisions: _Revisions, old: _Block | None, new: _Block | None
) -> None:
    """One block: kept (its text revised where it changed), deleted, or inserted."""
    block = new or old
    assert block is not None  # noqa: S101  # one of the two is given
    if block.kind == "table":
        _revised_table(doc, revisions, old, new)
        return
    p = _paragraph(body, attrs.evolve(block, text=""))
    hidden = block.kind == "hidden"
    if old is not None and new is not None:
        revisions.changed(p, old.text, new.text, hidden=hidden)
    elif new is not None:
        revisions.runs(p, new.text, "ins", hidden=hidden)
        revisions.whole(p, "ins")
    elif old is not None:
        revisions.runs(p, old.text, "del", hidden=hidden)
        revisions.whole(p, "del")


def _revised_table(doc: Any, revisions: _Revisions, old: _Block | None, new: _Block | None) -> None:
    """A table whose rows are kept, revised, deleted or inserted, by the categories' ids."""
    from docx.oxml.ns import qn  # noqa: PLC0415  # loaded when a Word file is written

    block = new or old
    assert block is not None  # noqa: S101  # one of the two is given
    _table(doc, block.header, [], widths=_WIDTHS)
    table = doc.element.body.findall(qn("w:tbl"))[-1]
    whole = None if old is not None and new is not None else ("ins" if new else "del")
    if whole is not None:
        _mark_row(table.findall(qn("w:tr"))[0], revisions, whole)
        for tc in table.findall(qn("w:tr"))[0].iter(qn("w:tc")):
            for p in tc.iter(qn("w:p")):
                _mark_runs(p, revisions, whole)
    olds = dict(old.rows) if old is not None else {}
    news = dict(new.rows) if new is not None else {}
    order_old = [key for key, _ in (old.rows if old is not None else ())]
    order_new = [key for key, _ in (new.rows if new is not None else ())]
    matcher = difflib.SequenceMatcher(a=order_old, b=order_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for key in order_new[j1:j2]:
                _row(table, revisions, olds[key], news[key], None)
            continue
        for key in order_old[i1:i2]:
            _row(table, revisions, olds[key], None, "del")
        for key in order_new[j1:j2]:
            _row(table, revisions, None, news[key], "ins")


def _row(
    table: Any,
    revisions: _Revisions,
    old: Sequence[str] | None,
    new: Sequence[str] | None,
    kind: str | None,
) -> None:
    """A row of the table: its cells kept and revised, or the whole row inserted or deleted."""
    from docx.oxml import OxmlElement  # noqa: PLC0415  # loaded when a Word file is written
    from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

    header = table.findall(qn("w:tr"))[0]
    widths = [tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") for tc in header.findall(qn("w:tc"))]
    tr = OxmlElement("w:tr")
    cells = new if new is not None else old
    assert cells is not None  # noqa: S101  # one of the two is given
    for index in range(len(cells)):
        tc = OxmlElement("w:tc")
        width = widths[index] if index < len(widths) else None
        if width is not None:
            properties = OxmlElement("w:tcPr")
            properties.append(_copy(width))
            tc.append(properties)
        p = OxmlElement("w:p")
        tc.append(p)
        if kind is None and old is not None and new is not None:
            revisions.changed(p, old[index], new[index])
        else:
            revisions.runs(p, cells[index], kind)
        tr.append(tc)
    if kind is not None:
        _mark_row(tr, revisions, kind)
    table.append(tr)


def _copy(element: Any) -> Any:
    import copy  # noqa: PLC0415  # only here

    return copy.deepcopy(element)


def _mark_row(tr: Any, revisions: _Revisions, kind: str) -> None:
    """Mark table row *tr* inserted or deleted, as Word does (``w:trPr/w:ins``, ``w:del``)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415  # loaded when a Word file is written
    from docx.oxml.ns import qn  # noqa: PLC0415  # likewise

    properties = tr.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        tr.insert(0, properties)
    properties.append(revisions.mark(kind))


def _mark_runs(p: Any, revisions: _Revisions, kind: str) -> None:
    """Put paragraph *p*'s runs in one insertion or deletion (a deleted one's text as delText)."""
    from docx.oxml.ns import qn  # noqa: PLC0415  # loaded when a Word file is written

    runs = p.findall(qn("w:r"))
    if not runs:
        return
    mark = revisions.mark(kind)
    runs[0].addprevious(mark)
    for r in runs:
        mark.append(r)
        if kind == "del":
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
