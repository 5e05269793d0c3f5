"""Package data is found through importlib_resources, and a missing file is an OSError."""

from __future__ import annotations

import pytest

from bluebook_data._loading import resources


def test_data_root_holds_the_edition_and_its_schema() -> None:
    """The data folder holds the text, the annotations and their schema, and nothing else."""
    names = {entry.name for entry in resources.data_root().iterdir()}
    assert names == {resources.TEXT_FILE, resources.ANNOTATIONS_FILE, "annotations.schema.json"}


def test_read_bytes_reads_a_whole_file() -> None:
    """read_bytes gives the file's bytes: the text is UTF-8 and has no trailing newline."""
    raw = resources.read_bytes(resources.data_root(), resources.TEXT_FILE)
    assert raw.decode("utf-8").startswith("Diplomatic Bluebook")
    assert not raw.endswith(b"\n")


def test_read_bytes_of_a_missing_file_is_an_os_error() -> None:
    """A missing file raises OSError, which the loader turns into a DataError."""
    with pytest.raises(FileNotFoundError):
        resources.read_bytes(resources.data_root(), "missing.json")
