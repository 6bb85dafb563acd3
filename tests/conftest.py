"""Shared test set-up: hypothesis profiles and paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from selectielijst import SelectionList, Status, import_vng
from selectielijst.model import VersionInfo

os.environ["SELECTIELIJST_LANG"] = "en"
"""The tests read what the command line says in English, the language of the messages' ids;
the tests in ``test_languages.py`` choose Dutch (and the locale) themselves."""
os.environ.pop("LANGUAGE", None)

settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parents[1]
"""The repository's top folder."""
SHARED = ROOT.parent / "shared"
"""The read-only folder beside the repository, with the seed and the real data."""
FIXTURES = ROOT / "tests" / "fixtures"
"""Small files the tests read: sheets, mappings, VNG extracts of our own."""
VNG_DATA = SHARED / "data" / "vng-selectielijst"
"""The real VNG list in two versions; tests that need it skip where it is absent."""


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT


@pytest.fixture(scope="session")
def vng() -> dict[str, SelectionList]:
    """Both VNG versions, 2017 and 2020, imported once from their spreadsheets."""
    if not VNG_DATA.is_dir():
        pytest.skip("the VNG data is not present")
    return {
        year: import_vng(
            VNG_DATA / f"selectielijst-{year}.csv", version=VersionInfo(year, Status.VASTGESTELD)
        ).selection_list
        for year in ("2017", "2020")
    }


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many damaged inputs the fuzz tests fed in."""
    from test_fuzz import CASES, OUTCOMES, outcome_table, summary  # noqa: PLC0415  # only when the fuzz tests ran

    if CASES:
        terminalreporter.write_line(summary(CASES))
    if OUTCOMES:
        terminalreporter.write_line(outcome_table(OUTCOMES))


def on_a_terminal(command: list[str], stream: str) -> tuple[int, bytes]:
    """Run *command* with its *stream* (``stdout`` or ``stderr``) on a terminal of its own.

    Returns its exit code and what it wrote there; the other stream goes nowhere.
    """
    import pty  # noqa: PLC0415  # only for these tests
    import subprocess  # noqa: PLC0415  # the command as a user runs it

    leader, follower = pty.openpty()
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: follower}
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, **streams) as run:  # type: ignore[call-overload]  # noqa: S603
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            seen += chunk
    os.close(leader)
    return run.returncode, seen
