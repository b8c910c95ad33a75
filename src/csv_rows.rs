//! A frame's rows as CSV, byte for byte what polars' `CsvWriter` writes with
//! its defaults (comma, `"` quotes only where needed, an empty non-null
//! string as `""`, nulls empty, floats in their shortest form, dates
//! `YYYY-MM-DD`), without its per-cell dispatch: the per-article tables are
//! most of a run's CSV bytes. A column of another type falls back to polars.

use polars::prelude::*;
use std::io::Write;

/// One column's values, read once.
enum Values<'a> {
    Str(Vec<Option<&'a str>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
    /// Days since 1970-01-01.
    Date(Vec<Option<i32>>),
}

impl<'a> Values<'a> {
    /// The column's values, or `None` for a type this module does not write.
    fn of(c: &'a polars::prelude::Column) -> Option<Values<'a>> {
        Some(match c.dtype() {
            DataType::String => Values::Str(c.str().ok()?.iter().collect()),
            DataType::Int64 => Values::Int(c.i64().ok()?.iter().collect()),
            DataType::Int32 => Values::Int(c.i32().ok()?.iter().map(|v| v.map(i64::from)).collect()),
            DataType::UInt32 => Values::Int(c.u32().ok()?.iter().map(|v| v.map(i64::from)).collect()),
            DataType::Float64 => Values::Float(c.f64().ok()?.iter().collect()),
            DataType::Boolean => Values::Bool(c.bool().ok()?.iter().collect()),
            DataType::Date => Values::Date(c.date().ok()?.physical().iter().collect()),
            _ => return None,
        })
    }

    /// Appends row `i`'s value.
    fn write(&self, i: usize, out: &mut Vec<u8>, numbers: &mut Numbers) {
        match self {
            Values::Str(v) => {
                if let Some(s) = v[i] {
                    string(s, out);
                }
            }
            Values::Int(v) => {
                if let Some(n) = v[i] {
                    out.extend_from_slice(numbers.int.format(n).as_bytes());
                }
            }
            Values::Float(v) => {
                if let Some(x) = v[i] {
                    out.extend_from_slice(numbers.float.format(x).as_bytes());
                }
            }
            Values::Bool(v) => {
                if let Some(b) = v[i] {
                    out.extend_from_slice(if b { b"true" } else { b"false" });
                }
            }
            Values::Date(v) => {
                if let Some(days) = v[i] {
                    let date = chrono::NaiveDate::from_num_days_from_ce_opt(days + EPOCH_CE_DAYS)
                        .expect("a Date column holds valid dates");
                    write!(out, "{}", date.format("%Y-%m-%d")).expect("writing to memory");
                }
            }
        }
    }
}

/// 1970-01-01 in days from 0001-01-01 (chrono's day count).
const EPOCH_CE_DAYS: i32 = 719_163;

/// Formatting buffers for numbers, reused across cells.
struct Numbers {
    int: itoa::Buffer,
    float: zmij::Buffer,
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

/// Writes `df`'s rows (after its header line when `header`) to `out`.
pub fn write(df: &DataFrame, header: bool, out: &mut impl Write) -> PolarsResult<()> {
    let columns: Option<Vec<Values>> = df.columns().iter().map(Values::of).collect();
    let Some(columns) = columns else {
        return CsvWriter::new(out).include_header(header).finish(&mut df.clone());
    };
    let mut buf = Vec::with_capacity(1 << 16);
    if header {
        for (k, name) in df.get_column_names().iter().enumerate() {
            if k > 0 {
                buf.push(b',');
            }
            string(name, &mut buf);
        }
        buf.push(b'\n');
    }
    let mut numbers = Numbers {
        int: itoa::Buffer::new(),
        float: zmij::Buffer::new(),
    };
    for i in 0..df.height() {
        for (k, c) in columns.iter().enumerate() {
            if k > 0 {
                buf.push(b',');
            }
            c.write(i, &mut buf, &mut numbers);
        }
        buf.push(b'\n');
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same bytes as polars' writer, header and all, on awkward values.
    #[test]
    fn writes_what_polars_writes() {
        let text: Vec<Option<&str>> = vec![
            Some("plain"),
            Some("a, comma"),
            Some("a \"quote\""),
            Some("line\nbreak"),
            Some("cr\rhere"),
            Some(""),
            None,
            Some("Côte d’Ivoire"),
        ];
        let n = text.len();
        let ints: Vec<Option<i64>> = vec![
            Some(0),
            Some(-7),
            None,
            Some(i64::MAX),
            Some(42),
            Some(1),
            Some(2),
            Some(3),
        ];
        let floats: Vec<Option<f64>> = vec![
            Some(1.0),
            Some(0.1),
            Some(1.0 / 3.0),
            None,
            Some(1e-7),
            Some(123456789.125),
            Some(-0.0),
            Some(1e21),
        ];
        let bools: Vec<Option<bool>> = vec![
            Some(true),
            Some(false),
            None,
            Some(true),
            None,
            Some(false),
            Some(true),
            None,
        ];
        let days: Vec<Option<i32>> = vec![
            Some(0),
            Some(15_679),
            None,
            Some(-1),
            Some(20_000),
            None,
            Some(1),
            Some(2),
        ];
        let mut df = DataFrame::new(
            n,
            vec![
                Series::new("text".into(), text).into(),
                Series::new("int".into(), ints).into(),
                Series::new("float".into(), floats).into(),
                Series::new("flag".into(), bools).into(),
                Series::new("date".into(), days)
                    .cast(&DataType::Date)
                    .unwrap()
                    .into(),
                Series::new("small".into(), vec![Some(1u32); n]).into(),
            ],
        )
        .unwrap();
        for header in [true, false] {
            let mut ours = Vec::new();
            write(&df, header, &mut ours).unwrap();
            let mut theirs = Vec::new();
            CsvWriter::new(&mut theirs)
                .include_header(header)
                .finish(&mut df)
                .unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
