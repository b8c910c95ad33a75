//! Articles in: the Python layer hands each article field as the Arrow
//! buffers of a large-string column (validity, offsets, data, offset,
//! length); they become the library's [`Fields`] rows, validated by
//! `paysage::ingest` exactly as a file's lines are.

use paysage::ingest::Fields;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// One large-string column, borrowed from the Python bytes holding it.
struct StrColumn<'a> {
    validity: Option<&'a [u8]>,
    offsets: &'a [u8],
    data: &'a [u8],
    offset: usize,
    len: usize,
}

impl StrColumn<'_> {
    /// Value `i`: None when null; an error when the buffers are inconsistent.
    fn get(&self, i: usize) -> Result<Option<&str>, String> {
        let at = self.offset + i;
        if let Some(v) = self.validity {
            if v.get(at / 8).is_some_and(|b| b & (1 << (at % 8)) == 0) {
                return Ok(None);
            }
        }
        let offset = |k: usize| -> Result<usize, String> {
            let b = self.offsets.get(k * 8..k * 8 + 8).ok_or("offsets cut short")?;
            usize::try_from(i64::from_le_bytes(b.try_into().expect("8 bytes"))).map_err(|e| e.to_string())
        };
        let (start, end) = (offset(at)?, offset(at + 1)?);
        let bytes = self.data.get(start..end).ok_or("data cut short")?;
        std::str::from_utf8(bytes)
            .map(Some)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
    }
}

/// The rows of the article columns in `fields` (a dict from field to
/// buffers, as `paysage._convert.articles_columns` makes it).
pub fn rows(fields: &Bound<'_, PyDict>) -> PyResult<Vec<Fields>> {
    let n: usize = fields
        .get_item("rows")?
        .ok_or_else(|| PyValueError::new_err("no row count"))?
        .extract()?;
    type Buffers<'py> = (
        Option<Bound<'py, PyBytes>>,
        Bound<'py, PyBytes>,
        Bound<'py, PyBytes>,
        usize,
        usize,
    );
    let names = ["id", "text", "date", "lang", "source", "title"];
    let mut held: Vec<Option<Buffers>> = Vec::new();
    for name in names {
        held.push(fields.get_item(name)?.map(|b| b.extract()).transpose()?);
    }
    let columns: Vec<Option<StrColumn>> = held
        .iter()
        .map(|b| {
            b.as_ref().map(|(validity, offsets, data, offset, len)| StrColumn {
                validity: validity.as_ref().map(|v| v.as_bytes()),
                offsets: offsets.as_bytes(),
                data: data.as_bytes(),
                offset: *offset,
                len: *len,
            })
        })
        .collect();
    for (c, name) in columns.iter().zip(names) {
        if let Some(c) = c {
            if c.len != n {
                return Err(PyValueError::new_err(format!("column `{name}`: {} rows, not {n}", c.len)));
            }
        }
    }
    let get = |k: usize, i: usize| -> PyResult<Option<String>> {
        match &columns[k] {
            None => Ok(None),
            Some(c) => c
                .get(i)
                .map(|v| v.map(String::from))
                .map_err(|e| PyValueError::new_err(format!("articles: column `{}`, row {}: {e}", names[k], i + 1))),
        }
    };
    (0..n)
        .map(|i| {
            Ok(Fields {
                id: get(0, i)?,
                text: get(1, i)?,
                date: get(2, i)?,
                lang: get(3, i)?,
                source: get(4, i)?,
                title: get(5, i)?,
            })
        })
        .collect()
}
