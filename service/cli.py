"""Flask CLI commands: ingest files, resolve dates, run the delivery worker."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
import marshmallow as ma
from flask import Flask, current_app

from service.api.schemas import ArticleInSchema
from service.dates import resolver as dates
from service.delivery.run import serve
from service.ingest import NewArticle, ingest_article
from service.store.db import database


def _submissions(path: Path):
    """Yield (label, payload-or-error) for each article in a .txt dump or a .jsonl file."""
    if path.suffix == ".txt":
        yield str(path), {"text": path.read_text(encoding="utf-8")}
    elif path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield f"{path}:{number}", ValueError(f"invalid JSON: {exc.msg}")
                    continue
                if isinstance(record, dict) and "published_at" not in record and "published" in record:
                    record["published_at"] = record["published"]
                if isinstance(record, dict):
                    fields = {"text", "url", "title", "published_at", "source", "language"}
                    record = {k: v for k, v in record.items() if k in fields}
                yield f"{path}:{number}", record
    else:
        yield str(path), ValueError("unsupported file type (use .txt or .jsonl)")


def _expand(paths: tuple[str, ...]):
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in {".txt", ".jsonl"})
        else:
            yield path


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
def ingest_command(paths):
    """Ingest .txt raw dumps and .jsonl article files (directories are searched)."""
    schema = ArticleInSchema()
    counts = {"new": 0, "known": 0, "rejected": 0}
    rejected = []
    items = []
    for path in _expand(paths):
        try:
            items.extend(_submissions(path))
        except OSError as exc:
            items.append((str(path), ValueError(exc.strerror or str(exc))))
        except UnicodeDecodeError:
            items.append((str(path), ValueError("not valid UTF-8")))
    with database.connection_context(), click.progressbar(items, label="ingesting") as bar:
        for label, payload in bar:
            try:
                if isinstance(payload, Exception):
                    raise payload
                result = ingest_article(NewArticle(**schema.load(payload)))
                counts["new" if result.created else "known"] += 1
            except (ma.ValidationError, ValueError, TypeError, UnicodeDecodeError) as exc:
                counts["rejected"] += 1
                reason = exc.messages if isinstance(exc, ma.ValidationError) else str(exc)
                rejected.append((label, reason))
    click.echo(f"new: {counts['new']}  already known: {counts['known']}  rejected: {counts['rejected']}")
    for label, reason in rejected:
        click.echo(f"  rejected {label}: {reason}", err=True)


@click.command("resolve-dates")
@click.argument("text")
@click.option("--ref", "reference", default=None, help="reference date, YYYY-MM-DD (default: today)")
def resolve_dates_command(text, reference):
    """Print the date expressions of TEXT resolved against --ref."""
    ref = dt.date.fromisoformat(reference) if reference else dt.date.today()
    rows = dates.resolve_dates(text, ref)
    click.echo(f"{'start':>5} {'end':>5}  {'value':<12} {'granularity':<11} {'from':<10} {'to':<10}  text")
    for m in rows:
        click.echo(
            f"{m.start:>5} {m.end:>5}  {m.value:<12} {m.granularity:<11} "
            f"{m.date_from or '-':<10} {m.date_to or '-':<10}  {m.text}"
            + (f"   ! {'; '.join(m.warnings)}" if m.warnings else "")
        )


@click.command("deliver")
@click.option("--once", is_flag=True, help="one round (fan out, send what is due) and exit")
def deliver_command(once):
    """Run the webhook delivery worker (on PostgreSQL, several may run side by side)."""
    serve(current_app._get_current_object(), once=once)


def init_app(app: Flask) -> None:
    app.cli.add_command(deliver_command)
    app.cli.add_command(ingest_command)
    app.cli.add_command(resolve_dates_command)
