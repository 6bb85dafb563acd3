"""Change logs as one standalone HTML page: no external assets, all list text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst._render._style import (
    Chapter,
    Style,
    Writer,
    marked_words,
    since,
    version_heading,
)

__all__ = ["STYLE", "WRITER", "body", "history", "html", "list_text", "page"]

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.1rem}table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}
del{background:#fde2e2;color:#8a1c1c}ins{background:#dcf5dc;color:#14532d;text-decoration:none}
.flag{font-weight:bold;color:#8a1c1c}.number{font-weight:bold}.section{margin-left:1.5rem}
li{margin:.3rem 0;overflow-wrap:anywhere}
""".strip()


def list_text(text: str) -> str:
    """List text, escaped and isolated so right-to-left characters cannot reorder the page."""
    return f"<bdi>{escape(text)}</bdi>"


STYLE = Style(
    escape=list_text,
    strong=lambda text: f"<strong>{text}</strong>",
    deleted=lambda text: f"<del>{text}</del>",
    inserted=lambda text: f"<ins>{text}</ins>",
)
"""HTML: removed words in ``<del>``, inserted ones in ``<ins>``, list text isolated."""


def _item(item: Item) -> str:
    parts = []
    if item.number:
        parts.append(f'<span class="number">{list_text(item.number)}</span>')
    if item.name:
        parts.append(list_text(item.name))
    head = " ".join(parts)
    body = list_text(item.text)
    if item.flag:
        body += f' <span class="flag">{escape(item.flag)}</span>'
    if item.segments:
        body += " " + marked_words(item.segments, STYLE)
    if item.reason:
        body += f' <span class="reason">{list_text(item.reason)}</span>'
    return f"<li>{head} — {body}</li>" if head else f"<li>{body}</li>"


def page(title: str, body: list[str], language: str) -> str:
    """A whole HTML page around *body*."""
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>", ""])


def html(report: Report) -> str:
    """The change log as a standalone HTML page."""
    return page(report.title, body(report), report.language.value)


def body(report: Report, *, level: int = 1, title: str | None = None) -> list[str]:
    """The change log as HTML elements, its title a heading of *level*."""
    say = report.language
    h1, h2, h3 = (f"h{min(level + step, 6)}" for step in range(3))
    out = [
        f"<{h1}>{list_text(title or report.title)}</{h1}>",
        f"<p>{list_text(report.subtitle)}</p>",
    ]
    if not report.summary:
        out.append(f"<p>{escape(label('no_changes', say))}</p>")
        return out
    out += [f"<{h2}>{escape(label('summary', say))}</{h2}>", "<table>"]
    out.append(
        f"<tr><th>{escape(label('kind', say))}</th><th>{escape(label('count', say))}</th></tr>"
    )
    out += [f"<tr><td>{escape(kind)}</td><td>{count}</td></tr>" for kind, count in report.summary]
    total = sum(count for _, count in report.summary)
    out += [f"<tr><th>{escape(label('total', say))}</th><th>{total}</th></tr>", "</table>"]
    out.append(f"<{h2}>{escape(label('major', say))}</{h2}>")
    if report.major:
        out += ["<ul>", *(_item(item) for item in report.major), "</ul>"]
    else:
        out.append(f"<p>{escape(label('no_major', say))}</p>")
    if report.groups:
        out.append(f"<{h2}>{escape(label('other', say))}</{h2}>")
        for group in report.groups:
            out += [
                f"<{h3}>{list_text(group.heading)}</{h3}>",
                "<ul>",
                *(_item(item) for item in group.items),
                "</ul>",
            ]
    if report.concordance:
        out += [f"<{h2}>{escape(label('concordance', say))}</{h2}>", "<table>"]
        header = (label("old_number", say), label("new_number", say), label("change", say))
        out.append("<tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in header) + "</tr>")
        kinds_cells = {kinds: list_text(kinds) for kinds in {row[2] for row in report.concordance}}
        out += [
            f"<tr><td>{list_text(old)}</td><td>{list_text(new)}</td>"
            f"<td>{kinds_cells[kinds]}</td></tr>"
            for old, new, kinds in report.concordance
        ]
        out.append("</table>")
        if report.others():
            out.append(f"<p>{escape(report.others() or '')}</p>")
    if report.unmatched:
        out += [f"<{h2}>{escape(label('unmatched', say))}</{h2}>", "<ul>"]
        out += [f"<li>{list_text(reason)}</li>" for reason in report.unmatched]
        out.append("</ul>")
    return out


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> str:
    """A version history as one HTML page: each version a section, newest first."""
    parts = []
    for chapter in chapters:
        if chapter.report is None:
            elements = [f"<p>{list_text(chapter.note)}</p>"]
        else:
            elements = body(chapter.report, level=3, title=since(chapter, language))
        heading = f"<h2>{list_text(version_heading(chapter.entry, language))}</h2>"
        parts.append("\n".join([heading, *elements]))
    return page(title, [f"<h1>{list_text(title)}</h1>", *parts], language.value)


WRITER = Writer(
    changes=lambda report, level, title, _color: (
        html(report)
        if level == 1 and title is None
        else "\n".join(body(report, level=level, title=title))
    ),
    history=history,
)
