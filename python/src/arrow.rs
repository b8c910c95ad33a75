//! Table columns (`paysage::rows`) as Arrow buffers: each column becomes
//! `(name, type, length, null_count, validity, values, offsets)` of bytes,
//! which the Python layer turns into a pyarrow array with
//! `pyarrow.Array.from_buffers` (one copy, no Python object per value).
//! Generic over the column type, so that a new table or column needs no
//! change here.

use paysage::rows::{Column, ColumnData};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

/// The validity bitmap (bit i set: value i is not null) and the null count;
/// no bitmap when nothing is null.
fn validity<T>(values: &[Option<T>]) -> (Option<Vec<u8>>, usize) {
    let nulls = values.iter().filter(|v| v.is_none()).count();
    if nulls == 0 {
        return (None, 0);
    }
    (
        Some(bits(values.iter().map(Option::is_some), values.len())),
        nulls,
    )
}

/// Packs booleans into a little-endian bitmap, as Arrow lays them out.
fn bits(values: impl Iterator<Item = bool>, len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len.div_ceil(8)];
    for (i, v) in values.enumerate() {
        if v {
            out[i / 8] |= 1 << (i % 8);
        }
    }
    out
}

/// Fixed-width values, little-endian, a null's slot zeroed.
fn fixed<T: Copy, const N: usize>(values: &[Option<T>], bytes: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * N);
    for v in values {
        out.extend_from_slice(&v.map_or([0; N], &bytes));
    }
    out
}

/// A column's Arrow type (as the Python layer names it), length, null
/// count, validity bitmap, values and offsets (strings only).
type Buffers = (
    &'static str,
    usize,
    usize,
    Option<Vec<u8>>,
    Vec<u8>,
    Option<Vec<u8>>,
);

/// The Arrow buffers of a column.
fn buffers(data: &ColumnData) -> Buffers {
    match data {
        ColumnData::Str(v) => {
            let (valid, nulls) = validity(v);
            let mut offsets = Vec::with_capacity((v.len() + 1) * 8);
            let mut bytes = Vec::new();
            offsets.extend_from_slice(&0i64.to_le_bytes());
            for s in v {
                bytes.extend_from_slice(s.as_deref().unwrap_or("").as_bytes());
                offsets.extend_from_slice(&(bytes.len() as i64).to_le_bytes());
            }
            // Laid out as large strings; read as Arrow string views, the type
            // the command's Parquet files (written by polars) hold.
            ("string_view", v.len(), nulls, valid, bytes, Some(offsets))
        }
        ColumnData::Int(v) => {
            let (valid, nulls) = validity(v);
            ("int64", v.len(), nulls, valid, fixed(v, i64::to_le_bytes), None)
        }
        ColumnData::Float(v) => {
            let (valid, nulls) = validity(v);
            ("float64", v.len(), nulls, valid, fixed(v, f64::to_le_bytes), None)
        }
        ColumnData::Bool(v) => {
            let (valid, nulls) = validity(v);
            let values = bits(v.iter().map(|b| b.unwrap_or(false)), v.len());
            ("bool", v.len(), nulls, valid, values, None)
        }
        ColumnData::Date(v) => {
            let (valid, nulls) = validity(v);
            let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
            let days = |d: chrono::NaiveDate| ((d - epoch).num_days() as i32).to_le_bytes();
            ("date32", v.len(), nulls, valid, fixed(v, days), None)
        }
    }
}

/// The columns as a list of
/// `(name, type, length, null_count, validity, values, offsets)` tuples.
pub fn columns_to_py<'py>(py: Python<'py>, columns: &[Column]) -> PyResult<Bound<'py, PyList>> {
    let items = columns.iter().map(|c| {
        let (kind, len, nulls, valid, values, offsets) = buffers(&c.data);
        (
            c.name,
            kind,
            len,
            nulls,
            valid.map(|v| PyBytes::new(py, &v)),
            PyBytes::new(py, &values),
            offsets.map(|o| PyBytes::new(py, &o)),
        )
    });
    PyList::new(py, items)
}
