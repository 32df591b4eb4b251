"""The restore drill: back up while serving, change more from two devices, restore, start again.

The devices follow docs/protocol.md section 4: after the restore their checkpoints answer 410, they
pull from the beginning, push again what they hold that the restored database lacks (a record
it does not return, or returns at a lower rev), and then their unsent edits. The drill keeps a
ledger of every change acknowledged after the backup and reports what came back and what is
lost: only what no device holds any more may be lost.
"""
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.conftest import BOTH_DATABASES, live_postgres_url
from tests.live_server import ROOT, LiveServer

USERS = {f"d{n}": ("Nord", "consultant") for n in range(4)}
FLASK = Path(sys.executable).with_name("flask")


class Device:
    """A tablet: rows as last synced, an outbox of unsent changes, a checkpoint."""

    def __init__(self, server: LiveServer, username: str):
        self.session = requests.Session()
        self.session.headers.update(server.login(username, self.session))
        self.url = server.url
        self.rows: dict[str, dict] = {}
        self.outbox: dict[str, dict] = {}
        self.since: str | None = None

    def create(self, name: str) -> str:
        """A new company in the outbox."""
        record_id = str(uuid.uuid4())
        self.outbox[record_id] = {"type": "company", "id": record_id, "base_rev": 0,
                                  "data": {"name": name, "city": "Fjordby"}}
        return record_id

    def edit(self, record_id: str, **fields) -> None:
        """An edit of a synced row into the outbox."""
        row = self.rows[record_id]
        self.outbox[record_id] = {"type": row["type"], "id": record_id, "base_rev": row["rev"],
                                  "data": {**row["data"], **fields}}

    def push(self) -> list[dict]:
        """Send the outbox; rows take the results."""
        changes = [{"mutation_id": str(uuid.uuid4()), "op": "upsert", **c}
                   for c in self.outbox.values()]
        if not changes:
            return []
        answer = self.session.post(f"{self.url}/api/v1/sync/push", json={"changes": changes},
                                   timeout=60)
        assert answer.status_code == 200, answer.text
        results = answer.json()["results"]
        for result in results:
            assert result["status"] in ("applied", "merged"), result
            self.rows[result["id"]] = result["record"]
            del self.outbox[result["id"]]
        return results

    def pull(self) -> int:
        """Pull every page after the checkpoint; the status that ended it (200 or 410)."""
        while True:
            params = {"since": self.since} if self.since else {}
            answer = self.session.get(f"{self.url}/api/v1/sync/pull", params=params, timeout=60)
            if answer.status_code != 200:
                return answer.status_code
            page = answer.json()
            for record in page["changes"]:
                if record["rev"] > self.rows.get(record["id"], {}).get("rev", 0):
                    self.rows[record["id"]] = record
            self.since = page["checkpoint"]
            if not page["has_more"]:
                return 200

    def resync(self) -> list[str]:
        """Pull from the beginning; queue again what the server lacks; drop the rest unseen."""
        held, self.rows, self.since = self.rows, {}, None
        assert self.pull() == 200
        again = []
        for record_id, row in held.items():
            server = self.rows.get(record_id)
            if record_id in self.outbox:
                continue
            if server is None or (row["rev"] > server["rev"] and row["data"] != server["data"]):
                self.outbox[record_id] = {"type": row["type"], "id": record_id,
                                          "base_rev": server["rev"] if server else 0,
                                          "data": row["data"]}
                again.append(record_id)
        return again


def _flask(url: str, *args: str) -> str:
    """A flask command as an operator runs it."""
    done = subprocess.run([str(FLASK), *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "DATABASE_URL": url, "FLASK_APP": "wsgi"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def _generation(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as conn:
        value = conn.execute(text("SELECT value FROM server_meta "
                                  "WHERE key = 'restore_generation'")).scalar_one()
    engine.dispose()
    return value


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """A fresh database file, or the live PostgreSQL test database."""
    if request.param == "postgresql":
        return live_postgres_url()
    return f"sqlite:///{tmp_path / 'drill.sqlite3'}"


@pytest.mark.slow
def test_restore_drill_loses_only_what_no_device_holds(database_url, tmp_path):
    server = LiveServer(database_url, USERS, workers=2)
    try:
        anne, bo = Device(server, "d0"), Device(server, "d1")
        first, second = anne.create("Før backup A/S"), anne.create("Uændret ApS")
        bo.create("Bos firma")
        for device in (anne, bo, anne):
            device.push()
            assert device.pull() == 200

        written = _flask(database_url, "backup", "--to", str(tmp_path))
        backup = Path(written.strip().splitlines()[-1].split(": ", 1)[1].rsplit(" (", 1)[0])
        generation = _generation(database_url)

        ledger: dict[str, dict] = {}
        anne.edit(first, city="Nyby")
        anne.create("Efter backup A/S")
        bo.create("Bo efter backup ApS")
        for device in (anne, bo, anne, bo):
            ledger.update({r["id"]: r["record"]["data"] for r in device.push()})
            assert device.pull() == 200
        carl = Device(server, "d2")
        gone = carl.create("Kun på Carls tablet ApS")
        ledger.update({r["id"]: r["record"]["data"] for r in carl.push()})
        del carl  # wiped: no device holds its record any more
        anne.edit(second, city="Redigeret uden net")
        unsent = anne.create("Ikke sendt ApS")

        server.stop()
        assert "restored; new restore generation" in _flask(
            database_url, "restore", str(backup), "--yes")
        server.start()
        assert _generation(database_url) != generation

        assert anne.pull() == 410 and bo.pull() == 410
        pushed_again = set(anne.resync()) | set(bo.resync())
        for device in (anne, bo, anne, bo):
            device.push()
            assert device.pull() == 200
        truth = Device(server, "d3")
        assert truth.pull() == 200

        lost = {rid: data for rid, data in ledger.items()
                if truth.rows.get(rid, {}).get("data") != data}
        print(f"restore drill: {len(ledger)} changes acknowledged after the backup; "
              f"{len(pushed_again)} records pushed again by the devices; lost (held by no "
              f"device): {sorted(d['name'] for d in lost.values())}")
        assert list(lost) == [gone]
        assert truth.rows[second]["data"]["city"] == "Redigeret uden net"
        history = truth.session.get(f"{truth.url}/api/v1/records/company/{second}/history",
                                    timeout=60).json()["revisions"]
        assert [(h["rev"], h["data"]["city"]) for h in history] == [
            (1, "Fjordby"), (2, "Redigeret uden net")], \
            "the backup's newest revision (its body kept once, in the record) is still history"
        assert unsent in truth.rows and not anne.outbox and not bo.outbox
        for device in (anne, bo):
            assert {k: v["data"] for k, v in device.rows.items()} == \
                {k: v["data"] for k, v in truth.rows.items()}
    finally:
        server.stop()
