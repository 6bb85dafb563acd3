"""The message catalogs: complete, consistent with the source, compiled and documented."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo

from selectielijst._i18n import Language, marked_in, translated
from selectielijst._i18n._maintain import (
    ERRORS_PAGE,
    SOURCE,
    catalog_file,
    compiled,
    errors_page,
    extracted,
    read_catalog,
)
from selectielijst.holdings import Action, Effect
from selectielijst.model import Status


@pytest.fixture(scope="module")
def dutch() -> Catalog:
    """The Dutch catalog as it is kept."""
    return read_catalog("nl")


@pytest.fixture(scope="module")
def source() -> Catalog:
    """Every message the source marks, extracted now."""
    return extracted()


def _key(text: object) -> object:
    """A message's text as a key: a plural's forms as a tuple, however the reader gave them."""
    return tuple(text) if isinstance(text, list | tuple) else text


def forms(text: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """The forms of a message: one, or singular and plural."""
    if text is None:
        return ()
    return tuple(text) if isinstance(text, tuple | list) else (text,)


def places(text: str) -> list[tuple[str, str, str]]:
    """The places ``{name!r:spec}`` of a message, as (name, conversion, spec), sorted."""
    found = [
        (name, conversion or "", spec or "")
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    ]
    return sorted(found)


def printf_places(text: str) -> list[str]:
    """The ``%(name)s`` places that click's own messages use."""
    return sorted(re.findall(r"%\(\w+\)\w", text))


class TestComplete:
    """Every message has Dutch, and the Dutch fits the English."""

    def test_every_source_message_is_in_the_catalog(self, dutch: Catalog, source: Catalog) -> None:
        """A message marked in the source and missing from nl.po fails here."""
        kept = {(m.context, forms(m.id)[0]) for m in dutch if m.id}
        missing = [
            (m.context, m.id) for m in source if m.id and (m.context, forms(m.id)[0]) not in kept
        ]
        assert missing == [], "run python -m selectielijst._i18n and translate"

    def test_no_message_lacks_dutch_or_is_fuzzy(self, dutch: Catalog) -> None:
        """Every message has a Dutch text for each form, and none is marked fuzzy."""
        lacking = [m.id for m in dutch if m.id and (m.fuzzy or not all(forms(m.string)))]
        assert lacking == []
        assert not dutch.fuzzy

    def test_places_are_the_same(self, dutch: Catalog) -> None:
        """Dutch names the same places, with the same conversions and formats, as English."""
        differ = []
        for message in dutch:
            if not message.id:
                continue
            english = forms(message.id)
            for text in forms(message.string):
                if places(text) != places(english[-1]) and places(text) != places(english[0]):
                    differ.append((message.context, english[0], text))
                if printf_places(text) != printf_places(english[0]):
                    differ.append((message.context, english[0], text))
        assert differ == []

    def test_dutch_fills_in(self, dutch: Catalog) -> None:
        """Each Dutch text formats with the values its English one takes."""
        for message in dutch:
            if not message.id or message.context is None or "-" not in message.context:
                continue
            for english, text in zip(forms(message.id), forms(message.string), strict=False):
                values: dict[str, object] = {
                    name: "x" for name, _, spec in places(english) if spec not in {"n", "date"}
                }
                values |= {name: 1 for name, _, spec in places(english) if spec == "n"}
                if any(spec == "date" for _, _, spec in places(english)):
                    continue  # filled by the message itself
                if any(spec and spec != "n" for _, _, spec in places(english)):
                    continue
                assert text.format(**values)

    def test_plural_forms_are_dutch(self, dutch: Catalog) -> None:
        """The catalog counts as Dutch does: one, or more."""
        assert dutch.num_plurals == 2
        assert dutch.plural_expr == "(n != 1)"


class TestCurrent:
    """What is generated from the catalog is current."""

    def test_compiled_catalog_is_current(self, dutch: Catalog) -> None:
        """The .mo in the package holds exactly what nl.po says (compile with python -m ...)."""
        with catalog_file("nl", ".mo").open("rb") as file:
            shipped = read_mo(file)
        expected = {(m.context, _key(m.id)): _key(m.string) for m in dutch if m.id}
        found = {(m.context, _key(m.id)): _key(m.string) for m in shipped if m.id}
        assert found == expected
        assert compiled(dutch) == catalog_file("nl", ".mo").read_bytes()

    def test_template_is_current(self, source: Catalog) -> None:
        """The .pot holds every message of the source, and no message the source dropped."""
        from babel.messages.pofile import read_po  # noqa: PLC0415  # here only

        with (catalog_file("nl").parents[2] / "selectielijst.pot").open("rb") as file:
            template = read_po(file)
        ours = {(m.context, forms(m.id)[0]) for m in source if m.id}
        in_template = {
            (m.context, forms(m.id)[0])
            for m in template
            if m.id and not all(loc[0].startswith("click/") for loc in m.locations)
        }
        assert in_template == ours

    @pytest.mark.skipif(not ERRORS_PAGE.is_file(), reason="not a source checkout")
    def test_errors_page_is_current(self, dutch: Catalog) -> None:
        """docs/errors.md lists every code with its English and Dutch text."""
        page = ERRORS_PAGE.read_text(encoding="utf-8")
        assert page == errors_page(dutch, page)
        codes = {m.context for m in dutch if m.context and "-" in m.context}
        for code in codes:
            assert f"| `{code}` |" in page


class TestCodes:
    """Codes are stable names, one per kind of sentence."""

    def test_one_text_per_code(self, source: Catalog) -> None:
        """A code names one sentence: two texts under one code fail."""
        texts: dict[str, set[str]] = {}
        for message in source:
            if message.id and message.context and "-" in message.context:
                texts.setdefault(message.context, set()).add(forms(message.id)[0])
        assert {code: found for code, found in texts.items() if len(found) > 1} == {}

    def test_codes_are_words_with_dashes(self, source: Catalog) -> None:
        """A code reads like ``unknown-version``; a label's context has a space or none."""
        contexts = {m.context for m in source if m.id and m.context}
        codes = {c for c in contexts if "-" in c}
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", code) for code in codes)
        assert all(" " in c or c.isalpha() for c in contexts - codes)


class TestWordsOfTheLists:
    """The records lists' words and the statuses are their Dutch values, in the catalog too."""

    @pytest.mark.parametrize("word", [*Action, *Effect])
    def test_action_and_effect(self, word: Action | Effect) -> None:
        """The Dutch of an action or effect is the value the files write."""
        assert word.words(Language.NL) == word.value
        assert word.words(Language.EN) != word.value or word.value == "later"

    @pytest.mark.parametrize("status", list(Status))
    def test_status(self, status: Status) -> None:
        """A status in Dutch is the status the snapshot writes."""
        from selectielijst.rendering import status_words  # noqa: PLC0415  # the public words

        assert status_words(status, Language.NL) == status.value

    def test_the_sql_reasons(self) -> None:
        """The reasons the SQL writes itself read, in Dutch, as the statements hold them."""
        from selectielijst._holdings._sql import _REASONS  # noqa: PLC0415  # the engine's words

        for dutch, text in _REASONS.items():
            context, words = text if isinstance(text, tuple) else (None, text)
            assert translated(words, Language.NL, context) == dutch

    def test_context_tells_equal_english_apart(self) -> None:
        """'withdrawn' is 'ingetrokken' as a status and 'vervallen' as a change."""
        context, text = marked_in("status", "withdrawn")
        assert translated(text, Language.NL, context) == "ingetrokken"
        assert translated("withdrawn", Language.NL, "change kind") == "vervallen"


def _calls(tree: ast.AST) -> Iterator[ast.Call]:
    yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


ERRORS = {
    "InvalidDocument", "InvalidName", "UnknownList", "UnknownVersion", "TextNotAvailable",
    "UnknownCategory", "UnknownFormat", "UnknownSection", "UnknownWorkspace", "ChangeSetMismatch",
    "PublishedVersion", "EngineUnavailable", "EngineFailed", "UnsafePath", "WorkspaceBusy",
    "InvalidRecord", "InvalidDuration", "NotationError", "UsageError", "BadParameter",
}  # fmt: skip


def _text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


class TestNothingSaidBesideTheCatalog:
    """No sentence for a person is written past the catalogs."""

    @pytest.mark.parametrize(
        "path", sorted(SOURCE.rglob("*.py")), ids=lambda p: str(p.relative_to(SOURCE))
    )
    def test_errors_and_lines_go_through_say(self, path: Path) -> None:
        """An error is raised with say(...), and the command line's stderr goes through tell()."""
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = []
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            texts = {
                node.targets[0].id
                for node in ast.walk(function)
                if isinstance(node, ast.Assign) and len(node.targets) == 1
                if isinstance(node.targets[0], ast.Name) and _text(node.value)
            }
            for call in _calls(function):
                name = getattr(call.func, "id", getattr(call.func, "attr", ""))
                named = [arg.id for arg in call.args if isinstance(arg, ast.Name)]
                if name in ERRORS and set(named) & texts:
                    found.append(f"{path.name}:{call.lineno} {name} of a text")
        telling = {
            id(call)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name == "tell"
            for call in _calls(node)
        }
        for call in _calls(tree):
            if id(call) in telling:
                continue  # the one place that says a line on stderr
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if name in ERRORS and call.args:
                first = call.args[1 if name == "InvalidRecord" and len(call.args) > 1 else 0]
                if _text(first):
                    found.append(f"{path.name}:{call.lineno} {name}")
            if name == "echo" and any(k.arg == "err" for k in call.keywords):
                found.append(f"{path.name}:{call.lineno} echo to stderr")
        assert found == []
