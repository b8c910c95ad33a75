//! The JSON Lines reader on arbitrary bytes: no panic, and every non-blank
//! line is either an article or a reject.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paysage::ingest::{read_jsonl, Ingested};

fuzz_target!(|data: &[u8]| {
    let mut out = Ingested::default();
    read_jsonl(data, "fuzz.jsonl", &mut out);
    let lines = data
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(i, l)| {
            let l = if *i == 0 { l.strip_prefix(b"\xef\xbb\xbf").unwrap_or(l) } else { l };
            !l.iter().all(u8::is_ascii_whitespace)
        })
        .count();
    assert_eq!(out.articles.len() + out.rejects.len(), lines);
});
