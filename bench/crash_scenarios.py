"""bench/crash.py scenarios beyond SIGKILL mid-ingest: a PATCH storm and a PostgreSQL restart under load.

    .venv/bin/python bench/crash.py --scenario patch-storm [--db sqlite|postgresql|both] [--rounds 5]
    .venv/bin/python bench/crash.py --scenario pg-restart

patch-storm: 8 clients PATCH 8 different fields of one claim at once, ROUNDS times; prints the
statuses, the fields lost (a field whose last acknowledged value is not stored) and the history
links that do not chain (an entry's `old` is not the previous entry's `new`), and a stale
If-Match's status. pg-restart: a private PostgreSQL cluster (initdb in a temporary folder, run as
the postgres user; the shared server is never touched) restarted mid-way through a mixed read and
write load; prints the statuses (500 must be 0) and the acknowledged articles missing afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

FIELDS = {
    "speaker_role": lambda r, i: f"भूमिका {r}-{i}",
    "verb": lambda r, i: f"कहा{r}",
    "verb_class": lambda r, i: ["statement", "warning", "promise", "demand"][r % 4],
    "quote": lambda r, i: f"उद्धरण {r}",
    "quote_type": lambda r, i: ["direct", "indirect"][r % 2],
    "date": lambda r, i: {"value": f"2025-07-{r + 1:02d}"},
    "place": lambda r, i: ["इंदौर", "भोपाल", "पटना", "जयपुर"][r % 4],
    "review": lambda r, i: {"rating": ["true", "false", "misleading"][r % 3]},
}


def _stored(field: str, claim: dict):
    if field == "speaker_role":
        return (claim["speaker"] or {}).get("role")
    value = claim[field]
    if field == "date":
        return {"value": value["value"]} if value else None
    if field == "place":
        return value["name"] if value else None
    if field == "review":
        return {"rating": value["rating"]} if value else None
    return value


def patch_storm(base: str, rounds: int) -> str:
    """8 concurrent PATCHes of different fields per round; lost fields and broken history links."""
    seed = "महापौर सुनीता शर्मा ने कहा कि सड़क अगले महीने बनेगी।"
    claim_id = requests.post(f"{base}/v1/articles", json={"text": seed}, timeout=60).json()["claims"][0]["id"]
    statuses: Counter = Counter()
    lost = 0
    url = f"{base}/v1/claims/{claim_id}"
    with ThreadPoolExecutor(len(FIELDS)) as pool:
        for r in range(rounds):
            sent = {field: make(r, i) for i, (field, make) in enumerate(FIELDS.items())}
            answers = list(
                pool.map(
                    lambda f, v: requests.patch(url, json={f: v}, timeout=60),
                    *zip(*sent.items(), strict=True),
                )
            )
            statuses.update(a.status_code for a in answers)
            claim = requests.get(url, timeout=60).json()
            lost += sum(_stored(f, claim) != sent[f] for f, a in zip(sent, answers, strict=True) if a.ok)
    history = requests.get(f"{url}/history", timeout=60).json()["items"]
    last: dict = {}
    broken = 0
    for entry in history:
        for field, (old, new) in entry["changes"].items():
            broken += field in last and last[field] != old
            last[field] = new
    etag = requests.get(url, timeout=60).headers["ETag"]
    requests.patch(url, json={"verb": "बोले"}, timeout=60)
    stale = requests.patch(url, json={"verb": "कहा"}, headers={"If-Match": etag}, timeout=60).status_code
    return (
        f"patch-storm: {rounds} rounds x {len(FIELDS)} fields, statuses={dict(statuses)} "
        f"lost_fields={lost} history_links={sum(len(e['changes']) for e in history)} "
        f"unchained={broken} stale_if_match={stale}"
    )


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise SystemExit("pg-restart needs PostgreSQL's server binaries (pg_ctl, initdb)")
    return Path(found[-1]).parent


def _as_postgres(cmd: list[str]) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=True, capture_output=True, text=True)


class PrivateCluster:
    """A throwaway PostgreSQL cluster on ``port``: restarting it disturbs nobody else."""

    def __init__(self, port: int) -> None:
        self.port, self.bin = port, _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="tathya-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"

    def __enter__(self) -> PrivateCluster:
        _as_postgres([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust"])
        self._ctl("start", "-w")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        return self

    def _ctl(self, *args: str) -> None:
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        _as_postgres(
            [str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"), *args]
        )

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast", "-w")

    def __exit__(self, *exc) -> None:
        try:
            self._ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def pg_restart(start_server, free_port, workdir: Path, clients: int = 6, seconds: float = 12.0) -> str:
    """Mixed load on gunicorn over a private cluster, restarted at a third of the run."""
    port = free_port()
    with PrivateCluster(free_port()) as cluster:
        proc = start_server(cluster.url, port, workdir / "gunicorn-pg-restart.log")
        base = f"http://127.0.0.1:{port}"
        statuses: Counter = Counter()
        acknowledged: list[int] = []
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def client(n: int) -> None:
            session, i = requests.Session(), 0
            while time.monotonic() < stop:
                i += 1
                try:
                    if i % 2:
                        text = f"मंत्री राम कुमार ने कहा कि काम {n}-{i} पूरा होगा।"
                        resp = session.post(f"{base}/v1/articles", json={"text": text}, timeout=30)
                    else:
                        resp = session.get(f"{base}/v1/claims?limit=5", timeout=30)
                    key = resp.status_code
                except requests.RequestException:
                    key = "refused"
                with lock:
                    statuses[key] += 1
                    if key == 201:
                        acknowledged.append(resp.json()["id"])
                if key == 503:
                    time.sleep(0.2)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        time.sleep(seconds / 3)
        began = time.monotonic()
        cluster.restart()
        restart_s = time.monotonic() - began
        for thread in threads:
            thread.join()
        missing = [
            a for a in acknowledged if requests.get(f"{base}/v1/articles/{a}", timeout=30).status_code != 200
        ]
        proc.terminate()
        proc.wait(timeout=30)
    return (
        f"pg-restart: restart took {restart_s:.1f} s, statuses={dict(statuses)} "
        f"http_500={statuses[500]} acknowledged={len(acknowledged)} lost={len(missing)}"
    )
