"""Fault injection through real processes: a gunicorn worker killed with SIGKILL in the
middle of push batches, and PostgreSQL restarted while 8 devices push and pull.

Each device creates companies and edits its own ones (so every acknowledged edit must make
exactly one revision), re-sending a push unchanged, with the same mutation ids, whenever it
gets no answer or a 5xx. Afterwards: every device converges on the server's state, no
acknowledged change is lost, and no change was applied twice (each record's rev is exactly
1 + its acknowledged edits).
"""
import os
import signal
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.conftest import BOTH_DATABASES, live_postgres_url
from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
DEVICES = 8
USERS = {f"f{n}": ("Nord", "consultant") for n in range(DEVICES + 1)}


def _send(session, method, url, **kwargs):
    """Send until the server answers below 500 (a lost connection or a 5xx: the same again)."""
    for _ in range(600):
        try:
            answer = session.request(method, url, timeout=60, **kwargs)
        except requests.RequestException:
            time.sleep(0.1)
            continue
        if answer.status_code < 500:
            return answer
        time.sleep(0.1)
    raise AssertionError(f"{method} {url} never answered")


class Writer:
    """One device: creates companies and edits its own, remembering what was acknowledged."""

    def __init__(self, server: LiveServer, username: str):
        self.server, self.session = server, requests.Session()
        self.session.headers.update(server.login(username, self.session))
        self.revs: dict[str, int] = {}
        self.data: dict[str, dict] = {}

    def round(self, number: int, creates: int) -> None:
        """One push: new companies, and one edit of each company made in earlier rounds."""
        changes = []
        for record_id, rev in sorted(self.revs.items()):
            data = {**self.data[record_id], "city": f"By {number}"}
            changes.append({"mutation_id": str(uuid.uuid4()), "type": "company", "id": record_id,
                            "op": "upsert", "base_rev": rev, "data": data})
        for _ in range(creates):
            data = {"name": f"Firma {uuid.uuid4().hex[:8]}", "city": "Start"}
            changes.append({"mutation_id": str(uuid.uuid4()), "type": "company",
                            "id": str(uuid.uuid4()), "op": "upsert", "base_rev": 0,
                            "data": data})
        answer = _send(self.session, "POST", f"{self.server.url}/api/v1/sync/push",
                       json={"changes": changes})
        assert answer.status_code == 200, answer.text
        for change, result in zip(changes, answer.json()["results"], strict=True):
            assert result["status"] == "applied", result
            assert result["rev"] == change["base_rev"] + 1, "applied once, from its base"
            self.revs[change["id"]], self.data[change["id"]] = result["rev"], change["data"]

    def pull_all(self) -> dict[str, tuple[int, dict]]:
        """Every record of the team, from the beginning."""
        found, since = {}, None
        while True:
            params = {"limit": 1000, **({"since": since} if since else {})}
            answer = _send(self.session, "GET", f"{self.server.url}/api/v1/sync/pull",
                           params=params)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            found.update({r["id"]: (r["rev"], r["data"]) for r in page["changes"]})
            since = page["checkpoint"]
            if not page["has_more"]:
                return found


def _run(server: LiveServer, rounds: int, creates: int, fault) -> list[Writer]:
    """Every device pushes its rounds (and pulls between them) while `fault()` strikes."""
    writers = [Writer(server, f"f{n}") for n in range(DEVICES)]
    start = threading.Barrier(DEVICES + 1, timeout=120)

    def work(writer: Writer) -> None:
        start.wait()
        for number in range(rounds):
            writer.round(number, creates)
            writer.pull_all()

    with ThreadPoolExecutor(DEVICES) as pool:
        futures = [pool.submit(work, writer) for writer in writers]
        start.wait()
        fault()
        for future in futures:
            future.result()
    return writers


def _check(server: LiveServer, writers: list[Writer]) -> None:
    """Convergence, no acknowledged change lost, none applied twice."""
    truth = Writer(server, f"f{DEVICES}").pull_all()
    for writer in writers:
        assert writer.pull_all() == truth, "every device converges on the server's state"
        for record_id, rev in writer.revs.items():
            assert truth[record_id] == (rev, writer.data[record_id]), "acknowledged, kept, once"
    assert len(truth) == sum(len(w.revs) for w in writers)


def _workers(master: int) -> list[int]:
    """The gunicorn master's worker processes."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


@pytest.mark.parametrize("backend", BOTH_DATABASES)
def test_a_worker_killed_in_the_middle_of_pushes_loses_and_doubles_nothing(
        backend, tmp_path):
    url = live_postgres_url() if backend == "postgresql" \
        else f"sqlite:///{tmp_path / 'faults.sqlite3'}"
    server = LiveServer(url, USERS, workers=2)
    killed = []

    def kill_workers() -> None:
        for _ in range(3):
            time.sleep(0.8)
            victim = _workers(server.process.pid)[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    try:
        writers = _run(server, rounds=4, creates=50, fault=kill_workers)
        _check(server, writers)
    finally:
        server.stop()
    assert len(killed) == 3


@pytest.mark.postgres
def test_a_postgresql_restart_while_8_devices_push_and_pull(tmp_path):
    # scripts/test-postgres.sh gives a test database only where pg_ctlcluster runs it
    server = LiveServer(live_postgres_url(), USERS, workers=2)

    def restart_postgresql() -> None:
        time.sleep(1.0)
        subprocess.run(["pg_ctlcluster", "15", "main", "restart"], check=True, timeout=120)

    try:
        writers = _run(server, rounds=4, creates=40, fault=restart_postgresql)
        _check(server, writers)
    finally:
        server.stop()
