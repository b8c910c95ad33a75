//! docs/schema.md documents every column of every table, in order, with the
//! type the Parquet file really has: the documentation cannot drift.

mod common;
use common::*;
use polars::prelude::DataType;

fn doc_type(dtype: &DataType) -> &'static str {
    match dtype {
        DataType::String => "string",
        DataType::Int64 => "int",
        DataType::Float64 => "float",
        DataType::Boolean => "bool",
        DataType::Date => "date",
        other => panic!("undocumented type {other:?}"),
    }
}

#[test]
fn schema_doc_lists_every_column_with_its_type() {
    let doc = std::fs::read_to_string(root().join("docs/schema.md")).unwrap();
    assert!(doc.contains(&format!("Schema version: **{}**", paysage::SCHEMA_VERSION)));
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &[]);
    for table in paysage::tables::TABLES {
        let section = doc
            .split(&format!("## `{table}`"))
            .nth(1)
            .unwrap_or_else(|| panic!("docs/schema.md has no section for {table}"));
        let section = section.split("\n## ").next().unwrap();
        let documented: Vec<(String, String)> = section
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|l| {
                let cells: Vec<&str> = l.split(" | ").collect();
                (
                    cells[0].trim_start_matches("| ").trim_matches('`').to_string(),
                    cells[1].to_string(),
                )
            })
            .collect();
        let df = parquet(&out, table);
        let actual: Vec<String> = df.get_column_names().iter().map(|c| c.to_string()).collect();
        let names: Vec<String> = documented.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(
            names, actual,
            "{table}: documented columns differ from the table's"
        );
        for ((name, ty), col) in documented.iter().zip(df.columns()) {
            assert!(
                ty.starts_with(doc_type(col.dtype())),
                "{table}.{name}: documented as {ty}, is {:?}",
                col.dtype()
            );
        }
    }
}
