"""Package data is found through importlib_resources, and a missing file is an OSError."""

from __future__ import annotations

import pytest

from bluebook_data import _resources


def test_data_root_holds_both_files() -> None:
    """The data folder holds the text and the annotations, and nothing else."""
    names = {entry.name for entry in _resources.data_root().iterdir()}
    assert names == {_resources.TEXT_FILE, _resources.ANNOTATIONS_FILE}


def test_read_bytes_reads_a_whole_file() -> None:
    """read_bytes gives the file's bytes: the text is UTF-8 and has no trailing newline."""
    raw = _resources.read_bytes(_resources.data_root(), _resources.TEXT_FILE)
    assert raw.decode("utf-8").startswith("Diplomatic Bluebook")
    assert not raw.endswith(b"\n")


def test_read_bytes_of_a_missing_file_is_an_os_error() -> None:
    """A missing file raises OSError, which the loader turns into a DataError."""
    with pytest.raises(FileNotFoundError):
        _resources.read_bytes(_resources.data_root(), "missing.json")
