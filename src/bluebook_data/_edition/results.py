"""What the query methods return: a tuple of records that notebooks can recognise."""

from __future__ import annotations

from typing import TypeVar

__all__ = ["Results"]

_Record = TypeVar("_Record")


class Results(tuple[_Record, ...]):
    """An immutable, hashable tuple of records: the answer of a query.

    It equals, hashes and slices like the plain tuple of the same records (a slice is a plain
    tuple), so code written for tuples keeps working. Jupyter shows it as a table of its records
    (see :mod:`bluebook_data._exports.html`).

    >>> import bluebook_data as bb
    >>> found = bb.countries(region="caucasus")
    >>> found == tuple(found), isinstance(found, tuple)
    (True, True)
    """

    __slots__ = ()
