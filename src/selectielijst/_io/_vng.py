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
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from selectielijst._i18n import say
from selectielijst._io._notation import read_valuation
from selectielijst._io._table import Imported, SheetProblems
from selectielijst._io._withdrawal import read_from, successors_of, withdrawal
from selectielijst._model import (
    STABLE_ID,
    Category,
    CategoryStatus,
    Section,
    SelectionList,
    Term,
    ValuationKind,
    VersionInfo,
    number_key,
)
from selectielijst._storage import Row, read_table, read_text
from selectielijst.errors import DocumentErrors, InvalidDocument, SelectielijstError

__all__ = ["import_vng", "import_vng_api"]

TITLE = "Selectielijst gemeenten en intergemeentelijke organen"
ORGANISATION = "Gemeenten en intergemeentelijke organen (VNG)"
_NO_PROCESS_TERM = frozenset({"", "nihil"})
_EXPLANATION = ("Toelichting", "Toelichting/voorbeelden")


@attrs.define
class _Builder:
    """Collects process types and results in document order."""

    problems: SheetProblems
    sections: dict[str, Section] = attrs.Factory(dict)
    categories: dict[str, list[Category]] = attrs.Factory(dict)
    differing: set[str] = attrs.Factory(set)

    def section(
        self, number: str, name: str, paragraphs: list[str], process_object: str, row: Row | None
    ) -> str:
        key = f"procestype-{number}"
        text = tuple(
            line.strip()
            for paragraph in paragraphs
            for line in paragraph.splitlines()
            if line.strip()
        )
        notes = (f"Procesobject: {process_object}",) if process_object else ()
        section = Section(
            key, name or f"Procestype {number}", number=number, text=text, notes=notes
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


PROCESS_TERMS: Mapping[str, str] = {
    "nihil": "Nihil",
    "bestaansduur_procesobject": "De bestaans- of geldigheidsduur van het procesobject",
    "ingeschatte_bestaansduur_procesobject": (
        "De ingeschatte maximale bestaansduur van het procesobject"
    ),
    "vast_te_leggen_datum": (
        "De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject"
        " komt te vervallen"
    ),
    "samengevoegd_met_bewaartermijn": "De procestermijn is samengevoegd met de bewaartermijn",
}
"""The API's procestermijn codes and the words the sheet writes for each: one meaning each."""

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


def process_term_words(text: str) -> tuple[str, str]:
    """The procestermijn as the sheet words it, and any remark: from a code or the sheet's text.

    >>> process_term_words("bestaansduur_procesobject")[0]
    'De bestaans- of geldigheidsduur van het procesobject'
    >>> process_term_words("25 jaar (De procestermijn is samengevoegd met de bewaartermijn)")
    ('De procestermijn is samengevoegd met de bewaartermijn', '25 jaar')
    """
    cleaned = " ".join(text.split())
    if cleaned in PROCESS_TERMS:
        return PROCESS_TERMS[cleaned], ""
    folded = cleaned.casefold()
    for words in PROCESS_TERMS.values():
        at = folded.find(words.casefold())
        if at >= 0:
            remark = (cleaned[:at] + cleaned[at + len(words) :]).strip(" ,;()")
            return words, remark
    return cleaned, ""


def _category(result: _Result, row: Row, problems: SheetProblems) -> Category | None:
    """One result as a category; ``None`` (with the problem noted) when it cannot be read."""
    number, name = result.number, result.name
    description, explanation = result.description, result.explanation
    valuation_text, term_text, process_term = result.valuation, result.term, result.process_term
    described = description.strip() or None
    explained = explanation.strip() or None
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
                origin=result.origin.strip() or None, tasks=result.tasks,
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
    destroyed = valuation.kind is ValuationKind.DESTROY
    if destroyed and process_term.strip().lower() not in _NO_PROCESS_TERM:
        words, remark = process_term_words(process_term)
        remark = remark or result.process_remark.strip()
        trigger = f"na de procestermijn: {words}" + (f" ({remark})" if remark else "")
        term = valuation.term
        if term is not None and term.trigger:
            trigger = f"{term.trigger}; {trigger}"
        duration = term.duration if term is not None else None
        valuation = attrs.evolve(valuation, term=Term(duration, trigger))
    return Category(
        result.id or number,
        number,
        described or name or number,
        valuation,
        explanation=explained,
        result=name if described and name else None,
        origin=result.origin.strip() or None,
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


def _load_fixture(path: Path) -> list[dict[str, Any]]:
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
    if not isinstance(data, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("fields"), dict)
        and isinstance(item.get("pk"), int)
        and not isinstance(item.get("pk"), bool)
        for item in data
    ):
        problem = say(
            "api-fixture-shape",
            "is not a fixture of the Selectielijst API (a list of records, each with a"
            " whole-number 'pk' and its 'fields')",
        )
        raise DocumentErrors(f"{name} cannot be read", [InvalidDocument(problem, file=name)])
    return data


def _no_constant(name: str) -> object:
    """NaN and Infinity are no JSON, and no value of the API."""
    msg = say("not-json", "it holds {name}, which is not JSON", name=name)
    raise ValueError(msg)


def import_vng_api(
    results: Path, process_types: Path, *, year: int, version: VersionInfo, list_id: str = "vng"
) -> Imported:
    """Import the VNG Selectielijst from the API's fixtures of results and process types.

    *year* chooses the process types' names and descriptions (the API holds
    those of several years).

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
    ...                           year=2020, version=VersionInfo("1", Status.CONCEPT))
    >>> str(imported.selection_list.category("1.1").valuation)
    'V, 10 jaar'

    Raises:
        DocumentErrors: Records that cannot be read, each named by its primary key.
    """
    types = _load_fixture(process_types)
    records = _load_fixture(results)
    by_pk = {item["pk"]: item["fields"] for item in types}
    of_year = {
        fields.get("nummer"): fields for fields in by_pk.values() if fields.get("jaar") == year
    }
    if not of_year:
        years = sorted({fields.get("jaar") for fields in by_pk.values()})
        problem = say(
            "api-no-types-of-year",
            "has no process types of {year} (years: {value})",
            year=year,
            value=", ".join(map(str, years)),
        )
        raise DocumentErrors(
            f"{process_types} cannot be used", [InvalidDocument(problem, file=str(process_types))]
        )
    problems = SheetProblems(str(results))
    builder = _Builder(problems)
    result_by_pk = {item["pk"]: item["fields"] for item in records}
    for item in sorted(records, key=lambda i: _api_number(i["fields"], result_by_pk, by_pk)):
        fields = item["fields"]
        row = Row(int(item["pk"]), {})
        type_fields = by_pk.get(fields.get("proces_type"))
        if type_fields is None:
            problems.add(
                row,
                "proces_type",
                say(
                    "api-unknown-process-type",
                    "result {item} names process type {value!r}, which is not in {process_types}",
                    item=item["pk"],
                    value=fields.get("proces_type"),
                    process_types=process_types,
                ),
            )
            continue
        described = of_year.get(type_fields.get("nummer"), type_fields)
        key = builder.section(
            str(described.get("nummer")), str(described.get("naam") or "").strip(),
            [str(described.get("omschrijving") or ""), str(described.get("toelichting") or "")],
            str(described.get("procesobject") or ""), None,
        )  # fmt: skip
        waardering = {"blijvend_bewaren": "Bewaren", "vernietigen": "Vernietigen"}.get(
            fields.get("waardering", ""), fields.get("waardering", "")
        )
        result = _Result(
            _api_number(fields, result_by_pk, by_pk), str(fields.get("naam") or "").strip(),
            str(fields.get("omschrijving") or "").strip(), str(fields.get("toelichting") or ""),
            str(waardering), str(fields.get("bewaartermijn") or ""),
            str(fields.get("procestermijn") or ""), _uuid(fields.get("uuid")),
            origin=str(fields.get("herkomst") or ""),
            tasks=tuple(task for key, task in TASK_FIELDS.items() if fields.get(key) is True),
            process_remark=str(fields.get("procestermijn_opmerking") or ""),
        )  # fmt: skip
        category = _category(result, row, problems)
        if category is not None:
            builder.categories[key].append(category)
    problems.raise_if_any()
    return Imported(builder.build(version, list_id), tuple(problems.notes))


def _uuid(value: object) -> str | None:
    """The API's uuid as a stable id, or ``None`` when it has none that fits."""
    if isinstance(value, str) and STABLE_ID.fullmatch(value.lower()):
        return value.lower()
    return None


def _api_number(
    fields: Mapping[str, Any],
    results: Mapping[int, Mapping[str, Any]],
    types: Mapping[int, Mapping[str, Any]],
) -> str:
    """``1.1`` for a generic result, ``1.1.2`` for a specific one."""
    type_number = types.get(int(fields.get("proces_type") or 0), {}).get("nummer", "?")
    generic_pk = fields.get("generiek_resultaat")
    generic = results.get(int(generic_pk)) if generic_pk else None
    if generic is not None:
        return f"{type_number}.{generic.get('nummer')}.{fields.get('nummer')}"
    return f"{type_number}.{fields.get('nummer')}"
