"""The access audit: events a device logged offline, and a citizen's access log."""
from flask import Blueprint, request

from server.api.common import authenticated, documented, json_body, load_with
from server.schemas import wire
from server.services import audit
from server.services.transaction import in_write_transaction
from sync.types import Actor

api = Blueprint("audit", __name__)

AUDIT_QUERY = [{"name": "citizen_id", "in": "query", "required": True,
                "schema": {"type": "string", "format": "uuid"}}]


@api.post("/audit/events")
@documented("Store what the device did while offline", wire.Stored, wire.DeviceEvents)
@authenticated
def device_events(actor: Actor):
    """Take the device's offline audit events; ids already received are ignored."""
    events = json_body(wire.DeviceEvents())["events"]
    stored = in_write_transaction(lambda _store: audit.record_device_events(actor, events))
    return {"stored": stored}


@api.get("/audit")
@documented("Who looked at or changed a citizen's data", wire.AuditLog, query=AUDIT_QUERY,
            errors=(400, 401, 403, 404))
@authenticated
def citizen_log(actor: Actor):
    """A citizen's access log (leads and admins)."""
    query = load_with(wire.AuditQuery(), request.args.to_dict(), "Invalid query")
    return {"events": audit.citizen_log(actor, query["citizen_id"])}
