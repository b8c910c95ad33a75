//! INTERIM, until `paysage::reference` loads embedded data itself (issue
//! 13: `reference::layered` + `Reference::from_files`): the reference data
//! built into the extension (see build.rs), written to a private folder with
//! the user's folder's files on top, and loaded from there with
//! `Reference::load`. Error messages name the user's file, or the built-in
//! one as `<built-in>/...`.

use paysage::reference::Reference;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The CSV files under `dir` (names relative to it), but `articles/`.
fn user_files(dir: &Path, rel: &str, out: &mut Vec<String>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir.join(rel))? {
        let e = e?;
        let name = e.file_name().to_string_lossy().to_string();
        let rel_name = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if e.file_type()?.is_dir() {
            if !(rel.is_empty() && name == "articles") {
                user_files(dir, &rel_name, out)?;
            }
        } else if name.ends_with(".csv") {
            out.push(rel_name);
        }
    }
    Ok(())
}

/// The built-in reference data, with `user`'s files (same names replace,
/// new ones add) on top.
pub fn load(user: Option<&Path>) -> Result<Reference, String> {
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = std::env::temp_dir().join(format!("paysage-reference-{}-{n}", std::process::id()));
    let result = (|| -> Result<Reference, String> {
        let io = |e: std::io::Error| e.to_string();
        let write = |name: &str, bytes: &[u8]| -> Result<(), String> {
            let path = tmp.join(name);
            std::fs::create_dir_all(path.parent().expect("a file in a folder")).map_err(io)?;
            std::fs::write(path, bytes).map_err(io)
        };
        for (name, bytes) in EMBEDDED {
            write(name, bytes)?;
        }
        let mut mine = Vec::new();
        if let Some(dir) = user {
            user_files(dir, "", &mut mine).map_err(|e| format!("reading {}: {e}", dir.display()))?;
            for name in &mine {
                write(name, &std::fs::read(dir.join(name)).map_err(io)?)?;
            }
        }
        Reference::load(&tmp).map_err(|e| {
            let mut message = e.to_string();
            for name in &mine {
                let user_path: PathBuf = user.expect("user files come from a folder").join(name);
                message = message.replace(
                    &tmp.join(name).display().to_string(),
                    &user_path.display().to_string(),
                );
            }
            message.replace(&format!("{}/", tmp.display()), "<built-in>/")
        })
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result
}
