"""The semantic diff: match two versions' categories, compare them, classify the changes.

The face of the package: :func:`diff` and :func:`trace` for callers, and the
matching that the workspace uses to carry identity from one version to the next.
"""

from selectielijst._diff._compute import correspond, diff
from selectielijst._diff._match import Matching
from selectielijst._diff._trace import Trace, trace

__all__ = ["Matching", "Trace", "correspond", "diff", "trace"]
