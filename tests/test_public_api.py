"""The package root: a sorted __all__ of every public name, and the two version numbers."""

from __future__ import annotations

import importlib.metadata
import json
import tomllib
from pathlib import Path

import importlib_resources
import pytest

import bluebook_data as bb
from bluebook_data import errors, model, query
from bluebook_data._loading import resources

_PROJECT = Path(__file__).resolve().parents[1]


def _isort_order(name: str) -> tuple[int, str]:
    """Sort as ruff's RUF022 does: CONSTANTS, then Classes, then everything else."""
    group = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return group, name


def test_all_is_sorted_and_unique() -> None:
    """__all__ lists each name once, constants first, then classes, then functions."""
    assert bb.__all__ == sorted(set(bb.__all__), key=_isort_order)


def test_all_lists_every_public_name() -> None:
    """Every public name of the model, errors and query modules is exported, and nothing else."""
    public = {*model.__all__, *errors.__all__, *query.__all__}
    served_lazily = {"Bluebook", "converter", "__version__", "Citation", "citation", "json_schema"}
    served_lazily |= {"to_records", "to_pandas", "to_arrow", "to_polars", "write_datapackage"}
    served_lazily |= {"write_parquet", "plot_timeline", "web_annotations", "write_web_annotations"}
    served_lazily |= {"write_sqlite"}
    assert set(bb.__all__) == public | served_lazily | {"DATA_VERSION"}


@pytest.mark.parametrize("name", bb.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    """Each name in __all__ is an attribute of the package, lazily served ones included."""
    assert getattr(bb, name) is not None


def test_star_import_gives_every_name() -> None:
    """``from bluebook_data import *`` binds every name in __all__."""
    namespace: dict[str, object] = {}
    exec("from bluebook_data import *", namespace)
    assert set(bb.__all__) <= set(namespace)
    assert namespace["Engagement"] is model.Engagement


def test_unknown_attribute_is_an_attribute_error() -> None:
    """A name the package does not have raises AttributeError naming it."""
    with pytest.raises(AttributeError, match="'bluebook_data' has no attribute 'nonesuch'"):
        _ = bb.nonesuch


def test_version_is_the_installed_metadata_version() -> None:
    """__version__ is the installed distribution's version, which is pyproject.toml's."""
    with (_PROJECT / "pyproject.toml").open("rb") as file:
        declared = tomllib.load(file)["project"]["version"]
    assert bb.__version__ == importlib.metadata.version("bluebook-data") == declared


def test_data_version_is_the_shipped_one(book: bb.Bluebook) -> None:
    """DATA_VERSION is the version of the loaded data and of the shipped annotations file."""
    shipped = importlib_resources.files("bluebook_data") / "data" / resources.ANNOTATIONS_FILE
    assert bb.DATA_VERSION == book.data_version == json.loads(shipped.read_bytes())["data_version"]
