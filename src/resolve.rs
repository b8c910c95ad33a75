//! Resolving members and checking claims: from the mentions of one article to
//! the countries that belong to what it describes, and the counts it states.
//!
//! The article is read as a stream of units: words of the folded text, with
//! each mention standing as one unit. Members come from enumerations (three or
//! more country mentions joined only by commas, "et"/"and" and articles) and
//! from phrases naming a group's members ("les 27 Etats membres de l'Union
//! européenne", "the EU member states"), expanded as of a date. Claims are
//! counts stated for countries, states or members ("48 pays", "21 Etats non
//! UE"), compared with what was resolved for the same subject. The words this
//! reads come from `grammar.csv`, per language.

use crate::extract::{Mention, MentionKind};
use crate::normalize::{is_word_char, Folded};
use crate::reference::{Lex, Lexicon, Reference};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// A country resolved as a member, with how it came in.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub iso3: String,
    /// `list` (enumerated), `group:EU` (expanded from a group phrase), or both.
    pub basis: BTreeSet<String>,
}

/// What a stated count is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// All the article's members ("48 pays").
    All,
    /// The members that belong to a group ("27 Etats membres de l'UE").
    Group(String),
    /// The members that do not ("21 Etats non UE").
    NotGroup(String),
}

/// Result of checking a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStatus {
    Consistent,
    Inconsistent,
    Unverifiable,
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Consistent => "consistent",
            ClaimStatus::Inconsistent => "inconsistent",
            ClaimStatus::Unverifiable => "unverifiable",
        }
    }
}

/// A count the article states.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub quote: String,
    pub start: usize,
    pub stated: u64,
    pub subject: Subject,
    /// What was resolved for the same subject; `None` when nothing could be.
    pub resolved: Option<u64>,
    pub status: ClaimStatus,
}

/// Members and claims of one article.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub members: Vec<Member>,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, Copy)]
enum Unit<'a> {
    Word {
        text: &'a str,
        start: usize,
        end: usize,
        /// What the grammar says of the word (roles, number value).
        lex: Lex,
    },
    Mention(usize),
    /// Unread text between two windows.
    Break,
}

/// Splits the folded text into words (an elided article keeps its
/// apostrophe: "l'"), single punctuation marks, and mentions.
/// How far around a mention or a noun for members the resolver reads: an
/// enumeration's joiners ("l'Albanie, l'Australie"), a group phrase ("Etats
/// membres de l'Union européenne") or a stated count ("21 Etats non membres
/// de l'UE") lie within it.
const REACH: usize = 64;

/// The parts of the folded text the resolver reads: around every mention
/// and every noun for members ("pays", "states"), merged, on word edges.
/// An article with neither is not tokenized at all.
fn windows(folded: &str, mentions: &[Mention], member_nouns: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut anchors: Vec<(usize, usize)> = mentions.iter().map(|m| (m.folded_start, m.folded_end)).collect();
    anchors.extend_from_slice(member_nouns);
    anchors.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in anchors {
        let mut ws = s.saturating_sub(REACH);
        while !folded.is_char_boundary(ws) {
            ws -= 1;
        }
        let ws = folded[..ws].rfind(' ').map_or(0, |p| p + 1);
        let mut we = (e + REACH).min(folded.len());
        while !folded.is_char_boundary(we) {
            we += 1;
        }
        let we = folded[we..].find(' ').map_or(folded.len(), |p| we + p);
        match out.last_mut() {
            Some(last) if ws <= last.1 => last.1 = last.1.max(we),
            _ => out.push((ws, we)),
        }
    }
    out
}

/// The units of the windows, in order, with a [`Unit::Break`] between two
/// windows so that nothing reads across the unread text between them.
fn units<'a>(
    folded: &'a str,
    mentions: &[Mention],
    windows: &[(usize, usize)],
    lexicon: Option<&Lexicon>,
) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    for (k, &(ws, we)) in windows.iter().enumerate() {
        if k > 0 {
            out.push(Unit::Break);
        }
        tokenize(folded, mentions, ws, we, &mut out);
    }
    // Each word looked up once, for every role and its number value.
    if let Some(lexicon) = lexicon {
        for u in &mut out {
            if let Unit::Word { text, lex, .. } = u {
                *lex = lexicon.get(*text).copied().unwrap_or_default();
            }
        }
    }
    out
}

fn tokenize<'a>(folded: &'a str, mentions: &[Mention], from: usize, to: usize, out: &mut Vec<Unit<'a>>) {
    let mut mi = mentions.partition_point(|m| m.folded_start < from);
    let mut i = from;
    let bytes = to;
    while i < bytes {
        while mi < mentions.len() && mentions[mi].folded_start < i {
            mi += 1;
        }
        if mi < mentions.len() && mentions[mi].folded_start == i {
            out.push(Unit::Mention(mi));
            i = mentions[mi].folded_end;
            mi += 1;
            continue;
        }
        let c = folded[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c == ' ' {
            i += len;
        } else if is_word_char(c) {
            let mut j = i;
            for (k, ch) in folded[i..].char_indices() {
                if is_word_char(ch) {
                    j = i + k + ch.len_utf8();
                } else {
                    if ch == '\'' {
                        j = i + k + 1;
                    }
                    break;
                }
                if mi < mentions.len() && mentions[mi].folded_start == j {
                    break;
                }
            }
            out.push(Unit::Word {
                text: &folded[i..j],
                start: i,
                end: j,
                lex: Lex::default(),
            });
            i = j;
        } else {
            out.push(Unit::Word {
                text: &folded[i..i + len],
                start: i,
                end: i + len,
                lex: Lex::default(),
            });
            i += len;
        }
    }
}

/// The grammar roles the resolver reads.
#[derive(Debug, Clone, Copy)]
enum Role {
    Article,
    Joiner,
    MemberNoun,
    Negation,
    Of,
}

impl Role {
    const ALL: [Role; 5] = [
        Role::Article,
        Role::Joiner,
        Role::MemberNoun,
        Role::Negation,
        Role::Of,
    ];

    fn name(self) -> &'static str {
        match self {
            Role::Article => "article",
            Role::Joiner => "joiner",
            Role::MemberNoun => "member_noun",
            Role::Negation => "negation",
            Role::Of => "of",
        }
    }
}

struct Ctx<'t, 'a> {
    units: Vec<Unit<'t>>,
    mentions: &'a [Mention],
    reference: &'a Reference,
    lang: &'a str,
    /// Each [`Role`]'s bit in [`Lex::roles`].
    bits: [u32; Role::ALL.len()],
}

impl<'t, 'a> Ctx<'t, 'a> {
    fn new(
        units: Vec<Unit<'t>>,
        mentions: &'a [Mention],
        reference: &'a Reference,
        lang: &'a str,
    ) -> Ctx<'t, 'a> {
        Ctx {
            units,
            mentions,
            reference,
            lang,
            bits: Role::ALL.map(|r| reference.grammar.role_bit(r.name())),
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.units.get(i) {
            Some(Unit::Word { text, .. }) => Some(text),
            _ => None,
        }
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        match self.units.get(i) {
            Some(Unit::Word { lex, .. }) => Some(*lex),
            _ => None,
        }
    }

    fn is(&self, i: usize, role: Role) -> bool {
        self.lex(i)
            .is_some_and(|l| l.roles & self.bits[role as usize] != 0)
    }

    fn group_at(&self, i: usize) -> Option<&str> {
        match self.units.get(i) {
            Some(Unit::Mention(m)) if self.mentions[*m].kind == MentionKind::Group => {
                Some(self.mentions[*m].codes[0].as_str())
            }
            _ => None,
        }
    }

    /// Whether the units strictly between `prev` and `u` join two items of
    /// a list: at least one joiner ("," "et" "and"), and nothing but joiners
    /// and articles.
    fn joined(&self, prev: usize, u: usize) -> bool {
        let gap = prev + 1..u;
        !gap.is_empty()
            && gap.clone().any(|i| self.is(i, Role::Joiner))
            && gap
                .clone()
                .all(|i| self.is(i, Role::Joiner) || self.is(i, Role::Article))
    }

    /// Skips units of the given roles from `i` forward.
    fn skip(&self, mut i: usize, roles: &[Role]) -> usize {
        while roles.iter().any(|r| self.is(i, *r)) {
            i += 1;
        }
        i
    }

    fn span(&self, i: usize) -> (usize, usize) {
        match self.units[i] {
            Unit::Word { start, end, .. } => (start, end),
            Unit::Mention(m) => (self.mentions[m].folded_start, self.mentions[m].folded_end),
            // A claim starts at a number and ends at a noun or a group: never here.
            Unit::Break => unreachable!("a claim never starts or ends at a break"),
        }
    }

    /// A number at `i`: digits, or number words ("vingt et un", "twenty-one").
    /// Returns the value and the index after it.
    fn number(&self, i: usize) -> Option<(u64, usize)> {
        let w = self.word(i)?;
        if w.chars().all(|c| c.is_ascii_digit()) {
            return w.parse().ok().map(|v| (v, i + 1));
        }
        let g = &self.reference.grammar;
        let (mut total, mut j, mut any) = (0u64, i, false);
        loop {
            // Two-word number names first ("quatre vingt"); they start with a
            // number word, so no string is built for any other word.
            let one = self.lex(j).and_then(|l| l.number).map(|v| (v, 1));
            let two = match (one, self.word(j), self.word(j + 1)) {
                (Some(_), Some(a), Some(b)) => g.number(self.lang, &format!("{a} {b}")).map(|v| (v, 2)),
                _ => None,
            };
            match two.or(one) {
                Some(((v, mul), n)) => {
                    total = if mul { total.max(1) * v } else { total + v };
                    j += n;
                    any = true;
                }
                None if any && self.is(j, Role::Joiner) && self.word(j) != Some(",") => {
                    // "vingt et un", "one hundred and five"
                    let next = self.lex(j + 1).and_then(|l| l.number);
                    if next.is_none() {
                        break;
                    }
                    j += 1;
                }
                None => break,
            }
        }
        any.then_some((total, j))
    }
}

/// Resolves the members of one article and checks its claims.
///
/// `date` is the date memberships are read at (the article's date, or the
/// run's `--as-of`); without one, group phrases cannot be expanded.
pub fn resolve(
    text: &str,
    folded: &Folded,
    mentions: &mut [Mention],
    member_nouns: &[(usize, usize)],
    lang: &str,
    date: Option<NaiveDate>,
    reference: &Reference,
) -> Resolution {
    let windows = windows(&folded.text, mentions, member_nouns);
    if windows.is_empty() {
        return Resolution::default();
    }
    let units = units(&folded.text, mentions, &windows, reference.grammar.lexicon(lang));
    settle_by_article(mentions);
    let ctx = Ctx::new(units, mentions, reference, lang);
    let runs = enumerations(&ctx);
    let units = ctx.units;
    settle_in_enumerations(&runs, mentions, reference);
    let mentions: &[Mention] = mentions;
    let ctx = Ctx::new(units, mentions, reference, lang);
    let mut members: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();

    // Enumerations: runs of country mentions joined only by joiners and articles.
    let mention_units: Vec<usize> = (0..ctx.units.len())
        .filter(|&i| matches!(ctx.units[i], Unit::Mention(_)))
        .collect();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, members: &mut BTreeMap<String, BTreeSet<String>>| {
        if run.len() >= 3 {
            for &u in run.iter() {
                let Unit::Mention(m) = ctx.units[u] else { continue };
                if mentions[m].kind == MentionKind::Country {
                    members
                        .entry(mentions[m].codes[0].clone())
                        .or_default()
                        .insert("list".into());
                }
            }
        }
        run.clear();
    };
    for &u in &mention_units {
        let Unit::Mention(m) = ctx.units[u] else { continue };
        if mentions[m].kind == MentionKind::Group {
            flush(&mut run, &mut members);
            continue;
        }
        if let Some(&prev) = run.last() {
            if !ctx.joined(prev, u) {
                flush(&mut run, &mut members);
            }
        }
        run.push(u);
    }
    flush(&mut run, &mut members);

    // Group phrases naming a group's members.
    if let Some(date) = date {
        for &u in &mention_units {
            let Some(group) = ctx.group_at(u) else { continue };
            if negated_before(&ctx, u) {
                continue;
            }
            let after = ctx.is(u + 1, Role::MemberNoun);
            let before = {
                let mut i = u;
                while i > 0 && ctx.is(i - 1, Role::Article) {
                    i -= 1;
                }
                i > 1 && ctx.is(i - 1, Role::Of) && ctx.is(i - 2, Role::MemberNoun)
            };
            if after || before {
                for iso3 in reference.members_on(group, date) {
                    members
                        .entry(iso3.to_string())
                        .or_default()
                        .insert(format!("group:{group}"));
                }
            }
        }
    }

    let members: Vec<Member> = members
        .into_iter()
        .map(|(iso3, basis)| Member { iso3, basis })
        .collect();
    let claims = claims(text, folded, &ctx, &members, date);
    Resolution { members, claims }
}

/// Enumerations: runs of three or more country (or ambiguous) mentions
/// joined only by joiners ("," "et" "and") and articles. Returns mention
/// indices.
fn enumerations(ctx: &Ctx) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new(); // (unit, mention)
    let mut flush = |run: &mut Vec<(usize, usize)>| {
        if run.len() >= 3 {
            out.push(run.iter().map(|&(_, m)| m).collect());
        }
        run.clear();
    };
    for (u, unit) in ctx.units.iter().enumerate() {
        let Unit::Mention(m) = *unit else { continue };
        if !matches!(
            ctx.mentions[m].kind,
            MentionKind::Country | MentionKind::Ambiguous
        ) {
            flush(&mut run);
            continue;
        }
        if let Some(&(prev, _)) = run.last() {
            if !ctx.joined(prev, u) {
                flush(&mut run);
            }
        }
        run.push((u, m));
    }
    flush(&mut run);
    out
}

fn settle(m: &mut Mention, code: String) {
    m.settled_from = std::mem::take(&mut m.codes);
    m.codes = vec![code];
    m.kind = MentionKind::Country;
}

/// An ambiguous name settles to the one candidate the same article names
/// unambiguously ("le Congo" after "la République démocratique du Congo").
/// When the article names none or several of them, it stays ambiguous.
fn settle_by_article(mentions: &mut [Mention]) {
    let named: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Country)
        .map(|m| m.codes[0].clone())
        .collect();
    for m in mentions.iter_mut().filter(|m| m.kind == MentionKind::Ambiguous) {
        let hits: Vec<&String> = m.codes.iter().filter(|c| named.contains(*c)).collect();
        if let [one] = hits[..] {
            let one = one.clone();
            settle(m, one);
        }
    }
}

/// Inside an enumeration of countries, an ambiguous name with exactly one
/// candidate that is a country settles to it ("Georgia" among "Albania,
/// Australia, ..." is the country, not the US state).
fn settle_in_enumerations(runs: &[Vec<usize>], mentions: &mut [Mention], reference: &Reference) {
    for &m in runs.iter().flatten() {
        if mentions[m].kind != MentionKind::Ambiguous {
            continue;
        }
        let countries: Vec<&String> = mentions[m]
            .codes
            .iter()
            .filter(|c| reference.country(c).is_some())
            .collect();
        if let [one] = countries[..] {
            let one = one.clone();
            settle(&mut mentions[m], one);
        }
    }
}

/// "non UE", "hors de l'UE", "non-EU": a negation before the group, over
/// articles and "of" words.
fn negated_before(ctx: &Ctx, u: usize) -> bool {
    let mut i = u;
    while i > 0 && (ctx.is(i - 1, Role::Article) || ctx.is(i - 1, Role::Of)) {
        i -= 1;
    }
    i > 0 && ctx.is(i - 1, Role::Negation)
}

fn claims(text: &str, folded: &Folded, ctx: &Ctx, members: &[Member], date: Option<NaiveDate>) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut count = crate::normalize::CharCounter::new(text);
    let mut i = 0;
    while i < ctx.units.len() {
        let Some((stated, j)) = ctx.number(i) else {
            i += 1;
            continue;
        };
        if stated < 2 {
            i = j;
            continue;
        }
        let (subject, end) = if ctx.is(j, Role::MemberNoun) {
            let k = ctx.skip(j, &[Role::MemberNoun]);
            if ctx.is(k, Role::Negation) {
                let g = ctx.skip(k + 1, &[Role::MemberNoun, Role::Of, Role::Article]);
                match ctx.group_at(g) {
                    Some(gr) => (Subject::NotGroup(gr.to_string()), g + 1),
                    None => (Subject::All, k),
                }
            } else if ctx.is(k, Role::Of) {
                let g = ctx.skip(k + 1, &[Role::Article]);
                match ctx.group_at(g) {
                    Some(gr) => (Subject::Group(gr.to_string()), g + 1),
                    None => (Subject::All, k),
                }
            } else {
                (Subject::All, k)
            }
        } else if let Some(gr) = ctx.group_at(j).filter(|_| ctx.is(j + 1, Role::MemberNoun)) {
            (
                Subject::Group(gr.to_string()),
                ctx.skip(j + 1, &[Role::MemberNoun]),
            )
        } else if ctx.is(j, Role::Negation) {
            match ctx.group_at(j + 1).filter(|_| ctx.is(j + 2, Role::MemberNoun)) {
                Some(gr) => (
                    Subject::NotGroup(gr.to_string()),
                    ctx.skip(j + 2, &[Role::MemberNoun]),
                ),
                None => {
                    i = j;
                    continue;
                }
            }
        } else {
            i = j;
            continue;
        };
        let resolved = if members.is_empty() {
            None
        } else {
            match (&subject, date) {
                (Subject::All, _) => Some(members.len() as u64),
                (Subject::Group(g), Some(d)) => Some(
                    members
                        .iter()
                        .filter(|m| ctx.reference.is_member(g, &m.iso3, d))
                        .count() as u64,
                ),
                (Subject::NotGroup(g), Some(d)) => Some(
                    members
                        .iter()
                        .filter(|m| !ctx.reference.is_member(g, &m.iso3, d))
                        .count() as u64,
                ),
                (_, None) => None,
            }
        };
        let status = match resolved {
            None => ClaimStatus::Unverifiable,
            Some(r) if r == stated => ClaimStatus::Consistent,
            Some(_) => ClaimStatus::Inconsistent,
        };
        let (s, _) = ctx.span(i);
        let (_, e) = ctx.span(end - 1);
        let (b0, b1) = folded.orig_bytes(s, e);
        out.push(Claim {
            quote: text[b0..b1].to_string(),
            start: count.chars_to(b0),
            stated,
            subject,
            resolved,
            status,
        });
        i = end;
    }
    out
}
