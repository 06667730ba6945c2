"""Adding an article: its row, its entities, quotes and events, its story cluster and event groups.

The store calls `insert_article` inside a transaction; the near-duplicate index (`dateline.dedup`)
gives the article's story cluster, and events of one cluster that agree on (CAMEO code, source actor,
target actor, date) share one event group (`EventRow.event_id`).
"""

from __future__ import annotations

from dateline.dedup import DedupIndex, fingerprint
from dateline.records import Article, Event
from dateline.store.backend import Backend
from dateline.store.rows import (
    article_row,
    entity_row,
    event_key,
    event_row_values,
    now,
    quote_row,
    source_name,
    valid_day,
)


def insert_article(db: Backend, article: Article, index: DedupIndex) -> bool:
    """Insert one article and everything in it; False when it is already stored.

    The article joins the index (`index.insert`) once all of it is inserted; the caller removes it
    again when the transaction fails.
    """
    if db.one("SELECT 1 AS found FROM articles WHERE id = ?", (article.id,)) is not None:
        return False
    print_ = fingerprint(article.text, options=index.options)
    cluster_id = index.match(print_) or article.id
    added_at = now()
    published = valid_day(article.published.date)
    db.insert(
        "story_clusters",
        {"id": cluster_id, "first_article": article.id, "created_at": added_at},
        conflict="(id) DO NOTHING",
    )
    source_id = _source_id(db, source_name(article))
    row = article_row(db, article, cluster_id=cluster_id, source_id=source_id, added_at=added_at)
    if db.insert("articles", row, conflict="(id) DO NOTHING", returning="seq") is None:
        return False  # another writer got there first
    db.insert(
        "minhashes",
        {
            "article_id": article.id,
            "cluster_id": cluster_id,
            "signature": print_.to_bytes() if print_ else b"",
            "shingles": print_.size if print_ else 0,
        },
    )
    for ent in article.entities:
        db.insert("entities", entity_row(article, ent), conflict="(article_id, entity_id) DO NOTHING")
        for m in ent.mentions:
            db.insert(
                "mentions",
                {"article_id": article.id, "entity_id": ent.id, "start_char": m.start, "end_char": m.end,
                 "text": m.text},
            )  # fmt: skip
    for i, quote in enumerate(article.quotes):
        db.insert("quotes", quote_row(article, i, quote))
    for event in article.events:
        _insert_event(db, article, event, cluster_id=cluster_id, published=published)
    index.insert(article.id, print_, cluster_id)
    return True


def _source_id(db: Backend, name: str | None) -> int | None:
    if not name:
        return None
    found = db.one("SELECT id FROM sources WHERE name = ?", (name,))
    if found is not None:
        return int(found)
    db.insert("sources", {"name": name}, conflict="(name) DO NOTHING")
    return int(db.one("SELECT id FROM sources WHERE name = ?", (name,)))


def _insert_event(
    db: Backend, article: Article, event: Event, *, cluster_id: str, published: str | None
) -> None:
    key = event_key(event, cluster_id=cluster_id)
    group_id = db.one(
        "SELECT id FROM event_groups WHERE " + " AND ".join(f"{column} = ?" for column in key),
        list(key.values()),
    )
    first = group_id is None
    if first:
        group_id = db.insert("event_groups", key, returning="id")
    values = event_row_values(db, article, event, group_id=group_id, first=first, published=published)
    db.insert("events", values, conflict="(article_id, event_id) DO NOTHING")
