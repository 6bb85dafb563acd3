"""The typed records of a selection list and its versions."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import attrs

from selectielijst._i18n import say
from selectielijst._model._duration import Comparison, Duration, Term
from selectielijst.errors import InvalidRecord, UnknownCategory, UnknownSection

__all__ = [
    "TRANSFER_TERM",
    "Category",
    "CategoryStatus",
    "Criterion",
    "IdSource",
    "KeepPart",
    "ListIndex",
    "Section",
    "SelectionList",
    "Status",
    "Valuation",
    "ValuationKind",
    "VersionEntry",
    "VersionInfo",
]

STABLE_ID = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?")
_ISO_DATE = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")


class Status(enum.Enum):
    """Where a version stands in the procedure that adopts a list."""

    CONCEPT = "concept"
    TER_INZAGE = "ter inzage"
    ONTWERP = "ontwerp"
    VASTGESTELD = "vastgesteld"
    INGETROKKEN = "ingetrokken"

    @property
    def published(self) -> bool:
        """Whether a version with this status was made public and must not change."""
        return self is not Status.CONCEPT


class ValuationKind(enum.Enum):
    """Keep forever (B, *blijvend bewaren*) or destroy after a term (V, *vernietigen*)."""

    KEEP = "B"
    DESTROY = "V"


class IdSource(enum.Enum):
    """Where the stable ids of a version's categories come from, and so what they are worth.

    The semantic diff pairs categories by id only where the ids are identities:
    see :func:`selectielijst.diff`.
    """

    DECLARED = "declared"
    """Declared by somebody, in an id column, as the VNG API's uuid, or by hand."""
    LINKED = "linked"
    """Carried over from the list's earlier version by matching content on import."""
    NUMBERS = "numbers"
    """Made from the display numbers, which says nothing about identity."""


class CategoryStatus(enum.Enum):
    """Whether a category is in force or withdrawn (*vervallen*) in this version."""

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


TRANSFER_TERM = Duration(years=20)
"""The term after which records kept permanently are transferred: 20 years (Archiefwet 1995)."""


def _stable_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not STABLE_ID.fullmatch(value):
        msg = say(
            "unusable-id",
            "{id!r} is not a usable id: use lower-case letters, digits, '.', '-' and '_',"
            " starting and ending with a letter or digit",
            id=value,
        )
        raise InvalidRecord(attribute.name, msg)


def _not_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        msg = say("empty-field", "{field} must not be empty", field=attribute.name)
        raise InvalidRecord(attribute.name, msg)


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        msg = say(
            "not-positive",
            "{field} must be 1 or more, not {value}",
            field=attribute.name,
            value=value,
        )
        raise InvalidRecord(attribute.name, msg)


def _paragraphs(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for paragraph in value:
        if not paragraph.strip() or "\n" in paragraph:
            msg = say("bad-paragraph", "each paragraph is one non-empty line of text")
            raise InvalidRecord(attribute.name, msg)


def _iso_date(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not _ISO_DATE.fullmatch(value):
        msg = say(
            "not-a-version-date",
            "{value!r} is not a date such as 2015-12-15, 2015-03 or 2015",
            value=value,
        )
        raise InvalidRecord(attribute.name, msg)


@attrs.frozen
class Criterion:
    """A selection criterion that a B valuation may rest on.

    >>> Criterion(6, "Handelingen die betrekking hebben op ...").number
    6
    """

    number: int = attrs.field(validator=_positive)
    text: str = attrs.field(validator=_not_blank)


@attrs.frozen
class KeepPart:
    """A part kept permanently inside a category that is otherwise destroyed.

    >>> KeepPart("eindproduct", criteria=(1,)).criteria
    (1,)
    """

    description: str = attrs.field(validator=_not_blank)
    criteria: tuple[int, ...] = ()


@attrs.frozen
class Valuation:
    """Whether a category is kept (B) or destroyed (V), and on what terms.

    Use :meth:`keep` and :meth:`destroy` to make one.

    >>> from selectielijst import Duration, Term
    >>> Valuation.keep(1, 2).criteria
    (1, 2)
    >>> str(Valuation.destroy(Term(Duration(years=10))))
    'V, 10 jaar'
    """

    kind: ValuationKind
    criteria: tuple[int, ...] = ()
    term: Term | None = None
    keep_parts: tuple[KeepPart, ...] = ()
    exception: str | None = None
    """The part of a B that is not kept after all ("met uitzondering van ..."), as written."""

    def __attrs_post_init__(self) -> None:
        if self.kind is ValuationKind.KEEP and (self.term is not None or self.keep_parts):
            msg = say("keep-valuation-with-term", "a B valuation has no term and no kept parts")
            raise InvalidRecord("term", msg)
        if self.kind is ValuationKind.DESTROY and self.exception is not None:
            msg = say(
                "destroy-with-exception",
                "a V valuation names what it keeps as kept parts, not as an exception",
            )
            raise InvalidRecord("exception", msg)
        if self.exception is not None and not self.exception.strip():
            msg = say("blank-exception", "an exception says what is excepted, it is not blank")
            raise InvalidRecord("exception", msg)
        if self.kind is ValuationKind.DESTROY and self.criteria:
            msg = say(
                "destroy-with-criteria",
                "a V valuation rests on no criteria; name them on the kept parts",
            )
            raise InvalidRecord("criteria", msg)

    @classmethod
    def keep(cls, *criteria: int, exception: str | None = None) -> Valuation:
        """B: keep permanently, resting on the given criteria, except what *exception* says.

        >>> str(Valuation.keep(1, exception="zie toelichting"))
        'B (1), met uitzondering van zie toelichting'
        """
        return cls(ValuationKind.KEEP, criteria=criteria, exception=exception)

    @classmethod
    def destroy(cls, term: Term | None = None, *keep_parts: KeepPart) -> Valuation:
        """V: destroy after *term*, except the *keep_parts*."""
        return cls(ValuationKind.DESTROY, term=term, keep_parts=keep_parts)

    def all_criteria(self) -> tuple[int, ...]:
        """The criteria of the valuation and of its kept parts, each once, in order."""
        numbers = list(self.criteria)
        for part in self.keep_parts:
            numbers.extend(part.criteria)
        return tuple(dict.fromkeys(numbers))

    def __str__(self) -> str:
        if self.kind is ValuationKind.KEEP:
            text = "B" + (f" ({', '.join(map(str, self.criteria))})" if self.criteria else "")
            if self.exception is not None:
                text += f", met uitzondering van {self.exception}"
            return text
        text = "V" + (f", {self.term}" if self.term is not None else "")
        for part in self.keep_parts:
            criteria = f" ({', '.join(map(str, part.criteria))})" if part.criteria else ""
            text += f"; B{criteria} {part.description}"
        return text


@attrs.frozen
class Category:
    """A valued unit of a list: a process, *handeling* or result.

    Attributes:
        id: Stable identity, the same in every version of the list.
        number: Display number ("4.2"), which may change between versions.
        name: What the category is, as the list names it.
        valuation: B or V and its term; ``None`` only for a withdrawn category
            that the list no longer values.
        description: Further description, when the list gives one.
        explanation: The *toelichting*.
        examples: Examples of records (*producten*, *voorbeelden van neerslag*).
        status: Active or withdrawn (*vervallen*).
        successors: For a withdrawn category, the numbers the list says it
            went to, if any.
        result: The outcome of the process the category values, where the
            list names categories by it (the VNG list's *resultaat*:
            "Verleend", "Uitgevoerd"); the name then says what it is about.
        origin: Where the category comes from (*herkomst*): a risk analysis,
            a named law.
        tasks: The task fields (*taakvelden*) the category belongs to, sorted.

    >>> c = Category("jaarverslag", "2.5", "Het opstellen van het jaarverslag", Valuation.keep(3))
    >>> c.criteria
    (3,)
    """

    id: str = attrs.field(validator=_stable_id)
    number: str = attrs.field(validator=_not_blank)
    name: str = attrs.field(validator=_not_blank)
    valuation: Valuation | None = None
    description: str | None = None
    explanation: str | None = None
    examples: tuple[str, ...] = ()
    status: CategoryStatus = CategoryStatus.ACTIVE
    successors: tuple[str, ...] = ()
    result: str | None = None
    origin: str | None = None
    tasks: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The category named so that it reads on its own (``Uitgevoerd: <what>``), or its name.

        >>> road = Category("x", "4.1", "Een weg aanleggen", Valuation.keep(), result="Uitgevoerd")
        >>> road.label
        'Uitgevoerd: Een weg aanleggen'
        """
        if self.result and self.result != self.name:
            return f"{self.result}: {self.name}"
        return self.name

    def __attrs_post_init__(self) -> None:
        if self.status is CategoryStatus.ACTIVE and self.valuation is None:
            msg = say("no-valuation", "an active category needs a valuation")
            raise InvalidRecord("valuation", msg)
        if self.status is CategoryStatus.ACTIVE and self.successors:
            msg = say("active-with-successors", "only a withdrawn category has successors")
            raise InvalidRecord("successors", msg)

    @property
    def criteria(self) -> tuple[int, ...]:
        """The selection criteria the valuation rests on."""
        return self.valuation.all_criteria() if self.valuation is not None else ()

    @property
    def withdrawn(self) -> bool:
        """Whether the category is withdrawn in this version."""
        return self.status is CategoryStatus.WITHDRAWN


@attrs.frozen
class Section:
    """A part of the list: a domain or subsection with narrative text and categories.

    Attributes:
        id: Stable identity, the same in every version.
        title: The heading.
        number: Display number, if the list numbers its sections.
        ref: The section's id in the system its list comes from, where that
            has one of its own (the uuid of a process type in the VNG's
            API, which differs from year to year, while :attr:`id` stays).
        text: Narrative paragraphs, in order, as the document has them.
        incomplete: ``True`` when the text is known to stop short (e.g. the
            source ends mid-sentence).
        notes: Notes of whoever transcribed the section; not text of the list.
        categories: The categories valued in this section.
        sections: Subsections, in order.
    """

    id: str = attrs.field(validator=_stable_id)
    title: str = attrs.field(validator=_not_blank)
    number: str | None = None
    ref: str | None = None
    text: tuple[str, ...] = attrs.field(default=(), validator=_paragraphs)
    incomplete: bool = False
    notes: tuple[str, ...] = ()
    categories: tuple[Category, ...] = ()
    sections: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        """This section and all its subsections, depth first, in document order."""
        yield self
        for subsection in self.sections:
            yield from subsection.walk()


@attrs.frozen
class VersionInfo:
    """Which version of the list this is.

    Attributes:
        label: The version's name, e.g. ``"0.16"``.
        status: Where the version stands in the procedure.
        date: ISO 8601 date, reduced precision allowed (``2015-03``).
        source: The document the text comes from.
        coverage: How much of the source is transcribed, e.g.
            ``"pagina 110 van 167"``.
        incomplete: ``True`` when the snapshot holds only part of the version.
        notes: Notes on the version or its transcription.
    """

    label: str = attrs.field(validator=_not_blank)
    status: Status
    date: str | None = attrs.field(default=None, validator=_iso_date)
    source: str | None = None
    coverage: str | None = None
    incomplete: bool = False
    notes: tuple[str, ...] = ()


@attrs.frozen
class SelectionList:
    """One version of a selection list, with everything it says.

    Attributes:
        id: The list's stable id, e.g. ``"mivd"``.
        title: The list's title.
        version: Which version this is.
        organisation: The body whose records the list covers.
        notes: Notes on the list as a whole (e.g. that it is a fictional example).
        criteria: The selection criteria the list's B valuations rest on.
        ids: Where the categories' stable ids come from (declared, linked to
            the earlier version, or made from numbers).
        sections: The sections, in document order.
        transfer: How long records kept permanently stay before they are
            transferred (*overgebracht*) to an archive repository, where the
            list says so; ``None``: the 20 years of the Archiefwet 1995.
    """

    id: str = attrs.field(validator=_stable_id)
    title: str = attrs.field(validator=_not_blank)
    version: VersionInfo
    organisation: str | None = None
    notes: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    ids: IdSource = IdSource.DECLARED
    sections: tuple[Section, ...] = ()
    transfer: Duration | None = None

    @property
    def transfer_term(self) -> Duration:
        """The term after which B records are transferred; the list's own, else 20 years.

        >>> from selectielijst import load
        >>> str(load("voorbeeld", "2.1").transfer_term)
        '20 jaar'
        """
        return self.transfer if self.transfer is not None else TRANSFER_TERM

    def walk(self) -> Iterator[Section]:
        """Every section and subsection, depth first, in document order."""
        for section in self.sections:
            yield from section.walk()

    def categories(self) -> Iterator[tuple[Section, Category]]:
        """Every category with the section it stands in, in document order."""
        for section in self.walk():
            for category in section.categories:
                yield section, category

    def criterion(self, number: int) -> Criterion | None:
        """The criterion with this number, or ``None``."""
        return next((c for c in self.criteria if c.number == number), None)

    def category(self, number: str) -> Category:
        """The category with this display number.

        >>> from selectielijst import load
        >>> load("voorbeeld", "2.1").category("1.2").name
        'Het beheren van vergaderstukken van commissies'

        Raises:
            UnknownCategory: There is none; the message names the nearest numbers.
        """
        for _, category in self.categories():
            if category.number == number:
                return category
        numbers = [c.number for _, c in self.categories()]
        import difflib  # noqa: PLC0415  # loaded when a number is not found, not on import

        nearest = difflib.get_close_matches(number, numbers, n=3, cutoff=0.5)
        where = f"{self.id}@{self.version.label}"
        if nearest:
            msg = say(
                "unknown-category-nearest",
                "{version} has no category numbered {number!r}; nearest: {nearest}",
                version=where,
                number=number,
                nearest=", ".join(nearest),
            )
        else:
            msg = say(
                "unknown-category",
                "{version} has no category numbered {number!r}",
                version=where,
                number=number,
            )
        raise UnknownCategory(msg)

    def category_by_id(self, category_id: str) -> Category:
        """The category with this stable id.

        >>> from selectielijst import load
        >>> load("voorbeeld", "2.1").category_by_id("post").number
        '2.7'

        Raises:
            UnknownCategory: There is none.
        """
        for _, category in self.categories():
            if category.id == category_id:
                return category
        msg = say(
            "unknown-category-id",
            "{version} has no category with id {id!r}",
            version=f"{self.id}@{self.version.label}",
            id=category_id,
        )
        raise UnknownCategory(msg)

    def section(self, section_id: str) -> Section:
        """The section (or subsection) with this stable id.

        Raises:
            UnknownSection: There is none; the message lists the sections.
        """
        for section in self.walk():
            if section_id in (section.id, section.number):
                return section
        known = ", ".join(s.id for s in self.walk())
        msg = say(
            "unknown-section",
            "{version} has no section {section!r} (sections: {known})",
            version=f"{self.id}@{self.version.label}",
            section=section_id,
            known=known,
        )
        raise UnknownSection(msg)

    def section_categories(self, section_id: str) -> tuple[Category, ...]:
        """Every category of a section, its subsections included, in document order."""
        return tuple(c for s in self.section(section_id).walk() for c in s.categories)

    def kept(self) -> tuple[Category, ...]:
        """Every active category valued B (kept permanently)."""
        return tuple(
            c
            for _, c in self.categories()
            if not c.withdrawn
            and c.valuation is not None
            and c.valuation.kind is ValuationKind.KEEP
        )

    def destroyed(self, *, shorter_than: Duration | None = None) -> tuple[Category, ...]:
        """Every active category valued V, or only those whose term is surely shorter.

        >>> from selectielijst import Duration, load
        >>> [c.number for c in load("voorbeeld", "2.1").destroyed(shorter_than=Duration(years=2))]
        ['2.7', '2.8', '3.2']
        """
        found = []
        for _, category in self.categories():
            valuation = category.valuation
            if (
                category.withdrawn
                or valuation is None
                or valuation.kind is not ValuationKind.DESTROY
            ):
                continue
            if shorter_than is not None:
                duration = valuation.term.duration if valuation.term else None
                if duration is None or duration.compare(shorter_than) is not Comparison.SHORTER:
                    continue
            found.append(category)
        return tuple(found)


def _inside(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """A snapshot path stays inside its list's folder: relative, without ``..``."""
    if value is None:
        return
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts or "" in parts:
        msg = say(
            "path-leaves-folder",
            "{path!r} leaves the list's folder; a snapshot path is relative to it, like"
            " 2.0/list.yaml",
            path=value,
        )
        raise InvalidRecord(attribute.name, msg)


@attrs.frozen
class VersionEntry:
    """One version in a list's history, with or without its text.

    Attributes:
        label: The version's name, as in ``mivd@0.16``.
        status: Where the version stands in the procedure.
        date: ISO 8601 date, reduced precision allowed.
        snapshot: The snapshot file, relative to the list's folder; ``None`` when
            the text of this version is not available.
        sha256: The SHA-256 of the snapshot file as published.
        notes: What is known of this version (e.g. where it was published).
    """

    label: str
    status: Status
    date: str | None = None
    snapshot: str | None = attrs.field(default=None, validator=_inside)
    sha256: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def has_text(self) -> bool:
        """Whether a snapshot of this version's text ships with the project."""
        return self.snapshot is not None


@attrs.frozen
class ListIndex:
    """A list's index: its versions, oldest first."""

    id: str
    title: str
    versions: tuple[VersionEntry, ...] = ()
