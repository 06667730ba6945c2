"""Roles of an event: compound actors (coordinated subjects and objects, lists, shared modifiers) give one event per
(source, target) pair on the same words, kept apart by merging, the store and the exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.coding import code_text
from dateline.lexicon.petrarch import VerbPattern
from dateline.lexicon.verbs import from_petrarch, load_verb_lexicon
from dateline.nlp.roles import _coordinated
from dateline.records import Event
from dateline.store import Store

PUBLISHED = "2016-04-27"


def events_of(text: str) -> list[Event]:
    return code_text(text, body_only=True, published=PUBLISHED).events


def pairs(events: list[Event], root: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.actor if e.source else None, e.target.actor if e.target else None)
        for e in events
        if e.root == root
    }


@pytest.mark.parametrize(
    ("text", "root", "expected"),
    [
        # coordinated subjects, each with the one target
        ("Israel and Egypt signed an agreement with Jordan.", "05", {("ISR", "JOR"), ("EGY", "JOR")}),
        ("Russia and China condemned the United States.", "11", {("RUS", "USA"), ("CHN", "USA")}),
        # coordinated objects
        (
            "Turkey accused Russia and Iran of violating the ceasefire.",
            "11",
            {("TUR", "RUS"), ("TUR", "IRN")},
        ),
        # a joint act with no one else named: each party with each other one, once
        (
            "Russia, Turkey and Iran met in Astana on Monday.",
            "04",
            {("RUS", "TUR"), ("RUS", "IRN"), ("TUR", "IRN")},
        ),
        ("Ukraine and Poland agreed to resume talks.", "03", {("UKR", "POL")}),
        # a one-sided act with no target: two acts, neither aimed at the other
        ("Russia and China vetoed the resolution.", "12", {("RUS", None), ("CHN", None)}),
        # a word shared by coordinated countries: officials of each
        ("Russian and Chinese officials criticized Japan.", "11", {("RUSGOV", "JPN"), ("CHNGOV", "JPN")}),
        ("The foreign ministers of Russia and China met in Moscow.", "04", {("RUSGOV", "CHNGOV")}),
        # a modifier before coordinated agents is shared by them
        (
            "Danish police and troops arrested dozens of protesters.",
            "17",
            {("DNKCOP", "DNKOPP"), ("DNKMIL", "DNKOPP")},
        ),
        # an apposition of a list is one more item; an uncoded one is no party
        (
            "Israel, its closest ally, and Egypt signed an agreement with Jordan.",
            "05",
            {("ISR", "JOR"), ("EGY", "JOR")},
        ),
        # parties of one code are one party: one event
        ("French police and gendarmes arrested dozens of protesters in Paris.", "17", {("FRACOP", "FRAOPP")}),
        # an apposition naming the same party is not a second one
        ("Syria's president, Bashar al-Assad, met Vladimir Putin in Moscow.", "04", {("SYRGOV", "RUSGOV")}),
    ],
)
def test_one_event_per_pair(text: str, root: str, expected: set[tuple[str | None, str | None]]) -> None:
    events = events_of(text)
    assert pairs(events, root) == expected
    assert len([e for e in events if e.root == root]) == len(expected)


def test_pairs_share_their_words_and_have_ids_of_their_own() -> None:
    events = [e for e in events_of("Israel and Egypt signed an agreement with Jordan.") if e.root == "05"]
    assert len(events) == 2
    assert len({e.id for e in events}) == 2
    assert len({(e.trigger.start, e.trigger.end, e.sentence.index, e.cameo) for e in events}) == 1


def test_a_retelling_merges_into_one_pair_only() -> None:
    text = (
        "Russia and China condemned the United States on Monday.\n\n"
        "The Russian condemnation came after the vote."
    )
    events = [e for e in events_of(text) if e.root == "11"]
    told = {e.source.actor if e.source else None: len(e.mentions) for e in events}
    assert told == {"RUS": 2, "CHN": 1}


def test_the_store_keeps_each_pair(tmp_path: Path) -> None:
    article = code_text(
        "Israel and Egypt signed an agreement with Jordan.", body_only=True, published=PUBLISHED
    )
    with Store.open(str(tmp_path / "news.db")) as store:
        store.add(article)
        rows = [r for r in store.events() if r.event.root == "05"]
    assert {
        (r.event.source.actor, r.event.target.actor) for r in rows if r.event.source and r.event.target
    } == {
        ("ISR", "JOR"),
        ("EGY", "JOR"),
    }


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "first", "expected"),
    [
        # "Evil Mordor, the awful Fornost, and good Gondor welcomed": the apposition is a list item
        (
            ["Evil", "Mordor", ",", "the", "awful", "Fornost", ",", "and", "good", "Gondor", "welcomed"],
            [1, 10, 1, 5, 5, 1, 1, 1, 9, 1, 10],
            ["amod", "nsubj", "punct", "det", "amod", "appos", "punct", "cc", "amod", "conj", "ROOT"],
            ["ADJ", "PROPN", "PUNCT", "DET", "ADJ", "PROPN", "PUNCT", "CCONJ", "ADJ", "PROPN", "VERB"],
            1,
            ["Fornost", "Gondor"],
        ),
        # "Syria's president, Assad, spoke": an apposition alone is another name, not another party
        (
            ["Syria", "'s", "president", ",", "Assad", ",", "spoke"],
            [2, 0, 6, 2, 2, 2, 6],
            ["poss", "case", "nsubj", "punct", "appos", "punct", "ROOT"],
            ["PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB"],
            2,
            [],
        ),
        # "Old foes Gondor and Osgiliath renewed ties": two subjects before the verb are one coordination
        (
            ["Old", "foes", "Gondor", "and", "Osgiliath", "renewed", "ties"],
            [1, 5, 5, 2, 2, 5, 5],
            ["amod", "nsubj", "nsubj", "cc", "conj", "ROOT", "dobj"],
            ["ADJ", "NOUN", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN"],
            1,
            ["Gondor", "Osgiliath"],
        ),
        # "Bondi sued Stanley, its banker": a second subject after the verb is a misparsed object, not a party
        (
            ["Bondi", "sued", "Stanley", ",", "its", "banker"],
            [1, 1, 1, 2, 5, 2],
            ["nsubj", "ROOT", "nsubj", "punct", "poss", "appos"],
            ["PROPN", "VERB", "PROPN", "PUNCT", "PRON", "NOUN"],
            0,
            [],
        ),
    ],
)
def test_coordinated_words(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], first: int, expected: list[str]
) -> None:
    doc = _doc(words, heads, deps, pos)
    assert [t.text for t in _coordinated(doc[first])] == expected


def test_mutual_and_topic_roots_are_lexicon_data() -> None:
    verbs = load_verb_lexicon()
    assert verbs.mutual_roots == {"03", "04", "06"}
    assert verbs.topic_roots == {"01"}
    imported = from_petrarch([VerbPattern("meet", ("meet",), "040", (), (), 1)])
    assert (imported.mutual_roots, imported.topic_roots) == (verbs.mutual_roots, verbs.topic_roots)


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        # a passive verb coordinated with another shares its agent and its subject
        ("A farmer was shot and killed by two gunmen in Kaduna.", "18", "NGAUAF", None),
        # the parties of "clashes between X and Y": the first is the source
        ("Clashes between Sudanese troops and rebels took place in Omdurman.", "19", "SDNMIL", None),
        # a relative pronoun stands for the noun it follows
        ("In Lagos, police dispersed students who staged a protest at the station.", "14", "NGAEDU", None),
        # a possessive pronoun stands for the subject of its clause
        ("Israel mounted its long-planned invasion of Lebanon.", "19", "ISR", "LBN"),
        (
            "The World Health Organization reiterated its demand that Israel ease restrictions.",
            "10",
            "IGOWHO",
            "ISR",
        ),
        # the modifier of an event noun told as happening names its party
        ("Palestinian riots against the occupation continued on Friday.", "14", "PSE", None),
        # the head of a phrase gives the sector, the place after it only the country
        ("A trader was wounded by three armed men in the market of Kano.", "18", "NGAUAF", None),
        # an entity's country and bare sector make one code
        ("Fiji's Supreme Court allowed the opposition leader to run in the election.", "08", "FJIJUD", None),
        # a weapon or an act as the doer of an attack: an unidentified armed actor, placed
        ("A roadside bomb near Kandahar killed three soldiers.", "18", "AFGUAF", None),
        ("Three soldiers were killed by an explosive device outside Kandahar.", "18", "AFGUAF", None),
        # the source's own people with no country of their own are not whom it acts on
        ("Egypt offered its troops to Sudan.", "03", "EGY", "SDN"),
        # protesters the lexicon does not know are civilians of the place
        ("The Kestrel Movement staged a demonstration in Izmir.", "14", "TURCVL", None),
        # a head coordinated inside an uncoded phrase gives the sector
        (
            "Nearly two dozen students and members of the Clean Air Campaign held a rally in Denver.",
            "14",
            "USAEDU",
            None,
        ),
        ("The Joint Task Force raided a school in Port Harcourt.", "18", "NGAMIL", None),
        # a gerund after a preposition of an active verb with no object is its subject's act
        ("Chilean students resorted to throwing stones at the police.", "14", "CHLEDU", None),
        # a participle of state: its subject acts, though the parser reads a passive
        ("Kenyan troops were engaged in heavy fighting with al-Shabaab.", "19", "KENMIL", None),
        # rejecting another's act named by a noun: the one rejecting is the source, the noun's owner the target
        ("Peru rejected Bolivia's demand for access to the sea.", "12", "PER", "BOL"),
        # a force a country leads is that country's
        ("Rwandan-led troops recaptured the town in eastern Congo.", "19", "RWAMIL", None),
        # a subject the parser attached to the phrase that opens the sentence
        (
            "With the signing of the Accord on Border Trade, the Peruvian government and Ecuador have agreed to reopen"
            " the crossings.",
            "03",
            "PERGOV",
            None,
        ),
    ],
)
def test_roles_from_the_parse(text: str, root: str, source: str, target: str | None) -> None:
    events = [e for e in events_of(text) if e.root == root]
    assert any(e.source is not None and e.source.actor == source for e in events), [
        (e.source.actor if e.source else None) for e in events
    ]
    if target is not None:
        assert any(e.target is not None and e.target.actor == target for e in events)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # the parser's passive read as a passive: the agent acts
        ("Kenyan troops were engaged by al-Shabaab fighters near the border.", "19"),
        # a gerund the subject refrains from is not its act
        ("Chilean students refrained from throwing stones at the police.", "14"),
    ],
)
def test_roles_not_taken_from_the_subject(text: str, root: str) -> None:
    events = [e for e in events_of(text) if e.root == root]
    assert not any(e.source is not None and (e.source.actor or "").startswith(("KEN", "CHL")) for e in events)


def test_he_is_not_the_last_country_named() -> None:
    text = "Peru recalled its ambassador from Chile on Monday. He demanded an apology from the Chilean government."
    events = [e for e in events_of(text) if e.root == "10"]
    assert all(e.source is None or e.source.actor != "PER" for e in events)


def test_he_is_the_person_named_last_when_no_event_of_theirs_was_coded() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. Turkish police arrested 20 "
        "protesters near the embassy. On Tuesday, after the talks, he summoned the Turkish ambassador."
    )
    events = [e for e in events_of(text) if e.cameo == "114"]
    assert events and events[0].source is not None and events[0].source.actor == "RUSGOV"
    assert events[0].source.name == "Sergei Lavrov"


def test_he_is_the_subject_named_by_a_title_before_it() -> None:
    text = (
        "On Thursday, Kenya's trade minister, criticised the tariffs of rich nations. "
        "He also called for reform of the World Trade Organization."
    )
    events = [e for e in events_of(text) if e.root == "10"]
    assert any(e.source is not None and e.source.actor == "KENGOV" for e in events), [
        (e.source.actor if e.source else None) for e in events
    ]
