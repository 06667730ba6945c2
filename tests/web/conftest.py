"""Fixtures for the web tests: a store of hand-built articles (one of them hostile) and an app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.records import (
    ActorRef,
    Article,
    Coder,
    Dateline,
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
from dateline.store import Store

TOKEN = "test-token-0123456789"
LOCAL = "http://localhost"  # a Host the app serves by default

# An invented wire story, a copy of it on another site, an unrelated story and a hostile one.
WIRE = (
    "Foreign Minister Sergei Lavrov met his Turkish counterpart in Sochi on Wednesday to discuss the "
    "resumption of direct flights and the gas pipeline project. Moscow criticised Ankara for its position "
    'on Syria. "We are ready to restore the contacts," Lavrov said. A Russian bomber was shot down by a '
    "Turkish fighter jet on November 24, 2015."
)
COPY = "World | Politics\n\n" + WIRE + "\n\nShare this story."
OTHER = (
    "Government troops shelled rebel positions near Aleppo on Tuesday, killing at least twelve fighters, "
    "a monitoring group reported. The rebels accused the government of breaking the truce."
)
HOSTILE = (
    "<script>alert('pwned')</script> Officials met in Ankara. "
    '<img src=x onerror="alert(1)"> The envoy said "<b>nothing</b>" and left.'
)


def event_at(
    text: str,
    trigger: str,
    *,
    cameo: str,
    quad: int,
    goldstein: float,
    source: str | None,
    target: str | None,
    date: str | None,
    plover: str | None = None,
    place: Location | None = None,
    source_entity: str | None = None,
    ident: str | None = None,
) -> Event:
    """An event whose trigger is the first `trigger` in `text`; its sentence is the one around it."""
    start = text.index(trigger)
    sent_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sent_end = text.find(". ", start) + 1 or len(text)
    return Event(
        id=ident or f"e{start}",
        cameo=cameo,
        root=cameo[:2],
        plover=plover,
        quad_class=quad,
        goldstein=goldstein,
        source=ActorRef(actor=source, entity=source_entity, text=source) if source else None,
        target=ActorRef(actor=target, text=target) if target else None,
        date=date,
        date_basis="explicit" if date else "none",
        location=place,
        modality="asserted",
        claimed_by=Speaker(name="the ministry"),
        sentence=Sentence(index=0, start=sent_start, end=sent_end, text=text[sent_start:sent_end]),
        trigger=Mention(trigger, start, start + len(trigger)),
        confidence=0.8,
        coder=Coder(version="test", lexicon="test"),
    )


def wire_article(text: str, *, url: str, source: str, published: str) -> Article:
    sochi = Location(name="Sochi", country="RUS", lat=43.6, lon=39.73)
    start = text.index("Sergei Lavrov")
    said = text.index('"We are')
    events = [
        event_at(text, "met", cameo="036", quad=1, goldstein=4.0, source="RUSGOV", target="TURGOV",
                 date="2016-04-27", plover="CONSULT", place=sochi, source_entity="p1"),
        event_at(text, "criticised", cameo="111", quad=3, goldstein=-2.0, source="RUSGOV", target="TURGOV",
                 date="2016-04-27", plover="ACCUSE"),
        event_at(text, "shot down", cameo="190", quad=4, goldstein=-10.0, source="TURMIL", target="RUSMIL",
                 date="2015-11-24", plover="ASSAULT"),
    ]  # fmt: skip
    return Article(
        id=article_id(text),
        origin={"url": url},
        text=text,
        headline="Lavrov and Turkish minister meet in Sochi",
        lede=text.split(". ")[0] + ".",
        dateline=Dateline(text="SOCHI, April 27. /TASS/.", place="Sochi", country="RUS", agency="TASS"),
        published=Published(date=published, basis="metadata"),
        source=source,
        entities=[
            Entity(
                id="p1",
                name="Sergei Lavrov",
                type="PERSON",
                title="Foreign Minister",
                country="RUS",
                actor="RUSGOV",
                mentions=[Mention("Sergei Lavrov", start, start + 13)],
            ),
            Entity(
                id="g1",
                name="Moscow",
                type="GPE",
                country="RUS",
                actor="RUSGOV",
                mentions=[Mention("Moscow", text.index("Moscow"), text.index("Moscow") + 6)],
            ),
        ],  # fmt: skip
        quotes=[
            Quote(
                kind="direct",
                text=text[said + 1 : said + 37],
                start=said + 1,
                end=said + 37,
                cue="said",
                cue_span=Mention("said", text.index("said"), text.index("said") + 4),
                speaker=Speaker(entity="p1", name="Sergei Lavrov"),
            ),
        ],  # fmt: skip
        events=events,
    )


def other_article() -> Article:
    events = [
        event_at(OTHER, "shelled", cameo="195", quad=4, goldstein=-10.0, source="SYRMIL", target="SYRREB",
                 date="2016-04-26", plover="ASSAULT", place=Location(name="Aleppo", country="SYR", lat=36.2, lon=37.16)),
        event_at(OTHER, "accused", cameo="112", quad=3, goldstein=-2.0, source="SYRREB", target="SYRGOV", date=None),
    ]  # fmt: skip
    return Article(
        id=article_id(OTHER),
        origin={"path": "/data/aleppo.txt"},
        text=OTHER,
        headline="Troops shell rebel positions near Aleppo",
        published=Published(date="2016-04-26", basis="given"),
        source="Monitor",
        events=events,
    )


def hostile_article() -> Article:
    events = [
        event_at(HOSTILE, "met", cameo="036", quad=1, goldstein=4.0, source="RUSGOV", target="TURGOV",
                 date="2016-05-02", plover="CONSULT", ident='x"><script>alert(2)</script>'),
    ]  # fmt: skip
    return Article(
        id=article_id(HOSTILE),
        origin={"url": "javascript:alert(3)"},
        text=HOSTILE,
        headline="<script>alert('headline')</script><img src=x onerror=alert(4)>",
        dateline=Dateline(text="<i onmouseover=alert(5)>ANKARA</i>"),
        published=Published(date="2016-05-02", basis="given"),
        source="<b>Evil</b> News",
        entities=[
            Entity(
                id="p9",
                name="<img src=x onerror=alert(6)>",
                type="PERSON",
                mentions=[Mention("Officials", HOSTILE.index("Officials"), HOSTILE.index("Officials") + 9)],
            ),
        ],  # fmt: skip
        quotes=[
            Quote(
                kind="direct",
                text="<b>nothing</b>",
                start=HOSTILE.index("<b>"),
                end=HOSTILE.index("</b>") + 4,
                speaker=Speaker(name="<script>alert(7)</script>"),
            ),
        ],  # fmt: skip
        events=events,
    )


@pytest.fixture(scope="session")
def articles() -> dict[str, Article]:
    return {
        "wire": wire_article(
            WIRE, url="https://www.site-a.example/world/1", source="Site A", published="2016-04-27"
        ),
        "copy": wire_article(
            COPY, url="https://site-b.example/news/2", source="Site B", published="2016-04-28"
        ),
        "other": other_article(),
        "hostile": hostile_article(),
    }


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory, articles: dict[str, Article]) -> str:
    """A SQLite store holding the hand-built articles (shared by the read-only tests)."""
    path = tmp_path_factory.mktemp("web") / "news.db"
    with Store.open(str(path)) as store:
        store.add_many(articles.values())
    return str(path)


@pytest.fixture(scope="session")
def client(db: str) -> Iterator:
    from starlette.testclient import TestClient

    from dateline.web.app import create_app

    with TestClient(
        create_app(db, token=TOKEN), raise_server_exceptions=False, base_url=LOCAL
    ) as test_client:
        yield test_client


@pytest.fixture
def fresh_db(tmp_path: Path, articles: dict[str, Article]) -> str:
    """A store of its own, for tests that write."""
    path = tmp_path / "news.db"
    with Store.open(str(path)) as store:
        store.add(articles["other"])
    return str(path)
