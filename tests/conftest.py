"""Fixtures shared by the test modules: the shipped edition, and a copy of its data to break."""

from __future__ import annotations

from pathlib import Path

import importlib_resources
import pytest

import bluebook_data as bb


@pytest.fixture
def book() -> bb.Bluebook:
    """Return the shipped edition, as the cached loader gives it."""
    return bb.load()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Return a folder holding a copy of every shipped data file, for a test to edit."""
    shipped = importlib_resources.files("bluebook_data") / "data"
    for entry in shipped.iterdir():
        if entry.is_file():
            (tmp_path / entry.name).write_bytes(entry.read_bytes())
    return tmp_path
