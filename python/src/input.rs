//! Articles in: the Python layer hands each article field as the Arrow
//! buffers of the chunks of a large-string column (addresses and sizes of
//! pyarrow buffers it keeps alive for the call: no copy); they become the
//! library's [`Fields`] rows, validated by `paysage::ingest` exactly as a
//! file's lines are.

use paysage::ingest::Fields;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// One chunk of a large-string column: its buffers, read in place.
struct Chunk<'a> {
    validity: Option<&'a [u8]>,
    offsets: &'a [u8],
    data: &'a [u8],
    offset: usize,
    len: usize,
}

/// A buffer as `(address, size)`; (0, 0) for none.
type Raw = (usize, usize);

/// `(validity, offsets, data, offset, length)` of a chunk.
type RawChunk = (Raw, Raw, Raw, usize, usize);

/// # Safety
/// `(address, size)` must be a live buffer (a pyarrow Buffer the caller
/// holds for the duration of the call).
unsafe fn slice<'a>((address, size): Raw) -> &'a [u8] {
    if address == 0 || size == 0 {
        &[]
    } else {
        unsafe { std::slice::from_raw_parts(address as *const u8, size) }
    }
}

impl Chunk<'_> {
    /// Value `i`: None when null; an error when the buffers are inconsistent.
    fn get(&self, i: usize) -> Result<Option<&str>, String> {
        let at = self.offset + i;
        if let Some(v) = self.validity {
            let byte = v.get(at / 8).ok_or("validity cut short")?;
            if byte & (1 << (at % 8)) == 0 {
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

/// A column's values, in order over its chunks.
fn values(name: &str, chunks: &[RawChunk], rows: usize) -> PyResult<Vec<Option<String>>> {
    let mut out = Vec::with_capacity(rows);
    for &(validity, offsets, data, offset, len) in chunks {
        // SAFETY: the addresses are of pyarrow buffers that
        // `paysage._convert.articles_columns` returned with the chunk and
        // that its caller holds until this call returns.
        let chunk = unsafe {
            Chunk {
                validity: (validity.0 != 0).then(|| slice(validity)),
                offsets: slice(offsets),
                data: slice(data),
                offset,
                len,
            }
        };
        for i in 0..chunk.len {
            let v = chunk.get(i).map_err(|e| {
                PyValueError::new_err(format!("articles: column `{name}`, row {}: {e}", out.len() + 1))
            })?;
            out.push(v.map(String::from));
        }
    }
    if out.len() != rows {
        return Err(PyValueError::new_err(format!(
            "column `{name}`: {} rows, not {rows}",
            out.len()
        )));
    }
    Ok(out)
}

/// The rows of the article columns in `fields` (a dict from field to its
/// chunks, as `paysage._convert.articles_columns` makes it, and `rows`).
pub fn rows(fields: &Bound<'_, PyDict>) -> PyResult<Vec<Fields>> {
    let n: usize = fields
        .get_item("rows")?
        .ok_or_else(|| PyValueError::new_err("no row count"))?
        .extract()?;
    let mut columns: Vec<std::vec::IntoIter<Option<String>>> = Vec::new();
    for name in ["id", "text", "date", "lang", "source", "title"] {
        let v = match fields.get_item(name)? {
            Some(chunks) => values(name, &chunks.extract::<Vec<RawChunk>>()?, n)?,
            None => vec![None; n],
        };
        columns.push(v.into_iter());
    }
    let mut next = |k: usize| columns[k].next().flatten();
    Ok((0..n)
        .map(|_| Fields {
            id: next(0),
            text: next(1),
            date: next(2),
            lang: next(3),
            source: next(4),
            title: next(5),
        })
        .collect())
}
