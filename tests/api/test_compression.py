"""Compressed responses: a 50-claim timeline is small on the wire, UTF-8 stays unescaped, and
Vary / ETag / If-Match keep working with a content coding."""

from __future__ import annotations

import gzip
import re

import pytest

from tests.claim_helpers import make_claim

SPEAKERS = ["अनीता राव", "मनोज वर्मा", "सुनीता शर्मा", "विजय सिंह", "ममता यादव"]
SUBJECTS = ["सरकार", "नगर निगम", "पुलिस", "विपक्ष", "किसान", "स्कूल", "अस्पताल"]
OBJECTS = ["सड़कों की मरम्मत", "पानी की आपूर्ति", "बजट", "चुनाव", "सुरक्षा", "महंगाई", "शिक्षा"]
PLACES = ["इंदौर", "भोपाल", "जयपुर", None]


@pytest.fixture
def fifty(client):
    return [
        make_claim(
            client,
            speaker=SPEAKERS[i % 5],
            quote=f"{SUBJECTS[i % 7]} {OBJECTS[(i * 3) % 7]} पर जल्द फैसला लेगी ({i})",
            date={"value": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"},
            verb_class=("statement", "warning", "demand")[i % 3],
            **({"place": PLACES[i % 4]} if PLACES[i % 4] else {}),
        )
        for i in range(50)
    ]


def test_fifty_claim_timeline_is_small_gzipped_and_plain_utf8(client, fifty):
    url = "/v1/timeline?from=2025-01-01&to=2025-12-31&limit=50"
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert plain.status_code == packed.status_code == 200
    assert sum(len(e["claims"]) for e in plain.json["events"]) == 50
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert len(packed.data) <= 4096 < len(plain.data), (len(packed.data), len(plain.data))
    assert gzip.decompress(packed.data) == plain.data
    assert "Accept-Encoding" in packed.headers["Vary"] and "Accept-Encoding" in plain.headers["Vary"]
    # JSON stays UTF-8: Devanagari is never written as \u0900–\u097F escapes.
    assert not re.search(rb"\\u09[0-7][0-9a-fA-F]", plain.data)
    assert "अनीता राव".encode() in plain.data
    brotli = client.get(url, headers={"Accept-Encoding": "br, gzip"})
    assert brotli.headers["Content-Encoding"] == "br" and len(brotli.data) <= 4096


def test_validators_with_a_content_coding(client, fifty):
    url = "/v1/claims?limit=50"
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    etag = packed.headers["ETag"]
    assert etag.startswith("W/")  # the body hash: one weak validator for either coding
    again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304 and not again.data
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    # A claim's strong ETag names the coding; PATCH accepts it as the same version.
    claim = f"/v1/claims/{fifty[0]['id']}"
    strong = client.get(claim, headers={"Accept-Encoding": "gzip"})
    if strong.headers.get("Content-Encoding") == "gzip":
        assert strong.headers["ETag"].endswith(':gzip"')
    assert (
        client.get(
            claim, headers={"Accept-Encoding": "gzip", "If-None-Match": strong.headers["ETag"]}
        ).status_code
        == 304
    )
    patched = client.patch(claim, json={"quote": "बदला हुआ"}, headers={"If-Match": strong.headers["ETag"]})
    assert patched.status_code == 200, patched.json
    stale = client.patch(claim, json={"quote": "फिर बदला"}, headers={"If-Match": strong.headers["ETag"]})
    assert stale.status_code == 412
