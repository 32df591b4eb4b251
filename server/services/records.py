"""Reading records and their history within the caller's scope."""
from sqlalchemy import select

from server.errors import Problem
from server.extensions import db
from server.models import Record, Revision
from server.models.records import revision_data
from server.models.types import rfc3339
from server.services.audit import log_access
from server.services.envelope import envelope
from server.services.transaction import in_write_transaction
from sync.types import Actor


def readable(actor: Actor, record: Record | None) -> bool:
    """Whether the actor may read this record: its team, or any team for an admin."""
    return record is not None and (actor.is_admin or record.team_id == actor.team_id)


def get_record(actor: Actor, record_type: str, record_id: str) -> Record:
    """The record, or 404 not-found when it is absent or not readable (the same answer)."""
    record = db.session.get(Record, record_id)
    if record is None or not readable(actor, record) or record.type != record_type:
        raise Problem("not-found", 404, "Not found")
    return record


def read_record(actor: Actor, record_type: str, record_id: str) -> dict:
    """The envelope of a readable record; the read is audited."""
    record = get_record(actor, record_type, record_id)
    answer = envelope(record)
    _audit_read(actor, "read", record)
    return answer


def history(actor: Actor, record_type: str, record_id: str) -> list[dict]:
    """Every kept revision of a readable record, oldest first; the read is audited."""
    record = get_record(actor, record_type, record_id)
    revisions = db.session.execute(
        select(Revision.rev, revision_data().label("data"), Revision.deleted, Revision.updated_at,
               Revision.updated_by, Revision.device_id).join_from(Revision, Record)
        .where(Revision.record_id == record.id).order_by(Revision.rev))
    answer = [{"rev": r.rev, "data": r.data, "deleted": r.deleted,
               "updated_at": rfc3339(r.updated_at), "updated_by": r.updated_by,
               "device_id": r.device_id} for r in revisions]
    _audit_read(actor, "history", record)
    return answer


def _audit_read(actor: Actor, action: str, record: Record) -> None:
    """Log the read of a record that concerns a citizen, in its own short write."""
    touched = [(record.type, record.id, record.citizen_id)]
    if record.citizen_id:
        in_write_transaction(lambda _store: log_access(actor, action, touched))
    else:
        db.session.rollback()
