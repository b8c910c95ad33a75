//! Embeds the shipped reference data (`input/`, but its `articles/`) in the
//! binary: `src/reference.rs` includes the generated list of (name, bytes).

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
            if rel.is_empty() && name == "articles" {
                continue; // the default articles are not reference data
            }
            walk(&path, &rel_name, out);
        } else if name.ends_with(".csv") {
            out.push((rel_name, path));
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let input = root.join("input");
    println!("cargo:rerun-if-changed=input");
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = Vec::new();
    walk(&input, "", &mut files);
    files.sort();
    let mut code = String::from("/// The shipped reference files: (name under `input/`, bytes).\n");
    code.push_str("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    // Paths relative to the crate, resolved where the crate is compiled: a
    // target folder shared by two checkouts (a CI cache) then never points
    // one checkout's binary at the other's files, or at files gone.
    for (name, _) in &files {
        code.push_str(&format!(
            "    ({name:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/input/{name}\"))),\n"
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
}
