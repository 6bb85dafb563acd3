"""Tests of the integrity of published versions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from selectielijst._cli import main
from selectielijst.integrity import record_digests, verify
from selectielijst.workspace import versions_folder


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped versions/ folder to damage."""
    copy = tmp_path / "versions"
    shutil.copytree(versions_folder(), copy)
    return copy


def flip_one_byte(path: Path) -> None:
    """Change one byte of *path*, in place."""
    data = bytearray(path.read_bytes())
    position = data.index(b"Internationaal")
    data[position] = ord("i")
    path.write_bytes(bytes(data))


class TestVerify:
    """selectielijst verify."""

    def test_shipped_lists_pass(self) -> None:
        """Every shipped snapshot is as published."""
        assert verify() == ()

    def test_one_byte_changed(self, shipped: Path) -> None:
        """A one-byte change to a snapshot is found and named."""
        snapshot = shipped / "mivd" / "0.16" / "list.yaml"
        flip_one_byte(snapshot)
        (problem,) = verify("mivd", root=shipped.parent)
        assert problem.path == snapshot
        assert problem.label == "0.16"
        assert "has changed since it was recorded" in str(problem.problem)

    def test_missing_snapshot(self, shipped: Path) -> None:
        """A snapshot the index lists but the folder lacks."""
        (shipped / "voorbeeld" / "2.0" / "list.yaml").unlink()
        (problem,) = verify("voorbeeld", root=shipped.parent)
        assert str(problem.problem) == "the snapshot file is missing"

    def test_unlisted_snapshot(self, shipped: Path) -> None:
        """A snapshot that the index does not list."""
        extra = shipped / "voorbeeld" / "3.0" / "list.yaml"
        extra.parent.mkdir()
        shutil.copy(shipped / "voorbeeld" / "2.1" / "list.yaml", extra)
        (problem,) = verify("voorbeeld", root=shipped.parent)
        assert problem.path == extra
        assert "not in the index" in str(problem.problem)

    def test_record_only_missing_digests(self, shipped: Path) -> None:
        """--record fills in a new version's digest and never changes a recorded one."""
        index = shipped / "mivd" / "index.yaml"
        text = index.read_text(encoding="utf-8")
        without = "\n".join(line for line in text.splitlines() if "sha256" not in line) + "\n"
        index.write_text(without, encoding="utf-8")
        assert "records no SHA-256" in str(verify("mivd", root=shipped.parent)[0].problem)
        assert record_digests("mivd", root=shipped.parent) == ("0.16",)
        assert verify("mivd", root=shipped.parent) == ()
        flip_one_byte(shipped / "mivd" / "0.16" / "list.yaml")
        assert record_digests("mivd", root=shipped.parent) == ()
        assert verify("mivd", root=shipped.parent) != ()


class TestCli:
    """The verify command."""

    def test_passes(self) -> None:
        """Exit 0 on the shipped lists."""
        result = CliRunner().invoke(main, ["verify"])
        assert result.exit_code == 0
        assert "every snapshot is as published" in result.stdout

    def test_fails_after_change(self, shipped: Path) -> None:
        """Exit 1, one line per problem, after a one-byte change."""
        flip_one_byte(shipped / "mivd" / "0.16" / "list.yaml")
        result = CliRunner().invoke(main, ["--root", str(shipped.parent), "verify", "mivd"])
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1
        assert "mivd@0.16: the file has changed" in result.stderr
