"""Story samples: matching reads a bounded set of each story's claims, kept right by every write."""

from __future__ import annotations

import datetime as dt

import pytest

from service.store.story_links import choose_samples
from tests.factories import SEED_TEXT

D = dt.date(2025, 7, 12)


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ([(i, D) for i in range(1, 11)], {1, 2, 3}),  # ten reports on one day: the first three
        ([(1, D), (2, D + dt.timedelta(days=30)), (3, D)], {1, 2, 3}),  # a month apart: each window its own
        ([(5, D), (4, D), (3, D), (2, D), (1, None)], {1, 2, 3, 4}),  # join (id) order; undated always
        ([(i, D + dt.timedelta(days=i)) for i in range(1, 21)], {1, 2, 3, 9, 10, 11, 17, 18, 19}),
    ],
)
def test_choose_samples(members, expected):
    assert choose_samples(members, 3, 7) == expected


def _samples_by_story():
    from service.store.models import Claim

    out: dict[int, tuple[int, int]] = {}
    for c in Claim.select(Claim.story, Claim.story_rep).where(Claim.story.is_null(False)):
        size, reps = out.get(c.story_id, (0, 0))
        out[c.story_id] = (size + 1, reps + (c.story_rep is not None))
    return out


def _post_copy(client, n):
    body = {"text": f"{SEED_TEXT}\n(प्रति {n})", "url": f"https://copies.example/{n}"}
    response = client.post("/v1/articles", json=body)
    assert response.status_code == 201
    return response.get_json()


def test_copies_join_one_story_with_three_samples_and_deletes_keep_them(client):
    from service import linking
    from service.store import story_links

    first = _post_copy(client, 0)
    for n in range(1, 8):
        _post_copy(client, n)
    stats = _samples_by_story()
    warning = next(c for c in first["claims"] if "गठबंधन का इस्तेमाल" in c["quote"])
    assert stats[warning["story_id"]] == (8, 3)  # eight reports, three compared by matching
    # What matching reads for a ninth report: samples only, never the eight reports.
    rows = story_links.candidates(
        speaker_id=warning["speaker"]["id"], day=D, window_days=7, limit=200, exclude=0, article_id=None
    )
    assert sum(1 for r in rows if r[1] == warning["story_id"]) == 3
    assert len(rows) <= 3 * len({s for s in stats})
    # Deleting the articles of the samples leaves the story sampled by the next reports.
    for article_id in range(1, 4):
        assert client.delete(f"/v1/articles/{article_id}").status_code == 204
    stats = _samples_by_story()
    assert stats[warning["story_id"]] == (5, 3)
    assert all(reps == min(size, 3) for size, reps in stats.values())
    assert linking.match.MAX_CANDIDATES // 2 * 2 == linking.match.MAX_CANDIDATES


def test_candidates_are_the_nearest_samples_each_side_and_capped(client):
    from service.store import story_links
    from service.store.db import database
    from service.store.models import Claim

    first = _post_copy(client, 0)
    claim = first["claims"][0]
    # Forty one-claim stories of the speaker, a day apart around D (fake rows: samples of their own).
    template = Claim.get_by_id(claim["id"])
    with database.atomic():
        for k in range(-20, 20):
            Claim.insert(
                article=None, speaker=template.speaker_id, verb="कहा", verb_class="statement", quote=f"बयान {k}",
                quote_type="indirect", sort_date=D + dt.timedelta(days=k), story=None, story_rep=1,
                match_key=f"बयान {k}", search_text="",
            ).execute()  # fmt: skip
    rows = story_links.candidates(
        speaker_id=template.speaker_id, day=D, window_days=7, limit=6, exclude=0, article_id=first["id"]
    )
    keys = [r[2] for r in rows]
    assert keys == ["बयान 0", "बयान 1", "बयान 2", "बयान -1", "बयान -2", "बयान -3"]
    wide = story_links.candidates(
        speaker_id=template.speaker_id, day=D, window_days=7, limit=200, exclude=0, article_id=first["id"]
    )
    assert sorted(int(r[2].split()[1]) for r in wide) == list(
        range(-7, 8)
    )  # ±7 days, this article's left out
