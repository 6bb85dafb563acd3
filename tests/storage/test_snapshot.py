"""Tests of reading and writing snapshot files."""

from __future__ import annotations

import itertools
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from samples import GOOD
from selectielijst import SelectionList, Status, load, read, write
from selectielijst.errors import DocumentErrors, InvalidDocument, InvalidRecord, PublishedVersion
from selectielijst.snapshots import dumps, loads, make_converter
from selectielijst.workspace import versions_folder
from strategies import selection_lists, with_status

tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def problems(text: str, file: str = "list.yaml") -> list[InvalidDocument]:
    """The problems reported for *text*."""
    with pytest.raises(DocumentErrors) as caught:
        loads(text, file=file)
    return list(caught.value.problems)


def only(text: str) -> InvalidDocument:
    """The one problem reported for *text*."""
    (problem,) = problems(text)
    return problem


class TestRoundTrip:
    """Records survive plain data and YAML unchanged."""

    @given(selection_lists())
    def test_unstructure_structure(self, selection_list: SelectionList) -> None:
        """cattrs gives back an equal list."""
        converter = make_converter()
        assert (
            converter.structure(converter.unstructure(selection_list), SelectionList)
            == selection_list
        )

    @given(selection_lists())
    def test_dumps_loads(self, selection_list: SelectionList) -> None:
        """The YAML text reads back as an equal list."""
        assert loads(dumps(selection_list)) == selection_list

    @given(selection_lists())
    def test_canonical_write_is_idempotent(self, selection_list: SelectionList) -> None:
        """Reading canonical text and writing it again gives the same text."""
        text = dumps(selection_list)
        assert dumps(loads(text)) == text

    @tmp_settings
    @given(selection_lists())
    def test_write_read(self, tmp_path: Path, selection_list: SelectionList) -> None:
        """A written file reads back as an equal list."""
        path = tmp_path / "list.yaml"
        path.unlink(missing_ok=True)
        write(selection_list, path)
        assert read(path) == selection_list

    def test_shipped_snapshots_are_canonical(self) -> None:
        """Every shipped snapshot is exactly what write would produce."""
        paths = sorted(versions_folder().glob("*/*/list.yaml"))
        assert len(paths) >= 4
        for path in paths:
            assert dumps(read(path)) == path.read_text(encoding="utf-8"), path


class TestBadInput:
    """Each kind of mistake gets a clear error naming the file, line and path."""

    def test_broken_yaml(self) -> None:
        """A syntax error names the line."""
        problem = only(GOOD.replace("keep: [1]", "keep: [1"))
        assert problem.file == "list.yaml"
        assert problem.line is not None
        assert "not valid YAML" in problem.problem

    def test_unknown_key(self) -> None:
        """A key the format does not know is an error, with the keys allowed there."""
        problem = only(GOOD.replace("    title: Algemeen\n", "    title: Algemeen\n    titel: x\n"))
        assert (problem.line, problem.path) == (13, "$.sections[0].titel")
        assert "unknown key 'titel'" in problem.problem
        assert "allowed here" in problem.problem

    def test_missing_field(self) -> None:
        """A required field that is absent is named."""
        problem = only(GOOD.replace("        name: Het registreren van post\n", ""))
        assert problem.path == "$.sections[0].categories[1].name"
        assert problem.problem == "name is required but missing"

    def test_wrong_type(self) -> None:
        """A number where text belongs is an error, with a hint."""
        problem = only(GOOD.replace("label: '1.0'", "label: 1.0"))
        assert (problem.line, problem.path) == (5, "$.version.label")
        assert "write it in quotes" in problem.problem

    def test_duplicate_number(self) -> None:
        """Two categories with one display number."""
        problem = only(GOOD.replace("number: '1.2'", "number: '1.1'"))
        assert problem.path == "$.sections[0].categories[1].number"
        assert "'1.1' is used twice" in problem.problem

    def test_duplicate_id(self) -> None:
        """Two records with one stable id."""
        problem = only(GOOD.replace("id: post", "id: beleid"))
        assert problem.line == 19
        assert "id 'beleid' is used twice" in problem.problem

    def test_unknown_criterion(self) -> None:
        """A B valuation resting on a criterion the list does not define."""
        problem = only(GOOD.replace("keep: [1]", "keep: [1, 7]"))
        assert problem.path == "$.sections[0].categories[0].valuation.keep"
        assert "criterion 7 does not exist" in problem.problem

    def test_unreadable_duration(self) -> None:
        """A term that is not ISO 8601."""
        problem = only(GOOD.replace("destroy: P1Y", "destroy: 1 jaar"))
        assert problem.line == 23
        assert "'1 jaar' is not an ISO 8601 duration" in problem.problem

    @pytest.mark.parametrize(
        ("old", "extra", "path", "says"),
        [
            ("destroy: P1Y", "process: onzin", "valuation.process", "'onzin' is no process term"),
            ("destroy: P1Y", "process_remark: x", "valuation", "process_remark belongs beside"),
            ("keep: [1]", "process: nihil", "valuation", "has no trigger, process term"),
            ("destroy: P1Y", "process: nihil\n          process_remark: ' '", "valuation.process",
             "a remark on the process term is not blank"),
        ],
    )  # fmt: skip
    def test_bad_process_term(self, old: str, extra: str, path: str, says: str) -> None:
        """A process term that is none, a remark without one, one on a B: each named."""
        text = GOOD.replace("format: selectielijst/1", "format: selectielijst/2").replace(
            old, f"{old}\n          {extra}"
        )
        problem = only(text)
        assert problem.path.endswith(path), problem
        assert says in problem.problem

    def test_unknown_valuation(self) -> None:
        """A valuation that is neither keep nor destroy."""
        problem = only(GOOD.replace("keep: [1]", "bewaren: [1]"))
        assert "unknown valuation key 'bewaren'" in problem.problem

    def test_unknown_status(self) -> None:
        """A status outside the procedure's vocabulary lists the ones allowed."""
        problem = only(GOOD.replace("status: concept", "status: definitief"))
        assert "'vastgesteld'" in problem.problem

    def test_duplicate_yaml_key(self) -> None:
        """A key given twice is an error, not last-one-wins."""
        problem = only(GOOD.replace("title: Voorbeeld\n", "title: Voorbeeld\ntitle: Ander\n"))
        assert "duplicate key" in problem.problem
        assert problem.line == 4

    def test_missing_format(self) -> None:
        """A file that does not say its format is told how to."""
        problem = only(GOOD.replace("format: selectielijst/1\n", ""))
        assert "format: selectielijst/1" in problem.problem

    def test_future_format(self) -> None:
        """A format this library does not know is refused by name."""
        problem = only(GOOD.replace("selectielijst/1", "selectielijst/9"))
        assert "unknown format 'selectielijst/9'" in problem.problem

    def test_three_mistakes_at_once(self) -> None:
        """Every problem is reported together, in line order."""
        text = GOOD.replace("status: concept", "status: klaar").replace("keep: [1]", "keep: [4]")
        text = text.replace("destroy: P1Y", "destroy: tien jaar")
        found = problems(text)
        assert [p.line for p in found] == [6, 18, 23]
        assert all(str(p).startswith(f"list.yaml:{p.line} $.") for p in found)

    def test_not_a_mapping(self) -> None:
        """A YAML list is not a snapshot."""
        assert "a snapshot is a mapping" in problems("- a\n- b\n")[0].problem

    def test_aliases_refused(self) -> None:
        """Anchors and aliases are refused before they can expand."""
        text = GOOD + "notes: &a [x]\n"
        text = text.replace("title: Voorbeeld\n", "title: Voorbeeld\norganisation: *a\n")
        text = text.replace("notes: &a [x]\n", "") + "notes: &a [x]\n"
        assert any("aliases" in p.problem or "YAML" in p.problem for p in problems(text))

    def test_billion_laughs(self) -> None:
        """An alias bomb is refused at the first repeated alias, before it can expand."""
        bomb = "format: selectielijst/1\na: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in "bcdefghi":
            previous = ", ".join([f"*{chr(ord(level) - 1)}"] * 5)
            bomb += f"{level}: &{level} [{previous}]\n"
        found = problems(bomb)
        assert any("aliases" in p.problem for p in found)

    def test_file_too_large(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file over the size limit is refused unread."""
        monkeypatch.setattr("selectielijst._storage._files.MAX_FILE_SIZE", 100)
        path = tmp_path / "groot.yaml"
        path.write_text(GOOD, encoding="utf-8")
        with pytest.raises(DocumentErrors) as caught:
            read(path)
        assert "no snapshot is that large" in caught.value.problems[0].problem

    def test_tags_refused(self) -> None:
        """YAML tags that could construct objects are refused."""
        found = problems(GOOD.replace("title: Voorbeeld", "title: !!python/object:os.system echo"))
        assert any("tags such as" in p.problem or "YAML" in p.problem for p in found)

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file in another encoding is refused with the offending byte."""
        path = tmp_path / "list.yaml"
        path.write_bytes(GOOD.replace("Voorbeeld", "Voorbéeld").encode("latin-1"))
        with pytest.raises(DocumentErrors) as caught:
            read(path)
        (problem,) = caught.value.problems
        assert problem.file == str(path)
        assert problem.line == 3
        assert "not UTF-8" in problem.problem

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that is not there is named."""
        with pytest.raises(DocumentErrors) as caught:
            read(tmp_path / "nope.yaml")
        assert str(caught.value.problems[0]) == f"{tmp_path / 'nope.yaml'}: no such file"


class TestWrite:
    """Writing is canonical, atomic and keeps published versions."""

    def test_refuses_to_overwrite_published(self, tmp_path: Path) -> None:
        """A published version is not overwritten with other content."""
        path = tmp_path / "list.yaml"
        mivd = load("mivd", "0.16")
        write(mivd, path)
        changed = attrs.evolve(mivd, title="Anders")
        with pytest.raises(PublishedVersion, match="new version"):
            write(changed, path)
        assert read(path) == mivd

    def test_same_content_is_fine(self, tmp_path: Path) -> None:
        """Writing a published version again, unchanged, is allowed."""
        path = tmp_path / "list.yaml"
        mivd = load("mivd", "0.16")
        write(mivd, path)
        write(mivd, path)
        assert read(path) == mivd

    def test_concept_may_change(self, tmp_path: Path) -> None:
        """A concept may be rewritten."""
        path = tmp_path / "list.yaml"
        concept = with_status(load("mivd", "0.16"), Status.CONCEPT)
        write(concept, path)
        write(attrs.evolve(concept, title="Anders"), path)
        assert read(path).title == "Anders"

    def test_invalid_list_is_not_written(self, tmp_path: Path) -> None:
        """A list that breaks a rule leaves no file behind."""
        mivd = load("mivd", "0.16")
        section = mivd.sections[0]
        twice = attrs.evolve(mivd, sections=(section, section))
        path = tmp_path / "list.yaml"
        with pytest.raises(DocumentErrors) as caught:
            write(twice, path)
        assert "is used twice" in caught.value.problems[0].problem
        assert list(tmp_path.iterdir()) == []

    def test_interrupted_write_keeps_old_content(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails midway leaves the old file intact and no temporary file."""
        path = tmp_path / "list.yaml"
        concept = with_status(load("mivd", "0.16"), Status.CONCEPT)
        write(concept, path)
        before = path.read_bytes()

        def fail(*args: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr("os.fsync", fail)
        with pytest.raises(OSError, match="disk full"):
            write(attrs.evolve(concept, title="Anders"), path)
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["list.yaml"]


class TestFastPaths:
    """The libyaml reader and the fast writer say exactly what the reference ones say."""

    @pytest.mark.parametrize(("list_id", "label"), [("mivd", "0.16"), ("voorbeeld", "2.0")])
    def test_shipped_bytes(self, list_id: str, label: str) -> None:
        """The fast writer writes each shipped snapshot byte for byte as it is."""
        from selectielijst._storage import _ruamel, _yaml  # noqa: PLC0415  # the two writers compared

        path = versions_folder() / list_id / label / "list.yaml"
        document = _yaml.load(path.read_text(encoding="utf-8")).data
        assert _yaml.dump(document) == _ruamel.dump_reference(document) == path.read_text("utf-8")

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
    @given(selection_list=selection_lists(unicode=True))
    def test_writers_agree(self, selection_list: SelectionList) -> None:
        """For any list, with text from all of Unicode, the two writers write the same bytes."""
        from selectielijst._storage import _ruamel, _yaml  # noqa: PLC0415  # the two writers compared

        document = {"format": "selectielijst/1", **make_converter().unstructure(selection_list)}
        assert _yaml.dump(document) == _ruamel.dump_reference(document)

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
    @given(selection_list=selection_lists())
    def test_readers_agree(self, selection_list: SelectionList) -> None:
        """The libyaml reader reads what the position-tracking reader reads."""
        from selectielijst._storage import _fastyaml, _ruamel  # noqa: PLC0415  # the two readers compared

        text = dumps(selection_list)
        assert _fastyaml.load(text) == _ruamel.load(text).data
        assert loads(text) == selection_list

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
    @given(selection_list=selection_lists(unicode=True))
    def test_readers_agree_on_lines(self, selection_list: SelectionList) -> None:
        """Every key and item has the same line in both readers, in any list written."""
        from selectielijst._storage import _fastyaml, _ruamel  # noqa: PLC0415  # the two readers compared

        text = dumps(selection_list)
        careful = _ruamel.load(text).lines
        assert _fastyaml.lines_of(text, careful) == careful

    @pytest.mark.parametrize(
        "text",
        ["a: {b: [1, {c: 2}], d: x}\n", "- [a, b]\n- {c: [d]}\n- e\n",
         "a:\n  - b: 1\n    c:\n      - 2\n      - 3\n  - [4,\n     5]\nd: |\n  x\n  y\ne: 1\n"],
    )  # fmt: skip
    def test_lines_of_hand_written_layouts(self, text: str) -> None:
        """Flow and block layouts, written by hand, get the lines ruamel gives them."""
        from selectielijst._storage import _fastyaml, _ruamel  # noqa: PLC0415  # the two readers compared

        careful = _ruamel.load(text).lines
        assert _fastyaml.lines_of(text, careful) == careful
        assert _fastyaml.lines_of(text, ["$.nergens[3].x"]) == {"$": 1}

    @pytest.mark.parametrize(
        "scalar",
        ["yes", "On", "010", "0o10", "0x1F", "1_000", "1.5", ".inf", "~", "2024-03-01",
         "2001-12-14t21:59:43.10-05:00", "'quoted'", '"dubbel"', "tekst: met dubbele punt"],
    )  # fmt: skip
    def test_scalars_agree(self, scalar: str) -> None:
        """Booleans, numbers, dates and quotes mean the same to both readers (YAML 1.2)."""
        from selectielijst._storage import _fastyaml, _yaml  # noqa: PLC0415  # the two readers compared

        text = f"a: {scalar}\n" if ": " not in scalar else f"a: '{scalar}'\n"
        assert _fastyaml.load(text) == _yaml.load(text).data

    @settings(suppress_health_check=[HealthCheck.too_slow], max_examples=80)
    @given(selection_list=selection_lists(unicode=True))
    def test_everything_written_reads_back(self, selection_list: SelectionList) -> None:
        """read(write(x)) == x for texts from all of Unicode: control characters, CR, NEL."""
        assert loads(dumps(selection_list)) == selection_list

    def test_whitespace_of_every_kind_reads_back(self) -> None:
        """Every text of up to five spaces, tabs, CRs, newlines and letters reads back as written.

        Tabs at a line's start and before kept blank lines were found by the fuzzer:
        libyaml refused the literal block, or a line came back changed.
        """
        base = load("voorbeeld", "2.1")
        base = attrs.evolve(base, version=attrs.evolve(base.version, status=Status.CONCEPT))
        for size in range(1, 6):
            for letters in itertools.product(" \ta\n\r", repeat=size):
                text = "".join(letters)
                try:
                    changed = attrs.evolve(base, title="T" + text, notes=(text,))
                except InvalidRecord:
                    continue  # the model refuses it before anything is written
                assert loads(dumps(changed)) == changed, repr(text)

    def test_timestamp_stays_text(self) -> None:
        """An unquoted date-time in a text field is the text as written, not cut to a date."""
        text = GOOD.replace("title: Voorbeeld", "title: 2001-12-14t21:59:43.10-05:00")
        assert loads(text).title == "2001-12-14t21:59:43.10-05:00"

    @pytest.mark.parametrize(
        "text",
        ["a: &x 1\nb: *x\n", "a: !!omap [{b: 1}]\n", "<<: {a: 1}\n", "a: 1\na: 2\n", "a: =\n",
         "? [1]\n: 2\n", "a: !!binary aGVsbG8=\n"],
    )  # fmt: skip
    def test_refused_by_the_fast_reader(self, text: str) -> None:
        """Aliases, tags, merge keys, duplicate and non-text keys go to the careful reader."""
        from selectielijst._storage import _fastyaml  # noqa: PLC0415  # the reader under test

        with pytest.raises(_fastyaml.Refused):
            _fastyaml.load(text)
        with pytest.raises(DocumentErrors):
            loads(text)

    def test_size_bound_is_configurable(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """SELECTIELIJST_MAX_MIB sets the bound, and the error says how to raise it."""
        path = tmp_path / "lijst.yaml"
        path.write_text(GOOD + "# " + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
        monkeypatch.setenv("SELECTIELIJST_MAX_MIB", "1")
        with pytest.raises(DocumentErrors) as caught:
            read(path)
        assert "set SELECTIELIJST_MAX_MIB to raise it" in caught.value.problems[0].problem
        monkeypatch.setenv("SELECTIELIJST_MAX_MIB", "3")
        assert read(path).title == "Voorbeeld"
