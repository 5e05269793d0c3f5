"""Japan's Diplomatic Bluebook 2016, Chapter 2 Section 5 (Overview), as records citing the text.

>>> import bluebook_data as bb
>>> bb.country("Russian Federation").alpha3
'RUS'
"""

import importlib
import typing

from bluebook_data._display.notebook import install_html_display
from bluebook_data._versions import DATA_VERSION
from bluebook_data.errors import (
    BluebookError,
    DataError,
    InvalidFilterError,
    MissingExtraError,
    UnknownCountryError,
    UnknownEngagementError,
    UnknownNameError,
    UnknownPersonError,
    UnknownTopicError,
)

if typing.TYPE_CHECKING:
    import cattrs

    from bluebook_data._display.plot import plot_timeline
    from bluebook_data._edition.bluebook import Bluebook
    from bluebook_data._exports.citation import Citation, citation
    from bluebook_data._exports.datapackage import write_datapackage
    from bluebook_data._exports.frames import to_arrow, to_pandas, to_polars
    from bluebook_data._exports.parquet import write_parquet
    from bluebook_data._exports.schema import json_schema
    from bluebook_data._exports.sqlite import write_sqlite
    from bluebook_data._exports.webannotation import web_annotations, write_web_annotations
    from bluebook_data._tables.tables import to_records
    from bluebook_data.model import (
        Chapter,
        Country,
        Engagement,
        EngagementKind,
        Paragraph,
        PartialDate,
        Person,
        Records,
        Reference,
        Region,
        Section,
        Sentence,
        Span,
        Statement,
        StatementKind,
        Status,
        Topic,
    )  # fmt: skip
    from bluebook_data.query import (
        chapter,
        countries,
        country,
        engagement,
        engagements,
        load,
        people,
        person,
        search,
        statements,
        text,
        topic,
        topics,
    )  # fmt: skip

    converter: cattrs.Converter
    __version__: str

__all__ = [
    "DATA_VERSION", "Bluebook", "BluebookError", "Chapter", "Citation", "Country", "DataError",
    "Engagement", "EngagementKind", "InvalidFilterError", "MissingExtraError", "Paragraph",
    "PartialDate", "Person", "Records", "Reference", "Region", "Section", "Sentence", "Span",
    "Statement", "StatementKind", "Status", "Topic", "UnknownCountryError",
    "UnknownEngagementError", "UnknownNameError", "UnknownPersonError", "UnknownTopicError",
    "__version__", "chapter", "citation", "converter", "countries", "country", "engagement",
    "engagements", "json_schema", "load", "people", "person", "plot_timeline", "search",
    "statements", "text", "to_arrow", "to_pandas", "to_polars", "to_records", "topic", "topics",
    "web_annotations", "write_datapackage", "write_parquet", "write_sqlite",
    "write_web_annotations",
]  # fmt: skip

# Every other public name is served on first access (PEP 562), from the module that defines it,
# so that `import bluebook_data` costs less than `import attrs`: a program pays for the records,
# cattrs and the exports only once it touches them.
_MODULE_OF = {
    "Bluebook": "bluebook_data._edition.bluebook",
    "Citation": "bluebook_data._exports.citation",
    "citation": "bluebook_data._exports.citation",
    "converter": "bluebook_data._loading.convert",
    "json_schema": "bluebook_data._exports.schema",
    "plot_timeline": "bluebook_data._display.plot",
    "to_arrow": "bluebook_data._exports.frames",
    "to_pandas": "bluebook_data._exports.frames",
    "to_polars": "bluebook_data._exports.frames",
    "to_records": "bluebook_data._tables.tables",
    "web_annotations": "bluebook_data._exports.webannotation",
    "write_datapackage": "bluebook_data._exports.datapackage",
    "write_parquet": "bluebook_data._exports.parquet",
    "write_sqlite": "bluebook_data._exports.sqlite",
    "write_web_annotations": "bluebook_data._exports.webannotation",
    **dict.fromkeys(
        ("chapter", "countries", "country", "engagement", "engagements", "load", "people",
         "person", "search", "statements", "text", "topic", "topics"),
        "bluebook_data.query",
    ),
}  # fmt: skip


def __getattr__(name: str) -> object:
    if name == "__version__":
        value: object = importlib.import_module("importlib.metadata").version("bluebook-data")
    elif name in _MODULE_OF:
        value = getattr(importlib.import_module(_MODULE_OF[name]), name)
    elif name in __all__:  # the records and enums
        value = getattr(importlib.import_module("bluebook_data.model"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # so that later look-ups never come back here
    return value


def __dir__() -> list[str]:
    # The public names, lazy ones included, for tab completion; not this module's helpers.
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


# Records, results and the edition show themselves as HTML in any notebook (Jupyter, marimo,
# Panel, Streamlit) through their `_repr_html_`; the renderer is imported on the first display.
install_html_display()
