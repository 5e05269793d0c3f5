"""Trace the memory a large edition keeps and peaks at, against ``json.loads`` of its file.

Run by ``run.py`` with the scratch environment's interpreter; prints one JSON object mapping each
measurement to its samples, in bytes. Each sample is taken in a process of its own, after a small
edition has been loaded once there, so that neither imports nor the converter's generated hooks
are counted: only what the data itself costs. Python's ``tracemalloc`` counts the bytes that
objects allocate, which a machine's other load does not disturb.

    python benchmarks/memory.py --factor 1000 --rounds 3
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from scale import write_scaled

#: What one process measures: ``json`` for the file's dicts, ``edition`` for the loaded edition.
_PROBE = """
import gc, json, sys, tracemalloc
from pathlib import Path
import bluebook_data as bb

warm, folder, what = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
bb.load(warm)
raw = (folder / "annotations.json").read_bytes()
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
if what == "json":
    kept = json.loads(raw)
else:
    kept = bb.load(folder, max_bytes=len(raw) + 1)
gc.collect()
current, peak = tracemalloc.get_traced_memory()
print(json.dumps([current - before, peak - before]))
"""


def _traced(python: str, warm: Path, folder: Path, what: str) -> tuple[float, float]:
    found = subprocess.run(
        [python, "-c", _PROBE, str(warm), str(folder), what],
        capture_output=True,
        text=True,
        check=True,
    )
    kept, peak = json.loads(found.stdout)
    return float(kept), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    factor = options.factor
    samples: dict[str, list[float]] = {
        f"kept by json.loads, {factor}x": [],
        f"kept by the loaded edition, {factor}x": [],
        f"peak while loading, {factor}x": [],
    }
    with tempfile.TemporaryDirectory() as scratch:
        warm, folder = Path(scratch) / "warm", Path(scratch) / f"x{factor}"
        write_scaled(warm, 1)
        write_scaled(folder, factor)
        for _ in range(options.rounds):  # the two side by side, each round
            kept_json, _ = _traced(sys.executable, warm, folder, "json")
            kept_edition, peak = _traced(sys.executable, warm, folder, "edition")
            samples[f"kept by json.loads, {factor}x"].append(kept_json)
            samples[f"kept by the loaded edition, {factor}x"].append(kept_edition)
            samples[f"peak while loading, {factor}x"].append(peak)
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()
