"""Finding categories by what they are about: a ranked text search."""

from __future__ import annotations

import attrs

from selectielijst._model._records import Category, SelectionList

__all__ = ["CONTAINED", "Hit", "search"]

CONTAINED = 75.0
"""The score of a text that holds every word of the query, inside longer words or not."""


@attrs.frozen
class Hit:
    """A category found by a search, with how well it matched (0 to 100)."""

    category: Category
    section: str
    score: float


def search(
    selection_list: SelectionList, query: str, *, limit: int = 10, cutoff: float = 70
) -> tuple[Hit, ...]:
    """Categories whose name, description or explanation match *query*, best first.

    Matching forgives word order, case, accents in typography and small typing
    errors, and finds words inside longer ones (``paspoort`` in ``Paspoortwet``);
    each category scores by its best-matching field.

    >>> from selectielijst import load
    >>> [hit.category.number for hit in search(load("voorbeeld", "2.1"), "personeelsdossier")][:2]
    ['2.1', '2.2']
    """
    if not query.strip():
        return ()
    from rapidfuzz import fuzz, process, utils  # noqa: PLC0415  # loaded when searched, not on import

    entries = [
        (section.id, category, text)
        for section, category in selection_list.categories()
        for text in (category.name, category.description, category.explanation, *category.examples)
        if text
    ]
    best: dict[str, Hit] = {}
    results = process.extract(
        query,
        [text for _, _, text in entries],
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=cutoff,
        limit=None,
    )
    scores = {index: score for _, score, index in results}
    # A query whose every word stands inside a longer text (paspoort in Paspoortwet)
    # matches too, however long the text around it.
    words = [word for word in utils.default_process(query).split() if len(word) >= 3]
    for index, (_, _, text) in enumerate(entries):
        if words and index not in scores:
            processed = utils.default_process(text)
            if all(word in processed for word in words):
                scores[index] = CONTAINED
    for index, score in scores.items():
        section, category, _ = entries[index]
        if category.id not in best or best[category.id].score < score:
            best[category.id] = Hit(category, section, score)
    order = {
        category.id: position for position, (_, category) in enumerate(selection_list.categories())
    }
    ranked = sorted(best.values(), key=lambda hit: (-hit.score, order[hit.category.id]))
    return tuple(ranked[:limit])
