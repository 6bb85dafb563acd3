"""Matching the categories of two versions, in stages from certain to likely.

1. the same stable id, where the ids are identities (see :func:`ids_trusted`);
2. identical content under another number or in another section;
3. among what is left, similar content or the same display number with
   compatible content, taken together: each category is linked to its most
   similar counterpart (and to the one with its number, if compatible), and
   each group of linked categories is one category reworded (one to one), split
   (one to many) or merged (many to one).

Stage 3 compares a category only with those sharing a significant word that
few categories use, and with the one holding its number, so its cost grows
close to linearly with the list. Every rule is symmetric: matching the new
version against the old pairs the same categories.
"""

from __future__ import annotations

import functools
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import count, repeat
from typing import NamedTuple

import attrs

from selectielijst._model import Category, IdSource, SelectionList, normalise

__all__ = ["Matching", "Placed", "Side", "ids_trusted", "match"]

COMPATIBLE = 0.5
"""Stage 3: under one display number, content at least this similar is linked."""
SIMILAR = 0.8
"""Stage 3: content at least this similar is one category reworded, split or merged."""
MAX_SHARED_BY = 50
"""Stage 3 ignores words that more categories than this use: they say nothing."""
CANDIDATES = 20
"""Stage 3 scores at most this many candidates per category."""
_STOPWORDS = frozenset(
    {
        "deze", "door", "onder", "over", "naar", "voor", "zijn", "worden", "wordt", "alle",
        "andere", "haar", "hebben", "heeft", "tussen", "zoals", "waarbij", "welke", "with", "from",
    }
)  # fmt: skip


class Placed(NamedTuple):
    """A category with the section it stands in and its place in the document.

    A named tuple, not a record: a diff makes one per category, and these are cheap.
    """

    section: str
    category: Category
    position: int


@attrs.frozen
class Side:
    """One version's categories in document order, with the id of the section of each.

    Two parallel lists, not a record per category: a diff of a hundred
    thousand categories makes a record only for those that changed.
    """

    categories: list[Category]
    sections: list[str]

    @classmethod
    def of(cls, selection_list: SelectionList) -> Side:
        """The categories of *selection_list* and their sections."""
        categories: list[Category] = []
        sections: list[str] = []
        for section in selection_list.walk():
            categories.extend(section.categories)
            sections.extend(repeat(section.id, len(section.categories)))
        return cls(categories, sections)

    def placed(self, position: int) -> Placed:
        """The category at *position*, with its section."""
        return Placed(self.sections[position], self.categories[position], position)

    def all_placed(self) -> list[Placed]:
        """Every category, with its section."""
        return [self.placed(position) for position in range(len(self.categories))]


@attrs.frozen
class Matching:
    """How the categories of two versions correspond.

    Attributes:
        pairs: The positions of each old and new category that are one, in
            the new version's order.
    """

    old: Side
    new: Side
    pairs: tuple[tuple[int, int], ...]
    splits: tuple[tuple[Placed, tuple[Placed, ...]], ...]
    merges: tuple[tuple[tuple[Placed, ...], Placed], ...]
    removed: tuple[Placed, ...]
    added: tuple[Placed, ...]

    def placed_pairs(self) -> Iterator[tuple[Placed, Placed]]:
        """Each pair as the placed old and new category."""
        for o, n in self.pairs:
            yield self.old.placed(o), self.new.placed(n)


def _content(category: Category) -> tuple[object, ...]:
    return (
        category.name,
        category.result,
        category.description,
        category.explanation,
        category.examples,
        category.valuation,
        category.status,
        category.successors,
        category.origin,
        category.tasks,
    )


def _text(category: Category) -> str:
    return normalise(f"{category.label} {category.description or ''}")


def _words(text: str) -> frozenset[str]:
    return frozenset(
        word.strip(".,;:()'\"")
        for word in text.split()
        if len(word) >= 4 and word not in _STOPWORDS
    )


def similarity(old: Category, new: Category) -> float:
    """How alike two categories' names and descriptions are, from 0 to 1.

    The larger of two measures: the share of the shorter text's significant
    words found in the other (a part split off keeps the words of the whole),
    and the edit similarity of the two texts.
    """
    old_text, new_text = _text(old), _text(new)
    return _similarity(old_text, _words(old_text), new_text, _words(new_text))


Ratio = Callable[..., float]
"""rapidfuzz's edit similarity: ``ratio(a, b, score_cutoff=...)`` from 0 to 100."""


@functools.cache
def _ratio() -> Ratio:
    """Rapidfuzz's ratio, loaded when a diff first needs it, not on import."""
    from rapidfuzz import fuzz  # noqa: PLC0415  # see above

    ratio: Ratio = fuzz.ratio
    return ratio


def _similarity(
    old_text: str,
    old_words: frozenset[str],
    new_text: str,
    new_words: frozenset[str],
    cutoff: float = 0.0,
) -> float:
    """The similarity of two prepared texts; below *cutoff* it may return 0 early."""
    containment = 0.0
    if old_words and new_words:
        containment = len(old_words & new_words) / min(len(old_words), len(new_words))
    ratio = _ratio()(old_text, new_text, score_cutoff=max(cutoff, containment) * 100) / 100
    return max(containment, ratio)


def ids_trusted(old: SelectionList, new: SelectionList) -> bool:
    """Whether the same id in *old* and *new* means the same category.

    Ids made from numbers mean nothing across versions, except to a version
    whose ids were linked to them on import; declared and linked ids are
    identities.
    """
    sources = {old.ids, new.ids}
    return IdSource.NUMBERS not in sources or IdSource.LINKED in sources


_ID = operator.attrgetter("id")


def match(old: Side, new: Side, *, by_id: bool = True) -> Matching:
    """Match the categories of *old* with those of *new*; by id first if *by_id*."""
    pairs: list[tuple[int, int]] = []
    if by_id:
        new_by_id = dict(zip(map(_ID, new.categories), count(), strict=False))
        left_old = []
        for position, key in enumerate(map(_ID, old.categories)):
            found_at = new_by_id.pop(key, None)
            if found_at is None:
                left_old.append(old.placed(position))
            else:
                pairs.append((position, found_at))
        left_new = [new.placed(position) for position in sorted(new_by_id.values())]
    else:
        left_old, left_new = old.all_placed(), new.all_placed()

    found = _by_content(left_old, left_new)
    pairs.extend((o.position, n.position) for o, n in found)
    taken_old = {o.position for o, _ in found}
    taken_new = {n.position for _, n in found}
    left_old = [o for o in left_old if o.position not in taken_old]
    left_new = [n for n in left_new if n.position not in taken_new]

    similar = _by_similarity(left_old, left_new)
    if found or similar.pairs:
        pairs.extend((o.position, n.position) for o, n in similar.pairs)
        pairs.sort(key=_new_position)
    return Matching(
        old, new, tuple(pairs), similar.splits, similar.merges, similar.removed, similar.added
    )


def _new_position(pair: tuple[int, int]) -> int:
    return pair[1]


@attrs.frozen
class _Groups:
    """What the similarity stage found among the categories left."""

    pairs: tuple[tuple[Placed, Placed], ...]
    splits: tuple[tuple[Placed, tuple[Placed, ...]], ...]
    merges: tuple[tuple[tuple[Placed, ...], Placed], ...]
    removed: tuple[Placed, ...]
    added: tuple[Placed, ...]


def _by_number(old: Sequence[Placed], new: Sequence[Placed]) -> list[tuple[Placed, Placed]]:
    old_by_number = {o.category.number: o for o in old}
    found = []
    for n in new:
        o = old_by_number.get(n.category.number)
        if o is not None and similarity(o.category, n.category) >= COMPATIBLE:
            found.append((o, n))
    return found


def _by_content(old: Sequence[Placed], new: Sequence[Placed]) -> list[tuple[Placed, Placed]]:
    waiting: dict[tuple[object, ...], list[Placed]] = defaultdict(list)
    for o in old:
        waiting[_content(o.category)].append(o)
    found = []
    for n in new:
        queue = waiting.get(_content(n.category))
        if queue:
            found.append((queue.pop(0), n))
    return found


def _by_similarity(old: Sequence[Placed], new: Sequence[Placed]) -> _Groups:
    texts = {id(p): _text(p.category) for p in (*old, *new)}
    words = {key: _words(text) for key, text in texts.items()}
    frequency = Counter(word for p in (*old, *new) for word in words[id(p)])

    def index(side: Sequence[Placed]) -> dict[str, list[Placed]]:
        by_word: dict[str, list[Placed]] = defaultdict(list)
        for p in side:
            for word in words[id(p)]:
                if frequency[word] <= MAX_SHARED_BY:
                    by_word[word].append(p)
        return by_word

    scores: dict[tuple[int, int], float] = {}  # by old and new position: each pair scored once

    def alike(o: Placed, n: Placed) -> float:
        key = (o.position, n.position)
        found = scores.get(key)
        if found is None:
            found = _similarity(texts[id(o)], words[id(o)], texts[id(n)], words[id(n)], SIMILAR)
            scores[key] = found
        return found

    def best(
        p: Placed, by_word: dict[str, list[Placed]], new_side: bool
    ) -> tuple[Placed, float] | None:
        shared = Counter(id(q) for word in words[id(p)] for q in by_word.get(word, ()))
        objects = {id(q): q for word in words[id(p)] for q in by_word.get(word, ())}
        ranked = sorted(shared, key=lambda key: (-shared[key], objects[key].position))[:CANDIDATES]
        scored = []
        for key in ranked:
            q = objects[key]
            found = alike(q, p) if new_side else alike(p, q)
            if found >= SIMILAR:
                scored.append((-found, q.position, q))
        if not scored:
            return None
        negated, _, q = min(scored, key=lambda s: (s[0], s[1]))
        return q, -negated

    old_index, new_index = index(old), index(new)
    edges = [(o, n, COMPATIBLE) for o, n in _by_number(old, new)]
    edges.extend(
        (o, found[0], found[1])
        for o in old
        if (found := best(o, new_index, new_side=False)) is not None
    )
    edges.extend(
        (found[0], n, found[1])
        for n in new
        if (found := best(n, old_index, new_side=True)) is not None
    )
    return _components(old, new, edges)


Edge = tuple[Placed, Placed, float]
"""An old and a new category that may be one, and how alike they are."""


def _components(old: Sequence[Placed], new: Sequence[Placed], edges: Sequence[Edge]) -> _Groups:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(key: tuple[str, int]) -> tuple[str, int]:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for o, n, _ in edges:
        a, b = root(("old", o.position)), root(("new", n.position))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], tuple[list[Placed], list[Placed]]] = defaultdict(lambda: ([], []))
    for o in old:
        groups[root(("old", o.position))][0].append(o)
    for n in new:
        groups[root(("new", n.position))][1].append(n)
    links: dict[tuple[str, int], list[Edge]] = defaultdict(list)
    for edge in edges:
        links[root(("old", edge[0].position))].append(edge)

    pairs: list[tuple[Placed, Placed]] = []
    splits: list[tuple[Placed, tuple[Placed, ...]]] = []
    merges: list[tuple[tuple[Placed, ...], Placed]] = []
    removed: list[Placed] = []
    added: list[Placed] = []
    for key, (olds, news) in groups.items():
        if len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
        elif len(olds) == 1 and news:
            splits.append((olds[0], tuple(news)))
        elif len(news) == 1 and olds:
            merges.append((tuple(olds), news[0]))
        else:
            matched = _greedy(links[key])
            pairs.extend(matched)
            paired_old = {o.position for o, _ in matched}
            paired_new = {n.position for _, n in matched}
            removed.extend(o for o in olds if o.position not in paired_old)
            added.extend(n for n in news if n.position not in paired_new)
    return _Groups(
        pairs=tuple(pairs),
        splits=tuple(sorted(splits, key=lambda s: s[0].position)),
        merges=tuple(sorted(merges, key=lambda m: m[1].position)),
        removed=tuple(sorted(removed, key=lambda p: p.position)),
        added=tuple(sorted(added, key=lambda p: p.position)),
    )


def _greedy(edges: Iterable[Edge]) -> list[tuple[Placed, Placed]]:
    """Pair a tangle of many old and many new categories along its links, most alike first."""
    ranked = sorted(set(edges), key=lambda e: (-e[2], e[0].position, e[1].position))
    used_old: set[int] = set()
    used_new: set[int] = set()
    found = []
    for o, n, _ in ranked:
        if o.position not in used_old and n.position not in used_new:
            used_old.add(o.position)
            used_new.add(n.position)
            found.append((o, n))
    return found
