"""Japan's Diplomatic Bluebook 2016, Chapter 2 Section 5 (Overview), as records citing the text.

>>> import bluebook_data as bb
>>> bb.country("Russian Federation").alpha3
'RUS'
"""

from typing import TYPE_CHECKING

from bluebook_data._versions import DATA_VERSION
from bluebook_data.errors import (
    BluebookError,
    DataError,
    InvalidFilterError,
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

    converter: cattrs.Converter
    __version__: str

__all__ = [
    "DATA_VERSION", "Bluebook", "BluebookError", "Chapter", "Country", "DataError", "Engagement",
    "EngagementKind", "InvalidFilterError", "Paragraph", "PartialDate", "Person", "Records",
    "Reference", "Region", "Section", "Sentence", "Span", "Statement", "StatementKind", "Status",
    "Topic", "UnknownCountryError", "UnknownEngagementError", "UnknownNameError",
    "UnknownPersonError", "UnknownTopicError", "__version__", "chapter", "converter", "countries",
    "country", "engagement", "engagements", "load", "people", "person", "search", "statements",
    "text", "topic", "topics",
]  # fmt: skip


def __getattr__(name: str) -> object:
    # Served on first access: cattrs and importlib.metadata cost more to import than the rest of
    # the package, and most programs never touch these two names.
    if name == "converter":
        from bluebook_data._convert import converter

        return converter
    if name == "__version__":
        from importlib.metadata import version

        return version("bluebook-data")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
