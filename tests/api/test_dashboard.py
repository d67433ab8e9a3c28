"""The dashboard page and its assets, through the Flask test client (fast; no browser)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from service.api import dashboard
from service.app import create_app
from service.store.db import database

STATIC = Path(dashboard.__file__).resolve().parents[1] / "static"
JS_FILES = sorted((STATIC / "js").glob("*.js"))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ui_client(tmp_path_factory):
    db = tmp_path_factory.mktemp("ui") / "ui.db"
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{db}", "TATHYA_API_KEYS": []})
    yield app.test_client()
    if not database.is_closed():
        database.close()


def asset_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_index_is_html_with_no_external_urls(ui_client):
    resp = ui_client.get("/")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert '<html lang="hi">' in html
    assert "http://" not in html and "https://" not in html
    for url in asset_urls(html):
        assert url.startswith(("/", "#", "data:")), url
        assert not url.startswith("//"), url
    assert re.search(r'<script type="module" src="/ui/[0-9a-f]{12}/js/app\.js"></script>', html)
    assert dashboard.VERSION_MARK not in html
    # Real form controls with labels: every input/select has a <label for=…>.
    ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html)
    assert ids and all(f'<label for="{i}">' in html for i in ids)


def test_index_caching_and_security_headers(ui_client):
    resp = ui_client.get("/")
    assert resp.headers["Cache-Control"] == "no-cache"
    assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
    etag = resp.headers["ETag"]
    again = ui_client.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_every_linked_asset_is_served_with_long_caching(ui_client):
    html = ui_client.get("/").get_data(as_text=True)
    local = [u for u in asset_urls(html) if u.startswith("/ui/")]
    assert {u.rsplit("/", 2)[-2] + "/" + u.rsplit("/", 1)[-1] for u in local} >= {"css/app.css", "js/app.js"}
    for url in local:
        resp = ui_client.get(url)
        assert resp.status_code == 200, url
        assert resp.headers["Cache-Control"] == f"public, max-age={dashboard.ASSET_MAX_AGE}, immutable"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        resp.close()
    js = ui_client.get(f"/ui/{dashboard.asset_version()}/js/app.js")
    assert js.mimetype in {"text/javascript", "application/javascript"}
    js.close()
    svg = ui_client.get(f"/ui/{dashboard.asset_version()}/world.svg")
    assert svg.mimetype == "image/svg+xml"
    assert 'viewBox="-180 -90 360 180"' in svg.get_data(as_text=True)
    svg.close()


def test_stale_version_is_served_briefly_and_unknown_files_are_404(ui_client):
    old = ui_client.get("/ui/000000000000/css/app.css")
    assert old.status_code == 200
    assert "max-age=300" in old.headers["Cache-Control"] and "immutable" not in old.headers["Cache-Control"]
    old.close()
    version = dashboard.asset_version()
    assert ui_client.get(f"/ui/{version}/js/nope.js").status_code == 404
    assert ui_client.get(f"/ui/{version}/../api/dashboard.py").status_code == 404
    assert ui_client.get(f"/ui/{version}/%2e%2e/app.py").status_code == 404
    assert ui_client.get(f"/ui/{version}/index.html").status_code == 404


def test_relative_module_imports_resolve():
    for path in JS_FILES:
        for target in re.findall(r'from\s+"(\.[^"]+)"', path.read_text(encoding="utf-8")):
            assert (path.parent / target).resolve().is_file(), (path.name, target)


def test_js_calls_only_the_public_v1_api(ui_client):
    rules = {r.rule for r in ui_client.application.url_map.iter_rules()}
    for path in JS_FILES:
        source = path.read_text(encoding="utf-8")
        # Every absolute path literal is a /v1 endpoint that exists.
        for literal in re.findall(r'[`"\'](/[A-Za-z_][^`"\'\s]*)', source):
            assert literal.startswith("/v1/"), (path.name, literal)
            endpoint = re.sub(r"\$\{[^}]*\}", "<x>", literal.split("?")[0])
            assert any(_same_shape(endpoint, rule) for rule in rules), (path.name, literal)
        # No other origin: the only absolute URL is the SVG namespace.
        assert set(re.findall(r"https?://[^\s\"'`]+", source)) <= {"http://www.w3.org/2000/svg"}, path.name
        if path.name != "api.js":
            assert "fetch(" not in source, f"{path.name}: network calls belong in api.js"
        assert "innerHTML" not in source, f"{path.name}: build DOM with text nodes (dom.js)"


def _same_shape(path: str, rule: str) -> bool:
    a, b = path.strip("/").split("/"), rule.strip("/").split("/")
    return len(a) == len(b) and all(
        x == y or (x == "<x>" and y.startswith("<")) for x, y in zip(a, b, strict=True)
    )


def test_css_has_devanagari_fonts_phone_layout_and_focus_styles():
    css = (STATIC / "css" / "app.css").read_text(encoding="utf-8")
    assert '"Noto Sans Devanagari"' in css
    assert "@media (max-width: 520px)" in css
    assert ":focus-visible" in css
    assert "@import" not in css and "url(" not in css


def test_dashboard_is_not_in_the_openapi_document(ui_client):
    spec = ui_client.application.extensions["tathya_api"].spec.to_dict()
    assert "/" not in spec["paths"] and not any(p.startswith("/ui") for p in spec["paths"])
    committed = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    assert "/" not in committed["paths"]


def test_map_data_licence_is_shipped():
    licence = (STATIC / "vendor" / "world-atlas" / "LICENSE").read_text(encoding="utf-8")
    assert "Permission to use, copy, modify" in licence
    assert "Natural Earth" in (STATIC / "world.svg").read_text(encoding="utf-8")[:400]


def test_dashboard_page_and_assets_do_not_use_the_rate_limit(tmp_path):
    app = create_app(
        {"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'rl.db'}", "TATHYA_RATE_LIMIT": "2/minute"}
    )
    client = app.test_client()
    html = client.get("/").get_data(as_text=True)
    assets = [url for url in asset_urls(html) if url.startswith("/ui/")]
    assert assets
    for _ in range(3):
        assert client.get("/").status_code in (200, 304)
        for url in assets:
            with client.get(url) as resp:  # static files are streamed: close them
                assert resp.status_code == 200
    assert [client.get("/v1/articles").status_code for _ in range(3)] == [200, 200, 429]


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node is not installed (the browser tests cover the page)")
@pytest.mark.parametrize(
    ("article", "heading"),
    [
        ({"id": 3, "url": "https://ex.com/news/%E0%A4"}, "%E0%A4"),  # a bad escape: shown as written
        ({"id": 3, "url": "https://ex.com/news/%E0%A4%95%E0%A4%B2/"}, "कल"),
        ({"id": 3, "url": "https://ex.com/%"}, "%"),
        ({"id": 3, "url": None}, "लेख #3"),
        ({"id": 3, "title": "शीर्षक", "url": "https://ex.com/%zz"}, "शीर्षक"),
    ],
)
def test_article_heading_survives_a_malformed_url(article, heading):
    script = (
        f"import {{ articleHeading }} from {json.dumps((STATIC / 'js' / 'format.js').as_uri())};"
        f"process.stdout.write(articleHeading({json.dumps(article)}));"
    )
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == heading


@pytest.mark.skipif(NODE is None, reason="node is not installed (the browser tests cover the page)")
@pytest.mark.parametrize(("search", "story"), [("?story=12", "12"), ("?story=x1", ""), ("?q=a", "")])
def test_story_view_state_is_in_the_url(search, story):
    script = (
        f"import {{ readState, stateUrl }} from {json.dumps((STATIC / 'js' / 'state.js').as_uri())};"
        "globalThis.window = { location: { pathname: '/' } };"
        f"const s = readState({json.dumps(search)});"
        "process.stdout.write(JSON.stringify([s.story, stateUrl(s)]));"
    )
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    value, url = json.loads(done.stdout)
    assert value == story
    assert ("story=" + story in url) == bool(story)
