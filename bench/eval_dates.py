"""Score service.dates on the eval gold exactly like shared/eval/score.py, without a server.

Usage: python bench/eval_dates.py [--show-misses] [--corpus] [--corpus-gold]
  --corpus-gold  score our own annotations of 80 corpus articles (bench/data/corpus_gold.jsonl).
  --corpus  also resolve every corpus.jsonl article (crash check) and list day/year mentions
            whose context looks like a count, duration or money amount.
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

from service.dates.resolver import DateMention, choose_anchor, resolve_dates  # noqa: E402

EVAL = Path("/work/shared/eval")


def load_scorer():
    spec = importlib.util.spec_from_file_location("tathya_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load(name: str) -> list[dict]:
    with open(EVAL / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def as_json(m: DateMention) -> dict:
    return {"text": m.text, "start": m.start, "end": m.end, "value": m.value, "granularity": m.granularity}


def anchor_for(article: dict, today: dt.date) -> dt.date:
    published = dt.date.fromisoformat(article["published"][:10]) if article.get("published") else None
    return choose_anchor(article["text"], published=published, today=today).value


def predict(article: dict, today: dt.date) -> dict:
    return {"dates": [as_json(m) for m in resolve_dates(article["text"], anchor_for(article, today))]}


def score(articles, predictions, scorer) -> tuple[dict, list[str]]:
    tally = dict.fromkeys(["date_gold", "date_pred", "date_found", "date_right", "date_missed"], 0)
    misses: list[str] = []
    for art, pred in zip(articles, predictions, strict=True):
        scorer.score_dates(art, pred, tally, misses)
    strict, _, _ = scorer.f1(tally["date_right"], tally["date_gold"], tally["date_pred"])
    detect, p, r = scorer.f1(tally["date_found"], tally["date_gold"], tally["date_pred"])
    acc = tally["date_right"] / tally["date_found"] if tally["date_found"] else 0.0
    out = {"date_strict_f1": strict, "date_value_acc": acc, "date_detect_f1": detect}
    out |= {"date_precision": p, "date_recall": r, **tally}
    return out, misses


_SUSPICIOUS = re.compile(r"^\s*(?:वर्षीय|साल का|साल की|घंटे|घंटों|दिवसीय|लाख|हजार|करोड़|रुपये|प्रतिशत|%)")


def corpus_check(today: dt.date) -> None:
    rows = load("corpus.jsonl")
    counts: dict[str, int] = {}
    for art in rows:
        anchor = anchor_for(art, today)
        for m in resolve_dates(art["text"], anchor):
            counts[m.granularity] = counts.get(m.granularity, 0) + 1
            after = art["text"][m.end : m.end + 25]
            if m.granularity in ("day", "year", "week", "month") and (
                _SUSPICIOUS.match(after) or m.granularity != "day" or m.warnings
            ):
                ctx = art["text"][max(0, m.start - 30) : m.start] + "[" + m.text + "]" + after
                print(f"{art['id']}: {m.value:<11} {m.warnings} {ctx!r}".replace("\n", " "))
    print(f"corpus: {len(rows)} articles resolved without error; mentions by granularity: {counts}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--corpus", action="store_true")
    ap.add_argument("--corpus-gold", action="store_true")
    a = ap.parse_args()
    scorer = load_scorer()
    today = dt.date.today()
    articles = load("dev.jsonl") + load("seed.jsonl")
    if a.corpus_gold:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from eval_claims import corpus_gold

        articles = corpus_gold()
    figures, misses = score(articles, [predict(x, today) for x in articles], scorer)
    if a.show_misses:
        print("\n".join(misses))
    for k, v in figures.items():
        print(f"{k:<16} {round(v, 3) if isinstance(v, float) else v}")
    if a.corpus:
        corpus_check(today)


if __name__ == "__main__":
    main()
