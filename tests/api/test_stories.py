"""Stories: a second, differently worded report joins the seed's story; an unrelated statement does not."""

from __future__ import annotations

from tests.factories import LAVROV_SECOND_REPORT as SECOND
from tests.factories import SEED_TEXT

# Our own unrelated statement of the same speaker, within the date window.
OTHER = (
    "मॉस्को, 14 जुलाई। रूसी विदेश मंत्री सर्गेई लावरोव ने कहा कि रूस यूक्रेन के साथ शांति वार्ता के अगले "
    "दौर के लिए इस्तांबुल में नई बैठक का प्रस्ताव रखेगा।"
)


def _post(client, text, url, day):
    body = {"text": text, "url": url, "published_at": f"{day}T10:00:00+03:00"}
    response = client.post("/v1/articles", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["claims"]


def _ingest_three(client):
    seed = client.post("/v1/articles", data=SEED_TEXT.encode(), content_type="text/plain; charset=utf-8")
    assert seed.status_code == 201
    second = _post(client, SECOND, "https://example.com/lavrov-2", "2025-07-13")
    other = _post(client, OTHER, "https://example.com/lavrov-3", "2025-07-14")
    return seed.get_json()["claims"], second, other


def _warning(claims):
    return next(c for c in claims if "आगाह" in c["verb"] or "गठबंधन का इस्तेमाल" in c["quote"])


def test_second_report_joins_the_seed_story_and_unrelated_statement_does_not(client):
    seed, second, other = _ingest_three(client)
    assert all(c["story_id"] for c in seed + second + other if c["speaker"])
    joined = [c for c in second if c["story_id"] in {s["story_id"] for s in seed}]
    assert joined, "the second report's warning joins a story of the seed"
    story = client.get(f"/v1/stories/{joined[0]['story_id']}").get_json()
    assert story["first_seen"] == "2025-07-12"
    assert story["size"] >= 2
    assert story["speaker"]["name"] == "सर्गेई लावरोव"
    assert [r["article"]["anchor_date"] for r in story["reports"]] == sorted(
        r["article"]["anchor_date"] for r in story["reports"]
    )
    assert story["first_report"]["article"]["anchor_date"] == "2025-07-12"
    assert "www.abplive.com" in story["outlets"] and "example.com" in story["outlets"]
    seed_stories = {c["story_id"] for c in seed + second}
    assert all(c["story_id"] not in seed_stories for c in other)


def test_story_list_orders_and_filters(client):
    _ingest_three(client)
    by_size = client.get("/v1/stories?order=size").get_json()["items"]
    assert by_size[0]["size"] >= 2
    assert [s["size"] for s in by_size] == sorted((s["size"] for s in by_size), reverse=True)
    latest = client.get("/v1/stories?order=latest").get_json()["items"]
    assert latest[0]["last_seen"] == "2025-07-14"
    first = client.get("/v1/stories?order=first_seen&limit=2").get_json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = client.get(f"/v1/stories?order=first_seen&limit=2&cursor={first['next_cursor']}").get_json()
    assert not {s["id"] for s in rest["items"]} & {s["id"] for s in first["items"]}
    found = client.get("/v1/stories?q=इस्तांबुल").get_json()["items"]
    assert len(found) == 1 and "इस्तांबुल" in found[0]["canonical_quote"]
    assert client.get("/v1/stories?speaker=नहींहै").get_json()["items"] == []
    assert client.get("/v1/stories/999").status_code == 404


def test_related_and_manual_decision_kept_in_history(client):
    seed, second, other = _ingest_three(client)
    warning = _warning(second)
    related = client.get(f"/v1/claims/{warning['id']}/related").get_json()
    assert related["story_id"] == warning["story_id"]
    assert related["same_story"] and all(c["story_id"] == warning["story_id"] for c in related["same_story"])
    unrelated = other[0]
    # A fact-checker says the unrelated statement is part of the warning's story.
    response = client.post(
        f"/v1/claims/{unrelated['id']}/story", json={"story_id": warning["story_id"], "same": True}
    )
    assert response.status_code == 200 and response.get_json()["story_id"] == warning["story_id"]
    assert "story" in response.get_json()["manual_fields"]
    # … and then that it is not.
    response = client.post(
        f"/v1/claims/{unrelated['id']}/story", json={"story_id": warning["story_id"], "same": False}
    )
    assert response.get_json()["story_id"] not in (None, warning["story_id"])
    history = client.get(f"/v1/claims/{unrelated['id']}/history").get_json()["items"]
    assert [h["changes"]["story_decision"][1]["same"] for h in history] == [True, False]
    assert client.post("/v1/claims/999/story", json={"same": True}).status_code == 404


def test_reprocess_and_edit_keep_stories_consistent(client):
    seed, second, _ = _ingest_three(client)
    article_id = second[0]["article_id"]
    assert client.post(f"/v1/articles/{article_id}/reprocess").status_code == 200
    claims = client.get(f"/v1/claims?article={article_id}").get_json()["items"]
    sizes = {s["id"]: s["size"] for s in client.get("/v1/stories?limit=500").get_json()["items"]}
    counts: dict[int, int] = {}
    for c in client.get("/v1/claims?limit=500").get_json()["items"]:
        counts[c["story_id"]] = counts.get(c["story_id"], 0) + 1
    assert sizes == {k: v for k, v in counts.items() if k}  # no stale or empty story
    assert {c["story_id"] for c in claims} & {c["story_id"] for c in seed}
    # Rewording a claim into another statement moves it out of the story.
    warning = _warning(claims)
    patched = client.patch(
        f"/v1/claims/{warning['id']}", json={"quote": "रूस चंद्रमा पर नया यान भेजेगा"}
    ).get_json()
    assert patched["story_id"] != warning["story_id"]
