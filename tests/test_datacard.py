"""The dataset card beside the Parquet files, read offline by the real Hugging Face datasets."""

from __future__ import annotations

import datetime
import importlib
from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data._exports.datacard import CARD_MARK, feature_type
from bluebook_data._tables.links import every_table

yaml = pytest.importorskip("yaml")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the Parquet export, with its card, once for the module."""
    folder = tmp_path_factory.mktemp("card")
    bb.write_parquet(folder)
    return folder


def _header(folder: Path) -> dict[str, Any]:
    text = (folder / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    header: dict[str, Any] = yaml.safe_load(text.split("---\n")[1])
    return header


def test_the_card_has_a_config_per_file(folder: Path) -> None:
    """Each Parquet file is one config, its features the table's columns with their types."""
    header = _header(folder)
    configs = {config["config_name"]: config for config in header["configs"]}
    assert set(configs) == {path.stem for path in folder.glob("*.parquet")}
    features = {info["config_name"]: info["features"] for info in header["dataset_info"]}
    for spec in every_table():
        assert configs[spec.name]["data_files"] == [
            {"split": "train", "path": f"{spec.name}.parquet"}
        ]
        assert [feature["name"] for feature in features[spec.name]] == [
            c.name for c in spec.columns
        ]
        for feature, column in zip(features[spec.name], spec.columns, strict=True):
            key, kind = feature_type(column)
            assert feature[key] == kind, (spec.name, column.name)


def test_the_card_carries_the_licence_and_citation(folder: Path) -> None:
    """The licence, the citation MOFA asks for, the BibTeX and the data version are on the card."""
    header = _header(folder)
    cited = bb.citation()
    assert (header["license"], header["license_name"]) == ("other", cited.licence)
    assert header["license_link"] == cited.licence_url
    text = (folder / "README.md").read_text(encoding="utf-8")
    assert cited.text in text
    assert cited.bibtex in text
    assert f"data version {bb.DATA_VERSION}" in text


@pytest.fixture
def datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Import Hugging Face datasets offline, with its cache in a fresh folder."""
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    found = pytest.importorskip("datasets")
    # If another test imported it first, its configuration was read then: set it here too.
    config = importlib.import_module("datasets.config")
    monkeypatch.setattr(config, "HF_DATASETS_OFFLINE", True)
    monkeypatch.setattr(config, "HF_HUB_OFFLINE", True)
    return found


def test_datasets_reads_typed_columns(folder: Path, datasets: Any, tmp_path: Path) -> None:
    """load_dataset(DIR, "engagements") gives codes as strings, dates as dates, typed lists."""
    loaded = datasets.load_dataset(
        str(folder), "engagements", split="train", cache_dir=str(tmp_path / "cache")
    )
    features = loaded.features
    assert features["cameo"] == datasets.Value("string")
    assert features["date_start"] == datasets.Value("date32")
    assert features["month"] == datasets.Value("int64")
    assert features["countries"] == datasets.List(datasets.Value("string"))
    assert features["evidence_start"] == datasets.List(datasets.Value("int64"))
    rows = bb.to_records("engagements")
    assert len(loaded) == len(rows)
    first, expected = loaded[0], rows[0]
    for column, value in expected.items():
        if column.endswith(("_start", "_end")) and isinstance(value, str):
            assert first[column] == datetime.date.fromisoformat(value), column
        else:
            assert first[column] == value, column
    assert {row["cameo"] for row in loaded} == {e.cameo for e in bb.engagements()}


def test_datasets_reads_a_layout_and_a_link_table(
    folder: Path, datasets: Any, tmp_path: Path
) -> None:
    """The ICEWS layout's ids are integers and scores floats; a link table is two strings."""
    icews = datasets.load_dataset(
        str(folder), "events_icews", split="train", cache_dir=str(tmp_path / "cache")
    )
    assert icews.features["Event ID"] == datasets.Value("int64")
    assert icews.features["Intensity"] == datasets.Value("float64")
    assert icews.features["Event Date"] == datasets.Value("date32")
    assert icews["CAMEO Code"] == [
        row["CAMEO Code"] for row in bb.to_records("events", layout="icews")
    ]
    links = datasets.load_dataset(
        str(folder), "engagement_countries", split="train", cache_dir=str(tmp_path / "cache")
    )
    assert links.column_names == ["engagement_id", "country_code"]


def test_an_export_never_replaces_a_readme_it_did_not_write(tmp_path: Path) -> None:
    """A README of the user's own stops the export before it writes anything."""
    readme = tmp_path / "README.md"
    readme.write_text("# my notes\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not a dataset card written by bluebook-data"):
        bb.write_parquet(tmp_path)
    assert readme.read_text(encoding="utf-8") == "# my notes\n"
    assert [path.name for path in tmp_path.iterdir()] == ["README.md"]


def test_an_export_replaces_its_own_card(tmp_path: Path) -> None:
    """A second export into the same folder writes its card over the first."""
    bb.write_parquet(tmp_path)
    card = tmp_path / "README.md"
    card.write_text(card.read_text(encoding="utf-8") + "\nold\n", encoding="utf-8")
    bb.write_parquet(tmp_path)
    assert CARD_MARK in card.read_text(encoding="utf-8")
    assert not card.read_text(encoding="utf-8").endswith("old\n")


def test_a_layout_alone_writes_no_card(tmp_path: Path) -> None:
    """write_parquet(layout=...) writes only that layout's file."""
    written = bb.write_parquet(tmp_path, layout="polecat")
    assert [path.name for path in written] == ["events_polecat.parquet"]
    assert [path.name for path in tmp_path.iterdir()] == ["events_polecat.parquet"]
