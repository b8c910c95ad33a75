//! Country sets against blind annotations: `tests/data/sets_annotations.csv`
//! (written by reading the corpus sample by `shared/sets-guideline.md`,
//! before anyone looked at the job's output) compared with the sets the job
//! resolves in the same articles.
//!
//! `cargo test --release --test sets -- --nocapture` prints status
//! accuracy, the share of sets wrongly called `inconsistent`, member
//! precision and recall, and the claims made where no countries are meant;
//! `PAYSAGE_SETS_VERBOSE=1` adds every miss.

mod common;

use paysage::extract::Matcher;
use paysage::ingest::{read_jsonl, Article, Ingested};
use paysage::reference::Reference;
use paysage::resolve::{CountrySet, Resolution};
use std::collections::{BTreeMap, BTreeSet};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Annotation {
    line: usize,
    article_id: String,
    quote: String,
    start: usize,
    end: usize,
    kind: String,
    members: Vec<String>,
    status: String,
}

fn annotations(file: &str) -> Vec<Annotation> {
    let mut r = csv::Reader::from_path(format!("{ROOT}/tests/data/{file}")).unwrap();
    r.deserialize::<BTreeMap<String, String>>()
        .enumerate()
        .map(|(k, row)| {
            let row = row.unwrap();
            Annotation {
                line: k + 2,
                article_id: row["article_id"].clone(),
                quote: row["quote"].clone(),
                start: 0,
                end: 0,
                kind: row["kind"].clone(),
                members: row["members"]
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                status: row["status"].clone(),
            }
        })
        .collect()
}

/// The articles of corpus samples ([`common::sample_lines`]); `None` when
/// a held-out sample's articles, kept in the shared corpus, are not there.
fn articles(corpora: &[&str]) -> Option<BTreeMap<String, Article>> {
    let mut out = BTreeMap::new();
    for corpus in corpora {
        let lines = common::sample_lines(corpus)?.join("\n");
        let mut sink = Ingested::default();
        read_jsonl(lines.as_bytes(), corpus, &mut sink);
        assert!(sink.rejects.is_empty(), "{:?}", sink.rejects);
        out.extend(sink.articles.into_iter().map(|a| (a.id.clone(), a)));
    }
    Some(out)
}

/// The code point span of the `n`th occurrence of `quote` in `text`.
fn locate(text: &str, quote: &str, n: usize) -> Option<(usize, usize)> {
    let (b, _) = text.match_indices(quote).nth(n.checked_sub(1)?)?;
    let start = text[..b].chars().count();
    Some((start, start + quote.chars().count()))
}

/// The job's set whose span is most like the annotated one, if any
/// overlaps it: the largest share of the two spans together that both
/// cover (so a list inside a union matches the list annotated without its
/// article, "l'Islande, Norvège et Liechtenstein", and the union the union);
/// of sets alike, the one whose span is nearest its length, then a
/// top-level one.
fn best(sets: &[CountrySet], start: usize, end: usize) -> Option<&CountrySet> {
    sets.iter()
        .filter(|s| s.start < end && start < s.end)
        .max_by_key(|s| {
            let both = s.end.min(end) - s.start.max(start);
            let either = s.end.max(end) - s.start.min(start);
            (
                both * 1_000_000 / either,
                std::cmp::Reverse((s.end - s.start).abs_diff(end - start)),
                std::cmp::Reverse(s.parent.is_some()),
            )
        })
}

/// What a sample of annotations measures, and the floors that catch a regression.
struct Floors {
    status: f64,
    false_inconsistent: f64,
    f1: f64,
}

/// The annotations the helper wrote while this resolver was being tuned on
/// them: a regression check more than a measure.
#[test]
fn sets_match_the_blind_annotations() {
    measure(
        "sets_annotations.csv",
        &["fr", "en"],
        Floors {
            status: FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: FLOOR_F1,
        },
    );
}

/// A second sample, drawn and annotated blind after the resolver was tuned
/// on the first (`tests/data/sets_heldout.md`); its misses were read and
/// their classes fixed since, so it is a regression check too.
#[test]
fn sets_match_the_held_out_annotations() {
    measure(
        "sets_heldout.csv",
        &["heldout_fr", "heldout_en"],
        Floors {
            status: HELDOUT_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT_FLOOR_F1,
        },
    );
}

/// A third sample, drawn and annotated blind after the resolver had been tuned
/// on the first two (`tests/data/sets_heldout2.md`). Measured blind once
/// (status 0.831, F1 0.783, one claim on a rugby tournament); the classes it
/// showed were then fixed, so it too is now a regression check.
#[test]
fn sets_match_the_second_held_out_annotations() {
    measure(
        "sets_heldout2.csv",
        &["heldout2_fr", "heldout2_en"],
        Floors {
            status: HELDOUT2_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT2_FLOOR_F1,
        },
    );
}

/// A fourth sample, drawn and annotated blind while the fifth session's
/// changes were made (`tests/data/sets_heldout3.md`), measured blind at their
/// end (status 0.741, F1 0.956); four classes it showed were fixed after, so
/// it is a regression check now.
#[test]
fn sets_match_the_third_held_out_annotations() {
    measure(
        "sets_heldout3.csv",
        &["heldout3_fr", "heldout3_en"],
        Floors {
            status: HELDOUT3_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT3_FLOOR_F1,
        },
    );
}

/// A fifth sample, drawn and annotated blind while the last four classes
/// were fixed (`tests/data/sets_heldout4.md`), measured blind after them
/// (status 0.684, F1 0.778, two claims where no countries are meant, fixed
/// since as classes); its misses were read in the sixth session and their
/// classes fixed: a regression check now.
#[test]
fn sets_match_the_fourth_held_out_annotations() {
    measure(
        "sets_heldout4.csv",
        &["heldout4_fr", "heldout4_en"],
        Floors {
            status: HELDOUT4_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT4_FLOOR_F1,
        },
    );
}

/// A sixth sample, drawn and annotated blind while the fourth sample's
/// classes were fixed (`tests/data/sets_heldout5.md`), measured blind after
/// them (status 0.797, F1 0.886, as the session's first build: the fixes did
/// not carry over; two claims where no countries are meant, "les quatre
/// nations constitutives du Royaume-Uni", fixed since as a class); its
/// misses have been read: a regression check now.
#[test]
fn sets_match_the_fifth_held_out_annotations() {
    measure(
        "sets_heldout5.csv",
        &["heldout5_fr", "heldout5_en"],
        Floors {
            status: HELDOUT5_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT5_FLOOR_F1,
        },
    );
}

/// A seventh sample, drawn and annotated blind while the fifth sample's
/// classes were fixed (`tests/data/sets_heldout6.md`), measured once at the
/// end of that work (status 0.852 and F1 0.925, against 0.840 and 0.916 for
/// the session's first build; one claim where no countries are meant, "the
/// ADB's 12-member board", fixed since as a class); its misses have been
/// read since: a regression check now.
#[test]
fn sets_match_the_sixth_held_out_annotations() {
    measure(
        "sets_heldout6.csv",
        &["heldout6_fr", "heldout6_en"],
        Floors {
            status: HELDOUT6_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT6_FLOOR_F1,
        },
    );
}

/// An eighth sample, drawn and annotated blind while the sixth sample's
/// classes were fixed (`tests/data/sets_heldout7.md`), measured once at the
/// end of that work (status 0.877 and F1 0.893, against 0.860 and 0.877 for
/// the session's first build; one claim where no countries are meant in both,
/// "Les deux Etats les plus touchés" of Sudan, fixed since as a class); its
/// misses have been read since: a regression check now.
#[test]
fn sets_match_the_seventh_held_out_annotations() {
    measure(
        "sets_heldout7.csv",
        &["heldout7_fr", "heldout7_en"],
        Floors {
            status: HELDOUT7_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT7_FLOOR_F1,
        },
    );
}

/// A ninth sample, drawn and annotated blind while the seventh sample's
/// classes were fixed (`tests/data/sets_heldout8.md`), measured once at the
/// end of that work (status 0.697 and F1 0.800, against 0.636 and 0.757 for
/// the session's first build).
#[test]
fn sets_match_the_eighth_held_out_annotations() {
    measure(
        "sets_heldout8.csv",
        &["heldout8_fr", "heldout8_en"],
        Floors {
            status: HELDOUT8_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT8_FLOOR_F1,
        },
    );
}

/// A tenth sample, drawn and annotated blind while the eighth sample's
/// classes were fixed (`tests/data/sets_heldout9.md`), measured once at the
/// end of that work (status 0.778 and F1 0.869, against 0.762 and 0.835 for
/// the session's first build; one claim where no countries are meant, two
/// for the first build: "the 21-member Association of European Airlines",
/// fixed since as a class).
#[test]
fn sets_match_the_ninth_held_out_annotations() {
    measure(
        "sets_heldout9.csv",
        &["heldout9_fr", "heldout9_en"],
        Floors {
            status: HELDOUT9_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT9_FLOOR_F1,
        },
    );
}

/// An eleventh sample, drawn and annotated blind at the start of the eighth
/// session (`tests/data/sets_heldout10.md`) and measured once on that
/// session's first build before its misses were read (status 0.800, F1
/// 0.904); its classes were fixed since.
#[test]
fn sets_match_the_tenth_held_out_annotations() {
    measure(
        "sets_heldout10.csv",
        &["heldout10_fr", "heldout10_en"],
        Floors {
            status: HELDOUT10_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT10_FLOOR_F1,
        },
    );
}

/// A twelfth sample, drawn and annotated blind at the start of the eighth
/// session (`tests/data/sets_heldout11.md`), kept unread while that session
/// worked and measured once at its end: status 0.758 and F1 0.871, against
/// 0.742 and 0.837 for the session's first build; one claim where no
/// countries are meant for both ("the 16-member ICO board"), fixed since as
/// a class.
#[test]
fn sets_match_the_eleventh_held_out_annotations() {
    measure(
        "sets_heldout11.csv",
        &["heldout11_fr", "heldout11_en"],
        Floors {
            status: HELDOUT11_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT11_FLOOR_F1,
        },
    );
}

/// A thirteenth sample, drawn and annotated blind in the eighth session
/// (`tests/data/sets_heldout12.md`), kept unread while that session worked
/// and measured once at its end: status 0.815 and F1 0.872, against 0.785
/// and 0.830 for the session's first build.
#[test]
fn sets_match_the_twelfth_held_out_annotations() {
    measure(
        "sets_heldout12.csv",
        &["heldout12_fr", "heldout12_en"],
        Floors {
            status: HELDOUT12_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT12_FLOOR_F1,
        },
    );
}

/// A fourteenth sample (90 French and 55 English articles: the Reuters
/// candidates ran short), drawn and annotated blind late in the eighth
/// session (`tests/data/sets_heldout13.md`) and measured once at its end:
/// status 0.707 and F1 0.851, against 0.707 and 0.825 for the session's
/// first build; one claim where no countries are meant for both ("the
/// 72-member Canadian Chemical Producers Association"), fixed since as a
/// class.
#[test]
fn sets_match_the_thirteenth_held_out_annotations() {
    measure(
        "sets_heldout13.csv",
        &["heldout13_fr", "heldout13_en"],
        Floors {
            status: HELDOUT13_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT13_FLOOR_F1,
        },
    );
}

/// A fifteenth sample, French only (no English candidate was left), drawn
/// and annotated blind at the end of the eighth session
/// (`tests/data/sets_heldout14.md`) and measured once: status 0.641 and F1
/// 0.826, against 0.641 and 0.793 for the session's first build.
#[test]
fn sets_match_the_fourteenth_held_out_annotations() {
    measure(
        "sets_heldout14.csv",
        &["heldout14_fr"],
        Floors {
            status: HELDOUT14_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT14_FLOOR_F1,
        },
    );
}

/// A sixteenth sample, French only, drawn and annotated blind at the start
/// of the ninth session (`tests/data/sets_heldout15.md`) and measured once
/// on that session's first build: status 0.929, F1 0.963, no claim. A
/// regression check since the tenth session.
#[test]
fn sets_match_the_fifteenth_held_out_annotations() {
    measure(
        "sets_heldout15.csv",
        &["heldout15_fr"],
        Floors {
            status: HELDOUT15_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT15_FLOOR_F1,
        },
    );
}

/// A seventeenth sample, French only, drawn and annotated blind at the
/// start of the ninth session (`tests/data/sets_heldout16.md`) and measured
/// once on that session's first build: status 0.571, F1 0.619, 2 claims
/// where no countries are meant. Read in the tenth session: no claim since,
/// F1 0.907 (a bare "Etats membres" of the UN Human Rights Council is no
/// longer the UN's 193).
#[test]
fn sets_match_the_sixteenth_held_out_annotations() {
    measure(
        "sets_heldout16.csv",
        &["heldout16_fr"],
        Floors {
            status: HELDOUT16_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT16_FLOOR_F1,
        },
    );
}

/// An eighteenth sample, French only, drawn and annotated blind at the
/// start of the tenth session (`tests/data/sets_heldout17.md`) and measured,
/// its summary only, on that session's first and last builds: status 0.850,
/// F1 0.848, 2 claims where no countries are meant. Read in the twelfth
/// session (the two claims were the measure's: "9 pays" inside the no-set
/// row "73 membres issus de 9 pays"); a regression check since.
#[test]
fn sets_match_the_seventeenth_held_out_annotations() {
    measure(
        "sets_heldout17.csv",
        &["heldout17_fr"],
        Floors {
            status: HELDOUT17_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT17_FLOOR_F1,
        },
    );
}

/// A nineteenth sample, French only, drawn and annotated blind at the start
/// of the tenth session (`tests/data/sets_heldout18.md`) and measured, its
/// summary only, on that session's first and last builds: status 0.800, F1
/// 0.872, no claim. Read in the twelfth session; a regression check since.
#[test]
fn sets_match_the_eighteenth_held_out_annotations() {
    measure(
        "sets_heldout18.csv",
        &["heldout18_fr"],
        Floors {
            status: HELDOUT18_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT18_FLOOR_F1,
        },
    );
}

/// A twentieth sample, French only, drawn and annotated blind at the start
/// of the twelfth session (`tests/data/sets_heldout19.md`) and measured, its
/// summary only, on that session's first and last builds: status 0.724, F1
/// 0.916 then 0.920, no claim. Read in the thirteenth session; a regression
/// check since.
#[test]
fn sets_match_the_nineteenth_held_out_annotations() {
    measure(
        "sets_heldout19.csv",
        &["heldout19_fr"],
        Floors {
            status: HELDOUT19_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT19_FLOOR_F1,
        },
    );
}

/// A twenty-first sample, French only, drawn and annotated blind at the
/// start of the twelfth session (`tests/data/sets_heldout20.md`) and
/// measured, its summary only, on that session's first and last builds:
/// status 0.781, F1 0.904 then 0.910, no claim. Read in the thirteenth
/// session; a regression check since.
#[test]
fn sets_match_the_twentieth_held_out_annotations() {
    measure(
        "sets_heldout20.csv",
        &["heldout20_fr"],
        Floors {
            status: HELDOUT20_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT20_FLOOR_F1,
        },
    );
}

/// A twenty-second sample, French only, drawn and annotated blind at the
/// start of the thirteenth session (`tests/data/sets_heldout21.md`) and
/// measured, its summary only, on that session's first and last builds:
/// status 0.684 then 0.711, F1 0.935 then 0.942, no claim. Read in the
/// fourteenth session; a regression check since.
#[test]
fn sets_match_the_twenty_first_held_out_annotations() {
    measure(
        "sets_heldout21.csv",
        &["heldout21_fr"],
        Floors {
            status: HELDOUT21_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT21_FLOOR_F1,
        },
    );
}

/// A twenty-third sample, French only, drawn and annotated blind at the
/// start of the thirteenth session (`tests/data/sets_heldout22.md`) and
/// measured, its summary only, on that session's first and last builds:
/// status 0.867, F1 0.945, one claim where no countries are meant. Read in
/// the fourteenth session; a regression check since.
#[test]
fn sets_match_the_twenty_second_held_out_annotations() {
    measure(
        "sets_heldout22.csv",
        &["heldout22_fr"],
        Floors {
            status: HELDOUT22_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT22_FLOOR_F1,
        },
    );
}

/// A twenty-fourth sample, French only, drawn and annotated blind at the
/// start of the fourteenth session (`tests/data/sets_heldout23.md`) and
/// measured, its summary only, on that session's first build and on its
/// build before reading: status 0.938 then 0.969, F1 0.750 then 0.751, no
/// claim. Read at the end of the fourteenth session; a regression check
/// since.
#[test]
fn sets_match_the_twenty_third_held_out_annotations() {
    measure(
        "sets_heldout23.csv",
        &["heldout23_fr"],
        Floors {
            status: HELDOUT23_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT23_FLOOR_F1,
        },
    );
}

/// A twenty-fifth sample, French only, drawn and annotated blind at the
/// start of the fourteenth session (`tests/data/sets_heldout24.md`) and
/// measured, its summary only, three times in that session: status 0.935,
/// F1 0.940, no claim, on each build. Read in the fifteenth session; a
/// regression check since.
#[test]
fn sets_match_the_twenty_fourth_held_out_annotations() {
    measure(
        "sets_heldout24.csv",
        &["heldout24_fr"],
        Floors {
            status: HELDOUT24_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT24_FLOOR_F1,
        },
    );
}

/// A twenty-sixth sample, French and English, drawn from the wider pool
/// (no candidate of the first test was left) and annotated blind at the
/// start of the fifteenth session (`tests/data/sets_heldout25.md`); measured
/// blind, its summary only, four times in that session: status 1/2, F1
/// 0.967, no claim, on each build. Read in the sixteenth session; a
/// regression check since.
#[test]
fn sets_match_the_twenty_fifth_held_out_annotations() {
    measure(
        "sets_heldout25.csv",
        &["heldout25_fr", "heldout25_en"],
        Floors {
            status: HELDOUT25_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT25_FLOOR_F1,
        },
    );
}

/// A twenty-seventh sample, as the twenty-sixth
/// (`tests/data/sets_heldout26.md`); measured blind four times in the
/// fifteenth session: status 2/4, F1 0.990, no claim. Read in the sixteenth
/// session; a regression check since.
#[test]
fn sets_match_the_twenty_sixth_held_out_annotations() {
    measure(
        "sets_heldout26.csv",
        &["heldout26_fr", "heldout26_en"],
        Floors {
            status: HELDOUT26_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT26_FLOOR_F1,
        },
    );
}

/// A twenty-eighth sample, from the wider pool narrowed to articles with
/// an enumeration, French and English (`tests/data/sets_heldout27.md`),
/// drawn and annotated blind in the fifteenth session; measured blind four
/// times in that session (no status, F1 0.951, no claim) and once in the
/// sixteenth (F1 0.947), after two of its rows had been seen in a search of
/// the annotation files. Read in the sixteenth session; a regression check
/// since.
#[test]
fn sets_match_the_twenty_seventh_held_out_annotations() {
    measure(
        "sets_heldout27.csv",
        &["heldout27_fr", "heldout27_en"],
        Floors {
            status: HELDOUT27_FLOOR_STATUS,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: HELDOUT27_FLOOR_F1,
        },
    );
}

/// A twenty-ninth sample, as the twenty-eighth, French only
/// (`tests/data/sets_heldout28.md`). Sealed.
#[test]
#[ignore = "sealed: kept blind for the next measure"]
fn sets_match_the_twenty_eighth_held_out_annotations() {
    sealed("sets_heldout28.csv", &["heldout28_fr"]);
}

/// A sealed sample: measured with no floor, for its summary lines.
fn sealed(file: &str, corpora: &[&str]) {
    measure(
        file,
        corpora,
        Floors {
            status: 0.0,
            false_inconsistent: CEIL_FALSE_INCONSISTENT,
            f1: 0.0,
        },
    );
}

fn measure(file: &str, corpora: &[&str], floors: Floors) {
    eprintln!("== {file}");
    let Some(articles) = articles(corpora) else {
        common::skipped(
            file,
            "its articles are read from ../shared/corpus (the full corpus; CI has it), not there",
        );
        return;
    };
    let reference = Reference::load(format!("{ROOT}/input").as_ref()).unwrap();
    let matcher = Matcher::new(&reference).unwrap();
    let mut notes = annotations(file);
    let raw = csv::Reader::from_path(format!("{ROOT}/tests/data/{file}"))
        .unwrap()
        .into_records()
        .map(|r| r.unwrap().get(3).unwrap().parse::<usize>().unwrap())
        .collect::<Vec<_>>();
    let mut resolved: BTreeMap<String, Resolution> = BTreeMap::new();
    for (a, occurrence) in notes.iter_mut().zip(raw) {
        let art = &articles[&a.article_id];
        (a.start, a.end) = locate(&art.text, &a.quote, occurrence)
            .unwrap_or_else(|| panic!("line {}: `{}` not in {}", a.line, a.quote, a.article_id));
        resolved
            .entry(a.article_id.clone())
            .or_insert_with(|| paysage::analyse(&art.text, &art.lang, art.date, &matcher, &reference).1);
    }
    let verbose = std::env::var_os("PAYSAGE_SETS_VERBOSE").is_some();
    if let Some(art) = std::env::var_os("PAYSAGE_SETS_ARTICLE").and_then(|id| articles.get(id.to_str()?)) {
        let (mentions, r) = paysage::analyse(&art.text, &art.lang, art.date, &matcher, &reference);
        for m in &mentions {
            eprintln!("mention {} {:?} {:?} {:?}", m.start, m.surface, m.kind, m.codes);
        }
        for s in &r.sets {
            eprintln!(
                "set {:?} {:?} {:?} {:?} {:?} {:?}",
                s.quote,
                s.kind,
                s.stated,
                s.coverage,
                s.parent,
                s.members.iter().map(|m| &m.iso3).collect::<Vec<_>>()
            );
        }
    }
    let (mut with_status, mut status_ok, mut false_inconsistent) = (0usize, 0usize, 0usize);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let (mut none_rows, mut claims_on_none) = (0usize, 0usize);
    let mut found_sets = 0usize;
    let mut per_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    // The job's sets that an annotated set matches ("9 pays" inside the
    // no-set row "73 membres issus de 9 pays"): not claims on a no-set row.
    let annotated: BTreeSet<(&str, usize, usize)> = notes
        .iter()
        .filter(|a| a.kind != "none")
        .filter_map(|a| {
            best(&resolved[&a.article_id].sets, a.start, a.end)
                .map(|s| (a.article_id.as_str(), s.start, s.end))
        })
        .collect();
    for a in &notes {
        let art = &articles[&a.article_id];
        let sets = &resolved[&a.article_id].sets;
        let got = best(sets, a.start, a.end);
        let say = |what: &str| {
            if verbose {
                eprintln!(
                    "line {} {} {:?} [{}]: {what}; job: {:?}",
                    a.line,
                    a.article_id,
                    a.quote,
                    a.kind,
                    got.map(|s| (
                        s.quote.as_str(),
                        s.kind.as_str(),
                        s.stated,
                        s.coverage.as_str(),
                        s.status.map(|x| x.as_str()),
                        s.members.len()
                    ))
                );
            }
        };
        if a.kind == "none" {
            none_rows += 1;
            if got.is_some_and(|s| {
                s.stated.is_some() && !annotated.contains(&(a.article_id.as_str(), s.start, s.end))
            }) {
                claims_on_none += 1;
                say("a claim where no countries are meant");
            }
            continue;
        }
        let k = per_kind.entry(a.kind.as_str()).or_default();
        k.0 += 1;
        if got.is_some() {
            k.1 += 1;
            found_sets += 1;
        } else {
            say("not found");
        }
        if !a.status.is_empty() {
            with_status += 1;
            let job = got
                .and_then(|s| s.status)
                .map(|s| s.as_str())
                .unwrap_or("(no set)");
            if job == a.status {
                status_ok += 1;
            } else {
                say(&format!("status {} expected", a.status));
            }
        }
        // Members: the named codes and the groups expanded at the article's date.
        let mut expected: BTreeSet<String> = BTreeSet::new();
        for m in &a.members {
            match m.strip_prefix('@') {
                Some(g) => {
                    // A former state is never a member (the guideline).
                    if let Some(d) = art.date {
                        expected.extend(
                            reference
                                .members_on(g, d)
                                .into_iter()
                                .filter(|c| reference.country(c).is_some())
                                .map(str::to_string),
                        );
                    }
                }
                None => {
                    expected.insert(m.clone());
                }
            }
        }
        // The job's members as its `members` table holds them: ISO 3166-1
        // countries only (a former state a group held on the date, the
        // USSR of 1987's Comecon, counts toward `listed` but is no row).
        let job: BTreeSet<String> = got
            .map(|s| {
                s.members
                    .iter()
                    .filter(|m| reference.country(&m.iso3).is_some())
                    .map(|m| m.iso3.clone())
                    .collect()
            })
            .unwrap_or_default();
        let (t, p, n) = (
            job.intersection(&expected).count(),
            job.difference(&expected).count(),
            expected.difference(&job).count(),
        );
        if p + n > 0 {
            say(&format!("members: {p} extra, {n} missing of {}", expected.len()));
        }
        tp += t;
        fp += p;
        fn_ += n;
    }
    // Every set the job calls inconsistent that the annotators did not.
    for (id, r) in &resolved {
        for s in r
            .sets
            .iter()
            .filter(|s| s.status == Some(paysage::resolve::Status::Inconsistent))
        {
            let note = notes
                .iter()
                .filter(|a| &a.article_id == id && a.start < s.end && s.start < a.end)
                .max_by_key(|a| a.end.min(s.end) - a.start.max(s.start));
            if note.is_none_or(|a| a.status != "inconsistent") {
                false_inconsistent += 1;
                if verbose {
                    eprintln!(
                        "false inconsistent in {id}: {:?} stated {:?}, {} identified",
                        s.quote,
                        s.stated,
                        s.members.len()
                    );
                }
            }
        }
    }
    // A sample with no stated count has no status to get wrong.
    let share = |n: usize| {
        if with_status == 0 {
            0.0
        } else {
            n as f64 / with_status as f64
        }
    };
    let accuracy = if with_status == 0 { 1.0 } else { share(status_ok) };
    let false_share = share(false_inconsistent);
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let sets_total: usize = per_kind.values().map(|k| k.0).sum();
    eprintln!("sets annotated: {sets_total} (+{none_rows} counts that mean no countries); found by the job: {found_sets}");
    for (kind, (n, f)) in &per_kind {
        eprintln!("  {kind:<9} {f}/{n} found");
    }
    eprintln!("status right ({file}): {status_ok}/{with_status} = {accuracy:.3} (aim >= 0.90)");
    eprintln!("wrongly inconsistent: {false_inconsistent}/{with_status} = {false_share:.3} (aim <= 0.02)");
    eprintln!("members ({file}): precision {precision:.3}, recall {recall:.3}, F1 {f1:.3} (aim >= 0.95)");
    eprintln!("claims where no countries are meant: {claims_on_none}/{none_rows} (aim 0)");
    // Floors a little under what this build measures: they catch a regression.
    assert!(accuracy >= floors.status, "status accuracy {accuracy:.3}");
    assert!(
        false_share <= floors.false_inconsistent,
        "false inconsistent {false_share:.3}"
    );
    assert!(f1 >= floors.f1, "member F1 {f1:.3}");
    assert!(
        claims_on_none == 0,
        "{claims_on_none} claims where no countries are meant"
    );
}

const FLOOR_STATUS: f64 = 0.88;
const CEIL_FALSE_INCONSISTENT: f64 = 0.02;
const FLOOR_F1: f64 = 0.93;
const HELDOUT_FLOOR_STATUS: f64 = 0.82;
const HELDOUT_FLOOR_F1: f64 = 0.94;
const HELDOUT2_FLOOR_STATUS: f64 = 0.95;
const HELDOUT2_FLOOR_F1: f64 = 0.93;
const HELDOUT3_FLOOR_STATUS: f64 = 0.84;
const HELDOUT3_FLOOR_F1: f64 = 0.97;
const HELDOUT4_FLOOR_STATUS: f64 = 0.81;
const HELDOUT4_FLOOR_F1: f64 = 0.90;
const HELDOUT5_FLOOR_STATUS: f64 = 0.89;
const HELDOUT5_FLOOR_F1: f64 = 0.94;
const HELDOUT6_FLOOR_STATUS: f64 = 0.86;
const HELDOUT6_FLOOR_F1: f64 = 0.94;
const HELDOUT7_FLOOR_STATUS: f64 = 0.90;
const HELDOUT7_FLOOR_F1: f64 = 0.92;
const HELDOUT8_FLOOR_STATUS: f64 = 0.77;
const HELDOUT8_FLOOR_F1: f64 = 0.92;
const HELDOUT9_FLOOR_STATUS: f64 = 0.86;
const HELDOUT9_FLOOR_F1: f64 = 0.92;
const HELDOUT10_FLOOR_STATUS: f64 = 0.84;
const HELDOUT10_FLOOR_F1: f64 = 0.94;
const HELDOUT11_FLOOR_STATUS: f64 = 0.78;
const HELDOUT11_FLOOR_F1: f64 = 0.90;
const HELDOUT12_FLOOR_STATUS: f64 = 0.85;
const HELDOUT12_FLOOR_F1: f64 = 0.90;
const HELDOUT13_FLOOR_STATUS: f64 = 0.72;
const HELDOUT13_FLOOR_F1: f64 = 0.86;
const HELDOUT14_FLOOR_STATUS: f64 = 0.70;
const HELDOUT14_FLOOR_F1: f64 = 0.85;
const HELDOUT15_FLOOR_STATUS: f64 = 0.95;
const HELDOUT15_FLOOR_F1: f64 = 0.95;
const HELDOUT16_FLOOR_STATUS: f64 = 0.62;
const HELDOUT16_FLOOR_F1: f64 = 0.89;
const HELDOUT17_FLOOR_STATUS: f64 = 0.83;
const HELDOUT17_FLOOR_F1: f64 = 0.85;
const HELDOUT18_FLOOR_STATUS: f64 = 0.81;
const HELDOUT18_FLOOR_F1: f64 = 0.93;
const HELDOUT19_FLOOR_STATUS: f64 = 0.71;
const HELDOUT19_FLOOR_F1: f64 = 0.91;
const HELDOUT20_FLOOR_STATUS: f64 = 0.80;
const HELDOUT20_FLOOR_F1: f64 = 0.90;
const HELDOUT21_FLOOR_STATUS: f64 = 0.82;
const HELDOUT21_FLOOR_F1: f64 = 0.96;
const HELDOUT22_FLOOR_STATUS: f64 = 0.93;
const HELDOUT22_FLOOR_F1: f64 = 0.97;
const HELDOUT23_FLOOR_STATUS: f64 = 0.95;
const HELDOUT23_FLOOR_F1: f64 = 0.94;
const HELDOUT24_FLOOR_STATUS: f64 = 0.95;
const HELDOUT24_FLOOR_F1: f64 = 0.97;
const HELDOUT25_FLOOR_STATUS: f64 = 0.95;
const HELDOUT25_FLOOR_F1: f64 = 0.97;
const HELDOUT26_FLOOR_STATUS: f64 = 0.95;
const HELDOUT26_FLOOR_F1: f64 = 0.98;
// No stated count in the sample: its status accuracy is 1 by definition.
const HELDOUT27_FLOOR_STATUS: f64 = 0.95;
const HELDOUT27_FLOOR_F1: f64 = 0.95;
