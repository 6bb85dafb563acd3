"""The ``selectielijst`` command line. Nothing imports this package.

It uses the library through its public modules only (an import-linter
contract holds this): the group and what every command shares are in
:mod:`._common`, and each module of commands registers its own.
"""

from selectielijst._cli import _changes, _lists, _records, _transfer
from selectielijst._cli._common import main

__all__ = ["main"]

_COMMANDS = (_changes, _lists, _records, _transfer)
"""The modules whose commands are registered on :func:`main` by importing them."""
