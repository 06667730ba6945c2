"""People: titles before and after names, roles, counterparts, and who is who across a story."""

from __future__ import annotations

import pytest

from dateline.coding import code_text
from dateline.lexicon.titles import load_titles
from dateline.records import Article, Entity

TASS_LIKE = (
    "Russian Foreign Minister Sergey Lavrov and his Turkish counterpart Mevlut Cavusoglu can meet in China, "
    "Turkish Ambassador to Russia Umit Yardim said on Wednesday.\n\n"
    '"The meeting may take place in China," Yardim said.\n\n'
    "He also said Russia and Turkey could exchange delegations.\n\n"
    "Lavrov is going to China on Wednesday.\n\n"
    "Turkish Ambassador to Russia voiced confidence that difficulties would be overcome. "
    'Speaking in Moscow, the diplomat noted that "problems may emerge between any countries."\n\n'
    '"The most critical principle is to look into the future," the ambassador said.\n\n'
    "The Russian Foreign Ministry said the Turkish Air Force shot down a Russian bomber over Syria."
)


@pytest.fixture(scope="module")
def story() -> Article:
    return code_text(TASS_LIKE, body_only=True, published="2016-04-27")


def _entity(article: Article, name: str) -> Entity:
    return next(e for e in article.entities if e.name == name)


@pytest.mark.parametrize(
    ("name", "type_", "title", "country", "actor"),
    [
        ("Sergey Lavrov", "PERSON", "Foreign Minister", "RUS", "RUSGOV"),
        ("Mevlut Cavusoglu", "PERSON", "counterpart", "TUR", "TURGOV"),
        ("Umit Yardim", "PERSON", "Ambassador", "TUR", "TURGOV"),
        ("Russian Foreign Ministry", "ORG", None, "RUS", "RUSGOV"),
        ("Turkish Air Force", "ORG", None, "TUR", "TURMIL"),
        ("China", "GPE", None, "CHN", "CHN"),
        ("Syria", "GPE", None, "SYR", "SYR"),
    ],
)
def test_entities_titles_and_codes(
    story: Article, name: str, type_: str, title: str | None, country: str, actor: str
) -> None:
    entity = _entity(story, name)
    assert entity.type == type_
    assert entity.country == country
    assert entity.actor == actor
    if title:
        assert entity.title is not None and title in entity.title


@pytest.mark.parametrize(
    ("name", "mentions"),
    [
        ("Sergey Lavrov", ["Russian Foreign Minister Sergey Lavrov", "Lavrov"]),
        (
            "Umit Yardim",
            [
                "Turkish Ambassador to Russia Umit Yardim",
                "Yardim",
                "He",
                "Turkish Ambassador to Russia",
                "the diplomat",
                "the ambassador",
            ],
        ),
        ("Mevlut Cavusoglu", ["Turkish counterpart Mevlut Cavusoglu"]),
    ],
)
def test_coreference_chains(story: Article, name: str, mentions: list[str]) -> None:
    entity = _entity(story, name)
    texts = [m.text for m in entity.mentions]
    for mention in mentions:
        assert mention in texts, texts
    for m in entity.mentions:
        assert story.text[m.start : m.end] == m.text


def test_one_entity_per_person(story: Article) -> None:
    names = [e.name for e in story.entities if e.type == "PERSON"]
    assert sorted(names) == ["Mevlut Cavusoglu", "Sergey Lavrov", "Umit Yardim"]


@pytest.mark.parametrize(
    ("text", "name", "title", "actor"),
    [
        ("Defense Minister Sergei Shoigu visited the base.", "Sergei Shoigu", "Defense Minister", "GOV"),
        ("Police Chief Ahmed Khan said the road was closed.", "Ahmed Khan", "Police Chief", "COP"),
        ("Rebel commander Abu Omar said his men had withdrawn.", "Abu Omar", "commander", "REB"),
        ("Senator Lindsey Graham criticized the plan.", "Lindsey Graham", "Senator", "LEG"),
        ("Gen. Carter Ham said morale was low.", "Carter Ham", "Gen.", "MIL"),
        ("Iranian President Hassan Rouhani arrived in Rome.", "Hassan Rouhani", "President", "IRNGOV"),
        ("Lavrov, Russia's foreign minister, arrived in Ankara.", "Lavrov", "foreign minister", "RUSGOV"),
        # the country word of the sentence before is not the title's, an abbreviation's dot ends no sentence
        (
            "Talks with Israel stalled. Syrian President Bashar Assad left Damascus.",
            "Bashar Assad",
            "President",
            "SYRGOV",
        ),
        ("The talks ended. U.S. President Joe Biden flew home.", "Joe Biden", "President", "USAGOV"),
    ],
)
def test_titles_before_and_after_names(text: str, name: str, title: str, actor: str) -> None:
    article = code_text(text, body_only=True)
    entity = _entity(article, name)
    assert entity.type == "PERSON"
    assert entity.title is not None and title.lower() in entity.title.lower()
    assert entity.actor is not None and entity.actor.endswith(actor)


def test_pronoun_inside_a_quotation_is_not_the_speaker() -> None:
    text = (
        'Senator John Smith spoke on Monday.\n\n"He is wrong about the budget," Smith said of the governor.'
    )
    article = code_text(text, body_only=True)
    smith = _entity(article, "John Smith")
    assert "He" not in [m.text for m in smith.mentions]


@pytest.mark.parametrize(
    ("title", "sector", "role"),
    [
        ("ambassador", "GOV", "diplomat"),
        ("envoy", "GOV", "diplomat"),
        ("diplomat", "GOV", "diplomat"),
        ("police chief", "COP", "police"),
        ("rebel commander", "REB", "rebel"),
        ("general", "MIL", "officer"),
        ("chief executive", "BUS", "executive"),
        ("Foreign Minister", "GOV", "minister"),
    ],
)
def test_titles_lexicon(title: str, sector: str, role: str) -> None:
    found = load_titles().get(title)
    assert found is not None and (found.sector, found.role) == (sector, role)


@pytest.mark.parametrize(
    ("text", "speaker", "not_speaker"),
    [
        # a person named only inside a quotation is not the antecedent of the "he" after it
        (
            'Senator John Smith spoke on Monday.\n\n"You know, I love Larry Jones, he is a fine man," he said.',
            "John Smith",
            "Larry Jones",
        ),
        (
            'Governor Tom Brown met voters.\n\n"It feels like Mike Green has given up," he said.',
            "Tom Brown",
            "Mike Green",
        ),
    ],
)
def test_pronoun_skips_people_named_inside_quotes(text: str, speaker: str, not_speaker: str) -> None:
    article = code_text(text, body_only=True)
    he = [m for m in article.entities for x in m.mentions if x.text == "he" and x.start > text.rindex('"')]
    assert [e.name for e in he] == [speaker]
    assert not_speaker not in [e.name for e in he]


# -- gender from first names and honorifics; one person per surname only when compatible --------------------

from dateline.lexicon.first_names import load_first_names, name_gender  # noqa: E402


@pytest.mark.parametrize(
    ("name", "honorific", "gender"),
    [
        ("Hillary Clinton", None, "f"),
        ("Barack Obama", None, "m"),
        ("Michelle Obama", None, "f"),
        ("Obama", "Mrs.", "f"),
        ("Obama", "Mr.", "m"),
        ("Obama", None, None),
        ("Jordan Smith", None, None),  # a name of either gender is left out
    ],
)
def test_name_gender(name: str, honorific: str | None, gender: str | None) -> None:
    assert name_gender(name, honorific=honorific) == gender


def test_first_names_lexicon_size() -> None:
    names = load_first_names()
    assert len(names) > 500 and set(names.values()) == {"m", "f"}


@pytest.mark.parametrize(
    ("text", "mention", "person"),
    [
        # a different first name keeps two people with one surname apart
        ("Barack Obama spoke first. Michelle Obama spoke next.", "Michelle Obama", "Michelle Obama"),
        # an honorific picks the person of its gender
        (
            "Barack Obama spoke first. Michelle Obama spoke next. Mr. Obama then left.",
            "Obama",
            "Barack Obama",
        ),
        (
            "Barack Obama spoke first. Michelle Obama spoke next. Then Mrs. Obama left.",
            "Obama",
            "Michelle Obama",
        ),
        # a bare surname goes to the person named last
        ("Michelle Obama spoke first. Barack Obama spoke next. Obama then left.", "Obama", "Barack Obama"),
    ],
)
def test_surname_persons_kept_apart(text: str, mention: str, person: str) -> None:
    article = code_text(text, body_only=True)
    last = text.rindex(mention)
    owners = [e.name for e in article.entities for m in e.mentions if m.start <= last < m.end]
    assert owners == [person]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Donald Trump met Hillary Clinton on Monday.\n\nHe said the meeting went well.", "Donald Trump"),
        ("Hillary Clinton met Donald Trump on Monday.\n\nShe said the meeting went well.", "Hillary Clinton"),
    ],
)
def test_pronoun_skips_person_of_other_gender(text: str, speaker: str) -> None:
    article = code_text(text, body_only=True)
    pronoun = text.index("\n\n") + 2
    owners = [e.name for e in article.entities for m in e.mentions if m.start == pronoun]
    assert owners == [speaker]


@pytest.mark.parametrize(
    ("text", "person", "is_person"),
    [
        # a title that begins an organisation's name is no person's
        ("The carmaker General Motors (GM) is recalling cars.", "Motors", False),
        ("The Daily Mail & General Trust announced investments.", "Trust", False),
        # a title before a surname is
        ("General Adams said the troops would stay.", "Adams", True),
    ],
)
def test_title_inside_an_organisation_name(text: str, person: str, is_person: bool) -> None:
    article = code_text(text, body_only=True)
    people = [e.name for e in article.entities if e.type == "PERSON"]
    assert (any(name.endswith(person) for name in people)) is is_person, people


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a one-word name with nothing to say it is a person is a body, which "he" does not refer back to
        ("Yukos said on Monday it would appeal. He added that the court had been unfair.", "Yukos", "ORG"),
        # a title, an honorific or a full name say it is one
        ("President Chavez spoke on Monday. He said the court had been unfair.", "Chavez", "PERSON"),
        ("Mr Kowalczyk spoke on Monday. He said the court had been unfair.", "Kowalczyk", "PERSON"),
    ],
)
def test_a_bare_one_word_name_is_a_person_only_with_evidence(text: str, name: str, kind: str) -> None:
    article = code_text(text, body_only=True, published="2005-01-01")
    found = [e for e in article.entities if e.name == name]
    assert found and found[0].type == kind, [(e.name, e.type) for e in article.entities]
    if kind == "ORG":
        assert all(m.text != "He" for m in found[0].mentions)
