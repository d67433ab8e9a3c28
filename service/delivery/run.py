"""Running the worker as a process: `flask deliver`, `python -m service.delivery`, and beside gunicorn."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading

log = logging.getLogger(__name__)


def serve(app, *, once: bool = False) -> None:
    """Run the delivery worker of ``app`` until SIGTERM/SIGINT (``once``: one cycle)."""
    from service.delivery.worker import Settings, Worker
    from service.store.db import database

    worker = Worker(Settings.from_config(app.config))
    if once:
        with database.connection_context():
            worker.cycle()
        return
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    parent = os.environ.get("TATHYA_DELIVERY_PARENT")
    if parent:
        # Beside gunicorn on the same cores: deliveries may wait, ingest requests should not. At
        # nice 19 the worker gets ~1.5 % of a core that ingest keeps busy (nice 10: ~10 %), so
        # under saturation deliveries lag and catch up when the load drops.
        os.nice(int(app.config.get("TATHYA_DELIVERY_NICE", 19)))
    worker.run(stop, parent=int(parent) if parent else None)


class Supervisor:
    """Keeps one worker process running beside gunicorn (started from its ``when_ready`` hook).

    A process, not a thread in a web worker: it must not be forked with every web worker, and a
    SIGKILL of it loses nothing (the outbox holds the events, leases give back what it held).
    """

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._keep_running, name="delivery-supervisor", daemon=True)

    def start(self) -> Supervisor:
        self.thread.start()
        return self

    def _spawn(self) -> subprocess.Popen:
        # The worker needs no gazetteer; it exits when this process (gunicorn's master) is gone.
        env = {**os.environ, "TATHYA_WARM_GAZETTEER": "0", "TATHYA_DELIVERY_PARENT": str(os.getpid())}
        return subprocess.Popen([sys.executable, "-m", "service.delivery"], env=env)

    def _keep_running(self) -> None:
        while not self.stopping.is_set():
            self.proc = self._spawn()
            self.proc.wait()  # gunicorn's master may reap it first: wait() then returns 0
            if not self.stopping.wait(1.0):
                log.warning("delivery worker exited; starting another")

    def stop(self) -> None:
        self.stopping.set()
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
