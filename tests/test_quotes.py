"""Evidence written as quotes: resolved to the one place it stands, or named with its places."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from bluebook_data._loading.quotes import resolve_quotes, without_quotes

_KINDS = ["countries", "people", "topics", "engagements", "statements"]
_TEXT = "a ferry to the harbour, a ferry to the island, and a ferry home"


def _document(*evidence: Any, kind: str = "topics") -> dict[str, Any]:
    """Return annotations whose second record of ``kind`` cites ``evidence``."""
    return {
        "schema_version": 2,
        "records": {
            kind: [{"id": "first", "evidence": []}, {"id": "second", "evidence": list(evidence)}],
            "untouched": [{"evidence": [{"exact": "ferry"}]}],
        },
    }


def _resolved(*evidence: Any, text: str = _TEXT) -> tuple[list[Any], list[str], int]:
    """Resolve ``evidence`` against ``text``: the evidence left, the problems, how many resolved."""
    resolution = resolve_quotes(_document(*evidence), text)
    left = resolution.document["records"]["topics"][1]["evidence"]
    return left, resolution.problems, resolution.resolved


_WHERE = "$.records.topics[1].evidence"


@pytest.mark.parametrize("kind", _KINDS)
def test_a_quote_becomes_the_span_it_stands_for(kind: str) -> None:
    """A quote standing once becomes its offsets, in every kind of record that cites the text."""
    resolution = resolve_quotes(_document({"exact": "harbour"}, kind=kind), _TEXT)
    start = _TEXT.index("harbour")
    assert resolution.document["records"][kind][1]["evidence"] == [
        {"start": start, "end": start + 7, "text": "harbour"}
    ]
    assert resolution.problems == []
    assert resolution.resolved == 1


def test_records_of_other_kinds_are_not_read() -> None:
    """Only the kinds of record that cite the text have their evidence resolved."""
    resolution = resolve_quotes(_document({"exact": "harbour"}), _TEXT)
    assert resolution.document["records"]["untouched"] == [{"evidence": [{"exact": "ferry"}]}]


@pytest.mark.parametrize(
    ("quote", "exact"),
    [
        ({"exact": "ferry", "prefix": "a ", "suffix": " to the island"}, "ferry"),
        ({"exact": "ferry", "suffix": " home"}, "ferry"),
        ({"exact": "ferry", "prefix": "harbour, a "}, "ferry"),
        ({"type": "TextQuoteSelector", "exact": "the island"}, "the island"),
    ],
)
def test_a_prefix_or_suffix_chooses_the_place(quote: dict[str, str], exact: str) -> None:
    """The place is where prefix, quote and suffix stand together; the span covers the quote."""
    whole = quote.get("prefix", "") + exact + quote.get("suffix", "")
    start = _TEXT.index(whole) + len(quote.get("prefix", ""))
    assert _resolved(quote) == ([{"start": start, "end": start + len(exact), "text": exact}], [], 1)


def test_spans_and_quotes_keep_their_order() -> None:
    """Evidence already given as offsets stays as it is, in its place among the quotes."""
    span = {"start": 0, "end": 1, "text": "a"}
    home = _TEXT.index("home")
    left, found, resolved = _resolved(span, {"exact": "home"}, span)
    assert left == [span, {"start": home, "end": home + 4, "text": "home"}, span]
    assert (found, resolved) == ([], 1)


def test_the_document_given_is_not_changed() -> None:
    """Resolving copies what it changes and leaves the caller's document as it was."""
    document = _document({"exact": "harbour"}, {"start": 0, "end": 1, "text": "a"})
    before = copy.deepcopy(document)
    resolution = resolve_quotes(document, _TEXT)
    assert document == before
    assert resolution.document is not document
    assert resolution.document["schema_version"] == 2


def test_a_document_without_quotes_is_returned_itself() -> None:
    """With nothing to resolve, the document is not copied."""
    document = _document({"start": 0, "end": 1, "text": "a"})
    resolution = resolve_quotes(document, _TEXT)
    assert resolution.document is document
    assert (resolution.problems, resolution.resolved) == ([], 0)
    assert without_quotes(document) is document


@pytest.mark.parametrize(
    ("quote", "problem"),
    [
        (
            {"exact": "ferry"},
            "the quote 'ferry' stands in 3 places, at 2, 26, 53; add a prefix or suffix to choose "
            f"one @ {_WHERE}[0]",
        ),
        (
            {"exact": "ferry", "prefix": "a "},
            "the quote 'ferry' stands in 3 places, at 2, 26, 53; add a prefix or suffix to choose "
            f"one @ {_WHERE}[0]",
        ),
        (
            {"exact": "ferry", "prefix": "the "},
            f"the quote 'ferry' stands at 2, 26, 53, but not with the prefix and suffix given "
            f"@ {_WHERE}[0]",
        ),
        (
            {"exact": "ferry", "suffix": " away"},
            f"the quote 'ferry' stands at 2, 26, 53, but not with the prefix and suffix given "
            f"@ {_WHERE}[0]",
        ),
        ({"exact": "ship"}, f"the quote 'ship' is not in the text @ {_WHERE}[0]"),
    ],
)
def test_a_quote_not_in_exactly_one_place_is_named_with_its_places(
    quote: dict[str, str], problem: str
) -> None:
    """A quote standing nowhere, or in several places, is left out and named with its places."""
    assert _resolved(quote) == ([], [problem], 0)


def test_overlapping_places_all_count() -> None:
    """Places that overlap are each a place: 'ana' stands twice in 'banana'."""
    expected = "the quote 'ana' stands in 2 places, at 1, 3; add a prefix or suffix to choose one"
    assert _resolved({"exact": "ana"}, text="banana") == ([], [f"{expected} @ {_WHERE}[0]"], 0)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("x" * 5, "the quote 'x' stands in 5 places, at 0, 1, 2, 3, 4; "),
        ("x" * 6, "the quote 'x' stands in 6 places, at 0, 1, 2, 3, 4 and 1 more; "),
        ("x" * 9, "the quote 'x' stands in 9 places, at 0, 1, 2, 3, 4 and 4 more; "),
    ],
)
def test_many_places_are_listed_five_at_most(text: str, listed: str) -> None:
    """The message shows the first five places and counts the rest."""
    problem = f"{listed}add a prefix or suffix to choose one @ {_WHERE}[0]"
    assert _resolved({"exact": "x"}, text=text) == ([], [problem], 0)


def test_the_places_without_the_prefix_are_listed_five_at_most() -> None:
    """A quote whose prefix stands nowhere lists the first five places of the quote alone."""
    problem = (
        "the quote 'x' stands at 0, 1, 2, 3, 4, but not with the prefix and suffix given "
        f"@ {_WHERE}[0]"
    )
    assert _resolved({"exact": "x", "prefix": "y"}, text="x" * 8) == ([], [problem], 0)


@pytest.mark.parametrize(
    ("quote", "problem"),
    [
        ({"exact": ""}, f"a quote's exact text is empty @ {_WHERE}[0].exact"),
        ({"exact": 3}, f"a quote's exact must be a string @ {_WHERE}[0].exact"),
        ({"exact": "a", "prefix": None}, f"a quote's prefix must be a string @ {_WHERE}[0].prefix"),
        (
            {"exact": "a", "suffix": ["b"]},
            f"a quote's suffix must be a string @ {_WHERE}[0].suffix",
        ),
        (
            {"exact": "a", "start": 1},
            f"a quote takes exact, prefix and suffix, not start @ {_WHERE}[0]",
        ),
        (
            {"exact": "a", "start": 1, "end": 2, "type": "TextQuoteSelector"},
            f"a quote takes exact, prefix and suffix, not end, start @ {_WHERE}[0]",
        ),
    ],
)
def test_a_quote_of_the_wrong_shape_is_named(quote: dict[str, Any], problem: str) -> None:
    """A quote with another key, a value that is not a string, or nothing to quote is named."""
    assert _resolved(quote) == ([], [problem], 0)


def test_every_problem_is_named_and_the_rest_resolved() -> None:
    """One run names every quote that cannot be resolved, and resolves the others."""
    home = _TEXT.index("home")
    left, found, resolved = _resolved({"exact": "ship"}, {"exact": "home"}, {"exact": ""})
    assert left == [{"start": home, "end": home + 4, "text": "home"}]
    assert found == [
        f"the quote 'ship' is not in the text @ {_WHERE}[0]",
        f"a quote's exact text is empty @ {_WHERE}[2].exact",
    ]
    assert resolved == 1


@pytest.mark.parametrize(
    "document",
    [
        None,
        [],
        "text",
        {"records": None},
        {"records": {"topics": {"evidence": [{"exact": "a"}]}}},
        {"records": {"topics": ["not a record", 3]}},
        {"records": {"topics": [{"evidence": {"exact": "a"}}]}},
        {"records": {"topics": [{"evidence": [["exact"], "exact", {"start": 0}]}]}},
    ],
)
def test_a_document_of_another_shape_is_left_for_structuring(document: Any) -> None:
    """What is not a list of evidence in a record is left as it is, for the converter to name."""
    resolution = resolve_quotes(document, _TEXT)
    assert resolution.document is document
    assert (resolution.problems, resolution.resolved) == ([], 0)
    assert without_quotes(document) is document


@pytest.mark.parametrize("kind", _KINDS)
def test_without_quotes_leaves_out_every_quote(kind: str) -> None:
    """For a text that could not be read, the quotes go and the spans stay, copied."""
    span = {"start": 0, "end": 1, "text": "a"}
    document = _document({"exact": "ferry"}, span, {"exact": ""}, kind=kind)
    before = copy.deepcopy(document)
    left = without_quotes(document)
    assert left["records"][kind] == [
        {"id": "first", "evidence": []},
        {"id": "second", "evidence": [span]},
    ]
    assert left["records"]["untouched"] == before["records"]["untouched"]
    assert left["schema_version"] == 2
    assert document == before
