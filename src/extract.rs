//! Finding names in text: one pass of a leftmost-longest multi-pattern matcher
//! over the folded text, whole words only, with the case rules of each name.
//!
//! Longer names win over the names inside them ("Guinée-Bissau" over "Guinée",
//! "Nations unies" over nothing at all: a `not_country` name is matched so that
//! it hides what it contains, then dropped).

use crate::normalize::{fold, is_word_char, run_end, CharCounter, Folded};
use crate::reference::{CaseRule, FastMap, FastSet, NameKind, Reference};
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, Input, MatchKind, StartKind};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

/// What a mention denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Country,
    Group,
    Ambiguous,
    /// A former state (USSR, Zaire), never silently the modern one.
    Historical,
    /// An organisation named after a country (Air France): not the country.
    Organisation,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Country => "country",
            MentionKind::Group => "group",
            MentionKind::Ambiguous => "ambiguous",
            MentionKind::Historical => "historical",
            MentionKind::Organisation => "organisation",
        }
    }
}

/// One name found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Code point offsets in the original text.
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub kind: MentionKind,
    /// ISO alpha-3 (country, organisation), group code (group), id of
    /// `historical.csv` (historical), or candidates (ambiguous).
    pub codes: Vec<String>,
    /// For a country settled from an ambiguous name by context: the
    /// candidates it was chosen from.
    pub settled_from: Vec<String>,
    /// For a country named by a former name of the same state ("West
    /// Germany", "RFA": the country DEU), the id in `historical.csv` of that
    /// former entry ("FRG"); `None` otherwise.
    pub former: Option<String>,
    /// Byte span in the folded text (for the resolver).
    pub folded_start: usize,
    pub folded_end: usize,
    /// Byte span in the original text (`surface` is `text[byte_start..byte_end]`).
    pub byte_start: usize,
    pub byte_end: usize,
}

/// What one scan of an article finds.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub mentions: Vec<Mention>,
    /// Byte spans in the folded text of the whole-word nouns for members
    /// ("pays", "states") and of the names of organisations without member
    /// data ("FMI"): with the mentions, where the resolver reads.
    pub member_nouns: Vec<(usize, usize)>,
    /// Byte spans in the folded text of the capitals' names ("paris",
    /// "londres"): where the resolver reads too, for lists of capitals that
    /// stand for their governments.
    pub capitals: Vec<(usize, usize)>,
}

/// One entry behind a folded pattern.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    kind: NameKind,
    codes: Vec<String>,
    case: CaseRule,
    from: Option<chrono::NaiveDate>,
    until: Option<chrono::NaiveDate>,
    former: Option<String>,
    /// A name of the pseudo-language `cell` (data sources' own forms, "Congo
    /// (the)"): in every language's automaton for lookups of data cells,
    /// never found in running text.
    cell_only: bool,
}

impl Entry {
    fn valid_on(&self, date: chrono::NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A compiled matcher for one language.
#[derive(Debug)]
struct LangMatcher {
    /// Unanchored, for scanning text: the smallest, fastest automaton,
    /// walked by [`LangMatcher::find_from`].
    dfa: DFA,
    /// Its start state.
    start: StateID,
    /// The folded names, for the anchored automaton.
    keys: Vec<String>,
    /// Anchored, for whole-name lookups; built on the first lookup.
    anchored: OnceLock<DFA>,
    entries: Vec<Vec<Entry>>,
    /// Patterns that are (also) a noun for members.
    is_noun: Vec<bool>,
    /// Patterns that are (also) a capital's name.
    is_capital: Vec<bool>,
    /// Folded articles and prepositions, for names of case rule `article`.
    lead_words: FastSet<String>,
}

/// The words besides names that the scan finds for the resolver: the nouns
/// for members (with the organisations without member data and the bodies
/// of groups) and the capitals' names.
#[derive(Debug)]
struct AnchorWords {
    nouns: BTreeSet<String>,
    capitals: BTreeSet<String>,
}

/// One language's names, compiled on first use: a run over French articles
/// does not pay for building the other languages' automata.
#[derive(Debug)]
struct LazyLang {
    names: BTreeMap<String, Vec<Entry>>,
    anchors: Arc<AnchorWords>,
    lead_words: FastSet<String>,
    built: OnceLock<LangMatcher>,
}

impl LazyLang {
    fn new(
        names: BTreeMap<String, Vec<Entry>>,
        anchors: Arc<AnchorWords>,
        lead_words: FastSet<String>,
    ) -> LazyLang {
        LazyLang {
            names,
            anchors,
            lead_words,
            built: OnceLock::new(),
        }
    }

    fn get(&self) -> &LangMatcher {
        self.built.get_or_init(|| {
            // Aho-Corasick fails only past its size limits (billions of
            // states); names files are nowhere near.
            LangMatcher::build(self.names.clone(), &self.anchors, self.lead_words.clone())
                .expect("the names fit in one automaton")
        })
    }
}

/// The matchers for every language, built once per run, each on first use.
#[derive(Debug)]
pub struct Matcher {
    by_lang: FastMap<String, LazyLang>,
    /// For articles whose language has no names: every language's names.
    any: LazyLang,
    /// Country names that are also given names, as written ("Dominique").
    given_names: FastSet<String>,
    /// Title-case words that are not names (months, weekdays).
    not_names: FastSet<String>,
    /// Particles between a given name and a surname ("de", "van", "bin").
    name_particles: FastSet<String>,
    /// Company suffixes that turn a country name into a company's ("Ltd").
    org_suffixes: FastSet<String>,
    /// Lower-case words that join a compound place name ("de" of
    /// "Hauts-de-France", "en" of "Tremblay-en-France").
    compound_particles: FastSet<String>,
    /// Regions written after a town's name ("Indiana" of "Peru, Indiana").
    town_regions: Vec<String>,
    /// Common given names: a country name after one is a surname ("Chris
    /// Jordan", "Anatole France"), even at the start of a sentence.
    first_names: FastSet<String>,
    /// The date names with a period are read at when an article has none
    /// (and for lookups): the day the matcher was built, read once.
    today: chrono::NaiveDate,
}

impl Matcher {
    /// Gathers the reference names by language; each language's automaton
    /// is built when an article first needs it.
    pub fn new(reference: &Reference) -> anyhow::Result<Matcher> {
        let mut per_lang: BTreeMap<&str, BTreeMap<String, Vec<Entry>>> = BTreeMap::new();
        let mut any: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        let mut cells: Vec<(String, Entry)> = Vec::new();
        for n in &reference.names {
            let key = crate::normalize::fold_str(&n.name);
            let e = Entry {
                name: n.name.clone(),
                kind: n.kind,
                codes: n.codes.clone(),
                case: n.case,
                from: n.from,
                until: n.until,
                former: n.former.clone(),
                cell_only: n.lang == crate::reference::CELL_LANG,
            };
            if e.cell_only {
                cells.push((key, e));
                continue;
            }
            per_lang
                .entry(n.lang.as_str())
                .or_default()
                .entry(key.clone())
                .or_default()
                .push(e.clone());
            let slot = any.entry(key).or_default();
            // Across languages the same folded name may denote different
            // things: keep them all; the first whose case rule passes wins.
            if !slot
                .iter()
                .any(|x| x.kind == e.kind && x.codes == e.codes && x.from == e.from && x.until == e.until)
            {
                slot.push(e);
            }
        }
        add_abbreviated_forms(&mut per_lang, &mut any, &reference.grammar);
        // The data sources' own forms go first into every automaton: a
        // lookup of a data cell finds them in the same search.
        for names in per_lang.values_mut().chain([&mut any]) {
            for (key, e) in &cells {
                names.entry(key.clone()).or_default().insert(0, e.clone());
            }
        }
        let lead = |lang: Option<&str>| -> FastSet<String> {
            let g = &reference.grammar;
            let langs: Vec<&str> = match lang {
                Some(l) => vec![l],
                None => reference.languages().into_iter().collect(),
            };
            langs
                .iter()
                .flat_map(|l| {
                    g.folded_words_of(l, "article")
                        .into_iter()
                        .chain(g.folded_words_of(l, "of"))
                })
                .collect()
        };
        // Every language's nouns for members go into every automaton: an
        // English article may say "les pays".
        // Each language's capitals go into its own automaton only.
        let nouns = reference.grammar.member_nouns();
        let anchors = |lang: Option<&str>| {
            Arc::new(AnchorWords {
                nouns: nouns.clone(),
                capitals: reference.capital_words(lang),
            })
        };
        let mut by_lang = FastMap::default();
        for (lang, pats) in per_lang {
            by_lang.insert(
                lang.to_string(),
                LazyLang::new(pats, anchors(Some(lang)), lead(Some(lang))),
            );
        }
        let given_names = reference.grammar.words_of("mul", "given_name");
        Ok(Matcher {
            by_lang,
            any: LazyLang::new(any, anchors(None), lead(None)),
            given_names,
            not_names: reference.grammar.words_of("mul", "not_name"),
            name_particles: reference.grammar.words_of("mul", "name_particle"),
            org_suffixes: reference.grammar.words_of("mul", "org_suffix"),
            compound_particles: reference.grammar.words_of("mul", "compound_particle"),
            town_regions: reference
                .grammar
                .words_of("mul", "town_region")
                .into_iter()
                .collect(),
            first_names: reference.grammar.words_of("mul", "first_name"),
            today: chrono::Utc::now().date_naive(),
        })
    }

    /// Reads undated articles (and lookups) at `today` instead of the UTC
    /// date the matcher was built on (`--today`).
    pub fn with_today(mut self, today: chrono::NaiveDate) -> Matcher {
        self.today = today;
        self
    }

    fn for_lang(&self, lang: &str) -> &LangMatcher {
        self.by_lang.get(lang).unwrap_or(&self.any).get()
    }

    /// Finds every mention in `text`, read as language `lang`.
    ///
    /// ```no_run
    /// # let reference = paysage::reference::Reference::load("input".as_ref()).unwrap();
    /// let m = paysage::extract::Matcher::new(&reference).unwrap();
    /// let (found, _) = m.extract("aux 27 pays, aux Etats-Unis et en Syrie.Le", "fr", None);
    /// assert_eq!(found.mentions.len(), 2);
    /// assert_eq!(found.member_nouns, [(7, 11)]);
    /// ```
    pub fn extract(&self, text: &str, lang: &str, date: Option<chrono::NaiveDate>) -> (Found, Folded) {
        let folded = fold(text);
        let found = self.extract_folded(text, &folded, lang, date);
        (found, folded)
    }

    /// Drops country names that are part of a person's or an organisation's
    /// name rather than the country:
    /// - a one-word name that is also a given name (grammar role
    ///   `given_name`), followed by a title-case word ("Dominique
    ///   Strauss-Kahn", "Chad Smith", "Maurice Ravel");
    /// - a one-word name preceded, inside a sentence, by a title-case word
    ///   ("le président François Hollande", "la compagnie Air France"),
    ///   unless that word is a month or weekday (role `not_name`).
    ///
    /// In both, a neighbour that is itself a mention keeps the name
    /// ("France-Allemagne").
    /// A country name followed by a company suffix ("Canada Ltd", "Japan
    /// Inc", grammar role `org_suffix`) names a company: kind `organisation`,
    /// with the country's code, never counted as the country.
    fn mark_companies(&self, text: &str, mentions: &mut [Mention]) {
        if self.org_suffixes.is_empty() {
            return;
        }
        for m in mentions.iter_mut().filter(|m| m.kind == MentionKind::Country) {
            let after = &text[m.byte_end..];
            let rest = after.trim_start_matches([' ', '\u{a0}']);
            if rest.len() == after.len() {
                continue;
            }
            let word: &str = rest
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '(' | '"'))
                .next()
                .unwrap_or("");
            let word = word
                .strip_suffix('.')
                .filter(|w| !w.contains('.'))
                .unwrap_or(word);
            if self.org_suffixes.contains(word) {
                m.kind = MentionKind::Organisation;
            }
        }
    }

    /// Drops a one-word country name that names a town, followed by its
    /// region and the end of the phrase: "Peru, Indiana, is", "in Mexico,
    /// Missouri." (grammar role `town_region`). Inside an enumeration
    /// ("Canada, Alaska and Australia", "Corée du Sud, New York, Los
    /// Angeles") the region is followed by a word or another name, and the
    /// country stays.
    fn drop_towns(&self, text: &str, mentions: &mut Vec<Mention>) {
        mentions.retain(|m| {
            if m.kind != MentionKind::Country || m.surface.contains(char::is_whitespace) {
                return true;
            }
            let Some(rest) = text[m.byte_end..].strip_prefix(", ") else {
                return true;
            };
            !self.town_regions.iter().any(|r| {
                rest.strip_prefix(r.as_str()).is_some_and(|after| {
                    let clause = after
                        .strip_prefix(", ")
                        .is_some_and(|a| a.starts_with(|c: char| c.is_lowercase()));
                    clause || after.is_empty() || after.starts_with(['.', ';', ':', ')', '\n'])
                })
            })
        });
    }

    fn drop_people(&self, text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
        let starts: FastSet<usize> = mentions.iter().map(|m| m.byte_start).collect();
        let ends: FastSet<usize> = mentions.iter().map(|m| m.byte_end).collect();
        mentions
            .into_iter()
            .filter(|m| {
                if m.kind != MentionKind::Country || m.surface.contains(char::is_whitespace) {
                    return true;
                }
                let (before, after) = (&text[..m.byte_start], &text[m.byte_end..]);
                if self.given_names.contains(&m.surface) {
                    let mut ws = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
                    // Over name particles: "Dominique de Villepin", "Maurice van der Berg".
                    while ws > 0 {
                        let word: String = after[ws..].chars().take_while(|c| c.is_alphabetic() || *c == '\'').collect();
                        let rest = &after[ws + word.len()..];
                        let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
                        if !self.name_particles.contains(&word) || (gap == 0 && !word.ends_with('\'')) {
                            break;
                        }
                        ws += word.len() + gap;
                    }
                    let mut next = after[ws..].chars();
                    let title = matches!((next.next(), next.next()),
                        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
                    let next_start = m.byte_end + ws;
                    // A weekday or month is no surname ("in Israel Monday").
                    let next_word: String = after[ws..].chars().take_while(|c| c.is_alphabetic()).collect();
                    if ws > 0 && title && !starts.contains(&next_start) && !self.not_names.contains(&next_word) {
                        return false;
                    }
                }
                // The word before, over one space or hyphen.
                let Some(sep) = before.chars().next_back().filter(|c| matches!(c, ' ' | '-' | '\u{a0}')) else {
                    return true;
                };
                let head = &before[..before.len() - sep.len_utf8()];
                let word_len: usize = head
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum();
                let word = &head[head.len() - word_len..];
                // A compound place name joined by a particle: "Hauts-de-France",
                // "Tremblay-en-France" (a region or town, not the country).
                if sep == '-'
                    && self.compound_particles.contains(word)
                    && head[..head.len() - word_len].ends_with('-')
                {
                    return false;
                }
                let mut wc = word.chars();
                let title = matches!((wc.next(), wc.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
                if !title || ends.contains(&(m.byte_start - sep.len_utf8())) || self.not_names.contains(word) {
                    return true;
                }
                // Joined by a hyphen, it is one compound name ("Bourg-Saint-Maurice");
                // after a given name, a surname ("Chris Jordan scored twice").
                if sep == '-' || self.first_names.contains(word) {
                    return false;
                }
                // Inside a sentence: what precedes the word is a lower-case
                // word, an elision, a comma or a digit, not a sentence end or the start.
                let prior = head[..head.len() - word_len].trim_end_matches([' ', '\u{a0}']);
                let inside = prior
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '\'' | '’') || c.is_ascii_digit());
                !inside
            })
            .collect()
    }

    /// As [`Matcher::extract`], on an already folded text.
    ///
    /// Names with a period (`from`, `until`) are read at `date`, or today when
    /// the article has no date.
    pub fn extract_folded(
        &self,
        text: &str,
        folded: &Folded,
        lang: &str,
        date: Option<chrono::NaiveDate>,
    ) -> Found {
        let date = date.unwrap_or(self.today);
        let lm = self.for_lang(lang);
        let hay = folded.text.as_str();
        // Char offsets are counted incrementally: matches come left to right.
        let mut count = CharCounter::new(text);
        let mut out = Vec::new();
        let mut nouns = Vec::new();
        let mut capitals = Vec::new();
        let mut at = 0;
        while at < hay.len() {
            let Some((pattern, s, e)) = lm.find_from(hay.as_bytes(), at) else {
                break;
            };
            let before_ok = hay[..s].chars().next_back().is_none_or(|c| !is_word_char(c));
            let after_ok =
                hay[e..].chars().next().is_none_or(|c| !is_word_char(c)) || glued(text, folded, s, e);
            let noun = lm.is_noun[pattern] && before_ok && after_ok;
            if noun {
                nouns.push((s, e));
            }
            let capital = lm.is_capital[pattern] && before_ok && after_ok;
            if capital {
                capitals.push((s, e));
            }
            let accepted = if before_ok && after_ok {
                let (b0, b1) = folded.orig_bytes(s, e);
                let surface = &text[b0..b1];
                let after_lead = || lm.lead_words.contains(previous_word(&hay[..s]));
                lm.entries[pattern]
                    .iter()
                    .find(|en| {
                        !en.cell_only && en.valid_on(date) && case_ok(en, surface, &lm.lead_words, after_lead)
                    })
                    .map(|en| (en, b0, b1, surface.to_string()))
            } else {
                None
            };
            match accepted {
                Some((en, b0, b1, surface)) => {
                    let kind = match en.kind {
                        NameKind::Country => Some(MentionKind::Country),
                        NameKind::Group => Some(MentionKind::Group),
                        NameKind::Ambiguous => Some(MentionKind::Ambiguous),
                        NameKind::Historical => Some(MentionKind::Historical),
                        NameKind::Organisation => Some(MentionKind::Organisation),
                        NameKind::NotCountry => None,
                    };
                    if let Some(kind) = kind {
                        out.push(Mention {
                            start: count.chars_to(b0),
                            end: count.chars_to(b1),
                            surface,
                            kind,
                            codes: en.codes.clone(),
                            settled_from: Vec::new(),
                            former: en.former.clone(),
                            folded_start: s,
                            folded_end: e,
                            byte_start: b0,
                            byte_end: b1,
                        });
                    }
                    at = e;
                }
                None if noun || capital => at = e,
                None if !before_ok => {
                    // It starts inside a word ("ue" in "que"): no name can
                    // start before the next word, so look again from there.
                    at = run_end(hay, s);
                }
                None => {
                    // A whole-word start but not a whole word, or the wrong
                    // case: look again from the next character, so that a
                    // shorter name at the same place is not lost. A noun for
                    // members that the longer candidate hid ("etats" of a
                    // lower-case "états-unis") still counts.
                    let word = &hay[s..run_end(hay, s)];
                    if lm.is_noun_word(word) {
                        nouns.push((s, s + word.len()));
                    }
                    at = s + hay[s..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        // Companies first: "Imperial Oil Canada Ltd" is a company, not a person's name.
        self.mark_companies(text, &mut out);
        if !self.town_regions.is_empty() {
            self.drop_towns(text, &mut out);
        }
        Found {
            mentions: self.drop_people(text, out),
            member_nouns: nouns,
            capitals,
        }
    }

    /// Classifies a whole name (lookup): the entries for its folded form, after
    /// the leading articles and prepositions of `lang` are dropped. With
    /// `exact_case`, a name of case rule `exact` must be written as listed
    /// (prose); without, any case counts (a data cell: "uae", "u.s."), and
    /// the data sources' own forms count ("Congo (the)").
    pub fn lookup_folded(
        &self,
        key: &str,
        lang: &str,
        original: &str,
        exact_case: bool,
    ) -> Option<(NameKind, Vec<String>)> {
        let lm = self.for_lang(lang);
        let m = lm
            .anchored()
            .try_find(&Input::new(key).anchored(Anchored::Yes))
            .expect("an anchored automaton searches anchored")?;
        if m.end() != key.len() {
            return None;
        }
        lm.entries[m.pattern().as_usize()]
            .iter()
            .find(|e| {
                e.valid_on(self.today)
                    && !(exact_case && e.cell_only)
                    && (!exact_case || e.case != CaseRule::Exact || e.name == original)
            })
            .map(|e| (e.kind, e.codes.clone()))
    }
}

/// Adds to each language's names their forms with a word abbreviated as the
/// language's abbreviations (grammar role `abbreviation`, one-word
/// expansions) say: "St Kitts and Nevis", "St. Lucia", "Ste-Lucie". A form
/// that is already a name keeps its own meaning.
fn add_abbreviated_forms(
    per_lang: &mut BTreeMap<&str, BTreeMap<String, Vec<Entry>>>,
    any: &mut BTreeMap<String, Vec<Entry>>,
    grammar: &crate::reference::Grammar,
) {
    for (lang, names) in per_lang.iter_mut() {
        let abbreviations = grammar.one_word_abbreviations(lang);
        if abbreviations.is_empty() {
            continue;
        }
        let mut forms: Vec<(String, Vec<Entry>)> = Vec::new();
        for (key, entries) in names.iter() {
            for (abbr, expansion) in &abbreviations {
                let words: Vec<&str> = key.split(' ').collect();
                if !words.contains(expansion) {
                    continue;
                }
                let form: Vec<&str> = words
                    .iter()
                    .map(|w| if w == expansion { *abbr } else { *w })
                    .collect();
                forms.push((form.join(" "), entries.clone()));
            }
        }
        for (form, entries) in forms {
            if names.contains_key(&form) {
                continue;
            }
            any.entry(form.clone()).or_insert_with(|| entries.clone());
            names.insert(form, entries);
        }
    }
}

/// Whether folded byte `e` starts a new sentence glued to the word before
/// it, as a lower-case letter followed by a capital and a lower-case letter
/// or an apostrophe ("à la TunisieL'affaire", "en FranceLe"): a boundary.
fn glued(text: &str, folded: &Folded, s: usize, e: usize) -> bool {
    // Not a handle or a hashtag ("@FranceInsoumise").
    let start = folded.orig_byte(s);
    if text[..start].ends_with(['@', '#']) {
        return false;
    }
    let at = folded.orig_byte(e);
    let mut next = text[at..].chars();
    let mut prev = text[..at].chars().rev();
    matches!(
        (prev.next(), next.next(), next.next()),
        (Some(p), Some(c), Some(d)) if p.is_lowercase() && c.is_uppercase() && (d.is_lowercase() || d == '\'' || d == '\u{2019}')
    )
}

fn case_ok(e: &Entry, surface: &str, lead_words: &FastSet<String>, after_lead: impl Fn() -> bool) -> bool {
    // Proper-noun rule: a name counts when written with a capital
    // ("Chine", "CHINE"), not as a common word ("chine", "turkey"); a
    // capital on a leading article does not count ("La réunion des
    // ministres" is not "La Réunion").
    let proper = || {
        let rest = match surface.split_once(' ') {
            Some((first, rest)) if lead_words.contains(&first.to_lowercase()) => rest,
            _ => surface,
        };
        rest.chars().any(char::is_uppercase)
    };
    match e.case {
        CaseRule::Exact => surface == e.name,
        CaseRule::Proper => proper(),
        CaseRule::Article => proper() && after_lead(),
        CaseRule::Any => true,
    }
}

/// The folded word just before byte `end` ("la" in "la hollande"; "l'" in
/// "l'ukraine"), or "" when punctuation comes first.
fn previous_word(before: &str) -> &str {
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c) || *c == '\'')
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    &trimmed[start..]
}

impl LangMatcher {
    fn build(
        pats: BTreeMap<String, Vec<Entry>>,
        anchors: &AnchorWords,
        lead_words: FastSet<String>,
    ) -> anyhow::Result<LangMatcher> {
        let mut pats = pats;
        for n in anchors.nouns.iter().chain(&anchors.capitals) {
            pats.entry(n.clone()).or_default();
        }
        let (keys, entries): (Vec<String>, Vec<Vec<Entry>>) = pats.into_iter().unzip();
        let dfa = Self::automaton(&keys, StartKind::Unanchored)?;
        Ok(LangMatcher {
            start: dfa.start_state(Anchored::No)?,
            dfa,
            is_noun: keys.iter().map(|k| anchors.nouns.contains(k)).collect(),
            is_capital: keys.iter().map(|k| anchors.capitals.contains(k)).collect(),
            keys,
            anchored: OnceLock::new(),
            entries,
            lead_words,
        })
    }

    /// The leftmost-longest name at or after byte `at` of `hay`, as
    /// (pattern, start, end): the automaton's own search, without what a
    /// call of `AhoCorasick::find` costs beside it (a scan restarts after
    /// every name found inside a word: "ue" in "que").
    #[inline]
    fn find_from(&self, hay: &[u8], at: usize) -> Option<(usize, usize, usize)> {
        let (dfa, mut sid, mut found) = (&self.dfa, self.start, None);
        for (i, &b) in hay.iter().enumerate().skip(at) {
            sid = dfa.next_state(Anchored::No, sid, b);
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                if dfa.is_match(sid) {
                    let pattern = dfa.match_pattern(sid, 0);
                    let end = i + 1;
                    found = Some((pattern.as_usize(), end - dfa.pattern_len(pattern), end));
                }
            }
        }
        found
    }

    /// Whether a whole folded word is a noun for members.
    fn is_noun_word(&self, word: &str) -> bool {
        self.keys
            .binary_search_by(|k| k.as_str().cmp(word))
            .is_ok_and(|i| self.is_noun[i])
    }

    /// A full DFA of the names: a few MB per language, the fastest search
    /// (each language has a couple of thousand names).
    fn automaton(keys: &[String], start: StartKind) -> anyhow::Result<DFA> {
        Ok(DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // One kind of start only: an automaton for both is twice the
            // size and scans about a fifth slower.
            .start_kind(start)
            .build(keys)?)
    }

    fn anchored(&self) -> &DFA {
        self.anchored.get_or_init(|| {
            Self::automaton(&self.keys, StartKind::Anchored).expect("the names fit in one automaton")
        })
    }
}
