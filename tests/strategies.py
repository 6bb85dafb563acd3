"""Hypothesis strategies for every record of the model, in one place."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from selectielijst import Category, Duration, Section, SelectionList, Status, Term, Valuation
from selectielijst.model import (
    CategoryStatus,
    Criterion,
    KeepPart,
    ProcessKind,
    ProcessTerm,
    VersionInfo,
)

# Text as people type it, including accents, typographic quotes and the odd symbol.
_alphabet = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))
# Text from all of Unicode a file can hold: controls, separators and marks too.
_any_character = st.characters(codec="utf-8", exclude_categories=["Cs"])
_any_text = st.text(_any_character, min_size=1, max_size=40).filter(str.strip)
words = st.text(_alphabet, min_size=1, max_size=12).filter(lambda w: w.strip())
line = st.text(_alphabet, min_size=1, max_size=80).filter(lambda t: t.strip())
"""A non-blank line of text without line breaks."""
block = st.lists(line, min_size=1, max_size=3).map("\n".join)
"""Text that may run over several lines."""
optional_text = st.none() | line | block

stable_ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True)
display_numbers = st.lists(st.integers(1, 30), min_size=1, max_size=3).map(
    lambda parts: ".".join(map(str, parts))
)
dates = st.dates().map(lambda d: d.isoformat()) | st.from_regex(
    r"(19|20)\d\d(-0[1-9])?", fullmatch=True
)

durations = st.builds(
    Duration,
    years=st.integers(0, 120),
    months=st.integers(0, 24),
    weeks=st.integers(0, 60),
    days=st.integers(0, 400),
)
process_terms = st.builds(
    ProcessTerm,
    kind=st.sampled_from([kind for kind in ProcessKind if kind is not ProcessKind.FIXED]),
    remark=st.none() | line,
) | st.builds(
    ProcessTerm, kind=st.just(ProcessKind.FIXED), duration=durations, remark=st.none() | line
)
"""A process term of every kind: nihil, fixed, named; with or without a remark."""
terms = (
    st.builds(
        Term,
        duration=durations,
        trigger=st.none() | line,
        process=st.none() | process_terms,
    )
    | st.builds(Term, duration=st.none(), trigger=line, process=st.none() | process_terms)
    | st.builds(Term, duration=st.none(), trigger=st.none(), process=process_terms)
)
criterion_numbers = st.integers(1, 8)
criteria_lists = st.lists(criterion_numbers, max_size=3, unique=True).map(tuple)
keep_parts = st.builds(KeepPart, description=line, criteria=criteria_lists)
valuations = st.one_of(
    criteria_lists.map(lambda c: Valuation.keep(*c)),
    st.tuples(criteria_lists, line).map(lambda ce: Valuation.keep(*ce[0], exception=ce[1])),
    st.builds(Valuation.destroy, st.none() | terms),
    st.tuples(terms, st.lists(keep_parts, max_size=2)).map(
        lambda tp: Valuation.destroy(tp[0], *tp[1])
    ),
)
criteria = st.builds(Criterion, number=criterion_numbers, text=line)
version_infos = st.builds(
    VersionInfo,
    label=st.from_regex(r"[0-9]{1,2}\.[0-9]{1,2}", fullmatch=True),
    status=st.sampled_from(Status),
    date=st.none() | dates,
    source=st.none() | line,
    coverage=st.none() | line,
    incomplete=st.booleans(),
    notes=st.lists(line, max_size=2).map(tuple),
)


@st.composite
def categories(
    draw: st.DrawFn,
    *,
    stable_id: str | None = None,
    number: str | None = None,
    unicode: bool = False,
) -> Category:
    """A category, active or withdrawn; ids and numbers are made unique by the caller.

    With *unicode*, its texts are drawn from all of Unicode, line breaks and
    control characters included.
    """
    withdrawn = draw(st.booleans()) and draw(st.booleans())
    text = _any_text if unicode else line
    return Category(
        id=stable_id or draw(stable_ids),
        number=number or draw(display_numbers),
        name=draw(text),
        valuation=draw(st.none() | valuations) if withdrawn else draw(valuations),
        description=draw(st.none() | text),
        explanation=draw(st.none() | (_any_text if unicode else block)),
        examples=tuple(draw(st.lists(text, max_size=3))),
        status=CategoryStatus.WITHDRAWN if withdrawn else CategoryStatus.ACTIVE,
        successors=tuple(draw(st.lists(display_numbers, max_size=2))) if withdrawn else (),
        result=draw(st.none() | text),
        origin=draw(st.none() | text),
        tasks=tuple(sorted(draw(st.lists(words, max_size=2, unique=True)))),
    )


@st.composite
def selection_lists(
    draw: st.DrawFn, *, max_categories: int = 12, unicode: bool = False
) -> SelectionList:
    """A valid list version: unique ids and numbers, criteria that exist.

    With *unicode*, names are drawn from all of Unicode, control characters included.
    """
    counter = iter(range(10_000))
    defined = draw(st.lists(criteria, min_size=8, max_size=8, unique_by=lambda c: c.number))

    def category() -> Category:
        index = next(counter)
        return draw(categories(stable_id=f"cat-{index}", number=f"{index + 1}", unicode=unicode))

    def section(depth: int) -> Section:
        index = next(counter)
        count = draw(st.integers(0, max_categories // 3))
        subsections = draw(st.integers(0, 2 if depth == 0 else 0))
        return Section(
            id=f"sec-{index}",
            title=draw(line),
            number=draw(st.none() | display_numbers),
            ref=draw(st.none() | stable_ids),
            text=tuple(draw(st.lists(line, max_size=3))),
            incomplete=draw(st.booleans()),
            notes=tuple(draw(st.lists(line, max_size=1))),
            categories=tuple(category() for _ in range(count)),
            sections=tuple(section(depth + 1) for _ in range(subsections)),
        )

    title = draw(_any_text) if unicode else draw(line)
    return SelectionList(
        id=draw(stable_ids),
        title=title,
        version=draw(version_infos),
        organisation=draw(st.none() | line),
        notes=tuple(draw(st.lists(line, max_size=2))),
        criteria=tuple(sorted(defined, key=lambda c: c.number)),
        sections=tuple(section(0) for _ in range(draw(st.integers(0, 3)))),
        transfer=draw(st.none() | durations),
    )


def with_status(selection_list: SelectionList, status: Status) -> SelectionList:
    """The list with another version status."""
    return attrs.evolve(selection_list, version=attrs.evolve(selection_list.version, status=status))


def _spaced(text: str) -> str:
    """*text* with whitespace added: a change no reader should care about."""
    return f"{text} " if " " not in text else text.replace(" ", "  ", 1)


def _spaced_or_none(text: str | None) -> str | None:
    return _spaced(text) if text is not None else None


def respaced(selection_list: SelectionList) -> SelectionList:
    """The list with whitespace added to every text, and nothing else changed."""

    def valuation(value: Valuation | None) -> Valuation | None:
        if value is None:
            return None
        term = value.term
        if term is not None and term.trigger is not None:
            term = attrs.evolve(term, trigger=_spaced(term.trigger))
        parts = tuple(attrs.evolve(p, description=_spaced(p.description)) for p in value.keep_parts)
        return attrs.evolve(value, term=term, keep_parts=parts)

    def category(c: Category) -> Category:
        return attrs.evolve(
            c,
            name=_spaced(c.name),
            description=_spaced_or_none(c.description),
            explanation=_spaced_or_none(c.explanation),
            examples=tuple(map(_spaced, c.examples)),
            valuation=valuation(c.valuation),
        )

    def section(s: Section) -> Section:
        return attrs.evolve(
            s,
            title=_spaced(s.title),
            text=tuple(map(_spaced, s.text)),
            notes=tuple(map(_spaced, s.notes)),
            categories=tuple(map(category, s.categories)),
            sections=tuple(map(section, s.sections)),
        )

    return attrs.evolve(
        selection_list,
        title=_spaced(selection_list.title),
        organisation=_spaced_or_none(selection_list.organisation),
        notes=tuple(map(_spaced, selection_list.notes)),
        criteria=tuple(attrs.evolve(c, text=_spaced(c.text)) for c in selection_list.criteria),
        sections=tuple(map(section, selection_list.sections)),
    )


def renumbered(selection_list: SelectionList) -> SelectionList:
    """The list with every category given a new display number, content unchanged."""

    def section(s: Section) -> Section:
        return attrs.evolve(
            s,
            categories=tuple(attrs.evolve(c, number=f"99.{c.number}") for c in s.categories),
            sections=tuple(map(section, s.sections)),
        )

    return attrs.evolve(selection_list, sections=tuple(map(section, selection_list.sections)))


# A records manager's spreadsheet: numbered rows, a chapter column, no ids.
_WORDS = (
    "beheren", "vaststellen", "registreren", "afhandelen", "dossiers", "vergunningen",
    "klachten", "subsidies", "begroting", "personeel", "dijken", "gemalen", "meldingen",
    "bezwaarschriften", "contracten", "inspecties", "verslagen", "archief", "gebouwen",
    "voertuigen", "rioolbeheer", "peilbesluiten", "waterkwaliteit", "heffingen",
)  # fmt: skip
_NOTATIONS = ("B", "B (1)", "V, 10 jaar", "V, 7 jaar", "Vernietigen", "V, 6 weken", "V, 1 jaar")
SheetRow = tuple[str, str, str, str]
"""A row of such a sheet: number, chapter, name, valuation as written."""


@st.composite
def sheet_rows(draw: st.DrawFn, *, max_rows: int = 15) -> list[SheetRow]:
    """The rows of a list kept in a spreadsheet: chapters of numbered categories."""
    rows: list[SheetRow] = []
    for chapter in range(1, draw(st.integers(1, 3)) + 1):
        title = f"Hoofdstuk {chapter} " + draw(st.sampled_from(_WORDS))
        for number in range(1, draw(st.integers(1, max_rows // 3)) + 1):
            name = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5)))
            notation = draw(st.sampled_from(_NOTATIONS))
            rows.append((f"{chapter}.{number}", title, name.capitalize(), notation))
    return rows


# A list in the shape of the VNG Selectielijst API: numbered process types and results.
_TASKS = ("Burgerzaken", "Veiligheid", "Sociaal domein", "Alle taakgebieden")


@st.composite
def api_shaped_lists(draw: st.DrawFn) -> SelectionList:
    """A list that fits the API's shape: sections 1..n, results n.k and n.k.m, no criteria."""
    from selectielijst._io._vng import ORGANISATION, TITLE  # noqa: PLC0415  # the API's own

    plain = (
        st.text(_alphabet, min_size=1, max_size=30)
        .map(" ".join)
        .filter(lambda t: t.strip() == t and t)
    )
    sections = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        categories = []
        for result in range(1, draw(st.integers(1, 3)) + 1):
            generic = f"{number}.{result}"
            categories.append(draw(_api_result(generic, plain)))
            specifics = range(1, draw(st.integers(0, 2)) + 1)
            categories.extend(draw(_api_result(f"{generic}.{n}", plain)) for n in specifics)
        process_object = draw(st.none() | plain)
        sections.append(
            Section(
                f"procestype-{number}",
                draw(plain),
                number=str(number),
                text=tuple(draw(st.lists(plain, max_size=3))),
                notes=(f"Procesobject: {process_object}",) if process_object else (),
                categories=tuple(categories),
            )
        )
    return SelectionList(
        "vng", TITLE, VersionInfo("2024", Status.CONCEPT), organisation=ORGANISATION,
        sections=tuple(sections),
    )  # fmt: skip


@st.composite
def _api_result(draw: st.DrawFn, number: str, plain: st.SearchStrategy[str]) -> Category:
    result = draw(plain)
    about = draw(st.none() | plain)
    if draw(st.integers(0, 9)) == 0:
        return Category(
            number, number, result, None,
            description=f"Vervallen: {draw(plain)}", status=CategoryStatus.WITHDRAWN,
        )  # fmt: skip
    if draw(st.booleans()):
        valuation = Valuation.keep()
    else:
        duration = draw(st.none() | st.builds(Duration, years=st.integers(1, 30)))
        kind = draw(st.none() | st.sampled_from([k for k in ProcessKind if k.value != "termijn"]))
        process = ProcessTerm(kind, remark=draw(st.none() | plain)) if kind else None
        term = Term(duration, process=process) if duration or process else None
        valuation = Valuation.destroy(term)
    return Category(
        number, number, about or result, valuation,
        explanation=draw(st.none() | plain), result=result if about else None,
        origin=draw(st.none() | plain),
        tasks=tuple(t for t in _TASKS if draw(st.booleans())),
    )  # fmt: skip
