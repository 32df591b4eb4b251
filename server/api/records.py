"""Single records and their history (docs/protocol.md section 5)."""
from flask import Blueprint

from server.api.common import authenticated, documented
from server.schemas import wire
from server.services import records
from sync.types import Actor

api = Blueprint("records", __name__)


@api.get("/records/<string:record_type>/<uuid:record_id>")
@documented("One record's envelope", wire.Envelope, errors=(401, 404))
@authenticated
def get_record(record_type: str, record_id, actor: Actor):
    """The newest state of one record."""
    return records.read_record(actor, record_type, str(record_id))


@api.get("/records/<string:record_type>/<uuid:record_id>/history")
@documented("Every revision of one record, oldest first", wire.History, errors=(401, 404))
@authenticated
def record_history(record_type: str, record_id, actor: Actor):
    """The revisions of one record."""
    return {"revisions": records.history(actor, record_type, str(record_id))}
