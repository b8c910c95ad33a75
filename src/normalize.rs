//! Text folding: the one place that decides which spellings are "the same".
//!
//! Matching runs on a folded copy of the text: lower case, no accents
//! (É = E = e), one apostrophe (’ ' ʼ → '), hyphens and dashes as spaces
//! ("Royaume Uni" = "Royaume-Uni"), every run of white space (line breaks
//! included, so a hard-wrapped "United\nStates" still matches) as one space.
//! Each folded byte remembers which original character it came from, so a match
//! maps back to Unicode code point offsets in the original: Python's
//! `text[start:end]` is the surface.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text with the map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original of the
    /// character it came from. One extra entry at the end holds the
    /// original's length.
    origin: Vec<u32>,
}

impl Folded {
    /// Byte offset in the original of the character that produced the folded
    /// byte `pos` (the original's length at the end of `text`).
    pub fn orig_byte(&self, pos: usize) -> usize {
        self.origin[pos] as usize
    }

    /// The byte span in the original of the folded bytes `start..end`: from
    /// the first character that produced them to the end of the last one
    /// (with any accents or white space folded away right after it).
    pub fn orig_bytes(&self, start: usize, end: usize) -> (usize, usize) {
        let b0 = self.origin[start];
        if end <= start {
            return (b0 as usize, b0 as usize);
        }
        // The next folded byte from another character; "œ" gives two bytes
        // from one. The last entry (the original's length) ends the walk.
        let last = self.origin[end - 1];
        let b1 = self.origin[end..]
            .iter()
            .copied()
            .find(|&b| b != last)
            .unwrap_or(last);
        (b0 as usize, b1 as usize)
    }
}

/// Folds one string with no offset map (names, lookup input).
///
/// ```
/// assert_eq!(paysage::normalize::fold_str("  les États–Unis\n"), "les etats unis");
/// ```
pub fn fold_str(s: &str) -> String {
    let f = fold(s);
    f.text.trim().to_string()
}

/// What an ASCII byte folds to: lower case; white space and hyphens are a
/// space (runs of them collapse into one).
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // White space as `char::is_whitespace` has it (with the vertical tab).
        t[b] = if c.is_ascii_whitespace() || c == 0x0B || c == b'-' {
            b' '
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// Folds `s`, keeping the map from folded bytes back to the original.
///
/// ```
/// let s = "Côte d’Ivoire";
/// let f = paysage::normalize::fold(s);
/// assert_eq!(f.text, "cote d'ivoire");
/// let (a, b) = f.orig_bytes(5, f.text.len());
/// assert_eq!(&s[a..b], "d’Ivoire");
/// ```
pub fn fold(s: &str) -> Folded {
    let mut f = Folded::default();
    fold_into(s, &mut f);
    f
}

/// [`fold`] into `out`, reusing its buffers.
pub fn fold_into(s: &str, out: &mut Folded) {
    assert!(s.len() < u32::MAX as usize, "texts are limited to 4 GB");
    let mut text = std::mem::take(&mut out.text).into_bytes();
    let origin = &mut out.origin;
    text.clear();
    origin.clear();
    text.reserve(s.len());
    origin.reserve(s.len() + 1);
    let mut last_space = false;
    let bytes = s.as_bytes();
    let table = common_folds();
    let mut at = 0;
    while at < bytes.len() {
        // Plain ASCII bytes eight at a time (most of news text): lower-cased,
        // copied, each mapped to itself.
        if let Some(chunk) = bytes.get(at..at + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            let (lower, plain) = fold_plain_ascii(w, last_space);
            if plain > 0 {
                let base = at as u32;
                if plain == 8 {
                    text.extend_from_slice(&lower.to_le_bytes());
                    origin.extend_from_slice(&[0, 1, 2, 3, 4, 5, 6, 7].map(|k| base + k));
                } else {
                    // Eight written, the plain ones kept: no copy of a variable length.
                    let (t, o) = (text.len(), origin.len());
                    text.extend_from_slice(&lower.to_le_bytes());
                    origin.extend_from_slice(&[0, 1, 2, 3, 4, 5, 6, 7].map(|k| base + k));
                    text.truncate(t + plain);
                    origin.truncate(o + plain);
                }
                at += plain;
                last_space = bytes[at - 1] == b' ';
                continue;
            }
        }
        // One character at a time: ASCII white space or hyphen (a run of
        // them is one space), anything else.
        let b = bytes[at];
        if b.is_ascii() {
            let f = ASCII_FOLD[usize::from(b)];
            let space = f == b' ';
            if !(space && last_space) {
                text.push(f);
                origin.push(at as u32);
            }
            last_space = space;
            at += 1;
            continue;
        }
        let c = s[at..].chars().next().expect("a char starts here");
        let here = at as u32;
        at += c.len_utf8();
        let slow;
        let folded = match table.get(c as usize) {
            Some(f) => *f,
            None => {
                slow = fold_char(c);
                match &slow {
                    Some(r) => CharFold::Str(r),
                    None => CharFold::Space,
                }
            }
        };
        match folded {
            CharFold::Space if last_space => {}
            CharFold::Space => {
                text.push(b' ');
                origin.push(here);
                last_space = true;
            }
            CharFold::Bytes { len: 0, .. } => {}
            // An accented Latin letter: one letter.
            CharFold::Bytes { len: 1, buf } => {
                text.push(buf[0]);
                origin.push(here);
                last_space = false;
            }
            CharFold::Bytes { len, buf } => {
                let len = usize::from(len);
                text.extend_from_slice(&buf[..len]);
                origin.extend(std::iter::repeat_n(here, len));
                last_space = false;
            }
            CharFold::Str(r) => {
                text.extend_from_slice(r.as_bytes());
                origin.extend(std::iter::repeat_n(here, r.len()));
                last_space = false;
            }
        }
    }
    origin.push(bytes.len() as u32);
    out.text = String::from_utf8(text).expect("folding writes whole UTF-8 characters");
}

/// What one non-ASCII character folds to.
#[derive(Debug, Clone, Copy)]
enum CharFold<'a> {
    /// White space or a dash: one space, runs collapse.
    Space,
    /// Up to 8 bytes of folded text (none: a combining mark).
    Bytes { len: u8, buf: [u8; 8] },
    /// Any other folded text (a character outside the table).
    Str(&'a str),
}

/// What `c` folds to: `None` for white space and dashes, else its folded
/// text (empty for a combining mark).
fn fold_char(c: char) -> Option<String> {
    let mut out = String::new();
    match fold_special(c) {
        Special::Space => return None,
        Special::Str(r) => out.push_str(r),
        Special::None => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
    Some(out)
}

/// The folds of the first 12,288 code points (Latin, Greek, Cyrillic,
/// punctuation, dashes and spaces), computed once: accents are most of the
/// non-ASCII characters of news text, and a table beats decomposing each.
fn common_folds() -> &'static [CharFold<'static>] {
    static TABLE: std::sync::OnceLock<Vec<CharFold<'static>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x3000u32)
            .map(|u| match char::from_u32(u).map(fold_char) {
                Some(None) => CharFold::Space,
                Some(Some(r)) if r.len() <= 8 => {
                    let mut buf = [0u8; 8];
                    buf[..r.len()].copy_from_slice(r.as_bytes());
                    CharFold::Bytes {
                        len: r.len() as u8,
                        buf,
                    }
                }
                // Longer than 8 bytes: none in this range; kept for good (once).
                Some(Some(r)) => CharFold::Str(Box::leak(r.into_boxed_str())),
                None => CharFold::Bytes { len: 0, buf: [0; 8] }, // surrogates: not chars
            })
            .collect()
    })
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte of `x` (ASCII bytes only) that equals `b`.
fn bytes_equal(x: u64, b: u8) -> u64 {
    let t = x ^ (LO * u64::from(b));
    !(((t & !HI) + !HI) | t) & HI
}

/// Eight bytes (little-endian in `w`) folded at once as far as they need
/// nothing but lower case: the folded bytes and how many of the first ones
/// are plain (0 to 8). A byte is not plain when it is outside ASCII, a control
/// character or line break, a hyphen, or a space after a space (`last_space`:
/// the byte before `w` was one). Carries from a byte that is not plain reach
/// only the bytes after it, which are not used.
fn fold_plain_ascii(w: u64, last_space: bool) -> (u64, usize) {
    let spaces = bytes_equal(w, b' ');
    let not_plain = (w & HI) // outside ASCII
        | (!(w + LO * 0x60) & HI) // below 0x20: adding 0x60 leaves the high bit clear
        | bytes_equal(w, b'-')
        | (spaces & ((spaces << 8) | u64::from(last_space) << 7));
    let plain = (not_plain.trailing_zeros() / 8) as usize;
    // 'A'..='Z': at least 'A' and not past 'Z'; add 0x20 to those.
    let at_least_a = w + LO * (0x80 - u64::from(b'A'));
    let past_z = w + LO * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !past_z & HI;
    (w | (upper >> 2), plain)
}

enum Special {
    Space,
    Str(&'static str),
    None,
}

fn fold_special(c: char) -> Special {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' => Special::Str("'"),
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{00AD}' => Special::Space,
        c if c.is_whitespace() => Special::Space,
        'œ' | 'Œ' => Special::Str("oe"),
        'æ' | 'Æ' => Special::Str("ae"),
        'ß' => Special::Str("ss"),
        'ø' | 'Ø' => Special::Str("o"),
        'đ' | 'Đ' => Special::Str("d"),
        'ł' | 'Ł' => Special::Str("l"),
        'ı' => Special::Str("i"),
        _ => Special::None,
    }
}

/// True for characters that make up words: a name matches only where the
/// characters around it are not word characters ("Oman" is not in "woman").
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The end of the run of word characters that starts at byte `i` of `s`
/// (`i` itself when there is none). ASCII bytes are read as bytes, the rest
/// as characters: most of a text is ASCII.
pub fn run_end(s: &str, i: usize) -> usize {
    let bytes = s.as_bytes();
    let mut j = i;
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            j += 1;
            continue;
        }
        match s[j..].chars().next() {
            Some(c) if is_word_char(c) => j += c.len_utf8(),
            _ => break,
        }
    }
    j
}

/// The end of the word that starts at byte `i` of `s`: a run of word
/// characters; an elided article keeps its apostrophe ("l'Albanie"), a
/// possessive's does not ("the two countries' shares", "the group's
/// members").
pub fn word_end(s: &str, i: usize) -> usize {
    let run = run_end(s, i);
    let Some(next) = s[run..].strip_prefix('\'') else {
        return run;
    };
    let genitive = next
        .strip_prefix('s')
        .is_some_and(|t| !t.starts_with(is_word_char));
    match next.starts_with(is_word_char) && !genitive {
        true => run + 1,
        false => run,
    }
}

/// The units the resolver reads in `s`, without mentions: words (see
/// [`word_end`]) and single marks, spaces left out ("à l'exception de",
/// "Moyen-Orient", "'s"). Grammar phrases are split so.
pub fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let j = if is_word_char(c) {
            word_end(s, i)
        } else {
            i + c.len_utf8()
        };
        if !c.is_whitespace() {
            out.push(&s[i..j]);
        }
        i = j;
    }
    out
}

/// Turns byte offsets of a text into char (code point) offsets, counting
/// forward from the last offset asked (cheap when offsets increase).
pub struct CharCounter<'a> {
    text: &'a str,
    byte_idx: usize,
    char_idx: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte_idx: 0,
            char_idx: 0,
        }
    }

    /// The char offset of byte offset `b` (a char boundary).
    pub fn chars_to(&mut self, b: usize) -> usize {
        if b < self.byte_idx {
            self.byte_idx = 0;
            self.char_idx = 0;
        }
        self.char_idx += self.text[self.byte_idx..b].chars().count();
        self.byte_idx = b;
        self.char_idx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_elisions_and_split_genitives_and_hyphens() {
        assert_eq!(tokens("l'albanie"), ["l'", "albanie"]);
        assert_eq!(
            tokens("the group's members"),
            ["the", "group", "'", "s", "members"]
        );
        assert_eq!(
            tokens("the countries' shares"),
            ["the", "countries", "'", "shares"]
        );
        assert_eq!(tokens("moyen-orient"), ["moyen", "-", "orient"]);
        assert_eq!(tokens("à l'exception de"), ["à", "l'", "exception", "de"]);
        assert_eq!(tokens("'s"), ["'", "s"]);
        // A word of one letter before an apostrophe is an elision, not a genitive.
        assert_eq!(tokens("s'est"), ["s'", "est"]);
    }

    #[test]
    fn folds_case_accents_apostrophes_dashes_spaces() {
        let cases = [
            ("Royaume-Uni", "royaume uni"),
            ("Royaume Uni", "royaume uni"),
            ("ÉTATS-UNIS", "etats unis"),
            ("Côte d’Ivoire", "cote d'ivoire"),
            ("Côte dʼIvoire", "cote d'ivoire"),
            ("United\nStates", "united states"),
            ("United \n  States", "united states"),
            ("Sœur", "soeur"),
            ("Straße", "strasse"),
            ("Guinée–Bissau", "guinee bissau"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input).text, want, "{input}");
        }
    }

    #[test]
    fn the_table_of_common_folds_agrees_with_folding_each_char() {
        for u in (0..0x3000u32).chain([0x3042, 0xAC00, 0xD55C, 0xFB01, 0x1F600]) {
            let Some(c) = char::from_u32(u) else { continue };
            let want = match fold_char(c) {
                None => " ".to_string(),
                Some(r) => r,
            };
            assert_eq!(fold(&c.to_string()).text, want, "U+{u:04X}");
        }
        // Outside the table and longer than 8 bytes: a Hangul syllable is
        // three conjoining letters; the map still covers the whole syllable.
        let f = fold("한국");
        assert_eq!(f.text.len(), 18);
        assert_eq!(f.orig_bytes(0, 9), (0, 3));
        assert_eq!(f.orig_bytes(9, 18), (3, 6));
    }

    /// Folding one char at a time, the plain way: what the fast paths must equal.
    fn fold_plainly(s: &str) -> (String, Vec<u32>) {
        let (mut text, mut origin, mut last_space) = (String::new(), Vec::new(), false);
        for (i, c) in s.char_indices() {
            match fold_char(c) {
                None if last_space => {}
                None => {
                    text.push(' ');
                    origin.push(i as u32);
                    last_space = true;
                }
                Some(r) => {
                    text.push_str(&r);
                    origin.extend(std::iter::repeat_n(i as u32, r.len()));
                    last_space &= r.is_empty();
                }
            }
        }
        origin.push(s.len() as u32);
        (text, origin)
    }

    #[test]
    fn eight_bytes_at_a_time_equals_one_char_at_a_time() {
        let alphabet: Vec<char> = "aAzZ@[`{ -\n\t\u{b}\u{7f}\u{a0}éÉœ’한x.,'ß0".chars().collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for _ in 0..20_000 {
            let len = next() % 40;
            let s: String = (0..len)
                .map(|_| {
                    // Mostly letters and single spaces, as in prose, so the fast path runs.
                    match next() % 10 {
                        0..=5 => char::from(b'a' + (next() % 26) as u8),
                        6 => ' ',
                        _ => alphabet[next() % alphabet.len()],
                    }
                })
                .collect();
            let f = fold(&s);
            let (text, origin) = fold_plainly(&s);
            assert_eq!(f.text, text, "{s:?}");
            assert_eq!(f.origin, origin, "{s:?}");
        }
    }

    #[test]
    fn offsets_map_back_to_code_points() {
        let s = "à l’Œuvre, «Géorgie»";
        let f = fold(s);
        let pos = f.text.find("georgie").unwrap();
        let (a, b) = f.orig_bytes(pos, pos + "georgie".len());
        assert_eq!(&s[a..b], "Géorgie");
        let pos = f.text.find("oeuvre").unwrap();
        let (a, b) = f.orig_bytes(pos, pos + 1);
        assert_eq!(&s[a..b], "Œ", "a fold of one char into two maps back whole");
        let mut count = CharCounter::new(s);
        assert_eq!(count.chars_to(a), 4);
        assert_eq!(count.chars_to(s.len()), s.chars().count());
        assert_eq!(count.chars_to(0), 0);
    }
}
