"""Tests of the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from samples import GOOD
from selectielijst._cli import main
from selectielijst._workspace._schema import snapshot_schema


@pytest.fixture
def run() -> CliRunner:
    """A runner that keeps stdout and stderr apart."""
    return CliRunner()


class TestListsAndVersions:
    """Browsing what ships."""

    def test_lists(self, run: CliRunner) -> None:
        """Each list with its title."""
        result = run.invoke(main, ["lists"])
        assert result.exit_code == 0
        assert "mivd\tGenerieke Selectielijst MIVD" in result.output

    def test_versions_shows_whole_history(self, run: CliRunner) -> None:
        """Versions without text are shown, and say so."""
        result = run.invoke(main, ["versions", "mivd", "--lang", "nl"])
        assert result.exit_code == 0
        assert "mivd@0.16\tter inzage\t2015-03\n" in result.output
        assert "mivd@ontwerp-2015\tontwerp\t2015-12-15  (tekst niet beschikbaar)" in result.output
        assert "mivd@vastgesteld-2016" in result.output

    def test_unknown_list(self, run: CliRunner) -> None:
        """One line, exit 1, no traceback."""
        result = run.invoke(main, ["versions", "nope"])
        assert result.exit_code == 1
        assert result.stderr.startswith("error: there is no list 'nope' (known lists: mivd")
        assert len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.output


class TestShow:
    """Showing a version in full."""

    def test_mivd_text_in_full(self, run: CliRunner) -> None:
        """Every paragraph of the seed, the subsection, and the cut-off."""
        result = run.invoke(main, ["show", "mivd@0.16", "--lang", "nl"])
        assert result.exit_code == 0
        text = " ".join(result.stdout.split())
        assert "Internationaal ==============" in text
        assert "‘bundeling van krachte n’" in text
        assert "Bilaterale samenwerking" in text
        assert "(third party rule)." in text
        assert "Daarnaast is de [De tekst is hier onvolledig.]" in text
        assert "pagina 110 van 167 (onvolledig)" in text

    def test_changes_from(self, run: CliRunner) -> None:
        """--changes-from marks what changed since the other version."""
        result = run.invoke(main, ["show", "voorbeeld@2.0", "--changes-from", "voorbeeld@1.0"])
        assert result.exit_code == 0
        assert "~~V, 5 jaar~~ **B (6)**" in result.stdout

    def test_changes_from_unknown(self, run: CliRunner) -> None:
        """An unknown version to compare with is one line, exit 1."""
        result = run.invoke(main, ["show", "voorbeeld@2.0", "--changes-from", "voorbeeld@7"])
        assert result.exit_code == 1
        assert "has no version '7'" in result.stderr

    def test_no_text(self, run: CliRunner) -> None:
        """A version without text is an error that says so."""
        result = run.invoke(main, ["show", "mivd@ontwerp-2015"])
        assert result.exit_code == 1
        assert "is not available" in result.stderr

    def test_unsafe_name(self, run: CliRunner) -> None:
        """A name reaching outside versions/ is refused."""
        result = run.invoke(main, ["show", "mivd@../../etc/passwd"])
        assert result.exit_code == 1
        assert "is not a version label" in result.stderr


class TestValidate:
    """Checking files."""

    def test_valid(self, run: CliRunner, root: Path) -> None:
        """A valid snapshot passes with exit 0."""
        result = run.invoke(main, ["validate", str(root / "versions" / "mivd" / "0.16")])
        assert result.exit_code == 0
        assert "valid (mivd@0.16)" in result.stdout

    def test_three_mistakes(self, run: CliRunner, tmp_path: Path) -> None:
        """All three mistakes, each with file:line and path, exit 1."""
        path = tmp_path / "list.yaml"
        text = GOOD.replace("status: concept", "status: klaar").replace("keep: [1]", "keep: [4]")
        path.write_text(text.replace("destroy: P1Y", "destroy: tien jaar"), encoding="utf-8")
        result = run.invoke(main, ["validate", str(path)])
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert len(lines) == 3
        assert lines[0].startswith(f"error: {path}:6 $.version.status: unknown status 'klaar'")
        assert lines[1].startswith(
            f"error: {path}:18 $.sections[0].categories[0].valuation.keep: criterion 4"
        )
        assert lines[2].startswith(
            f"error: {path}:23 $.sections[0].categories[1].valuation.destroy: 'tien jaar'"
        )

    def test_usage_error(self, run: CliRunner) -> None:
        """No path at all is wrong usage: exit 2."""
        assert run.invoke(main, ["validate"]).exit_code == 2

    def test_nul_in_path(self, run: CliRunner) -> None:
        """A path no operating system can open is an error, not a crash (found by fuzzing)."""
        result = run.invoke(main, ["validate", "a\x00b"])
        assert result.exit_code == 2
        assert "NUL character" in result.output

    def test_missing_file(self, run: CliRunner, tmp_path: Path) -> None:
        """A path that is not there is a problem, exit 1."""
        result = run.invoke(main, ["validate", str(tmp_path / "none.yaml")])
        assert result.exit_code == 1
        assert "no such file" in result.stderr


class TestSchema:
    """Printing the schema."""

    def test_prints_snapshot_schema(self, run: CliRunner) -> None:
        """The printed JSON is the generated schema."""
        result = run.invoke(main, ["schema"])
        assert result.exit_code == 0
        assert json.loads(result.stdout) == snapshot_schema()


class TestDiff:
    """Comparing two versions from the command line."""

    def test_text(self, run: CliRunner) -> None:
        """The change log in the terminal; exit 0 although there are changes."""
        result = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--lang", "nl"])
        assert result.exit_code == 0
        assert "Bewaartermijn korter: 10 jaar → 7 jaar. Eerder vernietigen." in " ".join(
            result.stdout.split()
        )
        assert "\x1b[" not in result.stdout

    def test_json_reports_every_kind(self, run: CliRunner) -> None:
        """The JSON names every change kind of the design."""
        result = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", "json"])
        assert result.exit_code == 0
        kinds = {change["kind"] for change in json.loads(result.stdout)["changes"]}
        expected = {
            "added", "withdrawn", "renumbered", "moved", "split", "merged", "revalued",
            "term_changed", "criteria_changed", "text_changed", "section_added",
            "section_removed", "section_text_changed", "metadata_changed",
        }  # fmt: skip
        assert kinds == expected

    def test_by_path(self, run: CliRunner, root: Path) -> None:
        """Paths work where LIST@VERSION does."""
        old = root / "versions" / "voorbeeld" / "2.0"
        new = root / "versions" / "voorbeeld" / "2.1" / "list.yaml"
        result = run.invoke(main, ["diff", str(old), str(new), "--format", "md", "--lang", "en"])
        assert result.exit_code == 0
        assert result.stdout.startswith("# Changes to Selectielijst gemeente Voorbeeldstad")

    def test_unknown_version(self, run: CliRunner) -> None:
        """A version that does not exist: one line naming the versions there are, exit 1."""
        result = run.invoke(main, ["diff", "voorbeeld@1.0", "voorbeeld@3.0"])
        assert result.exit_code == 1
        assert result.stderr == (
            "error: list 'voorbeeld' has no version '3.0' (versions: 0.9, 1.0, 2.0, 2.1)\n"
        )

    def test_broken_file(self, run: CliRunner, tmp_path: Path) -> None:
        """A file with mistakes: each listed, exit 1."""
        broken = tmp_path / "list.yaml"
        broken.write_text("format: selectielijst/1\nlist: x\n", encoding="utf-8")
        result = run.invoke(main, ["diff", str(broken), "voorbeeld@1.0"])
        assert result.exit_code == 1
        assert "title is required but missing" in result.stderr
        assert "version is required but missing" in result.stderr

    def test_unknown_format(self, run: CliRunner) -> None:
        """A format that does not exist is wrong usage: exit 2."""
        assert (
            run.invoke(
                main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", "pdf"]
            ).exit_code
            == 2
        )

    def test_output_file(self, run: CliRunner, tmp_path: Path) -> None:
        """-o writes the file and leaves no temporary file behind."""
        target = tmp_path / "wijzigingen.html"
        result = run.invoke(
            main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "--format", "html", "-o", str(target)]
        )
        assert result.exit_code == 0
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert [p.name for p in tmp_path.iterdir()] == ["wijzigingen.html"]

    def test_output_into_missing_folder(self, run: CliRunner, tmp_path: Path) -> None:
        """A folder that does not exist is an error, not created silently."""
        result = run.invoke(
            main, ["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", str(tmp_path / "nee" / "x.txt")]
        )
        assert result.exit_code == 1
        assert "cannot write" in result.stderr
        assert not (tmp_path / "nee").exists()


class TestChangelog:
    """The version history from the command line."""

    def test_every_version(self, run: CliRunner) -> None:
        """Every version appears, newest first; one without text says so."""
        result = run.invoke(main, ["changelog", "voorbeeld", "--format", "text", "--lang", "nl"])
        assert result.exit_code == 0
        headings = [line for line in result.stdout.splitlines() if line.startswith("Versie ")]
        assert headings == [
            "Versie 2.1 (vastgesteld, 1 november 2024)",
            "Versie 2.0 (ter inzage, 1 maart 2024)",
            "Versie 1.0 (vastgesteld, 1 juni 2019)",
            "Versie 0.9 (concept, januari 2019)",
        ]
        assert "De tekst van deze versie is niet beschikbaar" in result.stdout

    def test_mivd_history(self, run: CliRunner) -> None:
        """The MIVD history states that the later versions have no text."""
        result = run.invoke(main, ["changelog", "mivd", "--format", "md", "--lang", "nl"])
        assert result.exit_code == 0
        assert result.stdout.count("De tekst van deze versie is niet beschikbaar") == 2

    def test_json(self, run: CliRunner) -> None:
        """The JSON history lists each version with its changes or null."""
        result = run.invoke(main, ["changelog", "voorbeeld", "--format", "json"])
        versions = json.loads(result.stdout)["versions"]
        assert [(v["version"]["label"], v["compared_with"]) for v in versions] == [
            ("2.1", "2.0"),
            ("2.0", "1.0"),
            ("1.0", None),
            ("0.9", None),
        ]

    def test_unknown_list(self, run: CliRunner) -> None:
        """An unknown list: one line, exit 1."""
        result = run.invoke(main, ["changelog", "nope"])
        assert result.exit_code == 1
        assert result.stderr.startswith("error: there is no list 'nope'")


class TestQuickStart:
    """The command line starts without what a command does not use."""

    def test_export_choices_are_the_exporters(self) -> None:
        """export --format offers exactly what the exporters write, and the API's shape."""
        from selectielijst._cli._transfer import EXPORT_CHOICES  # noqa: PLC0415  # written out
        from selectielijst.io import EXPORT_FORMATS  # noqa: PLC0415  # the exporters' own

        assert (*EXPORT_FORMATS, "vng-api", "vng-fixture") == EXPORT_CHOICES

    def test_no_importers_deepdiff_or_ruamel_at_start(self) -> None:
        """Starting the command line loads no importers, no deepdiff, no ruamel, no DuckDB."""
        import subprocess  # noqa: PLC0415  # a fresh process
        import sys  # noqa: PLC0415  # this Python

        heavy = ("selectielijst._io", "selectielijst._holdings", "deepdiff", "ruamel", "duckdb")
        script = (
            "import sys, selectielijst._cli\n"
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
        )
        done = subprocess.run(  # noqa: S603  # this Python, a fixed script
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "[]"


class TestWhatCannotBeWritten:
    """Text no encoding can write does not stop the command with a traceback."""

    def test_a_lone_surrogate_in_output(self, tmp_path: Path) -> None:
        """A lone surrogate in what is written becomes '?', the rest as it is."""
        from selectielijst._cli._common import emit  # noqa: PLC0415  # the one writer of output

        target = tmp_path / "uit.md"
        emit("kapot \ud800 heel", target, format_name="markdown")
        assert target.read_text(encoding="utf-8") == "kapot ? heel"


def test_the_program_sets_the_collector_for_a_short_run_and_main_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``selectielijst`` (run) looks at young objects every YOUNG_OBJECTS and freezes what is left
    at the end; ``main`` leaves the collector as it is."""
    import gc  # noqa: PLC0415  # only here

    from selectielijst import _cli  # noqa: PLC0415  # the program's entry point

    before = gc.get_threshold()
    try:
        CliRunner().invoke(main, ["--version"])
        assert gc.get_threshold() == before
        called = []
        monkeypatch.setattr(_cli, "main", lambda: called.append(gc.get_threshold()))
        _cli.run()
        assert called == [(_cli.YOUNG_OBJECTS, *before[1:])]
        assert gc.get_freeze_count() > 0  # the run over: its objects set aside for the exit
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_python_m_runs_the_program(tmp_path: Path) -> None:
    """``python -m selectielijst`` is the program: a diff written as JSON, as a user runs it."""
    import subprocess  # noqa: PLC0415  # only here
    import sys  # noqa: PLC0415  # likewise

    output = tmp_path / "wijzigingen.json"
    command = [sys.executable, "-m", "selectielijst", "diff", "voorbeeld@1.0", "voorbeeld@2.0",
               "-o", str(output)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603  # ours
    assert json.loads(output.read_text(encoding="utf-8"))["changes"]
