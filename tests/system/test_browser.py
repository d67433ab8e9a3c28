"""End-to-end: the dashboard in headless Chromium (Debian's chromium + chromium-driver, selenium).

A real HTTP server (werkzeug, in a thread) on a free port serves a temporary SQLite database
with the seed article ingested over HTTP; the browser loads `/`, filters by speaker, reads the
four Lavrov claims on 2025-07-12, opens the article view and checks the highlighted spans.
Skipped when Chromium is absent locally; in CI (CI=true) a missing Chromium fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed_article.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path(os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
LAVROV_VERBS = {"धमकी दी", "चेतावनी दी", "आरोप लगाया", "कहा"}
WAIT = 20  # seconds: generous for a loaded CI machine; every wait ends as soon as it is met


def chromium_missing() -> str | None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return "Chromium not installed: apt-get install chromium chromium-driver"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed: pip install -e '.[dev]'"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db_path: Path):
    """The real app on 127.0.0.1:<free port> in a background thread; yields its base URL."""
    from werkzeug.serving import make_server

    from service.app import create_app
    from service.store.db import database

    # Streams (the dashboard's live updates) end at once and are resumed: no request thread outlives the test.
    app = create_app(
        {"DATABASE_URL": f"sqlite:///{db_path}", "TATHYA_API_KEYS": [], "TATHYA_STREAM_SECONDS": 0}
    )
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="dashboard-test-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
        if not database.is_closed():
            database.close()


def ingest(base: str, path: Path) -> dict:
    request = urllib.request.Request(
        f"{base}/v1/articles",
        data=path.read_bytes(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status in (200, 201)
        return json.loads(response.read())


@contextmanager
def chromium(width: int = 1280, height: int = 1000, *, mobile: bool = False):
    """Headless Debian Chromium with a fresh profile; never a downloaded browser."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not fetch anything
    profile = tempfile.mkdtemp(prefix="tathya-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        "--lang=hi",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    if mobile:  # a phone viewport (a desktop window cannot be narrower than ~500 px)
        metrics = {"width": width, "height": height, "pixelRatio": 2, "touch": True}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver, condition, message: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT, poll_frequency=0.1).until(condition, message)


def settled(driver) -> bool:
    """No panel is loading (each sets aria-busy while its request is in flight)."""
    return not driver.find_elements("css selector", '[aria-busy="true"]')


def severe_console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    reason = chromium_missing()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason} (CI must run the browser tests)")
        pytest.skip(reason)
    with running_server(tmp_path_factory.mktemp("browser") / "dashboard.db") as base:
        article = ingest(base, SEED)
        yield {"base": base, "article": article}


@pytest.fixture(scope="module")
def browser(site):
    with chromium() as driver:
        yield driver


# --- tests -----------------------------------------------------------------------------------


def test_dashboard_filter_by_speaker_and_audit_article(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    started = time.monotonic()
    base, driver = site["base"], browser
    driver.get(base + "/")
    wait_for(
        driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline .claim"), "timeline never showed claims"
    )
    assert "तथ्य" in driver.title

    # Filter by speaker through the form, by alias, from the keyboard.
    box = driver.find_element(By.ID, "f-speaker")
    box.clear()
    box.send_keys("लावरोव")
    box.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: "speaker=" in d.current_url, "the URL did not take the speaker filter")
    wait_for(
        driver,
        lambda d: "वक्ता: लावरोव" in d.find_element(By.ID, "status").text and settled(d),
        "the status line never showed the speaker filter",
    )
    events = driver.find_elements(By.CSS_SELECTOR, "#timeline .event")
    assert [e.get_attribute("data-date") for e in events] == ["2025-07-12"]
    cards = events[0].find_elements(By.CSS_SELECTOR, ".claim")
    assert len(cards) == 4
    assert {c.find_element(By.CSS_SELECTOR, ".verb").text for c in cards} == LAVROV_VERBS
    for card in cards:
        assert card.find_element(By.CSS_SELECTOR, ".speaker").text == "सर्गेई लावरोव"
        assert "विदेश मंत्री" in card.find_element(By.CSS_SELECTOR, ".role").text
        assert card.find_element(By.CSS_SELECTOR, ".quote-span").text.strip()
        date = card.find_element(By.CSS_SELECTOR, ".date")
        assert date.get_attribute("data-value") == "2025-07-12"
        assert "date-day" in date.get_attribute("class")
        assert "जुलाई" in date.text
    assert "गठबंधन" in " ".join(c.find_element(By.CSS_SELECTOR, ".quote-span").text for c in cards)

    # Chart and places panel reflect the same filter.
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#chart .bar") and settled(d), "no chart")
    assert [b.get_attribute("data-bucket") for b in driver.find_elements(By.CSS_SELECTOR, "#chart .bar")] == [
        "2025-07-12"
    ]
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#map circle.point"), "no points on the map")
    places = driver.find_element(By.ID, "places").text
    assert "वोनसान" in places and "39.15°N" in places

    # A shared link reproduces the view.
    shared = driver.current_url
    driver.get(shared)
    wait_for(
        driver,
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#timeline .claim")) == 4 and settled(d),
        "the shared link did not show the four claims",
    )
    assert driver.find_element(By.ID, "f-speaker").get_attribute("value") == "लावरोव"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "dashboard-lavrov.png"))

    # Open the source article: dates and claim spans highlighted, resolved values on hover.
    driver.find_element(By.CSS_SELECTOR, "#timeline .source-link").click()
    wait_for(
        driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#article-view .hl-date"), "no date highlight"
    )
    assert "article=" in driver.current_url
    assert not driver.find_element(By.ID, "article-view").get_attribute("hidden")
    text = driver.find_element(By.CSS_SELECTOR, ".article-text")
    date_marks = text.find_elements(By.CSS_SELECTOR, "mark.hl-date[id]")
    claim_marks = text.find_elements(By.CSS_SELECTOR, "mark.hl-claim[id]")
    assert len(claim_marks) == 4
    assert len(date_marks) >= 2
    titles = [m.get_attribute("title") for m in date_marks]
    assert any("2025-07-12" in t for t in titles) and any("2025-07-11" in t for t in titles)
    first = driver.find_element(By.ID, "span-date-0")
    assert first.text == site["article"]["dates"][0]["text"]
    assert all("सर्गेई लावरोव" in m.get_attribute("title") for m in claim_marks)
    # Nothing after body_end is highlighted: the boilerplate is outside the marked text.
    boiler = driver.find_elements(By.CSS_SELECTOR, ".boilerplate mark")
    assert boiler == []
    driver.save_screenshot(str(ARTIFACTS / "dashboard-article.png"))

    # Back to the timeline with the filter kept (browser history works).
    driver.back()
    wait_for(
        driver,
        lambda d: not d.find_element(By.ID, "overview").get_attribute("hidden") and settled(d),
        "browser Back did not return to the timeline",
    )
    assert "speaker=" in driver.current_url and "article=" not in driver.current_url
    assert severe_console_errors(driver) == []
    print(f"browser flow: {time.monotonic() - started:.1f}s")


def test_empty_state_and_api_error_are_visible(site, browser):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(site["base"] + "/?speaker=कोई-नहीं")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline .empty"), "no empty state")
    driver.get(site["base"] + "/?from=2025-13-40")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline .error"), "no visible API error")
    assert "from" in driver.find_element(By.CSS_SELECTOR, "#timeline .error").text
    driver.get(site["base"] + "/?article=999999")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#article-view .error"), "no 404 shown")


def test_phone_width_has_no_horizontal_scroll(site):
    from selenium.webdriver.common.by import By

    with chromium(width=390, height=844, mobile=True) as driver:
        driver.get(site["base"] + "/?speaker=लावरोव")
        wait_for(
            driver,
            lambda d: len(d.find_elements(By.CSS_SELECTOR, "#timeline .claim")) == 4 and settled(d),
            "the phone view did not show the four claims",
        )
        assert driver.execute_script("return window.innerWidth") == 390
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "dashboard-phone.png"))


def post_json(base: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_month_precision_looks_different_and_keyboard_filters(site, browser):
    """Runs last: adds a manual month-level claim to the shared database."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, driver = site["base"], browser
    manual = {
        "speaker": "नरेंद्र मोदी",
        "speaker_role": "प्रधानमंत्री",
        "verb": "घोषणा की",
        "verb_class": "announcement",
        "quote": "नई योजना अगले महीने से लागू होगी",
        "date": {"value": "2025-06"},
        "place": "दिल्ली",
    }
    post_json(base, "/v1/claims", manual)
    driver.get(base + "/?group=month&order=desc")
    wait_for(
        driver,
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#timeline .event")) == 2 and settled(d),
        "two month events",
    )
    events = driver.find_elements(By.CSS_SELECTOR, "#timeline .event")
    assert [e.get_attribute("data-date") for e in events] == ["2025-07", "2025-06"]
    month_chip = events[1].find_element(By.CSS_SELECTOR, ".claim .date")
    day_chip = events[0].find_element(By.CSS_SELECTOR, ".claim .date")
    assert "date-month" in month_chip.get_attribute("class") and "जून 2025" in month_chip.text
    assert month_chip.value_of_css_property("border-top-style") == "dashed"
    assert day_chip.value_of_css_property("border-top-style") == "solid"
    assert driver.find_element(By.ID, "f-order").get_attribute("value") == "desc"

    # Keyboard only: Tab to the first speaker button, Enter filters by that speaker.
    driver.find_element(By.TAG_NAME, "body").click()
    for _ in range(60):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if "speaker" in (active.get_attribute("class") or "").split():
            break
    else:
        pytest.fail("no speaker button reachable with Tab")
    name = active.text
    active.send_keys(Keys.ENTER)
    wait_for(
        driver, lambda d: f"वक्ता: {name}" in d.find_element(By.ID, "status").text and settled(d), "Enter"
    )
    assert {e.text for e in driver.find_elements(By.CSS_SELECTOR, "#timeline .claim .speaker")} == {name}


def test_story_view_shows_first_report_spread_and_outlets(site, browser):
    """Runs after the others: adds a second report of the seed's warning (the next day, another
    outlet), so the seed's story has reports from two days and two outlets."""
    from selenium.webdriver.common.by import By

    from tests.factories import LAVROV_SECOND_REPORT

    base, driver = site["base"], browser
    second = {
        "text": LAVROV_SECOND_REPORT,
        "url": "https://example.com/lavrov-2",
        "published_at": "2025-07-13T10:00:00+03:00",
    }
    post_json(base, "/v1/articles", second)
    speaker = urllib.parse.quote("लावरोव")
    with urllib.request.urlopen(f"{base}/v1/stories?speaker={speaker}&order=size", timeout=30) as response:
        story_id = json.loads(response.read())["items"][0]["id"]
    with urllib.request.urlopen(f"{base}/v1/stories/{story_id}", timeout=30) as response:
        story = json.loads(response.read())
    assert story["size"] >= 2 and story["first_seen"] == "2025-07-12"
    assert set(story["outlets"]) == {"www.abplive.com", "example.com"}

    # The timeline (collapse=story) shows the story's entry once, with its reports and outlets.
    # (A query the browser has not read yet: API answers may be reused for 30 s, max-age=30.)
    driver.get_log("browser")  # the earlier tests' expected 404/422 lines are not this test's
    driver.get(base + "/?speaker=सर्गेई लावरोव&order=desc")
    wait_for(
        driver,
        lambda d: (
            d.find_elements(By.CSS_SELECTOR, f'#timeline a.story-link[data-story="{story_id}"]')
            and settled(d)
        ),
        "no 'N reports' link on the timeline",
    )
    links = driver.find_elements(By.CSS_SELECTOR, f'#timeline a.story-link[data-story="{story_id}"]')
    assert len(links) == 1 and links[0].text == f"{story['size']} रिपोर्ट · 2 स्रोत"
    links[0].click()

    wait_for(
        driver,
        lambda d: (
            not d.find_element(By.ID, "story-view").get_attribute("hidden")
            and d.find_elements(By.ID, "story-heading")
            and settled(d)
        ),
        "the story view did not open",
    )
    assert f"story={story_id}" in driver.current_url
    assert driver.find_element(By.ID, "overview").get_attribute("hidden")
    view = driver.find_element(By.ID, "story-view")
    assert driver.find_element(By.ID, "story-heading").text == f"“{story['canonical_quote']}”"
    summary = view.find_element(By.CSS_SELECTOR, ".story-header .muted").text
    assert "सर्गेई लावरोव" in summary and "12 जुलाई 2025" in summary
    assert f"{story['size']} रिपोर्ट, 2 स्रोत" in summary
    # First report: the seed article, on its day.
    first = view.find_element(By.CSS_SELECTOR, ".story-first a")
    assert f"article={site['article']['id']}" in first.get_attribute("href")
    assert "12 जुलाई 2025" in view.find_element(By.CSS_SELECTOR, ".story-first").text
    # Spread over time: one bar per day, the first report's day first, heights by count.
    days: dict[str, int] = {}
    for report in story["reports"]:
        days[report["article"]["anchor_date"]] = days.get(report["article"]["anchor_date"], 0) + 1
    bars = view.find_elements(By.CSS_SELECTOR, "figure.spread svg rect.spread-bar")
    titles = [b.find_element(By.TAG_NAME, "title").get_attribute("textContent") for b in bars]
    assert titles == [f"{day}: {count} रिपोर्ट" for day, count in sorted(days.items())]
    assert sorted(days) == ["2025-07-12", "2025-07-13"]
    heights = [float(b.get_attribute("height")) for b in bars]
    assert (heights[0] > heights[1]) == (days["2025-07-12"] > days["2025-07-13"])
    # Outlets and every report, in date order.
    outlets = [li.text for li in view.find_elements(By.CSS_SELECTOR, ".story-outlets li")]
    assert sorted(outlets) == sorted(story["outlets"])
    cards = view.find_elements(By.CSS_SELECTOR, ".story-reports .claim")
    assert len(cards) == story["size"]
    assert {c.find_element(By.CSS_SELECTOR, ".speaker").text for c in cards} == {"सर्गेई लावरोव"}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "dashboard-story.png"))

    # A shared story link opens the same view; its back link returns to the filtered timeline.
    driver.get(driver.current_url)
    wait_for(
        driver,
        lambda d: d.find_elements(By.ID, "story-heading") and settled(d),
        "the shared story link did not open the story",
    )
    driver.find_element(By.CSS_SELECTOR, "#story-view a.back").click()
    wait_for(
        driver,
        lambda d: not d.find_element(By.ID, "overview").get_attribute("hidden") and settled(d),
        "the back link did not return to the timeline",
    )
    assert "story=" not in driver.current_url and "speaker=" in driver.current_url
    assert severe_console_errors(driver) == []
