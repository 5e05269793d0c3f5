"""The wheel: it builds, passes check-wheel-contents, and works imported from the zip itself."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import importlib_resources
import pytest

import bluebook_data as bb

# Building takes a few seconds: the wheel is built once for the module, and the marker lets a
# quick run leave it out (-m "not slow").
pytestmark = pytest.mark.slow

_PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the project's wheel, offline, with the backend installed in this environment."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--no-cache-dir", "--quiet", "--wheel-dir", str(out), str(_PROJECT)],
        check=True,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    [built] = out.glob("bluebook_data-*.whl")
    return built


def test_wheel_passes_check_wheel_contents(wheel: Path) -> None:
    """check-wheel-contents finds nothing wrong with the wheel."""
    run = subprocess.run(
        [sys.executable, "-m", "check_wheel_contents", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith(": OK")


def test_wheel_holds_the_package_data_and_marker(wheel: Path) -> None:
    """Every shipped data file, and py.typed, is in the wheel."""
    shipped = importlib_resources.files("bluebook_data") / "data"
    expected = {f"bluebook_data/data/{entry.name}" for entry in shipped.iterdir()}
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert expected <= names
    assert "bluebook_data/py.typed" in names
    assert len(expected) >= 2


_FROM_ZIP = textwrap.dedent(
    """
    import json, sys

    sys.path.insert(0, sys.argv[1])
    import bluebook_data as bb

    print(json.dumps({
        "file": bb.__file__,
        "text": bb.text(),
        "engagements": [e.id for e in bb.engagements()],
        "russia": bb.country("RUS").name,
    }))
    """
)


def test_package_works_imported_from_the_zipped_wheel(wheel: Path, tmp_path: Path) -> None:
    """With the .whl itself on sys.path, the package imports from the zip and loads its data."""
    run = subprocess.run(
        [sys.executable, "-c", _FROM_ZIP, str(wheel)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert Path(found["file"]).is_relative_to(wheel)
    assert found["text"] == bb.text()
    assert found["engagements"] == [e.id for e in bb.engagements()]
    assert found["russia"] == "Russia"
