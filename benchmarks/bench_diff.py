"""Benchmark: selectielijst.diff against a plain keyed comparison and DeepDiff.

Synthetic lists of 1,000, 10,000 and 100,000 categories; the second version
has about 5% reworded, 2% renumbered, 1% moved, 1% revalued, 1% added and 1%
withdrawn. For each size it prints the time of

- diff: ``selectielijst.diff(old, new)``, the whole semantic diff;
- floor: the same records compared keyed by display number (a dict lookup and
  ``==`` per record), which finds that something differs but not what;
- baseline: ``DeepDiff(old, new, group_by="id")`` on the same records as dicts,

and the ratios. All three run in this process, one after the other, so the
ratios hold on a noisy machine where the times do not.

Run: ``python benchmarks/bench_diff.py [--sizes 1000,10000,100000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import itertools
import random

import attrs
from _timing import timed
from deepdiff import DeepDiff

from selectielijst import Category, Duration, Section, SelectionList, Status, Term, Valuation, diff
from selectielijst._model._text import number_key  # cleared before each run: no warm cache
from selectielijst.model import ValuationKind, VersionInfo
from selectielijst.snapshots import make_converter

VERBS = [
    "beheren",
    "registreren",
    "verlenen",
    "vaststellen",
    "behandelen",
    "afhandelen",
    "opstellen",
    "verstrekken",
    "beoordelen",
    "toetsen",
    "adviseren",
    "controleren",
    "inspecteren",
    "innen",
    "uitvoeren",
    "evalueren",
]
_SYLLABLES = [
    "ver",
    "be",
    "ge",
    "ont",
    "aan",
    "uit",
    "over",
    "on",
    "in",
    "te",
    "na",
    "bij",
    "wet",
    "ring",
    "heid",
    "schap",
    "ning",
    "sel",
    "aar",
    "lijk",
]
PER_SECTION = 100


def _vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    """Made-up nouns, as many as a long list uses: real lists name many different things."""
    return ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)]


_WORDS = _vocabulary(random.Random(0))


def _name(rng: random.Random) -> str:
    nouns = (
        _WORDS[min(int(rng.paretovariate(1.0) * 20), len(_WORDS)) - 1]
        for _ in range(rng.randint(2, 5))
    )
    return f"Het {rng.choice(VERBS)} van " + " en ".join(nouns)


def _valuation(rng: random.Random) -> Valuation:
    if rng.random() < 0.3:
        return Valuation.keep(rng.randint(1, 6))
    return Valuation.destroy(Term(Duration(years=rng.choice((1, 2, 5, 7, 10, 20)))))


def make_list(size: int, seed: int = 1) -> SelectionList:
    """A version with *size* categories in sections of a hundred."""
    rng = random.Random(seed)
    sections = []
    for s in range(size // PER_SECTION):
        categories = tuple(
            Category(f"c{s}-{k}", f"{s + 1}.{k + 1}", _name(rng), _valuation(rng))
            for k in range(PER_SECTION)
        )
        sections.append(
            Section(f"s{s}", f"Domein {s + 1}", number=str(s + 1), categories=categories)
        )
    return SelectionList(
        "bench", "Benchmark", VersionInfo("1", Status.CONCEPT), sections=tuple(sections)
    )


def _revalued(valuation: Valuation | None) -> Valuation:
    if valuation is not None and valuation.kind is ValuationKind.KEEP:
        return Valuation.destroy(Term(Duration(years=3)))
    return Valuation.keep(1)


def evolve_list(old: SelectionList, seed: int = 2) -> SelectionList:
    """The next version: 5% reworded, 2% renumbered, 1% moved, revalued, added, withdrawn."""
    rng = random.Random(seed)
    sections = [list(s.categories) for s in old.sections]
    moved: list[tuple[int, Category]] = []
    for s, categories in enumerate(sections):
        kept = []
        for k, category in enumerate(categories):
            roll = rng.random()
            c = category
            if roll < 0.05:  # reworded
                words = c.name.split()
                words[rng.randrange(1, len(words))] = rng.choice(_WORDS)
                c = attrs.evolve(c, name=" ".join(words) + " en dergelijke")
            elif roll < 0.07:  # renumbered
                c = attrs.evolve(c, number=f"{s + 1}.{k + 1}.r")
            elif roll < 0.08:  # moved to the next section
                moved.append(
                    ((s + 1) % len(sections), attrs.evolve(c, number=f"{s + 1}.{k + 1}.m"))
                )
                continue
            elif roll < 0.09:  # revalued
                c = attrs.evolve(c, valuation=_revalued(c.valuation))
            elif roll < 0.10:  # withdrawn
                continue
            kept.append(c)
            if rng.random() < 0.01:  # added
                kept.append(
                    Category(f"n{s}-{k}", f"{s + 1}.{k + 1}.n", _name(rng), _valuation(rng))
                )
        sections[s] = kept
    for target, c in moved:
        sections[target].append(c)
    new_sections = tuple(
        attrs.evolve(section, categories=tuple(categories))
        for section, categories in zip(old.sections, sections, strict=True)
    )
    return attrs.evolve(old, version=VersionInfo("2", Status.CONCEPT), sections=new_sections)


def floor(old: SelectionList, new: SelectionList) -> set[str]:
    """The plainest comparison: records keyed by number, compared with ==."""
    before = {c.number: c for _, c in old.categories()}
    after = {c.number: c for _, c in new.categories()}
    return {
        number for number in before.keys() | after.keys() if before.get(number) != after.get(number)
    }


def measure(size: int, repeat: int) -> tuple[float, float, float, int]:
    """Times of diff, the floor and the DeepDiff baseline for one size, and the change count."""
    old = make_list(size)
    new = evolve_list(old)
    converter = make_converter()
    old_dicts = [converter.unstructure(c) for _, c in old.categories()]
    new_dicts = [converter.unstructure(c) for _, c in new.categories()]

    def semantic() -> None:
        number_key.cache_clear()  # no warm cache from an earlier run
        diff(old, new)

    diff_time = timed(semantic, repeat)
    floor_time = timed(lambda: floor(old, new), repeat)
    deep_repeat = 1 if size > 10_000 else repeat
    deep_time = timed(lambda: DeepDiff(old_dicts, new_dicts, group_by="id"), deep_repeat)
    return diff_time, floor_time, deep_time, len(diff(old, new))


def main() -> None:
    """Print the times and ratios for each size."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    header = ("size", "diff", "floor", "deepdiff", "deepdiff/diff", "diff/floor", "changes")
    print("{:>8} {:>9} {:>9} {:>9} {:>14} {:>11} {:>8}".format(*header))
    diff_times = {}
    for size in (int(s) for s in args.sizes.split(",")):
        diff_time, floor_time, deep_time, changes = measure(size, args.repeat)
        diff_times[size] = diff_time
        print(
            f"{size:>8} {diff_time:>8.3f}s {floor_time:>8.4f}s {deep_time:>8.3f}s"
            f" {deep_time / diff_time:>13.1f}x {diff_time / floor_time:>10.1f}x {changes}"
        )
    for small, large in itertools.pairwise(sorted(diff_times)):
        growth = diff_times[large] / diff_times[small]
        print(f"diff({large}) / diff({small}) = {growth:.1f}x for {large // small}x the size")


if __name__ == "__main__":
    main()
