"""The HTTP client of `dateline watch`: polite, bounded, and honest about what went wrong.

    with Fetcher(FetchOptions(delay=1.0)) as fetcher:
        response = fetcher.get(url, etag=saved_etag)      # Response(status=304, ...) when unchanged

What a request promises:
    - robots.txt is read once per host (kept for `robots_ttl`) and obeyed, for the URL asked and for
      every redirect; a robots.txt answered 401/403 forbids the host, one answered 404 allows it, one
      that cannot be fetched (5xx, timeout) makes every URL of the host a transient failure until it
      is read again (after `robots_retry`);
    - one host is asked at most once every `delay` seconds (or the robots.txt Crawl-delay, up to
      `max_crawl_delay`);
    - every answer is read streamed and given up past `max_bytes` (after decompression) or past
      `deadline` seconds in all; connecting and each read wait at most `timeout` seconds;
    - redirects are followed up to `max_redirects`, http and https only;
    - 5xx, 429, timeouts and connection errors are retried `retries` times, waiting `backoff` seconds,
      then twice that... (or the Retry-After the server asks, up to `max_retry_after`).
Every failure is a `FetchError` naming the URL and why, with `transient` set when a later try may work.
The clock and sleep are injectable, so tests check the waits without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dateline import __version__
from dateline.errors import FetchError
from dateline.watch.urls import host_of

__all__ = ["DEFAULT_USER_AGENT", "FetchOptions", "Fetcher", "Response"]

ROBOTS_TOKEN = "dateline"
DEFAULT_USER_AGENT = f"dateline/{__version__} (news event coder; reads feeds, sitemaps and the articles they list; obeys robots.txt)"
_REDIRECTS = {301, 302, 303, 307, 308}
_RETRIED = {429, 500, 502, 503, 504}
_CHUNK = 65536
_FORBID_ALL = ["User-agent: *", "Disallow: /"]


@dataclass(frozen=True)
class FetchOptions:
    """How the client behaves (see the module docstring); times in seconds."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    deadline: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    delay: float = 1.0
    max_crawl_delay: float = 30.0
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 60.0
    robots_ttl: float = 24 * 3600.0
    robots_retry: float = 600.0


@dataclass(frozen=True)
class Response:
    """An answer read whole: `url` asked, `final_url` after redirects, lower-case header names."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


@dataclass
class _Robots:
    parser: RobotFileParser
    until: float  # read it again from then on
    unread: str | None = None  # why robots.txt could not be read (everything is forbidden meanwhile)


class Fetcher:
    """A polite HTTP client over one `httpx.Client` (pass your own `client` to change transport).

    Not thread-safe: one fetcher per thread. Use it as a context manager, or call `close()`.
    """

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        client: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options or FetchOptions()
        timeout = httpx.Timeout(self.options.timeout)
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=False)
        self._own_client = client is None
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self.requests = 0  # requests sent, robots.txt included

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url` (conditionally when given validators), following redirects; a 2xx or 304 answer.

        RAISES: FetchError naming `url`: forbidden by robots.txt, an error status, too large, too slow,
            too many redirects, or the host cannot be reached.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.options.max_redirects + 1):
            _check_scheme(url, current)
            robots = self._robots_for(current)
            if robots.unread:
                raise FetchError(url, f"cannot be fetched now: {robots.unread}", transient=True)
            if not robots.parser.can_fetch(ROBOTS_TOKEN, current):
                shown = "" if current == url else f" (redirected to {current})"
                raise FetchError(url, f"robots.txt forbids fetching it{shown}", "dateline obeys robots.txt")
            response = self._request(url, current, headers)
            location = response.headers.get("location")
            if response.status in _REDIRECTS and location:
                current = urljoin(current, location)
                headers = {}  # validators belong to the URL they were given for
                continue
            if response.status == 304 or 200 <= response.status < 300:
                return response
            raise FetchError(
                url,
                f"answered HTTP {response.status}",
                status=response.status,
                transient=response.status in _RETRIED or response.status == 408,
            )
        raise FetchError(url, f"redirects more than {self.options.max_redirects} times", status=None)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets dateline fetch it (reading robots.txt if needed)."""
        return self._robots_for(url).parser.can_fetch(ROBOTS_TOKEN, url)

    def _robots_for(self, url: str) -> _Robots:
        host = host_of(url)
        known = self._robots.get(host)
        if known is not None and self._clock() < known.until:
            return known
        parser = RobotFileParser(host + "/robots.txt")
        until = self._clock() + self.options.robots_ttl
        unread = None
        try:
            response = self._read_robots(host + "/robots.txt")
        except FetchError as e:  # cannot tell: forbidden until asked again
            lines, until, unread = (
                _FORBID_ALL,
                self._clock() + self.options.robots_retry,
                f"its robots.txt {e.reason}",
            )
        else:
            if response.status in (401, 403):
                lines = _FORBID_ALL
            elif 400 <= response.status < 500:
                lines = []  # no robots.txt: everything allowed
            elif response.status >= 500:
                lines, until = _FORBID_ALL, self._clock() + self.options.robots_retry
                unread = f"its robots.txt answered HTTP {response.status}"
            else:
                lines = response.content.decode("utf-8", errors="replace").splitlines()
        parser.parse(lines)
        found = _Robots(parser, until, unread)
        self._robots[host] = found
        return found

    def _read_robots(self, url: str) -> Response:
        """robots.txt, following redirects (any status is an answer; retries as for any request)."""
        current = url
        for _hop in range(self.options.max_redirects + 1):
            try:
                response = self._request(url, current, {})
            except FetchError as e:
                if e.status is not None:  # an error status after the retries: an answer all the same
                    return Response(url, current, e.status)
                raise
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                return response
            current = urljoin(current, location)
            _check_scheme(url, current)
        raise FetchError(url, f"redirects more than {self.options.max_redirects} times")

    def _delay(self, url: str) -> float:
        delay = self.options.delay
        robots = self._robots.get(host_of(url))
        if robots is not None:
            crawl_delay = robots.parser.crawl_delay(ROBOTS_TOKEN)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), self.options.max_crawl_delay))
        return delay

    def _wait_turn(self, url: str) -> None:
        host = host_of(url)
        last = self._last.get(host)
        if last is not None:
            wait = last + self._delay(url) - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _request(self, url: str, current: str, headers: dict[str, str]) -> Response:
        """One GET of `current` with retries; an answer of any status, or FetchError (transient)."""
        options = self.options
        for attempt in range(options.retries + 1):
            last_try = attempt == options.retries
            try:
                response = self._once(url, current, headers)
            except FetchError as e:
                if not e.transient or last_try:
                    raise
                self._sleep(options.backoff * 2**attempt)
                continue
            if response.status in _RETRIED and not last_try:
                wait = _retry_after(response.headers.get("retry-after"))
                self._sleep(
                    min(wait, options.max_retry_after) if wait is not None else options.backoff * 2**attempt
                )
                continue
            if response.status in _RETRIED:
                raise FetchError(
                    url, f"answered HTTP {response.status} ({attempt + 1} tries)", status=response.status,
                    transient=True,
                )  # fmt: skip
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: str, current: str, headers: dict[str, str]) -> Response:
        options = self.options
        self._wait_turn(current)
        self.requests += 1
        started = self._clock()
        request_headers = {"User-Agent": options.user_agent, **headers}
        try:
            with self._client.stream("GET", current, headers=request_headers) as answer:
                size = answer.headers.get("content-length")
                if size and size.isdigit() and int(size) > options.max_bytes:
                    raise _too_large(url, options.max_bytes)
                chunks: list[bytes] = []
                total = 0
                if answer.status_code not in _REDIRECTS and answer.status_code != 304:
                    for chunk in answer.iter_bytes(_CHUNK):
                        total += len(chunk)
                        if total > options.max_bytes:
                            raise _too_large(url, options.max_bytes)
                        if self._clock() - started > options.deadline:
                            raise FetchError(
                                url, f"took more than {options.deadline:g} s to send", transient=True
                            )
                        chunks.append(chunk)
                return Response(
                    url=url,
                    final_url=current,
                    status=answer.status_code,
                    headers={k.lower(): v for k, v in answer.headers.items()},
                    content=b"".join(chunks),
                )
        except httpx.TimeoutException as e:
            raise FetchError(url, f"timed out ({type(e).__name__})", transient=True) from e
        except httpx.DecodingError as e:
            raise FetchError(url, f"sent a body that cannot be decoded: {e}") from e
        except httpx.TransportError as e:
            raise FetchError(url, f"cannot be reached: {e or type(e).__name__}", transient=True) from e
        except httpx.InvalidURL as e:
            raise FetchError(url, f"is not a URL that can be fetched: {e}") from e


def _check_scheme(url: str, current: str) -> None:
    if urlsplit(current).scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"leads to {current}, which is not an http or https URL")


def _too_large(url: str, limit: int) -> FetchError:
    return FetchError(url, f"is larger than {limit} bytes", "raise the size limit to read it")


def _retry_after(value: str | None) -> float | None:
    """The seconds of a Retry-After header given in seconds (a date is not honoured: None)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
