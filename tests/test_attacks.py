"""Folders an attacker would write: only a DataError leaves, and no shape costs its square."""

from __future__ import annotations

import copy
import gc
import hashlib
import itertools
import json
import random
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._loading import occurrences as occurrences_module
from bluebook_data._loading.folder import MAX_DIGITS
from bluebook_data._loading.occurrences import occurrences
from bluebook_data._loading.quotes import resolve_quotes, without_quotes
from bluebook_data.errors import inert
from tests.editions import TEXT, TEXT_NAME, harbour_annotations, quote, write_edition

Document = dict[str, Any]


def _refused(folder: Path, file: str = "annotations.json") -> bb.DataError:
    with pytest.raises(bb.DataError) as caught:
        bb.load(folder)
    assert caught.value.file == file
    return caught.value


def _raw(folder: Path, text: str) -> Path:
    write_edition(folder)
    (folder / "annotations.json").write_text(text, encoding="utf-8")
    return folder


# Numbers and dates ------------------------------------------------------------------------


@pytest.mark.parametrize("digits", [MAX_DIGITS + 1, 5000, 100_000])
def test_an_integer_too_long_to_read_is_a_data_error(tmp_path: Path, digits: int) -> None:
    """An integer longer than Python reads is refused by the loader, saying how long it is."""
    text = json.dumps(harbour_annotations()).replace('"year": 2031', f'"year": {"9" * digits}')
    error = _refused(_raw(tmp_path, text))
    assert f"a number has {digits} digits, more than the {MAX_DIGITS} read" in str(error)


def test_the_longest_integer_read_is_still_a_type_checked_value(tmp_path: Path) -> None:
    """An integer of exactly the limit is read, and refused only as a year out of range."""
    text = json.dumps(harbour_annotations()).replace(
        '"heading_lines": 5', f'"heading_lines": {"9" * MAX_DIGITS}'
    )
    error = _refused(_raw(tmp_path, text))
    assert "digits" not in str(error)
    assert error.problems[0].endswith("@ $.structure"), error.problems


@pytest.mark.parametrize(
    ("field", "value"),
    [("date", "0000"), ("date", "0000-01-01"), ("end_date", "0000-12")],
)
def test_a_year_python_cannot_hold_is_refused_at_its_field(
    tmp_path: Path, field: str, value: str
) -> None:
    """Year 0 is refused when the folder is read, at the field's path, not later by an export."""
    document = harbour_annotations()
    document["records"]["engagements"][0][field] = value
    error = _refused(write_edition(tmp_path, document))
    assert any(
        problem.endswith(f"@ $.records.engagements[0].{field}") and "year must be 1-9999" in problem
        for problem in error.problems
    ), error.problems


def test_year_one_and_year_9999_load_and_export(tmp_path: Path) -> None:
    """The first and last years Python's dates hold load, and their bounds can be computed."""
    document = harbour_annotations()
    document["records"]["engagements"][0]["date"] = "0001-01-01"
    document["records"]["engagements"][0]["end_date"] = "9999-12"
    engagement = bb.load(write_edition(tmp_path, document)).engagements()[0]
    assert engagement.date is not None
    assert engagement.end_date is not None
    assert (engagement.date.first_day().year, engagement.end_date.last_day().day) == (1, 31)


# Control characters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    ["\x1b]0;owned\x07", "\x1b[2J", "line\r\nfake: no problems", "\x9b31m", "\u202egnp.txt"],
)
def test_a_name_with_control_characters_is_shown_inert(tmp_path: Path, hostile: str) -> None:
    """A text name holding escapes is kept as it is, and shown with every control escaped."""
    document = harbour_annotations()
    document["source"]["text"] = hostile
    error = _refused(write_edition(tmp_path, document), hostile)
    assert str(error).isprintable(), str(error)
    assert str(error).startswith(inert(hostile))


def test_a_key_with_control_characters_is_shown_inert(tmp_path: Path) -> None:
    """An unknown key holding an escape sequence is reported with the sequence escaped."""
    document = harbour_annotations()
    document["records"]["topics"][0]["\x1b[31mred"] = 1
    error = _refused(write_edition(tmp_path, document))
    assert "\\x1b[31mred" in str(error)
    assert str(error).isprintable()
    assert any("\x1b[31mred" in problem for problem in error.problems)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text, spaces and all", "plain text, spaces and all"),
        ("日本語 Ünïcödé", "日本語 Ünïcödé"),
        ("\x1b]0;t\x07", "\\x1b]0;t\\x07"),
        ("a\rb\nc\td", "a\\rb\\nc\\td"),
        ("\x85\x9b", "\\x85\\x9b"),
        ("\u202e\u2066\u200b", "\\u202e\\u2066\\u200b"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("\ud800", "\\ud800"),
    ],
)
def test_inert_escapes_exactly_what_is_not_printable(raw: str, shown: str) -> None:
    """Printable text is kept; controls, format characters and separators become escapes."""
    assert inert(raw) == shown
    assert inert(inert(raw)) == inert(raw)


# Ids folded -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "field", "first", "second"),
    [
        ("topics", "id", "fisheries", "Fisheries"),
        ("topics", "id", "fisheries", "\ufb01sheries"),  # the ligature "fi"
        ("topics", "id", "fisheries", "ＦＩＳＨＥＲＩＥＳ"),  # full-width letters
        ("countries", "code", "RU", "ru"),
    ],
)
def test_ids_equal_once_folded_are_refused_naming_both(
    tmp_path: Path, kind: str, field: str, first: str, second: str
) -> None:
    """Two ids that differ only in case or Unicode form are refused, at both their places."""
    document = harbour_annotations()
    records = document["records"][kind]
    original = next(i for i, record in enumerate(records) if record[field] == first)
    twin = copy.deepcopy(records[original])
    twin[field] = second
    if kind == "countries":
        twin["alpha3"], twin["numeric"] = "XRU", "999"
    records.append(twin)
    error = _refused(write_edition(tmp_path, document))
    first_at = f"$.records.{kind}[{original}].{field}"
    second_at = f"$.records.{kind}[{len(records) - 1}].{field}"
    (problem,) = (p for p in error.problems if "only in case or Unicode form" in p)
    assert problem.endswith(f"@ {second_at}")
    assert first_at in problem
    assert repr(first) in problem
    assert repr(second) in problem


def test_an_exact_duplicate_is_still_named_a_duplicate(tmp_path: Path) -> None:
    """An id given twice, the same way, keeps its message."""
    document = harbour_annotations()
    document["records"]["topics"].append(copy.deepcopy(document["records"]["topics"][0]))
    error = _refused(write_edition(tmp_path, document))
    assert "duplicate id 'fisheries' @ $.records.topics[1].id" in error.problems


# Shapes that once cost the square of their size -------------------------------------------


def _topic_chain(length: int, closing: str | None = None) -> Document:
    document = harbour_annotations()
    cite = document["records"]["topics"][0]["evidence"]
    document["records"]["topics"] = [
        {"id": f"t{i}", "label": f"T{i}", "parent": f"t{i - 1}" if i else closing}
        | {"evidence": cite}
        for i in range(length)
    ]
    document["records"]["statements"][0]["topics"] = ["t0"]
    return document


def test_a_long_topic_chain_loads_and_its_root_holds_every_topic(tmp_path: Path) -> None:
    """A chain of thousands of topics, each below the last, loads; the root's family is all."""
    book = bb.load(write_edition(tmp_path, _topic_chain(5000)))
    assert len(book.topics()) == 5000
    assert len(book.statements(topic="t0")) == 1
    assert book.statements(topic="t4999") == ()


def test_only_the_topics_on_a_cycle_are_their_own_ancestors(tmp_path: Path) -> None:
    """A long chain closed into a loop, with a tail leading into it: the loop's members only."""
    document = _topic_chain(3000, closing="t2999")
    topics = document["records"]["topics"]
    topics.append({"id": "tail", "label": "Tail", "parent": "t10", "evidence": []})
    error = _refused(write_edition(tmp_path, document))
    looped = [p for p in error.problems if "is its own ancestor" in p]
    assert len(looped) == 3000
    assert not any("'tail'" in problem for problem in looped)


def test_a_break_in_every_paragraph_splits_only_its_own(tmp_path: Path) -> None:
    """Sentence breaks added in many paragraphs each split the paragraph they fall in."""
    lines = TEXT.split("\n")
    body = [f"Paragraph {i} opens here and goes on to its end." for i in range(1, 401)]
    text = "\n".join([*lines[:5], *body])
    document = harbour_annotations()
    header = len("\n".join(lines[:5])) + 1
    starts = [header + sum(len(line) + 1 for line in body[:i]) for i in range(len(body))]
    document["structure"]["sentences"] = {
        "no_break_at": [],
        "break_at": [start + body[i].index("goes") for i, start in enumerate(starts)],
    }
    folder = write_edition(tmp_path, _cited_in(document, text))
    (folder / TEXT_NAME).write_text(text, encoding="utf-8")
    book = bb.load(folder)
    paragraphs = book.chapter().sections[0].paragraphs
    assert len(paragraphs) == 400
    assert all(
        [s.text for s in p.sentences]
        == [f"Paragraph {p.index} opens here and", "goes on to its end."]
        for p in paragraphs
    )


def _cited_in(document: Document, text: str) -> Document:
    """Return ``document`` for ``text``: its checksum, and every record citing by quote."""
    document = copy.deepcopy(document)
    document["source"]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    for kind in ("countries", "topics", "engagements", "statements"):
        for record in document["records"][kind]:
            record["evidence"] = [quote("Paragraph 1 opens")]
    return document


# Quotes found in one pass -----------------------------------------------------------------


def _many_quotes(count: int) -> tuple[str, list[str]]:
    words = [f"w{i}" for i in range(count)]
    text = " ".join(f"{word} said {word} and" for word in words)
    return text, [f"{word} said {word}" for word in words]


def test_many_quotes_are_found_where_a_search_finds_them() -> None:
    """The one-pass search agrees with searching for each string, found, missing or short."""
    text, patterns = _many_quotes(300)
    patterns += ["said", "w1", "missing", "w299 and", "d w2", "and w3 said w3 and"]
    found = occurrences(text, patterns, limit=1000)
    for pattern in patterns:
        assert found[pattern] == _find_all(text, pattern, 1000), pattern


def _find_all(text: str, pattern: str, limit: int) -> list[int]:
    """Every place ``pattern`` starts, overlaps included, as a lookahead finds them."""
    found = re.finditer(f"(?={re.escape(pattern)})", text)
    return [match.start() for match in itertools.islice(found, limit)]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab ", max_size=300),
    cuts=st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), min_size=40, max_size=80),
    extra=st.lists(st.text(alphabet="ab c", min_size=1, max_size=30), max_size=20),
    limit=st.sampled_from([1, 2, 6, 1000]),
)
def test_the_one_pass_search_agrees_with_searching_each_string(
    text: str, cuts: list[tuple[int, int]], extra: list[str], limit: int
) -> None:
    """Any text and strings, cut from it or not: the same places, in order, up to the limit."""
    patterns = [text[start : start + length] for start, length in cuts] + extra
    found = occurrences(text, patterns, limit, work=10**12)
    for pattern in filter(None, patterns):
        assert found[pattern] == _find_all(text, pattern, limit), pattern


def _blocks(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(("ab" * 8 + "c", "ab" * 8 + "d")) for _ in range(count))


def test_a_text_repeating_one_stretch_costs_a_bounded_search() -> None:
    """Quotes whose every piece stands nearly everywhere are tried only so far, then given up."""
    rng = random.Random(1)
    text = _blocks(rng, 4000)
    patterns = [_blocks(rng, 20) for _ in range(400)]
    work = 4 * (len(text) + sum(map(len, patterns)))
    found = occurrences(text, patterns, 101, work=work)
    given_up = [pattern for pattern, places in found.items() if places is None]
    assert given_up
    for pattern, places in found.items():
        assert places is None or places == _find_all(text, pattern, 101)


def test_a_quote_given_up_on_is_a_problem_saying_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A quote the search gave up on is reported, asking for more context or offsets."""
    monkeypatch.setattr(occurrences_module, "WORK_PER_CHARACTER", 0)
    words = [f"word{i:03d}" for i in range(40)]
    text = " ".join(f"{word} was said once" for word in words)
    patterns = [f"{word} was said once" for word in words]
    document = {"records": {"statements": [{"evidence": [quote(p) for p in patterns]}]}}
    resolution = resolve_quotes(document, text)
    assert resolution.resolved == 0
    assert resolution.problems[0] == (
        "the quote 'word000 was said once' is in a text too repetitive to place it within the "
        "work allowed for the text's size; give a longer prefix or suffix, or its offsets "
        "@ $.records.statements[0].evidence[0]"
    )
    monkeypatch.setattr(occurrences_module, "WORK_PER_CHARACTER", 16)
    assert resolve_quotes(document, text).resolved == 40


def test_a_quote_standing_everywhere_is_counted_only_so_far() -> None:
    """A quote in more than 100 places is reported as such, its first five places named."""
    text = "ab " * 500
    document = harbour_annotations(cite=lambda _: quote("ab"))
    resolution = resolve_quotes(document, text)
    assert resolution.resolved == 0
    assert resolution.problems[0].startswith(
        "the quote 'ab' stands in more than 100 places, at 0, 3, 6, 9, 12 and more;"
    )


def test_many_quotes_resolve_to_their_one_place() -> None:
    """Hundreds of quotes in one document each resolve to the place they alone stand."""
    text, patterns = _many_quotes(400)
    document = {
        "records": {
            "statements": [{"evidence": [quote(pattern) for pattern in patterns]}],
        }
    }
    resolution = resolve_quotes(document, text)
    assert resolution.problems == []
    assert resolution.resolved == 400
    spans = resolution.document["records"]["statements"][0]["evidence"]
    assert all(
        text[s["start"] : s["end"]] == s["text"] == p for s, p in zip(spans, patterns, strict=True)
    )


def test_without_quotes_drops_only_the_quotes_and_leaves_the_original() -> None:
    """For a text that could not be read, quotes are left out, spans kept, nothing edited."""
    document = harbour_annotations()
    statement = document["records"]["statements"][0]
    statement["evidence"] = [quote("Japan will"), *statement["evidence"], {"exact": 5}]
    before = copy.deepcopy(document)
    stripped = without_quotes(document)
    assert document == before
    assert (
        stripped["records"]["statements"][0]["evidence"]
        == before["records"]["statements"][0]["evidence"][1:2]
    )
    assert stripped["records"]["countries"] == before["records"]["countries"]
    assert stripped is not document


def test_without_quotes_returns_a_document_without_any_itself() -> None:
    """A document that cites by offsets only is returned as it is, uncopied."""
    document = harbour_annotations()
    assert without_quotes(document) is document
    assert without_quotes([1, 2]) == [1, 2]
    assert without_quotes({"records": "none"}) == {"records": "none"}


# The process is left alone ----------------------------------------------------------------


def test_loading_never_touches_the_cyclic_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A load neither switches the collector off nor freezes it, even for a moment."""
    folder = write_edition(tmp_path)
    touched: list[str] = []
    for name in ("disable", "enable", "freeze", "unfreeze", "set_threshold"):
        monkeypatch.setattr(gc, name, lambda *_, n=name: touched.append(n))
    bb.load(folder)
    with pytest.raises(bb.DataError):
        bb.load(tmp_path / "missing")
    assert touched == []
    assert gc.isenabled()


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_hook_on_the_public_converter_cannot_weaken_loading(tmp_path: Path) -> None:
    """A caller's hook on ``bb.converter`` changes what it structures, never what a load accepts."""
    document = harbour_annotations()
    document["records"]["engagements"][0]["title"] = 12345
    folder = write_edition(tmp_path, document)
    found = _run(
        f"""
        import bluebook_data as bb
        bb.converter.register_structure_hook(str, lambda value, _: str(value))
        assert bb.converter.structure(5, str) == "5"
        try:
            bb.load({str(folder)!r})
        except bb.DataError as error:
            print(error)
        """
    )
    assert found.returncode == 0, found.stderr
    assert "expected a string, got int @ $.records.engagements[0].title" in found.stdout


def test_a_fork_during_a_first_load_leaves_the_child_able_to_load() -> None:
    """A child forked while another thread holds the load lock gets a lock of its own."""
    found = _run(
        """
        import os, signal, threading, warnings
        warnings.simplefilter("ignore")
        from bluebook_data._loading import loader
        holding, release = threading.Event(), threading.Event()

        def hold():
            with loader._lock:
                holding.set()
                release.wait()

        threading.Thread(target=hold).start()
        holding.wait()
        child = os.fork()
        if child == 0:
            signal.alarm(60)
            os._exit(0 if loader.load().year == 2016 else 1)
        release.set()
        _, status = os.waitpid(child, 0)
        print(os.waitstatus_to_exitcode(status))
        """
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "0"


_Shape = Callable[[Document], object]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["records"]["engagements"][0].update(date="2031-02-30"),
        lambda d: d["records"]["engagements"][0].update(date="+2031"),
        lambda d: d["records"]["engagements"][0].update(date="２０３１"),
        lambda d: d["records"]["countries"][0]["evidence"][0].update(start=-(10**40)),
        lambda d: d["records"]["countries"][0]["evidence"][0].update(end=2**63),
        lambda d: d["structure"].update(heading_lines=10**18),
        lambda d: d["structure"]["sentences"].update(break_at=[2**64, -1]),
        lambda d: d["source"].update(text="."),
        lambda d: d["source"].update(text=""),
        lambda d: d["source"].update(text="a" * 5000),
        lambda d: d["records"]["topics"][0].update(parent="fisheries"),
    ],
)
def test_odd_values_anywhere_are_data_errors(tmp_path: Path, change: _Shape) -> None:
    """Impossible dates, huge offsets and odd names are each a DataError, never another error."""
    document = harbour_annotations()
    change(document)
    with pytest.raises(bb.DataError) as caught:
        bb.load(write_edition(tmp_path, document))
    assert all(" @ $" in problem for problem in caught.value.problems)
