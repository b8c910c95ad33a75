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
