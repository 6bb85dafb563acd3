"""Retention terms: a :class:`Duration` that keeps its units, and a :class:`Term`."""

from __future__ import annotations

import enum
import re

import attrs

from selectielijst._i18n import say
from selectielijst.errors import InvalidDuration, InvalidRecord

__all__ = ["PROCESS_WORDS", "Comparison", "Duration", "ProcessKind", "ProcessTerm", "Term"]

MAX_COMPONENT = 9999
"""No term in a selection list runs longer than this many units of anything."""

_ISO_8601 = re.compile(r"P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,4})D)?")

DUTCH_UNITS = (
    ("jaar", "jaar"),
    ("maand", "maanden"),
    ("week", "weken"),
    ("dag", "dagen"),
)


class Comparison(enum.Enum):
    """How one duration relates to another, where that can be said exactly."""

    SHORTER = "shorter"
    EQUAL = "equal"
    LONGER = "longer"
    INCOMPARABLE = "incomparable"


def _check_component(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = say(
            "duration-not-whole",
            "{field} must be a whole number, not {value!r}",
            field=attribute.name,
            value=value,
        )
        raise InvalidDuration(msg)
    if not 0 <= value <= MAX_COMPONENT:
        msg = say(
            "duration-out-of-range",
            "{field} must be between 0 and {most:n}, not {value}",
            field=attribute.name,
            most=MAX_COMPONENT,
            value=value,
        )
        raise InvalidDuration(msg)


@attrs.frozen
class Duration:
    """A length of time that keeps years, months, weeks and days apart.

    A month is not a fixed number of days, so ``P1M`` and ``P30D`` are different
    terms; :meth:`compare` says which is longer only where that holds on every
    calendar date.

    >>> term = Duration.parse("P1Y6M")
    >>> term.years, term.months
    (1, 6)
    >>> term.isoformat()
    'P1Y6M'
    >>> str(Duration(weeks=6)), str(Duration())
    ('6 weken', 'direct')
    """

    years: int = attrs.field(default=0, validator=_check_component)
    months: int = attrs.field(default=0, validator=_check_component)
    weeks: int = attrs.field(default=0, validator=_check_component)
    days: int = attrs.field(default=0, validator=_check_component)

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read an ISO 8601 duration of years, months, weeks and days.

        Weeks may be combined with the other units (as ISO 8601-2 allows).
        Times of day (``PT1H``) are not retention terms and are refused.

        >>> Duration.parse("P10Y")
        Duration(years=10, months=0, weeks=0, days=0)
        >>> Duration.parse("10 jaar")
        Traceback (most recent call last):
        ...
        selectielijst.errors.InvalidDuration: '10 jaar' is not an ISO 8601 duration ...
        """
        if not isinstance(text, str):
            msg = say(
                "duration-not-text",
                "a duration is written as text such as 'P10Y', not {value!r}",
                value=text,
            )
            raise InvalidDuration(msg)
        match = _ISO_8601.fullmatch(text)
        if match is None or text == "P":
            msg = say(
                "not-a-duration",
                "{text!r} is not an ISO 8601 duration such as P10Y, P6M, P6W or P1Y6M",
                text=text,
            )
            raise InvalidDuration(msg)
        years, months, weeks, days = (int(part or 0) for part in match.groups())
        return cls(years=years, months=months, weeks=weeks, days=days)

    def isoformat(self) -> str:
        """The ISO 8601 form, e.g. ``P10Y``; ``P0D`` for a zero duration."""
        parts = "".join(
            f"{value}{unit}"
            for value, unit in (
                (self.years, "Y"),
                (self.months, "M"),
                (self.weeks, "W"),
                (self.days, "D"),
            )
            if value
        )
        return "P" + (parts or "0D")

    def __str__(self) -> str:
        parts = [
            f"{value} {singular if value == 1 else plural}"
            for value, (singular, plural) in zip(
                (self.years, self.months, self.weeks, self.days), DUTCH_UNITS, strict=True
            )
            if value
        ]
        if not parts:
            return "direct"  # as lists write a term of nothing ("terstond", "direct")
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + " en " + parts[-1]

    def __add__(self, other: Duration) -> Duration:
        if not isinstance(other, Duration):
            return NotImplemented
        return Duration(
            years=self.years + other.years,
            months=self.months + other.months,
            weeks=self.weeks + other.weeks,
            days=self.days + other.days,
        )

    @property
    def total_months(self) -> int:
        """Years and months together, in months."""
        return self.years * 12 + self.months

    @property
    def total_days(self) -> int:
        """Weeks and days together, in days."""
        return self.weeks * 7 + self.days

    def compare(self, other: Duration) -> Comparison:
        """Say whether this duration is shorter, equal or longer than *other*.

        Months and years compare exactly with each other, and so do weeks and
        days. Across the two, a year counts as 365 or 366 days and a month as
        28 to 31: the answer is given only when it holds from every start date,
        and is :attr:`~selectielijst.model.Comparison.INCOMPARABLE` otherwise.

        >>> Duration.parse("P1Y").compare(Duration.parse("P12M"))
        <Comparison.EQUAL: 'equal'>
        >>> Duration.parse("P1Y").compare(Duration.parse("P6W"))
        <Comparison.LONGER: 'longer'>
        >>> Duration.parse("P1M").compare(Duration.parse("P30D"))
        <Comparison.INCOMPARABLE: 'incomparable'>
        """
        months = self.total_months - other.total_months
        days = self.total_days - other.total_days
        if months == 0 and days == 0:
            return Comparison.EQUAL
        shortest, longest = _month_span(abs(months))
        if months < 0:
            shortest, longest = -longest, -shortest
        if days + shortest > 0:
            return Comparison.LONGER
        if days + longest < 0:
            return Comparison.SHORTER
        return Comparison.INCOMPARABLE


def _month_span(months: int) -> tuple[int, int]:
    """The fewest and most days that *months* consecutive months can last."""
    years, rest = divmod(months, 12)
    return years * 365 + rest * 28, years * 366 + rest * 31


class ProcessKind(enum.Enum):
    """What a category's process term (*procestermijn*) is, by the words of the VNG list.

    The value is the code the VNG's referentielijsten API gives it; a fixed
    term has no code there and is written as its ISO 8601 duration.
    """

    NIHIL = "nihil"
    """No process term, so the retention term runs from the end of the process."""
    FIXED = "termijn"
    """A fixed term after the end of the process, after which the retention term runs."""
    OBJECT_LIFETIME = "bestaansduur_procesobject"
    """The lifetime or validity of the process object (a permit's, a decision's)."""
    ESTIMATED_LIFETIME = "ingeschatte_bestaansduur_procesobject"
    """The estimated longest lifetime of the process object."""
    FIXED_DATE = "vast_te_leggen_datum"
    """A date fixed during the process on which the process object ceases to be valid."""
    MERGED = "samengevoegd_met_bewaartermijn"
    """The process term is merged with the retention term, which runs from the end."""


PROCESS_WORDS = {
    ProcessKind.NIHIL: "nihil",
    ProcessKind.OBJECT_LIFETIME: "de bestaans- of geldigheidsduur van het procesobject",
    ProcessKind.ESTIMATED_LIFETIME: "de ingeschatte maximale bestaansduur van het procesobject",
    ProcessKind.FIXED_DATE: (
        "de tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject"
        " komt te vervallen"
    ),
    ProcessKind.MERGED: "de procestermijn is samengevoegd met de bewaartermijn",
}
"""Each named kind of process term in the VNG list's own Dutch words."""

_NAMED = (
    ProcessKind.OBJECT_LIFETIME,
    ProcessKind.ESTIMATED_LIFETIME,
    ProcessKind.FIXED_DATE,
    ProcessKind.MERGED,
)
"""The kinds the VNG list names in words, in its order."""
_FROM_EVENT = frozenset(_NAMED[:3])


def _folded(text: str) -> str:
    """*text* as the process-term reader compares it: words apart, case and end stop gone."""
    return " ".join(text.split()).casefold().rstrip(".")


_BY_WORDS = {
    **{_folded(words): kind for kind, words in PROCESS_WORDS.items()},
    "de ingeschatte maximale bestaans- of geldigheidsduur van het procesobject": (
        ProcessKind.ESTIMATED_LIFETIME
    ),  # the API's own wording of it
    **{kind.value: kind for kind in ProcessKind if kind is not ProcessKind.FIXED},
}


def _check_process(
    instance: ProcessTerm, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if (instance.kind is ProcessKind.FIXED) != (instance.duration is not None):
        msg = say(
            "process-fixed-duration",
            "a fixed process term has a duration, and only a fixed one has",
        )
        raise InvalidRecord("process", msg)
    if value is not None and not value.strip():
        msg = say("blank-process-remark", "a remark on the process term is not blank")
        raise InvalidRecord(attribute.name, msg)


@attrs.frozen
class ProcessTerm:
    """The process term (*procestermijn*): what the retention term runs from.

    Attributes:
        kind: Nihil, a fixed term, or one of the named kinds of the VNG list.
        duration: The fixed term (:attr:`ProcessKind.FIXED` only).
        remark: What the list adds to it, as written ("5 of 10 jaar").

    >>> str(ProcessTerm.parse("P5Y")), ProcessTerm.parse("nihil").kind
    ('5 jaar', <ProcessKind.NIHIL: 'nihil'>)
    >>> str(ProcessTerm.parse("De bestaans- of geldigheidsduur van het procesobject."))
    'de bestaans- of geldigheidsduur van het procesobject'
    """

    kind: ProcessKind
    duration: Duration | None = None
    remark: str | None = attrs.field(default=None, validator=_check_process)

    @classmethod
    def parse(cls, text: str, remark: str | None = None) -> ProcessTerm:
        """Read a process term from its code, its ISO 8601 duration, or the VNG list's words.

        Case, spacing and a final full stop do not matter.

        Raises:
            InvalidDuration: The text is none of them.
        """
        kind = _BY_WORDS.get(_folded(text)) if isinstance(text, str) else None
        if kind is not None:
            return cls(kind, remark=remark)
        if isinstance(text, str) and text.strip().upper().startswith("P"):
            return cls(ProcessKind.FIXED, Duration.parse(text.strip().upper()), remark)
        msg = say(
            "not-a-process-term",
            "{text!r} is no process term: give nihil, a duration such as P5Y, or one of {kinds}",
            text=text,
            kinds=", ".join(kind.value for kind in _NAMED),
        )
        raise InvalidDuration(msg)

    @property
    def code(self) -> str:
        """The kind's code, or the fixed term's ISO 8601, as snapshots and the API write it."""
        return self.duration.isoformat() if self.duration is not None else self.kind.value

    @property
    def from_event(self) -> bool:
        """Whether the term runs from a date of the process object, which the record must give."""
        return self.kind in _FROM_EVENT

    @property
    def words(self) -> str:
        """The process term in Dutch, without its remark."""
        return str(self.duration) if self.duration is not None else PROCESS_WORDS[self.kind]

    def __str__(self) -> str:
        return self.words + (f" ({self.remark.strip()})" if self.remark else "")


@attrs.frozen
class Term:
    """How long records are kept before destruction, and from when.

    Attributes:
        duration: The length of the term, or ``None`` when the term is only an
            event ("na vervanging").
        trigger: What starts the term or ends it, as the list says it
            ("na beëindiging van het dienstverband"); ``None`` when the list does
            not say.
        process: The process term (*procestermijn*) the term follows, where
            the list names one; ``None`` when it does not (which is not nihil).

    >>> str(Term(Duration(years=7), "na beëindiging"))
    '7 jaar na beëindiging'
    >>> str(Term(Duration(years=10), process=ProcessTerm(ProcessKind.FIXED, Duration(years=5))))
    '10 jaar na een procestermijn van 5 jaar'
    """

    duration: Duration | None = None
    trigger: str | None = None
    process: ProcessTerm | None = None

    def __attrs_post_init__(self) -> None:
        if self.trigger is not None and not self.trigger.strip():
            msg = say("blank-trigger", "a trigger must say what starts the term, not be blank")
            raise InvalidRecord("trigger", msg)
        if self.duration is None and self.trigger is None and self.process is None:
            msg = say("empty-term", "a term needs a duration, a trigger, or both")
            raise InvalidRecord("duration", msg)

    def __str__(self) -> str:
        parts = [str(self.duration)] if self.duration is not None else []
        if self.trigger is not None:
            parts.append(self.trigger)
        process = self.process
        if process is None:
            return " ".join(parts)
        if process.kind is ProcessKind.NIHIL:
            parts.append(f"(procestermijn {process})")
        elif process.kind is ProcessKind.MERGED:
            parts.append(f"({process})")
        elif process.kind is ProcessKind.FIXED:
            parts.append(f"na een procestermijn van {process}")
        else:
            parts.append(f"na de procestermijn: {process}")
        return " ".join(parts)
