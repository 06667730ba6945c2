"""A news site on 127.0.0.1 for the watch tests: feeds, sitemaps, pages and the paths that go wrong.

The server (http.server in a thread, an ephemeral port) serves invented stories only and logs every
request; no test reaches any other address. Paths:
    /robots.txt                      forbids /private/
    /rss.xml                         RSS 2.0, with an ETag (If-None-Match answered 304)
    /atom.xml                        Atom, with a Last-Modified (If-Modified-Since answered 304)
    /sitemap-index.xml               a sitemap index (ETag) listing /sitemap-news.xml (ETag, news:news)
    /news/<slug>.html                article pages
    /news/slow.html                  answers after SLOW_S seconds (past the client's timeout)
    /news/broken.html                always 500
    /news/gate.html                  an article page that, when the gate is armed, waits to be released
    /old/fishing.html                301 to /news/fishing.html
    /files/report.pdf                not HTML
    /private/memo.html               forbidden by robots.txt
    /big.html, /loop, /missing       2 MB, a redirect to itself, 404
"""

from __future__ import annotations

import os
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

POSTGRES_ENV = "DATELINE_TEST_POSTGRES"

SLOW_S = 1.5
RSS_ETAG = '"rss-1"'
INDEX_ETAG = '"index-1"'
NEWS_ETAG = '"news-1"'
ATOM_MODIFIED = "Mon, 02 Nov 2026 08:00:00 GMT"

# Invented stories: slug -> (headline, paragraphs).
STORIES: dict[str, tuple[str, list[str]]] = {
    "harbour": (
        "Estonia and Latvia agree to share a new ferry harbour",
        [
            "TALLINN, November 2. - The transport ministers of Estonia and Latvia signed an agreement on "
            "Monday to build and run a shared ferry harbour on the Gulf of Riga, the Estonian ministry said.",
            "The harbour will open in three years. Latvia will pay for the breakwater and Estonia for the "
            "terminal, according to the agreement.",
        ],
    ),
    "rail": (
        "Kenya and Tanzania promise a joint rail link to the lake",
        [
            "NAIROBI, November 2. - Kenya and Tanzania promised on Monday to finish a railway to the ports "
            "of Lake Victoria, the Kenyan government said after talks between the two presidents.",
            "Tanzania accused its neighbour of delaying the survey for two years, but both sides agreed to "
            "meet again in January.",
        ],
    ),
    "dam": (
        "Peru protests over a dam upstream in Bolivia",
        [
            "LIMA, November 3. - Peru protested on Tuesday against a dam that Bolivia is building on a river "
            "shared by the two countries, the Peruvian foreign ministry said.",
            "The ministry demanded that Bolivia stop the work until engineers of both countries inspect the "
            "site. Bolivia rejected the demand.",
        ],
    ),
    "gate": (
        "Ghana and Togo reopen a border post after talks",
        [
            "ACCRA, November 3. - Ghana and Togo reopened a border post on the coastal road on Tuesday after "
            "talks between their interior ministers, officials in Accra said.",
            "Police from both countries will patrol the crossing together, the ministers announced.",
        ],
    ),
    "fishing": (
        "Norway and Iceland meet over fishing quotas",
        [
            "OSLO, November 4. - The fisheries ministers of Norway and Iceland met in Oslo on Wednesday to "
            "discuss quotas in the northern sea, the Norwegian ministry said.",
            "Iceland criticised Norway for raising its own quota without consultation.",
        ],
    ),
    "monitors": (
        "Election monitors arrive in Malawi before the vote",
        [
            "LILONGWE, November 4. - Election monitors from the African Union arrived in Malawi on "
            "Wednesday ahead of next month's vote, the electoral commission said.",
            "The commission invited observers from neighbouring Zambia and Mozambique as well.",
        ],
    ),
}
COPY_OF = {"rail-copy": "rail"}  # a page of the sitemap with the very text of another page
ARTICLES = sorted(STORIES)  # the stories a full watch stores


def page(slug: str) -> bytes:
    headline, paragraphs = STORIES[COPY_OF.get(slug, slug)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{headline}</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{headline}</h1>{body}</article>"
        "<footer>Invented test news. All rights reserved.</footer></body></html>"
    ).encode()


@dataclass
class Site:
    """The running test site: its base URL, the request log, and the gate on /news/gate.html."""

    base: str = ""
    log: list[tuple[str, dict[str, str], int]] = field(default_factory=list)
    gate_armed: threading.Event = field(default_factory=threading.Event)
    gate_hit: threading.Event = field(default_factory=threading.Event)
    gate_open: threading.Event = field(default_factory=threading.Event)
    slow_done: threading.Event = field(default_factory=threading.Event)
    robots: str = "User-agent: *\nDisallow: /private/\n"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def reset(self) -> None:
        with self.lock:
            self.log.clear()
        self.gate_armed.clear()
        self.gate_hit.clear()
        self.gate_open.clear()
        self.robots = "User-agent: *\nDisallow: /private/\n"

    def counts(self) -> Counter[str]:
        with self.lock:
            return Counter(path for path, _, _ in self.log)

    def requests(self, path: str) -> list[tuple[dict[str, str], int]]:
        with self.lock:
            return [(headers, status) for logged, headers, status in self.log if logged == path]

    def sources_file(self, folder) -> str:  # type: ignore[no-untyped-def]
        path = folder / "sources.txt"
        path.write_text(
            "# invented outlets on the test server\n"
            f"{self.url('/rss.xml')}  Baltic Wire\n"
            f"{self.url('/atom.xml')}\tLake Post\n"
            "\n"
            f"{self.url('/sitemap-index.xml')}\n",
            encoding="utf-8",
        )
        return str(path)

    # the documents
    def rss(self) -> bytes:
        items = [
            ("harbour", "/news/harbour.html?utm_source=rss&utm_medium=feed#top"),
            ("rail", "/news/rail.html"),
            ("slow", "/news/slow.html"),
            ("broken", "/news/broken.html"),
            ("memo", "/private/memo.html"),
            ("rail again", "/news/rail.html?fbclid=abc123"),
        ]
        body = "".join(
            f"<item><title>{title}</title><link>{self.url(path)}</link>"
            "<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate></item>"
            for title, path in items
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Baltic Wire</title>'
            f"<link>{self.url('/')}</link>{body}</channel></rss>"
        ).encode()

    def atom(self) -> bytes:
        entries = [("dam", "/news/dam.html"), ("gate", "/news/gate.html"), ("fishing", "/old/fishing.html"),
                   ("report", "/files/report.pdf")]  # fmt: skip
        body = "".join(
            f'<entry><title>{title}</title><link rel="alternate" href="{path}"/>'
            f"<id>tag:test,2026:{title}</id><updated>2026-11-03T08:00:00Z</updated></entry>"
            for title, path in entries
        )
        return (
            f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:base="{self.url("/")}"><title>Lake Post</title><id>tag:test,2026:lake</id>'
            f"<updated>2026-11-03T08:00:00Z</updated>{body}</feed>"
        ).encode()

    def index(self) -> bytes:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.url('/sitemap-news.xml')}</loc><lastmod>2026-11-04</lastmod></sitemap>"
            "</sitemapindex>"
        ).encode()

    def news_sitemap(self) -> bytes:
        entries = [("monitors", "/news/monitors.html"), ("harbour", "/news/harbour.html"),
                   ("rail-copy", "/news/rail-copy.html")]  # fmt: skip
        body = "".join(
            f"<url><loc>{self.url(path)}</loc><news:news><news:publication><news:name>Southern Herald"
            "</news:name><news:language>en</news:language></news:publication>"
            "<news:publication_date>2026-11-04T07:00:00+02:00</news:publication_date>"
            f"<news:title>{slug}</news:title></news:news></url>"
            for slug, path in entries
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>'
        ).encode()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

        def send(self, status: int, body: bytes = b"", kind: str = "text/html; charset=utf-8",
                 **headers: str) -> None:  # fmt: skip
            with site.lock:
                site.log[self.entry] = (self.path, site.log[self.entry][1], status)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            if body:
                self.wfile.write(body)

        def conditional(self, body: bytes, kind: str, *, etag: str | None = None,
                        modified: str | None = None) -> None:  # fmt: skip
            if (etag and self.headers.get("If-None-Match") == etag) or (
                modified and self.headers.get("If-Modified-Since") == modified
            ):
                self.send(304, kind=kind, **({"ETag": etag} if etag else {}))
                return
            headers = {"ETag": etag} if etag else {"Last_Modified": modified or ""}
            self.send(200, body, kind, **headers)

        def do_GET(self) -> None:
            with site.lock:  # logged on arrival (a slow answer may never be read), status set on answer
                self.entry = len(site.log)
                site.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}, 0))
            path = self.path.split("?")[0]
            if path == "/robots.txt":
                self.send(200, site.robots.encode(), "text/plain")
            elif path == "/rss.xml":
                self.conditional(site.rss(), "application/rss+xml", etag=RSS_ETAG)
            elif path == "/atom.xml":
                self.conditional(site.atom(), "application/atom+xml", modified=ATOM_MODIFIED)
            elif path == "/sitemap-index.xml":
                self.conditional(site.index(), "application/xml", etag=INDEX_ETAG)
            elif path == "/sitemap-news.xml":
                self.conditional(site.news_sitemap(), "application/xml", etag=NEWS_ETAG)
            elif path == "/news/slow.html":
                site.slow_done.wait(SLOW_S)
                self.send(200, page("dam"))
            elif path == "/news/broken.html":
                self.send(500, b"<html><body>Internal error</body></html>")
            elif path == "/news/gate.html" and site.gate_armed.is_set():
                site.gate_hit.set()
                site.gate_open.wait(120)
                self.send(200, page("gate"))
            elif path == "/old/fishing.html":
                self.send(301, Location=site.url("/news/fishing.html"))
            elif path == "/loop":
                self.send(302, Location="/loop")
            elif path == "/files/report.pdf":
                self.send(200, b"%PDF-1.4 invented", "application/pdf")
            elif path == "/big.html":
                self.send(200, b"<html><body>" + b"x" * (2 * 1024 * 1024) + b"</body></html>")
            elif (
                path.startswith("/news/")
                and path.endswith(".html")
                and (path[6:-5] in STORIES or path[6:-5] in COPY_OF)
            ):
                self.send(200, page(path[6:-5]))
            elif path.startswith("/private/"):
                self.send(200, page("dam"))
            else:
                self.send(404, b"<html><body>Not found</body></html>")

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        """A client that gave up (a timeout test) is no error of the server's."""


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    """The test site, running for the module's tests (its log and gate reset for each test)."""
    found = Site()
    server = _Server(("127.0.0.1", 0), _handler(found))
    found.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        found.gate_open.set()
        found.slow_done.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def fresh_site(site: Site) -> Site:
    site.reset()
    return site


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty store on each backend (PostgreSQL: a schema of its own on the server named by
    DATELINE_TEST_POSTGRES, dropped after; skipped without it, as in tests/store)."""
    if request.param == "sqlite":
        yield str(tmp_path / "news.db")
        return
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {POSTGRES_ENV} is not")
        pytest.skip(f"PostgreSQL tests need a server: set {POSTGRES_ENV}=postgresql://user:password@host/db")
    psycopg = pytest.importorskip("psycopg")
    schema = "dateline_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in url else "?"
    try:
        yield f"{url}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
