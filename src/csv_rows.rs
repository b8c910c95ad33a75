//! A table's rows as CSV, written from the rows' own columns ([`Table`]),
//! byte for byte what polars' `CsvWriter` writes with its defaults (comma,
//! `"` quotes only where needed, an empty non-null string as `""`, nulls
//! empty, floats in their shortest form, dates `YYYY-MM-DD`): the
//! per-article tables are most of a run's CSV bytes, and reading them back
//! out of polars columns cell by cell cost more than writing them. The
//! run-level tables, computed with polars, go through polars' writer
//! ([`write_frame`]).

use crate::rows::{ColumnData, Table};
use chrono::NaiveDate;
use polars::prelude::{CsvWriter, DataFrame, PolarsResult, SerWriter};
use std::io::Write;

/// Formatting buffers for numbers, reused across cells.
struct Numbers {
    int: itoa::Buffer,
    float: zmij::Buffer,
}

/// Appends row `i` of a column.
fn cell(data: &ColumnData<'_>, i: usize, out: &mut Vec<u8>, numbers: &mut Numbers) {
    match data {
        ColumnData::Str(v) => {
            if let Some(s) = &v[i] {
                string(s, out);
            }
        }
        ColumnData::Int(v) => {
            if let Some(n) = v[i] {
                out.extend_from_slice(numbers.int.format(n).as_bytes());
            }
        }
        ColumnData::Float(v) => {
            if let Some(x) = v[i] {
                out.extend_from_slice(numbers.float.format(x).as_bytes());
            }
        }
        ColumnData::Bool(v) => {
            if let Some(b) = v[i] {
                out.extend_from_slice(if b { b"true" } else { b"false" });
            }
        }
        ColumnData::Date(v) => {
            if let Some(d) = v[i] {
                iso_date(d, out);
            }
        }
    }
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it (its own formatter for a
/// year outside 0..=9999).
fn iso_date(date: NaiveDate, out: &mut Vec<u8>) {
    use chrono::Datelike;
    let (y, m, d) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&y) {
        write!(out, "{}", date.format("%Y-%m-%d")).expect("writing to memory");
        return;
    }
    let y = y as u32;
    let digit = |n: u32| b'0' + n as u8;
    out.extend_from_slice(&[
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m / 10),
        digit(m % 10),
        b'-',
        digit(d / 10),
        digit(d % 10),
    ]);
}

/// A string cell: quoted when it holds a comma, a quote or a line break (its
/// quotes doubled) or when it is empty (so that it is not read as null).
fn string(s: &str, out: &mut Vec<u8>) {
    let b = s.as_bytes();
    if b.is_empty() {
        out.extend_from_slice(b"\"\"");
    } else if b.iter().any(|c| matches!(c, b',' | b'"' | b'\n' | b'\r')) {
        out.push(b'"');
        for part in s.split('"').enumerate() {
            if part.0 > 0 {
                out.extend_from_slice(b"\"\"");
            }
            out.extend_from_slice(part.1.as_bytes());
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(b);
    }
}

/// Writes `table`'s rows (after its header line when `header`) to `out`.
pub fn write(table: &Table<'_>, header: bool, out: &mut impl Write) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    if header {
        for (k, c) in table.columns.iter().enumerate() {
            if k > 0 {
                buf.push(b',');
            }
            string(c.name, &mut buf);
        }
        buf.push(b'\n');
    }
    let mut numbers = Numbers {
        int: itoa::Buffer::new(),
        float: zmij::Buffer::new(),
    };
    for i in 0..table.height() {
        for (k, c) in table.columns.iter().enumerate() {
            if k > 0 {
                buf.push(b',');
            }
            cell(&c.data, i, &mut buf, &mut numbers);
        }
        buf.push(b'\n');
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)
}

/// Writes a DataFrame's rows with polars' own writer (the run-level tables).
pub fn write_frame(df: &mut DataFrame, header: bool, out: &mut impl Write) -> PolarsResult<()> {
    CsvWriter::new(out).include_header(header).finish(df)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::Column;
    use std::borrow::Cow;

    /// The same bytes as polars' writer on the same table, header and all, on
    /// awkward values.
    #[test]
    fn writes_what_polars_writes() {
        let text: Vec<Option<Cow<str>>> = [
            Some("plain"),
            Some("a, comma"),
            Some("a \"quote\""),
            Some("line\nbreak"),
            Some("cr\rhere"),
            Some(""),
            None,
            Some("Côte d’Ivoire"),
        ]
        .into_iter()
        .map(|s| s.map(Cow::Borrowed))
        .collect();
        let ints = vec![
            Some(0),
            Some(-7),
            None,
            Some(i64::MAX),
            Some(42),
            Some(1),
            Some(2),
            Some(3),
        ];
        let floats = vec![
            Some(1.0),
            Some(0.1),
            Some(1.0 / 3.0),
            None,
            Some(1e-7),
            Some(123456789.125),
            Some(-0.0),
            Some(1e21),
        ];
        let bools = vec![
            Some(true),
            Some(false),
            None,
            Some(true),
            None,
            Some(false),
            Some(true),
            None,
        ];
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let dates = vec![
            date(1970, 1, 1),
            date(2012, 12, 5),
            None,
            date(1969, 12, 31),
            date(2024, 10, 4),
            None,
            date(875, 3, 9),
            date(10183, 7, 1),
        ];
        let table = Table {
            name: "t",
            columns: vec![
                Column {
                    name: "text",
                    data: ColumnData::Str(text),
                },
                Column {
                    name: "int",
                    data: ColumnData::Int(ints),
                },
                Column {
                    name: "float",
                    data: ColumnData::Float(floats),
                },
                Column {
                    name: "flag",
                    data: ColumnData::Bool(bools),
                },
                Column {
                    name: "date",
                    data: ColumnData::Date(dates),
                },
            ],
        };
        let mut df = crate::tables::to_dataframe(&table).unwrap();
        for header in [true, false] {
            let mut ours = Vec::new();
            write(&table, header, &mut ours).unwrap();
            let mut theirs = Vec::new();
            write_frame(&mut df, header, &mut theirs).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
