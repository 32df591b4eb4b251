"""GET /healthz: the process answers and the database does too."""
from flask import Blueprint
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from server.api.common import documented
from server.extensions import db
from server.schemas.wire import Health

health = Blueprint("health", __name__)


@health.get("/healthz")
@documented("Liveness and database check", Health, auth=False, errors=(503,))
def healthz():
    """Answer 200 when the database answers, 503 otherwise."""
    try:
        db.session.execute(text("SELECT 1"))
        db.session.rollback()
    except SQLAlchemyError:
        db.session.rollback()
        return {"status": "error", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}
