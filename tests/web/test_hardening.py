"""Bad parameters are 400 with a message (never 500), Host names are checked, the ingest token is guarded,
and undated events are said to be left out of the charts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dateline.errors import SettingsError
from dateline.records import Article, Published
from dateline.store import Store
from dateline.web.app import LOCAL_HOSTS, TokenGuard, create_app, serving_hosts

from .conftest import LOCAL, TOKEN

LONG = "A" * 60_000


@pytest.mark.parametrize(
    "url",
    [
        "/api/dyads/RUS/TUR/events?period=9999-12-31",
        "/api/dyads/RUS/TUR/events?period=9999-12-31&freq=month",
        "/api/dyads/RUS/TUR/events?period=2016-04-27&freq=week",  # a Wednesday: not the start of a week
        "/api/dyads/RUS/TUR/events?period=0000-01-01&freq=day",
        "/dyad/RUS/TUR/events?period=9999-12-31",
        "/dyad/RUS/TUR/events?period=9999-12-31&freq=year",
        f"/api/events?actor={LONG}",
        f"/api/events?country={LONG}",
        f"/api/actors/{LONG}",
        f"/actor/{LONG}",
        f"/api/dyads/{LONG}/TUR",
        f"/dyad/RUS/{LONG}",
        f"/?actor={LONG}",
    ],
)
def test_bad_parameters_are_400_with_a_message(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400, response.text[:300]
    text = response.json()["error"] if url.startswith("/api/") else response.text
    assert "period" in text or "characters" in text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/dyads/RUS/TUR/events?period=9999-12-27&freq=week", 200),  # the calendar's last week
        ("/api/dyads/RUS/TUR/events?period=9999-12-31&freq=day", 200),
        ("/api/dyads/RUS/TUR/events?period=2016-04-25&freq=week", 200),
    ],
)
def test_the_edges_of_the_calendar_are_served(client, url: str, status: int) -> None:
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("host", "allowed", "status"),
    [
        ("localhost", None, 200),
        ("127.0.0.1:8000", None, 200),
        ("evil.example", None, 400),  # DNS rebinding: a page of evil.example reading the API
        ("news.example", ("news.example",), 200),
        ("evil.example", ("news.example",), 400),
        ("anything.example", ("*",), 200),
    ],
)
def test_only_allowed_host_names_are_served(
    db: str, host: str, allowed: tuple[str, ...] | None, status: int
) -> None:
    with TestClient(create_app(db, allowed_hosts=allowed), base_url=f"http://{host}") as local:
        assert local.get("/api/facets").status_code == status


def test_a_server_answers_its_own_address_and_localhost() -> None:
    assert serving_hosts("127.0.0.1") == list(LOCAL_HOSTS)
    assert "10.0.0.5" in serving_hosts("10.0.0.5")
    assert serving_hosts("0.0.0.0", ["news.example"]) == [*LOCAL_HOSTS, "news.example"]


@pytest.mark.parametrize("token", ["short", "x" * 15])
def test_a_short_token_is_refused(db: str, token: str) -> None:
    with pytest.raises(SettingsError, match="at least 16"):
        create_app(db, token=token)


def test_the_token_may_come_from_the_environment(fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_TOKEN", "tiny")
    with pytest.raises(SettingsError):
        create_app(fresh_db)
    monkeypatch.setenv("DATELINE_TOKEN", TOKEN)
    app = create_app(fresh_db)
    assert app.state.config.token == TOKEN


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_repeated_wrong_tokens_lock_the_client_out_for_a_while(fresh_db: str) -> None:
    clock = Clock()
    guard = TokenGuard(most=3, window=60.0, delay=0.0, clock=clock)
    wrong = {"authorization": "Bearer " + "w" * 20}
    right = {"authorization": f"Bearer {TOKEN}", "content-type": "text/plain"}
    with TestClient(create_app(fresh_db, token=TOKEN, guard=guard), base_url=LOCAL) as local:
        statuses = [local.post("/api/articles", content="x", headers=wrong).status_code for _ in range(3)]
        locked = local.post("/api/articles", content="", headers=right)
        clock.now += 61
        after = local.post("/api/articles", content="", headers=right)
    assert statuses == [401, 401, 401]
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
    assert after.status_code == 400  # let in again: the empty story is refused on its own merits


def test_guard_forgets_old_tries() -> None:
    clock = Clock()
    guard = TokenGuard(most=2, window=10.0, delay=0.0, clock=clock)
    assert guard.locked_for("a") == 0.0
    guard._wrong["a"] = __import__("collections").deque([clock.now, clock.now])
    assert guard.locked_for("a") == pytest.approx(10.0)
    clock.now += 10
    assert guard.locked_for("a") == 0.0 and "a" not in guard._wrong


def undated(article: Article) -> Article:
    events = [dataclasses.replace(e, date=None, date_basis="none") for e in article.events]
    return dataclasses.replace(article, published=Published(date=None, basis="none"), events=events)


def test_undated_events_are_left_out_of_the_chart_and_counted(
    tmp_path: Path, articles: dict[str, Article]
) -> None:
    path = str(tmp_path / "news.db")
    with Store.open(path) as store:
        store.add_many([articles["wire"], undated(articles["hostile"])])
    with TestClient(create_app(path), base_url=LOCAL) as local:
        page = local.get("/dyad/RUS/TUR?freq=year").text
        api = local.get("/api/dyads/RUS/TUR?freq=year").json()
        news = local.get("/").text
    assert "1 event without a date is not shown." in page
    assert api["undated"] == 1 and sum(p["events"] for p in api["points"]) == 3
    assert "date unknown" in news
