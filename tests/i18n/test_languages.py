"""One language per run: every line of the command line in Dutch or in English, as chosen."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner, Result

from selectielijst._cli import main
from selectielijst._i18n import Language
from selectielijst._i18n._maintain import read_catalog
from selectielijst.errors import UnknownVersion
from selectielijst.rendering import language_chosen
from selectielijst.workspace import Workspace

MAPPING = """\
id: proef
title: Proeflijst (fictief voorbeeld)
version: {label: "1.0", status: concept, date: "2024-01-15"}
columns: {number: Nr, name: Naam, valuation: Waardering, term: Termijn}
"""
DRAFT = (
    "Nr;Naam;Waardering;Termijn\n1.1;Begroten;B;\n1.2;Vergaderen;V;10 jaar\n1.3;Klagen;V;5 jaar\n"
)
ADOPTED = (
    "Nr;Naam;Waardering;Termijn\n1.1;Begroten;B;\n1.2;Overleggen;B;\n"
    "1.3;Vergaderen;V;10 jaar\n1.4;Klagen;V;5 jaar\n"
)
RECORDS = "id,category,start\nZ-1,1.2,2015-01-31\nZ-2,1.4,2015-01-31\nZ-3,9.9,2015-01-31\n"


@functools.cache
def sentences() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each coded message (and click's): the fixed pieces of its English and its Dutch text."""
    found = {}
    for message in read_catalog("nl"):
        if not message.id or (message.context and "-" not in message.context):
            continue  # labels are checked on the change logs themselves
        english = tuple(message.id) if isinstance(message.id, tuple | list) else (message.id,)
        string = message.string or ""
        dutch = tuple(string) if isinstance(string, tuple | list) else (string,)
        key = message.context or english[0]
        found[key] = (_pieces(english), _pieces(dutch))
    return found


def _pieces(texts: Sequence[str]) -> tuple[str, ...]:
    """The fixed words of *texts*: what is left between the places, long enough to tell."""
    pieces = []
    for text in texts:
        fixed = re.split(r"\{[^{}]*\}|%\(\w+\)\w", text)
        pieces += [piece.strip(" ;:,.()'") for piece in fixed]
    return tuple(piece for piece in pieces if len(piece) >= 14 and re.search("[a-z]", piece))


def foreign_pieces(language: Language) -> set[str]:
    """Pieces of the other language's messages that do not occur in this language's."""
    english = {p for pair in sentences().values() for p in pair[0]}
    dutch = {p for pair in sentences().values() for p in pair[1]}
    own, other = (dutch, english) if language is Language.NL else (english, dutch)
    return {piece for piece in other - own if not any(piece in mine for mine in own)}


def assert_in(language: Language, output: str) -> None:
    """Every line of *output* is in *language*: no piece of the other language's messages."""
    found = sorted(piece for piece in foreign_pieces(language) if piece in output)
    assert found == [], output


def says(code: str, language: Language, output: str) -> bool:
    """Whether *output* says the message *code* in *language* (its longest fixed piece)."""
    english, dutch = sentences()[code]
    pieces = dutch if language is Language.NL else english
    return not pieces or max(pieces, key=len) in output


@attrs.frozen
class Scenario:
    """A command a user gets wrong, what it must say, and what to set up first."""

    arguments: tuple[str, ...]
    code: str
    setup: Callable[[Path], None] = lambda _: None
    exit_code: int = 1


def _file(name: str, text: str) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / name).write_text(text, encoding="utf-8")

    return write


def _files(texts: dict[str, str]) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")

    return write


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return write


def _workspace(folder: Path) -> None:
    workspace = Workspace(folder)
    workspace.init("proef", title="Proef")
    (folder / "m.yaml").write_text(MAPPING, encoding="utf-8")
    (folder / "concept.csv").write_text(DRAFT, encoding="utf-8")


def _changed_snapshot(folder: Path) -> None:
    workspace = Workspace(folder)
    workspace.init("voorbeeld", title="Voorbeeld")
    path = workspace.add(Workspace.shipped().load("voorbeeld", "1.0")).path
    path.write_text(path.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")


SNAPSHOT = "format: selectielijst/2\nlist: x\ntitle: X\nversion: {label: '1', status: concept}\n"
SCENARIOS = {
    "unknown version": Scenario(("show", "mivd@9.9"), "unknown-version"),
    "unknown list": Scenario(("show", "geenlijst@1"), "unknown-workspace-or-shipped-list"),
    "unknown spec": Scenario(("show", "geen/pad"), "unknown-spec"),
    "invalid yaml": Scenario(("validate", "a.yaml"), "invalid-yaml", _file("a.yaml", "a: [\n")),
    "unknown key": Scenario(
        ("validate", "a.yaml"), "unknown-key", _file("a.yaml", SNAPSHOT + "kleur: rood\n")
    ),
    "no format": Scenario(
        ("validate", "a.yaml"), "no-format", _file("a.yaml", "list: x\ntitle: X\n")
    ),
    "not utf-8": Scenario(("validate", "a.yaml"), "not-utf8", _bytes("a.yaml", b"title: \xff\n")),
    "no such file": Scenario(("validate", "weg.yaml"), "no-such-file"),
    "yaml alias": Scenario(
        ("validate", "a.yaml"), "yaml-alias", _file("a.yaml", "a: &x [1]\nb: *x\n")
    ),
    "duplicate key": Scenario(
        ("validate", "a.yaml"), "duplicate-key", _file("a.yaml", SNAPSHOT + "title: Y\n")
    ),
    "unknown category": Scenario(
        ("retention", "voorbeeld@2.1", "7.7", "--start", "2024-01-31"), "unknown-category"
    ),
    "not a date": Scenario(
        ("retention", "voorbeeld@2.1", "1.2", "--start", "31-01-2024"),
        "not-a-date-option",
        exit_code=2,
    ),
    "event needed": Scenario(
        ("retention", "voorbeeld@2.1", "2.1", "--start", "2024-01-31"), "hint-event"
    ),
    "output is input": Scenario(
        ("due", "voorbeeld@2.1", "--records", "zaken.csv", "--on", "2030-01-01", "-o", "zaken.csv"),
        "overwrites-input",
        _file("zaken.csv", RECORDS),
    ),
    "columns pairs": Scenario(
        ("due", "voorbeeld@2.1", "--records", "zaken.csv", "--on", "2030-01-01", "--columns", "x"),
        "columns-pairs",
        _file("zaken.csv", RECORDS),
        exit_code=2,
    ),
    "column role": Scenario(
        (
            "due",
            "voorbeeld@2.1",
            "--records",
            "zaken.csv",
            "--on",
            "2030-01-01",
            "--columns",
            "kleur=x",
        ),
        "unknown-column-role",
        _file("zaken.csv", RECORDS),
    ),
    "missing column": Scenario(
        ("due", "voorbeeld@2.1", "--records", "zaken.csv", "--on", "2030-01-01"),
        "missing-column",
        _file("zaken.csv", "nummer,klasse\n1,1.2\n"),
    ),
    "records format": Scenario(
        ("due", "voorbeeld@2.1", "--records", "zaken.csv", "--on", "2030-01-01", "-o", "x.pdf"),
        "records-format-from-suffix",
        _file("zaken.csv", RECORDS),
        exit_code=2,
    ),
    "change log format": Scenario(
        ("diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", "log.pdf"),
        "format-from-suffix",
        exit_code=2,
    ),
    "not an export": Scenario(
        ("import", "table", "blad.csv", "-o", "uit"),
        "not-an-export",
        _file("blad.csv", "a,b\n1,2\n"),
    ),
    "missing sheet column": Scenario(
        ("import", "table", "blad.csv", "--mapping", "m.yaml", "-o", "uit"),
        "missing-sheet-column",
        _files({"m.yaml": MAPPING, "blad.csv": "Nr;Naam\n1;x\n"}),
    ),
    "number twice": Scenario(
        ("import", "table", "blad.csv", "--mapping", "m.yaml", "-o", "uit"),
        "number-twice-in-sheet",
        _files({"m.yaml": MAPPING, "blad.csv": "Nr;Naam;Waardering;Termijn\n1;a;B;\n1;b;B;\n"}),
    ),
    "unreadable term": Scenario(
        ("import", "table", "blad.csv", "--mapping", "m.yaml", "-o", "uit"),
        "unreadable-term",
        _files({"m.yaml": MAPPING, "blad.csv": "Nr;Naam;Waardering;Termijn\n1;a;V;tien jaar\n"}),
    ),
    "api needs types": Scenario(
        ("import", "vng", "resultaten.json", "--version", "2020"),
        "api-needs-types",
        _file("resultaten.json", "[]"),
        exit_code=2,
    ),
    "no workspace": Scenario(
        ("import", "table", "concept.csv", "--mapping", "m.yaml"),
        "no-workspace",
        _files({"m.yaml": MAPPING, "concept.csv": DRAFT}),
    ),
    "bad list name": Scenario(("init", "Mijn Lijst"), "bad-list-name"),
    "device name": Scenario(("init", "con"), "name-is-device"),
    "list exists": Scenario(("init", "proef"), "list-exists", _workspace),
    "digest differs": Scenario(("verify",), "digest-differs", _changed_snapshot),
    "not a change table": Scenario(
        ("reasons", "voorbeeld@2.0", "t.csv"), "not-a-change-table", _file("t.csv", "a,b\n1,2\n")
    ),
    "export format": Scenario(
        ("export", "voorbeeld@2.1", "-o", "x.odt"), "export-format-from-suffix", exit_code=2
    ),
    "trace unknown": Scenario(
        ("trace", "voorbeeld@1.0", "9.9", "--to", "voorbeeld@2.1"), "unknown-category"
    ),
    "no match": Scenario(("find", "voorbeeld@2.1", "ruimtevaartuig"), "no-category-matches"),
    "nul in a path": Scenario(("validate", "a\x00b"), "name-holds-nul", exit_code=2),
    "usage: unknown option": Scenario(
        ("show", "mivd@0.16", "--kleur"), "No such option {name!r}.", exit_code=2
    ),
    "usage: missing argument": Scenario(
        ("retention", "voorbeeld@2.1"), "Missing argument", exit_code=2
    ),
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder of the user's own, the current one, outside any workspace."""
    monkeypatch.delenv("SELECTIELIJST_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(language: Language, *arguments: str, env: dict[str, str] | None = None) -> Result:
    """The command line in this process, with SELECTIELIJST_LANG set to *language*."""
    chosen = {"SELECTIELIJST_LANG": language.value, **(env or {})}
    return CliRunner(env=chosen).invoke(main, list(arguments))


class TestEveryError:
    """Each error the command line can produce, said whole in the chosen language."""

    @pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
    @pytest.mark.parametrize("name", list(SCENARIOS))
    def test_in_the_chosen_language(self, name: str, language: Language, folder: Path) -> None:
        """The error (and its hint) in the run's language, none of the other's words."""
        scenario = SCENARIOS[name]
        scenario.setup(folder)
        result = run(language, *scenario.arguments)
        assert result.exit_code == scenario.exit_code, result.output
        assert says(scenario.code, language, result.output), result.output
        assert_in(language, result.output)
        assert "Traceback" not in result.output

    def test_the_scenarios_cover_the_errors(self) -> None:
        """The scenarios reach many codes of docs/errors.md, of every layer that reports errors."""
        codes = {s.code for s in SCENARIOS.values() if "-" in s.code}
        assert len(codes) >= 30

    @pytest.mark.usefixtures("folder")
    def test_bad_language_variable(self) -> None:
        """SELECTIELIJST_LANG=fr is an error, said in Dutch (the default), naming the value."""
        result = CliRunner(env={"SELECTIELIJST_LANG": "fr"}).invoke(main, ["lists"])
        assert result.exit_code == 1
        assert result.stderr == (
            "fout: SELECTIELIJST_LANG='fr' noemt geen taal van dit programma; gebruik nl of en\n"
        )


def _normal_runs(language: Language, folder: Path) -> list[Result]:
    """A records manager's session: a list kept in a sheet, two versions, records."""
    (folder / "m.yaml").write_text(MAPPING, encoding="utf-8")
    (folder / "concept.csv").write_text(DRAFT, encoding="utf-8")
    (folder / "vastgesteld.csv").write_text(ADOPTED, encoding="utf-8")
    (folder / "zaken.csv").write_text(RECORDS, encoding="utf-8")
    said = [
        run(language, "init", "proef", "--title", "Proef"),
        run(language, "import", "table", "concept.csv", "--mapping", "m.yaml"),
        run(
            language, "import", "table", "vastgesteld.csv", "--mapping", "m.yaml",
            "--version", "2.0", "--status", "vastgesteld", "--date", "2024-06-01",
        ),
        run(language, "diff", "proef@1.0", "proef@2.0"),
        run(language, "diff", "proef@1.0", "proef@2.0", "-o", "log.md"),
        run(language, "due", "proef@2.0", "--records", "zaken.csv", "--on", "2030-01-01"),
        run(language, "due", "proef@2.0", "--records", "zaken.csv", "--on", "2030-01-01",
            "-o", "lijst.xlsx"),
        run(language, "impact", "proef@1.0", "proef@2.0", "--records", "zaken.csv",
            "-o", "effect.csv"),
        run(language, "verify"),
        run(language, "versions", "proef"),
        run(language, "retention", "proef@2.0", "1.3", "--start", "2024-01-31"),
    ]  # fmt: skip
    for result in said:
        assert result.exit_code == 0, result.output
    return said


class TestNormalRuns:
    """Import with review lines, diff, due, impact and verify: each line in one language."""

    def test_dutch(self, folder: Path) -> None:
        """In Dutch: review lines, summaries, counts and dates as a Dutch reader writes them."""
        output = "".join(result.output for result in _normal_runs(Language.NL, folder))
        assert_in(Language.NL, output)
        assert "controleer: gekoppeld onder een ander nummer: 1.2 → 1.3, 1.3 → 1.4" in output
        assert "controleer: nieuw: 1.2" in output
        assert "3 stukken op 1 januari 2030: 1 vernietigen" in output
        assert "1 stuk is niet te bepalen" in output
        assert "lijst.xlsx: 1 rij geschreven" in output
        assert "Wijzigingen in Proeflijst" in output
        assert "elke momentopname is zoals die is gepubliceerd" in output
        assert "vernietigen vanaf 31 januari 2034" in output
        assert "naar versie 2.0 (vastgesteld, 1 juni 2024)" in output

    def test_english(self, folder: Path) -> None:
        """In English: the same session, every line in English."""
        output = "".join(result.output for result in _normal_runs(Language.EN, folder))
        assert_in(Language.EN, output)
        assert "review: linked under another number: 1.2 → 1.3, 1.3 → 1.4" in output
        assert "review: new: 1.2" in output
        assert "3 records on 1 January 2030: 1 destroy" in output
        assert "note: 1 record cannot be told" in output
        assert "Changes to Proeflijst" in output
        assert "every snapshot is as published" in output
        assert "destroy from 31 January 2034" in output

    def test_the_workbook_speaks_the_run_language(self, folder: Path) -> None:
        """The records workbook's sheets, headers and words follow --lang."""
        import openpyxl  # noqa: PLC0415  # reading what a manager opens

        _normal_runs(Language.EN, folder)
        workbook = openpyxl.load_workbook(folder / "lijst.xlsx")
        assert workbook.sheetnames == ["Summary", "destroy"]
        header = [cell.value for cell in next(workbook["destroy"].iter_rows(max_row=1))]
        assert header[:3] == ["Record", "Category", "Description"]
        apart = openpyxl.load_workbook(folder / "lijst-niet-te-bepalen.xlsx")["cannot be told"]
        reasons = [row[-1] for row in apart.iter_rows(min_row=2, values_only=True)]
        assert "the category 9.9 is not in the list" in reasons


class TestChoice:
    """--lang, else SELECTIELIJST_LANG, else the locale, else Dutch."""

    @pytest.mark.parametrize(
        ("environ", "expected"),
        [
            ({}, Language.NL),
            ({"LANG": "nl_NL.UTF-8"}, Language.NL),
            ({"LANG": "en_GB.UTF-8"}, Language.EN),
            ({"LANG": "en_US"}, Language.EN),
            ({"LANG": "de_DE.UTF-8"}, Language.NL),
            ({"LANG": "C.UTF-8"}, Language.NL),
            ({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, Language.EN),
            ({"LC_MESSAGES": "nl_BE.UTF-8", "LANG": "en_GB.UTF-8"}, Language.NL),
            ({"LC_ALL": "", "LANG": "en_IE.UTF-8"}, Language.EN),
            ({"SELECTIELIJST_LANG": "nl", "LC_ALL": "en_GB.UTF-8"}, Language.NL),
            ({"SELECTIELIJST_LANG": "EN", "LANG": "nl_NL.UTF-8"}, Language.EN),
        ],
    )
    def test_the_environment(self, environ: dict[str, str], expected: Language) -> None:
        """The variable first, then the locale's first set variable, then Dutch."""
        assert language_chosen(environ) is expected

    @pytest.mark.parametrize(
        ("locale", "flag", "expected"),
        [
            ("nl_NL.UTF-8", None, "fout: lijst 'mivd' heeft geen versie '9.9'"),
            ("en_GB.UTF-8", None, "error: list 'mivd' has no version '9.9'"),
            ("nl_NL.UTF-8", "en", "error: list 'mivd' has no version '9.9'"),
            ("en_GB.UTF-8", "nl", "fout: lijst 'mivd' heeft geen versie '9.9'"),
        ],
    )
    @pytest.mark.usefixtures("folder")
    def test_locale_and_flag_as_a_user_runs_it(
        self, locale: str, flag: str | None, expected: str
    ) -> None:
        """LANG=nl_NL.UTF-8 gives Dutch, en_GB English; --lang overrides both (a real process)."""
        environ = {
            key: value
            for key, value in os.environ.items()
            if key not in {"SELECTIELIJST_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"}
        }
        environ["LANG"] = locale
        command = [sys.executable, "-m", "selectielijst", "show", "mivd@9.9"]
        command += ["--lang", flag] if flag else []
        done = subprocess.run(command, env=environ, capture_output=True, text=True, check=False)  # noqa: S603
        assert done.returncode == 1
        assert done.stderr.startswith(expected)

    @pytest.mark.usefixtures("folder")
    def test_lang_before_the_command(self) -> None:
        """--lang given to the group counts for the command too; the command's own wins."""
        result = CliRunner(env={"SELECTIELIJST_LANG": "nl"}).invoke(
            main, ["--lang", "en", "show", "mivd@9.9"]
        )
        assert result.stderr.startswith("error: list 'mivd'")
        both = CliRunner().invoke(main, ["--lang", "en", "show", "mivd@9.9", "--lang", "nl"])
        assert both.stderr.startswith("fout: lijst 'mivd'")

    def test_every_command_takes_lang(self) -> None:
        """--lang is an option of every command."""
        for name, command in main.commands.items():
            subcommands = getattr(command, "commands", {name: command})
            for sub in subcommands.values():
                assert any(param.name == "lang" for param in sub.params), sub.name


class TestPythonStaysPython:
    """Errors raised to Python are English, with a code and their values."""

    def test_code_arguments_and_both_texts(self) -> None:
        """str() is English; say() gives Dutch; the code and values are attributes."""
        from selectielijst import load  # noqa: PLC0415  # the public face

        with pytest.raises(UnknownVersion) as caught:
            load("voorbeeld", "3.0")
        error = caught.value
        assert str(error) == "list 'voorbeeld' has no version '3.0' (versions: 0.9, 1.0, 2.0, 2.1)"
        assert error.code == "unknown-version"
        assert error.arguments["label"] == "3.0"
        assert error.say(Language.NL).startswith("lijst 'voorbeeld' heeft geen versie '3.0'")

    def test_the_languages_page_runs(self, root: Path) -> None:
        """The examples of docs/howto/languages.md give the output shown."""
        import doctest  # noqa: PLC0415  # the page's examples

        page = root / "docs" / "howto" / "languages.md"
        failures, tried = doctest.testfile(str(page), module_relative=False)
        assert (failures, tried > 0) == (0, True)

    def test_numbers_in_sentences(self) -> None:
        """A count in a sentence is written as the reader writes it."""
        from selectielijst._i18n import say_counted  # noqa: PLC0415  # a sentence that counts

        said = say_counted("rows-written", "{path}: {count:n} row written",
                           "{path}: {count:n} rows written", 1_048_576, path="x")  # fmt: skip
        assert said.say(Language.NL) == "x: 1.048.576 rijen geschreven"
        assert said.say(Language.EN) == "x: 1,048,576 rows written"


class TestChangeTableInEitherLanguage:
    """A change table written in English reads back as one written in Dutch."""

    @pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
    def test_reasons_read_back(self, language: Language, folder: Path) -> None:
        """The columns are named in the run's language; reasons is read from either."""
        import openpyxl  # noqa: PLC0415  # filling in the table as an archivist does

        workspace = Workspace(folder)
        workspace.init("voorbeeld", title="Voorbeeld")
        for label in ("1.0", "2.0"):
            workspace.add(Workspace.shipped().load("voorbeeld", label))
        written = run(language, "diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", "t.xlsx")
        assert written.exit_code == 0
        book = openpyxl.load_workbook(folder / "t.xlsx")
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        reason = "Motivering" if language is Language.NL else "Reason"
        assert header[-2:] == ([reason, "Sleutel"] if language is Language.NL else [reason, "Key"])
        sheet.cell(row=2, column=header.index(reason) + 1, value="Zo besloten.")
        book.save(folder / "t.xlsx")
        stored = run(language, "reasons", "voorbeeld@2.0", "t.xlsx")
        assert stored.exit_code == 0, stored.output
        shown = run(language, "diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", "md")
        assert "Zo besloten." in shown.stdout
