"""The migrations build the schema from empty, and match the models exactly."""
import json
from datetime import UTC, datetime

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from server import create_app
from server.extensions import db
from server.models import ServerMeta, TeamFeedCounter
from server.services.report_facts import company_key
from tests.conftest import (
    BOTH_DATABASES,
    config_for,
    migrated_app,
    spare_postgres_url,
)


def _fresh_url(backend: str, tmp_path) -> str:
    if backend == "postgresql":
        return spare_postgres_url()
    return f"sqlite:///{tmp_path / 'empty.sqlite3'}"


@pytest.mark.parametrize("backend", BOTH_DATABASES)
def test_upgrade_from_empty_matches_the_models(backend, tmp_path):
    app = migrated_app(_fresh_url(backend, tmp_path))
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        assert db.session.scalar(select(func.count()).select_from(TeamFeedCounter)) == 0
        meta = dict(db.session.execute(select(ServerMeta.key, ServerMeta.value)).all())
        assert set(meta) == {"database_id", "restore_generation"}
        db.engine.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    app = migrated_app(f"sqlite:///{tmp_path / 'wal.sqlite3'}")
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 10000


@pytest.mark.parametrize("backend", BOTH_DATABASES)
def test_0007_keys_the_companies_of_existing_records_and_downgrades(backend, tmp_path):
    url = _fresh_url(backend, tmp_path)
    app = create_app(config_for(SQLALCHEMY_DATABASE_URI=url))
    with app.app_context():
        flask_migrate.upgrade(revision="0006")
        now = datetime(2026, 3, 2, tzinfo=UTC)
        db.session.execute(text("INSERT INTO teams (id, name, created_at) VALUES ('t', 'T', :now)"),
                           {"now": now})
        for record_id, company in (("m1", "e88359db-ea5a-473d-bf6a-e3857d7c6113"), ("m2", None)):
            db.session.execute(text(
                "INSERT INTO records (id, type, team_id, rev, deleted, data, feed_seq, created_at,"
                " created_by, updated_at, updated_by, rpt_company_id) VALUES (:id, 'meeting', 't',"
                " 1, :no, '{}', 0, :now, 'u', :now, 'u', :company)"),
                {"id": record_id, "no": False, "now": now, "company": company})
        db.session.commit()
        flask_migrate.upgrade(revision="0007")
        keys = dict(db.session.execute(text("SELECT id, rpt_company_key FROM records")).all())
        assert keys == {"m1": company_key("e88359db-ea5a-473d-bf6a-e3857d7c6113"), "m2": None}
        db.session.commit()
        flask_migrate.downgrade(revision="0006")
        columns = {column["name"] for column in inspect(db.engine).get_columns("records")}
        assert "rpt_company_key" not in columns and "rpt_company_id" in columns
        db.session.remove()
        db.engine.dispose()


@pytest.mark.parametrize("backend", BOTH_DATABASES)
def test_0008_gives_each_team_the_global_counter_and_the_downgrade_takes_the_highest(
        backend, tmp_path):
    app = create_app(config_for(SQLALCHEMY_DATABASE_URI=_fresh_url(backend, tmp_path)))
    with app.app_context():
        flask_migrate.upgrade(revision="0007")
        for name in ("Nord", "Syd"):
            db.session.execute(text("INSERT INTO teams (id, name, created_at) "
                                    "VALUES (:n, :n, CURRENT_TIMESTAMP)"), {"n": name})
        db.session.execute(text("UPDATE feed_counter SET value = 41"))
        db.session.commit()
        flask_migrate.upgrade()
        assert dict(db.session.execute(select(TeamFeedCounter.team_id, TeamFeedCounter.value))
                    .all()) == {"Nord": 41, "Syd": 41}
        db.session.execute(text("UPDATE team_feed_counters SET value = 57 WHERE team_id = 'Syd'"))
        db.session.commit()
        flask_migrate.downgrade(revision="0007")
        assert db.session.execute(text("SELECT id, value FROM feed_counter")).all() == [(1, 57)]
        assert "team_feed_counters" not in inspect(db.engine).get_table_names()
        db.engine.dispose()


@pytest.mark.parametrize("backend", BOTH_DATABASES)
def test_0009_keeps_revision_bodies_and_the_downgrade_fills_the_nulls(backend, tmp_path):
    app = create_app(config_for(SQLALCHEMY_DATABASE_URI=_fresh_url(backend, tmp_path)))
    with app.app_context():
        flask_migrate.upgrade(revision="0008")
        now = datetime(2026, 3, 2, tzinfo=UTC)
        db.session.execute(text("INSERT INTO teams (id, name, created_at) VALUES ('t', 'T', :now)"),
                           {"now": now})
        db.session.execute(text(
            "INSERT INTO records (id, type, team_id, rev, deleted, data, feed_seq, created_at,"
            " created_by, updated_at, updated_by) VALUES ('c', 'company', 't', 2, :no,"
            " '{\"name\": \"Ny\"}', 0, :now, 'u', :now, 'u')"), {"no": False, "now": now})
        for rev, name in ((1, "Gammel"), (2, "Ny")):
            db.session.execute(text(
                "INSERT INTO revisions (record_id, rev, deleted, data, updated_at, updated_by)"
                " VALUES ('c', :rev, :no, :data, :now, 'u')"),
                {"rev": rev, "no": False, "data": f'{{"name": "{name}"}}', "now": now})
        db.session.commit()
        flask_migrate.upgrade(revision="0009")
        bodies = "SELECT rev, data FROM revisions ORDER BY rev"
        assert [(rev, _json(data)) for rev, data in db.session.execute(text(bodies))] == [
            (1, {"name": "Gammel"}), (2, {"name": "Ny"})], "existing rows are kept as they are"
        db.session.execute(text("UPDATE revisions SET data = NULL WHERE rev = 2"))
        db.session.commit()
        flask_migrate.downgrade(revision="0008")
        assert [(rev, _json(data)) for rev, data in db.session.execute(text(bodies))] == [
            (1, {"name": "Gammel"}), (2, {"name": "Ny"})], "the NULL is the record's data"
        data = next(c for c in inspect(db.engine).get_columns("revisions") if c["name"] == "data")
        assert data["nullable"] is False
        db.session.remove()
        db.engine.dispose()


def _json(value):
    """A JSON column's value as raw SQL returns it: text on SQLite, parsed on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value
