"""What the tests share: a valid snapshot to damage or change, and a way to change a list."""

from __future__ import annotations

import textwrap
from typing import Any

import attrs

from selectielijst import SelectionList

GOOD = textwrap.dedent(
    """\
    format: selectielijst/1
    list: voorbeeld
    title: Voorbeeld
    version:
      label: '1.0'
      status: concept
    criteria:
      - number: 1
        text: Beleid
    sections:
      - id: algemeen
        title: Algemeen
        categories:
          - id: beleid
            number: '1.1'
            name: Het maken van beleid
            valuation:
              keep: [1]
          - id: post
            number: '1.2'
            name: Het registreren van post
            valuation:
              destroy: P1Y
    """
)


def with_category(selection_list: SelectionList, number: str, **changes: Any) -> SelectionList:
    """*selection_list* with the category numbered *number* changed by *changes*."""
    category = selection_list.category(number)
    changed = attrs.evolve(category, **changes)
    sections = tuple(
        attrs.evolve(
            section,
            categories=tuple(changed if c.id == category.id else c for c in section.categories),
        )
        for section in selection_list.sections
    )
    return attrs.evolve(selection_list, sections=sections)
