"""How records and query results show themselves in Jupyter: as HTML tables, drawn on demand.

The renderer, :mod:`bluebook_data._html`, is imported only when a notebook asks for HTML.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["HTMLRecord", "Results"]

_Record = TypeVar("_Record")


class Results(tuple[_Record, ...]):
    """An immutable, hashable tuple of records that renders as an HTML table in Jupyter.

    It equals, hashes and slices like the plain tuple of the same records (a slice is a plain
    tuple), so code written for tuples keeps working.

    >>> import bluebook_data as bb
    >>> found = bb.countries(region="caucasus")
    >>> found == tuple(found), isinstance(found, tuple)
    (True, True)
    >>> "<table" in found._repr_html_()
    True
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        # Imported on first display: plain scripts never pay for the renderer.
        from bluebook_data._html import results_html

        return results_html(self)


class HTMLRecord:
    """Base of the record classes: gives each record an HTML table of its fields in Jupyter.

    >>> import bluebook_data as bb
    >>> "two Summit Meetings" in bb.engagement("2015-09-28-summit-new-york")._repr_html_()
    True
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        from bluebook_data._html import record_html

        return record_html(self)
