#!/usr/bin/env python3
"""Writes input/groups.csv and input/group_info.csv: dated memberships of the
groups paysage ships. The facts are transcribed by hand from each organisation's
own published list of members and accession dates (named per group below);
no registry package carries them. `cargo test --test groups` checks the member
count of every group at dates where the public count is well known.

The groups of issue 12 (OPEC onwards) could not be checked against a fetched copy of
those lists: their rows say "own knowledge" in `source`, with "year precision" or "month
precision" where only the year or month is known (the row then counts from its first day).

Conventions: `iso3` is an alpha-3 code of countries.csv or the id of a former state in
historical.csv (SUN, DDR, CSK, YUG), which the loader flags as former. `joined` is the first day as a member (the day the accession took
effect: treaty in force, instrument deposited, admission voted); `left` is the
last day as a member. A country that left and came back has two rows."""
import csv, os

OUT = os.path.join(os.path.dirname(__file__), "..", "input")
rows = []  # (group, iso3, joined, left, source)
info = []  # (group, name_en, name_fr, note)


def add(group, codes, joined, source, left=""):
    for c in codes.split():
        rows.append((group, c, joined, left, source))


# --- EU (and its predecessors EEC/EC) -------------------------------------------------------
info.append(("EU", "European Union", "Union européenne",
             "the EU and its predecessor communities (EEC, EC) as one group"))
S = "EU accession treaties (europa.eu, 'From 6 to 27 members')"
add("EU", "BEL DEU FRA ITA LUX NLD", "1958-01-01", S + "; founding members (Treaty of Rome in force); DEU stands for the Federal Republic before 1990-10-03")
add("EU", "DNK IRL", "1973-01-01", S)
add("EU", "GBR", "1973-01-01", S + "; left 2020-01-31 (withdrawal agreement, OJ L 29 of 31.1.2020)", left="2020-01-31")
add("EU", "GRC", "1981-01-01", S)
add("EU", "ESP PRT", "1986-01-01", S)
add("EU", "AUT FIN SWE", "1995-01-01", S)
add("EU", "CYP CZE EST HUN LVA LTU MLT POL SVK SVN", "2004-05-01", S)
add("EU", "BGR ROU", "2007-01-01", S)
add("EU", "HRV", "2013-07-01", S)

# --- NATO -------------------------------------------------------------------------------------
info.append(("NATO", "North Atlantic Treaty Organization", "Organisation du traité de l'Atlantique nord", ""))
S = "NATO member countries and dates of accession (nato.int)"
add("NATO", "BEL CAN DNK FRA ISL ITA LUX NLD NOR PRT GBR USA", "1949-08-24", S + "; founders, North Atlantic Treaty in force")
add("NATO", "GRC TUR", "1952-02-18", S)
add("NATO", "DEU", "1955-05-06", S + "; the Federal Republic, Germany from 1990-10-03")
add("NATO", "ESP", "1982-05-30", S)
add("NATO", "CZE HUN POL", "1999-03-12", S)
add("NATO", "BGR EST LVA LTU ROU SVK SVN", "2004-03-29", S)
add("NATO", "ALB HRV", "2009-04-01", S)
add("NATO", "MNE", "2017-06-05", S)
add("NATO", "MKD", "2020-03-27", S)
add("NATO", "FIN", "2023-04-04", S)
add("NATO", "SWE", "2024-03-07", S)

# --- OECD -------------------------------------------------------------------------------------
info.append(("OECD", "Organisation for Economic Co-operation and Development", "Organisation de coopération et de développement économiques", ""))
S = "OECD, ratification of the Convention on the OECD (oecd.org); founders counted from the Convention's entry into force"
add("OECD", "AUT BEL CAN DNK FRA DEU GRC ISL IRL NOR PRT ESP SWE CHE TUR GBR USA", "1961-09-30", S)
add("OECD", "NLD", "1961-11-13", S)
add("OECD", "LUX", "1961-12-07", S)
add("OECD", "ITA", "1962-03-29", S)
add("OECD", "JPN", "1964-04-28", S)
add("OECD", "FIN", "1969-01-28", S)
add("OECD", "AUS", "1971-06-07", S)
add("OECD", "NZL", "1973-05-29", S)
add("OECD", "MEX", "1994-05-18", S)
add("OECD", "CZE", "1995-12-21", S)
add("OECD", "HUN", "1996-05-07", S)
add("OECD", "POL", "1996-11-22", S)
add("OECD", "KOR", "1996-12-12", S)
add("OECD", "SVK", "2000-12-14", S)
add("OECD", "CHL", "2010-05-07", S)
add("OECD", "SVN", "2010-07-21", S)
add("OECD", "ISR", "2010-09-07", S)
add("OECD", "EST", "2010-12-09", S)
add("OECD", "LVA", "2016-07-01", S)
add("OECD", "LTU", "2018-07-05", S)
add("OECD", "COL", "2020-04-28", S)
add("OECD", "CRI", "2021-05-25", S)

# --- Euro area --------------------------------------------------------------------------------
info.append(("EURO", "euro area", "zone euro", "EU states that use the euro (not the states that use it without joining)"))
S = "European Central Bank, euro area enlargements (ecb.europa.eu)"
add("EURO", "AUT BEL FIN FRA DEU IRL ITA LUX NLD PRT ESP", "1999-01-01", S)
add("EURO", "GRC", "2001-01-01", S)
add("EURO", "SVN", "2007-01-01", S)
add("EURO", "CYP MLT", "2008-01-01", S)
add("EURO", "SVK", "2009-01-01", S)
add("EURO", "EST", "2011-01-01", S)
add("EURO", "LVA", "2014-01-01", S)
add("EURO", "LTU", "2015-01-01", S)
add("EURO", "HRV", "2023-01-01", S)
add("EURO", "BGR", "2026-01-01", S)

# --- Schengen area (checks at internal borders lifted) ----------------------------------------
info.append(("SCHENGEN", "Schengen area", "espace Schengen", "from the day internal border checks were lifted"))
S = "European Commission, Schengen area members and dates (home-affairs.ec.europa.eu)"
add("SCHENGEN", "BEL FRA DEU LUX NLD PRT ESP", "1995-03-26", S)
add("SCHENGEN", "ITA", "1997-10-26", S)
add("SCHENGEN", "AUT", "1997-12-01", S)
add("SCHENGEN", "GRC", "2000-03-26", S)
add("SCHENGEN", "DNK FIN ISL NOR SWE", "2001-03-25", S)
add("SCHENGEN", "CZE EST HUN LVA LTU MLT POL SVK SVN", "2007-12-21", S)
add("SCHENGEN", "CHE", "2008-12-12", S)
add("SCHENGEN", "LIE", "2011-12-19", S)
add("SCHENGEN", "HRV", "2023-01-01", S)
add("SCHENGEN", "BGR ROU", "2025-01-01", S + "; air and sea borders from 2024-03-31, land borders from 2025-01-01")

# --- EEA --------------------------------------------------------------------------------------
info.append(("EEA", "European Economic Area", "Espace économique européen", "EU states plus Iceland, Liechtenstein and Norway"))
S = "EEA Agreement and its enlargements (efta.int)"
add("EEA", "AUT BEL DNK FIN FRA DEU GRC ISL IRL ITA LUX NLD NOR PRT ESP SWE", "1994-01-01", S)
add("EEA", "GBR", "1994-01-01", S + "; EEA obligations ended with the Brexit transition period", left="2020-12-31")
add("EEA", "LIE", "1995-05-01", S)
add("EEA", "CYP CZE EST HUN LVA LTU MLT POL SVK SVN", "2004-05-01", S)
add("EEA", "BGR ROU", "2007-08-01", S)
add("EEA", "HRV", "2014-04-12", S + "; provisionally applied")

# --- Council of Europe ------------------------------------------------------------------------
info.append(("COE", "Council of Europe", "Conseil de l'Europe", ""))
S = "Council of Europe, 46 member states and dates of accession (coe.int)"
add("COE", "BEL DNK FRA IRL ITA LUX NLD NOR SWE GBR", "1949-05-05", S + "; founders (Treaty of London)")
add("COE", "GRC", "1949-08-09", S + "; withdrew 1969-12-12", left="1969-12-12")
add("COE", "GRC", "1974-11-28", S + "; rejoined")
add("COE", "TUR", "1949-08-09", S)
add("COE", "ISL", "1950-03-07", S)
add("COE", "DEU", "1950-07-13", S)
add("COE", "AUT", "1956-04-16", S)
add("COE", "CYP", "1961-05-24", S)
add("COE", "CHE", "1963-05-06", S)
add("COE", "MLT", "1965-04-29", S)
add("COE", "PRT", "1976-09-22", S)
add("COE", "ESP", "1977-11-24", S)
add("COE", "LIE", "1978-11-23", S)
add("COE", "SMR", "1988-11-16", S)
add("COE", "FIN", "1989-05-05", S)
add("COE", "HUN", "1990-11-06", S)
add("COE", "POL", "1991-11-26", S)
add("COE", "BGR", "1992-05-07", S)
add("COE", "EST LTU SVN", "1993-05-14", S)
add("COE", "CZE SVK", "1993-06-30", S)
add("COE", "ROU", "1993-10-07", S)
add("COE", "AND", "1994-11-10", S)
add("COE", "LVA", "1995-02-10", S)
add("COE", "ALB MDA", "1995-07-13", S)
add("COE", "MKD UKR", "1995-11-09", S)
add("COE", "RUS", "1996-02-28", S + "; excluded by the Committee of Ministers on 2022-03-16", left="2022-03-15")
add("COE", "HRV", "1996-11-06", S)
add("COE", "GEO", "1999-04-27", S)
add("COE", "ARM AZE", "2001-01-25", S)
add("COE", "BIH", "2002-04-24", S)
add("COE", "SRB", "2003-04-03", S + "; as Serbia and Montenegro, continued by Serbia")
add("COE", "MCO", "2004-10-05", S)
add("COE", "MNE", "2007-05-11", S)

# --- G7 / G8 / G20 ----------------------------------------------------------------------------
info.append(("G7", "Group of Seven", "Groupe des sept", "the EU takes part as a non-enumerated member, not counted"))
S = "G7 summits (Rambouillet 1975, Puerto Rico 1976)"
add("G7", "FRA DEU ITA JPN GBR USA", "1975-11-15", S + "; DEU: the Federal Republic, then Germany")
add("G7", "CAN", "1976-06-27", S)
info.append(("G8", "Group of Eight", "Groupe des huit", "the G7 with Russia; Russia suspended on 2014-03-24"))
S = "G8 summits (Birmingham 1998); The Hague declaration of 2014-03-24"
add("G8", "CAN FRA DEU ITA JPN GBR USA", "1998-05-15", S)
add("G8", "RUS", "1998-05-15", S, left="2014-03-23")
info.append(("G20", "Group of Twenty", "Groupe des vingt", "19 countries; the EU (since 1999) and the African Union (since 2023-09-09) are members as bodies, not counted as countries"))
S = "G20 (g20.org): finance ministers from 1999-12-15, leaders from 2008"
add("G20", "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA", "1999-12-15", S)

# --- ASEAN ------------------------------------------------------------------------------------
info.append(("ASEAN", "Association of Southeast Asian Nations", "Association des nations de l'Asie du Sud-Est", ""))
S = "ASEAN member states (asean.org)"
add("ASEAN", "IDN MYS PHL SGP THA", "1967-08-08", S + "; Bangkok Declaration")
add("ASEAN", "BRN", "1984-01-07", S)
add("ASEAN", "VNM", "1995-07-28", S)
add("ASEAN", "LAO MMR", "1997-07-23", S)
add("ASEAN", "KHM", "1999-04-30", S)
add("ASEAN", "TLS", "2025-10-26", S + "; admitted at the 47th ASEAN Summit")

# --- Mercosur ---------------------------------------------------------------------------------
info.append(("MERCOSUR", "Mercosur", "Mercosur", "full members (Venezuela suspended since 2016-12-01 and counted as out)"))
S = "Mercosur (mercosur.int): Treaty of Asunción in force 1991-11-29"
add("MERCOSUR", "ARG BRA PRY URY", "1991-11-29", S)
add("MERCOSUR", "VEN", "2012-07-31", S + "; suspended 2016-12-01", left="2016-11-30")
add("MERCOSUR", "BOL", "2024-07-08", S)


# --- African Union ----------------------------------------------------------------------------
info.append(("AU", "African Union", "Union africaine", "members stay members while suspended: suspensions are in group_suspensions.csv"))
S = "African Union member states (au.int); the AU replaced the OAU on 2002-07-09"
add("AU", "DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB "
          "KEN LSO LBR LBY MDG MWI MLI MRT MUS MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SDN TZA TGO TUN UGA "
          "ZMB ZWE ESH", "2002-07-09", S + "; ESH: the Sahrawi Arab Democratic Republic")
add("AU", "SSD", "2011-07-28", S)
add("AU", "MAR", "2017-01-31", S + "; readmitted at the 28th summit")

# --- Commonwealth of Nations ------------------------------------------------------------------
info.append(("COMMONWEALTH", "Commonwealth of Nations", "Commonwealth", ""))
S = "Commonwealth Secretariat, member countries and dates of joining (thecommonwealth.org)"
add("COMMONWEALTH", "GBR CAN AUS NZL", "1931-12-11", S + "; Statute of Westminster")
add("COMMONWEALTH", "ZAF", "1931-12-11", S + "; left 1961-05-31", left="1961-05-30")
add("COMMONWEALTH", "ZAF", "1994-06-01", S + "; rejoined")
add("COMMONWEALTH", "PAK", "1947-08-14", S + "; left 1972-01-30", left="1972-01-29")
add("COMMONWEALTH", "PAK", "1989-10-01", S + "; rejoined")
add("COMMONWEALTH", "IND", "1947-08-15", S)
add("COMMONWEALTH", "LKA", "1948-02-04", S)
add("COMMONWEALTH", "GHA", "1957-03-06", S)
add("COMMONWEALTH", "MYS", "1957-08-31", S)
add("COMMONWEALTH", "NGA", "1960-10-01", S)
add("COMMONWEALTH", "CYP", "1961-03-13", S)
add("COMMONWEALTH", "SLE", "1961-04-27", S)
add("COMMONWEALTH", "TZA", "1961-12-09", S)
add("COMMONWEALTH", "JAM", "1962-08-06", S)
add("COMMONWEALTH", "TTO", "1962-08-31", S)
add("COMMONWEALTH", "UGA", "1962-10-09", S)
add("COMMONWEALTH", "KEN", "1963-12-12", S)
add("COMMONWEALTH", "MWI", "1964-07-06", S)
add("COMMONWEALTH", "MLT", "1964-09-21", S)
add("COMMONWEALTH", "ZMB", "1964-10-24", S)
add("COMMONWEALTH", "GMB", "1965-02-18", S + "; left 2013-10-03", left="2013-10-02")
add("COMMONWEALTH", "GMB", "2018-02-08", S + "; rejoined")
add("COMMONWEALTH", "SGP", "1965-10-15", S)
add("COMMONWEALTH", "GUY", "1966-05-26", S)
add("COMMONWEALTH", "BWA", "1966-09-30", S)
add("COMMONWEALTH", "LSO", "1966-10-04", S)
add("COMMONWEALTH", "BRB", "1966-11-30", S)
add("COMMONWEALTH", "MUS", "1968-03-12", S)
add("COMMONWEALTH", "SWZ", "1968-09-06", S)
add("COMMONWEALTH", "NRU", "1968-11-01", S)
add("COMMONWEALTH", "TON", "1970-06-04", S)
add("COMMONWEALTH", "WSM", "1970-08-28", S)
add("COMMONWEALTH", "FJI", "1970-10-10", S + "; lapsed 1987-10-15", left="1987-10-14")
add("COMMONWEALTH", "FJI", "1997-10-01", S + "; rejoined")
add("COMMONWEALTH", "BGD", "1972-04-18", S)
add("COMMONWEALTH", "BHS", "1973-07-10", S)
add("COMMONWEALTH", "GRD", "1974-02-07", S)
add("COMMONWEALTH", "PNG", "1975-09-16", S)
add("COMMONWEALTH", "SYC", "1976-06-29", S)
add("COMMONWEALTH", "SLB", "1978-07-07", S)
add("COMMONWEALTH", "TUV", "1978-10-01", S)
add("COMMONWEALTH", "DMA", "1978-11-03", S)
add("COMMONWEALTH", "LCA", "1979-02-22", S)
add("COMMONWEALTH", "KIR", "1979-07-12", S)
add("COMMONWEALTH", "VCT", "1979-10-27", S)
add("COMMONWEALTH", "ZWE", "1980-04-18", S + "; left 2003-12-07", left="2003-12-06")
add("COMMONWEALTH", "VUT", "1980-07-30", S)
add("COMMONWEALTH", "BLZ", "1981-09-21", S)
add("COMMONWEALTH", "ATG", "1981-11-01", S)
add("COMMONWEALTH", "MDV", "1982-07-09", S + "; left 2016-10-13", left="2016-10-12")
add("COMMONWEALTH", "MDV", "2020-02-01", S + "; rejoined")
add("COMMONWEALTH", "KNA", "1983-09-19", S)
add("COMMONWEALTH", "BRN", "1984-01-01", S)
add("COMMONWEALTH", "NAM", "1990-03-21", S)
add("COMMONWEALTH", "CMR MOZ", "1995-11-13", S)
add("COMMONWEALTH", "RWA", "2009-11-29", S)
add("COMMONWEALTH", "GAB TGO", "2022-06-25", S)

# --- United Nations ---------------------------------------------------------------------------
info.append(("UN", "United Nations", "Organisation des Nations unies", "Member States by date of admission; RUS holds the USSR's seat, DEU the FRG's"))
S = "United Nations, Member States and dates of admission (un.org)"
add("UN", "ARG AUS BEL BOL BRA BLR CAN CHL CHN COL CRI CUB DNK DOM ECU EGY SLV ETH FRA GRC GTM HTI HND IND IRN "
          "IRQ LBN LBR LUX MEX NLD NZL NIC NOR PAN PRY PER PHL POL RUS SAU ZAF SYR TUR UKR GBR USA URY VEN",
    "1945-10-24", S + "; original members (the Charter in force)")
for d, codes in [
    ("1946-11-19", "AFG ISL SWE"), ("1946-12-16", "THA"), ("1947-09-30", "PAK YEM"), ("1948-04-19", "MMR"),
    ("1949-05-11", "ISR"), ("1950-09-28", "IDN"),
    ("1955-12-14", "ALB AUT BGR KHM FIN HUN IRL ITA JOR LAO LBY NPL PRT ROU LKA ESP"),
    ("1956-11-12", "MAR SDN TUN"), ("1956-12-18", "JPN"), ("1957-03-08", "GHA"), ("1957-09-17", "MYS"),
    ("1958-12-12", "GIN"),
    ("1960-09-20", "BEN BFA CMR CAF TCD COG COD CIV CYP GAB MDG NER SOM TGO"), ("1960-09-28", "MLI SEN"),
    ("1960-10-07", "NGA"), ("1961-09-27", "SLE"), ("1961-10-27", "MRT MNG"), ("1961-12-14", "TZA"),
    ("1962-09-18", "BDI JAM RWA TTO"), ("1962-10-08", "DZA"), ("1962-10-25", "UGA"), ("1963-05-14", "KWT"),
    ("1963-12-16", "KEN"), ("1964-12-01", "MWI MLT ZMB"), ("1965-09-21", "GMB MDV SGP"), ("1966-09-20", "GUY"),
    ("1966-10-17", "BWA LSO"), ("1966-12-09", "BRB"), ("1968-04-24", "MUS"), ("1968-09-24", "SWZ"),
    ("1968-11-12", "GNQ"), ("1970-10-13", "FJI"), ("1971-09-21", "BHR BTN QAT"), ("1971-10-07", "OMN"),
    ("1971-12-09", "ARE"), ("1973-09-18", "BHS DEU"), ("1974-09-17", "BGD GRD GNB"),
    ("1975-09-16", "CPV MOZ STP"), ("1975-10-10", "PNG"), ("1975-11-12", "COM"), ("1975-12-04", "SUR"),
    ("1976-09-21", "SYC"), ("1976-12-01", "AGO"), ("1976-12-15", "WSM"), ("1977-09-20", "DJI VNM"),
    ("1978-09-19", "SLB"), ("1978-12-18", "DMA"), ("1979-09-18", "LCA"), ("1980-08-25", "ZWE"),
    ("1980-09-16", "VCT"), ("1981-09-15", "VUT"), ("1981-09-25", "BLZ"), ("1981-11-11", "ATG"),
    ("1983-09-23", "KNA"), ("1984-09-21", "BRN"), ("1990-04-23", "NAM"), ("1990-09-18", "LIE"),
    ("1991-09-17", "PRK KOR EST LVA LTU MHL FSM"),
    ("1992-03-02", "ARM AZE KAZ KGZ MDA SMR TJK TKM UZB"), ("1992-05-22", "BIH HRV SVN"), ("1992-07-31", "GEO"),
    ("1993-01-19", "CZE SVK"), ("1993-04-08", "MKD"), ("1993-05-28", "ERI MCO"), ("1993-07-28", "AND"),
    ("1994-12-15", "PLW"), ("1999-09-14", "KIR NRU TON"), ("2000-09-05", "TUV"), ("2000-11-01", "SRB"),
    ("2002-09-10", "CHE"), ("2002-09-27", "TLS"), ("2006-06-28", "MNE"), ("2011-07-14", "SSD"),
]:
    add("UN", codes, d, S)

# ===========================================================================================
# Groups of issue 12. Where a row's source says "own knowledge", the fact was written from the
# author's knowledge of the organisation's published list and could not be checked against a
# fetched copy in this session (no registry package or public dataset carrying it was found);
# "year precision" means only the year is known and the row counts from 1 January.
# Former states (USSR, East Germany, Czechoslovakia, Yugoslavia) are written with their ids of
# input/historical.csv (SUN, DDR, CSK, YUG) while they existed: the USSR holds its seat in the
# Security Council and the CSCE until 1991-12-23 and Russia from 1991-12-24 (the UN group keeps
# its convention: RUS throughout); the Federal Republic of Germany is DEU, as in every group.
OWN = "own knowledge"

# --- OPEC -------------------------------------------------------------------------------------
info.append(("OPEC", "Organization of the Petroleum Exporting Countries",
              "Organisation des pays exportateurs de pétrole",
              "a suspended membership (Ecuador 1992-2007, Indonesia 2009-2015 and from 2016-11-30) is "
              "counted as out, as OPEC counts its members"))
S = "OPEC, Member Countries (opec.org: year of joining, suspensions, terminations)"
add("OPEC", "IRN IRQ KWT SAU VEN", "1960-09-14", S + "; founders, Baghdad Conference")
add("OPEC", "QAT", "1961-01-01", S + "; year precision; terminated its membership on 2019-01-01", left="2018-12-31")
add("OPEC", "LBY", "1962-01-01", S + "; year precision")
add("OPEC", "IDN", "1962-01-01", S + "; year precision; suspended its membership from January 2009", left="2008-12-31")
add("OPEC", "IDN", "2016-01-01", S + "; reactivated 2016-01-01, suspended again at the 171st Conference on 2016-11-30", left="2016-11-29")
add("OPEC", "ARE", "1967-01-01", S + "; year precision; joined as Abu Dhabi, continued by the United Arab Emirates from 1974")
add("OPEC", "DZA", "1969-01-01", S + "; year precision")
add("OPEC", "NGA", "1971-01-01", S + "; year precision")
add("OPEC", "ECU", "1973-01-01", S + "; year precision; suspended its membership in December 1992 (month precision)", left="1992-12-31")
add("OPEC", "ECU", "2007-10-01", S + "; reactivated in October 2007 (month precision); left on 2020-01-01", left="2019-12-31")
add("OPEC", "GAB", "1975-01-01", S + "; year precision; terminated its membership in January 1995", left="1994-12-31")
add("OPEC", "GAB", "2016-07-01", S + "; rejoined 2016-07-01")
add("OPEC", "AGO", "2007-01-01", S + "; left on 2024-01-01", left="2023-12-31")
add("OPEC", "GNQ", "2017-05-25", S)
add("OPEC", "COG", "2018-06-22", S)

# --- GATT (1948-1994) and WTO (from 1995-01-01) -------------------------------------------------
info.append(("WTO", "World Trade Organization", "Organisation mondiale du commerce",
             "WTO members from 1995-01-01 and, before, the contracting parties to the GATT 1947 (its "
             "predecessor, as the EC is the EU's); a contracting party that became a WTO member in 1995-1997 "
             "is counted without a gap; the EU, a member in its own right, is not counted; customs territories "
             "are counted under their ISO codes: HKG (Hong Kong, China), MAC (Macao, China), TWN (Chinese Taipei)"))
S = (OWN + " of the WTO's lists 'The 128 countries that had signed GATT by 1994' and 'Members and "
     "Observers' (wto.org, dates of membership)")
for d, codes in [
    ("1948-01-01", "AUS BEL CAN CUB FRA LUX NLD GBR USA"),
    ("1948-04-20", "CSK"), ("1948-06-13", "ZAF"), ("1948-07-08", "IND"), ("1948-07-10", "NOR"),
    ("1948-07-11", "ZWE"), ("1948-07-29", "LKA MMR"), ("1948-07-30", "BRA NZL PAK"), ("1949-03-16", "CHL"),
    ("1950-01-01", "HTI"), ("1950-02-24", "IDN"), ("1950-03-01", "GRC"), ("1950-04-30", "SWE"),
    ("1950-05-19", "DOM"), ("1950-05-25", "FIN"), ("1950-05-28", "DNK NIC"), ("1950-05-30", "ITA"),
    ("1951-10-01", "DEU"), ("1951-10-07", "PER"), ("1951-10-17", "TUR"), ("1951-10-19", "AUT"),
    ("1953-12-06", "URY"), ("1955-09-10", "JPN"), ("1957-10-17", "GHA"), ("1957-10-24", "MYS"),
    ("1960-11-18", "NGA"), ("1961-05-19", "SLE"), ("1961-12-09", "TZA"), ("1962-05-06", "PRT"),
    ("1962-07-05", "ISR"), ("1962-10-23", "TTO UGA"),
    ("1963-05-03", "BFA CMR CAF COG GAB KWT"), ("1963-07-12", "TCD"), ("1963-07-15", "CYP"),
    ("1963-08-29", "ESP"), ("1963-09-12", "BEN"), ("1963-09-27", "SEN"), ("1963-09-30", "MDG MRT"),
    ("1963-12-31", "CIV JAM NER"), ("1964-02-05", "KEN"), ("1964-03-20", "TGO"), ("1964-08-28", "MWI"),
    ("1964-11-17", "MLT"), ("1965-02-22", "GMB"), ("1965-03-13", "BDI"), ("1966-01-01", "RWA"),
    ("1966-07-05", "GUY"), ("1966-08-01", "CHE"), ("1967-02-15", "BRB"), ("1967-04-14", "KOR"),
    ("1967-10-11", "ARG"), ("1967-10-18", "POL"), ("1967-12-22", "IRL"), ("1968-04-21", "ISL"),
    ("1970-05-09", "EGY"), ("1970-09-02", "MUS"), ("1971-09-11", "COD"), ("1971-11-14", "ROU"),
    ("1972-12-16", "BGD"), ("1973-08-20", "SGP"), ("1973-09-09", "HUN"), ("1978-03-22", "SUR"),
    ("1979-12-27", "PHL"), ("1981-10-03", "COL"), ("1982-02-10", "ZMB"), ("1982-11-20", "THA"),
    ("1983-04-19", "MDV"), ("1983-10-07", "BLZ"), ("1986-04-23", "HKG"), ("1986-08-24", "MEX"),
    ("1987-03-30", "ATG"), ("1987-06-17", "MAR"), ("1987-08-28", "BWA"), ("1988-01-08", "LSO"),
    ("1990-08-29", "TUN"), ("1990-08-31", "VEN"), ("1990-09-08", "BOL"), ("1990-11-24", "CRI"),
    ("1991-01-11", "MAC"), ("1991-05-22", "SLV"), ("1991-10-10", "GTM"), ("1992-07-27", "MOZ"),
    ("1992-09-15", "NAM"), ("1993-01-11", "MLI"), ("1993-02-08", "SWZ"), ("1993-04-13", "LCA"),
    ("1993-04-15", "CZE SVK"), ("1993-04-20", "DMA"), ("1993-05-18", "VCT"), ("1993-11-16", "FJI"),
    ("1993-12-09", "BRN"), ("1993-12-13", "BHR"), ("1994-01-06", "PRY"), ("1994-02-09", "GRD"),
    ("1994-03-08", "ARE"), ("1994-03-17", "GNB"), ("1994-03-24", "KNA"), ("1994-03-29", "LIE"),
    ("1994-04-07", "QAT"), ("1994-04-08", "AGO"), ("1994-04-10", "HND"), ("1994-10-30", "SVN"),
    ("1994-12-08", "GIN"), ("1994-12-16", "DJI PNG"), ("1994-12-28", "SLB"),
]:
    if codes == "CSK":
        add("WTO", codes, d, S + "; GATT founder; dissolved, continued by CZE and SVK from 1993-04-15", left="1992-12-31")
    elif d < "1995-01-01":
        add("WTO", codes, d, S + "; GATT contracting party, then WTO member")
    else:
        add("WTO", codes, d, S)
add("WTO", "TWN", "1948-05-21", S + "; the Republic of China, GATT founder; withdrawal took effect 1950-05-05", left="1950-05-04")
add("WTO", "LBN", "1948-07-29", S + "; GATT founder; withdrew in 1951 (effective 1951-02-25)", left="1951-02-24")
add("WTO", "SYR", "1948-07-31", S + "; GATT founder; withdrew in 1951 (effective 1951-08-06)", left="1951-08-05")
add("WTO", "LBR", "1950-05-20", S + "; withdrew from the GATT in 1953 (effective 1953-06-13)", left="1953-06-12")
add("WTO", "YUG", "1966-08-25", S + "; the SFRY; its status lapsed with its dissolution (last day taken: 1992-04-26, "
    "the day before the FRY was proclaimed)", left="1992-04-26")
for d, codes, note in [
    ("1996-01-21", "ECU", ""), ("1996-12-01", "BGR", ""), ("1997-01-29", "MNG", ""), ("1997-09-06", "PAN", ""),
    ("1998-12-20", "KGZ", ""), ("1999-02-10", "LVA", ""), ("1999-11-13", "EST", ""), ("2000-04-11", "JOR", ""),
    ("2000-06-14", "GEO", ""), ("2000-09-08", "ALB", ""), ("2000-11-09", "OMN", ""), ("2000-11-30", "HRV", ""),
    ("2001-05-31", "LTU", ""), ("2001-07-26", "MDA", ""), ("2001-12-11", "CHN", ""),
    ("2002-01-01", "TWN", "; as the Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu (Chinese Taipei)"),
    ("2003-02-05", "ARM", ""), ("2003-04-04", "MKD", ""), ("2004-04-23", "NPL", ""), ("2004-10-13", "KHM", ""),
    ("2005-12-11", "SAU", ""), ("2007-01-11", "VNM", ""), ("2007-07-27", "TON", ""), ("2008-05-16", "UKR", ""),
    ("2008-07-23", "CPV", ""), ("2012-04-29", "MNE", ""), ("2012-05-10", "WSM", ""), ("2012-08-22", "RUS", ""),
    ("2012-08-24", "VUT", ""), ("2013-02-02", "LAO", ""), ("2013-03-02", "TJK", ""), ("2014-06-26", "YEM", ""),
    ("2015-04-26", "SYC", ""), ("2015-11-30", "KAZ", ""), ("2016-07-14", "LBR", ""), ("2016-07-29", "AFG", ""),
    ("2024-08-21", "COM", ""), ("2024-08-30", "TLS", ""),
]:
    add("WTO", codes, d, S + "; WTO accession" + note)

# --- UN Security Council ----------------------------------------------------------------------
info.append(("UNSC", "United Nations Security Council", "Conseil de sécurité des Nations unies",
             "5 permanent members and the elected members of each term (6 until 1965, 10 from 1966): 11 "
             "members until 1965, 15 from 1966; the Republic of China (TWN) held China's seat until "
             "1971-10-24, the USSR (SUN) the seat Russia holds from 1991-12-24; terms run from 1 January "
             "to 31 December (the first from the Council's first meeting, 1946-01-17)"))
S = OWN + " of the UN's list 'Countries elected members of the Security Council' (un.org/securitycouncil)"
add("UNSC", "FRA GBR USA", "1946-01-17", S + "; permanent member (Charter, Article 23)")
add("UNSC", "SUN", "1946-01-17", S + "; permanent member (Charter, Article 23): the USSR, whose seat passed to Russia", left="1991-12-23")
add("UNSC", "RUS", "1991-12-24", S + "; permanent member: the Russian Federation continues the USSR's seat (President Yeltsin's letter of 1991-12-24)")
add("UNSC", "TWN", "1946-01-17", S + "; permanent member as the Republic of China until General Assembly resolution 2758 of 1971-10-25", left="1971-10-24")
add("UNSC", "CHN", "1971-10-25", S + "; permanent member (General Assembly resolution 2758)")
# Elected members: (first year, last year, codes). Former states by their historical.csv ids.
UNSC_TERMS = [
    (1946, 1946, "EGY MEX NLD"), (1946, 1947, "AUS BRA POL"), (1947, 1948, "BEL COL SYR"),
    (1948, 1949, "ARG CAN UKR"), (1949, 1950, "CUB EGY NOR"), (1950, 1951, "ECU IND YUG"),
    (1951, 1952, "BRA NLD TUR"), (1952, 1953, "CHL GRC PAK"), (1953, 1954, "COL DNK LBN"),
    (1954, 1955, "BRA NZL TUR"), (1955, 1956, "BEL IRN PER"), (1956, 1957, "AUS CUB"), (1956, 1956, "YUG"),
    (1957, 1957, "PHL"), (1957, 1958, "COL IRQ SWE"), (1958, 1959, "CAN JPN PAN"), (1959, 1960, "ARG ITA TUN"),
    (1960, 1961, "LKA ECU"), (1960, 1960, "POL"), (1961, 1961, "TUR"), (1961, 1962, "CHL EGY"),
    (1961, 1961, "LBR"), (1962, 1962, "IRL"), (1962, 1963, "GHA VEN"), (1962, 1962, "ROU"), (1963, 1963, "PHL"),
    (1963, 1964, "BRA MAR NOR"), (1964, 1965, "BOL CIV"), (1964, 1964, "CSK"), (1965, 1965, "MYS"),
    (1965, 1966, "JOR NLD URY"), (1966, 1966, "NZL UGA"), (1966, 1967, "ARG BGR JPN MLI NGA"),
    (1967, 1968, "BRA CAN DNK ETH IND"), (1968, 1969, "DZA HUN PAK PRY SEN"),
    (1969, 1970, "COL FIN NPL ESP ZMB"), (1970, 1971, "BDI NIC POL SLE SYR"),
    (1971, 1972, "ARG BEL ITA JPN SOM"), (1972, 1973, "GIN IND PAN SDN YUG"),
    (1973, 1974, "AUS AUT IDN KEN PER"), (1974, 1975, "BLR CMR CRI IRQ MRT"),
    (1975, 1976, "GUY ITA JPN SWE TZA"), (1976, 1977, "BEN LBY PAK PAN ROU"),
    (1977, 1978, "CAN DEU IND MUS VEN"), (1978, 1979, "BOL CSK GAB KWT NGA"),
    (1979, 1980, "BGD JAM NOR PRT ZMB"), (1980, 1981, "DDR MEX NER PHL TUN"),
    (1981, 1982, "IRL JPN PAN ESP UGA"), (1982, 1983, "GUY JOR POL TGO COD"),
    (1983, 1984, "MLT NLD NIC PAK ZWE"), (1984, 1985, "BFA EGY IND PER UKR"),
    (1985, 1986, "AUS DNK MDG THA TTO"), (1986, 1987, "BGR COG GHA ARE VEN"),
    (1987, 1988, "ARG DEU ITA JPN ZMB"), (1988, 1989, "DZA BRA NPL SEN YUG"),
    (1989, 1990, "CAN COL ETH FIN MYS"), (1990, 1991, "CIV CUB ROU YEM COD"),
    (1991, 1992, "AUT BEL ECU IND ZWE"), (1992, 1993, "CPV HUN JPN MAR VEN"),
    (1993, 1994, "BRA DJI NZL PAK ESP"), (1994, 1995, "ARG CZE NGA OMN RWA"),
    (1995, 1996, "BWA DEU HND IDN ITA"), (1996, 1997, "CHL EGY GNB POL KOR"),
    (1997, 1998, "CRI JPN KEN PRT SWE"), (1998, 1999, "BHR BRA GAB GMB SVN"),
    (1999, 2000, "ARG CAN MYS NAM NLD"), (2000, 2001, "BGD JAM MLI TUN UKR"),
    (2001, 2002, "COL IRL MUS NOR SGP"), (2002, 2003, "BGR CMR GIN MEX SYR"),
    (2003, 2004, "AGO CHL DEU PAK ESP"), (2004, 2005, "DZA BEN BRA PHL ROU"),
    (2005, 2006, "ARG DNK GRC JPN TZA"), (2006, 2007, "COG GHA PER QAT SVK"),
    (2007, 2008, "BEL IDN ITA PAN ZAF"), (2008, 2009, "BFA CRI HRV LBY VNM"),
    (2009, 2010, "AUT JPN MEX TUR UGA"), (2010, 2011, "BIH BRA GAB LBN NGA"),
    (2011, 2012, "COL DEU IND PRT ZAF"), (2012, 2013, "AZE GTM MAR PAK TGO"),
    (2013, 2014, "ARG AUS LUX RWA KOR"), (2014, 2015, "TCD CHL JOR LTU NGA"),
    (2015, 2016, "AGO MYS NZL ESP VEN"), (2016, 2017, "EGY JPN SEN UKR URY"),
    (2017, 2017, "ITA"), (2017, 2018, "BOL ETH KAZ SWE"), (2018, 2018, "NLD"),
    (2018, 2019, "CIV GNQ KWT PER POL"), (2019, 2020, "BEL DOM DEU IDN ZAF"),
    (2020, 2021, "EST NER VCT TUN VNM"), (2021, 2022, "IND IRL KEN MEX NOR"),
    (2022, 2023, "ALB BRA GAB GHA ARE"), (2023, 2024, "ECU JPN MLT MOZ CHE"),
    (2024, 2025, "DZA GUY KOR SLE SVN"), (2025, 2026, "DNK GRC PAK PAN SOM"),
    (2026, 2027, "BHR COL COD LVA LBR"),
]
SPLIT = {"YUG": 1956, "PHL": 1957, "POL": 1960, "TUR": 1961, "LBR": 1961, "IRL": 1962, "ROU": 1962,
         "CSK": 1964, "MYS": 1965, "ITA": 2017, "NLD": 2018}
for first, last, codes in UNSC_TERMS:
    for c in codes.split():
        note = "; elected for %d-%d" % (first, last) if first != last else "; elected for %d" % first
        if first == last and SPLIT.get(c) == first:
            note += " (a split term)"
        joined = "1946-01-17" if first == 1946 else "%d-01-01" % first
        add("UNSC", c, joined, S + note, left="%d-12-31" % last)
for year in range(1946, 2027):  # the members elected in June 2026 for 2027-2028 are not in this data
    elected = sum(len(c.split()) for f, l, c in UNSC_TERMS if f <= year <= l)
    assert elected == (6 if year < 1966 else 10), (year, elected)

# --- The Security Council's permanent members ("P5") --------------------------------------------
# The permanent seats of the Council above, as a group of their own: "les membres permanents du
# Conseil de sécurité" are five countries, not the Council.
info.append(("P5", "permanent members of the UN Security Council", "membres permanents du Conseil de sécurité",
             "the five permanent seats of the Security Council (Charter, Article 23), with the UNSC "
             "group's dates: the Republic of China (TWN) until 1971-10-24, the USSR (SUN) until "
             "1991-12-23"))
S = "Charter of the United Nations, Article 23 (un.org); the seats' holders as in the UNSC rows"
add("P5", "FRA GBR USA", "1946-01-17", S)
add("P5", "SUN", "1946-01-17", S + ": the USSR, whose seat passed to Russia", left="1991-12-23")
add("P5", "RUS", "1991-12-24", S + ": the Russian Federation continues the USSR's seat (President Yeltsin's letter of 1991-12-24)")
add("P5", "TWN", "1946-01-17", S + ": the Republic of China until General Assembly resolution 2758 of 1971-10-25", left="1971-10-24")
add("P5", "CHN", "1971-10-25", S + ": the People's Republic of China (General Assembly resolution 2758)")

# --- ECOWAS -----------------------------------------------------------------------------------
info.append(("ECOWAS", "Economic Community of West African States",
             "Communauté économique des États de l'Afrique de l'Ouest",
             "Mauritania left in 2000; Mali, Burkina Faso and Niger left on 2025-01-29; suspensions in "
             "group_suspensions.csv"))
S = OWN + " of ECOWAS member states (ecowas.int) and its Authority's communiqués"
add("ECOWAS", "BEN CIV GMB GHA GIN GNB LBR NGA SEN SLE TGO", "1975-05-28", S + "; founders, Treaty of Lagos")
add("ECOWAS", "MLI BFA NER", "1975-05-28", S + "; founders, Treaty of Lagos; withdrew, effective 2025-01-29 "
    "(the Alliance of Sahel States)", left="2025-01-28")
add("ECOWAS", "MRT", "1975-05-28", S + "; founder; withdrew in December 2000 (month precision)", left="2000-12-31")
add("ECOWAS", "CPV", "1977-01-01", S + "; year precision")

# --- G5 Sahel ---------------------------------------------------------------------------------
info.append(("G5_SAHEL", "G5 Sahel", "G5 Sahel",
             "Mali left on 2022-05-15, Burkina Faso and Niger on 2023-12-02; Chad and Mauritania announced "
             "its dissolution on 2023-12-06 (no member after that day)"))
S = OWN + " of the G5 Sahel's founding (Nouakchott, 2014-02-16) and the withdrawal announcements"
add("G5_SAHEL", "TCD MRT", "2014-02-16", S + "; dissolution announced 2023-12-06", left="2023-12-06")
add("G5_SAHEL", "MLI", "2014-02-16", S + "; withdrew 2022-05-15", left="2022-05-15")
add("G5_SAHEL", "BFA NER", "2014-02-16", S + "; withdrew 2023-12-02", left="2023-12-02")

# --- UEMOA (with its predecessor UMOA) ---------------------------------------------------------
info.append(("UEMOA", "West African Economic and Monetary Union", "Union économique et monétaire ouest-africaine",
             "with its predecessor, the West African Monetary Union (UMOA, 1962), as one group; Mauritania "
             "left in 1973"))
S = OWN + " of the BCEAO's and UEMOA's histories of the union (bceao.int, uemoa.int)"
add("UEMOA", "CIV BEN NER SEN BFA", "1962-05-12", S + "; UMOA treaty of Paris, founders (Dahomey, Upper Volta)")
add("UEMOA", "MRT", "1962-05-12", S + "; founder; left when the ouguiya replaced the CFA franc (1973-06-29)",
    left="1973-06-28")
add("UEMOA", "TGO", "1963-11-27", S)
add("UEMOA", "MLI", "1984-06-01", S + "; rejoined the CFA franc zone")
add("UEMOA", "GNB", "1997-05-02", S)

# --- GCC --------------------------------------------------------------------------------------
info.append(("GCC", "Gulf Cooperation Council", "Conseil de coopération du Golfe", ""))
S = "Gulf Cooperation Council charter (gcc-sg.org): founded in Abu Dhabi on 1981-05-25"
add("GCC", "ARE BHR KWT OMN QAT SAU", "1981-05-25", S)

# --- Arab League ------------------------------------------------------------------------------
info.append(("ARAB_LEAGUE", "Arab League", "Ligue arabe",
             "22 members (Palestine as PSE); suspended members stay members: suspensions in group_suspensions.csv"))
S = OWN + " of the League of Arab States' member states and dates of joining (lasportal.org)"
add("ARAB_LEAGUE", "EGY IRQ JOR LBN SAU SYR", "1945-03-22", S + "; founders (Pact of the League, Cairo)")
add("ARAB_LEAGUE", "YEM", "1945-05-05", S + "; as North Yemen, Yemen from 1990")
add("ARAB_LEAGUE", "LBY", "1953-03-28", S)
add("ARAB_LEAGUE", "SDN", "1956-01-19", S)
add("ARAB_LEAGUE", "MAR TUN", "1958-10-01", S)
add("ARAB_LEAGUE", "KWT", "1961-07-20", S)
add("ARAB_LEAGUE", "DZA", "1962-08-16", S)
add("ARAB_LEAGUE", "BHR QAT", "1971-09-11", S)
add("ARAB_LEAGUE", "OMN", "1971-09-29", S)
add("ARAB_LEAGUE", "ARE", "1971-12-06", S)
add("ARAB_LEAGUE", "MRT", "1973-11-26", S)
add("ARAB_LEAGUE", "SOM", "1974-02-14", S)
add("ARAB_LEAGUE", "PSE", "1976-09-09", S + "; the Palestine Liberation Organization, then the State of Palestine")
add("ARAB_LEAGUE", "DJI", "1977-09-04", S)
add("ARAB_LEAGUE", "COM", "1993-11-20", S)

# --- BRICS ------------------------------------------------------------------------------------
info.append(("BRICS", "BRICS", "BRICS",
             "BRIC from its first ministerial meeting (2006-09-20); Saudi Arabia, invited in 2023, has not "
             "confirmed its membership and is not counted"))
S = OWN + " of the BRICS summit declarations (Johannesburg 2023, Kazan 2024) and Brazil's 2025 presidency announcement"
add("BRICS", "BRA RUS IND CHN", "2006-09-20", S + "; first BRIC foreign ministers' meeting (New York); first summit 2009-06-16")
add("BRICS", "ZAF", "2010-12-24", S + "; invited by China as chair")
add("BRICS", "EGY ETH IRN ARE", "2024-01-01", S + "; Johannesburg summit invitation, effective 2024-01-01")
add("BRICS", "IDN", "2025-01-06", S + "; announced by Brazil's presidency")

suspensions = [  # (group, iso3, from, until, source)
    ("AU", "MDG", "2009-03-20", "2014-01-27", "AU Peace and Security Council communiqués"),
    ("AU", "CAF", "2013-03-25", "2016-04-06", "AU Peace and Security Council communiqués"),
    ("AU", "EGY", "2013-07-05", "2014-06-17", "AU Peace and Security Council communiqués"),
    ("AU", "MLI", "2021-06-01", "", "AU Peace and Security Council communiqués"),
    ("AU", "GIN", "2021-09-10", "", "AU Peace and Security Council communiqués"),
    ("AU", "SDN", "2021-10-27", "", "AU Peace and Security Council communiqués"),
    ("AU", "BFA", "2022-01-31", "", "AU Peace and Security Council communiqués"),
    ("AU", "NER", "2023-08-22", "", "AU Peace and Security Council communiqués"),
    ("AU", "GAB", "2023-08-31", "2025-04-30", "AU Peace and Security Council communiqués"),
]

# --- Francophonie (OIF) -----------------------------------------------------------------------
info.append(("OIF", "International Organisation of La Francophonie", "Organisation internationale de la Francophonie",
             "full member states only (not associate members or observers); the member governments of "
             "Wallonia-Brussels, New Brunswick and Quebec are not countries and are not counted; the ACCT "
             "(1970) counted as its predecessor; suspensions are not recorded"))
S = OWN + " of the OIF's list of member states and governments (francophonie.org); year precision unless a day is given"
add("OIF", "BEL BEN BDI CAN CIV FRA GAB HTI LUX MCO RWA SEN TCD TGO TUN VNM", "1970-03-20",
    S + "; founders of the ACCT (Niamey Convention); VNM: South Vietnam, then Viet Nam")
add("OIF", "MLI", "1970-03-20", S + "; founder; withdrawal announced 2025-03-18", left="2025-03-17")
add("OIF", "MDG", "1970-03-20", S + "; founder; withdrew in 1977", left="1977-12-31")
add("OIF", "MDG", "1989-01-01", S + "; rejoined")
add("OIF", "MUS", "1970-03-20", S + "; founder")
add("OIF", "CAF LBN", "1973-01-01", S)
add("OIF", "SYC", "1976-01-01", S)
add("OIF", "COM DJI COD", "1977-01-01", S)
add("OIF", "DMA GNB VUT", "1979-01-01", S)
add("OIF", "MRT", "1980-01-01", S)
add("OIF", "COG GIN MAR LCA", "1981-01-01", S)
add("OIF", "EGY", "1983-01-01", S)
add("OIF", "GNQ", "1989-01-01", S)
add("OIF", "CMR LAO", "1991-01-01", S)
add("OIF", "BGR KHM ROU", "1993-01-01", S)
add("OIF", "CPV MDA CHE", "1996-01-01", S)
add("OIF", "ALB STP", "1999-01-01", S)
add("OIF", "AND GRC", "2004-01-01", S)
add("OIF", "MKD", "2006-01-01", S + "; associate from 2001, member from 2006")
add("OIF", "ARM", "2012-10-13", S + "; associate from 2008, member at the Kinshasa summit")
add("OIF", "GHA", "2024-10-05", S + "; associate from 2006, member at the Villers-Cotterets summit")
add("OIF", "BFA", "1970-03-20", S + "; founder (as Upper Volta); withdrawal announced 2025-03-18", left="2025-03-17")
add("OIF", "NER", "1970-03-20", S + "; founder; withdrawal announced 2025-03-17", left="2025-03-16")

# --- OSCE (CSCE until 1994-12-31) ---------------------------------------------------------------
info.append(("OSCE", "Organization for Security and Co-operation in Europe",
             "Organisation pour la sécurité et la coopération en Europe",
             "participating States; the CSCE (from the Helsinki Final Act, 1975-08-01) before 1995 as its "
             "predecessor; the USSR (SUN) until 1991-12-23, Russia from 1991-12-24; Yugoslavia suspended from 1992-07-08 and counted as out"))
S = OWN + " of the OSCE's participating States and dates of admission (osce.org)"
add("OSCE", "AUT BEL BGR CAN CYP DNK FIN FRA DEU GRC VAT HUN ISL IRL ITA LIE LUX MLT MCO NLD NOR POL PRT ROU "
            "SMR ESP SWE CHE TUR GBR USA", "1975-08-01",
    S + "; signatories of the Helsinki Final Act; DEU: the Federal Republic")
add("OSCE", "SUN", "1975-08-01", S + "; Helsinki signatory: the USSR, continued by Russia", left="1991-12-23")
add("OSCE", "RUS", "1991-12-24", S + "; continues the USSR's participation")
add("OSCE", "CSK", "1975-08-01", S + "; Helsinki signatory; dissolved, continued by CZE and SVK", left="1992-12-31")
add("OSCE", "DDR", "1975-08-01", S + "; Helsinki signatory; reunified into Germany", left="1990-10-02")
add("OSCE", "YUG", "1975-08-01", S + "; Helsinki signatory; suspended from 1992-07-08", left="1992-07-07")
add("OSCE", "ALB", "1991-06-19", S)
add("OSCE", "EST LVA LTU", "1991-09-10", S)
add("OSCE", "ARM AZE BLR KAZ KGZ MDA TJK TKM UKR UZB", "1992-01-30", S)
add("OSCE", "GEO HRV SVN", "1992-03-24", S)
add("OSCE", "BIH", "1992-04-30", S)
add("OSCE", "CZE SVK", "1993-01-01", S)
add("OSCE", "MKD", "1995-10-12", S)
add("OSCE", "AND", "1996-04-25", S)
add("OSCE", "SRB", "2000-11-10", S + "; as the Federal Republic of Yugoslavia, then Serbia and Montenegro, continued by Serbia")
add("OSCE", "MNE", "2006-06-22", S)
add("OSCE", "MNG", "2012-11-21", S)

# --- EFTA -------------------------------------------------------------------------------------
info.append(("EFTA", "European Free Trade Association", "Association européenne de libre-échange",
             "full members (Finland an associate from 1961, a member from 1986)"))
S = OWN + " of EFTA's history of its membership (efta.int)"
add("EFTA", "NOR CHE", "1960-05-03", S + "; founders, Stockholm Convention in force")
add("EFTA", "DNK GBR", "1960-05-03", S + "; founders; left to join the EC", left="1972-12-31")
add("EFTA", "PRT", "1960-05-03", S + "; founder; left to join the EC", left="1985-12-31")
add("EFTA", "AUT SWE", "1960-05-03", S + "; founders; left to join the EU", left="1994-12-31")
add("EFTA", "ISL", "1970-03-01", S)
add("EFTA", "FIN", "1986-01-01", S + "; left to join the EU", left="1994-12-31")
add("EFTA", "LIE", "1991-09-01", S)

# --- CIS --------------------------------------------------------------------------------------
info.append(("CIS", "Commonwealth of Independent States", "Communauté des États indépendants",
             "member states (Turkmenistan an associate member from 2005-08-26, not counted; Ukraine, which never "
             "ratified the Charter, counted until it ended its participation in 2018)"))
S = OWN + " of the CIS's founding acts (Minsk 1991-12-08, Alma-Ata 1991-12-21) and later withdrawals"
add("CIS", "BLR RUS", "1991-12-08", S + "; Minsk agreement")
add("CIS", "UKR", "1991-12-08", S + "; Minsk agreement; ended its participation on 2018-05-19", left="2018-05-18")
add("CIS", "ARM KAZ KGZ MDA TJK UZB", "1991-12-21", S + "; Alma-Ata Protocol")
add("CIS", "AZE", "1991-12-21", S + "; Alma-Ata Protocol (its parliament ratified in 1993)")
add("CIS", "TKM", "1991-12-21", S + "; Alma-Ata Protocol; an associate member from 2005-08-26", left="2005-08-25")
add("CIS", "GEO", "1993-12-03", S + "; withdrew, effective 2009-08-18", left="2009-08-17")

# --- Warsaw Pact and COMECON (former states by historical.csv id) -------------------------------
info.append(("WARSAW_PACT", "Warsaw Pact", "Pacte de Varsovie",
             "1955-1991; the USSR, East Germany and Czechoslovakia are former states (historical.csv ids)"))
S = OWN + " of the Warsaw Treaty (signed 1955-05-14) and its dissolution (Prague protocol, 1991-07-01)"
add("WARSAW_PACT", "BGR HUN POL ROU CSK SUN", "1955-05-14", S + "; founders", left="1991-07-01")
add("WARSAW_PACT", "ALB", "1955-05-14", S + "; founder; withdrew on 1968-09-13", left="1968-09-12")
add("WARSAW_PACT", "DDR", "1955-05-14", S + "; founder (its army joined the unified command on 1956-01-28); left on German reunification", left="1990-10-02")
info.append(("COMECON", "Council for Mutual Economic Assistance", "Conseil d'assistance économique mutuelle",
             "1949-1991; Albania ceased to take part in 1961 (counted out from 1962); former states by historical.csv id"))
S = OWN + " of the Council for Mutual Economic Assistance (founded January 1949, dissolved 1991-06-28)"
add("COMECON", "BGR CSK HUN POL ROU SUN", "1949-01-25", S + "; founders (founding communiqué)", left="1991-06-28")
add("COMECON", "ALB", "1949-02-23", S + "; ceased to take part in 1961 (year precision)", left="1961-12-31")
add("COMECON", "DDR", "1950-09-29", S + "; left on German reunification", left="1990-10-02")
add("COMECON", "MNG", "1962-06-07", S, left="1991-06-28")
add("COMECON", "CUB", "1972-07-11", S, left="1991-06-28")
add("COMECON", "VNM", "1978-06-29", S, left="1991-06-28")

# --- Named informal sets (fixed members; the definitions are documented in input/SOURCES.md) ----
info.append(("BALTIC", "Baltic states", "pays baltes",
             "Estonia, Latvia, Lithuania, from the recognition of their restored independence (1991-09-06)"))
add("BALTIC", "EST LVA LTU", "1991-09-06", "definition: the three Baltic states (" + OWN + "); from the USSR State "
    "Council's recognition of their independence")
info.append(("NORDIC", "Nordic countries", "pays nordiques",
             "the five sovereign Nordic states; the Faroe Islands, Greenland and Åland (autonomous territories) are "
             "noted, not counted; 'Scandinavian countries' is loose usage and read as the same five"))
add("NORDIC", "DNK FIN ISL NOR SWE", "1944-06-17", "definition: the five sovereign members of the Nordic Council "
    "(norden.org); from the Republic of Iceland's founding, when all five were fully sovereign")
info.append(("BENELUX", "Benelux", "Benelux", "Belgium, the Netherlands, Luxembourg"))
add("BENELUX", "BEL NLD LUX", "1944-09-05", "Benelux customs convention signed in London on 1944-09-05 (benelux.int)")
info.append(("VISEGRAD", "Visegrad Group", "groupe de Visegrad",
             "from the Visegrad declaration (1991-02-15); Czechoslovakia until 1992-12-31, then Czechia and Slovakia"))
S = "Visegrad Declaration of 1991-02-15 (visegradgroup.eu)"
add("VISEGRAD", "HUN POL", "1991-02-15", S)
add("VISEGRAD", "CSK", "1991-02-15", S + "; dissolved on 1992-12-31", left="1992-12-31")
add("VISEGRAD", "CZE SVK", "1993-01-01", S + "; successors of Czechoslovakia")
info.append(("MAGHREB", "Maghreb", "Maghreb",
             "the central Maghreb: Algeria, Morocco, Tunisia (French news usage: 'les trois pays du Maghreb'); "
             "the five states of the Arab Maghreb Union (with Libya and Mauritania) are not this set"))
add("MAGHREB", "DZA MAR TUN", "1962-07-05", "definition: the three central Maghreb states (" + OWN + "; "
    "the usage of the shared French corpus); from Algeria's independence")
info.append(("GULF", "Gulf states", "pays du Golfe",
             "the six Arab monarchies of the Gulf Cooperation Council (not Iran or Iraq), from the founding of the "
             "United Arab Emirates (1971-12-02), when all six were independent"))
add("GULF", "ARE BHR KWT OMN QAT SAU", "1971-12-02", "definition: the six GCC states (gcc-sg.org), " + OWN +
    " of their independence dates")

suspensions += [
    ("ARAB_LEAGUE", "EGY", "1979-03-26", "1989-05-22", OWN + ": suspended after the peace treaty with Israel, readmitted at the Casablanca summit (1989-05-23)"),
    ("ARAB_LEAGUE", "LBY", "2011-02-22", "2011-08-26", OWN + ": suspended on 2011-02-22, the National Transitional Council seated on 2011-08-27"),
    ("ARAB_LEAGUE", "SYR", "2011-11-16", "2023-05-06", OWN + ": suspended on 2011-11-16, readmitted by the Council of the League on 2023-05-07"),
    ("ECOWAS", "MLI", "2021-05-30", "2025-01-28", OWN + ": suspended by the extraordinary summit of 2021-05-30 until its withdrawal"),
    ("ECOWAS", "GIN", "2021-09-08", "", OWN + ": suspended by the extraordinary summit of 2021-09-08"),
    ("ECOWAS", "BFA", "2022-01-28", "2025-01-28", OWN + ": suspended by the extraordinary summit of 2022-01-28 until its withdrawal"),
    ("ECOWAS", "NER", "2023-07-30", "2025-01-28", OWN + ": suspended by the extraordinary summit of 2023-07-30 until its withdrawal"),
]

# Members that have notified their withdrawal and not yet left: still members (counted in the group
# on every day until they leave), but a count that leaves them out ("les 27 pays de l'UE" of the
# Brexit talks) reads as the group without them. `until` is the last day of membership.
departures = [  # (group, iso3, from: the notice, until: the last day as a member, source)
    ("EU", "GBR", "2017-03-29", "2020-01-31", "notification under Article 50 TEU (the Prime Minister's letter of "
     "2017-03-29, consilium.europa.eu); left 2020-01-31 (withdrawal agreement, OJ L 29 of 31.1.2020)"),
    ("OPEC", "QAT", "2018-12-03", "2018-12-31", OWN + ": withdrawal announced on 2018-12-03, effective 2019-01-01"),
    ("OPEC", "ECU", "2019-10-01", "2019-12-31", OWN + ": withdrawal announced on 2019-10-01, effective 2020-01-01"),
    ("OPEC", "AGO", "2023-12-21", "2023-12-31", OWN + ": withdrawal announced on 2023-12-21, effective 2024-01-01"),
    ("ECOWAS", "MLI", "2024-01-28", "2025-01-28", OWN + ": joint withdrawal notice of 2024-01-28, effective 2025-01-29"),
    ("ECOWAS", "BFA", "2024-01-28", "2025-01-28", OWN + ": joint withdrawal notice of 2024-01-28, effective 2025-01-29"),
    ("ECOWAS", "NER", "2024-01-28", "2025-01-28", OWN + ": joint withdrawal notice of 2024-01-28, effective 2025-01-29"),
]

with open(os.path.join(OUT, "group_departures.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["group", "iso3", "from", "until", "source"])
    w.writerows(departures)

with open(os.path.join(OUT, "group_suspensions.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["group", "iso3", "from", "until", "source"])
    w.writerows(suspensions)

with open(os.path.join(OUT, "groups.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["group", "iso3", "joined", "left", "source"])
    w.writerows(rows)
# The groups broken down by default (`breakdown` = yes): the standing political and economic
# unions an analyst splits a set of countries by. The others (historical blocs, informal sets,
# the Security Council) stay available with `--groups`; breaking every set down by all of them
# would triple the memberships table.
BREAKDOWN = {"EU", "NATO", "OECD", "EURO", "SCHENGEN", "EEA", "COE", "G7", "G8", "G20", "ASEAN",
             "MERCOSUR", "AU", "COMMONWEALTH", "UN"}
info = [(g, en, fr, "yes" if g in BREAKDOWN else "no", note) for (g, en, fr, note) in info]
with open(os.path.join(OUT, "group_info.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["group", "name_en", "name_fr", "breakdown", "note"])
    w.writerows(info)
print(len(rows), "membership rows,", len(info), "groups")
