"""The HTTP client against the local test site: validators, robots.txt, limits, redirects, retries, waits."""

from __future__ import annotations

import pytest

from dateline.errors import FetchError
from dateline.watch import DEFAULT_USER_AGENT, Fetcher, FetchOptions


class FakeTime:
    """A clock that only moves when slept on, recording the sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def fetcher(time: FakeTime, **options: object) -> Fetcher:
    settings = {"delay": 0.0, "timeout": 1.0, "retries": 1, **options}
    return Fetcher(FetchOptions(**settings), clock=time.clock, sleep=time.sleep)  # type: ignore[arg-type]


def test_get_sends_the_user_agent_and_reads_the_page(fresh_site) -> None:
    with fetcher(FakeTime()) as client:
        response = client.get(fresh_site.url("/news/dam.html"))
    assert response.status == 200 and b"Bolivia" in response.content
    assert response.content_type.startswith("text/html")
    ((headers, _),) = fresh_site.requests("/news/dam.html")
    assert headers["user-agent"] == DEFAULT_USER_AGENT and DEFAULT_USER_AGENT.startswith("dateline/")
    assert fresh_site.counts()["/robots.txt"] == 1


@pytest.mark.parametrize(
    ("path", "validators"),
    [("/rss.xml", {"etag": '"rss-1"'}), ("/atom.xml", {"last_modified": "Mon, 02 Nov 2026 08:00:00 GMT"})],
)
def test_conditional_get_answered_304(fresh_site, path: str, validators: dict[str, str]) -> None:
    with fetcher(FakeTime()) as client:
        first = client.get(fresh_site.url(path))
        again = client.get(fresh_site.url(path), etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and again.status == 304 and again.content == b""
    assert (first.etag, first.last_modified) == (validators.get("etag"), validators.get("last_modified"))
    (plain, _), (conditional, status) = fresh_site.requests(path)
    assert "if-none-match" not in plain and "if-modified-since" not in plain and status == 304


def test_robots_txt_forbids_a_path(fresh_site) -> None:
    with fetcher(FakeTime()) as client, pytest.raises(FetchError, match="robots.txt forbids") as caught:
        client.get(fresh_site.url("/private/memo.html"))
    assert not caught.value.transient
    assert "/private/memo.html" not in fresh_site.counts()


def test_robots_txt_forbids_a_redirect_target(fresh_site) -> None:
    fresh_site.robots = "User-agent: *\nDisallow: /news/fishing.html\n"
    with fetcher(FakeTime()) as client, pytest.raises(FetchError, match="redirected to"):
        client.get(fresh_site.url("/old/fishing.html"))
    assert "/news/fishing.html" not in fresh_site.counts()


def test_robots_txt_for_dateline_only(fresh_site) -> None:
    fresh_site.robots = "User-agent: dateline\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    with fetcher(FakeTime()) as client:
        assert not client.allowed(fresh_site.url("/news/dam.html"))


def test_redirects_are_followed(fresh_site) -> None:
    with fetcher(FakeTime()) as client:
        response = client.get(fresh_site.url("/old/fishing.html"))
    assert response.final_url == fresh_site.url("/news/fishing.html") and b"Iceland" in response.content


def test_redirect_loops_end(fresh_site) -> None:
    with fetcher(FakeTime(), max_redirects=3) as client, pytest.raises(FetchError, match="more than 3"):
        client.get(fresh_site.url("/loop"))
    assert fresh_site.counts()["/loop"] == 4


def test_size_limit(fresh_site) -> None:
    with fetcher(FakeTime(), max_bytes=1024 * 1024) as client, pytest.raises(FetchError, match="larger than"):
        client.get(fresh_site.url("/big.html"))


def test_server_errors_are_retried_with_backoff(fresh_site) -> None:
    time = FakeTime()
    with (
        fetcher(time, retries=2, backoff=0.5) as client,
        pytest.raises(FetchError, match="HTTP 500") as caught,
    ):
        client.get(fresh_site.url("/news/broken.html"))
    assert caught.value.transient and caught.value.status == 500
    assert fresh_site.counts()["/news/broken.html"] == 3
    assert time.sleeps == [0.5, 1.0]


def test_timeouts_are_retried_then_reported(fresh_site) -> None:
    time = FakeTime()
    with (
        fetcher(time, timeout=0.3, retries=1) as client,
        pytest.raises(FetchError, match="timed out") as caught,
    ):
        client.get(fresh_site.url("/news/slow.html"))
    assert caught.value.transient
    assert fresh_site.counts()["/news/slow.html"] == 2 and time.sleeps == [1.0]


def test_client_errors_are_not_retried(fresh_site) -> None:
    with fetcher(FakeTime()) as client, pytest.raises(FetchError, match="HTTP 404") as caught:
        client.get(fresh_site.url("/missing"))
    assert not caught.value.transient and fresh_site.counts()["/missing"] == 1


@pytest.mark.parametrize(
    ("robots", "delay", "expected"),
    [("User-agent: *\nDisallow: /private/\n", 2.0, 2.0), ("User-agent: *\nCrawl-delay: 5\n", 2.0, 5.0),
     ("User-agent: *\nCrawl-delay: 500\n", 0.0, 30.0)],
)  # fmt: skip
def test_one_host_is_asked_once_per_delay(fresh_site, robots: str, delay: float, expected: float) -> None:
    fresh_site.robots = robots
    time = FakeTime()
    with fetcher(time, delay=delay) as client:
        client.get(fresh_site.url("/news/dam.html"))
        client.get(fresh_site.url("/news/rail.html"))
        client.get(fresh_site.url("/news/harbour.html"))
    # robots.txt, then the first page after one delay, each further page after another
    assert time.sleeps == [expected, expected, expected]


def test_unreachable_host_is_a_transient_failure() -> None:
    import socket

    with socket.socket() as sock:  # a port on 127.0.0.1 that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with fetcher(FakeTime(), retries=0) as client, pytest.raises(FetchError) as caught:
        client.get(f"http://127.0.0.1:{port}/news.html")
    assert caught.value.transient
