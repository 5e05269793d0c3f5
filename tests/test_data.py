"""The shipped data: every span quotes the text, every sentence is cited, every addition sourced."""

from __future__ import annotations

import calendar
import datetime
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import importlib_resources
import pytest

import bluebook_data as bb
from bluebook_data._loading import resources
from bluebook_data._tables.events import PLOVER_TABLE_URL
from tests.helpers import Record, records, sentences, spans

_BOOK = bb.load()
_SHA256 = "d5d00fc45a15f5aaaac077d9ffcaf7e1ed66485849566692d78afa73e1a8dd15"
_SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "source" / resources.TEXT_FILE
_PRECISION = {"year": 0, "month": 1, "day": 2}
_DATA_GUIDE = Path(__file__).resolve().parents[1] / "docs" / "guide" / "data.md"


def _shipped_text() -> bytes:
    return (importlib_resources.files("bluebook_data") / "data" / resources.TEXT_FILE).read_bytes()


@pytest.mark.parametrize(
    ("label", "span"), [pytest.param(*pair, id=pair[0]) for pair in spans(_BOOK)]
)
def test_span_quotes_the_text(book: bb.Bluebook, label: str, span: bb.Span) -> None:
    """Every span's text is the verbatim text between its offsets."""
    assert span.text == book.text()[span.start : span.end], label


@pytest.mark.parametrize("sentence", sentences(_BOOK), ids=lambda sentence: sentence.id)
def test_sentence_is_cited(book: bb.Bluebook, sentence: bb.Sentence) -> None:
    """Every sentence overlaps the evidence of at least one engagement or statement."""
    citing: tuple[bb.Engagement | bb.Statement, ...] = (
        *book.records.engagements,
        *book.records.statements,
    )
    evidence = [span for record in citing for span in record.evidence]
    assert any(
        span.start < sentence.span.end and sentence.span.start < span.end for span in evidence
    ), f"no engagement or statement cites {sentence.text!r}"


def test_shipped_text_checksum(book: bb.Bluebook) -> None:
    """The shipped text has the published sha256, and text() returns exactly its bytes."""
    raw = _shipped_text()
    assert hashlib.sha256(raw).hexdigest() == _SHA256
    assert book.text().encode("utf-8") == raw


@pytest.mark.skipif(not _SOURCE.exists(), reason=f"no source text at {_SOURCE}")
def test_shipped_text_is_the_source() -> None:
    """The shipped text is byte for byte the source text kept beside the project."""
    assert _shipped_text() == _SOURCE.read_bytes()


def test_structure(book: bb.Bluebook) -> None:
    """One chapter holds one section of five paragraphs (the body lines) and twelve sentences."""
    headings = book.text().split("\n")[:5]
    body = book.text().split("\n")[5:]
    [chapter] = book.chapters
    [section] = chapter.sections
    assert f"Chapter {chapter.number}" == headings[1]
    assert f"Section {section.number} {section.title}" == headings[3]
    assert section.heading == headings[4] == "Overview"
    assert [paragraph.text for paragraph in section.paragraphs] == body
    assert len(section.paragraphs) == 5
    assert [paragraph.index for paragraph in section.paragraphs] == [1, 2, 3, 4, 5]
    assert sum(len(paragraph.sentences) for paragraph in section.paragraphs) == 12


def _added_details(record: Record, book: bb.Bluebook) -> list[str]:
    """Name the details of ``record`` that the text does not state."""
    text = book.text()
    if isinstance(record, bb.Country):
        codes = {"alpha3": record.alpha3, "numeric": record.numeric, "wikidata": record.wikidata}
        return [field for field, value in codes.items() if value is not None and value not in text]
    if isinstance(record, bb.Person):
        details = {"name": record.name, "office": record.office, "wikidata": record.wikidata}
        return [
            field for field, value in details.items() if value is not None and value not in text
        ]
    if not isinstance(record, bb.Engagement):
        return []
    said = " ".join(span.text for span in record.evidence)
    added = [
        field
        for field in ("date", "end_date")
        if (date := getattr(record, field)) is not None
        and _PRECISION[date.precision] > _stated_precision(date, said)
    ]
    if record.location is not None:
        added.append("location")
    family_names = {person.id: person.family_name for person in book.records.people}
    if any(family_names[person] not in said for person in record.participants):
        added.append("participants")
    if record.cameo is not None:
        added.append("cameo")
    return added


def _stated_precision(date: bb.PartialDate, said: str) -> int:
    """Rank how precisely ``said`` states ``date``: the year is the edition's, so always known."""
    if date.month is None or f"{calendar.month_name[date.month]} {date.year}" not in said:
        return _PRECISION["year"]
    if date.day is not None and f"{date.day} {calendar.month_name[date.month]}" in said:
        return _PRECISION["day"]
    return _PRECISION["month"]


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(record, id=label)
        for label, record in records(_BOOK)
        if isinstance(record, bb.Country | bb.Person | bb.Engagement)
    ],
)
def test_added_details_have_a_reference(
    book: bb.Bluebook, record: bb.Country | bb.Person | bb.Engagement
) -> None:
    """A record with details the text does not state cites at least one Reference for them."""
    added = _added_details(record, book)
    assert record.references or not added, f"{added} rest on no reference"


def test_some_details_are_added(book: bb.Bluebook) -> None:
    """The check above has something to check: the data do add dates, places and codes."""
    added = {field for _, record in records(book) for field in _added_details(record, book)}
    assert {"date", "location", "participants", "cameo", "alpha3", "office"} <= added


@pytest.mark.parametrize(
    "ids",
    [
        pytest.param([c.code for c in _BOOK.records.countries], id="country-code"),
        pytest.param([c.alpha3 for c in _BOOK.records.countries], id="country-alpha3"),
        pytest.param([c.numeric for c in _BOOK.records.countries], id="country-numeric"),
        pytest.param([p.id for p in _BOOK.records.people], id="people"),
        pytest.param([t.id for t in _BOOK.records.topics], id="topics"),
        pytest.param([e.id for e in _BOOK.records.engagements], id="engagements"),
        pytest.param([s.id for s in _BOOK.records.statements], id="statements"),
        pytest.param([p.id for p in _BOOK.chapter().sections[0].paragraphs], id="paragraphs"),
        pytest.param([s.id for s in sentences(_BOOK)], id="sentences"),
    ],
)
def test_ids_are_unique(ids: list[str]) -> None:
    """No two records of a kind share an id or code."""
    duplicated = sorted({id_ for id_ in ids if ids.count(id_) > 1})
    assert ids
    assert not duplicated


@pytest.mark.parametrize(
    "engagement",
    [e for e in _BOOK.records.engagements if e.part_of is not None],
    ids=lambda engagement: engagement.id,
)
def test_part_of_names_a_visit_spanning_the_meeting(
    book: bb.Bluebook, engagement: bb.Engagement
) -> None:
    """A meeting held during a visit names that visit, and falls within its dates."""
    visit = book.engagement(engagement.part_of or "")
    assert visit.kind is bb.EngagementKind.VISIT
    assert visit.date is not None
    assert engagement.date is not None
    assert visit.date <= engagement.date <= (visit.end_date or visit.date)


def test_urls_are_http(book: bb.Bluebook) -> None:
    """The edition's URL and every reference's URL are absolute http(s) addresses."""
    urls = [book.url] + [
        reference.url
        for _, record in records(book)
        for reference in getattr(record, "references", ())
    ]
    bad = [
        url
        for url in urls
        if urlsplit(url).scheme not in {"http", "https"}
        or not urlsplit(url).netloc
        or url != url.strip()
    ]
    assert len(urls) > 1
    assert not bad


#: Hosts whose links redirect elsewhere, so that a reader cannot tell what is cited.
_SHORTENERS = frozenset({"amba.to", "bit.ly", "goo.gl", "ow.ly", "t.co", "tinyurl.com", "buff.ly"})
#: What the codes rest on: the CAMEO codebook and the PLOVER conversion table.
_CAMEO_CODEBOOK = "http://eventdata.parusanalytics.com/data.dir/cameo.html"
_CODE_TABLES = frozenset({_CAMEO_CODEBOOK, PLOVER_TABLE_URL})
#: The topics with no parent, each a different subject of the text.
_ROOT_TOPICS = frozenset(
    {
        "asia-pacific",
        "political-dialogue",
        "economy",
        "security",
        "regional-and-international-issues",
        "culture-and-human-exchange",
        "peace-treaty",
        "geopolitics",
        "natural-resources",
        "bilateral-relations",
    }
)
#: A publication date in an address: ``/2015/09/23/``, ``/2015-09-22/`` or ``/2015-10/10/``.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?=[/._-]|$)")
#: The guide's topic tree: one ``- `id`: Label`` line a topic, two spaces deeper per level.
_GUIDE_TOPIC = re.compile(r"^(?P<indent> *)- `(?P<id>[a-z0-9-]+)`: (?P<label>.+)$")


def _urls(book: bb.Bluebook) -> list[str]:
    return [
        reference.url
        for _, record in records(book)
        for reference in getattr(record, "references", ())
    ]


def test_no_reference_is_a_shortener_or_an_amp_copy(book: bb.Bluebook) -> None:
    """Every reference is the page itself: no URL shortener, no AMP copy of a page."""
    urls = _urls(book)
    assert urls
    for url in urls:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        assert host not in _SHORTENERS, url
        assert not host.startswith("amp."), url
        assert "amp" not in parts.path.strip("/").split("/"), url


def test_every_enrichment_has_a_reference_on_the_same_record(book: bb.Bluebook) -> None:
    """Codes cite the codebook and the table; other added details cite a source of their own."""
    checked = 0
    for _, record in records(book):
        if not isinstance(record, bb.Country | bb.Person | bb.Engagement):
            continue
        added = _added_details(record, book)
        urls = {reference.url for reference in record.references}
        if "cameo" in added:
            assert urls >= _CODE_TABLES, record
        if set(added) - {"cameo"}:
            assert urls - _CODE_TABLES, f"{record}: {added} rest only on the code tables"
            checked += 1
    assert checked


def test_topic_tree_has_no_cycle(book: bb.Bluebook) -> None:
    """Walking up from any topic reaches a root in fewer steps than there are topics."""
    parents = {topic.id: topic.parent for topic in book.records.topics}
    for topic_id in parents:
        current: str | None = topic_id
        for _ in range(len(parents)):
            if current is None:
                break
            current = parents[current]
        assert current is None, f"{topic_id} never reaches a root"


def test_topic_roots_are_distinct_subjects(book: bb.Bluebook) -> None:
    """The roots are the agreed list, and no two share a label."""
    roots = [topic for topic in book.records.topics if topic.parent is None]
    assert {topic.id for topic in roots} == _ROOT_TOPICS
    labels = [topic.label.casefold() for topic in roots]
    assert len(set(labels)) == len(labels)


def test_only_outcomes_name_engagements(book: bb.Bluebook) -> None:
    """A statement links engagements only as the meetings an outcome was reached at."""
    linked = [s for s in book.records.statements if s.engagements]
    assert linked
    for statement in linked:
        assert statement.kind is bb.StatementKind.OUTCOME, statement.id


def _reported_events(book: bb.Bluebook) -> Iterator[tuple[str, str, datetime.date]]:
    """Give each reference of a dated engagement or an outcome, with the first day it reports."""
    for engagement in book.records.engagements:
        if engagement.date is not None:
            for reference in engagement.references:
                yield engagement.id, reference.url, engagement.date.first_day()
    for statement in book.records.statements:
        dates = [book.engagement(id_).date for id_ in statement.engagements]
        days = [date.first_day() for date in dates if date is not None]
        for reference in statement.references if days else ():
            yield statement.id, reference.url, min(days)


def _url_date(url: str) -> datetime.date | None:
    found = _URL_DATE.search(urlsplit(url).path)
    return None if found is None else datetime.date(*map(int, found.groups()))


def test_no_report_is_dated_before_the_event_it_supports(book: bb.Bluebook) -> None:
    """A reference whose address carries its publication date was published on the day or after."""
    checked = 0
    for record_id, url, first_day in _reported_events(book):
        published = _url_date(url)
        if published is not None:
            checked += 1
            assert published >= first_day, f"{record_id}: {url} predates {first_day}"
    assert checked >= 3


def test_url_date_reads_the_address_forms_cited() -> None:
    """The date reader finds the forms the references use, and nothing in an undated address."""
    assert _url_date("https://example.org/news/articles/2015-09-22/japan") == datetime.date(
        2015, 9, 22
    )
    assert _url_date("http://jp.example.com/2015-10/10/c_1.htm") == datetime.date(2015, 10, 10)
    assert _url_date("http://example.co.jp/news/2015/09/23/national/") == datetime.date(2015, 9, 23)
    assert _url_date("http://tass.com/politics/827122") is None


def _guide_topics() -> dict[str, tuple[str, str | None]]:
    """Read the data guide's topic tree as ``{id: (label, parent id)}``."""
    section = _DATA_GUIDE.read_text("utf-8").split("## The topic tree", 1)[1].split("\n## ", 1)[0]
    tree: dict[str, tuple[str, str | None]] = {}
    ancestors: list[str] = []
    for line in section.splitlines():
        found = _GUIDE_TOPIC.match(line)
        if found is None:
            continue
        depth = len(found["indent"]) // 2
        del ancestors[depth:]
        tree[found["id"]] = (found["label"], ancestors[-1] if ancestors else None)
        ancestors.append(found["id"])
    return tree


def test_the_data_guide_draws_the_topic_tree_the_data_has(book: bb.Bluebook) -> None:
    """Every topic is in the guide's tree with its label and its parent, and nothing else is."""
    shipped = {topic.id: (topic.label, topic.parent) for topic in book.records.topics}
    assert _guide_topics() == shipped


def test_security_and_the_international_issues_are_apart(book: bb.Bluebook) -> None:
    """Neither holds the other: a query for security no longer returns the Antalya summit."""
    assert book.topic("regional-and-international-issues").parent is None
    assert "2015-11-15-summit-antalya" not in {e.id for e in book.engagements(topic="security")}
    assert "2015-11-15-summit-antalya" in {
        e.id for e in book.engagements(topic="regional-and-international-issues")
    }
