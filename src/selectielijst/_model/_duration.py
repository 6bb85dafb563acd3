"""Retention terms: a :class:`Duration` that keeps its units, and a :class:`Term`."""

from __future__ import annotations

import enum
import re

import attrs

from selectielijst._i18n import say
from selectielijst.errors import InvalidDuration, InvalidRecord

__all__ = ["Comparison", "Duration", "Term"]

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


def _check_term(instance: Term, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not value.strip():
        msg = say("blank-trigger", "a trigger must say what starts the term, not be blank")
        raise InvalidRecord(attribute.name, msg)
    if instance.duration is None and value is None:
        msg = say("empty-term", "a term needs a duration, a trigger, or both")
        raise InvalidRecord("duration", msg)


@attrs.frozen
class Term:
    """How long records are kept before destruction, and from when.

    Attributes:
        duration: The length of the term, or ``None`` when the term is only an
            event ("na vervanging").
        trigger: What starts the term or ends it, as the list says it
            ("na beëindiging van het dienstverband"); ``None`` when the list does
            not say.

    >>> str(Term(Duration(years=7), "na beëindiging"))
    '7 jaar na beëindiging'
    """

    duration: Duration | None = None
    trigger: str | None = attrs.field(default=None, validator=_check_term)

    def __str__(self) -> str:
        parts = [str(self.duration)] if self.duration is not None else []
        if self.trigger is not None:
            parts.append(self.trigger)
        return " ".join(parts)
