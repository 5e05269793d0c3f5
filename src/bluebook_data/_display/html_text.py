"""The text in HTML: evidence inside its sentences, a phrase found, the chapter, the edition.

A span of evidence is shown inside the sentences it falls in, its own words in ``<mark>`` with
their offsets in the tooltip, so that a reader sees what the record rests on and what surrounds it.
Every value is escaped.
"""

from __future__ import annotations

import html
import re
from typing import Final

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading.loader import load
from bluebook_data.model import Chapter, Span

__all__ = ["UNBROKEN", "chapter_html", "edition_html", "link", "marked", "span_in_context"]

#: The only schemes shown as links: a folder's ``javascript:`` or ``data:`` URL stays inert text.
_WEB_SCHEMES: Final = ("http://", "https://")

#: The typographic quotes the search treats as the straight ones, as character classes.
_QUOTES: Final = {"'": "['\u2018\u2019]", '"': '["\u201c\u201d]'}
_QUOTES.update({"\u2018": _QUOTES["'"], "\u2019": _QUOTES["'"]})
_QUOTES.update({"\u201c": _QUOTES['"'], "\u201d": _QUOTES['"']})

#: An id is never broken across lines (a browser would break it at its hyphens).
UNBROKEN: Final = "white-space: nowrap;"

#: What the edition's display suggests trying.
_TRY: Final = (
    'bb.engagements(country="Russia")',
    'bb.search("peace treaty")',
    'bb.engagement("2015-09-28-summit-new-york")',
    'bb.plot_timeline(country="KZ")',
    "bb.chapter()",
)


def _phrase(query: str) -> re.Pattern[str]:
    # The search ignores case, runs of white space and the kind of quote; so does the marking.
    words = ("".join(_QUOTES.get(c, re.escape(c)) for c in word) for word in query.split())
    return re.compile(r"\s+".join(words), re.IGNORECASE)


def marked(text: str, query: str | None) -> str:
    """Escape ``text``, with each occurrence of the searched phrase in ``<mark>``.

    >>> marked("Japan’s <peace> treaty", "japan's")
    '<mark>Japan’s</mark> &lt;peace&gt; treaty'
    """
    if not query or not query.strip():
        return html.escape(text)
    pieces, end = [], 0
    for match in _phrase(query).finditer(text):
        pieces += [html.escape(text[end : match.start()]), f"<mark>{html.escape(match[0])}</mark>"]
        end = match.end()
    return "".join([*pieces, html.escape(text[end:])])


def link(url: str, label: str, title: str | None = None) -> str:
    """Return ``label`` (already HTML) as a link to ``url`` if it is http(s), else as it is.

    >>> link("https://example.org/?a=1&b=2", "x")
    '<a href="https://example.org/?a=1&amp;b=2">x</a>'
    >>> link("javascript:alert(1)", "x")
    'x'
    """
    if not url.lower().startswith(_WEB_SCHEMES):
        return label
    tooltip = "" if title is None else f' title="{html.escape(title, quote=True)}"'
    return f'<a href="{html.escape(url, quote=True)}"{tooltip}>{label}</a>'


def span_in_context(span: Span, book: Bluebook | None = None) -> str:
    """Render a span inside the sentences it falls in, its words marked, its offsets on hover.

    A span that is not the shipped text at its offsets (a record made by hand) is shown on its own.

    >>> import bluebook_data as bb
    >>> span = bb.engagement("2015-09-28-summit-new-york").evidence[0]
    >>> page = span_in_context(span)
    >>> f'<mark title="[{span.start}:{span.end}]">' in page
    True
    """
    book = book or load()
    text = book.text()
    mark = f'<mark title="[{span.start}:{span.end}]">{html.escape(span.text)}</mark>'
    if text[span.start : span.end] != span.text:
        return mark
    around = [
        s.span for s in book.sentences() if s.span.start < span.end and span.start < s.span.end
    ]
    start = min([span.start, *(s.start for s in around)])
    end = max([span.end, *(s.end for s in around)])
    before, after = html.escape(text[start : span.start]), html.escape(text[span.end : end])
    return f"{before}{mark}{after}"


def chapter_html(chapter: Chapter) -> str:
    """Render a chapter as its sections' paragraphs, each sentence labelled with its id.

    >>> import bluebook_data as bb
    >>> page = chapter_html(bb.chapter())
    >>> '<sup title="c2-s5-p1-s1">' in page and "<caption>Chapter</caption>" in page
    True
    """
    parts = [f"<h4>Chapter {chapter.number}: {html.escape(chapter.title)}</h4>"]
    for section in chapter.sections:
        parts.append(f"<h5>Section {section.number}: {html.escape(section.title)}</h5>")
        for paragraph in section.paragraphs:
            sentences = " ".join(
                f'<sup title="{html.escape(s.id, quote=True)}"><code style="{UNBROKEN}">'
                f"{html.escape(s.id)}</code></sup> {html.escape(s.span.text)}"
                for s in paragraph.sentences
            )
            parts.append(f'<p title="{html.escape(paragraph.id)}">{sentences}</p>')
    body = "".join(parts)
    return (
        '<table style="width: 100%; table-layout: fixed;"><caption>Chapter</caption>'
        f'<tbody><tr><td style="text-align: left;">{body}</td></tr></tbody></table>'
    )


def edition_html(book: Bluebook) -> str:
    """Render the edition as its source, its counts of records and a few things to try.

    >>> import bluebook_data as bb
    >>> page = edition_html(bb.load())
    >>> f'<td style="text-align: right;">{len(bb.engagements())}</td>' in page
    True
    >>> "bb.search(&quot;peace treaty&quot;)" in page
    True
    """
    counts = {
        "engagements": len(book.engagements()),
        "statements": len(book.statements()),
        "countries": len(book.countries()),
        "people": len(book.people()),
        "topics": len(book.topics()),
        "sentences": len(book.sentences()),
    }
    # Every cell says how it is aligned: JupyterLab's stylesheet right-aligns table cells, which
    # would push the source and the suggestions to the far side of the table.
    rows = "".join(
        f'<tr><th style="text-align: left;">{name}</th><td style="text-align: right;">{count}</td>'
        "</tr>"
        for name, count in counts.items()
    )
    tries = "".join(f"<li><code>{html.escape(call)}</code></li>" for call in _TRY)
    source = (
        f"{link(book.url, html.escape(book.title))}, "
        f"{html.escape(book.publisher)}; data {html.escape(book.data_version)}"
    )
    return (
        '<table style="text-align: left;"><caption>Bluebook</caption><tbody>'
        f'<tr><td colspan="2" style="text-align: left;">{source}</td></tr>{rows}'
        '<tr><td colspan="2" style="text-align: left;">'
        f'Try:<ul style="margin: 0;">{tries}</ul></td></tr>'
        "</tbody></table>"
    )
