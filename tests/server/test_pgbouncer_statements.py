"""Behind PgBouncer's transaction pooling no statement may be prepared on the server
(DATABASE_PREPARED_STATEMENTS=off): two app connections would meet on one server connection
with the same psycopg statement name. A 10-minute load run through `make cluster` answered
34 pushes with 500 (DuplicatePreparedStatement) while the store's bulk UPDATE was an
executemany, which psycopg prepares whatever prepare_threshold says."""
import pytest
from sqlalchemy import event, text

from server.extensions import db
from tests.conftest import migrated_app, spare_postgres_url
from tests.server.sync_helpers import Device, new_id

pytestmark = pytest.mark.postgres


@pytest.fixture
def pooled_app():
    """The app on PostgreSQL with prepared statements off and one pooled connection."""
    url = spare_postgres_url()
    app = migrated_app(url, SQLALCHEMY_ENGINE_OPTIONS={
        "connect_args": {"prepare_threshold": None}, "pool_size": 1, "max_overflow": 0})
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def test_pushes_that_update_records_and_drop_references_prepare_nothing(pooled_app):
    from server.services.auth import create_user
    create_user("anne", "anne-password-1", "Nord")
    db.session.commit()
    many: list[str] = []  # psycopg prepares every executemany, so none may reach it

    def record_executemany(conn, cursor, statement, parameters, context, executemany):
        if executemany:
            many.append(statement.split(" ", 3)[:3])

    event.listen(db.engine, "before_cursor_execute", record_executemany)
    anne = Device(pooled_app.test_client(), "anne")
    companies = [new_id() for _ in range(3)]
    for company in companies:
        assert anne.upsert("company", company, {"name": "Tarm Is"})["status"] == "applied"
    contact = new_id()
    assert anne.upsert("contact", contact, {"company_id": companies[0], "name": "Eva"})[
        "status"] == "applied"
    results = anne.push(*[{"mutation_id": new_id(), "type": "company", "id": company,
                           "op": "upsert", "base_rev": 1,
                           "data": {"name": "Tarm Is", "city": "Tarm"}} for company in companies],
                        {"mutation_id": new_id(), "type": "contact", "id": contact,
                         "op": "upsert", "base_rev": 1,
                         "data": {"company_id": companies[1], "name": "Eva"}})
    assert [r["status"] for r in results] == ["applied"] * 4, results
    event.remove(db.engine, "before_cursor_execute", record_executemany)
    assert many == []
    assert db.session.scalar(text("SELECT count(*) FROM pg_prepared_statements")) == 0
    cities = db.session.scalars(text("SELECT data->>'city' FROM records WHERE type = 'company'"))
    assert list(cities) == ["Tarm"] * 3
    targets = db.session.scalars(text(
        "SELECT target_id FROM record_references WHERE source_id = :c"), {"c": contact})
    assert list(targets) == [companies[1]]
