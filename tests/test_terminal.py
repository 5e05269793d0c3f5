"""Tables for a terminal: fitted to its width under a pseudo-terminal, whole when piped."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bluebook_data as bb
from bluebook_data._display.pages import Page, render_page
from bluebook_data._display.terminal import ELLIPSIS, TextTable, columns_of, render_table
from tests.helpers import on_terminal

_LISTINGS = [
    ["engagements"],
    ["engagements", "--country", "Russia"],
    ["engagement", "2015-10-22-abe-central-asia-tour"],
    ["statements"],
    ["countries"],
    ["people"],
    ["topics"],
    ["search", "peace treaty"],
    ["events"],
    ["text"],
    ["person", "Putin"],
]
_BOLD = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\")
_END = "---end-of-command---"

# One interpreter runs every listing in turn, so that a width costs one start-up, not nine.
_DRIVER = f"""
import json, sys
from bluebook_data.cli import main
for argv in json.loads(sys.argv[1]):
    main(argv)
    print({_END!r}, flush=True)
"""


def _on_terminal(
    columns: int, env: dict[str, str] | None = None, listings: list[list[str]] = _LISTINGS
) -> list[str]:
    """Return each listing's output as printed to a pseudo-terminal ``columns`` wide."""
    driver = [sys.executable, "-c", _DRIVER, json.dumps(listings)]
    status, output = on_terminal(driver, columns, env)
    assert status == 0
    return output.split(_END + "\n")[:-1]


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_no_line_is_wider_than_the_terminal(columns: int) -> None:
    """Every listing, on a terminal of 60, 80 or 120 columns, fits: no line wraps."""
    outputs = _on_terminal(columns)
    assert len(outputs) == len(_LISTINGS)
    for argv, output in zip(_LISTINGS, outputs, strict=True):
        lines = _BOLD.sub("", output).splitlines()
        assert len(lines) >= 3, argv
        # A URL stands whole on its own line, to be clicked and copied, however long it is.
        too_wide = [line for line in lines if len(line) > columns and " " in line.strip()]
        assert too_wide == [], argv
        if argv[0] != "text":
            assert output.startswith("\x1b[1m"), "headers and titles are bold on a terminal"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_rows_show_date_kind_and_title_and_ids_whole_or_not_at_all(columns: int) -> None:
    """At any width a row shows its date, kind and title; an id is whole or left out."""
    output = _BOLD.sub("", _on_terminal(columns)[1])
    russia = bb.engagements(country="Russia")
    header, _, *rows = output.splitlines()
    assert header.split()[:2] == ["date", "kind"] or header.split()[:3] == [
        "date",
        "status",
        "kind",
    ]
    assert "title" in header.split()
    assert len(rows) == len(russia)
    for engagement, row in zip(russia, rows, strict=True):
        assert row.startswith(engagement.date.isoformat() if engagement.date else "-")
        assert engagement.title[:10] in row
        cut_id = re.search(re.escape(engagement.id[:12]) + r"\S*" + ELLIPSIS, row)
        assert cut_id is None, row
        assert ("id" in header.split()) == (f" {engagement.id} " in row)


def test_no_color_turns_bold_off() -> None:
    """With ``NO_COLOR`` set, a terminal gets no escape sequences."""
    assert "\x1b[" not in "".join(_on_terminal(80, {"NO_COLOR": "1"}))


def test_piped_output_is_never_shortened() -> None:
    """Into a pipe, even with ``COLUMNS=60``, every title is printed whole, without bold."""
    run = subprocess.run(
        [sys.executable, "-m", "bluebook_data", "engagements"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "60"},
    )
    assert "\x1b[" not in run.stdout
    assert ELLIPSIS not in run.stdout
    for engagement in bb.engagements():
        assert run.stdout.count(engagement.title) >= 1


def test_wide_keeps_whole_rows_on_a_terminal() -> None:
    """``--wide`` prints every title whole even on a 60-column terminal."""
    (output,) = _on_terminal(60, listings=[["engagements", "--wide"]])
    assert ELLIPSIS not in output
    assert all(e.title in output for e in bb.engagements())


@pytest.mark.parametrize("width", [60, 80, 120])
def test_optional_columns_go_before_the_text_column_is_unreadable(width: int) -> None:
    """Optional columns are hidden before the text column is cut below its floor."""
    table = TextTable(
        headers=["date", "status", "id", "title"],
        rows=[["2015-09-28", "held", "i" * 30, "t" * 100]],
        text_column="title",
        optional=["status"],
    )
    header, _, row = render_table(table, width).splitlines()
    assert max(len(header), len(row)) <= width
    assert ("status" in header) == (width >= 10 + len("status") + 30 + 30 + 6)
    # Only when even the floors do not fit is a column other than the text shortened.
    assert ("i" * 30 in row) == (width >= 10 + 30 + 30 + 4)


def test_a_search_hit_is_cut_around_its_match_and_emphasised() -> None:
    """On a narrow terminal each sentence found shows the phrase, in reverse video."""
    (output,) = _on_terminal(60, listings=[["search", "peace treaty"]])
    rows = output.splitlines()[2:]
    assert len(rows) == len(bb.search("peace treaty"))
    assert all("\x1b[7mpeace treaty\x1b[0m" in row for row in rows)


@pytest.mark.parametrize("columns", [60, 120])
def test_text_wraps_at_word_boundaries_with_paragraphs_apart(columns: int) -> None:
    """``text`` on a terminal keeps every word, breaks only between words, and parts paragraphs."""
    (output,) = _on_terminal(columns, listings=[["text"]])
    assert output.split() == bb.text().split()
    paragraphs = [p for s in bb.chapter().sections for p in s.paragraphs]
    assert output.count("\n\n") == len(paragraphs)
    words = set(bb.text().split())
    assert all(set(line.split()) <= words for line in output.splitlines())


def test_cells_are_shown_inert() -> None:
    """Control characters in a cell are escaped: no cursor moves, titles or forged lines."""
    table = TextTable(headers=["id", "title"], rows=[["a\x1b]0;x\x07", "b\nok\r\u202e"]])
    shown = render_table(table, 80)
    assert not {"\x1b", "\r", "\u202e"} & set(shown)
    assert shown.splitlines()[2] == "a\\x1b]0;x\\x07  b\\nok\\r\\u202e"


def test_a_terminal_narrower_than_any_column_still_gets_short_lines() -> None:
    """Even at 10 columns no line is longer than the terminal."""
    table = TextTable(headers=["identifier", "title"], rows=[["x" * 40, "y" * 40]])
    assert all(len(line) <= 10 for line in render_table(table, 10).splitlines())


@pytest.mark.parametrize("columns", [60, 80])
def test_help_fits_the_terminal(columns: int) -> None:
    """The help, the program's and each subcommand's, wraps to the terminal's width."""
    helps = [["--help"], ["engagements", "--help"], ["search", "--help"], ["completion", "--help"]]
    outputs = _on_terminal(columns, listings=helps)
    for argv, output in zip(helps, outputs, strict=True):
        lines = output.splitlines()
        assert [line for line in lines if len(line) > columns] == [], argv
        assert lines[0].startswith("usage: bluebook-data")
    program, engagements = outputs[0], outputs[1]
    assert "  engagements  list engagements" in program
    assert "--data" not in engagements.split("\n\n")[0], "a subcommand's usage is its own"
    assert "date,status,kind,countries,id,title" in engagements.replace("\n", "").replace(" ", "")


_CELL = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.tuples(st.from_regex(r"[a-z0-9-]{1,40}", fullmatch=True), _CELL, _CELL),
                  min_size=1, max_size=5),
    width=st.integers(10, 160),
)  # fmt: skip
def test_any_table_fits_and_ids_are_whole_or_absent(
    rows: list[tuple[str, str, str]], width: int
) -> None:
    """At any width no line is wider; an id column is shown whole in every row, or not at all."""
    table = TextTable(
        headers=["id", "kind", "title"],
        rows=rows,
        text_column="title",
        optional=["id"],
        whole=["id"],
    )
    lines = render_table(table, width).splitlines()
    assert all(columns_of(line) <= width for line in lines)
    if lines[0].startswith("id"):
        assert all(line.startswith(row[0] + " ") or line == row[0] for line, (row) in
                   zip(lines[2:], rows, strict=True))  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(data=st.data(), width=st.integers(40, 120))
def test_a_marked_match_stays_in_view(data: st.DataObject, width: int) -> None:
    """However long the sentence and wherever the match, the cut cell shows all of the match."""
    text = data.draw(st.text(st.sampled_from("abc "), min_size=1, max_size=400))
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 12)))
    table = TextTable(
        headers=["sentence", "text"],
        rows=[["s1", text]],
        text_column="text",
        marks=[(start, end)],
    )
    shown = render_table(table, width, bold=True).splitlines()[2]
    assert f"\x1b[7m{text[start:end]}\x1b[0m" in shown


@pytest.mark.parametrize("width", [20, 30, 45, 60])
def test_wide_characters_count_as_two_columns(width: int) -> None:
    """Japanese titles fit as Japanese takes the screen: two columns a character."""
    table = TextTable(
        headers=["id", "title"],
        rows=[["a", "日本とロシアの首脳会談が行われた" * 3], ["bb", "Georgia グルジア"]],
        text_column="title",
        marks=[(6, 10), None],
    )
    lines = render_table(table, width).splitlines()
    assert all(columns_of(line) <= width for line in lines)
    # The titles start at the same screen column on every row, however wide the characters.
    assert [line[:4] for line in lines] == ["id  ", "--  ", "a   ", "bb  "]
    page = render_page(
        Page(title="首脳会談" * 10, fields=(("名前", "グルジア " * 20),)), width, styled=False
    )
    # A value is never wrapped narrower than 20 columns, after its label's 6.
    assert all(columns_of(line) <= max(width, 6 + 20) for line in page.splitlines())
    assert "".join(page.split()).count("グルジア") == 20
