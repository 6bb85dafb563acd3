"""Tests of workspaces: a user's own lists, kept from an empty folder, and their identity."""

from __future__ import annotations

import concurrent.futures
import csv
import multiprocessing
import os
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import openpyxl
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selectielijst import (
    ChangeKind,
    SelectionList,
    Status,
    Workspace,
    diff,
    import_table,
    retention,
    trace,
)
from selectielijst._cli import main
from selectielijst.errors import (
    DocumentErrors,
    PublishedVersion,
    UnknownList,
    UnknownVersion,
    UnknownWorkspace,
)
from selectielijst.io import read_mapping
from selectielijst.model import IdSource, VersionInfo
from selectielijst.snapshots import loads
from selectielijst.workspace import find_workspace, load_spec
from strategies import SheetRow, sheet_rows

MAPPING = """\
id: proefpolder
title: Selectielijst Waterschap Proefpolder (fictief voorbeeld)
version: {label: "1.0", status: concept, date: "2024-01-15"}
columns:
  number: Nummer
  section: Hoofdstuk
  name: Omschrijving handeling
  valuation: Waardering
  term: Termijn
  status: Status
"""
HEADER = ("Nummer", "Hoofdstuk", "Omschrijving handeling", "Waardering", "Termijn", "Status")
DRAFT = [
    ("1.1", "Bestuur", "Vaststellen van de waterschapsbegroting", "B", "", ""),
    ("1.2", "Bestuur", "Beheren van vergaderstukken van het algemeen bestuur", "V", "10 jaar", ""),
    ("1.3", "Bestuur", "Afhandelen van klachten over peilbeheer", "V", "5 jaar", ""),
    ("1.4", "Bestuur", "Opstellen van het jaarverslag", "B", "", ""),
    ("2.1", "Beheer", "Beheren van dossiers over dijken en kaden", "V", "20 jaar", ""),
    ("2.2", "Beheer", "Inspecteren van gemalen", "V", "7 jaar", ""),
    ("2.3", "Beheer", "Registreren van meldingen over wateroverlast", "V", "2 jaar", ""),
]
ADOPTED = [
    ("1.1", "Bestuur", "Vaststellen van de waterschapsbegroting", "B", "", ""),
    ("1.2", "Bestuur", "Voeren van overleg met gemeenten over het waterbeheer", "B", "", ""),
    ("1.3", "Bestuur", "Beheren van vergaderstukken van het algemeen bestuur", "V", "10 jaar", ""),
    ("1.4", "Bestuur", "Afhandelen van klachten over peilbeheer", "V", "5 jaar", ""),
    ("1.5", "Bestuur", "Opstellen van het jaarverslag", "B", "", ""),
    ("2.1", "Beheer", "Beheren van dossiers over dijken", "V", "20 jaar", ""),
    ("2.2", "Beheer", "Beheren van dossiers over kaden", "V", "20 jaar", ""),
    ("2.3", "Beheer", "Inspecteren van gemalen", "V", "7 jaar", ""),
    ("2.4", "Beheer", "Registreren van meldingen over wateroverlast", "", "", "Vervallen, zie 1.4"),
]


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder, the current one, outside any workspace."""
    monkeypatch.delenv("SELECTIELIJST_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    """A semicolon-separated sheet, as Dutch spreadsheet programs save it."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def cli(*arguments: str) -> Result:
    """Run the command line, in this process."""
    return CliRunner().invoke(main, list(arguments))


def kinds(old: str, new: str) -> dict[str, set[ChangeKind]]:
    """The kinds of change per number (the number a reader knows it by)."""
    found: dict[str, set[ChangeKind]] = {}
    for change in diff(load_spec(old), load_spec(new)):
        if change.kind is not ChangeKind.METADATA_CHANGED:
            found.setdefault(change.number or "", set()).add(change.kind)
    return found


@pytest.fixture
def kept(empty: Path) -> Path:
    """A list kept in a spreadsheet, imported as draft 1.0 and adopted 2.0."""
    (empty / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
    write_csv(empty / "concept.csv", HEADER, DRAFT)
    write_csv(empty / "vastgesteld.csv", HEADER, ADOPTED)
    assert cli("init", "proefpolder", "--title", "Proefpolder").exit_code == 0
    first = cli("import", "table", "concept.csv", "--mapping", "mapping.yaml")
    assert first.exit_code == 0, first.output
    second = cli(
        "import", "table", "vastgesteld.csv", "--mapping", "mapping.yaml",
        "--version", "2.0", "--status", "vastgesteld", "--date", "2024-06-01",
    )  # fmt: skip
    assert second.exit_code == 0, second.output
    return empty


class TestInit:
    """Starting a list in a folder of one's own."""

    def test_init_writes_an_index(self, empty: Path) -> None:
        """init writes versions/LIST/index.yaml here, and the list can be named at once."""
        result = cli("init", "mijnlijst", "--title", "Mijn lijst")
        assert result.exit_code == 0, result.output
        assert (empty / "versions" / "mijnlijst" / "index.yaml").is_file()
        assert "mijnlijst\tMijn lijst" in cli("lists").stdout
        assert "Mijn lijst" in cli("versions", "mijnlijst").stdout

    def test_init_twice_is_refused(self, empty: Path) -> None:
        """A second init of the same list leaves the index alone and says so."""
        cli("init", "mijnlijst")
        index = (empty / "versions" / "mijnlijst" / "index.yaml").read_bytes()
        result = cli("init", "mijnlijst", "--title", "Anders")
        assert result.exit_code == 1
        assert "has a list 'mijnlijst' already" in result.stderr
        assert (empty / "versions" / "mijnlijst" / "index.yaml").read_bytes() == index

    def test_init_root_and_variable(self, empty: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """--root and SELECTIELIJST_ROOT choose the workspace folder."""
        assert cli("init", "een", "--root", str(empty / "elders")).exit_code == 0
        assert (empty / "elders" / "versions" / "een" / "index.yaml").is_file()
        monkeypatch.setenv("SELECTIELIJST_ROOT", str(empty / "derde"))
        (empty / "derde").mkdir()
        assert cli("init", "twee").exit_code == 0
        assert (empty / "derde" / "versions" / "twee" / "index.yaml").is_file()
        assert "twee" in cli("lists").stdout

    def test_bad_name(self, empty: Path) -> None:
        """A list name with a path in it is an error, nothing written."""
        result = cli("init", "../buiten")
        assert result.exit_code == 1
        assert "is not a list name" in result.stderr
        assert list(empty.iterdir()) == []


class TestFinding:
    """The workspace is found from the current folder upward, as git finds a repository."""

    def test_found_from_a_subfolder(self, kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """LIST@VERSION works from a folder deep inside the workspace."""
        deeper = kept / "notities" / "2024"
        deeper.mkdir(parents=True)
        monkeypatch.chdir(deeper)
        assert find_workspace() == Workspace(kept.resolve())
        result = cli("show", "proefpolder@2.0")
        assert result.exit_code == 0
        assert "Beheren van dossiers over kaden" in result.stdout

    @pytest.mark.usefixtures("empty")
    def test_none_outside(self) -> None:
        """Outside any workspace, only the shipped lists are known, and the error says how."""
        assert find_workspace() is None
        result = cli("show", "proefpolder@1.0")
        assert result.exit_code == 1
        assert "start one with `selectielijst init proefpolder`" in result.stderr

    def test_workspace_hides_shipped(self, empty: Path) -> None:
        """A workspace list named like a shipped one hides it, and the error says so."""
        workspace = Workspace(empty)
        workspace.init("voorbeeld", title="Mijn eigen voorbeeld")
        assert "Mijn eigen voorbeeld" in cli("versions", "voorbeeld").stdout
        with pytest.raises(UnknownVersion, match="hides the shipped list"):
            load_spec("voorbeeld@2.1", workspace=workspace)
        assert load_spec("voorbeeld@2.1", workspace=Workspace.shipped()).version.label == "2.1"


class TestKeepYourOwnList:
    """The how-to, as a user runs it: init, import the draft and the adopted list, diff."""

    @pytest.mark.usefixtures("kept")
    def test_diff_reports_what_happened(self) -> None:
        """Insertion, shifted numbers, a split and a withdrawal; no rewording of shifted rows."""
        found = kinds("proefpolder@1.0", "proefpolder@2.0")
        assert found == {
            "1.2": {ChangeKind.ADDED},
            "1.3": {ChangeKind.RENUMBERED},
            "1.4": {ChangeKind.RENUMBERED},
            "1.5": {ChangeKind.RENUMBERED},
            "2.1": {ChangeKind.SPLIT},
            "2.3": {ChangeKind.RENUMBERED},
            "2.4": {ChangeKind.WITHDRAWN},
        }

    def test_the_review_names_the_links(self, empty: Path) -> None:
        """The second import prints which categories it linked, split, added and withdrew."""
        (empty / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
        write_csv(empty / "a.csv", HEADER, DRAFT)
        write_csv(empty / "b.csv", HEADER, ADOPTED)
        cli("init", "proefpolder")
        cli("import", "table", "a.csv", "--mapping", "mapping.yaml")
        result = cli("import", "table", "b.csv", "--mapping", "mapping.yaml", "--version", "2.0")
        assert "review: linked under another number: 1.2 → 1.3, 1.3 → 1.4" in result.stderr
        assert "review: split: 2.1 → 2.1, 2.2" in result.stderr
        assert "review: new: 1.2" in result.stderr
        assert "review: withdrawn: 2.3 → 2.4" in result.stderr
        assert result.stdout == ""

    @pytest.mark.usefixtures("kept")
    def test_trace_concordance_and_retention_agree(self) -> None:
        """Records follow the diff: a shifted number, the split, the withdrawn one's successor."""
        old, new = load_spec("proefpolder@1.0"), load_spec("proefpolder@2.0")
        assert trace(old, new, "1.2").new_numbers == ("1.3",)
        assert trace(old, new, "2.1").new_numbers == ("2.1", "2.2")
        assert trace(old, new, "2.3").new_numbers == ("1.4",)
        rows = {(r.old_number, r.new_numbers) for r in diff(old, new).concordance}
        expected = {("1.2", ("1.3",)), ("2.1", ("2.1", "2.2")), ("2.3", ("1.4",)), (None, ("1.2",))}
        assert expected <= rows
        import datetime  # noqa: PLC0415  # only here

        answer = retention(new.category("1.3"), start=datetime.date(2024, 1, 31))
        assert str(answer) == "vernietigen vanaf 31 januari 2034"
        assert (
            "vernummerd"
            not in cli("retention", "proefpolder@2.0", "1.2", "--start", "2024-01-31").stderr
        )

    @pytest.mark.usefixtures("kept")
    def test_ids_linked_and_new(self) -> None:
        """The adopted version carries the draft's ids; new categories get ids never used."""
        old, new = load_spec("proefpolder@1.0"), load_spec("proefpolder@2.0")
        assert (old.ids, new.ids) == (IdSource.NUMBERS, IdSource.LINKED)
        assert new.category("1.3").id == old.category("1.2").id
        assert new.category("1.2").id not in {c.id for _, c in old.categories()}

    def test_changelog_and_verify(self, kept: Path) -> None:
        """changelog and verify work on the workspace list, by name and by folder."""
        log = cli("changelog", "proefpolder", "--lang", "nl")
        assert log.exit_code == 0
        assert "Versie 2.0 (vastgesteld, 1 juni 2024)" in log.stdout
        folder = str(kept / "versions" / "proefpolder")
        assert cli("changelog", folder, "--lang", "nl").stdout == log.stdout
        recorded = cli("verify")  # the adopted 2.0 had its digest recorded as it was imported
        assert recorded.exit_code == 0, recorded.output
        assert cli("verify", "--record").exit_code == 0  # the concept 1.0 too, when asked
        assert cli("verify", "proefpolder").exit_code == 0
        assert cli("verify", str(kept / "versions" / "proefpolder")).exit_code == 0

    def test_every_command_takes_the_list(self, kept: Path) -> None:
        """show, diff, find, retention, trace, export and versions name the list as LIST@V."""
        for arguments in (
            ("show", "proefpolder@2.0"),
            ("diff", "proefpolder@1.0", "proefpolder@2.0"),
            ("find", "proefpolder@2.0", "kaden"),
            ("retention", "proefpolder@2.0", "1.3", "--start", "2024-01-31"),
            ("trace", "proefpolder@1.0", "1.2", "--to", "proefpolder@2.0"),
            ("export", "proefpolder@2.0", "-o", "lijst.xlsx"),
            ("versions", "proefpolder"),
        ):
            result = cli(*arguments)
            assert result.exit_code == 0, (arguments, result.output)
        assert (kept / "lijst.xlsx").is_file()


class TestReimport:
    """Versions enter the workspace by import; a published one cannot change."""

    def test_concept_can_be_imported_again(self, kept: Path) -> None:
        """A draft is replaced by a new import of it; the index keeps one entry."""
        rows = [list(row) for row in DRAFT]
        rows[0][2] = "Vaststellen en wijzigen van de waterschapsbegroting"
        write_csv(kept / "concept.csv", HEADER, rows)
        result = cli("import", "table", "concept.csv", "--mapping", "mapping.yaml")
        assert result.exit_code == 0, result.output
        assert load_spec("proefpolder@1.0").category("1.1").name.startswith("Vaststellen en")
        assert [v.label for v in Workspace(kept).versions("proefpolder")] == ["1.0", "2.0"]

    def test_mapping_status_counts(self, kept: Path) -> None:
        """Without --status the mapping's status and date hold."""
        entry = Workspace(kept).versions("proefpolder")[0]
        assert (entry.status.value, entry.date) == ("concept", "2024-01-15")

    def test_published_cannot_change(self, kept: Path) -> None:
        """Importing other content over a published, recorded version is refused; file kept."""
        cli("verify", "--record")
        snapshot = kept / "versions" / "proefpolder" / "2.0" / "list.yaml"
        before = snapshot.read_bytes()
        write_csv(kept / "vastgesteld.csv", HEADER, DRAFT)
        result = cli(
            "import", "table", "vastgesteld.csv", "--mapping", "mapping.yaml",
            "--version", "2.0", "--status", "vastgesteld",
        )  # fmt: skip
        assert result.exit_code == 1
        assert "was published" in result.stderr
        assert snapshot.read_bytes() == before

    def test_import_outside_a_workspace(self, empty: Path) -> None:
        """Without a workspace or -o the import says to init first, and writes nothing."""
        (empty / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
        write_csv(empty / "concept.csv", HEADER, DRAFT)
        result = cli("import", "table", "concept.csv", "--mapping", "mapping.yaml")
        assert result.exit_code == 1
        assert "selectielijst init proefpolder" in result.stderr
        assert not (empty / "versions").exists()

    def test_import_into_unknown_list(self, kept: Path) -> None:
        """--list names a list the workspace must have."""
        with pytest.raises(UnknownList, match="selectielijst init andere"):
            Workspace(kept).add(
                load_spec("proefpolder@1.0").__class__(
                    "andere", "Andere", load_spec("proefpolder@1.0").version
                )
            )


class TestMoreSheets:
    """Other layouts a records manager might keep: XLSX, a merge, a move, a dropped row."""

    MAPPING = """\
id: bibliotheek
title: Selectielijst Bibliotheek Voorbeeld (fictief)
version: {label: "2023", status: concept}
criteria: [{number: 1, text: Fictief criterium voor dit voorbeeld.}]
columns: {number: Nr, section: Taak, name: Handeling, valuation: Waardering, explanation: Opmerking}
"""
    HEADER = ("Nr", "Taak", "Handeling", "Waardering", "Opmerking")
    OLD = (
        ("1", "Collectie", "Aanschaffen van boeken voor de collectie", "V, 5 jaar", ""),
        ("2", "Collectie", "Afstoten van boeken uit de collectie", "V, 5 jaar", ""),
        ("3", "Collectie", "Beheren van de catalogus", "B (1)", ""),
        ("4", "Leden", "Inschrijven van nieuwe leden", "V, 2 jaar", ""),
        ("5", "Leden", "Innen van boetes bij te late inlevering", "V, 7 jaar", ""),
        ("6", "Leden", "Organiseren van voorleesochtenden", "V, 1 jaar", ""),
    )
    NEW = (
        ("1", "Collectie", "Aanschaffen en afstoten van boeken voor de collectie", "V, 5 jaar", ""),
        ("2", "Collectie", "Beheren van de catalogus", "B (1)", ""),
        ("3", "Collectie", "Organiseren van voorleesochtenden", "V, 1 jaar", "Verplaatst."),
        ("4", "Leden", "Inschrijven van nieuwe leden", "V, 2 jaar", ""),
    )

    def sheet(self, path: Path, rows: Sequence[Sequence[str]]) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.worksheets[0]
        for row in (self.HEADER, *rows):
            sheet.append(list(row))
        workbook.save(path)
        return path

    def test_xlsx_merge_move_drop(self, empty: Path) -> None:
        """A merge, a move to another chapter, a dropped row and a shifted one."""
        (empty / "kolommen.yaml").write_text(self.MAPPING, encoding="utf-8")
        self.sheet(empty / "oud.xlsx", self.OLD)
        self.sheet(empty / "nieuw.xlsx", self.NEW)
        cli("init", "bibliotheek")
        assert cli("import", "table", "oud.xlsx", "--mapping", "kolommen.yaml").exit_code == 0
        result = cli("import", "table", "nieuw.xlsx", "--mapping", "kolommen.yaml",
                     "--version", "2024")  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "review: merged: 1, 2 → 1" in result.stderr
        assert "review: not in the new version (withdrawn): 5" in result.stderr
        found = kinds("bibliotheek@2023", "bibliotheek@2024")
        assert found["1"] == {ChangeKind.MERGED}
        assert found["2"] == {ChangeKind.RENUMBERED}
        assert ChangeKind.MOVED in found["3"]
        assert found["5"] == {ChangeKind.WITHDRAWN}
        assert "4" not in found
        old, new = load_spec("bibliotheek@2023"), load_spec("bibliotheek@2024")
        assert trace(old, new, "2").new_numbers == ("1",)
        assert trace(old, new, "6").new_numbers == ("3",)
        assert trace(old, new, "5").gone

    def test_withdrawn_in_the_valuation_column(self, empty: Path) -> None:
        """'Vervallen' written where the valuation was, with its successor, and no status column."""
        rows = [*self.OLD[:5], ("6", "Leden", "Organiseren van voorleesochtenden",
                                "Vervallen; opgegaan in 4", "")]  # fmt: skip
        (empty / "kolommen.yaml").write_text(self.MAPPING, encoding="utf-8")
        self.sheet(empty / "oud.xlsx", self.OLD)
        self.sheet(empty / "nieuw.xlsx", rows)
        cli("init", "bibliotheek")
        cli("import", "table", "oud.xlsx", "--mapping", "kolommen.yaml")
        cli("import", "table", "nieuw.xlsx", "--mapping", "kolommen.yaml", "--version", "2024")
        new = load_spec("bibliotheek@2024")
        assert new.category("6").withdrawn
        assert new.category("6").successors == ("4",)
        assert kinds("bibliotheek@2023", "bibliotheek@2024") == {"6": {ChangeKind.WITHDRAWN}}

    def test_declared_ids_are_trusted(self, empty: Path) -> None:
        """With an id column the ids are identity: the same id under a new number is renumbered."""
        mapping = self.MAPPING.replace("explanation: Opmerking}", "explanation: Opmerking, id: Id}")
        (empty / "kolommen.yaml").write_text(mapping, encoding="utf-8")
        header = (*self.HEADER, "Id")
        write_csv(empty / "oud.csv", header, [(*self.OLD[0], "aanschaf")])
        write_csv(empty / "nieuw.csv", header,
                  [("7", "Collectie", "Iets heel anders", "B", "", "aanschaf")])  # fmt: skip
        cli("init", "bibliotheek")
        cli("import", "table", "oud.csv", "--mapping", "kolommen.yaml")
        cli("import", "table", "nieuw.csv", "--mapping", "kolommen.yaml", "--version", "2024")
        found = kinds("bibliotheek@2023", "bibliotheek@2024")
        assert found == {"7": {ChangeKind.RENUMBERED, ChangeKind.REVALUED, ChangeKind.TEXT_CHANGED}}

    def test_duplicate_or_bad_declared_ids(self, empty: Path) -> None:
        """A duplicate or unusable id names its row and column; nothing is written."""
        mapping = self.MAPPING.replace("explanation: Opmerking}", "explanation: Opmerking, id: Id}")
        (empty / "kolommen.yaml").write_text(mapping, encoding="utf-8")
        header = (*self.HEADER, "Id")
        rows = [
            (*self.OLD[0], "zelfde"),
            (*self.OLD[1], "zelfde"),
            (*self.OLD[2], "Met Hoofdletters"),
        ]
        write_csv(empty / "oud.csv", header, rows)
        cli("init", "bibliotheek")
        result = cli("import", "table", "oud.csv", "--mapping", "kolommen.yaml")
        assert result.exit_code == 1
        assert "oud.csv:3 column 'Id': id 'zelfde' is used twice (first in row 2)" in result.stderr
        assert "oud.csv:4 column 'Id': 'Met Hoofdletters' is not a usable id" in result.stderr
        assert not (empty / "versions" / "bibliotheek" / "2023").exists()


class TestRenumberedProperty:
    """A list renumbered at random and imported again yields only renumberings."""

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
    @given(rows=sheet_rows(), data=st.data())
    def test_only_renumbered(
        self, rows: list[SheetRow], data: st.DataObject, tmp_path: Path
    ) -> None:
        """Export to a sheet without ids, renumber, import as the next version: only renumbered."""
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        mapping = folder / "mapping.yaml"
        mapping.write_text(
            "id: eigen\ntitle: Eigen lijst\nversion: {label: '1', status: concept}\n"
            "criteria: [{number: 1, text: Fictief criterium.}]\n"
            "columns: {number: Nummer, section: Hoofdstuk, name: Naam, valuation: Waardering}\n",
            encoding="utf-8",
        )
        header = ("Nummer", "Hoofdstuk", "Naam", "Waardering")
        numbers = [row[0] for row in rows]
        shuffled = data.draw(st.permutations([f"{n}.{i}" for i, n in enumerate(numbers, 1)]))
        again = sorted(
            ((new, *row[1:]) for new, row in zip(shuffled, rows, strict=True)),
            key=lambda row: (row[1], row[0]),
        )
        write_csv(folder / "a.csv", header, rows)
        write_csv(folder / "b.csv", header, again)
        workspace = Workspace(folder)
        workspace.init("eigen")

        options = read_mapping(mapping)
        workspace.add(import_table(folder / "a.csv", options).selection_list)
        second = import_table(folder / "b.csv", options).selection_list
        second = second.__class__(
            second.id, second.title, second.version.__class__("2", second.version.status),
            criteria=second.criteria, ids=second.ids, sections=second.sections,
        )  # fmt: skip
        added = workspace.add(second)
        changes = diff(workspace.load("eigen", "1"), workspace.load("eigen", "2"))
        category_kinds = {c.kind for c in changes if c.kind is not ChangeKind.METADATA_CHANGED}
        assert category_kinds <= {ChangeKind.RENUMBERED}
        assert added.review is not None
        assert not added.review.added
        assert not added.review.split
        assert not added.review.merged


class TestFormat:
    """Snapshots record where their ids come from, in format 2 only when they must."""

    def test_declared_lists_keep_format_1(self) -> None:
        """A list with declared ids is written as format 1, as before."""
        assert load_spec("voorbeeld@2.1").ids is IdSource.DECLARED

    def test_ids_need_format_2(self) -> None:
        """ids: in a format 1 file is an error that says which format to write."""
        text = (
            "format: selectielijst/1\nlist: x\ntitle: X\n"
            "version: {label: '1', status: concept}\nids: numbers\n"
        )
        with pytest.raises(DocumentErrors) as error:
            loads(text)
        assert "'ids' is new in selectielijst/2" in str(error.value.exceptions[0])
        assert loads(text.replace("/1", "/2")).ids is IdSource.NUMBERS


class TestPermissions:
    """Files the library writes get the permissions the umask gives."""

    @pytest.fixture
    def umask_022(self) -> Iterator[None]:
        old = os.umask(0o022)
        yield
        os.umask(old)

    @pytest.mark.usefixtures("umask_022")
    def test_mode_644(self, kept: Path) -> None:
        """Snapshots, indexes, change logs and exports are readable by others."""
        cli("diff", "proefpolder@1.0", "proefpolder@2.0", "--format", "html", "-o", "log.html")
        cli("export", "proefpolder@2.0", "-o", "lijst.csv")
        cli("init", "nog-een")
        for path in (
            kept / "versions" / "proefpolder" / "2.0" / "list.yaml",
            kept / "versions" / "proefpolder" / "index.yaml",
            kept / "versions" / "nog-een" / "index.yaml",
            kept / "log.html",
            kept / "lijst.csv",
        ):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path

    def test_published_stays_published(self, kept: Path) -> None:
        """write refuses to overwrite a published version through the Python API too."""
        workspace = Workspace(kept)
        workspace.record_digests("proefpolder")
        draft = workspace.load("proefpolder", "1.0")
        adopted = workspace.load("proefpolder", "2.0")
        with pytest.raises(PublishedVersion):
            workspace.add(draft.__class__(
                adopted.id, adopted.title, adopted.version, ids=draft.ids, sections=draft.sections
            ))  # fmt: skip


def _add_at(root: str, selection_list: SelectionList, start: float) -> str:
    """In a process of its own: wait until *start*, then add a version to the workspace."""
    time.sleep(max(0.0, start - time.time()))
    return Workspace(Path(root)).add(selection_list).entry.label


class TestConcurrentImports:
    """Versions imported at the same moment by several processes all land in the index."""

    @pytest.mark.slow
    def test_25_rounds(self, tmp_path: Path) -> None:
        """25 rounds of four processes adding a version each at once: every version kept."""
        example = load_spec("voorbeeld@2.1")
        versions = [
            attrs.evolve(
                example,
                id="mijn",
                version=VersionInfo(f"1.{k}", Status.ONTWERP if k % 2 else Status.CONCEPT),
            )
            for k in range(4)
        ]
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(4, mp_context=context) as pool:
            list(pool.map(time.sleep, [0.0] * 4))  # every worker started before the first round
            for round_number in range(25):
                root = tmp_path / f"ronde-{round_number}"
                Workspace(root).init("mijn")
                start = time.time() + 0.2
                added = pool.map(_add_at, [str(root)] * 4, versions, [start] * 4)
                assert sorted(added) == ["1.0", "1.1", "1.2", "1.3"]
                workspace = Workspace(root)
                labels = [entry.label for entry in workspace.versions("mijn")]
                assert sorted(labels) == ["1.0", "1.1", "1.2", "1.3"], f"round {round_number}"
                assert sorted(workspace.record_digests("mijn")) == [
                    "1.0",
                    "1.2",
                ]  # ontwerp had theirs
                assert workspace.verify() == ()


class TestNoWritesThroughLinks:
    """An import never writes through a symbolic link inside versions/, and verify reports links."""

    @pytest.fixture
    def outside(self, tmp_path: Path) -> Path:
        folder = tmp_path / "elders"
        folder.mkdir()
        (folder / "bewaar.txt").write_text("van iemand anders", encoding="utf-8")
        return folder

    def _import_20(self) -> Result:
        return cli(
            "import", "table", "vastgesteld.csv", "--mapping", "mapping.yaml",
            "--version", "2.1", "--status", "concept",
        )  # fmt: skip

    def test_linked_version_folder(self, kept: Path, outside: Path) -> None:
        """versions/LIST/VERSION a link to a folder elsewhere: refused, nothing written there."""
        (kept / "versions" / "proefpolder" / "2.1").symlink_to(outside)
        result = self._import_20()
        assert result.exit_code == 1
        assert "2.1: is a symbolic link; nothing is written through a link" in result.stderr
        assert sorted(p.name for p in outside.iterdir()) == ["bewaar.txt"]
        assert [e.label for e in Workspace(kept).versions("proefpolder")] == ["1.0", "2.0"]

    def test_linked_snapshot(self, kept: Path, outside: Path) -> None:
        """versions/LIST/VERSION/list.yaml a link to a file elsewhere: that file is left alone."""
        (kept / "versions" / "proefpolder" / "2.1").mkdir()
        (kept / "versions" / "proefpolder" / "2.1" / "list.yaml").symlink_to(outside / "bewaar.txt")
        result = self._import_20()
        assert result.exit_code == 1
        assert "list.yaml: is a symbolic link" in result.stderr
        assert (outside / "bewaar.txt").read_text(encoding="utf-8") == "van iemand anders"

    def test_linked_index(self, kept: Path, outside: Path) -> None:
        """The index a link: refused, and the file it points at is left as it is."""
        index = kept / "versions" / "proefpolder" / "index.yaml"
        (outside / "index.yaml").write_bytes(index.read_bytes())
        index.unlink()
        index.symlink_to(outside / "index.yaml")
        before = (outside / "index.yaml").read_bytes()
        result = self._import_20()
        assert result.exit_code == 1
        assert "index.yaml: is a symbolic link" in result.stderr
        assert (outside / "index.yaml").read_bytes() == before

    def test_verify_reports_links(self, kept: Path, outside: Path) -> None:
        """verify names every link in a list's folder, with exit 1."""
        (kept / "versions" / "proefpolder" / "2.1").symlink_to(outside)
        (kept / "versions" / "proefpolder" / "1.0" / "extra.yaml").symlink_to(
            outside / "bewaar.txt"
        )
        result = cli("verify", "proefpolder")
        assert result.exit_code == 1
        linked = [line for line in result.output.splitlines() if "is a symbolic link" in line]
        assert len(linked) == 2, result.output
        assert any("2.1:" in line for line in linked)
        assert any("extra.yaml:" in line for line in linked)


class TestPublishedOnImport:
    """A published version imported into a workspace is verifiable at once."""

    def test_digest_recorded_on_import(self, kept: Path) -> None:
        """import ... --status vastgesteld records the digest: verify passes right after."""
        entry = Workspace(kept).versions("proefpolder")[1]
        assert (entry.label, entry.status.value) == ("2.0", "vastgesteld")
        assert entry.sha256 is not None
        assert Workspace(kept).versions("proefpolder")[0].sha256 is None  # a concept may change
        assert cli("verify").exit_code == 0

    def test_imported_again_unchanged(self, kept: Path) -> None:
        """The same published version imported again changes nothing; changed, it is refused."""
        again = (
            "import", "table", "vastgesteld.csv", "--mapping", "mapping.yaml",
            "--version", "2.0", "--status", "vastgesteld", "--date", "2024-06-01",
        )  # fmt: skip
        index = kept / "versions" / "proefpolder" / "index.yaml"
        before = index.read_bytes()
        assert cli(*again).exit_code == 0
        assert index.read_bytes() == before
        rows = [*ADOPTED[:-1], ("2.5", "Beheer", "Nieuw", "V", "1 jaar", "")]
        write_csv(kept / "vastgesteld.csv", HEADER, rows)
        changed = cli(*again)
        assert changed.exit_code == 1
        assert "was published (vastgesteld) and its digest recorded" in changed.stderr
        assert cli("verify").exit_code == 0


class TestOneWayToLoad:
    """selectielijst.load, lists and versions find lists as the command line does."""

    @pytest.fixture
    def mine(self, empty: Path) -> Path:
        workspace = Workspace(empty)
        workspace.init("mijn", title="Mijn lijst")
        workspace.add(attrs.evolve(load_spec("voorbeeld@1.0"), id="mijn"))
        return empty

    @pytest.mark.usefixtures("mine")
    def test_load_finds_the_workspace(self) -> None:
        """In a workspace, load("mijn", "1.0") is the user's list, and lists() names it."""
        import selectielijst  # noqa: PLC0415  # the package's own names

        assert selectielijst.load("mijn", "1.0").id == "mijn"
        assert selectielijst.lists() == ("mijn", "mivd", "voorbeeld")
        assert [v.label for v in selectielijst.versions("mijn")] == ["1.0"]

    def test_root_as_text_or_path(
        self, mine: Path, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        """root is the workspace's folder, as str or Path, from anywhere."""
        import selectielijst  # noqa: PLC0415  # the package's own names

        os.chdir(tmp_path_factory.mktemp("elders"))
        for root in (str(mine), mine):
            assert selectielijst.load("mijn", "1.0", root=root).id == "mijn"
            assert "mijn" in selectielijst.lists(root=root)
        with pytest.raises(UnknownList):
            selectielijst.load("mijn", "1.0")  # outside it, without root: not found

    def test_wrong_types_say_what_is_taken(self, mine: Path) -> None:
        """A wrong type is a TypeError naming the argument and the type it takes."""
        import selectielijst  # noqa: PLC0415  # the package's own names

        with pytest.raises(
            TypeError, match="root is a workspace's folder, as str or Path; got int"
        ):
            selectielijst.load("mijn", "1.0", root=3)  # type: ignore[arg-type]
        with pytest.raises(
            TypeError, match=r"version is text, such as 'mivd' or '0\.16'; got float"
        ):
            selectielijst.load("mijn", 1.0)  # type: ignore[arg-type]
        with pytest.raises(UnknownWorkspace, match="not a folder"):
            selectielijst.load("mijn", "1.0", root=mine / "nergens")

    def test_the_workspace_hides_a_shipped_list(self, empty: Path) -> None:
        """A workspace list named as a shipped one hides it; the message says how to reach it."""
        import selectielijst  # noqa: PLC0415  # the package's own names

        Workspace(empty).init("voorbeeld")
        with pytest.raises(UnknownVersion, match="hides the shipped list of that name"):
            selectielijst.load("voorbeeld", "1.0")
        assert Workspace.shipped().load("voorbeeld", "1.0").id == "voorbeeld"


class TestNamesThatBreakElsewhere:
    """Names that break a checkout on Windows or macOS are refused where they are made."""

    @pytest.mark.parametrize("name", ["con", "aux", "nul", "prn", "com1", "lpt1"])
    def test_reserved_list_names(self, empty: Path, name: str) -> None:
        """init of a list Windows would take for a device: one error line, nothing made."""
        result = cli("init", name)
        assert result.exit_code == 1
        assert f"'{name}' cannot be a list name: Windows keeps it for a device" in result.stderr
        assert not (empty / "versions" / name).exists()

    @pytest.mark.parametrize(
        ("label", "says"),
        [("CON", "Windows keeps it for a device"), ("nul.1", "Windows keeps it for a device"),
         ("2.0.", "Windows drops a dot or space at the end")],
    )  # fmt: skip
    def test_reserved_version_labels(self, kept: Path, label: str, says: str) -> None:
        """A version labelled CON, NUL.1 or with a dot at the end is refused, nothing written."""
        result = cli(
            "import", "table", "vastgesteld.csv", "--mapping", "mapping.yaml", "--version", label
        )
        assert result.exit_code == 1
        assert says in result.stderr
        assert [e.label for e in Workspace(kept).versions("proefpolder")] == ["1.0", "2.0"]

    def test_labels_that_differ_in_case(self, kept: Path) -> None:
        """Version 2.0a beside 2.0A would be one folder on Windows and macOS: refused."""
        first = cli("import", "table", "vastgesteld.csv", "--mapping", "mapping.yaml",
                    "--version", "2.0a")  # fmt: skip
        assert first.exit_code == 0, first.stderr
        second = cli("import", "table", "vastgesteld.csv", "--mapping", "mapping.yaml",
                     "--version", "2.0A")  # fmt: skip
        assert second.exit_code == 1
        assert "differs from version '2.0a' only in letter case" in second.stderr
        assert not (kept / "versions" / "proefpolder" / "2.0A").exists() or (
            kept / "versions" / "proefpolder" / "2.0A"
        ).samefile(kept / "versions" / "proefpolder" / "2.0a")


class TestBrokenIndexes:
    """One list whose index is damaged hides none of the others, and is named."""

    def test_a_truncated_index(self, kept: Path) -> None:
        """lists shows the other lists and names the damaged index; verify checks the rest."""
        assert cli("init", "tweede", "--title", "Tweede lijst").exit_code == 0
        index = kept / "versions" / "proefpolder" / "index.yaml"
        index.write_bytes(index.read_bytes()[:12])
        result = cli("lists", "--lang", "en")
        assert result.exit_code == 1
        assert "tweede\tTweede lijst" in result.stdout
        assert f"error: {index}:1: an index starts with" in result.stderr
        checked = cli("verify", "--lang", "en")
        assert checked.exit_code == 1
        assert f"{index}: proefpolder: an index starts with" in checked.stderr

    def test_an_index_that_is_a_folder(self, kept: Path) -> None:
        """An index.yaml that is a folder is said to be one, not 'there is no list'."""
        index = kept / "versions" / "proefpolder" / "index.yaml"
        index.unlink()
        index.mkdir()
        result = cli("versions", "proefpolder", "--lang", "en")
        assert result.exit_code == 1
        assert "is a folder (or another thing that is no file), not the list's index" in (
            result.stderr
        )
        assert "there is no list" not in result.stderr
