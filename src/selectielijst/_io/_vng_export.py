"""A list in the shapes of the VNG's APIs: process types and results as JSON.

Sections become process types (``procestypen.json``) and categories results
(``resultaten.json``). Two shapes:

- ``vng-api``: the data files of the current referentielijsten API
  (VNG-Realisatie/referentielijsten-api): flat records in camelCase, ``url``
  and ``procesType`` as uuids, ``volledigNummer``, ``procestermijnWeergave``,
  each process type with its ``jaar``;
- ``vng-fixture``: the Django fixtures of the older Selectielijst API
  (``model``, ``pk`` and ``fields``).

A list fits when its sections are numbered ``1``, ``2``... at one level, its
categories ``1.1`` (generic) or ``1.1.2`` (specific), and it says nothing the
API cannot hold: no criteria, examples, exceptions, kept parts, fixed process
terms or terms that run from an event of their own. What does not fit is
named, category by category, and nothing is written; unless loss is allowed,
and then what fits is written, and every result changed or left out is named
with what was done to it.
"""

from __future__ import annotations

import enum
import json
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from selectielijst._i18n import Message, say
from selectielijst._io._vng import TASK_FIELDS
from selectielijst._model import (
    Category,
    ProcessKind,
    ProcessTerm,
    Section,
    SelectionList,
    ValuationKind,
)
from selectielijst._storage import write_atomically
from selectielijst.errors import DocumentErrors, InvalidDocument

__all__ = [
    "ApiRecords",
    "ApiShape",
    "api_fixtures",
    "api_records",
    "export_vng_api",
    "write_api_records",
]

_PROCESS_OBJECT = "Procesobject: "

SHOWN: Mapping[str, str] = {
    "": "",
    "nihil": "Nihil",
    "bestaansduur_procesobject": "De bestaans- of geldigheidsduur van het procesobject.",
    "ingeschatte_bestaansduur_procesobject": (
        "De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject."
    ),
    "vast_te_leggen_datum": (
        "De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject"
        " komt te vervallen. "
    ),
    "samengevoegd_met_bewaartermijn": "De procestermijn is samengevoegd met de bewaartermijn.",
}
"""The API's ``procestermijnWeergave`` of each ``procestermijn`` code, as it serves them."""

_STAND_IN = ProcessKind.FIXED_DATE
"""The API's kind a term of a date of its own is written as, when loss is allowed.

The case system then asks for the date, and the remark says which: a record
is never destroyed earlier for the loss.
"""


class ApiShape(enum.Enum):
    """Which of the VNG's API shapes to write."""

    API = "vng-api"
    """The data files of the current referentielijsten API."""
    FIXTURE = "vng-fixture"
    """The Django fixtures of the older Selectielijst API."""


@attrs.frozen
class ApiRecords:
    """The list as the API's records, and what had to change to get there.

    Attributes:
        types: The process types, in the shape asked for.
        results: The results, in the shape asked for.
        losses: Each result or part changed or left out to fit, with why and
            what was done (only when loss is allowed).
    """

    types: list[dict[str, Any]]
    results: list[dict[str, Any]]
    losses: tuple[InvalidDocument, ...] = ()


@attrs.define
class _Fitting:
    """Collects what does not fit, and whether it may be written with loss."""

    name: str
    allow_loss: bool
    misfits: list[InvalidDocument] = attrs.Factory(list)
    losses: list[InvalidDocument] = attrs.Factory(list)

    def misfit(self, where: str, problem: Message, done: Message | None = None) -> None:
        """*problem* at *where*; with loss allowed, *done* says what was written (else left out)."""
        if self.allow_loss:
            done = done or say("api-left-out", "left out")
            said = say("api-loss", "{problem}: {done}", problem=problem, done=done)
            self.losses.append(InvalidDocument(said, file=self.name, path=where))
            return
        said = say("misfits-vng-api", "does not fit the VNG API: {problem}", problem=problem)
        self.misfits.append(InvalidDocument(said, file=self.name, path=where))


def _year(selection_list: SelectionList) -> int | None:
    version = selection_list.version
    if version.label.isdecimal() and len(version.label) == 4:
        return int(version.label)
    if version.date:
        return int(version.date[:4])
    return None


def _uuid(selection_list: SelectionList, key: str) -> str:
    """The id itself when it is a uuid (as the API gives them), else one made from it."""
    try:
        return str(uuid.UUID(key))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"selectielijst:{selection_list.id}/{key}"))


def api_fixtures(
    selection_list: SelectionList,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The process types and the results of the list, as the older API's fixtures hold them.

    Raises:
        DocumentErrors: The list does not fit the API's shape; each problem
            names the section or category and what does not fit.
    """
    records = api_records(selection_list, shape=ApiShape.FIXTURE)
    return records.types, records.results


def api_records(
    selection_list: SelectionList,
    *,
    shape: ApiShape | str = ApiShape.API,
    allow_loss: bool = False,
) -> ApiRecords:
    """The process types and results of the list, in the API's *shape*.

    With *allow_loss*, what does not fit is written as near as the API can
    hold it, or left out, and each such change is in :attr:`ApiRecords.losses`:
    an exception to B is written as B, a term from a date of its own as the
    API's "vast te leggen datum" with the term in its remark.

    >>> from selectielijst import load
    >>> records = api_records(load("voorbeeld", "2.1"), allow_loss=True)
    >>> records.types[0]["naam"], len(records.results) > 0, len(records.losses) > 0
    ('Bestuur', True, True)

    Raises:
        DocumentErrors: The list does not fit the API's shape (and loss is
            not allowed), or it has no year, which the API names each process
            type by; each problem names the section or category.
    """
    shape = ApiShape(shape)
    name = f"{selection_list.id}@{selection_list.version.label}"
    fitting = _Fitting(name, allow_loss)
    year = _year(selection_list)
    if year is None:
        problem = say(
            "api-names-each-year",
            "the API names each year's process types; give the version a date",
        )
        said = say("misfits-vng-api", "does not fit the VNG API: {problem}", problem=problem)
        raise DocumentErrors(
            f"{name} does not fit the VNG API", [InvalidDocument(said, file=name, path="$.version")]
        )
    if selection_list.criteria:
        fitting.misfit("$.criteria", say("api-criteria", "the API has no selection criteria"))
    types: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    generic_pks: dict[str, int] = {}
    for index, section in enumerate(selection_list.sections):
        where = f"$.sections[{index}]"
        fields = _process_type(section, where, fitting)
        if fields is None:
            continue
        type_uuid = section.ref or _uuid(selection_list, section.id)
        pk = len(types) + 1
        if shape is ApiShape.API:
            types.append({"url": type_uuid, "nummer": fields.pop("nummer"), "jaar": year, **fields})
        else:
            fields.update(uuid=type_uuid, jaar=year)
            types.append({"model": "selectielijst.procestype", "pk": pk, "fields": fields})
        for position, category in enumerate(section.categories):
            place = f"{where}.categories[{position}]"
            result = _result(category, section, place, fitting)
            if result is None:
                continue
            parts = category.number.split(".")
            result_uuid = _uuid(selection_list, category.id)
            if shape is ApiShape.API:
                results.append(_current(result, result_uuid, type_uuid, parts))
                continue
            result_pk = len(results) + 1
            generic = generic_pks.get(".".join(parts[:2])) if len(parts) == 3 else None
            result.update(
                uuid=result_uuid, proces_type=pk, nummer=int(parts[-1]), generiek_resultaat=generic
            )
            if len(parts) == 3 and generic is None:
                problem = say(
                    "api-generic-missing",
                    "{number} is specific, but no generic {value} comes before it",
                    number=category.number,
                    value=".".join(parts[:2]),
                )
                fitting.misfit(place, problem)
                continue
            if len(parts) == 2:
                generic_pks[category.number] = result_pk
            results.append({"model": "selectielijst.resultaat", "pk": result_pk, "fields": result})
    if fitting.misfits:
        raise DocumentErrors(f"{name} does not fit the VNG API", fitting.misfits)
    return ApiRecords(types, results, tuple(fitting.losses))


_CAMEL_PARTS = re.compile(r"_([a-z])")


def _camel(key: str) -> str:
    """``procestermijn_opmerking`` -> ``procestermijnOpmerking``, as the current API names it."""
    return _CAMEL_PARTS.sub(lambda found: found.group(1).upper(), key)


def _current(
    fields: dict[str, Any], result_uuid: str, type_uuid: str, parts: list[str]
) -> dict[str, Any]:
    """A result's fields in the current API's shape and order."""
    code = fields["procestermijn"]
    record: dict[str, Any] = {
        "url": result_uuid,
        "procesType": type_uuid,
        "nummer": int(parts[-1]),
        "volledigNummer": ".".join(parts),
        "generiek": len(parts) == 2,
        "specifiek": len(parts) == 3,
        "naam": fields["naam"],
        "omschrijving": fields["omschrijving"],
        "herkomst": fields["herkomst"],
        "waardering": fields["waardering"],
        "procestermijn": code,
        "procestermijnWeergave": SHOWN[code],
    }
    if "bewaartermijn" in fields:
        record["bewaartermijn"] = fields["bewaartermijn"]
    record["toelichting"] = fields["toelichting"]
    record.update({_camel(key): fields[key] for key in TASK_FIELDS})
    record["procestermijnOpmerking"] = fields["procestermijn_opmerking"]
    return record


def _process_type(section: Section, where: str, fitting: _Fitting) -> dict[str, Any] | None:
    if section.sections:
        fitting.misfit(
            f"{where}.sections", say("api-subsections", "process types have no subsections")
        )
    if not (section.number or "").isdecimal():
        problem = say(
            "api-process-type-number",
            "a process type is numbered 1, 2, ...; not {number!r}",
            number=section.number,
        )
        fitting.misfit(f"{where}.number", problem)
        return None
    objects = [
        n.removeprefix(_PROCESS_OBJECT) for n in section.notes if n.startswith(_PROCESS_OBJECT)
    ]
    if len(objects) != len(section.notes) or len(objects) > 1:
        problem = say(
            "api-process-type-notes",
            "the only note a process type has is its 'Procesobject: ...'",
        )
        fitting.misfit(f"{where}.notes", problem)
    if section.incomplete:
        fitting.misfit(
            f"{where}.incomplete", say("api-incomplete", "the API has no incomplete process types")
        )
    text = list(section.text)
    return {
        "nummer": int(section.number or 0),
        "naam": section.title,
        "omschrijving": text[0] if text else "",
        "toelichting": "\n".join(text[1:]),
        "procesobject": objects[0] if objects else "",
    }


def _result(  # noqa: C901  # one check per thing the API cannot hold
    category: Category, section: Section, where: str, fitting: _Fitting
) -> dict[str, Any] | None:
    parts = category.number.split(".")
    if (
        len(parts) not in {2, 3}
        or parts[0] != section.number
        or not all(p.isdecimal() for p in parts)
    ):
        problem = say(
            "api-result-number",
            "a result of process type {number} is numbered {number}.N or {number}.N.M, not"
            " {number2!r}",
            number=section.number,
            number2=category.number,
        )
        fitting.misfit(f"{where}.number", problem)
        return None
    if category.examples:
        fitting.misfit(f"{where}.examples", say("api-examples", "the API has no examples"))
    fields: dict[str, Any] = {
        "naam": category.result or category.name,
        "omschrijving": category.name if category.result else "",
        "herkomst": category.origin or "",
        "toelichting": category.explanation or "",
        "procestermijn": "",
        "procestermijn_opmerking": "",
    }
    fields.update({key: task in category.tasks for key, task in TASK_FIELDS.items()})
    unknown = set(category.tasks) - set(TASK_FIELDS.values())
    if unknown:
        problem = say("api-task-field", "the API has no task field {value!r}", value=min(unknown))
        fitting.misfit(f"{where}.tasks", problem)
    if category.withdrawn:
        if not (category.description or "").lower().startswith("vervallen"):
            problem = say(
                "api-withdrawn-description",
                "a withdrawn result says 'Vervallen' in its description",
            )
            done = say("api-written-withdrawn", "written as withdrawn: its valuation empty")
            fitting.misfit(f"{where}.description", problem, done)
        fields.update(naam=category.name, omschrijving=category.description or "", waardering="")
        return fields
    if category.description is not None:
        problem = say("api-result-description", "a result's description is its name (omschrijving)")
        fitting.misfit(f"{where}.description", problem)
    valuation = category.valuation
    if valuation is None:
        return fields
    if valuation.kind is ValuationKind.KEEP:
        if valuation.criteria:
            fitting.misfit(
                f"{where}.valuation", say("api-criteria", "the API has no selection criteria")
            )
        if valuation.exception is not None:
            problem = say("api-exception", "the API has no exceptions to a B valuation")
            fitting.misfit(f"{where}.valuation", problem, say("api-written-b", "written as B"))
        fields["waardering"] = "blijvend_bewaren"
        return fields
    fields["waardering"] = "vernietigen"
    if valuation.keep_parts:
        problem = say("api-kept-parts", "the API has no parts kept within a V valuation")
        fitting.misfit(f"{where}.valuation", problem, say("api-written-v", "written as V"))
    term = valuation.term
    if term is None:
        return fields
    if term.duration is not None:
        fields["bewaartermijn"] = term.duration.isoformat()
    process = term.process
    if term.trigger is None and process is not None and process.kind is not ProcessKind.FIXED:
        fields["procestermijn"] = process.kind.value
        fields["procestermijn_opmerking"] = process.remark or ""
        return fields
    if term.trigger is None and process is None:
        return fields
    start = term.trigger if term.trigger is not None else _fixed_words(process)
    problem = say(
        "api-term-trigger",
        "the API's terms run from its process terms, not from {trigger!r}",
        trigger=start,
    )
    done = say(
        "api-written-as-kind",
        "written as the process term {value!r}, with the start in its remark",
        value=_STAND_IN.value,
    )
    fitting.misfit(f"{where}.valuation.trigger", problem, done)
    fields["procestermijn"] = _STAND_IN.value
    fields["procestermijn_opmerking"] = start
    return fields


def _fixed_words(process: ProcessTerm | None) -> str:
    """A fixed process term as the list says it: ``procestermijn 5 jaar``."""
    return f"procestermijn {process}" if process is not None else ""


def _json(records: list[dict[str, Any]]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_api_records(records: ApiRecords, folder: Path) -> tuple[Path, Path]:
    """Write ``procestypen.json`` and ``resultaten.json`` into *folder*, atomically each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = (folder / "procestypen.json", folder / "resultaten.json")
    write_atomically(paths[0], _json(records.types), make_parents=False)
    write_atomically(paths[1], _json(records.results), make_parents=False)
    return paths


def export_vng_api(
    selection_list: SelectionList,
    folder: Path,
    *,
    shape: ApiShape | str = ApiShape.API,
    allow_loss: bool = False,
) -> tuple[Path, Path]:
    r"""Write ``procestypen.json`` and ``resultaten.json`` into *folder*, atomically each.

    In the current referentielijsten API's shape, or with
    ``shape="vng-fixture"`` the older API's fixtures. What a list imported
    from the API holds is written back field for field: its uuids, the
    process types' year, the texts as the API wrote them.

    >>> import tempfile, pathlib
    >>> from selectielijst import Status, import_vng
    >>> from selectielijst.model import VersionInfo
    >>> sheet = pathlib.Path(tempfile.mkdtemp()) / "vng.csv"
    >>> _ = sheet.write_text(
    ...     "Procestypenummer,Procestypenaam,Nr.,Resultaat,Waardering,Bewaartermijn\n"
    ...     "1.0,Voorbeeldproces,1.1,Afgerond,Vernietigen,10 jaar\n"
    ... )
    >>> lijst = import_vng(sheet, version=VersionInfo("2024", Status.CONCEPT)).selection_list
    >>> types, results = export_vng_api(lijst, sheet.parent / "api")
    >>> types.name, results.name
    ('procestypen.json', 'resultaten.json')

    Raises:
        DocumentErrors: The list does not fit the API's shape (and *allow_loss*
            is not given); nothing is written.
    """
    records = api_records(selection_list, shape=shape, allow_loss=allow_loss)
    return write_api_records(records, folder)
