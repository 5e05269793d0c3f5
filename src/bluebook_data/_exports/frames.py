"""The tables as a pandas or polars DataFrame or a pyarrow Table, behind the optional extras.

pandas, pyarrow and polars are imported inside the functions, never with the package; without
them the functions raise :class:`~bluebook_data.MissingExtraError`, an :class:`ImportError` that
names the extra to install. The three share one set of types, those of :func:`arrow_table`: codes
stay strings, dates are dates, lists are typed lists even when empty, and enums are dictionary
encoded (categories in pandas and polars).
"""

from __future__ import annotations

import datetime
import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any

from bluebook_data._exports.citation import citation
from bluebook_data._loading.loader import edition_or_shipped
from bluebook_data._tables.columns import Column, Table
from bluebook_data._tables.layouts import Layout
from bluebook_data._tables.tables import TableName, table_with_layout
from bluebook_data._versions import DATA_VERSION
from bluebook_data.errors import MissingExtraError

if TYPE_CHECKING:
    import pandas
    import polars
    import pyarrow

    from bluebook_data._edition.bluebook import Bluebook

__all__ = ["arrow_table", "require", "to_arrow", "to_pandas", "to_polars"]


def require(module: str, feature: str, extra: str) -> ModuleType:
    """Import an optional module, or raise :class:`MissingExtraError` naming its extra."""
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


def _pandas_dtype(pd: Any, pa: Any, column: Column) -> Any:
    if column.choices and column.categorical:
        return pd.CategoricalDtype(list(column.choices))
    if column.type == "string":
        return pd.StringDtype()
    if column.type == "integer":
        return pd.Int64Dtype()
    if column.type == "number":
        return pd.Float64Dtype()
    if column.type == "date":
        return "datetime64[s]"
    # An Arrow list keeps its item type when every list is empty, as an object column cannot:
    # written on to Parquet it stays list<string>, never list<null>.
    return pd.ArrowDtype(_arrow_type(pa, column))


def to_pandas(
    kind: TableName, *, layout: Layout | None = None, book: Bluebook | None = None
) -> pandas.DataFrame:
    """Return one table as a pandas DataFrame with real dtypes.

    Text columns are ``string``, enum columns ``category`` (with every value as a category),
    integers nullable ``Int64`` (a year-only date has no month), date bounds ``datetime64[s]``,
    and list columns typed Arrow lists (``list<item: string>[pyarrow]``) whose cells are Python
    lists, ready for :meth:`pandas.DataFrame.explode`. ``DataFrame.attrs`` records the table,
    the data version and the source citation. The rows are those of :func:`to_records`, and
    ``layout`` (``"polecat"`` or ``"icews"``, for ``"events"``) gives the same layouts, typed.

    Raises:
        MissingExtraError: if pandas or pyarrow is not installed
            (``pip install 'bluebook-data[pandas]'``).
        TypeError, InvalidFilterError: as :func:`to_records`.

    >>> import bluebook_data as bb
    >>> frame = bb.to_pandas("engagements")
    >>> str(frame["kind"].dtype), str(frame["month"].dtype), str(frame["title"].dtype)
    ('category', 'Int64', 'string')
    >>> int(frame.explode("countries")["countries"].value_counts()["KZ"])
    2
    """
    pd = require("pandas", "to_pandas", "pandas")
    pa = require("pyarrow", "to_pandas", "pandas")
    spec = table_with_layout(kind, layout)
    rows = spec.rows(edition_or_shipped(book))
    frame = pd.DataFrame(
        {
            column.name: pd.Series(
                [row[column.name] for row in rows], dtype=_pandas_dtype(pd, pa, column)
            )
            for column in spec.columns
        }
    )
    frame.attrs.update(_metadata(spec))
    return frame


def _arrow_type(pa: Any, column: Column) -> Any:
    scalar = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "date": pa.date32(),
    }
    if column.type == "array":
        return pa.list_(scalar[column.items or "string"])
    return scalar[column.type]


def _arrow_cells(column: Column, rows: list[dict[str, Any]]) -> list[Any]:
    cells = [row[column.name] for row in rows]
    if column.type == "date":
        # Rows hold ISO strings, to stay JSON-ready; Arrow takes dates from date objects only.
        return [None if cell is None else datetime.date.fromisoformat(cell) for cell in cells]
    return cells


def arrow_table(pa: Any, spec: Table, book: Bluebook) -> pyarrow.Table:
    """Build the Arrow table of any table spec, link tables included, from ``pa`` (pyarrow)."""
    rows = spec.rows(book)
    fields = []
    for column in spec.columns:
        kind = _arrow_type(pa, column)
        if column.choices and column.categorical:
            # Enums are dictionary encoded, as pandas and polars make them categories; the
            # dictionary holds every value, so counts include the values no row has.
            kind = pa.dictionary(pa.int8(), pa.string())
        fields.append(
            pa.field(
                column.name,
                kind,
                nullable=not column.required,
                metadata={"description": column.description},
            )
        )
    schema = pa.schema(fields, metadata=_metadata(spec))
    arrays = []
    for column, field in zip(spec.columns, schema, strict=True):
        cells = _arrow_cells(column, rows)
        if column.choices and column.categorical:
            values = pa.array(column.choices, type=pa.string())
            indices = [None if cell is None else column.choices.index(cell) for cell in cells]
            arrays.append(pa.DictionaryArray.from_arrays(pa.array(indices, pa.int8()), values))
        else:
            arrays.append(pa.array(cells, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def to_arrow(
    kind: TableName, *, layout: Layout | None = None, book: Bluebook | None = None
) -> pyarrow.Table:
    """Return one table as a pyarrow Table, with a typed schema that documents itself.

    Codes are strings, date bounds ``date32``, list columns typed lists (even when every list is
    empty), and enum columns dictionary encoded with every value in the dictionary. Each field
    carries its description in its metadata; the schema's metadata records the table, the data
    version and the source citation. :func:`~bluebook_data.write_parquet` writes these tables.
    ``layout`` gives the events in POLECAT's or ICEWS's columns, as :func:`to_records` does.

    Raises:
        MissingExtraError: if pyarrow is not installed (``pip install 'bluebook-data[arrow]'``).
        TypeError, InvalidFilterError: as :func:`to_records`.

    >>> import bluebook_data as bb
    >>> events = bb.to_arrow("events")
    >>> str(events.schema.field("actor_people").type), str(events.schema.field("status").type)
    ('list<item: string>', 'dictionary<values=string, indices=int8, ordered=0>')
    >>> events.schema.metadata[b"table"]
    b'events'
    >>> icews = bb.to_arrow("events", layout="icews").schema
    >>> str(icews.field("Event Date").type), str(icews.field("Intensity").type)
    ('date32[day]', 'double')
    """
    pa = require("pyarrow", "to_arrow", "arrow")
    return arrow_table(pa, table_with_layout(kind, layout), edition_or_shipped(book))


def to_polars(
    kind: TableName, *, layout: Layout | None = None, book: Bluebook | None = None
) -> polars.DataFrame:
    """Return one table as a polars DataFrame, with the types of :func:`to_arrow`.

    Codes are ``String``, date bounds ``Date``, lists ``List(String)`` or ``List(Int64)``, enums
    ``Categorical``. The rows are those of :func:`to_records`, ``layout`` as there.

    Raises:
        MissingExtraError: without polars or pyarrow; both come with the ``polars`` extra.
        TypeError, InvalidFilterError: as :func:`to_records`.

    >>> import bluebook_data as bb
    >>> frame = bb.to_polars("events")
    >>> str(frame.schema["cameo_code"]), str(frame.schema["date_start"])
    ('String', 'Date')
    """
    pl = require("polars", "to_polars", "polars")
    pa = require("pyarrow", "to_polars", "polars")
    found: polars.DataFrame = pl.from_arrow(
        arrow_table(pa, table_with_layout(kind, layout), edition_or_shipped(book))
    )
    return found
