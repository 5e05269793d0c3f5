"""Segmentation as the annotations declare it: headings, paragraphs, sentences, overrides."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._loading.document import Heading, SentenceRule, Structure
from bluebook_data._loading.segment import segment

_BOOK = bb.load()
_HEADINGS = "\n".join(_BOOK.text().split("\n")[:5])
_SHIPPED = Structure(
    chapter=Heading(number=2, title=_BOOK.chapter().title),
    section=Heading(number=5, title="Russia, Central Asia and Caucasia"),
    section_heading="Overview",
    heading_lines=5,
)


def test_segment_gives_the_shipped_chapter(book: bb.Bluebook) -> None:
    """The shipped text, as its file declares it, gives the chapter the edition holds."""
    assert segment(book.text(), _SHIPPED) == book.chapter()
    assert book.chapter().title == book.text().split("\n")[2]


@pytest.mark.parametrize(
    "paragraph", _BOOK.chapter().sections[0].paragraphs, ids=lambda paragraph: paragraph.id
)
def test_sentences_tile_their_paragraph(book: bb.Bluebook, paragraph: bb.Paragraph) -> None:
    """A paragraph's sentences run from its start to its end, apart only by white space."""
    starts = [sentence.span.start for sentence in paragraph.sentences] + [paragraph.span.end]
    ends = [paragraph.span.start] + [sentence.span.end for sentence in paragraph.sentences]
    gaps = [book.text()[end:start] for end, start in zip(ends, starts, strict=True)]
    assert gaps[0] == gaps[-1] == ""
    assert all(gap.isspace() for gap in gaps[1:-1])
    assert all(sentence.text.endswith(".") for sentence in paragraph.sentences)
    assert all(sentence.paragraph_id == paragraph.id for sentence in paragraph.sentences)


_DEFAULT = SentenceRule()


def _sentences(body: str, rule: SentenceRule = _DEFAULT) -> list[list[str]]:
    chapter = segment(f"{_HEADINGS}\n{body}", attrs.evolve(_SHIPPED, sentences=rule))
    return [
        [sentence.text for sentence in paragraph.sentences]
        for paragraph in chapter.sections[0].paragraphs
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("One. Two.", [["One.", "Two."]]),
        (
            "Mr. Abe met a.k.a. nobody. Then left.",
            [["Mr.", "Abe met a.k.a. nobody.", "Then left."]],
        ),
        ("No stop at the end", [["No stop at the end"]]),
        ("3.5 percent. rose.\nSecond line.", [["3.5 percent. rose."], ["Second line."]]),
    ],
)
def test_by_default_sentences_end_at_a_full_stop_before_a_capital(
    body: str, expected: list[list[str]]
) -> None:
    """A sentence ends at a full stop followed by white space and a capital, or at line end."""
    assert _sentences(body) == expected


def test_overrides_remove_and_add_sentence_breaks() -> None:
    """``no_break_at`` joins what the default splits; ``break_at`` splits where it sees none."""
    body = "Mr. Abe met Mr. Putin; then they left. Later talks."
    start = len(_HEADINGS) + 1
    abe, then = start + body.index("Abe"), start + body.index("then")
    rule = SentenceRule(no_break_at=(abe,), break_at=(then,))
    assert _sentences(body) == [["Mr.", "Abe met Mr.", "Putin; then they left.", "Later talks."]]
    assert _sentences(body, rule) == [
        ["Mr. Abe met Mr.", "Putin;", "then they left.", "Later talks."]
    ]


def test_a_final_newline_ends_the_last_paragraph() -> None:
    """A text file's final newline, as editors write one, adds no empty paragraph."""
    assert _sentences("One. Two.\n") == [["One.", "Two."]]


def test_ids_follow_the_declared_numbers() -> None:
    """Paragraph and sentence ids are made of the declared chapter and section numbers."""
    structure = attrs.evolve(
        _SHIPPED, chapter=Heading(number=3, title=_SHIPPED.chapter.title), heading_lines=5
    )
    chapter = segment(f"{_HEADINGS}\nOne. Two.", structure)
    assert [s.id for s in chapter.sections[0].paragraphs[0].sentences] == [
        "c3-s5-p1-s1",
        "c3-s5-p1-s2",
    ]


@pytest.mark.parametrize(
    ("text", "changes", "message"),
    [
        (_HEADINGS, {}, "expected 5 heading lines and a body"),
        (f"{_HEADINGS}\nBody.", {"section_heading": "Summary"}, "'Summary' is not in the heading"),
        (
            f"{_HEADINGS}\nBody.",
            {"chapter": Heading(number=2, title="Another chapter")},
            "'Another chapter' is not in the heading",
        ),
        (f"{_HEADINGS}\nA paragraph.\n \nAnother.", {}, r"paragraph 2 \(line 7 of the text\)"),
        (f"{_HEADINGS}\nA paragraph.\n\n", {}, "paragraph 2 \\(line 7 of the text\\) is empty"),
        (f"{_HEADINGS}\nBody.", {"sentences": SentenceRule(break_at=(3,))}, "break at 3"),
        (f"{_HEADINGS}\nBody.", {"heading_lines": -1}, "expected -1 heading lines"),
    ],
)
def test_segment_rejects_a_text_that_is_not_as_declared(
    text: str, changes: dict[str, Any], message: str
) -> None:
    """Missing body, undeclared headings, empty paragraphs or stray breaks raise ValueError."""
    with pytest.raises(ValueError, match=message):
        segment(text, attrs.evolve(_SHIPPED, **changes))
