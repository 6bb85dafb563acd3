"""Tests on the real VNG Selectielijst in its 2017 and 2020 versions.

The data is not ours to copy into the repository: these tests run when
``../shared/data/vng-selectielijst`` is present and are skipped otherwise.
"""

from __future__ import annotations

import csv
import datetime
import json
from collections import Counter
from pathlib import Path

import attrs
import pytest

from conftest import VNG_DATA as DATA
from selectielijst import (
    Category,
    ChangeKind,
    Duration,
    Section,
    SelectionList,
    Status,
    Term,
    Valuation,
    diff,
    render,
    retention,
    search,
    trace,
)
from selectielijst.changes import Direction
from selectielijst.io import import_vng_api
from selectielijst.lookup import Outcome
from selectielijst.model import (
    CategoryStatus,
    Comparison,
    ProcessKind,
    ProcessTerm,
    VersionInfo,
)

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="the VNG data is not present")


def _rows(year: str) -> list[dict[str, str]]:
    with (DATA / f"selectielijst-{year}.csv").open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


class TestImport:
    """Both versions import whole."""

    @pytest.mark.parametrize(("year", "count"), [("2017", 305), ("2020", 346)])
    def test_every_result(self, vng: dict[str, SelectionList], year: str, count: int) -> None:
        """Every result row becomes a category, with its number."""
        numbers = [c.number for _, c in vng[year].categories()]
        assert len(numbers) == count
        assert numbers == sorted(numbers, key=lambda n: [int(p) for p in n.split(".")])
        assert {row["Nr."] for row in _rows(year)} == set(numbers)

    @pytest.mark.parametrize("year", ["2017", "2020"])
    def test_every_term_read(self, vng: dict[str, SelectionList], year: str) -> None:
        """Every row with a Bewaartermijn has its term read."""
        by_number = {c.number: c for _, c in vng[year].categories()}
        for row in _rows(year):
            if row["Bewaartermijn"].strip():
                valuation = by_number[row["Nr."]].valuation
                assert valuation is not None, row["Nr."]
                assert valuation.term is not None, row["Nr."]

    @pytest.mark.parametrize("year", ["2017", "2020"])
    def test_29_process_types(self, vng: dict[str, SelectionList], year: str) -> None:
        """Process types become sections 1 to 29."""
        assert [s.number for s in vng[year].sections] == [str(n) for n in range(1, 30)]

    def test_api_matches_spreadsheet(self, vng: dict[str, SelectionList]) -> None:
        """The API's 2020 results have the spreadsheet's numbers and valuations."""
        api = import_vng_api(
            DATA / "api-resultaten-2020.json",
            DATA / "api-procestypen.json",
            year=2020,
            version=VersionInfo("2020", Status.VASTGESTELD),
        ).selection_list
        sheet = {c.number: c for _, c in vng["2020"].categories()}
        from_api = {c.number: c for _, c in api.categories()}
        assert from_api.keys() == sheet.keys()
        for number, category in from_api.items():
            kind = category.valuation.kind if category.valuation else None
            sheet_valuation = sheet[number].valuation
            expected = sheet_valuation.kind if sheet_valuation is not None else None
            assert kind == expected, number
            if category.valuation and category.valuation.term and category.valuation.term.duration:
                # The API writes "6 weken" as P42D: another notation of the same term. And
                # where the sheet says "Na kennisgeving ... terstond vernietigen" (an event),
                # the API says P0D.
                sheet_valuation = sheet[number].valuation
                assert sheet_valuation is not None
                assert sheet_valuation.term is not None
                sheet_term = sheet_valuation.term.duration
                if sheet_term is None:
                    assert category.valuation.term.duration == Duration(), number
                else:
                    assert (
                        category.valuation.term.duration.compare(sheet_term) is Comparison.EQUAL
                    ), number


class TestDiff:
    """What changed from 2017 to 2020, as a municipal archivist would see it."""

    def test_withdrawn_with_successors(self, vng: dict[str, SelectionList]) -> None:
        """The withdrawn results, with the successor the list names, in the description or a remark.

        19.1.13 says "Vervallen" and, in its remark, "Dit resultaat valt nu onder 4.1.14".
        """
        withdrawn = {
            c.number: c.successors
            for c in diff(vng["2017"], vng["2020"]).select(kind=ChangeKind.WITHDRAWN)
        }
        assert withdrawn == {"7.1.20": ("19.1.19",), "19.1.13": ("4.1.14",)}
        assert vng["2020"].category("7.1.20").status is CategoryStatus.WITHDRAWN

    def test_no_active_result_taken_for_withdrawn(self, vng: dict[str, SelectionList]) -> None:
        """'vervallen' in the middle of a term or a process term does not withdraw a result."""
        withdrawn = {n for n in ("19.1.19", "21.1.1") if vng["2020"].category(n).withdrawn}
        assert withdrawn == set()
        assert sum(1 for _, c in vng["2020"].categories() if c.withdrawn) == 2

    def test_successor_everywhere(self, vng: dict[str, SelectionList]) -> None:
        """The successor in a remark reaches the concordance, trace and retention."""
        changes = diff(vng["2017"], vng["2020"])
        rows = {row.old_number: row.new_numbers for row in changes.concordance}
        assert rows["19.1.13"] == ("4.1.14",)
        assert trace(vng["2017"], vng["2020"], "19.1.13").new_numbers == ("4.1.14",)
        answer = retention(vng["2020"].category("19.1.13"), start="2020-01-01")
        assert answer.needs is not None
        assert "4.1.14" in str(answer.needs)

    def test_term_changes_in_the_right_direction(self, vng: dict[str, SelectionList]) -> None:
        """Each changed term: longer when the number of years grew, shorter when it fell."""
        changes = diff(vng["2017"], vng["2020"]).select(kind=ChangeKind.TERM_CHANGED)
        durations = [
            c
            for c in changes
            if isinstance(c.before, Term)
            and isinstance(c.after, Term)
            and c.before.duration is not None
            and c.after.duration is not None
            and c.before.duration != c.after.duration
        ]
        assert durations
        for change in durations:
            assert isinstance(change.before, Term)
            assert isinstance(change.after, Term)
            assert change.before.duration is not None
            assert change.after.duration is not None
            before, after = change.before.duration.years, change.after.duration.years
            expected = Direction.LONGER if after > before else Direction.SHORTER
            assert change.direction is expected, change
        shorter = {c.number for c in durations if c.direction is Direction.SHORTER}
        assert "8.1.6" in shorter

    def test_added_results(self, vng: dict[str, SelectionList]) -> None:
        """2020 adds 41 results and withdraws none silently."""
        counts = diff(vng["2017"], vng["2020"]).counts()
        assert counts[ChangeKind.ADDED] == 41
        assert ChangeKind.SPLIT not in counts


class TestLookupOnRealList:
    """Lookup, retention and trace on the imported real list."""

    def test_search(self, vng: dict[str, SelectionList]) -> None:
        """A search for a subject finds categories about it."""
        hits = search(vng["2020"], "reisdocument")
        assert hits[0].category.number == "5.2.1"
        assert {"5.1.4", "5.1.5", "19.1.19"} <= {hit.category.number for hit in hits}

    def test_retention(self, vng: dict[str, SelectionList]) -> None:
        """A generic result with a plain term gives a date; a withdrawn one names its successor."""
        start = datetime.date(2021, 3, 31)
        answer = retention(vng["2020"].category("1.1"), start=start)
        assert answer.destroy_from == datetime.date(2031, 3, 31)
        withdrawn = retention(vng["2020"].category("7.1.20"), start=start)
        assert withdrawn.outcome is Outcome.NOT_COMPUTABLE
        assert "19.1.19" in str(withdrawn.needs)

    def test_trace(self, vng: dict[str, SelectionList]) -> None:
        """7.1.20 of 2017 belongs under 19.1.19 in 2020; 1.1 stays 1.1."""
        assert trace(vng["2017"], vng["2020"], "7.1.20").new_numbers == ("19.1.19",)
        assert trace(vng["2017"], vng["2020"], "1.1").new_numbers == ("1.1",)


@pytest.fixture(scope="module")
def api_2020() -> SelectionList:
    """The 2020 list from the API's fixtures."""
    return import_vng_api(
        DATA / "api-resultaten-2020.json",
        DATA / "api-procestypen.json",
        year=2020,
        version=VersionInfo("2020", Status.VASTGESTELD),
    ).selection_list


TRUE_DIFFERENCES = {
    ("19.1.19", "valuation"),  # the sheet: "Na kennisgeving ... terstond vernietigen"; the API: P0D
    ("22.1.2", "valuation"),  # the sheet: "Bewaren met uitzondering van zie toelichting";
    ("22.1.3", "valuation"),  # the API: blijvend_bewaren, without the exception
}
"""Where the 2020 sheet and the 2020 API truly say different things about a result."""


class TestFaithful:
    """The sheet and the API give the same list, with nothing lost."""

    def test_sheet_and_api_agree(
        self, vng: dict[str, SelectionList], api_2020: SelectionList
    ) -> None:
        """Every field of every result agrees but for the true differences listed.

        The API's texts are kept as it writes them, spaces and all; the sheet's
        are trimmed. Spacing aside, they say the same.
        """
        import attrs  # noqa: PLC0415  # only here

        sheet = {c.number: c for _, c in vng["2020"].categories()}
        api = {c.number: c for _, c in api_2020.categories()}
        assert sheet.keys() == api.keys()
        found = set()
        for number, category in sheet.items():
            for field in attrs.fields(type(category)):
                if field.name == "id":
                    continue
                mine = _spacing_aside(getattr(category, field.name))
                theirs = _spacing_aside(getattr(api[number], field.name))
                if mine != theirs and not same_length(mine, theirs):
                    found.add((number, field.name))
        assert found == TRUE_DIFFERENCES

    def test_process_terms_have_one_meaning(
        self, vng: dict[str, SelectionList], api_2020: SelectionList
    ) -> None:
        """The API's codes and the sheet's words read into the same process terms.

        Nihil (200 results) is told apart from none given (the B results and one V).
        """
        sheet = {c.number: _process(c) for _, c in vng["2020"].categories()}
        api = {c.number: _process(c) for _, c in api_2020.categories()}
        assert {n: p and (p.kind, p.remark and p.remark.strip()) for n, p in sheet.items()} == {
            n: p and (p.kind, p.remark and p.remark.strip()) for n, p in api.items()
        }
        kinds = Counter(p.kind if p else None for p in api.values())
        assert kinds[ProcessKind.NIHIL] == 200
        assert kinds[ProcessKind.OBJECT_LIFETIME] == 40
        assert kinds[None] == 92
        triggers = [_trigger(c) for _, c in api_2020.categories()]
        assert not any("procestermijn" in (trigger or "") for trigger in triggers)

    def test_names_say_what(self, vng: dict[str, SelectionList]) -> None:
        """A result reads on its own: the result and what it is about."""
        category = vng["2020"].category("1.1.1")
        assert category.result == "Ingericht"
        assert category.label.startswith("Ingericht: ")
        assert category.origin == "Systeemanalyse"
        assert "Bedrijfsvoering en personeel" in vng["2020"].category("1.1").tasks

    def test_every_origin_change_reported(self, vng: dict[str, SelectionList]) -> None:
        """Each result whose herkomst changed from 2017 to 2020 has an origin change.

        A result withdrawn in 2020 reports its withdrawal, which says more.
        """
        old = {c.number: c for _, c in vng["2017"].categories()}
        expected = {
            number
            for _, c in vng["2020"].categories()
            if (number := c.number) in old and old[number].origin != c.origin and not c.withdrawn
        }
        changes = diff(vng["2017"], vng["2020"])
        reported = {c.number for c in changes if c.field is not None and c.field.value == "origin"}
        assert expected
        assert reported == expected

    def test_exceptions_answer_with_their_exception(self, vng: dict[str, SelectionList]) -> None:
        """'Bewaren met uitzondering van' is B with its exception, and retention says it."""
        category = vng["2020"].category("22.1.2")
        assert category.valuation is not None
        assert category.valuation.exception == "zie toelichting"
        answer = retention(category, start=datetime.date(2024, 1, 1))
        assert answer.outcome is Outcome.KEEP
        assert str(answer) == (
            "blijvend bewaren, met uitzondering van zie toelichting; overbrengen vanaf"
            " 1 januari 2044"
        )


def _process(category: Category) -> ProcessTerm | None:
    valuation = category.valuation
    term = valuation.term if valuation is not None else None
    return term.process if term is not None else None


def _trigger(category: Category) -> str | None:
    valuation = category.valuation
    return valuation.term.trigger if valuation and valuation.term else None


def _spacing_aside(value: object) -> object:
    """*value* with its texts' spacing normalised, and a process term's remark likewise."""
    import attrs  # noqa: PLC0415  # only here

    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, tuple):
        return tuple(_spacing_aside(item) for item in value)
    process = _process(Category("x", "1", "x", value)) if isinstance(value, Valuation) else None
    if process is not None and process.remark is not None:
        assert isinstance(value, Valuation)
        assert value.term is not None
        tidy = attrs.evolve(process, remark=" ".join(process.remark.split()))
        return attrs.evolve(value, term=attrs.evolve(value.term, process=tidy))
    return value


def _without_refs(selection_list: SelectionList) -> tuple[Section, ...]:
    """The sections without the uuids their source system gives them."""
    import attrs  # noqa: PLC0415  # only here

    return tuple(attrs.evolve(section, ref=None) for section in selection_list.sections)


def same_length(mine: object, theirs: object) -> bool:
    """Two valuations that differ only in how their term is written (6 weken, P42D)."""
    from selectielijst import Valuation  # noqa: PLC0415  # only here

    if not (isinstance(mine, Valuation) and isinstance(theirs, Valuation)):
        return False
    a, b = mine.term, theirs.term
    if a is None or b is None or a.duration is None or b.duration is None:
        return False
    import attrs  # noqa: PLC0415  # only here

    return (
        a.duration.compare(b.duration) is Comparison.EQUAL
        and attrs.evolve(mine, term=attrs.evolve(a, duration=b.duration)) == theirs
    )


class TestApiShape:
    """The 2020 list goes out in the API's shape and comes back equal."""

    def test_api_round_trip(self, api_2020: SelectionList, tmp_path: Path) -> None:
        """The older API's fixtures, exported in their shape and imported again: the same list."""
        from selectielijst.io import export_vng_api  # noqa: PLC0415  # only here

        types, results = export_vng_api(api_2020, tmp_path, shape="vng-fixture")
        back = import_vng_api(results, types, version=api_2020.version).selection_list
        assert back == api_2020  # the process types' uuids too
        assert len(diff(api_2020, back)) == 0

    def test_current_api_field_for_field(self, tmp_path: Path) -> None:
        """The current API's data files, imported and exported: the same JSON, field for field.

        Uuids, the year, the texts with their spaces, nihil and the display
        words of each process term: every record equal, in the same order.
        """
        from selectielijst.io import export_vng_api  # noqa: PLC0415  # only here

        imported = import_vng_api(
            DATA / "api-v2-resultaten-2020.json",
            DATA / "api-v2-procestypen-2020.json",
            version=VersionInfo("2020", Status.VASTGESTELD),
        ).selection_list
        types, results = export_vng_api(imported, tmp_path)
        for written, original in (
            (types, "api-v2-procestypen-2020.json"),
            (results, "api-v2-resultaten-2020.json"),
        ):
            theirs = json.loads((DATA / original).read_text(encoding="utf-8"))
            ours = json.loads(written.read_text(encoding="utf-8"))
            assert len(ours) == len(theirs)
            for mine, their in zip(ours, theirs, strict=True):
                assert mine == their
                assert list(mine) == list(their)  # the fields in the API's order too

    def test_current_and_older_api_agree(self, api_2020: SelectionList) -> None:
        """Both shapes of 2020 give the same list, but where their data truly differ.

        The process types' uuids differ between the two, and four results: the
        older fixture gives three terms of "direct" as P0D where the current
        data give none, and one explanation ends in a no-break space there.
        """
        current = import_vng_api(
            DATA / "api-v2-resultaten-2020.json",
            DATA / "api-v2-procestypen-2020.json",
            version=VersionInfo("2020", Status.VASTGESTELD),
        ).selection_list
        assert current.version.date == "2020"  # the year the process types carry
        older = {c.number: c for _, c in api_2020.categories()}
        differing = {
            (number, field.name)
            for _, category in current.categories()
            for field in attrs.fields(Category)
            if getattr(category, field.name)
            != getattr(older[(number := category.number)], field.name)
        }
        assert differing == {
            ("7.1.14", "explanation"),
            ("19.1.17", "valuation"),
            ("19.1.19", "valuation"),
            ("19.2.1", "valuation"),
        }
        assert [s.title for s in current.sections] == [s.title for s in api_2020.sections]

    def test_year_must_be_chosen(self) -> None:
        """The older fixture holds 2017 and 2020: without --year the import asks which."""
        from selectielijst.errors import DocumentErrors  # noqa: PLC0415  # only here

        with pytest.raises(DocumentErrors) as caught:
            import_vng_api(
                DATA / "api-resultaten-2020.json",
                DATA / "api-procestypen.json",
                version=VersionInfo("2020", Status.VASTGESTELD),
            )
        assert "several years (2017, 2020); choose one with --year" in str(caught.value.problems[0])

    def test_allow_loss_names_every_change(self, vng: dict[str, SelectionList]) -> None:
        """The sheet goes out with --allow-loss: the true differences written as near as fits."""
        from selectielijst.io import api_records  # noqa: PLC0415  # only here

        records = api_records(vng["2020"], allow_loss=True)
        assert len(records.results) == 346
        said = [str(loss) for loss in records.losses]
        assert len(said) == 3
        assert all("written as" in line for line in said)
        by_number = {r["volledigNummer"]: r for r in records.results}
        assert by_number["22.1.2"]["waardering"] == "blijvend_bewaren"
        start = by_number["19.1.19"]
        assert start["procestermijn"] == "vast_te_leggen_datum"  # never destroyed earlier
        assert start["procestermijnOpmerking"].startswith("Na kennisgeving")

    def test_sheet_misfits_are_the_true_differences(self, vng: dict[str, SelectionList]) -> None:
        """The sheet does not fit the API exactly where it says more than the API holds."""
        from selectielijst.errors import DocumentErrors  # noqa: PLC0415  # only here
        from selectielijst.io import api_fixtures  # noqa: PLC0415  # only here

        with pytest.raises(DocumentErrors) as caught:
            api_fixtures(vng["2020"])
        numbers = {
            vng["2020"]
            .sections[int(p.path.split("[")[1].split("]")[0])]
            .categories[int(p.path.split("[")[2].split("]")[0])]
            .number
            for p in caught.value.problems
        }
        assert {(n, "valuation") for n in numbers} == TRUE_DIFFERENCES


class TestWithdrawnNamed:
    """2017 -> 2020: each withdrawn result is named by its old name, with its successor."""

    @pytest.mark.parametrize("format_name", ["markdown", "rst", "html", "text"])
    def test_every_format(self, vng: dict[str, SelectionList], format_name: str) -> None:
        """In every change log the old name stands beside the number, and the successor after."""
        import html  # noqa: PLC0415  # only here

        written = html.unescape(str(render(diff(vng["2017"], vng["2020"]), format_name)))
        flat = " ".join(written.split())
        for number, successor in (("7.1.20", "19.1.19"), ("19.1.13", "4.1.14")):
            old_name = " ".join(str(vng["2017"].category(number).name).split())
            assert old_name in flat, (format_name, number)
            assert successor in flat

    def test_impact_follows_the_remark(self, vng: dict[str, SelectionList]) -> None:
        """A record under 19.1.13 follows it to 4.1.14 in impact, not 'no successor'."""
        import pyarrow  # noqa: PLC0415  # records in memory

        from selectielijst.holdings import impact  # noqa: PLC0415  # only here

        records = pyarrow.table(
            {"id": ["z1"], "category": ["19.1.13"], "start": [datetime.date(2019, 5, 1)]}
        )
        (row,) = impact(vng["2017"], vng["2020"], records).records.to_pylist()
        assert row["nieuwe_categorie"] == "4.1.14"
        assert row["effect"] != "vervallen zonder opvolger"
