//! Folder + matcher + resolver on arbitrary text: no panic, and every
//! mention's offsets slice the original text to its surface.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paysage::extract::Matcher;
use paysage::reference::Reference;
use std::sync::OnceLock;

fn setup() -> &'static (Reference, Matcher) {
    static S: OnceLock<(Reference, Matcher)> = OnceLock::new();
    S.get_or_init(|| {
        let r = Reference::load(concat!(env!("CARGO_MANIFEST_DIR"), "/../input").as_ref()).unwrap();
        let m = Matcher::new(&r).unwrap();
        (r, m)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (r, m) = setup();
    let lang = match data.first().map(|b| b % 3) {
        Some(0) => "fr",
        Some(1) => "en",
        _ => "",
    };
    let date = paysage::reference::parse_date("2012-12-05");
    let (mentions, _) = paysage::analyse(text, lang, date, m, r);
    let chars: Vec<char> = text.chars().collect();
    for x in &mentions {
        assert!(x.start < x.end && x.end <= chars.len());
        assert_eq!(chars[x.start..x.end].iter().collect::<String>(), x.surface);
    }
});
