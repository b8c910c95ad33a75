//! `paysage lookup`: whole names classified one by one, like a converter,
//! with the same names and folding as the text scan.
//!
//! A whole name is read in one of two modes. A **data cell** (the default)
//! is a name and nothing else: the case rules of prose are off ("uae",
//! "drc", "u.s." are those countries), and the conventions of the standards'
//! and data sources' tables are undone before the lookup: a trailing
//! qualifier in parentheses ("Bolivia (Plurinational State of)", "Égypte
//! (l')"), a name inverted around a comma ("Korea, Rep.", "Gambia, The"), a
//! territory with its state ("Hong Kong SAR, China"), and the sources'
//! abbreviations ("Rep.", "Dem.", "Fed. Sts.", "St.": grammar role
//! `abbreviation`, data). **Prose** reads the name as `run` and `extract` do:
//! abbreviations must be written as listed ("US", not "us").

use crate::extract::Matcher;
use crate::normalize::{fold, Folded};
use crate::reference::{NameKind, Reference};

/// How one input name was classified.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Matched(String),
    Ambiguous(Vec<String>),
    /// A former state (USSR, Zaire): the id of `historical.csv`.
    Historical(String),
    Unmatched,
}

/// How a whole name is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A data cell (the default): no case rules, the sources' conventions
    /// undone; an ambiguous name whose candidates hold exactly one country
    /// (the others subdivisions: "Georgia") is that country.
    #[default]
    Cell,
    /// Running text: the case rules of the text scan.
    Prose,
}

/// Classifies `input` as a data cell in `lang` (`None`: every language):
/// [`lookup_in`] in [`Mode::Cell`].
///
/// ```no_run
/// # use paysage::{reference::Reference, extract::Matcher, lookup::{lookup, Lookup}};
/// let r = Reference::load("input".as_ref()).unwrap();
/// let m = Matcher::new(&r).unwrap();
/// assert_eq!(lookup("aux Etats Unis", Some("fr"), &m, &r), Lookup::Matched("USA".into()));
/// assert_eq!(lookup("Korea, Rep.", None, &m, &r), Lookup::Matched("KOR".into()));
/// ```
pub fn lookup(input: &str, lang: Option<&str>, matcher: &Matcher, reference: &Reference) -> Lookup {
    lookup_in(input, lang, Mode::Cell, matcher, reference)
}

/// Classifies `input` as a whole name in `lang` (`None`: every language),
/// read in `mode`. Leading articles and prepositions are dropped ("les
/// Etats-Unis", "aux Etats-Unis", "l'Albanie"); ISO codes written in
/// capitals or digits match too.
pub fn lookup_in(
    input: &str,
    lang: Option<&str>,
    mode: Mode,
    matcher: &Matcher,
    reference: &Reference,
) -> Lookup {
    let trimmed = input.trim();
    let folded = fold(trimmed);
    if let Some(found) = whole_folded(trimmed, &folded, lang, mode, matcher, reference) {
        return found;
    }
    let is_code = !trimmed.is_empty()
        && (trimmed.chars().all(|c| c.is_ascii_uppercase()) || trimmed.chars().all(|c| c.is_ascii_digit()));
    if is_code {
        if let Some(c) = reference.country_by_code(trimmed) {
            return Lookup::Matched(c.alpha3.clone());
        }
    }
    if mode == Mode::Cell {
        if let Some(found) = cell_forms(trimmed, lang, matcher, reference) {
            return found;
        }
        // A cell may keep another language's name ("Rwanda", "Qatar" in a
        // Spanish table): every language's names, when the cell's fail.
        if lang.is_some() {
            let any = whole_folded(trimmed, &folded, None, mode, matcher, reference)
                .or_else(|| cell_forms(trimmed, None, matcher, reference));
            if let Some(found) = any {
                return found;
            }
        }
    }
    Lookup::Unmatched
}

/// The name as a whole, then without each leading article or preposition
/// in turn ("aux Etats-Unis", "l'Albanie"): `None` when no name matches.
fn whole(
    name: &str,
    lang: Option<&str>,
    mode: Mode,
    matcher: &Matcher,
    reference: &Reference,
) -> Option<Lookup> {
    whole_folded(name, &fold(name), lang, mode, matcher, reference)
}

/// [`whole`] on the folded name.
fn whole_folded(
    name: &str,
    folded: &Folded,
    lang: Option<&str>,
    mode: Mode,
    matcher: &Matcher,
    reference: &Reference,
) -> Option<Lookup> {
    let lang_s = lang.unwrap_or("");
    let text = folded.text.as_str();
    let mut at = 0;
    loop {
        let key = text[at..].trim_end();
        if key.is_empty() {
            return None;
        }
        let original = &name[folded.orig_byte(at)..];
        let exact_case = mode == Mode::Prose;
        if let Some((kind, codes)) = matcher.lookup_folded(key, lang_s, original.trim(), exact_case) {
            return Some(classify(kind, codes, mode));
        }
        let rest = &text[at..];
        let word_end = first_word(rest);
        let word = &rest[..word_end];
        let g = &reference.grammar;
        let droppable = word_end < rest.len() && (g.is(lang_s, "article", word) || g.is(lang_s, "of", word));
        if !droppable {
            return None;
        }
        at += word_end;
        at += text[at..].len() - text[at..].trim_start().len();
    }
}

/// The length of the first word of folded `s`, an elided article with its
/// apostrophe ("l'" of "l'albanie").
fn first_word(s: &str) -> usize {
    let end = s.find(' ').unwrap_or(s.len());
    match s[..end].find('\'') {
        // An elision ("l'", "d'", "qu'"), not an inner apostrophe ("people's").
        Some(i) if i <= 2 => i + 1,
        _ => end,
    }
}

/// Folded `name` split after its leading words of a state's form, articles
/// and "of" words of `lang` (grammar role `state_form`): ("republic of the
/// union of ", "myanmar"), ("la republique de l'", "equateur"); `None` when
/// it has none or nothing would be left.
fn strip_state_form<'a>(name: &'a str, lang: &str, reference: &Reference) -> Option<(&'a str, &'a str)> {
    let g = &reference.grammar;
    let mut at = 0;
    let mut forms = 0;
    loop {
        let rest = &name[at..];
        let end = first_word(rest);
        if end == rest.len() {
            break;
        }
        let word = &rest[..end];
        let form = g.is(lang, "state_form", word);
        if !(form || g.is(lang, "article", word) || g.is(lang, "of", word)) {
            break;
        }
        forms += usize::from(form);
        at += end;
        at += name[at..].len() - name[at..].trim_start().len();
    }
    (forms > 0).then(|| name.split_at(at))
}

fn classify(kind: NameKind, codes: Vec<String>, mode: Mode) -> Lookup {
    match kind {
        NameKind::Country => Lookup::Matched(codes[0].clone()),
        NameKind::Ambiguous => {
            // A country column names countries: candidates that are
            // subdivisions (US-GA, GR-A) drop out of a cell.
            let mut countries = codes.iter().filter(|c| !c.contains('-'));
            match (mode, countries.next(), countries.next()) {
                (Mode::Cell, Some(one), None) => Lookup::Matched(one.clone()),
                _ => Lookup::Ambiguous(codes),
            }
        }
        // A former state: never silently the modern one.
        NameKind::Historical => Lookup::Historical(codes[0].clone()),
        // Not a country: a group, an organisation, or a blocking phrase.
        NameKind::Group | NameKind::NotCountry | NameKind::Organisation => Lookup::Unmatched,
    }
}

/// A data cell written with a source's conventions: its footnote marks
/// dropped ("Niue **") and abbreviations expanded ("St. Lucia"); then, for
/// "HEAD, TAIL", "HEAD (TAIL)" or "HEAD [TAIL]", the tail put first ("Korea,
/// Rep." = "Republic of Korea", "Bahamas (the)", "Congo (la République
/// démocratique du)"), with an "of" word of the language between when the
/// source dropped it; then the tail alone when a state's form names it
/// ("Chine, région administrative spéciale de Hong Kong"); last the head
/// alone ("Hong Kong SAR, China", "Martinique, France", "Venezuela, RB").
/// Each form is also tried without a leading state's form ("Republic of
/// Rwanda"). The first country found wins; else the first ambiguous name.
fn cell_forms(cell: &str, lang: Option<&str>, matcher: &Matcher, reference: &Reference) -> Option<Lookup> {
    let g = &reference.grammar;
    let folded = fold(cell).text;
    let folded = folded.trim().trim_end_matches(['*', '\u{2020}', ' ']);
    let split = split_cell(folded);
    // The abbreviations and words of the cell's language (and of `mul`), or
    // of each language in turn when it has none.
    let langs: Vec<&str> = match lang {
        Some(l) => vec![l],
        None => g.abbreviation_langs().filter(|l| *l != "mul").collect(),
    };
    let mut tried: Vec<String> = Vec::new();
    let mut fallback = None;
    let mut attempt = |form: &str, l: &str, ambiguous_ok: bool| -> Option<Lookup> {
        // The form, then without its state's form ("Republic of Rwanda"),
        // then with an "of" word the source dropped after it ("Democratic
        // Republic Congo"); a form with a tail still to undo keeps its state's
        // form ("Democratic Republic of the Congo (the)").
        let mut forms = vec![form.to_string()];
        let whole_name = split_cell(form).is_none();
        if let Some((prefix, rest)) = strip_state_form(form, l, reference).filter(|_| whole_name) {
            forms.push(rest.to_string());
            let last = prefix.trim_end().rsplit(' ').next().unwrap_or("");
            if g.is(l, "state_form", last) {
                forms.extend(
                    g.folded_words_of(l, "of")
                        .iter()
                        .map(|of| format!("{prefix}{of} {rest}")),
                );
            }
        }
        for f in forms {
            if tried.contains(&f) {
                continue;
            }
            let found = whole(&f, lang, Mode::Cell, matcher, reference);
            tried.push(f);
            match found {
                Some(x @ (Lookup::Matched(_) | Lookup::Historical(_))) => return Some(x),
                Some(x @ Lookup::Ambiguous(_)) if ambiguous_ok => {
                    fallback.get_or_insert(x);
                }
                _ => {}
            }
        }
        None
    };
    let expand = |s: &str, l: &str| expand_abbreviations(s, l, reference);
    // Each step in every language before the next step.
    for l in &langs {
        if let Some(found) = attempt(&expand(folded, l), l, true) {
            return Some(found);
        }
    }
    let (head, tail) = split?;
    for l in &langs {
        let (head, tail) = (expand(head, l), expand(tail, l));
        let sep = if tail.ends_with('\'') { "" } else { " " };
        if let Some(found) = attempt(&format!("{tail}{sep}{head}"), l, true) {
            return Some(found);
        }
        for of in g.folded_words_of(l, "of") {
            if let Some(found) = attempt(&format!("{tail} {of} {head}"), l, true) {
                return Some(found);
            }
        }
    }
    for l in &langs {
        let tail = expand(tail, l);
        if let Some((_, part)) = strip_state_form(&tail, l, reference) {
            if let Some(found) = attempt(part, l, false) {
                return Some(found);
            }
        }
    }
    for l in &langs {
        if let Some(found) = attempt(&expand(head, l), l, false) {
            return Some(found);
        }
    }
    fallback
}

/// "head, tail" (at the last comma), "head (tail)" or "head [tail]", folded.
fn split_cell(folded: &str) -> Option<(&str, &str)> {
    for (open, close) in [('(', ')'), ('[', ']')] {
        let Some(inner) = folded.strip_suffix(close) else {
            continue;
        };
        let open = inner.rfind(open)?;
        let (head, tail) = (inner[..open].trim(), inner[open + 1..].trim());
        return (!head.is_empty() && !tail.is_empty()).then_some((head, tail));
    }
    let comma = folded.rfind(',')?;
    let (head, tail) = (folded[..comma].trim(), folded[comma + 1..].trim());
    (!head.is_empty() && !tail.is_empty()).then_some((head, tail))
}

/// Each word of a folded cell that is an abbreviation of `lang` (or of
/// `mul`) replaced by its expansion ("dem. rep." -> "democratic republic").
fn expand_abbreviations(folded: &str, lang: &str, reference: &Reference) -> String {
    let g = &reference.grammar;
    let mut out = String::with_capacity(folded.len() + 16);
    for (i, word) in folded.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match g.expansion(lang, word).or_else(|| g.expansion("mul", word)) {
            Some(e) => out.push_str(e),
            None => out.push_str(word),
        }
    }
    out
}

/// What one `lookup` row says: its status, the country of its code columns
/// (the match, or a former state's one successor) and its candidates (an
/// ambiguous name's, or a former state's successors when there are several).
pub struct LookupRow<'r> {
    pub status: &'static str,
    pub country: Option<&'r crate::reference::Country>,
    pub candidates: String,
}

impl<'r> LookupRow<'r> {
    /// The row of a lookup's result; `None` when the reference data does
    /// not hold a code it names (never, once validated).
    pub fn new(found: &Lookup, reference: &'r Reference) -> Option<LookupRow<'r>> {
        let country = |iso3: &str| reference.country(iso3);
        Some(match found {
            Lookup::Matched(iso3) => LookupRow {
                status: "matched",
                country: Some(country(iso3)?),
                candidates: String::new(),
            },
            Lookup::Ambiguous(codes) => LookupRow {
                status: "ambiguous",
                country: None,
                candidates: codes.join(";"),
            },
            Lookup::Historical(id) => {
                let h = reference.historical(id)?;
                match h.successors.as_slice() {
                    [one] => LookupRow {
                        status: "historical",
                        country: Some(country(one)?),
                        candidates: String::new(),
                    },
                    many => LookupRow {
                        status: "historical",
                        country: None,
                        candidates: many.join(";"),
                    },
                }
            }
            Lookup::Unmatched => LookupRow {
                status: "unmatched",
                country: None,
                candidates: String::new(),
            },
        })
    }

    /// One column of the row, as `lookup --to COLUMN` prints it: `status`,
    /// or a code or name of its country (`iso3`, `iso2`, `numeric`,
    /// `name_en`, `name_fr`; empty without one).
    pub fn column(&self, to: &str) -> &str {
        match (to, self.country) {
            ("status", _) => self.status,
            ("iso3", Some(c)) => &c.alpha3,
            ("iso2", Some(c)) => &c.alpha2,
            ("numeric", Some(c)) => &c.numeric,
            ("name_en", Some(c)) => &c.name_en,
            ("name_fr", Some(c)) => &c.name_fr,
            _ => "",
        }
    }
}

/// `paysage lookup`: each of `names` classified in `mode`, one output line a
/// name, in order: CSV rows with a header, or with `to` that column alone.
/// A column repeats its values, so each distinct name is classified once (up
/// to 100,000 of them kept).
pub fn write_lookups(
    names: impl IntoIterator<Item = std::io::Result<String>>,
    lang: Option<&str>,
    mode: Mode,
    to: Option<&str>,
    matcher: &Matcher,
    reference: &Reference,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    use anyhow::Context;
    if to.is_none() {
        writeln!(out, "input,status,iso3,iso2,numeric,name_en,candidates")?;
    }
    let render = |name: &str| -> anyhow::Result<Vec<u8>> {
        let found = lookup_in(name, lang, mode, matcher, reference);
        let row = LookupRow::new(&found, reference).context("a code the reference data does not hold")?;
        if let Some(to) = to {
            return Ok(format!("{}\n", row.column(to)).into_bytes());
        }
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record([
            name,
            row.status,
            row.column("iso3"),
            row.column("iso2"),
            row.column("numeric"),
            row.column("name_en"),
            &row.candidates,
        ])?;
        Ok(w.into_inner()?)
    };
    let mut seen: std::collections::HashMap<String, Vec<u8>> = std::collections::HashMap::new();
    for name in names {
        let name = name.context("reading names")?;
        let name = name.trim_end_matches('\r');
        if let Some(row) = seen.get(name) {
            out.write_all(row)?;
            continue;
        }
        let row = render(name)?;
        out.write_all(&row)?;
        if seen.len() < 100_000 {
            seen.insert(name.to_string(), row);
        }
    }
    out.flush()?;
    Ok(())
}

/// `paysage groups`: the members of each of `groups` at `date`, as CSV (one
/// row a member: when it joined and left, whether it is suspended then, and
/// whether it is a former state, named by its `historical.csv` id).
pub fn write_roster(
    reference: &Reference,
    groups: &[String],
    date: chrono::NaiveDate,
    out: impl std::io::Write,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "group",
        "as_of",
        "iso3",
        "name_en",
        "joined",
        "left",
        "suspended",
        "former",
    ])?;
    let flag = |b: bool| if b { "true" } else { "false" };
    for g in groups {
        for iso3 in reference.members_on(g, date) {
            let m = reference
                .membership_on(g, iso3, date)
                .context("member without a period")?;
            let name = match reference.country(iso3) {
                Some(c) => c.name_en.as_str(),
                None => reference.historical(iso3).map_or("", |h| h.name_en.as_str()),
            };
            w.write_record([
                g.as_str(),
                &date.to_string(),
                iso3,
                name,
                &m.joined.to_string(),
                &m.left.map(|l| l.to_string()).unwrap_or_default(),
                flag(reference.is_suspended(g, iso3, date)),
                flag(m.former),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
