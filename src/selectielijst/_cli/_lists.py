"""Commands about lists and versions: init, lists, versions, show, validate, verify, find."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from selectielijst import diff, read, search
from selectielijst._cli._common import (
    EXIT_INVALID,
    LANG_OPTION,
    OUTPUT_OPTION,
    PATH,
    emit,
    load_version,
    main,
    reports_errors,
    run_language,
    tell,
    tell_error,
    visible,
    workspace_in_force,
)
from selectielijst._i18n import say
from selectielijst.errors import DocumentErrors, SelectielijstError, UnknownCategory
from selectielijst.files import usable_path
from selectielijst.model import Category
from selectielijst.rendering import Format, Language, status_words
from selectielijst.snapshots import changeset_schema, index_schema, snapshot_schema
from selectielijst.workspace import (
    SNAPSHOT_NAME,
    Workspace,
    history,
    list_folder,
    lists,
    resolve_list,
)


@main.command("init")
@click.argument("list_id", metavar="LIST")
@click.option("--title", help="The list's title (default: LIST).")
@click.option("--root", "init_root", type=PATH, help="The workspace folder (default: here).")
@reports_errors
def init_command(list_id: str, title: str | None, init_root: Path | None) -> None:
    """Start a list of your own: write versions/LIST/index.yaml.

    The workspace is --root, or $SELECTIELIJST_ROOT, or else the current folder.
    Add versions with `selectielijst import table ... --list LIST --version V`.
    """
    root = init_root or click.get_current_context().find_root().obj or Path.cwd()
    path = Workspace(usable_path(root)).init(list_id, title=title)
    tell(say("list-started", "{path}: list {list} started", path=str(path), list=list_id))


@main.command("lists")
@reports_errors
def lists_command() -> None:
    """Show the lists of your workspace and those that ship with the library."""
    workspace = workspace_in_force()
    own = workspace.lists() if workspace is not None else ()
    broken = False
    for list_id in own:  # one list whose index cannot be read hides none of the others
        assert workspace is not None  # noqa: S101  # own is empty without a workspace
        said = say("in-workspace", "(workspace {root})", root=str(workspace.root))
        try:
            title = workspace.history(list_id).title
        except SelectielijstError as e:
            broken = True
            tell_error(e)
            continue
        click.echo(f"{list_id}\t{title}\t{said.say(run_language())}")
    for list_id in lists():
        if list_id not in own:
            click.echo(f"{list_id}\t{history(list_id).title}")
    if broken:
        raise SystemExit(EXIT_INVALID)


@main.command("versions")
@click.argument("list_id", metavar="LIST")
@reports_errors
def versions_command(list_id: str) -> None:
    """Show every known version of LIST, oldest first, with or without text."""
    index = resolve_list(list_id, workspace_in_force()).history(list_id)
    click.echo(index.title)
    language = run_language()
    for entry in index.versions:
        text = "" if entry.has_text else "  " + say("no-text", "(text not available)").say(language)
        status = status_words(entry.status, language)
        click.echo(f"  {list_id}@{entry.label}\t{status}\t{entry.date or '-'}{text}")
        for note in entry.notes:
            click.echo(f"      {note}")


@main.command("show")
@click.argument("spec", metavar="LIST@VERSION")
@click.option(
    "--changes-from",
    "other",
    metavar="OLD",
    help="Mark every change since version OLD inline (a 'concept met mutaties').",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["text", "md", "markdown", "html", "docx"], case_sensitive=False),
    default=None,
    help="text (default), or md or html; with --changes-from, md (default), html, or docx:"
    " the new version as Word, each change a tracked revision (else by -o's suffix).",
)
@LANG_OPTION
@OUTPUT_OPTION
@reports_errors
def show_command(
    spec: str, other: str | None, format_name: str | None, lang: str, output: Path | None
) -> None:
    """Show a version of a list in full: its text, sections and categories.

    With --changes-from OLD, the whole version with what changed since OLD
    marked where it stands: in Markdown or HTML, or as a Word document in
    which every change is a tracked revision (-o concept-met-mutaties.docx):
    "Accept all" gives the new version's document, "Reject all" the old one's.
    """
    selection_list = load_version(spec)
    if other is None and format_name in {None, "text"}:
        from selectielijst.rendering import list_as_text  # noqa: PLC0415  # loaded when shown

        emit(list_as_text(selection_list, lang=Language(lang)), output, format_name="text")
        return
    old = load_version(other) if other is not None else selection_list
    word = format_name == "docx" or (
        format_name is None and output is not None and output.suffix.lower() == ".docx"
    )
    if word:
        from selectielijst.io import revised_bytes  # noqa: PLC0415  # the Word writer when used

        emit(revised_bytes(old, selection_list, Language(lang)), output, format_name="docx")
        return
    chosen = Format.named(format_name or "md")
    if chosen is Format.TEXT:
        chosen = Format.MARKDOWN
    from selectielijst.rendering import mark_up  # noqa: PLC0415  # loaded when marked up

    page = mark_up(selection_list, diff(old, selection_list), chosen, lang=Language(lang))
    emit(page, output, format_name=chosen.value)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=PATH)
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check snapshot files (or folders holding list.yaml); list every problem.

    Exits 0 when every file is valid and 1 when any is not.
    """
    failed = False
    for path in paths:
        try:
            target = usable_path(path)
            target = target / SNAPSHOT_NAME if target.is_dir() else target
            selection_list = read(target)
        except DocumentErrors as e:
            failed = True
            for problem in e.problems:
                tell(problem.say(run_language()), "error")
        except SelectielijstError as e:
            failed = True
            tell(e.said, "error")
        else:
            version = f"{selection_list.id}@{selection_list.version.label}"
            said = say(
                "snapshot-valid", "{path}: valid ({version})", path=str(target), version=version
            )
            click.echo(said.say(run_language()))
    sys.exit(EXIT_INVALID if failed else 0)


@main.command("verify")
@click.argument("target", metavar="[LIST|FOLDER]", required=False)
@click.option(
    "--record",
    is_flag=True,
    help="First record the SHA-256 of new versions whose index entry has none (never changes one).",
)
@click.option(
    "--deep",
    is_flag=True,
    help="Also read each snapshot whose digest matches, to check it is the version named.",
)
@reports_errors
def verify_command(target: str | None, record: bool, deep: bool) -> None:
    """Check that every published snapshot is exactly what was published.

    Recomputes the SHA-256 of each snapshot of LIST (or of every list of the
    workspace, or the shipped lists outside one) and compares it with the one
    its index records. FOLDER is a list's folder (holding index.yaml) or a
    workspace. Exits 1 on any mismatch.
    """
    workspace, list_id = _verify_target(target)
    if record:
        for name in (list_id,) if list_id else workspace.lists():
            for label in workspace.record_digests(name):
                tell(
                    say("digest-recorded", "{version}: SHA-256 recorded", version=f"{name}@{label}")
                )
    problems = workspace.verify(list_id, deep=deep)
    for problem in problems:
        tell(problem.say(run_language()), "error")
    if problems:
        sys.exit(EXIT_INVALID)
    click.echo(say("all-as-published", "every snapshot is as published").say(run_language()))


def _verify_target(target: str | None) -> tuple[Workspace, str | None]:
    """The workspace and list (``None``: every list) that ``verify`` checks."""
    if target is None:
        return workspace_in_force() or Workspace.shipped(), None
    folder = list_folder(target)
    if folder is not None:
        return folder[1], folder[0]
    path = usable_path(target)
    if (path / "versions").is_dir():
        return Workspace(path), None
    return resolve_list(target, workspace_in_force()), target


@main.command("find")
@click.argument("spec", metavar="LIST@VERSION")
@click.argument("query")
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=10,
    show_default=True,
    help="At most this many.",
)
@reports_errors
def find_command(spec: str, query: str, limit: int) -> None:
    """Find categories by what they are about (names, descriptions, explanations).

    A category number or stable id finds that category; anything else is a
    ranked text search that forgives word order and small typing errors.
    """
    selection_list = load_version(spec)
    try:
        exact = selection_list.category(query)
    except UnknownCategory:
        hits = search(selection_list, query, limit=limit)
    else:
        click.echo(visible(_category_line(exact)))
        return
    if not hits:
        said = say(
            "no-category-matches",
            "no category of {version} matches {query!r}",
            version=f"{selection_list.id}@{selection_list.version.label}",
            query=query,
        )
        tell(said, "error")
        sys.exit(EXIT_INVALID)
    for hit in hits:
        click.echo(visible(f"{hit.score:5.1f}  {_category_line(hit.category)}"))


def _category_line(category: Category) -> str:
    valuation = str(category.valuation) if category.valuation is not None else "-"
    withdrawn = say("withdrawn-mark", "(withdrawn)")
    status = " " + withdrawn.say(run_language()) if category.withdrawn else ""
    return f"{category.number}\t{category.label}{status}\t{valuation}"


@main.command("schema")
@click.option(
    "--kind",
    type=click.Choice(["snapshot", "index", "changes"]),
    default="snapshot",
    show_default=True,
    help="Which document's schema to print.",
)
def schema_command(kind: str) -> None:
    """Print the JSON Schema of snapshot files, list indexes or change sets."""
    schemas = {"snapshot": snapshot_schema, "index": index_schema, "changes": changeset_schema}
    schema: dict[str, Any] = schemas[kind]()
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False))
