"""Import of PETRARCH-format dictionaries: small hand-written files, then the shared validation set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.errors import LexiconError
from dateline.lexicon.actors import ActorCode, load_actor_lexicon
from dateline.lexicon.petrarch import (
    read_actor_entries,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
    to_actor_lexicon,
)
from dateline.lexicon.verbs import from_petrarch

SHARED = (Path(__file__).parents[2] / ".." / "shared").resolve()
PETRARCH = SHARED / "data" / "peer" / "petrarch2"

ACTORS = """<!-- a comment
spanning lines -->
NORTHLAND_ [NTH] # a comment
+NORTHLANDER
SOUTH_HILLS
+HILLFOLK
\t[SHL < 950601]
\t[SHLGOV 19950601 - 19990815]
\t[SHLREB > 990816]
NOBODY [---]
RIVER PORT  [NTHGOV]
"""

AGENTS = """!PERSON! = MAN, WOMAN
POLICE {} [~COP] # no plural
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
ARMY [~MIL]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY [NGO~]
"""

VERBS = """&TIES
+MILITARY
+ECONOMIC_LINKS

--- RESTORE  [064]  ---
RESTORE
+BRING_BACK
RE_+OPEN [0641]
- * FULL &TIES  [0642]  # comment
- NOT * RELATIONS  [112]
- $ * TIES WITH +  [064]
- * DIPLXMATIC  [###]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_actors_small(tmp_path):
    actors = read_actors(write(tmp_path, "actors.txt", ACTORS))
    assert actors == {
        "northland": "NTH",
        "northlander": "NTH",
        "south hills": "SHLREB",
        "hillfolk": "SHLREB",
        "river port": "NTHGOV",
    }


@pytest.mark.parametrize(
    ("when", "code"), [(date(1990, 1, 1), "SHL"), (date(1997, 6, 1), "SHLGOV"), (date(2005, 1, 1), "SHLREB")]
)
def test_date_restrictions(tmp_path, when, code):
    assert read_actors(write(tmp_path, "actors.txt", ACTORS), on=when)["hillfolk"] == code


def test_actor_entries_keep_dates(tmp_path):
    entries = read_actor_entries(write(tmp_path, "actors.txt", ACTORS))
    south = next(entry for entry in entries if entry.phrases[0] == "south hills")
    assert [item.code for item in south.codes] == ["SHL", "SHLGOV", "SHLREB"]
    assert south.codes[1].start == date(1995, 6, 1) and south.codes[1].end == date(1999, 8, 15)
    assert south.line == 5


def test_read_agents_small(tmp_path):
    agents = read_agents(write(tmp_path, "agents.txt", AGENTS))
    assert agents == {
        "police": "COP",
        "attorney general": "JUD",
        "attorneys general": "JUD",
        "army": "MIL",
        "armies": "MIL",
        "congressman": "LEG",
        "congressmen": "LEG",
        "congresswoman": "LEG",
        "congresswomen": "LEG",
        "human rights body": "NGO",
        "human rights bodies": "NGO",
    }


def test_read_verbs_small(tmp_path):
    patterns = read_verbs(write(tmp_path, "verbs.txt", VERBS))
    assert [(p.verb, p.code, p.before, p.after) for p in patterns] == [
        ("restore", "064", (), ()),
        ("re open", "0641", (), ()),
        ("restore", "0642", (), (("full",), ("military", "economic links"))),
        ("restore", "112", (("not",),), (("relations",),)),
        ("restore", "064", (("$",),), (("ties",), ("with",), ("+",))),
        ("restore", None, (), (("diplxmatic",),)),
    ]
    assert patterns[0].lemmas == ("restore", "bring back", "re open")


def test_from_petrarch_object_phrases(tmp_path):
    verbs = from_petrarch(read_verbs(write(tmp_path, "verbs.txt", VERBS)))
    assert [(p.code, p.prep, p.objects, p.object_words) for p in verbs.patterns] == [
        ("064", (), (), ()),
        ("0641", (), (), ()),
        ("0642", (), ("military",), (("full",),)),  # the head after the words before it
        ("0642", (), ("links",), (("full",), ("economic",))),  # a head of several words: a pattern of its own
        ("112", (), ("relations",), ()),
        ("064", (), ("ties",), ()),  # the phrase ends at a preposition
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Northland restored full economic links with South Hills.", "0642"),
        ("Northland restored economic links with South Hills.", "064"),  # "full" is not right before
        ("Northland restored full political economic links with South Hills.", "064"),
        ("Northland restored full military ties with South Hills.", "064"),  # the head is "ties"
    ],
)
def test_imported_object_words_must_precede_the_object(tmp_path, nlp, text, code):
    from dateline.nlp.events import EventOptions, find_events
    from dateline.nlp.pipeline import COMPONENTS

    lexicon = to_actor_lexicon(read_actors(write(tmp_path, "actors.txt", ACTORS)), {})
    options = EventOptions(
        actors=lexicon, verbs=from_petrarch(read_verbs(write(tmp_path, "verbs.txt", VERBS))), statements=False
    )
    with nlp.select_pipes(disable=COMPONENTS):
        doc = nlp(text)
    assert [e.cameo for e in find_events(doc, options=options)] == [code]


@pytest.mark.parametrize(
    ("name", "text", "reader", "message"),
    [
        ("actors.txt", "+ORPHAN\n", read_actors, "line 1"),
        ("actors.txt", "LAND [XYZ < 1999]\n", read_actors, "line 1"),
        ("agents.txt", "ARMY\n", read_agents, "line 1"),
        ("verbs.txt", "- * THING [010]\n", read_verbs, "line 1"),
        ("verbs.txt", "--- GO [010] ---\nGO\n- * &MISSING [011]\n", read_verbs, "MISSING"),
        ("verbs.txt", "--- GO ---\n", read_verbs, "line 1"),
    ],
)
def test_malformed(tmp_path, name, text, reader, message):
    with pytest.raises(LexiconError, match=message) as caught:
        reader(write(tmp_path, name, text))
    assert name in str(caught.value)


def test_to_actor_lexicon(tmp_path):
    actors = read_actors(write(tmp_path, "actors.txt", ACTORS))
    agents = read_agents(write(tmp_path, "agents.txt", AGENTS))
    lexicon = to_actor_lexicon(actors, agents)
    assert lexicon.code_phrase("Northland") == ActorCode("NTH", "NTH", None, "country")
    assert lexicon.code_phrase("Northland army").code == "NTHMIL"
    assert lexicon.code_phrase("River Port").code == "NTHGOV"
    assert lexicon.lookup_agent("armies") == "MIL"
    extended = to_actor_lexicon(actors, agents, base=load_actor_lexicon())
    assert extended.code_phrase("Northland's police").code == "NTHCOP"
    assert extended.code_phrase("the Turkish Air Force").code == "TURMIL"
    assert load_actor_lexicon().lookup_country("Northland") is None


@pytest.fixture(scope="module")
def shared():
    if not PETRARCH.exists():
        pytest.skip("PETRARCH validation dictionaries: ../shared not present")
    return PETRARCH


@pytest.mark.shared
def test_shared_counts(shared):
    assert len(read_actor_entries(shared / "PETR.Validate.actors.txt")) == 128
    assert len(read_actors(shared / "PETR.Validate.actors.txt")) == 158
    assert len(read_agents(shared / "PETR.Validate.agents.txt")) == 170
    patterns = read_verbs(shared / "PETR.Validate.verbs.txt")
    assert len(patterns) == 660
    assert sum(1 for pattern in patterns if pattern.before or pattern.after) == 474
    assert len(read_discards(shared / "PETR.Validate.discards.txt")) == 9


@pytest.mark.shared
@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("arnor", "ARN"),
        ("gondor", "GON"),
        ("minas tirith", "GON"),
        ("interpol", "IGOCOPITP"),
        ("united nations", "UNO"),
        ("u.n.", "UNO"),
        ("amroth tanks", "AMRTNK"),
        ("white house", "USAGOV"),
        ("zimbabwe", "ZBW"),
        ("gollum", "HOBREB"),
    ],
)
def test_shared_actors(shared, phrase, code):
    assert read_actors(shared / "PETR.Validate.actors.txt")[phrase] == code


@pytest.mark.shared
def test_shared_actor_dates(shared):
    actors = read_actors(shared / "PETR.Validate.actors.txt", on=date(2012, 12, 1))
    assert actors["sam gamgee"] == "HOBGOV"
    assert "boromir" not in actors


@pytest.mark.shared
@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("president", "GOV"),
        ("presidents", "GOV"),
        ("foreign minister", "GOVFRM"),
        ("police", "COP"),
        ("attorneys general", "GOV"),
        ("ministry of silly walks", "GOV"),
        ("congresswoman", "LEG"),
        ("msf", "NGO"),
    ],
)
def test_shared_agents(shared, phrase, sector):
    assert read_agents(shared / "PETR.Validate.agents.txt")[phrase] == sector


@pytest.mark.shared
def test_shared_verbs(shared):
    patterns = read_verbs(shared / "PETR.Validate.verbs.txt")
    accord = [pattern for pattern in patterns if pattern.verb == "accord" and pattern.code == "083"]
    assert accord[0].before[0] == ("inching",)
    assert {"military", "closer", "dollars", "yum yennyen"} <= set(accord[0].before[1])
    assert any(pattern.code == "1717" and "break down" in pattern.lemmas for pattern in patterns)


@pytest.mark.shared
def test_shared_to_actor_lexicon(shared):
    lexicon = to_actor_lexicon(
        read_actors(shared / "PETR.Validate.actors.txt"), read_agents(shared / "PETR.Validate.agents.txt")
    )
    assert lexicon.code_phrase("Arnor").code == "ARN"
    assert lexicon.code_phrase("Gondor's soldiers").code == "GONMIL"
