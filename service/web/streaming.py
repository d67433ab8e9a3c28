"""Export responses: streamed line by line, at most TATHYA_EXPORT_CONCURRENCY at once per host (429 past it)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from flask import Response, current_app, stream_with_context
from flask_smorest import abort

from service.web import export

# Seconds a refused client should wait: a full export of a large database takes about this long.
RETRY_AFTER = "30"


class ExportSlots:
    """``size`` slots, each an exclusive flock on a file in ``directory``.

    File locks rather than a semaphore: every gunicorn worker process (and thread) of the host
    sees the same slots, and a worker that dies releases its slots with its descriptors.
    """

    def __init__(self, directory: str | os.PathLike, size: int) -> None:
        self.directory, self.size = Path(directory), size

    def acquire(self) -> int | None:
        """The descriptor of a free slot, held until ``release``; None when every slot is taken."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for n in range(self.size):
            fd = os.open(self.directory / f"export-slot-{n}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return fd
        return None

    @staticmethod
    def release(fd: int) -> None:
        os.close(fd)  # closing the only descriptor of the lock releases it


def streamed(lines: Iterator[str], fmt: str) -> Response:
    """``lines`` as a streamed response of ``fmt`` (csv | ndjson), holding an export slot until
    the response is closed (sent, or the client left); 429 with Retry-After when none is free.

    Without the cap, two full exports of a large database kept both workers' CPUs and the
    database busy for tens of seconds and /healthz timed out.
    """
    slots: ExportSlots = current_app.extensions["tathya_export_slots"]
    fd = slots.acquire()
    if fd is None:
        abort(
            429,
            message=f"{slots.size} exports are running: retry later, or narrow this one (limit, from, to).",
            headers={"Retry-After": RETRY_AFTER},
        )
    held = [fd]

    def release():
        if held:
            slots.release(held.pop())

    def lines_then_release():
        try:
            yield from lines
        finally:  # the last line is out, or the client left mid-stream
            release()

    response = Response(stream_with_context(lines_then_release()), mimetype=export.MEDIA_TYPES[fmt])
    if fmt == "csv":
        response.headers["Content-Disposition"] = 'attachment; filename="claims.csv"'
    response.call_on_close(release)  # also when the body was never started
    return response


def init_app(app) -> None:
    size = int(app.config["TATHYA_EXPORT_CONCURRENCY"])
    directory = Path(app.config["TATHYA_INSTANCE_DIR"]) / "export-slots"
    app.extensions["tathya_export_slots"] = ExportSlots(directory, size)
