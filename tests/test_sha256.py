"""The loader's SHA-256 digest, in hex."""

from __future__ import annotations

import hashlib

import pytest

from bluebook_data._loading import pipeline

SAMPLES = [b"", b"abc", bytes(range(256)) * 40]


@pytest.mark.parametrize("data", SAMPLES)
def test_digest_is_hashlibs(data: bytes) -> None:
    """The digest is the one hashlib gives."""
    assert pipeline.sha256_hex(data) == hashlib.sha256(data).hexdigest()
