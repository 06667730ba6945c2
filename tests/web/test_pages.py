"""The HTML pages, in process: every page answers, shows what it should, escapes article text,
opens the store read-only and fails as a plain page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from dateline.records import Article
from dateline.store import DyadPoint, Store
from dateline.web import charts, data
from dateline.web.render import Span, mark_up


def test_all_news_lists_newest_first(client, articles: dict[str, Article]) -> None:
    html = client.get("/").text
    order = [articles[name].id for name in ("hostile", "copy", "wire", "other")]
    positions = [html.index(f"/story/{article_id}") for article_id in order]
    assert positions == sorted(positions)
    assert "SOCHI, April 27. /TASS/." in html and "Site A" in html and "3 events" in html


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("q=pipeline", ["wire", "copy"], ["other", "hostile"]),
        ("q=shelled+Aleppo", ["other"], ["wire", "hostile"]),
        ("q=%22%3Cscript%3E", ["hostile"], ["other"]),
        ("country=SYR", ["other"], ["wire"]),
        ("actor=TURMIL", ["wire", "copy"], ["other", "hostile"]),
        ("event=19", ["wire", "other"], ["hostile"]),
        ("event=ASSAULT", ["wire", "other"], ["hostile"]),
        ("source=Monitor", ["other"], ["wire"]),
        ("q=nowhere+to+be+found", [], ["wire", "other", "hostile"]),
    ],
)
def test_search_and_filters(client, articles: dict[str, Article], query: str, present, absent) -> None:
    html = client.get("/?" + query).text
    for name in present:
        assert f"/story/{articles[name].id}" in html
    for name in absent:
        assert f"/story/{articles[name].id}" not in html


def test_search_marks_matched_words(client) -> None:
    assert "<mark>pipeline</mark>" in client.get("/?q=pipeline").text


def test_paging(client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "PAGE_SIZE", 3)
    first, second = client.get("/").text, client.get("/?page=2").text
    assert "Page 1 of 2" in first and 'rel="next" href="/?page=2"' in first
    assert "4–4 of 4" in second and 'rel="prev"' in second
    assert client.get("/?page=zero").status_code == 400


def test_story_marks_up_people_quotes_and_triggers(client, articles: dict[str, Article]) -> None:
    wire = articles["wire"]
    html = client.get(f"/story/{wire.id}").text
    assert '<a class="ent person" href="/actor/Sergei%20Lavrov?kind=person"' in html
    assert '<span class="quote direct" title="direct quote: Sergei Lavrov">We are ready' in html
    for event in wire.events:
        assert (
            f'data-event="{event.id}"' in html
            and f'id="ev-{event.id}"' in html
            and f'id="card-{event.id}"' in html
        )
    assert "Express intent to meet or negotiate" in html and "CONSULT" in html and "Sochi, RUS" in html
    assert "the ministry" in html
    assert f"/story/{articles['copy'].id}" in html  # the other outlet's copy
    assert '<script src="/static/story.js" defer></script>' in html


def test_story_escapes_hostile_text(client, articles: dict[str, Article]) -> None:
    html = client.get(f"/story/{articles['hostile'].id}").text
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
    tags = parse_tags(html)
    assert not [attr for _, attrs in tags for attr, _ in attrs if attr.startswith("on")]  # no handlers
    assert [attrs for tag, attrs in tags if tag == "script"] == [
        [("src", "/static/story.js"), ("defer", None)]
    ]
    assert not [tag for tag, _ in tags if tag in ("img", "b", "i", "iframe")]
    assert "javascript:" not in html  # the origin URL is not linked


def parse_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag of a page with its attributes, as a browser's parser sees them."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collector().feed(html)
    return found


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/actor/RUSGOV", ["Russian Federation: Government", "Top partners", "TURGOV", "/dyad/RUS/TUR",
                           "We are ready to restore the contacts"]),
        ("/actor/TUR", ["RUSMIL", "Use conventional military force"]),
        ("/actor/Sergei%20Lavrov?kind=person", ["Person", "Express intent to meet or negotiate", "We are ready"]),
        ("/actor/Sergei%20Lavrov", ["Person"]),
    ],
)  # fmt: skip
def test_actor_page(client, path: str, expected: list[str]) -> None:
    response = client.get(path)
    assert response.status_code == 200
    for text in expected:
        assert text in response.text


@pytest.mark.parametrize(("freq", "points"), [("day", 3), ("week", 3), ("month", 3), ("year", 2)])
def test_dyad_chart_points_link_to_their_events(client, freq: str, points: int) -> None:
    html = client.get(f"/dyad/RUS/TUR?freq={freq}").text
    assert '<svg class="chart"' in html and '<svg class="map"' in html
    links = sorted(set(re.findall(r'<a href="(/dyad/RUS/TUR/events\?period=[^"]+)" class="point"', html)))
    assert len(links) == points  # 2015-11-24, 2016-04-27 (two outlets, one event each), 2016-05-02
    for link in links:
        page = client.get(link.replace("&amp;", "&"))
        assert page.status_code == 200 and "/story/" in page.text and '<div class="sentence">' in page.text


def test_dyad_map_links_places(client) -> None:
    html = client.get("/dyad/RUS/TUR").text
    assert 'href="/dyad/RUS/TUR/events?place=Sochi"' in html
    places = client.get("/dyad/RUS/TUR/events?place=Sochi").text
    assert "Express intent to meet or negotiate" in places and "Use conventional military force" not in places


@pytest.mark.parametrize(
    ("path", "status"),
    [("/story/0000000000000000", 404), ("/nowhere", 404), ("/dyad/R/TUR", 400), ("/dyad/RUS/TUR?freq=hour", 400),
     ("/dyad/RUS/TUR/events?period=yesterday", 400), ("/actor/x?kind=robot", 400), ("/actor/lower?kind=actor", 400)],
)  # fmt: skip
def test_errors_are_plain_pages(client, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text and '<a href="/">Back to all news</a>' in response.text


def test_server_error_has_no_traceback(client, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(data, "actor_profile", broken)
    response = client.get("/actor/RUSGOV")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert "Something went wrong" in response.text


def test_missing_store_is_a_503_page(tmp_path, db: str) -> None:
    from starlette.testclient import TestClient

    from dateline.web.app import create_app

    path = tmp_path / "gone.db"
    app = create_app(str(path))
    path.unlink()
    with TestClient(app, raise_server_exceptions=False, base_url="http://localhost") as local:
        response = local.get("/")
    assert response.status_code == 503 and str(path) not in response.text


def test_views_open_the_store_read_only(
    client, articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[bool] = []
    real_open = Store.open

    def spy(url: str, *, readonly: bool = False) -> Store:
        modes.append(readonly)
        return real_open(url, readonly=readonly)

    monkeypatch.setattr(Store, "open", staticmethod(spy))
    for path in [
        "/",
        f"/story/{articles['wire'].id}",
        "/actor/RUSGOV",
        "/dyad/RUS/TUR",
        "/dyad/RUS/TUR/events",
    ]:
        assert client.get(path).status_code == 200
    assert modes and all(modes)


def test_security_headers_and_static_assets(client) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    for asset in ["/static/style.css", "/static/story.js", "/static/countries.geojson"]:
        assert client.get(asset).status_code == 200
    assert "http" not in client.get("/static/style.css").text  # nothing fetched from elsewhere


# the parts, without the app


def test_mark_up_splits_crossing_spans() -> None:
    spans = [Span(0, 7, "span", {"class": "quote"}), Span(4, 10, "a", {"href": "#x"}, rank=2)]
    assert mark_up("<a> said it", spans) == (
        '<span class="quote">&lt;a&gt; </span>'.replace("</span>", "")
        + '<a href="#x">sai</a></span><a href="#x">d i</a>t'
    )


@pytest.mark.parametrize(
    ("period", "freq", "expected"),
    [("2016-04-27", "day", ("2016-04-27", "2016-04-27")), ("2016-04-25", "week", ("2016-04-25", "2016-05-01")),
     ("2016-02-01", "month", ("2016-02-01", "2016-02-29")), ("2016-01-01", "year", ("2016-01-01", "2016-12-31"))],
)  # fmt: skip
def test_period_range(period: str, freq: str, expected: tuple[str, str]) -> None:
    assert data.period_range(period, freq) == expected


def test_chart_escapes_and_links_every_point() -> None:
    points = [DyadPoint("2016-04-25", 3, 1, 0, 1, 1, -8.0), DyadPoint("2016-05-02", 1, 1, 0, 0, 0, 4.0)]
    svg = charts.dyad_chart(points, freq="week", link=lambda p: f"/e?period={p.period}&x=\"'")
    assert svg.count('class="point"') == 2 and "&amp;x=&#34;&#39;" in svg
    assert charts.dyad_chart([], freq="week", link=str).startswith('<p class="empty">')
