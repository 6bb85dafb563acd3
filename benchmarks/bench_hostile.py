"""Benchmark: bounded work on hostile snapshots, against PyYAML's C loader on the same bytes.

Each case is a text an attacker or a broken tool could hand the reader. For
each, it prints the time ``selectielijst.loads`` takes to accept or refuse it,
as a ratio to ``yaml.load(text, CSafeLoader)`` (target: within 20x), and the
reader's peak memory as a multiple of the input's size (target: within 20x).

Run: ``python benchmarks/bench_hostile.py [--mib 1] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import tracemalloc
from collections.abc import Callable

import yaml
from _timing import timed

from selectielijst.errors import DocumentErrors
from selectielijst.snapshots import loads

HEAD = "format: selectielijst/2\nlist: x\ntitle: X\nversion: {label: '1', status: concept}\n"


def _numbers(size: int) -> str:
    return HEAD + "x: [" + ", ".join(["1"] * (size // 3)) + "]\n"


def _aliases(size: int) -> str:
    return HEAD + "a: &a " + "x" * 1000 + "\nb: [" + ", ".join(["*a"] * (size // 4)) + "]\n"


def _wrong_values(size: int) -> str:
    """Well-formed YAML, every category wrong: each problem is reported with its line."""
    entry = "  - {number: '%d', name: N, valuation: {kind: Q}}\n"
    count = size // len(entry % 100_000)
    rows = "".join(entry % n for n in range(count))
    return HEAD + "sections:\n- number: '1'\n  title: S\n  categories:\n" + rows


def _deep(size: int) -> str:
    depth = min(size // 2, 100_000)
    return HEAD + "x: " + "[" * depth + "]" * depth + "\n"


def _broken(size: int) -> str:
    """A syntax error at the very end of a long, otherwise fine text."""
    return _numbers(size) + "y: [unclosed\n"


CASES: dict[str, Callable[[int], str]] = {
    "x: [1, 1, ...]": _numbers,
    "aliases on a value": _aliases,
    "every category wrong": _wrong_values,
    "deep nesting": _deep,
    "syntax error at the end": _broken,
}


def _ours(text: str) -> None:
    with contextlib.suppress(DocumentErrors):
        loads(text)


def _reference(text: str) -> None:
    with contextlib.suppress(yaml.YAMLError, RecursionError):
        yaml.load(text, Loader=yaml.CSafeLoader)  # the C *safe* loader


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    """Print one line per case and size: time ratio and memory multiple."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", default="1,20", help="input sizes in MiB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print(f"{'case':<26} {'MiB':>4} {'ours s':>8} {'C s':>8} {'ratio':>6} {'memory':>7}")
    for mib in (float(size) for size in arguments.mib.split(",")):
        for name, make in CASES.items():
            text = make(int(mib * 1024 * 1024))
            ours = timed(functools.partial(_ours, text), arguments.repeat)
            reference = timed(functools.partial(_reference, text), arguments.repeat)
            memory = _peak(functools.partial(_ours, text)) / len(text.encode("utf-8"))
            print(
                f"{name:<26} {mib:>4g} {ours:>8.3f} {reference:>8.3f}"
                f" {ours / reference:>5.1f}x {memory:>6.1f}x"
            )


if __name__ == "__main__":
    main()
