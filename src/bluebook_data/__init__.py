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
    "DATA_VERSION", "Bluebook", "BluebookError", "Chapter", "Country", "DataError", "Engagement",
    "EngagementKind", "InvalidFilterError", "Paragraph", "PartialDate", "Person", "Records",
    "Reference", "Region", "Section", "Sentence", "Span", "Statement", "StatementKind", "Status",
    "Topic", "UnknownCountryError", "UnknownEngagementError", "UnknownNameError",
    "UnknownPersonError", "UnknownTopicError", "__version__", "chapter", "converter", "countries",
    "country", "engagement", "engagements", "load", "people", "person", "search", "statements",
    "text", "topic", "topics",
]  # fmt: skip


def __getattr__(name: str) -> object:
    # Served on first access, so that `import bluebook_data` costs less than `import attrs`: the
    # record classes cost more to make than the rest of the package to import (attrs compiles
    # each class's methods), cattrs and importlib.metadata more again, and a program needs them
    # only once it touches a record or the data, which the first query does anyway.
    value: object
    if name == "converter":
        from bluebook_data._convert import converter as value
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
    return sorted({*globals(), *__all__})
