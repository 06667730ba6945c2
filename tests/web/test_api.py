"""The JSON API, in process: every route, its OpenAPI description, and ingest behind a token."""

from __future__ import annotations

import json

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from dateline.records import Article
from dateline.store import Store
from dateline.web.app import create_app

from .conftest import LOCAL, TOKEN

STORY = (
    "Ankara, May 3. Turkey's foreign minister met his Russian counterpart in Ankara on Tuesday, "
    "and the two sides agreed to resume direct flights."
)


def test_openapi_describes_every_route(client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    described = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    app = client.app
    mount = next(r for r in app.routes if isinstance(r, Mount) and r.path == "/api")
    served = {
        ("/api" + route.path.replace(":path", ""), method.lower())
        for route in mount.routes
        if isinstance(route, Route)
        for method in route.methods or ()
        if method != "HEAD"
    }
    assert described == served


def test_articles_search_and_paging(client, articles: dict[str, Article]) -> None:
    page = client.get("/api/articles", params={"q": "pipeline", "limit": 1}).json()
    assert page["total"] == 2 and page["limit"] == 1 and len(page["items"]) == 1
    assert page["items"][0]["id"] == articles["copy"].id and "pipeline" in page["items"][0]["snippet"]
    assert "\x02" not in page["items"][0]["snippet"]
    everything = client.get("/api/articles").json()
    assert everything["total"] == 4 and [i["events"] for i in everything["items"]] == [1, 3, 3, 2]


@pytest.mark.parametrize("query", ["limit=201", "limit=-1", "offset=x", "q=" + "x" * 201])
def test_bad_parameters_are_400_json(client, query: str) -> None:
    response = client.get("/api/articles?" + query)
    assert response.status_code == 400 and "error" in response.json()


def test_article_and_copies(client, articles: dict[str, Article]) -> None:
    wire = articles["wire"]
    assert client.get(f"/api/articles/{wire.id}").json() == json.loads(json.dumps(wire.to_dict()))
    copies = client.get(f"/api/articles/{wire.id}/copies").json()["copies"]
    assert [c["id"] for c in copies] == [articles["copy"].id]
    for path in ["/api/articles/nope", "/api/articles/nope/copies"]:
        response = client.get(path)
        assert response.status_code == 404 and response.json()["status"] == 404


@pytest.mark.parametrize(
    ("params", "cameos"),
    [({"actor": "SYR"}, ["195", "112"]), ({"country": "SYR", "since": "2016-04-26"}, ["195", "112"]),
     ({"actor": "RUSGOV", "until": "2016-04-30"}, ["111", "036"]), ({"actor": "TURMIL"}, ["190"])],
)  # fmt: skip
def test_events(client, params: dict[str, str], cameos: list[str]) -> None:
    events = client.get("/api/events", params=params).json()["events"]
    assert sorted(e["event"]["cameo"] for e in events) == sorted(cameos)


def test_events_fold_duplicates(client) -> None:
    events = client.get("/api/events", params={"actor": "TURMIL"}).json()["events"]
    assert events[0]["num_sources"] == 2 and events[0]["num_articles"] == 2
    assert client.get("/api/events", params={"since": "soon"}).status_code == 400


def test_actor_and_person(client) -> None:
    actor = client.get("/api/actors/RUSGOV").json()
    assert actor["kind"] == "actor" and {p["actor"] for p in actor["partners"]} == {"TURGOV"}
    assert actor["quotes"][0]["speaker"] == "Sergei Lavrov"
    person = client.get("/api/actors/Sergei Lavrov").json()
    assert person["kind"] == "person" and [e["event"]["cameo"] for e in person["as_source"]] == ["036"]


def test_dyad_and_its_events(client) -> None:
    dyad = client.get("/api/dyads/TUR/RUS", params={"freq": "month"}).json()
    assert [(p["period"], p["events"]) for p in dyad["points"]] == [
        ("2015-11-01", 1), ("2016-04-01", 2), ("2016-05-01", 1)
    ]  # fmt: skip
    april = client.get("/api/dyads/TUR/RUS/events", params={"period": "2016-04-01", "freq": "month"}).json()
    assert april["since"] == "2016-04-01" and april["until"] == "2016-04-30"
    assert sorted(e["event"]["cameo"] for e in april["events"]) == ["036", "111"]
    assert client.get("/api/dyads/TUR/RUS", params={"freq": "hour"}).status_code == 400


def test_facets(client) -> None:
    facets = client.get("/api/facets").json()
    assert facets["countries"][0] == {"code": "RUS", "events": 4}  # 036, 111, 190 and the hostile 036
    assert {"code": "19", "events": 2} in facets["roots"]


# ingest


def count(db: str) -> int:
    with Store.open(db, readonly=True) as store:
        return store.count()


@pytest.mark.parametrize(
    "headers",
    [{}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN}, {"authorization": f"Basic {TOKEN}"}],
)
def test_ingest_without_the_token_is_401_and_writes_nothing(fresh_db: str, headers: dict[str, str]) -> None:
    with TestClient(create_app(fresh_db, token=TOKEN), base_url=LOCAL) as local:
        response = local.post("/api/articles", json={"text": STORY}, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert count(fresh_db) == 1


def test_ingest_is_refused_when_no_token_is_set(fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_TOKEN", raising=False)
    with TestClient(create_app(fresh_db), base_url=LOCAL) as local:
        response = local.post("/api/articles", content=STORY, headers={"content-type": "text/plain",
                                                                        "authorization": "Bearer "})  # fmt: skip
    assert response.status_code == 401 and "--token" in response.json()["error"]
    assert count(fresh_db) == 1


@pytest.mark.slow
def test_ingest_json_and_text(fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_TOKEN", "from-env-0123456789")
    auth = {"authorization": "Bearer from-env-0123456789"}
    with TestClient(create_app(fresh_db), base_url=LOCAL) as local:
        story = {
            "text": STORY,
            "url": "https://news.example/1",
            "title": "Flights resume",
            "published": "2016-05-03",
        }
        created = local.post("/api/articles", json=story, headers=auth)
        again = local.post("/api/articles", json=story, headers=auth)
        plain = local.post(
            "/api/articles", content=STORY + " More.", headers={**auth, "content-type": "text/plain"}
        )
        record = local.get(created.json()["url"].replace("/story/", "/api/articles/")).json()
    assert created.status_code == 201 and created.json()["added"] is True
    assert again.status_code == 200 and again.json() == {**created.json(), "added": False}
    assert plain.status_code == 201
    assert record["headline"] == "Flights resume" and record["published"]["date"] == "2016-05-03"
    assert record["origin"] == {"url": "https://news.example/1"}
    assert count(fresh_db) == 3


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [(b'{"text": ""}', "application/json", 400), (b'{"text": 3}', "application/json", 400),
     (b'{"text": "x", "colour": "red"}', "application/json", 400), (b"[1]", "application/json", 400),
     (b"{not json", "application/json", 400), (b'{"text": "x", "published": "May"}', "application/json", 400),
     (b'{"text": "x", "url": "javascript:alert(1)"}', "application/json", 400),
     (b"\xff\xfe", "text/plain", 400), (b"<p>story</p>", "text/html", 415)],
)  # fmt: skip
def test_ingest_rejects_bad_bodies(fresh_db: str, body: bytes, content_type: str, status: int) -> None:
    with TestClient(create_app(fresh_db, token=TOKEN), base_url=LOCAL) as local:
        response = local.post("/api/articles", content=body,
                              headers={"content-type": content_type, "authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert response.status_code == status and "error" in response.json()
    assert count(fresh_db) == 1


def test_large_bodies_are_413(fresh_db: str) -> None:
    with TestClient(create_app(fresh_db, token=TOKEN, max_body=1000), base_url=LOCAL) as local:
        big = local.post("/api/articles", content="x" * 1001,
                         headers={"content-type": "text/plain", "authorization": f"Bearer {TOKEN}"})  # fmt: skip
        streamed = local.post("/api/articles", content=iter([b"x" * 600, b"x" * 600]),
                              headers={"content-type": "text/plain", "authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert big.status_code == 413 and streamed.status_code == 413
    assert count(fresh_db) == 1
