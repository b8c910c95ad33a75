//! Property tests on arbitrary Unicode text: no panic, offsets always slice
//! the original to the surface, folding never moves a boundary inside a
//! character.

mod common;
use paysage::normalize::fold;
use proptest::prelude::*;

/// Text that mixes arbitrary Unicode with country names, separators and
/// the characters folding rewrites (accents, apostrophes, dashes, œ, ß).
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        Just("la France".to_string()),
        Just("les États-Unis".to_string()),
        Just("Royaume\nUni".to_string()),
        Just("Côte d’Ivoire".to_string()),
        Just("U.S.".to_string()),
        Just("Guinée-Bissau".to_string()),
        Just("Œuvre ß İstanbul ǅ ﬁ".to_string()),
        Just(", et ".to_string()),
        Just(" 27 Etats membres de l'Union européenne ".to_string()),
        "[ -~À-ÿ’ʼ–—\u{0300}-\u{036f}\n]{0,20}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn offsets_slice_the_original_to_the_surface(text in texty(), lang in prop_oneof![Just("fr"), Just("en"), Just("")]) {
        let (r, m) = common::shipped();
        let (mentions, resolution) = paysage::analyse(&text, lang, chrono::NaiveDate::from_ymd_opt(2012, 12, 5), m, r);
        let chars: Vec<char> = text.chars().collect();
        for x in &mentions {
            prop_assert!(x.start < x.end && x.end <= chars.len());
            prop_assert_eq!(chars[x.start..x.end].iter().collect::<String>(), x.surface.clone());
        }
        for s in &resolution.sets {
            prop_assert!(s.start < s.end && s.end <= chars.len());
            prop_assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.quote.clone());
            prop_assert!(s.parent.is_none_or(|p| p < resolution.sets.len()));
        }
    }

    #[test]
    fn folding_maps_every_byte_to_a_character(text in texty()) {
        let f = fold(&text);
        let n = text.len();
        let mut last = 0;
        for (pos, c) in f.text.char_indices() {
            let o = f.orig_byte(pos);
            prop_assert!(o < n, "byte {} maps to byte {} of {}", pos, o, n);
            prop_assert!(text.is_char_boundary(o), "byte {} maps inside a character", pos);
            prop_assert!(o >= last, "the map goes backwards");
            last = o;
            let (a, b) = f.orig_bytes(pos, pos + c.len_utf8());
            prop_assert!(a == o && a < b && b <= n && text.is_char_boundary(b));
        }
        prop_assert_eq!(f.orig_byte(f.text.len()), n);
    }
}
