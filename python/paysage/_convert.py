"""Conversions at the package's edges: DataFrames in (checked, as Arrow string buffers), Arrow
buffers out (as pyarrow Tables). No rule of the job lives here."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

_TYPES = {
    "string_view": pa.large_string(),  # sent as large strings, cast to views below
    "large_string": pa.large_string(),
    "string": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
}

#: Optional article fields read when the DataFrame has them, as in the command's CSV and Parquet.
_OPTIONAL = ("source", "title")


def table_from_columns(columns: list[tuple]) -> pa.Table:
    """A pyarrow Table from the engine's ``(name, type, length, null_count, validity, values,
    offsets)`` columns."""
    names, arrays = [], []
    for name, kind, length, nulls, validity, values, offsets in columns:
        valid = pa.py_buffer(validity) if validity is not None else None
        buffers = [valid, pa.py_buffer(values)] if offsets is None else [valid, pa.py_buffer(offsets), pa.py_buffer(values)]
        array = pa.Array.from_buffers(_TYPES[kind], length, buffers, null_count=nulls)
        arrays.append(array.cast(pa.string_view()) if kind == "string_view" else array)
        names.append(name)
    return pa.Table.from_arrays(arrays, names=names)


def to_arrow(articles: Any) -> pa.Table:
    """A pandas or polars DataFrame, or a pyarrow Table or RecordBatch, as a pyarrow Table."""
    if isinstance(articles, pa.Table):
        return articles
    if isinstance(articles, pa.RecordBatch):
        return pa.Table.from_batches([articles])
    module = type(articles).__module__.split(".")[0]
    if module == "polars" and hasattr(articles, "to_arrow"):
        if type(articles).__name__ == "LazyFrame":
            articles = articles.collect()
        return articles.to_arrow()
    if module == "pandas" and hasattr(articles, "columns"):
        try:
            return pa.Table.from_pandas(articles, preserve_index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as e:  # a column of mixed types
            raise TypeError(f"articles: a column cannot be read as one type: {e}") from None
    raise TypeError(
        f"articles: a pandas or polars DataFrame or a pyarrow Table, not {type(articles).__module__}.{type(articles).__name__}"
    )


def _is_string(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)


def _as_strings(name: str, role: str, col: pa.ChunkedArray) -> pa.ChunkedArray:
    """The column as large strings, or TypeError naming it and what it should hold."""
    t = col.type
    if pa.types.is_dictionary(t):
        col, t = col.cast(t.value_type), t.value_type
    if _is_string(t) or pa.types.is_null(t):
        return col.cast(pa.large_string())
    if role == "id" and pa.types.is_integer(t):
        return col.cast(pa.large_string())
    if role == "date":
        if pa.types.is_timestamp(t):
            col = col.cast(pa.timestamp(t.unit)) if t.tz is None else pc.local_timestamp(col)
            col = col.cast(pa.date32())
            t = pa.date32()
        if pa.types.is_date(t):
            return pc.strftime(col.cast(pa.date32()), format="%Y-%m-%d").cast(pa.large_string())
    wanted = {
        "id": "strings or integers",
        "date": "strings (YYYY-MM-DD) or dates",
    }.get(role, "strings")
    raise TypeError(f"articles: column `{name}` ({role}) is {t}: it must hold {wanted}")


def _chunks(col: pa.ChunkedArray) -> list[tuple]:
    """A large-string column's chunks as ``(validity, offsets, data, offset, length)``, each
    buffer as ``(address, size)``: read in place by the engine while ``col`` is alive."""

    def raw(buf: pa.Buffer | None) -> tuple[int, int]:
        return (buf.address, buf.size) if buf is not None else (0, 0)

    out = []
    for arr in col.chunks:
        validity, offsets, data = arr.buffers()
        out.append((raw(validity if arr.null_count else None), raw(offsets), raw(data), arr.offset, len(arr)))
    return out


def articles_columns(articles: Any, *, id: str, text: str, date: str, lang: str) -> dict[str, Any]:
    """The article fields of a DataFrame as the addresses of Arrow string buffers, by field (``id``, ``text``,
    ``date``, ``lang``, ``source``, ``title``), checked: ValueError for a missing column,
    TypeError for one of the wrong type. The buffers live as long as the returned dict (its
    ``keep``)."""
    table = to_arrow(articles)
    have = table.column_names
    for role, name in (("id", id), ("text", text)):
        if not isinstance(name, str):
            raise TypeError(f"{role}: a column name (str), not {type(name).__name__}")
    missing = [n for n in (id, text) if n not in have]
    if missing:
        raise ValueError(f"articles: no `{id}` or no `{text}` column (columns: {', '.join(have) or 'none'})")
    fields: dict[str, Any] = {"rows": table.num_rows}
    keep: list[pa.ChunkedArray] = []
    wanted = {"id": id, "text": text, "date": date, "lang": lang, **{f: f for f in _OPTIONAL}}
    defaults = {"date": "date", "lang": "lang"}
    for role, name in wanted.items():
        if name not in have:
            if role in defaults and name != defaults[role]:
                raise ValueError(f"articles: no `{name}` column ({role}=; columns: {', '.join(have)})")
            continue
        col = _as_strings(name, role, table.column(name))
        keep.append(col)  # the engine reads its buffers in place
        fields[role] = _chunks(col)
    fields["keep"] = keep
    return fields
