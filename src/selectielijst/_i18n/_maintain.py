"""Keeping the catalogs current: extract, update, compile, and write ``docs/errors.md``.

Run ``python -m selectielijst._i18n`` after changing a message; then fill in
the Dutch of every new or changed message in ``nl/LC_MESSAGES/selectielijst.po``
and run it again. The tests fail while a message is untranslated or a file is
out of date.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from selectielijst._i18n._catalog import DOMAIN, LOCALE_DIR

__all__ = [
    "ERRORS_PAGE",
    "KEYWORDS",
    "MARKER",
    "SOURCE",
    "catalog_file",
    "compiled",
    "errors_page",
    "extracted",
    "main",
    "read_catalog",
]

KEYWORDS = {
    "say": ((1, "c"), 2),
    "say_counted": ((1, "c"), 2, 3),
    "marked": (1,),
    "marked_in": ((1, "c"), 2),
}
"""The functions that mark a message, and which of their arguments are its context and text."""

SOURCE = Path(__file__).parents[1]
"""The package's source, where the messages are written."""
ERRORS_PAGE = SOURCE.parents[1] / "docs" / "errors.md"
"""The page of the docs that lists every code (in a source checkout)."""

_HEADER = "Dutch selection lists as code"
_DATE = datetime.datetime(2026, 12, 7, tzinfo=datetime.UTC)
"""The date the catalogs' headers give: fixed, so that only a change of words changes them."""


def catalog_file(language: str, suffix: str = ".po") -> Path:
    """The catalog of *language*, as ``.po`` (kept by hand) or ``.mo`` (compiled)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def extracted() -> Catalog:
    """Every message the source marks, as a template catalog."""
    template = Catalog(
        project="selectielijst",
        domain=DOMAIN,
        header_comment=f"# {_HEADER}",
        creation_date=_DATE,
        fuzzy=False,
    )
    found = extract_from_dir(
        SOURCE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Dutch:",),
        directory_filter=_source_folder,
    )
    for filename, lineno, text, comments, context in found:
        where = (f"selectielijst/{filename}", lineno)
        template.add(text, locations=[where], auto_comments=comments, context=context)
    return template


def click_messages() -> Catalog:
    """The words of click that the command line shows: usage errors, help headings.

    The command line makes our catalog gettext's domain (see
    :func:`~selectielijst._i18n.speaks_catalog`), so click's messages are
    translated here too. Click's messages are kept as they are found in the
    installed click; one that a later click words otherwise shows in English.
    """
    import click  # noqa: PLC0415  # a maintainer's tool

    template = Catalog(domain=DOMAIN)
    folder = Path(click.__file__).parent
    for filename, lineno, text, _, context in extract_from_dir(
        folder, method_map=[("**.py", "python")]
    ):
        template.add(text, locations=[(f"click/{filename}", lineno)], context=context)
    return template


def _source_folder(path: str) -> bool:
    """Whether to look for messages in the folder *path*: our private packages, not caches."""
    return Path(path).name not in {"__pycache__", "locale"} and not Path(path).name.startswith(".")


def read_catalog(language: str) -> Catalog:
    """The kept catalog of *language*."""
    with catalog_file(language).open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    """*catalog* compiled, as gettext reads it."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


MARKER = "<!-- The codes below are written by: python -m selectielijst._i18n -->"
"""Where ``docs/errors.md`` stops being written by hand."""


def errors_page(catalog: Catalog, by_hand: str) -> str:
    """``docs/errors.md``: *by_hand* (up to the marker), then every message's code and texts."""
    lines = [
        by_hand.split(MARKER, maxsplit=1)[0].rstrip("\n"),
        "",
        MARKER,
        "",
        "## Every message, by its code",
        "",
        "Every sentence the library and its command line say to a person has a",
        "stable code. An error raised to Python carries it as `error.code`, its",
        "values as `error.arguments`, and its English text as `str(error)`; the",
        "command line prints it in the run's language (`--lang`, else",
        "`SELECTIELIJST_LANG`, else the locale, else Dutch). Places in braces are",
        "filled in with the values: a file, a number, a date.",
        "",
        "This part of the page is written from the message catalogs by",
        "`python -m selectielijst._i18n`; a test keeps it current.",
        "",
        "| Code | English | Nederlands |",
        "| --- | --- | --- |",
    ]
    for message in _coded(catalog):
        english, dutch = _forms(message.id), _forms(message.string)
        lines.append(f"| `{message.context}` | {_cell(english)} | {_cell(dutch)} |")
    return "\n".join(lines) + "\n"


def _coded(catalog: Catalog) -> Iterator[Message]:
    """The messages said with a code (``say``), by code; labels have none or a word for context."""
    coded = (m for m in catalog if m.id and m.context and "-" in m.context)
    yield from sorted(coded, key=lambda message: (message.context, _forms(message.id)))


def _forms(text: str | tuple[str, ...] | list[str] | None) -> str:
    if isinstance(text, tuple | list):
        return " / ".join(text)
    return text or ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("{", "`{").replace("}", "}`")


def main() -> None:
    """Extract the messages, update the Dutch catalog, compile it, write ``docs/errors.md``."""
    template = extracted()
    for message in click_messages():
        if message.id and message.id not in template:
            template.add(message.id, locations=message.locations, context=message.context)
    buffer = io.BytesIO()
    write_po(buffer, template, width=100, omit_header=False, sort_output=True)
    (LOCALE_DIR / f"{DOMAIN}.pot").write_bytes(buffer.getvalue())
    dutch = read_catalog("nl") if catalog_file("nl").exists() else Catalog(locale="nl")
    dutch.update(template, no_fuzzy_matching=True)
    dutch.obsolete.clear()
    dutch.fuzzy, dutch.revision_date, dutch.creation_date = False, _DATE, _DATE
    dutch.header_comment = "# The Dutch of selectielijst's messages: python -m selectielijst._i18n"
    dutch.project, dutch.version = "selectielijst", "1"
    dutch.last_translator = dutch.language_team = "selectielijst developers"
    buffer = io.BytesIO()  # written whole, then saved: a failure leaves the catalog as it was
    write_po(buffer, dutch, width=100, sort_output=True, include_previous=False)
    catalog_file("nl").write_bytes(buffer.getvalue())
    catalog_file("nl", ".mo").write_bytes(compiled(dutch))
    docs = ERRORS_PAGE
    if docs.is_file():
        docs.write_text(errors_page(dutch, docs.read_text(encoding="utf-8")), encoding="utf-8")
    missing = [m.id for m in dutch if m.id and (not m.string or m.fuzzy)]
    print(f"{len(template)} messages; {len(missing)} without Dutch")  # noqa: T201  # a maintainer's tool
