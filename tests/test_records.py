"""The article record round-trips through to_dict/from_dict and JSON unchanged."""

from __future__ import annotations

import json

from dateline.records import (
    ActorRef,
    Article,
    Coder,
    Dateline,
    DateRef,
    Entity,
    Event,
    Location,
    Mention,
    Published,
    Quote,
    Sentence,
    Speaker,
    article_id,
)


def _article() -> Article:
    return Article(
        id="x",
        origin={"path": "a.txt"},
        text="Russia and Turkey met.",
        headline="H",
        lede="L",
        dateline=Dateline(
            text="MOSCOW, April 27. /TASS/.", place="Moscow", country="RUS", agency="TASS", month=4, day=27
        ),
        published=Published(date="2016-04-27", basis="dateline+weekday", why="w"),
        dates=[DateRef(text="Tuesday", start=1, end=8, value="2016-04-26", last="2016-04-26", tense="past")],
        entities=[
            Entity(
                id="e1",
                name="Russia",
                type="GPE",
                country="RUS",
                actor="RUS",
                mentions=[Mention("Russia", 0, 6)],
            )
        ],
        quotes=[
            Quote(
                kind="direct",
                text="q",
                start=0,
                end=1,
                cue="said",
                cue_span=Mention("said", 3, 7),
                speaker=Speaker(entity="e1", name="Russia"),
            )
        ],
        events=[
            Event(
                id="v1",
                cameo="036",
                root="03",
                plover="AGREE",
                quad_class=1,
                goldstein=4.0,
                source=ActorRef(actor="RUS", entity="e1", text="Russia", start=0, end=6),
                target=None,
                date="2016-04-27",
                date_basis="published",
                location=Location("China", "CHN", 35.0, 103.0),
                modality="possible",
                claimed_by=Speaker(name="Yardim"),
                sentence=Sentence(0, 0, 22, "Russia and Turkey met."),
                trigger=Mention("met", 18, 21),
                confidence=0.8,
                coder=Coder("0.1.0", "dateline"),
                mentions=[Mention("met", 18, 21)],
            )
        ],
    )


def test_records_round_trip():
    article = _article()
    data = json.loads(json.dumps(article.to_dict()))
    again = Article.from_dict(data)
    assert again == article
    assert isinstance(again.events[0].source, ActorRef)
    assert isinstance(again.events[0].location, Location)


def test_records_ignore_unknown_fields():
    data = _article().to_dict()
    data["future_field"] = 1
    assert Article.from_dict(data).id == "x"


def test_records_article_id_ignores_whitespace_and_quote_styles():
    assert article_id("He said “yes” —\n now") == article_id('he said "yes" - now')
    assert article_id("a") != article_id("b")
