"""The Python client openapi-python-client generates from the committed spec, used unmodified:
typed models (claim.speaker.name, claim.place.lat), no wrapper models, typed errors."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.app import create_app
from service.store.db import database
from tests.factories import SEED_TEXT

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = Path(sys.executable).with_name("openapi-python-client")
KEY = "k-client-2f9a61c4"
PACKAGE = "tathya_generated_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The client package generated into a temporary folder (once per run), imported."""
    if not GENERATOR.exists():
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    out = tmp_path_factory.mktemp("client") / PACKAGE
    cmd = [str(GENERATOR), "generate", "--path", str(ROOT / "openapi.yaml"), "--meta", "none"]
    done = subprocess.run([*cmd, "--output-path", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    # The only warning allowed: the text/plain article body, which the generator has no model for.
    output = done.stdout + done.stderr  # the warnings are written to stderr
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert warnings == ["WARNING parsing POST /v1/articles within articles."], output
    sys.path.insert(0, str(out.parent))
    try:
        yield importlib.import_module(PACKAGE), out
    finally:
        sys.path.remove(str(out.parent))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        shutil.rmtree(out, ignore_errors=True)


def test_no_wrapper_models(generated):
    _, out = generated
    wrappers = sorted(p.name for p in (out / "models").glob("*.py") if "_type_" in p.name)
    assert wrappers == []


def test_round_trip_with_typed_models_and_errors(generated, database_url, tmp_path):
    import httpx

    pkg, _ = generated
    api = importlib.import_module(f"{PACKAGE}.api")
    models = importlib.import_module(f"{PACKAGE}.models")
    articles = importlib.import_module(f"{PACKAGE}.api.articles.create_article")
    list_claims = importlib.import_module(f"{PACKAGE}.api.claims.list_claims")
    get_claim = importlib.import_module(f"{PACKAGE}.api.claims.get_claim")
    patch_claim = importlib.import_module(f"{PACKAGE}.api.claims.patch_claim")
    export_ndjson = importlib.import_module(f"{PACKAGE}.api.exports.export_claims_ndjson")
    assert api and models

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "TATHYA_API_KEYS": [KEY],
            "TATHYA_INSTANCE_DIR": str(tmp_path),
        }
    )
    try:
        transport = httpx.WSGITransport(app=app)
        client = pkg.AuthenticatedClient(
            base_url="http://localhost", token=KEY, httpx_args={"transport": transport}
        )
        anonymous = pkg.Client(base_url="http://localhost", httpx_args={"transport": transport})

        created = articles.sync(
            client=client, body=models.ArticleIn(text=SEED_TEXT, published_at="2025-07-12")
        )
        assert isinstance(created, models.Article), created

        asc = models.ListClaimsOrder.ASC
        first = list_claims.sync(client=anonymous, article=created.id, limit=2, order=asc)
        assert isinstance(first, models.ClaimPage) and len(first.items) == 2 and first.next_cursor
        rest = list_claims.sync(
            client=anonymous, article=created.id, limit=500, order=asc, cursor=first.next_cursor
        )
        assert isinstance(rest, models.ClaimPage), rest
        claims = first.items + rest.items
        assert len({c.id for c in claims}) == len(claims) > 2

        spoken = next(c for c in claims if c.speaker is not None)
        assert isinstance(spoken.speaker, models.Speaker) and isinstance(spoken.speaker.name, str)
        placed = next(c for c in claims if c.place is not None and c.place.lat is not None)
        assert isinstance(placed.place, models.PlaceRef) and isinstance(placed.place.lat, float)
        assert placed.place.kind is None or isinstance(placed.place.kind, models.PlaceKind)

        lines = export_ndjson.sync(client=anonymous, article=created.id, order=asc)
        assert isinstance(lines, str), lines  # the NDJSON text, not an untyped omitted response
        assert [json.loads(line)["id"] for line in lines.splitlines()] == [c.id for c in claims]

        fixed = patch_claim.sync(spoken.id, client=client, body=models.ClaimPatch(verb="बोले"))
        assert isinstance(fixed, models.Claim) and fixed.verb == "बोले"

        missing = get_claim.sync(987654, client=anonymous)
        assert isinstance(missing, models.Error) and missing.code == 404
        invalid = list_claims.sync(client=anonymous, min_confidence=7.0)
        assert isinstance(invalid, models.Error) and invalid.code == 422
    finally:
        if not database.is_closed():
            database.close()
