"""The converter's structuring hooks: what cattrs' own hooks give, without compiling any."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.gen import make_dict_structure_fn

from bluebook_data import _convert, _resources, _structure
from bluebook_data.model import Records, Span

Document = dict[str, Any]


@attrs.frozen(kw_only=True)
class _Source:
    publisher: str
    url: str
    accessed: str
    sha256: str


@attrs.frozen(kw_only=True)
class _AnnotationFile:
    """The whole annotations file as records, so that the hooks meet every shape in it.

    The loader checks the top level by hand; here it gives the hooks' path names a root.
    """

    schema_version: int
    data_version: str
    source: _Source
    records: Records


def _shipped() -> Document:
    raw = _resources.data_root().joinpath(_resources.ANNOTATIONS_FILE).read_bytes()
    document: Document = json.loads(raw)
    return document


def _engagement(document: Document, position: int = 0) -> Document:
    engagement: Document = document["records"]["engagements"][position]
    return engagement


EDITS: dict[str, Callable[[Document], object]] = {
    "unchanged": lambda d: None,
    "extra key at the top": lambda d: d.update(extra=1),
    "extra key in a record": lambda d: _engagement(d).update(bogus=1),
    "extra key in a span": lambda d: _engagement(d)["evidence"][0].update(x=1),
    "required field missing": lambda d: _engagement(d, 1).pop("id"),
    "optional field absent": lambda d: _engagement(d).pop("cameo"),
    "number for a date": lambda d: _engagement(d).update(date=2015),
    "impossible date": lambda d: _engagement(d).update(date="2015-13"),
    "string for a list": lambda d: d["records"]["countries"][0].update(aliases="x"),
    "string for an offset": lambda d: _engagement(d)["evidence"][0].update(start="a"),
    "bool for an offset": lambda d: _engagement(d)["evidence"][0].update(start=True),
    "span of the wrong length": lambda d: _engagement(d)["evidence"][0].update(text="x"),
    "unknown enum value": lambda d: _engagement(d).update(kind="nope"),
    "null for a field with a default": lambda d: _engagement(d).update(status=None),
    "null for a tuple": lambda d: _engagement(d).update(evidence=None),
    "null for an optional field": lambda d: _engagement(d).update(location=None),
    "number for an optional string": lambda d: _engagement(d).update(location=5),
    "several at once": lambda d: (
        _engagement(d).update(kind=3),
        d["records"]["people"][0].pop("name"),
        d["records"]["topics"].append({"id": 1}),
    ),
}


#: Where our hooks are stricter than cattrs' own: a non-object for a record, or a non-list for a
#: tuple of records. cattrs fails deep inside (an AttributeError, or each character of a string
#: taken as a record); ours stop at the field and say what shape was expected.
STRICTER_EDITS: dict[str, tuple[Callable[[Document], object], str]] = {
    "list for a record": (
        lambda d: d["records"]["engagements"].__setitem__(2, [1, 2]),
        "expected an object, got list",
    ),
    "string for a record": (
        lambda d: d["records"]["engagements"].__setitem__(2, "x"),
        "expected an object, got str",
    ),
    "list for the records": (lambda d: d.update(records=[]), "expected an object, got list"),
    "string for a tuple of records": (
        lambda d: _engagement(d).update(references="x"),
        "expected a list, got str",
    ),
}


def _cattrs_converter() -> cattrs.Converter:
    """Return our converter, but with cattrs' own hooks where ours stand in for them."""
    converter = _convert.make_converter()
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: make_dict_structure_fn(cls, converter)
    )
    # cattrs' methods for these have no public name; they are what its dispatch falls back to.
    converter.register_structure_hook_func(
        _structure.is_tuple_of_records, converter._structure_tuple
    )
    converter.register_structure_hook_func(_structure.is_optional, converter._structure_optional)
    return converter


def _outcome(converter: cattrs.Converter, document: Document) -> object:
    try:
        return converter.structure(document, _AnnotationFile)
    except Exception as error:
        return type(error), cattrs.transform_error(error)


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_hooks_match_cattrs_own(edit: Callable[[Document], object]) -> None:
    """The same records from good data, the same error class and field paths from bad."""
    document = _shipped()
    edit(document)
    ours = _outcome(_convert.make_converter(), copy.deepcopy(document))
    assert ours == _outcome(_cattrs_converter(), document)


@pytest.mark.parametrize(("edit", "detail"), STRICTER_EDITS.values(), ids=STRICTER_EDITS.keys())
def test_hooks_say_what_shape_was_expected(edit: Callable[[Document], object], detail: str) -> None:
    """Where cattrs fails deep inside a wrong shape, ours fail at the field, naming the shape."""
    document = _shipped()
    edit(document)
    outcomes = []
    for converter in (_convert.make_converter(), _cattrs_converter()):
        with pytest.raises(cattrs.ClassValidationError) as caught:
            converter.structure(copy.deepcopy(document), _AnnotationFile)
        outcomes.append(
            cattrs.transform_error(caught.value, format_exception=_convert.describe_error)
        )
    ours, theirs = outcomes
    assert any(detail in problem for problem in ours), ours
    our_paths = [problem.rsplit(" @ ", 1)[1] for problem in ours]
    for problem in theirs:  # each of cattrs' failures lies at or below a field ours names
        assert any(problem.rsplit(" @ ", 1)[1].startswith(path) for path in our_paths)


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        (tuple[Span, ...], True),
        (tuple[str, ...], False),
        (tuple[Span, int], False),
        (tuple, False),
        (list[Span], False),
    ],
)
def test_is_tuple_of_records(type_: object, expected: bool) -> None:
    """Only homogeneous tuples of attrs classes get the records hook."""
    assert _structure.is_tuple_of_records(type_) is expected


def test_hooks_compile_nothing() -> None:
    """Structuring every record leaves no cattrs-generated source behind in linecache."""
    import linecache

    before = {name for name in linecache.cache if "cattrs generated" in name}
    _convert.make_converter().structure(_shipped(), _AnnotationFile)
    assert {name for name in linecache.cache if "cattrs generated" in name} == before
