"""Which texts a YAML reader would take for something else when written plain.

The two writers (:mod:`._fastdump` and the reference in :mod:`._ruamel`) quote
these alike: the values YAML 1.2 resolves (numbers, booleans, null, dates, the
merge and value keys), and those YAML 1.1 readers such as PyYAML resolve too
(``yes``, ``off``, sexagesimal numbers like ``1:20``).
"""

from __future__ import annotations

import re

__all__ = ["read_otherwise"]

_RESOLVES = re.compile(
    r"""^(?:true|True|TRUE|false|False|FALSE
    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+
    |<<|~|null|Null|NULL|=
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?
    )$""",
    re.VERBOSE,
)
"""Plain text the reader would take for a boolean, number, null or date..."""
_RESOLVER_STARTS = frozenset("tTfF-+0123456789.<~nN=")
"""...if it starts with one of these, as each of those patterns requires."""
_READ_OTHERWISE_IN_1_1 = re.compile(
    r"""^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
    )$""",
    re.VERBOSE,
)
"""Plain text that YAML 1.1 (PyYAML) reads as a boolean or a sexagesimal number."""


def read_otherwise(text: str) -> bool:
    """Whether a YAML reader, of version 1.2 or 1.1, reads plain *text* as other than text.

    >>> read_otherwise("10"), read_otherwise("yes"), read_otherwise("1:20"), read_otherwise("ja")
    (True, True, True, False)
    """
    if not text:
        return True
    if text[0] in _RESOLVER_STARTS and _RESOLVES.match(text):
        return True
    return text[0] in "yYnNoO0123456789+-" and _READ_OTHERWISE_IN_1_1.match(text) is not None
