"""``python -m selectielijst._i18n``: bring the catalogs and ``docs/errors.md`` up to date."""

from selectielijst._i18n._maintain import main

main()
