"""Exports: what other programs read.

Flat tables, frames, Parquet, CSV and JSON text, the data package, event rows and layouts, JSON
Schema, Web Annotations and the citation. Each module builds on an edition and the model; optional
libraries (pandas, pyarrow, polars) are imported inside the functions that need them.
"""
