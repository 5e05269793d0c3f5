"""Query results stay tuples to code and show as HTML tables in any notebook, IPython's too."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Callable

import pytest

import bluebook_data as bb
from bluebook_data._display.html import html_of
from bluebook_data._edition.results import Results

_QUERIES: list[Callable[[], tuple[object, ...]]] = [
    lambda: bb.engagements(country="KZ"),
    lambda: bb.engagements(),
    lambda: bb.statements(kind="outcome"),
    lambda: bb.countries(),
    lambda: bb.countries(region="caucasus"),
    bb.people,
    bb.topics,
    lambda: bb.search("peace treaty"),
    lambda: bb.load().sentences(),
]


@pytest.mark.parametrize("query", _QUERIES)
def test_results_are_tuples_equal_to_the_plain_tuple(
    query: Callable[[], tuple[object, ...]],
) -> None:
    """A result is a Results, a tuple, equal to and hashing as the plain tuple of its records."""
    found = query()
    plain = tuple(found)
    assert isinstance(found, Results)
    assert isinstance(found, tuple)
    assert found == plain
    assert plain == found
    assert hash(found) == hash(plain)
    assert found[:1] == plain[:1]
    assert type(found[:1]) is tuple


@pytest.mark.parametrize("query", _QUERIES)
def test_results_render_every_record(query: Callable[[], tuple[object, ...]]) -> None:
    """The HTML table has a row per record, each naming the record's id where it has one."""
    found = query()
    page = html_of(found)
    assert page.count("<tr>") == len(found) + 1
    for record in found:
        assert str(getattr(record, "id", getattr(record, "code", ""))) in page


def test_results_are_immutable_and_pickle() -> None:
    """No attribute can be set on a result, and it survives pickling as an equal Results."""
    found = bb.engagements(country="KZ")
    with pytest.raises(AttributeError):
        found.extra = 1  # type: ignore[attr-defined]
    copy = pickle.loads(pickle.dumps(found))
    assert copy == found
    assert type(copy) is Results


def test_an_empty_result_renders() -> None:
    """No records still gives a table, saying so."""
    assert "0 items" in html_of(Results(()))


@pytest.mark.parametrize(
    "record",
    [
        bb.engagement("2015-09-28-summit-new-york"),
        bb.statements()[0],
        bb.country("Japan"),
        bb.person("Putin"),
        bb.topic("peace-treaty"),
        bb.load().sentences()[0],
        bb.chapter(),
        bb.chapter().sections[0],
        bb.load(),
    ],
    ids=lambda record: type(record).__name__,
)
def test_records_render_as_html(record: object) -> None:
    """Each record class renders as a table captioned with its class name."""
    page = html_of(record)
    assert page.startswith("<table")
    assert f"<caption>{type(record).__name__}</caption>" in page


def _displayed_classes() -> list[type]:
    import bluebook_data.model

    records = [
        cls
        for cls in (getattr(bluebook_data.model, name) for name in bluebook_data.model.__all__)
        if hasattr(cls, "__attrs_attrs__") and cls is not bb.PartialDate
    ]
    return [*records, bb.Bluebook, Results]


@pytest.mark.parametrize("cls", _displayed_classes(), ids=lambda cls: cls.__name__)
def test_every_record_class_carries_repr_html(cls: type) -> None:
    """Every record class, the edition and Results answer ``_repr_html_``, the notebooks' hook."""
    assert callable(getattr(cls, "_repr_html_", None))


@pytest.mark.parametrize(
    "value",
    [
        bb.engagement("2015-09-28-summit-new-york"),
        bb.engagement("2015-09-28-summit-new-york").evidence[0],
        bb.engagement("2015-09-28-summit-new-york").references[0],
        bb.load().records,
        bb.chapter().sections[0].paragraphs[0],
        bb.engagements(),
        bb.search("peace treaty"),
        bb.load(),
    ],
    ids=lambda value: type(value).__name__,
)
def test_repr_html_is_the_renderers_html(value: object) -> None:
    """``_repr_html_`` gives what the renderer gives: the layers lend, they do not copy."""
    assert value._repr_html_() == html_of(value)  # type: ignore[attr-defined]


_IN_IPYTHON = """
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
import bluebook_data as bb
for value in (bb.engagement("2015-09-28-summit-new-york"), bb.countries(), bb.load()):
    data, _ = shell.display_formatter.format(value)
    assert data["text/html"].startswith("<table"), data
print("ok")
"""


def test_ipython_shows_records_as_html() -> None:
    """In an IPython shell, importing the package makes records and results show as tables."""
    pytest.importorskip("IPython")
    run = subprocess.run(
        [sys.executable, "-c", _IN_IPYTHON], capture_output=True, text=True, check=False
    )
    assert run.stdout.strip() == "ok", run.stderr


def test_plain_python_imports_no_renderer() -> None:
    """Outside IPython, a query imports neither the renderer nor IPython."""
    probe = (
        "import sys, bluebook_data as bb; bb.engagements(country='RU');"
        "print(sorted(m for m in sys.modules"
        " if m.startswith(('IPython', 'bluebook_data._exports'))))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_a_long_result_has_a_short_repr() -> None:
    """A long result spells out a screenful of records, a record a line or a few, then a count."""
    found = bb.engagements()
    lines = repr(found).splitlines()
    assert len(lines) <= 21
    shown = int(lines[-1].split(", ")[-1].removesuffix(" shown"))
    assert 1 <= shown < len(found)
    assert lines[-1] == f" ...)  # {len(found)} records, {shown} shown"
    assert repr(found).startswith(f"({found[0]!r},\n {found[1]!r},\n")


def test_a_short_result_spells_out_every_record() -> None:
    """A result that fits a screen shows every record, one under the other, and no count."""
    found = bb.countries(region="caucasus")
    assert repr(found) == "(" + ",\n ".join(map(repr, found)) + ")"
    assert repr(Results(())) == "()"
    one = bb.search("peace treaty")[:1]
    assert repr(Results(one)) == f"({one[0]!r},)"


def test_search_results_carry_their_phrase_and_pickle() -> None:
    """A search result knows the phrase it was asked for, cannot change it, and pickles with it."""
    found = bb.search("peace treaty")
    assert found.query == "peace treaty"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        found.query = "other"  # type: ignore[attr-defined]
    copy = pickle.loads(pickle.dumps(found))
    assert (copy, copy.query) == (found, "peace treaty")


@pytest.mark.parametrize(
    "call",
    [
        lambda: bb.engagements(country="Rusia"),
        lambda: bb.engagements(kind="summit"),
        lambda: bb.engagements(year="2015"),  # type: ignore[arg-type]
        lambda: bb.engagements(contry="RU"),  # type: ignore[call-arg]
        lambda: bb.load().engagements(person="nobody"),
        lambda: bb.engagement("no-such-id"),
        lambda: bb.statements(topic="sport"),
        lambda: bb.countries(region="europe"),
        lambda: bb.country("Atlantis"),
        lambda: bb.person(3),  # type: ignore[arg-type]
        lambda: bb.topic("x"),
        lambda: bb.search(" "),
    ],
)
def test_a_bad_argument_hides_the_package_frames(call: Callable[[], object]) -> None:
    """Every frame of the package a bad argument passes sets ``__tracebackhide__`` for IPython."""
    with pytest.raises((bb.BluebookError, TypeError)) as raised:
        call()
    frames = []
    traceback = raised.value.__traceback__
    while traceback is not None:
        frames.append(traceback.tb_frame)
        traceback = traceback.tb_next
    inside = [f for f in frames if "bluebook_data" in f.f_code.co_filename]
    assert inside
    assert [f.f_code.co_name for f in inside if not f.f_locals.get("__tracebackhide__")] == []
