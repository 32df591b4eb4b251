"""The record envelope of the wire (docs/protocol.md section 2)."""
from server.models import Record
from server.models.types import rfc3339


def envelope(record: Record) -> dict:
    """The record envelope of docs/protocol.md section 2."""
    return {"type": record.type, "id": record.id, "rev": record.rev, "deleted": record.deleted,
            "data": record.data, "team_id": record.team_id,
            "created_at": rfc3339(record.created_at), "created_by": record.created_by,
            "updated_at": rfc3339(record.updated_at), "updated_by": record.updated_by}
