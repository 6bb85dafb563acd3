"""The project's own checks: lint, types, and the documentation build, as tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def run(*command: str) -> subprocess.CompletedProcess[str]:
    """Run *command* in the repository and capture its output."""
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603  # our own tools


class TestQuality:
    """The code is clean and the docs build."""

    def test_ruff_lint(self) -> None:
        """ruff finds nothing to complain about."""
        result = run(sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks", "docs")
        assert result.returncode == 0, result.stdout + result.stderr

    def test_ruff_format(self) -> None:
        """The code is formatted as ruff formats it."""
        result = run(
            sys.executable, "-m", "ruff", "format", "--check", "src", "tests", "benchmarks", "docs"
        )
        assert result.returncode == 0, result.stdout + result.stderr

    def test_mypy_strict(self) -> None:
        """mypy --strict passes on the package, its tests and its benchmarks."""
        result = run(sys.executable, "-m", "mypy")
        assert result.returncode == 0, result.stdout + result.stderr

    @pytest.mark.parametrize("builder", ["html", "doctest"])
    def test_docs_build_without_warnings(self, builder: str, tmp_path: Path) -> None:
        """Sphinx builds the site (and runs the pages' examples) with warnings as errors."""
        if (
            shutil.which("sphinx-build") is None
            and not (Path(sys.executable).parent / "sphinx-build").exists()
        ):
            pytest.fail("sphinx-build is not installed: install the test extras")
        result = run(
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            builder,
            "docs",
            str(tmp_path),
        )
        assert result.returncode == 0, result.stdout + result.stderr


class TestApiReference:
    """The API reference lists every public name, each with a docstring."""

    def test_every_name_documented(self) -> None:
        """Each name in selectielijst.__all__ appears in docs/api.rst and has a docstring."""
        import selectielijst  # noqa: PLC0415  # the package under test

        reference = (ROOT / "docs" / "api.rst").read_text(encoding="utf-8")
        missing = [
            name for name in selectielijst.__all__ if f"selectielijst.{name}\n" not in reference
        ]
        assert missing == []
        undocumented = [
            name
            for name in selectielijst.__all__
            if not isinstance(getattr(selectielijst, name), str)
            and not getattr(selectielijst, name).__doc__
        ]
        assert undocumented == []

    def test_every_error_explained(self) -> None:
        """Each error class has a row in docs/errors.md."""
        from selectielijst import errors  # noqa: PLC0415  # the module under test
        from selectielijst.io import NotationError  # noqa: PLC0415  # the importers' own error

        page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
        kinds = [getattr(errors, name) for name in errors.__all__] + [NotationError]
        explained = [
            kind.__name__
            for kind in kinds
            if isinstance(kind, type) and issubclass(kind, BaseException)
            if kind.__name__ != "SelectielijstError"
        ]
        assert len(explained) >= 20
        assert [name for name in explained if f"`{name}`" not in page] == []


class TestReadme:
    """The README's examples run."""

    def test_examples(self) -> None:
        """Every >>> example in README.md gives the output shown."""
        import doctest  # noqa: PLC0415  # only this test needs it

        result = doctest.testfile(
            str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS
        )
        assert result.attempted > 0
        assert result.failed == 0


class TestExamples:
    """Each public function shows how it is called."""

    def test_every_function_has_an_example(self) -> None:
        """Every function in __all__ has a >>> example in its docstring (run by pytest)."""
        import inspect  # noqa: PLC0415  # only this test needs it

        import selectielijst  # noqa: PLC0415  # the package under test

        functions = [
            getattr(selectielijst, n)
            for n in selectielijst.__all__
            if inspect.isfunction(getattr(selectielijst, n))
        ]
        assert [f.__name__ for f in functions if ">>>" not in (f.__doc__ or "")] == []
