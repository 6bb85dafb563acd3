"""``python -m selectielijst``: the command line."""

from selectielijst._cli import run

run()
