//! `paysage._paysage`: the Rust side of the Python package. Thin on purpose:
//! it loads the reference data, hands Python values to the `paysage` library
//! and hands the library's table columns back as Arrow buffers. Every rule
//! (names, folding, resolution, validation, the tables' rows) lives in the
//! library, shared with the `paysage` command.

use paysage::extract::Matcher;
use paysage::ingest::{read_rows, Article, Ingested};
use paysage::lookup::{lookup, LookupRow};
use paysage::reference::{parse_date, Reference};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::collections::HashMap;
use std::path::PathBuf;

mod arrow;
mod input;
use paysage::rows::{group_dimension, ArticleTables, Column, ColumnData, Processed, Table};

/// The reference data and the name matcher built from it: loaded once, used
/// by every call (building the matcher takes a fraction of a second).
#[pyclass(frozen, module = "paysage._paysage")]
struct Engine {
    reference: Reference,
    matcher: Matcher,
}

/// What `lookup(to=...)` may return: the columns of `paysage lookup --to`.
const LOOKUP_COLUMNS: [&str; 6] = ["iso3", "iso2", "numeric", "name_en", "name_fr", "status"];

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A date argument: `YYYY-MM-DD`, as the command's `--as-of` reads it.
fn date_arg(what: &str, s: Option<&str>) -> PyResult<Option<chrono::NaiveDate>> {
    s.map(|s| parse_date(s).ok_or_else(|| value_error(format!("{what} `{s}` is not a date (YYYY-MM-DD)"))))
        .transpose()
}

#[pymethods]
impl Engine {
    /// Loads and validates the built-in reference data, with the files of
    /// `input` (a folder laid out as the repository's `input/`) on top;
    /// raises ValueError naming the file, line and field of the first fault,
    /// as the command does.
    #[new]
    #[pyo3(signature = (input=None))]
    fn new(py: Python<'_>, input: Option<PathBuf>) -> PyResult<Engine> {
        py.detach(|| {
            let reference = paysage::reference::layered(input.as_deref())
                .and_then(|files| Reference::from_files(&files))
                .map_err(|e| value_error(format!("reference data is invalid: {e}")))?;
            let matcher = Matcher::new(&reference).map_err(value_error)?;
            Ok(Engine { reference, matcher })
        })
    }

    /// Group codes, sorted.
    fn group_codes(&self) -> Vec<String> {
        self.reference.groups.clone()
    }

    /// Languages that have names.
    fn languages(&self) -> Vec<String> {
        self.reference.languages().into_iter().map(String::from).collect()
    }

    /// Classifies each item of `names` (a list) as a whole name; returns a
    /// list of the same length with the `to` column of each (None where
    /// unmatched, and for an item that is not a str). Repeated names are
    /// looked up once.
    #[pyo3(signature = (names, lang=None, to="iso3"))]
    fn lookup<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyList>,
        lang: Option<&str>,
        to: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        if !LOOKUP_COLUMNS.contains(&to) {
            return Err(value_error(format!(
                "to=`{to}`: not a lookup column (one of {})",
                LOOKUP_COLUMNS.join(", ")
            )));
        }
        if let Some(l) = lang {
            let langs = self.reference.languages();
            if !langs.contains(l) {
                return Err(value_error(format!(
                    "lang=`{l}`: no names for this language (have: {})",
                    langs.into_iter().collect::<Vec<_>>().join(", ")
                )));
            }
        }
        // Hold every item (the &str below borrow from them), then number the
        // distinct names.
        let items: Vec<Bound<'py, PyAny>> = names.iter().collect();
        let mut distinct: Vec<&str> = Vec::new();
        let mut index: HashMap<&str, u32> = HashMap::new();
        let mut slots: Vec<u32> = Vec::with_capacity(items.len());
        for item in &items {
            let slot = match item.cast::<PyString>() {
                Ok(s) => {
                    let s = s.to_str()?;
                    *index.entry(s).or_insert_with(|| {
                        distinct.push(s);
                        distinct.len() as u32 - 1
                    })
                }
                Err(_) => u32::MAX,
            };
            slots.push(slot);
        }
        let values: Vec<Option<String>> = py.detach(|| {
            use rayon::prelude::*;
            distinct
                .par_iter()
                .with_min_len(256)
                .map(|name| self.lookup_column(name, lang, to))
                .collect()
        });
        let none = py.None();
        let strings: Vec<Py<PyAny>> = values
            .iter()
            .map(|v| match v {
                Some(v) => PyString::new(py, v).into_any().unbind(),
                None => none.clone_ref(py),
            })
            .collect();
        PyList::new(
            py,
            slots.iter().map(|&s| match s {
                u32::MAX => none.clone_ref(py),
                s => strings[s as usize].clone_ref(py),
            }),
        )
    }

    /// The members of `groups` (codes, any case; None: every group) on
    /// `as_of` (YYYY-MM-DD; None: today): the columns of `paysage groups`.
    #[pyo3(signature = (groups=None, as_of=None))]
    fn members<'py>(
        &self,
        py: Python<'py>,
        groups: Option<Vec<String>>,
        as_of: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let date = date_arg("as_of", as_of)?.unwrap_or_else(|| chrono::Utc::now().date_naive());
        let r = &self.reference;
        // With no group named, every group (not only those broken down by default).
        let groups = groups.unwrap_or_else(|| vec!["all".to_string()]);
        let groups = paysage::select_groups(r, Some(&groups)).map_err(value_error)?;
        let (mut group, mut iso3, mut name, mut joined, mut left, mut suspended, mut former) =
            Default::default();
        for g in &groups {
            for code in r.members_on(g, date) {
                let Some(m) = r.membership_on(g, code, date) else {
                    continue;
                };
                push(&mut group, Some(g.clone()));
                push(&mut iso3, Some(code.to_string()));
                // A former state (the USSR in the Warsaw Pact) by its historical.csv id and name.
                let name_en = match r.country(code) {
                    Some(c) => Some(c.name_en.clone()),
                    None => r.historical(code).map(|h| h.name_en.clone()),
                };
                push(&mut name, name_en);
                push(&mut joined, Some(m.joined));
                push(&mut left, m.left);
                push(&mut suspended, Some(r.is_suspended(g, code, date)));
                push(&mut former, Some(m.former));
            }
        }
        let rows = group.len();
        let columns = [
            Column {
                name: "group",
                data: ColumnData::Str(group.into_iter().map(|v| v.map(Into::into)).collect()),
            },
            Column {
                name: "as_of",
                data: ColumnData::Date(vec![Some(date); rows]),
            },
            Column {
                name: "iso3",
                data: ColumnData::Str(iso3.into_iter().map(|v| v.map(Into::into)).collect()),
            },
            Column {
                name: "name_en",
                data: ColumnData::Str(name.into_iter().map(|v| v.map(Into::into)).collect()),
            },
            Column {
                name: "joined",
                data: ColumnData::Date(joined),
            },
            Column {
                name: "left",
                data: ColumnData::Date(left),
            },
            Column {
                name: "suspended",
                data: ColumnData::Bool(suspended),
            },
            Column {
                name: "former",
                data: ColumnData::Bool(former),
            },
        ];
        arrow::columns_to_py(py, &columns)
    }

    /// Analyses the articles in `fields` (their columns as Arrow buffers,
    /// made by `paysage._convert.articles_columns`) and returns every
    /// per-article table as `(name, columns)`.
    #[pyo3(signature = (fields, as_of=None, groups=None, threads=None))]
    fn analyse<'py>(
        &self,
        py: Python<'py>,
        fields: &Bound<'py, PyDict>,
        as_of: Option<&str>,
        groups: Option<Vec<String>>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let as_of = date_arg("as_of", as_of)?;
        let groups = paysage::select_groups(&self.reference, groups.as_deref()).map_err(value_error)?;
        let rows = input::rows(fields)?;
        let tables = py.detach(|| -> PyResult<Vec<Table>> {
            let mut read = Ingested::default();
            read_rows(rows, "<articles>", &mut read);
            let processed = match threads {
                None => self.scan(read.articles, as_of),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(value_error)?
                    .install(|| self.scan(read.articles, as_of)),
            };
            let dimensions: Vec<String> = groups.iter().map(|g| group_dimension(g)).collect();
            let tables = ArticleTables::build(&processed, &read.rejects, &self.reference, &groups, &dimensions);
            Ok(tables.into_tables().into_iter().map(Table::into_owned).collect())
        })?;
        let out = PyList::empty(py);
        for t in &tables {
            out.append((t.name, arrow::columns_to_py(py, &t.columns)?))?;
        }
        Ok(out)
    }
}

fn push<T>(v: &mut Vec<Option<T>>, x: Option<T>) {
    v.push(x);
}

impl Engine {
    /// Scans and resolves every article, in parallel on the current pool,
    /// in input order.
    fn scan(&self, articles: Vec<Article>, as_of: Option<chrono::NaiveDate>) -> Vec<Processed> {
        use rayon::prelude::*;
        articles
            .into_par_iter()
            .map(|article| paysage::process(article, as_of, &self.matcher, &self.reference))
            .collect()
    }

    /// One name's `to` column, as `paysage lookup --to` prints it (None for
    /// its empty line).
    fn lookup_column(&self, name: &str, lang: Option<&str>, to: &str) -> Option<String> {
        let found = lookup(name, lang, &self.matcher, &self.reference);
        let row = LookupRow::new(&found, &self.reference)?;
        Some(row.column(to)).filter(|v| !v.is_empty()).map(str::to_string)
    }
}

#[pymodule]
fn _paysage(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
