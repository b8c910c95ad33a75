//! The set phrases of one sentence or two, case by case: each class of the
//! resolver's grammar (region adjectives, figures between list items,
//! organisations without member data, ...) with a case that must make a set
//! and one that must not. The samples of `tests/sets.rs` measure the rules on
//! real news; these pin down what each rule does.

mod common;
use paysage::reference::parse_date;

/// Each set of the text as `line` writes it.
fn read_sets(
    lang: &str,
    date: &str,
    text: &str,
    line: fn(&paysage::resolve::CountrySet) -> String,
) -> Vec<String> {
    let (r, m) = common::shipped();
    let (_, res) = paysage::analyse(text, lang, parse_date(date), m, r);
    res.sets.iter().map(line).collect()
}

/// Each set as "quote|kind|stated|coverage|listed|status" (stated and
/// status empty when absent).
fn sets(lang: &str, date: &str, text: &str) -> Vec<String> {
    read_sets(lang, date, text, |s| {
        format!(
            "{}|{}|{}|{}|{}|{}",
            s.quote.replace('\n', " "),
            s.kind.as_str(),
            s.stated.map(|n| n.to_string()).unwrap_or_default(),
            s.coverage.as_str(),
            s.members.len(),
            s.status.map(|s| s.as_str()).unwrap_or_default()
        )
    })
}

/// (lang, date, text, the sets it makes)
type Case = (&'static str, &'static str, &'static str, &'static [&'static str]);

fn check(cases: &[Case]) {
    check_by(cases, sets);
}

/// Each case read by `read` (the sets' summaries, or their members).
fn check_by(cases: &[Case], read: fn(&str, &str, &str) -> Vec<String>) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(lang, date, text, want)| {
            let got = read(lang, date, text);
            (got != want).then(|| format!("{lang} {date} {text:?}\n  got  {got:?}\n  want {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_adjective_of_a_region_makes_a_noun_mean_countries_and_a_group_a_part() {
    check(&[
        (
            "fr",
            "2020-06-01",
            "Le Greco regroupe 48 États européens plus les États-Unis.",
            &["48 États européens|count|48|none|0|unverifiable"],
        ),
        (
            "en",
            "1987-06-01",
            "Kenya said the group of 50 African states met.",
            &["50 African states|count|50|none|0|unverifiable"],
        ),
        ("en", "1987-06-01", "Kenya said the 50 American states met.", &[]),
        (
            "en",
            "1987-06-01",
            "Brazil said delegates from all 26 latin american and caribbean nations met.",
            &["26 latin american and caribbean nations|count|26|none|0|unverifiable"],
        ),
        (
            "en",
            "1987-06-01",
            "Iran and Iraq fight a meaningless war between two Islamic countries.",
            &["two Islamic countries|count|2|complete|2|consistent"],
        ),
        // Three plain words before the noun are not an adjective phrase.
        ("en", "1987-06-01", "Japan said it met two weeks before industrial nations.", &[]),
        ("en", "1987-06-01", "Japan said 1986 had favoured oil-importing countries.", &[]),
        // "Latin American members" of OPEC: a part, unnamed here.
        (
            "en",
            "1987-03-06",
            "Venezuela is lending Ecuador crude. Both countries are the only Latin American members of the Organisation of Petroleum Exporting Countries (OPEC).",
            &[
                "Both countries|anaphora|2|complete|2|consistent",
                "members of the Organisation of Petroleum Exporting Countries|group||none|0|",
            ],
        ),
        // "a group of": a part, named by the list after "led by".
        (
            "en",
            "1987-06-01",
            "The proposal is backed by a group of EC members led by West Germany, the Netherlands, Denmark and Norway.",
            &[
                "EC members|group||partial|4|",
                "West Germany, the Netherlands, Denmark and Norway|list||partial|4|",
            ],
        ),
        // An apposition in the singular names the whole group.
        (
            "en",
            "1987-03-06",
            "Indonesia, the only Asian member of OPEC, cut output.",
            &["member of OPEC|group||complete|13|"],
        ),
    ]);
}

#[test]
fn a_group_restated_in_parentheses_is_a_name_not_a_set() {
    check(&[
        (
            "en",
            "1987-06-01",
            "The Organisation for Economic Cooperation and Development (OECD) recently forecast growth for Italy.",
            &[],
        ),
        (
            "en",
            "1987-06-01",
            "Spain's exports went to Organisation for Economic Cooperation and Development (OECD) countries.",
            &["Organisation for Economic Cooperation and Development (OECD) countries|group||complete|24|"],
        ),
    ]);
}

#[test]
fn figures_between_list_items_keep_the_list() {
    check(&[
        (
            "fr",
            "2020-09-25",
            "Viennent ensuite le Brésil avec 141.406 morts, l'Inde avec 93.379 morts, le Mexique avec 75.844 morts et le Royaume-Uni.",
            &["Brésil avec 141.406 morts, l'Inde avec 93.379 morts, le Mexique avec 75.844 morts et le Royaume-Uni|list||complete|4|"],
        ),
        (
            "en",
            "1987-06-01",
            "Inflation was Canada at 4.0 pct, Britain at 3.9 pct, France at 3.4 pct and Japan at 0.2 pct.",
            &["Canada at 4.0 pct, Britain at 3.9 pct, France at 3.4 pct and Japan|list||complete|4|"],
        ),
        // "enfin" ("finally") before the last item.
        (
            "fr",
            "2016-08-01",
            "Le tour passe par la Norvège, l'Espagne, la Grande-Bretagne, l'Italie et enfin la France.",
            &["Norvège, l'Espagne, la Grande-Bretagne, l'Italie et enfin la France|list||complete|5|"],
        ),
        // A year after "en" is a date, not an item's figure: two lists.
        (
            "fr",
            "2020-01-10",
            "Il a joué au Mexique, aux États-Unis, en Allemagne et en Italie et enfin en 2019 aux Pays-Bas, au Royaume-Uni et en Grèce.",
            &[
                "Mexique, aux États-Unis, en Allemagne et en Italie|list||complete|4|",
                "Pays-Bas, au Royaume-Uni et en Grèce|list||complete|3|",
            ],
        ),
        // A figure given as an approximation ("plus de", "about").
        (
            "fr",
            "2020-09-10",
            "Viennent ensuite le Brésil avec plus de 128.000 morts, l'Inde avec près de 73.000 morts et le Mexique.",
            &["Brésil avec plus de 128.000 morts, l'Inde avec près de 73.000 morts et le Mexique|list||complete|3|"],
        ),
        (
            "en",
            "1987-03-04",
            "The debtors are Argentina with around 49 billion dlrs, Venezuela with about 33 billion and Chile.",
            &["Argentina with around 49 billion dlrs, Venezuela with about 33 billion and Chile|list||complete|3|"],
        ),
        // A table written out: figures right after each item.
        (
            "en",
            "1987-03-04",
            "The buyers were West Germany 480,450 tonnes against 717,689, the Netherlands 462,048 (532,299) and Belgium 417,887 tonnes.",
            &["West Germany 480,450 tonnes against 717,689, the Netherlands 462,048 (532,299) and Belgium|list||complete|3|"],
        ),
        // A figure does not carry a list across a sentence.
        (
            "fr",
            "2020-09-25",
            "Le Brésil avec 141.406 morts. L'Inde a dit que la France et le Mexique.",
            &[],
        ),
        // The first inclusive marker that introduces a list.
        (
            "fr",
            "2020-08-26",
            "Le film sort dans 70 pays, dont la plupart en Europe, sans oublier le Canada, l'Australie et la Corée du Sud.",
            &[
                "70 pays|count|70|partial|3|partial",
                "Canada, l'Australie et la Corée du Sud|list||partial|3|",
            ],
        ),
        // An inclusive marker's list after a preposition.
        (
            "fr",
            "2020-06-01",
            "Le virus touche 13 pays d'Amérique latine, surtout au Brésil, en Colombie et au Mexique.",
            &[
                "13 pays|count|13|partial|3|partial",
                "Brésil, en Colombie et au Mexique|list||partial|3|",
            ],
        ),
    ]);
}

#[test]
fn organisations_without_member_data_count_countries_and_take_their_members() {
    check(&[
        (
            "en",
            "1987-06-01",
            "Brazil is a producer at the 75-member ICO.",
            &["75-member ICO|count|75|none|0|unverifiable"],
        ),
        (
            "en",
            "1987-06-01",
            "Brazil said the Inter-American Development Bank's 44 members met.",
            &["44 members|count|44|none|0|unverifiable"],
        ),
        (
            "en",
            "1987-06-01",
            "Brazil said the company's 12 members met.",
            &[],
        ),
        (
            "en",
            "1987-06-01",
            "Brazil said the 15-member SMC board met.",
            &[],
        ),
        (
            "en",
            "1987-04-09",
            "The 21-member Association of European Airlines said traffic rose.",
            &[],
        ),
        (
            "en",
            "1987-04-09",
            "The seven member Association of Tin Producing Countries met.",
            &["seven member|count|7|none|0|unverifiable"],
        ),
        (
            "en",
            "1987-04-29",
            "China was elected to the ADB's 12-member board yesterday.",
            &[],
        ),
        (
            "fr",
            "2020-08-18",
            "La France a dit que les 172 membres de Covax et les deux membres du gouvernement.",
            &["172 membres de Covax|count|172|none|0|unverifiable"],
        ),
        // Where they are, not what they belong to: a count that its
        // sentence's two countries identify.
        (
            "fr",
            "2020-03-16",
            "Le groupe a deux Etats à son capital, la France et les Pays-Bas.",
            &["deux Etats|count|2|complete|2|consistent"],
        ),
        // With no organisation named before, the one named next in the
        // sentence; not after another body.
        (
            "fr",
            "2018-08-29",
            "Chaque État membre est libre d'élire ses dirigeants mais notre vision de l'UE est autre.",
            &["État membre|group||complete|28|"],
        ),
        (
            "en",
            "1987-03-05",
            "The ICCO council met. A working group of all producing and consuming member countries met, then broke up into an EC meeting.",
            &["member countries|group||none|0|"],
        ),
        // A noun for a body that starts another of the group's names.
        (
            "fr",
            "2020-06-22",
            "L'Otan est divisée. Les membres de l'Alliance se réunissent.",
            &["membres de l'Alliance|group||complete|30|"],
        ),
        // Not a word that is no such noun ("Europe", "European").
        (
            "fr",
            "2020-06-22",
            "L'UE est divisée. Cinq pays d'Europe centrale s'opposent.",
            &["Cinq pays|count|5|none|0|unverifiable"],
        ),
        // "Etats membres" after the EU are the EU's; after the IMF, the
        // IMF's, a group with no code.
        (
            "fr",
            "2020-08-18",
            "Un accord entre l'UE et AstraZeneca. Puis il a plaidé. Il a écrit aux Etats membres.",
            &["Etats membres|group||complete|27|"],
        ),
        (
            "fr",
            "2020-08-18",
            "Un accord entre l'UE et AstraZeneca. Puis le FMI a plaidé. Il a écrit aux Etats membres.",
            &["Etats membres|group||none|0|"],
        ),
    ]);
}

#[test]
fn anaphora_reads_demonyms_of_two_words_and_markers_stop_at_a_clause() {
    check(&[
        (
            "fr",
            "2020-06-12",
            "Le dirigeant américain est en territoire nord-coréen. Les deux pays sont en froid.",
            &["Les deux pays|anaphora|2|complete|2|consistent"],
        ),
        (
            "en",
            "2020-06-12",
            "The North Korean leader met the American president. The two countries are at odds.",
            &["The two countries|anaphora|2|complete|2|consistent"],
        ),
        // An inclusive marker after a quoted name.
        (
            "fr",
            "2020-05-22",
            "Il restera obligatoire pour les voyageurs des six pays de la \"catégorie B\", dont la Suède et la Pologne.",
            &["six pays|count|6|partial|2|partial"],
        ),
        // "notably Japan" belongs to "others", not to the two countries.
        (
            "en",
            "1987-04-09",
            "Earlier this year, the United States and Britain agreed to adopt common rules. The two countries urged others to follow suit, notably Japan.",
            &["The two countries|anaphora|2|complete|2|consistent"],
        ),
    ]);
}

#[test]
fn two_numbers_joined_by_or_state_the_larger_and_a_repeated_phrase_is_the_same_set() {
    check(&[
        (
            "en",
            "1987-06-01",
            "Saudi Arabia said two or three countries were overproducing.",
            &["two or three countries|count|3|none|0|unverifiable"],
        ),
        (
            "fr",
            "2020-06-01",
            "La France cite deux ou trois pays. Il y a vingt et un pays.",
            &[
                "deux ou trois pays|count|3|none|0|unverifiable",
                "vingt et un pays|count|21|none|0|unverifiable",
            ],
        ),
        // The two-state solution (grammar `known_set`), taken up again four sentences on.
        (
            "fr",
            "2020-07-10",
            "Il veut une solution à deux États entre Israéliens et Palestiniens. Un. Deux. Trois. Quatre. Il répète être favorable à une solution à deux États.",
            &[
                "solution à deux États|count|2|complete|2|consistent",
                "solution à deux États|count|2|complete|2|consistent",
            ],
        ),
    ]);
}

#[test]
fn a_part_of_a_group_is_a_count_of_countries() {
    check(&[
        (
            "en",
            "1987-06-01",
            "Saudi Arabia said 10 out of OPEC's 13 members were overproducing.",
            &[
                "10 out of OPEC's 13 members|count|10|none|0|unverifiable",
                "OPEC's 13 members|count|13|complete|13|consistent",
            ],
        ),
        (
            "fr",
            "2020-08-20",
            "La France dit que deux des quinze membres du Conseil de sécurité ont voté contre.",
            &[
                "deux des quinze membres du Conseil de sécurité|count|2|none|0|unverifiable",
                "quinze membres du Conseil de sécurité|count|15|complete|15|consistent",
            ],
        ),
        (
            "en",
            "1987-06-01",
            "Japan said the seven largest members of the OECD grew.",
            &["seven largest members of the OECD|count|7|none|0|unverifiable"],
        ),
        (
            "en",
            "1987-06-01",
            "Japan said the 12 largest members of the board left.",
            &[],
        ),
    ]);
}

#[test]
fn an_anaphora_takes_the_article_s_countries_when_they_are_as_many() {
    check(&[
        // Named four sentences before: the article's only two countries.
        (
            "en",
            "1987-03-24",
            "West German President Richard Von Weizsaecker visited Bolivia. He spoke. He left. He came back. He said so. The two countries signed two treaties.",
            &["The two countries|anaphora|2|complete|2|consistent"],
        ),
        // Not when a territory named near may be one of them.
        (
            "fr",
            "2020-02-02",
            "La France et le Royaume-Uni négocient. Un. Deux. Trois. Les navires français quittent Guernesey. C'est l'amitié entre nos deux pays.",
            &["nos deux pays|anaphora|2|partial|1|partial"],
        ),
    ]);
}

#[test]
fn a_state_named_by_its_former_name_is_its_present_country() {
    check(&[
        (
            "en",
            "1987-03-01",
            "He said Egypt, Zambia, Djibouti, Zaire, Uganda and Burma would be represented. Zaire and Burma said the two countries agree.",
            &[
                "Egypt, Zambia, Djibouti, Zaire, Uganda and Burma|list||complete|6|",
                "the two countries|anaphora|2|complete|2|consistent",
            ],
        ),
        // A former state that was dissolved stays no member.
        (
            "en",
            "1987-03-01",
            "He said Egypt, Yugoslavia and Uganda would be represented.",
            &["Egypt, Yugoslavia and Uganda|list||complete|2|"],
        ),
    ]);
}

#[test]
fn a_group_named_then_enumerated_after_a_verb_of_grouping() {
    check(&[
        (
            "en",
            "1987-04-09",
            "The G-7 -- grouping the U.S., Japan, West Germany, Britain, France, Italy and Canada -- met.",
            &[
                "G-7|group||complete|7|",
                "U.S., Japan, West Germany, Britain, France, Italy and Canada|list||complete|7|",
            ],
        ),
        // "EMS member countries" are not the EC's: the EMS has no member
        // data, its member countries a group with no code.
        (
            "en",
            "1987-04-09",
            "The EC ministers met. The EMS realignment worried member countries.",
            &["member countries|group||none|0|"],
        ),
    ]);
}

#[test]
fn the_seat_of_a_state_s_power_names_the_state_for_an_anaphora() {
    check(&[
        (
            "fr",
            "2020-05-22",
            "La Maison Blanche a durci le ton contre Cuba. La politique d'ouverture entre les deux pays est finie.",
            &["les deux pays|anaphora|2|complete|2|consistent"],
        ),
        (
            "en",
            "1987-03-01",
            "The Bundesbank and the Federal Reserve intervened. The two countries said the dollar fell.",
            &["The two countries|anaphora|2|complete|2|consistent"],
        ),
    ]);
}

#[test]
fn common_demonyms_the_package_lacks_name_their_country() {
    check(&[(
        "en",
        "1987-03-22",
        "The Saudi leader will visit Britain. Relations between the two countries have been warm.",
        &["the two countries|anaphora|2|complete|2|consistent"],
    )]);
}

#[test]
fn an_anaphora_of_states_that_finds_too_few_countries_is_no_set() {
    check(&[
        (
            "fr",
            "2020-08-21",
            "Au Soudan, 263.645 personnes sont affectées. Les deux Etats les plus touchés sont ceux du Kordofan-Ouest et du Kassala.",
            &[],
        ),
        (
            "fr",
            "2020-08-21",
            "Israël et la Palestine négocient. Les deux Etats sont proches d'un accord.",
            &["Les deux Etats|anaphora|2|complete|2|consistent"],
        ),
    ]);
}

#[test]
fn a_count_on_a_group_whose_name_holds_its_noun() {
    check(&[(
        "en",
        "2020-06-01",
        "Japan urged the five permanent members of the Security Council to act.",
        &["five permanent members of the Security Council|count|5|complete|5|consistent"],
    )]);
}

#[test]
fn one_ally_names_its_group() {
    check(&[
        (
            "fr",
            "2020-06-01",
            "La Turquie, allié de l'Otan, a refusé.",
            &["allié de l'Otan|group||complete|30|"],
        ),
        (
            "en",
            "1987-06-01",
            "Turkey, a NATO ally, refused. Greece and Turkey's NATO allies met.",
            &["NATO ally|group||complete|16|", "NATO allies|group||complete|14|"],
        ),
        // A partner of NATO is no member.
        (
            "fr",
            "2019-06-01",
            "La Finlande, partenaire de l'Otan, a refusé.",
            &[],
        ),
    ]);
}

#[test]
fn a_group_s_short_name_takes_the_group_named_before() {
    check(&[
        (
            "en",
            "1987-04-09",
            "The United States and Britain vetoed a Security Council resolution. Nine of the Council's 15 members voted for the draft.",
            &[
                "Nine of the Council's 15 members|count|9|none|0|unverifiable",
                "Council's 15 members|count|15|complete|15|consistent",
            ],
        ),
        (
            "en",
            "1987-04-09",
            "The European Community met. Community countries agreed.",
            &["Community countries|group||complete|12|"],
        ),
        ("en", "1987-04-09", "The European Community met. European countries agreed.", &[]),
    ]);
}

#[test]
fn lists_with_a_restated_name_or_figures_before_their_items() {
    check(&[
        (
            "fr",
            "2020-06-01",
            "La République démocratique du Congo (RDC), Madagascar et l'Ukraine ont signé.",
            &["République démocratique du Congo (RDC), Madagascar et l'Ukraine|list||complete|3|"],
        ),
        (
            "fr",
            "2020-06-01",
            "On compte 2.000 cas en Grèce (28), 1.466 en Albanie (475) et 217 en République tchèque.",
            &["Grèce (28), 1.466 en Albanie (475) et 217 en République tchèque|list||complete|3|"],
        ),
        (
            "en",
            "1987-06-01",
            "Sales were 9,000 tonnes for Egypt, 6,000 for Tanzania and 2,000 for Mauritania.",
            &["Egypt, 6,000 for Tanzania and 2,000 for Mauritania|list||complete|3|"],
        ),
    ]);
}

#[test]
fn foreign_and_national_governments_are_countries() {
    check(&[
        (
            "en",
            "1987-06-01",
            "The European Community said. The 12 Community member states agreed. Aid came from 40 foreign governments.",
            &[
                "12 Community member states|count|12|complete|12|consistent",
                "40 foreign governments|count|40|none|0|unverifiable",
            ],
        ),
        (
            "fr",
            "2020-06-01",
            "La taxe carbone existe chez 44 gouvernements nationaux.",
            &["44 gouvernements nationaux|count|44|none|0|unverifiable"],
        ),
        ("en", "1987-06-01", "Sixteen governments signed.", &[]),
    ]);
}

/// Each set as "quote|members" (ISO alpha-3 codes joined by ";").
fn members(lang: &str, date: &str, text: &str) -> Vec<String> {
    read_sets(lang, date, text, |s| {
        let codes: Vec<&str> = s.members.iter().map(|m| m.iso3.as_str()).collect();
        format!("{}|{}", s.quote.replace('\n', " "), codes.join(";"))
    })
}

#[test]
fn an_anaphora_takes_the_countries_joined_before_it_or_named_in_the_next_sentence() {
    let cases: &[Case] = &[
        // The pair joined before, not the adjective named last nor the
        // country joined after the phrase.
        (
            "en",
            "1987-03-31",
            "The IMF predicts 2.5 pct growth in the U.S. Washington has extracted promises from both West Germany and Japan to cut the gap with the record American trade deficit. Poor growth in these two nations and the U.S. worries markets.",
            &["these two nations|DEU;JPN"],
        ),
        // Not a pair the sentence sets apart.
        (
            "fr",
            "2020-05-29",
            "Les Etats-Unis et le Royaume-Uni ont obtenu une réunion. Dans un communiqué commun avec le Canada et l'Australie, les deux pays ont accusé Pékin.",
            &["les deux pays|GBR;USA"],
        ),
        // A list of as many, named near.
        (
            "en",
            "1987-03-20",
            "Britain, the Netherlands and West Germany object to the tax because of U.S. soybean exports. If these three countries hold firm, they can block it.",
            &["Britain, the Netherlands and West Germany|DEU;GBR;NLD", "these three countries|DEU;GBR;NLD"],
        ),
        // The country that completes it in the next sentence.
        (
            "fr",
            "2020-05-31",
            "La tempête se maintient au large du Guatemala et balaie les deux pays d'Amérique centrale. Le président du Salvador a décrété l'état d'urgence.",
            &["les deux pays|GTM;SLV"],
        ),
        // Capitals name the governments' countries.
        (
            "fr",
            "2020-06-06",
            "Les relations entre Pékin et Washington se sont dégradées. Les deux gouvernements ont expulsé des journalistes.",
            &["Les deux gouvernements|CHN;USA"],
        ),
    ];
    check_by(cases, members);
}

#[test]
fn a_group_after_a_negation_a_partner_noun_or_before_an_inclusive_marker() {
    check(&[
        // "non-" before a group and adjectives before the noun.
        (
            "en",
            "1987-03-17",
            "He said some non-OPEC oil producing countries had shown a willingness to cooperate.",
            &["non-OPEC oil producing countries|group||none|0|"],
        ),
        // "ses alliés de l'Otan": the group without the country named before.
        (
            "fr",
            "2020-05-05",
            "La Turquie, qui cherche à apaiser les tensions avec ses alliés de l'Otan, a acheminé du matériel.",
            &["alliés de l'Otan|group||complete|29|"],
        ),
        // With no member named before, the whole group.
        (
            "fr",
            "2020-06-11",
            "L'EIGS est l'ennemi numéro un de la force Barkhane et ses alliés du G5 Sahel (Mauritanie, Tchad, Mali, Niger, Burkina Faso).",
            &[
                "alliés du G5 Sahel|group||complete|5|",
                "Mauritanie, Tchad, Mali, Niger, Burkina Faso|list||complete|5|",
            ],
        ),
        // The countries after "notamment" are some of the group's, not a
        // union with it.
        (
            "fr",
            "2019-08-31",
            "Le nombre de morts est plus élevé en France que dans de nombreux pays de l'Union européenne, notamment le Royaume-Uni et l'Allemagne.",
            &["pays de l'Union européenne|group||partial|2|"],
        ),
        // The group's name written with a hyphen; "other" members.
        (
            "en",
            "1987-03-22",
            "Indonesia, together with other members of the Association of South-East Asian Nations (ASEAN), has protested.",
            &["members of the Association of South-East Asian Nations|group||complete|5|"],
        ),
    ]);
}

#[test]
fn a_body_of_a_group_names_the_group_of_a_later_bare_member_phrase() {
    check(&[
        (
            "fr",
            "2019-03-02",
            "La Commission européenne a proposé une directive. Elle permettrait aux États membres de choisir leur fuseau horaire.",
            &["États membres|group||complete|28|"],
        ),
        (
            "en",
            "1987-03-10",
            "A European Commission spokesman said sugar was offered to the member states.",
            &["member states|group||complete|12|"],
        ),
        // "various" picks an unnamed part.
        (
            "en",
            "1987-03-10",
            "A European Commission spokesman said sugar was offered to boards in various member states.",
            &["member states|group||none|0|"],
        ),
        // No body, no group: no set.
        ("fr", "2019-03-02", "Elle permettrait aux États membres de choisir leur fuseau horaire.", &[]),
    ]);
}

#[test]
fn a_count_takes_a_list_after_a_phrase_between_commas_or_further_on_in_its_clause() {
    check(&[
        (
            "fr",
            "2020-07-25",
            "Les tests visent les voyageurs de 16 pays, placés sur liste rouge, dont les Etats-Unis, Israël, l'Algérie et la Turquie.",
            &[
                "16 pays|count|16|partial|4|partial",
                "Etats-Unis, Israël, l'Algérie et la Turquie|list||partial|4|",
            ],
        ),
        (
            "fr",
            "2020-08-15",
            "Deux pays ont voté contre (la Russie et la Chine) et onze autres se sont abstenus.",
            &["Deux pays|count|2|complete|2|consistent"],
        ),
        // Not past a joiner: the list is another noun's.
        (
            "fr",
            "2020-06-10",
            "L'initiative est déclinée par les 22 pays du Club de Paris, ainsi que par une poignée de créanciers émergents (Chine, Inde, Turquie).",
            &[
                "22 pays du Club de Paris|count|22|none|0|unverifiable",
                "Chine, Inde, Turquie|list||complete|3|",
            ],
        ),
    ]);
}

#[test]
fn a_qualifier_or_a_restrictive_clause_makes_a_group_phrase_an_unnamed_part() {
    check(&[
        (
            "fr",
            "2020-09-23",
            "C'était un transfert de charge entre les vieux pays de l'UE et les autres.",
            &["pays de l'UE|group||none|0|"],
        ),
        (
            "fr",
            "2020-09-23",
            "Le pacte prévoit que les pays de l'UE qui ne veulent pas accueillir de demandeurs d'asile paieront.",
            &["pays de l'UE|group||none|0|"],
        ),
        // Set off by a comma, the clause describes the whole group.
        (
            "fr",
            "2020-09-23",
            "Le pacte concerne les pays de l'UE, qui devront tous participer.",
            &["pays de l'UE|group||complete|27|"],
        ),
        (
            "fr",
            "2019-03-01",
            "Elle a été introduite dans une quinzaine de pays de l'Union européenne.",
            &["pays de l'Union européenne|group||none|0|"],
        ),
        (
            "en",
            "1987-04-06",
            "He will meet farm policy leaders in the key GATT member states.",
            &["GATT member states|group||none|0|"],
        ),
        // An adjective of a part between a number and its noun keeps the count.
        (
            "en",
            "1987-04-06",
            "The six major industrial countries met in Paris.",
            &["six major industrial countries|count|6|none|0|unverifiable"],
        ),
    ]);
}

#[test]
fn other_members_and_member_states_after_a_place_or_date_take_the_group_named_near() {
    check(&[
        (
            "en",
            "1987-03-17",
            "OPEC output was lower because of the Saudi cut, which could give other members an incentive to exceed their quotas.",
            &["members|group||complete|12|"],
        ),
        (
            "en",
            "1987-03-17",
            "The EC met. Sugar was offered to member states in February.",
            &["member states|group||complete|12|"],
        ),
        // "of" and a name: that organisation's members, not the group's.
        (
            "en",
            "1987-03-17",
            "The EC met. Sugar was offered to member states of the International Sugar Organisation.",
            &[],
        ),
        // Members alone are as often people.
        ("en", "1987-03-17", "OPEC met in Vienna. Members of the press waited outside.", &[]),
    ]);
}

#[test]
fn other_members_of_a_group_leave_out_the_countries_named_before_in_the_article() {
    check(&[
        // Norway named further back: the Nordic states without it.
        (
            "fr",
            "2020-05-29",
            "La Norvège déconseille les voyages. Un. Deux. Trois. Les voyages dans les autres pays nordiques seront réexaminés.",
            &["pays nordiques|group||complete|4|"],
        ),
        // China is no member: every member is another.
        (
            "en",
            "1987-03-10",
            "China has the potential to disrupt world markets. Other GATT countries will be nervous.",
            &["GATT countries|group||complete|92|"],
        ),
        // "d'autres", with some named after "à l'instar de": a part.
        (
            "fr",
            "2019-11-21",
            "Si la France interdit cette pratique, d'autres pays de l'Union européenne à l'instar du Royaume-Uni et de l'Irlande l'autorisent.",
            &["pays de l'Union européenne|group||partial|2|"],
        ),
    ]);
}

#[test]
fn a_list_runs_past_a_figure_in_words_and_a_capital_among_its_countries() {
    check(&[
        (
            "en",
            "1987-03-01",
            "The plan would give Colombia 17 pct, Ivory Coast seven pct and Indonesia six pct of the market.",
            &["Colombia 17 pct, Ivory Coast seven pct and Indonesia|list||complete|3|"],
        ),
        (
            "fr",
            "2020-09-01",
            "Nous sommes en pourparlers avec la Belgique, Paris, la Serbie et Oman.",
            &["Belgique, Paris, la Serbie et Oman|list||complete|3|"],
        ),
    ]);
}

#[test]
fn a_country_joined_to_an_anaphora_is_the_other_party() {
    let cases: &[Case] = &[(
        "fr",
        "2020-09-16",
        "Les Emirats arabes unis ont signé. Bahreïn aussi. Les dirigeants ont dénoncé les accords entre Israël et ces deux pays.",
        &["ces deux pays|ARE;BHR"],
    )];
    check_by(cases, members);
}

#[test]
fn a_member_count_on_an_organisation_s_board_counts_people() {
    check(&[
        (
            "en",
            "1987-03-30",
            "At this week's meeting, the 16-member ICO board is scheduled to discuss quotas.",
            &[],
        ),
        (
            "en",
            "1987-03-30",
            "Producers and consumers at the 75-member ICO agreed.",
            &["75-member ICO|count|75|none|0|unverifiable"],
        ),
    ]);
}

#[test]
fn a_count_out_of_a_group_phrase_and_partners_and_adjectives_of_a_part() {
    check(&[
        (
            "en",
            "1987-03-02",
            "GCC oil ministers met. Four of the GCC states - Saudi Arabia, the United Arab Emirates (UAE), Kuwait and Qatar - are in OPEC.",
            &[
                "Four of the GCC states|count|4|complete|4|consistent",
                "GCC states|group||complete|6|",
                "Saudi Arabia, the United Arab Emirates (UAE), Kuwait and Qatar|list||complete|4|",
            ],
        ),
        // "its G-7 partners": the group's others, not a count of seven.
        (
            "en",
            "1987-04-01",
            "Italy boycotted a meeting in Paris of its G-7 partners.",
            &["G-7 partners|group||complete|6|"],
        ),
        // An adjective of a part before "member states".
        (
            "en",
            "1987-05-01",
            "The EC Commission proposed that the richer member states pay their farmers.",
            &["member states|group||none|0|"],
        ),
    ]);
}

#[test]
fn three_capitals_in_a_row_are_a_list_of_their_states() {
    check(&[
        (
            "fr",
            "2020-08-30",
            "Le Bélarus réprime. Paris, Berlin et Londres ont condamné la répression.",
            &["Paris, Berlin et Londres|list||complete|3|"],
        ),
        // Not places after a preposition.
        (
            "fr",
            "2020-08-30",
            "Le Bélarus réprime. La mode passe à Paris, Londres et New York.",
            &[],
        ),
        // Far from any name of a country, and with a joiner of several
        // words.
        (
            "fr",
            "2020-08-21",
            "Ils ont réagi dans la journée. Un communiqué commun a été publié lundi par les diplomaties de trois capitales européennes, sans plus de détail sur le calendrier. Paris, Berlin et Londres ont réagi. C'est ce que Londres, Paris ou encore Madrid ont annoncé lundi.",
            &[
                "Paris, Berlin et Londres|list||complete|3|",
                "Londres, Paris ou encore Madrid|list||partial|3|",
            ],
        ),
        // Places: after a capital named as one, or going on to a city.
        (
            "fr",
            "2020-09-02",
            "Des manifestations sont organisées à Berlin, Londres, Paris ou Rome. Le mouvement a gagné Londres, Pretoria, Paris et même Sydney.",
            &[],
        ),
    ]);
}

#[test]
fn a_member_count_on_a_national_body_counts_firms() {
    check(&[
        (
            "en",
            "1987-11-01",
            "The 72-member Canadian Chemical Producers Association said sales rose.",
            &[],
        ),
        (
            "en",
            "1987-11-01",
            "The seven member Association of Tin Producing Countries met.",
            &["seven member|count|7|none|0|unverifiable"],
        ),
    ]);
}

#[test]
fn a_count_of_member_states_takes_the_organisation_named_before() {
    check(&[
        (
            "fr",
            "2020-06-01",
            "L'UE a proposé un plan. Les 27 États membres doivent encore voter.",
            &["27 États membres|count|27|complete|27|consistent"],
        ),
        // Not members of something else.
        (
            "en",
            "1987-03-30",
            "The EC met. The 296 members of parliament voted.",
            &[],
        ),
        // Nor without an organisation named.
        (
            "fr",
            "2020-06-01",
            "Les 27 États membres doivent encore voter.",
            &[],
        ),
    ]);
}

#[test]
fn an_inclusive_marker_after_a_group_named_in_the_count_s_phrase() {
    check(&[(
        "fr",
        "2018-05-17",
        "La Commission européenne a renvoyé six États devant la justice de l'UE, dont la France et l'Allemagne.",
        &["six États|count|6|partial|2|partial"],
    )]);
}

#[test]
fn a_count_composing_a_group_is_the_group_s_count() {
    check(&[
        // The G20's twentieth member is the EU, no country.
        (
            "fr",
            "2018-11-30",
            "La photo réunit les chefs d'Etat des 20 pays composant le G20.",
            &["20 pays composant le G20|count|20|complete|19|inconsistent"],
        ),
        (
            "en",
            "1987-03-30",
            "The council has 12 members comprising Britain, France and Italy.",
            &[
                "12 members|count|12|partial|3|partial",
                "Britain, France and Italy|list||complete|3|",
            ],
        ),
    ]);
}

#[test]
fn the_parts_of_one_country_and_past_governments_are_no_set() {
    check(&[
        // The nations of one country are its parts, not countries.
        (
            "fr",
            "2020-06-19",
            "En Angleterre, les magasins ont rouvert. Chacune des quatre nations du Royaume-Uni a sa propre \
             feuille de route.",
            &[],
        ),
        (
            "en",
            "1987-03-30",
            "Canada and the United States agreed. The 50 states of the United States keep their own rules.",
            &[],
        ),
        // Governments one after the other are cabinets, not states.
        (
            "fr",
            "2016-07-26",
            "La France et la Belgique ont réagi. L'organisation est héritée des deux gouvernements \
             précédents, a estimé le maire.",
            &[],
        ),
        (
            "fr",
            "2016-07-26",
            "La France et l'Allemagne ont signé. Les deux gouvernements ont salué l'accord.",
            &["Les deux gouvernements|anaphora|2|complete|2|consistent"],
        ),
        // A count of the size of a group takes the group named near it, not
        // one a later paragraph names.
        (
            "en",
            "1987-04-09",
            "The seven largest industrial nations meet on Wednesday. The Group of Seven will discuss \
             currencies.",
            &["seven largest industrial nations|count|7|complete|7|consistent"],
        ),
        (
            "fr",
            "2020-07-01",
            "Les pays de l'UE ont dressé une liste de 15 pays dont les ressortissants seront bienvenus. Elle sera \
             révisée. Le tourisme reprend. Les plages rouvrent. Les hôtels aussi. Le Conseil de sécurité de \
             l'ONU peine à adopter une résolution.",
            &[
                "pays de l'UE|group||complete|27|",
                "15 pays|count|15|none|0|unverifiable",
            ],
        ),
    ]);
}

#[test]
fn a_count_takes_an_apposition_of_as_many_countries_and_a_marker_past_a_short_qualifier() {
    check(&[
        // As many countries as stated, set off by a comma: all of them.
        (
            "fr",
            "2020-06-24",
            "Israël ne dispose de relations officielles qu'avec deux pays arabes, l'Egypte et la Jordanie.",
            &["deux pays arabes|count|2|complete|2|consistent"],
        ),
        // An inclusive marker past a short qualifier and its comma.
        (
            "fr",
            "2020-05-30",
            "Chypre rouvre ses aéroports aux vols de 13 pays \"à faible risque\", dont Israël, la Grèce, \
             l'Allemagne, l'Autriche et Malte.",
            &[
                "13 pays|count|13|partial|5|partial",
                "Israël, la Grèce, l'Allemagne, l'Autriche et Malte|list||partial|5|",
            ],
        ),
        // Not past a verb's function word: "notably Japan" is of the others.
        (
            "en",
            "1987-04-09",
            "The United States and Britain agreed to adopt common rules. The two countries urged others to \
             follow suit, notably Japan.",
            &["The two countries|anaphora|2|complete|2|consistent"],
        ),
    ]);
}

#[test]
fn a_body_without_member_data_and_a_negation_before_members_of_a_group() {
    check(&[
        // The Council's member states, not the UN's: a group with no code
        // and no member data.
        (
            "fr",
            "2020-06-18",
            "Lors d'un débat du Conseil des droits de l'Homme de l'ONU à Genève, il a demandé aux \
             Etats-membres de mettre en place une commission.",
            &["Etats-membres|group||none|0|"],
        ),
        (
            "fr",
            "2020-06-18",
            "Lors d'un débat de l'ONU à Genève, il a demandé aux Etats membres de mettre en place une \
             commission.",
            &["Etats membres|group||complete|193|"],
        ),
        // Outside the group, not in it.
        (
            "fr",
            "2020-06-18",
            "La Bulgarie a fermé ses frontières avec les pays limitrophes non membres de l'UE.",
            &["non membres de l'UE|group||none|0|"],
        ),
    ]);
}

#[test]
fn a_qualified_partner_count_takes_the_countries_set_off_beside_it() {
    check(&[
        (
            "fr",
            "2020-06-18",
            "Le Japon est pris entre les Etats-Unis et la Chine, ses deux principaux partenaires commerciaux.",
            &["deux principaux partenaires|count|2|complete|2|consistent"],
        ),
        // Partners of a country are not its parts.
        (
            "fr",
            "2020-06-18",
            "On redoutait un conflit entre l'Iran et les Etats-Unis, les deux grands alliés de l'Irak.",
            &["deux grands alliés|count|2|complete|2|consistent"],
        ),
        // Without countries beside it, no set: partners may be firms.
        (
            "fr",
            "2020-06-18",
            "Le Japon a signé avec ses deux principaux partenaires commerciaux.",
            &[],
        ),
    ]);
}

#[test]
fn one_among_a_ranking_is_no_anaphora() {
    check(&[
        (
            "fr",
            "2020-06-18",
            "La Belgique, l'Allemagne et la France ont suspendu leur aide. Le Burundi est classé parmi les deux \
             pays les plus pauvres au monde.",
            &["deux pays|count|2|partial|1|partial"],
        ),
        // Without "parmi", the superlative points back.
        (
            "fr",
            "2020-06-18",
            "La Chine et l'Inde comptent chacune plus d'un milliard d'habitants. Les deux pays les plus peuplés \
             de la planète se rapprochent.",
            &["Les deux pays|anaphora|2|complete|2|consistent"],
        ),
    ]);
}

#[test]
fn an_inclusive_marker_after_the_count_s_clause_past_its_verb() {
    check(&[
        (
            "fr",
            "2020-06-01",
            "L'opposant est soutenu par près de soixante pays qui le reconnaissent comme président, dont les \
             Etats-Unis.",
            &["soixante pays|count|60|partial|1|partial"],
        ),
        // Not past another noun for countries, which the marker is of.
        (
            "fr",
            "2020-06-01",
            "Soixante pays ont signé un accord avec des pays voisins, dont la France et l'Espagne.",
            &["Soixante pays|count|60|none|0|unverifiable"],
        ),
    ]);
}

#[test]
fn a_group_phrase_whose_group_starts_a_run_makes_a_union() {
    check(&[
        (
            "fr",
            "2020-08-23",
            "Les trois pays baltes sont membres de l'Union européenne et de l'Otan depuis 2004.",
            &[
                "trois pays baltes|count|3|complete|3|consistent",
                "membres de l'Union européenne et de l'Otan|union||complete|36|",
                "membres de l'Union européenne|group||complete|27|",
            ],
        ),
        (
            "fr",
            "2020-06-01",
            "Les ressortissants des pays de l'UE et de la Suisse peuvent entrer.",
            &[
                "pays de l'UE et de la Suisse|union||complete|28|",
                "pays de l'UE|group||complete|27|",
            ],
        ),
        (
            "en",
            "2020-06-01",
            "Both are members of the European Union and of NATO.",
            &[
                "members of the European Union and of NATO|union||complete|36|",
                "members of the European Union|group||complete|27|",
            ],
        ),
        // A group joined to a phrase of another group's other members.
        (
            "fr",
            "2020-06-21",
            "Les ressortissants de l'Union européenne et des autres pays membres de l'espace Schengen peuvent entrer.",
            &[
                "Union européenne et des autres pays membres de l'espace Schengen|union||complete|31|",
                "Union européenne|group||complete|27|",
                "pays membres de l'espace Schengen|group||complete|4|",
            ],
        ),
        // A group's partners leave out the country the sentence is about.
        (
            "fr",
            "2020-06-01",
            "La Turquie et ses alliés de l'Otan, et l'Egypte, ont condamné.",
            &["alliés de l'Otan|group||complete|29|"],
        ),
        // A comma alone lists parties: the group phrase stays whole.
        (
            "fr",
            "2020-06-01",
            "Un accord entre les membres de l'UE, la Chine et l'Inde.",
            &[
                "membres de l'UE|group||complete|27|",
                "UE, la Chine et l'Inde|union||complete|29|",
            ],
        ),
    ]);
}

#[test]
fn an_anaphora_of_more_than_four_takes_as_many_named_in_the_sentence_before() {
    check(&[
        (
            "fr",
            "2020-05-10",
            "L'étude a été réalisée auprès d'un millier de Français, 500 Britanniques, 500 Italiens, 500 Espagnols et 500 Allemands. En moyenne, dans ces cinq pays, 51% des personnes estiment que leur gouvernement a été à la hauteur.",
            &["ces cinq pays|anaphora|5|complete|5|consistent"],
        ),
        // Fewer named there: nothing identifies them.
        (
            "fr",
            "2020-05-10",
            "L'étude a été réalisée auprès de Français, de Britanniques et d'Italiens. En moyenne, dans ces cinq pays, 51% des personnes sont satisfaites.",
            &["ces cinq pays|anaphora|5|none|0|unverifiable"],
        ),
        // More named further back: which five is not said.
        (
            "fr",
            "2020-05-10",
            "La Chine et le Japon ont refusé. L'étude a été réalisée auprès de Français, de Britanniques, d'Italiens, d'Espagnols et d'Allemands. En moyenne, dans ces cinq pays, 51% des personnes sont satisfaites.",
            &["ces cinq pays|anaphora|5|none|0|unverifiable"],
        ),
    ]);
}

#[test]
fn an_anaphora_takes_as_many_named_in_its_own_sentence_before_a_pair_further_back() {
    check_by(
        &[
            (
                "fr",
                "2020-06-18",
                "Le Kenya a aidé à la pacification de la Somalie et du Soudan du Sud. L'Inde, qui va siéger au côté de la Chine alors que les deux pays viennent de connaître une confrontation, a gagné.",
                &["les deux pays viennent|CHN;IND"],
            ),
            // Fewer in its own sentence: the pair joined before.
            (
                "fr",
                "2020-06-18",
                "Le Kenya a aidé à la pacification de la Somalie et du Soudan du Sud. Selon Nairobi, les deux pays restent fragiles.",
                &["les deux pays restent fragiles|SOM;SSD"],
            ),
        ],
        members,
    );
}

#[test]
fn a_known_set_phrase_names_its_countries() {
    check_by(
        &[
            (
                "fr",
                "2020-01-29",
                "Il a réaffirmé son attachement à une solution à deux Etats. L'option de deux Etats a été ignorée.",
                &["solution à deux Etats|ISR;PSE", "option de deux Etats|ISR;PSE"],
            ),
            ("en", "2020-01-29", "He backed a two-state solution.", &["two-state solution|ISR;PSE"]),
            // The words alone are not the phrase: US states are no set.
            ("fr", "2020-01-29", "Les incendies touchent deux Etats, la Californie et l'Oregon.", &[]),
        ],
        members,
    );
}

#[test]
fn a_part_of_a_group_that_points_back_takes_as_many_of_its_members_named_before() {
    check_by(
        &[
            (
                "fr",
                "2020-09-16",
                "Les Emirats arabes unis et Bahreïn ont signé un accord avec Israël. Ces deux pays du Golfe sont les premiers.",
                &["deux pays du Golfe|ARE;BHR"],
            ),
            // "des": further back in the article.
            (
                "fr",
                "2020-09-16",
                "Les Emirats arabes unis et Bahreïn ont signé. Un. Deux. Trois. Trump salue l'exemple des deux Etats du Golfe.",
                &["deux Etats du Golfe|ARE;BHR"],
            ),
            // As many are not named: nothing identifies them.
            (
                "fr",
                "2020-09-16",
                "Les Emirats arabes unis ont signé. Un. Deux. Trois. Trump salue l'exemple des deux Etats du Golfe.",
                &["deux Etats du Golfe|"],
            ),
        ],
        members,
    );
}

#[test]
fn paragraphs_glued_without_a_full_stop_end_a_sentence_at_a_bullet_or_a_bracket() {
    check_by(
        &[
            // "(... national)Le gouvernement": the count's own sentence holds
            // the two countries, not France of the paragraph before.
            (
                "fr",
                "2019-11-26",
                "Ils ont donné leur vie pour la France\".• Olivier Faure (PS)• Marine Le Pen (présidente du Rassemblement national)Le gouvernement du Mali et le président du Burkina Faso, deux pays où opère Barkhane, ont exprimé leur solidarité.",
                &["deux pays|BFA;MLI"],
            ),
            // Glued in one sentence, the three countries make no pair.
            (
                "fr",
                "2019-11-26",
                "Ils ont donné leur vie pour la France, et le gouvernement du Mali et le président du Burkina Faso, deux pays où opère Barkhane, ont exprimé leur solidarité.",
                &["deux pays|"],
            ),
        ],
        members,
    );
}

#[test]
fn a_count_takes_the_states_named_around_it_when_exactly_as_many_and_no_more_near() {
    check_by(
        &[
            // Its sentence and the next: eight, and none in the sentence after.
            (
                "fr",
                "2017-07-04",
                "Les chercheurs répertorient 51 attaques concentrées sur 8 pays. La France est le pays le plus touché, devant les Etats-Unis. Puis six en Allemagne, quatre en Grande-Bretagne, trois en Belgique, trois au Canada, une au Danemark et en Suède. Les attaques ont été perpétrées par 65 assaillants.",
                &[
                    "8 pays|BEL;CAN;DEU;DNK;FRA;GBR;SWE;USA",
                    "Allemagne, quatre en Grande-Bretagne, trois en Belgique, trois au Canada, une au Danemark et en Suède|BEL;CAN;DEU;DNK;GBR;SWE",
                ],
            ),
            // The sentence before: the seven and the five of the lists.
            (
                "fr",
                "2019-02-05",
                "Le réseau comprenait l'Allemagne, l'Autriche, la Suisse, le Danemark, les Pays-Bas, la Belgique et la Finlande, et s'étend à la Norvège, l'Espagne, la Grande-Bretagne, l'Italie et enfin la France. Douze pays qui représentent 49 000 points de charge.",
                &[
                    "Allemagne, l'Autriche, la Suisse, le Danemark, les Pays-Bas, la Belgique et la Finlande|AUT;BEL;CHE;DEU;DNK;FIN;NLD",
                    "Norvège, l'Espagne, la Grande-Bretagne, l'Italie et enfin la France|ESP;FRA;GBR;ITA;NOR",
                    "Douze pays|AUT;BEL;CHE;DEU;DNK;ESP;FIN;FRA;GBR;ITA;NLD;NOR",
                ],
            ),
            // One more named in the sentence after: no tie.
            (
                "fr",
                "2017-07-04",
                "Les chercheurs répertorient 51 attaques sur 3 pays. La France est le plus touché, devant les Etats-Unis et l'Allemagne. L'Italie a été épargnée.",
                &["3 pays|"],
            ),
            // A pair: never by counting alone.
            (
                "fr",
                "2017-07-04",
                "Les chercheurs répertorient 51 attaques sur 2 pays. La France est le plus touché, devant les Etats-Unis.",
                &["2 pays|"],
            ),
        ],
        members,
    );
}

#[test]
fn a_name_in_brackets_after_a_number_is_the_counted_group_or_skipped() {
    check(&[
        (
            "en",
            "1987-10-19",
            "Cooperation among the group of seven (G-7) industrial nations might be fraying.",
            &["seven (G-7) industrial nations|count|7|complete|7|consistent"],
        ),
        // A short name of no group: a count of nations that nothing names.
        (
            "en",
            "1987-03-05",
            "Officials looking at statements by the Group of Five (G-5) industrial nations told Reuters.",
            &["Five (G-5) industrial nations|count|5|none|0|unverifiable"],
        ),
        // A country in the brackets is no short name.
        (
            "en",
            "1987-03-05",
            "The two (France) industrial nations met.",
            &[],
        ),
    ]);
}

#[test]
fn a_count_partly_named_is_a_group_named_before_it_of_that_size_that_holds_the_names() {
    check(&[
        (
            "fr",
            "2020-08-05",
            "Un traité adopté en 2011 par le Conseil de l'Europe (qui rassemble 47 pays dont la Turquie) fixe des normes.",
            &[
                "47 pays|count|47|complete|47|consistent",
            ],
        ),
        // The group named only after: the count stays partly named.
        (
            "fr",
            "2020-08-11",
            "En soutien aux armées des cinq pays de la région, dont le Niger. Les pays du G5 Sahel ont multiplié les offensives.",
            &[
                "cinq pays|count|5|partial|1|partial",
                "pays du G5 Sahel|group||complete|5|",
            ],
        ),
    ]);
}

#[test]
fn a_phrase_of_role_within_stands_for_of_before_a_group() {
    check(&[
        (
            "fr",
            "2020-08-13",
            "Un dialogue apaisé entre pays voisins et alliés au sein de l'Otan.",
            &["alliés au sein de l'Otan|group||complete|30|"],
        ),
        (
            "en",
            "2020-08-13",
            "The countries within the EU are divided.",
            &["countries within the EU|group||complete|27|"],
        ),
        // Within something else than a group: no set.
        (
            "fr",
            "2020-08-13",
            "Les pays au sein de la coalition sont divisés.",
            &[],
        ),
    ]);
}

#[test]
fn a_dash_between_countries_lists_them_and_a_hyphen_does_not() {
    check(&[
        (
            "fr",
            "2020-06-30",
            "En voici la liste : - Algérie- Australie - Canada- Chine- Japon.",
            &["Algérie- Australie - Canada- Chine- Japon|list||complete|5|"],
        ),
        // A hyphen glued on both sides goes on a list set out with spaced
        // dashes, and a dash before an article joins as well.
        (
            "fr",
            "2019-03-12",
            "• LES PAYS QUI SUSPENDENT LES VOLS- La Chine- L'Indonésie- Oman-L'Inde • LES COMPAGNIES",
            &["Chine- L'Indonésie- Oman-L'Inde|list||complete|4|"],
        ),
        // A match, not a list.
        (
            "fr",
            "2020-06-30",
            "Les matchs France-Espagne, France-Allemagne et France-Italie ont eu lieu.",
            &[],
        ),
        (
            "fr",
            "2020-06-30",
            "Le tournoi des matchs France-Espagne-Italie a eu lieu.",
            &[],
        ),
        // The dash after a group opens its list, as before.
        (
            "fr",
            "2020-06-30",
            "Les pays du Golfe - Koweït, Qatar, Émirats arabes unis, Arabie saoudite - ont signé.",
            &[
                "pays du Golfe|group||complete|6|",
                "Koweït, Qatar, Émirats arabes unis, Arabie saoudite|list||complete|4|",
            ],
        ),
    ]);
}

#[test]
fn member_states_of_a_body_without_member_data_are_a_count_of_countries() {
    check(&[
        (
            "fr",
            "2019-07-05",
            "Les 21 États membres du Comité du patrimoine mondial, réunis à Bakou, ont décidé.",
            &["21 États membres|count|21|none|0|unverifiable"],
        ),
        // Members of something else: no set.
        (
            "fr",
            "2019-07-05",
            "Les deux membres du gouvernement ont démissionné.",
            &[],
        ),
        // Parts of one country.
        (
            "fr",
            "2019-07-05",
            "Les 50 Etats membres des Etats-Unis ont voté.",
            &[],
        ),
    ]);
}

#[test]
fn a_body_noun_stands_for_the_group_named_next_in_its_sentence() {
    check(&[
        (
            "fr",
            "2020-09-03",
            "Au nom des 27 Etats membres de l'Union, le représentant de l'UE a exhorté la Russie.",
            &["27 Etats membres de l'Union|count|27|complete|27|consistent"],
        ),
        // Not past its sentence.
        (
            "fr",
            "2020-09-03",
            "Au nom des 27 Etats membres de l'Union, il a exhorté la Russie. L'Union africaine attend.",
            &["27 Etats membres|count|27|none|0|unverifiable"],
        ),
    ]);
}

#[test]
fn partners_counted_apart_from_a_country_are_the_others_of_the_group_named_before() {
    check(&[
        (
            "fr",
            "2020-09-03",
            "L'Otan a annoncé une réunion vendredi. Des responsables allemands vont informer leurs 29 autres alliés.",
            &["29 autres alliés|count|29|complete|29|consistent"],
        ),
        // Not as many: nothing identified, no set of a noun that needs a tie.
        (
            "fr",
            "2020-09-03",
            "L'Otan a annoncé une réunion vendredi. Des responsables allemands vont informer leurs 12 autres alliés.",
            &[],
        ),
    ]);
}

#[test]
fn a_country_joined_to_a_group_phrase_after_it_makes_a_union() {
    check(&[
        (
            "fr",
            "2020-07-29",
            "Washington envisage de repositionner des forces en Pologne et dans les Etats baltes.",
            &[
                "Pologne et dans les Etats baltes|union||complete|4|",
                "Etats baltes|group||complete|3|",
            ],
        ),
        // Two groups: an agreement's parties, no set.
        (
            "fr",
            "2020-07-29",
            "L'accord entre l'UE et le Mercosur est signé.",
            &[],
        ),
    ]);
}

#[test]
fn a_member_phrase_that_qualifies_a_noun_of_a_country_is_a_part_of_its_group() {
    check(&[
        (
            "fr",
            "2020-09-10",
            "Les voisins du Mali membres de la Cédéao ont donné un délai.",
            &["membres de la Cédéao|group||none|0|"],
        ),
        // One member names the group.
        (
            "fr",
            "2020-09-10",
            "Il a rejoint la République de Chypre membre de l'Union européenne.",
            &["membre de l'Union européenne|group||complete|27|"],
        ),
    ]);
}

#[test]
fn an_apposition_or_a_list_marker_finds_its_countries_past_brackets_and_clauses() {
    check(&[
        (
            "fr",
            "2020-06-25",
            "La récession toucherait l'Italie (-12,8%) et l'Espagne (-12,8%), deux autres pays d'Europe.",
            &["deux autres pays|count|2|complete|2|consistent"],
        ),
        (
            "fr",
            "2020-08-20",
            "Le président français a appelé la Grèce et la Turquie, toutes deux membres de l'Otan, à se concerter.",
            &["deux membres de l'Otan|count|2|complete|2|consistent"],
        ),
        (
            "fr",
            "2020-07-29",
            "Les meurtres se sont produits dans seulement deux pays: la Colombie, qui avec 64 victimes se classe en tête, et les Philippines, avec 43 morts.",
            &["deux pays|count|2|complete|2|consistent"],
        ),
        // A state in brackets says whose a territory is: not an item.
        (
            "fr",
            "2020-07-29",
            "Elle court sur trois pays: le Brésil, le Surinam et la Guyane (France).",
            &["trois pays|count|3|partial|2|partial", "Brésil, le Surinam et la Guyane|list||complete|2|"],
        ),
        // "Parmi les 41 signataires": of a noun that needs a tie, firms.
        (
            "fr",
            "2020-05-05",
            "Parmi les 41 signataires, on trouve les enseignes les plus connues du Royaume-Uni, comme Tesco.",
            &[],
        ),
    ]);
}

#[test]
fn a_superlative_after_the_noun_names_the_group_in_the_singular_and_a_part_in_the_plural() {
    check(&[
        (
            "fr",
            "2020-05-28",
            "La Bulgarie, pays le plus pauvre de l'UE, produit le vaccin.",
            &["pays le plus pauvre de l'UE|group||complete|27|"],
        ),
        (
            "fr",
            "2020-05-28",
            "Les pays les plus pauvres de l'UE ont protesté.",
            &["pays les plus pauvres de l'UE|group||none|0|"],
        ),
        (
            "fr",
            "2020-05-28",
            "C'est le pays le plus touché de l'UE.",
            &["pays le plus touché de l'UE|group||complete|27|"],
        ),
    ]);
}

#[test]
fn member_states_take_the_only_organisation_named_before_however_far_and_not_the_others_of_a_part() {
    check(&[
        (
            "fr",
            "2020-09-21",
            "L'UE se réunit. Un. Deux. Trois. Quatre. Cinq. Six. Sept. Huit. Neuf. Dix. Onze. Douze. Un appel a été lancé aux Etats membres.",
            &["Etats membres|group||complete|27|"],
        ),
        // Others than an unnamed part of the group: unnamed.
        (
            "fr",
            "2020-09-09",
            "L'UE se réunit. Certains pays membres portent un fardeau par rapport aux autres pays membres.",
            &["pays membres|group||none|0|", "pays membres|group||none|0|"],
        ),
    ]);
}

#[test]
fn a_capital_named_as_a_place_completes_an_anaphora_that_finds_too_few() {
    check(&[
        (
            "fr",
            "2018-04-28",
            "Le président français, lors de sa visite officielle à Washington, a offert un chêne. Il symbolisait l'amitié entre les deux pays.",
            &["les deux pays|anaphora|2|complete|2|consistent"],
        ),
        (
            "fr",
            "2018-04-28",
            "Le président français a offert un chêne. Il symbolisait l'amitié entre les deux pays.",
            &["les deux pays|anaphora|2|partial|1|partial"],
        ),
        // Not when the countries named are enough: a capital as a place is
        // where they met ("à Paris").
        (
            "fr",
            "2018-04-28",
            "L'Inde et la Chine se sont rencontrées à Paris. Les deux pays ont signé.",
            &["Les deux pays|anaphora|2|complete|2|consistent"],
        ),
    ]);
}

#[test]
fn some_of_a_noun_for_countries_is_a_count_of_them() {
    check(&[
        (
            "fr",
            "2019-01-05",
            "Ce sont deux des pays les plus réfractaires, jusqu'alors, à ces véhicules, l'Allemagne et l'Espagne, qui progressent.",
            &["deux des pays les plus réfractaires|count|2|complete|2|consistent"],
        ),
        (
            "fr",
            "2019-01-05",
            "L'étude se concentre sur 22 des pays les plus pauvres.",
            &["22 des pays les plus pauvres|count|22|none|0|unverifiable"],
        ),
        // Not of a noun that needs a tie: "deux des membres du jury".
        ("fr", "2019-01-05", "Deux des membres du jury ont démissionné.", &[]),
    ]);
}

#[test]
fn a_capital_in_the_genitive_names_its_government() {
    check(&[
        (
            "en",
            "1987-04-01",
            "Baldrige said Washington's trade problems were not comparable to its difficulties with South Korea. \"Both countries live up to it.\"",
            &["Both countries|anaphora|2|complete|2|consistent"],
        ),
        // A person's genitive names none.
        (
            "en",
            "1987-04-01",
            "Baldrige said Reagan's trade problems were not comparable to its difficulties with South Korea. \"Both countries live up to it.\"",
            &["Both countries|anaphora|2|partial|1|partial"],
        ),
    ]);
}

#[test]
fn shares_before_items_ou_bien_and_the_bodies_of_the_un() {
    check(&[
        (
            "fr",
            "2020-06-28",
            "L'UE importe son soja (37% du Brésil, 29% d'Argentine, 15% des Etats-Unis et 19% du reste du monde).",
            &["Brésil, 29% d'Argentine, 15% des Etats-Unis|list||complete|3|"],
        ),
        (
            "fr",
            "2020-06-28",
            "Les personnes en provenance du Japon ou bien du Maroc ou du Mali pourront venir.",
            &["Japon ou bien du Maroc ou du Mali|list||complete|3|"],
        ),
        (
            "fr",
            "2020-07-08",
            "Le rapport de l'ONUDC s'appuie sur les réponses soumises par les Etats membres.",
            &["Etats membres|group||complete|193|"],
        ),
        // A share that is no item's: no list.
        ("fr", "2020-06-28", "Le Brésil a 37% des parts et 29% des voix.", &[]),
    ]);
}

#[test]
fn the_countries_set_off_after_a_group_in_a_union_are_a_list_inside_it() {
    check(&[
        (
            "fr",
            "2019-06-01",
            "Le dispositif réunit l'UE, ainsi que l'Islande, la Norvège et le Liechtenstein.",
            &[
                "UE, ainsi que l'Islande, la Norvège et le Liechtenstein|union||complete|31|",
                "Islande, la Norvège et le Liechtenstein|list||complete|3|",
            ],
        ),
        // Joined by commas only: one union.
        (
            "fr",
            "2020-06-08",
            "Le classement inclut l'UE, le Royaume-Uni, l'Albanie et la Suisse.",
            &["UE, le Royaume-Uni, l'Albanie et la Suisse|union||complete|30|"],
        ),
    ]);
}

#[test]
fn an_anaphora_takes_a_pair_joined_after_an_earlier_set_of_its_count() {
    check(&[(
        "fr",
        "2020-08-15",
        "Le Premier ministre s'adressait au Pakistan et à la Chine, qui revendiquent un territoire, selon les deux pays. C'était le premier affrontement entre la Chine et l'Inde depuis 45 ans. Le dernier conflit entre les deux nations a eu lieu en 1962.",
        &[
            "les deux pays|anaphora|2|complete|2|consistent",
            "les deux nations|anaphora|2|complete|2|consistent",
        ],
    )]);
    check_by(
        &[(
            "fr",
            "2020-08-15",
            "Le Premier ministre s'adressait au Pakistan et à la Chine, qui revendiquent un territoire, selon les deux pays. C'était le premier affrontement entre la Chine et l'Inde depuis 45 ans. Le dernier conflit entre les deux nations a eu lieu en 1962.",
            &["les deux pays|CHN;PAK", "les deux nations|CHN;IND"],
        )],
        members,
    );
}

#[test]
fn a_list_marker_may_stand_up_to_twenty_words_after_its_count() {
    check(&[
        (
            "fr",
            "2020-08-25",
            "Seuls deux pays au monde comptent aujourd'hui des contaminations par le \"poliovirus sauvage\": l'Afghanistan (29 cas en 2020) et le Pakistan (58 cas).",
            &["deux pays|count|2|complete|2|consistent"],
        ),
        // Not past a sentence's end.
        (
            "fr",
            "2020-08-25",
            "Seuls deux pays au monde comptent des cas. Le virus circule: l'Afghanistan (29 cas en 2020) et le Pakistan (58 cas).",
            &["deux pays|count|2|none|0|unverifiable"],
        ),
    ]);
}

#[test]
fn a_filler_of_several_words_stands_between_list_items() {
    check(&[
        (
            "fr",
            "2020-08-30",
            "les tensions entre la Turquie d'un côté, la France et la Grèce de l'autre.",
            &["Turquie d'un côté, la France et la Grèce|list||complete|3|"],
        ),
        (
            "en",
            "2020-08-30",
            "tensions between Turkey on the one hand, France and Greece on the other.",
            &["Turkey on the one hand, France and Greece|list||complete|3|"],
        ),
    ]);
}

#[test]
fn a_country_said_to_be_outside_a_group_is_one_of_those_outside() {
    check_by(
        &[
            (
                "fr",
                "2020-08-07",
                "la Norvège - qui n'est pas membre de l'Union européenne mais qui appartient à l'espace Schengen - avait fini par céder.",
                &["pas membre de l'Union européenne|NOR"],
            ),
            (
                "fr",
                "2018-08-08",
                "la Turquie (pays non-membre de l'UE) proteste.",
                &["pays non-membre de l'UE|TUR"],
            ),
            // A member is not said to be outside: no member.
            (
                "fr",
                "2020-08-07",
                "La France, qui n'est pas membre de l'Opep, proteste.",
                &["pas membre de l'Opep|FRA"],
            ),
            (
                "fr",
                "2020-08-07",
                "L'Italie, qui n'est pas membre de l'Union européenne selon lui, proteste.",
                &["pas membre de l'Union européenne|"],
            ),
        ],
        members,
    );
}

#[test]
fn an_apposition_after_a_list_item_is_passed_over() {
    check(&[
        (
            "fr",
            "2020-09-01",
            "Suivent les Etats-Unis, pays le plus touché au monde par la pandémie avec 125.928 décès pour près de 2,6 millions de cas, le Brésil, la Russie et l'Inde.",
            &["Etats-Unis, pays le plus touché au monde par la pandémie avec 125.928 décès pour près de 2,6 millions de cas, le Brésil, la Russie et l'Inde|list||complete|4|"],
        ),
        // An aside between dashes.
        (
            "fr",
            "2020-06-10",
            "Viennent ensuite les Etats-Unis - qui restent de loin le pays le plus durement frappé avec 107.000 morts - le Royaume-Uni (39.728) et l'Italie.",
            &["Etats-Unis - qui restent de loin le pays le plus durement frappé avec 107.000 morts - le Royaume-Uni (39.728) et l'Italie|list||complete|3|"],
        ),
        (
            "fr",
            "2020-06-10",
            "La Chine - qui a menti - a réagi, comme le Japon et la Corée du Sud.",
            &[],
        ),
        // Not past a country named inside it.
        (
            "fr",
            "2020-09-01",
            "Suivent les Etats-Unis, pays voisin du Canada et très touché, le Brésil et la Russie.",
            &[],
        ),
    ]);
}

#[test]
fn members_alone_are_those_of_the_organisation_named_before_in_their_sentence() {
    check(&[
        (
            "en",
            "1987-03-20",
            "Nazer said OPEC was producing below 15.8 mln bpd and all members were abiding by its agreements.",
            &["members|group||complete|13|"],
        ),
        // People: after a noun for them, or "members of" something.
        (
            "en",
            "1987-04-29",
            "Pickets at the entrance to the GATT offices said all but seven or eight staff members took part in the strike.",
            &[],
        ),
        (
            "en",
            "1987-04-29",
            "GATT said members of the staff went on strike.",
            &[],
        ),
        // Not an organisation named in an earlier sentence.
        (
            "en",
            "1987-03-20",
            "OPEC met in Vienna. Members of parliament said members were angry.",
            &[],
        ),
    ]);
}

#[test]
fn quotation_marks_do_not_break_a_phrase() {
    check(&[(
        "fr",
        "2020-05-04",
        "Il a affirmé que l'Iran figure parmi les \"cinq premiers pays du monde\" avec le plus grand nombre de rétablissements.",
        &["cinq premiers pays|count|5|partial|1|partial"],
    )]);
}

#[test]
fn a_group_makes_a_set_before_brackets_or_a_colon_only_when_countries_follow() {
    check(&[
        (
            "fr",
            "2019-06-01",
            "le projet d'accord entre l'UE et le Mercosur (qui regroupe l'Argentine, le Brésil, le Paraguay et l'Uruguay) avance.",
            &[
                "Mercosur|group||complete|4|",
                "Argentine, le Brésil, le Paraguay et l'Uruguay|list||complete|4|",
            ],
        ),
        (
            "fr",
            "2019-09-25",
            "selon le groupe d'experts climat de l'ONU (Giec), le niveau des mers a augmenté. Premier élément mis en avant par l'UE : une capacité de tests à large échelle.",
            &[],
        ),
    ]);
}

#[test]
fn a_group_hyphenated_to_a_country_is_no_set() {
    check(&[
        (
            "fr",
            "2020-03-01",
            "Les arrivées ont baissé depuis l'accord UE-Turquie signé en mars 2016.",
            &[],
        ),
        (
            "en",
            "1987-03-03",
            "Channon also called for greater EC-U.S. cooperation.",
            &[],
        ),
        // A dash spaced after the group still opens its list.
        (
            "en",
            "1987-04-08",
            "Tomorrow's meeting of the Group of Seven -- the U.S., Japan, West Germany, France, Britain, Italy and Canada -- will discuss currencies.",
            &[
                "Group of Seven|group||complete|7|",
                "U.S., Japan, West Germany, France, Britain, Italy and Canada|list||complete|7|",
            ],
        ),
    ]);
}

#[test]
fn a_count_of_other_states_is_of_the_organisation_named_in_its_sentence() {
    check(&[
        (
            "en",
            "1987-03-02",
            "The mechanism to compensate Britain for its inability to take up a higher proportion of EC farm expenditure will have to be paid for by the other 11 states.",
            &["11 states|count|11|complete|11|consistent"],
        ),
        // A noun for countries stays an anaphora.
        (
            "en",
            "1987-06-03",
            "The OECD called on more active fiscal policies from the U.S., West Germany and Japan to slow demand in the U.S. And raise it in the other two countries.",
            &[
                "U.S., West Germany and Japan|list||complete|3|",
                "other two countries|anaphora|2|complete|2|consistent",
            ],
        ),
    ]);
}

#[test]
fn a_number_of_a_description_of_countries_is_a_count() {
    check(&[
        (
            "en",
            "1987-06-16",
            "He hoped to increase the IMF's structural adjustment facility, which helps 62 of the world's poorest countries.",
            &["62 of the world's poorest countries|count|62|none|0|unverifiable"],
        ),
        (
            "en",
            "1987-03-23",
            "Debt-equity conversion plans accounted for 2.5 billion dlrs last year in four of the region's major debtor states.",
            &["four of the region's major debtor states|count|4|none|0|unverifiable"],
        ),
        // States that need a tie: not without an owner, nor a country's.
        (
            "en",
            "1987-03-20",
            "API also said that three of the states with the highest number of bank failures were oil producers.",
            &[],
        ),
        ("en", "1987-03-20", "Four of the country's states voted.", &[]),
        // Nor the noun alone, undescribed.
        (
            "en",
            "1987-03-02",
            "The American Pork Congress kicks off tomorrow with 160 of the nations pork producers.",
            &[],
        ),
        // A place after "in" is no description counted out of.
        (
            "en",
            "2005-01-01",
            "He said there were 60 in the country.",
            &[],
        ),
    ]);
}

#[test]
fn a_range_with_en_passant_par_is_a_list_of_its_ends_and_steps() {
    check(&[
        (
            "fr",
            "2020-10-01",
            "La négation de la pandémie s'est exprimée partout dans le monde, de la France jusqu'en Australie et aux Etats-Unis, en passant par la Serbie, le Brésil ou l'Afrique du Sud.",
            &["France jusqu'en Australie et aux Etats-Unis, en passant par la Serbie, le Brésil ou l'Afrique du Sud|list||complete|6|"],
        ),
        (
            "fr",
            "2020-05-20",
            "De nombreux autres pays ont franchi un cap, du Japon aux Etats-Unis, en passant par l'Espagne, qui a décrété un deuil.",
            &["Japon aux Etats-Unis, en passant par l'Espagne|list||complete|3|"],
        ),
        // A range alone names its two ends, no list.
        ("fr", "2020-05-20", "Du Japon aux Etats-Unis, la crise frappe, et l'Espagne aussi.", &[]),
    ]);
}

#[test]
fn the_members_of_a_body_without_member_data_are_a_group_with_no_code() {
    check(&[
        (
            "fr",
            "2019-11-20",
            "Son élection avait suscité une vive inquiétude des ONG et de certains pays membres d'Interpol.",
            &["pays membres d'Interpol|group||none|0|"],
        ),
        (
            "en",
            "1987-03-23",
            "The Inter-American Development Bank met in Miami. Ortiz-Mena said the bank's member countries will discuss a plan.",
            &["member countries|group||none|0|"],
        ),
        // Their countries are what a list names of them.
        (
            "en",
            "1987-03-27",
            "The ICCO council met. Some consuming member nations, including Britain and Belgium, objected.",
            &["member nations|group||partial|2|"],
        ),
        // Its name with a noun for countries.
        (
            "en",
            "1987-03-27",
            "Buffer stock purchases from non-ICCO member countries would not be allowed. She said it depended on other EMS countries.",
            &["ICCO member countries|group||none|0|", "EMS countries|group||none|0|"],
        ),
        (
            "fr",
            "2020-01-30",
            "La question sera au centre du conseil des gouverneurs des pays de l'AIEA.",
            &["pays de l'AIEA|group||none|0|"],
        ),
        ("fr", "2020-01-30", "Le pays de l'AIEA a voté.", &[]),
        // Not in the singular: one country, or a word before another noun.
        (
            "en",
            "1987-03-27",
            "The ICCO council met. The differentials could be reviewed at the request of a member country.",
            &[],
        ),
    ]);
}

#[test]
fn a_group_named_as_partners_is_its_members_other_than_those_named_beside() {
    check(&[
        (
            "en",
            "1987-06-29",
            "Kuwait has the full support of Saudi Arabia and other Gulf allies, a senior government official said.",
            &["Gulf allies|group||complete|4|"],
        ),
        (
            "en",
            "1987-06-29",
            "Washington wants to reassure its Gulf allies.",
            &["Gulf allies|group||complete|6|"],
        ),
    ]);
}

#[test]
fn a_filler_of_degree_between_list_items_is_passed_over() {
    check(&[
        (
            "en",
            "1987-04-03",
            "Kenya has for a long time relied on Britain, Pakistan, Egypt and, to a lesser extent the United States, as major markets for its tea.",
            &["Britain, Pakistan, Egypt and, to a lesser extent the United States|list||complete|4|"],
        ),
        (
            "fr",
            "2020-04-03",
            "Le Kenya vend à la France, à l'Allemagne et, dans une moindre mesure, à l'Italie.",
            &["France, à l'Allemagne et, dans une moindre mesure, à l'Italie|list||complete|3|"],
        ),
        (
            "fr",
            "2018-07-02",
            "Le projet a été lancé en Chine, au Portugal, et maintenant en Espagne.",
            &["Chine, au Portugal, et maintenant en Espagne|list||complete|3|"],
        ),
        // A region among the countries is passed over.
        (
            "fr",
            "2020-09-20",
            "Elle a vécu en Allemagne, en Scandinavie, en France et au Japon.",
            &["Allemagne, en Scandinavie, en France et au Japon|list||complete|3|"],
        ),
    ]);
}

#[test]
fn a_marker_before_a_list_adds_the_countries_it_names_outside_the_run() {
    check(&[
        // "outre", "besides": the countries right after it.
        (
            "fr",
            "2020-09-16",
            "Outre les Etats-Unis, la plateforme de podcasts a été lancée au Royaume-Uni, en Allemagne et au Japon.",
            &["Royaume-Uni, en Allemagne et au Japon|list||complete|4|"],
        ),
        // "followed by": a ranking, after the sentence's first countries.
        (
            "en",
            "1987-03-11",
            "Japan has so far been the main source of bilateral concessional assistance for China, followed by West Germany, Canada, Italy, Australia and Britain.",
            &["West Germany, Canada, Italy, Australia and Britain|list||complete|6|"],
        ),
        // French annotators read "suivi par" as the run after it alone (the
        // convention of `sets_annotations.csv`, orangesum-1599): no French
        // words for the role.
        (
            "fr",
            "2020-09-16",
            "Le Pérou déplore le plus grand nombre de morts par rapport à sa population, suivi par la Belgique (86), l'Espagne (64), la Bolivie (63), et le Chili (62).",
            &["Belgique (86), l'Espagne (64), la Bolivie (63), et le Chili|list||complete|4|"],
        ),
        // Not to a list attached to a count: "more" leaves them out.
        (
            "en",
            "1987-06-30",
            "It said in addition to Benin, Cameroon, Ivory Coast, Ghana and Togo, four more countries -- Burkina Faso, Gabon, Liberia and Niger -- have been declared eligible.",
            &[
                "Benin, Cameroon, Ivory Coast, Ghana and Togo|list||complete|5|",
                "four more countries|count|4|complete|4|consistent",
                "Burkina Faso, Gabon, Liberia and Niger|list||complete|4|",
            ],
        ),
    ]);
}

#[test]
fn a_count_after_one_of_holds_the_country_it_is_said_of() {
    check(&[
        (
            "en",
            "1987-06-01",
            "China is one of the poorest 25 countries in the world.",
            &["25 countries|count|25|partial|1|partial"],
        ),
        // Not a noun that needs a tie: Georgia, a US state, here.
        (
            "fr",
            "2020-06-01",
            "La Géorgie est l'un des cinq Etats qui ne prévoient pas de loi.",
            &[],
        ),
    ]);
}

#[test]
fn a_run_of_territories_only_is_no_set() {
    check(&[
        (
            "fr",
            "2020-03-20",
            "Les départements d'outre-mer, Guadeloupe, Guyane, La Réunion, Martinique, Mayotte, sont concernés.",
            &[],
        ),
        // A territory among countries is passed over, the list stays.
        (
            "en",
            "1987-03-03",
            "The U.S., Britain, France and Hong Kong objected.",
            &["U.S., Britain, France and Hong Kong|list||complete|3|"],
        ),
    ]);
}

#[test]
fn a_worldwide_body_or_organisations_only_in_a_run_are_institutions() {
    check(&[
        // The mediators: the UN is no 193 members here, and two countries
        // are no list.
        (
            "fr",
            "2020-08-20",
            "Un accord a été conclu sous la médiation de l'ONU, de l'Egypte et du Qatar.",
            &[],
        ),
        // Organisations only.
        (
            "fr",
            "2020-08-20",
            "L'ONU, l'Union européenne et l'Union africaine ont condamné le coup d'Etat.",
            &[],
        ),
        // A group that is not worldwide stays a union with the countries.
        (
            "fr",
            "2020-08-20",
            "La Turquie, les Etats-Unis et l'Union européenne ont condamné le coup d'Etat.",
            &["Turquie, les Etats-Unis et l'Union européenne|union||complete|29|"],
        ),
    ]);
}

#[test]
fn an_inclusive_marker_reaches_past_a_description_to_its_list() {
    check(&[
        (
            "fr",
            "2020-08-27",
            "Tenet a été lancé dans plus de 70 pays, dont la plupart des pays européens, le Canada, l'Australie et la Corée du Sud.",
            &[
                "70 pays|count|70|partial|3|partial",
                "Canada, l'Australie et la Corée du Sud|list||partial|3|",
            ],
        ),
        (
            "fr",
            "2020-07-01",
            "L'Europe a rouvert ses frontières aux voyageurs de quinze pays, dont un seul d'Amérique latine, l'Uruguay.",
            &["quinze pays|count|15|partial|1|partial"],
        ),
    ]);
}
