"""A list in the shape of the VNG Selectielijst API: process types and results as JSON.

Sections become process types (``procestypen.json``) and categories results
(``resultaten.json``), as in the fixtures of the API. A list fits that shape when
its sections are numbered ``1``, ``2``... at one level, its categories ``1.1``
(generic) or ``1.1.2`` (specific), and it says nothing the API cannot hold (no
criteria, examples, exceptions or terms that run from an event of their own).
What does not fit is named, category by category; nothing is written then.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from selectielijst._i18n import Message, say
from selectielijst._io._vng import PROCESS_TERMS, TASK_FIELDS
from selectielijst._model import Category, Section, SelectionList, ValuationKind
from selectielijst._storage import write_atomically
from selectielijst.errors import DocumentErrors, InvalidDocument

__all__ = ["api_fixtures", "export_vng_api"]

_PROCESS_TERM = re.compile(r"na de procestermijn: (?P<words>.+?)(?: \((?P<remark>[^()]*)\))?")
_CODES = {words: code for code, words in PROCESS_TERMS.items()}
_PROCESS_OBJECT = "Procesobject: "


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
    """The process types and the results of the list, as the API's fixtures hold them.

    Raises:
        DocumentErrors: The list does not fit the API's shape; each problem
            names the section or category and what does not fit.
    """
    misfits: list[InvalidDocument] = []
    name = f"{selection_list.id}@{selection_list.version.label}"

    def misfit(where: str, problem: Message) -> None:
        misfits.append(
            InvalidDocument(
                say("misfits-vng-api", "does not fit the VNG API: {problem}", problem=problem),
                file=name,
                path=where,
            )
        )

    year = _year(selection_list)
    if year is None:
        misfit(
            "$.version",
            say(
                "api-names-each-year",
                "the API names each year's process types; give the version a date",
            ),
        )
    if selection_list.criteria:
        misfit("$.criteria", say("api-criteria", "the API has no selection criteria"))
    types: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    generic_pks: dict[str, int] = {}
    for index, section in enumerate(selection_list.sections):
        where = f"$.sections[{index}]"
        fields = _process_type(section, where, misfit)
        if fields is None:
            continue
        fields.update(uuid=_uuid(selection_list, section.id), jaar=year)
        pk = len(types) + 1
        types.append({"model": "selectielijst.procestype", "pk": pk, "fields": fields})
        for position, category in enumerate(section.categories):
            place = f"{where}.categories[{position}]"
            result = _result(category, section, place, misfit)
            if result is None:
                continue
            parts = category.number.split(".")
            result_pk = len(results) + 1
            result.update(
                uuid=_uuid(selection_list, category.id),
                proces_type=pk,
                nummer=int(parts[-1]),
                generiek_resultaat=generic_pks.get(".".join(parts[:2]))
                if len(parts) == 3
                else None,
            )
            if len(parts) == 3 and result["generiek_resultaat"] is None:
                misfit(
                    place,
                    say(
                        "api-generic-missing",
                        "{number} is specific, but no generic {value} comes before it",
                        number=category.number,
                        value=".".join(parts[:2]),
                    ),
                )
            if len(parts) == 2:
                generic_pks[category.number] = result_pk
            results.append({"model": "selectielijst.resultaat", "pk": result_pk, "fields": result})
    if misfits:
        raise DocumentErrors(
            f"{selection_list.id}@{selection_list.version.label} does not fit the VNG API", misfits
        )
    return types, results


def _process_type(section: Section, where: str, misfit: Any) -> dict[str, Any] | None:
    if section.sections:
        misfit(
            f"{where}.sections",
            say("api-subsections", "process types have no subsections"),
        )
    if not (section.number or "").isdecimal():
        misfit(
            f"{where}.number",
            say(
                "api-process-type-number",
                "a process type is numbered 1, 2, ...; not {number!r}",
                number=section.number,
            ),
        )
        return None
    objects = [
        n.removeprefix(_PROCESS_OBJECT) for n in section.notes if n.startswith(_PROCESS_OBJECT)
    ]
    if len(objects) != len(section.notes) or len(objects) > 1:
        misfit(
            f"{where}.notes",
            say(
                "api-process-type-notes",
                "the only note a process type has is its 'Procesobject: ...'",
            ),
        )
    if section.incomplete:
        misfit(
            f"{where}.incomplete",
            say("api-incomplete", "the API has no incomplete process types"),
        )
    text = list(section.text)
    return {
        "nummer": int(section.number or 0),
        "naam": section.title,
        "omschrijving": text[0] if text else "",
        "toelichting": "\n".join(text[1:]),
        "procesobject": objects[0] if objects else "",
    }


def _result(category: Category, section: Section, where: str, misfit: Any) -> dict[str, Any] | None:
    parts = category.number.split(".")
    if (
        len(parts) not in {2, 3}
        or parts[0] != section.number
        or not all(p.isdecimal() for p in parts)
    ):
        misfit(
            f"{where}.number",
            say(
                "api-result-number",
                "a result of process type {number} is numbered {number}.N or {number}.N.M, not"
                " {number2!r}",
                number=section.number,
                number2=category.number,
            ),
        )
        return None
    if category.examples:
        misfit(f"{where}.examples", say("api-examples", "the API has no examples"))
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
        misfit(
            f"{where}.tasks",
            say("api-task-field", "the API has no task field {value!r}", value=min(unknown)),
        )
    if category.withdrawn:
        if not (category.description or "").lower().startswith("vervallen"):
            misfit(
                f"{where}.description",
                say(
                    "api-withdrawn-description",
                    "a withdrawn result says 'Vervallen' in its description",
                ),
            )
        fields.update(naam=category.name, omschrijving=category.description or "", waardering="")
        return fields
    if category.description is not None:
        misfit(
            f"{where}.description",
            say("api-result-description", "a result's description is its name (omschrijving)"),
        )
    valuation = category.valuation
    if valuation is None:
        return fields
    if valuation.kind is ValuationKind.KEEP:
        if valuation.criteria:
            misfit(
                f"{where}.valuation",
                say("api-criteria", "the API has no selection criteria"),
            )
        if valuation.exception is not None:
            misfit(
                f"{where}.valuation",
                say("api-exception", "the API has no exceptions to a B valuation"),
            )
        fields["waardering"] = "blijvend_bewaren"
        return fields
    fields["waardering"] = "vernietigen"
    if valuation.keep_parts:
        misfit(
            f"{where}.valuation",
            say("api-kept-parts", "the API has no parts kept within a V valuation"),
        )
    term = valuation.term
    if term is not None and term.duration is not None:
        fields["bewaartermijn"] = term.duration.isoformat()
    if term is not None and term.trigger is not None:
        found = _PROCESS_TERM.fullmatch(term.trigger)
        code = _CODES.get(found.group("words")) if found else None
        if found is None or code is None:
            misfit(
                f"{where}.valuation.trigger",
                say(
                    "api-term-trigger",
                    "the API's terms run from its process terms, not from {trigger!r}",
                    trigger=term.trigger,
                ),
            )
        else:
            fields["procestermijn"] = code
            fields["procestermijn_opmerking"] = found.group("remark") or ""
    return fields


def _json(records: list[dict[str, Any]]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_vng_api(selection_list: SelectionList, folder: Path) -> tuple[Path, Path]:
    r"""Write ``procestypen.json`` and ``resultaten.json`` into *folder*, atomically each.

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
        DocumentErrors: The list does not fit the API's shape; nothing is written.
    """
    types, results = api_fixtures(selection_list)
    folder.mkdir(parents=True, exist_ok=True)
    paths = (folder / "procestypen.json", folder / "resultaten.json")
    write_atomically(paths[0], _json(types), make_parents=False)
    write_atomically(paths[1], _json(results), make_parents=False)
    return paths
