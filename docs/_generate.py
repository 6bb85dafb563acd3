"""Pages generated at build time from versions/: one per list version, and the index."""

from __future__ import annotations

from pathlib import Path

from selectielijst import changelog, lists, load
from selectielijst._render._listing import list_as_text
from selectielijst.workspace import history


def lists_pages(folder: Path) -> None:
    """Write a Markdown page for every shipped list and each of its versions."""
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    toc = []
    for list_id in lists():
        index = history(list_id)
        lines = [
            f"# {index.title} (`{list_id}`)",
            "",
            "| versie | status | datum | tekst |",
            "|---|---|---|---|",
        ]
        pages = []
        for entry in reversed(index.versions):
            if entry.has_text:
                page = f"{list_id}-{entry.label}"
                pages.append(page)
                text = f"[beschikbaar]({page}.md)"
                _version_page(folder / f"{page}.md", list_id, entry.label)
            else:
                text = "niet beschikbaar"
            lines.append(f"| {entry.label} | {entry.status.value} | {entry.date or '-'} | {text} |")
        log = f"{list_id}-changelog"
        (folder / f"{log}.md").write_text(changelog(list_id, "markdown"), encoding="utf-8")
        lines += ["", f"The [version history with every change]({log}.md).", ""]
        lines += ["```{toctree}", ":hidden:", "", *pages, log, "```", ""]
        (folder / f"{list_id}.md").write_text("\n".join(lines), encoding="utf-8")
        toc.append(list_id)
    overview = ["# The shipped lists", "", "```{toctree}", ":maxdepth: 2", "", *toc, "```", ""]
    (folder / "index.md").write_text("\n".join(overview), encoding="utf-8")


def _version_page(path: Path, list_id: str, label: str) -> None:
    selection_list = load(list_id, label)
    title = f"{selection_list.title}, versie {label}"
    body = list_as_text(selection_list)
    path.write_text(f"# {title}\n\n```text\n{body}```\n", encoding="utf-8")
