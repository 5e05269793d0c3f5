"""The loader's SHA-256 gives hashlib's digest, with CPython's own module or without it."""

from __future__ import annotations

import hashlib
import importlib
from types import ModuleType

import pytest

from bluebook_data._loading import pipeline

SAMPLES = [b"", b"abc", bytes(range(256)) * 40]


@pytest.mark.parametrize("data", SAMPLES)
def test_digest_is_hashlibs(data: bytes) -> None:
    """The digest is the one hashlib gives."""
    assert pipeline.sha256_hex(data) == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("data", SAMPLES)
def test_without_cpythons_own_module_hashlib_gives_the_digest(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where CPython's own module is missing, hashlib's gives the same digest."""
    real = importlib.import_module

    def without_builtin_sha256(name: str, package: str | None = None) -> ModuleType:
        if name in ("_sha2", "_sha256"):
            raise ModuleNotFoundError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_builtin_sha256)
    assert pipeline.sha256_hex(data) == hashlib.sha256(data).hexdigest()
