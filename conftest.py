"""Skip the doctests of the optional extras where those extras are not installed."""

from __future__ import annotations

import importlib.util

import pytest

# The doctest that needs each module, by the item name pytest gives it.
_NEEDS = {
    "bluebook_data._frames.to_pandas": "pandas",
    "bluebook_data._frames.to_arrow": "pyarrow",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark a doctest skipped when the extra it shows off is missing."""
    for item in items:
        module = _NEEDS.get(item.name)
        if module is not None and importlib.util.find_spec(module) is None:
            item.add_marker(pytest.mark.skip(reason=f"{module} is not installed"))
