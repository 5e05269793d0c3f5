"""The seam through which records, results and the edition find the HTML that shows them.

The records sit below the display layer and never import it. The package's ``__init__`` installs
the display's renderer here when it is imported (the renderer itself is imported only on the
first display), and each record's ``_repr_html_`` asks for it through :func:`html`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

__all__ = ["html", "install_html"]

#: The renderer installed, kept in a one-item list so that installing needs no ``global``.
_INSTALLED: Final[list[Callable[[object], str]]] = []


def install_html(renderer: Callable[[object], str]) -> None:
    """Make ``renderer`` the function that turns a record, a result or the edition into HTML."""
    _INSTALLED[:] = [renderer]


def html(value: object) -> str | None:
    """Return ``value`` as HTML, or None (plain text then) if no renderer is installed.

    >>> import bluebook_data as bb
    >>> html(bb.country("Georgia")).startswith("<table")
    True
    """
    return _INSTALLED[0](value) if _INSTALLED else None
