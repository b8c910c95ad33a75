//! `paysage lookup`: whole names classified one by one, like a converter,
//! with the same names, folding and case rules as the text scan.

use crate::extract::Matcher;
use crate::normalize::fold;
use crate::reference::{NameKind, Reference};

/// How one input name was classified.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Matched(String),
    Ambiguous(Vec<String>),
    Unmatched,
}

/// Classifies `input` as a whole name in `lang` (`None`: every language).
/// Leading articles and prepositions are dropped ("les Etats-Unis", "aux
/// Etats-Unis", "l'Albanie"); ISO codes written in capitals or digits match too.
///
/// ```no_run
/// # use paysage::{reference::Reference, extract::Matcher, lookup::{lookup, Lookup}};
/// let r = Reference::load("input".as_ref()).unwrap();
/// let m = Matcher::new(&r).unwrap();
/// assert_eq!(lookup("aux Etats Unis", Some("fr"), &m, &r), Lookup::Matched("USA".into()));
/// ```
pub fn lookup(input: &str, lang: Option<&str>, matcher: &Matcher, reference: &Reference) -> Lookup {
    let trimmed = input.trim();
    let lang_s = lang.unwrap_or("");
    let folded = fold(trimmed);
    let text = folded.text.as_str();
    // The whole name first ("El Salvador"), then without each leading article
    // or preposition in turn ("aux Etats-Unis", "l'Albanie").
    let mut at = 0;
    loop {
        let key = text[at..].trim_end();
        if key.is_empty() {
            break;
        }
        let original = &trimmed[folded.orig_byte(at)..];
        if let Some((kind, codes)) = matcher.lookup_folded(key, lang_s, original.trim()) {
            return match kind {
                NameKind::Country => Lookup::Matched(codes[0].clone()),
                NameKind::Ambiguous => Lookup::Ambiguous(codes),
                // Not a country: a group, a former state (never silently the
                // modern one), an organisation, or a blocking phrase.
                NameKind::Group | NameKind::NotCountry | NameKind::Historical | NameKind::Organisation => {
                    Lookup::Unmatched
                }
            };
        }
        let rest = &text[at..];
        let word_end = rest
            .find([' ', '\''])
            .map(|i| if rest.as_bytes()[i] == b'\'' { i + 1 } else { i })
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        let g = &reference.grammar;
        let droppable = word_end < rest.len() && (g.is(lang_s, "article", word) || g.is(lang_s, "of", word));
        if !droppable {
            break;
        }
        at += word_end;
        at += text[at..].len() - text[at..].trim_start().len();
    }
    let is_code = !trimmed.is_empty()
        && (trimmed.chars().all(|c| c.is_ascii_uppercase()) || trimmed.chars().all(|c| c.is_ascii_digit()));
    if is_code {
        if let Some(c) = reference.country_by_code(trimmed) {
            return Lookup::Matched(c.alpha3.clone());
        }
    }
    Lookup::Unmatched
}
