"""How to cite the source text, in the form its publisher asks for, and as BibTeX.

The Ministry of Foreign Affairs of Japan publishes its website under the Public Data License
(Version 1.0) and asks for ``Source: Ministry of Foreign Affairs of Japan website. URL: [page URL]
Accessed [YYYY-MM-DD].`` Edited content must say so, and must not be presented as MOFA's own.
"""

from __future__ import annotations

from typing import Final

import attrs

from bluebook_data._edition.bluebook import Bluebook
from bluebook_data._loading.loader import edition_or_shipped

__all__ = ["LICENCE", "LICENCE_URL", "Citation", "citation", "citation_of"]

#: The terms the source text is published under.
LICENCE: Final = "Public Data License (Version 1.0) (PDL 1.0)"
#: MOFA's page stating those terms and the citation it asks for.
LICENCE_URL: Final = "https://www.mofa.go.jp/about/legalmatters.html"


@attrs.frozen(kw_only=True)
class Citation:
    """The citation of the source text: ``str()`` gives it in the publisher's own form.

    Attributes:
        text: The citation MOFA asks for, with the page and the date the text was taken.
        notice: The statement that this package's records are edits, not MOFA's own work.
        licence: The terms the source text is published under.
        licence_url: The page stating those terms.
        bibtex: A BibTeX entry for the source, key ``mofa2016bluebook``.
    """

    text: str
    notice: str
    licence: str
    licence_url: str
    bibtex: str

    def __str__(self) -> str:
        return self.text


def _bibtex_text(value: str) -> str:
    # The titles hold no TeX specials today; escape the few that would break an entry if one came.
    for special in "&%$#_":
        value = value.replace(special, "\\" + special)
    return value


def citation_of(book: Bluebook) -> Citation:
    """Build the citation of one edition; :func:`citation` is that of the shipped one."""
    chapter = book.chapter()
    section = chapter.sections[0]
    work = (
        f"{book.title}, Chapter {chapter.number}, Section {section.number}: "
        f"{section.title} ({section.heading})"
    )
    text = f"Source: {book.publisher} website. URL: {book.url} Accessed {book.accessed}."
    notice = (
        f"Created by editing {work}, published by the {book.publisher} ({book.url}). The "
        "records, ids, titles, summaries, topic labels and every detail taken from other "
        "sources are the work of bluebook-data, not of the Ministry."
    )
    bibtex = "\n".join(
        [
            f"@misc{{mofa{book.year}bluebook,",
            f"  author = {{{{{_bibtex_text(book.publisher)}}}}},",
            f"  title = {{{_bibtex_text(work)}}},",
            f"  howpublished = {{{_bibtex_text(book.publisher)} website}},",
            f"  year = {{{book.year}}},",
            f"  url = {{{book.url}}},",
            f"  urldate = {{{book.accessed}}},",
            f"  note = {{{_bibtex_text(LICENCE)}}}",
            "}",
        ]
    )
    return Citation(
        text=text, notice=notice, licence=LICENCE, licence_url=LICENCE_URL, bibtex=bibtex
    )


def citation(*, book: Bluebook | None = None) -> Citation:
    """Return how to cite the source text: MOFA's citation form, the edit notice and BibTeX.

    Cite the text with ``str(bb.citation())`` wherever the data is shown or shared, and the
    package itself as its ``CITATION.cff`` says.

    >>> import bluebook_data as bb
    >>> print(bb.citation())  # doctest: +ELLIPSIS
    Source: Ministry of Foreign Affairs of Japan website. URL: https://www.mofa.go.jp/...
    >>> print(bb.citation().bibtex.splitlines()[0])
    @misc{mofa2016bluebook,
    """
    return citation_of(edition_or_shipped(book))
