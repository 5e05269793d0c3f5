"""Time the in-process figures of the benchmark: the full load and the warm queries.

Run by ``run.py`` with the scratch environment's interpreter, which has pycountry and pandas; prints
one JSON object mapping each measurement to its samples, in seconds per operation.

    python benchmarks/warm.py --rounds 30 --sample-time 0.02
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import timeit
from collections.abc import Mapping
from typing import Any

import pandas
import pycountry

import bluebook_data as bb
from bluebook_data._loading import loader, resources

#: Target 3: the full load (read, parse, structure, validate, index) against reading the same two
#: files and parsing the JSON one. Both read through the same package folder, found once; the
#: converter's hooks are built by the untimed first run; each load builds a new index.
LOAD: Mapping[str, str] = {
    "json.loads of the data files": (
        "json.loads(root.joinpath(ANNOTATIONS).read_bytes()); root.joinpath(TEXT).read_bytes()"
    ),
    "full load and index": "load_bluebook(root).engagements(country='Russia')",
}

#: Target 4: warm queries, against pycountry's keyed lookup and a pandas filter of the same rows.
#: Each keyed query is given a new spelling of Russia on every call, so that nothing could answer
#: it from a memo of earlier calls.
QUERIES: Mapping[str, str] = {
    "pycountry countries.get(alpha_2='RU')": "pycountry.countries.get(alpha_2='RU')",
    "bb.engagements(country=<a new spelling of Russia>)": "bb.engagements(country=next(spelling))",
    "bb.country(<a new spelling of Russia>)": "bb.country(next(spelling))",
    "bb.engagements(country, kind, year)": (
        "bb.engagements(country='Russia', kind='summit_meeting', year=2015)"
    ),
    "pandas mask: country": "frame[frame['country'] == 'Russia']",
    "pandas mask: country, kind, year": (
        "frame[(frame['country'] == 'Russia') & (frame['kind'] == 'summit_meeting')"
        " & (frame['year'] == 2015)]"
    ),
}


#: The names Russia answers to, which the spellings vary.
RUSSIA: tuple[str, ...] = ("Russia", "Russian Federation", "the Russian Federation", "RUS", "RU")


def spellings_of_russia(count: int = 2400, seed: int = 9) -> list[str]:
    """Return ``count`` distinct spellings of Russia's names: each letter's case, and the spaces."""
    chosen = random.Random(seed)
    found: set[str] = set()
    while len(found) < count:
        name = chosen.choice(RUSSIA)
        cased = "".join(c.upper() if chosen.random() < 0.5 else c.lower() for c in name)
        words = cased.split(" ")
        gaps = [" " * chosen.randint(1, 3) for _ in words[1:]]
        spaced = "".join(word + gap for word, gap in zip(words, [*gaps, ""], strict=True))
        found.add(" " * chosen.randint(0, 2) + spaced + " " * chosen.randint(0, 2))
    return sorted(found)


def engagement_frame() -> pandas.DataFrame:
    """Lay the engagements out as a user of pandas would: one row per engagement and country."""
    names = {country.code: country.name for country in bb.countries()}
    rows = [
        {
            "id": engagement.id,
            "country": names[code],
            "kind": engagement.kind.value,
            "year": None if engagement.date is None else engagement.date.year,
        }
        for engagement in bb.engagements()
        for code in engagement.countries
    ]
    return pandas.DataFrame(rows)


def interleaved(
    statements: Mapping[str, str], namespace: dict[str, Any], rounds: int, sample_time: float
) -> dict[str, list[float]]:
    """Time each statement once per round, in a new random order each round.

    Each sample repeats a statement for about ``sample_time`` seconds (timeit's loop, with garbage
    collection off) and records the time per run.
    """
    timers = {name: timeit.Timer(code, globals=namespace) for name, code in statements.items()}
    numbers = {}
    for name, timer in timers.items():
        timer.timeit(1)  # the first run may load the data; it is not what is measured
        number, took = timer.autorange()
        numbers[name] = max(1, round(number * sample_time / took))
    samples: dict[str, list[float]] = {name: [] for name in statements}
    order = list(statements)
    shuffle = random.Random(4).shuffle
    for _ in range(rounds):
        shuffle(order)
        for name in order:
            samples[name].append(timers[name].timeit(numbers[name]) / numbers[name])
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--sample-time", type=float, default=0.02)
    options = parser.parse_args()

    namespace: dict[str, Any] = {
        "ANNOTATIONS": resources.ANNOTATIONS_FILE,
        "TEXT": resources.TEXT_FILE,
        "bb": bb,
        "frame": engagement_frame(),
        "json": json,
        "load_bluebook": loader.load_bluebook,
        "pycountry": pycountry,
        "root": resources.data_root(),
        "spelling": itertools.cycle(spellings_of_russia()),
    }
    samples = interleaved(LOAD, namespace, options.rounds, options.sample_time)
    samples |= interleaved(QUERIES, namespace, options.rounds, options.sample_time)
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()
