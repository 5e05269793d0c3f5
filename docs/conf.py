"""Sphinx configuration: furo, MyST Markdown, autodoc with Google-style docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "bluebook-data"
author = "bluebook-data developers"
copyright = (
    "bluebook-data developers (code: MIT). Source text: Ministry of Foreign Affairs of Japan, "
    "Public Data License (Version 1.0); the records are edits made by this package"
)

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "myst_parser",
    "sphinxarg.ext",
    "bluebook_docs",
]

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_ext", "generated"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = "bluebook-data"
