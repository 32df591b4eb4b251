"""The access audit for leads and admins: find a citizen, read or download their log."""
from flask import Blueprint, Response, request

from server.api.common import authenticated, documented, json_body, load_with
from server.schemas import admin_wire, wire
from server.services import audit_search
from sync.types import Actor

api = Blueprint("audit_search", __name__)

REPORT_QUERY = [{"name": "citizen_id", "in": "query", "required": True,
                 "schema": {"type": "string", "format": "uuid"}},
                {"name": "format", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["json", "csv"]}}]


@api.post("/audit/citizens")
@documented("Citizens whose name or CPR matches (leads: their team; admins: all); a POST so "
            "that a CPR number never stands in a URL or an access log", admin_wire.CitizenHits,
            admin_wire.CitizenSearch, errors=(400, 401, 403, 415))
@authenticated
def audit_citizens(actor: Actor):
    """Find citizens for the access audit; the hits are logged."""
    search = json_body(admin_wire.CitizenSearch())
    return {"citizens": audit_search.find_citizens(actor, search["q"])}


@api.get("/audit/report")
@documented("A citizen's access log with user and device names, as JSON or CSV",
            admin_wire.AuditReport, query=REPORT_QUERY, errors=(400, 401, 403, 404),
            also_produces=("text/csv",))
@authenticated
def audit_report(actor: Actor):
    """Who opened, pulled, changed or printed what concerning one citizen, and when."""
    query = load_with(wire.AuditQuery(), request.args.to_dict(), "Invalid query")
    report = audit_search.citizen_report(actor, query["citizen_id"])
    if request.args.get("format") != "csv":
        return report
    return Response(audit_search.report_csv(report), mimetype="text/csv",
                    headers={"Content-Disposition":
                             f'attachment; filename="adgangslog-{query["citizen_id"]}.csv"'})
