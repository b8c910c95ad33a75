//! `paysage lookup` on the command line: CSV out, one row per input row, in order.

mod common;
use common::*;

#[test]
fn lookup_writes_one_csv_row_per_name_in_order() {
    let out = paysage()
        .args(["lookup", "--lang", "fr"])
        .write_stdin("les Etats-Unis\nl'Albanie\naux Etats Unis\nCongo\nNations Unies\nRoyaume Uni\nFRA\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let want = "input,status,iso3,iso2,numeric,name_en,candidates
les Etats-Unis,matched,USA,US,840,United States,
l'Albanie,matched,ALB,AL,008,Albania,
aux Etats Unis,matched,USA,US,840,United States,
Congo,ambiguous,,,,,COD;COG
Nations Unies,unmatched,,,,,
Royaume Uni,matched,GBR,GB,826,United Kingdom,
FRA,matched,FRA,FR,250,France,
";
    assert_eq!(text, want);
}

/// The default reads each name as a data cell: no case rules, and the data
/// sources' conventions (inversion, a qualifier in parentheses, a territory
/// with its state, abbreviations) undone; `--prose` keeps the case rules.
#[test]
fn lookup_reads_data_cells_by_default_and_prose_with_a_flag() {
    let cells = "uae\ndrc\nu.s.\nKorea, Rep.\nCongo, Dem. Rep.\nBahamas (the)\nÉgypte (l')\nHong Kong SAR, China\nMicronesia, Fed. Sts.\nSt. Lucia\nVirgin Islands (U.S.)\n";
    let out = paysage()
        .args(["lookup", "--to", "iso3"])
        .write_stdin(cells)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text, "ARE\nCOD\nUSA\nKOR\nCOD\nBHS\nEGY\nHKG\nFSM\nLCA\nVIR\n");
    let out = paysage()
        .args(["lookup", "--prose", "--to", "status"])
        .write_stdin("uae\nUAE\n")
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text, "unmatched\nmatched\n");
}

/// A former state is `historical`, with its successor's codes when there is
/// exactly one and its successors as candidates when there are several;
/// West Germany is the country DEU.
#[test]
fn lookup_reports_former_states_as_historical() {
    let out = paysage()
        .args(["lookup"])
        .write_stdin("Zaire\nUSSR\nHaute-Volta\nWest Germany\n")
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let want = "input,status,iso3,iso2,numeric,name_en,candidates
Zaire,historical,COD,CD,180,Congo - Kinshasa,
USSR,historical,,,,,ARM;AZE;BLR;EST;GEO;KAZ;KGZ;LTU;LVA;MDA;RUS;TJK;TKM;UKR;UZB
Haute-Volta,historical,BFA,BF,854,Burkina Faso,
West Germany,matched,DEU,DE,276,Germany,
";
    assert_eq!(text, want);
}
