"""Story matching on a blind pair gold set: pairwise precision/recall and cluster purity.

Usage: python bench/eval_stories.py [--gold FILE ...] [--articles FILE ...] [--sweep] [--show]

Ingests every article the pairs name (corpus.jsonl + corpus2.jsonl, joined by id, and the
articles with inline text of ``--articles``, by default every ``bench/data/pairs/articles*.jsonl``:
the second reports the synthetic pair sets name) into a fresh SQLite database in-process, in
publication order, so that matching runs as in production
(ingest transaction, speaker + date window). Each side of a pair is mapped to the extracted claim
of its article whose quote (or span) contains the gold quote; a pair is predicted "same" when
both sides are in one story. Prints P/R on the pairs with both sides mapped, and overall
(an unmapped side predicts "not same"), the unmapped side count, and cluster purity (mapped
sides grouped by predicted story, against the gold statement groups), and why each missed
positive was missed (the sides' speakers are two entities, their dates are further apart than
the window, or their similarity is below the threshold). ``--sweep`` reruns it for several
thresholds: tune on the dev files only. Each ``--gold`` file is scored on its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = Path("/work/shared/eval")
PAIRS = ROOT / "bench" / "data" / "pairs"
GOLD = PAIRS / "pairs_dev.jsonl"


def corpus(extra: list[Path]) -> dict[str, dict]:
    """Article id → row (id, outlet, published, text): the eval corpora, then ``extra`` files of
    articles with inline text (an id there must not shadow a corpus article)."""
    out = {}
    for name in ("corpus.jsonl", "corpus2.jsonl"):
        for line in (EVAL / name).open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = row
    for path in extra:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                assert row["id"] not in out or out[row["id"]]["text"] == row["text"], row["id"]
                out[row["id"]] = row
    return out


def ingest(pairs: list[dict], texts: dict[str, dict], threshold: float | None) -> dict[str, list[dict]]:
    """Article id → its claims (API dicts, with story_id) after ingesting every named article."""
    from service.app import create_app
    from service.stories import match

    if threshold is not None:
        match.THRESHOLD = threshold
    wanted = sorted({p[s]["article"] for p in pairs for s in ("a", "b")})
    wanted.sort(key=lambda i: (texts[i].get("published") or "9999", i))
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp}/pairs.db", "TATHYA_API_KEYS": []}
        )
        client = app.test_client()
        ids = {}
        for art_id in wanted:
            row = texts[art_id]
            body = {"text": row["text"], "url": f"https://eval.invalid/{art_id}", "source": row.get("outlet")}
            published = (row.get("published") or "")[:10]
            if len(published) == 10 and published[4] == "-":
                body["published_at"] = f"{published}T12:00:00+05:30"
            answer = client.post("/v1/articles", json=body).get_json()
            assert "id" in answer, (art_id, answer)
            ids[art_id] = answer["id"]
        # Read back (not the ingest answers): a later article may have changed nothing here, but
        # the stored story ids are what a client sees.
        return {a: client.get(f"/v1/articles/{i}").get_json()["claims"] for a, i in ids.items()}


def side_claim(side: dict, claims: list[dict], text: str) -> dict | None:
    quote = side["quote"]
    hits = [
        c for c in claims
        if quote in c["quote"] or (c["start"] is not None and quote in text[c["start"] : c["end"]])
    ]  # fmt: skip
    return min(hits, key=lambda c: len(c["quote"])) if hits else None


def score(
    pairs: list[dict], claims: dict[str, list[dict]], texts: dict[str, dict], show: bool = False
) -> dict:
    tp = fp = fn = tn = 0
    all_tp = all_fn = all_fp = 0
    unmapped = 0
    reasons: Counter = Counter()
    members: dict[int, Counter] = defaultdict(Counter)
    seen_sides = set()
    for p in pairs:
        sides = [
            side_claim(p[s], claims[p[s]["article"]], texts[p[s]["article"]]["text"]) for s in ("a", "b")
        ]
        unmapped += sum(c is None for c in sides)
        for s, c in zip(("a", "b"), sides, strict=True):
            if c is not None and c["story_id"] and (c["id"], p[s].get("group")) not in seen_sides:
                seen_sides.add((c["id"], p[s].get("group")))
                members[c["story_id"]][p[s].get("group")] += 1
        mapped = all(sides)
        same = mapped and sides[0]["story_id"] is not None and sides[0]["story_id"] == sides[1]["story_id"]
        if p["same"]:
            all_tp += same
            all_fn += not same
        else:
            all_fp += same
        if not mapped:
            continue
        if p["same"] and same:
            tp += 1
        elif p["same"]:
            fn += 1
            reason = miss_reason(*sides)
            reasons[reason.split(" ")[0]] += 1
            if show:
                print("miss:", p["pair"], reason, "|", sides[0]["quote"][:60], "||", sides[1]["quote"][:60])
        elif same:
            fp += 1
            if show:
                print(
                    "false:", p["pair"], p["kind"], "|", sides[0]["quote"][:70], "||", sides[1]["quote"][:70]
                )
        else:
            tn += 1
    total = sum(sum(c.values()) for c in members.values())
    purity = sum(max(c.values()) for c in members.values()) / total if total else 0.0

    def ratio(a, b):
        return a / b if b else 0.0

    return {
        "mapped": {"P": ratio(tp, tp + fp), "R": ratio(tp, tp + fn), "tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "overall": {"P": ratio(all_tp, all_tp + all_fp), "R": ratio(all_tp, all_tp + all_fn)},
        "pairs": len(pairs),
        "positives": sum(p["same"] for p in pairs),
        "unmapped_sides": unmapped,
        "purity": purity,
        "misses": dict(reasons),
    }


def miss_reason(a: dict, b: dict) -> str:
    """Why two mapped sides of a positive pair are in two stories, as matching sees them."""
    from service.stories import match

    speakers = [(c["speaker"] or {}).get("id") for c in (a, b)]
    if None in speakers or speakers[0] != speakers[1]:
        return f"speaker {[(c['speaker'] or {}).get('name') for c in (a, b)]}"
    days = [c["date"] and c["date"]["date_from"] for c in (a, b)]
    if None in days:
        return f"undated {days}"
    apart = abs((dt.date.fromisoformat(days[0]) - dt.date.fromisoformat(days[1])).days)
    if apart > match.WINDOW_DAYS:
        return f"window {days}"
    score = match.similarity(match.grams(match.key(a["quote"])), match.grams(match.key(b["quote"])))
    return f"similarity {score:.2f}"


def report(result: dict, label: str) -> None:
    m, o = result["mapped"], result["overall"]
    print(
        f"{label}: pairs {result['pairs']} (positives {result['positives']}), unmapped sides "
        f"{result['unmapped_sides']} | mapped P {m['P']:.3f} R {m['R']:.3f} "
        f"(tp {m['tp']} fp {m['fp']} fn {m['fn']} tn {m['tn']}) | overall P {o['P']:.3f} R {o['R']:.3f} "
        f"| purity {result['purity']:.3f} | misses {result['misses']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=[GOLD])
    parser.add_argument(
        "--articles", type=Path, nargs="*", default=sorted(PAIRS.glob("articles*.jsonl")),
        help="articles with inline text (id, outlet, published, text) that pairs name",
    )  # fmt: skip
    parser.add_argument("--sweep", action="store_true", help="several thresholds (dev set only)")
    parser.add_argument("--show", action="store_true", help="print the misses and false matches")
    args = parser.parse_args()
    import logging

    logging.disable(logging.INFO)
    texts = corpus(args.articles)
    started = dt.datetime.now()
    thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7] if args.sweep else [None]
    for gold in args.gold:
        pairs = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
        for t in thresholds:
            from service.stories import match

            label = f"{gold.name} threshold {t if t is not None else match.THRESHOLD}"
            report(score(pairs, ingest(pairs, texts, t), texts, show=args.show), label)
    print(f"({(dt.datetime.now() - started).total_seconds():.0f} s)")


if __name__ == "__main__":
    main()
