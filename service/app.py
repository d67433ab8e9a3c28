"""Application factory."""

from __future__ import annotations

import logging
import os
import secrets

import peewee
from flask import Flask

from service import cli
from service.api import (
    articles,
    claims,
    dates,
    docs,
    entities,
    exports,
    health,
    places_geo,
    reprocess,
    stats,
    stories,
    stream,
    subscriptions,
    timeline,
)
from service.api.dashboard import blp as dashboard_blp
from service.config import Config, instance_secret
from service.places import finder as places
from service.store import changes
from service.store.db import check_writable, database, is_sqlite, open_database
from service.store.migrations import migrate_database
from service.web import http_cache, limits, logs, response_cache, security, streaming
from service.web.errors import TathyaApi

log = logging.getLogger(__name__)

# Reads whose body is a function of the query string and the stored data only: kept by the
# response cache until the next write.
CACHED_READS = frozenset(
    {
        "claims.Claims",
        "timeline.Timeline",
        "stats.ClaimStats",
        "places_geo.PlacesGeo",
        "entities.Entities",
        "stories.Stories",
    }
)


def create_app(config: dict | None = None) -> Flask:
    """Build the app; ``config`` overrides the environment-derived settings."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(Config().as_dict())
    if config:
        app.config.from_mapping(config)
    if not app.config.get("TATHYA_SECRET_KEY"):
        # Tests get a throwaway secret; a deployment keeps one in its instance folder.
        testing = app.config.get("TESTING") and "TATHYA_INSTANCE_DIR" not in (config or {})
        app.config["TATHYA_SECRET_KEY"] = (
            secrets.token_urlsafe(32) if testing else instance_secret(app.config["TATHYA_INSTANCE_DIR"])
        )
    logs.init_app(app)

    open_database(app.config["DATABASE_URL"])
    if is_sqlite() and os.path.exists(database.obj.database):
        _refuse_read_only()  # before connecting: WAL's shared memory on a read-only file is SIGBUS
    with database.connection_context():
        _refuse_read_only()  # migrations would fail with a less helpful message
        migrate_database()

    security.init_app(app)  # first: the request id, so that even a 503 from connecting carries it
    _manage_connections(app)
    limits.init_app(app)  # after the auth check: limits apply per API key id
    api = TathyaApi(app)
    app.extensions["tathya_api"] = api
    for blueprint in (articles.blp, dates.blp, health.blp):
        api.register_blueprint(blueprint)
    for blueprint in (
        claims.blp,
        exports.blp,
        reprocess.blp,
        timeline.blp,
        stats.blp,
        entities.blp,
        places_geo.blp,
        stories.blp,
    ):
        api.register_blueprint(blueprint)
    for blueprint in (subscriptions.blp, stream.blp):
        api.register_blueprint(blueprint)
    # Before compression and ETags (its store then sees the finished response), after every check.
    response_cache.init_app(app, endpoints=CACHED_READS, token=changes.token_source())
    http_cache.init_app(app)
    streaming.init_app(app)
    app.register_blueprint(docs.blp)
    app.register_blueprint(dashboard_blp)  # GET / and /ui/<version>/… (not in the OpenAPI spec)
    cli.init_app(app)
    if app.config["TATHYA_WARM_GAZETTEER"]:
        places.warm()  # built before gunicorn forks (preload_app), shared by every worker

    if not app.config["TATHYA_API_KEYS"] and not app.config.get("TESTING"):
        log.warning("TATHYA_API_KEYS is not set: writes are open to anyone who can reach this service")
    return app


class ReadOnlyDatabase(RuntimeError):
    """The database cannot take writes: the service refuses to start rather than run half-alive."""


def _refuse_read_only() -> None:
    try:
        check_writable()
    except peewee.OperationalError as exc:
        raise ReadOnlyDatabase(
            f"Tathya cannot start: {exc}. It stores every article it is sent, so it needs a writable "
            "database (for SQLite: the file and its directory, which holds the -wal and -shm files)."
        ) from None


def _manage_connections(app: Flask) -> None:
    """One connection per worker thread, reused across requests (opened lazily).

    Opening SQLite and applying its pragmas costs more than most queries here, so the
    connection stays open; PostgreSQL connections are also kept, one per worker thread.
    """

    @app.before_request
    def _connect():
        if not database.is_closed() and getattr(database.connection(), "closed", 0):
            # psycopg2 marks a connection closed once it sees the server drop it (restart,
            # failover, idle kill): open a fresh one instead of failing every later request.
            database.close()
        database.connect(reuse_if_open=True)
