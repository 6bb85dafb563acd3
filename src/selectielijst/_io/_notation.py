"""Reading the valuation notations real lists use: one parser, no guessing.

Notations met in real lists (see the domain notes): ``B (1)``, ``B (2, 6)``,
``B, criterium 6``, ``Bewaren``, ``Blijvend bewaren``, ``V, 10 jaar``,
``V, 5 jaar na rapportage``, ``Vernietigen`` with a separate term such as
``7 jaar``, ``6 weken``, ``11 Jaar``, ``P10Y``, event-based terms
(``na vervanging``), split rows (``V, 10 jaar; B (1) eindproduct``) and cross
references (``Zie categorie 52``). What the parser had to normalise is
reported; what it cannot read is an error that quotes the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from selectielijst._i18n import Message, say
from selectielijst._model import Duration, KeepPart, ProcessKind, ProcessTerm, Term, Valuation
from selectielijst.errors import InvalidDuration, SelectielijstError

__all__ = [
    "PROCESS_TERMS",
    "NotationError",
    "Reading",
    "process_term_words",
    "read_term",
    "read_valuation",
    "with_process_term",
]


class NotationError(SelectielijstError, ValueError):
    """A valuation or term written in a way the parser cannot read."""


@attrs.frozen
class Reading:
    """What a notation says.

    Attributes:
        valuation: The valuation read, or ``None`` for a cross reference.
        reference: For "Zie categorie 52", the number referred to.
        notes: What had to be normalised to read it (trailing spaces, letter
            case, a decimal year), for a person to check.
    """

    valuation: Valuation | None
    reference: str | None = None
    notes: tuple[Message, ...] = ()


_UNITS = {
    "jaar": "years",
    "jaren": "years",
    "maand": "months",
    "maanden": "months",
    "week": "weeks",
    "weken": "weeks",
    "dag": "days",
    "dagen": "days",
}
_AMOUNT = re.compile(
    r"(\d+(?:,\d+)?)\s+(jaar|jaren|maand|maanden|week|weken|dag|dagen)\b", re.IGNORECASE
)
_JOINER = re.compile(r"\s*(?:,|en)\s*", re.IGNORECASE)
_KEEP = re.compile(
    r"(?:b|bewaren|blijvend bewaren|blijvend_bewaren)"
    r"(?:\s*\(\s*(?P<list>\d+(?:\s*,\s*\d+)*)\s*\)"
    r"|\s*,\s*criteri(?:um|a)\s+(?P<named>\d+(?:\s*(?:,|en)\s*\d+)*))?",
    re.IGNORECASE,
)
_EXCEPT = re.compile(r"(?P<keep>.+?),?\s+met uitzondering van\s+(?P<what>.+)", re.IGNORECASE)
_DESTROY = re.compile(r"(?:v|vernietigen)(?:\s*,\s*(?P<term>.+))?", re.IGNORECASE | re.DOTALL)
_REFERENCE = re.compile(
    r"zie\s+(?:categorie|resultaat|nr\.?|nummer)\s+(?P<number>[\w.]+)", re.IGNORECASE
)
_NOW = frozenset({"direct", "terstond", "onmiddellijk", "nihil", "0"})
_EVENT = re.compile(r"(?:na|bij|tot|zodra|vanaf|nadat|terstond)\b", re.IGNORECASE)


def _clean(text: str, notes: list[Message]) -> str:
    cleaned = " ".join(text.split())
    if cleaned != text:
        notes.append(say("spaces-normalised", "spaces normalised in {text!r}", text=text))
    return cleaned


def read_term(text: str) -> tuple[Term, tuple[Message, ...]]:
    """Read a retention term: ``10 jaar``, ``6 weken``, ``P10Y``, ``5 jaar na rapportage``.

    >>> term, notes = read_term("1,5 jaar")
    >>> term.duration.isoformat(), tuple(map(str, notes))
    ('P1Y6M', ("'1,5 jaar' read as 1 year and 6 months",))
    >>> read_term("Na kennisgeving terstond vernietigen")[0].trigger
    'Na kennisgeving terstond vernietigen'

    Raises:
        NotationError: The text says no term the parser can read.
    """
    notes: list[Message] = []
    cleaned = _clean(text, notes)
    if not cleaned:
        msg = say("term-empty", "the term is empty")
        raise NotationError(msg)
    head, process = _split_process(cleaned)
    if process is None:
        return _plain_term(cleaned, text, notes), tuple(notes)
    if not head:
        return Term(process=process), tuple(notes)
    term = _plain_term(head, text, notes)
    return Term(term.duration, term.trigger, process), tuple(notes)


def _split_process(text: str) -> tuple[str, ProcessTerm | None]:
    """*text* without the process term it ends in, and that process term (else ``None``)."""
    process = _process_phrase(text)
    if process is not None:
        return "", process
    for at in (found.start() for found in re.finditer(r" (?=\(procestermijn |\(de |na )", text)):
        process = _process_phrase(text[at + 1 :])
        if process is not None:
            return text[:at], process
    return text, None


_PROCESS_PHRASES = (
    re.compile(r"\(procestermijn (?P<words>nihil)(?: \((?P<remark>[^()]+)\))?\)", re.IGNORECASE),
    re.compile(r"na een procestermijn van (?P<fixed>[^()]+?)(?: \((?P<remark>[^()]+)\))?"),
    re.compile(r"na de procestermijn: (?P<words>[^()]+?)(?: \((?P<remark>[^()]+)\))?"),
    re.compile(
        r"\((?P<words>de procestermijn is samengevoegd met de bewaartermijn)"
        r"(?: \((?P<remark>[^()]+)\))?\)",
        re.IGNORECASE,
    ),
)
"""How a term writes its process term (see :class:`~selectielijst.model.Term`), remark last."""


def _process_phrase(text: str) -> ProcessTerm | None:
    """The process term *text* states, as terms write it; ``None`` when it states none."""
    for phrase in _PROCESS_PHRASES:
        found = phrase.fullmatch(text)
        if found is None:
            continue
        remark = found.group("remark")
        if "fixed" in phrase.groupindex:
            fixed = found.group("fixed")
            duration, rest = (Duration(), "") if fixed.lower() in _NOW else _durations(fixed, [])
            if duration is None or rest:
                return None
            return ProcessTerm(ProcessKind.FIXED, duration, remark)
        try:
            return ProcessTerm.parse(found.group("words"), remark)
        except InvalidDuration:
            return None
    return None


def _plain_term(cleaned: str, text: str, notes: list[Message]) -> Term:
    """A term of a length, an event, or both; the event as written."""
    if cleaned.upper().startswith("P"):
        head, _, rest = cleaned.partition(" ")
        try:
            return Term(Duration.parse(head.upper()), rest or None)
        except InvalidDuration:
            pass
    if cleaned.lower() in _NOW:
        notes.append(say("read-as-now", "{text!r} read as a term of 0 days (direct)", text=cleaned))
        return Term(Duration())
    duration, rest = _durations(cleaned, notes)
    if duration is None:
        if not _EVENT.match(cleaned):
            msg = say(
                "unreadable-term",
                "cannot read the term {text!r}: write it like '10 jaar', '6 weken', 'P10Y' or,"
                " for a term that is an event, 'na vervanging'",
                text=text,
            )
            raise NotationError(msg)
        notes.append(say("read-as-event", "{text!r} read as a term from an event", text=cleaned))
        return Term(None, cleaned)
    return Term(duration, rest or None)


def _durations(text: str, notes: list[Message]) -> tuple[Duration | None, str]:
    """Amounts with units at the start of *text* (``1 jaar en 6 maanden``), and the rest."""
    position = 0
    parts: dict[str, int] = {}
    while True:
        match = _AMOUNT.match(text, position)
        if match is None:
            break
        amount, unit = match.group(1), match.group(2)
        if unit != unit.lower():
            notes.append(
                say(
                    "read-in-lower-case",
                    "{text!r} read as {amount} {unit}",
                    text=match.group(0),
                    amount=amount,
                    unit=unit.lower(),
                )
            )
        field = _UNITS[unit.lower()]
        whole, _, fraction = amount.partition(",")
        parts[field] = parts.get(field, 0) + int(whole)
        if fraction:
            if field != "years" or fraction != "5":
                msg = say(
                    "unreadable-fraction",
                    "cannot read {value!r}: only half years (',5 jaar') can be written as a"
                    " fraction",
                    value=match.group(0),
                )
                raise NotationError(msg)
            parts["months"] = parts.get("months", 0) + 6
            notes.append(
                say(
                    "read-half-year",
                    "{text!r} read as {years} year and 6 months",
                    text=match.group(0),
                    years=whole,
                )
            )
        position = match.end()
        joiner = _JOINER.match(text, position)
        if joiner is not None and _AMOUNT.match(text, joiner.end()):
            position = joiner.end()
    if not parts:
        return None, text
    try:
        return Duration(**parts), text[position:].strip(" ,")
    except InvalidDuration as e:
        raise NotationError(
            say("unreadable-term-detail", "cannot read the term {text!r}: {e}", text=text, e=e)
        ) from e


def read_valuation(text: str, *, term: str | None = None) -> Reading:
    """Read a valuation, with the term from its own column if the list has one.

    >>> str(read_valuation("B (2, 6)").valuation)
    'B (2, 6)'
    >>> str(read_valuation("Vernietigen", term="7 jaar ").valuation)
    'V, 7 jaar'
    >>> str(read_valuation("V, 10 jaar; B (1) eindproduct").valuation)
    'V, 10 jaar; B (1) eindproduct'
    >>> read_valuation("Zie categorie 52").reference
    '52'
    >>> str(read_valuation("Bewaren met uitzondering van zie toelichting").valuation)
    'B, met uitzondering van zie toelichting'

    Raises:
        NotationError: The text is no valuation the parser can read.
    """
    notes: list[Message] = []
    cleaned = _clean(text, notes)
    reference = _REFERENCE.fullmatch(cleaned)
    if reference is not None:
        return Reading(None, reference.group("number").rstrip("."), tuple(notes))
    head, *parts = (part.strip() for part in cleaned.split(";"))
    excepted = _EXCEPT.fullmatch(head)
    if excepted is not None and not parts:
        keep = _KEEP.fullmatch(excepted.group("keep"))
        if keep is not None:
            criteria = _numbers(keep.group("list") or keep.group("named"))
            valuation = Valuation.keep(*criteria, exception=excepted.group("what").strip())
            return Reading(valuation, None, tuple(notes))
    keep = _KEEP.fullmatch(head)
    if keep is not None and not parts:
        if term and term.strip():
            msg = say(
                "keep-with-term-given",
                "{text!r} says keep (B), yet a term {value!r} is given",
                text=text,
                value=term.strip(),
            )
            raise NotationError(msg)
        return Reading(
            Valuation.keep(*_numbers(keep.group("list") or keep.group("named"))), None, tuple(notes)
        )
    destroy = _DESTROY.fullmatch(head)
    if destroy is None:
        msg = say(
            "unreadable-valuation",
            "cannot read the valuation {text!r}: expected B, V, Bewaren or Vernietigen (with a"
            " term)",
            text=text,
        )
        raise NotationError(msg)
    written = destroy.group("term")
    if written and term and term.strip() and written.strip() != term.strip():
        msg = say(
            "term-given-twice",
            "{text!r} names a term, and so does the term column ({value!r}): which holds?",
            text=text,
            value=term.strip(),
        )
        raise NotationError(msg)
    term_text = written or term
    parsed = None
    if term_text and term_text.strip():
        parsed, term_notes = read_term(term_text)
        notes.extend(term_notes)
    kept = tuple(_keep_part(part, text) for part in parts)
    return Reading(Valuation.destroy(parsed, *kept), None, tuple(notes))


def _numbers(text: str | None) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)) if text else ()


def _keep_part(part: str, text: str) -> KeepPart:
    match = re.fullmatch(r"B\s*(?:\((?P<criteria>[\d,\s]+)\))?\s+(?P<what>.+)", part, re.IGNORECASE)
    if match is None:
        msg = say(
            "unreadable-kept-part",
            "cannot read {part!r} in {text!r}: a kept part reads like 'B (1) eindproduct'",
            part=part,
            text=text,
        )
        raise NotationError(msg)
    return KeepPart(match.group("what").strip(), _numbers(match.group("criteria")))


PROCESS_TERMS: Mapping[str, str] = {
    "nihil": "Nihil",
    "bestaansduur_procesobject": "De bestaans- of geldigheidsduur van het procesobject",
    "ingeschatte_bestaansduur_procesobject": (
        "De ingeschatte maximale bestaansduur van het procesobject"
    ),
    "vast_te_leggen_datum": (
        "De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject"
        " komt te vervallen"
    ),
    "samengevoegd_met_bewaartermijn": "De procestermijn is samengevoegd met de bewaartermijn",
}
"""The API's procestermijn codes and the words the sheet writes for each: one meaning each."""


def process_term_words(text: str) -> tuple[str, str]:
    """The procestermijn as the sheet words it, and any remark: from a code or the sheet's text.

    >>> process_term_words("bestaansduur_procesobject")[0]
    'De bestaans- of geldigheidsduur van het procesobject'
    >>> process_term_words("25 jaar (De procestermijn is samengevoegd met de bewaartermijn)")
    ('De procestermijn is samengevoegd met de bewaartermijn', '25 jaar')
    """
    cleaned = " ".join(text.split())
    if cleaned in PROCESS_TERMS:
        return PROCESS_TERMS[cleaned], ""
    folded = cleaned.casefold()
    for words in PROCESS_TERMS.values():
        at = folded.find(words.casefold())
        if at >= 0:
            remark = (cleaned[:at] + cleaned[at + len(words) :]).strip(" ,;()")
            return words, remark
    return cleaned, ""


def with_process_term(term: Term | None, text: str, remark: str = "") -> Term:
    """*term* with the process term *text* says: a code, the VNG list's words, or a duration.

    A remark in *text* ("25 jaar (De ...)") or given apart (the API's
    ``procestermijnOpmerking``, kept as written) goes with it. Words that
    name no process term stay what they were before process terms were
    known: a trigger, whose date each record gives.

    >>> str(with_process_term(Term(Duration(years=10)), "Nihil"))
    '10 jaar (procestermijn nihil)'
    >>> str(with_process_term(Term(Duration(years=1)), "5 jaar"))
    '1 jaar na een procestermijn van 5 jaar'
    """
    words, said_remark = process_term_words(text)
    remark = said_remark or remark
    duration = term.duration if term is not None else None
    trigger = term.trigger if term is not None else None
    try:
        process = ProcessTerm.parse(words, remark if remark.strip() else None)
    except InvalidDuration:
        fixed = read_term(words)[0]
        if fixed.duration is None or fixed.trigger is not None:
            start = f"na de procestermijn: {words}" + (f" ({remark.strip()})" if remark else "")
            return Term(duration, f"{trigger}; {start}" if trigger else start)
        process = ProcessTerm(ProcessKind.FIXED, fixed.duration, remark.strip() or None)
    return Term(duration, trigger, process)
