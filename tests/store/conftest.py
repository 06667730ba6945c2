"""Fixtures for the store and export tests: articles built by hand, and a fresh store per backend.

The PostgreSQL tests need a server: set DATELINE_TEST_POSTGRES=postgresql://user:password@host/db
(`eval "$(.ci/postgres.sh)"` installs and starts one). Each test gets its own schema, dropped after.
Without the variable they skip, except when CI is set, where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

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

POSTGRES_ENV = "DATELINE_TEST_POSTGRES"
BACKENDS = ["sqlite", "postgres"]

# An invented wire story, the same story as republished by another site, and an unrelated one.
WIRE = (
    "Foreign ministers of Russia and Turkey met in Sochi on Wednesday to discuss the resumption of "
    "direct flights and the gas pipeline project that was frozen last year. The talks lasted four hours "
    "and ended with a joint statement on trade, tourism and energy cooperation between the two countries. "
    "The Turkish minister said Ankara was ready to restore the contacts broken off after the incident "
    "over the Syrian border on November 24, when a Russian bomber was shot down by a Turkish fighter jet. "
    "Moscow criticised Ankara for its position on Syria and demanded an apology for the downing of the "
    "aircraft. Both sides agreed to hold a further round of consultations in Ankara next month, and "
    "experts from the energy ministries will meet in May to review the timetable of the pipeline."
)
SITE_A = (
    "Home | World | Politics\nSubscribe to our newsletter for the latest news.\n\n{body}\n\nShare this story."
)
SITE_B = (
    "{body}\n\nRead more: Markets rally on oil prices. Weather: rain expected in the capital.\n"
    "(c) 2016 Example Media Group. All rights reserved."
)
OTHER = (
    "Government troops shelled rebel positions near Aleppo on Tuesday, killing at least twelve fighters, "
    "a monitoring group reported. The army said it had regained control of two villages on the road to the "
    "city after a week of heavy clashes with the opposition forces, who accused the government of breaking "
    "the truce agreed in February. Aid agencies warned that thousands of civilians had fled their homes."
)


def make_event(
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
    extra_mentions: int = 0,
) -> Event:
    """An event whose trigger is the first occurrence of `trigger` in `text`."""
    start = text.index(trigger)
    sent_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sent_end = text.find(". ", start) + 1 or len(text)
    mention = Mention(trigger, start, start + len(trigger))
    return Event(
        id=f"e{start}",
        cameo=cameo,
        root=cameo[:2],
        plover=plover,
        quad_class=quad,
        goldstein=goldstein,
        source=ActorRef(
            actor=source, entity="ent1" if source else None, text=source and "Russia", start=0, end=6
        )
        if source
        else None,
        target=ActorRef(actor=target, text="Turkey", start=11, end=17) if target else None,
        date=date,
        date_basis="explicit" if date else "none",
        location=place,
        modality="asserted",
        claimed_by=Speaker(entity=None, name="the ministry"),
        sentence=Sentence(
            index=text[:sent_start].count(". "),
            start=sent_start,
            end=sent_end,
            text=text[sent_start:sent_end],
        ),
        trigger=mention,
        confidence=0.8,
        coder=Coder(version="0.1.0", lexicon="test"),
        mentions=[mention]
        + [Mention(trigger, start + 1 + i, start + 1 + i + len(trigger)) for i in range(extra_mentions)],
    )


def wire_events(text: str) -> list[Event]:
    sochi = Location(name="Sochi", country="RUS", lat=43.6, lon=39.73)
    return [
        make_event(text, "met", cameo="036", quad=1, goldstein=4.0, source="RUSGOV", target="TURGOV",
                   date="2016-04-27", plover="CONSULT", place=sochi),
        make_event(text, "criticised", cameo="111", quad=3, goldstein=-2.0, source="RUSGOV", target="TURGOV",
                   date="2016-04-27", plover="ACCUSE"),
        make_event(text, "shot down", cameo="190", quad=4, goldstein=-10.0, source="TURMIL", target="RUSMIL",
                   date="2015-11-24", plover="ASSAULT"),
    ]  # fmt: skip


def make_article(
    text: str,
    *,
    events: list[Event] | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Article:
    """An article record around `text`, with an entity, a quote and the given events."""
    quote_start = text.find("ready to")
    return Article(
        id=article_id(text),
        origin={"url": url} if url else {"path": f"/data/{article_id(text)}.txt"},
        text=text,
        headline=text.split(".")[0][:60],
        lede=text.split(". ")[0] + ".",
        dateline=Dateline(text="SOCHI, April 27. /TASS/.", place="Sochi", country="RUS", agency="TASS"),
        published=Published(date=published, basis="metadata" if published else "none"),
        source=source,
        entities=[
            Entity(
                id="ent1",
                name="Russia",
                type="GPE",
                country="RUS",
                actor="RUS",
                mentions=[Mention("Russia", 0, 6)],
            ),
            Entity(
                id="ent2",
                name="Sergei Lavrov",
                type="PERSON",
                title="Foreign Minister",
                country="RUS",
                actor="RUSGOV",
                mentions=[],
            ),
        ],
        quotes=[
            Quote(
                kind="indirect",
                text=text[quote_start : quote_start + 20],
                start=quote_start,
                end=quote_start + 20,
                cue="said",
                cue_span=Mention("said", 0, 4),
                speaker=Speaker(entity="ent2", name="Lavrov"),
            )
        ]
        if quote_start >= 0
        else [],
        events=events if events is not None else [],
    )


@pytest.fixture
def wire_a() -> Article:
    text = SITE_A.format(body=WIRE)
    return make_article(text, events=wire_events(text), url="https://www.site-a.example/world/1", source="Site A",
                        published="2016-04-27")  # fmt: skip


@pytest.fixture
def wire_b() -> Article:
    text = SITE_B.format(body=WIRE)
    return make_article(text, events=wire_events(text), url="https://site-b.example/news/2016/04/27/talks",
                        published="2016-04-28")  # fmt: skip


@pytest.fixture
def other() -> Article:
    events = [
        make_event(OTHER, "shelled", cameo="195", quad=4, goldstein=-10.0, source="SYRMIL", target="SYRREB",
                   date="2016-04-26", plover="ASSAULT", place=Location(name="Aleppo", country="SYR")),
        make_event(OTHER, "accused", cameo="112", quad=3, goldstein=-2.0, source="SYRREB", target="SYRGOV",
                   date=None, plover="ACCUSE"),
    ]  # fmt: skip
    return make_article(OTHER, events=events, source="Monitor", published="2016-04-26")


@pytest.fixture
def sample(wire_a: Article, wire_b: Article, other: Article) -> list[Article]:
    return [wire_a, wire_b, other]


def postgres_url() -> str:
    """The test server's URL, or skip (fail when CI is set) with how to enable the tests."""
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    message = (
        f"PostgreSQL tests need a server: set {POSTGRES_ENV}=postgresql://user:password@host/db "
        '(eval "$(.ci/postgres.sh)" installs and starts one)'
    )
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {POSTGRES_ENV} is not. {message}")
    pytest.skip(message)


@pytest.fixture
def postgres_schema() -> Iterator[str]:
    """A fresh schema on the test server; yields a URL whose search path is that schema."""
    psycopg = pytest.importorskip("psycopg")
    url = postgres_url()
    schema = "dateline_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in url else "?"
    try:
        yield f"{url}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for a new, empty store on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return request.getfixturevalue("postgres_schema")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened
