"""Time every page of the web app over a realistic store: the TASS example and 300 BBC stories.

The stories are coded with `dateline.coding.code_documents` into a temporary SQLite store
(`Store.add_many`), then each page is requested through the app in process (Starlette's TestClient,
so the figures include routing, the store, templates and the middleware, not the network). Each page
is requested `--repeat` times after one warm-up; the median and the slowest are printed, in ms.
The target is under 300 ms for every page.

    .venv/bin/python bench/web_pages.py [--stories 300] [--repeat 5] [--keep news.db]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from urllib.parse import quote

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TASS = SHARED / "examples" / "tass-2016-04-27" / "article.txt"
BBC = SHARED / "data" / "peer" / "bbc-news-greene2006" / "bbc"
TARGET_MS = 300.0


def bbc_files(count: int) -> list[Path]:
    """`count` BBC stories, taken in turn from each category so that all five are represented."""
    folders = [sorted(folder.glob("*.txt")) for folder in sorted(BBC.iterdir()) if folder.is_dir()]
    picked: list[Path] = []
    for group in zip(*folders, strict=False):
        picked.extend(group)
    return picked[:count]


def build_store(path: str, stories: int) -> tuple[int, float]:
    """Code and store the TASS example and `stories` BBC stories; returns (articles, seconds)."""
    from dateline.coding import code_documents
    from dateline.ingest import read_paths
    from dateline.records import Article
    from dateline.store import Store

    started = time.perf_counter()
    documents = []
    for document in read_paths([str(TASS), *map(str, bbc_files(stories))]):
        if not isinstance(document, Exception):
            document.source = document.source or ("TASS" if "tass" in document.name else "BBC News")
        documents.append(document)
    articles = [a for a in code_documents(documents) if isinstance(a, Article)]
    with Store.open(path) as store:
        store.add_many(articles)
        count = store.count()
    return count, time.perf_counter() - started


def pages(client) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The pages to time: (label, path), picked from what the store holds."""
    found = client.get("/api/articles", params={"limit": 200}).json()["items"]
    tass = (client.get("/api/articles", params={"source": "TASS"}).json()["items"] or found)[0]
    busiest = max(found, key=lambda item: item["events"])
    facets = client.get("/api/facets").json()
    actor = facets["actors"][0]["code"] if facets["actors"] else "RUSGOV"
    countries = [c["code"] for c in facets["countries"]] or ["RUS", "TUR"]
    a, b = (countries + ["TUR"])[:2] if countries[0] != "TUR" else ("TUR", "RUS")
    record = client.get(f"/api/articles/{tass['id']}").json()
    person = next((e["name"] for e in record["entities"] if e["type"] == "PERSON"), "Sergei Lavrov")
    dyad = client.get(f"/api/dyads/{a}/{b}", params={"freq": "week"}).json()["points"]
    period = dyad[-1]["period"] if dyad else "2016-04-25"
    return [
        ("All news", "/"),
        ("All news, page 3", "/?page=3"),
        ("search 'government'", "/?q=government"),
        ("search + filters", f"/?q=minister&country={a}&event=0"),
        ("filter by actor", f"/?actor={actor}"),
        ("story: TASS", f"/story/{tass['id']}"),
        ("story: most events", f"/story/{busiest['id']}"),
        (f"actor {actor}", f"/actor/{actor}"),
        ("actor RUSGOV", "/actor/RUSGOV"),
        (f"person {person}", f"/actor/{quote(person)}?kind=person"),
        ("dyad RUS/TUR (week)", "/dyad/RUS/TUR?freq=week"),
        (f"dyad {a}/{b} (day)", f"/dyad/{a}/{b}?freq=day"),
        (f"dyad {a}/{b} point", f"/dyad/{a}/{b}/events?period={period}&freq=week"),
        ("api articles", "/api/articles?q=election"),
        ("api events", "/api/events?limit=500"),
        ("api dyad", f"/api/dyads/{a}/{b}?freq=day"),
        ("api actor", f"/api/actors/{actor}"),
        ("api article", f"/api/articles/{tass['id']}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300, help="how many BBC stories to ingest")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page")
    parser.add_argument("--keep", metavar="DB", help="build the store here and keep it")
    args = parser.parse_args(argv)
    if not TASS.is_file() or not BBC.is_dir():
        print(f"{SHARED}: evaluation data not present; nothing to time", file=sys.stderr)
        return 1
    from starlette.testclient import TestClient

    from dateline.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or str(Path(tmp) / "news.db")
        count, seconds = build_store(db, args.stories)
        with TestClient(create_app(db)) as client:
            events = len(client.get("/api/events", params={"limit": 1000}).json()["events"])
            print(f"store: {count} articles, {events} distinct events (coded in {seconds:.1f} s)")
            print(f"{'page':34} {'median ms':>10} {'max ms':>8}  status")
            slowest = 0.0
            for label, path in pages(client):
                status = client.get(path).status_code  # warm-up
                times = []
                for _ in islice(iter(int, 1), args.repeat):
                    started = time.perf_counter()
                    client.get(path)
                    times.append((time.perf_counter() - started) * 1000)
                slowest = max(slowest, max(times))
                print(f"{label[:34]:34} {statistics.median(times):10.1f} {max(times):8.1f}  {status}")
            verdict = "under" if slowest < TARGET_MS else "OVER"
            print(f"slowest request: {slowest:.1f} ms ({verdict} the {TARGET_MS:.0f} ms target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
