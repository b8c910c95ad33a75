//! INTERIM, until `paysage::reference` embeds the reference data itself
//! (issue 13): embeds the repository's `input/` (but its `articles/`) in the
//! extension, as (name under `input/`, bytes), so that a wheel carries it.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        let rel_name = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if path.is_dir() {
            if !(rel.is_empty() && name == "articles") {
                walk(&path, &rel_name, out);
            }
        } else if name.ends_with(".csv") {
            out.push((rel_name, path));
        }
    }
}

fn main() {
    let input = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../input");
    println!("cargo:rerun-if-changed=../input");
    let mut files = Vec::new();
    walk(&input, "", &mut files);
    files.sort();
    assert!(
        files.iter().any(|(n, _)| n == "countries.csv"),
        "no input/countries.csv beside python/"
    );
    let mut code = String::from("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for (name, path) in &files {
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    std::fs::write(
        PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs"),
        code,
    )
    .unwrap();
}
