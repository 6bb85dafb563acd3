"""Importing a list from a spreadsheet with a column mapping, and the export format."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from selectielijst._i18n import Language, Message, say
from selectielijst._io._documents import (
    DOCUMENT_SUFFIXES,
    PAGE,
    SECTION,
    SECTION_NUMBER,
    read_document,
)
from selectielijst._io._notation import read_valuation, with_process_term
from selectielijst._io._withdrawal import read_from, successors_of, withdrawal
from selectielijst._model import (
    STABLE_ID,
    Category,
    CategoryStatus,
    Criterion,
    IdSource,
    Section,
    SelectionList,
    Valuation,
    ValuationKind,
    VersionInfo,
    slug,
)
from selectielijst._storage import (
    Problems,
    Row,
    converter_of,
    load_yaml,
    read_table,
    read_text,
    structure,
)
from selectielijst.errors import DocumentErrors, InvalidDocument, SelectielijstError

__all__ = [
    "Columns",
    "ImportNote",
    "Imported",
    "SheetProblems",
    "TableOptions",
    "import_table",
    "read_mapping",
]


@attrs.frozen
class Columns:
    """Which column of the sheet holds what (column names as in its first row).

    Attributes:
        id: A column of stable ids, if the sheet has one. Ids from it are
            trusted as identity; without it, ids are made from the numbers and
            linked to the list's earlier version by content on import.
        status: A column saying whether a row is withdrawn ("Vervallen").
        successors: For a withdrawn row, the numbers it went to.
        process_term: The process term (*procestermijn*) of a V row: nihil, a
            duration ("5 jaar", ``P5Y``), the VNG list's words or codes for
            the named kinds ("De bestaans- of geldigheidsduur van het
            procesobject", ``vast_te_leggen_datum``), with any remark after it.
    """

    number: str
    name: str
    valuation: str
    term: str | None = None
    process_term: str | None = None
    criteria: str | None = None
    description: str | None = None
    explanation: str | None = None
    examples: str | None = None
    section: str | None = None
    section_number: str | None = None
    id: str | None = None
    status: str | None = None
    successors: str | None = None


@attrs.frozen
class TableOptions:
    """How to read a spreadsheet as a list: its columns and the list's own facts."""

    id: str
    title: str
    version: VersionInfo
    columns: Columns
    organisation: str | None = None
    criteria: tuple[Criterion, ...] = ()
    sheet: str | None = None


@attrs.frozen
class ImportNote:
    """Something the importer had to normalise, and where, for a person to check."""

    file: str
    line: int
    column: str
    note: str | Message

    def __str__(self) -> str:
        return self.say(Language.EN)

    def say(self, language: Language) -> str:
        """Where the note is and what it says, in *language*."""
        note = self.note.say(language) if isinstance(self.note, Message) else self.note
        return say(
            "import-note",
            "{file}:{line} column {column!r}: {note}",
            file=self.file,
            line=self.line,
            column=self.column,
            note=note,
        ).say(language)


@attrs.frozen
class Imported:
    """An imported list, and what the importer had to normalise to read it."""

    selection_list: SelectionList
    notes: tuple[ImportNote, ...] = ()


class SheetProblems(Problems):
    """The problems of a sheet, by row and column, and the notes for a person to check."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.notes: list[ImportNote] = []

    def add(self, row: Row, column: str, problem: str | Message) -> None:
        """Note *problem* in *column* of *row* (and, in a PDF, on the row's page)."""
        page = row.cells.get(PAGE)
        where = f"page {page}, column {column!r}" if page else f"column {column!r}"
        self.report(where, problem, line=row.line)

    def note(self, row: Row, column: str, notes: tuple[str | Message, ...]) -> None:
        """Note what the importer had to normalise in *column* of *row*."""
        self.notes.extend(ImportNote(self.file or "", row.line, column, note) for note in notes)

    def raise_if_any(self, message: str | None = None) -> None:
        """Raise every problem of the sheet together, if there is any."""
        super().raise_if_any(message or f"{self.file} cannot be imported")


def read_mapping(path: Path) -> TableOptions:
    r"""Read a mapping file (YAML): the list's facts and which column holds what.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mapping.yaml"
    >>> _ = path.write_text(
    ...     "id: proef\ntitle: Proeflijst\nversion: {label: '1', status: concept}\n"
    ...     "columns: {number: Nr., name: Naam, valuation: Waardering}\n"
    ... )
    >>> read_mapping(path).columns.valuation
    'Waardering'

    Raises:
        DocumentErrors: The mapping file is not valid; each problem is located.
    """
    name = str(path)
    try:
        loaded = load_yaml(read_text(path), file=name)
    except InvalidDocument as e:
        raise DocumentErrors(f"{name} is not a valid mapping", [e]) from e
    document = loaded.data if isinstance(loaded.data, dict) else {}
    problems = Problems(name, loaded)
    if not isinstance(loaded.data, dict):
        problems.report("$", say("mapping-not-mapping", "a mapping file is a mapping of keys"))
    return structure(document, TableOptions, problems, converter=converter_of())


def import_table(path: Path, options: TableOptions) -> Imported:
    r"""Read a spreadsheet (CSV, XLSX) or a document (Word, PDF) as a list, a row per category.

    A document's tables are read as a sheet's rows: its header row found by
    the mapped column names, and, when no section column is mapped, its
    headings as the sections. Every problem is collected with its row and
    column and reported together; no row is dropped without saying so.

    >>> import tempfile, pathlib
    >>> from selectielijst import Status
    >>> from selectielijst.model import VersionInfo
    >>> sheet = pathlib.Path(tempfile.mkdtemp()) / "lijst.csv"
    >>> _ = sheet.write_text("Nr.,Naam,Waardering\n1,Post registreren,\"V, 1 jaar\"\n")
    >>> columns = Columns(number="Nr.", name="Naam", valuation="Waardering")
    >>> options = TableOptions("proef", "Proeflijst", VersionInfo("1", Status.CONCEPT), columns)
    >>> str(import_table(sheet, options).selection_list.category("1").valuation)
    'V, 1 jaar'

    Raises:
        DocumentErrors: The sheet has problems; each names its row and column.
    """
    columns = options.columns
    texts: dict[str, tuple[str, ...]] = {}
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        read = read_document(path, [c for c in attrs.astuple(columns) if c])
        table, texts = read.table, read.texts
        if read.headings and columns.section is None:
            columns = attrs.evolve(columns, section=SECTION, section_number=SECTION_NUMBER)
    else:
        table = read_table(path, sheet=options.sheet)
    problems = SheetProblems(table.file)
    missing = [c for c in attrs.astuple(columns) if c and c not in table.header]
    if missing:
        known = ", ".join(repr(c) for c in table.header if c)
        problem = say(
            "missing-sheet-column",
            "the sheet has no column {missing!r} (columns: {known})",
            missing=missing[0],
            known=known,
        )
        raise DocumentErrors(
            f"{table.file} cannot be imported", [InvalidDocument(problem, file=table.file, line=1)]
        )
    sections: dict[str, tuple[str | None, list[Category]]] = {}
    numbers: dict[str, int] = {}
    ids: dict[str, int] = {}
    references: list[tuple[Row, Category, str]] = []
    withdrawn: list[tuple[Row, Category]] = []
    for row in table.rows:
        if not any(cell.strip() for cell in row.cells.values()):
            problems.note(row, columns.number, (say("empty-row", "empty row skipped"),))
            continue
        category = _category(row, columns, problems, references)
        if category is None:
            continue
        if category.number in numbers:
            problems.add(
                row,
                columns.number,
                say(
                    "number-twice-in-sheet",
                    "number {number!r} is used twice (first in row {first})",
                    number=category.number,
                    first=numbers[category.number],
                ),
            )
            continue
        if columns.id and category.id in ids:
            problems.add(
                row,
                columns.id,
                say(
                    "id-twice-in-sheet",
                    "id {id!r} is used twice (first in row {first})",
                    id=category.id,
                    first=ids[category.id],
                ),
            )
            continue
        numbers[category.number] = row.line
        ids[category.id] = row.line
        if category.withdrawn:
            withdrawn.append((row, category))
        title = row.get(columns.section) or options.title
        sections.setdefault(title, (row.get(columns.section_number) or None, []))[1].append(
            category
        )
    resolved = _resolve(references, sections, problems, columns)
    resolved.update(_successors(withdrawn, numbers, problems, columns))
    problems.raise_if_any()
    built = tuple(
        Section(
            slug(title),
            title,
            number=number,
            text=texts.get(title, ()),
            categories=tuple(resolved.get(c.id, c) for c in categories),
        )
        for title, (number, categories) in sections.items()
    )
    source = IdSource.DECLARED if columns.id else IdSource.NUMBERS
    selection_list = SelectionList(
        options.id, options.title, options.version, organisation=options.organisation,
        criteria=options.criteria, ids=source, sections=built,
    )  # fmt: skip
    return Imported(selection_list, tuple(problems.notes))


_WITHDRAWN = re.compile(r"(?:vervallen|ingetrokken|withdrawn)\b", re.IGNORECASE)
_ACTIVE = frozenset({"", "actief", "active", "in gebruik", "geldig"})
_NUMBER = re.compile(r"\d+(?:\.\d+)*[a-z]?")


def _withdrawal(row: Row, columns: Columns, problems: SheetProblems) -> str | None:
    """The text that marks the row withdrawn ("Vervallen: zie 2.4"), or ``None``.

    A status column says it first; else any mapped text of the row that states
    it (see :mod:`._withdrawal`), wherever in the text it stands.
    """
    status = row.get(columns.status)
    if status and not _WITHDRAWN.match(status):
        if status.lower() not in _ACTIVE:
            problems.add(
                row,
                columns.status or "",
                say(
                    "unknown-row-status",
                    "unknown status {status!r}; use 'vervallen' or leave empty",
                    status=status,
                ),
            )
        return None
    if status:
        return status
    return withdrawal(row.get(column) for column in _texts_of(columns))


def _texts_of(columns: Columns) -> tuple[str | None, ...]:
    """The mapped columns of a row that hold text a person wrote about it."""
    return (
        columns.valuation,
        columns.name,
        columns.description,
        columns.explanation,
        columns.successors,
        columns.examples,
    )


def _category(
    row: Row, columns: Columns, problems: SheetProblems, references: list[tuple[Row, Category, str]]
) -> Category | None:
    number = row.get(columns.number)
    name = row.get(columns.name)
    if not number:
        problems.add(row, columns.number, say("number-empty", "the number is empty"))
    withdrawn = _withdrawal(row, columns, problems)
    if not name and withdrawn is None:
        problems.add(row, columns.name, say("name-empty", "the name is empty"))
    valuation_text = row.raw(columns.valuation)
    reading = None
    if withdrawn is None or (
        valuation_text.strip() and not _WITHDRAWN.match(valuation_text.strip())
    ):
        try:
            reading = read_valuation(valuation_text, term=row.raw(columns.term) or None)
        except SelectielijstError as e:
            problems.add(row, columns.valuation, e.said)
            return None
        problems.note(row, columns.valuation, reading.notes)
    valuation = reading.valuation if reading is not None else None
    process_text = row.raw(columns.process_term).strip()
    if (
        columns.process_term is not None
        and process_text
        and valuation is not None
        and valuation.kind is ValuationKind.DESTROY
    ):
        term = with_process_term(valuation.term, process_text)
        if term.process is None:
            said = say(
                "review-process-term",
                "review: the process term {text!r} is none the list knows; each record must give"
                " the date it runs from (its event)",
                text=process_text,
            )
            problems.note(row, columns.process_term, (said,))
        valuation = attrs.evolve(valuation, term=term)
    criteria = tuple(int(n) for n in re.findall(r"\d+", row.get(columns.criteria)))
    if (
        criteria
        and valuation is not None
        and valuation.kind is ValuationKind.KEEP
        and not valuation.criteria
    ):
        valuation = Valuation.keep(*criteria)
    category_id = _category_id(row, columns, number, problems)
    if not number or category_id is None or (not name and withdrawn is None):
        return None
    examples = tuple(
        line.strip() for line in row.raw(columns.examples).splitlines() if line.strip()
    )
    if withdrawn is not None:
        listed = row.get(columns.successors)
        texts = [row.get(column) for column in _texts_of(columns) if column != columns.successors]
        went = successors_of(listed or withdrawn, texts, number)
        for phrase in went.phrases:
            problems.note(row, columns.number, (read_from(phrase),))
        return Category(
            category_id, number, name or "Vervallen", valuation,
            description=row.get(columns.description) or None,
            explanation=row.get(columns.explanation) or None,
            examples=examples, status=CategoryStatus.WITHDRAWN,
            successors=tuple(dict.fromkeys((*_numbers_in(listed, number), *went.numbers))),
        )  # fmt: skip
    category = Category(
        category_id, number, name, valuation or Valuation.keep(),
        description=row.get(columns.description) or None,
        explanation=row.get(columns.explanation) or None,
        examples=examples,
    )  # fmt: skip
    if reading is not None and reading.reference is not None:
        references.append((row, category, reading.reference))
    return category


def _numbers_in(text: str | None, own: str) -> tuple[str, ...]:
    """The numbers a successors column lists, but the row's own."""
    return tuple(n for n in _NUMBER.findall(text or "") if n != own)


def _category_id(row: Row, columns: Columns, number: str, problems: SheetProblems) -> str | None:
    """The declared id of the row, or one made from its number."""
    if columns.id is None:
        return slug(number) if number else "x"
    declared = row.get(columns.id)
    if not declared:
        problems.add(
            row,
            columns.id,
            say("empty-id", "the id is empty; every row of an id column needs one"),
        )
        return None
    if not STABLE_ID.fullmatch(declared):
        problems.add(
            row,
            columns.id,
            say(
                "unusable-row-id",
                "{declared!r} is not a usable id: use lower-case letters, digits, '.', '-' and '_'",
                declared=declared,
            ),
        )
        return None
    return declared


def _successors(
    withdrawn: list[tuple[Row, Category]],
    numbers: dict[str, int],
    problems: SheetProblems,
    columns: Columns,
) -> dict[str, Category]:
    """Withdrawn categories with only the successors that are numbers of this sheet."""
    checked = {}
    for row, category in withdrawn:
        known = tuple(n for n in category.successors if n in numbers)
        for unknown in (n for n in category.successors if n not in numbers):
            note = say(
                "unknown-successor",
                "{number!r} is no number in this list; not read as a successor",
                number=unknown,
            )
            problems.note(row, columns.successors or columns.status or columns.valuation, (note,))
        if known != category.successors:
            checked[category.id] = attrs.evolve(category, successors=known)
    return checked


def _resolve(
    references: list[tuple[Row, Category, str]],
    sections: dict[str, tuple[str | None, list[Category]]],
    problems: SheetProblems,
    columns: Columns,
) -> dict[str, Category]:
    """Give categories that say "zie categorie N" the valuation of category N.

    A chain ("zie 3", where 3 says "zie 1") is followed to its end; a chain
    that comes back on itself is an error naming its rows.
    """
    by_number = {c.number: c for _, categories in sections.values() for c in categories}
    refers = {category.number: (row, number) for row, category, number in references}
    resolved = {}
    for row, category, number in references:
        chain = [category.number]
        target_number = number
        while target_number in refers and target_number not in chain:
            chain.append(target_number)
            target_number = refers[target_number][1]
        if target_number in chain:
            rows = ", ".join(str(refers[n][0].line) for n in chain)
            problems.add(
                row,
                columns.valuation,
                say(
                    "circular-reference",
                    "refers in a circle ({value}; rows {rows}): give one of them a valuation",
                    value=" -> ".join([*chain, target_number]),
                    rows=rows,
                ),
            )
            continue
        target = by_number.get(target_number)
        if target is None or target.valuation is None:
            problems.add(
                row,
                columns.valuation,
                say(
                    "unknown-reference",
                    "refers to category {target_number!r}, which the sheet does not have",
                    target_number=target_number,
                ),
            )
            continue
        note = f"Zie categorie {number}."
        explanation = f"{category.explanation} {note}" if category.explanation else note
        resolved[category.id] = attrs.evolve(
            category, valuation=target.valuation, explanation=explanation
        )
        if len(chain) > 1:
            taken = say(
                "valuation-taken-via",
                "valuation taken from category {number} (via {chain})",
                number=target_number,
                chain=" -> ".join(chain[1:]),
            )
        else:
            taken = say(
                "valuation-taken", "valuation taken from category {number}", number=target_number
            )
        problems.note(row, columns.valuation, (taken,))
    return resolved
