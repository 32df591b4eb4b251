"""The migrations build the schema from empty, and match the models exactly."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from server.extensions import db
from server.models import FeedCounter, ServerMeta
from tests.conftest import PG_URL, migrated_app, reset_postgres_schema


def _fresh_url(backend: str, tmp_path) -> str:
    if backend == "postgresql":
        if not PG_URL:
            pytest.skip("PostgreSQL not configured")
        url = PG_URL.rsplit("/", 1)[0] + "/feltmappe_test_2"
        reset_postgres_schema(url)
        return url
    return f"sqlite:///{tmp_path / 'empty.sqlite3'}"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrade_from_empty_matches_the_models(backend, tmp_path):
    app = migrated_app(_fresh_url(backend, tmp_path))
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        assert db.session.scalar(select(FeedCounter.value)) == 0
        meta = dict(db.session.execute(select(ServerMeta.key, ServerMeta.value)).all())
        assert set(meta) == {"database_id", "restore_generation"}
        db.engine.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    app = migrated_app(f"sqlite:///{tmp_path / 'wal.sqlite3'}")
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
