"""Importing cases from the case system's CSV export (docs/protocol.md section 9; admins)."""
from flask import Blueprint, request

from server.api.common import authenticated, documented, load_with
from server.errors import Problem
from server.extensions import db
from server.models import Team
from server.schemas.imports import ImportQuery, ImportSummary
from server.services.imports import ImportFailed, import_cases
from sync.types import Actor

api = Blueprint("imports", __name__)

CSV = "text/csv"
IMPORT_QUERY = [
    {"name": "team_id", "in": "query", "required": True,
     "schema": {"type": "string", "format": "uuid"}},
    {"name": "dry_run", "in": "query", "required": False,
     "schema": {"type": "string", "enum": ["0", "1"]}}]


@api.post("/admin/import")
@documented("Import citizens, companies and placements from a CSV export", ImportSummary,
            query=IMPORT_QUERY, consumes=CSV, errors=(400, 401, 403, 413, 415))
@authenticated
def import_file(actor: Actor):
    """Check (dry run) or import a case-system export for one team; all or nothing."""
    if not actor.is_admin:
        raise Problem("forbidden", 403, "Forbidden", "only admins import cases")
    if request.mimetype != CSV:
        raise Problem("unsupported-media-type", 415, "Unsupported media type",
                      "send the CSV file as text/csv")
    query = load_with(ImportQuery(), request.args.to_dict(), "Invalid query")
    if db.session.get(Team, query["team_id"]) is None:
        raise Problem("validation", 400, "Invalid query", "team_id: no such team",
                      errors={"team_id": ["no such team"]})
    try:
        return import_cases(actor, query["team_id"], request.get_data(cache=False),
                            query["dry_run"])
    except ImportFailed as failed:
        raise Problem("validation", 400, "The file cannot be imported",
                      f"{len(failed.summary['errors'])} problems; nothing was imported",
                      **failed.summary) from None
