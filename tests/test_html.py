"""The HTML renderer: quotes with offsets, links, escaping."""

from __future__ import annotations

from html import escape

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._display.html import html_of, record_html, results_html
from bluebook_data._display.html_text import marked, span_in_context


def test_evidence_is_marked_inside_its_sentence_with_offsets_on_hover() -> None:
    """A record shows each span in the sentence it comes from, its words in a titled <mark>."""
    engagement = bb.engagement("2015-10-08-vice-ministerial-negotiation-moscow")
    page = record_html(engagement)
    text = bb.text()
    for span in engagement.evidence:
        mark = f'<mark title="[{span.start}:{span.end}]">{escape(span.text)}</mark>'
        assert mark in page
        (sentence,) = [s for s in bb.load().sentences() if s.span.start <= span.start < s.span.end]
        before = escape(text[sentence.span.start : span.start])
        assert before + mark in page


def test_a_span_made_by_hand_is_shown_alone() -> None:
    """A span that is not the shipped text at its offsets is marked, without a sentence."""
    span = bb.Span(start=0, end=4, text="nope")
    assert span_in_context(span) == '<mark title="[0:4]">nope</mark>'


def test_references_are_links() -> None:
    """Each reference is a link to its URL, titled with its title."""
    engagement = bb.engagement("2015-09-28-summit-new-york")
    page = record_html(engagement)
    for reference in engagement.references:
        title = escape(reference.title)
        assert f'<a href="{reference.url}" title="{title}">{title}</a>' in page


def test_results_rows_stay_compact() -> None:
    """A results row shows id, date, kind, title, countries and the first quote, cut short."""
    engagement = bb.engagement("2015-10-08-vice-ministerial-negotiation-moscow")
    page = results_html((engagement,))
    header = page[page.index("<thead>") : page.index("</thead>")]
    names = [cell.rsplit(">", 1)[1] for cell in header.split("</th>")[:-1]]
    assert names == ["id", "date", "kind", "title", "countries", "evidence"]
    first = engagement.evidence[0]
    assert f'<q title="{escape(f"[{first.start}:{first.end}] {first.text}")}">' in page
    assert f'<code style="white-space: nowrap; font-size: 0.9em;">{engagement.id}</code>' in page
    assert '<span style="white-space: nowrap;">2015-10-08</span>' in page
    assert all(reference.url not in page for reference in engagement.references)


def test_search_results_mark_the_phrase_found() -> None:
    """Each sentence a search found is shown whole, the phrase in <mark> as the text spells it."""
    found = bb.search("JAPAN'S  national")
    page = results_html(found)
    assert found
    assert page.count("<mark>Japan’s national</mark>") == len(found)
    assert "containing \u201cJAPAN&#x27;S  national\u201d" in page


def test_marking_ignores_case_quotes_and_spaces_and_escapes() -> None:
    """The phrase is found as the search finds it, and the text around it is escaped."""
    assert marked("Japan’s  peace <b>treaty</b>", "JAPAN'S PEACE") == (
        "<mark>Japan’s  peace</mark> &lt;b&gt;treaty&lt;/b&gt;"
    )
    assert marked("a < b", None) == "a &lt; b"


def test_the_edition_shows_its_counts_and_things_to_try() -> None:
    """The edition renders its record counts and code a reader can run next."""
    book = bb.load()
    page = html_of(book)
    count = len(book.engagements())
    assert (
        f'<th style="text-align: left;">engagements</th><td style="text-align: right;">{count}</td>'
        in page
    )
    assert "bb.engagements(country=&quot;Russia&quot;)" in page


def test_every_cell_of_the_edition_says_how_it_is_aligned() -> None:
    """No cell of the edition is left to a notebook's stylesheet, which right-aligns cells."""
    page = html_of(bb.load())
    cells = page.count("<td") + page.count("<th")
    aligned = page.count('<td style="text-align: ') + page.count('<th style="text-align: ')
    aligned += page.count('<td colspan="2" style="text-align: ')
    assert cells == aligned > 0


def test_the_chapter_shows_every_sentence_with_its_id() -> None:
    """The chapter renders its paragraphs, each sentence after its id."""
    page = html_of(bb.chapter())
    for sentence in bb.load().sentences():
        shown = f'<code style="white-space: nowrap;">{sentence.id}</code></sup>'
        assert f"{shown} {escape(sentence.span.text)}" in page


def test_values_are_escaped() -> None:
    """Markup in a value is shown as text, and only web URLs become links."""
    reference = bb.Reference(url="javascript:alert(1)", title="<script>x</script>")
    page = record_html(reference)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "href" not in page


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x",
     "vbscript:x", "//example.org/x", "httpx://example.org"],
)  # fmt: skip
def test_only_web_urls_become_links_anywhere(url: str) -> None:
    """A folder's URL that is not http(s) is never a link: in a record, a result or the edition."""
    engagement = bb.engagement("2015-09-28-summit-new-york")
    bad = attrs.evolve(engagement, references=(bb.Reference(url=url, title="Source"),))
    book = attrs.evolve(bb.load(), url=url)
    for page in (record_html(bad), results_html((bad,)), html_of(book), bad._repr_html_()):
        assert page is not None
        assert "href" not in page
        assert "<a " not in page
    good = attrs.evolve(bad, references=(bb.Reference(url="HTTPS://example.org/", title="S"),))
    assert 'href="HTTPS://example.org/"' in record_html(good)


def test_fields_left_out_of_the_repr_are_left_out() -> None:
    """The section's whole text, hidden from its repr, is not repeated in its HTML."""
    section = bb.chapter().sections[0]
    assert not attrs.fields(bb.Section).text.repr
    assert section.paragraphs[1].text not in record_html(section)


def test_nested_records_are_named_by_id() -> None:
    """A paragraph lists its sentences by id."""
    paragraph = bb.chapter().sections[0].paragraphs[0]
    page = record_html(paragraph)
    assert all(f">{sentence.id}</code>" in page for sentence in paragraph.sentences)


def test_results_without_a_compact_layout_show_every_shown_field() -> None:
    """Records with no compact layout (spans) get a column per field shown in the repr."""
    spans = bb.engagements()[0].evidence
    page = results_html(spans)
    header = page[page.index("<thead>") : page.index("</thead>")]
    shown = [field.name for field in attrs.fields(bb.Span) if field.repr]
    assert [cell.rsplit(">", 1)[1] for cell in header.split("</th>")[:-1]] == shown


def test_mixed_items_fall_back_to_their_repr() -> None:
    """A tuple of unlike items renders each by its escaped repr."""
    page = results_html((1, "<b>"))
    assert "&#x27;&lt;b&gt;&#x27;" in page
    assert "2 items" in page


def test_kinds_read_as_they_are_typed_everywhere() -> None:
    """A kind shows as its value (``summit_meeting``, as a filter takes it), breakable at ``_``."""
    engagement = bb.engagement("2015-10-08-vice-ministerial-negotiation-moscow")
    shown = "vice_<wbr>ministerial_<wbr>negotiation"
    for page in (record_html(engagement), results_html((engagement,))):
        assert shown in page
        assert "vice ministerial" not in page
    assert shown.replace("<wbr>", "") == engagement.kind.value


def test_ids_in_lists_are_shown_whole() -> None:
    """The ids a record lists (participants, topics) never break at their hyphens."""
    engagement = bb.engagement("2015-09-28-summit-new-york")
    page = record_html(engagement)
    for person in engagement.participants:
        assert f'<code style="white-space: nowrap; font-size: 0.9em;">{person}</code>' in page


def test_a_sentence_id_cannot_leave_its_attribute() -> None:
    """A folder's sentence id holding a quote stays inside the title attribute, escaped."""
    chapter = bb.chapter()
    section = chapter.sections[0]
    paragraph = section.paragraphs[0]
    sentence = attrs.evolve(paragraph.sentences[0], id='x" onmouseover="alert(1)')
    paragraph = attrs.evolve(paragraph, sentences=(sentence, *paragraph.sentences[1:]))
    section = attrs.evolve(section, paragraphs=(paragraph, *section.paragraphs[1:]))
    page = html_of(attrs.evolve(chapter, sections=(section,)))
    assert 'onmouseover="' not in page
    assert 'title="x&quot; onmouseover=&quot;alert(1)"' in page
