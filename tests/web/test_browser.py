"""End to end in a real headless Chromium (Debian's, driven by Playwright): All news, a story, an event,
the dyad chart and map, and a hostile story that must not run script.

Screenshots go to the test's tmp_path; to refresh the README's, give DATELINE_SCREENSHOTS=docs/screenshots.

Needs `apt-get install chromium` and `pip install playwright` (never `playwright install`: the browser
is the system's). Skips when either is missing, except where CI is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.records import Article

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS_ENV = "DATELINE_SCREENSHOTS"  # a folder for the README's screenshots; default: tmp_path


def _need(condition: bool, message: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {message}")
        pytest.skip(message)


@pytest.fixture(scope="module")
def server(db: str) -> Iterator[str]:
    """The app served by uvicorn on a free local port, in a thread."""
    import uvicorn

    from dateline.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="off"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert instance.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    _need(
        Path(CHROMIUM).is_file() or bool(shutil.which("chromium")),
        f"{CHROMIUM} is absent (apt-get install chromium)",
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "playwright is not installed (pip install playwright)")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """Where this test's screenshots go: tmp_path, or the folder DATELINE_SCREENSHOTS names."""
    folder = Path(os.environ.get(SCREENSHOTS_ENV) or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def test_news_story_event_and_dyad(
    page, server: str, articles: dict[str, Article], screenshots: Path
) -> None:
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "All news"
    assert page.locator("ol.stories li").count() == 4

    page.locator(f'a.headline[href="/story/{articles["wire"].id}"]').click()
    page.wait_for_url(f"**/story/{articles['wire'].id}")
    panel = page.locator("#event-panel")
    assert panel.is_hidden()
    page.locator('#story-text a.trigger[data-event="e31"]').click()
    assert panel.is_visible()
    assert (
        "CAMEO 036" in panel.inner_text()
        and "CONSULT" in panel.inner_text()
        and "Sochi" in panel.inner_text()
    )
    assert page.locator("tr#ev-e31").get_attribute("class") == "selected"
    assert page.url.endswith("#ev-e31")
    page.locator('#story-text a.trigger[data-event="e162"]').hover()
    assert "CAMEO 111" in panel.inner_text()
    page.locator('#story-text a.trigger[data-event="e31"]').click()
    page.screenshot(path=str(screenshots / "story.png"))

    page.goto(server + "/dyad/RUS/TUR?freq=day")
    chart = page.locator("svg.chart")
    assert chart.is_visible() and chart.locator("a.point").count() == 3
    assert page.locator("svg.map a.place").count() == 1
    page.screenshot(path=str(screenshots / "dyad.png"), full_page=False)
    chart.locator('a.point[data-period="2016-04-27"]').click()
    page.wait_for_url("**/dyad/RUS/TUR/events?period=2016-04-27*")
    assert "2 events" in page.locator("h1").inner_text()
    assert "Moscow criticised Ankara" in page.locator("table.events").inner_text()
    assert page.dialogs == []


def test_dyad_map_draws_points_over_country_outlines(page, server: str, screenshots: Path) -> None:
    elsewhere: list[str] = []
    page.route(  # the map must need nothing from anywhere but the app
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server)
            else (elsewhere.append(route.request.url), route.abort())
        ),
    )
    page.goto(server + "/dyad/RUS/TUR")
    shown = page.locator("svg.map")
    shown.scroll_into_view_if_needed()
    assert shown.is_visible()
    assert shown.locator("g.countries path.country").count() > 150
    russia = shown.locator('path.country[data-iso3="RUS"]')
    assert russia.count() == 1 and "Russia" in russia.locator("title").text_content()
    circle = shown.locator("a.place circle")
    assert circle.count() == 1 and "Sochi: 1 event" in shown.locator("a.place title").text_content()
    # Sochi lies in Russia's outline, and its circle is drawn on top of it
    land, dot = russia.bounding_box(), circle.bounding_box()
    assert land and dot and land["width"] > 100 and land["height"] > 20
    cx, cy = dot["x"] + dot["width"] / 2, dot["y"] + dot["height"] / 2
    assert land["x"] < cx < land["x"] + land["width"] and land["y"] < cy < land["y"] + land["height"]
    top = page.evaluate(f"document.elementFromPoint({cx}, {cy}).tagName")
    assert top == "circle"
    under = page.evaluate(
        f"""() => {{ const c = document.querySelector("svg.map a.place"); c.style.display = "none";
        const e = document.elementFromPoint({cx}, {cy}); c.style.display = "";
        return e.getAttribute("data-iso3"); }}"""
    )
    assert under == "RUS"
    shown.screenshot(path=str(screenshots / "map.png"))
    assert (screenshots / "map.png").stat().st_size > 10_000
    assert elsewhere == []


def test_hostile_story_runs_no_script(page, server: str, articles: dict[str, Article]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + f"/story/{articles['hostile'].id}")
    text = page.locator("#story-text")
    assert "<script>alert('pwned')</script>" in text.inner_text()
    assert '<img src=x onerror="alert(1)">' in text.inner_text()
    assert page.locator("#story-text img, #story-text script, #story-text b").count() == 0
    text.locator("a.trigger").hover()
    text.locator("a.trigger").click()
    page.locator("#story-text a.ent").hover()
    page.goto(server + "/?q=script")
    page.wait_for_timeout(300)
    assert page.dialogs == [] and errors == []
