"""gunicorn settings for `make run` and production (override with GUNICORN_CMD_ARGS).

gthread: each worker serves THREADS requests at once and waits for idle keep-alive connections in
its event loop, so a slow client holds one thread, not a whole worker (with sync workers, two
clients trickling headers stopped every other request). An exposed deployment still belongs
behind a buffering proxy (deploy/nginx.conf): nginx reads the whole request before gunicorn sees it.
"""

import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A worker whose main loop does not report for this long is stuck and recycled. With gthread the
# loop keeps reporting while threads stream long exports, so a slow request is not killed for it.
timeout = 30
graceful_timeout = 20
# Idle keep-alive connections wait in the event loop (no thread); closed after this many seconds.
keepalive = 5
# Each worker builds its parsers and gazetteer once; preload shares them copy-on-write.
preload_app = True
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190


def when_ready(server):
    """Start the webhook delivery worker beside the web workers: `make run` serves everything.
    TATHYA_DELIVERY_WORKER=0 leaves it to a separate `flask deliver` (scaled apart)."""
    if os.environ.get("TATHYA_DELIVERY_WORKER", "1") != "0":
        from service.delivery.run import Supervisor

        server.tathya_delivery = Supervisor().start()


def on_exit(server):
    supervisor = getattr(server, "tathya_delivery", None)
    if supervisor is not None:
        supervisor.stop()
