"""Tests of the people lexicon (data/people.tsv and dateline.lexicon.people)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from dateline.errors import LexiconError
from dateline.lexicon.actors import COUNTRY_COLUMNS, ORG_COLUMNS, normalise
from dateline.lexicon.codebook import data_path, read_table
from dateline.lexicon.people import PEOPLE_COLUMNS, Person, load_people, read_people

#: Country codes used on purpose although countries.tsv lacks them (see the header of people.tsv).
EXTRA_COUNTRY_CODES = {"XKX"}
#: Aliases that map to two countries in overlapping years on purpose: none so far.
DOCUMENTED_SHARED_ALIASES: set[str] = set()


@pytest.fixture(scope="module")
def people():
    return load_people()


@pytest.mark.parametrize(
    ("name", "year", "actor", "role", "full_name"),
    [
        ("Bush", 2003, "USAGOV", "President", "George W. Bush"),
        ("Bush", 1990, "USAGOV", "President", "George H. W. Bush"),
        ("Bush", None, "USAGOV", "President", "George W. Bush"),
        ("Bush's", 2003, "USAGOV", "President", "George W. Bush"),
        ("George Bush", 1985, "USAGOV", "Vice President", "George H. W. Bush"),
        ("Museveni", None, "UGAGOV", "President", "Yoweri Museveni"),
        ("Kofi Annan", None, "IGOUNO", "Secretary-General", "Kofi Annan"),
        ("kofi annan", 2001, "IGOUNO", "Secretary-General", "Kofi Annan"),
        ("Mitterand", None, "FRAGOV", "President", "François Mitterrand"),
        ("Mitterrand", 1990, "FRAGOV", "President", "François Mitterrand"),
        ("Bouteflicka", 2005, "DZAGOV", "President", "Abdelaziz Bouteflika"),
        ("Putin", 2010, "RUSGOV", "Prime Minister", "Vladimir Putin"),
        ("Putin", 2016, "RUSGOV", "President", "Vladimir Putin"),
        ("Putin", 2000, "RUSGOV", "President", "Vladimir Putin"),
        ("Erdoğan", 2010, "TURGOV", "Prime Minister", "Recep Tayyip Erdoğan"),
        ("  ERDOGAN ", 2020, "TURGOV", "President", "Recep Tayyip Erdoğan"),
        ("Erdogan’s", 2020, "TURGOV", "President", "Recep Tayyip Erdoğan"),
        ("Netanyahu", 2015, "ISRGOV", "Prime Minister", "Benjamin Netanyahu"),
        ("Arafat", 2000, "PSEGOV", "President of the Palestinian Authority", "Yasser Arafat"),
        ("Nasrallah", 2006, "LBNREB", "Hezbollah Secretary-General", "Hassan Nasrallah"),
        ("Osama bin Laden", 2001, "IMGALQ", "al-Qaeda leader", "Osama bin Laden"),
        ("Ban Ki-moon", 2005, "KORGOV", "Foreign Minister", "Ban Ki-moon"),
        ("Ban Ki-moon", 2010, "IGOUNO", "Secretary-General", "Ban Ki-moon"),
        ("Guterres", 2000, "PRTGOV", "Prime Minister", "António Guterres"),
        ("Guterres", 2020, "IGOUNO", "Secretary-General", "António Guterres"),
        ("Stoltenberg", 2018, "IGONAT", "Secretary General", "Jens Stoltenberg"),
        ("Medvedev", 2009, "RUSGOV", "President", "Dmitry Medvedev"),
        ("Merkel", None, "DEUGOV", "Chancellor", "Angela Merkel"),
        ("Gaddafi", 2011, "LBYGOV", "Leader", "Muammar Gaddafi"),
        ("Qaddafi", None, "LBYGOV", "Leader", "Muammar Gaddafi"),
        ("Zelenskyy", 2022, "UKRGOV", "President", "Volodymyr Zelensky"),
        ("Navalny", 2020, "RUSOPP", "opposition leader", "Alexei Navalny"),
        ("Tedros", 2020, "IGOWHO", "Director-General", "Tedros Adhanom Ghebreyesus"),
        ("Lula", 2005, "BRAGOV", "President", "Luiz Inácio Lula da Silva"),
    ],
)
def test_lookup(people, name, year, actor, role, full_name):
    person = people.lookup(name, year=year)
    assert person is not None
    assert (person.actor, person.role, person.name) == (actor, role, full_name)


@pytest.mark.parametrize(
    "name",
    ["Brown", "Lee", "Kim", "Khan", "Singh", "Johnson", "Martin", "President George W. Bush", "", "Smith"],
)
def test_ambiguous_or_unknown_names_are_not_found(people, name):
    assert people.lookup(name) is None


def test_every_row_parses_and_counts(people):
    rows = list(read_table(data_path("people.tsv"), PEOPLE_COLUMNS))
    assert len(people) == len(rows)
    assert 800 <= len(rows) <= 2000


def test_country_and_sector_codes_are_known(people):
    countries = {row["iso3"] for row in read_table(data_path("countries.tsv"), COUNTRY_COLUMNS)}
    groups = {
        row["type"] + row["code"]
        for name in ("organisations.tsv", "known_groups.tsv")
        for row in read_table(data_path(name), ORG_COLUMNS)
    }
    sectors = {row["code"] for row in read_table(data_path("sectors.tsv"), ("code", "name", "scheme"))}
    for person in people:
        if person.country[:3] in ("IGO", "IMG") and len(person.country) == 6:
            assert person.country in groups, person
            assert person.sector == "", person
        else:
            assert person.country in countries | EXTRA_COUNTRY_CODES, person
            assert person.sector in sectors, person


def test_no_alias_maps_to_two_countries_in_overlapping_years(people):
    by_key: dict[str, list[Person]] = defaultdict(list)
    for surface, person in people.phrases():
        by_key[normalise(surface)].append(person)
    clashes = []
    for key, rows in by_key.items():
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                first_end, second_end = first.end or 9999, second.end or 9999
                if (
                    first.country != second.country
                    and first.start < second_end
                    and second.start < first_end
                    and key not in DOCUMENTED_SHARED_ALIASES
                ):
                    clashes.append((key, first, second))
    assert clashes == []


def test_phrases_cover_names_and_aliases(people):
    surfaces = {surface for surface, _ in people.phrases()}
    assert {"Kofi Annan", "Annan", "Mitterand", "Recep Tayyip Erdoğan", "Erdogan"} <= surfaces


def test_person_actor_and_covers():
    person = Person("Kofi Annan", "IGOUNO", "", "Secretary-General", 1997, 2006)
    assert person.actor == "IGOUNO"
    assert person.covers(2006) and not person.covers(2007)
    assert Person("Yoweri Museveni", "UGA", "GOV", "President", 1986, None).actor == "UGAGOV"


def test_load_is_cached_and_takes_extra_files(tmp_path: Path):
    assert load_people() is load_people()
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my people\nname\taliases\tcountry\tsector\trole\tfrom\tto\n"
        "Jane Example\tExamplova\tUGA\tOPP\topposition leader\t2020\t\n",
        encoding="utf-8",
    )
    person = load_people(extra=[extra]).lookup("Examplova")
    assert person is not None and person.actor == "UGAOPP"
    assert load_people().lookup("Examplova") is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Jane Example\t\tUganda\tGOV\tPresident\t2020\t", "country"),
        ("Jane Example\t\tUGA\t\tPresident\t2020\t", "sector"),
        ("Jane Example\t\tUGA\tGOV\tPresident\t20x0\t", "from"),
        ("Jane Example\t\tUGA\tGOV\tPresident\t2020\t2019", "before"),
        ("\t\tUGA\tGOV\tPresident\t2020\t", "name"),
        ("Jane Example UGA GOV President 2020", "columns"),
    ],
)
def test_malformed_rows_name_file_and_line(tmp_path: Path, row: str, message: str):
    path = tmp_path / "bad.tsv"
    path.write_text("name\taliases\tcountry\tsector\trole\tfrom\tto\n" + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"bad\.tsv, line 2: .*{message}"):
        read_people(path)
    with pytest.raises(LexiconError, match=r"line 2"):
        load_people(extra=[path])
