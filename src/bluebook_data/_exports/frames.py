"""The tables as a pandas DataFrame or a pyarrow Table, behind the optional extras.

pandas and pyarrow are imported inside the functions, never with the package; without them the
functions raise :class:`~bluebook_data.MissingExtraError`, an :class:`ImportError` that names the
extra to install.
"""

from __future__ import annotations

import datetime
import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any

from bluebook_data._exports.citation import citation
from bluebook_data._exports.columns import Column, Table
from bluebook_data._exports.tables import TableName, table
from bluebook_data._loading.loader import load
from bluebook_data._versions import DATA_VERSION
from bluebook_data.errors import MissingExtraError

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = ["to_arrow", "to_pandas"]


def _require(module: str, feature: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(feature, extra, module) from error


def _metadata(spec: Table) -> dict[str, str]:
    return {
        "table": spec.name,
        "description": spec.description,
        "data_version": DATA_VERSION,
        "source": citation().text,
    }


def _pandas_dtype(pd: Any, column: Column) -> Any:
    if column.choices:
        return pd.CategoricalDtype(list(column.choices))
    if column.type == "string":
        return pd.StringDtype()
    if column.type == "integer":
        return pd.Int64Dtype()
    if column.type == "date":
        return "datetime64[s]"
    return object  # a list cell stays a Python list, as DataFrame.explode expects


def to_pandas(kind: TableName) -> pandas.DataFrame:
    """Return one table as a pandas DataFrame with real dtypes.

    Text columns are ``string``, enum columns ``category`` (with every value as a category),
    integers nullable ``Int64`` (a year-only date has no month), and list columns hold Python
    lists, ready for :meth:`pandas.DataFrame.explode`. ``DataFrame.attrs`` records the table,
    the data version and the source citation. The rows are those of :func:`to_records`.

    Raises:
        MissingExtraError: if pandas is not installed (``pip install 'bluebook-data[pandas]'``).
        TypeError, InvalidFilterError: as :func:`to_records`.

    >>> import bluebook_data as bb
    >>> frame = bb.to_pandas("engagements")
    >>> str(frame["kind"].dtype), str(frame["month"].dtype), str(frame["title"].dtype)
    ('category', 'Int64', 'string')
    >>> int(frame.explode("countries")["countries"].value_counts()["KZ"])
    2
    """
    pd = _require("pandas", "to_pandas", "pandas")
    spec = table(kind)
    rows = spec.rows(load())
    frame = pd.DataFrame(
        {
            column.name: pd.Series(
                [row[column.name] for row in rows], dtype=_pandas_dtype(pd, column)
            )
            for column in spec.columns
        }
    )
    frame.attrs.update(_metadata(spec))
    return frame


def _arrow_type(pa: Any, column: Column) -> Any:
    scalar = {"string": pa.string(), "integer": pa.int64(), "date": pa.date32()}
    if column.type == "array":
        return pa.list_(scalar[column.items or "string"])
    return scalar[column.type]


def _arrow_cells(column: Column, rows: list[dict[str, Any]]) -> list[Any]:
    cells = [row[column.name] for row in rows]
    if column.type == "date":
        # Rows hold ISO strings, to stay JSON-ready; Arrow takes dates from date objects only.
        return [None if cell is None else datetime.date.fromisoformat(cell) for cell in cells]
    return cells


def to_arrow(kind: TableName) -> pyarrow.Table:
    """Return one table as a pyarrow Table, with a typed schema that documents itself.

    Each field carries its description in its metadata, and list columns are Arrow lists; the
    schema's metadata records the table, the data version and the source citation. Write it on
    with :func:`pyarrow.parquet.write_table` or hand it to any Arrow-native tool.

    Raises:
        MissingExtraError: if pyarrow is not installed (``pip install 'bluebook-data[arrow]'``).
        TypeError, InvalidFilterError: as :func:`to_records`.

    >>> import bluebook_data as bb
    >>> events = bb.to_arrow("events")
    >>> str(events.schema.field("actor_people").type)
    'list<item: string>'
    >>> events.schema.metadata[b"table"]
    b'events'
    """
    pa = _require("pyarrow", "to_arrow", "arrow")
    spec = table(kind)
    schema = pa.schema(
        [
            pa.field(
                column.name,
                _arrow_type(pa, column),
                nullable=not column.required,
                metadata={"description": column.description},
            )
            for column in spec.columns
        ],
        metadata=_metadata(spec),
    )
    rows = spec.rows(load())
    return pa.Table.from_arrays(
        [
            pa.array(_arrow_cells(column, rows), type=field.type)
            for column, field in zip(spec.columns, schema, strict=True)
        ],
        schema=schema,
    )
