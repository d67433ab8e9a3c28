"""gunicorn settings for `make run` and production (override with GUNICORN_CMD_ARGS)."""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
# A request that takes longer than this is stuck; the worker is recycled.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Each worker builds its parsers and gazetteer once; preload shares them copy-on-write.
preload_app = True
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
limit_request_line = 8190
