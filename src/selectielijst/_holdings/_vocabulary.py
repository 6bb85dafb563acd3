"""What the records lists say of a record: its action on a date, and a new version's effect.

Each word's value is the Dutch word the destruction list and the impact table
write; :attr:`english` reads it in English.
"""

from __future__ import annotations

import enum

__all__ = ["Action", "Effect"]


class Action(enum.Enum):
    """What the destruction list says of a record on a date.

    >>> Action.DESTROY.value, Action.DESTROY.english
    ('vernietigen', 'destroy')
    """

    __hash__ = object.__hash__  # members are unique; counted in dicts

    DESTROY = "vernietigen"
    NOT_YET = "nog niet"
    KEEP = "blijvend bewaren"
    UNDETERMINED = "niet te bepalen"

    @property
    def english(self) -> str:
        """The word in English."""
        return _ENGLISH[self]

    def __str__(self) -> str:
        return self.value


class Effect(enum.Enum):
    """What a new version does to a record, most in need of attention first.

    *besluit nodig*: the category was split or merged into categories that say
    different things; *nu vernietigen*: B became V; *nu bewaren*: V became B;
    *eerder* and *later*: the day destruction is allowed moved; *vervallen
    zonder opvolger*: the category was withdrawn and the list names no
    successor; *niet te bepalen*: a date is missing or the category is not in
    the old list.

    >>> Effect("eerder").english
    'earlier'
    """

    __hash__ = object.__hash__  # members are unique; counted in dicts

    DECISION_NEEDED = "besluit nodig"
    NOW_DESTROY = "nu vernietigen"
    NOW_KEEP = "nu bewaren"
    EARLIER = "eerder"
    LATER = "later"
    WITHDRAWN = "vervallen zonder opvolger"
    UNDETERMINED = "niet te bepalen"
    UNCHANGED = "ongewijzigd"

    @property
    def english(self) -> str:
        """The words in English."""
        return _ENGLISH[self]

    def __str__(self) -> str:
        return self.value


_ENGLISH: dict[Action | Effect, str] = {
    Action.DESTROY: "destroy",
    Action.NOT_YET: "not yet",
    Action.KEEP: "keep permanently",
    Action.UNDETERMINED: "cannot be told",
    Effect.DECISION_NEEDED: "decision needed",
    Effect.NOW_DESTROY: "now destroy",
    Effect.NOW_KEEP: "now keep",
    Effect.EARLIER: "earlier",
    Effect.LATER: "later",
    Effect.WITHDRAWN: "withdrawn without successor",
    Effect.UNDETERMINED: "cannot be told",
    Effect.UNCHANGED: "unchanged",
}
