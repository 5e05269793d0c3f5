"""Collect the doctests of the package and of the documentation's pages, not of its build.

The Sphinx configuration and extension are left out; the doctests that show off an optional extra
are skipped where that extra is not installed.
"""

from __future__ import annotations

import importlib.util

import pytest

collect_ignore = ["docs/conf.py", "docs/_ext", "docs/_build"]

# The doctest that needs each module, by the item name pytest gives it.
_NEEDS = {
    "bluebook_data._exports.frames.to_pandas": "pandas",
    "bluebook_data._exports.frames.to_arrow": "pyarrow",
    "bluebook_data._exports.frames.to_polars": "pyarrow",  # polars comes with the test extra
    "bluebook_data._display.plot.plot_timeline": "matplotlib",
    "bluebook_data._exports.parquet.write_parquet": "pyarrow",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark a doctest skipped when the extra it shows off is missing."""
    for item in items:
        module = _NEEDS.get(item.name)
        if module is not None and importlib.util.find_spec(module) is None:
            item.add_marker(pytest.mark.skip(reason=f"{module} is not installed"))
