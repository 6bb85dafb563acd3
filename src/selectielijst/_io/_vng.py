"""Importing the VNG Selectielijst (gemeenten en intergemeentelijke organen).

From its spreadsheet (one row per result, the process type's columns repeated
on every row) or from the fixtures of its API (process types and results as
JSON). Process types become sections, results categories; generic results
(``1.1``) and specific ones (``1.1.2``) keep their numbers. The VNG declares its
result numbers as identity: it never reuses one, and a result it retires stays
in the list as "Vervallen" under its number. So the sheet's numbers are its
declared ids; the API's uuids are declared ids too. Withdrawn results
("Vervallen: dit is resultaat 19.1.19 geworden") become withdrawn categories
with the successors they name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from selectielijst._i18n import say
from selectielijst._io._notation import (
    PROCESS_TERMS,
    process_term_words,
    read_valuation,
    with_process_term,
)
from selectielijst._io._table import Imported, SheetProblems
from selectielijst._io._withdrawal import read_from, successors_of, withdrawal
from selectielijst._model import (
    STABLE_ID,
    Category,
    CategoryStatus,
    Section,
    SelectionList,
    ValuationKind,
    VersionInfo,
    number_key,
)
from selectielijst._storage import Row, read_table, read_text
from selectielijst.errors import (
    DocumentErrors,
    InvalidDocument,
    SelectielijstError,
)

__all__ = [
    "PROCESS_TERMS",
    "TASK_FIELDS",
    "import_vng",
    "import_vng_api",
    "process_term_words",
    "with_process_term",
]

TITLE = "Selectielijst gemeenten en intergemeentelijke organen"
ORGANISATION = "Gemeenten en intergemeentelijke organen (VNG)"
_EXPLANATION = ("Toelichting", "Toelichting/voorbeelden")


@attrs.define
class _Builder:
    """Collects process types and results in document order."""

    problems: SheetProblems
    sections: dict[str, Section] = attrs.Factory(dict)
    categories: dict[str, list[Category]] = attrs.Factory(dict)
    differing: set[str] = attrs.Factory(set)

    def section(  # noqa: PLR0913  # a process type's columns, and how to take them
        self,
        number: str,
        name: str,
        paragraphs: list[str],
        process_object: str,
        row: Row | None,
        *,
        as_written: bool = False,
        ref: str | None = None,
    ) -> str:
        key = f"procestype-{number}"
        text = tuple(
            paragraph if as_written and "\n" not in paragraph else line.strip()
            for paragraph in paragraphs
            for line in paragraph.splitlines()
            if line.strip()
        )
        notes = (f"Procesobject: {process_object}",) if process_object.strip() else ()
        section = Section(
            key,
            name if name.strip() else f"Procestype {number}",
            number=number,
            text=text,
            notes=notes,
            ref=ref,
        )
        known = self.sections.get(key)
        if known is None:
            self.sections[key] = section
            self.categories[key] = []
        elif known != section and key not in self.differing and row is not None:
            self.differing.add(key)
            note = say(
                "process-type-differs",
                "the columns of process type {number} differ from those in an earlier row;"
                " the first are used",
                number=number,
            )
            self.problems.note(row, "Procestypenummer", (note,))
        return key

    def build(self, version: VersionInfo, list_id: str) -> SelectionList:
        sections = tuple(
            attrs.evolve(section, categories=tuple(self.categories[key]))
            for key, section in sorted(
                self.sections.items(), key=lambda item: number_key(item[1].number)
            )
        )
        return SelectionList(list_id, TITLE, version, organisation=ORGANISATION, sections=sections)


def _process_number(text: str) -> str:
    """``1.0`` (a float in the source spreadsheet) is process type ``1``."""
    cleaned = text.strip()
    return cleaned.removesuffix(".0")


@attrs.frozen
class _Result:
    """One result as the source gives it: texts, not yet read."""

    number: str
    name: str
    description: str
    explanation: str
    valuation: str
    term: str
    process_term: str
    id: str | None = None
    """The API's uuid, where there is one: a declared id."""
    origin: str = ""
    tasks: tuple[str, ...] = ()
    process_remark: str = ""
    """The API's remark on the procestermijn ("5 of 10 jaar"); the sheet has it in the text."""
    as_written: bool = False
    """Keep the texts as the source writes them, spaces and all (the API's, to write back)."""


TASK_FIELDS: Mapping[str, str] = {
    "algemeen_bestuur_en_inrichting_organisatie": "Algemeen bestuur en inrichting organisatie",
    "bedrijfsvoering_en_personeel": "Bedrijfsvoering en personeel",
    "publieke_informatie_en_registratie": "Publieke informatie en registratie",
    "burgerzaken": "Burgerzaken",
    "veiligheid": "Veiligheid",
    "verkeer_en_vervoer": "Verkeer en vervoer",
    "economie": "Economie",
    "onderwijs": "Onderwijs",
    "sport_cultuur_en_recreatie": "Sport, cultuur en recreatie",
    "sociaal_domein": "Sociaal domein",
    "volksgezonheid_en_milieu": "Volksgezondheid en milieu",
    "vhrosv": "VHROSV",
    "heffen_belastingen": "Heffen belastingen etc",
    "alle_taakgebieden": "Alle taakgebieden",
}
"""The API's task fields and the sheet's columns for them (the API spells one 'volksgezonheid')."""


def _stripped(text: str) -> str | None:
    return text.strip() or None


def _as_written(text: str) -> str | None:
    return text if text.strip() else None


def _category(result: _Result, row: Row, problems: SheetProblems) -> Category | None:
    """One result as a category; ``None`` (with the problem noted) when it cannot be read."""
    number, name = result.number, result.name
    description, explanation = result.description, result.explanation
    valuation_text, term_text, process_term = result.valuation, result.term, result.process_term
    kept = _as_written if result.as_written else _stripped
    described, explained, origin = kept(description), kept(explanation), kept(result.origin)
    if not valuation_text.strip():
        marking = withdrawal([name, described, explained])
        if marking is not None:
            went = successors_of(marking, [described, explained], number)
            for phrase in went.phrases:
                problems.note(row, "Toelichting/voorbeelden", (read_from(phrase),))
            return Category(
                result.id or number, number, name or "Vervallen", None,
                description=described, explanation=explained,
                status=CategoryStatus.WITHDRAWN, successors=went.numbers,
                origin=origin, tasks=result.tasks,
            )  # fmt: skip
        problems.add(
            row,
            "Waardering",
            say(
                "api-empty-valuation",
                "the valuation is empty and the result is not marked 'Vervallen'",
            ),
        )
        return None
    try:
        reading = read_valuation(valuation_text, term=term_text or None)
    except SelectielijstError as e:
        problems.add(row, "Waardering", e.said)
        return None
    written = term_text.strip()
    term_notes = tuple(note for note in reading.notes if written and written in str(note))
    problems.note(row, "Bewaartermijn", term_notes)
    problems.note(row, "Waardering", tuple(n for n in reading.notes if n not in term_notes))
    valuation = reading.valuation
    if valuation is None:  # a cross reference: the VNG list has none
        problems.add(
            row,
            "Waardering",
            say(
                "reference-without-valuation",
                "refers to {reference!r}; give a valuation",
                reference=reading.reference,
            ),
        )
        return None
    if valuation.kind is ValuationKind.DESTROY and process_term.strip():
        valuation = attrs.evolve(
            valuation, term=with_process_term(valuation.term, process_term, result.process_remark)
        )
    return Category(
        result.id or number,
        number,
        described or name or number,
        valuation,
        explanation=explained,
        result=name if described and name else None,
        origin=origin,
        tasks=result.tasks,
    )


def import_vng(path: Path, *, version: VersionInfo, list_id: str = "vng") -> Imported:
    r"""Import the VNG Selectielijst from its spreadsheet (CSV or XLSX).

    >>> import tempfile, pathlib
    >>> from selectielijst import Status
    >>> from selectielijst.model import VersionInfo
    >>> sheet = pathlib.Path(tempfile.mkdtemp()) / "vng.csv"
    >>> _ = sheet.write_text(
    ...     "Procestypenummer,Procestypenaam,Nr.,Resultaat,Waardering,Bewaartermijn\n"
    ...     "1.0,Voorbeeldproces,1.1,Afgerond,Vernietigen,10 jaar\n"
    ... )
    >>> lijst = import_vng(sheet, version=VersionInfo("1", Status.CONCEPT)).selection_list
    >>> lijst.sections[0].title, str(lijst.category("1.1").valuation)
    ('Voorbeeldproces', 'V, 10 jaar')

    Raises:
        DocumentErrors: Rows that cannot be read, each with its row and column.
    """
    table = read_table(path)
    required = (
        "Procestypenummer",
        "Procestypenaam",
        "Nr.",
        "Resultaat",
        "Waardering",
        "Bewaartermijn",
    )
    missing = [column for column in required if column not in table.header]
    if missing:
        problem = say(
            "not-the-vng-sheet",
            "this is not the VNG Selectielijst sheet: it has no column {missing!r}",
            missing=missing[0],
        )
        raise DocumentErrors(
            f"{table.file} cannot be imported", [InvalidDocument(problem, file=table.file, line=1)]
        )
    explanation_column = next((c for c in _EXPLANATION if c in table.header), None)
    problems = SheetProblems(table.file)
    builder = _Builder(problems)
    seen: dict[str, int] = {}
    for row in table.rows:
        number = row.get("Nr.")
        if not number:
            if any(cell.strip() for cell in row.cells.values()):
                problems.add(row, "Nr.", say("no-result-number", "the result has no number"))
            continue
        if number in seen:
            problems.add(
                row,
                "Nr.",
                say(
                    "number-twice-in-sheet",
                    "number {number!r} is used twice (first in row {first})",
                    number=number,
                    first=seen[number],
                ),
            )
            continue
        seen[number] = row.line
        key = builder.section(
            _process_number(row.get("Procestypenummer")),
            row.get("Procestypenaam"),
            [row.raw("Procestypeomschrijving"), row.raw("Procestypetoelichting")],
            row.get("procesobject") or row.get("Procesobject"),
            row,
        )
        result = _Result(
            number, row.get("Resultaat"), row.get("Omschrijving"), row.raw(explanation_column),
            row.raw("Waardering"), row.raw("Bewaartermijn"), row.get("Procestermijn"),
            origin=row.raw("Herkomst"),
            tasks=tuple(task for task in TASK_FIELDS.values() if row.get(task)),
        )  # fmt: skip
        category = _category(result, row, problems)
        if category is not None:
            builder.categories[key].append(category)
    problems.raise_if_any()
    return Imported(builder.build(version, list_id), tuple(problems.notes))


@attrs.frozen
class _ApiData:
    """The API's process types and results, in one shape whichever file they came from.

    Keys are the fixture's (``proces_type``, ``procestermijn_opmerking``); a
    result's ``proces_type`` and ``generiek_resultaat`` name records by a key of
    this object, the fixture's pk or the current API's uuid.
    """

    types: dict[object, dict[str, Any]]
    results: dict[object, dict[str, Any]]
    rows: dict[object, int]
    """A result's key -> its place in the file, as problems name it."""


_CAMEL = re.compile(r"(?<=[a-z])([A-Z])")


def _snake(key: str) -> str:
    """``procestermijnOpmerking`` -> ``procestermijn_opmerking``, as the fixtures name it."""
    return _CAMEL.sub(r"_\1", key).lower()


def _load_records(path: Path) -> list[dict[str, Any]]:
    """The records of one of the API's files: the old fixture's or the current data files'."""
    name = str(path)
    try:
        data = json.loads(read_text(path), parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        problem = say("invalid-json", "is not valid JSON: {msg}", msg=e.msg)
        raise DocumentErrors(
            f"{name} cannot be read", [InvalidDocument(problem, file=name, line=e.lineno)]
        ) from e
    except RecursionError as e:
        problem = say(
            "api-fixture-too-deep",
            "is not a fixture of the Selectielijst API: its JSON is nested too deeply",
        )
        raise DocumentErrors(f"{name} cannot be read", [InvalidDocument(problem, file=name)]) from e
    except ValueError as e:
        problem = say("not-an-api-fixture", "is not a fixture of the Selectielijst API: {e}", e=e)
        raise DocumentErrors(f"{name} cannot be read", [InvalidDocument(problem, file=name)]) from e
    if isinstance(data, list) and all(_is_fixture_record(item) for item in data):
        return data
    if isinstance(data, list) and all(
        isinstance(item, dict) and isinstance(item.get("url"), str) for item in data
    ):
        return [
            {"pk": item["url"], "fields": {_snake(k): v for k, v in item.items()}} for item in data
        ]
    problem = say(
        "api-fixture-shape",
        "is not a fixture of the Selectielijst API (a list of records, each with a"
        " whole-number 'pk' and its 'fields') nor a data file of the referentielijsten API"
        " (a list of records, each with its 'url')",
    )
    raise DocumentErrors(f"{name} cannot be read", [InvalidDocument(problem, file=name)])


def _is_fixture_record(item: object) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("fields"), dict)
        and isinstance(item.get("pk"), int)
        and not isinstance(item.get("pk"), bool)
    )


def _no_constant(name: str) -> object:
    """NaN and Infinity are no JSON, and no value of the API."""
    msg = say("not-json", "it holds {name}, which is not JSON", name=name)
    raise ValueError(msg)


def _api_data(results: Path, process_types: Path) -> _ApiData:
    types = {item["pk"]: item["fields"] for item in _load_records(process_types)}
    records = _load_records(results)
    for pk, fields in types.items():
        if isinstance(pk, str):  # the current API: the uuid is the url
            fields.setdefault("uuid", pk)
    for item in records:
        fields = item["fields"]
        if isinstance(item["pk"], str):
            fields.setdefault("uuid", item["pk"])
    return _ApiData(
        types,
        {item["pk"]: item["fields"] for item in records},
        {item["pk"]: index for index, item in enumerate(records, start=1)},
    )


def import_vng_api(
    results: Path,
    process_types: Path,
    *,
    year: int | None = None,
    version: VersionInfo,
    list_id: str = "vng",
) -> Imported:
    """Import the VNG Selectielijst from the API's results and process types (JSON).

    Either shape: the data files of the current referentielijsten API (flat
    records in camelCase, ``url`` a uuid, each process type with its
    ``jaar``), or the Django fixtures of the older Selectielijst API
    (``pk`` and ``fields``). *year* chooses the process types' names and
    descriptions where the file holds those of several years; without it the
    file must hold one year. Texts are kept as the API writes them, and so
    are the uuids: the results' as their ids, the process types' as the
    sections' ``ref``. A version without a
    date gets the year as its date.

    >>> import json, tempfile, pathlib
    >>> from selectielijst import Status
    >>> from selectielijst.model import VersionInfo
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> types = [{"pk": 1, "fields": {"nummer": 1, "naam": "Proces", "jaar": 2020}}]
    >>> results = [{"pk": 7, "fields": {"proces_type": 1, "nummer": 1, "naam": "Afgerond",
    ...             "waardering": "vernietigen", "bewaartermijn": "P10Y"}}]
    >>> _ = (folder / "types.json").write_text(json.dumps(types))
    >>> _ = (folder / "results.json").write_text(json.dumps(results))
    >>> imported = import_vng_api(folder / "results.json", folder / "types.json",
    ...                           version=VersionInfo("1", Status.CONCEPT))
    >>> str(imported.selection_list.category("1.1").valuation)
    'V, 10 jaar'
    >>> imported.selection_list.version.date
    '2020'

    Raises:
        DocumentErrors: Records that cannot be read, each named by its key or
            place; or no year can be chosen.
    """
    data = _api_data(results, process_types)
    years = sorted({fields.get("jaar") for fields in data.types.values()}, key=str)
    if year is None and len(years) == 1 and isinstance(years[0], int):
        year = years[0]
    of_year = {
        fields.get("nummer"): fields for fields in data.types.values() if fields.get("jaar") == year
    }
    if not of_year:
        problem = (
            say(
                "api-no-types-of-year",
                "has no process types of {year} (years: {value})",
                year=year,
                value=", ".join(map(str, years)),
            )
            if year is not None
            else say(
                "api-which-year",
                "holds the process types of several years ({value}); choose one with --year",
                value=", ".join(map(str, years)),
            )
        )
        raise DocumentErrors(
            f"{process_types} cannot be used", [InvalidDocument(problem, file=str(process_types))]
        )
    if version.date is None:
        version = attrs.evolve(version, date=str(year))
    problems = SheetProblems(str(results))
    builder = _Builder(problems)
    ordered = sorted(data.results, key=lambda pk: number_key(_api_number(data.results[pk], data)))
    for pk in ordered:
        fields = data.results[pk]
        row = Row(data.rows[pk], {})
        type_fields = data.types.get(fields.get("proces_type"))
        if type_fields is None:
            problems.add(
                row,
                "proces_type",
                say(
                    "api-unknown-process-type",
                    "result {item} names process type {value!r}, which is not in {process_types}",
                    item=pk,
                    value=fields.get("proces_type"),
                    process_types=process_types,
                ),
            )
            continue
        described = of_year.get(type_fields.get("nummer"), type_fields)
        key = builder.section(
            str(described.get("nummer")), _text(described.get("naam")),
            [_text(described.get("omschrijving")), _text(described.get("toelichting"))],
            _text(described.get("procesobject")), None, as_written=True,
            ref=_uuid(described.get("uuid")),
        )  # fmt: skip
        waardering = {"blijvend_bewaren": "Bewaren", "vernietigen": "Vernietigen"}.get(
            fields.get("waardering", ""), fields.get("waardering", "")
        )
        result = _Result(
            _api_number(fields, data), _text(fields.get("naam")),
            _text(fields.get("omschrijving")), _text(fields.get("toelichting")),
            str(waardering), _text(fields.get("bewaartermijn")),
            _text(fields.get("procestermijn")), _uuid(fields.get("uuid")),
            origin=_text(fields.get("herkomst")),
            tasks=tuple(task for key, task in TASK_FIELDS.items() if fields.get(key) is True),
            process_remark=_text(fields.get("procestermijn_opmerking")),
            as_written=True,
        )  # fmt: skip
        category = _category(result, row, problems)
        if category is not None:
            builder.categories[key].append(category)
    problems.raise_if_any()
    return Imported(builder.build(version, list_id), tuple(problems.notes))


def _text(value: object) -> str:
    """A text field of the API as it writes it; a missing one (``None``) is empty."""
    return "" if value is None else str(value)


def _uuid(value: object) -> str | None:
    """The API's uuid as a stable id, or ``None`` when it has none that fits."""
    if isinstance(value, str) and STABLE_ID.fullmatch(value.lower()):
        return value.lower()
    return None


def _api_number(fields: Mapping[str, Any], data: _ApiData) -> str:
    """``1.1`` for a generic result, ``1.1.2`` for a specific one."""
    type_number = data.types.get(fields.get("proces_type"), {}).get("nummer", "?")
    generic_key = fields.get("generiek_resultaat")
    generic = data.results.get(generic_key) if generic_key is not None else None
    if generic is not None:
        return f"{type_number}.{generic.get('nummer')}.{fields.get('nummer')}"
    full = fields.get("volledig_nummer")
    if isinstance(full, str) and full.startswith(f"{type_number}."):
        return full  # the current API says it whole, and names no generic result
    return f"{type_number}.{fields.get('nummer')}"
