"""The source citation, in MOFA's form and as BibTeX, and the repository's CITATION.cff."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bluebook_data as bb

_ROOT = Path(__file__).resolve().parent.parent


def test_text_is_in_the_form_mofa_asks_for() -> None:
    """The citation reads `Source: ... website. URL: <page> Accessed <YYYY-MM-DD>.`."""
    book = bb.load()
    cited = bb.citation()
    assert cited.text == (
        f"Source: Ministry of Foreign Affairs of Japan website. URL: {book.url} "
        f"Accessed {book.accessed}."
    )
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", book.accessed)
    assert str(cited) == cited.text


def test_notice_says_the_records_are_edits() -> None:
    """The notice says the data was created by editing and is not MOFA's own work."""
    notice = bb.citation().notice
    assert notice.startswith("Created by editing")
    assert "not of the Ministry" in notice
    assert bb.load().url in notice


def test_licence_is_the_public_data_license() -> None:
    """The licence named is PDL 1.0, with MOFA's legal page."""
    cited = bb.citation()
    assert "Public Data License (Version 1.0)" in cited.licence
    assert cited.licence_url == "https://www.mofa.go.jp/about/legalmatters.html"


def test_bibtex_parses_with_the_right_fields() -> None:
    """The BibTeX entry parses and holds the publisher, year, title and page."""
    database = pytest.importorskip("pybtex.database")
    book = bb.load()
    parsed = database.parse_string(bb.citation().bibtex, "bibtex")
    entry = parsed.entries["mofa2016bluebook"]
    assert entry.type == "misc"
    assert entry.fields["year"] == str(book.year)
    assert entry.fields["url"] == book.url
    assert entry.fields["urldate"] == book.accessed
    assert book.title in entry.fields["title"]
    assert str(entry.persons["author"][0]) == "{Ministry of Foreign Affairs of Japan}"


def test_citation_cff_matches_the_package() -> None:
    """CITATION.cff names this version and cites the source page."""
    yaml = pytest.importorskip("yaml")
    path = _ROOT / "CITATION.cff"
    if not path.is_file():
        pytest.skip("CITATION.cff is not beside the tests (an installed copy of the tests)")
    cff = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert cff["version"] == bb.__version__
    assert cff["license"] == "MIT"
    urls = [reference.get("url") for reference in cff["references"]]
    assert bb.load().url in urls
