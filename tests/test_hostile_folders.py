"""Folders from a stranger, mutated thousands of ways: a DataError or an edition, nothing else."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._authoring.check import check_folder
from tests.editions import TEXT, TEXT_NAME, harbour_annotations, quote, write_edition

_VALID = json.dumps(harbour_annotations(cite=quote)).encode("utf-8")
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)
_SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(annotations: bytes, text: bytes = TEXT.encode("utf-8")) -> None:
    """Load and check a folder: an edition, or a DataError with problems that name a place."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "annotations.json").write_bytes(annotations)
        (folder / TEXT_NAME).write_bytes(text)
        problems: tuple[str, ...] = ("loaded @ $",)
        try:
            bb.load(folder, max_bytes=1 << 20)
        except bb.DataError as error:
            problems = error.problems
        assert problems
        assert all(" @ $" in problem for problem in problems), problems
        report = check_folder(folder, fix=True, max_bytes=1 << 20)
        assert all(problem.path.startswith("$") for problem in report.problems)


@_SETTINGS
@given(data=st.data())
def test_any_bytes_mutation(data: st.DataObject) -> None:
    """Bytes deleted, changed or inserted anywhere in the annotations or the text."""
    which = data.draw(st.sampled_from(["annotations", "text"]))
    raw = bytearray(_VALID if which == "annotations" else TEXT.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["delete", "replace", "insert"]))
        byte = data.draw(st.integers(0, 255))
        if action == "delete" and at < len(raw):
            del raw[at]
        elif action == "replace" and at < len(raw):
            raw[at] = byte
        else:
            raw.insert(at, byte)
    if which == "annotations":
        _outcome(bytes(raw))
    else:
        _outcome(_VALID, bytes(raw))


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


_DOCUMENT = json.loads(_VALID)
_PLACES = _places(_DOCUMENT)[1:]


@_SETTINGS
@given(
    place=st.sampled_from(_PLACES), value=_JSON, action=st.sampled_from(["set", "delete", "nest"])
)
def test_any_key_or_value_mutation(place: tuple[Any, ...], value: Any, action: str) -> None:
    """Any value replaced, any key removed, or any value buried in nesting."""
    document = json.loads(_VALID)
    parent = document
    for step in place[:-1]:
        parent = parent[step]
    key = place[-1]
    if action == "delete":
        del parent[key]
    elif action == "nest":
        parent[key] = [[[[[[[[[[[[[[[[parent[key]]]]]]]]]]]]]]]]]
    else:
        parent[key] = value
    _outcome(json.dumps(document).encode("utf-8"))


@_SETTINGS
@given(key=st.text(max_size=10), value=_JSON)
def test_any_key_added_anywhere(key: str, value: Any) -> None:
    """An unknown key added to the top level is refused, never taken silently."""
    document = json.loads(_VALID)
    document[key] = value
    _outcome(json.dumps(document).encode("utf-8"))


def test_the_unmutated_folder_loads() -> None:
    """The folder every mutation starts from is valid: the mutations are what fail."""
    with tempfile.TemporaryDirectory() as name:
        folder = write_edition(Path(name), harbour_annotations(cite=quote) | {})
        document = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        document["records"]["countries"][0]["evidence"] = [quote("Japan", suffix=" will")]
        (folder / "annotations.json").write_text(json.dumps(document), encoding="utf-8")
        assert bb.load(folder).year == 2031
