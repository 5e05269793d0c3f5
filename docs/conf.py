"""Sphinx configuration: furo, MyST pages and notebooks run by myst-nb, Google-style autodoc."""

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
    "myst_nb",
    "bluebook_docs",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "_ext", "generated", "jupyter_execute", ".ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The tutorial notebook ships without outputs; every build runs it in a Jupyter kernel, offline,
# so that its page shows what the package prints and draws today, and a cell that fails fails the
# build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_execution_show_tb = True
nb_merge_streams = True

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["output.css"]
html_title = "bluebook-data"
