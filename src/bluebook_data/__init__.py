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
    # Served on first access, so that `import bluebook_data` costs less than `import attrs`: the
    # record classes cost more to make than the rest of the package to import (attrs compiles
    # each class's methods), cattrs, importlib.metadata and the export modules more again, and a
    # program needs them only once it touches a record or the data.
    value: object
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name == "__version__":
        from importlib.metadata import version

        value = version("bluebook-data")
    elif name in __all__:  # what __all__ names and nothing above imports: the records and enums
        from bluebook_data import model

        value = getattr(model, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # so that later look-ups never come back here
    return value


def __dir__() -> list[str]:
    # Lists the lazy names too, so that tab completion in Jupyter offers them.
    return sorted({*globals(), *__all__})
