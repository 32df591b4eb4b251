"""The record envelope of the wire (docs/protocol.md section 2)."""
from server.models import Record
from server.models.types import rfc3339

ENVELOPE_COLUMNS = ("type", "id", "rev", "deleted", "data", "team_id", "created_at", "created_by",
                    "updated_at", "updated_by")


def envelope(record: Record) -> dict:
    """The record envelope of docs/protocol.md section 2."""
    return row_envelope({column: getattr(record, column) for column in ENVELOPE_COLUMNS})


def row_envelope(row) -> dict:
    """The envelope from a records row (any mapping of its columns)."""
    return {"type": row["type"], "id": row["id"], "rev": row["rev"], "deleted": row["deleted"],
            "data": row["data"], "team_id": row["team_id"],
            "created_at": rfc3339(row["created_at"]), "created_by": row["created_by"],
            "updated_at": rfc3339(row["updated_at"]), "updated_by": row["updated_by"]}
