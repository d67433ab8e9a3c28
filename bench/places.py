"""Micro-benchmark: gazetteer build time and find_places() cost per article (eval corpus)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from service.places import gazetteer
from service.places.finder import find_places

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "corpus.jsonl"


def main(path: Path = CORPUS) -> None:
    t0 = time.perf_counter()
    gz = gazetteer.build()
    build_s = time.perf_counter() - t0
    gazetteer._gazetteer = gz
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    for t in texts:  # warm the per-word fold cache, as a running worker would be
        find_places(t)
    per_kb: list[float] = []
    per_article: list[float] = []
    for t in texts:
        runs = []
        for _ in range(5):
            s = time.perf_counter()
            find_places(t)
            runs.append(time.perf_counter() - s)
        best = min(runs)
        per_article.append(best)
        per_kb.append(best / max(len(t.encode("utf-8")) / 2048, 1e-9))
    sizes = [len(t.encode("utf-8")) for t in texts]
    print(f"gazetteer build: {build_s:.2f} s, {len(gz.by_key)} names, {len(gz.by_id)} places")
    print(f"articles: {len(texts)}, median size {statistics.median(sizes) / 1024:.1f} KB")
    print(f"find_places median per article: {statistics.median(per_article) * 1e3:.3f} ms")
    print(f"find_places median per 2 KB:   {statistics.median(per_kb) * 1e3:.3f} ms")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
