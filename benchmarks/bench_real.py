"""Benchmark: reading, writing, rendering and the command line on lists of real shape.

For lists of 1,000, 10,000 and 100,000 categories, of real shape (texts as long
and varied as a real list's, see ``_shapes.py``) and of the synthetic shape of
``bench_diff.py``, it prints each step against a reference run on the same
data, first (cold) and repeated:

- read: ``selectielijst.read`` against PyYAML's ``CSafeLoader`` (target 2x);
- write: ``selectielijst.write`` against PyYAML's ``CDumper`` (target 1.5x);
- render md / html / text: against one f-string per change (target 10x);
- docx / xlsx: against the Markdown render of the same change set (target 30x),
  and their time per change at each size (linear: the same at every size);
- cli diff: ``selectielijst diff OLD NEW --format json`` as a user runs it,
  against a script that only parses both files with ``CSafeLoader`` (target 2x).

*Cold* is the first run in a fresh process, for read and write (no cache
warm, the modules just imported; the import itself is not timed; the best
of three such processes, ours and the reference's in turn), and the
first render of a change set just computed (its word differences not yet
worked out). *Repeat* is the best of several runs in one process. References
run the same way, in the same process or a fresh one of their own, so the
ratios hold on a noisy, shared machine where the times do not.

Run: ``python benchmarks/bench_real.py [--sizes 1000,10000,100000] [--shapes real,synthetic]``
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import yaml
from _timing import timed, timed_first, timed_in_turn

from selectielijst import SelectionList, diff, read, render, render_bytes, write

HERE = Path(__file__).resolve().parent

COLD_ROUNDS = 3
"""Fresh processes for each cold read and write, ours and the reference's in turn: one run
alone is at the mercy of whatever else the machine does in that second."""

FIRST_ROUNDS = 5
"""First renders, each of a change set made afresh with nothing known from earlier runs (see
``timed_first``); the best counts. A first render makes its memory anew (the word
differences, the concordance's order), and on a virtual machine a page of new memory costs
what the kernel has to spare that moment: the first renders of one 100,000-category change
set took 10x to 16x the reference."""

CLI_ROUNDS = 5
"""Runs of the command line and of the reference script, in turn; the best of each counts."""

TARGETS = {"read": 2.0, "write": 1.5, "render": 10.0, "word/xlsx": 30.0, "cli diff": 2.0}


def lists(kind: str, size: int) -> tuple[SelectionList, SelectionList]:
    """Two versions of one list: of real shape, or synthetic.

    The generators load here, not with this script: a cold run (:func:`one`)
    is a fresh process with the library and PyYAML only, not their word models.
    """
    from _shapes import CRITERIA, evolve_real, real_list  # noqa: PLC0415  # see above
    from bench_diff import evolve_list, make_list  # noqa: PLC0415  # likewise

    if kind == "real":
        old = real_list(size)
        return old, evolve_real(old)
    old = attrs.evolve(make_list(size), criteria=CRITERIA)
    return old, attrs.evolve(evolve_list(old), criteria=CRITERIA)


def cold(step: str, path: Path) -> float:
    """Seconds of *step* run once in a fresh process (see :func:`one`), its imports untimed."""
    done = subprocess.run(  # noqa: S603  # this Python, this script
        [sys.executable, str(Path(__file__)), "--one", step, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE,
    )
    return float(done.stdout.strip())


def one(step: str, path: Path) -> float:
    """Run *step* once on *path* and give its seconds: what :func:`cold` runs in a fresh process.

    Each writer writes a new file of its own, as a new version is: ``write``
    over a file of other content would first read that file, to refuse
    overwriting a published version.
    """
    target = path.with_suffix(f".{step.replace(' ', '-')}.yaml")
    target.unlink(missing_ok=True)
    if step == "read":
        start = time.perf_counter()
        read(path)
    elif step == "read reference":
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        yaml.load(text, Loader=yaml.CSafeLoader)  # the C safe loader
    elif step == "write":
        selection_list = read(path)
        start = time.perf_counter()
        write(selection_list, target)
    else:  # write reference
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # likewise
        start = time.perf_counter()
        target.write_text(_dumped(data), encoding="utf-8")
    return time.perf_counter() - start


def _dumped(data: object) -> str:
    dumped = yaml.dump(data, Dumper=yaml.CDumper, allow_unicode=True, sort_keys=False, width=10**6)
    return str(dumped)


def wall(command: list[str]) -> float:
    """Seconds a command takes, start to end, as a user waits for it.

    With its modules' bytecode, as an installed package has it (this machine
    sets ``PYTHONDONTWRITEBYTECODE``, which makes every run compile them anew).
    """
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, cwd=HERE, env=environ)  # noqa: S603  # ours
    return time.perf_counter() - start


Row = tuple[str, str, float, float, float]
"""(step, run, ours, reference, target); a target of 0 is no target."""


def measure(kind: str, size: int, repeat: int, folder: Path) -> tuple[list[Row], dict[str, float]]:
    """The rows of one shape and size, and the Word and XLSX time per change."""
    old, new = lists(kind, size)
    old_path, new_path = folder / f"{kind}-{size}-old.yaml", folder / f"{kind}-{size}-new.yaml"
    write(old, old_path)
    write(new, new_path)
    text = old_path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)  # the C safe loader
    target = folder / "written.yaml"  # each writer its own file: see one()
    reference_target = folder / "written-reference.yaml"
    rows: list[Row] = []
    for step in ("read", "write"):
        ours = reference = float("inf")
        for _ in range(COLD_ROUNDS):  # in turn, each run in a fresh process: the best of each
            ours = min(ours, cold(step, old_path))
            reference = min(reference, cold(f"{step} reference", old_path))
        rows.append((step, "cold", ours, reference, TARGETS[step]))
    best = timed_in_turn(
        {
            "read": lambda: read(old_path),
            "read reference": lambda: yaml.load(text, Loader=yaml.CSafeLoader),
            "write": lambda: write(old, target),
            "write reference": lambda: reference_target.write_text(_dumped(data), encoding="utf-8"),
        },
        rounds=repeat,
    )
    rows.append(("read", "repeat", best["read"], best["read reference"], TARGETS["read"]))
    rows.append(("write", "repeat", best["write"], best["write reference"], TARGETS["write"]))
    rows.extend(_renders(old, new, repeat))
    per_change = {}
    changes = diff(old, new)
    markdown = timed(lambda: render(changes, "markdown"), repeat)
    import docx  # noqa: F401, PLC0415  # the writers' libraries: their import is not timed
    import xlsxwriter  # noqa: F401, PLC0415  # likewise

    for name in ("docx", "xlsx"):
        made = functools.partial(diff, old, new)  # word differences not yet worked out
        written = functools.partial(render_bytes, format=name)
        first = min(timed_first(made, written) for _ in range(FIRST_ROUNDS))
        again = timed(functools.partial(render_bytes, changes, name), max(1, repeat - 1))
        rows.append((name, "first", first, markdown, TARGETS["word/xlsx"]))
        rows.append((name, "repeat", again, markdown, TARGETS["word/xlsx"]))
        per_change[name] = again / max(len(changes), 1)
    rows.append(_cli(old_path, new_path, folder))
    rows.append(("(changes)", "", float(len(changes)), 1.0, 0.0))
    return rows, per_change


def _renders(old: SelectionList, new: SelectionList, repeat: int) -> list[Row]:
    """Markdown, HTML and text, first and repeated, against one f-string per change."""
    changes = diff(old, new)

    def floor() -> str:
        return "\n".join(
            f"- {c.number} {c.name}: {c.kind.value} {c.before} -> {c.after}" for c in changes
        )

    formats = ("markdown", "html", "text")
    rounds = max(repeat, 7)  # a render is short: more rounds, less noise
    works: dict[str, Callable[[], object]] = {"floor": floor}
    works |= {name: functools.partial(render, changes, name) for name in formats}
    best = timed_in_turn(works, rounds=rounds)
    rows: list[Row] = []
    for name in formats:
        made = functools.partial(diff, old, new)  # word differences not yet worked out
        written = functools.partial(render, format=name)
        first = min(timed_first(made, written) for _ in range(FIRST_ROUNDS))
        rows.append((f"render {name}", "first", first, best["floor"], TARGETS["render"]))
        rows.append((f"render {name}", "repeat", best[name], best["floor"], TARGETS["render"]))
    return rows


def _cli(old_path: Path, new_path: Path, folder: Path) -> Row:
    """The command line's diff, as a user runs it, against parsing both files in a script."""
    output = folder / "changes.json"
    ours = [sys.executable, "-m", "selectielijst", "diff", str(old_path), str(new_path),
            "--format", "json", "-o", str(output)]  # fmt: skip
    parse = (
        "import sys, yaml\n"
        "for path in sys.argv[1:]:\n"
        "    yaml.load(open(path, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
    )
    reference = [sys.executable, "-c", parse, str(old_path), str(new_path)]
    wall(ours)  # the first run writes the bytecode
    best_ours = best_reference = float("inf")
    for _ in range(CLI_ROUNDS):  # in turn: a busy spell falls on both alike
        best_ours = min(best_ours, wall(ours))
        best_reference = min(best_reference, wall(reference))
    return ("cli diff", "cold", best_ours, best_reference, TARGETS["cli diff"])


def main() -> None:
    """Print the times and ratios for each shape and size."""
    if len(sys.argv) == 4 and sys.argv[1] == "--one":  # a run for cold()
        print(one(sys.argv[2], Path(sys.argv[3])))  # read by cold()
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--shapes", default="real,synthetic")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'shape':<9} {'size':>7} {'step':<16} {'run':<6} {'ours':>9} {'reference':>10}"
          f" {'ratio':>7} {'target':>7}")  # fmt: skip
    from _shapes import shape  # noqa: PLC0415  # see lists()

    growth: dict[tuple[str, str], dict[int, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.shapes.split(","):
            print(f"# {kind}: {shape(lists(kind, 1000)[0], real=kind == 'real')}")
            for size in sizes:
                repeat = 1 if size >= 100_000 else args.repeat
                rows, per_change = measure(kind, size, repeat, Path(folder))
                for name, seconds in per_change.items():
                    growth.setdefault((kind, name), {})[size] = seconds
                for step, run, ours, reference, goal in rows:
                    if step == "(changes)":
                        print(f"{kind:<9} {size:>7} {'changes':<16} {'':<6} {int(ours):>9}")
                        continue
                    ratio = ours / reference
                    verdict = "ok" if ratio <= goal else "OVER"
                    print(
                        f"{kind:<9} {size:>7} {step:<16} {run:<6} {ours:>8.3f}s"
                        f" {reference:>9.3f}s {ratio:>6.2f}x {goal:>5.1f}x {verdict}"
                    )
    for (kind, name), by_size in growth.items():
        smallest = min(by_size)
        said = ", ".join(
            f"{size}: {seconds * 1e6:.0f} us ({seconds / by_size[smallest]:.2f}x)"
            for size, seconds in sorted(by_size.items())
        )
        print(f"# {name} per change, {kind}: {said}")  # linear: about 1x at every size
    print(json.dumps({"note": "ratios against references run on this machine at the same time"}))


if __name__ == "__main__":
    main()
