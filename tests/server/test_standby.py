"""Pulls read from a hot standby when PULL_DATABASE_URL is set; everything else, the primary.

The wiring, on the test suite's PostgreSQL: a pull's statements on the pull engine are reads
in READ ONLY transactions; its last-seen stamp and audit entry go to the primary.
"""
import os
import subprocess
import sys

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import InternalError

from server import create_app
from server.extensions import db
from server.services.pull_reads import ENGINE, pull_reads
from tests.conftest import PG_URL, config_for, create_users, migrated_app, reset_postgres_schema
from tests.live_server import ROOT
from tests.server.sync_helpers import Device, new_id

# --- the wiring ---------------------------------------------------------------------------


@pytest.fixture
def pull_app():
    """The app on PostgreSQL with PULL_DATABASE_URL naming the same database (a standby
    that never lags): which engine runs which statement is what the tests look at."""
    if not PG_URL:
        pytest.skip("PostgreSQL not configured")
    url = PG_URL.rsplit("/", 1)[0] + "/feltmappe_test_2"
    reset_postgres_schema(url)
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
