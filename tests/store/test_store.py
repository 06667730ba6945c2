"""The store on both backends: adding, reading back, events with duplicate counts, dyads, failures."""

from __future__ import annotations

import dataclasses

import pytest

from dateline.errors import StoreError
from dateline.records import Article
from dateline.store import DyadPoint, EventFilter, Store
from dateline.store.schema import LATEST


def test_open_migrates_to_latest(store: Store) -> None:
    assert store.schema_version() == LATEST
    assert store.count() == 0


def test_add_is_idempotent(store: Store, wire_a: Article) -> None:
    assert store.add(wire_a) is True
    assert store.add(wire_a) is False
    assert store.count() == 1
    assert store.has(wire_a.id)
    assert not store.has("0" * 16)


def test_article_round_trips(store: Store, sample: list[Article]) -> None:
    store.add_many(sample)
    for article in sample:
        assert store.article(article.id) == article
        assert store.article(article.id).to_dict() == article.to_dict()


def test_missing_article_is_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.article("nope")


def test_add_many_counts_new_only(store: Store, sample: list[Article]) -> None:
    assert store.add_many(sample) == 3
    assert store.add_many(sample) == 0
    assert store.add_many(sample + sample) == 0
    assert store.count() == 3


def test_interrupted_batch_leaves_nothing(store: Store, sample: list[Article]) -> None:
    wire_a, wire_b, other = sample
    store.add(other)

    def batch():
        yield wire_a
        yield wire_b
        raise RuntimeError("killed mid-batch")

    with pytest.raises(RuntimeError, match="killed"):
        store.add_many(batch())
    assert store.count() == 1
    assert not store.has(wire_a.id) and not store.has(wire_b.id)
    assert len(list(store.mentions())) == len(other.events)
    assert store.clusters() == {}
    # the rolled-back articles are gone from the near-duplicate index too: they cluster afresh
    assert store.add_many([wire_b, wire_a]) == 2
    assert store.clusters() == {wire_b.id: [wire_b.id, wire_a.id]}


def test_articles_newest_first_with_paging(store: Store, sample: list[Article]) -> None:
    store.add_many(sample)
    ids = [a.id for a in store.articles()]
    assert ids == [sample[1].id, sample[0].id, sample[2].id]  # published 04-28, 04-27, 04-26
    assert [a.id for a in store.articles(limit=1, offset=1)] == [sample[0].id]
    assert [a.id for a in store.articles(limit=None, offset=2)] == [sample[2].id]
    assert [a.id for a in store.articles(EventFilter(since="2016-04-27", until="2016-04-27"))] == [
        sample[0].id
    ]
    assert [a.id for a in store.articles(source="Monitor")] == [sample[2].id]


def test_duplicates_are_one_cluster(store: Store, sample: list[Article]) -> None:
    wire_a, wire_b, other = sample
    store.add_many(sample)
    assert store.clusters() == {wire_a.id: [wire_a.id, wire_b.id]}
    assert set(store.clusters(min_size=1)) == {wire_a.id, other.id}


def test_events_fold_duplicates_into_counts(store: Store, sample: list[Article]) -> None:
    wire_a, wire_b, other = sample
    store.add_many(sample)
    rows = list(store.events())
    assert len(rows) == 3 + 2  # the wire story's three events once, the other story's two
    assert len(list(store.mentions())) == 3 + 3 + 2
    consult = next(r for r in rows if r.event.cameo == "036")
    assert (consult.num_mentions, consult.num_sources, consult.num_articles) == (2, 2, 2)
    assert consult.article_id == wire_a.id and consult.cluster_id == wire_a.id
    assert consult.event == wire_a.events[0]
    assert consult.url == "https://www.site-a.example/world/1" and consult.source == "Site A"
    assert consult.day == "2016-04-27" and consult.published == "2016-04-27"
    assert consult.text_length == len(wire_a.text)
    shelling = next(r for r in rows if r.event.cameo == "195")
    assert (shelling.num_mentions, shelling.num_sources, shelling.num_articles) == (1, 1, 1)
    mention_ids = {r.event_id for r in store.mentions() if r.event.cameo == "036"}
    assert mention_ids == {consult.event_id}


def test_extra_mentions_count(store: Store, wire_a: Article) -> None:
    event = dataclasses.replace(
        wire_a.events[0],
        mentions=[*wire_a.events[0].mentions, dataclasses.replace(wire_a.events[0].trigger, start=5, end=8)],
    )
    store.add(dataclasses.replace(wire_a, events=[event]))
    (row,) = store.events()
    assert (row.num_mentions, row.num_articles) == (2, 1)


def test_event_without_date_takes_publication_day(store: Store, other: Article) -> None:
    store.add(other)
    accused = next(r for r in store.events() if r.event.cameo == "112")
    assert accused.event.date is None and accused.day == "2016-04-26"


@pytest.mark.parametrize(
    ("filters", "cameos"),
    [
        ({}, ["036", "111", "112", "195", "190"]),
        ({"since": "2016-04-27"}, ["036", "111"]),
        ({"until": "2016-04-26"}, ["112", "195", "190"]),
        ({"since": "2016-01-01", "until": "2016-04-26"}, ["112", "195"]),
        ({"actor": "RUSGOV"}, ["036", "111"]),
        ({"actor": "rus"}, ["036", "111", "190"]),
        ({"actor": "SYRGOV"}, ["112"]),
        ({"country": "SYR"}, ["112", "195"]),
        ({"country": "TUR", "since": "2016-01-01"}, ["036", "111"]),
        ({"limit": 2}, ["036", "111"]),
    ],
)
def test_event_filters(store: Store, sample: list[Article], filters: dict, cameos: list[str]) -> None:
    store.add_many(sample)
    where = {name: value for name, value in filters.items() if name != "limit"}
    limit = filters.get("limit")
    got = [r.event.cameo for r in store.events(EventFilter(**where), limit=limit)]
    assert sorted(got) == sorted(cameos)
    if limit is not None:
        assert len(got) == limit


def test_events_newest_day_first(store: Store, sample: list[Article]) -> None:
    store.add_many(sample)
    days = [r.day for r in store.events()]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize(
    ("a", "b", "freq", "expected"),
    [
        ("RUS", "TUR", "day", [DyadPoint("2015-11-24", 1, 0, 0, 0, 1, -10.0), DyadPoint("2016-04-27", 2, 1, 0, 1, 0, 2.0)]),
        ("TUR", "RUS", "day", [DyadPoint("2015-11-24", 1, 0, 0, 0, 1, -10.0), DyadPoint("2016-04-27", 2, 1, 0, 1, 0, 2.0)]),
        ("RUSGOV", "TURGOV", "month", [DyadPoint("2016-04-01", 2, 1, 0, 1, 0, 2.0)]),
        ("RUS", "TUR", "year", [DyadPoint("2015-01-01", 1, 0, 0, 0, 1, -10.0), DyadPoint("2016-01-01", 2, 1, 0, 1, 0, 2.0)]),
        ("RUS", "TUR", "week", [DyadPoint("2015-11-23", 1, 0, 0, 0, 1, -10.0), DyadPoint("2016-04-25", 2, 1, 0, 1, 0, 2.0)]),
        ("SYRMIL", "SYRREB", "day", [DyadPoint("2016-04-26", 1, 0, 0, 0, 1, -10.0)]),
        ("RUS", "SYR", "day", []),
    ],
)  # fmt: skip
def test_dyad(
    store: Store, sample: list[Article], a: str, b: str, freq: str, expected: list[DyadPoint]
) -> None:
    store.add_many(sample)  # two copies of the wire story: each event counts once
    assert store.dyad(a, b, freq=freq) == expected


def test_dyad_rejects_unknown_frequency(store: Store) -> None:
    with pytest.raises(StoreError, match="fortnight"):
        store.dyad("RUS", "TUR", freq="fortnight")


def test_failures(store: Store) -> None:
    assert store.failures() == []
    store.add_failure("feeds/bad.xml", "not a feed")
    store.add_failure("feeds/bad.xml", "not a feed")
    store.add_failure("pages/empty.html", "holds no text")
    failures = store.failures()
    assert [(f.path, f.reason, f.count) for f in failures] == [
        ("pages/empty.html", "holds no text", 1),
        ("feeds/bad.xml", "not a feed", 2),
    ]


def test_reopened_store_still_links_duplicates(store_url: str, wire_a: Article, wire_b: Article) -> None:
    with Store.open(store_url) as store:
        store.add(wire_a)
    with Store.open(store_url) as store:
        assert store.schema_version() == LATEST
        store.add(wire_b)
        assert store.clusters() == {wire_a.id: [wire_a.id, wire_b.id]}
        assert [r.num_articles for r in store.events()] == [2, 2, 2]


def test_readonly_refuses_writes(store_url: str, wire_a: Article) -> None:
    with Store.open(store_url) as store:
        store.add(wire_a)
    with Store.open(store_url, readonly=True) as store:
        assert store.count() == 1
        assert store.article(wire_a.id) == wire_a
        with pytest.raises(StoreError, match="read-only"):
            store.add(wire_a)
        with pytest.raises(StoreError, match="read-only"):
            store.add_failure("x", "y")


@pytest.mark.parametrize("url", ["mysql://localhost/news", "http://example.com/news.db"])
def test_unknown_url_scheme(url: str) -> None:
    with pytest.raises(StoreError, match="unknown store"):
        Store.open(url)
