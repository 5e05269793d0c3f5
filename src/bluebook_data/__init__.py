"""Japan's Diplomatic Bluebook 2016, Chapter 2 Section 5 (Overview), as records citing the text.

>>> import bluebook_data as bb
>>> bb.country("Russian Federation").alpha3
'RUS'
"""

import importlib
from typing import TYPE_CHECKING

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
from bluebook_data.model import (
    Bluebook,
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
)
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
)

if TYPE_CHECKING:
    import cattrs

    from bluebook_data._citation import Citation, citation
    from bluebook_data._datapackage import write_datapackage
    from bluebook_data._frames import to_arrow, to_pandas
    from bluebook_data._schema import json_schema
    from bluebook_data._tables import to_records

    converter: cattrs.Converter
    __version__: str

__all__ = [
    "DATA_VERSION", "Bluebook", "BluebookError", "Chapter", "Citation", "Country", "DataError",
    "Engagement", "EngagementKind", "InvalidFilterError", "MissingExtraError", "Paragraph",
    "PartialDate", "Person", "Records", "Reference", "Region", "Section", "Sentence", "Span",
    "Statement", "StatementKind", "Status", "Topic", "UnknownCountryError",
    "UnknownEngagementError", "UnknownNameError", "UnknownPersonError", "UnknownTopicError",
    "__version__", "chapter", "citation", "converter", "countries", "country", "engagement",
    "engagements", "json_schema", "load", "people", "person", "search", "statements", "text",
    "to_arrow", "to_pandas", "to_records", "topic", "topics", "write_datapackage",
]  # fmt: skip

# The exports, the schema and the citation are served on first access, like the converter: their
# modules build attrs classes and tables that a plain `import bluebook_data` should not pay for.
_LAZY = {
    "Citation": "bluebook_data._citation",
    "citation": "bluebook_data._citation",
    "converter": "bluebook_data._convert",
    "json_schema": "bluebook_data._schema",
    "to_arrow": "bluebook_data._frames",
    "to_pandas": "bluebook_data._frames",
    "to_records": "bluebook_data._tables",
    "write_datapackage": "bluebook_data._datapackage",
}


def __getattr__(name: str) -> object:
    # Served on first access: cattrs and importlib.metadata cost more to import than the rest of
    # the package, and most programs never touch these names.
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name == "__version__":
        from importlib.metadata import version

        return version("bluebook-data")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # Lists the lazy names too, so that tab completion in Jupyter offers them.
    return sorted({*globals(), *__all__})
