"""Tests of the architecture: the layers and faces that import-linter holds, and the public face."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

import selectielijst

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(source: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter's contracts (pyproject.toml) on the package under *source*."""
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(  # noqa: S603  # our own interpreter and tool
        [sys.executable, "-c", command, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(source)},
        capture_output=True,
        text=True,
        check=False,
    )


class TestContracts:
    """The import graph keeps its layers, its faces and no cycles; a breach is caught."""

    def test_the_package_keeps_every_contract(self) -> None:
        """Every contract in pyproject.toml is kept by the package as it is."""
        run = lint_imports(ROOT / "src")
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.count(" KEPT") == 5

    @pytest.mark.parametrize(
        ("module", "line", "broken"),
        [
            (  # a reach into another package's private module
                "_render/_html.py",
                "from selectielijst._storage._files import read_text  # noqa",
                "A package's private modules are reached only through its face",
            ),
            (  # an import up a layer
                "_model/_search.py",
                "from selectielijst._diff import diff  # noqa",
                "Layers: each imports only those below it",
            ),
            (  # the command line past the public API
                "_cli/_lists.py",
                "from selectielijst._model import Category  # noqa",
                "The command line uses the public API only",
            ),
            (  # a cycle between two modules of one package
                "_storage/_ruamel.py",
                "from selectielijst._storage import _fastdump  # noqa",
                "No cycles: the modules of each package import one another one way",
            ),
        ],
    )
    def test_a_breach_breaks_its_contract(
        self, tmp_path: Path, module: str, line: str, broken: str
    ) -> None:
        """A deliberate reach-in, layer breach or cycle in a copy of the package is reported."""
        copy = tmp_path / "src"
        shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
        target = copy / "selectielijst" / module
        target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
        run = lint_imports(copy)
        assert run.returncode == 1
        assert f"{broken} BROKEN" in run.stdout


class TestPublicFace:
    """The package's top level is small, findable and stable."""

    def test_dir_is_all(self) -> None:
        """dir(selectielijst) is what __all__ names, and every name there exists."""
        assert dir(selectielijst) == sorted(selectielijst.__all__)
        assert all(hasattr(selectielijst, name) for name in selectielijst.__all__)
        assert len(selectielijst.__all__) <= 30

    def test_version(self) -> None:
        """__version__ is the installed distribution's version."""
        import importlib.metadata  # noqa: PLC0415  # only here

        assert selectielijst.__version__ == importlib.metadata.version("selectielijst")

    def test_moved_names_warn_and_work(self) -> None:
        """A name that moved to a submodule still works, with a warning saying where it is."""
        from selectielijst.errors import DocumentErrors  # noqa: PLC0415  # the new home

        with pytest.warns(DeprecationWarning, match=r"selectielijst\.errors\.DocumentErrors"):
            assert selectielijst.DocumentErrors is DocumentErrors

    def test_unknown_names_are_attribute_errors(self) -> None:
        """A name that never was is an AttributeError, with no warning."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(AttributeError, match="no attribute 'nergens'"):
                _ = selectielijst.nergens

    def test_submodules_have_small_faces(self) -> None:
        """Each public submodule's dir() is its __all__, and each name there exists."""
        import importlib  # noqa: PLC0415  # only here

        for name in ("changes", "errors", "files", "holdings", "integrity", "io", "lookup",
                     "model", "rendering", "snapshots", "workspace"):  # fmt: skip
            module = importlib.import_module(f"selectielijst.{name}")
            assert all(hasattr(module, member) for member in module.__all__), name
            if name != "errors":  # the errors module is a plain module of classes
                assert dir(module) == sorted(module.__all__), name


class TestQuickImport:
    """Importing the package loads nothing heavy: engines and writers load when used."""

    def test_nothing_heavy_on_import(self) -> None:
        """No numpy, pandas, pyarrow, DuckDB, deepdiff, sqlglot, Word or Excel writer, file lock,
        nor the text matchers in C++."""
        heavy = ("numpy", "pandas", "pyarrow", "duckdb", "deepdiff", "sqlglot", "openpyxl",
                 "docx", "xlsxwriter", "filelock", "rich", "rapidfuzz", "cydifflib")  # fmt: skip
        script = f"import sys, selectielijst; print([m for m in {heavy!r} if m in sys.modules])"
        run = subprocess.run(  # noqa: S603  # our own interpreter and script
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert run.stdout.strip() == "[]"

    def test_a_diff_loads_no_network_nor_importers(self, tmp_path: Path) -> None:
        """A command-line diff loads no networking (ssl, sockets, urllib.request: 14 ms of each
        start), no hashing library, none of the importers of Word, PDF and spreadsheets, and,
        writing JSON, neither the report layout, the other formats' writers nor CSV or zip."""
        script = textwrap.dedent(
            """\
            import sys
            from selectielijst._cli import main
            try:
                main(["diff", "voorbeeld@1.0", "voorbeeld@2.0", "-o", sys.argv[1]])
            except SystemExit:
                pass
            unwanted = ("ssl", "socket", "urllib.request", "http.client", "hashlib", "pdfplumber",
                        "selectielijst._io._documents", "selectielijst._io._table",
                        "selectielijst._io._export", "selectielijst._io._vng",
                        "selectielijst._render._report", "selectielijst._render._docx",
                        "selectielijst._render._xlsx", "selectielijst._render._markdown",
                        "selectielijst._storage._sheets", "csv", "zipfile")
            print([name for name in unwanted if name in sys.modules], file=sys.stderr)
            """
        )
        output = tmp_path / "wijzigingen.json"
        run = subprocess.run(  # noqa: S603  # our own interpreter and script
            [sys.executable, "-c", script, str(output)], capture_output=True, text=True, check=True
        )
        assert output.is_file()
        assert run.stderr.strip().splitlines()[-1] == "[]"
