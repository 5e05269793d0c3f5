"""Any edition folder loads, is checked as the shipped one is, and answers on its own."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data._loading.folder import MAX_DEPTH
from tests.editions import TEXT, TEXT_NAME, harbour_annotations, quote, write_edition


def test_a_folder_loads_with_every_query(tmp_path: Path) -> None:
    """The tests' own edition loads, with its structure, records and queries."""
    book = bb.load(write_edition(tmp_path))
    assert (book.year, book.title, book.data_version) == (2031, "Harbour Notes 2031", "2031.1.0")
    assert book.text() == TEXT
    assert [s.id for s in book.sentences()] == [
        f"c1-s2-p{p}-s{s}" for p, s in ((1, 1), (1, 2), (2, 1), (2, 2))
    ]
    assert (
        book.sentences()[-1].text == "Mr. Sato later went to Kazakhstan."
    )  # the declared non-break
    assert [e.id for e in book.engagements(country="russia")] == ["2031-foreign-ministers-harbour"]
    assert book.country("KAZ").name == "Kazakhstan"
    assert [s.id for s in book.statements(topic="Fisheries")] == ["fisheries-talks-to-continue"]
    assert book.search("ferry line")[0].id == "c1-s2-p1-s2"


def test_two_editions_answer_independently(tmp_path: Path) -> None:
    """Loading a folder leaves the shipped edition, and the module helpers, as they were."""
    shipped = bb.load()
    own = bb.load(write_edition(tmp_path))
    assert bb.load() is shipped
    assert own.countries() != shipped.countries()
    assert bb.engagements(country="Russia") == shipped.engagements(country="Russia")
    assert len(own.engagements()) == 1 < len(bb.engagements())
    with pytest.raises(bb.UnknownCountryError):
        own.country("Georgia")
    assert bb.country("Georgia").code == "GE"


def test_a_folder_is_read_afresh_each_time(tmp_path: Path) -> None:
    """Each load of a folder reads it again: an edit shows, and the two objects differ."""
    folder = write_edition(tmp_path)
    first = bb.load(folder)
    document = harbour_annotations()
    document["records"]["engagements"][0]["title"] = "Edited"
    write_edition(folder, document)
    assert bb.load(folder).engagements()[0].title == "Edited"
    assert first.engagements()[0].title != "Edited"


def test_quotes_load_as_the_spans_they_stand_for(tmp_path: Path) -> None:
    """Evidence written as quotes loads as the same edition as evidence written as offsets."""
    by_offsets = bb.load(write_edition(tmp_path / "spans"))
    document = harbour_annotations(cite=quote)
    document["records"]["countries"][0]["evidence"] = [quote("Japan", suffix=" will")]
    by_quotes = bb.load(write_edition(tmp_path / "quotes", document))
    assert by_quotes.engagements() == by_offsets.engagements()
    assert by_quotes.country("JP").evidence[0].text == "Japan"


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        (quote("Japan"), "stands in 2 places, at 121, 195; add a prefix or suffix"),
        (quote("Nowhere"), "the quote 'Nowhere' is not in the text"),
        (quote("Japan", prefix="Old "), "stands at 121, 195, but not with the prefix and suffix"),
        ({"exact": ""}, "a quote's exact text is empty"),
        ({"exact": "Japan", "offset": 3}, "a quote takes exact, prefix and suffix, not offset"),
    ],
)
def test_a_quote_that_is_not_in_one_place_is_a_data_error(
    tmp_path: Path, evidence: dict[str, Any], message: str
) -> None:
    """A quote standing nowhere, or in several places, names the places it could mean."""
    document = harbour_annotations()
    document["records"]["countries"][0]["evidence"] = [evidence]
    with pytest.raises(bb.DataError) as caught:
        bb.load(write_edition(tmp_path, document))
    assert caught.value.file == "annotations.json"
    assert any(
        message in p and "$.records.countries[0].evidence[0]" in p for p in caught.value.problems
    )


def _raw(tmp_path: Path, text: str) -> Path:
    folder = write_edition(tmp_path)
    (folder / "annotations.json").write_text(text, encoding="utf-8")
    return folder


def _assert_refused(folder: Path, file: str, message: str, **options: Any) -> None:
    with pytest.raises(bb.DataError) as caught:
        bb.load(folder, **options)
    assert caught.value.file == file
    assert message in str(caught.value), caught.value


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    """An object naming a key twice is refused, where the standard library keeps the last."""
    text = json.dumps(harbour_annotations()).replace(
        '"schema_version": 2', '"schema_version": 2, "schema_version": 2'
    )
    _assert_refused(
        _raw(tmp_path, text), "annotations.json", "the key 'schema_version' appears twice"
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(tmp_path: Path, constant: str) -> None:
    """NaN and the infinities, which Python's json reads, are not JSON numbers."""
    text = json.dumps(harbour_annotations()).replace(
        '"heading_lines": 5', f'"heading_lines": {constant}'
    )
    _assert_refused(_raw(tmp_path, text), "annotations.json", f"{constant} is not a JSON number")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    """JSON nested deeper than the model can be is refused, however deep."""
    text = json.dumps(harbour_annotations())[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    _assert_refused(_raw(tmp_path, text), "annotations.json", f"nested deeper than {MAX_DEPTH}")


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    """A file larger than max_bytes is refused, naming the limit; a larger limit reads it."""
    folder = write_edition(tmp_path)
    size = (folder / "annotations.json").stat().st_size
    _assert_refused(folder, "annotations.json", f"over the limit of {size - 1}", max_bytes=size - 1)
    assert bb.load(folder, max_bytes=size).year == 2031


@pytest.mark.parametrize("name", ["../outside.txt", "/etc/hostname", "sub/../../outside.txt"])
def test_a_text_named_outside_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    """A text file named by a path leading out of the folder is never read."""
    document = harbour_annotations()
    document["source"]["text"] = name
    (tmp_path / "outside.txt").write_text(TEXT, encoding="utf-8")
    folder = write_edition(tmp_path / "edition", document)
    _assert_refused(folder, "annotations.json", "is not inside the folder")


def test_a_symlink_leading_out_is_refused(tmp_path: Path) -> None:
    """A text file that is a link to a file outside the folder is refused."""
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    folder = write_edition(tmp_path / "edition")
    (folder / TEXT_NAME).unlink()
    os.symlink(outside, folder / TEXT_NAME)
    _assert_refused(folder, TEXT_NAME, "is a link that leads out of the folder")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xef\xbb\xbf" + TEXT.encode(), "byte order mark"),
        (TEXT.encode()[:20] + b"\xff" + TEXT.encode()[20:], "not UTF-8 at byte 20"),
    ],
)
def test_a_bom_or_bad_utf8_is_refused(tmp_path: Path, raw: bytes, message: str) -> None:
    """The text must be UTF-8 without a byte order mark, even when its checksum matches."""
    import hashlib

    document = harbour_annotations()
    document["source"]["sha256"] = hashlib.sha256(raw).hexdigest()
    folder = write_edition(tmp_path, document)
    (folder / TEXT_NAME).write_bytes(raw)
    _assert_refused(folder, TEXT_NAME, message)
    (folder / "annotations.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    _assert_refused(
        folder, "annotations.json", message if raw.startswith(b"\xef") else "byte order mark"
    )


def test_a_path_that_is_not_a_folder_is_refused(tmp_path: Path) -> None:
    """A path to nothing, or to a file, is a DataError naming it."""
    _assert_refused(tmp_path / "missing", str(tmp_path / "missing"), "not a folder")


def test_every_export_takes_an_edition(tmp_path: Path) -> None:
    """The flat tables, the data package and the citation read the edition they are given."""
    book = bb.load(write_edition(tmp_path / "edition"))
    rows = bb.to_records("engagements", book=book)
    assert [row["id"] for row in rows] == ["2031-foreign-ministers-harbour"]
    assert [row["id"] for row in bb.to_records("sentences", book=book)][-1] == "c1-s2-p2-s2"
    assert bb.citation(book=book).text != bb.citation().text
    package = bb.write_datapackage(tmp_path / "package", book=book)
    assert (package.parent / TEXT_NAME).read_text(encoding="utf-8") == TEXT
    assert "2031-foreign-ministers-harbour" in (package.parent / "engagements.csv").read_text()


def test_frames_take_an_edition(tmp_path: Path) -> None:
    """The pandas and Arrow frames read the edition they are given."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    book = bb.load(write_edition(tmp_path))
    assert list(bb.to_pandas("engagements", book=book)["id"]) == ["2031-foreign-ministers-harbour"]
    assert bb.to_arrow("countries", book=book).num_rows == 3
