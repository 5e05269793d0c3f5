"""The annotations file's JSON Schema: generated from the model, shipped unchanged, and right."""

from __future__ import annotations

import json
import sys
from typing import Any

import importlib_resources
import pytest

from bluebook_data._authoring.annotation_schema import annotation_schema, annotation_schema_text
from tests.editions import harbour_annotations, quote

jsonschema = pytest.importorskip("jsonschema")
_SHIPPED = importlib_resources.files("bluebook_data") / "data"


@pytest.mark.skipif(sys.flags.optimize >= 2, reason="-OO drops the docstrings it describes with")
def test_the_shipped_schema_is_the_generated_one() -> None:
    """The schema in the package data is what the model generates today, byte for byte."""
    assert (
        _SHIPPED.joinpath("annotations.schema.json").read_text("utf-8") == annotation_schema_text()
    )


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema passes the metaschema."""
    jsonschema.Draft202012Validator.check_schema(annotation_schema())


@pytest.mark.parametrize(
    "document",
    [
        json.loads(_SHIPPED.joinpath("annotations.json").read_text("utf-8")),
        harbour_annotations(),
        harbour_annotations(cite=quote),
    ],
    ids=["shipped", "offsets", "quotes"],
)
def test_valid_annotations_validate(document: dict[str, Any]) -> None:
    """The shipped file and the tests' own edition, by offsets or by quotes, are valid."""
    jsonschema.Draft202012Validator(annotation_schema()).validate(document)


@pytest.mark.parametrize(
    ("place", "value"),
    [
        (("schema_version",), 1),
        (("source", "year"), "2031"),
        (("records", "engagements", 0, "kind"), "summit"),
        (("records", "countries", 0, "evidence", 0), {"exact": ""}),
        (("records", "countries", 0, "evidence", 0), {"exact": "Japan", "offset": 3}),
        (("structure", "heading_lines"), 1.5),
    ],
)
def test_what_the_loader_refuses_the_schema_refuses(place: tuple[Any, ...], value: Any) -> None:
    """An editor shows, as the loader would, a wrong version, type, enum value or quote shape."""
    document = harbour_annotations()
    target: Any = document
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    assert not jsonschema.Draft202012Validator(annotation_schema()).is_valid(document)
