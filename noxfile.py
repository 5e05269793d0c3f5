"""Sessions for the test matrix, lint, the documentation and the benchmark.

nox finds each Python on PATH. With pyenv, put the versions there first, for example::

    PATH="/root/.pyenv/versions/3.11.7/bin:/root/.pyenv/versions/3.12.1/bin:/root/.pyenv/versions/3.13.0/bin:$PATH" nox -s tests

``nox -s tests-3.12`` runs one version; ``nox -l`` lists the sessions.
"""

from __future__ import annotations

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
