"""Where the package data lives: the only module that knows.

Everything goes through :func:`importlib_resources.files`, never ``__file__``, so the data is found
inside a zipped wheel, a read-only install or a frozen application just as in a source tree.
"""

from __future__ import annotations

from typing import Final

from importlib_resources import files
from importlib_resources.abc import Traversable

__all__ = ["ANNOTATIONS_FILE", "TEXT_FILE", "data_root", "read_bytes"]

TEXT_FILE: Final = "bluebook-2016-ch2-s5-overview.txt"
ANNOTATIONS_FILE: Final = "annotations.json"


def data_root() -> Traversable:
    """Return the folder of the shipped data files."""
    return files("bluebook_data") / "data"


def read_bytes(root: Traversable, name: str) -> bytes:
    """Read one data file whole.

    Raises:
        OSError: if the file is missing or unreadable (the loader turns it into a
            :class:`~bluebook_data.DataError`).
    """
    return root.joinpath(name).read_bytes()
