"""Tests of the file plumbing: one file however spelled, files written together, no links."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from selectielijst._storage._files import (
    check_output,
    filled_together,
    finish_interrupted,
    refuse_input,
    refuse_links,
    same_file,
    write_atomically,
)
from selectielijst.errors import OverwritesInput, UnsafePath


@pytest.fixture
def records(tmp_path: Path) -> Path:
    path = tmp_path / "zaken.csv"
    path.write_text("id,category,start\nZ-1,1.2,2015-01-31\n", encoding="utf-8")
    return path


class TestSameFile:
    """An output is the input however it is spelled."""

    def test_spellings(self, records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Relative, through '..', through a link and as a hard link: all are the records file."""
        folder = records.parent
        (folder / "sub").mkdir()
        (folder / "link.csv").symlink_to(records)
        (folder / "hard.csv").hardlink_to(records)
        monkeypatch.chdir(folder)
        for spelled in ("zaken.csv", "sub/../zaken.csv", "link.csv", "hard.csv", "./zaken.csv"):
            assert same_file(Path(spelled), records), spelled

    def test_other_files(self, records: Path) -> None:
        """A file that does not exist yet, or another file, is not the records file."""
        (records.parent / "ander.csv").write_text("id\n", encoding="utf-8")
        assert not same_file(records.parent / "nieuw.csv", records)
        assert not same_file(records.parent / "ander.csv", records)

    def test_refuse_input_inside_a_folder(self, tmp_path: Path) -> None:
        """Records read from a folder (a Parquet data set): no output may be inside it."""
        dataset = tmp_path / "zaken.parquet"
        dataset.mkdir()
        with pytest.raises(OverwritesInput) as caught:
            refuse_input([dataset / "part-0.parquet"], dataset)
        assert caught.value.source == str(dataset)
        refuse_input([tmp_path / "lijst.parquet"], dataset)  # beside it is fine

    def test_tables_in_memory_are_not_files(self, tmp_path: Path) -> None:
        """Records in memory have no file to protect: every output is allowed."""
        refuse_input([tmp_path / "lijst.csv"], object())


class TestCheckOutput:
    """An output that cannot be a file is said before any work, by its own name."""

    def test_folder(self, tmp_path: Path) -> None:
        with pytest.raises(IsADirectoryError) as caught:
            check_output(tmp_path)
        assert caught.value.filename == str(tmp_path)

    def test_under_a_file(self, records: Path) -> None:
        with pytest.raises(NotADirectoryError) as caught:
            check_output(records / "lijst.csv")
        assert caught.value.filename == str(records / "lijst.csv")

    def test_link_to_a_folder(self, tmp_path: Path) -> None:
        (tmp_path / "map").mkdir()
        (tmp_path / "lijst.csv").symlink_to(tmp_path / "map")
        with pytest.raises(IsADirectoryError):
            check_output(tmp_path / "lijst.csv")


class TestFilledTogether:
    """Files written together appear together; a kill between renames is completed later."""

    def test_a_folder_among_the_targets(self, tmp_path: Path) -> None:
        """A second target that is a folder: refused before anything is written."""
        (tmp_path / "lijst-rest.csv").mkdir()
        with (
            pytest.raises(IsADirectoryError),
            filled_together([tmp_path / "lijst.csv", tmp_path / "lijst-rest.csv"]),
        ):
            pytest.fail("the block must not run")
        assert sorted(path.name for path in tmp_path.iterdir()) == ["lijst-rest.csv"]

    def test_error_in_the_block(self, tmp_path: Path) -> None:
        """When the block raises, no target changes and no temporary file stays."""
        (tmp_path / "lijst.csv").write_text("oud", encoding="utf-8")

        def fill_then_fail() -> None:
            with filled_together([tmp_path / "lijst.csv", tmp_path / "lijst-rest.csv"]) as pair:
                pair[0].write_text("nieuw", encoding="utf-8")
                raise RuntimeError

        with pytest.raises(RuntimeError):
            fill_then_fail()
        assert sorted(path.name for path in tmp_path.iterdir()) == ["lijst.csv"]
        assert (tmp_path / "lijst.csv").read_text(encoding="utf-8") == "oud"

    def test_killed_between_the_renames(self, tmp_path: Path) -> None:
        """Killed after the first rename: the journal says so, and the next write completes it."""
        for name, text in (("lijst.csv", "oud"), ("lijst-rest.csv", "oud")):
            (tmp_path / name).write_text(text, encoding="utf-8")
        script = textwrap.dedent(
            """
            import os, signal, sys
            from pathlib import Path
            from selectielijst._storage import _files

            replace = Path.replace

            def killed_after_one(self, target):
                result = replace(self, target)
                if self.name.endswith(".tmp") and not Path(target).name.startswith("."):
                    os.kill(os.getpid(), signal.SIGKILL)
                return result

            Path.replace = killed_after_one
            folder = Path(sys.argv[1])
            with _files.filled_together([folder / "lijst.csv", folder / "lijst-rest.csv"]) as pair:
                for temporary in pair:
                    temporary.write_text("nieuw", encoding="utf-8")
            """
        )
        run = subprocess.run(  # noqa: S603  # our own interpreter and script
            [sys.executable, "-c", script, str(tmp_path)], check=False, capture_output=True
        )
        assert run.returncode == -9, run.stderr
        assert (tmp_path / "lijst-rest.csv").read_text(encoding="utf-8") == "nieuw"
        assert (tmp_path / "lijst.csv").read_text(encoding="utf-8") == "oud"  # the pair is split
        assert len(list(tmp_path.glob(".lijst.csv.*.pair"))) == 1
        assert finish_interrupted(tmp_path) == (tmp_path / "lijst.csv",)
        assert (tmp_path / "lijst.csv").read_text(encoding="utf-8") == "nieuw"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["lijst-rest.csv", "lijst.csv"]

    def test_next_write_completes_an_interrupted_pair(self, tmp_path: Path) -> None:
        """A journal of a writer that no longer runs is completed before the next write there."""
        temporary = tmp_path / ".lijst.csv.999999999.abc.tmp"
        temporary.write_text("nieuw", encoding="utf-8")
        (tmp_path / "lijst.csv").write_text("oud", encoding="utf-8")
        journal = tmp_path / ".lijst.csv.999999999.pair"
        journal.write_text(
            f'{{"moves": [["{temporary}", "{tmp_path / "lijst.csv"}"]]}}', encoding="utf-8"
        )
        with filled_together([tmp_path / "ander.csv"]) as (other,):
            other.write_text("x", encoding="utf-8")
        assert (tmp_path / "lijst.csv").read_text(encoding="utf-8") == "nieuw"
        assert not journal.exists()

    def test_a_running_writers_journal_is_left(self, tmp_path: Path) -> None:
        """The journal of a writer that still runs is its own to finish."""
        journal = tmp_path / f".lijst.csv.{os.getppid()}.pair"
        journal.write_text('{"moves": []}', encoding="utf-8")
        assert finish_interrupted(tmp_path) == ()
        assert journal.exists()


class TestRefuseLinks:
    """Nothing is written through a link inside a workspace's versions/."""

    def test_linked_folder(self, tmp_path: Path) -> None:
        outside = tmp_path / "elders"
        outside.mkdir()
        versions = tmp_path / "versions"
        (versions / "mijn").mkdir(parents=True)
        (versions / "mijn" / "2.0").symlink_to(outside)
        with pytest.raises(UnsafePath, match=r"2\.0: is a symbolic link"):
            refuse_links(versions, versions / "mijn" / "2.0" / "list.yaml")

    def test_not_a_regular_file(self, tmp_path: Path) -> None:
        (tmp_path / "mijn" / "index.yaml").mkdir(parents=True)
        with pytest.raises(UnsafePath, match="is not a regular file"):
            refuse_links(tmp_path, tmp_path / "mijn" / "index.yaml")


class TestAbandoned:
    """What a killed writer left beside its target goes at the next write there."""

    def test_spark_parts_of_a_dead_writer(self, tmp_path: Path) -> None:
        """A folder of parts a killed Spark run left (with record ids in it) is removed;
        one of a writer that still runs is left alone."""
        dead = tmp_path / ".lijst.csv.999999999.abc.tmp.parts"
        dead.mkdir()
        (dead / "part-00000.csv").write_text("Z-1,1.2\n", encoding="utf-8")
        alive = tmp_path / f".lijst.csv.{os.getppid()}.abc.tmp.parts"
        alive.mkdir()
        write_atomically(tmp_path / "lijst.csv", b"nieuw")
        assert not dead.exists()
        assert alive.exists()
