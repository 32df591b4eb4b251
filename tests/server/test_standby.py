"""Pulls read from a hot standby when PULL_DATABASE_URL is set; everything else, the primary.

The wiring, on the test suite's PostgreSQL: a pull's statements on the pull engine are reads
in READ ONLY transactions; its last-seen stamp and audit entry go to the primary. The live
test: deploy/cluster.py's cluster with a standby made by pg_basebackup (PostgreSQL clusters,
ports and directory of its own); pushers write the primary through the proxy while
checkpoint-following pullers read the standby and miss nothing, and a paused replay shows an
older state (an older restore generation too), never a wrong one.
"""
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import InternalError

from deploy.cluster import PG_VERSION, Cluster, Layout
from server import create_app
from server.extensions import db
from server.services.pull_reads import ENGINE, pull_reads
from tests.conftest import (
    config_for,
    create_users,
    migrated_app,
    spare_postgres_url,
)
from tests.live_server import ROOT, ClusterServer, free_port, started_cluster
from tests.server import test_concurrency as concurrency
from tests.server.sync_helpers import Device, new_id

# --- the wiring ---------------------------------------------------------------------------


@pytest.fixture
def pull_app():
    """The app on PostgreSQL with PULL_DATABASE_URL naming the same database (a standby
    that never lags): which engine runs which statement is what the tests look at."""
    url = spare_postgres_url()
    app = migrated_app(url, PULL_DATABASE_URL=url, SQLALCHEMY_ENGINE_OPTIONS={
        "connect_args": {"prepare_threshold": None}})
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()
        app.extensions[ENGINE].dispose()


def _recorded(engine, into: list[str]) -> None:
    """Append every statement the engine runs to `into`."""
    event.listen(engine, "before_cursor_execute",
                 lambda _conn, _cursor, statement, *_: into.append(statement))


@pytest.mark.postgres
def test_a_pull_reads_on_the_pull_engine_and_writes_its_audit_on_the_primary(pull_app):
    create_users()
    client = pull_app.test_client()
    anne, lis = Device(client, "anne"), Device(client, "lis")
    citizen = new_id()
    anne.upsert("citizen", citizen, {"name": "Mette Hansen"})
    primary: list[str] = []
    pulls: list[str] = []
    _recorded(db.engine, primary)
    _recorded(pull_app.extensions[ENGINE], pulls)
    page = lis.pull()
    assert [record["id"] for record in page["changes"]] == [citizen]
    assert all(s.lstrip().upper().startswith("SELECT") for s in pulls), pulls
    for table in ("server_meta", "records", "feed_purges"):
        assert any(f"FROM {table}" in s for s in pulls), f"{table} not read on the pull engine"
        assert not any(f"FROM {table}" in s for s in primary), f"{table} read on the primary"
    assert any(s.startswith("INSERT INTO audit_events") for s in primary)
    audited = db.session.execute(text(
        "SELECT e.action, r.record_id FROM audit_events e JOIN audit_records r "
        "ON r.event_id = e.id WHERE e.device_id = :device"), {"device": lis.device_id}).all()
    assert [tuple(row) for row in audited] == [("pull", citizen)]


@pytest.mark.postgres
def test_nothing_writes_through_the_pull_engine(pull_app):
    with pull_reads(), pytest.raises(InternalError, match="read-only transaction"):
        db.session.execute(text("UPDATE server_meta SET value = value"))
    with pull_app.extensions[ENGINE].connect() as connection:
        assert connection.connection.driver_connection.prepare_threshold is None, \
            "the pull engine has the primary's engine options (PgBouncer: nothing prepared)"


def test_without_pull_database_url_there_is_no_pull_engine_and_it_must_be_postgresql():
    assert ENGINE not in create_app(config_for()).extensions
    with pytest.raises(ValueError, match="PULL_DATABASE_URL"):
        create_app(config_for(PULL_DATABASE_URL="sqlite:///standby.sqlite3"))


def test_prepared_statements_off_reaches_the_engine_options():
    env = {**os.environ, "DATABASE_PREPARED_STATEMENTS": "off"}
    options = subprocess.run(
        [sys.executable, "-c", "from server.config import Config; "
                               "print(Config.SQLALCHEMY_ENGINE_OPTIONS)"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "'prepare_threshold': None" in options and "'hide_parameters': True" in options


# --- the live cluster with a standby -------------------------------------------------------

MISSING = [name for name in ("nginx", "pgbouncer", "pg_ctlcluster", "pg_createcluster",
                             "pg_basebackup")
           if not shutil.which(name) and not Path(f"/usr/sbin/{name}").exists()]
needs_cluster = pytest.mark.skipif(
    bool(MISSING), reason=f"{', '.join(MISSING)} not installed (scripts/ensure-cluster.sh)")


class StandbyServer(ClusterServer):
    """The cluster with its standby, and the standby's replay."""

    def standby_sql(self, sql: str) -> str:
        """Run SQL as the superuser on the standby."""
        return self.cluster._psql(sql, port=self.cluster.layout.standby_port).strip()

    def wait_for_replay(self, seconds: float = 30) -> None:
        """Wait until the standby has replayed all the primary has written until now."""
        target = self.cluster._psql("SELECT pg_current_wal_lsn()").strip()
        deadline = time.monotonic() + seconds
        while self.standby_sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'") != "t":
            assert time.monotonic() < deadline, "the standby did not catch up"
            time.sleep(0.05)


def _drop_postgres(layout: Layout) -> None:
    """Remove the test's own PostgreSQL clusters (they must be down)."""
    listed = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    for name in (layout.standby_cluster, layout.pg_cluster):
        if any(line.split()[:2] == [PG_VERSION, name] for line in listed.splitlines()):
            subprocess.run(["pg_dropcluster", PG_VERSION, name], check=True)


@pytest.fixture(scope="module")
def standby():
    """A 2-server cluster whose pulls read a hot standby, on PostgreSQL clusters of its own;
    stopped (by pid) and removed afterwards."""
    layout = Layout(directory=ROOT / "instance" / "cluster-standby-ci", https_port=free_port(),
                    app_ports=(free_port(), free_port()), pgbouncer_port=free_port(),
                    pg_port=free_port(), pg_cluster="feltmappe_ci_primary", standby=True,
                    standby_port=free_port(), standby_cluster="feltmappe_ci_standby",
                    database="feltmappe_ci", seed_demo=False, pool_size=10,
                    app_env={"LOGIN_FAILURES_PER_ADDRESS": "100000"})
    made = Cluster(layout)
    made.stop()
    _drop_postgres(layout)
    try:
        with started_cluster(made, concurrency.USERS):
            yield StandbyServer(made)
    finally:
        made.stop()
        _drop_postgres(layout)


@pytest.mark.slow
@needs_cluster
def test_checkpoint_following_pullers_on_the_standby_miss_nothing(standby):
    """The no-skip test: pushers of two teams write the primary through the proxy, each
    team's pullers follow their checkpoints on the standby; once the standby has replayed
    the last push, every puller holds every record's final rev on the primary."""
    pullers = concurrency.push_while_pullers_follow(standby)
    standby.wait_for_replay()
    engine = create_engine(standby.cluster.direct_url())
    with engine.connect() as primary:
        truths = {team: dict(primary.execute(text(
            "SELECT r.id, r.rev FROM records r JOIN teams t ON t.id = r.team_id "
            "WHERE t.name = :team"), {"team": team}).all()) for team in concurrency.TEAMS}
    engine.dispose()
    for (team, _n), puller in pullers.items():
        assert puller.pulls > 3, "the puller must have pulled while pushes were in flight"
        puller.pull()
        truth = truths[team]
        assert len(truth) >= sum(concurrency.SIZES) * concurrency.ROUNDS + concurrency.SHARED
        missed = sorted(i for i, rev in truth.items() if puller.seen.get(i) != rev)
        assert not missed, f"{team}'s puller on the standby missed {len(missed)} changes"


@pytest.mark.slow
@needs_cluster
def test_a_lagging_standby_shows_an_older_state_and_an_older_generation_never_a_wrong_one(
        standby):
    headers = standby.login("k0")
    session = requests.Session()

    def pull(since: str | None) -> requests.Response:
        return session.get(f"{standby.url}/api/v1/sync/pull", headers=headers, timeout=30,
                           params={"since": since} if since else {})

    def push(name: str) -> str:
        record = str(uuid.uuid4())
        concurrency._push(session, standby, headers, [{
            "mutation_id": str(uuid.uuid4()), "type": "company", "id": record, "op": "upsert",
            "base_rev": 0, "data": concurrency._company(name)}])
        return record

    push("Før pausen ApS")
    standby.wait_for_replay()
    checkpoint, _ = _pull_to_end(pull)
    standby.standby_sql("SELECT pg_wal_replay_pause()")
    try:
        later = push("Under pausen ApS")
        standby.cluster._psql("UPDATE server_meta SET value = 'restored' "
                              "WHERE key = 'restore_generation'", "feltmappe_ci")
        lagging = pull(checkpoint)
        assert lagging.status_code == 200, lagging.text
        assert lagging.json()["changes"] == [], "the standby is older: nothing new yet"
    finally:
        standby.standby_sql("SELECT pg_wal_replay_resume()")
    standby.wait_for_replay()
    resync = pull(checkpoint)
    assert resync.status_code == 410, resync.text
    assert resync.json()["type"].endswith("/resync-required")
    assert later in _pull_to_end(pull)[1], "the resync from the beginning has it"


def _pull_to_end(pull) -> tuple[str, set[str]]:
    """Pull from the beginning to the feed's end: the last checkpoint and the ids pulled."""
    since, ids = None, set()
    while True:
        answer = pull(since)
        assert answer.status_code == 200, answer.text
        ids |= {record["id"] for record in answer.json()["changes"]}
        since = answer.json()["checkpoint"]
        if not answer.json()["has_more"]:
            return since, ids
