"""The SQLite database, read back with the standard library's sqlite3 as any client would."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import bluebook_data as bb
from bluebook_data._exports import sqlite as sqlite_export
from bluebook_data._exports.sqlite import STRICT_SINCE, database_tables
from bluebook_data._tables.columns import Table
from bluebook_data.cli import main
from tests.editions import harbour_annotations, write_edition


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the shipped edition's database once for the module."""
    return bb.write_sqlite(tmp_path_factory.mktemp("sqlite") / "bluebook.db")


@pytest.fixture
def db(database: Path) -> Iterator[sqlite3.Connection]:
    """Open the database read-only, with foreign keys on."""
    with contextlib.closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as found:
        found.execute("PRAGMA foreign_keys = ON")
        yield found


@pytest.fixture
def writable(database: Path, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """Open a copy of the database to write broken rows into, foreign keys on."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(database.read_bytes())
    with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as found:
        found.execute("PRAGMA foreign_keys = ON")
        yield found


def _rows(db: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    cursor = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _decoded(spec: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {
        column.name: json.loads(row[column.name]) if column.type == "array" else row[column.name]
        for column in spec.columns
    }


@pytest.mark.parametrize("spec", database_tables(), ids=lambda spec: spec.name)
def test_every_table_holds_the_rows_of_its_export(db: sqlite3.Connection, spec: Table) -> None:
    """Each table has the export's columns and rows, lists decoded from JSON, in order."""
    stored = [_decoded(spec, row) for row in _rows(db, spec.name)]
    assert stored == spec.rows(bb.load())
    assert stored, spec.name


@pytest.mark.parametrize("spec", database_tables(), ids=lambda spec: spec.name)
def test_tables_are_strict_with_their_primary_keys(db: sqlite3.Connection, spec: Table) -> None:
    """Each table is STRICT where SQLite supports it, and its primary key is the export's."""
    if sqlite3.sqlite_version_info >= STRICT_SINCE:
        (strict,) = db.execute("SELECT strict FROM pragma_table_list WHERE name = ?", (spec.name,))
        assert strict == (1,)
    info = db.execute("SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0", (spec.name,))
    assert [name for name, _ in sorted(info, key=lambda row: row[1])] == list(spec.primary_key)


def test_foreign_keys_are_declared_and_hold(db: sqlite3.Connection) -> None:
    """Every key column, link tables included, is a foreign key, and none points nowhere."""
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    declared = {
        (table, column): (target, key)
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for _, _, target, column, key, *_ in db.execute(f'PRAGMA foreign_key_list("{table}")')
    }
    assert declared[("engagement_countries", "engagement_id")] == ("engagements", "id")
    assert declared[("engagement_countries", "country_code")] == ("countries", "code")
    assert declared[("engagements", "part_of")] == ("engagements", "id")
    assert declared[("events", "sentence_id")] == ("sentences", "id")
    for spec in database_tables():
        for column in spec.columns:
            if column.references is not None and column.type != "array":
                assert declared[(spec.name, column.name)] == column.references


def test_codes_are_text_and_numbers_are_numbers(db: sqlite3.Connection) -> None:
    """CAMEO 042 and ISO 051 keep their zeros as text; offsets are integers, scores reals."""
    assert db.execute(
        "SELECT DISTINCT cameo, typeof(cameo) FROM engagements WHERE cameo = '042'"
    ).fetchall() == [("042", "text")]
    assert db.execute(
        "SELECT numeric, typeof(numeric) FROM countries WHERE code = 'AM'"
    ).fetchall() == [("051", "text")]
    assert set(db.execute("SELECT typeof(span_start), typeof(span_end) FROM sentences")) == {
        ("integer", "integer")
    }
    assert set(db.execute("SELECT typeof(goldstein) FROM cameo_codes")) == {("real",)}
    assert set(db.execute("SELECT typeof(evidence_start) FROM engagements")) == {("text",)}


def test_dates_are_iso_text_with_their_precision(db: sqlite3.Connection) -> None:
    """A partial date is its ISO text beside its precision and the days it covers."""
    rows = db.execute(
        "SELECT date, date_precision, date_start, date_end FROM engagements "
        "WHERE id = '2015-japan-russia-youth-exchange-program'"
    ).fetchall()
    assert rows == [("2015", "year", "2015-01-01", "2015-12-31")]
    ranged = db.execute(
        "SELECT count(*) FROM engagements WHERE date_start >= '2015-10-01' "
        "AND date_end <= '2015-10-31'"
    ).fetchone()
    october = [e for e in bb.engagements() if e.date and e.date.first_day().month == 10]
    assert ranged == (sum(1 for e in october if e.date and e.date.last_day().month == 10),)


def test_every_offset_points_at_its_quote_in_the_stored_text(db: sqlite3.Connection) -> None:
    """substr() of the stored text at each sentence's and quote's offsets gives its text."""
    text = "(SELECT value FROM metadata WHERE key = 'text')"
    wrong = db.execute(
        f"SELECT id FROM sentences WHERE substr({text}, span_start + 1, "
        "span_end - span_start) IS NOT text"
    ).fetchall()
    assert wrong == []
    checked = 0
    for spec in database_tables():
        if "evidence" not in [column.name for column in spec.columns]:
            continue
        key = spec.primary_key[0]
        pairs = db.execute(
            f"SELECT t.{key}, quote.value, substr({text}, start.value + 1, "
            f"finish.value - start.value) FROM {spec.name} AS t, json_each(t.evidence) AS quote "
            "JOIN json_each(t.evidence_start) AS start ON start.key = quote.key "
            "JOIN json_each(t.evidence_end) AS finish ON finish.key = quote.key"
        ).fetchall()
        assert all(quoted == found for _, quoted, found in pairs), spec.name
        checked += len(pairs)
    assert checked == sum(
        len(record.evidence)
        for kind in (bb.engagements(), bb.statements(), bb.countries(), bb.people(), bb.topics())
        for record in kind
    )


def test_full_text_search_finds_phrases(db: sqlite3.Connection) -> None:
    """An FTS5 phrase query finds the sentences bb.search finds, and a near miss finds none."""
    found = db.execute(
        "SELECT s.id FROM sentences_fts JOIN sentences AS s ON s.rowid = sentences_fts.rowid "
        "WHERE sentences_fts MATCH ? ORDER BY s.rowid",
        ('"peace treaty"',),
    ).fetchall()
    assert [sentence_id for (sentence_id,) in found] == [s.id for s in bb.search("peace treaty")]
    assert db.execute(
        "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?", ('"treaty peace"',)
    ).fetchone() == (0,)


@pytest.mark.parametrize("layout", ["polecat", "icews"])
def test_layout_views_give_the_layout_rows(db: sqlite3.Connection, layout: str) -> None:
    """Each view computes, in SQL, exactly the rows of bb.to_records("events", layout=...)."""
    assert db.execute(
        "SELECT type FROM sqlite_master WHERE name = ?", (f"events_{layout}",)
    ).fetchone() == ("view",)
    assert _rows(db, f"events_{layout}") == bb.to_records("events", layout=layout)  # type: ignore[arg-type]


def test_metadata_names_the_source_versions_and_text(db: sqlite3.Connection) -> None:
    """The metadata table holds the source, licence, citation, versions and the text's hash."""
    metadata = dict(db.execute("SELECT key, value FROM metadata").fetchall())
    assert metadata["source_url"] == bb.load().url
    assert metadata["citation"] == str(bb.citation())
    assert metadata["licence"] == bb.citation().licence
    assert metadata["data_version"] == bb.DATA_VERSION
    assert metadata["package_version"] == bb.__version__
    assert metadata["text"] == bb.text()
    assert metadata["text_sha256"] == hashlib.sha256(bb.text().encode("utf-8")).hexdigest()


#: Broken rows and the constraint each breaks: an insert or update that must fail.
_BROKEN = [
    ("UPDATE countries SET alpha3 = 'jpn' WHERE code = 'JP'", "alpha-3 in capitals"),
    ("UPDATE countries SET numeric = '39' WHERE code = 'JP'", "ISO numeric of three digits"),
    ("UPDATE countries SET region = 'europe' WHERE code = 'JP'", "region enum"),
    ("UPDATE engagements SET month = 13 WHERE month = 10", "month range"),
    ("UPDATE engagements SET day = 0 WHERE day = 22", "day range"),
    ("UPDATE engagements SET date = '2015-02-30' WHERE date = '2015-10-22'", "a real date"),
    ("UPDATE engagements SET date = '2015-13' WHERE date = '2015-10-22'", "a real month"),
    ("UPDATE engagements SET date_start = '2016-01-01' WHERE date = '2015-10-22'", "start<=end"),
    ("UPDATE engagements SET date_end = '2015-10-32' WHERE date = '2015-10-22'", "a date"),
    ("UPDATE engagements SET date_end = '2015-11-31' WHERE date = '2015-10-22'", "30 days"),
    ("UPDATE engagements SET date = '2015-02-29' WHERE date = '2015-10-22'", "no leap day"),
    ("UPDATE engagements SET evidence = 'not json' WHERE cameo = '042'", "JSON list"),
    ("UPDATE engagements SET countries = '{}' WHERE cameo = '042'", "a list, not an object"),
    ("UPDATE engagements SET cameo = '999' WHERE cameo = '042'", "CAMEO code"),
    ("UPDATE engagements SET cameo = 42 WHERE cameo = '042'", "codes are text"),
    ("UPDATE engagements SET plover_mode = 'banana' WHERE cameo = '042'", "PLOVER mode"),
    ("UPDATE engagements SET plover_mode = NULL WHERE cameo = '042'", "042 is a visit"),
    ("UPDATE events SET event_type = 'AGREE' WHERE cameo_code = '044'", "044 is CONSULT"),
    ("UPDATE events SET event_type = 'HUG'", "PLOVER type"),
    ("UPDATE sentences SET span_start = -1 WHERE id = 'c2-s5-p1-s1'", "offsets"),
    ("UPDATE sentences SET span_end = 0 WHERE id = 'c2-s5-p1-s1'", "start before end"),
    ("UPDATE engagements SET status = NULL", "required"),
]


@pytest.mark.parametrize(("statement", "rule"), _BROKEN, ids=[rule for _, rule in _BROKEN])
def test_constraints_refuse_what_the_codebooks_refuse(
    writable: sqlite3.Connection, statement: str, rule: str
) -> None:
    """Each broken value breaks a CHECK, NOT NULL or type constraint, and is refused."""
    with pytest.raises(sqlite3.IntegrityError):
        writable.execute(statement)


def test_a_key_that_points_nowhere_is_refused_at_commit(writable: sqlite3.Connection) -> None:
    """A link to an unknown country fails when the transaction commits (keys are deferred)."""
    writable.execute("BEGIN")
    writable.execute("INSERT INTO engagement_countries VALUES ('2015-09-28-summit-new-york', 'XX')")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        writable.execute("COMMIT")


def test_a_failed_write_leaves_the_old_database_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half way keeps the file it would replace, byte for byte."""
    path = bb.write_sqlite(tmp_path / "bluebook.db")
    before = path.read_bytes()

    def broken(connection: sqlite3.Connection, book: bb.Bluebook) -> None:
        connection.execute("CREATE TABLE half (x)")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(sqlite_export, "_fill", broken)
    with pytest.raises(RuntimeError, match="interrupted"):
        bb.write_sqlite(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bluebook.db", "bluebook.metadata.json"]


def test_writing_again_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    """A second write replaces the database whole and keeps the permissions it had."""
    path = bb.write_sqlite(tmp_path / "bluebook.db")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o600)
    bb.write_sqlite(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with contextlib.closing(sqlite3.connect(path)) as again:
        assert again.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_folder_is_not_a_database_path(tmp_path: Path) -> None:
    """Given a folder, write_sqlite says to give a file name, and writes nothing."""
    with pytest.raises(IsADirectoryError, match="file name"):
        bb.write_sqlite(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_format_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export DIR --format sqlite` writes bluebook.db and its Datasette metadata, and says so."""
    assert main(["export", str(tmp_path), "--format", "sqlite"]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "bluebook.db"), str(tmp_path / "bluebook.metadata.json")]
    metadata = json.loads((tmp_path / "bluebook.metadata.json").read_text(encoding="utf-8"))
    assert "engagements" in metadata["databases"]["bluebook"]["tables"]


def test_export_layout_is_for_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--layout` with another format is a usage error, status 2, and writes nothing."""
    assert main(["export", str(tmp_path), "--format", "sqlite", "--layout", "icews"]) == 2
    assert "--layout is for --format parquet" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_edition_breaking_a_codebook_rule_is_named(tmp_path: Path) -> None:
    """A PLOVER type PLOVER lacks stops the write with the table, row and rule, and no file."""
    book = bb.load()
    engagements = tuple(
        attrs.evolve(e, plover_event="HUG") if e.id == "2015-09-28-summit-new-york" else e
        for e in book.engagements()
    )
    broken = attrs.evolve(book, records=attrs.evolve(book.records, engagements=engagements))
    with pytest.raises(
        bb.DataError, match=r"engagements row 2015-09-28-summit-new-york: .*plover_event"
    ):
        bb.write_sqlite(tmp_path / "bluebook.db", book=broken)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_names_a_codebook_rule_an_edition_breaks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``export --format sqlite`` of such an edition ends with one line and status 2."""
    document = harbour_annotations()
    document["records"]["engagements"][0].update(cameo="042", plover_event="ASSAULT")
    folder = write_edition(tmp_path / "edition", document)
    argv = ["--data", str(folder), "export", str(tmp_path / "out"), "--format", "sqlite"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "engagements row 2031-foreign-ministers-harbour" in err
