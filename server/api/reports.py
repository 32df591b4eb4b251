"""Reports (docs/protocol.md 8): the activity report as JSON, CSV or XLSX."""
from flask import Blueprint, Response, request
from sqlalchemy import select

from server.api.common import authenticated, documented, load_with
from server.extensions import db
from server.models import User
from server.schemas import team_wire
from server.services import report_files, reports
from sync.types import Actor

api = Blueprint("reports", __name__)

REPORT_QUERY = [{"name": name, "in": "query", "required": name in ("from", "to"),
                 "schema": {"type": "string", **extra}} for name, extra in (
    ("from", {"format": "date"}), ("to", {"format": "date"}), ("team_id", {}), ("user_id", {}),
    ("format", {"enum": ["json", "csv", "xlsx"]}))]
FILES = {"csv": ("text/csv", report_files.as_csv),  # Flask adds "; charset=utf-8"
         "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  report_files.as_xlsx)}


@api.get("/reports/activity")
@documented("The activity report of a team or a user over a period", team_wire.ActivityReport,
            query=REPORT_QUERY, errors=(400, 401, 404),
            also_produces=tuple(mimetype for mimetype, _ in FILES.values()))
@authenticated
def activity(actor: Actor):
    """Meetings, contacts, job orders and placements counted per team, user and week."""
    query = load_with(team_wire.ReportQuery(), request.args.to_dict(), "Invalid query")
    report = reports.activity(actor, query["from_"], query["to"], query["team_id"],
                              query["user_id"])
    if query["format"] == "json":
        return report
    names = dict(db.session.execute(select(User.id, User.display_name)).all())
    mimetype, render = FILES[query["format"]]
    filename = f"aktivitet-{report['from']}-{report['to']}.{query['format']}"
    return Response(render(report, names), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})
