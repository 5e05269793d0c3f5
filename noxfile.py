"""Sessions for the test matrix, lint, the documentation and the benchmark.

nox finds each Python on PATH. With pyenv, put the versions there first, for example::

    PATH="/root/.pyenv/versions/3.11.7/bin:/root/.pyenv/versions/3.12.1/bin:/root/.pyenv/versions/3.13.0/bin:$PATH" nox -s tests

``nox -s tests-3.12`` runs one version; ``nox -l`` lists the sessions. ``nox -s mutation`` is
never run by default or in CI (it takes tens of minutes).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint"]

#: The Pythons the classifiers in pyproject.toml name.
PYTHONS = ["3.11", "3.12", "3.13"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite, doctests included, with every extra the tests read the exports with."""
    session.install("-e", ".[test,pandas,arrow,polars]")
    session.run("python", "-m", "pytest", "-q", *session.posargs)


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """Check style, formatting and types over src and tests."""
    session.install("-e", ".[test,pandas,arrow,polars]")
    session.run("ruff", "check", "src", "tests")
    session.run("ruff", "format", "--check", "src", "tests")
    session.run("mypy")


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """Build the documentation, warnings as errors."""
    session.install("-e", ".[docs]")
    session.run("sphinx-build", "-W", "docs", "docs/_build/html")


@nox.session(python="3.11")
def benchmark(session: nox.Session) -> None:
    """Run the benchmark against its targets."""
    session.install("-e", ".[pandas]")
    session.run("python", "benchmarks/run.py", *session.posargs)


#: How mutmut records a mutant's fate (its exit code) in the score: a timeout is a mutant caught.
_KILLED = {1: "killed", 3: "killed", 36: "killed", 24: "killed", -24: "killed", 152: "killed"}


def _mutation_scores(meta_files: list[Path]) -> list[str]:
    """Return one line per mutated module: killed, survived, not run and total, and the score."""
    lines = []
    for meta in meta_files:
        exit_codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        fates = Counter(
            "not run" if code is None else _KILLED.get(code, "survived")
            for code in exit_codes.values()
        )
        run = fates["killed"] + fates["survived"]
        if not run:
            continue
        module = meta.name.removesuffix(".py.meta")
        lines.append(
            f"{meta.parent.name}/{module}.py: {fates['killed']} killed, {fates['survived']} "
            f"survived of {run} run ({fates['not run']} not run): {fates['killed'] / run:.0%}"
        )
    return lines


@nox.session(python="3.11")
def mutation(session: nox.Session) -> None:
    """Mutate the loader and the edition, run the fast tests against each mutant, print scores.

    mutmut reads ``[tool.mutmut]`` in pyproject.toml: what to mutate, and the tests to run (for
    each mutant, only those that reach the function mutated). Mutant names choose some, as in
    ``nox -s mutation -- "bluebook_data._loading.validate.*"``; ``mutmut browse`` then shows the
    survivors. Its working files go to ``mutants/``, which git ignores.
    """
    session.install("-e", ".[test]", "mutmut>=3.8,<4")
    session.run("mutmut", "run", "--max-children", "2", *session.posargs)
    meta_files = sorted(Path("mutants/src/bluebook_data").glob("*/*.py.meta"))
    for line in _mutation_scores(meta_files):
        session.log(line)
