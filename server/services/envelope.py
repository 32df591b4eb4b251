"""The record envelope of the wire (docs/protocol.md section 2)."""
from functools import lru_cache

from server.models import Record
from server.models.types import rfc3339

# Records written by one push share its time and sit together in the feed, so a page of
# envelopes formats few distinct times: remembered, not formatted twice per record.
_time_text = lru_cache(maxsize=4096)(rfc3339)

ENVELOPE_COLUMNS = ("type", "id", "rev", "deleted", "data", "team_id", "created_at", "created_by",
                    "updated_at", "updated_by")


def envelope(record: Record) -> dict:
    """The record envelope of docs/protocol.md section 2."""
    return row_envelope({column: getattr(record, column) for column in ENVELOPE_COLUMNS})


def row_envelope(row) -> dict:
    """The envelope from a records row (any mapping of its columns)."""
    return {"type": row["type"], "id": row["id"], "rev": row["rev"], "deleted": row["deleted"],
            "data": row["data"], "team_id": row["team_id"],
            "created_at": _time_text(row["created_at"]), "created_by": row["created_by"],
            "updated_at": _time_text(row["updated_at"]), "updated_by": row["updated_by"]}
