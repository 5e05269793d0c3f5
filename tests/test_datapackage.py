"""The Frictionless data package: its files, its schemas and keys, its terms, its validity."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data._exports.datapackage import PROFILE, link_tables
from bluebook_data._tables.tables import table_names


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Export once for the module; return the path of datapackage.json."""
    return bb.write_datapackage(tmp_path_factory.mktemp("package"))


def _descriptor(package: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(package.read_text(encoding="utf-8"))
    return loaded


def _resources(package: Path) -> dict[str, dict[str, Any]]:
    return {resource["name"]: resource for resource in _descriptor(package)["resources"]}


def _csv_rows(package: Path, name: str) -> list[dict[str, str]]:
    with (package.parent / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_a_resource_per_table_link_table_and_the_text(package: Path) -> None:
    """Every table, every link table and the verbatim text are resources, each with its file."""
    names = [*table_names(), *(link.name for link in link_tables()), "text"]
    resources = _resources(package)
    assert list(resources) == names
    for resource in resources.values():
        assert (package.parent / resource["path"]).is_file()


@pytest.mark.parametrize("kind", table_names())
def test_each_csv_holds_the_rows_of_its_table(package: Path, kind: str) -> None:
    """A table's CSV has a row per record, with the table's columns as header."""
    rows = _csv_rows(package, kind)
    expected = bb.to_records(kind)  # type: ignore[arg-type]
    assert len(rows) == len(expected)
    assert list(rows[0]) == list(expected[0])
    key = _resources(package)[kind]["schema"]["primaryKey"]
    assert [row[key[0]] for row in rows] == [str(row[key[0]]) for row in expected]


def test_file_sizes_and_hashes_are_recorded(package: Path) -> None:
    """Each resource's bytes and sha256 are those of the file written."""
    for resource in _resources(package).values():
        content = (package.parent / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()


def test_the_text_ships_verbatim(package: Path) -> None:
    """The text resource is the shipped text, byte for byte."""
    path = package.parent / _resources(package)["text"]["path"]
    assert path.read_text(encoding="utf-8") == bb.text()


def test_keys_are_declared(package: Path) -> None:
    """part_of, country codes and person ids are foreign keys; every table has a primary key."""
    resources = _resources(package)

    def foreign_keys(name: str) -> dict[str, tuple[str, str]]:
        return {
            key["fields"][0]: (key["reference"]["resource"], key["reference"]["fields"][0])
            for key in resources[name]["schema"].get("foreignKeys", [])
        }

    tables = [resource for resource in resources.values() if "schema" in resource]
    assert all(resource["schema"]["primaryKey"] for resource in tables)
    assert foreign_keys("engagements")["part_of"] == ("engagements", "id")
    assert foreign_keys("people")["country"] == ("countries", "code")
    assert foreign_keys("engagement_countries")["country_code"] == ("countries", "code")
    assert foreign_keys("engagement_participants")["person_id"] == ("people", "id")
    assert foreign_keys("statement_countries")["country_code"] == ("countries", "code")
    assert foreign_keys("events")["actor_country"] == ("countries", "code")
    assert foreign_keys("events")["sentence_id"] == ("sentences", "id")


def test_link_tables_pair_each_list_item(package: Path) -> None:
    """engagement_countries has one row per country of each engagement."""
    pairs = {
        (row["engagement_id"], row["country_code"])
        for row in _csv_rows(package, "engagement_countries")
    }
    assert pairs == {(e.id, code) for e in bb.engagements() for code in e.countries}


def test_terms_citation_and_versions(package: Path) -> None:
    """The licence, MOFA's citation, the edit notice and both versions are in the descriptor."""
    descriptor = _descriptor(package)
    cited = bb.citation()
    assert descriptor["$schema"] == PROFILE
    assert descriptor["version"] == bb.DATA_VERSION
    assert descriptor["licenses"] == [{"path": cited.licence_url, "title": cited.licence}]
    assert descriptor["sources"] == [{"title": cited.text, "path": bb.load().url}]
    assert cited.notice in descriptor["description"]
    assert descriptor["bluebook_data"]["package_version"] == bb.__version__
    assert descriptor["bluebook_data"]["data_version"] == bb.DATA_VERSION
    assert descriptor["bluebook_data"]["bibtex"] == cited.bibtex


def test_fields_are_typed_and_described(package: Path) -> None:
    """Every field has a Table Schema type and a description; enums list their values."""
    for resource in _resources(package).values():
        for field in resource.get("schema", {}).get("fields", []):
            assert field["type"] in {"string", "integer", "date", "array"}
            assert field["description"]
    kind = next(
        f for f in _resources(package)["engagements"]["schema"]["fields"] if f["name"] == "kind"
    )
    assert kind["constraints"]["enum"] == [member.value for member in bb.EngagementKind]


def test_export_is_reproducible_and_leaves_other_files(tmp_path: Path) -> None:
    """Two exports are byte-identical, and a file of the user's in the folder survives."""
    (tmp_path / "mine.txt").write_text("keep me")
    first = bb.write_datapackage(tmp_path / "a")
    second = bb.write_datapackage(tmp_path / "b")
    for path in first.parent.iterdir():
        assert path.read_bytes() == (second.parent / path.name).read_bytes()
    bb.write_datapackage(tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_frictionless_finds_the_package_valid(package: Path) -> None:
    """The frictionless library validates every resource, keys and hashes included."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_catches_a_broken_foreign_key(tmp_path: Path) -> None:
    """A country code no country has makes the package invalid: the keys are really checked."""
    frictionless = pytest.importorskip("frictionless")
    path = bb.write_datapackage(tmp_path)
    links = path.parent / "engagement_countries.csv"
    links.write_text(
        links.read_text(encoding="utf-8").replace(",RU\n", ",XX\n", 1), encoding="utf-8"
    )
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:  # the hash would catch the edit before the key
        del resource["hash"], resource["bytes"]
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(path))
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}
