"""Folders from a stranger, mutated thousands of ways: each refused where it must be, else loaded.

Each mutated folder is judged by an oracle that does not ask the loader: a strict JSON parser, the
annotations' JSON Schema, and the file format's rules across records (every reference resolves,
every id is unique, every quote and span stands in the text). A folder those refuse must be refused
with a ``DataError`` naming the file and a place at or near the mutation; a folder that differs
from the valid one only in free text must load, and read back what was written.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._authoring.annotation_schema import annotation_schema
from bluebook_data._authoring.check import check_folder
from bluebook_data._loading.folder import MAX_DEPTH
from tests.editions import TEXT, TEXT_NAME, harbour_annotations, quote, write_edition

jsonschema = pytest.importorskip("jsonschema")

_ANNOTATIONS = "annotations.json"
_VALID = json.dumps(harbour_annotations(cite=quote)).encode("utf-8")
_DOCUMENT = json.loads(_VALID)
_SCHEMA = jsonschema.Draft202012Validator(annotation_schema())
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)
_SETTINGS = settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
#: Fields of a record holding text of the author's own, which no other field refers to.
_FREE_TEXT = frozenset({"title", "label", "summary", "name", "official_name", "office", "location"})

Path_ = tuple[Any, ...]


def _path_text(path: Path_) -> str:
    """Write a place in the document as the loader's problems do: ``$.records.topics[0].id``."""
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


def _within(where: str, place: Path_) -> bool:
    text = _path_text(place)
    return where == text or where.startswith((f"{text}.", f"{text}["))


def _related(problem: str, places: list[Path_]) -> bool:
    """Tell whether a problem names one of ``places``, a place inside it, or the object holding it.

    The whole document counts as holding a place only where the message names the place's key,
    as in ``extra fields found (schema) @ $``.
    """
    message, _, where = problem.rpartition(" @ ")
    for place in places:
        if _within(where, place) or (len(place) > 1 and _within(where, place[:-1])):
            return True
        if where == "$" and str(place[0]) in message:
            return True
    return False


def _depth(value: Any) -> int:
    """Count the levels of objects and arrays in ``value``."""
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def _schema_errors(document: Any) -> list[Any]:
    """Return what the JSON Schema finds wrong with ``document``.

    The loader reads ``"$schema": null`` as no schema given, which the schema itself does not
    allow; that one difference is set aside.
    """
    if isinstance(document, dict) and "$schema" in document and document["$schema"] is None:
        document = {key: value for key, value in document.items() if key != "$schema"}
    return list(_SCHEMA.iter_errors(document))


def _changes(old: Any, new: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Yield each place where ``new`` differs from ``old`` (a list changed in length as a whole)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old.keys() | new.keys():
            if key not in old or key not in new:
                yield (*path, key)
            else:
                yield from _changes(old[key], new[key], (*path, key))
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            yield from _changes(before, after, (*path, index))
    elif type(old) is not type(new) or old != new:
        yield path


def _places_of(text: str, whole: str) -> int:
    """Count where ``whole`` stands in ``text``, overlapping places included."""
    return sum(text.startswith(whole, at) for at in range(len(text))) if whole else 0


def _cites_the_text(item: dict[str, Any]) -> bool:
    if "exact" in item:
        whole = item.get("prefix", "") + item["exact"] + item.get("suffix", "")
        return bool(item["exact"]) and _places_of(TEXT, whole) == 1
    return bool(TEXT[item["start"] : item["end"]] == item["text"])


def _rule_breaks(document: dict[str, Any]) -> Iterator[str]:
    """Yield what breaks the format's rules across records, in a document the schema accepts."""
    records = document["records"]
    ids = {
        kind: [record[key] for record in records[kind]]
        for kind, key in [
            ("countries", "code"),
            ("people", "id"),
            ("topics", "id"),
            ("engagements", "id"),
            ("statements", "id"),
        ]
    }
    ids["alpha3"] = [country["alpha3"] for country in records["countries"]]
    for kind, found in ids.items():
        if len(set(found)) != len(found):
            yield f"a duplicate among {kind}"
    refers = {
        ("people", "country"): "countries",
        ("engagements", "countries"): "countries",
        ("engagements", "participants"): "people",
        ("engagements", "topics"): "topics",
        ("statements", "countries"): "countries",
        ("statements", "topics"): "topics",
        ("statements", "engagements"): "engagements",
        ("topics", "parent"): "topics",
        ("engagements", "part_of"): "engagements",
    }
    for (kind, field), target in refers.items():
        for record in records[kind]:
            value = record.get(field)
            values = value if isinstance(value, list) else [] if value is None else [value]
            if not set(values) <= set(ids[target]):
                yield f"{kind}.{field} names an unknown record"
    for engagement in records["engagements"]:
        if not set(engagement.get("hosts", [])) <= set(engagement["countries"]):
            yield "a host that does not take part"
        if not engagement["evidence"]:
            yield "an engagement without evidence"
    for statement in records["statements"]:
        if not statement["evidence"]:
            yield "a statement without evidence"
    for kind in ids.keys() - {"alpha3"}:
        for record in records[kind]:
            if not all(map(_cites_the_text, record.get("evidence", []))):
                yield f"evidence of {kind} that does not cite the text once"
    source = document["source"]
    if source["sha256"] != hashlib.sha256(TEXT.encode("utf-8")).hexdigest():
        yield "a checksum that is not the text's"
    if source["text"] != TEXT_NAME:
        yield "a text that is not in the folder"


def _free_text_only(places: list[Path_], document: dict[str, Any]) -> bool:
    """Tell whether every change sets author's text in a record, to a string."""
    for place in places:
        if len(place) != 4 or place[0] != "records" or place[-1] not in _FREE_TEXT:
            return False
        value = document
        for step in place:
            value = value[step]
        if not isinstance(value, str):
            return False
    return True


def _load(
    folder: Path, annotations: bytes, text: bytes
) -> tuple[bb.Bluebook | None, bb.DataError | None]:
    (folder / _ANNOTATIONS).write_bytes(annotations)
    (folder / TEXT_NAME).write_bytes(text)
    try:
        return bb.load(folder, max_bytes=1 << 20), None
    except bb.DataError as error:
        return None, error


def _assert_reads_back(book: bb.Bluebook, document: dict[str, Any], folder: Path) -> None:
    """Each field the document gives is what the edition holds; a fixed folder loads the same."""
    assert book.title == document["source"]["title"]
    assert book.year == document["source"]["year"]
    records = bb.converter.unstructure(book.records)
    for kind, written in document["records"].items():
        assert len(records[kind]) == len(written), kind
        for record, fields in zip(records[kind], written, strict=True):
            for field, value in fields.items():
                if field == "evidence":
                    quoted = [item.get("exact", item.get("text")) for item in value]
                    assert [span["text"] for span in record[field]] == quoted
                else:
                    assert record[field] == value, (kind, field)
    report = check_folder(folder, fix=True, max_bytes=1 << 20)
    assert report.problems == ()
    assert bb.load(folder) == book


def _judge(annotations: bytes, text: bytes = TEXT.encode("utf-8")) -> None:
    """Load a folder and hold the outcome to what the oracle says it must be."""
    with tempfile.TemporaryDirectory() as name:
        _judge_in(Path(name), annotations, text)


def _judge_in(folder: Path, annotations: bytes, text: bytes) -> None:
    book, error = _load(folder, annotations, text)
    if error is not None:
        assert error.problems, error
        assert all(" @ $" in problem for problem in error.problems), error.problems
    if text != TEXT.encode("utf-8"):
        assert error is not None, "a changed text loaded against the old checksum"
        digest = hashlib.sha256(text).hexdigest()
        expected = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
        assert (error.file, error.problems) == (
            TEXT_NAME,
            (f"sha256 is {digest}, expected {expected} @ $",),
        )
        return
    try:
        document = json.loads(
            annotations.decode("utf-8"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
        )
    except (UnicodeDecodeError, ValueError, RecursionError):
        assert error is not None, "a file that is not strict JSON loaded"
        assert error.file == _ANNOTATIONS
        assert len(error.problems) == 1, error.problems
        assert error.problems[0].endswith(" @ $"), error.problems
        return
    if _depth(document) > MAX_DEPTH:
        assert error is not None, "a file nested too deep loaded"
        assert (error.file, error.problems) == (
            _ANNOTATIONS,
            (f"nested deeper than {MAX_DEPTH} levels @ $",),
        )
        return
    places = list(_changes(_DOCUMENT, document))
    if not places:
        assert book is not None, error
        _assert_reads_back(book, document, folder)
        return
    invalid = _schema_errors(document)
    if invalid:
        assert error is not None, f"loaded what the schema refuses: {invalid[0].message}"
        if error.file != _ANNOTATIONS:
            # A DataError names one file: the text's problems, when its name or checksum changed.
            assert {("source", "text"), ("source", "sha256")} & set(places), error
            return
        assert any(_related(problem, places) for problem in error.problems), (
            places,
            error.problems,
        )
        return
    broken = list(_rule_breaks(document))
    if broken:
        assert error is not None, f"loaded a folder with {broken[0]}"
        assert error.file in {_ANNOTATIONS, document["source"]["text"]}
    elif _free_text_only(places, document):
        assert book is not None, f"refused a change of free text: {error}"
    if book is not None:
        _assert_reads_back(book, document, folder)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key appears twice")
    return dict(pairs)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


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
        _judge(bytes(raw))
    else:
        _judge(_VALID, bytes(raw))


def _places(value: Any, path: Path_ = ()) -> list[Path_]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


_PLACES = _places(_DOCUMENT)[1:]


def _mutated(place: Path_, value: Any, action: str) -> bytes:
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
    return json.dumps(document).encode("utf-8")


@_SETTINGS
@given(
    place=st.sampled_from(_PLACES), value=_JSON, action=st.sampled_from(["set", "delete", "nest"])
)
def test_any_key_or_value_mutation(place: Path_, value: Any, action: str) -> None:
    """Any value replaced, any key removed, or any value buried in nesting."""
    _judge(_mutated(place, value, action))


@settings(_SETTINGS, max_examples=300)
@given(
    place=st.sampled_from([p for p in _PLACES if p[-1] in _FREE_TEXT and p[0] == "records"]),
    value=st.text(max_size=20),
)
def test_any_free_text_loads_as_written(place: Path_, value: str) -> None:
    """A title, name, label or summary may be any string, and reads back exactly."""
    _judge(_mutated(place, value, "set"))


@_SETTINGS
@given(key=st.text(max_size=10), value=_JSON)
def test_any_key_added_anywhere(key: str, value: Any) -> None:
    """An unknown key added to the top level is refused, never taken silently."""
    document = json.loads(_VALID)
    document[key] = value
    _judge(json.dumps(document).encode("utf-8"))


@pytest.mark.parametrize(
    ("place", "value", "problem"),
    [
        (("records", "engagements", 0, "countries", 1), "KZX", "unknown country 'KZX'"),
        (("records", "statements", 0, "topics", 0), "ferries", "unknown topic 'ferries'"),
        (("records", "topics", 0, "evidence", 0, "exact"), "Japan", "stands in 2 places"),
        (("records", "engagements", 0, "kind"), "summit", "invalid value for type"),
        (("schema_version",), 3, "schema version 3 is not 2"),
    ],
)
def test_the_oracle_sees_what_must_be_refused(
    tmp_path: Path, place: Path_, value: Any, problem: str
) -> None:
    """Mutations the oracle refuses are refused by the loader, naming the place mutated."""
    _judge(_mutated(place, value, "set"))
    _, error = _load(tmp_path, _mutated(place, value, "set"), TEXT.encode("utf-8"))
    assert error is not None
    assert any(problem in found and _related(found, [place]) for found in error.problems)


def test_the_unmutated_folder_loads(tmp_path: Path) -> None:
    """The folder every mutation starts from is valid and reads back: mutations are what fail."""
    assert not list(_rule_breaks(_DOCUMENT))
    assert not _schema_errors(_DOCUMENT)
    _judge(_VALID)
    assert bb.load(write_edition(tmp_path, _DOCUMENT)).year == 2031
