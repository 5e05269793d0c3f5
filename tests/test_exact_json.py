"""JSON written back with its numbers as written, laid out as json.dumps lays it out."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bluebook_data._authoring import exact_json

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)  # fmt: skip


@given(_VALUES)
def test_layout_is_that_of_json_dumps(value: object) -> None:
    """For what json.dumps wrote, writing it back gives the same text, byte for byte."""
    written = json.dumps(value, ensure_ascii=False, indent=2)
    assert exact_json.dumps(exact_json.loads(written)) == written


@pytest.mark.parametrize(
    "number",
    [
        "1e400",
        "-1E+400",
        "0.1000000000000000055511151231257827",
        "12345678901234567890123",
        "-0",
        "-0.0",
        "1.0",
        "1E2",
        "9" * 5000,  # more digits than int() takes from a string
    ],
)
def test_numbers_come_back_as_written(number: str) -> None:
    """A number a float or an int would change, or refuse, is written back as its own text."""
    assert exact_json.dumps(exact_json.loads(f'{{"n": [{number}]}}')) == (
        f'{{\n  "n": [\n    {number}\n  ]\n}}'
    )
