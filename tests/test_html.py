"""The HTML renderer: quotes with offsets, links, escaping."""

from __future__ import annotations

from html import escape

import attrs

import bluebook_data as bb
from bluebook_data._exports.html import record_html, results_html


def test_evidence_is_quoted_with_its_offsets() -> None:
    """Each evidence span shows as a quotation with its start and end."""
    engagement = bb.engagement("2015-10-08-vice-ministerial-negotiation-moscow")
    page = record_html(engagement)
    for span in engagement.evidence:
        assert f"<q>{span.text}</q> <small>[{span.start}:{span.end}]</small>" in page


def test_references_are_links() -> None:
    """Each reference is a link to its URL, titled with its title."""
    engagement = bb.engagement("2015-09-28-summit-new-york")
    page = record_html(engagement)
    for reference in engagement.references:
        title = escape(reference.title)
        assert f'<a href="{reference.url}" title="{title}">{title}</a>' in page


def test_results_rows_stay_compact() -> None:
    """In a results table, long quotes are cut (whole in the tooltip), references numbered."""
    engagement = bb.engagement("2015-10-08-vice-ministerial-negotiation-moscow")
    page = results_html((engagement,))
    long_quote = max(engagement.evidence, key=lambda span: len(span.text))
    quoted = escape(long_quote.text)
    assert f'<q title="{quoted}">' in page
    assert quoted not in page.replace(f'title="{quoted}"', "")
    for number, reference in enumerate(engagement.references, 1):
        assert f'<a href="{reference.url}" title="{escape(reference.title)}">[{number}]</a>' in page


def test_values_are_escaped() -> None:
    """Markup in a value is shown as text, and only web URLs become links."""
    reference = bb.Reference(url="javascript:alert(1)", title="<script>x</script>")
    page = record_html(reference)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "href" not in page


def test_fields_left_out_of_the_repr_are_left_out() -> None:
    """The section's whole text, hidden from its repr, is not repeated in its HTML."""
    section = bb.chapter().sections[0]
    assert not attrs.fields(bb.Section).text.repr
    assert section.paragraphs[1].text not in record_html(section)


def test_nested_records_are_named_by_id() -> None:
    """A paragraph lists its sentences by id."""
    paragraph = bb.chapter().sections[0].paragraphs[0]
    page = record_html(paragraph)
    assert all(f"<code>{sentence.id}</code>" in page for sentence in paragraph.sentences)


def test_results_table_has_a_column_per_shown_field() -> None:
    """The header lists the fields shown in the repr, in order."""
    page = results_html(bb.countries())
    shown = [field.name for field in attrs.fields(bb.Country) if field.repr]
    header = page[page.index("<thead>") : page.index("</thead>")]
    assert [cell.rsplit(">", 1)[1] for cell in header.split("</th>")[:-1]] == shown


def test_mixed_items_fall_back_to_their_repr() -> None:
    """A tuple of unlike items renders each by its escaped repr."""
    page = results_html((1, "<b>"))
    assert "&#x27;&lt;b&gt;&#x27;" in page
    assert "2 items" in page
