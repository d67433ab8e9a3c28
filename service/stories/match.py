"""Claim matching: folded content tokens → character n-grams → Dice similarity, one threshold.

Two reports of one statement rarely share their wording (direct vs indirect speech, another
outlet's verbs and word order), but they share its content words, often inflected differently
(देश / देशों, चेतावनी / चेतावनियां): character n-grams of the folded tokens absorb the endings,
and Dice over the n-gram sets (2|A∩B| / (|A| + |B|)) is a similarity one can explain and check by
hand. The speaker and a date window are decided by the caller (the candidates it passes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.text.hindi import fold
from service.text.lexicon import data_path, read_words

# Tuned on bench/data/pairs/pairs_dev.jsonl (bench/eval_stories.py --sweep).
THRESHOLD = 0.5
# Earlier statements of the speaker shown as related (not the same statement: similar).
RELATED_THRESHOLD = 0.3
# Reports of one statement appear within days of it; a story is searched this many days either
# side of the new claim's date (its sort date), which bounds the candidates per match.
WINDOW_DAYS = 7
# The candidates compared for one claim at most, the nearest in date: half on or after its day,
# half before. Only the busiest speakers' busiest weeks have more story samples than this
# (bench/stories.py: 731 around the busiest day of the busiest of 1M skewed claims), and a report
# of a statement comes within days of it. ~9 µs per candidate (read + compare) bounds a match.
MAX_CANDIDATES = 200
# Members of one story compared at most: a story reported a thousand times is as well represented
# by its first few reports, and a new report costs O(stories nearby), not O(reports).
PER_STORY = 3
N = 3
# The overlap coefficient counts (discounted) only for a side of at least this many n-grams.
MIN_OVERLAP_GRAMS = 20
OVERLAP_WEIGHT = 0.8

STOP_WORDS = frozenset(read_words(data_path("stories", "stop_words.txt")))
# Letters, digits and the Devanagari signs (matras, virama, nukta are marks, not \w); not the danda.
_WORD = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+")


def key(text: str) -> str:
    """The content tokens of a claim's text, folded, function words dropped: what is stored."""
    return " ".join(t for t in _WORD.findall(fold(text)) if t not in STOP_WORDS)


@lru_cache(maxsize=65536)
def _token_grams(token: str) -> frozenset[str]:
    padded = f"_{token}_"
    if len(padded) <= N:
        return frozenset((padded,))
    return frozenset(padded[i : i + N] for i in range(len(padded) - N + 1))


@lru_cache(maxsize=16384)
def grams(match_key: str) -> frozenset[str]:
    """Character n-grams of a stored key (tokens padded, so word starts and ends count)."""
    out: set[str] = set()
    for token in match_key.split():
        out |= _token_grams(token)
    return frozenset(out)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two n-gram sets, or their overlap coefficient (|A∩B| / the smaller)
    when the smaller is long enough to be a statement on its own: one outlet quotes a clause of
    what another reports whole. 0 when either is empty."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    small = min(len(a), len(b))
    dice = 2 * shared / (len(a) + len(b))
    return max(dice, OVERLAP_WEIGHT * shared / small) if small >= MIN_OVERLAP_GRAMS else dice


@dataclass(frozen=True, slots=True)
class Match:
    claim_id: int
    story_id: int | None
    score: float


def best_match(match_key: str, candidates, *, threshold: float | None = None, refused=frozenset()):
    """The most similar candidate at or above ``threshold`` (None when there is none).

    ``candidates``: (claim id, story id, stored match key) rows, nearest first; at most
    ``PER_STORY`` of one story are compared. ``refused``: story ids a fact-checker said this
    claim is not part of.
    """
    threshold = THRESHOLD if threshold is None else threshold
    mine = grams(match_key)
    if not mine:
        return None
    best: Match | None = None
    seen: dict[int | None, int] = {}
    for claim_id, story_id, key in candidates:
        compared = seen.get(story_id, 0)
        if compared >= PER_STORY or story_id in refused:
            continue
        seen[story_id] = compared + 1
        score = similarity(mine, grams(key))
        if score >= threshold and (best is None or score > best.score):
            best = Match(claim_id, story_id, score)
    return best
