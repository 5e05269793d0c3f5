"""Show records, query results and the edition as HTML in any notebook, without them knowing how.

Each of them has a ``_repr_html_`` (the method Jupyter, marimo, Panel and Streamlit look for) that
asks :mod:`bluebook_data._renderer` for its HTML. The records sit below this layer and never
import it: the package installs :func:`render_html` there when it is imported.
"""

from __future__ import annotations

from bluebook_data._renderer import install_html

__all__ = ["install_html_display", "render_html"]


def render_html(value: object) -> str:
    """Render a record, a query result or the edition as HTML.

    >>> import bluebook_data as bb
    >>> render_html(bb.topic("peace-treaty")).startswith("<table")
    True
    """
    # Imported on the first display, deliberately: a program that shows no record never pays for
    # the renderer, which imports the records and the edition.
    from bluebook_data._display.html import html_of

    return html_of(value)


def install_html_display() -> None:
    """Have every record, result and the edition render through :func:`render_html`."""
    install_html(render_html)
