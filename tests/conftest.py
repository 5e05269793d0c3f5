"""Fixtures for the whole suite: the network guard, the shipped edition, a copy of its data."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import NoReturn

import importlib_resources
import pytest

import bluebook_data as bb


class NetworkUsedError(AssertionError):
    """The code under test tried to use the network, which it promises never to do."""


def _refuse(*args: object, **kwargs: object) -> NoReturn:
    raise NetworkUsedError(f"network use attempted with {args!r}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every test fail that opens a connection or resolves a host name."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


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
