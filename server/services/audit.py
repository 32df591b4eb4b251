"""The access audit: every read and write of records that concern a citizen is logged.

An event is one access (a pull page, a push, a single read, a resolve, or something a device
did offline); it lists the records it touched that concern a citizen, with that citizen's
id, so the log lists per citizen with one indexed lookup. Entries never hold field values.
"""
from datetime import datetime

from sqlalchemy import select

from server.errors import Problem
from server.extensions import db
from server.models import AuditEvent, AuditRecord, Record
from server.models.types import rfc3339, utcnow
from sync.types import Actor

Touched = list[tuple[str, str, str | None]]


def log_access(actor: Actor, action: str, touched: Touched, at: datetime | None = None,
               client_event_id: str | None = None) -> None:
    """Add an audit event for the records (type, id, citizen) that concern a citizen."""
    concerning = {(t, i, c) for t, i, c in touched if c}
    if not concerning:
        return
    now = utcnow()
    event = AuditEvent(at=at or now, received_at=now, user_id=actor.user_id,
                       device_id=actor.device_id, action=action,
                       client_event_id=client_event_id)
    db.session.add(event)
    db.session.flush()
    db.session.add_all(AuditRecord(event_id=event.id, record_type=t, record_id=i, citizen_id=c)
                       for t, i, c in sorted(concerning))


def readable_citizens(actor: Actor, record_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """{record id: (type, citizen id)} for the records that exist and the actor can read."""
    query = select(Record.id, Record.type, Record.citizen_id).where(Record.id.in_(record_ids))
    if not actor.is_admin:
        query = query.where(Record.team_id == actor.team_id)
    return {record_id: (record_type, citizen)
            for record_id, record_type, citizen in db.session.execute(query)}


def record_device_events(actor: Actor, events: list[dict]) -> int:
    """Store what a device logged offline; ids already received and records the actor cannot
    read (or of another type) are ignored. Answers how many were stored."""
    ids = [event["id"] for event in events]
    seen = set(db.session.scalars(select(AuditEvent.client_event_id).where(
        AuditEvent.device_id == actor.device_id, AuditEvent.client_event_id.in_(ids))))
    known = readable_citizens(actor, [event["record_id"] for event in events])
    stored = 0
    for event in events:
        record_type, citizen = known.get(event["record_id"], (None, None))
        if event["id"] in seen or record_type is None or record_type != event["record_type"] \
                or not citizen:
            continue
        seen.add(event["id"])
        log_access(actor, event["action"], [(record_type, event["record_id"], citizen)],
                   at=event["at"], client_event_id=event["id"])
        stored += 1
    return stored


def citizen_log(actor: Actor, citizen_id: str) -> list[dict]:
    """Who looked at or changed what concerning one citizen (leads and admins)."""
    if actor.role not in ("lead", "admin"):
        raise Problem("forbidden", 403, "Forbidden", "only leads and admins read the audit log")
    citizen = db.session.get(Record, citizen_id)
    if citizen is None or citizen.type != "citizen" or not (
            actor.is_admin or citizen.team_id == actor.team_id):
        raise Problem("not-found", 404, "Not found")
    rows = db.session.execute(
        select(AuditEvent.at, AuditEvent.received_at, AuditEvent.user_id,
               AuditEvent.device_id, AuditEvent.action, AuditRecord.record_type,
               AuditRecord.record_id)
        .join(AuditRecord, AuditRecord.event_id == AuditEvent.id)
        .where(AuditRecord.citizen_id == citizen_id)
        .order_by(AuditEvent.at, AuditEvent.id, AuditRecord.record_id))
    return [{"at": rfc3339(at), "received_at": rfc3339(received), "user_id": user,
             "device_id": device, "action": action, "record_type": record_type,
             "record_id": record_id}
            for at, received, user, device, action, record_type, record_id in rows]
