"""The loader: strict about every file it reads, cached once, safe under concurrent first calls."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._loading import loader, resources
from bluebook_data._loading.resources import ANNOTATIONS_FILE, TEXT_FILE
from bluebook_data._versions import SCHEMA_VERSION

Document = dict[str, Any]


def _edit(root: Path, change: Callable[[Document], object]) -> None:
    """Rewrite the annotations in ``root`` after ``change`` has edited the parsed document."""
    path = root / ANNOTATIONS_FILE
    document = json.loads(path.read_bytes())
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _first(document: Document, kind: str, test: Callable[[Document], bool]) -> int:
    """Return the position of the first record of ``kind`` that passes ``test``."""
    return next(i for i, record in enumerate(document["records"][kind]) if test(record))


def _load_failure(root: Path) -> bb.DataError:
    with pytest.raises(bb.DataError) as caught:
        loader.load_bluebook(root)
    return caught.value


def test_intact_copy_loads(data_dir: Path, book: bb.Bluebook) -> None:
    """The unbroken copy that the failure cases start from loads and equals the shipped edition."""
    assert loader.load_bluebook(data_dir) == book


@pytest.mark.parametrize("missing", [TEXT_FILE, ANNOTATIONS_FILE])
def test_missing_file(data_dir: Path, missing: str) -> None:
    """A missing data file is a DataError naming it."""
    (data_dir / missing).unlink()
    error = _load_failure(data_dir)
    assert error.file == missing
    assert str(error).startswith(f"{missing}: cannot read")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"schema_version": 1,', "invalid JSON"),
        (b"", "invalid JSON"),
        (b'{"a": "\xff"}', "not UTF-8"),
        (b"[1, 2]", "expected a JSON object"),
    ],
)
def test_unreadable_annotations(data_dir: Path, content: bytes, problem: str) -> None:
    """Annotations that are not a UTF-8 JSON object are a DataError at the root path."""
    (data_dir / ANNOTATIONS_FILE).write_bytes(content)
    error = _load_failure(data_dir)
    assert error.file == ANNOTATIONS_FILE
    assert problem in str(error)
    assert str(error).endswith("@ $")


def test_changed_byte_in_text(data_dir: Path) -> None:
    """One changed byte of the text fails its checksum."""
    path = data_dir / TEXT_FILE
    raw = path.read_bytes()
    at = raw.index(b"Kishida")
    path.write_bytes(raw[:at] + b"k" + raw[at + 1 :])
    error = _load_failure(data_dir)
    assert error.file == TEXT_FILE
    assert "sha256" in str(error)


def test_text_that_is_not_a_section(data_dir: Path) -> None:
    """A text whose checksum matches but whose headings are not those declared is a DataError."""
    path = data_dir / TEXT_FILE
    raw = path.read_bytes().replace(b"Chapter 2", b"Kapitel 2", 1)
    path.write_bytes(raw)
    checksum = hashlib.sha256(raw).hexdigest()
    _edit(data_dir, lambda document: _break(document, ("source", "sha256"), checksum))
    _edit(
        data_dir,
        lambda document: _break(document, ("structure", "chapter", "title"), "Chapter Two"),
    )
    error = _load_failure(data_dir)
    assert error.file == "annotations.json"
    assert "'Chapter Two' is not in the heading lines @ $.structure" in str(error)


def _break(document: Document, path: tuple[str | int, ...], value: object) -> None:
    """Set the value at ``path`` in ``document``, or delete it if the value is ``_DELETE``."""
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value


_DELETE = object()
_E3 = ("records", "engagements", 3)
_AT_E3 = "$.records.engagements[3]"
_C1 = ("records", "countries", 1)

#: (where to change the annotations, the value put there, the field path the error must name)
_BREAKAGES: list[Any] = [
    pytest.param(("schema_version",), 3, "$.schema_version", id="unknown-schema-version"),
    pytest.param(("schema_version",), "1", "$.schema_version", id="schema-version-as-text"),
    pytest.param(("schema_version",), True, "$.schema_version", id="schema-version-as-bool"),
    pytest.param(("data_version",), "2015.0.0", "$.data_version", id="other-data-version"),
    pytest.param(("surplus",), 1, "$", id="extra-key-at-top"),
    pytest.param(("data_version",), 2016, "$.data_version", id="data-version-as-number"),
    pytest.param(("source",), _DELETE, "$.source", id="missing-source"),
    pytest.param(("source",), [], "$.source", id="list-for-source"),
    pytest.param(("source",), {}, "$.source.sha256", id="empty-source"),
    pytest.param(("source", "url"), _DELETE, "$.source.url", id="missing-source-field"),
    pytest.param(("source", "url"), 3, "$.source.url", id="int-for-source-field"),
    pytest.param(("source", "licence"), "CC", "$.source", id="extra-key-in-source"),
    pytest.param(("records",), _DELETE, "$.records", id="missing-records"),
    pytest.param((*_E3, "venue"), "Moscow", _AT_E3, id="extra-key"),
    pytest.param((*_E3, "kind"), _DELETE, f"{_AT_E3}.kind", id="missing-field"),
    pytest.param((*_E3, "title"), 3, f"{_AT_E3}.title", id="int-for-str"),
    pytest.param((*_E3, "countries"), "JP", f"{_AT_E3}.countries", id="str-for-list"),
    pytest.param((*_E3, "date"), "2015-09-31", f"{_AT_E3}.date", id="bad-date"),
    pytest.param((*_E3, "kind"), "talks", f"{_AT_E3}.kind", id="bad-enum"),
    pytest.param((*_E3, "evidence", 0, "end"), "1", f"{_AT_E3}.evidence[0].end", id="str-for-int"),
    pytest.param((*_C1, "region"), "europe", "$.records.countries[1].region", id="bad-region"),
    pytest.param(_E3, "an engagement", _AT_E3, id="str-for-record"),
    pytest.param(("records", "engagements"), {}, "$.records.engagements", id="object-for-list"),
    pytest.param(("records",), [], "$.records", id="list-for-object"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "value", "detail"),
    [
        (_E3, "an engagement", "expected an object, got str"),
        (("records", "engagements"), {}, "expected a list, got dict"),
        ((*_E3, "date"), "2015-13", "month must be 1-12"),
        (
            (*_E3, "countries"),
            ["JP", 3],
            "expected a string, got int @ $.records.engagements[3].countries[1]",
        ),
    ],
)
def test_broken_annotations_say_what_was_expected(
    data_dir: Path, path: tuple[str | int, ...], value: object, detail: str
) -> None:
    """A problem carries the failure's own detail, not just the type that was expected."""
    _edit(data_dir, lambda document: _break(document, path, value))
    assert detail in str(_load_failure(data_dir))


@pytest.mark.parametrize(("path", "value", "where"), _BREAKAGES)
def test_broken_annotations(
    data_dir: Path, path: tuple[str | int, ...], value: object, where: str
) -> None:
    """A wrong key, type or value is a DataError naming the file and the field path."""
    _edit(data_dir, lambda document: _break(document, path, value))
    error = _load_failure(data_dir)
    assert error.file == ANNOTATIONS_FILE
    assert str(error).startswith(f"{ANNOTATIONS_FILE}: ")
    assert any(problem.endswith(f" @ {where}") for problem in error.problems), error.problems


def _quote_changed(document: Document) -> str:
    """Change one letter of an engagement's quote, keeping its length."""
    i = _first(document, "engagements", lambda e: "Kishida" in e["evidence"][0]["text"])
    span = document["records"]["engagements"][i]["evidence"][0]
    span["text"] = span["text"].replace("Kishida", "Kishido")
    return f"$.records.engagements[{i}].evidence[0]"


def _span_moved(document: Document) -> str:
    """Shift a statement's span one character to the right, keeping its quote."""
    span = document["records"]["statements"][2]["evidence"][0]
    span["start"] += 1
    span["end"] += 1
    return "$.records.statements[2].evidence[0]"


def _span_past_end(document: Document) -> str:
    """Point a topic's span beyond the end of the text."""
    span = document["records"]["topics"][0]["evidence"][0]
    length = span["end"] - span["start"]
    span["start"] = 10_000
    span["end"] = 10_000 + length
    return "$.records.topics[0].evidence[0]"


def _duplicate_id(document: Document) -> str:
    engagements = document["records"]["engagements"]
    engagements[4]["id"] = engagements[3]["id"]
    return "$.records.engagements[4].id"


def _part_of_a_meeting(document: Document) -> str:
    engagements = document["records"]["engagements"]
    i = _first(document, "engagements", lambda e: e["part_of"] is not None)
    meeting = _first(document, "engagements", lambda e: e["kind"] != "visit")
    engagements[i]["part_of"] = engagements[meeting]["id"]
    return f"$.records.engagements[{i}].part_of"


def _topic_parent_cycle(document: Document) -> str:
    """Make a topic the parent of its own parent."""
    topics = document["records"]["topics"]
    child = _first(document, "topics", lambda t: t["parent"] is not None)
    parent = _first(document, "topics", lambda t: t["id"] == topics[child]["parent"])
    topics[parent]["parent"] = topics[child]["id"]
    return f"$.records.topics[{min(child, parent)}].parent"


def _end_before_start(document: Document) -> str:
    i = _first(document, "engagements", lambda e: e["end_date"] is not None)
    document["records"]["engagements"][i]["end_date"] = "2015-01-01"
    return f"$.records.engagements[{i}].end_date"


def _no_evidence(document: Document) -> str:
    document["records"]["statements"][0]["evidence"] = []
    return "$.records.statements[0].evidence"


@pytest.mark.parametrize(
    "breakage",
    [
        _quote_changed, _span_moved, _span_past_end, _duplicate_id, _part_of_a_meeting,
        _topic_parent_cycle, _end_before_start, _no_evidence,
    ],
    ids=lambda breakage: breakage.__name__.strip("_").replace("_", "-"),
)  # fmt: skip
def test_records_that_do_not_fit(data_dir: Path, breakage: Callable[[Document], str]) -> None:
    """A record misquoting the text or naming what does not exist is a DataError with its path."""
    where: list[str] = []
    _edit(data_dir, lambda document: where.append(breakage(document)))
    error = _load_failure(data_dir)
    assert error.file == ANNOTATIONS_FILE
    assert any(problem.endswith(f" @ {where[0]}") for problem in error.problems), error.problems


@pytest.mark.parametrize(
    ("kind", "field", "position", "dangling"),
    [
        pytest.param("engagements", "part_of", None, "2015-no-such-visit", id="part-of"),
        pytest.param("engagements", "countries", 1, "FR", id="country-code"),
        pytest.param("engagements", "participants", 1, "no-such-person", id="person-id"),
        pytest.param("engagements", "topics", 0, "no-such-topic", id="topic-id"),
        pytest.param("statements", "countries", 0, "XK", id="statement-country-code"),
        pytest.param("statements", "topics", 1, "no-such-topic", id="statement-topic-id"),
        pytest.param("statements", "engagements", 0, "no-such-meeting", id="statement-engagement"),
        pytest.param("people", "country", None, "XX", id="person-country-code"),
        pytest.param("topics", "parent", None, "no-such-topic", id="topic-parent"),
    ],
)  # fmt: skip
def test_dangling_reference(
    data_dir: Path, kind: str, field: str, position: int | None, dangling: str
) -> None:
    """A reference to a record that does not exist is a DataError at the referring field."""
    document = json.loads((data_dir / ANNOTATIONS_FILE).read_bytes())
    i = _first(document, kind, lambda record: len(record[field] or "") > (position or 0))
    steps = ("records", kind, i, field, *(() if position is None else (position,)))
    _edit(data_dir, lambda document: _break(document, steps, dangling))
    where = f"$.records.{kind}[{i}].{field}" + ("" if position is None else f"[{position}]")
    error = _load_failure(data_dir)
    assert error.file == ANNOTATIONS_FILE
    assert any(problem.endswith(f" @ {where}") for problem in error.problems), error.problems


def test_every_problem_is_reported(data_dir: Path) -> None:
    """All problems of a file are reported together, one per line of ``problems``."""
    _edit(data_dir, lambda document: (_span_moved(document), _duplicate_id(document)))
    error = _load_failure(data_dir)
    assert len(error.problems) == 2
    assert " @ " in str(error).split("; ")[1]


def test_load_is_cached() -> None:
    """load() gives the same object on every call."""
    assert loader.load() is loader.load() is bb.load()


def test_clear_cache_forgets_the_edition() -> None:
    """After clear_cache() the next load() reads the files again, into an equal new object."""
    before = loader.load()
    loader.clear_cache()
    after = loader.load()
    assert after is not before
    assert after == before
    assert loader.load() is after


def test_concurrent_first_loads_share_one_edition() -> None:
    """Sixteen threads asking for the edition at once after clear_cache() all get one object."""
    threads = 16
    barrier = threading.Barrier(threads)
    results: list[bb.Bluebook] = []
    results_lock = threading.Lock()

    def first_load() -> None:
        barrier.wait()
        book = loader.load()
        with results_lock:
            results.append(book)

    loader.clear_cache()
    workers = [threading.Thread(target=first_load) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert len(results) == threads
    assert all(book is results[0] for book in results)
    assert loader.load() is results[0]


_IMPORT_PROBE = textwrap.dedent(
    """
    import json, sys

    opened = []
    sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
    import bluebook_data

    # Code comes from .py/.pyc files, or from the archive itself when run from a zipped wheel;
    # that the loader modules stay unimported shows the archive was not opened for data.
    data = [path for path in opened if not path.endswith((".py", ".pyc", ".whl", ".zip"))]
    modules = ("cattrs", "importlib_resources", "bluebook_data._loading")
    heavy = [name for name in modules if name in sys.modules]
    print(json.dumps({"data": data, "heavy": heavy, "loaded": bluebook_data.__name__}))
    """
)


def test_import_does_no_io_and_defers_heavy_imports() -> None:
    """``import bluebook_data`` opens only code files and imports neither cattrs nor resources."""
    run = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE], capture_output=True, text=True, check=True
    )
    assert json.loads(run.stdout) == {"data": [], "heavy": [], "loaded": "bluebook_data"}


_SHIPPED_ROOT = resources.data_root()
_SHIPPED: Document = json.loads(_SHIPPED_ROOT.joinpath(ANNOTATIONS_FILE).read_bytes())
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda values: st.lists(values, max_size=3) | st.dictionaries(st.text(max_size=8), values),
    max_leaves=6,
)
_TOP_LEVEL_PLACES: list[tuple[str, ...]] = [
    ("schema_version",),
    ("data_version",),
    ("source",),
    ("source", "sha256"),
    ("source", "licence"),
    ("records",),
    ("surplus",),
]


@settings(max_examples=300, deadline=None)
@given(place=st.sampled_from(_TOP_LEVEL_PLACES), value=_JSON_VALUES)
def test_any_top_level_value_loads_or_is_a_data_error(
    place: tuple[str, ...], value: object
) -> None:
    """Whatever JSON stands at a field of the top level, the loader gives records or a DataError."""
    document = copy.deepcopy(_SHIPPED)
    _break(document, place, value)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / TEXT_FILE).write_bytes(_SHIPPED_ROOT.joinpath(TEXT_FILE).read_bytes())
        (root / ANNOTATIONS_FILE).write_text(json.dumps(document), encoding="utf-8")
        # The only value drawn that can be right: the schema version (not a bool, which is no int).
        if place == ("schema_version",) and type(value) is int and value == SCHEMA_VERSION:
            assert loader.load_bluebook(root) == loader.load()
            return
        with pytest.raises(bb.DataError) as caught:
            loader.load_bluebook(root)
    assert caught.value.problems, "a DataError must name at least one problem"
    assert all(" @ $" in problem for problem in caught.value.problems), caught.value.problems
