"""Across a story: a verdict on one claim shows on the others (inherited), the JSON-LD lists every
report, deleting a report recounts the story, and collapse=story lists a story once."""

from __future__ import annotations

from tests.api.test_stories import _ingest_three, _warning


def _review(client, claim_id, rating="misleading"):
    response = client.patch(
        f"/v1/claims/{claim_id}", json={"review": {"rating": rating, "explanation": "आधा सच"}}
    )
    assert response.status_code == 200, response.get_json()


def test_a_verdict_is_inherited_by_every_claim_of_its_story(client):
    seed, second, other = _ingest_three(client)
    warning = _warning(second)
    story = warning["story_id"]
    reviewed = next(c for c in seed if c["story_id"] == story)
    _review(client, reviewed["id"])
    own = client.get(f"/v1/claims/{reviewed['id']}").get_json()["review"]
    assert own["rating"] == "misleading" and own["inherited_from"] is None
    inherited = client.get(f"/v1/claims/{warning['id']}").get_json()["review"]
    assert inherited == {**own, "inherited_from": reviewed["id"]}
    # Lists, timeline, the article's claims and the story carry it too; other stories do not.
    page = client.get("/v1/claims?limit=500").get_json()["items"]
    assert {c["id"] for c in page if c["review"]} == {c["id"] for c in page if c["story_id"] == story}
    events = client.get("/v1/timeline?limit=500").get_json()["events"]
    timeline = [c for e in events for c in e["claims"]]
    assert {c["id"] for c in timeline if c["review"]} == {c["id"] for c in page if c["story_id"] == story}
    article = client.get(f"/v1/articles/{warning['article_id']}").get_json()["claims"]
    assert next(c for c in article if c["id"] == warning["id"])["review"]["inherited_from"] == reviewed["id"]
    detail = client.get(f"/v1/stories/{story}").get_json()
    assert detail["review"]["claim_id"] == reviewed["id"]
    assert all(r["claim"]["review"]["rating"] == "misleading" for r in detail["reports"])
    assert all(c["review"] is None for c in other)
    # A claim's own verdict is never replaced by its story's.
    _review(client, warning["id"], rating="false")
    assert client.get(f"/v1/claims/{warning['id']}").get_json()["review"]["inherited_from"] is None
    assert client.get(f"/v1/claims/{reviewed['id']}").get_json()["review"]["rating"] == "misleading"


def test_story_jsonld_lists_every_report_first_one_first(client):
    seed, second, _ = _ingest_three(client)
    warning = _warning(second)
    _review(client, warning["id"])
    doc = client.get(f"/v1/claims/{warning['id']}?format=jsonld").get_json()
    item = doc["itemReviewed"]
    urls = [w["url"] for w in item["appearance"]]
    assert urls[0] == item["firstAppearance"]["url"] and urls[0].startswith("https://www.abplive.com/")
    assert "https://example.com/lavrov-2" in urls and len(urls) == len(set(urls))


def test_deleting_a_report_recounts_its_story(client):
    seed, second, _ = _ingest_three(client)
    story = _warning(second)["story_id"]
    before = client.get(f"/v1/stories/{story}").get_json()["size"]
    assert client.delete(f"/v1/articles/{second[0]['article_id']}").status_code == 204
    after = client.get(f"/v1/stories/{story}").get_json()
    assert after["size"] == before - sum(1 for c in second if c["story_id"] == story)
    assert all(r["claim"]["article_id"] != second[0]["article_id"] for r in after["reports"])
    # A story whose only report went is gone.
    only = [c["story_id"] for c in second if c["story_id"] not in {s["story_id"] for s in seed}]
    for gone in only:
        assert client.get(f"/v1/stories/{gone}").status_code == 404


def test_collapse_story_shows_one_entry_per_story_with_its_reports_and_outlets(client):
    seed, second, other = _ingest_three(client)
    story = _warning(second)["story_id"]
    members = [c for c in seed + second if c["story_id"] == story]
    assert len(members) >= 2
    plain = client.get("/v1/claims?limit=500&order=asc").get_json()["items"]
    assert "story" not in plain[0]  # only with collapse=story
    collapsed = client.get("/v1/claims?limit=500&order=asc&collapse=story").get_json()["items"]
    ids = [c["id"] for c in collapsed]
    assert len(ids) == len({c["story_id"] or -c["id"] for c in plain})  # one entry per story
    entry = next(c for c in collapsed if c["story_id"] == story)
    assert entry["id"] == next(c["id"] for c in plain if c["story_id"] == story)  # its first on the page
    assert entry["story"] == {"id": story, "size": len(members), "outlets": 2, "first_seen": "2025-07-12"}
    events = client.get("/v1/timeline?limit=500&collapse=story").get_json()["events"]
    timeline = [c for e in events for c in e["claims"]]
    assert sorted(c["id"] for c in timeline) == sorted(ids)
    assert next(c for c in timeline if c["story_id"] == story)["story"]["size"] == len(members)
    assert client.get("/v1/timeline?collapse=outlet").status_code == 422
