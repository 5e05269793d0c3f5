"""Measure bluebook-data against its targets (issues #9, #13 and #20) and print the figures.

    python benchmarks/run.py            # the full run, a few minutes; the one that counts
    python benchmarks/run.py --smoke    # few rounds, for CI: fails only on a target missed by 2x

The baselines, pycountry and pandas, are never dependencies of the package: the first run creates
``benchmarks/.venv`` with them and this checkout installed in editable mode, and every figure is
taken with that environment's interpreter, so that all compared commands share one Python and one
attrs. The package is byte-compiled first, as an installer does, so that no run pays for compiling
its source. Compared commands are interleaved, in a new random order each round; the tables give
medians and the min-max range, and each ratio is of two medians taken in the same run.

Rows marked "info" pass or fail nothing. The floor is a process doing only what the design requires
of any first query before this package's own work: import the dependencies and json, find the data
with importlib_resources.files(), make the record classes and have the converter build its
structure hooks for them. Target 2 compares a cold query with it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv"
BASELINES = ("pycountry", "pandas")
VERSIONS_OF = ("attrs", "cattrs", "importlib_resources", *BASELINES)

DEPENDENCIES = "import attrs, cattrs, importlib_resources"
IMPORT_PACKAGE = "import bluebook_data"
COLD_QUERY = "import bluebook_data as bb; bb.engagements(country='Russia')"
COLD_BB = "cold bb.engagements(country='Russia')"
COLD_PYCOUNTRY = "cold pycountry countries.get(alpha_2='RU')"
#: What any cold query must do before this package's own work, as the design has it: import the
#: dependencies and json, find the data through importlib_resources.files() (which imports its
#: readers), make the record classes (attrs compiles their methods) and have the converter build
#: its structure hooks for them (cattrs compiles one per class).
FLOOR_CODE = (
    f"{DEPENDENCIES}, json; importlib_resources.files('bluebook_data');"
    " from bluebook_data._loading.convert import converter;"
    " from bluebook_data._loading.document import AnnotationFile;"
    " converter.get_structure_hook(AnnotationFile)"
)
FLOOR = "floor: dependencies, json, files(), record classes, structure hooks"

CLI_MAIN = "bluebook-data engagements --country Russia"
ONE_LINER = "python -c: print(bb.engagements(country='Russia'))"
#: The main job on the command line, as its console script runs it, with its output to a pipe.
CLI_CODE = (
    "import sys; sys.argv = ['bluebook-data', 'engagements', '--country', 'Russia'];"
    " from bluebook_data.cli import run; run()"
)

#: Whole processes, timed from start to exit: ``python -c CODE``, output to a pipe.
PROCESSES: Mapping[str, str] = {
    "python -c pass": "pass",
    "import attrs": "import attrs",
    DEPENDENCIES: DEPENDENCIES,
    IMPORT_PACKAGE: IMPORT_PACKAGE,
    COLD_BB: COLD_QUERY,
    COLD_PYCOUNTRY: "import pycountry; pycountry.countries.get(alpha_2='RU')",
    FLOOR: FLOOR_CODE,
    CLI_MAIN: CLI_CODE,
    ONE_LINER: "import bluebook_data as bb; print(bb.engagements(country='Russia'))",
}


@dataclass(frozen=True)
class Target:
    """One claim of the issue: ``measure(samples)`` must come to at most ``limit``.

    A target without a limit is a figure shown for information, never passed or failed.
    """

    number: str
    claim: str
    measure: Callable[[Mapping[str, list[float]]], float]
    limit: float | None
    unit: str = "x"


def ratio(numerator: str, denominator: str) -> Callable[[Mapping[str, list[float]]], float]:
    """Measure the median of one measurement over the median of another."""

    def measure(samples: Mapping[str, list[float]]) -> float:
        return statistics.median(samples[numerator]) / statistics.median(samples[denominator])

    return measure


WARM_PYCOUNTRY = "pycountry countries.get(alpha_2='RU')"
WARM_KEYED = "bb.engagements(country=<a new spelling of Russia>)"
WARM_LOOKUP = "bb.country(<a new spelling of Russia>)"
WARM_COMBINED = "bb.engagements(country, kind, year)"
TARGETS = (
    Target("1", f"{IMPORT_PACKAGE} / import attrs", ratio(IMPORT_PACKAGE, "import attrs"), 1.10),
    Target("2", f"cold query / {FLOOR}", ratio(COLD_BB, FLOOR), 1.10),
    Target("2", f"{FLOOR} / {DEPENDENCIES}", ratio(FLOOR, DEPENDENCIES), None),
    Target("2", "cold query / cold pycountry lookup", ratio(COLD_BB, COLD_PYCOUNTRY), None),
    Target(
        "3",
        "full load and index, hooks built / json.loads of the data files",
        ratio("full load and index", "json.loads of the data files"),
        8.0,
    ),
    Target("4", f"{WARM_KEYED} / pycountry get", ratio(WARM_KEYED, WARM_PYCOUNTRY), 3.0),
    Target("4", f"{WARM_LOOKUP} / pycountry get", ratio(WARM_LOOKUP, WARM_PYCOUNTRY), 3.0),
    Target("4", f"{WARM_COMBINED} / pycountry get", ratio(WARM_COMBINED, WARM_PYCOUNTRY), None),
    Target("4", f"{WARM_KEYED} / pandas mask", ratio(WARM_KEYED, "pandas mask: country"), 0.01),
    Target(
        "4",
        f"{WARM_COMBINED} / pandas mask",
        ratio(WARM_COMBINED, "pandas mask: country, kind, year"),
        0.01,
    ),
    Target("20", f"{CLI_MAIN} / {ONE_LINER}", ratio(CLI_MAIN, ONE_LINER), 1.10),
)


SCALE_FACTORS = (1, 10, 100, 1000)
SCALE_TARGETS = (
    Target(
        "13",
        "load per record: 1,000x the records / the shipped edition's, both from a folder",
        ratio("load per record, 1000x", "load per record, 1x"),
        2.0,
    ),
    Target(
        "13",
        "keyed query, same result size: 1,000x / the shipped edition",
        ratio("keyed query, 1000x", "keyed query, 1x"),
        2.0,
    ),
    *(
        Target(
            "13",
            f"peak RSS per record, {factor}x (KiB)",
            lambda samples, f=factor: (
                statistics.median(samples[f"peak RSS per record, {f}x"]) / 1024
            ),
            None,
            " KiB",
        )
        for factor in SCALE_FACTORS
    ),
)


HOSTILE_SHAPES = (
    "topic chain",
    "sentence rules",
    "quotes",
    "wide records",
    "deep records",
    "big text",
)


def _largest(samples: Mapping[str, list[float]], shape: str, what: str) -> str:
    """Return the name of the largest factor's measurement of ``what`` for ``shape``."""
    names = (f"{shape}: {what}, {factor}x" for factor in (100, 10, 1))
    return next(name for name in names if name in samples)


def _hostile_growth(shape: str) -> Callable[[Mapping[str, list[float]]], float]:
    def measure(samples: Mapping[str, list[float]]) -> float:
        largest = _largest(samples, shape, "time per byte")
        return ratio(largest, f"{shape}: time per byte, 1x")(samples)

    return measure


def _hostile_memory(shape: str) -> Callable[[Mapping[str, list[float]]], float]:
    def measure(samples: Mapping[str, list[float]]) -> float:
        return statistics.median(samples[_largest(samples, shape, "peak memory per byte")])

    return measure


#: Issue #16: folders shaped by an attacker cost, per byte, at 100x what they cost at 1x (within
#: 2x), and never hold more than 20 times their files' size in memory (see hostile.py).
HOSTILE_TARGETS = tuple(
    target
    for shape in HOSTILE_SHAPES
    for target in (
        Target("16", f"{shape}: time per byte, largest / 1x", _hostile_growth(shape), 2.0),
        Target(
            "16", f"{shape}: peak memory / the files' size, largest", _hostile_memory(shape), 20.0
        ),
    )
)


def memory_targets(factor: int) -> tuple[Target, ...]:
    """Return issue #20's memory targets at ``factor`` times the shipped records."""
    json_kept = f"kept by json.loads, {factor}x"
    return (
        Target(
            "20",
            f"memory kept by the loaded edition / by json.loads of its file, {factor}x",
            ratio(f"kept by the loaded edition, {factor}x", json_kept),
            1.0,
        ),
        Target(
            "20",
            f"peak memory while loading / kept by json.loads of its file, {factor}x",
            ratio(f"peak while loading, {factor}x", json_kept),
            2.0,
        ),
    )


def scratch_python() -> Path:
    """Return the scratch environment's interpreter, creating or repairing the environment first."""
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not _serves_this_checkout(python):
        print(f"creating {VENV.relative_to(ROOT)} with {', '.join(BASELINES)}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, *BASELINES, "--editable", str(ROOT)], check=True)
    subprocess.run([python, "-m", "compileall", "-q", ROOT / "src" / "bluebook_data"], check=True)
    return python


def _serves_this_checkout(python: Path) -> bool:
    if not python.exists():
        return False
    probe = "import bluebook_data, pycountry, pandas; print(bluebook_data.__file__)"
    found = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    return found.returncode == 0 and Path(found.stdout.strip()).is_relative_to(ROOT / "src")


def time_processes(
    python: Path, commands: Mapping[str, str], rounds: int
) -> dict[str, list[float]]:
    """Time ``python -c CODE`` for each command once per round, in a new random order each round."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for code in commands.values():  # once untimed, so that every timed run finds a warm disk cache
        subprocess.run([python, "-c", code], check=True, stdout=subprocess.DEVNULL)
    order = list(commands)
    shuffle = random.Random(4).shuffle
    for _ in range(rounds):
        shuffle(order)
        for name in order:
            start = time.perf_counter()
            subprocess.run([python, "-c", commands[name]], check=True, stdout=subprocess.DEVNULL)
            samples[name].append(time.perf_counter() - start)
    return samples


def run_script(python: Path, script: str, *arguments: str) -> dict[str, list[float]]:
    """Run one of the benchmark's scripts in the scratch environment; return its JSON samples."""
    found = subprocess.run(
        [python, HERE / script, *arguments], capture_output=True, text=True, check=True, cwd=HERE
    )
    samples: dict[str, list[float]] = json.loads(found.stdout)
    return samples


def time_in_process(python: Path, rounds: int, sample_time: float) -> dict[str, list[float]]:
    """Time warm queries with ``warm.py``."""
    return run_script(python, "warm.py", "--rounds", str(rounds), "--sample-time", str(sample_time))


def scale(python: Path, rounds: int) -> dict[str, list[float]]:
    """Load editions of many copies of the shipped records with ``scale.py``."""
    factors = [str(factor) for factor in SCALE_FACTORS]
    return run_script(python, "scale.py", "--rounds", str(rounds), "--factors", *factors)


def hostile(python: Path, smoke: bool) -> dict[str, list[float]]:
    """Load folders of hostile shapes with ``hostile.py``."""
    factors = ["1", "10"] if smoke else ["1", "10", "100"]
    rounds = "1" if smoke else "3"
    return run_script(python, "hostile.py", "--json", "--rounds", rounds, "--factors", *factors)


def memory(python: Path, factor: int, rounds: int) -> dict[str, list[float]]:
    """Trace the memory a large edition keeps and peaks at with ``memory.py``, in bytes."""
    return run_script(python, "memory.py", "--factor", str(factor), "--rounds", str(rounds))


def describe_machine(python: Path) -> list[str]:
    """Say when, on what, and with which versions the figures were taken."""
    probe = (
        "import json, sys, importlib.metadata as m;"
        f" print(json.dumps([sys.version.split()[0], *(m.version(n) for n in {VERSIONS_OF!r})]))"
    )
    found = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True)
    version, *versions = json.loads(found.stdout)
    packages = ", ".join(f"{name} {v}" for name, v in zip(VERSIONS_OF, versions, strict=True))
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    try:
        uname = subprocess.run(
            ["uname", "-a"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:  # no uname, as on Windows
        uname = " ".join(platform.uname())
    return [
        f"- date: {now}",
        f"- machine: `{uname}`, {os.cpu_count()} CPUs",
        f"- Python {version}; {packages}",
    ]


def _format(value: float, unit: str) -> str:
    if unit == "s":
        for size, name in ((1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")):
            if value >= size or name == "ns":
                return f"{value / size:.3g} {name}"
    if unit == "B":
        return f"{value / 1024:.2f} KiB"
    if unit == "x":
        return f"{value:.3g}x"
    return f"{value / 2**20:.1f} MiB"


def measurements_table(samples: Mapping[str, list[float]], units: Mapping[str, str]) -> list[str]:
    """Lay out every measurement's median and range as a Markdown table."""
    lines = ["| measurement | median | min-max | n |", "|---|---:|---:|---:|"]
    for name, values in samples.items():
        unit = units[name]
        median = _format(statistics.median(values), unit)
        spread = f"{_format(min(values), unit)} - {_format(max(values), unit)}"
        lines.append(f"| `{name}` | {median} | {spread} | {len(values)} |")
    return lines


def targets_table(
    samples: Mapping[str, list[float]], smoke: bool, targets: Sequence[Target]
) -> tuple[list[str], bool]:
    """Lay out every target's figure against its limit; tell whether the run should fail.

    A full run fails on any target missed; a smoke run only on one missed by more than 2x.
    """
    lines = ["| target | figure | value | limit | result |", "|---|---|---:|---:|---|"]
    failed = False
    for target in targets:
        value = target.measure(samples)
        shown = f"{value:.3g}{target.unit}"
        if target.limit is None:
            lines.append(f"| {target.number} | {target.claim} | {shown} | | info |")
            continue
        result = "pass" if value <= target.limit else "FAIL"
        if value > 2 * target.limit:
            result += " (by over 2x)"
        failed |= value > (2 * target.limit if smoke else target.limit)
        limit = f"{target.limit:g}{target.unit}"
        lines.append(f"| {target.number} | {target.claim} | {shown} | {limit} | {result} |")
    return lines, failed


def _unit(name: str, unit: str) -> str:
    if name.startswith("peak RSS per"):
        return "B"
    return "x" if "peak memory per byte" in name else unit


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="few rounds; fail only by over 2x")
    parser.add_argument("--rounds", type=int, help="rounds per comparison (default 40, smoke 8)")
    options = parser.parse_args(argv)
    rounds = options.rounds or (8 if options.smoke else 40)
    # Memory is traced at 1,000x; the smoke run traces 100x, whose ratios differ little.
    factor = 100 if options.smoke else 1000

    python = scratch_python()
    units: dict[str, str] = {}
    samples: dict[str, list[float]] = {}
    for found, unit in (
        (time_processes(python, PROCESSES, rounds), "s"),
        (time_in_process(python, rounds, 0.005 if options.smoke else 0.02), "s"),
        (scale(python, 1 if options.smoke else 3), "s"),
        (hostile(python, options.smoke), "s"),
        (memory(python, factor, 1 if options.smoke else 3), "bytes"),
    ):
        samples |= found
        units |= {name: _unit(name, unit) for name in found}

    targets = (*TARGETS, *SCALE_TARGETS, *memory_targets(factor), *HOSTILE_TARGETS)
    lines, failed = targets_table(samples, options.smoke, targets)
    report = [
        *describe_machine(python),
        "",
        *measurements_table(samples, units),
        "",
        *lines,
    ]
    print("\n".join(report))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
