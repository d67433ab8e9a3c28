"""A real HTTP receiver on 127.0.0.1 for webhook tests: logs every request, answers from a script."""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A sender killed mid-connection (bench/deliver_crash.py) resets it: nothing to report.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Receiver:
    """``answers``: status codes (or (status, headers)) for the next requests; then 200.
    ``keep_alive=False`` answers HTTP/1.0 and closes each connection."""

    def __init__(self, answers=(), port: int = 0, *, keep_alive: bool = True) -> None:
        self.answers = list(answers)
        self.log: list[dict] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"  # 1.1: connections kept open
            disable_nagle_algorithm = True  # headers and body are written apart

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if len(body) < length:  # the sender died mid-request: nothing was delivered
                    self.close_connection = True
                    return
                with receiver.lock:
                    receiver.log.append(
                        {
                            "headers": dict(self.headers),
                            "body": body,
                            "path": self.path,
                            "peer": self.client_address,
                        }
                    )
                    answer = receiver.answers.pop(0) if receiver.answers else 200
                status, headers = answer if isinstance(answer, tuple) else (answer, {})
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def do_GET(self):  # how many requests arrived (for a receiver in another process)
                body = str(len(receiver.log)).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = _Server(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def events(self) -> list[dict]:
        with self.lock:
            return [json.loads(entry["body"]) for entry in self.log]


if (
    __name__ == "__main__"
):  # bench/ingest.py runs one in its own process: `python -m tests.delivery.receiver PORT`
    import sys
    import time

    with Receiver(port=int(sys.argv[1])) as receiver:
        while True:
            time.sleep(3600)
