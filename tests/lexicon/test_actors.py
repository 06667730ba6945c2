"""Actor lexicons: country, organisation and agent lookups, noun-phrase coding, user files."""

from __future__ import annotations

import pycountry
import pytest

from dateline.errors import LexiconError
from dateline.lexicon.actor_codes import ActorCode, decode_actor_code
from dateline.lexicon.actor_words import is_exact_case
from dateline.lexicon.actors import load_actor_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_actor_lexicon()


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the Turkish Air Force", "TURMIL"),
        ("Russia's Su-24 bomber", "RUSMIL"),
        ("Russia’s Su-24 bomber", "RUSMIL"),
        ("The Russian Foreign Ministry", "RUSGOV"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Russian police", "RUSCOP"),
        ("Syrian rebels", "SYRREB"),
        ("Moscow", "RUSGOV"),
        ("the Kremlin", "RUSGOV"),
        ("the White House", "USAGOV"),
        ("Pentagon", "USAMIL"),
        ("the U.S.", "USA"),
        ("U.S. troops", "USAMIL"),
        ("Russian President Vladimir Putin", "RUSGOV"),
        ("Turkish Prime Minister Ahmet Davutoglu", "TURGOV"),
        ("Ukraine's parliament", "UKRLEG"),
        ("Israeli soldiers", "ISRMIL"),
        ("Chinese state media", "CHNGOV"),
        ("Iranian protesters", "IRNOPP"),
        ("British journalists", "GBRMED"),
        ("Palestinian militants", "PSEREB"),
        ("NATO", "IGONAT"),
        ("NATO troops", "IGONATMIL"),
        ("the United Nations", "IGOUNO"),
        ("UN Security Council", "IGOUNO"),
        ("Amnesty International", "NGOAMN"),
        ("Hamas", "PSEREBHMS"),
        ("Kurdish militants", "REBkur"),
        ("soldiers", "MIL"),
        ("the foreign ministry", "GOV"),
        # generic and unnamed actors
        ("unidentified gunmen", "UAF"),
        ("armed men", "UAF"),
        ("unknown assailants", "UAF"),
        ("health workers", "HLH"),
        ("firefighters", "LAB"),
        ("shop owners", "BUS"),
        ("the British Chambers of Commerce", "GBRBUS"),
        # the head before a place gives the sector; a thing in a capital is the country, not its government
        ("demonstrators in Baghdad", "IRQOPP"),
        ("rebels in the Ivory Coast", "CIVREB"),
        ("a bus in Dhaka", "BGD"),
        ("the government's plan", "GOV"),
        # a stance is not a country; an ethnic people is placed by where it lives
        ("pro-Russian protesters", "OPP"),
        ("ethnic Albanians", "CVL"),
        ("ethnic Albanians in south Serbia", "SRBCVL"),
        ("the Albanians of southern Serbia", "SRBCVL"),
        ("ethnic Albanian guerrillas operating in Macedonia", "MKDREB"),
        # the head of "X of Y" decides; words for people as such yield to what follows them
        ("workers of a textile company", "LAB"),
        ("a group of students", "EDU"),
        ("members of Hamas", "PSEREBHMS"),
        ("two factions of a trade union", "LAB"),
        ("members of a neighbourhood association", "CVL"),
        ("the wife of a village chief", "CVL"),
        ("lawyers", "JUD"),
        ("police forces", "COP"),
        ("an unidentified group", "UAF"),
        # a title with "general" after it is no general
        ("the director general", "GOV"),
        ("the inspector general", "GOV"),
        ("a major general", "MIL"),
        # state forces named without their country (state_forces.tsv)
        ("SAF", "SDNMIL"),
        ("IRGC", "IRNMIL"),
        ("Israel Defense Forces soldiers", "ISRMIL"),
        ("Druze villagers of the Syrian Golan Heights", "SYRCVL"),
        # known armed groups (known_groups.tsv)
        ("Hezbollah", "LBNREBHEZ"),
        ("al-Qaeda", "IMGALQ"),
        ("the Rapid Support Forces", "SDNREBRSU"),
        ("Fano militiamen", "ETHREBFAN"),
    ],
)
def test_code_phrase(lexicon, phrase, code):
    assert lexicon.code_phrase(phrase).code == code


def test_code_phrase_parts(lexicon):
    assert lexicon.code_phrase("the Turkish Air Force") == ActorCode("TURMIL", "TUR", "MIL", "country")
    assert lexicon.code_phrase("NATO") == ActorCode("IGONAT", None, "IGO", "igo", "NAT")
    assert lexicon.code_phrase("Turkey") == ActorCode("TUR", "TUR", None, "country")
    assert lexicon.code_phrase("soldiers") == ActorCode("MIL", None, "MIL", "agent")


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Lebanon County Commissioners", None),  # a county named after a country is no part of it
        ("the Jordan Township police", None),
        ("the Lebanon army", "LBN"),
        ("Mexico City police", "MEX"),  # a capital named after its country is
    ],
)
def test_namesake_divisions(lexicon, phrase, country):
    code = lexicon.code_phrase(phrase)
    assert (code.country if code else None) == country


@pytest.mark.parametrize("phrase", ["", "the", "yesterday", "us", "a nice afternoon", "the Acme Group"])
def test_code_phrase_none(lexicon, phrase):
    assert lexicon.code_phrase(phrase) is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("russia's", "RUS"),
        ("U.S.", "USA"),
        ("the U.S.", "USA"),
        ("US", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("American", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("British", "GBR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Turkish", "TUR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Chinese", "CHN"),
        ("Ukrainian", "UKR"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Ankara", "TUR"),
        ("Beijing", "CHN"),
        ("Washington", "USA"),
        ("Whitehall", "GBR"),
        ("Turkey.", "TUR"),
        ("Netherlands", "NLD"),
        ("The Hague", "NLD"),
    ],
)
def test_lookup_country(lexicon, text, iso3):
    assert lexicon.lookup_country(text) == iso3


@pytest.mark.parametrize("text", ["us", "the", "NATO", "Paris Club", "soldiers", ""])
def test_lookup_country_none(lexicon, text):
    assert lexicon.lookup_country(text) is None


def test_every_iso_country_has_a_name(lexicon):
    for country in pycountry.countries:
        assert country.alpha_3 in lexicon.country_names
        assert lexicon.lookup_country(lexicon.country_names[country.alpha_3]) == country.alpha_3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO", ("NAT", "IGO")),
        ("North Atlantic Treaty Organization", ("NAT", "IGO")),
        ("UN", ("UNO", "IGO")),
        ("U.N.", ("UNO", "IGO")),
        ("United Nations", ("UNO", "IGO")),
        ("UNHCR", ("HCR", "IGO")),
        ("UNICEF", ("KID", "IGO")),
        ("WHO", ("WHO", "IGO")),
        ("IAEA", ("IAE", "IGO")),
        ("World Food Programme", ("WFP", "IGO")),
        ("EU", ("EEC", "IGO")),
        ("European Union", ("EEC", "IGO")),
        ("African Union", ("OAU", "IGO")),
        ("ASEAN", ("ASN", "IGO")),
        ("OPEC", ("OPC", "IGO")),
        ("Arab League", ("ARL", "IGO")),
        ("OSCE", ("SCE", "IGO")),
        ("G7", ("GOS", "IGO")),
        ("G20", ("GTW", "IGO")),
        ("CICA", ("CCA", "IGO")),
        ("IMF", ("IMF", "IGO")),
        ("World Bank", ("WBK", "IGO")),
        ("WTO", ("WTO", "IGO")),
        ("ICC", ("ICC", "IGO")),
        ("ICRC", ("CRC", "NGO")),
        ("Red Cross", ("IRC", "NGO")),
        ("Amnesty International", ("AMN", "NGO")),
        ("Human Rights Watch", ("HRW", "NGO")),
        ("Doctors Without Borders", ("MSF", "NGO")),
        ("Interpol", ("ITP", "IGO")),
        ("Shanghai Cooperation Organisation", ("SCO", "IGO")),
        ("BRICS", ("BRC", "IGO")),
        ("CIS", ("CIS", "IGO")),
        ("Gulf Cooperation Council", ("GCC", "IGO")),
        ("NATO's", ("NAT", "IGO")),
    ],
)
def test_lookup_org(lexicon, text, expected):
    assert lexicon.lookup_org(text) == expected


@pytest.mark.parametrize("text", ["who", "un", "eu", "Russia", "army"])
def test_lookup_org_none(lexicon, text):
    assert lexicon.lookup_org(text) is None


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Air Force", "MIL"),
        ("Su-24 bomber", "MIL"),
        ("Foreign Ministry", "GOV"),
        ("foreign minister", "GOV"),
        ("president", "GOV"),
        ("prime minister", "GOV"),
        ("parliament", "LEG"),
        ("lawmakers", "LEG"),
        ("army", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("warplanes", "MIL"),
        ("jets", "MIL"),
        ("navy", "MIL"),
        ("police", "COP"),
        ("policemen", "COP"),
        ("security forces", "COP"),
        ("rebels", "REB"),
        ("militants", "REB"),
        ("insurgents", "REB"),
        ("separatists", "REB"),
        ("protesters", "OPP"),
        ("demonstrators", "OPP"),
        ("opposition", "OPP"),
        ("court", "JUD"),
        ("judges", "JUD"),
        ("prosecutors", "JUD"),
        ("companies", "BUS"),
        ("media", "MED"),
        ("journalists", "MED"),
        ("students", "EDU"),
        ("clergy", "REL"),
        ("refugees", "REF"),
        ("civilians", "CVL"),
        ("spy agency", "SPY"),
        ("aid agencies", "NGO"),
    ],
)
def test_lookup_agent(lexicon, text, sector):
    assert lexicon.lookup_agent(text) == sector


def test_phrases_cover_all_kinds(lexicon):
    phrases = list(lexicon.phrases())
    kinds = {phrase.kind for phrase in phrases}
    assert {"country", "demonym", "seat", "igo", "ngo", "agent"} <= kinds
    assert ("Kremlin", "seat", "RUSGOV") in phrases
    assert ("Pentagon", "seat", "USAMIL") in phrases
    assert ("NATO", "igo", "NAT") in phrases
    assert ("air force", "agent", "MIL") in phrases
    assert len(phrases) == len(lexicon) > 2000
    assert next(p for p in phrases if p.surface == "US").exact_case


@pytest.mark.parametrize(
    ("surface", "exact"),
    [("US", True), ("WHO", True), ("U.S.", False), ("NATO", True), ("Russia", False), ("UNHCR", False)],
)
def test_is_exact_case(surface, exact):
    assert is_exact_case(surface) is exact


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", ActorCode("RUSGOV", "RUS", "GOV", "country")),
        ("TUR", ActorCode("TUR", "TUR", None, "country")),
        ("IGOUNO", ActorCode("IGOUNO", None, "IGO", "igo", "UNO")),
    ],
)
def test_decode_actor_code(code, expected):
    assert decode_actor_code(code) == expected


def test_cached(lexicon):
    assert load_actor_lexicon() is lexicon


def test_user_files_extend_and_override(tmp_path):
    countries = tmp_path / "my_countries.tsv"
    countries.write_text("# mine\niso3\tname\taliases\tadjectives\tseats\nARN\tArnor\t\tArnorian\tFornost\n")
    agents = tmp_path / "my_agents.tsv"
    agents.write_text("phrase\tsector\nrangers\tMIL\nmilitants\tUAF\n")
    orgs = tmp_path / "my_orgs.tsv"
    orgs.write_text(
        "code\ttype\tplover\tcountry\tsource\tname\taliases\nWCO\tIGO\tIGO\t\tuser\tWhite Council\tthe Wise\n"
    )
    forces = tmp_path / "my_forces.tsv"
    forces.write_text("fixed\tname\taliases\nNZLMIL\tNew Zealand Defence Force\tNZDF\n")
    lexicon = load_actor_lexicon(extra=[countries, agents, orgs, forces])
    assert lexicon.code_phrase("NZDF").code == "NZLMIL"
    assert lexicon.code_phrase("Arnorian rangers").code == "ARNMIL"
    assert lexicon.code_phrase("Fornost").code == "ARNGOV"
    assert lexicon.lookup_agent("militants") == "UAF"
    assert lexicon.lookup_org("White Council") == ("WCO", "IGO")
    assert lexicon.lookup_country("Russia") == "RUS"
    assert load_actor_lexicon().lookup_agent("militants") == "REB"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("who\twhat\n", "header should start with"),
        ("phrase\tsector\nsoldiers\tMIL\textra\n", "line 2"),
        ("iso3\tname\nRUSSIA\tRussia\n", "line 2"),
        ("iso3\tname\taliases\tadjectives\tseats\nRUS\tRussia\t\t\tKremlin=GOVERNMENT\n", "line 2"),
        ("code\ttype\tplover\tcountry\tsource\tname\nXXX\tCLUB\tIGO\t\tuser\tA club\n", "line 2"),
        ("fixed\tname\nMIL\tThe army\n", "line 2"),
    ],
)
def test_malformed_user_file(tmp_path, text, message):
    path = tmp_path / "bad.tsv"
    path.write_text(text)
    with pytest.raises(LexiconError, match=message) as caught:
        load_actor_lexicon(extra=[path])
    assert "bad.tsv" in str(caught.value)


@pytest.mark.parametrize(
    "code,country,sector,kind",
    [
        ("RUSGOV", "RUS", "GOV", "country"),
        ("JUD", None, "JUD", "agent"),
        ("GOV", None, "GOV", "agent"),
        ("MEX", "MEX", None, "country"),
        ("IGOARLGOV", None, "IGO", "igo"),
    ],
)
def test_actors_decode_bare_sector_has_no_country(code, country, sector, kind):
    decoded = decode_actor_code(code)
    assert (decoded.country, decoded.sector, decoded.kind) == (country, sector, kind)


def test_readings_of_an_abbreviation_of_several_bodies(lexicon):
    readings = lexicon.readings("RSF")
    assert [home for _, home in readings] == [None, "SDN"]  # the usual reading first
    assert lexicon.code_phrase(readings[1][0]).code == "SDNREBRSU"
    assert lexicon.readings("NATO") == [] and lexicon.readings("XQZ") == []


def test_a_force_a_country_leads_is_its_own(lexicon):
    assert lexicon.code_phrase("Vietnamese-led forces").code == "VNMMIL"
    assert lexicon.code_phrase("Kurdish-backed forces").country is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        # a body named by a proper name with a head word of named_bodies.tsv
        ("the Patagonian Writers Forum", "NGO"),
        ("members of the Association", "NGO"),
        ("the Society of Coastal Engineers", "NGO"),
        # the common noun stays a word for people
        ("a shopkeepers association", "CVL"),
        # a country named in it comes first
        ("the Nigerian Bar Association", "NGACVL"),
    ],
)
def test_named_bodies(lexicon, phrase, code):
    assert lexicon.code_phrase(phrase).code == code
