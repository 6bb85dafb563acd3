"""The ``selectielijst`` command line. Nothing imports this package.

It uses the library through its public modules only (an import-linter
contract holds this): the group and what every command shares are in
:mod:`._common`, and each module of commands registers its own.
"""

import gc

from selectielijst._cli import _changes, _lists, _records, _transfer
from selectielijst._cli._common import main

__all__ = ["main", "run"]

YOUNG_OBJECTS = 50_000
"""How many objects a run makes before Python's collector looks at the young ones.

Python looks every 700 by default, a balance for programs that run for
days. A run of ours is short and makes its objects to keep them (two
versions read whole, a change set): looking every 700 walks them again and
again, a tenth of a diff of two lists of 1,000 categories. Objects that
refer to each other in a circle are still collected, a little later.
"""


def run() -> None:
    """The command line as a program (``selectielijst``, ``python -m selectielijst``).

    The collector is set for a short run (:data:`YOUNG_OBJECTS`) here, not
    in :func:`main`: a program that runs the commands in its own process
    (their tests, a tool that calls them) keeps its own setting. When the
    command is done, everything is frozen (set aside from the collector):
    Python's last collection as it exits would walk every record the run
    read, only to find them alive (15 ms of a diff of two lists of 1,000
    categories). What a command writes is closed and on disk by then.
    """
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, older, oldest)
    try:
        main()
    finally:
        gc.freeze()  # the run is over: nothing it made needs collecting before the exit


_COMMANDS = (_changes, _lists, _records, _transfer)
"""The modules whose commands are registered on :func:`main` by importing them."""
