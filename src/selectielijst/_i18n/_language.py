"""The languages the library speaks."""

from __future__ import annotations

import enum

__all__ = ["Language"]


class Language(enum.Enum):
    """A language of what the library says and writes: Dutch or English."""

    __hash__ = object.__hash__  # members are unique; hashed in C, not by name in Python

    NL = "nl"
    EN = "en"

    @property
    def locale(self) -> str:
        """The locale whose conventions numbers and dates follow (``nl_NL``, ``en_GB``)."""
        return "nl_NL" if self is Language.NL else "en_GB"
