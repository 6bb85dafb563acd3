"""Retention arithmetic: when may the records of a category be destroyed?"""

from __future__ import annotations

import datetime
import enum

import attrs

from selectielijst._i18n import Language, Message, say
from selectielijst._model._duration import Duration
from selectielijst._model._records import TRANSFER_TERM, Category, KeepPart, ValuationKind

__all__ = [
    "Outcome",
    "Retention",
    "add_duration",
    "as_date",
    "retention",
]


class Outcome(enum.Enum):
    """What the list says about destroying a category's records."""

    KEEP = "keep"
    DESTROY = "destroy"
    NOT_COMPUTABLE = "not_computable"


@attrs.frozen
class Retention:
    """The answer to "when may these records be destroyed?".

    Attributes:
        outcome: Keep permanently, destroy from a date, or not computable.
        destroy_from: The first day destruction is allowed (``DESTROY`` only).
        needs: What is missing to compute it, e.g. the date of the event the
            term runs from (``NOT_COMPUTABLE`` only).
        keep_parts: Parts that are kept permanently even so.
        exception: For a B, the part that is not kept after all, as the list
            says it; it needs its own decision.
        category: The category asked about.
        transfer_from: For a B, the first day the records are due for
            transfer (*overbrenging*) to an archive repository: the start
            plus the list's transfer term (``KEEP`` only).
    """

    outcome: Outcome
    category: Category
    destroy_from: datetime.date | None = None
    needs: str | Message | None = None
    keep_parts: tuple[KeepPart, ...] = ()
    exception: str | None = None
    transfer_from: datetime.date | None = None

    def __str__(self) -> str:
        return self.say(Language.NL)

    def say(self, language: Language = Language.NL) -> str:
        """The answer in words, in *language*; ``str()`` says it in Dutch.

        >>> from selectielijst import load
        >>> answer = retention(load("voorbeeld", "2.1").category("1.2"), start="2024-01-31")
        >>> answer.say(Language.EN)
        'destroy from 31 January 2031'
        """
        return self._said().say(language)

    def _said(self) -> Message:
        if self.outcome is Outcome.KEEP:
            kept = say("answer-keep", "keep permanently")
            if self.exception is not None:
                kept = say(
                    "answer-keep-except",
                    "keep permanently, except {exception}",
                    exception=self.exception,
                )
            if self.transfer_from is None:
                return kept
            return say(
                "answer-keep-transfer",
                "{kept}; transfer from {day:date}",
                kept=kept,
                day=self.transfer_from,
            )
        if self.outcome is Outcome.NOT_COMPUTABLE:
            return say("answer-not-computable", "cannot be computed: {needs}", needs=self.needs)
        if self.keep_parts:
            return say(
                "answer-destroy-keep-parts",
                "destroy from {day:date}; keep permanently: {parts}",
                day=self.destroy_from,
                parts="; ".join(p.description for p in self.keep_parts),
            )
        return say("answer-destroy", "destroy from {day:date}", day=self.destroy_from)


def add_duration(day: datetime.date, duration: Duration) -> datetime.date:
    """*day* plus *duration*, on the calendar.

    Years and months are added first, keeping the day of the month; where that
    day does not exist in the month reached, the last day of that month is
    taken (31 January plus one month is 28 or 29 February; 29 February plus one
    year is 28 February). Weeks and days are then added as 7 and 1 days.

    >>> add_duration(datetime.date(2024, 1, 31), Duration(months=1))
    datetime.date(2024, 2, 29)
    >>> add_duration(datetime.date(2024, 2, 29), Duration(years=1))
    datetime.date(2025, 2, 28)
    >>> add_duration(datetime.date(2024, 3, 1), Duration(weeks=6))
    datetime.date(2024, 4, 12)

    Raises:
        OverflowError: The result lies beyond the year 9999.
    """
    months = day.month - 1 + duration.total_months
    year = day.year + months // 12
    month = months % 12 + 1
    if year > datetime.MAXYEAR:
        msg = say(
            "date-beyond-9999",
            "{day} plus {duration} lies beyond the year {year}",
            day=day.isoformat(),
            duration=duration.isoformat(),
            year=datetime.MAXYEAR,
        )
        raise OverflowError(msg)
    import calendar  # noqa: PLC0415  # loaded when a date is worked out, not on import

    moved = day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
    return moved + datetime.timedelta(days=duration.total_days)


def retention(
    category: Category,
    *,
    start: datetime.date | str,
    event: datetime.date | str | None = None,
    transfer: Duration = TRANSFER_TERM,
) -> Retention:
    """When the records of *category* may be destroyed, or, kept permanently, transferred.

    The term runs from *start* (e.g. the date a case was closed). A term the
    list ties to an event ("na uitdiensttreding"), or to a date of the process
    object (a process term such as "de bestaans- of geldigheidsduur van het
    procesobject"), runs from the date of that event instead, given as
    *event* (the *brondatum* as the case system derived it); without it the
    answer is not computable and says what it needs. A fixed process term is
    added first, then the retention term: each in turn, as Open Zaak does.
    A process term of nihil, or one merged with the retention term, leaves
    the term running from *start*. Destruction is allowed from the day the term has
    run (see :func:`~selectielijst.lookup.add_duration` for the calendar rules).
    Records kept permanently are due for transfer to an archive repository
    when *transfer* has run from *start*: 20 years under the Archiefwet 1995,
    or the list's own term (:attr:`SelectionList.transfer_term`).
    Dates are :class:`datetime.date` objects or ISO dates as text (``"2024-01-31"``).

    >>> from selectielijst import load
    >>> voorbeeld = load("voorbeeld", "2.1")
    >>> str(retention(voorbeeld.category("1.2"), start=datetime.date(2024, 1, 31)))
    'vernietigen vanaf 31 januari 2031'
    >>> print(retention(voorbeeld.category("2.1"), start=datetime.date(2024, 1, 31)))
    niet te berekenen, want de termijn loopt vanaf een gebeurtenis (na uitdiensttreding)
    en de datum daarvan is niet gegeven
    >>> str(retention(voorbeeld.category("1.1"), start=datetime.date(2024, 1, 31)))
    'blijvend bewaren; overbrengen vanaf 31 januari 2044'
    >>> str(retention(voorbeeld.category("1.2"), start="2024-01-31"))
    'vernietigen vanaf 31 januari 2031'

    Raises:
        TypeError: *category* is no :class:`~selectielijst.Category`, or a date
            is neither a date nor text.
        ValueError: A date given as text is no ISO date (``YYYY-MM-DD``).
    """
    if not isinstance(category, Category):
        msg = say(
            "not-a-category",
            "category is a Category (from SelectionList.category), not {name__}",
            name__=type(category).__name__,
        )
        raise TypeError(msg)
    start = as_date("start", start)
    event = as_date("event", event) if event is not None else None
    valuation = category.valuation
    if category.withdrawn:
        if category.successors:
            needs = say(
                "needs-successor",
                "the category is withdrawn; its records now belong to {successors}",
                successors=", ".join(category.successors),
            )
        else:
            needs = say(
                "needs-withdrawn", "the category is withdrawn and the list names no successor"
            )
        return Retention(Outcome.NOT_COMPUTABLE, category, needs=needs)
    if valuation is None:
        needs = say("needs-valuation", "the list gives this category no valuation")
        return Retention(Outcome.NOT_COMPUTABLE, category, needs=needs)
    if valuation.kind is ValuationKind.KEEP:
        try:
            transfer_from: datetime.date | None = add_duration(start, transfer)
        except OverflowError:  # after the year 9999: no day to name
            transfer_from = None
        return Retention(
            Outcome.KEEP, category, exception=valuation.exception, transfer_from=transfer_from
        )
    term = valuation.term
    if term is None:
        needs = say("needs-term", "the list names no retention term for this category")
        return Retention(Outcome.NOT_COMPUTABLE, category, needs=needs)
    base = start
    process = term.process
    if term.trigger is not None or (process is not None and process.from_event):
        if event is None:
            if term.trigger is not None:
                needs = say(
                    "needs-event",
                    "the term runs from an event ({trigger}) and its date is not given",
                    trigger=term.trigger,
                )
            else:
                needs = say(
                    "needs-process-date",
                    "the term runs from a date of the process object ({process}) and that"
                    " date (the brondatum) is not given",
                    process=process,
                )
            return Retention(Outcome.NOT_COMPUTABLE, category, needs=needs)
        base = event
    if process is not None and process.duration is not None:
        base = add_duration(base, process.duration)
    destroy_from = add_duration(base, term.duration) if term.duration is not None else base
    return Retention(
        Outcome.DESTROY, category, destroy_from=destroy_from, keep_parts=valuation.keep_parts
    )


def as_date(name: str, value: object) -> datetime.date:
    """*value* as a date: a date (a datetime's own date), or an ISO date as text.

    Raises:
        TypeError: It is neither.
        ValueError: Its text is no ISO date.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            msg = say(
                "not-an-iso-date",
                "{name} is an ISO date such as '2024-01-31'; got {value!r}",
                name=name,
                value=value,
            )
            raise ValueError(msg) from None
    msg = say(
        "not-a-date-type",
        "{name} is a datetime.date or an ISO date as text; got {name__}",
        name=name,
        name__=type(value).__name__,
    )
    raise TypeError(msg)
