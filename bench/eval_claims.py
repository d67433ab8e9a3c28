"""Score claim extraction in-process against the gold eval files with shared/eval/score.py.

Usage: python bench/eval_claims.py [--show-misses] [--corpus] [--corpus-gold]
  --corpus-gold  score our own annotations of 80 corpus articles (bench/data/corpus_gold.jsonl).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.claims.extract import extract_claims  # noqa: E402
from service.dates import resolver as dates_mod  # noqa: E402
from service.places.finder import find_places  # noqa: E402

EVAL = Path("/work/shared/eval")
_URL = re.compile(r"^\s*https?://\S+\s*$")
_SENT_END = re.compile(r"[।.?!:\"”’)]\s*$")


def load_score():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


CORPUS_GOLD = Path(__file__).resolve().parent / "data" / "corpus_gold.jsonl"


def corpus_gold() -> list[dict]:
    """Our own annotations of 80 corpus articles (bench/data/corpus_gold.jsonl holds no text: it
    is joined from corpus.jsonl by id). A second, larger check beside the official dev gold."""
    texts = {}
    for line in open(EVAL / "corpus.jsonl", encoding="utf-8"):
        art = json.loads(line)
        texts[art["id"]] = art["text"]
    rows = [json.loads(x) for x in open(CORPUS_GOLD, encoding="utf-8") if x.strip()]
    return [{**row, "text": texts[row["id"]]} for row in rows]


def strip_tail(text: str) -> str:
    """Body of a raw dump: drop trailing URL / ASCII keyword-list / short label lines."""
    lines = text.split("\n")
    end = len(lines)
    saw = False
    while end > 0:
        line = lines[end - 1].strip()
        if not line:
            end -= 1
            continue
        items = [x for x in line.split(",") if x.strip()]
        if _URL.match(line) or (line.isascii() and len(items) >= 3 and not _SENT_END.search(line)):
            saw = True
        elif not (saw and len(line) <= 40 and len(line.split()) <= 4 and not _SENT_END.search(line)):
            break
        end -= 1
    return "\n".join(lines[:end]) if saw else text


def anchor_for(text: str, published: str | None) -> dt.date:
    pub = dt.date.fromisoformat(published[:10]) if published else None
    if hasattr(dates_mod, "choose_anchor"):
        a = dates_mod.choose_anchor(text, published=pub, today=dt.date.today())
        return getattr(a, "value", a)
    return pub or dt.date.today()


def claim_json(c) -> dict:
    d = c.date
    return {
        "speaker": {"name": c.speaker_name or c.speaker_role, "role": c.speaker_role},
        "verb": c.verb,
        "verb_class": c.verb_class,
        "quote": c.quote,
        "quote_type": c.quote_type,
        "start": c.start,
        "end": c.end,
        "date": {"value": d.value, "granularity": d.granularity, "source": d.source} if d else None,
        "place": {"name": c.place.name, "aliases": [c.place.name_en, c.place_text or ""]}
        if c.place
        else None,
    }


def run(articles, score, show: bool) -> dict:
    tally = dict.fromkeys(
        [
            "claim_gold",
            "claim_pred",
            "claim_found",
            "claim_missed",
            "claim_date_gold",
            "claim_date_right",
            "claim_place_gold",
            "claim_place_right",
        ],
        0,
    )
    misses: list[str] = []
    for art in articles:
        body = strip_tail(art["text"])
        anchor = anchor_for(body, art.get("published"))
        ds = dates_mod.resolve_dates(body, anchor)
        claims = extract_claims(body, ds, anchor, find_places(body))
        pred = {"claims": [claim_json(c) for c in claims]}
        n_before = len(misses)
        score.score_claims(art, pred, tally, misses)
        if show:
            used = {m for m in misses[n_before:]}
            for m in used:
                print(m)
            for c in pred["claims"]:
                if not any(score.norm(g["quote"]) in score.claim_text(art, c) for g in art.get("claims", [])):
                    print(
                        f"claim extra  {art['id']}: {c['speaker']['name']} | {c['verb']} | {c['quote'][:60]}"
                    )
    f1, p, r = score.f1(tally["claim_found"], tally["claim_gold"], tally["claim_pred"])
    t = tally
    return {
        "claim_f1": round(f1, 3),
        "claim_precision": round(p, 3),
        "claim_recall": round(r, 3),
        "claim_date_acc": round(t["claim_date_right"] / t["claim_date_gold"], 3)
        if t["claim_date_gold"]
        else 0.0,
        "claim_place_acc": round(t["claim_place_right"] / t["claim_place_gold"], 3)
        if t["claim_place_gold"]
        else 0.0,
        "found": t["claim_found"],
        "gold": t["claim_gold"],
        "pred": t["claim_pred"],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--corpus", action="store_true", help="also run over corpus.jsonl (crash check)")
    ap.add_argument("--corpus-gold", action="store_true", help="score bench/data/corpus_gold.jsonl instead")
    a = ap.parse_args()
    score = load_score()
    arts = []
    for name in ("seed.jsonl", "dev.jsonl"):
        arts += [json.loads(x) for x in open(EVAL / name, encoding="utf-8") if x.strip()]
    if a.corpus_gold:
        arts = corpus_gold()
    out = run(arts, score, a.show_misses)
    for k, v in out.items():
        print(f"{k:<16} {v}")
    if a.corpus:
        n = total = 0
        for line in open(EVAL / "corpus.jsonl", encoding="utf-8"):
            art = json.loads(line)
            body = strip_tail(art["text"])
            anchor = anchor_for(body, art.get("published"))
            total += len(
                extract_claims(body, dates_mod.resolve_dates(body, anchor), anchor, find_places(body))
            )
            n += 1
        print(f"{'corpus':<16} {n} articles, {total} claims, no crash")


if __name__ == "__main__":
    main()
