"""The shipped edition once loaded: :mod:`bluebook_data._load` fills it, the query helpers read it.

It is a module of its own so that the helpers can read it without importing the loader, which
brings cattrs and importlib-resources, and without a call: in a loop, a call costs as much as the
memoised look-up that answers a repeated query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bluebook_data.model import Bluebook

__all__ = ["edition"]

#: The loaded edition, or None before the first load and after ``_load.clear_cache()``.
edition: Bluebook | None = None
