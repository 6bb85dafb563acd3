"""What the records lists say of a record: its action on a date, and a new version's effect.

Each word's value is the Dutch word the destruction list and the impact table
write, in every language (the files are read by programs); :meth:`words`
says it in the reader's language, from the catalogs.
"""

from __future__ import annotations

import enum

from selectielijst._i18n import Language, marked_in, translated

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
    TRANSFER = "overbrengen"
    UNDETERMINED = "niet te bepalen"

    @property
    def english(self) -> str:
        """The word in English."""
        return self.words(Language.EN)

    def words(self, language: Language) -> str:
        """The word in *language*.

        >>> Action.KEEP.words(Language.EN)
        'keep permanently'
        """
        context, text = _WORDS[self]
        return translated(text, language, context)

    def __str__(self) -> str:
        return self.value


class Effect(enum.Enum):
    """What a new version does to a record, most in need of attention first.

    *besluit nodig*: the category was split or merged into categories that say
    different things; *nu vernietigen*: B became V; *nu bewaren*: V became B;
    *eerder* and *later*: the day destruction is allowed moved; *eerder
    overbrengen* and *later overbrengen*: a record kept permanently is due
    for transfer on another day (the list's transfer term changed); *vervallen
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
    TRANSFER_EARLIER = "eerder overbrengen"
    TRANSFER_LATER = "later overbrengen"
    WITHDRAWN = "vervallen zonder opvolger"
    UNDETERMINED = "niet te bepalen"
    UNCHANGED = "ongewijzigd"

    @property
    def english(self) -> str:
        """The words in English."""
        return self.words(Language.EN)

    def words(self, language: Language) -> str:
        """The words in *language*."""
        context, text = _WORDS[self]
        return translated(text, language, context)

    def __str__(self) -> str:
        return self.value


_WORDS: dict[Action | Effect, tuple[str, str]] = {
    Action.DESTROY: marked_in("action", "destroy"),
    Action.NOT_YET: marked_in("action", "not yet"),
    Action.KEEP: marked_in("action", "keep permanently"),
    Action.TRANSFER: marked_in("action", "transfer"),
    Action.UNDETERMINED: marked_in("action", "cannot be told"),
    Effect.DECISION_NEEDED: marked_in("effect", "decision needed"),
    Effect.NOW_DESTROY: marked_in("effect", "now destroy"),
    Effect.NOW_KEEP: marked_in("effect", "now keep"),
    Effect.EARLIER: marked_in("effect", "earlier"),
    Effect.LATER: marked_in("effect", "later"),
    Effect.TRANSFER_EARLIER: marked_in("effect", "transfer earlier"),
    Effect.TRANSFER_LATER: marked_in("effect", "transfer later"),
    Effect.WITHDRAWN: marked_in("effect", "withdrawn without successor"),
    Effect.UNDETERMINED: marked_in("effect", "cannot be told"),
    Effect.UNCHANGED: marked_in("effect", "unchanged"),
}
"""What each word says, marked for the catalogs; the Dutch is its value (a test checks)."""
