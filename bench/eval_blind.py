"""Score our blind gold sets through the HTTP API (Flask test client, fresh SQLite), like score.py.

Usage: python bench/eval_blind.py [--sets 9,10] [--show-misses] [--json]
Gold files: bench/data/corpus_gold.jsonl (sets 1–8) and bench/data/blind/set*.jsonl; they hold
no text: texts are joined by id from ../shared/eval/corpus.jsonl and corpus2.jsonl; sets written by
helpers (23, 24) carry their own text and outlet. Sets in HELD_OUT never print their misses, so no
rule can be written from them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.app import create_app  # noqa: E402

EVAL = Path("/work/shared/eval")
DATA = Path(__file__).resolve().parent / "data"
HELD_OUT = {11, 13, 16, 17, 20, 21, 22, 24}
KEYS = [
    "date_gold", "date_pred", "date_found", "date_right", "date_missed", "claim_gold", "claim_pred",
    "claim_found", "claim_missed", "claim_date_gold", "claim_date_right", "claim_place_gold",
    "claim_place_right",
]  # fmt: skip


def load_score():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_rows() -> list[dict]:
    texts = {}
    for name in ("corpus.jsonl", "corpus2.jsonl"):
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            texts[art["id"]] = art
    files = [DATA / "corpus_gold.jsonl", *sorted((DATA / "blind").glob("set*.jsonl"))]
    rows = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                src = texts.get(row["id"]) or row  # written sets carry their own text
                rows.append({**row, "text": src["text"], "outlet": src["outlet"]})
    return rows


BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def judge_predictions(art: dict, pred: dict, score, tally: dict) -> None:
    """Per confidence bucket: how many predicted claims match a gold claim (attributions that
    match nothing are not charged, as in score.py)."""
    used: set[int] = set()
    for c in pred.get("claims", []):
        names_ok = [
            i
            for i, g in enumerate(art["claims"])
            if i not in used
            and score.speaker_matches([g["speaker"], *g.get("speaker_alts", [])], c["speaker"]["name"] or "")
            and score.norm(g["quote"]) in score.claim_text(art, c)
        ]
        right = bool(names_ok)
        if right:
            used.add(names_ok[0])
        elif c["verb"] in ("के मुताबिक", "के अनुसार"):
            continue
        bucket = max(b for b in BUCKETS if (c.get("confidence") or 0) >= b)
        n, k = tally.get(bucket, (0, 0))
        tally[bucket] = (n + 1, k + int(right))


def reliability_table(tally: dict) -> str:
    lines = ["confidence  claims  right  precision   (cumulative >= bucket: claims, precision)"]
    for b in BUCKETS:
        n, k = tally.get(b, (0, 0))
        cn = sum(tally.get(x, (0, 0))[0] for x in BUCKETS if x >= b)
        ck = sum(tally.get(x, (0, 0))[1] for x in BUCKETS if x >= b)
        lines.append(
            f">= {b:.1f}      {n:>6} {k:>6}  {k / n if n else 0:>9.3f}   ({cn}, {ck / cn if cn else 0:.3f})"
        )
    return "\n".join(lines)


def figures(t: dict, score) -> dict:
    date_strict, _, _ = score.f1(t["date_right"], t["date_gold"], t["date_pred"])
    cf1, cp, cr = score.f1(t["claim_found"], t["claim_gold"], t["claim_pred"])

    def ratio(a, b):
        return round(t[a] / t[b], 3) if t[b] else None

    return {
        "date_strict_f1": round(date_strict, 3),
        "claim_f1": round(cf1, 3),
        "claim_p": round(cp, 3),
        "claim_r": round(cr, 3),
        "claim_date": ratio("claim_date_right", "claim_date_gold"),
        "claim_place": ratio("claim_place_right", "claim_place_gold"),
        "claims": t["claim_gold"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", help="comma-separated set numbers (default: all)")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    score = load_score()
    rows = gold_rows()
    if a.sets:
        wanted = {int(s) for s in a.sets.split(",")}
        rows = [r for r in rows if r["set"] in wanted]
    logging.disable(logging.INFO)  # the access log would drown the figures
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp}/eval.db", "TATHYA_API_KEYS": []})
        client = app.test_client()
        by_set: dict = defaultdict(lambda: dict.fromkeys(KEYS, 0))
        by_outlet: dict = defaultdict(lambda: dict.fromkeys(KEYS, 0))
        total = dict.fromkeys(KEYS, 0)
        reliability: dict = {}
        for art in rows:
            body = {
                "text": art["text"],
                "published_at": art.get("published"),
                "url": f"https://eval.invalid/{art['id']}",
            }
            pred = client.post("/v1/articles", json=body).get_json()
            misses: list[str] = []
            judge_predictions(art, pred, score, reliability)
            for tally in (by_set[art["set"]], by_outlet[art["outlet"][:24]], total):
                score.score_dates(art, pred, tally, misses)
                score.score_claims(art, pred, tally, misses)
            if a.show_misses and art["set"] not in HELD_OUT:
                for m in dict.fromkeys(misses):
                    print(m)
                for c in pred.get("claims", []):
                    if not any(score.norm(g["quote"]) in score.claim_text(art, c) for g in art["claims"]):
                        print(
                            f"claim extra  {art['id']}: {c['speaker']['name']} | {c['verb']} | {c['quote'][:70]}"
                        )
    out = {
        "sets": {s: figures(t, score) for s, t in sorted(by_set.items())},
        "outlets": {o: figures(t, score) for o, t in sorted(by_outlet.items())},
        "all": figures(total, score),
    }
    if a.json:
        print(json.dumps(out, ensure_ascii=False))
        return
    for group in ("sets", "outlets"):
        for name, f in out[group].items():
            print(f"{group[:-1]} {name!s:<26} " + "  ".join(f"{k} {v}" for k, v in f.items()))
    print("all " + " " * 27 + "  ".join(f"{k} {v}" for k, v in out["all"].items()))
    print(reliability_table(reliability))


if __name__ == "__main__":
    main()
