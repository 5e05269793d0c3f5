"""Fixtures shared by the whole suite."""

from __future__ import annotations

import socket
from typing import NoReturn

import pytest


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
