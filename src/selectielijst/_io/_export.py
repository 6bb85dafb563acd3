"""The export format: a whole list version as one table, and back without loss.

Each row is one record, named in the ``record`` column: the list, its version,
each criterion, each section (``parent`` names the section it stands in) and
each category (``parent`` names its section), in document order. A person can
filter the sheet on ``record = category`` and read it as a selection list;
a program reads it back exactly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from selectielijst._i18n import say
from selectielijst._io._documents import DOCUMENT_SUFFIXES, DocumentRows, read_document
from selectielijst._io._pdf import pdf_of
from selectielijst._io._table import Columns, TableOptions, import_table
from selectielijst._model import (
    Category,
    Criterion,
    Section,
    SelectionList,
    Status,
    VersionInfo,
    slug,
)
from selectielijst._render import (
    Language,
    category_row,
    label,
    language_chosen,
    list_document,
    revised_document,
    status_words,
    word_text,
)
from selectielijst._storage import (
    Loaded,
    Problem,
    Problems,
    Row,
    Table,
    converter_of,
    dumps,
    from_plain,
    guarded,
    load_yaml,
    read_table,
    structure,
    unguarded,
    write_atomically,
    write_csv,
    write_xlsx,
)
from selectielijst.errors import DocumentErrors, InvalidDocument, UnknownFormat

__all__ = [
    "COLUMNS",
    "EXPORT_FORMATS",
    "export",
    "export_bytes",
    "is_export",
    "read_export",
]

COLUMNS = (
    "record", "id", "number", "parent", "name", "description", "explanation", "examples",
    "valuation", "criteria", "term", "trigger", "keep_parts", "status", "successors",
    "text", "notes", "incomplete", "label", "date", "source", "coverage",
    "result", "origin", "tasks", "except", "process", "process_remark", "ref", "transfer",
)  # fmt: skip
"""The columns, old ones first: an export written before the last eight reads as it did."""
EXPORT_FORMATS = ("csv", "xlsx", "json", "docx", "pdf")


def _list_cell(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False) if items else ""


def _rows(selection_list: SelectionList) -> Iterator[dict[str, str]]:
    version = selection_list.version
    yield {
        "record": "list",
        "id": selection_list.id,
        "name": selection_list.title,
        "description": selection_list.organisation or "",
        "notes": _list_cell(selection_list.notes),
        "status": selection_list.ids.value,
        "transfer": selection_list.transfer.isoformat() if selection_list.transfer else "",
    }
    yield {
        "record": "version",
        "label": version.label,
        "status": version.status.value,
        "date": version.date or "",
        "source": version.source or "",
        "coverage": version.coverage or "",
        "incomplete": "true" if version.incomplete else "",
        "notes": _list_cell(version.notes),
    }
    for criterion in selection_list.criteria:
        yield {"record": "criterion", "number": str(criterion.number), "name": criterion.text}
    yield from _section_rows(selection_list.sections, "")


def _section_rows(sections: tuple[Section, ...], parent: str) -> Iterator[dict[str, str]]:
    for section in sections:
        yield {
            "record": "section",
            "id": section.id,
            "number": section.number or "",
            "parent": parent,
            "name": section.title,
            "text": "\n\n".join(section.text),
            "notes": _list_cell(section.notes),
            "incomplete": "true" if section.incomplete else "",
            "ref": section.ref or "",
        }
        yield from (_category_row(category, section.id) for category in section.categories)
        yield from _section_rows(section.sections, section.id)


def _category_row(category: Category, section: str) -> dict[str, str]:
    valuation = category.valuation
    term = valuation.term if valuation is not None else None
    parts = (
        [{"description": p.description, "criteria": list(p.criteria)} for p in valuation.keep_parts]
        if valuation
        else []
    )
    return {
        "record": "category",
        "id": category.id,
        "number": category.number,
        "parent": section,
        "name": category.name,
        "description": category.description or "",
        "explanation": category.explanation or "",
        "examples": _list_cell(category.examples),
        "valuation": valuation.kind.value if valuation is not None else "",
        "criteria": ", ".join(map(str, valuation.criteria)) if valuation is not None else "",
        "term": term.duration.isoformat() if term is not None and term.duration is not None else "",
        "trigger": term.trigger or "" if term is not None else "",
        "keep_parts": json.dumps(parts, ensure_ascii=False) if parts else "",
        "status": category.status.value,
        "successors": _list_cell(category.successors),
        "result": category.result or "",
        "origin": category.origin or "",
        "tasks": _list_cell(category.tasks),
        "except": valuation.exception or "" if valuation is not None else "",
        "process": term.process.code if term is not None and term.process else "",
        "process_remark": term.process.remark or "" if term is not None and term.process else "",
    }


def export_bytes(
    selection_list: SelectionList, format_name: str, language: Language | None = None
) -> bytes:
    """The list as CSV, XLSX, JSON, Word or PDF bytes.

    Word and PDF are documents to circulate or publish, in *language* (else
    the run's); the Word document also carries the list exactly, hidden, so
    that it reads back equal.

    >>> from selectielijst import load
    >>> export_bytes(load("mivd", "0.16"), "csv").splitlines()[0].decode()[:30]
    'record,id,number,parent,name,d'
    """
    if format_name == "json":
        document = load_yaml(dumps(selection_list)).data
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if format_name in {"docx", "pdf"}:
        word = list_document(
            selection_list, language or language_chosen(), _machine_copy(selection_list)
        )
        return word if format_name == "docx" else pdf_of(word)
    rows = [[row.get(column, "") for column in COLUMNS] for row in _rows(selection_list)]
    if format_name == "csv":
        return write_csv(COLUMNS, [[guarded(cell) for cell in row] for row in rows])
    if format_name == "xlsx":
        return write_xlsx(
            COLUMNS, rows, title=f"{selection_list.id} {selection_list.version.label}"
        )
    msg = say(
        "unknown-export-format",
        "unknown export format {format_name!r}; choose one of {value}",
        format_name=format_name,
        value=", ".join(EXPORT_FORMATS),
    )
    raise UnknownFormat(msg)


def revised_bytes(
    old: SelectionList, new: SelectionList, language: Language | None = None
) -> bytes:
    """The new version as a Word document with every change since *old* a Word revision.

    Accept all revisions in Word and it is the Word export of *new*; reject
    all and it is that of *old*: a draft with tracked changes, for reviewers
    who know Word. Its labels are in *language* (else the run's).

    >>> from selectielijst import load
    >>> draft = revised_bytes(load("voorbeeld", "1.0"), load("voorbeeld", "2.0"))
    >>> draft[:2]
    b'PK'
    """
    chosen = language or language_chosen()
    return revised_document(old, new, chosen, _machine_copy(old), _machine_copy(new))


def _machine_copy(selection_list: SelectionList) -> str:
    """The list exactly, as one line of JSON (ASCII): what its Word document carries hidden."""
    document = load_yaml(dumps(selection_list)).data
    return json.dumps(document, ensure_ascii=True, separators=(",", ":"))


def export(
    selection_list: SelectionList,
    path: Path,
    format_name: str | None = None,
    *,
    language: Language | None = None,
) -> None:
    """Write the list to *path* as CSV, XLSX, JSON, Word (docx) or PDF, atomically.

    The format is *format_name*, or else the suffix of *path*.

    >>> import tempfile, pathlib
    >>> from selectielijst import load
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "voorbeeld.xlsx"
    >>> export(load("voorbeeld", "2.1"), path)
    >>> read_export(path) == load("voorbeeld", "2.1")
    True
    """
    chosen = format_name or path.suffix.lower().lstrip(".")
    write_atomically(path, export_bytes(selection_list, chosen, language), make_parents=False)


def is_export(table: Table) -> bool:
    """Whether a sheet is in the export format (it has the ``record`` column)."""
    return "record" in table.header


def read_export(path: Path, *, sheet: str | None = None) -> SelectionList:
    """Read a list back from its CSV or XLSX export.

    >>> import tempfile, pathlib
    >>> from selectielijst import load
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mivd.csv"
    >>> export(load("mivd", "0.16"), path)
    >>> read_export(path).sections[0].title
    'Internationaal'

    Raises:
        DocumentErrors: The sheet is not a valid export; each problem names its row.
    """
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        return read_list_document(path)
    table = read_table(path, sheet=sheet)
    if path.suffix.lower() == ".csv":
        rows = tuple(
            Row(row.line, {key: unguarded(cell) for key, cell in row.cells.items()})
            for row in table.rows
        )
        table = Table(table.file, table.header, rows)
    if not is_export(table):
        problem = say(
            "not-an-export",
            "this is no selectielijst export (no 'record' column); import it with a mapping",
        )
        raise DocumentErrors(
            f"{table.file} cannot be read", [InvalidDocument(problem, file=table.file, line=1)]
        )
    document, lines, found = _document(table)
    problems = Problems(table.file, Loaded(document, lines))
    problems.extend(found)
    return structure(document, SelectionList, problems, converter=converter_of())


def _json_list(row: Row, column: str, path: str, problems: list[Problem]) -> Any:
    raw = row.raw(column)
    if not raw:
        return []
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        problems.append(
            (
                path,
                say(
                    "column-not-json-list",
                    "column {column!r} is not a JSON list: {msg}",
                    column=column,
                    msg=e.msg,
                ),
            )
        )
        return []


def _document(table: Table) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """The snapshot document the rows describe, the row of each path, and problems."""
    document: dict[str, Any] = {"criteria": [], "sections": []}
    lines: dict[str, int] = {"$": 1}
    problems: list[Problem] = []
    sections: dict[str, tuple[dict[str, Any], str]] = {}
    for row in table.rows:
        record = row.raw("record")
        if record == "list":
            lines["$"] = row.line
            document.update(list=row.raw("id"), title=row.raw("name"))
            if row.raw("description"):
                document["organisation"] = row.raw("description")
            document["notes"] = _json_list(row, "notes", "$.notes", problems)
            if row.raw("status"):
                document["ids"] = row.raw("status")
            if row.raw("transfer"):
                document["transfer"] = row.raw("transfer")
        elif record == "version":
            lines["$.version"] = row.line
            version = {
                "label": row.raw("label"),
                "status": row.raw("status"),
                "incomplete": row.raw("incomplete") == "true",
            }
            version.update({k: row.raw(k) for k in ("date", "source", "coverage") if row.raw(k)})
            version["notes"] = _json_list(row, "notes", "$.version.notes", problems)
            document["version"] = version
        elif record == "criterion":
            path = f"$.criteria[{len(document['criteria'])}]"
            lines[path] = row.line
            number = row.raw("number")
            document["criteria"].append(
                {"number": int(number) if number.isdecimal() else number, "text": row.raw("name")}
            )
        elif record == "section":
            _add_section(row, document, sections, lines, problems)
        elif record == "category":
            _add_category(row, sections, lines, problems)
        elif any(cell.strip() for cell in row.cells.values()):
            lines[f"$.rows[{row.line}]"] = row.line
            problems.append(
                (
                    f"$.rows[{row.line}]",
                    (
                        say(
                            "unknown-record-kind",
                            "unknown record {record!r}; expected list, version, criterion,"
                            " section or category",
                            record=record,
                        )
                    ),
                )
            )
    return document, lines, problems


def _add_section(
    row: Row,
    document: dict[str, Any],
    sections: dict[str, tuple[dict[str, Any], str]],
    lines: dict[str, int],
    problems: list[Problem],
) -> None:
    parent = row.raw("parent")
    siblings = (
        document["sections"]
        if not parent
        else sections[parent][0]["sections"]
        if parent in sections
        else None
    )
    if siblings is None:
        where = f"$.rows[{row.line}]"
        lines[where] = row.line
        problems.append(
            (
                where,
                say(
                    "unknown-parent",
                    "section {value!r} names parent {parent!r}, which comes nowhere before it",
                    value=row.raw("id"),
                    parent=parent,
                ),
            )
        )
        return
    path = (f"{sections[parent][1]}.sections" if parent else "$.sections") + f"[{len(siblings)}]"
    section: dict[str, Any] = {
        "id": row.raw("id"),
        "title": row.raw("name"),
        "text": row.raw("text"),
        "notes": _json_list(row, "notes", f"{path}.notes", problems),
        "incomplete": row.raw("incomplete") == "true",
        "categories": [],
        "sections": [],
    }
    if row.raw("number"):
        section["number"] = row.raw("number")
    if row.raw("ref"):
        section["ref"] = row.raw("ref")
    siblings.append(section)
    sections[row.raw("id")] = (section, path)
    lines[path] = row.line


def _add_category(
    row: Row,
    sections: dict[str, tuple[dict[str, Any], str]],
    lines: dict[str, int],
    problems: list[Problem],
) -> None:
    parent = row.raw("parent")
    if parent not in sections:
        where = f"$.rows[{row.line}]"
        lines[where] = row.line
        problems.append(
            (
                where,
                (
                    say(
                        "unknown-category-section",
                        "category {value!r} names section {parent!r}, which comes nowhere before"
                        " it",
                        value=row.raw("number"),
                        parent=parent,
                    )
                ),
            )
        )
        return
    section, section_path = sections[parent]
    path = f"{section_path}.categories[{len(section['categories'])}]"
    lines[path] = row.line
    category: dict[str, Any] = {
        "id": row.raw("id"),
        "number": row.raw("number"),
        "name": row.raw("name"),
    }
    for key in ("description", "explanation"):
        if row.raw(key):
            category[key] = row.raw(key)
    category["examples"] = _json_list(row, "examples", f"{path}.examples", problems)
    category["successors"] = _json_list(row, "successors", f"{path}.successors", problems)
    category["status"] = row.raw("status")
    for key in ("result", "origin"):
        if row.raw(key):
            category[key] = row.raw(key)
    category["tasks"] = _json_list(row, "tasks", f"{path}.tasks", problems)
    kind = row.raw("valuation")
    if kind == "B":
        criteria = [
            int(n) for n in row.raw("criteria").replace(" ", "").split(",") if n.isdecimal()
        ]
        category["valuation"] = {"keep": criteria}
        if row.raw("except"):
            category["valuation"]["except"] = row.raw("except")
    elif kind == "V":
        valuation: dict[str, Any] = {"destroy": row.raw("term") or None}
        for key in ("trigger", "process", "process_remark"):
            if row.raw(key):
                valuation[key] = row.raw(key)
        parts = _json_list(row, "keep_parts", f"{path}.valuation.keep_parts", problems)
        if parts:
            valuation["keep_parts"] = [
                {"description": p.get("description"), "keep": p.get("criteria", [])}
                if isinstance(p, dict)
                else p
                for p in parts
            ]
        category["valuation"] = valuation
    elif kind:
        problems.append(
            (
                f"{path}.valuation",
                say("unknown-valuation-kind", "valuation is B or V, not {kind!r}", kind=kind),
            )
        )
    section["categories"].append(category)


def _own_columns(language: Language) -> Columns:
    """The columns of the category tables in a list's own Word and PDF documents."""
    return Columns(
        number=label("doc_number", language),
        name=label("doc_category", language),
        valuation=label("valuation", language),
        explanation=label("explanation", language),
    )


def read_list_document(path: Path) -> SelectionList:
    """Read back a list from the Word or PDF document :func:`~selectielijst.export` wrote.

    A Word document carries the list exactly: when its text still says what
    the list says, that list is the answer, ids and all. When the text was
    edited after export (a name reworded, a valuation changed, a row added),
    the text is read instead, as with a mapping of the document's own columns,
    and the categories whose numbers the list knows keep its ids. A PDF is
    read from its text, its ids made from its numbers; its title and version
    from the document's first lines.

    >>> import tempfile, pathlib
    >>> from selectielijst import load
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "lijst.docx"
    >>> export(load("voorbeeld", "2.1"), path)
    >>> read_list_document(path) == load("voorbeeld", "2.1")
    True

    Raises:
        DocumentErrors: The document is no list of ours, or cannot be read.
    """
    copy = None
    for language in (Language.NL, Language.EN):
        names = [c for c in attrs.astuple(_own_columns(language)) if c]
        rows = read_document(path, names, required=False)
        copy = copy or rows.machine_copy
        if rows.header_found:
            break
    else:  # no table of categories: a list without any, or no list of ours
        known = from_plain(json.loads(copy), file=str(path)) if copy else None
        if known is not None and not any(True for _ in known.categories()):
            return known
        read_document(path, [c for c in attrs.astuple(_own_columns(Language.NL)) if c])
    columns = _own_columns(language)
    known = from_plain(json.loads(rows.machine_copy), file=str(path)) if rows.machine_copy else None
    if known is not None and _says_the_same(known, rows, language):
        return known
    facts = known or _facts_of(path, rows, language)
    options = TableOptions(
        facts.id, facts.title, facts.version, columns, organisation=facts.organisation,
        criteria=facts.criteria,
    )  # fmt: skip
    read = _with_examples(import_table(path, options).selection_list, language)
    if known is None:
        return read
    ids = {category.number: category.id for _, category in known.categories()}
    sections = {section.title: section.id for section in known.walk()}
    return attrs.evolve(
        read,
        ids=known.ids,
        transfer=known.transfer,
        notes=known.notes,
        sections=tuple(
            attrs.evolve(
                section,
                id=sections.get(section.title, section.id),
                categories=tuple(
                    attrs.evolve(c, id=ids.get(c.number, c.id)) for c in section.categories
                ),
            )
            for section in read.sections
        ),
    )


def _with_examples(selection_list: SelectionList, language: Language) -> SelectionList:
    """The list with the examples its document writes at the end of an explanation taken out."""
    said = f"{label('examples', language)}: "

    def taken_out(category: Category) -> Category:
        text = category.explanation or ""
        at = text.rfind(said)
        if at < 0 or (at > 0 and not text[at - 1].isspace()):
            return category
        examples = tuple(part.strip() for part in text[at + len(said) :].split(";"))
        return attrs.evolve(
            category,
            explanation=text[:at].strip() or None,
            examples=tuple(example for example in examples if example),
        )

    def section(part: Section) -> Section:
        return attrs.evolve(
            part,
            categories=tuple(taken_out(c) for c in part.categories),
            sections=tuple(section(s) for s in part.sections),
        )

    return attrs.evolve(selection_list, sections=tuple(section(s) for s in selection_list.sections))


def _says_the_same(known: SelectionList, rows: DocumentRows, language: Language) -> bool:
    """Whether the document's rows and headings are the ones its list gives: it was not edited.

    Compared as Word holds text, and as readers see it: spacing aside.
    """

    def seen(text: str) -> str:
        return " ".join(word_text(text).split())

    columns = [c for c in attrs.astuple(_own_columns(language)) if c]
    expected = [
        tuple(seen(text) for text in category_row(category, language))
        for _, category in known.categories()
    ]
    got = [tuple(seen(row.raw(c)) for c in columns) for row in rows.table.rows]
    headings = [label("criteria", language)] if known.criteria else []
    headings += [seen(f"{section.number or ''} {section.title}") for section in known.walk()]
    return got == expected and list(rows.heading_lines) == headings


_VERSION_LINE = re.compile(r"(?:Versie|Version) (?P<label>\S+) · (?P<status>[^·]+?)(?: · .+)?")


def _facts_of(path: Path, rows: DocumentRows, language: Language) -> SelectionList:
    """A list's facts from the first lines of a document of ours: title, version, criteria.

    The title is the document's first line, the version its line ``Versie 2.1 ·
    vastgesteld · ...``; the criteria are the numbered paragraphs under the
    heading "Selectiecriteria". What is not found is made from the file's name.
    """
    preamble = list(rows.preamble)
    version = VersionInfo(path.stem, Status.CONCEPT)
    statuses = {status_words(status, language): status for status in Status}
    for at, line in enumerate(preamble):
        found = _VERSION_LINE.fullmatch(" ".join(line.split()))
        if found is not None:
            status = statuses.get(found.group("status").strip(), Status.CONCEPT)
            version = VersionInfo(found.group("label"), status)
            preamble = preamble[:at]
            break
    title = " ".join(preamble[:1]) if preamble else path.stem
    criteria = []
    for line in rows.texts.get(label("criteria", language), ()):
        numbered = re.fullmatch(r"(\d+)\.\s+(.+)", " ".join(line.split()))
        if numbered is not None:
            criteria.append(Criterion(int(numbered.group(1)), numbered.group(2)))
        elif criteria:  # a criterion's text goes on in the next line
            last = criteria[-1]
            criteria[-1] = Criterion(last.number, f"{last.text} {' '.join(line.split())}")
    return SelectionList(slug(path.stem) or "lijst", title, version, criteria=tuple(criteria))
