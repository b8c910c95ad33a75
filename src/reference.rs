//! Reference data: the countries, the names prose uses for them, the groups
//! and their dated memberships, and the small grammar the resolver reads.
//!
//! Everything is read from a list of CSV files ([`RefFile`]: a name such as
//! `countries.csv` or `names/fr.csv`, and bytes) and validated before any
//! article is read: a fault names the file, the line and the field, and stops
//! the run before anything is written. The shipped files are embedded in the
//! binary ([`embedded_files`]); a folder's files are layered on top of them
//! ([`layered`]), so that a user's folder may hold only its own names and
//! groups.

use crate::normalize::fold_str;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A command-line mistake found only once the reference data is loaded
/// (an unknown group): the binary exits 2 on it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A fault in a reference file, with where it is.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: field `{field}`: {message}")]
pub struct RefError {
    pub file: String,
    pub line: u64,
    pub field: String,
    pub message: String,
}

fn err(file: &Path, line: u64, field: &str, message: impl Into<String>) -> RefError {
    RefError {
        file: file.display().to_string(),
        line,
        field: field.to_string(),
        message: message.into(),
    }
}

/// One ISO 3166-1 entry.
#[derive(Debug, Clone)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub numeric: String,
    pub name_en: String,
    pub name_fr: String,
    pub m49_region: String,
    pub m49_subregion: String,
    /// False for user-assigned codes outside ISO 3166-1 (Kosovo, XKX).
    pub iso: bool,
}

/// What a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// One country (one ISO 3166-1 entry).
    Country,
    /// Several countries: reported with its candidates, never guessed.
    Ambiguous,
    /// A group of countries (the EU).
    Group,
    /// A phrase that contains a country name but is not one ("Nations unies",
    /// "Nouveau-Mexique"): it wins as the longer match and yields no mention.
    NotCountry,
    /// A former state (USSR, Zaire): code is an id of `historical.csv`.
    Historical,
    /// An organisation, medium or company named after a country (Air
    /// France): code is that country; never counted as the country.
    Organisation,
}

impl NameKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => NameKind::Country,
            "ambiguous" => NameKind::Ambiguous,
            "group" => NameKind::Group,
            "not_country" => NameKind::NotCountry,
            "historical" => NameKind::Historical,
            "organisation" => NameKind::Organisation,
            _ => return None,
        })
    }
}

/// One name as prose writes it.
#[derive(Debug, Clone)]
pub struct Name {
    pub lang: String,
    pub name: String,
    pub kind: NameKind,
    /// ISO alpha-3 codes (country, ambiguous) or one group code.
    pub codes: Vec<String>,
    /// How the name must be written to count.
    pub case: CaseRule,
    /// The period in which the name means this (e.g. "Macedonia" before and
    /// after 2019-02-12); `None`: always.
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// For a country named by a former name of the same state ("West
    /// Germany": the country DEU): the id in `historical.csv` of that former
    /// entry (column `former`, optional).
    pub former: Option<String>,
    /// `file:line` the name came from.
    pub origin: String,
}

impl Name {
    /// Whether the name means this on `date`.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    fn overlaps(&self, other: &Name) -> bool {
        self.from.unwrap_or(NaiveDate::MIN) <= other.until.unwrap_or(NaiveDate::MAX)
            && other.from.unwrap_or(NaiveDate::MIN) <= self.until.unwrap_or(NaiveDate::MAX)
    }
}

/// A group's names and note.
#[derive(Debug, Clone)]
pub struct GroupInfo {
    pub name_en: String,
    pub name_fr: String,
    /// Broken down by default (`breakdown` = `yes`; a user's group without
    /// the column is).
    pub breakdown: bool,
    pub note: String,
}

/// A period of a member's membership: suspended (`group_suspensions.csv`:
/// it stays a member) or departing (`group_departures.csv`: from its notice
/// of withdrawal to its last day as a member).
#[derive(Debug, Clone)]
pub struct MemberPeriod {
    pub group: String,
    pub iso3: String,
    pub from: NaiveDate,
    /// Last day of the period (inclusive); `None` while it lasts.
    pub until: Option<NaiveDate>,
}

impl MemberPeriod {
    /// Whether the period holds on `date`.
    pub fn holds(&self, date: NaiveDate) -> bool {
        self.from <= date && self.until.is_none_or(|u| date <= u)
    }
}

/// How a name must be written to count as a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Written as a proper noun: with a capital ("Chine", "CHINE"), not as a
    /// common word ("chine", "turkey").
    Proper,
    /// Exactly as listed: abbreviations ("US" but not "us").
    Exact,
    /// Any case: common nouns that name a group ("zone euro", "eurozone").
    Any,
    /// A proper noun right after an article or preposition of the language
    /// ("la Hollande", "en Hollande"), for names that are also surnames.
    Article,
}

/// A former state (ISO 3166-3, or a name with no code such as West Germany).
#[derive(Debug, Clone)]
pub struct Historical {
    pub id: String,
    /// ISO 3166-3 four-letter code, if any.
    pub iso3166_3: Option<String>,
    pub name_en: String,
    /// Successor states (alpha-3); the successor when there is exactly one.
    pub successors: Vec<String>,
    /// The last day it existed (optional column `until`).
    pub until: Option<NaiveDate>,
    /// The same state under its present name, its one successor (optional
    /// column `renamed` = `yes`: Zaire, Burma, Ceylon): a set counts it as
    /// that country, as the guideline does ("Zaire is COD").
    pub renamed: bool,
}

/// One period of one country's membership of one group.
#[derive(Debug, Clone)]
pub struct Membership {
    pub group: String,
    /// An alpha-3 code, or the id of a former state in `historical.csv`
    /// (the USSR in the Warsaw Pact: `SUN`; `former` is then true).
    pub iso3: String,
    /// Whether `iso3` is a former state (a `historical.csv` id).
    pub former: bool,
    pub joined: NaiveDate,
    /// Last day of membership (inclusive); `None` while still a member.
    pub left: Option<NaiveDate>,
}

impl Membership {
    /// Whether the membership holds on `date`.
    pub fn holds(&self, date: NaiveDate) -> bool {
        self.joined <= date && self.left.is_none_or(|l| date <= l)
    }
}

/// The hasher of the small maps of short words the resolver reads for every
/// word near a mention: foldhash's fixed-seed state reads eight bytes at a
/// time (FNV-1a, a byte at a time, and SipHash cost more than the lookups
/// themselves). Fixed, so that iteration orders are the same on every run.
type FastHash = foldhash::fast::FixedState;

pub(crate) type FastMap<K, V> = HashMap<K, V, FastHash>;
pub(crate) type FastSet<K> = HashSet<K, FastHash>;

/// Words the resolver reads, per language (input/grammar.csv).
///
/// Lookups borrow (`&str`) and allocate nothing: they run for every word
/// near a mention. The pseudo-language `*` holds every language's words, for
/// articles whose language has none.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    /// lang -> role -> folded words.
    words: FastMap<String, FastMap<String, FastSet<String>>>,
    /// lang -> folded word -> its roles and number value, as [`Grammar::is`]
    /// and [`Grammar::number`] read them: one lookup a word for the resolver.
    lexicons: FastMap<String, Lexicon>,
    /// lang -> folded number word -> (value, multiplies) ("vingt" -> 20).
    numbers: FastMap<String, FastMap<String, (u64, bool)>>,
    /// First bytes of every number word: most words are rejected on sight.
    number_first: Vec<bool>,
    /// Every row as written: (lang, role, word).
    raw: Vec<(String, String, String)>,
    /// lang -> role -> its words and phrases, each split into folded words
    /// ("à savoir" -> ["a", "savoir"]): markers of several words.
    phrases: FastMap<String, FastMap<String, Vec<Vec<String>>>>,
    /// lang -> the phrases of each role of [`ROLES`], in its order, as
    /// [`Grammar::phrases`] gives them: one lookup a language.
    role_phrases: FastMap<String, Vec<Vec<Vec<String>>>>,
    /// lang -> folded abbreviation -> folded expansion ("rep." -> "republic"),
    /// role `abbreviation`: what data sources shorten in a cell.
    abbreviations: BTreeMap<String, HashMap<String, String>>,
    /// lang -> the folded words of a group's body -> the group's code (role
    /// `group_body`, the code in `value`: "Commission européenne" -> EU).
    bodies: FastMap<String, FastMap<Vec<String>, String>>,
    /// Phrases that name a fixed set of countries (role `known_set`, the
    /// members as value: "solution à deux Etats" -> ISR;PSE), per language.
    known_sets: FastMap<String, FastMap<Vec<String>, Vec<String>>>,
    /// lang -> the marks that stand alone between two items of a list set
    /// out one a line (role `item_separator`: "-", "•"), as written: a dash
    /// folds to a space.
    separators: FastMap<String, Vec<String>>,
}

const ANY_LANG: &str = "*";

/// What the grammar says of one folded word in one language.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Lex {
    /// One bit a role ([`role_bit`]).
    pub roles: RoleBits,
    /// Value of a number word and whether it multiplies.
    pub number: Option<(u64, bool)>,
    /// One bit a role ([`role_bit`]) of which a word or phrase starts with
    /// this word ("à" for "à savoir"): a phrase is looked for only there.
    pub starts: RoleBits,
    /// Whether a two-word number name starts with this word ("quatre" of
    /// "quatre vingt"): the pair is looked up only then.
    pub starts_number: bool,
}

/// Folded word -> [`Lex`], for one language.
pub type Lexicon = FastMap<String, Lex>;

impl Grammar {
    /// Builds the lexicons from the words and numbers, once they are loaded.
    fn build_lexicons(&mut self) {
        const {
            assert!(
                PHRASE_ROLES.len() <= RoleBits::BITS as usize,
                "one bit a phrase role"
            )
        };
        let mut langs: BTreeSet<&String> = self.words.keys().collect();
        langs.extend(self.numbers.keys());
        let mut lexicons = FastMap::default();
        for lang in langs {
            let mut lex = Lexicon::default();
            for (bit, role) in ROLES.iter().enumerate().take(RoleBits::BITS as usize) {
                let words = self
                    .words
                    .get(lang)
                    .and_then(|r| r.get(*role))
                    .or_else(|| self.words.get(ANY_LANG).and_then(|r| r.get(*role)));
                for w in words.into_iter().flatten() {
                    lex.entry(w.clone()).or_default().roles |= 1 << bit;
                }
            }
            let numbers = self.numbers.get(lang).or_else(|| self.numbers.get(ANY_LANG));
            for (w, v) in numbers.into_iter().flatten() {
                lex.entry(w.clone()).or_default().number = Some(*v);
                if let Some((first, _)) = w.split_once(' ') {
                    lex.entry(first.to_string()).or_default().starts_number = true;
                }
            }
            lexicons.insert(lang.clone(), lex);
        }
        self.lexicons = lexicons;
        self.phrases = self
            .words
            .iter()
            .map(|(lang, by_role)| {
                let by_role = by_role
                    .iter()
                    .map(|(role, words)| {
                        let mut phrases: Vec<Vec<String>> = words
                            .iter()
                            .map(|w| {
                                crate::normalize::tokens(w)
                                    .into_iter()
                                    .map(str::to_string)
                                    .collect()
                            })
                            .collect();
                        phrases.sort();
                        (role.clone(), phrases)
                    })
                    .collect();
                (lang.clone(), by_role)
            })
            .collect();
        let langs: Vec<String> = self.lexicons.keys().cloned().collect();
        self.role_phrases = langs
            .iter()
            .map(|lang| {
                (
                    lang.clone(),
                    ROLES.iter().map(|r| self.phrases(lang, r).to_vec()).collect(),
                )
            })
            .collect();
        for lang in langs {
            for (bit, role) in PHRASE_ROLES.iter().enumerate() {
                let firsts: Vec<String> = self
                    .phrases(&lang, role)
                    .iter()
                    .filter_map(|p| p.first().cloned())
                    .collect();
                let lex = self.lexicons.get_mut(&lang).expect("a lexicon for each language");
                for w in firsts {
                    lex.entry(w).or_default().starts |= 1 << bit;
                }
            }
        }
    }

    /// Whether `lang` itself (not every language) has words of `role`: a
    /// property of the language, such as `adjectives_after`.
    pub fn has_role(&self, lang: &str, role: &str) -> bool {
        self.words.get(lang).is_some_and(|r| r.contains_key(role))
    }

    /// The words and phrases of `role` in `lang` (every language's when
    /// `lang` has none), each as its folded words.
    pub fn phrases(&self, lang: &str, role: &str) -> &[Vec<String>] {
        let of = |l: &str| self.phrases.get(l).and_then(|r| r.get(role));
        of(lang).or_else(|| of(ANY_LANG)).map_or(&[], Vec::as_slice)
    }

    /// The phrases of every role of [`ROLES`] in `lang`, in that order:
    /// [`Grammar::phrases`] of each role at once.
    pub fn role_phrases(&self, lang: &str) -> &[Vec<Vec<String>>] {
        self.role_phrases
            .get(lang)
            .or_else(|| self.role_phrases.get(ANY_LANG))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether `mark` (original text, trimmed) stands between two items of
    /// a list set out one a line in `lang` (role `item_separator`).
    pub fn is_item_separator(&self, lang: &str, mark: &str) -> bool {
        self.separators
            .get(lang)
            .is_some_and(|s| s.iter().any(|m| m == mark))
    }

    /// The lexicon of `lang` (every language's words when it has none).
    pub fn lexicon(&self, lang: &str) -> Option<&Lexicon> {
        self.lexicons.get(lang).or_else(|| self.lexicons.get(ANY_LANG))
    }

    fn add_word(&mut self, lang: &str, role: &str, folded: String) {
        for l in [lang, ANY_LANG] {
            self.words
                .entry(l.to_string())
                .or_default()
                .entry(role.to_string())
                .or_default()
                .insert(folded.clone());
        }
    }

    fn add_number(&mut self, lang: &str, folded: String, value: (u64, bool)) {
        if self.number_first.is_empty() {
            self.number_first = vec![false; 256];
        }
        if let Some(b) = folded.bytes().next() {
            self.number_first[usize::from(b)] = true;
        }
        for l in [lang, ANY_LANG] {
            self.numbers
                .entry(l.to_string())
                .or_default()
                .insert(folded.clone(), value);
        }
    }

    /// Whether folded `word` has `role` in `lang` (in any language when `lang`
    /// has no words of that role).
    pub fn is(&self, lang: &str, role: &str, word: &str) -> bool {
        let set = self
            .words
            .get(lang)
            .and_then(|r| r.get(role))
            .or_else(|| self.words.get(ANY_LANG).and_then(|r| r.get(role)));
        set.is_some_and(|s| s.contains(word))
    }

    /// The words of `role` in `lang` as written in grammar.csv (not folded).
    pub fn words_of(&self, lang: &str, role: &str) -> FastSet<String> {
        self.raw
            .iter()
            .filter(|(l, r, _)| l == lang && r == role)
            .map(|(_, _, w)| w.clone())
            .collect()
    }

    /// Every language's nouns for members, folded ("pays", "states",
    /// "membres"): the matcher finds them in the same scan as the names, to
    /// show the resolver where claims and group phrases may be.
    pub fn member_nouns(&self) -> BTreeSet<String> {
        let mut out = self.folded_words_of(ANY_LANG, "member_noun");
        // The names of organisations whose members the data does not hold
        // ("FMI", "Paris Club"): the resolver must read them to know that a
        // later "member states" is not the last group's.
        out.extend(self.folded_words_of(ANY_LANG, "other_body"));
        // The bodies of a group ("Commission européenne"): a later bare
        // "Etats membres" is that group's.
        out.extend(self.folded_words_of(ANY_LANG, "group_body"));
        out
    }

    /// The group whose body (role `group_body`) `words` are in `lang` (every
    /// language's when it has none), as [`Grammar::phrases`] splits them.
    pub fn group_of_body(&self, lang: &str, words: &[String]) -> Option<&str> {
        by_words(&self.bodies, lang, words).map(String::as_str)
    }

    /// The countries a `known_set` phrase names in `lang` (every
    /// language's when it has none), its words as [`Grammar::phrases`]
    /// splits them.
    pub fn known_set(&self, lang: &str, words: &[String]) -> Option<&[String]> {
        by_words(&self.known_sets, lang, words).map(Vec::as_slice)
    }

    /// The folded words of `role` in `lang`.
    pub fn folded_words_of(&self, lang: &str, role: &str) -> BTreeSet<String> {
        self.words
            .get(lang)
            .and_then(|r| r.get(role))
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// The expansion of a folded abbreviation in `lang` ("rep." -> "republic";
    /// role `abbreviation`, `value` the expansion).
    pub fn expansion(&self, lang: &str, word: &str) -> Option<&str> {
        self.abbreviations.get(lang)?.get(word).map(String::as_str)
    }

    /// The folded abbreviations of `lang` whose expansion is one word, with
    /// it (("st.", "saint"), ("st", "saint")): the matcher adds each name's
    /// abbreviated forms ("St Kitts and Nevis").
    pub fn one_word_abbreviations(&self, lang: &str) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = self
            .abbreviations
            .get(lang)
            .into_iter()
            .flatten()
            .filter(|(_, e)| !e.contains(' '))
            .map(|(a, e)| (a.as_str(), e.as_str()))
            .collect();
        out.sort_unstable();
        out
    }

    /// Languages with abbreviations (role `abbreviation`).
    pub fn abbreviation_langs(&self) -> impl Iterator<Item = &str> {
        self.abbreviations.keys().map(String::as_str)
    }

    /// Value of a number word and whether it multiplies ("cent", "hundred").
    pub fn number(&self, lang: &str, word: &str) -> Option<(u64, bool)> {
        let first = usize::from(*word.as_bytes().first()?);
        if !self.number_first.get(first).copied().unwrap_or(false) {
            return None;
        }
        self.numbers
            .get(lang)
            .or_else(|| self.numbers.get(ANY_LANG))
            .and_then(|m| m.get(word))
            .copied()
    }
}

/// Hex SHA-256 of some bytes (input files in the manifest).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// One reference file: its name in the reference folder (`countries.csv`,
/// `names/fr.csv`, `groups/mine.csv`, always with `/`), where it comes from
/// (a path, or `<embedded>/NAME` for the copy in the binary; error messages
/// and the manifest show it), and its bytes.
#[derive(Debug, Clone)]
pub struct RefFile {
    pub name: String,
    pub origin: PathBuf,
    pub bytes: std::borrow::Cow<'static, [u8]>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// What the embedded files' origins start with.
pub const EMBEDDED: &str = "<embedded>";

/// The reference files shipped in the binary (the repository's `input/`,
/// but its articles, as it was at build time), by name.
pub fn embedded_files() -> Vec<RefFile> {
    embedded::EMBEDDED
        .iter()
        .map(|(name, bytes)| RefFile {
            name: (*name).to_string(),
            origin: PathBuf::from(format!("{EMBEDDED}/{name}")),
            bytes: std::borrow::Cow::Borrowed(*bytes),
        })
        .collect()
}

/// `paysage reference export DIR`: the embedded reference files written out
/// into `dir`, none overwritten; how many were written.
pub fn export_embedded(dir: &Path) -> anyhow::Result<usize> {
    use anyhow::Context;
    let files = embedded_files();
    if let Some(p) = files.iter().map(|f| dir.join(&f.name)).find(|p| p.exists()) {
        anyhow::bail!(
            "{} exists; nothing was overwritten (export to a new folder)",
            p.display()
        );
    }
    for f in &files {
        let p = dir.join(&f.name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&p, &f.bytes).with_context(|| format!("writing {}", p.display()))?;
    }
    Ok(files.len())
}

/// The group codes `wanted` names (any case; `all` for every group), checked
/// against the reference; the groups `group_info.csv` marks for breakdown
/// (and user groups) when `None`.
pub fn select_groups(reference: &Reference, wanted: Option<&[String]>) -> anyhow::Result<Vec<String>> {
    let Some(wanted) = wanted else {
        // The groups marked for breakdown in group_info.csv, and user groups.
        return Ok(reference
            .groups
            .iter()
            .filter(|g| reference.group_info.get(*g).is_none_or(|i| i.breakdown))
            .cloned()
            .collect());
    };
    if wanted.iter().any(|w| w.trim().eq_ignore_ascii_case("all")) {
        return Ok(reference.groups.clone());
    }
    let mut out = Vec::new();
    for w in wanted {
        match reference.groups.iter().find(|g| g.eq_ignore_ascii_case(w.trim())) {
            Some(g) if !out.contains(g) => out.push(g.clone()),
            Some(_) => {}
            None => {
                return Err(UsageError(format!(
                    "unknown group `{w}` (known: {})",
                    reference.groups.join(", ").to_lowercase()
                ))
                .into())
            }
        }
    }
    Ok(out)
}

/// The reference files of a folder: its top-level `*.csv` files and those of
/// `names/` and `groups/`. A folder that does not exist is "not found", with
/// its absolute path.
pub fn read_folder(dir: &Path) -> Result<Vec<RefFile>, RefError> {
    let shown = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !dir.is_dir() {
        return Err(err(&shown, 0, "-", "reference folder not found"));
    }
    let mut out = Vec::new();
    for sub in ["", "names", "groups"] {
        let here = if sub.is_empty() {
            dir.to_path_buf()
        } else {
            dir.join(sub)
        };
        let Ok(entries) = std::fs::read_dir(&here) else {
            continue; // names/ and groups/ are optional
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "csv"))
            .collect();
        paths.sort();
        for path in paths {
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            let name = if sub.is_empty() {
                file_name.to_string()
            } else {
                format!("{sub}/{file_name}")
            };
            let bytes = std::fs::read(&path).map_err(|e| err(&path, 0, "-", format!("cannot read: {e}")))?;
            out.push(RefFile {
                name,
                origin: path,
                bytes: bytes.into(),
            });
        }
    }
    Ok(out)
}

/// The embedded files with a folder's files on top: a folder's file replaces
/// the embedded file of the same name (`countries.csv`, `names/curated.csv`),
/// its other files are added (`names/mine.csv`, `groups/mine.csv`). With no
/// folder, or a folder with no reference files, the embedded files alone.
pub fn layered(dir: Option<&Path>) -> Result<Vec<RefFile>, RefError> {
    let mut files = embedded_files();
    if let Some(dir) = dir {
        for f in read_folder(dir)? {
            match files.iter_mut().find(|e| e.name == f.name) {
                Some(e) => *e = f,
                None => files.push(f),
            }
        }
    }
    Ok(files)
}

/// A file read for this run, for the manifest.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: PathBuf,
    pub bytes: u64,
    pub sha256: String,
}

/// All reference data, validated.
#[derive(Debug, Clone)]
pub struct Reference {
    pub countries: Vec<Country>,
    by_alpha3: FastMap<String, usize>,
    by_alpha2: FastMap<String, usize>,
    by_numeric: FastMap<String, usize>,
    pub names: Vec<Name>,
    pub memberships: Vec<Membership>,
    /// Names and notes of the groups (group_info.csv).
    pub group_info: BTreeMap<String, GroupInfo>,
    /// The groups whose own names describe their members ("Baltic states",
    /// "pays du Golfe"; not "United Nations"): see [`Reference::named_by_members`].
    named_by_members: BTreeSet<String>,
    /// The groups that have held more than half of the world's countries
    /// (the United Nations, the WTO): see [`Reference::worldwide`].
    worldwide: BTreeSet<String>,
    /// Dated suspensions (a suspended country stays a member).
    suspensions: Periods,
    pub historical: Vec<Historical>,
    /// Group codes, sorted.
    pub groups: Vec<String>,
    pub grammar: Grammar,
    /// Adjectives and capitals that name a country in prose (demonyms.csv).
    pub demonyms: Demonyms,
    /// Every word of a demonym, in any language ("nord", "coréen"): a word
    /// of none starts none.
    demonym_words: FastSet<String>,
    /// By language and folded word, the groups one of whose names of
    /// several words starts with it (`true`) or ends with it (`false`):
    /// "alliance" of "Alliance atlantique", NATO.
    group_name_ends: GroupNameEnds,
    pub files: Vec<InputFile>,
    /// group -> alpha-3 -> its rows of `memberships` (every member of every
    /// article is checked against every group: no scan of all rows).
    membership_index: PairIndex,
    /// alpha-3 -> its rows of `memberships`, in every group.
    memberships_of: FastMap<String, Vec<usize>>,
    /// Members that have notified their withdrawal, until they leave.
    departures: Periods,
}

/// Dated periods of members of groups (suspensions or departures), indexed
/// by group and alpha-3.
#[derive(Debug, Clone)]
struct Periods {
    rows: Vec<MemberPeriod>,
    /// group -> alpha-3 -> its rows.
    index: PairIndex,
}

impl Periods {
    fn new(rows: Vec<MemberPeriod>) -> Periods {
        let index = pair_index(rows.iter().map(|s| (s.group.as_str(), s.iso3.as_str())));
        Periods { rows, index }
    }

    /// Whether one of `iso3`'s periods in `group` holds `date`.
    fn hold(&self, group: &str, iso3: &str, date: NaiveDate) -> bool {
        rows_of(&self.index, group, iso3)
            .iter()
            .any(|&i| self.rows[i].holds(date))
    }
}

/// lang (`mul` for every language) -> folded word -> alpha-3: "français",
/// "American", "Tokyo".
pub type Demonyms = FastMap<String, FastMap<String, Demonym>>;

/// lang -> folded word -> the groups one of whose names of several words
/// starts with it (`true`) or ends with it (`false`).
type GroupNameEnds = FastMap<String, FastMap<String, Vec<(String, bool)>>>;

/// What an adjective or a capital of `demonyms.csv` names.
#[derive(Debug, Clone)]
pub struct Demonym {
    /// The country's alpha-3 code.
    pub code: String,
    /// A capital ("Tokyo"), not an adjective ("japonais") or a metonym ("la
    /// Maison Blanche", which needs no check that it names the state).
    pub capital: bool,
}

/// Rows of a table by (group, alpha-3).
type PairIndex = FastMap<String, FastMap<String, Vec<usize>>>;

fn pair_index<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> PairIndex {
    let mut index = PairIndex::default();
    for (i, (group, iso3)) in pairs.enumerate() {
        index
            .entry(group.to_string())
            .or_default()
            .entry(iso3.to_string())
            .or_default()
            .push(i);
    }
    index
}

/// The groups [`Reference::worldwide`] holds: more than half of the
/// `countries` members at some time.
fn worldwide(memberships: &[Membership], countries: usize) -> BTreeSet<String> {
    let mut ever: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for m in memberships {
        ever.entry(m.group.as_str()).or_default().insert(m.iso3.as_str());
    }
    ever.into_iter()
        .filter(|(_, members)| members.len() * 2 > countries)
        .map(|(g, _)| g.to_string())
        .collect()
}

/// The groups [`Reference::named_by_members`] holds.
fn named_by_members(group_info: &BTreeMap<String, GroupInfo>, grammar: &Grammar) -> BTreeSet<String> {
    let bit = role_bit("member_noun");
    let noun = |lang: &str, w: &str| {
        grammar
            .lexicon(lang)
            .and_then(|l| l.get(fold_str(w).as_str()))
            .is_some_and(|l| bit != 0 && l.roles & bit != 0)
    };
    group_info
        .iter()
        .filter(|(_, info)| {
            let en = info
                .name_en
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && noun("en", w));
            en || info.name_fr.split(' ').next().is_some_and(|w| noun("fr", w))
        })
        .map(|(g, _)| g.clone())
        .collect()
}

/// The states counted as countries that are not members of the United
/// Nations: Taiwan and Palestine (named by the sets guideline), the Holy
/// See and Kosovo.
pub const STATES_OUTSIDE_UN: [&str; 4] = ["TWN", "PSE", "VAT", "XKX"];

fn rows_of<'a>(index: &'a PairIndex, group: &str, iso3: &str) -> &'a [usize] {
    index
        .get(group)
        .and_then(|g| g.get(iso3))
        .map_or(&[], Vec::as_slice)
}

const COUNTRY_COLUMNS: [&str; 7] = [
    "alpha2",
    "alpha3",
    "numeric",
    "name_en",
    "name_fr",
    "m49_region",
    "m49_subregion",
];

/// The items of a `;`-separated field ("FRA;DEU"), trimmed, empty ones dropped.
fn split_list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Reads a CSV file into header-indexed rows, with each row's line number.
struct Table {
    path: PathBuf,
    columns: FastMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    fn read(file: &RefFile, required: &[&str], files: &mut Vec<InputFile>) -> Result<Table, RefError> {
        let path = file.origin.as_path();
        let bytes: &[u8] = &file.bytes;
        files.push(InputFile {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
            sha256: sha256_hex(bytes),
        });
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            err(path, line, "-", "invalid UTF-8")
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| err(path, 1, "-", format!("bad header: {e}")))?
            .clone();
        let columns: FastMap<String, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect();
        for r in required {
            if !columns.contains_key(*r) {
                return Err(err(path, 1, r, "missing column"));
            }
        }
        let mut rows = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                err(path, line, "-", format!("malformed CSV: {e}"))
            })?;
            let line = rec.position().map(|p| p.line()).unwrap_or(0);
            rows.push((line, rec));
        }
        Ok(Table {
            path: path.to_path_buf(),
            columns,
            rows,
        })
    }

    /// An optional date field (YYYY-MM-DD); empty is `None`.
    fn date(&self, rec: &csv::StringRecord, line: u64, field: &str) -> Result<Option<NaiveDate>, RefError> {
        let v = self.get(rec, field);
        if v.is_empty() {
            return Ok(None);
        }
        parse_date(v).map(Some).ok_or_else(|| {
            err(
                &self.path,
                line,
                field,
                format!("`{v}` is not a date (YYYY-MM-DD)"),
            )
        })
    }

    fn get<'a>(&self, rec: &'a csv::StringRecord, col: &str) -> &'a str {
        self.columns
            .get(col)
            .and_then(|&i| rec.get(i))
            .map(str::trim)
            .unwrap_or("")
    }
}

fn check_code(t: &Table, line: u64, field: &str, v: &str, len: usize, digits: bool) -> Result<(), RefError> {
    let ok = v.len() == len
        && v.chars().all(|c| {
            if digits {
                c.is_ascii_digit()
            } else {
                c.is_ascii_uppercase()
            }
        });
    if ok {
        Ok(())
    } else {
        let what = if digits { "digits" } else { "upper-case letters" };
        Err(err(&t.path, line, field, format!("`{v}` is not {len} {what}")))
    }
}

/// The pseudo-language of names as data sources write them in a table cell
/// where that differs from prose (ISO and the UN write "Congo" for the
/// Republic of the Congo): read by `lookup` in its data-cell mode only.
pub const CELL_LANG: &str = "cell";

/// Parses an ISO date (YYYY-MM-DD).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
}

impl Reference {
    /// The embedded reference data with the files of `dir` on top (see
    /// [`layered`]), validated.
    pub fn load(dir: &Path) -> Result<Reference, RefError> {
        Reference::from_files(&layered(Some(dir))?)
    }

    /// The embedded reference data alone.
    pub fn embedded() -> Result<Reference, RefError> {
        Reference::from_files(&embedded_files())
    }

    /// Validates reference files given by name (see [`RefFile`]):
    /// `countries.csv`, `groups.csv` and `groups/*.csv`, `group_info.csv`,
    /// `group_suspensions.csv` and `group_departures.csv` (optional), `grammar.csv`, `historical.csv`
    /// and `names/*.csv`.
    pub fn from_files(all: &[RefFile]) -> Result<Reference, RefError> {
        let get = |name: &str| -> Result<&RefFile, RefError> {
            all.iter()
                .find(|f| f.name == name)
                .ok_or_else(|| err(Path::new(name), 0, "-", "missing reference file"))
        };
        let under = |dir: &str| -> Vec<&RefFile> {
            let mut v: Vec<&RefFile> = all
                .iter()
                .filter(|f| {
                    f.name
                        .strip_prefix(dir)
                        .is_some_and(|r| r.starts_with('/') && r.ends_with(".csv"))
                })
                .collect();
            v.sort_by(|a, b| a.name.cmp(&b.name));
            v
        };
        let mut files = Vec::new();
        let countries = load_countries(get("countries.csv")?, &mut files)?;
        let mut by_alpha3 = FastMap::default();
        let mut by_alpha2 = FastMap::default();
        let mut by_numeric = FastMap::default();
        for (i, c) in countries.iter().enumerate() {
            by_alpha3.insert(c.alpha3.clone(), i);
            by_alpha2.insert(c.alpha2.clone(), i);
            by_numeric.insert(c.numeric.clone(), i);
        }
        // groups.csv, then any user group files under groups/ (same columns).
        let mut group_files = vec![get("groups.csv")?];
        group_files.extend(under("groups"));
        let historical = load_historical(get("historical.csv")?, &by_alpha3, &mut files)?;
        let memberships = load_groups(&group_files, &by_alpha3, &historical, &mut files)?;
        let groups: Vec<String> = memberships
            .iter()
            .map(|m| m.group.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let group_info = load_group_info(get("group_info.csv")?, &groups, &mut files)?;
        let suspensions = load_periods(
            get("group_suspensions.csv").ok(),
            PeriodKind::Suspension,
            &memberships,
            &mut files,
        )?;
        let departures = load_periods(
            get("group_departures.csv").ok(),
            PeriodKind::Departure,
            &memberships,
            &mut files,
        )?;
        let grammar = load_grammar(get("grammar.csv")?, &groups, &by_alpha3, &mut files)?;
        let known = Known {
            by_alpha3: &by_alpha3,
            alpha2: &by_alpha2,
            groups: &groups,
            historical: &historical,
        };
        let names = load_names(&under("names"), &known, &mut files)?;
        let group_name_ends = group_name_ends(&names);
        let demonyms = load_demonyms(get("demonyms.csv")?, &by_alpha3, &mut files)?;
        let membership_index = pair_index(memberships.iter().map(|m| (m.group.as_str(), m.iso3.as_str())));
        let mut memberships_of: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, m) in memberships.iter().enumerate() {
            memberships_of.entry(m.iso3.clone()).or_default().push(i);
        }
        let worldwide = worldwide(&memberships, countries.len());
        Ok(Reference {
            worldwide,
            countries,
            by_alpha3,
            by_alpha2,
            by_numeric,
            names,
            memberships,
            named_by_members: named_by_members(&group_info, &grammar),
            group_info,
            suspensions,
            historical,
            groups,
            grammar,
            demonym_words: demonyms
                .values()
                .flat_map(|m| m.keys())
                .flat_map(|w| w.split([' ', '-']))
                .map(str::to_string)
                .collect(),
            demonyms,
            group_name_ends,
            files,
            membership_index,
            memberships_of,
            departures,
        })
    }

    /// Whether a group is a description of its members rather than an
    /// organisation ("Baltic states", "pays du Golfe", not "United
    /// Nations"), by its own names in `group_info.csv`: the English name
    /// ending in a lowercase member noun, or the French one starting with one.
    pub fn named_by_members(&self, group: &str) -> bool {
        self.named_by_members.contains(group)
    }

    /// Whether `group` has held more than half of the world's countries
    /// (the United Nations, the WTO): named among countries, it is an
    /// institution, not its members ("la médiation de l'ONU, de l'Egypte et
    /// du Qatar").
    pub fn worldwide(&self, group: &str) -> bool {
        self.worldwide.contains(group)
    }

    /// Whether `group` has a name of several words in `lang` that starts
    /// with the folded `word` (unless `last_only`) or ends with it: the word
    /// that stands for the group once named ("l'Alliance" after "l'Otan").
    pub fn group_of_name_end(&self, lang: &str, word: &str, group: &str, last_only: bool) -> bool {
        self.group_name_ends
            .get(lang)
            .and_then(|by_word| by_word.get(word))
            .is_some_and(|ends| ends.iter().any(|(g, first)| g == group && (!first || !last_only)))
    }

    /// Whether a folded word is a word of some demonym (of one or of a
    /// pair: "nord" of "nord-coréen"); a quick test before [`Self::demonym`].
    pub fn in_demonym(&self, word: &str) -> bool {
        self.demonym_words.contains(word)
    }

    /// The folded one-word names of capitals in `lang` and in every
    /// language ("paris", "londres", "tokyo"), or in all languages (`None`),
    /// which the scan finds for the resolver.
    pub fn capital_words(&self, lang: Option<&str>) -> BTreeSet<String> {
        self.demonyms
            .iter()
            .filter(|(l, _)| lang.is_none_or(|lang| l.as_str() == lang || l.as_str() == "mul"))
            .flat_map(|(_, m)| m.iter())
            .filter(|(w, d)| d.capital && !w.contains(' '))
            .map(|(w, _)| w.clone())
            .collect()
    }

    /// The country an adjective or capital names in `lang` ("français",
    /// "Japanese", "Tokyo"), from its folded form.
    pub fn demonym(&self, lang: &str, folded: &str) -> Option<&Demonym> {
        [lang, "mul"]
            .iter()
            .find_map(|l| self.demonyms.get(*l).and_then(|m| m.get(folded)))
    }

    /// The former state with this id.
    pub fn historical(&self, id: &str) -> Option<&Historical> {
        self.historical.iter().find(|h| h.id == id)
    }

    /// The country with this alpha-3 code.
    pub fn country(&self, alpha3: &str) -> Option<&Country> {
        self.by_alpha3.get(alpha3).map(|&i| &self.countries[i])
    }

    /// The country with this code, alpha-2, alpha-3 or numeric (any case).
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        let up = code.trim().to_ascii_uppercase();
        self.by_alpha3
            .get(&up)
            .or_else(|| self.by_alpha2.get(&up))
            .or_else(|| self.by_numeric.get(&up))
            .map(|&i| &self.countries[i])
    }

    /// Whether `iso3` is a member of `group` on `date`.
    pub fn is_member(&self, group: &str, iso3: &str, date: NaiveDate) -> bool {
        self.membership_on(group, iso3, date).is_some()
    }

    /// Whether `iso3` is a sovereign state, which alone can be a member of
    /// a set of countries: a member of the United Nations at any time
    /// (South Korea in 1987 too), or one of [`STATES_OUTSIDE_UN`]; not a
    /// territory (Hong Kong, Puerto Rico, Greenland).
    pub fn is_state(&self, iso3: &str) -> bool {
        !rows_of(&self.membership_index, "UN", iso3).is_empty() || STATES_OUTSIDE_UN.contains(&iso3)
    }

    /// For each of `groups`, whether `iso3` was a member on `date` and
    /// whether it was suspended then: [`Self::is_member`] and
    /// [`Self::is_suspended`] for many groups at once (the country's rows
    /// read once).
    pub fn standing(&self, groups: &[String], iso3: &str, date: NaiveDate) -> Vec<(bool, bool)> {
        let held = |group: &str| groups.iter().position(|g| g == group);
        let mut out = vec![(false, false); groups.len()];
        let rows = self.memberships_of.get(iso3).map_or(&[][..], Vec::as_slice);
        for m in rows
            .iter()
            .map(|&i| &self.memberships[i])
            .filter(|m| m.holds(date))
        {
            if let Some(g) = held(&m.group) {
                out[g].0 = true;
            }
        }
        // Few rows: read them all rather than look each group up.
        let suspended = self
            .suspensions
            .rows
            .iter()
            .filter(|r| r.iso3 == iso3 && r.holds(date));
        for r in suspended {
            if let Some(g) = held(&r.group) {
                out[g].1 = true;
            }
        }
        out
    }

    /// Whether `iso3` was suspended from `group` on `date`.
    pub fn is_suspended(&self, group: &str, iso3: &str, date: NaiveDate) -> bool {
        self.suspensions.hold(group, iso3, date)
    }

    /// Whether `iso3`, still a member of `group` on `date`, had notified its
    /// withdrawal (the United Kingdom in the EU from 2017-03-29): a count
    /// that leaves it out reads as the group without it.
    pub fn is_departing(&self, group: &str, iso3: &str, date: NaiveDate) -> bool {
        self.departures.hold(group, iso3, date)
    }

    /// The membership period of `iso3` in `group` that holds `date`.
    pub fn membership_on(&self, group: &str, iso3: &str, date: NaiveDate) -> Option<&Membership> {
        rows_of(&self.membership_index, group, iso3)
            .iter()
            .map(|&i| &self.memberships[i])
            .find(|m| m.holds(date))
    }

    /// The members of `group` on `date`, sorted by alpha-3.
    pub fn members_on(&self, group: &str, date: NaiveDate) -> Vec<&str> {
        let set: BTreeSet<&str> = self
            .memberships
            .iter()
            .filter(|m| m.group == group && m.holds(date))
            .map(|m| m.iso3.as_str())
            .collect();
        set.into_iter().collect()
    }

    /// Languages that have names (not the pseudo-language `cell` of the
    /// names data sources write in a table cell).
    pub fn languages(&self) -> BTreeSet<&str> {
        self.names
            .iter()
            .map(|n| n.lang.as_str())
            .filter(|l| *l != CELL_LANG)
            .collect()
    }
}

fn load_countries(file: &RefFile, files: &mut Vec<InputFile>) -> Result<Vec<Country>, RefError> {
    let path = file.origin.as_path();
    let t = Table::read(file, &COUNTRY_COLUMNS, files)?;
    let mut seen: [HashMap<String, u64>; 3] = Default::default();
    let mut out = Vec::new();
    for (line, rec) in &t.rows {
        let line = *line;
        let c = Country {
            alpha2: t.get(rec, "alpha2").to_string(),
            alpha3: t.get(rec, "alpha3").to_string(),
            numeric: t.get(rec, "numeric").to_string(),
            name_en: t.get(rec, "name_en").to_string(),
            name_fr: t.get(rec, "name_fr").to_string(),
            m49_region: t.get(rec, "m49_region").to_string(),
            m49_subregion: t.get(rec, "m49_subregion").to_string(),
            iso: match t.get(rec, "iso_status") {
                "" | "official" => true,
                "user-assigned" => false,
                other => {
                    return Err(err(
                        path,
                        line,
                        "iso_status",
                        format!("`{other}` is not `official` or `user-assigned`"),
                    ))
                }
            },
        };
        check_code(&t, line, "alpha2", &c.alpha2, 2, false)?;
        check_code(&t, line, "alpha3", &c.alpha3, 3, false)?;
        // User-assigned codes (Kosovo) have no numeric code.
        if c.iso || !c.numeric.is_empty() {
            check_code(&t, line, "numeric", &c.numeric, 3, true)?;
        }
        for field in ["name_en", "name_fr"] {
            if t.get(rec, field).is_empty() {
                return Err(err(path, line, field, "empty"));
            }
        }
        for (i, (field, v)) in [
            ("alpha2", &c.alpha2),
            ("alpha3", &c.alpha3),
            ("numeric", &c.numeric),
        ]
        .into_iter()
        .enumerate()
        {
            if let Some(first) = seen[i].insert(v.clone(), line) {
                return Err(err(
                    path,
                    line,
                    field,
                    format!("duplicate code `{v}` (first on line {first})"),
                ));
            }
        }
        out.push(c);
    }
    if out.is_empty() {
        return Err(err(path, 1, "-", "no countries"));
    }
    Ok(out)
}

fn load_historical(
    file: &RefFile,
    by_alpha3: &FastMap<String, usize>,
    files: &mut Vec<InputFile>,
) -> Result<Vec<Historical>, RefError> {
    let path = file.origin.as_path();
    let t = Table::read(file, &["id", "iso3166_3", "name_en", "successors"], files)?;
    let mut out: Vec<Historical> = Vec::new();
    for (line, rec) in &t.rows {
        let id = t.get(rec, "id").to_string();
        if id.is_empty() {
            return Err(err(path, *line, "id", "empty"));
        }
        if out.iter().any(|h| h.id == id) || by_alpha3.contains_key(&id) {
            return Err(err(path, *line, "id", format!("`{id}` is already used")));
        }
        let code = t.get(rec, "iso3166_3");
        if !code.is_empty() {
            check_code(&t, *line, "iso3166_3", code, 4, false)?;
        }
        let successors = split_list(t.get(rec, "successors"));
        for s in &successors {
            if !by_alpha3.contains_key(s) {
                return Err(err(
                    path,
                    *line,
                    "successors",
                    format!("unknown country code `{s}`"),
                ));
            }
        }
        let renamed = match t.get(rec, "renamed") {
            "" => false,
            "yes" if successors.len() == 1 => true,
            "yes" => {
                return Err(err(
                    path,
                    *line,
                    "renamed",
                    "a renamed state has exactly one successor",
                ))
            }
            other => return Err(err(path, *line, "renamed", format!("`{other}`: `yes` or empty"))),
        };
        out.push(Historical {
            id,
            iso3166_3: (!code.is_empty()).then(|| code.to_string()),
            name_en: t.get(rec, "name_en").to_string(),
            successors,
            until: t.date(rec, *line, "until")?,
            renamed,
        });
    }
    Ok(out)
}

/// The codes a name may refer to, for validation.
struct Known<'a> {
    by_alpha3: &'a FastMap<String, usize>,
    alpha2: &'a FastMap<String, usize>,
    groups: &'a [String],
    historical: &'a [Historical],
}

impl Known<'_> {
    fn check(&self, kind: NameKind, code: &str) -> Result<(), String> {
        let ok = match kind {
            NameKind::Group => self.groups.iter().any(|g| g == code),
            NameKind::Historical => self.historical.iter().any(|h| h.id == code),
            // A candidate may be an ISO 3166-2 subdivision ("US-GA" for Georgia).
            NameKind::Ambiguous => {
                self.by_alpha3.contains_key(code)
                    || code.split_once('-').is_some_and(|(c, sub)| {
                        self.alpha2.contains_key(c)
                            && (1..=3).contains(&sub.len())
                            && sub.chars().all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
                    })
            }
            _ => self.by_alpha3.contains_key(code),
        };
        if ok {
            Ok(())
        } else {
            let what = match kind {
                NameKind::Group => "group",
                NameKind::Historical => "historical (historical.csv id)",
                NameKind::Ambiguous => "country or ISO 3166-2 subdivision",
                _ => "country",
            };
            Err(format!("unknown {what} code `{code}`"))
        }
    }
}

fn load_group_info(
    file: &RefFile,
    groups: &[String],
    files: &mut Vec<InputFile>,
) -> Result<BTreeMap<String, GroupInfo>, RefError> {
    let path = file.origin.as_path();
    let t = Table::read(file, &["group", "name_en", "name_fr"], files)?;
    let mut out = BTreeMap::new();
    for (line, rec) in &t.rows {
        let group = t.get(rec, "group").to_string();
        if !groups.contains(&group) {
            return Err(err(
                path,
                *line,
                "group",
                format!("`{group}` has no memberships in the group files"),
            ));
        }
        let breakdown = match t.get(rec, "breakdown") {
            "yes" | "" => true,
            "no" => false,
            other => {
                return Err(err(
                    path,
                    *line,
                    "breakdown",
                    format!("`{other}` is not yes or no"),
                ));
            }
        };
        let info = GroupInfo {
            name_en: t.get(rec, "name_en").to_string(),
            name_fr: t.get(rec, "name_fr").to_string(),
            breakdown,
            note: t.get(rec, "note").to_string(),
        };
        if out.insert(group.clone(), info).is_some() {
            return Err(err(path, *line, "group", format!("`{group}` is listed twice")));
        }
    }
    Ok(out)
}

/// What a file of membership periods holds.
#[derive(Clone, Copy, PartialEq)]
enum PeriodKind {
    /// Within a membership (`until` empty while it lasts).
    Suspension,
    /// From a notice of withdrawal to the membership's last day (`until`).
    Departure,
}

fn load_periods(
    file: Option<&RefFile>,
    period: PeriodKind,
    memberships: &[Membership],
    files: &mut Vec<InputFile>,
) -> Result<Periods, RefError> {
    let Some(file) = file else {
        return Ok(Periods::new(Vec::new()));
    };
    let path = file.origin.as_path();
    let t = Table::read(file, &["group", "iso3", "from", "until"], files)?;
    let mut out = Vec::new();
    for (line, rec) in &t.rows {
        let line = *line;
        let (group, iso3) = (t.get(rec, "group").to_string(), t.get(rec, "iso3").to_string());
        let date = |field: &str| t.date(rec, line, field);
        let from = date("from")?.ok_or_else(|| err(path, line, "from", "empty"))?;
        let until = date("until")?;
        if until.is_some_and(|u| u < from) {
            return Err(err(path, line, "until", "before `from`"));
        }
        let within = memberships.iter().any(|m| {
            m.group == group
                && m.iso3 == iso3
                && m.joined <= from
                && match period {
                    PeriodKind::Suspension => m.left.is_none_or(|l| until.is_some_and(|u| u <= l)),
                    PeriodKind::Departure => m.left.is_some() && m.left == until,
                }
        });
        if !within {
            let message = match period {
                PeriodKind::Suspension => {
                    format!("{iso3} is not a member of {group} for the whole suspension")
                }
                PeriodKind::Departure => {
                    format!("{iso3} is not a member of {group} from the notice until its last day, `until`")
                }
            };
            return Err(err(path, line, "from", message));
        }
        out.push(MemberPeriod {
            group,
            iso3,
            from,
            until,
        });
    }
    Ok(Periods::new(out))
}

/// The codes a group file may name as members: present countries by
/// alpha-3, former states by their `historical.csv` id.
struct MemberCodes<'a> {
    by_alpha3: &'a FastMap<String, usize>,
    historical: &'a [Historical],
}

impl MemberCodes<'_> {
    /// Whether `code` is a former state; an error for a code that is neither.
    fn former(&self, code: &str) -> Result<bool, String> {
        if self.by_alpha3.contains_key(code) {
            Ok(false)
        } else if self.historical.iter().any(|h| h.id == code) {
            Ok(true)
        } else {
            Err(format!(
                "unknown country code `{code}` (neither an alpha-3 of countries.csv nor a former state's id of historical.csv)"
            ))
        }
    }
}

fn load_groups(
    paths: &[&RefFile],
    by_alpha3: &FastMap<String, usize>,
    historical: &[Historical],
    files: &mut Vec<InputFile>,
) -> Result<Vec<Membership>, RefError> {
    let codes = MemberCodes {
        by_alpha3,
        historical,
    };
    let mut out: Vec<(String, u64, Membership)> = Vec::new();
    // The periods read so far of each (group, country), to check overlaps.
    let mut periods: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for file in paths {
        load_group_file(file, &codes, files, &mut out, &mut periods)?;
    }
    Ok(out.into_iter().map(|(_, _, m)| m).collect())
}

fn load_group_file(
    file: &RefFile,
    codes: &MemberCodes,
    files: &mut Vec<InputFile>,
    out: &mut Vec<(String, u64, Membership)>,
    periods: &mut HashMap<(String, String), Vec<usize>>,
) -> Result<(), RefError> {
    let path = file.origin.as_path();
    let t = Table::read(file, &["group", "iso3", "joined", "left"], files)?;
    let here = path.display().to_string();
    for (line, rec) in &t.rows {
        let line = *line;
        let group = t.get(rec, "group").to_string();
        if group.is_empty() || !group.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(err(
                path,
                line,
                "group",
                format!("`{group}` is not a group code (letters, digits, _)"),
            ));
        }
        let iso3 = t.get(rec, "iso3").to_string();
        let former = codes.former(&iso3).map_err(|e| err(path, line, "iso3", e))?;
        let joined = t
            .date(rec, line, "joined")?
            .ok_or_else(|| err(path, line, "joined", "empty"))?;
        let left = t.date(rec, line, "left")?;
        if let Some(l) = left {
            if l < joined {
                return Err(err(
                    path,
                    line,
                    "left",
                    format!("left {l} is before joined {joined}"),
                ));
            }
        }
        let m = Membership {
            group,
            iso3,
            former,
            joined,
            left,
        };
        let same = periods.entry((m.group.clone(), m.iso3.clone())).or_default();
        for (other_file, other_line, o) in same.iter().map(|&k| &out[k]) {
            let overlap =
                o.joined <= m.left.unwrap_or(NaiveDate::MAX) && m.joined <= o.left.unwrap_or(NaiveDate::MAX);
            if overlap {
                let at = if *other_file == here {
                    format!("line {other_line}")
                } else {
                    format!("{other_file}:{other_line}")
                };
                return Err(err(
                    path,
                    line,
                    "joined",
                    format!("{} in {}: period overlaps {at}", m.iso3, m.group),
                ));
            }
        }
        same.push(out.len());
        out.push((here.clone(), line, m));
    }
    Ok(())
}

/// The roles a word of `grammar.csv` may have; a role's bit in
/// [`Lex::roles`] is its place here, for the first 64 (the roles after them
/// are read as phrases only, through [`PHRASE_ROLES`]).
pub const ROLES: [&str; 67] = [
    "range_to",
    "within",
    "known_set",
    "approximate",
    "composing",
    "board_noun",
    "people_noun",
    "locative",
    "part_adjective",
    "restrictive",
    "group_body",
    "partitive",
    "alternative",
    "other_body",
    "item_data",
    "region_adjective",
    "singular",
    "degree",
    "joiner",
    "list_filler",
    "item_separator",
    "list_marker",
    "partial_marker",
    "country_noun",
    "partner_noun",
    "definite",
    "demonstrative",
    "possessive",
    "both",
    "set_apart",
    "other",
    "among",
    "count_blocker",
    "function_word",
    "region",
    "adjectives_after",
    "anaphora_noun",
    "contracted",
    "member_word",
    "quantifier",
    "except",
    "event_noun",
    "company_noun",
    "body_noun",
    "territory_noun",
    "member_adjective",
    "constituent",
    "genitive",
    "article",
    "of",
    "member_noun",
    "negation",
    "number",
    "number_mul",
    "given_name",
    "not_name",
    "name_particle",
    "org_suffix",
    "abbreviation",
    "state_form",
    "compound_particle",
    "town_region",
    "first_name",
    // Read as phrases only: no bit in `Lex::roles` (past its 64).
    "range_via",
    "followed_by",
    "besides",
    "one_of",
];

/// A set of grammar roles: one bit each, in [`ROLES`]' order for
/// [`Lex::roles`], in [`PHRASE_ROLES`]' order for [`Lex::starts`].
pub type RoleBits = u64;

/// The roles read as phrases of one or more words, whose first words
/// [`Lex::starts`] flags, one bit each in this order.
pub const PHRASE_ROLES: [&str; 18] = [
    "list_marker",
    "partial_marker",
    "joiner",
    "region",
    "quantifier",
    "except",
    "genitive",
    "other_body",
    "partitive",
    "group_body",
    "approximate",
    "known_set",
    "within",
    "list_filler",
    "range_via",
    "followed_by",
    "besides",
    "one_of",
];

/// The bit of `role` in [`Lex::roles`] (0 for no such role, or one read as
/// a phrase only).
pub fn role_bit(role: &str) -> RoleBits {
    role_index(role)
        .and_then(|i| RoleBits::checked_shl(1, i as u32))
        .unwrap_or(0)
}

/// The bit of `role` in [`Lex::starts`] (0 for a role not read as a
/// phrase).
pub fn phrase_bit(role: &str) -> RoleBits {
    PHRASE_ROLES.iter().position(|r| *r == role).map_or(0, |i| 1 << i)
}

/// The place of `role` in [`ROLES`], which is its place in
/// [`Grammar::role_phrases`].
pub fn role_index(role: &str) -> Option<usize> {
    ROLES.iter().position(|r| *r == role)
}

/// The value [`by_phrase`] filed under `words` for `lang` (every
/// language's when `lang` has none).
fn by_words<'m, V>(
    map: &'m FastMap<String, FastMap<Vec<String>, V>>,
    lang: &str,
    words: &[String],
) -> Option<&'m V> {
    map.get(lang)
        .or_else(|| map.get(ANY_LANG))
        .and_then(|b| b.get(words))
}

/// Files `value` under the phrase's words (as [`Grammar::phrases`] splits
/// them), for `lang` and for every language.
fn by_phrase<V: Clone>(
    map: &mut FastMap<String, FastMap<Vec<String>, V>>,
    lang: &str,
    folded: &str,
    value: V,
) {
    let tokens: Vec<String> = crate::normalize::tokens(folded)
        .into_iter()
        .map(str::to_string)
        .collect();
    for l in [lang, ANY_LANG] {
        map.entry(l.to_string())
            .or_default()
            .insert(tokens.clone(), value.clone());
    }
}

fn load_grammar(
    file: &RefFile,
    groups: &[String],
    countries: &FastMap<String, usize>,
    files: &mut Vec<InputFile>,
) -> Result<Grammar, RefError> {
    let path = file.origin.as_path();
    let t = Table::read(file, &["lang", "role", "word", "value"], files)?;
    let mut g = Grammar::default();
    for (line, rec) in &t.rows {
        let (lang, role, word) = (t.get(rec, "lang"), t.get(rec, "role"), t.get(rec, "word"));
        if !ROLES.contains(&role) {
            return Err(err(
                path,
                *line,
                "role",
                format!("unknown role `{role}` (one of {})", ROLES.join(", ")),
            ));
        }
        if word.is_empty() {
            return Err(err(path, *line, "word", "empty"));
        }
        g.raw.push((lang.to_string(), role.to_string(), word.to_string()));
        if role == "item_separator" {
            g.separators
                .entry(lang.to_string())
                .or_default()
                .push(word.to_string());
            continue;
        }
        let folded = if word == "," {
            word.to_string()
        } else {
            fold_str(word)
        };
        if role.starts_with("number") {
            let v = t.get(rec, "value");
            let v: u64 = v
                .parse()
                .map_err(|_| err(path, *line, "value", format!("`{v}` is not a whole number")))?;
            g.add_number(lang, folded, (v, role == "number_mul"));
        } else if role == "abbreviation" {
            let v = fold_str(t.get(rec, "value"));
            if v.is_empty() {
                return Err(err(path, *line, "value", "an abbreviation needs its expansion"));
            }
            g.abbreviations
                .entry(lang.to_string())
                .or_default()
                .insert(folded, v);
        } else {
            if role == "known_set" {
                let members = split_list(t.get(rec, "value"));
                if members.len() < 2 {
                    return Err(err(
                        path,
                        *line,
                        "value",
                        "a known set needs two or more country codes",
                    ));
                }
                if let Some(c) = members.iter().find(|c| !countries.contains_key(c.as_str())) {
                    return Err(err(path, *line, "value", format!("unknown country code `{c}`")));
                }
                by_phrase(&mut g.known_sets, lang, &folded, members);
            }
            if role == "group_body" {
                let v = t.get(rec, "value");
                if !groups.iter().any(|g| g == v) {
                    return Err(err(path, *line, "value", format!("unknown group code `{v}`")));
                }
                by_phrase(&mut g.bodies, lang, &folded, v.to_string());
            }
            g.add_word(lang, role, folded);
        }
    }
    g.build_lexicons();
    Ok(g)
}

fn load_demonyms(
    file: &RefFile,
    by_alpha3: &FastMap<String, usize>,
    files: &mut Vec<InputFile>,
) -> Result<Demonyms, RefError> {
    let path = file.origin.as_path();
    let t = Table::read(file, &["lang", "word", "kind", "code"], files)?;
    let mut out = Demonyms::default();
    for (line, rec) in &t.rows {
        let code = t.get(rec, "code");
        if !by_alpha3.contains_key(code) {
            return Err(err(path, *line, "code", format!("unknown country code `{code}`")));
        }
        let kind = t.get(rec, "kind");
        if !matches!(kind, "demonym" | "capital" | "metonym") {
            return Err(err(
                path,
                *line,
                "kind",
                format!("`{kind}` is not demonym, capital or metonym"),
            ));
        }
        let word = fold_str(t.get(rec, "word"));
        if word.is_empty() {
            return Err(err(path, *line, "word", "empty"));
        }
        out.entry(t.get(rec, "lang").to_string()).or_default().insert(
            word,
            Demonym {
                code: code.to_string(),
                capital: kind == "capital",
            },
        );
    }
    Ok(out)
}

/// The first and last words of the groups' names of several words
/// ([`Reference::group_of_name_end`]).
fn group_name_ends(names: &[Name]) -> GroupNameEnds {
    let mut out = GroupNameEnds::default();
    for n in names.iter().filter(|n| n.kind == NameKind::Group) {
        let folded = fold_str(&n.name);
        let (Some((first, _)), Some((_, last))) = (folded.split_once(' '), folded.rsplit_once(' ')) else {
            continue;
        };
        let by_word = out.entry(n.lang.clone()).or_default();
        for (word, is_first) in [(first, true), (last, false)] {
            let entry = by_word.entry(word.to_string()).or_default();
            let e = (n.codes[0].clone(), is_first);
            if !entry.contains(&e) {
                entry.push(e);
            }
        }
    }
    out
}

/// Loads `names/generated.csv` first, then every other name file in name
/// order: a later file's row for the same language and folded name replaces
/// the earlier file's row (curated data corrects generated data). Within one
/// file, one name must not denote two different things.
fn load_names(
    name_files: &[&RefFile],
    known: &Known,
    files: &mut Vec<InputFile>,
) -> Result<Vec<Name>, RefError> {
    let mut name_files = name_files.to_vec();
    name_files.sort_by_key(|f| (f.name != "names/generated.csv", f.name.clone()));
    if name_files.is_empty() {
        return Err(err(Path::new("names"), 0, "-", "no name files (names/*.csv)"));
    }
    let mut by_key: BTreeMap<(String, String), Vec<Name>> = BTreeMap::new();
    for file in &name_files {
        let path = file.origin.as_path();
        let t = Table::read(file, &["lang", "name", "kind", "code", "case"], files)?;
        let mut in_file: HashMap<(String, String), Vec<u64>> = HashMap::new();
        for (line, rec) in &t.rows {
            let line = *line;
            let lang = t.get(rec, "lang").to_string();
            let name = t.get(rec, "name").to_string();
            if lang.is_empty() {
                return Err(err(path, line, "lang", "empty"));
            }
            if name.is_empty() {
                return Err(err(path, line, "name", "empty"));
            }
            let kind_s = t.get(rec, "kind");
            let kind = NameKind::parse(kind_s).ok_or_else(|| {
                err(
                    path,
                    line,
                    "kind",
                    format!(
                        "unknown kind `{kind_s}` (country, ambiguous, group, historical, organisation, not_country)"
                    ),
                )
            })?;
            let codes = split_list(t.get(rec, "code"));
            let want = match kind {
                NameKind::Country | NameKind::Group | NameKind::Historical | NameKind::Organisation => {
                    codes.len() == 1
                }
                NameKind::Ambiguous => codes.len() >= 2,
                NameKind::NotCountry => codes.is_empty(),
            };
            if !want {
                return Err(err(
                    path,
                    line,
                    "code",
                    format!(
                        "kind {kind_s} takes {}",
                        match kind {
                            NameKind::Country
                            | NameKind::Group
                            | NameKind::Historical
                            | NameKind::Organisation => "exactly one code",
                            NameKind::Ambiguous =>
                                "two or more codes, `;`-separated (a name that maps to two entries)",
                            NameKind::NotCountry => "no code",
                        }
                    ),
                ));
            }
            for c in &codes {
                known.check(kind, c).map_err(|m| err(path, line, "code", m))?;
            }
            let case_s = t.get(rec, "case");
            let case = match case_s {
                "exact" => CaseRule::Exact,
                "proper" => CaseRule::Proper,
                "article" => CaseRule::Article,
                "any" => CaseRule::Any,
                _ => {
                    return Err(err(
                        path,
                        line,
                        "case",
                        format!("`{case_s}` is not `proper`, `exact`, `article` or `any`"),
                    ))
                }
            };
            let key = (lang.clone(), fold_str(&name));
            if key.1.is_empty() {
                return Err(err(path, line, "name", "nothing left after folding"));
            }
            let (from, until) = (t.date(rec, line, "from")?, t.date(rec, line, "until")?);
            let former = t.get(rec, "former");
            if !former.is_empty() {
                if kind != NameKind::Country {
                    return Err(err(
                        path,
                        line,
                        "former",
                        "only a country name has a former entry",
                    ));
                }
                known
                    .check(NameKind::Historical, former)
                    .map_err(|m| err(path, line, "former", m))?;
            }
            let entry = Name {
                former: (!former.is_empty()).then(|| former.to_string()),
                lang,
                name,
                kind,
                codes,
                case,
                from,
                until,
                origin: format!("{}:{line}", path.display()),
            };
            match in_file.get_mut(&key) {
                // A later file replaces what earlier files said of this name.
                None => {
                    in_file.insert(key.clone(), vec![line]);
                    by_key.insert(key, vec![entry]);
                }
                Some(lines) => {
                    let rows = by_key.get_mut(&key).expect("inserted with its first line");
                    let same_target = |p: &Name| p.kind == entry.kind && p.codes == entry.codes;
                    // Two exact spellings of one abbreviation ("NATO", "Nato") are
                    // both kept: each matches only as written.
                    let alike = |p: &Name| {
                        entry.case != CaseRule::Exact || p.case != CaseRule::Exact || p.name == entry.name
                    };
                    if rows.iter().any(|p| same_target(p) && alike(p))
                        && rows.iter().all(|p| !p.overlaps(&entry) || same_target(p))
                    {
                        continue; // the same name written twice (folding makes them one)
                    }
                    if let Some(k) = rows.iter().position(|p| p.overlaps(&entry) && !same_target(p)) {
                        return Err(err(
                            path,
                            line,
                            "name",
                            format!(
                                "`{}` maps to two entries (also line {}); mark it ambiguous, or give each a period (from, until)",
                                entry.name, lines[k]
                            ),
                        ));
                    }
                    lines.push(line);
                    rows.push(entry);
                }
            }
        }
    }
    Ok(by_key.into_values().flatten().collect())
}
