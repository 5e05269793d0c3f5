"""Time and measure editions made of many renamed copies of the shipped records.

Run by ``run.py`` with the scratch environment's interpreter; prints one JSON object mapping each
measurement to its samples. An edition at factor N holds the shipped text's paragraphs N times
and N copies of every record, each copy citing its own paragraphs and naming its own copies of
the countries, people, topics and engagements, so that every check runs on every copy.

    python benchmarks/scale.py --factors 1 10 100 1000 --rounds 3

Times are the process's CPU time, which other programs on a shared machine do not stretch.
"""

from __future__ import annotations

import argparse
import copy
import gc
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import bluebook_data as bb
from bluebook_data._loading import resources

_SHIPPED = json.loads(resources.data_root().joinpath(resources.ANNOTATIONS_FILE).read_text("utf-8"))
_TEXT = resources.data_root().joinpath(resources.TEXT_FILE).read_text("utf-8")
_HEADING_LINES = _SHIPPED["structure"]["heading_lines"]
_KEYS = {  # the fields that name other records, by kind of record
    "people": ("country",),
    "topics": ("parent",),
    "engagements": ("countries", "hosts", "participants", "topics", "part_of"),
    "statements": ("countries", "topics", "engagements"),
}


def _renamed(value: Any, suffix: str) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return [f"{item}{suffix}" for item in value]
    return f"{value}{suffix}"


def _copy(records: dict[str, Any], number: int, shift: int) -> dict[str, Any]:
    """Return the records renamed with a suffix and their spans moved by ``shift``."""
    suffix = "" if number == 0 else f"~{number}"
    copied = copy.deepcopy(records)
    for kind, items in copied.items():
        for record in items:
            key = "code" if kind == "countries" else "id"
            record[key] = _renamed(record[key], suffix)
            if kind == "countries":
                record["alpha3"] = _renamed(record["alpha3"], suffix)
                record["numeric"] = _renamed(record["numeric"], suffix)
                record["name"] = _renamed(record["name"], f" {number}" if number else "")
                record["official_name"] = _renamed(record["official_name"], suffix)
                record["aliases"] = _renamed(record.get("aliases", []), suffix)
            if kind == "people":
                record["name"] = _renamed(record["name"], f" {number}" if number else "")
                record["family_name"] = _renamed(
                    record["family_name"], f" {number}" if number else ""
                )
            if kind == "topics":
                record["label"] = _renamed(record["label"], suffix)
            for field in _KEYS.get(kind, ()):
                if field in record:
                    record[field] = _renamed(record[field], suffix)
            for span in record.get("evidence", []):
                span["start"] += shift
                span["end"] += shift
    return copied


def write_scaled(folder: Path, factor: int) -> int:
    """Write the edition at ``factor`` into ``folder``; return how many records it holds."""
    lines = _TEXT.split("\n")
    headings, body = lines[:_HEADING_LINES], lines[_HEADING_LINES:]
    body_text = "\n".join(body)
    prefix = "\n".join(headings) + "\n"
    text = prefix + "\n".join([body_text] * factor)
    records: dict[str, list[Any]] = {kind: [] for kind in _SHIPPED["records"]}
    for number in range(factor):
        # A span in copy N moves past N bodies; spans in the headings stay put in copy 0 only.
        shift = number * (len(body_text) + 1)
        for kind, items in _copy(_SHIPPED["records"], number, shift).items():
            if number:
                for record in items:
                    record["evidence"] = [
                        span
                        for span in record.get("evidence", [])
                        if span["start"] >= len(prefix) + shift
                    ] or [_first_sentence(shift, prefix)]
            records[kind] += items
    document = {**_SHIPPED, "records": records}
    document["source"] = {
        **_SHIPPED["source"],
        "text": "text.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "text.txt").write_text(text, encoding="utf-8")
    (folder / "annotations.json").write_text(json.dumps(document), encoding="utf-8")
    return sum(len(items) for items in records.values())


def _first_sentence(shift: int, prefix: str) -> dict[str, Any]:
    start = len(prefix) + shift
    text = _TEXT[len(prefix) : _TEXT.index(".", len(prefix)) + 1]
    return {"start": start, "end": start + len(text), "text": text}


_PEAK = """
import re, sys
import bluebook_data as bb
bb.load(sys.argv[1], max_bytes=int(sys.argv[2]))
status = open("/proc/self/status").read()
print(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))
"""


def peak_kib(folder: Path, max_bytes: int) -> float:
    """Return the peak RSS, in KiB, of a process that loads the edition in ``folder``."""
    import subprocess

    found = subprocess.run(
        [sys.executable, "-c", _PEAK, str(folder), str(max_bytes)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(found.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        warm = Path(scratch) / "warm"
        write_scaled(warm, 1)
        bb.load(warm)  # imports and the converter's hooks, which no factor below pays for
        empty = peak_kib(warm, 1 << 30)
        for factor in options.factors:
            folder = Path(scratch) / f"x{factor}"
            count = write_scaled(folder, factor)
            size = (folder / "annotations.json").stat().st_size
            loads, queries = [], []
            for _ in range(options.rounds):
                gc.collect()
                start = time.process_time()
                book = bb.load(folder, max_bytes=size + 1)
                loads.append((time.process_time() - start) / count)
                suffix = "" if factor == 1 else f"~{factor - 1}"
                start = time.process_time()
                runs = 2000
                for _ in range(runs):
                    book.engagements(country=f"RU{suffix}")
                queries.append((time.process_time() - start) / runs)
                del book
            samples[f"load per record, {factor}x"] = loads
            samples[f"keyed query, {factor}x"] = queries
            added = peak_kib(folder, size + 1) - empty
            samples[f"peak RSS per record, {factor}x"] = [max(added, 0.0) * 1024 / count]
            print(
                f"{factor}x: {count} records, {statistics.median(loads) * 1e6:.1f} µs each",
                file=sys.stderr,
            )
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()
