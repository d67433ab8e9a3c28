"""Speed and accuracy of resolve_dates against dateparser.search.search_dates on the eval articles.

Usage: python bench/dates.py [--repeat N]
Both run in this process on dev.jsonl + seed.jsonl with the same anchors (choose_anchor); the
medians are per article, warm (one untimed pass first). Scores use shared/eval/score.py rules.
Then a coverage-by-rule table: per grammar rule, how often it fires on the eval articles (news
style) and on the case tables (tests/dates/cases, general style), and the share of table cases
of that rule's family that pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import eval_dates  # noqa: E402
from dateparser.search import search_dates  # noqa: E402

from service.dates.lexicon import fold_once  # noqa: E402
from service.dates.resolver import GENERAL, NEWS, resolve_dates, resolve_pieces  # noqa: E402


def dateparser_dates(text: str, anchor: dt.date) -> dict:
    """search_dates output as DateMention-like dicts; spans found left to right in the text."""
    base = dt.datetime.combine(anchor, dt.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["hi"], settings={"RELATIVE_BASE": base}) or []
    out, pos = [], 0
    for expr, when in found:
        start = text.find(expr, pos)
        if start < 0:
            start = text.find(expr)
        if start < 0:
            continue
        pos = start + len(expr)
        out.append({"text": expr, "start": start, "end": pos, "value": when.date().isoformat()})
    return {"dates": out}


def ours(text: str, anchor: dt.date) -> dict:
    return {"dates": [eval_dates.as_json(m) for m in resolve_dates(text, anchor)]}


def timed_median(fn, articles, anchors, repeat: int) -> tuple[float, list[dict]]:
    """Median over articles of the per-article best-of-``repeat`` wall time, in milliseconds."""
    preds = [fn(a["text"], anc) for a, anc in zip(articles, anchors, strict=True)]  # warm-up
    per_article = []
    for a, anc in zip(articles, anchors, strict=True):
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn(a["text"], anc)
            runs.append(time.perf_counter() - t0)
        per_article.append(min(runs) * 1000)
    return statistics.median(per_article), preds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per article for resolve_dates")
    a = ap.parse_args()
    scorer = eval_dates.load_scorer()
    today = dt.date.today()
    articles = eval_dates.load("dev.jsonl") + eval_dates.load("seed.jsonl")
    anchors = [eval_dates.anchor_for(x, today) for x in articles]
    chars = statistics.median(len(x["text"]) for x in articles)

    our_ms, our_pred = timed_median(ours, articles, anchors, a.repeat)
    dp_ms, dp_pred = timed_median(dateparser_dates, articles, anchors, max(1, a.repeat // 10))
    our_f1 = eval_dates.score(articles, our_pred, scorer)[0]["date_strict_f1"]
    dp_f1 = eval_dates.score(articles, dp_pred, scorer)[0]["date_strict_f1"]

    print(f"articles={len(articles)} median_chars={chars:.0f}")
    print(
        f"resolve_dates median={our_ms:.2f}ms search_dates median={dp_ms:.1f}ms "
        f"ratio={dp_ms / our_ms:.0f}x f1 ours={our_f1:.2f} dateparser={dp_f1:.2f}"
    )
    coverage_table(articles, anchors)


def rule_counts(texts_anchors, style) -> dict[str, int]:
    """Pieces per rule (combined pieces count as "combined", recurrences as "set")."""
    counts: dict[str, int] = {}
    for text, anchor in texts_anchors:
        for p in resolve_pieces(fold_once(text).text, anchor, style):
            counts[p.kind] = counts.get(p.kind, 0) + 1
    return counts


def coverage_table(articles, anchors) -> None:
    from tests.dates.test_cases import check, load_cases

    cases = [p.values[0] for p in load_cases()]
    news = rule_counts([(a["text"], anc) for a, anc in zip(articles, anchors, strict=True)], NEWS)
    table = rule_counts([(c["text"], dt.date.fromisoformat(str(c["ref"]))) for c in cases], GENERAL)
    by_family: dict[str, list[bool]] = {}
    for p in load_cases():
        by_family.setdefault(p.id.split("/")[0], []).append(not check(p.values[0]))
    print("\ncoverage by rule (pieces found)      eval articles (news)   case tables (general)")
    for rule in sorted(set(news) | set(table), key=lambda r: -(news.get(r, 0) + table.get(r, 0))):
        print(f"  {rule:<32} {news.get(rule, 0):>10} {table.get(rule, 0):>22}")
    print("\ncase tables by family                passing")
    for family, ok in sorted(by_family.items()):
        print(f"  {family:<32} {sum(ok):>4}/{len(ok):<4} {sum(ok) / len(ok):.0%}")
    total = [x for ok in by_family.values() for x in ok]
    print(f"  {'all':<32} {sum(total):>4}/{len(total):<4} {sum(total) / len(total):.1%}")


if __name__ == "__main__":
    main()
