"""GET /v1/stream: server-sent events from the outbox, resumed after a disconnect without a gap."""

from __future__ import annotations

from tests.factories import SEED_TEXT


def frames(text: str) -> list[dict]:
    out = []
    for block in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if line and not line.startswith(":"))
        if "event" in fields:
            out.append(fields)
    return out


def test_stream_resumes_after_a_disconnect_without_a_gap(client):
    article = client.post("/v1/articles", json={"text": SEED_TEXT}).json
    everything = frames(client.get("/v1/stream?last_event_id=0").get_data(as_text=True))
    assert [int(f["id"]) for f in everything] == sorted(int(f["id"]) for f in everything)
    assert len(everything) == len(article["claims"]) >= 4

    # Read two events, drop the connection, change a claim meanwhile, reconnect with Last-Event-ID.
    response = client.get("/v1/stream", headers={"Last-Event-ID": "0"})
    seen, chunks = [], iter(response.response)
    while len(seen) < 2:
        seen += frames(next(chunks).decode())
    response.close()
    claim_id = article["claims"][0]["id"]
    client.patch(f"/v1/claims/{claim_id}", json={"quote": "बदला हुआ"})
    rest = frames(client.get("/v1/stream", headers={"Last-Event-ID": seen[-1]["id"]}).get_data(as_text=True))
    ids = [int(f["id"]) for f in seen + rest]
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # consecutive: nothing skipped, nothing twice
    assert rest[-1]["event"] == "claim.updated" and f'"id":{claim_id},' in rest[-1]["data"]


def test_stream_filters_and_starts_at_now_without_resume(client):
    client.post("/v1/articles", json={"text": SEED_TEXT})
    assert frames(client.get("/v1/stream").get_data(as_text=True)) == []  # only events from now on
    lavrov = frames(client.get("/v1/stream?speaker=लावरोव&last_event_id=0").get_data(as_text=True))
    assert len(lavrov) == 4 and all("लावरोव" in f["data"] for f in lavrov)
    updated_only = client.get("/v1/stream?events=claim.updated&last_event_id=0").get_data(as_text=True)
    assert frames(updated_only) == []
    assert client.get("/v1/stream?events=claim.nope").status_code == 422


def test_the_first_frame_sets_the_resume_point(client):
    client.post("/v1/articles", json={"text": SEED_TEXT})
    text = client.get("/v1/stream?speaker=नहीं-कोई").get_data(as_text=True)
    first = text.split("\n\n")[0].splitlines()
    assert first[0] == "retry: 2000" and int(first[1].removeprefix("id: ")) >= 4
