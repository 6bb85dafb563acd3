"""Benchmark: reading, writing, diffing end to end and rendering, against plain references.

For lists of 1,000, 10,000 and 100,000 categories (the synthetic lists of
``bench_diff.py``, with criteria), it prints, each against a reference run in
this process on the same data:

- read: ``selectielijst.read`` against PyYAML's ``CSafeLoader`` (target 2x, goal 1.5x);
- write: ``selectielijst.write`` against PyYAML's ``CDumper`` (target 3x);
- diff end to end: reading two versions, diffing and writing the JSON change
  set, against a script that only parses both with ``CSafeLoader`` (target 3x);
- render: Markdown, HTML and text of the change set against one f-string per
  change (target 10x). The reference and the three renders run in turn, and
  each takes its best of at least seven rounds: timed in a loop of its own,
  the reference ran warmer than the renders and its time moved by half
  between runs. Without a target, the first render of a new change set, which
  also works out the word differences of its changed texts.

Run: ``python benchmarks/bench_io.py [--sizes 1000,10000,100000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import functools
import json
import tempfile
from pathlib import Path

import attrs
import yaml
from _timing import timed, timed_first, timed_in_turn
from bench_diff import evolve_list, make_list

from selectielijst import SelectionList, diff, read, render, write
from selectielijst.model import Criterion

CRITERIA = tuple(Criterion(number, f"Criterium {number} (benchmark)") for number in range(1, 7))


def with_criteria(selection_list: SelectionList) -> SelectionList:
    """The list with the criteria its B valuations name, so that it can be written."""
    return attrs.evolve(selection_list, criteria=CRITERIA)


def _parse(text: str) -> object:
    """The reference reader: PyYAML's C safe loader."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def measure(size: int, repeat: int, folder: Path) -> list[tuple[str, float, float, float]]:
    """(step, ours, reference, target) for one size."""
    old = with_criteria(make_list(size))
    new = with_criteria(evolve_list(old))
    old_path, new_path = folder / f"old-{size}.yaml", folder / f"new-{size}.yaml"
    write(old, old_path)
    write(new, new_path)
    old_text = old_path.read_text(encoding="utf-8")
    data = _parse(old_text)
    target = folder / f"written-{size}.yaml"

    def reference_write() -> None:
        yaml.dump(data, Dumper=yaml.CDumper, allow_unicode=True, sort_keys=False, width=10**6)

    def end_to_end() -> None:
        render(diff(read(old_path), read(new_path)), "json")

    def parse_both() -> None:
        for path in (old_path, new_path):
            _parse(path.read_text(encoding="utf-8"))

    rows = [
        (
            "read",
            timed(lambda: read(old_path), repeat),
            timed(lambda: _parse(old_text), repeat),
            2.0,
        ),
        ("write", timed(lambda: write(old, target), repeat), timed(reference_write, repeat), 3.0),
        ("diff end to end", timed(end_to_end, repeat), timed(parse_both, repeat), 3.0),
    ]
    changes = diff(old, new)

    def one_line_each() -> str:
        return "\n".join(
            f"- {c.number} {c.name}: {c.kind.value} {c.before} -> {c.after}" for c in changes
        )

    formats = ("markdown", "html", "text")
    best = timed_in_turn(
        {
            "floor": one_line_each,
            **{name: functools.partial(render, changes, name) for name in formats},
        },
        rounds=max(repeat, 7),  # a render is short: more rounds, less noise
    )
    floor = best["floor"]
    first = timed_first(
        functools.partial(diff, old, new), functools.partial(render, format="markdown")
    )
    rows.append(("render md, first", first, floor, 0.0))
    rows.extend((f"render {name}", best[name], floor, 10.0) for name in formats)
    rows.append(("(changes)", float(len(changes)), 1.0, 0.0))
    return rows


def main() -> None:
    """Print the times and ratios for each size."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'size':>8} {'step':<16} {'ours':>9} {'reference':>10} {'ratio':>7} {'target':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            repeat = 1 if size >= 100_000 else args.repeat
            for step, ours, reference, goal in measure(size, repeat, Path(folder)):
                if step == "(changes)":
                    print(f"{size:>8} {'changes':<16} {int(ours):>9}")
                    continue
                ratio = ours / reference
                verdict = "ok" if ratio <= goal else "OVER"
                if not goal:
                    verdict = "(no target)"
                print(
                    f"{size:>8} {step:<16} {ours:>8.3f}s {reference:>9.3f}s"
                    f" {ratio:>6.2f}x {goal:>5.1f}x {verdict}"
                )
    print(json.dumps({"note": "ratios against references run in this process"}))


if __name__ == "__main__":
    main()
