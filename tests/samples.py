"""Texts the tests share: a valid snapshot to damage or change."""

from __future__ import annotations

import textwrap

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
