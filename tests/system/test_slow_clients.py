"""Issue 15 points 2 and 6 against a real gunicorn: slow clients take no whole worker; chunked bodies are capped."""

from __future__ import annotations

import socket
import time

import requests

from tests.system.test_server import server  # noqa: F401 (the fixture)


def _connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def test_slow_header_clients_do_not_stop_other_requests(server):  # noqa: F811
    # More trickling clients than the server has workers (3): with sync workers each held one.
    slow = [_connect(server) for _ in range(4)]
    try:
        for sock in slow:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        time.sleep(0.5)
        timings = []
        for _ in range(5):
            started = time.monotonic()
            assert requests.get(f"{server}/healthz", timeout=5).status_code == 200
            timings.append(time.monotonic() - started)
        assert min(timings) < 0.5, timings
    finally:
        for sock in slow:
            sock.close()


def test_chunked_body_over_the_cap_is_413_through_gunicorn(server):  # noqa: F811
    chunk = ("क" * 20_000).encode()
    with _connect(server) as sock:
        sock.sendall(
            b"POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        try:
            for _ in range(3 * 1024 * 1024 // len(chunk) + 2):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the whole body was sent
        reply = b""
        try:
            while part := sock.recv(65536):
                reply += part
        except ConnectionResetError:
            pass
    assert reply.startswith(b"HTTP/1.1 413"), reply[:300]
    assert requests.get(f"{server}/v1/articles", timeout=10).json()["items"] == []
