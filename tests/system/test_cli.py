"""Flask CLI: ingest files with a summary; resolve dates."""

from __future__ import annotations

import json

from service.store.models import Article
from tests.factories import SEED_TEXT, article_payload


def test_ingest_txt_and_jsonl_with_summary(runner, tmp_path):
    (tmp_path / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    lines = [
        json.dumps(article_payload()),
        "{not json",
        json.dumps({"text": " "}),
        json.dumps(article_payload()),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    result = runner.invoke(
        args=[
            "ingest",
            str(tmp_path / "seed.txt"),
            str(tmp_path / "batch.jsonl"),
            str(tmp_path / "missing.txt"),
        ]
    )
    assert result.exit_code == 0, result.output
    assert "new: 3  already known: 0  rejected: 3" in result.output
    assert "invalid JSON" in result.output
    assert Article.select().count() == 3
    again = runner.invoke(args=["ingest", str(tmp_path / "seed.txt")])
    assert "new: 0  already known: 1  rejected: 0" in again.output


def test_ingest_directory(runner, tmp_path):
    (tmp_path / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe broken")
    result = runner.invoke(args=["ingest", str(tmp_path)])
    assert "new: 1  already known: 0  rejected: 1" in result.output


def test_resolve_dates_command_prints_table(runner):
    result = runner.invoke(args=["resolve-dates", "शुक्रवार (11 जुलाई) को बैठक हुई।", "--ref", "2025-07-12"])
    assert result.exit_code == 0, result.output
    assert "2025-07-11" in result.output
