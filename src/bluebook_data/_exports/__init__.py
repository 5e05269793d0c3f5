"""Exports: flat tables, frames, files, the data package, event rows, schemas, citation, HTML.

Each module builds on the loaded edition and the model; optional libraries (pandas, pyarrow) are
imported inside the functions that need them.
"""
