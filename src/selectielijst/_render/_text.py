"""Change logs for the terminal: plain text, coloured only when asked to."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from selectielijst._changes import Segment, Significance
from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst._render._style import (
    Chapter,
    Style,
    Writer,
    escape_for,
    escaped_all,
    lines_text,
    marked_words,
    since,
    texts_of,
    version_heading,
)

__all__ = ["WRITER", "history", "style", "text"]

WIDTH = 88
_RED, _GREEN, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def _verbatim(text: str) -> bool:
    """Whether *text* is shown as it is.

    Printable text holds no whitespace but the space; with single spaces only
    between words, it is shown as it is.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _plain(text: str) -> str:
    """List text with control characters shown, never sent to the terminal."""
    if _verbatim(text):
        return text
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in " ".join(text.split()))


def style(*, color: bool) -> Style:
    """Plain text: removed words ``[-so-]``, inserted ``{+so+}``, in colour if *color*."""
    if not color:
        return Style(
            escape=_plain,
            strong=lambda text: text,
            deleted=lambda text: f"[-{text}-]",
            inserted=lambda text: f"{{+{text}+}}",
            verbatim=_verbatim,
        )
    return Style(
        escape=_plain,
        strong=lambda text: f"{_BOLD}{text}{_RESET}",
        deleted=lambda text: f"{_RED}[-{text}-]{_RESET}",
        inserted=lambda text: f"{_GREEN}{{+{text}+}}{_RESET}",
        verbatim=_verbatim,
    )


class _Painter:
    def __init__(self, *, color: bool) -> None:
        self.color = color
        self.style = style(color=color)

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def item(self, item: Item, indent: str) -> list[str]:
        line = self.line(item)
        if item.change.significance is Significance.TRIVIAL:
            return [f"{indent}- {line}"]  # short by nature; kept on one line
        return _wrap(line, f"{indent}- ", f"{indent}  ")

    def line(self, item: Item) -> str:
        """One change on one line, its list text escaped where that is needed.

        Without colour, the line holds list text and printable marks alone,
        so it is asked at once whether it stands as it is: a verbatim line
        holds every text verbatim, as each stands between spaces or marks
        that a leading or trailing space would show beside. Most lines do, and
        their texts are then neither gathered nor asked one by one.
        """
        verbatim = self.style.verbatim
        if verbatim is not None and not self.color:
            line = self._line(item, _as_it_is)
            if verbatim(line) and not any(map(_spaced, item.segments)):
                return line
        return self._line(item, escape_for(texts_of(item), self.style))

    def _line(self, item: Item, plain: Callable[[str], str]) -> str:
        number, name = item.number or "", item.name or ""
        head = f"{number} {name}" if number and name else number or name
        line = plain(f"{head} — {item.text}" if head.strip() else item.text)
        if item.flag:
            line += " " + self.paint(plain(item.flag), _BOLD + _RED)
        if item.segments:
            line += " " + marked_words(item.segments, self.style, plain)
        if item.reason:
            line += " " + plain(item.reason)
        return line


def _spaced(segment: Segment) -> bool:
    """Whether words begin or end with a space: not verbatim, though a line of them marked is."""
    return segment.text[:1] == " " or segment.text[-1:] == " "


def _as_it_is(text: str) -> str:
    return text


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """*text* in lines of at most WIDTH columns, broken at spaces only; long words stay whole.

    Runs of spaces count as one. Each line takes as many words as fit after
    its prefix (*first*, then *rest*), and at least one. The text is read
    from a moving start, not cut anew for each line.
    """
    words = text
    if "  " in text or text[:1] == " " or text[-1:] == " ":  # runs of spaces count as one
        words = " ".join(filter(None, text.split(" ")))
    end = len(words)
    reach = max(WIDTH - len(first) + 1, 0)  # how far the first line may look for a space
    if end < reach:
        return [(first + words).rstrip()]
    lines: list[str] = []
    prefix, start = first, 0
    later = max(WIDTH - len(rest) + 1, 0)  # and each line after it
    while end - start >= reach:
        cut = words.rfind(" ", start, start + reach)
        if cut <= start:  # the first word alone is longer than the room
            cut = words.find(" ", start)
            if cut < 0:
                break
        lines.append(prefix + words[start:cut])
        start, prefix, reach = cut + 1, rest, later
    lines.append((prefix + words[start:]).rstrip())
    return lines


def text(report: Report, *, color: bool = False, title: str | None = None) -> str:
    """The change log as plain text, with ANSI colours if *color*."""
    painter = _Painter(color=color)
    say = report.language
    lines = [painter.paint(_plain(title or report.title), _BOLD), _plain(report.subtitle), ""]
    if not report.summary:
        return "\n".join([*lines, label("no_changes", say), ""])
    lines.append(painter.paint(label("summary", say), _BOLD))
    lines += [f"  {count:>4}  {kind}" for kind, count in report.summary]
    lines += [f"  {sum(c for _, c in report.summary):>4}  {label('total', say)}", ""]
    lines.append(painter.paint(label("major", say), _BOLD))
    for item in report.major:
        lines += painter.item(item, "  ")
    if not report.major:
        lines.append(f"  {label('no_major', say)}")
    for group in report.groups:
        lines += ["", painter.paint(_plain(group.heading), _BOLD)]
        for item in group.items:
            lines += painter.item(item, "  ")
    if report.concordance:
        lines += ["", painter.paint(label("concordance", say), _BOLD)]
        width = max(len(old) for old, _, _ in report.concordance)
        width = max(width, len(label("old_number", say)))
        lines.append(f"  {label('old_number', say):<{width}}  →  {label('new_number', say)}")
        olds = escaped_all([row[0] for row in report.concordance], painter.style)
        news = escaped_all([row[1] for row in report.concordance], painter.style)
        lines += [
            f"  {old.ljust(width)}  →  {new}  ({kinds})"  # a method: no format spec to parse
            for old, new, (_, _, kinds) in zip(olds, news, report.concordance, strict=True)
        ]
        if report.others():
            lines += ["", f"  {report.others()}"]
    if report.unmatched:
        lines += ["", painter.paint(label("unmatched", say), _BOLD)]
        lines += [f"  - {_plain(reason)}" for reason in report.unmatched]
    return lines_text(lines)


def history(
    title: str, list_id: str, chapters: Sequence[Chapter], language: Language, color: bool
) -> str:
    """A version history as plain text: each version a section, newest first."""
    parts = []
    for chapter in chapters:
        heading = version_heading(chapter.entry, language)
        if chapter.report is None:
            body = chapter.note + "\n"
        else:
            body = text(chapter.report, color=color, title=since(chapter, language))
        parts.append(f"{heading}\n{'=' * len(heading)}\n\n{body}")
    return f"{title}\n\n" + "\n".join(parts)


WRITER = Writer(
    changes=lambda report, _level, title, color: text(report, color=color, title=title),
    history=history,
)
