"""The loader's SHA-256: CPython's own where it has one, hashlib's otherwise, the same digest."""

from __future__ import annotations

import hashlib
import importlib
import json
import platform
import subprocess
import sys
from types import ModuleType

import pytest

from bluebook_data import _load

SAMPLES = [b"", b"abc", bytes(range(256)) * 40]


@pytest.mark.parametrize("data", SAMPLES)
def test_digest_is_hashlibs(data: bytes) -> None:
    """The digest is the one hashlib gives."""
    assert _load._sha256(data) == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("data", SAMPLES)
def test_without_the_lean_module_hashlib_gives_the_digest(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where CPython's own module is missing, hashlib's gives the same digest."""
    real = importlib.import_module

    def no_lean_sha256(name: str, package: str | None = None) -> ModuleType:
        if name in ("_sha2", "_sha256"):
            raise ModuleNotFoundError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_lean_sha256)
    assert _load._sha256(data) == hashlib.sha256(data).hexdigest()


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="CPython's modules")
def test_loading_does_not_load_openssl() -> None:
    """A load and a query leave hashlib's OpenSSL module unimported."""
    probe = (
        "import json, sys, bluebook_data as bb; bb.engagements(country='Russia');"
        " print(json.dumps('_hashlib' in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) is False
