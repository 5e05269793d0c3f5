"""In a marimo notebook, run headless by ``marimo export html``, records show as HTML tables.

marimo looks for ``_repr_html_`` on what a cell returns, as Panel and Streamlit do; it never asks
IPython. The test writes a notebook, exports it (which runs every cell) and reads the outputs the
exported page carries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("marimo")

PROJECT = Path(__file__).resolve().parent.parent

#: Each cell's expression, and words its HTML output must hold.
CELLS = (
    ('bb.engagement("2015-09-28-summit-new-york")', ("<caption>Engagement</caption>",)),
    ('bb.engagements(country="KZ")', ("2 Engagement records", "2015-10-27-summit-astana")),
    ('bb.search("peace treaty")', ("<mark>peace treaty</mark>",)),
    ("bb.countries()", ("10 Country records",)),
    ("bb.load()", ("<caption>Bluebook</caption>", "Try:")),
    ("bb.chapter()", ("<caption>Chapter</caption>",)),
)


def _notebook_source() -> str:
    cells = [
        "@app.cell\ndef _():\n    import bluebook_data as bb\n    return (bb,)\n",
        *(f"@app.cell\ndef _(bb):\n    {expression}\n    return\n" for expression, _ in CELLS),
    ]
    return "import marimo\n\napp = marimo.App()\n\n\n" + "\n\n".join(cells)


def _exported_outputs(tmp_path: Path) -> list[dict[str, Any]]:
    """Run the notebook through ``marimo export html`` and return each cell's first output."""
    notebook = tmp_path / "records.py"
    notebook.write_text(_notebook_source(), encoding="utf-8")
    page = tmp_path / "records.html"
    source = str(PROJECT / "src")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, "-m", "marimo", "export", "html", str(notebook), "-o", str(page), "-f"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # The page carries the session (each cell's outputs) as one line of JSON in its mount config.
    line = next(
        line.strip()
        for line in page.read_text("utf-8").splitlines()
        if line.strip().startswith('"session": ')
    )
    session = json.loads(line.removeprefix('"session": ').rstrip(","))
    return [cell["outputs"][0] for cell in session["cells"]]


def test_marimo_shows_records_results_and_the_edition_as_html(tmp_path: Path) -> None:
    """Every cell that ends in a record, a result or the edition shows its HTML table."""
    outputs = _exported_outputs(tmp_path)[1:]  # the first cell imports the package
    assert len(outputs) == len(CELLS)
    for output, (expression, words) in zip(outputs, CELLS, strict=True):
        html = output["data"].get("text/html", "")
        assert html.startswith("<table"), (expression, output)
        for word in words:
            assert word in html, (expression, word)
