"""Show records and query results as HTML tables in IPython, without the records knowing how.

The classes are registered with IPython's HTML formatter by name, so that neither they nor the
renderer are imported before a notebook shows one.
"""

from __future__ import annotations

import sys
from typing import Final

__all__ = ["DISPLAYED", "register_html_display"]

#: The classes shown as HTML, by the module that defines them.
DISPLAYED: Final = {
    "bluebook_data.model": (
        "Chapter", "Country", "Engagement", "Paragraph", "Person", "Records", "Reference",
        "Section", "Sentence", "Span", "Statement", "Topic",
    ),
    "bluebook_data._edition.bluebook": ("Bluebook",),
    "bluebook_data._edition.results": ("Results",),
}  # fmt: skip


def _html(value: object) -> str:
    # Imported on first display, deliberately: a notebook that shows no record never pays for the
    # renderer, which imports the records.
    from bluebook_data._display.html import html_of

    return html_of(value)


def register_html_display() -> None:
    """Have the running IPython shell, if any, show this package's records as HTML."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    for module, names in DISPLAYED.items():
        for name in names:
            formatter.for_type_by_name(module, name, _html)
