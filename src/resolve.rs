//! Resolving country sets: from the mentions of one article to the sets of
//! countries it describes, who their members are, and whether the counts it
//! states hold.
//!
//! The article is read as a stream of units: words of the folded text, with
//! each mention standing as one unit. One pass finds the runs of country
//! names (lists) and the phrases that introduce a set: a count on a noun
//! that can mean countries ("48 pays", "the 13-nation OPEC"), a group phrase
//! ("les pays de l'UE", "EU member states"), an anaphora ("les deux pays").
//! Then each set takes the members the text ties to it: a list after a
//! marker (":", "dont", "including"), the group expanded as of the date with
//! its restriction ("21 Etats non UE"), the countries just named, the sets it
//! is made of ("les 27 Etats membres de l'UE et 21 Etats non UE") or the same
//! count taken up elsewhere. Sets nest; coverage and status follow
//! `shared/sets-guideline.md`. The words this reads come from `grammar.csv`.

use crate::extract::{Mention, MentionKind};
use crate::normalize::{is_word_char, word_end, Folded};
use crate::reference::{Demonym, Historical, Lex, Lexicon, Reference, RoleBits};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// How a set is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    /// A number on a noun for countries ("48 pays", "five-nation").
    Count,
    /// Three or more countries named in a row.
    List,
    /// A group's members without a number ("les pays de l'UE").
    Group,
    /// The countries just named ("les deux pays", "both countries").
    Anaphora,
    /// Two sets joined ("les 27 Etats membres de l'UE et 21 Etats non UE").
    Union,
}

/// How much of a set the text identifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Every member identified.
    Complete,
    /// Some named (an inclusive marker, or fewer names than stated).
    Partial,
    /// No member identified.
    None,
}

/// Whether a stated count holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Consistent,
    /// Partly named, never more than stated: not a contradiction.
    Partial,
    Inconsistent,
    Unverifiable,
}

/// A set's relation to its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restriction {
    /// The group's members ("27 Etats membres de l'UE").
    In,
    /// Countries outside it ("21 Etats non UE").
    NotIn,
}

macro_rules! names {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),* }
            }
        }
    };
}
names!(SetKind { Count => "count", List => "list", Group => "group", Anaphora => "anaphora", Union => "union" });
names!(Coverage { Complete => "complete", Partial => "partial", None => "none" });
names!(Status { Consistent => "consistent", Partial => "partial", Inconsistent => "inconsistent", Unverifiable => "unverifiable" });
names!(Restriction { In => "in", NotIn => "not_in" });

/// A country of a set, with how it came in.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub iso3: String,
    /// `list` (named), `group:EU` (expanded from a group), `anaphora`, or several.
    pub basis: BTreeSet<String>,
}

/// One set of countries the article describes.
#[derive(Debug, Clone, PartialEq)]
pub struct CountrySet {
    /// Code point offsets of the quote in the original text.
    pub start: usize,
    pub end: usize,
    /// The count phrase, the group phrase, the anaphora or the list, as written.
    pub quote: String,
    pub kind: SetKind,
    /// The number the text states, if any.
    pub stated: Option<u64>,
    pub group: Option<String>,
    pub restriction: Option<Restriction>,
    pub coverage: Coverage,
    /// The members identified, by ISO alpha-3 code.
    pub members: Vec<Member>,
    /// `None` when nothing is stated.
    pub status: Option<Status>,
    /// Index in [`Resolution::sets`] of the set that contains this one.
    pub parent: Option<usize>,
}

/// The sets of one article, in text order.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub sets: Vec<CountrySet>,
}

impl Resolution {
    /// The sets no other set contains: the article-level view.
    pub fn top_level(&self) -> impl Iterator<Item = &CountrySet> {
        self.sets.iter().filter(|s| s.parent.is_none())
    }

    /// The distinct countries of the top-level sets.
    pub fn top_members(&self) -> BTreeSet<&str> {
        self.top_level()
            .flat_map(|s| s.members.iter().map(|m| m.iso3.as_str()))
            .collect()
    }
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
fn windows(
    folded: &str,
    mentions: &[Mention],
    member_nouns: &[(usize, usize)],
    capitals: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut anchors: Vec<(usize, usize)> = mentions.iter().map(|m| (m.folded_start, m.folded_end)).collect();
    anchors.extend_from_slice(member_nouns);
    anchors.extend_from_slice(capitals);
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

/// The capitals named three in a row, close together ("Paris, Berlin et
/// Londres"): the only ones the resolver reads for (a run of capitals needs
/// three); a capital named alone opens no window.
fn capital_clusters(capitals: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut keep = vec![false; capitals.len()];
    for (i, w) in capitals.windows(3).enumerate() {
        if w[2].0 - w[0].1 <= CAPITAL_CLUSTER {
            keep[i..i + 3].iter_mut().for_each(|k| *k = true);
        }
    }
    capitals
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| *c)
        .collect()
}

/// How many folded bytes may stand between the first of three capitals and
/// the last ("Londres, Paris ou encore Madrid").
const CAPITAL_CLUSTER: usize = 48;

/// The units of the windows, in order, with a [`Unit::Break`] between two
/// windows so that nothing reads across the unread text between them.
fn units<'a>(
    folded: &'a str,
    mentions: &[Mention],
    windows: &[(usize, usize)],
    lexicon: Option<&Lexicon>,
) -> Vec<Unit<'a>> {
    // About a unit every five bytes of prose: sized once, not grown.
    let mut out = Vec::with_capacity(windows.iter().map(|(s, e)| e - s).sum::<usize>() / 5 + windows.len());
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

/// The quotation marks [`tokenize`] passes over.
const QUOTES: [char; 6] = ['"', '«', '»', '“', '”', '„'];

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
        // Quotation marks are no unit: a phrase reads the same quoted
        // ("parmi les \"cinq premiers pays du monde\"").
        if c == ' ' || QUOTES.contains(&c) {
            i += len;
        } else if is_word_char(c) {
            let mut j = word_end(folded, i);
            if mi < mentions.len() && mentions[mi].folded_start < j {
                j = mentions[mi].folded_start;
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
    ListFiller,
    MemberNoun,
    CountryNoun,
    PartnerNoun,
    Negation,
    Of,
    Definite,
    Demonstrative,
    Possessive,
    Both,
    SetApart,
    Other,
    Among,
    CountBlocker,
    FunctionWord,
    AnaphoraNoun,
    Contracted,
    MemberWord,
    EventNoun,
    CompanyNoun,
    BodyNoun,
    TerritoryNoun,
    MemberAdjective,
    Constituent,
    RegionAdjective,
    Singular,
    Degree,
    ItemData,
    Alternative,
    PartAdjective,
    Restrictive,
    Locative,
    BoardNoun,
    Composing,
    PeopleNoun,
    RangeTo,
}

impl Role {
    const ALL: [Role; 38] = [
        Role::Article,
        Role::Joiner,
        Role::ListFiller,
        Role::MemberNoun,
        Role::CountryNoun,
        Role::PartnerNoun,
        Role::Negation,
        Role::Of,
        Role::Definite,
        Role::Demonstrative,
        Role::Possessive,
        Role::Both,
        Role::SetApart,
        Role::Other,
        Role::Among,
        Role::CountBlocker,
        Role::FunctionWord,
        Role::AnaphoraNoun,
        Role::Contracted,
        Role::MemberWord,
        Role::EventNoun,
        Role::CompanyNoun,
        Role::BodyNoun,
        Role::TerritoryNoun,
        Role::MemberAdjective,
        Role::Constituent,
        Role::RegionAdjective,
        Role::Singular,
        Role::Degree,
        Role::ItemData,
        Role::Alternative,
        Role::PartAdjective,
        Role::Restrictive,
        Role::Locative,
        Role::BoardNoun,
        Role::Composing,
        Role::PeopleNoun,
        Role::RangeTo,
    ];

    fn name(self) -> &'static str {
        match self {
            Role::Article => "article",
            Role::Joiner => "joiner",
            Role::ListFiller => "list_filler",
            Role::MemberNoun => "member_noun",
            Role::CountryNoun => "country_noun",
            Role::PartnerNoun => "partner_noun",
            Role::Negation => "negation",
            Role::Of => "of",
            Role::Definite => "definite",
            Role::Demonstrative => "demonstrative",
            Role::Possessive => "possessive",
            Role::Both => "both",
            Role::SetApart => "set_apart",
            Role::Other => "other",
            Role::Among => "among",
            Role::CountBlocker => "count_blocker",
            Role::FunctionWord => "function_word",
            Role::AnaphoraNoun => "anaphora_noun",
            Role::Contracted => "contracted",
            Role::MemberWord => "member_word",
            Role::EventNoun => "event_noun",
            Role::CompanyNoun => "company_noun",
            Role::BodyNoun => "body_noun",
            Role::TerritoryNoun => "territory_noun",
            Role::MemberAdjective => "member_adjective",
            Role::Constituent => "constituent",
            Role::RegionAdjective => "region_adjective",
            Role::Singular => "singular",
            Role::Degree => "degree",
            Role::ItemData => "item_data",
            Role::Alternative => "alternative",
            Role::PartAdjective => "part_adjective",
            Role::Restrictive => "restrictive",
            Role::Locative => "locative",
            Role::BoardNoun => "board_noun",
            Role::Composing => "composing",
            Role::PeopleNoun => "people_noun",
            Role::RangeTo => "range_to",
        }
    }
}

/// Which adjectives and capitals name countries for a set: all of them, or
/// not those of companies ("le groupe italo-américain"), for a noun that may
/// mean companies ("les deux partenaires"); or, for an anaphora that finds
/// too few, also the capitals named as places ("sa visite officielle à
/// Washington").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Adjectives {
    All,
    NotOfCompanies,
    WithPlaces,
}

/// Markers of several words ("à savoir", "such as"), read as phrases.
#[derive(Debug, Clone, Copy)]
enum Marker {
    /// Introduces every member: ":", "à savoir", "namely".
    List,
    /// Introduces some: "dont", "notamment", "including", "such as".
    Partial,
}

impl Marker {
    fn phrases(self) -> Phrases {
        match self {
            Marker::List => Phrases::ListMarker,
            Marker::Partial => Phrases::PartialMarker,
        }
    }
}

/// The roles the resolver reads as phrases of one or more words.
#[derive(Debug, Clone, Copy)]
enum Phrases {
    ListMarker,
    PartialMarker,
    Joiner,
    Region,
    Quantifier,
    Except,
    Genitive,
    OtherBody,
    Partitive,
    GroupBody,
    Approximate,
    KnownSet,
    Within,
    ListFiller,
    RangeVia,
    FollowedBy,
    Besides,
    OneOf,
}

impl Phrases {
    const ALL: [Phrases; 18] = [
        Phrases::ListMarker,
        Phrases::PartialMarker,
        Phrases::Joiner,
        Phrases::Region,
        Phrases::Quantifier,
        Phrases::Except,
        Phrases::Genitive,
        Phrases::OtherBody,
        Phrases::Partitive,
        Phrases::GroupBody,
        Phrases::Approximate,
        Phrases::KnownSet,
        Phrases::Within,
        Phrases::ListFiller,
        Phrases::RangeVia,
        Phrases::FollowedBy,
        Phrases::Besides,
        Phrases::OneOf,
    ];

    fn role(self) -> &'static str {
        match self {
            Phrases::ListMarker => "list_marker",
            Phrases::PartialMarker => "partial_marker",
            Phrases::Joiner => "joiner",
            Phrases::Region => "region",
            Phrases::Quantifier => "quantifier",
            Phrases::Except => "except",
            Phrases::Genitive => "genitive",
            Phrases::OtherBody => "other_body",
            Phrases::Partitive => "partitive",
            Phrases::GroupBody => "group_body",
            Phrases::Approximate => "approximate",
            Phrases::KnownSet => "known_set",
            Phrases::Within => "within",
            Phrases::ListFiller => "list_filler",
            Phrases::RangeVia => "range_via",
            Phrases::FollowedBy => "followed_by",
            Phrases::Besides => "besides",
            Phrases::OneOf => "one_of",
        }
    }
}

struct Ctx<'t, 'a> {
    units: Vec<Unit<'t>>,
    mentions: &'a [Mention],
    reference: &'a Reference,
    lang: &'a str,
    text: &'a str,
    folded: &'a Folded,
    /// The language's grammar, looked up once.
    roles: LangRoles<'a>,
    /// Where sentences end in the original text ([`sentence_ends`]), found
    /// on first need.
    ends: std::cell::OnceCell<Vec<(usize, usize)>>,
}

/// What a language's grammar says, looked up once per article: each
/// [`Role`]'s bit in [`Lex::roles`], whether adjectives follow the noun,
/// and the phrases of each [`Phrases`] role.
#[derive(Clone, Copy)]
struct LangRoles<'a> {
    bits: [RoleBits; Role::ALL.len()],
    adjectives_after: bool,
    phrases: [&'a [Vec<String>]; Phrases::ALL.len()],
    /// Each [`Phrases`] role's bit in [`Lex::starts`].
    phrase_bits: [RoleBits; Phrases::ALL.len()],
}

impl<'a> LangRoles<'a> {
    fn of(reference: &'a Reference, lang: &str) -> LangRoles<'a> {
        // The same for every article: found once among the role names.
        static BITS: std::sync::OnceLock<[RoleBits; Role::ALL.len()]> = std::sync::OnceLock::new();
        // Each phrase role's bit in `Lex::starts` and its place in `ROLES`,
        // which is its place in the grammar's table of phrases.
        static PHRASES: std::sync::OnceLock<[(RoleBits, usize); Phrases::ALL.len()]> =
            std::sync::OnceLock::new();
        let table = reference.grammar.role_phrases(lang);
        let phrases = PHRASES.get_or_init(|| {
            Phrases::ALL.map(|p| {
                let bit = crate::reference::phrase_bit(p.role());
                assert!(bit != 0, "`{}` is not in reference::PHRASE_ROLES", p.role());
                let place = crate::reference::role_index(p.role());
                (
                    bit,
                    place.unwrap_or_else(|| panic!("`{}` is not in reference::ROLES", p.role())),
                )
            })
        });
        LangRoles {
            bits: *BITS.get_or_init(|| {
                Role::ALL.map(|r| {
                    let bit = crate::reference::role_bit(r.name());
                    assert!(bit != 0, "`{}` is not in reference::ROLES", r.name());
                    bit
                })
            }),
            adjectives_after: reference.grammar.has_role(lang, "adjectives_after"),
            phrase_bits: phrases.map(|(bit, _)| bit),
            phrases: phrases.map(|(_, place)| table.get(place).map_or(&[][..], Vec::as_slice)),
        }
    }
}

impl<'t, 'a> Ctx<'t, 'a> {
    fn new(
        units: Vec<Unit<'t>>,
        mentions: &'a [Mention],
        reference: &'a Reference,
        lang: &'a str,
        text: &'a str,
        folded: &'a Folded,
        roles: LangRoles<'a>,
    ) -> Ctx<'t, 'a> {
        Ctx {
            units,
            mentions,
            reference,
            lang,
            text,
            folded,
            roles,
            ends: std::cell::OnceCell::new(),
        }
    }

    /// Where sentences end in the original text, with how far each needs
    /// the text to reach ([`sentence_ends`]).
    fn sentence_ends(&self) -> &[(usize, usize)] {
        self.ends.get_or_init(|| sentence_ends(self.text))
    }

    /// Sentence ends between two byte offsets of the original text.
    fn sentences_between(&self, a: usize, b: usize) -> usize {
        let ends = self.sentence_ends();
        ends.partition_point(|&(e, _)| e < b) - ends.partition_point(|&(e, _)| e < a)
    }

    /// Sentence ends between units `a` and `b` (in either order).
    fn sentences_apart(&self, a: usize, b: usize) -> usize {
        let at = |u: usize| self.folded.orig_byte(self.span(u).0);
        self.sentences_between(at(a.min(b)), at(a.max(b)))
    }

    /// Whether units `a` and `b` stand in one sentence.
    fn one_sentence(&self, a: usize, b: usize) -> bool {
        self.sentences_apart(a, b) == 0
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.units.get(i) {
            Some(Unit::Word { text, .. }) => Some(text),
            _ => None,
        }
    }

    /// The word at unit `i` as the original text writes it (not a mention).
    fn original_word(&self, i: usize) -> Option<&'a str> {
        let Some(Unit::Word { start, end, .. }) = self.units.get(i) else {
            return None;
        };
        let (a, b) = self.folded.orig_bytes(*start, *end);
        self.text.get(a..b)
    }

    /// Whether unit `i` is a name: a mention, or a word written with a
    /// capital ("de l'OMS", "of the Fund"), not "de mettre".
    fn names_at(&self, i: usize) -> bool {
        matches!(self.units.get(i), Some(Unit::Mention(_))) || self.proper_at(i)
    }

    /// Whether the word at `i` starts with a capital ("Association", "CPA").
    fn proper_at(&self, i: usize) -> bool {
        self.original_word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Whether word `i` is written in title case in the original text
    /// ("Nations": a name's word; not "nations", nor a headline's "NATIONS").
    fn title_case(&self, i: usize) -> bool {
        let mut chars = self.original_word(i).unwrap_or("").chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        match self.units.get(i) {
            Some(Unit::Word { lex, .. }) => Some(*lex),
            _ => None,
        }
    }

    fn is(&self, i: usize, role: Role) -> bool {
        self.lex(i)
            .is_some_and(|l| l.roles & self.roles.bits[role as usize] != 0)
    }

    fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        match self.units.get(i) {
            Some(Unit::Mention(m)) => Some(&self.mentions[*m]),
            _ => None,
        }
    }

    /// The code of the state named at unit `i` (not a territory, a group or
    /// a former state).
    fn state_at(&self, i: usize) -> Option<&'a str> {
        self.mention_at(i)
            .filter(|m| m.kind == MentionKind::Country)
            .map(|m| m.codes[0].as_str())
            .filter(|c| self.reference.is_state(c))
    }

    fn group_at(&self, i: usize) -> Option<&'a str> {
        self.mention_at(i)
            .filter(|m| m.kind == MentionKind::Group)
            .map(|m| m.codes[0].as_str())
    }

    /// The group at unit `i`, or the group a word in title case stands for
    /// by the first or last word of its name, or of another of its names
    /// when it is a noun for a body (grammar `body_noun`), named before in
    /// the article ("les 27 Etats membres de l'Union" after
    /// "l'Union européenne", "membres de l'Alliance" after "l'Otan",
    /// "membres du Conseil" after "le Conseil de sécurité", "the Council's 15
    /// members" after "the Security Council").
    fn group_or_short_at(&self, i: usize) -> Option<&'a str> {
        self.group_at(i).or_else(|| self.short_name_at(i, false))
    }

    /// The group a word in title case stands for by the first word of its
    /// name (`last_only` false) or its last, named before in the article.
    fn short_name_at(&self, i: usize, last_only: bool) -> Option<&'a str> {
        let Some(Unit::Word { text, start, .. }) = self.units.get(i) else {
            return None;
        };
        if !self.title_case(i) {
            return None;
        }
        let body = self.is(i, Role::BodyNoun);
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.kind == MentionKind::Group && m.folded_end <= *start)
            .find(|m| {
                // Its first word ("le Conseil" of "Conseil de sécurité"), or
                // its last ("the Council" of "Security Council", "the
                // Community" of "European Community").
                let name = &self.folded.text[m.folded_start..m.folded_end];
                let (first, last) = (name.split(' ').next(), name.rsplit(' ').next());
                (name.contains(' ') && ((!last_only && first == Some(*text)) || last == Some(*text)))
                    // Or of another of its names, a noun for a body
                    // ("l'Alliance" after "l'Otan").
                    || (body && self.reference.group_of_name_end(self.lang, text, &m.codes[0], last_only))
            })
            .map(|m| m.codes[0].as_str())
            .or_else(|| body.then(|| self.short_name_next(i, text, last_only)).flatten())
    }

    /// The group named next in the sentence of the body noun `text` at unit
    /// `i` that the noun starts or ends another name of ("Au nom des 27
    /// Etats membres de l'Union, le représentant de l'UE").
    fn short_name_next(&self, i: usize, text: &str, last_only: bool) -> Option<&'a str> {
        (i + 1..self.units.len().min(i + 60))
            .find_map(|g| self.group_at(g).map(|code| (g, code)))
            .filter(|&(g, code)| {
                named_within(self, i, g, 0)
                    && self.reference.group_of_name_end(self.lang, text, code, last_only)
            })
            .map(|(_, code)| code)
    }

    /// The group a name's last word stands for right before a noun for its
    /// members ("Community countries" after "the European Community"; not
    /// its first word: "European countries" are not the EU's).
    fn short_name_before_noun(&self, i: usize) -> Option<&'a str> {
        (self.is(i + 1, Role::MemberNoun) && self.word(i).is_some())
            .then(|| self.short_name_at(i, true))
            .flatten()
    }

    /// The group whose body ("Commission européenne", "Eurostat") starts
    /// at `i`.
    fn group_body_at(&self, i: usize) -> Option<&'a str> {
        let words = self.phrase_match(i, Phrases::GroupBody)?;
        self.reference.grammar.group_of_body(self.lang, words)
    }

    /// The name of an organisation of countries whose members the data does
    /// not hold at unit `i` ("ICO", "le FMI", "Covax"): its length in units.
    fn other_body_at(&self, i: usize) -> Option<usize> {
        // The phrase first: one bit says most words start none.
        self.phrase_at(i, Phrases::OtherBody)
            .filter(|_| self.proper_at(i))
    }

    /// Whether the mention at unit `u` restates the one at unit `of` in
    /// parentheses ("l'Union européenne (UE)", "la République démocratique
    /// du Congo (RDC)").
    fn restated(&self, u: usize, of: usize) -> bool {
        let code = |k: usize| self.mention_at(k).map(|m| &m.codes);
        u >= 1
            && self.word(u - 1) == Some("(")
            && self.word(u + 1) == Some(")")
            && code(u).is_some()
            && code(u) == code(of)
    }

    /// The noun of a group's name that names its members itself ("pays
    /// baltes", "États du Golfe", "Nordic countries"): a member noun
    /// first, or last and lowercase (not a title such as "Organization of
    /// American States").
    fn set_phrase(&self, i: usize) -> Option<Noun> {
        let g = self.group_at(i)?;
        if !self.reference.named_by_members(g) {
            return None;
        }
        let m = self.mention_at(i)?;
        let lexicon = self.reference.grammar.lexicon(self.lang)?;
        let is = |w: &str, role: Role| {
            lexicon
                .get(w)
                .is_some_and(|l| l.roles & self.roles.bits[role as usize] != 0)
        };
        let folded = &self.folded.text[m.folded_start..m.folded_end];
        let words: Vec<&str> = folded
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .collect();
        let first = words.first().copied().filter(|w| is(w, Role::MemberNoun));
        let last = words
            .last()
            .copied()
            .filter(|w| words.len() > 1 && is(w, Role::MemberNoun))
            .filter(|_| {
                let tail = m
                    .surface
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty());
                tail.is_some_and(|t| t.chars().next().is_some_and(char::is_lowercase))
            });
        // "permanent members of the Security Council": the second word.
        let second = words
            .get(1)
            .copied()
            .filter(|w| is(w, Role::MemberNoun) && m.surface.contains(*w));
        let w = first.or(last).or(second)?;
        Some(if is(w, Role::CountryNoun) {
            Noun::Country
        } else if is(w, Role::PartnerNoun) {
            Noun::Partner
        } else {
            Noun::Weak
        })
    }

    /// A country (or a name that may be one, a former state, or a group
    /// named among countries): an item of a list.
    fn item_at(&self, i: usize) -> bool {
        self.mention_at(i)
            .is_some_and(|m| m.kind != MentionKind::Organisation)
    }

    /// Whether the units strictly between `prev` and `u` join two items of
    /// a list: at least one joiner ("," "et" "ou" "mais"), and nothing but
    /// joiners, fillers ("aussi", "encore"), prepositions ("en Italie, en
    /// Espagne"), articles, partial markers ("notamment"), a region named
    /// in passing ("l'Amérique latine"), a short aside in parentheses
    /// ("l'Espagne (5,5%), le Royaume-Uni") and an item's figure ("le Brésil
    /// avec 141.406 morts, l'Inde", "Canada at 4.0 pct, Britain"). The
    /// second value: an inclusive marker stands in the gap.
    fn joined(&self, prev: usize, u: usize) -> Option<bool> {
        let gap = prev + 1..u;
        // A dash or a bullet alone between two countries, as in a list set
        // out one a line and glued ("la liste : - Algérie- Australie -
        // Canada"); a dash folds to a space. Not a hyphen between two names
        // (a match, "France-Espagne"), nor a dash after a group (its list).
        let countries = || self.group_at(prev).is_none() && self.group_at(u).is_none();
        if gap.is_empty() {
            return (countries() && self.item_separated(prev, u)).then_some(false);
        }
        // The same before an article ("- La Chine- L'Indonésie").
        if gap.clone().all(|a| self.is(a, Role::Article))
            && countries()
            && self.item_separated(prev, gap.start)
        {
            return Some(false);
        }
        let mut joiner = false;
        let mut partial = false;
        // "de la Chine à la Russie en passant par l'Ukraine": the two ends of
        // a range are items of the list its "en passant par" goes on with.
        let range_gap = gap
            .clone()
            .all(|a| self.is(a, Role::Of) || self.is(a, Role::Article) || self.is(a, Role::RangeTo));
        let mut i = gap.start;
        // An aside between dashes after an item ("les Etats-Unis - qui
        // restent de loin le pays le plus durement frappé - le Royaume-Uni"):
        // words only, in one sentence, passed over to the closing dash, which
        // joins.
        if countries() && self.dash(prev, gap.start) {
            let close = (gap.start + 1..=gap.end.min(gap.start + APPOSITION_MAX))
                .take_while(|&k| self.word(k - 1).is_some())
                .find(|&k| self.dash(k - 1, k));
            if let Some(k) = close.filter(|&k| self.one_sentence(gap.start, k)) {
                joiner = true;
                i = k;
            }
        }
        while i < gap.end {
            if let Some(n) = self.marker_at(i, Marker::Partial).filter(|n| i + n <= gap.end) {
                partial = true;
                // "ou encore" joins as it marks.
                joiner |= self.is(i, Role::Joiner);
                i += n;
                continue;
            }
            // A joiner of several words ("as well as", "ainsi que"), or the
            // phrase that goes on with a range ("en passant par").
            if let Some(n) = self
                .phrase_at(i, Phrases::Joiner)
                .filter(|&n| n > 1)
                .or_else(|| self.phrase_at(i, Phrases::RangeVia))
                .filter(|&n| i + n <= gap.end)
            {
                joiner = true;
                i += n;
                continue;
            }
            // An apposition after an item, set off by commas ("les
            // Etats-Unis, pays le plus touché au monde [...], le Brésil"):
            // words only, passed over to the gap's last comma.
            if i > gap.start && self.word(i - 1) == Some(",") && self.is(i, Role::CountryNoun) {
                let comma = (i + 1..gap.end.min(i + APPOSITION_MAX))
                    .rev()
                    .find(|&c| self.word(c) == Some(","));
                let words = |c: usize| (i..c).all(|a| self.word(a).is_some()) && self.one_sentence(i, c);
                if let Some(c) = comma.filter(|&c| words(c)) {
                    i = c;
                    continue;
                }
            }
            // A filler of several words ("la Turquie d'un côté, la France").
            if let Some(n) = self
                .phrase_at(i, Phrases::ListFiller)
                .filter(|&n| n > 1 && i + n <= gap.end)
            {
                i += n;
                continue;
            }
            if let Some(n) = self.phrase_at(i, Phrases::Region).filter(|n| i + n <= gap.end) {
                i += n;
                continue;
            }
            // A capital among the countries ("la Belgique, Paris, la Serbie"):
            // a city, passed over.
            if self.capital_at(i).is_some() {
                i += 1;
                continue;
            }
            if let Some(end) = self.past_figure(i, &gap) {
                i = end;
                continue;
            }
            if self.word(i) == Some("(") {
                let close = (i + 1..gap.end.min(i + 12)).find(|&k| self.word(k) == Some(")"))?;
                // Words only, or the group or country just named restated
                // ("l'Union européenne (UE), le Royaume-Uni", "la République
                // démocratique du Congo (RDC), Madagascar").
                let restated = close == i + 2 && self.restated(i + 1, prev);
                if !restated && (i + 1..close).any(|k| self.word(k).is_none()) {
                    return None;
                }
                i = close + 1;
                continue;
            }
            if self.is(i, Role::Joiner) {
                joiner = true;
            } else if !(self.is(i, Role::Article)
                || self.is(i, Role::ListFiller)
                || self.is(i, Role::Of)
                || self.is(i, Role::RangeTo))
            {
                return None;
            }
            i += 1;
        }
        joiner = joiner || (range_gap && self.range_goes_on(u));
        // A group before an inclusive marker is not an item: the countries
        // after it are some of its members ("de nombreux pays de l'Union
        // européenne, notamment le Royaume-Uni et l'Allemagne").
        if partial && self.group_at(prev).is_some() {
            return None;
        }
        joiner.then_some(partial)
    }

    /// Whether the phrase that goes on with a range ("en passant par")
    /// follows item `u` within [`RANGE_REACH`] units in its sentence, past
    /// items, joiners, "of" words and articles only ("de la France jusqu'en
    /// Australie et aux Etats-Unis, en passant par la Serbie").
    fn range_goes_on(&self, u: usize) -> bool {
        for k in u + 1..=u + RANGE_REACH {
            if self.phrase_at(k, Phrases::RangeVia).is_some() {
                return self.one_sentence(u, k);
            }
            let glue = self.is(k, Role::Joiner) || self.is(k, Role::Of) || self.is(k, Role::Article);
            if !(self.item_at(k) || glue) {
                return false;
            }
        }
        false
    }

    /// Whether a dash spaced on both sides stands alone between units `a`
    /// and `b` (" - ", " – ").
    fn dash(&self, a: usize, b: usize) -> bool {
        let unit = |i: usize| matches!(self.units.get(i), Some(Unit::Word { .. } | Unit::Mention(_)));
        if !(unit(a) && unit(b)) {
            return false;
        }
        let gap = self.gap_text(a, b);
        gap.trim().chars().all(|c| DASHES.contains(&c))
            && !gap.trim().is_empty()
            && gap.starts_with(char::is_whitespace)
            && gap.ends_with(char::is_whitespace)
    }

    /// Whether an item separator (a dash, a bullet) stands alone between
    /// units `a` and `b`: spaced after or on both sides, or glued on both in
    /// a list already set out with spaced ones ("- L'Indonésie- Oman-L'Inde").
    /// A hyphen glued on both sides is otherwise a compound ("France-Espagne").
    fn item_separated(&self, a: usize, b: usize) -> bool {
        // Not a dash spaced before and glued after, which opens a line
        // ("- Espagne et Italie -L'Italie a annoncé").
        let spaced = |a: usize, b: usize, glued: bool| {
            let gap = self.gap_text(a, b);
            let mark = gap.trim();
            let opens = gap.starts_with(char::is_whitespace) && !gap.ends_with(char::is_whitespace);
            !mark.is_empty()
                && !opens
                && (glued || mark.len() < gap.len())
                && self.reference.grammar.is_item_separator(self.lang, mark)
        };
        spaced(a, b, false) || (spaced(a, b, true) && a > 0 && self.item_at(a - 1) && spaced(a - 1, a, false))
    }

    /// Where an item's figure in the gap between two list items ends, when
    /// one starts at `i`: a word of `item_data`, a number, and words up to
    /// the next joiner ("avec 40.465 morts pour 284.868 cas"); a figure
    /// right after the item, as in a table written out ("the Netherlands
    /// 462,048 (532,299) and Belgium"); or a figure before the next item
    /// with its word ("1.466 en Albanie", "145 pour la Tanzanie").
    fn past_figure(&self, i: usize, gap: &std::ops::Range<usize>) -> Option<usize> {
        // Digits, or a number word ("Ivory Coast seven pct").
        let figure = |k: usize| {
            self.word(k)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                || self.lex(k).is_some_and(|l| l.number.is_some())
        };
        // A separator inside a number ("462,048") is no joiner.
        let inside = |k: usize| {
            k > 0
                && figure(k - 1)
                && figure(k + 1)
                && self.span(k - 1).1 == self.span(k).0
                && self.span(k).1 == self.span(k + 1).0
        };
        // "avec plus de 128.000 morts", "with about 40 pct"
        let number_at = i + 1 + self.phrase_at(i + 1, Phrases::Approximate).unwrap_or(0);
        let data = match (
            self.is(i, Role::ItemData) && figure(number_at),
            i == gap.start && figure(i),
        ) {
            (true, _) => Some(number_at + 1),
            (false, true) => Some(i + 1),
            _ => None,
        };
        if let Some(from) = data {
            let last = gap.end.min(i + ITEM_DATA_MAX);
            return Some(
                (from..last)
                    .find(|&k| self.word(k).is_none() || (self.is(k, Role::Joiner) && !inside(k)))
                    .unwrap_or(last),
            );
        }
        // A year after a locative is a date, not an item's figure ("en
        // Italie et enfin en 2019 aux Pays-Bas").
        let year = |k: usize| {
            self.word(k)
                .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        };
        if !figure(i) || (i > 0 && self.is(i - 1, Role::Locative) && year(i)) {
            return None;
        }
        let mut k = i + 1;
        while k < gap.end && (figure(k) || inside(k)) {
            k += 1;
        }
        if k < gap.end && self.is(k, Role::ItemData) {
            k += 1;
        }
        Some(k)
    }

    /// Skips units of the given roles from `i` forward.
    fn skip(&self, mut i: usize, roles: &[Role]) -> usize {
        while roles.iter().any(|r| self.is(i, *r)) {
            i += 1;
        }
        i
    }

    /// The capital the word at unit `i` is ("Paris", "Londres"), with its
    /// country.
    fn capital_at(&self, i: usize) -> Option<&'a Demonym> {
        self.word(i)
            .and_then(|w| self.reference.demonym(self.lang, w))
            .filter(|d| d.capital)
    }

    /// Whether a capital at folded byte `start` stands for its state ("Tokyo
    /// and Bonn", "Riyad et Abou Dhabi"), not a place or an event: not after
    /// an article or "de"/"of"/"in" ("à Paris", "le Club de Paris", "the
    /// Paris club"), nor before a word in title case ("the Tokyo Summit").
    fn capital_names_state(&self, start: usize, len: usize) -> bool {
        let text = &self.folded.text;
        let before = text[..start].trim_end();
        let prev = before
            .rsplit(|c: char| !(is_word_char(c) || c == '\''))
            .next()
            .unwrap_or("");
        let lexicon = self.reference.grammar.lexicon(self.lang);
        let roles = [Role::Article, Role::Of, Role::Definite, Role::Contracted]
            .iter()
            .fold(0, |acc, r| acc | self.roles.bits[*r as usize]);
        if lexicon
            .and_then(|l| l.get(prev))
            .is_some_and(|l| l.roles & roles != 0)
        {
            return false;
        }
        let end = self.folded.orig_byte(start + len);
        let mut next = self.text[end..].chars();
        !(next.next() == Some(' ') && next.next().is_some_and(char::is_uppercase))
    }

    /// A marker (one or more words of `grammar.csv`) at `i`: its length in units.
    fn marker_at(&self, i: usize, marker: Marker) -> Option<usize> {
        self.phrase_at(i, marker.phrases())
    }

    /// A word or phrase of `role` at `i`: its length in units (the longest).
    fn phrase_at(&self, i: usize, role: Phrases) -> Option<usize> {
        self.phrase_match(i, role).map(<[String]>::len)
    }

    /// The longest word or phrase of `role` at `i`, as its folded words.
    fn phrase_match(&self, i: usize, role: Phrases) -> Option<&'a [String]> {
        // Most words start no phrase of the role: one bit says so.
        if self.lex(i)?.starts & self.roles.phrase_bits[role as usize] == 0 {
            return None;
        }
        self.roles.phrases[role as usize]
            .iter()
            .filter(|p| {
                p.iter()
                    .enumerate()
                    .all(|(k, w)| self.word(i + k) == Some(w.as_str()))
            })
            .max_by_key(|p| p.len())
            .map(Vec::as_slice)
    }

    /// For a former name of a state that only changed its name ("Zaire",
    /// "Burma" in 1987), the present country: what a set counts.
    fn renamed(&self, m: &'a Mention) -> Option<&'a str> {
        if m.kind != MentionKind::Historical {
            return None;
        }
        let h = self.reference.historical(&m.codes[0]).filter(|h| h.renamed)?;
        h.successors.first().map(String::as_str)
    }

    /// The folded text of units `from..to` (words and mentions).
    fn phrase_text(&self, from: usize, to: usize) -> &'a str {
        let (a, _) = self.span(from);
        let (_, b) = self.span(to - 1);
        &self.folded.text[a..b]
    }

    fn span(&self, i: usize) -> (usize, usize) {
        match self.units[i] {
            Unit::Word { start, end, .. } => (start, end),
            Unit::Mention(m) => (self.mentions[m].folded_start, self.mentions[m].folded_end),
            // A phrase starts and ends at a word or a mention: never here.
            Unit::Break => unreachable!("a phrase never starts or ends at a break"),
        }
    }

    /// The original text between units `a` and `b` (exclusive of both).
    fn gap_text(&self, a: usize, b: usize) -> &'a str {
        let (_, e) = self.span(a);
        let (s, _) = self.span(b);
        if s <= e {
            return "";
        }
        let (b0, b1) = self.folded.orig_bytes(e, s);
        &self.text[b0..b1]
    }

    /// The number in the name of the mention at `i` ("Group of Seven": 7).
    fn number_in_name(&self, i: usize) -> Option<u64> {
        let m = self.mention_at(i)?;
        let folded = &self.folded.text[m.folded_start..m.folded_end];
        folded.split(' ').find_map(|w| {
            w.parse::<u64>().ok().or_else(|| {
                self.reference
                    .grammar
                    .number(self.lang, w)
                    .filter(|v| !v.1)
                    .map(|v| v.0)
            })
        })
    }

    /// A number at `i`: digits, or number words ("vingt et un", "twenty-one");
    /// of two joined by "or" ("two or three", "deux ou trois"), the larger.
    /// Returns the value and the index after it.
    fn number(&self, i: usize) -> Option<(u64, usize)> {
        let (v, j) = self.one_number(i)?;
        if self.is(j, Role::Alternative) {
            if let Some((w, k)) = self.one_number(j + 1) {
                return Some((v.max(w), k));
            }
        }
        Some((v, j))
    }

    fn one_number(&self, i: usize) -> Option<(u64, usize)> {
        let w = self.word(i)?;
        if w.chars().all(|c| c.is_ascii_digit()) {
            return w.parse().ok().map(|v| (v, i + 1));
        }
        // Most words are no number: one look at the lexicon says so.
        self.lex(i)?.number?;
        let g = &self.reference.grammar;
        let (mut total, mut j, mut any) = (0u64, i, false);
        loop {
            // Two-word number names first ("quatre vingt"); the pair is built
            // only after a word that starts one.
            let lex = self.lex(j);
            let one = lex.and_then(|l| l.number).map(|v| (v, 1));
            let pair = one.is_some() && lex.is_some_and(|l| l.starts_number);
            let two = match (pair, self.word(j), self.word(j + 1)) {
                (true, Some(a), Some(b)) => g.number(self.lang, &format!("{a} {b}")).map(|v| (v, 2)),
                _ => None,
            };
            match two.or(one) {
                Some(((v, mul), n)) => {
                    total = if mul { total.max(1) * v } else { total + v };
                    j += n;
                    any = true;
                }
                None if any
                    && self.is(j, Role::Joiner)
                    && self.word(j) != Some(",")
                    && !self.is(j, Role::Alternative) =>
                {
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

/// What stands before a count's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Det {
    None,
    /// "les", "the".
    Definite,
    /// "ces", "these".
    Demonstrative,
    /// "ses", "leurs", "its", "their".
    Possessive,
    /// "des", "aux": an article with a preposition ("l'un des trois pays").
    Contracted,
}

/// What a count's noun can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Noun {
    /// Always countries when counted: "pays", "nations", "countries".
    Country,
    /// Countries only when the text ties them to a group or names them: "membres".
    Weak,
    /// The others of a group: "partenaires", "partners", "allies".
    Partner,
}

/// A run of list items (units of country, ambiguous or former-state
/// mentions), joined only by joiners; `partial` when an inclusive marker
/// ("ou encore", "notamment") stands inside.
#[derive(Debug)]
struct Run {
    items: Vec<usize>,
    partial: bool,
    attached: bool,
    /// The run this one is the countries of, after its group and a joiner
    /// of several words ([`inner_lists`]).
    within: Option<usize>,
    /// Countries named outside the run that a marker adds to it
    /// ([`added_to_runs`]: "outre", "followed by").
    added: Vec<usize>,
}

/// How many units an item's figure may take in a list ("avec 35.930 morts
/// (672.846 cas)" is twelve: a number's dot is a unit).
const ITEM_DATA_MAX: usize = 16;

/// How many words after a count an inclusive marker may stand.
const MARKER_REACH: usize = 8;

/// How many words after a count a list marker with its list may stand, in
/// the same sentence, when no other set phrase comes between.
const FURTHER_REACH: usize = 20;

/// At most this many sets an article (the first in text order).
pub const MAX_SETS: usize = 1000;

/// How many sets, nearest first, a set compares itself with (a count
/// taken up again, an anaphora's antecedent): bounded, so that a huge
/// article with thousands of sets stays linear.
const LINK_REACH: usize = 64;

/// How far back (folded bytes) an anaphora looks for adjectives and capitals.
const DEMONYM_REACH: usize = 600;

/// A set while it is being resolved: its units `from..to`.
#[derive(Debug, Clone)]
struct Draft {
    from: usize,
    to: usize,
    kind: SetKind,
    stated: Option<u64>,
    group: Option<String>,
    restriction: Option<Restriction>,
    det: Det,
    noun: Noun,
    /// Words qualify the noun before it ("les 15 plus gros pays de l'UE"): a part.
    qualified: bool,
    /// An unnamed part of its group ("some EC states"): only what is named
    /// of it are members.
    part: bool,
    /// "autres", "other": the countries besides those named before.
    other: bool,
    /// An attached list (a run) and whether its marker introduces every member.
    list: Option<(usize, bool)>,
    /// The countries a phrase names by itself (grammar `known_set`: "une
    /// solution à deux Etats" is Israel and Palestine).
    known: Option<Vec<String>>,
    children: Vec<usize>,
    parent: Option<usize>,
    members: BTreeMap<String, BTreeSet<String>>,
    coverage: Coverage,
    resolved: bool,
}

impl Draft {
    /// The adjectives that may name its countries: a noun that may mean
    /// companies ("partenaires", "membres") does not take a company's.
    fn adjectives(&self) -> Adjectives {
        match self.noun {
            Noun::Country => Adjectives::All,
            _ => Adjectives::NotOfCompanies,
        }
    }

    fn new(from: usize, to: usize, kind: SetKind) -> Draft {
        Draft {
            from,
            to,
            kind,
            stated: None,
            group: None,
            restriction: None,
            det: Det::None,
            noun: Noun::Country,
            qualified: false,
            part: false,
            other: false,
            list: None,
            known: None,
            children: Vec::new(),
            parent: None,
            members: BTreeMap::new(),
            coverage: Coverage::None,
            resolved: false,
        }
    }

    fn with_group(mut self, group: &str, restriction: Restriction) -> Draft {
        self.group = Some(group.to_string());
        self.restriction = Some(restriction);
        self
    }

    /// The count a union states through its parts (27 + 21 = 48).
    fn stated_sum(&self, drafts: &[Draft]) -> Option<u64> {
        match self.kind {
            SetKind::Union => self.children.iter().map(|&c| drafts[c].stated).sum(),
            _ => self.stated,
        }
    }
}

/// Where the scan found words the resolver reads around, besides the
/// mentions ([`crate::extract::Found`]): byte spans in the folded text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Anchors<'a> {
    /// Nouns for members, organisations without member data, group bodies.
    pub member_nouns: &'a [(usize, usize)],
    /// Capitals' names.
    pub capitals: &'a [(usize, usize)],
}

/// Resolves the sets of one article.
///
/// `date` is the date memberships are read at (the article's date, or the
/// run's `--as-of`); without one, groups cannot be expanded.
pub fn resolve(
    text: &str,
    folded: &Folded,
    mentions: &mut [Mention],
    anchors: Anchors,
    lang: &str,
    date: Option<NaiveDate>,
    reference: &Reference,
) -> Resolution {
    let member_nouns = anchors.member_nouns;
    let capitals = capital_clusters(anchors.capitals);
    let windows = windows(&folded.text, mentions, member_nouns, &capitals);
    if windows.is_empty() {
        return Resolution::default();
    }
    let units = units(&folded.text, mentions, &windows, reference.grammar.lexicon(lang));
    settle_by_article(mentions);
    // The lists are read once, before their ambiguous names settle (which
    // needs the mentions mutable); the context is made again after.
    let roles = LangRoles::of(reference, lang);
    let ctx = Ctx::new(units, mentions, reference, lang, text, folded, roles);
    let mut runs = runs(&ctx);
    runs.extend(capital_runs(&ctx));
    let inner = inner_lists(&ctx, &runs);
    runs.extend(inner);
    added_to_runs(&ctx, &mut runs);
    let units = ctx.units;
    settle_in_lists(&runs, &units, mentions, reference);
    // Without a noun for members, a group or a run of three, nothing makes a
    // set (most articles): the names are settled, the set rules not read.
    if member_nouns.is_empty()
        && !mentions.iter().any(|m| m.kind == MentionKind::Group)
        && runs.iter().all(|r| r.items.len() < 3)
    {
        return Resolution::default();
    }
    let ctx = Ctx::new(units, mentions, reference, lang, text, folded, roles);
    let mut drafts = phrases(&ctx);
    attach(&ctx, &mut drafts, &mut runs);
    unite(&ctx, &mut drafts);
    other_group_unions(&ctx, &mut drafts);
    list_sets(&ctx, &mut drafts, &runs);
    let mut unit_of = vec![None; ctx.mentions.len()];
    for (i, unit) in ctx.units.iter().enumerate() {
        if let Unit::Mention(m) = unit {
            unit_of[*m] = Some(i);
        }
    }
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&k| (drafts[k].from, k));
    let mut place = vec![0; drafts.len()];
    for (p, &k) in order.iter().enumerate() {
        place[k] = p;
    }
    let named_groups = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Group)
        .map(|m| m.codes[0].as_str())
        .collect();
    // A former state that the article names and that existed on its date
    // ("the Soviet Union" in 1987) is the state its capital and adjectives
    // name ("Moscow"); not one that was only renamed (Zaire: "Kinshasa" is
    // the country COD).
    let mut former: Vec<&Historical> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Historical)
        .filter_map(|m| reference.historical(&m.codes[0]))
        .filter(|h| !h.renamed && date.zip(h.until).is_some_and(|(d, u)| d <= u))
        .collect();
    former.sort_by_key(|h| h.id.as_str());
    former.dedup_by_key(|h| h.id.as_str());
    let mut solver = Solver {
        ctx: &ctx,
        runs: &runs,
        date,
        drafts,
        adjectives: std::cell::OnceCell::new(),
        unit_of,
        order,
        place,
        named_groups,
        former,
    };
    // Lists first: an anaphora may point at one ("Britain, the Netherlands
    // and West Germany ... these three countries").
    for pass_lists in [true, false] {
        for i in 0..solver.drafts.len() {
            if matches!(solver.drafts[i].kind, SetKind::List | SetKind::Union) == pass_lists {
                solver.solve(i);
            }
        }
    }
    solver.link_counts();
    finish(&ctx, solver.drafts)
}

/// A group joined to a phrase of the other members of another group
/// ("l'Union européenne et des autres pays membres de l'espace Schengen"):
/// the two make a union, the group a set of its own in it.
fn other_group_unions(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    for p in 0..drafts.len() {
        let d = &drafts[p];
        if !(d.kind == SetKind::Group
            && d.other
            && d.parent.is_none()
            && d.restriction == Some(Restriction::In))
        {
            continue;
        }
        let Some(before) = ctx.skip_back(d.from, &[Role::Other, Role::Of, Role::Contracted, Role::Article])
        else {
            continue;
        };
        let joined = ctx.is(before, Role::Joiner) && ctx.word(before) != Some(",");
        let Some((x, g)) = before
            .checked_sub(1)
            .filter(|_| joined)
            .and_then(|x| ctx.group_at(x).map(|g| (x, g)))
        else {
            continue;
        };
        if d.group.as_deref() == Some(g) {
            continue;
        }
        let first = drafts.len();
        drafts.push(Draft::new(x, x + 1, SetKind::Group).with_group(g, Restriction::In));
        let mut u = Draft::new(x, drafts[p].to, SetKind::Union);
        u.children = vec![first, p];
        drafts[first].parent = Some(first + 1);
        drafts[p].parent = Some(first + 1);
        drafts.push(u);
    }
}

/// Every run of three or more is a list set; one attached to a phrase
/// ("quatre pays : les Etats-Unis, le Brésil, le Mexique et l'Inde") is a set
/// of its own inside that phrase, with its marker's coverage. A group
/// phrase and a run joined to it make a union.
fn list_sets(ctx: &Ctx, drafts: &mut Vec<Draft>, runs: &[Run]) {
    let mut attached_to: Vec<Option<(usize, bool)>> = vec![None; runs.len()];
    for (p, d) in drafts.iter().enumerate() {
        if let Some((r, complete)) = d.list {
            attached_to[r].get_or_insert((p, complete));
        }
    }
    // A group phrase whose group starts a run ("les pays de l'UE et de
    // l'espace Schengen", "membres de l'Union européenne et de l'Otan"): the
    // phrase and what the run adds make a union.
    let phrase_of: BTreeMap<usize, usize> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.kind == SetKind::Group
                && d.restriction == Some(Restriction::In)
                && d.list.is_none()
                && d.parent.is_none()
                && !(d.part || d.other || d.qualified)
                && d.to > d.from
                && ctx.group_at(d.to - 1).is_some_and(|g| d.group.as_deref() == Some(g))
                // Not a group's partners: they leave out the country the
                // sentence is about ("ses alliés de l'Otan, et l'Egypte").
                && noun_class(ctx, d.from, d.to) != Noun::Partner
        })
        .map(|(p, d)| (d.to - 1, p))
        .collect();
    // The draft each run made, for the lists inside a union.
    let mut draft_of_run: Vec<Option<usize>> = vec![None; runs.len()];
    // Joined by a word ("et", "ou", "ainsi que"), not a comma alone: "les
    // membres de l'UE, la Chine" is a list of parties.
    let by_word =
        |a: usize, b: usize| (a + 1..b).any(|i| ctx.is(i, Role::Joiner) && ctx.word(i) != Some(","));
    for (k, run) in runs.iter().enumerate() {
        let (first, last) = (run.items[0], run.items[run.items.len() - 1]);
        let head = phrase_of
            .get(&first)
            .copied()
            .filter(|_| !run.attached && run.items.len() >= 2 && by_word(first, run.items[1]));
        // A country joined to a group phrase after it ("en Pologne et dans
        // les Etats baltes"): the union of the two.
        let tail = phrase_of.get(&last).copied().filter(|&p| {
            !run.attached
                && run.items.len() == 2
                && ctx.group_at(first).is_none()
                && drafts[p].from > first
                && by_word(first, last)
        });
        if run.items.len() < 3 && head.is_none() && tail.is_none() {
            continue;
        }
        let phrase_union = match (tail, head) {
            (Some(p), _) => Some((p, Draft::new(first, drafts[p].to, SetKind::Union))),
            (None, Some(p)) => Some((p, Draft::new(drafts[p].from, last + 1, SetKind::Union))),
            (None, None) => None,
        };
        if let Some((p, mut d)) = phrase_union {
            d.list = Some((k, !run.partial));
            drafts[p].parent = Some(drafts.len());
            draft_of_run[k] = Some(drafts.len());
            drafts.push(d);
            continue;
        }
        // Institutions, not members: a run of organisations only ("l'ONU,
        // l'Union européenne et l'Union africaine"), or one with fewer than
        // three items once a worldwide body is left out ("la médiation de
        // l'ONU, de l'Egypte et du Qatar").
        let group = |u: usize| ctx.group_at(u);
        let worldwide = |u: usize| group(u).is_some_and(|g| ctx.reference.worldwide(g));
        let institutions = run.items.iter().all(|&u| group(u).is_some())
            || run.items.iter().filter(|&&u| !worldwide(u)).count() < 3;
        if !run.attached && institutions {
            continue;
        }
        let (parent, complete) = match (run.attached, attached_to[k]) {
            (false, _) => (None, !run.partial),
            (true, Some((p, complete))) => (Some(p), complete && !run.partial),
            (true, None) => continue,
        };
        // A group among the countries makes a union ("l'UE, la Suisse et la Norvège").
        let kind = if run.items.iter().any(|&u| group(u).is_some() && !worldwide(u)) {
            SetKind::Union
        } else {
            SetKind::List
        };
        let mut d = Draft::new(run.items[0], run.items[run.items.len() - 1] + 1, kind);
        d.list = Some((k, complete));
        d.parent = parent.or_else(|| run.within.and_then(|w| draft_of_run[w]));
        draft_of_run[k] = Some(drafts.len());
        drafts.push(d);
    }
}

/// Runs of list items, in text order.
fn runs(ctx: &Ctx) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut open = false;
    for u in 0..ctx.units.len() {
        // A group or country restated in parentheses ("l'Union européenne
        // (UE)", "la République démocratique du Congo (RDC)") is not
        // another item.
        let restated = u >= 2 && ctx.restated(u, u - 2);
        if !ctx.item_at(u) || restated {
            continue;
        }
        let joined = match out.last() {
            Some(run) if open => ctx.joined(*run.items.last().expect("a run has items"), u),
            _ => None,
        };
        match (joined, out.last_mut()) {
            (Some(partial), Some(run)) => {
                run.items.push(u);
                run.partial |= partial;
            }
            _ => {
                out.push(Run {
                    items: vec![u],
                    partial: false,
                    attached: false,
                    within: None,
                    added: Vec::new(),
                });
                open = true;
            }
        }
    }
    out
}

/// For each run of three or more, the countries named outside it that a
/// marker adds to it: those right after "outre", "besides" before it in its
/// sentence ("Outre les Etats-Unis, la plateforme a été lancée au
/// Royaume-Uni, en Allemagne et au Japon"), or, when "followed by" stands
/// right before it (a ranking), the sentence's first countries
/// ("Japan has been the main source of assistance for China, followed by
/// West Germany, Canada, Italy, Australia and Britain"). Not to a run
/// attached to a phrase ([`Solver::list_members`]).
fn added_to_runs(ctx: &Ctx, runs: &mut [Run]) {
    let state = |u: usize| ctx.state_at(u).is_some();
    // The state at `x` and those joined to it after, before unit `end`.
    let joined_from = |x: usize, end: usize| {
        let mut out = vec![x];
        for u in x + 1..end {
            if state(u) && ctx.joined(*out.last().expect("one at least"), u).is_some() {
                out.push(u);
            }
        }
        out
    };
    for run in runs.iter_mut().filter(|r| r.items.len() >= 3) {
        let first = run.items[0];
        let from = first.saturating_sub(ADDED_REACH);
        let before = ctx
            .skip_back(first, &[Role::Article, Role::Of])
            .map_or(first, |p| p + 1);
        let followed = (1..=before.min(3)).any(|n| ctx.phrase_at(before - n, Phrases::FollowedBy) == Some(n));
        let added = if followed {
            (from..before)
                .find(|&u| state(u) && ctx.one_sentence(u, first))
                .map(|x| joined_from(x, before))
        } else {
            (from..first)
                .rev()
                .find(|&a| ctx.phrase_at(a, Phrases::Besides).is_some() && ctx.one_sentence(a, first))
                .and_then(|a| {
                    let x = ctx.skip(
                        a + ctx.phrase_at(a, Phrases::Besides)?,
                        &[Role::Article, Role::Of],
                    );
                    state(x).then(|| joined_from(x, first))
                })
        };
        run.added = added.unwrap_or_default();
    }
}

/// How many units before a run a marker that adds countries to it may
/// stand ([`added_to_runs`]).
const ADDED_REACH: usize = 40;

/// The countries of a run after its group and a joiner of several words,
/// three or more ("les États membres de l'UE, ainsi que l'Islande, la
/// Norvège et le Liechtenstein"): a list of their own inside the union.
fn inner_lists(ctx: &Ctx, runs: &[Run]) -> Vec<Run> {
    let mut out = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let Some(g) = run.items.iter().rposition(|&u| ctx.group_at(u).is_some()) else {
            continue;
        };
        let rest = &run.items[g + 1..];
        let set_off = rest.first().is_some_and(|&first| {
            (run.items[g] + 1..first).any(|i| ctx.phrase_at(i, Phrases::Joiner).is_some_and(|n| n > 1))
        });
        if rest.len() >= 3 && set_off {
            out.push(Run {
                items: rest.to_vec(),
                partial: rest.windows(2).any(|w| ctx.joined(w[0], w[1]) == Some(true)),
                attached: false,
                within: Some(k),
                added: Vec::new(),
            });
        }
    }
    out
}

/// Runs of three or more capitals standing for their states ("Paris,
/// Londres et Berlin ont condamné"): lists of governments. A capital among
/// countries is a city, passed over inside their run.
fn capital_runs(ctx: &Ctx) -> Vec<Run> {
    let capital = |u: usize| match ctx.units.get(u) {
        Some(Unit::Word { start, end, .. }) if ctx.title_case(u) => ctx
            .capital_at(u)
            .is_some_and(|d| ctx.reference.is_state(&d.code) && ctx.capital_names_state(*start, end - start)),
        _ => false,
    };
    // The joiner at `k`: its length, and whether it marks a part ("ou
    // encore"); one word, or a joiner of several ("ainsi que").
    let joint = |k: usize| -> Option<(usize, bool)> {
        let phrase = ctx.phrase_at(k, Phrases::Joiner);
        if !ctx.is(k, Role::Joiner) && phrase.is_none() {
            return None;
        }
        match ctx.marker_at(k, Marker::Partial) {
            Some(n) => Some((n, true)),
            None => Some((phrase.unwrap_or(1), false)),
        }
    };
    let mut out = Vec::new();
    let mut u = 0;
    while u < ctx.units.len() {
        // A joiner word after it first: a bit, before the lookups.
        if !(ctx.is(u + 1, Role::Joiner) && capital(u)) {
            u += 1;
            continue;
        }
        let (mut items, mut partial) = (vec![u], false);
        let mut k = u + 1;
        while let Some((n, part)) = joint(k).filter(|&(n, _)| capital(k + n)) {
            items.push(k + n);
            partial |= part;
            k += n + 1;
        }
        u = k;
        // Places, not governments: a run that goes on past a capital named
        // as a place ("à Berlin, Londres, Paris ou Rome") or to a city
        // ("jusqu'à Londres, Pretoria, Paris et même Sydney").
        let first = items[0];
        let place_before = first >= 2
            && joint(first - 1).is_some_and(|(n, _)| n == 1)
            && ctx.capital_at(first - 2).is_some();
        let city_after = joint(k).is_some_and(|(n, _)| {
            let w = ctx.skip(k + n, &[Role::ListFiller]);
            ctx.word(w).is_some() && ctx.title_case(w) && !capital(w)
        });
        if items.len() >= 3 && !place_before && !city_after {
            out.push(Run {
                items,
                partial,
                attached: false,
                within: None,
                added: Vec::new(),
            });
        }
    }
    out
}

/// Finds the count, group and anaphora phrases, in text order.
fn phrases(ctx: &Ctx) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut i = 0;
    // The organisation named last (and the unit where it was named), and
    // where another body was named last.
    let (mut seen, mut last, mut body) = (0, None, None);
    while i < ctx.units.len() {
        while seen < i {
            if ctx.group_at(seen).is_some() && of_other_body(ctx, seen) {
                // "le Conseil des droits de l'homme de l'ONU ... les Etats
                // membres": the body's members, not the organisation's.
                (last, body) = (None, Some(seen));
            } else if let Some(g) = ctx.group_at(seen).filter(|g| !ctx.reference.named_by_members(g)) {
                last = Some((g, seen));
            } else if let Some(g) = ctx.group_body_at(seen) {
                // "la Commission européenne ... les Etats membres"
                last = Some((g, seen));
            } else if ctx.other_body_at(seen).is_some() {
                // An organisation of countries whose members the data does
                // not hold ("the ICCO", "le FMI"): its "member countries"
                // are none of a group's.
                (last, body) = (None, Some(seen));
            }
            seen += 1;
        }
        if !may_start_phrase(ctx, i) {
            i += 1;
            continue;
        }
        if let Some(d) = known_set_at(ctx, i) {
            i = d.to;
            out.push(d);
            continue;
        }
        if let Some((part, whole)) = partitive_at(ctx, i) {
            // The part inside the whole it is counted out of.
            i = whole.to;
            let k = out.len();
            out.push(Draft {
                parent: Some(k + 1),
                ..part
            });
            out.push(whole);
            continue;
        }
        match count_at(ctx, i)
            .map(|d| implied_group(ctx, d, last))
            .or_else(|| group_phrase_at(ctx, i, Named { last, body }))
            .or_else(|| group_with_list_at(ctx, i))
            .or_else(|| other_body_countries_at(ctx, i))
        {
            Some(d) => {
                i = d.to;
                out.push(d);
            }
            None => i += 1,
        }
    }
    out
}

/// The countries of an organisation whose members the data does not hold
/// (`other_body`), with a noun for countries in the plural: "ICCO
/// countries", "other EMS countries", "le conseil des pays de l'AIEA",
/// "countries of the IMF". A group set with no code, its countries what a
/// list names of them.
fn other_body_countries_at(ctx: &Ctx, i: usize) -> Option<Draft> {
    if let Some(len) = ctx.other_body_at(i) {
        let n = i + len;
        let k = ctx.skip(n, &[Role::MemberNoun]);
        let countries = (n..k).any(|a| ctx.is(a, Role::CountryNoun)) && !ctx.is(k - 1, Role::Singular);
        return countries.then(|| Draft::new(i, k, SetKind::Group));
    }
    let singular = i.checked_sub(1).is_some_and(|p| ctx.is(p, Role::Singular));
    if !ctx.is(i, Role::CountryNoun) || ctx.is(i, Role::Singular) || singular {
        return None;
    }
    let x = ctx.skip(of_at(ctx, i + 1)?, &[Role::Article]);
    let len = ctx.other_body_at(x)?;
    Some(Draft::new(i, x + len, SetKind::Group))
}

/// A phrase that names its countries by itself (grammar `known_set`: "une
/// solution à deux Etats", "a two-state solution"): a count of them, each
/// named.
fn known_set_at(ctx: &Ctx, i: usize) -> Option<Draft> {
    let words = ctx.phrase_match(i, Phrases::KnownSet)?;
    let members = ctx.reference.grammar.known_set(ctx.lang, words)?;
    let mut d = Draft::new(i, i + words.len(), SetKind::Count);
    d.stated = Some(members.len() as u64);
    d.known = Some(members.to_vec());
    Some(d)
}

/// Whether a count, a partitive or a group phrase may start at unit `i`
/// (what each of them reads first): a mention, a number, a noun for
/// members, a negation or "both", a word before a noun for members (a
/// group's short name), or the first word of a phrase that names a set
/// (`known_set`) or an organisation without member data (`other_body`:
/// "Andean Pact countries"). Most words are none of these.
fn may_start_phrase(ctx: &Ctx, i: usize) -> bool {
    let roles = &ctx.roles.bits;
    let first =
        roles[Role::MemberNoun as usize] | roles[Role::Negation as usize] | roles[Role::Both as usize];
    let phrase = ctx.roles.phrase_bits[Phrases::KnownSet as usize]
        | ctx.roles.phrase_bits[Phrases::OtherBody as usize];
    match ctx.units.get(i) {
        Some(Unit::Mention(_)) => true,
        Some(Unit::Word { text, lex, .. }) => {
            lex.roles & first != 0
                || lex.starts & phrase != 0
                || lex.number.is_some()
                || text.bytes().all(|b| b.is_ascii_digit())
                || ctx.is(i + 1, Role::MemberNoun)
        }
        _ => false,
    }
}

/// A count of a bare member phrase ("les 27 États membres", "the 12 member
/// states") is of the organisation the article named last, within
/// [`IMPLIED_MAX`] sentences (the phrase without a number reaches further:
/// [`member_phrase`]); a count of others ("the other 11 states"), of the one
/// named before in its sentence.
fn implied_group(ctx: &Ctx, d: Draft, implied: Option<(&str, usize)>) -> Draft {
    let bare = d.kind == SetKind::Count
        && d.group.is_none()
        && d.noun == Noun::Weak
        && member_states(ctx, d.from, d.to);
    // "the other 11 states" after "EC farm expenditure" in its sentence:
    // the others of the organisation named there.
    let others = d.kind == SetKind::Count
        && d.group.is_none()
        && d.other
        && d.noun == Noun::Weak
        && (d.from..d.to).any(|a| ctx.is(a, Role::MemberNoun));
    let near = |g: usize| {
        (bare && named_within(ctx, g, d.from, IMPLIED_MAX)) || (others && named_within(ctx, g, d.from, 0))
    };
    match implied.filter(|&(_, g)| g < d.from && near(g)) {
        Some((g, _)) => d.with_group(g, Restriction::In),
        None => d,
    }
}

/// Whether at most `max` sentence ends stand between the organisation named
/// at unit `g` and unit `i` after it.
fn named_within(ctx: &Ctx, g: usize, i: usize, max: usize) -> bool {
    let (a, b) = ctx.folded.orig_bytes(ctx.span(g).1, ctx.span(i).0);
    let ends = ctx.sentence_ends();
    let from = ends.partition_point(|&(e, _)| e < a);
    ends[from..]
        .iter()
        .take_while(|&&(e, _)| e < b)
        .filter(|&&(_, need)| need <= b)
        .count()
        <= max
}

/// Where a description of countries counted out of ends, when one starts
/// at the "of" at unit `j`: "of the", an owner's genitive ("the world's",
/// "the region's") or adjectives (up to [`DESCRIPTION_ADJECTIVES`]) or
/// both, and a noun for countries ("of the least developed countries"; not
/// the noun alone, "160 of the nations pork producers"). A noun that needs a
/// tie ("states") only with an owner that is no country ("four of the
/// region's major debtor states"; not "three of the states with the
/// highest number of bank failures", nor "the country's states").
fn of_description(ctx: &Ctx, j: usize) -> Option<usize> {
    if !(ctx.is(j, Role::Of) && !ctx.is(j, Role::Locative) && ctx.is(j + 1, Role::Definite)) {
        return None;
    }
    let owner = j + 2;
    let genitive = ctx.phrase_at(owner + 1, Phrases::Genitive);
    // The owner of a genitive is a word, and no noun for a country ("the
    // country's states", "Brazil's states").
    if genitive.is_some() && (ctx.word(owner).is_none() || ctx.is(owner, Role::CountryNoun)) {
        return None;
    }
    let start = owner + genitive.map_or(0, |len| 1 + len);
    let genitive = genitive.is_some();
    let n = (start..=start + DESCRIPTION_ADJECTIVES)
        .take_while(|&a| adjective(ctx, a) || ctx.is(a, Role::MemberNoun))
        .find(|&a| ctx.is(a, Role::MemberNoun))?;
    // Described: not the noun alone ("160 of the nations pork producers").
    if n == owner {
        return None;
    }
    let k = ctx.skip(n, &[Role::MemberNoun]);
    let tied = genitive && (n..k).any(|a| ctx.is(a, Role::AnaphoraNoun));
    ((n..k).any(|a| ctx.is(a, Role::CountryNoun)) || tied).then_some(k)
}

/// How far after the end of a range its "en passant par" may stand.
const RANGE_REACH: usize = 8;

/// The adjectives a description counted out of may have before its noun.
const DESCRIPTION_ADJECTIVES: usize = 3;

/// "20 des 35 pays membres de l'OCDE", "19 of its 29 developing members":
/// a count of a part (its members unnamed unless a list names them), and
/// the count or group it is counted out of.
fn partitive_at(ctx: &Ctx, i: usize) -> Option<(Draft, Draft)> {
    let (stated, j) = ctx.number(i)?;
    // "20 des 35", "19 of its 29", "10 out of OPEC's 13".
    let of = match ctx.phrase_at(j, Phrases::Partitive) {
        Some(len) => len,
        None if ctx.is(j, Role::Of) => 1,
        None => return None,
    };
    if stated < 2 {
        return None;
    }
    let mut w = ctx.skip(j + of, &[Role::Article, Role::Definite, Role::Possessive]);
    // "OPEC's 13 members": the group's.
    let genitive = ctx.phrase_at(w + 1, Phrases::Genitive);
    let owner = genitive.and_then(|_| ctx.group_or_short_at(w));
    let at = w;
    if let (Some(_), Some(len)) = (owner, genitive) {
        w += 1 + len;
    }
    let Some(mut whole) = count_at(ctx, w) else {
        // "Four of the GCC states", "deux des membres du G7": a count of a
        // part of the group, its members what is named of it.
        let whole = group_phrase_at(
            ctx,
            w,
            Named {
                last: None,
                body: None,
            },
        )
        .filter(|g| g.kind == SetKind::Group && !g.part && !g.other)?;
        let g = whole.group.clone()?;
        let mut part = Draft::new(i, whole.to, SetKind::Count).with_group(&g, Restriction::In);
        part.stated = Some(stated);
        part.noun = Noun::Country;
        part.qualified = true;
        return Some((part, whole));
    };
    if let Some(g) = owner.filter(|_| whole.group.is_none()) {
        whole = whole.with_group(g, Restriction::In);
        whole.from = at;
    }
    if whole.stated.is_none_or(|n| n <= stated) {
        return None;
    }
    let mut part = Draft::new(i, whole.to, SetKind::Count);
    part.stated = Some(stated);
    // A part of a group's members is countries ("deux des quinze membres du
    // Conseil de sécurité").
    part.noun = match whole.group {
        Some(_) => Noun::Country,
        None => whole.noun,
    };
    part.part = true;
    Some((part, whole))
}

/// The unit after group `g` named at `i`, past the group restated in
/// parentheses ("Group of Seven (G-7) countries", "12 European Community
/// (EC) countries").
fn past_restated(ctx: &Ctx, i: usize, g: &str) -> usize {
    let after = match ctx.word(i + 1) == Some("(")
        && ctx.group_at(i + 2) == Some(g)
        && ctx.word(i + 3) == Some(")")
    {
        true => i + 4,
        false => i + 1,
    };
    // "the EC's members", "the EC's current members"; not "the EC's major
    // steel producing countries", a part.
    match ctx.phrase_at(after, Phrases::Genitive) {
        Some(len)
            if (0..2).any(|a| {
                ctx.is(after + len + a, Role::MemberNoun) && (0..a).all(|b| adjective(ctx, after + len + b))
            }) =>
        {
            after + len
        }
        _ => after,
    }
}

/// The member noun after a group's name, from `after`: past up to three
/// adjectives ("EC cocoa consuming nations"), or right after the name when
/// no noun follows them. Returns where the noun starts and ends.
fn noun_after_group(ctx: &Ctx, after: usize) -> (usize, usize) {
    let n = (after..after + 3)
        .take_while(|&a| adjective(ctx, a))
        .last()
        .map_or(after, |a| a + 1);
    match ctx.skip(n, &[Role::MemberNoun]) {
        k if k > n => (n, k),
        _ => (after, ctx.skip(after, &[Role::MemberNoun])),
    }
}

/// A word that may be an adjective in a noun phrase: no grammar role, letters.
fn adjective(ctx: &Ctx, i: usize) -> bool {
    ctx.lex(i).is_some_and(|l| {
        (l.roles == 0 || ctx.is(i, Role::RegionAdjective) || ctx.is(i, Role::PartAdjective))
            && l.number.is_none()
    }) && ctx
        .word(i)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic))
}

fn noun_class(ctx: &Ctx, from: usize, to: usize) -> Noun {
    if (from..to).any(|k| ctx.is(k, Role::CountryNoun)) {
        Noun::Country
    } else if (from..to).any(|k| ctx.is(k, Role::PartnerNoun)) {
        Noun::Partner
    } else {
        Noun::Weak
    }
}

/// A count at `i`: a number on a noun that can mean countries, with the
/// group it names and its restriction ("21 Etats non UE").
fn count_at(ctx: &Ctx, i: usize) -> Option<Draft> {
    let (stated, j) = ctx.number(i)?;
    // More than there are countries is not a count of countries ("1986",
    // "1,825 partners").
    if stated < 2 || stated > ctx.reference.countries.len() as u64 {
        return None;
    }
    // A name in brackets after the number: the group's ("the group of
    // seven (G-7) industrial nations"), or a short name of none ("the
    // Group of Five (G-5) industrial nations").
    let j = match bracketed(ctx, j) {
        Some((end, Some(g))) => {
            let (n, k) = noun_after_group(ctx, end);
            let mut d = Draft::new(i, k, SetKind::Count).with_group(g, Restriction::In);
            (d.stated, d.noun) = (Some(stated), noun_class(ctx, n, k));
            return (k > n).then_some(d);
        }
        Some((end, None)) => end,
        None => j,
    };
    // "autres", "other", before the number ("the other 26 members") or
    // among the words before the noun ("les 26 autres pays").
    let other_before = i.checked_sub(1).is_some_and(|p| ctx.is(p, Role::Other));
    let before = i.checked_sub(if other_before { 2 } else { 1 });
    let qualifier = |a: usize| adjective(ctx, a) || ctx.is(a, Role::Other);
    let det = match before {
        Some(p) if ctx.is(p, Role::Demonstrative) => Det::Demonstrative,
        Some(p) if ctx.is(p, Role::Possessive) => Det::Possessive,
        Some(p) if ctx.is(p, Role::Contracted) => Det::Contracted,
        Some(p) if ctx.is(p, Role::Definite) => Det::Definite,
        _ => Det::None,
    };
    let counted = |mut d: Draft, noun: Noun| {
        d.stated = Some(stated);
        d.det = det;
        d.noun = noun;
        d.other = other_before || (j..d.to).any(|a| ctx.is(a, Role::Other));
        Some(d)
    };
    // "22 des pays les plus pauvres", "deux des pays les plus réfractaires,
    // l'Allemagne et l'Espagne": some of a noun for countries, a count of
    // them.
    if ctx.is(j, Role::Contracted) && ctx.is(j + 1, Role::CountryNoun) {
        let k = ctx.skip(j + 1, &[Role::MemberNoun]);
        let e = superlative_after(ctx, k).unwrap_or(k);
        return counted(Draft::new(i, e, SetKind::Count), Noun::Country);
    }
    // "69 of the least developed countries", "62 of the world's poorest
    // countries": the same, in English.
    if let Some(e) = of_description(ctx, j) {
        return counted(Draft::new(i, e, SetKind::Count), Noun::Country);
    }
    // "27 EU member states", "12 EC cocoa consuming nations", "nine other EC states"
    let before_group = (j..j + 2).take_while(|&a| qualifier(a)).count();
    let at = j + before_group;
    // "12 Community member states": a group's short name before its noun.
    if let Some(g) = ctx.group_at(at).or_else(|| ctx.short_name_before_noun(at)) {
        let after = past_restated(ctx, at, g);
        let (n, k) = noun_after_group(ctx, after);
        // A number before a group alone is no count ("March 19 EC
        // ministers"), unless the group's name names its members ("deux
        // Etats baltes", "the six Gulf Arab countries").
        if k == n {
            let noun = ctx.set_phrase(j + before_group)?;
            return counted(
                Draft::new(i, after, SetKind::Count).with_group(g, Restriction::In),
                noun,
            );
        }
        return counted(
            Draft::new(i, k, SetKind::Count).with_group(g, Restriction::In),
            noun_class(ctx, n, k),
        );
    }
    // "21 non-EU countries"
    if ctx.is(j, Role::Negation) {
        let g = ctx.group_at(j + 1)?;
        let k = ctx.skip(j + 2, &[Role::MemberNoun]);
        return (k > j + 2)
            .then(|| Draft::new(i, k, SetKind::Count).with_group(g, Restriction::NotIn))
            .and_then(|d| counted(d, noun_class(ctx, j + 2, k)));
    }
    let n = count_noun_start(ctx, j)?;
    let (noun, k) = count_noun(ctx, i, j, n);
    // Words that qualify the noun, "autres"/"other" apart; on a noun that
    // needs a tie, only with the group it is part of ("the seven largest
    // members of the OECD").
    let qualified = (j..n).any(|a| !ctx.is(a, Role::Other));
    let of_group = ctx.is(k, Role::Of) && ctx.group_or_short_at(ctx.skip(k + 1, &[Role::Article])).is_some();
    // A partner noun qualified ("ses deux principaux partenaires
    // commerciaux") stays for the countries set off beside it; without them
    // it makes no set (`finish`).
    if qualified && !matches!(noun, Noun::Country | Noun::Partner) && !of_group {
        return None;
    }
    if names_an_event(ctx, i, n) {
        return None;
    }
    let counted = |d: Draft, noun: Noun| {
        counted(d, noun).map(|mut d| {
            d.qualified = qualified;
            d
        })
    };
    // Adjectives after a noun for countries ("six pays africains"), unless
    // they make it something else ("50 Etats américains").
    let mut e = k;
    if noun == Noun::Country && ctx.roles.adjectives_after {
        while e - k < 2 && adjective(ctx, e) {
            if ctx.is(e, Role::CountBlocker) {
                return None;
            }
            e += 1;
        }
    }
    if ctx.is(e, Role::CountBlocker) {
        return None;
    }
    if ctx.is(e, Role::Negation) {
        let g = ctx.skip(e + 1, &[Role::MemberNoun, Role::Of, Role::Article]);
        if let Some(gr) = ctx.group_at(g) {
            return counted(
                Draft::new(i, g + 1, SetKind::Count).with_group(gr, Restriction::NotIn),
                noun,
            );
        }
    } else if ctx.is(e, Role::Of) || ctx.is(e, Role::Composing) {
        // "20 pays composant le G20", as "20 pays du G20".
        let g = ctx.skip(e + 1, &[Role::Article]);
        if let Some(gr) = ctx.group_or_short_at(g) {
            return counted(
                Draft::new(i, g + 1, SetKind::Count).with_group(gr, Restriction::In),
                noun,
            );
        }
        // "les 172 membres de Covax": an organisation of countries
        // without member data.
        if let Some(len) = ctx.other_body_at(g) {
            return counted(Draft::new(i, g + len, SetKind::Count), Noun::Country);
        }
        let of_states = member_states(ctx, n, k);
        if noun == Noun::Weak && !of_states && !ctx.is(e, Role::Locative) {
            // "deux membres du gouvernement": members of something else
            // (not "deux Etats à son capital, la France et les Pays-Bas":
            // where they are, not what they belong to).
            return None;
        }
        // "les quatre nations du Royaume-Uni", "the 50 states of the
        // U.S.": the parts of one country (not its partners: "les deux
        // grands alliés de l'Irak").
        if noun != Noun::Partner && ctx.mention_at(g).is_some_and(|m| m.kind == MentionKind::Country) {
            return None;
        }
        // "les 21 États membres du Comité du patrimoine mondial": members
        // of a body the data does not know.
        if of_states {
            return counted(Draft::new(i, e, SetKind::Count), Noun::Country);
        }
    } else if let Some(gr) = ctx.group_at(e) {
        // "the 13-nation OPEC"
        return counted(
            Draft::new(i, e + 1, SetKind::Count).with_group(gr, Restriction::In),
            noun,
        );
    }
    counted(Draft::new(i, e, SetKind::Count), noun)
}

/// Whether the number at `i` on the noun for countries at `n` names an
/// event: the noun in title case ("le Tournoi des 6 Nations", "the Six
/// Nations"; "Etats", always capitalised in French, is not such a noun), or
/// after the noun of an event ("le tournoi des Six nations", "the Four
/// Nations tournament" aside).
fn names_an_event(ctx: &Ctx, i: usize, n: usize) -> bool {
    ctx.is(n, Role::CountryNoun)
        && (ctx.title_case(n)
            || ctx
                .skip_back(i, &[Role::Article, Role::Of, Role::Contracted, Role::Definite])
                .is_some_and(|p| ctx.is(p, Role::EventNoun)))
}

/// Whether the nouns `n..k` are a noun for countries with the word for
/// members ("Etats membres", "member states"): countries whatever they are
/// members of.
fn member_states(ctx: &Ctx, n: usize, k: usize) -> bool {
    (n..k).any(|a| ctx.is(a, Role::MemberWord))
        && (n..k).any(|a| ctx.is(a, Role::MemberNoun) && !ctx.is(a, Role::MemberWord))
}

/// Brackets at unit `j` that hold a group's name, or up to three units of
/// no name ("G-5"): where they end, and the group.
fn bracketed<'a>(ctx: &Ctx<'_, 'a>, j: usize) -> Option<(usize, Option<&'a str>)> {
    if ctx.word(j) != Some("(") {
        return None;
    }
    let close = (j + 2..j + 5).find(|&c| ctx.word(c) == Some(")"))?;
    match ctx.group_at(j + 1) {
        Some(g) if close == j + 2 => Some((close + 1, Some(g))),
        None if (j + 1..close).all(|a| ctx.mention_at(a).is_none()) => Some((close + 1, None)),
        _ => None,
    }
}

/// Where a count's noun starts, from `j` after its number: past up to two
/// adjectives ("five African countries"), four with the adjective of a
/// region or a word joiner between them ("26 latin american and caribbean
/// nations", "40 producing and consuming countries"); `None` when no noun
/// for members follows, or when a word makes it something else: "eight
/// southern states", "50 American states" (not before a noun for countries:
/// "the 24 western industrialised nations"), "the four constituent
/// countries", "les quatre nations constitutives du Royaume-Uni".
fn count_noun_start(ctx: &Ctx, j: usize) -> Option<usize> {
    let qualifier = |a: usize| adjective(ctx, a) || ctx.is(a, Role::Other);
    let mut n = j;
    let mut widened = false;
    while !ctx.is(n, Role::MemberNoun) {
        let joins = n > j && ctx.is(n, Role::Joiner) && ctx.word(n) != Some(",") && qualifier(n + 1);
        widened |= joins || ctx.is(n, Role::RegionAdjective);
        let word = qualifier(n) || ctx.is(n, Role::CountBlocker) || ctx.is(n, Role::Degree) || joins;
        if n - j >= 4 || !word {
            return None;
        }
        n += 1;
    }
    let blocked = !ctx.is(n, Role::CountryNoun) && (j..n).any(|a| ctx.is(a, Role::CountBlocker));
    let constituent = (j..n).chain(n + 1..n + 3).any(|a| ctx.is(a, Role::Constituent));
    let too_long = n - j > 2 && !widened;
    (!too_long && !blocked && !constituent).then_some(n)
}

/// The class of a count's noun at `n` (the count's number at `i`, the
/// words after it from `j`), and where the noun's phrase ends.
fn count_noun(ctx: &Ctx, i: usize, j: usize, n: usize) -> (Noun, usize) {
    let mut k = ctx.skip(n, &[Role::MemberNoun]);
    // "sept pays et territoires", "79 countries and territories": one noun.
    if ctx.is(k, Role::Joiner) && ctx.is(k + 1, Role::TerritoryNoun) {
        k += 2;
    }
    // "the seven member Association of Tin Producing Countries", "the
    // 13-member European Space Agency": a member count on the name of an
    // organisation of countries (a noun for countries or for an
    // organisation in it) counts its member countries; not "the 17-member
    // Commission", "the 15-member SMC board" (people). "the 75-member ICO":
    // an organisation of countries without member data (role
    // `other_body`), its name part of the count's phrase.
    let member_adjective = k == n + 1 && ctx.is(n, Role::MemberAdjective);
    // Not the organisation's board ("the 16-member ICO board": people).
    let body = member_adjective
        .then(|| ctx.other_body_at(k))
        .flatten()
        .filter(|&len| !ctx.is(k + len, Role::BoardNoun));
    // Not an organisation of firms ("the 21-member Association of European
    // Airlines").
    let name: Vec<usize> = (k..k + 8)
        .take_while(|&a| ctx.proper_at(a) || ctx.is(a, Role::Of) || ctx.is(a, Role::Article))
        .collect();
    // Nor a national body ("the 72-member Canadian Chemical Producers
    // Association": its members are firms).
    let national = name
        .first()
        .and_then(|&a| ctx.word(a))
        .and_then(|w| ctx.reference.demonym(ctx.lang, w))
        .is_some_and(|d| !d.capital);
    let of_organisation = member_adjective
        && !national
        && (body.is_some()
            || (name
                .iter()
                .any(|&a| ctx.proper_at(a) && (ctx.is(a, Role::CountryNoun) || ctx.is(a, Role::BodyNoun)))
                && !name.iter().any(|&a| ctx.is(a, Role::CompanyNoun))));
    k += body.unwrap_or(0);
    // A noun that needs a tie means countries with the adjective of a
    // region ("50 African states", "48 États européens").
    let regional = (j..n).any(|a| ctx.is(a, Role::RegionAdjective))
        || (ctx.roles.adjectives_after && ctx.is(k, Role::RegionAdjective));
    // "the Inter-American Development Bank's 44 members"; not "the ADB's
    // 12-member board", a member count on another noun.
    let of_body = !member_adjective && other_body_before(ctx, i);
    let noun = match of_organisation || regional || of_body {
        true => Noun::Country,
        false => noun_class(ctx, n, k),
    };
    (noun, k)
}

/// Whether the group at unit `i` follows an organisation without member
/// data whose parent it names, past "de"/"of" and articles ("le Conseil
/// des droits de l'homme de l'ONU", "the Human Rights Council of the UN").
fn of_other_body(ctx: &Ctx, i: usize) -> bool {
    let Some(p) = ctx.skip_back(i, &[Role::Of, Role::Article, Role::Contracted]) else {
        return false;
    };
    p + 1 < i && (p.saturating_sub(8)..=p).any(|b| ctx.other_body_at(b).is_some_and(|len| b + len == p + 1))
}

/// Whether the name of an organisation without member data and a genitive
/// stand right before unit `i` ("the IDB's 44 members").
fn other_body_before(ctx: &Ctx, i: usize) -> bool {
    (i.saturating_sub(2)..i)
        .find(|&p| {
            ctx.phrase_at(p, Phrases::Genitive)
                .is_some_and(|len| p + len == i)
        })
        .is_some_and(|p| {
            (p.saturating_sub(6)..p).any(|b| ctx.other_body_at(b).is_some_and(|len| b + len == p))
        })
}

/// A group phrase without a number ("les pays de l'UE", "EU member
/// states", "non-EU countries"), or "both countries".
fn group_phrase_at(ctx: &Ctx, i: usize, named: Named) -> Option<Draft> {
    // "les autres pays de l'UE", "other EC countries": the group's members
    // besides those named before.
    let other = i.checked_sub(1).is_some_and(|p| ctx.is(p, Role::Other));
    group_phrase(ctx, i, named).map(|mut d| {
        d.other = other && d.kind == SetKind::Group;
        // "certains des autres pays", and "d'autres pays de l'UE" (a
        // quantifier that holds "autres"): an unnamed part.
        d.part = d.kind == SetKind::Group
            && ((other && quantified(ctx, i - 1))
                || quantified(ctx, i)
                || part_adjective(ctx, i, d.to)
                || restricted(ctx, d.to)
                || qualifies_noun_before(ctx, i)
                || plural_superlative(ctx, i));
        d
    })
}

/// Whether the member phrase at `i` qualifies the noun of a country named
/// right before it, with no determiner of its own ("Les voisins du Mali
/// membres de la Cédéao"): those of them in the group, an unnamed part (not
/// one member: "la République de Chypre membre de l'UE" names the group).
fn qualifies_noun_before(ctx: &Ctx, i: usize) -> bool {
    ctx.is(i, Role::MemberWord)
        && !ctx.is(i, Role::Singular)
        && i.checked_sub(1)
            .and_then(|p| ctx.mention_at(p))
            .is_some_and(|m| m.kind == MentionKind::Country)
}

/// The adjective of a region or of a part (roles `region_adjective`,
/// `part_adjective`) before a group phrase at `i` or inside it, up to `to`
/// ("the only Latin American members of OPEC", "the OECD European
/// countries", "the key GATT member states"): an unnamed part of the group.
/// Not before a singular noun, an apposition that names the group
/// ("Indonesia, the only Asian member of OPEC").
fn part_adjective(ctx: &Ctx, i: usize, to: usize) -> bool {
    let part = |a: usize| ctx.is(a, Role::RegionAdjective) || ctx.is(a, Role::PartAdjective);
    // Not before a singular noun ("Indonesia, the only Asian member of
    // OPEC"); "member states" is plural.
    let singular = ctx.is(i, Role::Singular) && !ctx.is(i + 1, Role::MemberNoun);
    let before = !singular
        && (i.saturating_sub(2)..i)
            .rev()
            .take_while(|&a| adjective(ctx, a) || ctx.is(a, Role::CountBlocker) || part(a))
            .any(part);
    before || (i..to).any(part)
}

/// A restrictive clause right after a group phrase ending at `to`, no comma
/// between ("les pays de l'UE qui ne veulent pas", "les pays de l'OCDE
/// ayant participé à l'étude"): an unnamed part of the group.
fn restricted(ctx: &Ctx, to: usize) -> bool {
    ctx.is(to, Role::Restrictive)
}

/// How many sentence ends may stand between a bare member phrase ("Etats
/// membres") and the organisation it takes.
const NEAR_MAX: usize = 3;

/// How many units an apposition between two list items may hold ("les
/// Etats-Unis, pays le plus touché au monde [...], le Brésil").
const APPOSITION_MAX: usize = 32;

/// How many words after an inclusive marker may describe some of the
/// countries before their list ("dont la plupart des pays européens, le
/// Canada").
const DESCRIBED_MAX: usize = 8;

/// How many units before a count a "one of" phrase may start, its own
/// words and up to two adjectives or articles between ("one of the poorest
/// 25 countries").
const ONE_OF_MAX: usize = 6;

/// How many units back a singular phrase outside a group looks for the
/// country it says it of ("la Norvège - qui n'est pas membre de l'UE").
const PREDICATE_REACH: usize = 6;

/// How many sentence ends may stand between a count of a bare member phrase
/// ("les 27 États membres") and the organisation named last before it, or
/// between a member phrase and another body named before it.
const IMPLIED_MAX: usize = 10;

/// A quantifier right before unit `i`, past articles and "of" ("some EC
/// states", "certains des Etats membres", "several of the member states"):
/// the phrase is an unnamed part of the group.
fn quantified(ctx: &Ctx, i: usize) -> bool {
    let Some(p) = ctx.skip_back(i, &[Role::Article, Role::Of, Role::Contracted, Role::Definite]) else {
        return false;
    };
    (p.saturating_sub(3)..=p).any(|s| {
        ctx.phrase_at(s, Phrases::Quantifier)
            .is_some_and(|len| s + len == p + 1)
    })
}

/// A phrase that starts with a noun for members ("Etats membres", "ses
/// membres", "membres du Conseil", "non-member states", "allié de l'Otan").
fn member_phrase(ctx: &Ctx, i: usize, named: Named) -> Option<Draft> {
    let k = ctx.skip(i, &[Role::MemberNoun]);
    if noun_class(ctx, i, k) == Noun::Partner {
        // "la Turquie, allié de l'Otan", "an ally in the NATO
        // alliance": one ally names the group, as "membre de l'Otan".
        // "ses alliés de l'Otan": the group's others, as "Turkey's NATO
        // allies".
        if let Some(after) = of_at(ctx, k).filter(|_| k == i + 1) {
            let g = ctx.skip(after, &[Role::Article]);
            let gr = ctx.group_at(g)?;
            let mut d = Draft::new(i, g + 1, SetKind::Group).with_group(gr, Restriction::In);
            if !ctx.is(i, Role::Singular) {
                d.noun = Noun::Partner;
            }
            return Some(d);
        }
        return None;
    }
    // "member states", "ses Etats membres", "member governments", "its
    // members", "the group's members", "les membres du bloc" (a member
    // word with a noun for countries, or after a possessive, or with a
    // noun for an organisation): the members of the organisation the
    // article named last before it (the group is named in the article,
    // not in the phrase); not "non-member states", not "member states of
    // X".
    let possessive = i.checked_sub(1).is_some_and(|p| ctx.is(p, Role::Possessive))
        || (i.saturating_sub(3)..i).any(|p| {
            ctx.is(p, Role::BodyNoun)
                && ctx
                    .phrase_at(p + 1, Phrases::Genitive)
                    .is_some_and(|len| p + 1 + len == i)
        });
    let of_body = ctx.is(k, Role::Of) && ctx.is(ctx.skip(k + 1, &[Role::Article]), Role::BodyNoun);
    // "other members" of the organisation named near ("the Saudi cut ...
    // gives other members an incentive").
    let other = i.checked_sub(1).is_some_and(|p| ctx.is(p, Role::Other));
    // "members" alone, in the plural, not "members of" anything nor after
    // a noun for people ("staff members"): the members of an organisation
    // named before in the same sentence ("Opec was producing above its
    // ceiling and members would submit").
    let alone = k - i == 1
        && ctx.is(i, Role::MemberWord)
        && !ctx.is(i, Role::Singular)
        && !ctx.is(k, Role::Of)
        && !i.checked_sub(1).is_some_and(|p| ctx.is(p, Role::PeopleNoun))
        && !(possessive || of_body || other);
    let shape = match k - i {
        1 => ctx.is(i, Role::MemberWord) && (possessive || of_body || other || alone),
        2 => {
            (i..k).any(|a| ctx.is(a, Role::MemberWord))
                && (i..k).all(|a| !ctx.is(a, Role::PartnerNoun))
                && !(i..k).all(|a| ctx.is(a, Role::MemberWord))
        }
        _ => false,
    };
    // "non membres", "pas membre", "not a member"
    let negation_before = i
        .checked_sub(1)
        .map(|p| {
            if ctx.is(p, Role::Article) {
                p.saturating_sub(1)
            } else {
                p
            }
        })
        .filter(|&p| ctx.is(p, Role::Negation));
    let negated = negation_before.is_some() || ctx.is(k, Role::Negation);
    // "member states of the ICO" names its organisation; "member states in
    // February" (a place or a date after a locative) does not.
    let of_named = ctx.is(k, Role::Of) && {
        let x = ctx.skip(k + 1, &[Role::Article]);
        ctx.names_at(x)
            && (!ctx.is(k, Role::Locative)
                || ctx.group_or_short_at(x).is_some()
                || ctx.other_body_at(x).is_some())
    };
    let bare = shape && !negated && !of_named;
    // "Etats membres", "member countries" (a noun for countries) take the
    // organisation named last however far back (`named.last` is none when
    // another body was named after it); "ses membres", which as often means
    // people, only one named near.
    let reach = match k - i {
        2 => usize::MAX / 2,
        _ if alone => 0,
        _ => NEAR_MAX,
    };
    let near = |&(_, g): &(&str, usize)| named_within(ctx, g, i, reach);
    // With none named before, "Etats membres" take the organisation named
    // next in their own sentence, if no other body was named before them.
    let next = || {
        let body_near = named.body.is_some_and(|g| named_within(ctx, g, i, IMPLIED_MAX));
        (k - i == 2 && !body_near)
            .then(|| named_next_in_sentence(ctx, i, k))
            .flatten()
    };
    let implied = if bare {
        named.last.filter(near).or_else(next)
    } else {
        None
    };
    if let Some((gr, _)) = implied {
        let to = if of_body {
            ctx.skip(k + 1, &[Role::Article]) + 1
        } else {
            k
        };
        return Some(Draft::new(i, to, SetKind::Group).with_group(gr, Restriction::In));
    }
    // The members of an organisation whose members the data does not hold
    // (`other_body`): named after "of" ("pays membres d'Interpol", "member
    // countries of the ICO"), or named last before the phrase ("the bank's
    // member countries" of the Inter-American Development Bank): a group
    // set with no code, its countries what a list names of them. Not in
    // the singular ("a member country", "other member currencies").
    if shape && !negated && !ctx.is(k - 1, Role::Singular) {
        let x = ctx.skip(k + 1, &[Role::Article]);
        let of_other = ctx.is(k, Role::Of) && !ctx.is(k, Role::Locative);
        if let Some(len) = ctx.other_body_at(x).filter(|_| of_other) {
            return Some(Draft::new(i, x + len, SetKind::Group));
        }
        if bare
            && named
                .body
                .is_some_and(|g| g < i && named_within(ctx, g, i, reach.min(IMPLIED_MAX)))
        {
            return Some(Draft::new(i, k, SetKind::Group));
        }
    }
    if ctx.is(k, Role::Negation) {
        let g = ctx.skip(k + 1, &[Role::MemberNoun, Role::Of, Role::Article]);
        let gr = ctx.group_at(g)?;
        return Some(Draft::new(i, g + 1, SetKind::Group).with_group(gr, Restriction::NotIn));
    }
    // Past a superlative after the noun ("pays le plus pauvre de l'UE"):
    // the group it is compared in; a part of it in the plural
    // ([`plural_superlative`]).
    let k = superlative_after(ctx, k).unwrap_or(k);
    if let Some(after) = of_at(ctx, k) {
        let g = ctx.skip(after, &[Role::Article]);
        let gr = ctx.group_or_short_at(g)?;
        // "les pays limitrophes non membres de l'UE": those outside it.
        if let Some(from) = negation_before {
            return Some(Draft::new(from, g + 1, SetKind::Group).with_group(gr, Restriction::NotIn));
        }
        return Some(Draft::new(i, g + 1, SetKind::Group).with_group(gr, Restriction::In));
    }
    None
}

/// Where a superlative that starts at unit `k`, after a noun, ends: an
/// article, a word of degree and an adjective ("le plus pauvre", "les
/// moins touchés").
fn superlative_after(ctx: &Ctx, k: usize) -> Option<usize> {
    (ctx.is(k, Role::Article) && ctx.is(k + 1, Role::Degree) && adjective(ctx, k + 2)).then_some(k + 3)
}

/// Whether a superlative in the plural follows the nouns at `i` ("les pays
/// les plus pauvres de l'UE"): some of the group, unnamed.
fn plural_superlative(ctx: &Ctx, i: usize) -> bool {
    let k = ctx.skip(i, &[Role::MemberNoun]);
    superlative_after(ctx, k).is_some() && !ctx.is(k, Role::Singular)
}

/// Where the words after an "of" at unit `k` start: "de", "of", or a
/// phrase of grammar role `within` ("au sein de", "within").
fn of_at(ctx: &Ctx, k: usize) -> Option<usize> {
    // The phrase first: "au" of "au sein de" is an "of" word too.
    match ctx.phrase_at(k, Phrases::Within) {
        Some(len) => Some(k + len),
        None => ctx.is(k, Role::Of).then_some(k + 1),
    }
}

/// The organisation named first after unit `k` in its sentence, as
/// `phrases` reads organisations, for the member phrase at `i` ("Chaque
/// État membre est libre [...] notre vision de l'UE"); none after another
/// body named between.
fn named_next_in_sentence<'a>(ctx: &Ctx<'_, 'a>, i: usize, k: usize) -> Option<(&'a str, usize)> {
    for g in k..ctx.units.len().min(k + 60) {
        if ctx.other_body_at(g).is_some() {
            return None;
        }
        let group = ctx.group_at(g).filter(|g| !ctx.reference.named_by_members(g));
        if let Some(gr) = group
            .filter(|_| !of_other_body(ctx, g))
            .or_else(|| ctx.group_body_at(g))
        {
            return named_within(ctx, i, g, 0).then_some((gr, g));
        }
    }
    None
}

/// What the article named before a phrase: the organisation named last
/// and its unit (none after another body), and the unit of the other body
/// named last ("the ICCO ... producing and consuming member countries met
/// [...] an EC meeting": the members are none of the EC's).
#[derive(Clone, Copy)]
struct Named<'a> {
    last: Option<(&'a str, usize)>,
    body: Option<usize>,
}

/// `named`: what the article named before `i` ([`Named`]).
fn group_phrase(ctx: &Ctx, i: usize, named: Named) -> Option<Draft> {
    if ctx.is(i, Role::MemberNoun) {
        return member_phrase(ctx, i, named);
    }
    if let Some(gr) = ctx.group_at(i).or_else(|| ctx.short_name_before_noun(i)) {
        // "EU member states", "Group of Seven industrial nations": a number
        // in the group's name is a count.
        let after = past_restated(ctx, i, gr);
        let (n, k) = noun_after_group(ctx, after);
        // A name that names the members itself ("pays baltes") is a group
        // phrase alone; one for partners ("Gulf allies"), the group's others.
        let (k, partner) = match (k == n, ctx.set_phrase(i)) {
            (true, Some(noun)) => (i + 1, noun == Noun::Partner),
            (true, None) => return None,
            (false, _) => (k, noun_class(ctx, n, k) == Noun::Partner),
        };
        let mut d = Draft::new(i, k, SetKind::Group).with_group(gr, Restriction::In);
        // "Turkey, a NATO ally": one ally names the group.
        let partner = partner && !(k == n + 1 && ctx.is(n, Role::Singular));
        if partner {
            // "Greece and Turkey's NATO allies": the group's others.
            d.noun = Noun::Partner;
        }
        // Not "its G-7 partners": the others, not seven.
        if let Some(stated) = ctx.number_in_name(i).filter(|_| !partner) {
            d.kind = SetKind::Count;
            d.stated = Some(stated);
            d.det = Det::Definite;
        }
        return Some(d);
    }
    if ctx.is(i, Role::Negation) {
        // "non-EC countries", "non-OPEC oil producing countries"
        let gr = ctx.group_at(i + 1)?;
        let (n, k) = noun_after_group(ctx, i + 2);
        return (k > n).then(|| Draft::new(i, k, SetKind::Group).with_group(gr, Restriction::NotIn));
    }
    if ctx.is(i, Role::Both) {
        // "both countries", "both of these nations"
        let mut n = i + 1;
        if ctx.is(n, Role::Of) && (ctx.is(n + 1, Role::Demonstrative) || ctx.is(n + 1, Role::Definite)) {
            n += 2;
        }
        if !ctx.is(n, Role::CountryNoun) {
            return None;
        }
        let mut d = Draft::new(i, ctx.skip(n, &[Role::MemberNoun]), SetKind::Anaphora);
        d.stated = Some(2);
        d.det = Det::Definite;
        return Some(d);
    }
    None
}

/// Whether the text between a group and a country is a dash spaced after
/// it ("the Group of Seven -- the U.S."), not a hyphen ("l'accord
/// UE-Canada", "EC-U.S. relations") nor a dash that opens a line ("de l'UE
/// -L'Espagne").
fn dashed(gap: &str) -> bool {
    gap.contains(DASHES) && gap.ends_with(char::is_whitespace)
}

/// The dashes that set off an aside or a list in the original text (a dash
/// folds to a space).
const DASHES: [char; 3] = ['-', '–', '—'];

/// A group named and then enumerated ("the Group of Seven -- the U.S.,
/// Japan, West Germany, ..."): a group set, its list attached after.
fn group_with_list_at(ctx: &Ctx, i: usize) -> Option<Draft> {
    let g = ctx.group_at(i)?;
    let e = if ctx.word(i + 1) == Some(",") {
        i + 2
    } else {
        i + 1
    };
    // Not the group restated in parentheses ("the Organisation for Economic
    // Cooperation and Development (OECD) said").
    let restated = past_restated(ctx, i, g) > i + 1;
    // A country within a few words after the marker ("le Mercosur (qui
    // regroupe l'Argentine, ...)"; "l'Otan (Frexit)", "l'UE : une capacité
    // de tests" are none).
    let listed = |x: usize| (x..x + 4).any(|y| ctx.item_at(y));
    let marked = (ctx.marker_at(e, Marker::List).is_some_and(|n| listed(e + n)) && !restated)
        || (ctx.item_at(ctx.skip(e, &[Role::Article])) && dashed(ctx.gap_text(i, e)));
    marked.then(|| Draft::new(i, i + 1, SetKind::Group).with_group(g, Restriction::In))
}

/// Ties lists and phrases to the phrase they follow (after ":", "à
/// savoir", "dont", "including", a dash) or to the count they precede ("la
/// France, l'Allemagne et l'Italie, trois pays fondateurs"); a count left
/// with nothing attached, a determiner and a small number, or a
/// demonstrative, is an anaphora.
// The loop reads `drafts[k]`, then writes it and the runs it attaches: an
// index, not an iterator, keeps the borrows apart.
#[allow(clippy::needless_range_loop)]
fn attach(ctx: &Ctx, drafts: &mut [Draft], runs: &mut [Run]) {
    // Not the lists inside a union: the union's run is the one a phrase takes.
    let whole = || runs.iter().enumerate().filter(|(_, r)| r.within.is_none());
    let run_from: BTreeMap<usize, usize> = whole().map(|(k, r)| (r.items[0], k)).collect();
    let run_to: BTreeMap<usize, usize> = whole()
        .map(|(k, r)| (*r.items.last().expect("a run has items"), k))
        .collect();
    let draft_from: BTreeMap<usize, usize> = drafts.iter().enumerate().map(|(k, d)| (d.from, k)).collect();
    for k in 0..drafts.len() {
        let d = &drafts[k];
        if d.kind == SetKind::Anaphora {
            continue;
        }
        let mut e = d.to;
        // A restated group in parentheses: "l'Union européenne (UE)".
        if ctx.word(e) == Some("(") && ctx.group_at(e + 1).is_some() && ctx.word(e + 2) == Some(")") {
            e += 3;
        }
        let comma = ctx.word(e) == Some(",");
        if comma {
            e += 1;
        }
        // A list marker right there, or an inclusive marker a few words on
        // ("22 pays du Club de Paris, dont ..."), not past a function word or
        // "others" ("The two countries urged others to follow suit, notably
        // Japan"); the first that introduces a list ("70 pays, dont la
        // plupart en Europe, sans oublier le Canada, l'Australie ...").
        let list_marker = ctx.marker_at(e, Marker::List).map(|n| (e, n, true));
        let marker_at = |x: usize| ctx.marker_at(x, Marker::Partial).map(|n| (x, n, false));
        let candidates: Vec<(usize, usize, bool)> = list_marker
            .into_iter()
            .chain(
                (e..e + MARKER_REACH)
                    .take_while(|&x| {
                        marker_at(x).is_some()
                            // "six États devant la justice de l'UE, dont ..."
                            || ctx.group_at(x).is_some()
                            || (ctx.word(x).is_some_and(|w| w != "." && w != ";")
                                && !ctx.is(x, Role::FunctionWord)
                                && !ctx.is(x, Role::Other))
                    })
                    .filter_map(marker_at),
            )
            .chain(comma.then(|| incise_marker(ctx, e)).flatten().and_then(marker_at))
            .chain(qualifier_marker(ctx, e).and_then(marker_at))
            .collect();
        // Where a marker's list starts: past articles and prepositions;
        // after an inclusive marker, past a few words that describe some of
        // them, set off by a comma ("70 pays, dont la plupart des pays
        // européens, le Canada, l'Australie", "quinze pays, dont un seul
        // d'Amérique latine, l'Uruguay").
        let past = |x: usize| ctx.skip(x, &[Role::Article, Role::Of, Role::Contracted]);
        let listed = |x: usize| run_from.contains_key(&x) || draft_from.contains_key(&x);
        let list_start = |x: usize, n: usize, complete: bool| {
            let start = past(x + n);
            if complete || listed(start) {
                return start;
            }
            (start..start + DESCRIBED_MAX)
                .take_while(|&a| ctx.word(a).is_some_and(|w| w != "." && w != ";"))
                .find(|&a| ctx.word(a) == Some(","))
                .map(|c| past(c + 1))
                .filter(|&t| run_from.contains_key(&t))
                .unwrap_or(start)
        };
        let starts = |&&(x, n, complete): &&(usize, usize, bool)| listed(list_start(x, n, complete));
        // A list marker further on in the sentence, before any other set
        // phrase, that a list follows ("Deux pays ont voté contre (la Russie
        // et la Chine)", "seuls deux pays au monde comptent des cas:
        // l'Afghanistan et le Pakistan").
        // Only for a count of a noun for countries, and not past a joiner
        // ("les 22 pays du Club de Paris, ainsi que par une poignée de
        // créanciers (Chine, Inde, ...)").
        let country_count = d.kind == SetKind::Count && d.noun == Noun::Country && d.group.is_none();
        let mut further: Vec<(usize, usize, bool)> = (e..e + FURTHER_REACH)
            .take_while(|&x| {
                country_count
                    && ctx.word(x).is_some_and(|w| w != "." && w != ";")
                    && !draft_from.contains_key(&x)
                    && !ctx.is(x, Role::Joiner)
                    && ctx.phrase_at(x, Phrases::Joiner).is_none()
            })
            .filter_map(|x| ctx.marker_at(x, Marker::List).map(|n| (x, n, true)))
            .collect();
        // An inclusive marker right after the comma that ends the count's
        // clause, past its verb ("Vingt-deux pays figurent désormais sur une
        // liste, notamment la Grèce, ..."; "soixante pays qui le
        // reconnaissent, dont les Etats-Unis"): the first comma, no name,
        // noun for countries nor other set phrase before it ("the agreement
        // by six nations that newly-industrialized countries, such as South
        // Korea"), of a count without determiner ("The two countries urged
        // others to follow suit, notably Japan").
        let past_clause = (country_count && d.det == Det::None)
            .then(|| {
                past_comma(ctx, e, FURTHER_REACH, |x| {
                    !draft_from.contains_key(&x) && !ctx.is(x, Role::MemberNoun)
                })
            })
            .flatten();
        if let Some(x) = past_clause {
            further.extend(ctx.marker_at(x, Marker::Partial).map(|n| (x, n, false)));
        }
        let (e, marker) = candidates
            .iter()
            .find(starts)
            .or_else(|| further.iter().find(starts))
            .or(candidates.first())
            .map_or((e, None), |&(x, n, complete)| (x, Some((n, complete))));
        let (start, complete) = match marker {
            Some((n, complete)) => (list_start(e, n, complete), complete),
            // A dash: folded away, so read in the original.
            None if e < ctx.units.len()
                && ctx.item_at(ctx.skip(e, &[Role::Article]))
                && ctx.gap_text(d.to - 1, e).contains(['—', '–', '-']) =>
            {
                (ctx.skip(e, &[Role::Article]), true)
            }
            // An apposition of as many countries as the count states, set
            // off by a comma ("deux pays arabes, l'Egypte et la Jordanie");
            // not after a determiner, which points back ("their two
            // countries, Hong Kong and China's part in the talks").
            None if comma
                && d.kind == SetKind::Count
                && d.det == Det::None
                && run_from
                    .get(&ctx.skip(e, &[Role::Article]))
                    .is_some_and(|&r| Some(runs[r].items.len() as u64) == d.stated) =>
            {
                (ctx.skip(e, &[Role::Article]), true)
            }
            None => (usize::MAX, false),
        };
        if let Some(&r) = run_from.get(&start) {
            runs[r].attached = true;
            drafts[k].list = Some((r, complete));
        } else if let Some(&c) = draft_from.get(&start).filter(|&&c| c != k) {
            drafts[k].children.push(c);
        } else if d.kind == SetKind::Count
            && d.group.is_none()
            && matches!(d.noun, Noun::Country | Noun::Partner)
        {
            if let Some(r) = apposition_before(ctx, d, runs, &run_to) {
                runs[r].attached = true;
                drafts[k].list = Some((r, !runs[r].partial));
            }
        }
        let d = &mut drafts[k];
        let small = d.stated.is_some_and(|n| n <= 4);
        let anaphoric = match d.det {
            Det::Demonstrative => true,
            Det::Definite | Det::Possessive | Det::Contracted => small,
            Det::None => false,
        };
        // "parmi les trois pays les plus pauvres au monde": one among a
        // ranking, not the countries named before ("les deux pays les plus
        // peuplés de la planète" alone points back).
        let superlative = (ctx.is(d.to, Role::Definite) || ctx.is(d.to, Role::Article))
            && ctx.is(d.to + 1, Role::Degree)
            && d.from.checked_sub(2).is_some_and(|a| ctx.is(a, Role::Among));
        if d.kind == SetKind::Count
            && anaphoric
            && !superlative
            && d.group.is_none()
            && d.list.is_none()
            && d.children.is_empty()
            && (d.from..d.to).any(|k| ctx.is(k, Role::AnaphoraNoun))
        {
            d.kind = SetKind::Anaphora;
            // The determiner is part of an anaphora's phrase.
            d.from -= 1;
        }
    }
}

/// The run of a list right before count `d`, set off by a comma, that is
/// its apposition: not one the sentence sets apart ("avec le Canada et
/// l'Australie, les deux pays"); of a partner noun, as many countries as it
/// states ("les Etats-Unis et la Chine, ses deux principaux partenaires
/// commerciaux"); past a figure in brackets after the last item ("l'Italie
/// (-12,8%) et l'Espagne (-12,8%), deux autres pays"). `run_to`: the runs
/// by their last item.
fn apposition_before(ctx: &Ctx, d: &Draft, runs: &[Run], run_to: &BTreeMap<usize, usize>) -> Option<usize> {
    let q = if d.det == Det::None { d.from } else { d.from - 1 };
    if q < 2 || ctx.word(q - 1) != Some(",") {
        return None;
    }
    let last = match ctx.word(q - 2) {
        Some(")") => (q.saturating_sub(14)..q - 2)
            .rev()
            .find(|&o| ctx.word(o) == Some("("))
            .and_then(|o| o.checked_sub(1))
            .unwrap_or(q - 2),
        _ => q - 2,
    };
    let set_apart = |r: usize| {
        ctx.skip_back(runs[r].items[0], &[Role::Article])
            .is_some_and(|b| ctx.is(b, Role::SetApart))
    };
    run_to
        .get(&last)
        .copied()
        .filter(|&r| runs[r].items.len() >= 2 && !set_apart(r))
        .filter(|&r| d.noun == Noun::Country || Some(runs[r].items.len() as u64) == d.stated)
}

/// How many units (words, quotation marks) a short qualifier between a
/// count and its comma may have.
const QUALIFIER_MAX: usize = 6;

/// Where a marker may stand after a short qualifier that ends at a comma
/// ("13 pays à faible risque, dont Israël, la Grèce ..."): right past the
/// comma, when at most [`QUALIFIER_MAX`] units stand between, none of them
/// a function word ("The two countries urged others to follow suit,
/// notably Japan"), "autres"/"other" or a name.
fn qualifier_marker(ctx: &Ctx, from: usize) -> Option<usize> {
    past_comma(ctx, from, QUALIFIER_MAX + 1, |x| {
        !ctx.is(x, Role::Other)
            // "à" folds to the verb "a", which is both.
            && (!ctx.is(x, Role::FunctionWord) || ctx.is(x, Role::Of))
    })
    .filter(|&past| past > from + 1)
}

/// The unit right after the first comma among the `reach` units from
/// `from`, all words of one sentence (no name, no period) for which `ok`
/// holds up to the comma.
fn past_comma(ctx: &Ctx, from: usize, reach: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
    (from..from + reach)
        .take_while(|&x| ctx.word(x).is_some_and(|w| w != "." && w != ";") && ok(x))
        .find(|&x| ctx.word(x) == Some(","))
        .map(|x| x + 1)
}

/// Where a marker may stand after a phrase set off by commas that follows
/// a count ("16 pays, placés sur liste rouge, dont les Etats-Unis"): past
/// the phrase's closing comma, when it closes within [`MARKER_REACH`] words
/// of the same sentence.
fn incise_marker(ctx: &Ctx, from: usize) -> Option<usize> {
    past_comma(ctx, from, MARKER_REACH, |_| true)
}

/// Two or more phrases joined ("les 27 Etats membres de l'UE (UE) et 21
/// Etats non UE") make a union; a phrase that pointed at the first part
/// points at the union.
fn unite(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let n = drafts.len();
    let mut k = 0;
    while k + 1 < n {
        let mut chain = vec![k];
        while let Some(&last) = chain.last() {
            let next = last + 1;
            if next >= n || !joins(ctx, &drafts[last], &drafts[next]) {
                break;
            }
            chain.push(next);
        }
        if chain.len() >= 2 {
            let (first, last) = (chain[0], chain[chain.len() - 1]);
            let mut u = Draft::new(drafts[first].from, drafts[last].to, SetKind::Union);
            u.children = chain.clone();
            let union = drafts.len();
            for d in drafts.iter_mut() {
                for c in d.children.iter_mut() {
                    if *c == first {
                        *c = union;
                    }
                }
            }
            drafts.push(u);
        }
        k = chain[chain.len() - 1] + 1;
    }
}

/// Whether `b` follows `a` as the next part of a union: only joiners
/// ("et", "and"), articles and a restated group in parentheses between.
fn joins(ctx: &Ctx, a: &Draft, b: &Draft) -> bool {
    let parts = |d: &Draft| matches!(d.kind, SetKind::Count | SetKind::Group) && d.list.is_none();
    if !parts(a) || !matches!(b.kind, SetKind::Count | SetKind::Group) || b.from <= a.to {
        return false;
    }
    let mut joiner = false;
    for i in a.to..b.from {
        let paren = matches!(ctx.word(i), Some("(" | ")"))
            || ctx.group_at(i).is_some_and(|g| a.group.as_deref() == Some(g));
        if ctx.is(i, Role::Joiner) && ctx.word(i) != Some(",") {
            joiner = true;
        } else if !(paren || ctx.is(i, Role::Article) || ctx.word(i) == Some(",")) {
            return false;
        }
    }
    joiner
}

/// Resolves each draft's members, children first.
struct Solver<'c, 't, 'a> {
    ctx: &'c Ctx<'t, 'a>,
    runs: &'c [Run],
    date: Option<NaiveDate>,
    drafts: Vec<Draft>,
    /// The states the article's adjectives and capitals name, found on
    /// first need ([`Solver::article_adjectives`]).
    adjectives: std::cell::OnceCell<Vec<NamedState>>,
    /// Each mention's unit, if it stands in one.
    unit_of: Vec<Option<usize>>,
    /// The drafts in text order, and each draft's place in it.
    order: Vec<usize>,
    place: Vec<usize>,
    /// The groups the article names.
    named_groups: BTreeSet<&'a str>,
    /// The former states the article names that existed on its date.
    former: Vec<&'a Historical>,
}

type Members = BTreeMap<String, BTreeSet<String>>;

fn add(members: &mut Members, iso3: &str, basis: &str) {
    members
        .entry(iso3.to_string())
        .or_default()
        .insert(basis.to_string());
}

impl Solver<'_, '_, '_> {
    /// The sovereign states among `codes`, as members on `basis` (a former
    /// state or a territory is meant but no member).
    fn states<'s>(&self, codes: impl IntoIterator<Item = &'s String>, basis: &str) -> Members {
        let mut m = Members::new();
        for iso3 in codes.into_iter().filter(|c| self.ctx.reference.is_state(c)) {
            add(&mut m, iso3, basis);
        }
        m
    }

    /// The countries that adjectives, capitals and metonyms name between
    /// folded bytes `from` and `to` ("les présidents français et
    /// américain", "Pékin et Tokyo", "the Kremlin"), as (folded position,
    /// country); a former state's successor's adjective names the former
    /// state while it existed ("Moscow" in 1987).
    fn adjectives_in(&self, from: usize, to: usize, adjectives: Adjectives) -> Vec<(usize, &str)> {
        let all = self.adjectives.get_or_init(|| self.article_adjectives());
        let lo = all.partition_point(|a| a.start < from);
        let hi = all.partition_point(|a| a.start < to);
        all[lo..hi]
            .iter()
            .filter(|a| match adjectives {
                Adjectives::All => !a.place,
                Adjectives::NotOfCompanies => !a.place && !a.company,
                Adjectives::WithPlaces => true,
            })
            .map(|a| (a.start, a.iso3.as_str()))
            .collect()
    }

    /// Every state the article's adjectives and capitals name, read once.
    fn article_adjectives(&self) -> Vec<NamedState> {
        let ctx = self.ctx;
        let text = &ctx.folded.text;
        let words: Vec<&str> = text
            .split(|c: char| !(is_word_char(c) || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        // Where a word starts in `text` (separators may take several bytes: "»").
        let start_of = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
        let mut found = Vec::new();
        let mut k = 0;
        while k < words.len() {
            let (word, start) = (words[k], start_of(words[k]));
            k += 1;
            // A genitive keeps its apostrophe in these words: "Washington's
            // trade problems" names its government.
            let word = word.strip_suffix("'s").unwrap_or(word);
            if !ctx.reference.in_demonym(word) {
                continue;
            }
            // Two words joined by a hyphen or a space first ("nord-coréen",
            // "North Korean"): the second alone may name another country.
            let pair = words.get(k).and_then(|next| {
                let end = start_of(next) + next.len();
                let gap = &text[start + word.len()..start_of(next)];
                let two = &text[start..end];
                (gap == "-" || gap == " ")
                    .then(|| ctx.reference.demonym(ctx.lang, two))
                    .flatten()
                    .map(|d| (d, two))
            });
            let (dm, word) = match pair {
                Some((d, two)) => {
                    k += 1;
                    (Some(d), two)
                }
                None => (ctx.reference.demonym(ctx.lang, word), word),
            };
            if word.len() < 4 {
                continue;
            }
            let Some(dm) = dm.filter(|d| ctx.reference.is_state(&d.code)) else {
                continue;
            };
            let place = dm.capital && !self.ctx.capital_names_state(start, word.len());
            let company = self.of_company(start, word.len());
            let iso3 = self
                .former
                .iter()
                .find(|h| h.successors.contains(&dm.code))
                .map_or(dm.code.as_str(), |h| h.id.as_str());
            found.push(NamedState {
                start,
                iso3: iso3.to_string(),
                company,
                place,
            });
        }
        found
    }
}

/// A state an adjective or a capital names ([`Solver::article_adjectives`]).
struct NamedState {
    /// Its folded position.
    start: usize,
    iso3: String,
    /// Whether the word names a company's country ("le constructeur français").
    company: bool,
    /// Whether it is a capital named as a place ("à Athènes"), not for its
    /// government.
    place: bool,
}

impl Solver<'_, '_, '_> {
    fn solve(&mut self, k: usize) {
        if self.drafts[k].resolved {
            return;
        }
        // Marked first: a cycle (never built) would stop here.
        self.drafts[k].resolved = true;
        for c in self.drafts[k].children.clone() {
            self.solve(c);
            self.drafts[c].parent.get_or_insert(k);
        }
        let (members, coverage) = self.members_of(k);
        if coverage == Coverage::None {
            if let Some((g, others)) = self.partners_in_group_before(k) {
                let d = &mut self.drafts[k];
                (d.group, d.restriction) = (Some(g), Some(Restriction::In));
                (d.members, d.coverage) = (others, Coverage::Complete);
                return;
            }
            if let Some(c) = self.one_of(k) {
                let members = self.states([&c], "one_of");
                let d = &mut self.drafts[k];
                (d.members, d.coverage) = (members, Coverage::Partial);
                return;
            }
        }
        let d = &mut self.drafts[k];
        d.members = members;
        d.coverage = coverage;
    }

    /// A count of a group's other members that does not name the group
    /// ("l'Otan a annoncé une réunion [...]. Des responsables allemands vont
    /// informer leurs 29 autres alliés"): the members of the group named
    /// last, in its sentence or the one before, other than the countries its
    /// sentence names, when they are as many as it states.
    fn partners_in_group_before(&self, k: usize) -> Option<(String, Members)> {
        let d = &self.drafts[k];
        let (n, date) = (d.stated?, self.date?);
        if !(d.kind == SetKind::Count
            && d.noun == Noun::Partner
            && d.other
            && d.group.is_none()
            && d.list.is_none())
        {
            return None;
        }
        let ctx = self.ctx;
        let g = (0..d.from).rev().find(|&g| ctx.group_at(g).is_some())?;
        let code = ctx.group_at(g).filter(|_| named_within(ctx, g, d.from, 1))?;
        let all = self.group_members(code, date);
        let whole = all.len();
        let others = self.without_named_before(all, d.from, 0);
        (others.len() < whole && others.len() as u64 == n).then(|| (code.to_string(), others))
    }

    /// The countries of an attached list, and the coverage its marker gives.
    fn list_members(&self, k: usize) -> Option<(Members, Coverage)> {
        let (r, complete) = self.drafts[k].list?;
        let mut m = Members::new();
        let run = &self.runs[r];
        // Not to a list attached to a phrase: "in addition to Benin, [...]
        // four more countries -- Burkina Faso, Gabon, Liberia and Niger".
        let added = if run.attached { &[][..] } else { &run.added[..] };
        for &u in run.items.iter().chain(added) {
            let Some(x) = self.ctx.mention_at(u) else {
                // A capital of a list of capitals.
                if let Some(d) = self.ctx.capital_at(u) {
                    add(&mut m, &d.code, "list");
                }
                continue;
            };
            match (x.kind, self.date) {
                // A territory in a list ("Hong Kong") is an item, not a member.
                (MentionKind::Country, _) if !self.ctx.reference.is_state(&x.codes[0]) => {}
                (MentionKind::Country, _) => add(&mut m, &x.codes[0], "list"),
                // "Zaire": the same state under its present name.
                (MentionKind::Historical, _) => {
                    if let Some(iso3) = self.ctx.renamed(x) {
                        add(&mut m, iso3, "list");
                    }
                }
                // A worldwide body among countries is an institution.
                (MentionKind::Group, _) if self.ctx.reference.worldwide(&x.codes[0]) => {}
                (MentionKind::Group, Some(date)) => {
                    for (iso3, basis) in self.group_members(&x.codes[0], date) {
                        m.entry(iso3).or_default().extend(basis);
                    }
                }
                _ => {}
            }
        }
        let partial = !complete || self.runs[r].partial;
        Some((
            m,
            if partial {
                Coverage::Partial
            } else {
                Coverage::Complete
            },
        ))
    }

    fn children_members(&self, k: usize) -> Option<(Members, Coverage)> {
        let children = &self.drafts[k].children;
        if children.is_empty() {
            return None;
        }
        let mut m = Members::new();
        for &c in children {
            for (iso3, basis) in &self.drafts[c].members {
                m.entry(iso3.clone()).or_default().extend(basis.iter().cloned());
            }
        }
        let all = |cov| children.iter().all(|&c| self.drafts[c].coverage == cov);
        let coverage = if all(Coverage::Complete) {
            Coverage::Complete
        } else if all(Coverage::None) {
            Coverage::None
        } else {
            Coverage::Partial
        };
        Some((m, coverage))
    }

    fn group_members(&self, group: &str, date: NaiveDate) -> Members {
        let mut m = Members::new();
        let basis = format!("group:{group}");
        for iso3 in self.ctx.reference.members_on(group, date) {
            add(&mut m, iso3, &basis);
        }
        m
    }

    fn members_of(&self, k: usize) -> (Members, Coverage) {
        let d = &self.drafts[k];
        let none = (Members::new(), Coverage::None);
        if let Some(known) = &d.known {
            return (self.states(known, "known_set"), Coverage::Complete);
        }
        if d.part && d.group.is_none() {
            // A part counted out of a whole: what a list names of it.
            return match self.list_members(k) {
                Some((m, _)) if !m.is_empty() => (m, Coverage::Partial),
                _ => none,
            };
        }
        let named = self.list_members(k).or_else(|| self.children_members(k));
        match (d.kind, d.restriction, d.group.as_deref(), self.date) {
            (SetKind::Anaphora, ..) => self.anaphora(k),
            (_, Some(Restriction::In), Some(g), Some(date)) => self.in_group(k, g, date, named),
            (_, Some(Restriction::NotIn), Some(g), date) => match named {
                Some((mut m, cov)) => {
                    if let Some(date) = date {
                        m.retain(|iso3, _| !self.ctx.reference.is_member(g, iso3, date));
                    }
                    (m, cov)
                }
                None => match date.and_then(|date| self.predicated_outside(k, g, date)) {
                    Some(c) => (self.states([&c], "apposition"), Coverage::Partial),
                    None => none,
                },
            },
            _ => match named {
                // Fewer names than a count states: partly named; unless its
                // list marker's sentence names as many after it, the items
                // being far apart ("dans seulement deux pays: la Colombie,
                // qui avec 64 victimes se classe en tête [...], et les
                // Philippines").
                Some((m, Coverage::Complete))
                    if d.list.is_some() && d.stated.is_some_and(|n| (m.len() as u64) < n) =>
                {
                    let after = self.states_after_in_sentence(k);
                    if d.stated == Some(after.len() as u64) && m.keys().all(|c| after.contains(c)) {
                        (self.states(&after, "list"), Coverage::Complete)
                    } else {
                        (m, Coverage::Partial)
                    }
                }
                Some(x) => x,
                None => none,
            },
        }
    }

    /// For a singular phrase outside group `g` ("la Turquie (pays
    /// non-membre de l'UE)", "la Norvège - qui n'est pas membre de l'Union
    /// européenne"), the country it says it of: the state named last before
    /// it in its sentence, a few words back, and outside `g` on `date`.
    fn predicated_outside(&self, k: usize, g: &str, date: NaiveDate) -> Option<String> {
        let ctx = self.ctx;
        let d = &self.drafts[k];
        if !(d.from..d.to).any(|a| ctx.is(a, Role::MemberNoun) && ctx.is(a, Role::Singular)) {
            return None;
        }
        self.state_said_of(d.from, d.from)
            .filter(|code| !ctx.reference.is_member(g, code, date))
    }

    /// The state a phrase that starts at unit `at` says something of (the
    /// phrase of draft `k` here, or the "one of" before its count): the
    /// mention named last before `at`, at most [`PREDICATE_REACH`] units
    /// back, a state, in the sentence of unit `to`.
    fn state_said_of(&self, at: usize, to: usize) -> Option<String> {
        let ctx = self.ctx;
        let u = (at.saturating_sub(PREDICATE_REACH)..at)
            .rev()
            .find(|&u| ctx.mention_at(u).is_some())?;
        ctx.state_at(u)
            .filter(|_| ctx.one_sentence(u, to))
            .map(str::to_string)
    }

    /// For a count after "l'un des", "one of the" (grammar `one_of`), the
    /// state it is said of: the one named last before it, a few words back
    /// in its sentence ("China is one of the poorest 25 countries", "La
    /// France est aussi l'un des trois pays où").
    fn one_of(&self, k: usize) -> Option<String> {
        let ctx = self.ctx;
        let d = &self.drafts[k];
        // A noun for countries: not "l'un des cinq Etats" of Georgia, a US
        // state, nor "Dubaï est l'un des sept membres" of the Emirates.
        if !(d.kind == SetKind::Count && d.stated.is_some() && d.group.is_none() && d.noun == Noun::Country) {
            return None;
        }
        // The phrase ends at the count, or before its article ("the
        // poorest 25", "l'un des trois").
        let start = (1..=ONE_OF_MAX)
            .filter(|&n| n <= d.from)
            .find(|&n| (0..=2).any(|a| ctx.phrase_at(d.from - n, Phrases::OneOf) == Some(n - a)))
            .map(|n| d.from - n)?;
        self.state_said_of(start, d.from)
    }

    /// The members of group `g` (`all` of them on `date`) other than those
    /// the text names before "autres"/"other" draft `k`, which names no list
    /// of its own.
    fn others_in_group(&self, k: usize, g: &str, all: Members, date: NaiveDate) -> (Members, Coverage) {
        let d = &self.drafts[k];
        // The others of an unnamed part of the group in its sentence
        // ("certains pays membres portent un fardeau par rapport aux
        // autres pays-membres"): unnamed too.
        let others_of_part = self.drafts.iter().any(|e| {
            e.part
                && e.group.as_deref() == Some(g)
                && e.to <= d.from
                && self.ctx.sentences_apart(e.from, d.from) == 0
        });
        if others_of_part {
            return (Members::new(), Coverage::None);
        }
        // The group's members besides the countries named just before
        // ("Greece ... Other EC countries").
        let whole = all.len();
        let mut others = self.without_named_before(all, d.from, 1);
        if others.len() == whole {
            // "l'Union européenne et des autres pays de l'espace
            // Schengen": besides the members of the group named just
            // before in the sentence.
            if let Some(h) = self.group_before_in_sentence(d.from).filter(|h| *h != g) {
                for x in self.ctx.reference.members_on(h, date) {
                    others.remove(x);
                }
            }
        }
        if others.len() == whole {
            // "les autres pays nordiques" said of Norway, named earlier
            // in the article; "Other GATT countries" after China, no
            // member: the whole group.
            others = self.without_named_before(others, d.from, usize::MAX / 2);
        }
        if d.stated.is_none_or(|n| others.len() as u64 == n) {
            (others, Coverage::Complete)
        } else {
            (Members::new(), Coverage::None)
        }
    }

    /// A set tied to a group on a date: the whole group ("les 27 Etats
    /// membres de l'UE", "EU member states"), a part of it ("trois pays de
    /// l'UE"), or its members other than the countries the sentence is
    /// about ("leurs 14 partenaires du Conseil de sécurité").
    fn in_group(
        &self,
        k: usize,
        g: &str,
        date: NaiveDate,
        named: Option<(Members, Coverage)>,
    ) -> (Members, Coverage) {
        let d = &self.drafts[k];
        if d.part {
            return match named {
                Some((m, _)) if !m.is_empty() => (m, Coverage::Partial),
                _ => (Members::new(), Coverage::None),
            };
        }
        let all = self.group_members(g, date);
        if d.other && named.is_none() {
            return self.others_in_group(k, g, all, date);
        }
        let Some(stated) = d.stated else {
            if d.noun == Noun::Partner {
                // The group's members other than the countries its sentence
                // names before it ("Greece and Turkey's NATO allies"); with
                // none of them named, the whole group ("la force Barkhane et
                // ses alliés du G5 Sahel").
                return (self.without_named_before(all, d.from, 0), Coverage::Complete);
            }
            // "les pays de l'UE, sauf le Royaume-Uni": the group without them.
            let mut all = all;
            for iso3 in self.excluded(d.to) {
                all.remove(&iso3);
            }
            return (all, Coverage::Complete);
        };
        let size = all.len() as u64;
        if d.noun == Noun::Partner {
            let others = self.without_named_before(all, d.from, 0);
            return if others.len() as u64 == stated {
                (others, Coverage::Complete)
            } else {
                (Members::new(), Coverage::None)
            };
        }
        // The whole group: its number, or a determiner and a number close to
        // its size ("les 27 pays de l'UE" while it has 28). A number well
        // below it, or a qualifier ("les 15 plus gros pays de l'UE"), is a part.
        let definite = matches!(
            d.det,
            Det::Definite | Det::Demonstrative | Det::Possessive | Det::Contracted
        );
        if stated >= size || (definite && !d.qualified && stated * 5 >= size * 4) {
            // "les 27 pays de l'UE" in 2019: the group without the members
            // that have notified their withdrawal, when that is the number.
            let staying = |iso3: &String| !self.ctx.reference.is_departing(g, iso3, date);
            let mut all = all;
            if stated < size && all.keys().filter(|c| staying(c)).count() as u64 == stated {
                all.retain(|iso3, _| staying(iso3));
            }
            return (all, Coverage::Complete);
        }
        // A part of the group: what is named of it, or the group's countries
        // of its sentence when they are as many as stated.
        match named {
            // A full list of as many of its countries as stated ("four OPEC
            // members -- Saudi Arabia, Kuwait, Qatar and the United Arab
            // Emirates") identifies every member.
            Some((m, Coverage::Complete))
                if m.len() as u64 == stated && m.keys().all(|c| all.contains_key(c)) =>
            {
                (m, Coverage::Complete)
            }
            Some((m, _)) if !m.is_empty() => (m, Coverage::Partial),
            _ => {
                // The countries joined right before it in its sentence, all
                // of the group ("la Grèce et la Turquie, toutes deux membres
                // de l'Otan", whatever else the sentence names).
                if let Some(m) = self
                    .joined_before(d.from, stated, 0)
                    .filter(|m| m.keys().all(|c| all.contains_key(c)))
                {
                    return (m, Coverage::Complete);
                }
                // The group's countries of its sentence, or, for "the three
                // Scandinavian countries", of the two sentences before.
                let in_sentence = self.countries_in_sentence(d.from);
                let mut in_group: Vec<&String> =
                    in_sentence.iter().filter(|c| all.contains_key(*c)).collect();
                // With a determiner that points back ("les", "ces", "des
                // deux Etats du Golfe"), of two sentences before, then of
                // the whole article before it.
                let (before, earlier);
                let back = matches!(d.det, Det::Definite | Det::Demonstrative | Det::Contracted);
                if in_group.len() as u64 != stated && back {
                    before = self.countries_before(d.from, 2);
                    in_group = before.iter().filter(|c| all.contains_key(*c)).collect();
                    if in_group.len() as u64 != stated && d.det != Det::Definite {
                        earlier = self.countries_before(d.from, usize::MAX / 2);
                        in_group = earlier.iter().filter(|c| all.contains_key(*c)).collect();
                    }
                }
                if in_group.len() as u64 == stated {
                    let mut m = Members::new();
                    for iso3 in in_group {
                        add(&mut m, iso3, "list");
                    }
                    (m, Coverage::Complete)
                } else {
                    (Members::new(), Coverage::None)
                }
            }
        }
    }

    /// The countries an anaphora points at: an earlier set of the same
    /// count, or the last countries named before it.
    fn anaphora(&self, k: usize) -> (Members, Coverage) {
        let d = &self.drafts[k];
        let n = d.stated.unwrap_or(0);
        if d.other {
            return self.other_anaphora(k);
        }
        let earlier_at = |coverage: Coverage| {
            self.nearest(k)
                .filter(|&j| {
                    let e = &self.drafts[j];
                    // A list of as many, named near ("Britain, the
                    // Netherlands and West Germany ... these three
                    // countries").
                    let near_list = || self.ctx.sentences_apart(e.to - 1, d.from) <= 3;
                    j != k
                        && e.to <= d.from
                        && e.coverage == coverage
                        && e.resolved
                        && (e.stated == Some(n)
                            || (e.members.len() as u64 == n && (e.list.is_none() || near_list())))
                })
                .max_by_key(|&j| self.drafts[j].to)
        };
        let earlier =
            |coverage: Coverage| earlier_at(coverage).map(|j| (self.drafts[j].members.clone(), coverage));
        if let Some(j) = earlier_at(Coverage::Complete) {
            // Unless as many countries are joined after it, nearer ("revendiqué
            // par les deux pays [Chine, Pakistan] [...] entre la Chine et l'Inde
            // [...] les deux nations les plus peuplées").
            return match self.joined_before_at(d.from, n, 3) {
                Some((last, m)) if last >= self.drafts[j].to => (m, Coverage::Complete),
                _ => (self.drafts[j].members.clone(), Coverage::Complete),
            };
        }
        // An earlier set of the same count that lacks members counts only
        // when the countries named before do no better.
        let partial = earlier(Coverage::Partial);
        if n > 4 {
            // "500 Britanniques, 500 Italiens, 500 Espagnols et 500
            // Allemands. [...] dans ces cinq pays": as many countries named in
            // the sentence before, and only there.
            let Some(partial) = partial else {
                let named = self.named_before(d.from, 1, d.adjectives());
                if named.len() as u64 == n && self.named_before(d.from, 2, d.adjectives()).len() as u64 == n {
                    let m = self.states(&named, "anaphora");
                    if m.len() as u64 == n {
                        return (m, Coverage::Complete);
                    }
                }
                return (Members::new(), Coverage::None);
            };
            return partial;
        }
        // As many named before it in its own sentence ("l'Inde, qui va siéger
        // au côté de la Chine alors que les deux pays"): those, before a pair
        // joined further back.
        let here = self.named_before(d.from, 0, d.adjectives());
        if here.len() as u64 == n {
            let m = self.states(&here, "anaphora");
            if m.len() as u64 == n {
                return (m, Coverage::Complete);
            }
        }
        if let Some(m) = self.joined_before(d.from, n, 3) {
            return (m, Coverage::Complete);
        }
        let mut named = self.named_before(d.from, 3, d.adjectives());
        // Too few: not further than a territory named near, which may be one
        // of them ("nos deux pays": France and Guernsey).
        let territory = (named.len() as u64) < n && self.territory_before(d.from, 3);
        if (named.len() as u64) < n {
            // "les trois pays" after an article that has named three
            // countries in all, some further back.
            let all = self.named_before(d.from, usize::MAX / 2, d.adjectives());
            if all.len() as u64 == n && !territory {
                named = all;
            }
        }
        if (named.len() as u64) < n {
            // "an agreement between the two countries to prospect for uranium
            // in Guinea"; then the next sentence ("les deux pays d'Amérique
            // centrale. [...] le président du Salvador").
            let next = match territory {
                true => Vec::new(),
                false => self.named_next_sentence(d.from, d.adjectives()),
            };
            for iso3 in self.countries_in_sentence(d.from).into_iter().chain(next) {
                if !named.contains(&iso3) {
                    named.push(iso3);
                }
            }
        }
        if !territory {
            self.complete_with_places(&mut named, d.from, n);
        }
        // A former state ("both countries": Israel and the Soviet Union) is
        // one of the countries meant but no member.
        let m = self.states(named.iter().take(n as usize), "anaphora");
        let coverage = match m.len() as u64 {
            0 => Coverage::None,
            x if x == n => Coverage::Complete,
            _ => Coverage::Partial,
        };
        match partial {
            Some(p) if coverage != Coverage::Complete && p.0.len() >= m.len() => p,
            _ => (m, coverage),
        }
    }

    /// Completes the `named` countries of an anaphora at unit `u` that finds
    /// fewer than `n` with the capitals named as places in the three
    /// sentences before, when they make as many ("la visite officielle de
    /// Macron à Washington symbolisait l'amitié entre les deux pays").
    fn complete_with_places(&self, named: &mut Vec<String>, u: usize, n: u64) {
        if named.len() as u64 >= n {
            return;
        }
        let mut with = named.clone();
        for iso3 in self.named_before(u, 3, Adjectives::WithPlaces) {
            if !with.contains(&iso3) {
                with.push(iso3);
            }
        }
        if with.len() as u64 == n {
            *named = with;
        }
    }

    /// The states named in the sentence after the one of unit `u`, in text
    /// order.
    fn named_next_sentence(&self, u: usize, adjectives: Adjectives) -> Vec<String> {
        let (at, _) = self.ctx.span(u);
        let mut found: Vec<(usize, String)> = self
            .named_around(u, 0, 1, adjectives)
            .into_iter()
            .filter(|&(d, p, _)| d == 1 && p > at)
            .map(|(_, p, iso3)| (p, iso3))
            .collect();
        found.sort_unstable();
        let mut out: Vec<String> = Vec::new();
        for (_, iso3) in found {
            if self.ctx.reference.is_state(&iso3) && !out.contains(&iso3) {
                out.push(iso3);
            }
        }
        out
    }

    /// The last countries joined as items before unit `u` ("la France et
    /// l'Allemagne", "both West Germany and Japan"), within `sentences`
    /// sentences before its own, when they are `n` states.
    fn joined_before(&self, u: usize, n: u64, sentences: usize) -> Option<Members> {
        self.joined_before_at(u, n, sentences).map(|(_, m)| m)
    }

    /// [`Self::joined_before`], with the unit of the run's last item.
    fn joined_before_at(&self, u: usize, n: u64, sentences: usize) -> Option<(usize, Members)> {
        let ctx = self.ctx;
        let at = ctx.folded.orig_byte(ctx.span(u).0);
        for run in self.runs.iter().rev().filter(|r| r.within.is_none()) {
            let last = *run.items.last()?;
            if last >= u {
                continue;
            }
            let apart = self.ctx.sentences_between(ctx.mention_at(last)?.byte_end, at);
            if apart > sentences {
                return None;
            }
            // "Dans un communiqué commun avec le Canada et l'Australie, les
            // deux pays": not these.
            if apart == 0 && self.set_apart(run.items[0], u) {
                continue;
            }
            let mut m = Members::new();
            for &i in &run.items {
                let x = ctx.mention_at(i)?;
                let iso3 = match x.kind {
                    MentionKind::Country if ctx.reference.is_state(&x.codes[0]) => x.codes[0].as_str(),
                    MentionKind::Historical => ctx.renamed(x)?,
                    _ => return None,
                };
                add(&mut m, iso3, "anaphora");
            }
            if m.len() as u64 == n {
                return Some((last, m));
            }
        }
        None
    }

    /// The last group named before unit `u` in its sentence.
    fn group_before_in_sentence(&self, u: usize) -> Option<&str> {
        let ctx = self.ctx;
        let (at, _) = ctx.span(u);
        let at = ctx.folded.orig_byte(at);
        for i in (0..u).rev() {
            if let Some(m) = ctx.mention_at(i) {
                if self.ctx.sentences_between(m.byte_end, at) > 0 {
                    return None;
                }
                if m.kind == MentionKind::Group {
                    return Some(m.codes[0].as_str());
                }
            }
        }
        None
    }

    /// The countries a phrase ending at unit `to` leaves out: ", sauf le
    /// Royaume-Uni", "except France and Italy".
    fn excluded(&self, to: usize) -> Vec<String> {
        let ctx = self.ctx;
        let mut u = to + usize::from(ctx.word(to) == Some(","));
        let Some(n) = ctx.phrase_at(u, Phrases::Except) else {
            return Vec::new();
        };
        u += n;
        let mut out = Vec::new();
        loop {
            u = ctx.skip(u, &[Role::Article, Role::Of, Role::Contracted, Role::Definite]);
            match ctx.mention_at(u).filter(|m| m.kind == MentionKind::Country) {
                Some(m) => out.push(m.codes[0].clone()),
                None => break,
            }
            u += 1;
            if !ctx.is(u, Role::Joiner) {
                break;
            }
            u += 1;
        }
        out
    }

    /// "the other three countries", "les deux autres pays": the last list
    /// named before, in the same or the previous sentence, without the
    /// countries named between it and the phrase (the ones the text sets
    /// apart), when as many are left as stated.
    fn other_anaphora(&self, k: usize) -> (Members, Coverage) {
        let d = &self.drafts[k];
        let n = d.stated.unwrap_or(0);
        let list = self
            .nearest(k)
            .filter(|&j| {
                let e = &self.drafts[j];
                matches!(e.kind, SetKind::List | SetKind::Union) && e.list.is_some() && e.to <= d.from
            })
            .max_by_key(|&j| self.drafts[j].to)
            .filter(|&j| self.ctx.sentences_apart(self.drafts[j].to - 1, d.from) <= 1);
        // The list's countries (a list is solved after the phrases: read
        // from its run).
        let Some((j, (listed, Coverage::Complete))) = list.and_then(|j| Some((j, self.list_members(j)?)))
        else {
            return (Members::new(), Coverage::None);
        };
        let mut others = listed.clone();
        for u in self.drafts[j].to..d.from {
            if let Some(m) = self.ctx.mention_at(u).filter(|m| m.kind == MentionKind::Country) {
                others.remove(&m.codes[0]);
            }
        }
        if others.len() as u64 == n && others.len() < listed.len() {
            let mut m = Members::new();
            for iso3 in others.keys() {
                add(&mut m, iso3, "anaphora");
            }
            (m, Coverage::Complete)
        } else {
            (Members::new(), Coverage::None)
        }
    }

    /// The countries named around unit `u`: by name, or by an adjective or
    /// capital ("les présidents français et américain", "Pékin et Tokyo"),
    /// from `sentences` sentences before the current one to the end of the
    /// `after`-th sentence after it, as (distance in sentences from `u`;
    /// folded position; country). In the current sentence, a country set
    /// apart before `u` ("avec le Japon, les deux pays") is passed over.
    fn named_around(
        &self,
        u: usize,
        sentences: usize,
        after: usize,
        adjectives: Adjectives,
    ) -> Vec<(usize, usize, String)> {
        let ctx = self.ctx;
        let (at, _) = ctx.span(u);
        let at_orig = ctx.folded.orig_byte(at);
        let mut found = Vec::new();
        // The sentences in reach, in original bytes.
        let ends = ctx.sentence_ends();
        let current = ends.partition_point(|&(e, _)| e < at_orig);
        let first = current.checked_sub(sentences + 1).map_or(0, |k| ends[k].0 + 1);
        let last = ends.get(current + after).map_or(ctx.text.len(), |&(e, _)| e + 1);
        let lo = ctx.mentions.partition_point(|m| m.byte_end <= first);
        let hi = ctx.mentions.partition_point(|m| m.byte_start < last);
        for (i, m) in ctx.mentions[lo..hi].iter().enumerate() {
            let state = m.kind == MentionKind::Country && ctx.reference.is_state(&m.codes[0]);
            if !(state || m.kind == MentionKind::Historical) {
                continue;
            }
            let before = m.byte_end <= at_orig;
            let d = if before {
                self.ctx.sentences_between(m.byte_end, at_orig)
            } else {
                self.ctx.sentences_between(at_orig, m.byte_start)
            };
            if (before && d > sentences) || (!before && d > after) {
                continue;
            }
            let apart = before && d == 0 && self.unit_of[lo + i].is_some_and(|x| self.set_apart(x, u));
            if !apart {
                let code = ctx.renamed(m).unwrap_or(&m.codes[0]);
                found.push((d, m.folded_start, code.to_string()));
            }
        }
        // Adjectives and capitals within reach.
        let (from, to) = reach(&ctx.folded.text, at, at, DEMONYM_REACH);
        for (start, iso3) in self.adjectives_in(from, to, adjectives) {
            if start == at {
                continue;
            }
            let o = ctx.folded.orig_byte(start);
            let before = start < at;
            let d = self.ctx.sentences_between(o.min(at_orig), o.max(at_orig));
            if (before && d <= sentences) || (!before && d <= after) {
                found.push((d, start, iso3.to_string()));
            }
        }
        found
    }

    /// Whether the sentence sets the country at unit `x` apart from a set
    /// that starts at unit `u` after it: "avec"/"with" before it, opening a
    /// clause ("Avec le Japon, les deux pays") or in a phrase that ends at
    /// the comma before the set ("un communiqué commun avec le Canada et
    /// l'Australie, les deux pays"); the countries joined to it go with it.
    fn set_apart(&self, x: usize, u: usize) -> bool {
        let ctx = self.ctx;
        let item =
            |i: usize| ctx.mention_at(i).is_some() || ctx.is(i, Role::Article) || ctx.is(i, Role::Joiner);
        // Joined to the set by "et"/"and" ("entre Israël et les deux pays du
        // Golfe"): the other party, not one of them.
        if x < u
            && (x + 1..u).all(|i| {
                ctx.is(i, Role::Article) || ctx.is(i, Role::Joiner) || ctx.is(i, Role::Demonstrative)
            })
            && (x + 1..u).any(|i| ctx.is(i, Role::Joiner) && ctx.word(i) != Some(","))
        {
            return true;
        }
        let Some(b) = (0..x).rev().find(|&i| !item(i)) else {
            return false;
        };
        if !ctx.is(b, Role::SetApart) {
            return false;
        }
        ctx.opens_clause(b) || (u >= 1 && ctx.word(u - 1) == Some(",") && (x + 1..u - 1).all(item))
    }

    /// Whether the adjective at folded byte `start` qualifies a company
    /// ("le groupe italo-américain", "the Japanese carmaker"): a company
    /// noun within two words on the noun's side, past other adjectives of
    /// countries, in the same clause.
    fn of_company(&self, start: usize, len: usize) -> bool {
        let ctx = self.ctx;
        let text = &ctx.folded.text;
        let Some(lexicon) = ctx.reference.grammar.lexicon(ctx.lang) else {
            return false;
        };
        let bit = ctx.roles.bits[Role::CompanyNoun as usize];
        // Four words lie within 200 bytes of the adjective in any prose; the
        // bound keeps a text without punctuation linear.
        let end = start + len;
        let (from, to) = reach(text, start, end, 200);
        let words = if ctx.roles.adjectives_after {
            clause_words(&text[from..start], false)
        } else {
            clause_words(&text[end..to], true)
        };
        words
            .iter()
            .filter(|w| ctx.reference.demonym(ctx.lang, w).is_none())
            .take(2)
            .any(|w| lexicon.get(*w).is_some_and(|l| l.roles & bit != 0))
    }

    /// The drafts nearest to draft `k` in text order (itself first), at most
    /// [`LINK_REACH`] of them, alternating before and after.
    fn nearest(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let p = self.place[k];
        let n = self.order.len();
        (0..2 * LINK_REACH + 1)
            .filter_map(move |i| {
                let off = i.div_ceil(2);
                if i % 2 == 1 {
                    p.checked_sub(off)
                } else {
                    Some(p + off).filter(|&q| q < n)
                }
            })
            .take(LINK_REACH)
            .map(move |q| self.order[q])
    }

    /// `members` without the countries named before unit `u`
    /// ([`Self::countries_before`]).
    fn without_named_before(&self, mut members: Members, u: usize, sentences: usize) -> Members {
        for x in self.countries_before(u, sentences) {
            members.remove(&x);
        }
        members
    }

    /// Distinct countries named before unit `u`, nearest first, within
    /// `sentences` sentences before the current one.
    fn countries_before(&self, u: usize, sentences: usize) -> Vec<String> {
        let mut named = self.named_before(u, sentences, Adjectives::All);
        named.retain(|c| self.ctx.reference.is_state(c));
        named
    }

    /// [`Self::countries_before`], with every adjective or without those
    /// of companies, and with former states (their ids of `historical.csv`).
    fn named_before(&self, u: usize, sentences: usize, adjectives: Adjectives) -> Vec<String> {
        let (at, _) = self.ctx.span(u);
        let mut found: Vec<(usize, usize, String)> = self
            .named_around(u, sentences, 0, adjectives)
            .into_iter()
            .filter(|(_, p, _)| *p < at)
            .collect();
        found.sort_by_key(|(_, p, _)| std::cmp::Reverse(*p));
        let mut out: Vec<String> = Vec::new();
        for (_, _, iso3) in found {
            if !out.contains(&iso3) {
                out.push(iso3);
            }
        }
        out
    }

    /// Whether a territory (a country mention that is no state: "Guernesey",
    /// "Hong Kong") is named in the `sentences` sentences before unit `u`
    /// or in its own sentence before it.
    fn territory_before(&self, u: usize, sentences: usize) -> bool {
        let ctx = self.ctx;
        let at = ctx.folded.orig_byte(ctx.span(u).0);
        let hi = ctx.mentions.partition_point(|m| m.byte_end <= at);
        ctx.mentions[..hi]
            .iter()
            .rev()
            .take_while(|m| self.ctx.sentences_between(m.byte_end, at) <= sentences)
            .any(|m| m.kind == MentionKind::Country && !ctx.reference.is_state(&m.codes[0]))
    }

    /// The distinct countries named in the sentence of unit `u`.
    fn countries_in_sentence(&self, u: usize) -> BTreeSet<String> {
        self.named_in_sentence(u, Adjectives::All)
    }

    /// [`Self::countries_in_sentence`], with every adjective or without
    /// those of companies.
    fn named_in_sentence(&self, u: usize, adjectives: Adjectives) -> BTreeSet<String> {
        self.states_around(u, 0, 0, adjectives)
    }

    /// The distinct states named after the phrase of draft `k` in its
    /// sentence, not in brackets ("la Guyane (France)": whose it is).
    fn states_after_in_sentence(&self, k: usize) -> BTreeSet<String> {
        let d = &self.drafts[k];
        let (_, end) = self.ctx.span(d.to - 1);
        let bracketed = |p: usize| self.ctx.folded.text[..p].trim_end().ends_with('(');
        self.named_around(d.from, 0, 0, d.adjectives())
            .into_iter()
            .filter(|(_, p, iso3)| *p >= end && !bracketed(*p) && self.ctx.reference.is_state(iso3))
            .map(|(_, _, iso3)| iso3)
            .collect()
    }

    /// The distinct states named from `before` sentences before unit `u` to
    /// `after` sentences after it ([`Self::named_around`]).
    fn states_around(
        &self,
        u: usize,
        before: usize,
        after: usize,
        adjectives: Adjectives,
    ) -> BTreeSet<String> {
        self.named_around(u, before, after, adjectives)
            .into_iter()
            .map(|(_, _, iso3)| iso3)
            .filter(|c| self.ctx.reference.is_state(c))
            .collect()
    }

    /// A count that nothing around it identifies (or only in part) takes
    /// the countries of its own sentence when they are exactly as many as it
    /// states; or the members of the same count stated elsewhere ("48 pays"
    /// ... "coopération entre 48 pays"); of a union or list of that size
    /// ("réunit les 27 Etats membres de l'UE et 21 Etats non UE" makes the
    /// 48); or of a group the article names that has that size on the date
    /// ("the 12-nation bloc" in an article about the EC of 1987).
    fn link_counts(&mut self) {
        for pass in [Coverage::None, Coverage::Partial] {
            for p in 0..self.order.len() {
                let k = self.order[p];
                let d = &self.drafts[k];
                // "Dix-neuf autres pays": others than a set named, never the same.
                if d.kind != SetKind::Count || d.coverage != pass || d.group.is_some() || d.other || d.part {
                    continue;
                }
                let Some(n) = d.stated else { continue };
                if pass == Coverage::None {
                    let named = self.named_in_sentence(d.from, d.adjectives());
                    if named.len() as u64 == n {
                        let d = &mut self.drafts[k];
                        for iso3 in named {
                            add(&mut d.members, &iso3, "list");
                        }
                        d.coverage = Coverage::Complete;
                        continue;
                    }
                }
                // A noun that needs a tie ("quatre membres") takes another
                // set's countries for sharing its number only near it, or
                // when it repeats its words ("une solution à deux Etats").
                let near = |j: usize| {
                    let (a, b) = (&self.drafts[j], &self.drafts[k]);
                    b.noun != Noun::Weak
                        || self.ctx.sentences_apart(a.from, b.from) <= NEAR_MAX
                        || self.ctx.phrase_text(a.from, a.to) == self.ctx.phrase_text(b.from, b.to)
                };
                if let Some(j) = self
                    .same_or_whole(k, n, pass == Coverage::None)
                    .filter(|&j| near(j))
                {
                    let (members, coverage) = (self.drafts[j].members.clone(), self.drafts[j].coverage);
                    if self.drafts[j].from < self.drafts[k].from && self.drafts[j].kind == SetKind::Count {
                        self.drafts[k].parent = Some(j);
                    } else {
                        self.drafts[j].parent = Some(k);
                        self.drafts[k].children.push(j);
                    }
                    let d = &mut self.drafts[k];
                    d.members = members;
                    d.coverage = coverage;
                } else if pass == Coverage::Partial {
                    // "le Conseil de l'Europe (qui rassemble 47 pays dont la
                    // Turquie)": a group named near of that size that holds
                    // the countries named.
                    let d = &self.drafts[k];
                    if let Some(members) = self
                        .group_of_size(n, d.from, 0)
                        .filter(|m| d.members.keys().all(|c| m.contains_key(c)))
                    {
                        let d = &mut self.drafts[k];
                        for (iso3, basis) in members {
                            d.members.entry(iso3).or_default().extend(basis);
                        }
                        d.coverage = Coverage::Complete;
                    }
                } else {
                    if let Some(members) = self.group_of_size(n, self.drafts[k].from, NEAR_MAX) {
                        let d = &mut self.drafts[k];
                        d.members = members;
                        d.coverage = Coverage::Complete;
                    } else if let Some(named) = self.named_as_many_near(k, n) {
                        let d = &mut self.drafts[k];
                        for iso3 in named {
                            add(&mut d.members, &iso3, "list");
                        }
                        d.coverage = Coverage::Complete;
                    } else if self.among(k) && self.drafts[k].noun != Noun::Weak {
                        // "le Pérou, la Bolivie ... se situent parmi les 10
                        // pays les plus touchés": what the sentence names is
                        // among them (of a noun that needs a tie, not: "Parmi
                        // les 41 signataires, on trouve les enseignes les plus
                        // connues du Royaume-Uni").
                        let named = self.countries_in_sentence(self.drafts[k].from);
                        if !named.is_empty() && named.len() as u64 <= n {
                            let d = &mut self.drafts[k];
                            for iso3 in named {
                                add(&mut d.members, &iso3, "list");
                            }
                            d.coverage = Coverage::Partial;
                        }
                    }
                }
            }
        }
    }

    /// The states named around count `k` when they are exactly as many as
    /// it states, `n` of three or more, and naming one sentence more adds
    /// none: its sentence and the next one or two ("51 attaques concentrées
    /// sur 8 pays. La France ... devant les Etats-Unis ... en Allemagne"),
    /// or the sentence before ("l'Allemagne, l'Autriche ... étendu à la
    /// Norvège ... Douze pays qui"). Only a noun that means countries.
    fn named_as_many_near(&self, k: usize, n: u64) -> Option<BTreeSet<String>> {
        let d = &self.drafts[k];
        if n < 3 || d.noun != Noun::Country || self.among(k) {
            return None;
        }
        let named = |before, after| self.states_around(d.from, before, after, d.adjectives());
        [(0, 1), (0, 2), (1, 0)].into_iter().find_map(|(before, after)| {
            let here = named(before, after);
            let wider = match before {
                0 => named(0, after + 1),
                _ => named(before + 1, 0),
            };
            (here.len() as u64 == n && wider == here).then_some(here)
        })
    }

    /// Whether count `k` follows "parmi les", "among the".
    fn among(&self, k: usize) -> bool {
        let d = &self.drafts[k];
        d.det == Det::Definite && d.from.checked_sub(2).is_some_and(|a| self.ctx.is(a, Role::Among))
    }

    /// Another set that is the same count (a count stated alike, or a union
    /// or list of that size), for count `k` stating `n`.
    fn same_or_whole(&self, k: usize, n: u64, unidentified: bool) -> Option<usize> {
        let d = &self.drafts[k];
        let same_count = self.nearest(k).find(|&j| {
            let e = &self.drafts[j];
            j != k
                && e.kind == SetKind::Count
                && e.stated == Some(n)
                && (e.coverage == Coverage::Complete || (unidentified && e.coverage == Coverage::Partial))
                && (e.from < d.from || e.parent.is_none())
                && e.parent != Some(k)
        });
        same_count.or_else(|| {
            self.nearest(k).find(|&j| {
                let e = &self.drafts[j];
                unidentified
                    && e.parent.is_none()
                    && ((e.kind == SetKind::Union && e.stated_sum(&self.drafts) == Some(n))
                        || (matches!(e.kind, SetKind::List | SetKind::Union)
                            && e.coverage == Coverage::Complete
                            && e.members.len() as u64 == n))
            })
        })
    }

    /// The members of the one group that has `n` members on the date among
    /// those the article names before unit `u` or up to `after` sentence
    /// ends after (`NEAR_MAX` for a count nothing identifies, none for one
    /// partly named): a count takes a group named near ("l'UE ... les 27",
    /// "the seven largest industrial nations ... the Group of Seven"), not
    /// one that only a later paragraph names.
    fn group_of_size(&self, n: u64, u: usize, after: usize) -> Option<Members> {
        let date = self.date?;
        let (at, _) = self.ctx.span(u);
        let at_orig = self.ctx.folded.orig_byte(at);
        let named_near = |g: &str| {
            self.ctx.mentions.iter().any(|m| {
                m.kind == MentionKind::Group
                    && m.codes[0] == g
                    && (m.folded_start < at || self.ctx.sentences_between(at_orig, m.byte_start) <= after)
            })
        };
        let mut fits = self
            .named_groups
            .iter()
            .filter(|g| named_near(g))
            .filter(|g| self.ctx.reference.members_on(g, date).len() as u64 == n);
        match (fits.next(), fits.next()) {
            (Some(g), None) => Some(self.group_members(g, date)),
            _ => None,
        }
    }
}

impl Ctx<'_, '_> {
    /// Whether unit `i` opens a clause: the first of its window, or after
    /// a punctuation mark ("Avec le Japon, les deux pays"; not "the
    /// deficit with Taiwan and Korea").
    fn opens_clause(&self, i: usize) -> bool {
        match i.checked_sub(1).map(|p| &self.units[p]) {
            None | Some(Unit::Break) => true,
            Some(Unit::Word { text, .. }) => !text.chars().any(char::is_alphanumeric),
            Some(Unit::Mention(_)) => false,
        }
    }

    /// The unit before `i`, passing over units of the given roles.
    fn skip_back(&self, mut i: usize, roles: &[Role]) -> Option<usize> {
        loop {
            i = i.checked_sub(1)?;
            if !roles.iter().any(|r| self.is(i, *r)) {
                return Some(i);
            }
        }
    }
}

/// The bytes of `text` within `bytes` before `start` and after `end`,
/// widened to whole characters.
fn reach(text: &str, start: usize, end: usize, bytes: usize) -> (usize, usize) {
    let from = (start.saturating_sub(bytes)..start)
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(start);
    let to = ((end + bytes).min(text.len())..=text.len())
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(text.len());
    (from, to)
}

/// Up to four words at the start (`forward`) or the end of `s`, nearest
/// first, in the clause: they stop at punctuation other than a hyphen or an
/// apostrophe.
fn clause_words(s: &str, forward: bool) -> Vec<&str> {
    let in_clause = |c: char| is_word_char(c) || matches!(c, ' ' | '-' | '\'' | '\n');
    fn words(clause: &str) -> impl DoubleEndedIterator<Item = &str> {
        clause.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
    }
    if forward {
        let end = s.find(|c: char| !in_clause(c)).unwrap_or(s.len());
        words(&s[..end]).take(4).collect()
    } else {
        let start = s
            .char_indices()
            .rev()
            .find(|&(_, c)| !in_clause(c))
            .map_or(0, |(p, c)| p + c.len_utf8());
        words(&s[start..]).rev().take(4).collect()
    }
}

/// Where sentences end in a text (byte offsets of the ".", "!" or "?"): before
/// a capital (after spaces, or glued: "en Syrie.Le"), not after an initial
/// ("U.S. Treasury"). Paragraphs glued without their full stop end one too:
/// at a bullet ("• Marine Le Pen"), and at a closing bracket glued to the
/// next sentence's first word ("(présidente du RN)Le gouvernement"). Each
/// end comes with where the text it was read from must reach for it to be
/// one (past the capital that follows it).
fn sentence_ends(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        match b[i] {
            0xE2 if b[i..].starts_with("\u{2022}".as_bytes()) => out.push((i, i + 3)),
            b')' => {
                let mut next = s[i + 1..].chars();
                if let (Some(c), Some(d)) = (next.next(), next.next()) {
                    if c.is_uppercase() && d.is_lowercase() {
                        out.push((i, i + 1 + c.len_utf8() + d.len_utf8()));
                    }
                }
            }
            b'.' | b'!' | b'?' => {
                let initial =
                    i >= 1 && b[i - 1].is_ascii_uppercase() && (i < 2 || !b[i - 2].is_ascii_alphabetic());
                if initial {
                    continue;
                }
                let rest = s[i + 1..].trim_start();
                let next = rest.chars().next();
                if let Some(c) = next.filter(|&c| c.is_uppercase() || c == '"' || c == '«') {
                    out.push((i, s.len() - rest.len() + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    out
}

/// The status of a stated count, from what was identified.
fn status(stated: u64, listed: u64, coverage: Coverage) -> Status {
    match coverage {
        Coverage::None => Status::Unverifiable,
        Coverage::Partial if listed <= stated => Status::Partial,
        Coverage::Complete if listed == stated => Status::Consistent,
        _ => Status::Inconsistent,
    }
}

/// The sets in text order (a set before the sets it contains), with their
/// quotes, offsets and statuses; counts of words that need a tie to mean
/// countries ("296 membres") or that as often mean firms, parties or people
/// ("les deux partenaires", "five coalition partners") and found none are
/// no sets.
fn finish(ctx: &Ctx, drafts: Vec<Draft>) -> Resolution {
    let keep: Vec<bool> = drafts
        .iter()
        .map(|d| {
            // An anaphora of such a noun that finds fewer countries than it
            // states ("Les deux Etats les plus touchés" of Sudan: one
            // country named) points at something else too.
            let weak_partial = d.kind == SetKind::Anaphora && d.coverage == Coverage::Partial;
            // A run of territories or former states only ("Guadeloupe,
            // Guyane, La Réunion, Martinique, Mayotte"): no country, no set.
            let no_state = d.kind == SetKind::List && d.members.is_empty();
            !no_state
                && !(matches!(d.kind, SetKind::Count | SetKind::Anaphora)
                    && matches!(d.noun, Noun::Weak | Noun::Partner)
                    && d.group.is_none()
                    && d.list.is_none()
                    && d.children.is_empty()
                    && (d.coverage == Coverage::None || weak_partial))
        })
        .collect();
    let mut order: Vec<usize> = (0..drafts.len()).filter(|&k| keep[k]).collect();
    order.sort_by_key(|&k| {
        (
            drafts[k].from,
            std::cmp::Reverse(drafts[k].to),
            drafts[k].kind != SetKind::Union,
        )
    });
    // A text that is mostly sets (a generated list, a table flattened to
    // text) keeps its first ones: every set costs rows in four tables.
    order.truncate(MAX_SETS);
    let mut place = vec![usize::MAX; drafts.len()];
    for (p, &k) in order.iter().enumerate() {
        place[k] = p;
    }
    let mut count = crate::normalize::CharCounter::new(ctx.text);
    let mut sets = Vec::with_capacity(order.len());
    for &k in &order {
        let d = &drafts[k];
        let (s, _) = ctx.span(d.from);
        let (_, e) = ctx.span(d.to - 1);
        let (b0, b1) = ctx.folded.orig_bytes(s, e);
        let members: Vec<Member> = d
            .members
            .iter()
            .map(|(iso3, basis)| Member {
                iso3: iso3.clone(),
                basis: basis.clone(),
            })
            .collect();
        let start = count.chars_to(b0);
        let end = start + ctx.text[b0..b1].chars().count();
        sets.push(CountrySet {
            start,
            end,
            quote: ctx.text[b0..b1].to_string(),
            kind: d.kind,
            stated: d.stated,
            group: d.group.clone(),
            restriction: d.restriction,
            coverage: d.coverage,
            status: d.stated.map(|n| status(n, members.len() as u64, d.coverage)),
            members,
            parent: d.parent.map(|p| place[p]).filter(|&p| p != usize::MAX),
        });
    }
    Resolution { sets }
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

/// Inside a list of three or more, an ambiguous name with exactly one
/// candidate that is a country settles to it ("Georgia" among "Albania,
/// Australia, ..." is the country, not the US state).
fn settle_in_lists(runs: &[Run], units: &[Unit], mentions: &mut [Mention], reference: &Reference) {
    for run in runs.iter().filter(|r| r.items.len() >= 3) {
        for &u in &run.items {
            let Unit::Mention(m) = units[u] else { continue };
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
}
