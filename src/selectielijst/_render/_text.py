"""Change logs for the terminal: plain text, coloured only when asked to."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from selectielijst._changes import Segment, Significance
from selectielijst._render._labels import Language, label
from selectielijst._render._report import Item, Report
from selectielijst._render._style import (
    Chapter,
    Style,
    Writer,
    as_it_is,
    escape_for,
    escaped_all,
    is_single_spaced,
    lines_text,
    marked_words,
    since,
    texts_of,
    version_heading,
)

__all__ = ["WRITER", "history", "style", "text"]

WIDTH = 88
_RED, _GREEN, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def _plain(text: str) -> str:
    """List text with control characters shown, never sent to the terminal."""
    if is_single_spaced(text):
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
            verbatim=is_single_spaced,
        )
    return Style(
        escape=_plain,
        strong=lambda text: f"{_BOLD}{text}{_RESET}",
        deleted=lambda text: f"{_RED}[-{text}-]{_RESET}",
        inserted=lambda text: f"{_GREEN}{{+{text}+}}{_RESET}",
        verbatim=is_single_spaced,
    )


class _Painter:
    def __init__(self, *, color: bool) -> None:
        self.color = color
        self.style = style(color=color)

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def item(self, item: Item, indent: str) -> list[str]:
        line = self._verbatim_line(item)
        single_spaced = line is not None
        if line is None:
            line = self._line(item, escape_for(texts_of(item), self.style))
        if item.change.significance is Significance.TRIVIAL:
            return [f"{indent}- {line}"]  # short by nature; kept on one line
        return [_wrap(line, f"{indent}- ", f"{indent}  ", single_spaced=single_spaced)]

    def _verbatim_line(self, item: Item) -> str | None:
        """The change on one line as its texts stand, if each of them stands as it is.

        Without colour, the line holds list text and printable marks alone,
        so one question of the whole line does for all its texts: a space at
        the edge of a text would stand beside another space or at the line's
        edge, but for the words inside marks, which are asked themselves.
        Most lines stand as they are, and their texts are then neither
        gathered nor asked one by one.
        """
        verbatim = self.style.verbatim
        if verbatim is None or self.color:
            return None
        line = self._line(item, as_it_is)
        if verbatim(line) and not any(map(_spaced, item.segments)):
            return line
        return None

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


def _wrap(text: str, first: str, rest: str, *, single_spaced: bool = False) -> str:
    """*text* in lines of at most WIDTH columns, broken at spaces only; long words stay whole.

    The lines are joined by line breaks. Runs of spaces count as one, unless
    the caller knows the text is *single_spaced* (no runs, nor a space at an
    edge); *text* holds no other whitespace (a change's line is printable,
    or escaped so). Each line takes as many words as fit after its prefix
    (*first*, then *rest*), and at least one: the longest run of words that
    fits and ends before a space, as one regular expression finds them all.
    """
    words = text
    if not single_spaced and ("  " in text or text[:1] == " " or text[-1:] == " "):
        words = " ".join(filter(None, text.split(" ")))
    if len(first) == len(rest):  # every line has the same room
        lines = _words_in(WIDTH - len(rest)).findall(words)
    elif line := _words_in(WIDTH - len(first)).match(words):
        lines = [line[1], *_words_in(WIDTH - len(rest)).findall(words, line.end())]
    else:
        lines = []
    if not lines:  # no words at all
        return first.rstrip()
    return first + f"\n{rest}".join(lines)


@functools.cache
def _words_in(room: int) -> re.Pattern[str]:
    """The words of one line with *room* columns: as many as fit, or one that does not.

    A line after the first begins after the space that ended the one before.

    >>> _words_in(9).findall("een twee drie vier")
    ['een twee', 'drie vier']
    >>> _words_in(3).findall("een langwoord")
    ['een', 'langwoord']
    """
    fitting = f".{{1,{room}}}(?= |$)|" if room > 0 else ""
    return re.compile(f" ?({fitting}[^ ]+)")


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
