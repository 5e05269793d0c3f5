"""Time and measure loading folders shaped as an attacker would shape them, at 1x, 10x and 100x.

Run by ``run.py`` with the scratch environment's interpreter (``--json`` prints the samples it
reads), or alone for a table:

    python benchmarks/hostile.py --factors 1 10 100

Each shape grows one thing an honest edition has little of: a chain of topics each the parent of
the next, a sentence rule with a break in every paragraph, tens of thousands of quotes, records
listing hundreds of others, records nested as deep as allowed (refused, which is measured too),
and a text near the size limit. The cost of loading is given per byte of the folder's two files,
so that a cost growing faster than the input shows as a per-byte figure growing with the factor;
peak memory (tracemalloc, in a run of its own, since tracing slows every allocation) is given as
a multiple of the files' size. Times are CPU time, which a busy machine does not stretch.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bluebook_data as bb
from bluebook_data._loading.folder import MAX_DEPTH

_HEADINGS = [
    "Hostile Folders 2099",
    "Chapter 1",
    "Shapes of Input",
    "Section 1 Growth",
    "Overview",
]
_WORDS = (
    "Japan",
    "Russia",
    "Kazakhstan",
    "talks",
    "treaty",
    "energy",
    "ministers",
    "summit",
    "agreed",
    "visit",
    "region",
    "culture",
    "exchange",
    "security",
    "dialogue",
    "cooperation",
    "trade",
    "economic",
    "fisheries",
    "harbour",
    "ferry",
    "peace",
    "issue",
    "north",
    "territories",
    "meeting",
    "held",
    "planned",
    "youth",
    "program",
    "minerals",
    "oil",
    "gas",
    "stability",
)
_TEXT_NAME = "text.txt"
_Document = dict[str, Any]


def _paragraph(rng: random.Random, number: int, words: int) -> str:
    """Return a paragraph of ``words`` random words in sentences, naming its own number."""
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    sentences = [" ".join(chosen[i : i + 12]) for i in range(0, len(chosen), 12)]
    return f"Paragraph {number} opens. " + " ".join(s.capitalize() + "." for s in sentences)


def _document(text: str, records: _Document, breaks: list[int] | None = None) -> _Document:
    return {
        "schema_version": 2,
        "data_version": "2099.1.0",
        "source": {
            "title": _HEADINGS[0],
            "year": 2099,
            "publisher": "bluebook-data benchmarks",
            "url": "https://example.org/hostile",
            "accessed": "2099-01-01",
            "text": _TEXT_NAME,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
        "structure": {
            "chapter": {"number": 1, "title": "Shapes of Input"},
            "section": {"number": 1, "title": "Growth"},
            "section_heading": "Overview",
            "heading_lines": len(_HEADINGS),
            "sentences": {"no_break_at": [], "break_at": breaks or []},
        },
        "records": {
            "countries": [],
            "people": [],
            "topics": [],
            "engagements": [],
            "statements": [],
            **records,
        },
    }


def _text(paragraphs: list[str]) -> str:
    return "\n".join([*_HEADINGS, *paragraphs])


def _span(text: str, exact: str, start: int = 0) -> _Document:
    at = text.index(exact, start)
    return {"start": at, "end": at + len(exact), "text": exact}


def _japan(text: str) -> _Document:
    return {
        "code": "JP",
        "alpha3": "JPN",
        "numeric": "392",
        "name": "Japan",
        "official_name": "Japan",
        "region": "east_asia",
        "evidence": [_span(text, "Paragraph 1 opens.")],
    }


def topic_chain(factor: int) -> tuple[str, _Document]:
    """Topics each the parent of the next: 100 of them at 1x."""
    text = _text([_paragraph(random.Random(1), 1, 24)])
    cite = _span(text, "Paragraph 1 opens.")
    topics = [
        {"id": f"t{i}", "label": f"Topic {i}", "parent": f"t{i - 1}" if i else None}
        | {"evidence": [cite]}
        for i in range(100 * factor)
    ]
    return text, _document(text, {"countries": [_japan(text)], "topics": topics})


def sentence_rules(factor: int) -> tuple[str, _Document]:
    """A break added in every one of 200 paragraphs at 1x, each on a line of its own."""
    rng = random.Random(2)
    paragraphs = [_paragraph(rng, i, 24) for i in range(1, 200 * factor + 1)]
    text = _text(paragraphs)
    breaks, start = [], 0
    for paragraph in paragraphs:
        start = text.index(paragraph, start)
        breaks.append(start + paragraph.index(" ", 30) + 1)
    return text, _document(text, {"countries": [_japan(text)]}, breaks)


def many_quotes(factor: int) -> tuple[str, _Document]:
    """600 quotes at 1x, each of 40 to 120 characters, ten to a statement."""
    rng = random.Random(3)
    paragraphs = [_paragraph(rng, i, 60) for i in range(1, 60 * factor + 1)]
    text = _text(paragraphs)
    body = len("\n".join(_HEADINGS)) + 1
    statements = []
    for number in range(60 * factor):
        quotes = []
        for _ in range(10):
            start = text.index(" ", rng.randrange(body, len(text) - 130)) + 1
            exact = text[start : start + rng.randrange(40, 120)]
            prefix = text[max(start - 20, 0) : start]
            quotes.append({"exact": exact, "prefix": prefix})
        statements.append(
            {"id": f"s{number}", "kind": "assessment", "summary": "A quote.", "evidence": quotes}
        )
    return text, _document(text, {"countries": [_japan(text)], "statements": statements})


def wide_records(factor: int) -> tuple[str, _Document]:
    """20 engagements at 1x, each naming 200 topics of 50 and citing 20 spans."""
    rng = random.Random(4)
    paragraphs = [_paragraph(rng, i, 24) for i in range(1, 20 * factor + 1)]
    text = _text(paragraphs)
    cites = [_span(text, f"Paragraph {i} opens.") for i in range(1, len(paragraphs) + 1)]
    topics = [
        {"id": f"t{i}", "label": f"Topic {i}", "parent": None, "evidence": [cites[0]]}
        for i in range(50 * factor)
    ]
    engagements = [
        {
            "id": f"e{i}",
            "kind": "summit_meeting",
            "title": f"Meeting {i}",
            "date": "2099-01-01",
            "countries": ["JP"] * 50,
            "topics": [f"t{rng.randrange(len(topics))}" for _ in range(200)],
            "evidence": rng.sample(cites, min(20, len(cites))),
        }
        for i in range(20 * factor)
    ]
    records = {"countries": [_japan(text)], "topics": topics, "engagements": engagements}
    return text, _document(text, records)


def deep_records(factor: int) -> tuple[str, _Document]:
    """200 records at 1x, each holding words under an unknown key nested as deep as allowed.

    Refused, as every record is: what is measured is the cost of reporting 200 problems.
    """
    text = _text([_paragraph(random.Random(5), 1, 24)])
    cite = _span(text, "Paragraph 1 opens.")
    nested: Any = [f"{word}-{i}" for i, word in enumerate(_WORDS[:20])]
    for _ in range(MAX_DEPTH - 5):  # the file, its records, a kind and a record: four levels
        nested = [nested]
    topics = [
        {"id": f"t{i}", "label": f"T{i}", "parent": None, "evidence": [cite], "more": nested}
        for i in range(200 * factor)
    ]
    return text, _document(text, {"countries": [_japan(text)], "topics": topics})


def big_text(factor: int) -> tuple[str, _Document]:
    """A text of about 0.64 MB at 1x, and so 64 MB, just under the default limit, at 100x."""
    rng = random.Random(6)
    paragraph = _paragraph(rng, 1, 150)
    lines = [f"{paragraph} {i}." for i in range(600 * factor)]
    text = _text(lines)
    return text, _document(text, {"countries": [_japan(text)]})


SHAPES: dict[str, Callable[[int], tuple[str, _Document]]] = {
    "topic chain": topic_chain,
    "sentence rules": sentence_rules,
    "quotes": many_quotes,
    "wide records": wide_records,
    "deep records": deep_records,
    "big text": big_text,
}


def write(folder: Path, shape: Callable[[int], tuple[str, _Document]], factor: int) -> int:
    """Write the folder of ``shape`` at ``factor``; return its two files' size in bytes."""
    text, document = shape(factor)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / _TEXT_NAME).write_text(text, encoding="utf-8")
    (folder / "annotations.json").write_text(json.dumps(document), encoding="utf-8")
    return sum(path.stat().st_size for path in folder.iterdir())


def _load(folder: Path, refused: bool) -> None:
    try:
        bb.load(folder, max_bytes=1 << 40)
    except bb.DataError:
        if not refused:
            raise
    else:
        if refused:
            raise AssertionError(f"{folder} loaded, but should have been refused")


def measure(folder: Path, size: int, rounds: int, refused: bool) -> tuple[float, float]:
    """Return the best time per byte over ``rounds`` loads, and the peak memory per byte.

    The time is the process's CPU time, which other programs on a shared machine leave as it
    is, where they would stretch the time on the clock.
    """
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        _load(folder, refused)
        times.append((time.process_time() - start) / size)
    gc.collect()
    tracemalloc.start()
    _load(folder, refused)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return min(times), peak / size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--rounds", type=int, default=3, help="timed loads of each folder")
    parser.add_argument("--json", action="store_true", help="print the samples as JSON")
    options = parser.parse_args()
    samples: dict[str, list[float]] = {}
    rows = [
        "| shape | factor | files | time per byte | peak memory / files |",
        "|---|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as scratch:
        # Imports and the converter's hooks, which no shape below pays for.
        write(Path(scratch) / "warm", topic_chain, 1)
        _load(Path(scratch) / "warm", refused=False)
        for name in options.shapes:
            for factor in options.factors:
                folder = Path(scratch) / f"{name.replace(' ', '-')}-{factor}"
                size = write(folder, SHAPES[name], factor)
                per_byte, memory = measure(folder, size, options.rounds, name == "deep records")
                samples[f"{name}: time per byte, {factor}x"] = [per_byte]
                samples[f"{name}: peak memory per byte, {factor}x"] = [memory]
                rows.append(
                    f"| {name} | {factor}x | {size / 1e6:.2f} MB | {per_byte * 1e9:.0f} ns "
                    f"| {memory:.1f}x |"
                )
                print(rows[-1], file=sys.stderr, flush=True)
    if options.json:
        json.dump(samples, sys.stdout)
    else:
        print("\n".join(rows))


if __name__ == "__main__":
    main()
